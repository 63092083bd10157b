#include "cvips.h"
#include "lazy.h"
#include <pthread.h>
#include <string.h>

static pthread_once_t started = PTHREAD_ONCE_INIT;
static int start_status = -1;
static char start_failure[200];

static void silence(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

static void start_once(void) {
    // VIPS_INIT's check: the library behind the SONAME must have the ABI its number promises.
    int abi = vips_version(3) - vips_version(5);
    if (abi != CVIPS_VIPS_ABI) {
        snprintf(start_failure, sizeof start_failure, "the image library libvips.so.%d has ABI version %d, not %d",
                 CVIPS_VIPS_ABI, abi, CVIPS_VIPS_ABI);
        return;
    }
    start_status = vips_init("articlekit");
    if (start_status == 0) {
        // Untrusted images: no operation cache (each image is seen once), and only the loaders
        // libvips marks as safe for untrusted input (no ImageMagick, no PDF, no matrix files).
        vips_cache_set_max(0);
        vips_block_untrusted_set(TRUE);
        // JPEG XL is marked untrusted only because libjxl is young; books need it (phones save
        // it), so its loader and saver are let back in. ImageMagick, PDF, matrix and raw loaders
        // stay blocked. libvips's own warnings are not printed: ArticleKit reports failures itself.
        vips_operation_block_set("VipsForeignLoadJxl", FALSE);
        vips_operation_block_set("VipsForeignSaveJxl", FALSE);
        // The SVG loader renders ArticleKit's own generated covers; ImageNormalizer refuses it for
        // every image a document brings (those SVGs are checked and kept as they are instead).
        vips_operation_block_set("VipsForeignLoadSvg", FALSE);
        g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO, silence, NULL);
    }
}

int cvips_start(void) {
    if (cvips__need(CVIPS_NEEDS_VIPS) != 0) return -1;
    pthread_once(&started, start_once);
    if (start_status != 0 && start_failure[0]) cvips__fail(start_failure);
    return start_status;
}

static __thread char last_error[512];

const char *cvips_error(void) {
    const char *load_failure = cvips__take_failure();
    if (load_failure) return load_failure;
    const char *e = cvips__vips_loaded() ? vips_error_buffer() : NULL;
    size_t n = 0;
    if (e) {
        // The first line only: libvips stacks one line per failed operation.
        while (e[n] && e[n] != '\n' && n < sizeof(last_error) - 1) { last_error[n] = e[n]; n++; }
    }
    last_error[n] = 0;
    if (e) vips_error_clear();
    return last_error;
}

const char *cvips_loader(const void *data, size_t length) {
    if (cvips_start() != 0) return NULL;
    return vips_foreign_find_load_buffer(data, length);
}

#define IMG(p) ((VipsImage *)(p))

