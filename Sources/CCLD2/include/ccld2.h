#ifndef CCLD2_H
#define CCLD2_H
// A C face over CLD2, Chrome's compact language detector (Debian libcld2-dev). CLD2's API is C++
// (namespaced functions taking std::vector and enums), which Swift does not call; this one
// function is all ArticleLanguage needs. Thread-safe: CLD2 keeps no state between calls.

#ifdef __cplusplus
extern "C" {
#endif

/// What CLD2 says about a text. Codes are CLD2's own ("fi", "iw", "zh-Hant"), not yet BCP 47.
typedef struct {
    /// The most likely language's code, NUL-terminated; "un" when CLD2 cannot tell.
    char code[16];
    /// The share of the text's letters in that language, 0–100.
    int percent;
    /// The runner-up's code ("un" when none) and share.
    char second_code[16];
    int second_percent;
    /// CLD2's own verdict: the top language is well ahead of the next and the text long enough.
    int reliable;
    /// The number of letter bytes CLD2 scored (tags, digits and punctuation are not counted).
    int text_bytes;
} ccld2_result;

/// Detects the language of `length` bytes of UTF-8 at `text`. `is_plain_text` is 0 for HTML
/// (CLD2 then skips tags and expands entities). `content_language_hint` ("fi,sv", from a
/// Content-Language header) and `tld_hint` ("fi", from a host name) may be NULL.
/// Returns 0 when the bytes are not interchange-valid UTF-8 from the start (then `out->code`
/// is "un"), 1 otherwise.
int ccld2_detect(const char *text, int length, int is_plain_text,
                 const char *content_language_hint, const char *tld_hint, ccld2_result *out);

#ifdef __cplusplus
}
#endif

#endif
