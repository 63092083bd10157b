// See include/ccld2.h. CLD2's public header uses FILE without including <cstdio>, and the
// encodings header names UNKNOWN_ENCODING, so both come first.
#include <cstdio>
#include <cstring>
#include <cld2/public/encodings.h>
#include <cld2/public/compact_lang_det.h>
#include "ccld2.h"

static void copy_code(char *dst, CLD2::Language language) {
    const char *code = CLD2::LanguageCode(language);
    std::strncpy(dst, code ? code : "un", 15);
    dst[15] = '\0';
}

extern "C" int ccld2_detect(const char *text, int length, int is_plain_text,
                            const char *content_language_hint, const char *tld_hint, ccld2_result *out) {
    CLD2::CLDHints hints = {content_language_hint, tld_hint, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
    int percent3[3] = {0, 0, 0};
    double scores3[3] = {0, 0, 0};
    int text_bytes = 0;
    int valid_prefix = 0;
    bool reliable = false;
    CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text, length < 0 ? 0 : length, is_plain_text != 0, &hints, 0,
        language3, percent3, scores3, NULL, &text_bytes, &reliable, &valid_prefix);
    copy_code(out->code, top);
    copy_code(out->second_code, language3[1]);
    out->percent = top == language3[0] ? percent3[0] : 0;
    out->second_percent = percent3[1];
    out->reliable = reliable ? 1 : 0;
    out->text_bytes = text_bytes;
    return valid_prefix < length ? 0 : 1;
}