cvips_image *cvips_open(const void *data, size_t length) {
    if (cvips_start() != 0) return NULL;
    // fail_on=error: a truncated file is an error, not grey pixels.
    return (cvips_image *)vips_image_new_from_buffer(data, length, "", "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

void cvips_free(cvips_image *image) { if (image) g_object_unref(IMG(image)); }
int cvips_width(const cvips_image *image) { return vips_image_get_width(IMG(image)); }
int cvips_height(const cvips_image *image) { return vips_image_get_height(IMG(image)); }
int cvips_bands(const cvips_image *image) { return vips_image_get_bands(IMG(image)); }
int cvips_has_alpha(const cvips_image *image) { return vips_image_hasalpha(IMG(image)); }
int cvips_orientation(const cvips_image *image) { return vips_image_get_orientation(IMG(image)); }
int cvips_is_cmyk(const cvips_image *image) { return vips_image_get_interpretation(IMG(image)) == VIPS_INTERPRETATION_CMYK; }
int cvips_has_icc(const cvips_image *image) { return vips_image_get_typeof(IMG(image), VIPS_META_ICC_NAME) != 0; }

int cvips_has_metadata(const cvips_image *image) {
    VipsImage *in = IMG(image);
    return vips_image_get_typeof(in, VIPS_META_EXIF_NAME) != 0 || vips_image_get_typeof(in, VIPS_META_XMP_NAME) != 0
        || vips_image_get_typeof(in, VIPS_META_IPTC_NAME) != 0;
}

int cvips_pages(const cvips_image *image) { return vips_image_get_n_pages(IMG(image)); }

cvips_image *cvips_autorotate(cvips_image *image) {
    VipsImage *out = NULL;
    return vips_autorot(IMG(image), &out, NULL) == 0 ? (cvips_image *)out : NULL;
}

int cvips_is_srgb8(const cvips_image *image) {
    VipsImage *in = IMG(image);
    int bands = vips_image_get_bands(in);
    return vips_image_get_interpretation(in) == VIPS_INTERPRETATION_sRGB && vips_image_get_format(in) == VIPS_FORMAT_UCHAR
        && (bands == 3 || bands == 4) && !vips_image_get_typeof(in, VIPS_META_ICC_NAME);
}

cvips_image *cvips_to_srgb(cvips_image *image) {
    VipsImage *out = NULL;
    VipsImage *in = IMG(image);
    if (vips_image_get_typeof(in, VIPS_META_ICC_NAME)) {
        // The embedded profile to sRGB; a broken profile falls back to the plain conversion.
        if (vips_icc_transform(in, &out, "srgb", "embedded", TRUE, "depth", 8, NULL) == 0) return (cvips_image *)out;
        vips_error_clear();
    }
    if (vips_colourspace(in, &out, VIPS_INTERPRETATION_sRGB, NULL) != 0) return NULL;
    if (vips_image_get_format(out) != VIPS_FORMAT_UCHAR) {
        VipsImage *cast = NULL;
        int status = vips_cast(out, &cast, VIPS_FORMAT_UCHAR, NULL);
        g_object_unref(out);
        return status == 0 ? (cvips_image *)cast : NULL;
    }
    return (cvips_image *)out;
}

cvips_image *cvips_resize(cvips_image *image, double scale) {
    VipsImage *out = NULL;
    return vips_resize(IMG(image), &out, scale, NULL) == 0 ? (cvips_image *)out : NULL;
}

cvips_image *cvips_thumbnail(const void *data, size_t length, int max_side) {
    if (cvips_start() != 0) return NULL;
    VipsImage *out = NULL;
    // fail_on=error as in cvips_open, given to the loader in its option string too: libvips 8.14's
    // thumbnail_buffer does not pass its own fail_on on, and a truncated JPEG came out grey.
    // size=down: never enlarged.
    return vips_thumbnail_buffer((void *)data, length, &out, max_side, "height", max_side, "size", VIPS_SIZE_DOWN,
                                 "fail_on", VIPS_FAIL_ON_ERROR, "option_string", "fail_on=error", NULL) == 0
        ? (cvips_image *)out : NULL;
}

int cvips_save_jpeg(cvips_image *image, int quality, void **buffer, size_t *length) {
    VipsImage *in = IMG(image);
    VipsImage *flat = NULL;
    if (vips_image_hasalpha(in)) {
        // JPEG has no alpha: composite onto white, as a page would show it.
        VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
        int status = vips_flatten(in, &flat, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        if (status != 0) return -1;
        in = flat;
    }
    int status = vips_jpegsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE,
                                      "optimize_coding", TRUE, "interlace", FALSE, NULL);
    if (flat) g_object_unref(flat);
    return status;
}

int cvips_save_png(cvips_image *image, void **buffer, size_t *length) {
    return vips_pngsave_buffer(IMG(image), buffer, length, "strip", TRUE, "compression", 6, NULL);
}

void cvips_free_buffer(void *buffer) { if (buffer) g_free(buffer); }

cvips_image *cvips_new_pattern(int width, int height, int bands) {
    if (cvips_start() != 0) return NULL;
    VipsImage *xyz = NULL, *grey = NULL, *out = NULL;
    if (vips_xyz(&xyz, width, height, NULL) != 0) return NULL;
    // x + y, scaled into 0..255: a diagonal gradient, so scaling and rotation are visible.
    VipsImage *sum = NULL;
    VipsImage *bandsv[2] = { NULL, NULL };
    if (vips_extract_band(xyz, &bandsv[0], 0, NULL) != 0 || vips_extract_band(xyz, &bandsv[1], 1, NULL) != 0) goto fail;
    if (vips_add(bandsv[0], bandsv[1], &sum, NULL) != 0) goto fail;
    double scale = 255.0 / (double)(width + height);
    if (vips_linear1(sum, &grey, scale, 0.0, "uchar", TRUE, NULL) != 0) goto fail;
    if (bands == 1) {
        out = grey; grey = NULL;
    } else {
        VipsImage *copies[4] = { grey, grey, grey, grey };
        VipsImage *joined = NULL;
        if (vips_bandjoin(copies, &joined, bands, NULL) != 0) goto fail;
        VipsInterpretation interp = bands >= 3 ? VIPS_INTERPRETATION_sRGB : VIPS_INTERPRETATION_B_W;
        if (vips_copy(joined, &out, "interpretation", interp, NULL) != 0) { g_object_unref(joined); goto fail; }
        g_object_unref(joined);
    }
fail:
    if (xyz) g_object_unref(xyz);
    if (bandsv[0]) g_object_unref(bandsv[0]);
    if (bandsv[1]) g_object_unref(bandsv[1]);
    if (sum) g_object_unref(sum);
    if (grey) g_object_unref(grey);
    return (cvips_image *)out;
}

cvips_image *cvips_as_cmyk(cvips_image *image) {
    VipsImage *out = NULL;
    return vips_copy(IMG(image), &out, "interpretation", VIPS_INTERPRETATION_CMYK, NULL) == 0 ? (cvips_image *)out : NULL;
}

cvips_image *cvips_with_int(cvips_image *image, const char *name, int value) {
    VipsImage *out = NULL;
    if (vips_copy(IMG(image), &out, NULL) != 0) return NULL;
    vips_image_set_int(out, name, value);
    return (cvips_image *)out;
}

cvips_image *cvips_with_string(cvips_image *image, const char *name, const char *value) {
    VipsImage *out = NULL;
    if (vips_copy(IMG(image), &out, NULL) != 0) return NULL;
    vips_image_set_string(out, name, value);
    return (cvips_image *)out;
}

int cvips_save(cvips_image *image, const char *suffix, void **buffer, size_t *length) {
    return vips_image_write_to_buffer(IMG(image), suffix, buffer, length, NULL);
}

int cvips_has_field(const cvips_image *image, const char *name) {
    return vips_image_get_typeof(IMG(image), name) != 0;
}

cvips_image *cvips_render_own_svg(const void *data, size_t length, double scale) {
    if (cvips_start() != 0) return NULL;
    VipsImage *out = NULL;
    return vips_svgload_buffer((void *)data, length, &out, "scale", scale, NULL) == 0 ? (cvips_image *)out : NULL;
}
