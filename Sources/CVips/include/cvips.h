#ifndef CVIPS_H
#define CVIPS_H
// A small, non-variadic face over the few libvips calls ArticleImages needs (libvips's C API
// takes optional arguments as NULL-terminated varargs, which Swift cannot call). Images are
// opaque; every function that makes an image returns NULL on failure, with cvips_error() saying why.
// The libraries are loaded when first needed (loader.c), never linked: a conversion without images
// does not load them, and one whose libraries are missing fails image by image, with the reason.
#include <stddef.h>

typedef struct cvips_image cvips_image;

/// Loads libvips (on first use: the binary does not link it) and starts it once for the process;
/// 0 on success. Safe to call from several threads.
int cvips_start(void);
/// The last error on this thread (one line), then clears it: a library that could not be loaded
/// (naming it and the loader's reason), else what libvips recorded. Never NULL.
const char *cvips_error(void);
/// NULL when `soname` can be loaded and has `symbol` (NULL: any), else the one line an image
/// would fail with, as the shim loads its libraries (without keeping this one loaded).
const char *cvips_library_error(const char *soname, const char *symbol);
/// The name of the libvips loader that recognises these bytes (from the bytes, not a name), or NULL.
const char *cvips_loader(const void *data, size_t length);
/// Opens an image from memory without decoding its pixels (the header only, until pixels are
/// needed). `data` must outlive the image.
cvips_image *cvips_open(const void *data, size_t length);
void cvips_free(cvips_image *image);
int cvips_width(const cvips_image *image);
int cvips_height(const cvips_image *image);
int cvips_bands(const cvips_image *image);
int cvips_has_alpha(const cvips_image *image);
/// The EXIF orientation (1–8), or 1 when there is none.
int cvips_orientation(const cvips_image *image);
/// Whether the pixels are CMYK.
int cvips_is_cmyk(const cvips_image *image);
/// Whether the image carries an ICC profile.
int cvips_has_icc(const cvips_image *image);
/// Whether the image carries EXIF, XMP or IPTC metadata (camera, GPS position, serials).
int cvips_has_metadata(const cvips_image *image);
/// How many pages or frames the file holds (1 for a still image).
int cvips_pages(const cvips_image *image);
/// Rotates and flips as the EXIF orientation says, leaving orientation 1.
cvips_image *cvips_autorotate(cvips_image *image);
/// Whether the image is 8-bit sRGB already (3 bands, or 4 with alpha), with no profile to apply
/// but sRGB's own.
int cvips_is_srgb8(const cvips_image *image);
/// Converts to 8-bit sRGB (through the embedded ICC profile when there is one).
cvips_image *cvips_to_srgb(cvips_image *image);
/// Scales by `scale` (< 1 to shrink) with a good kernel.
cvips_image *cvips_resize(cvips_image *image, double scale);
/// The image in `data` decoded straight to fit `max_side` × `max_side` (never larger), upright,
/// with an embedded ICC profile applied: libvips's thumbnail path, which shrinks JPEGs while
/// decoding (when that keeps the full target size) and streams the rest. NULL on failure.
cvips_image *cvips_thumbnail(const void *data, size_t length, int max_side);
/// Encodes as baseline JPEG at `quality` with every metadata block stripped; g_free the buffer
/// with cvips_free_buffer. 0 on success.
int cvips_save_jpeg(cvips_image *image, int quality, void **buffer, size_t *length);
/// The JPEG's DCT coefficients written again without any APPn or COM segment (EXIF, XMP, IPTC,
/// comments): its pixels unchanged, no decode. 0 on success; free the buffer with free(3).
/// -1 for data libjpeg cannot read or warns is corrupt (decode it with libvips instead).
int cvips_jpeg_copy_without_metadata(const void *data, size_t length, void **buffer, size_t *out_length);
/// Encodes as PNG with every metadata block stripped. 0 on success.
int cvips_save_png(cvips_image *image, void **buffer, size_t *length);
void cvips_free_buffer(void *buffer);
/// Renders an SVG that ArticleKit wrote itself (never one from a document: the SVG loader is
/// refused for those) at `scale` × its own size.
cvips_image *cvips_render_own_svg(const void *data, size_t length, double scale);

// Making images (the tests make every kind they feed the normaliser).

/// A `width`×`height` image of 8-bit bands (1 grey, 3 RGB, 4 RGBA) with a smooth pattern.
cvips_image *cvips_new_pattern(int width, int height, int bands);
/// The same pixels, marked as CMYK (for 4 bands).
cvips_image *cvips_as_cmyk(cvips_image *image);
/// Sets an integer metadata field (`orientation`) or a string one (`exif-ifd3-GPSLatitude`) on a copy.
cvips_image *cvips_with_int(cvips_image *image, const char *name, int value);
cvips_image *cvips_with_string(cvips_image *image, const char *name, const char *value);
/// Encodes by file suffix with options, as libvips names them (`.webp[Q=80]`, `.avif`, `.tif`). 0 on success.
int cvips_save(cvips_image *image, const char *suffix, void **buffer, size_t *length);
/// Whether the image has a metadata field of this name.
int cvips_has_field(const cvips_image *image, const char *name);

// The raster cover (cover.c): drawn with cairo and pango, encoded with libjpeg.

/// What a book's raster cover shows. Strings are UTF-8; NULL or "" for none.
typedef struct {
    int width, height;
    /// JPEG quality, 1–100.
    int quality;
    const char *title;
    /// The source line above the title (already upper case).
    const char *kicker;
    /// The authors under the title.
    const char *byline;
    /// The date, near the foot.
    const char *footer;
    /// A note above the date ("3 articles").
    const char *note;
    /// The lead photo (JPEG, PNG, GIF or WebP bytes; anything else is ignored), or NULL: it fills
    /// the top of the cover, with the title under it.
    const void *photo;
    size_t photo_length;
    /// A photo declaring more pixels than this is not decoded (the cover has no photo then).
    double max_photo_pixels;
} cvips_cover;

/// Draws the cover as a JPEG (one grey channel without a photo, RGB with one). 0 on success;
/// free the buffer with cvips_free_cover. Safe to call from several threads.
int cvips_draw_cover(const cvips_cover *cover, void **buffer, size_t *length);
void cvips_free_cover(void *buffer);

#endif
