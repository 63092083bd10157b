// The raster (JPEG) cover of a book, drawn directly with cairo and pango and encoded with
// libjpeg: rendering the SVG cover through librsvg costs 5 ms even at thumbnail size (XML, CSS
// and a new text context for every <text>, and a vips pipeline), this costs about 0.2 ms, so
// every book of a batch can have one. The layout follows EPUBCover's SVG (source, rule, title,
// rule, authors, date), or, with a lead photo, the photo above the title.
#include "cvips.h"
#include "lazy.h"
#include <stdint.h>
#include <stdlib.h>
#include <setjmp.h>
#include <pthread.h>
#include <string.h>

// Pango's font map and context are not thread-safe: one pair for the process (fontconfig's
// set-up is done once, which is most of a cold cover's cost), used under a lock.
static pthread_mutex_t text_lock = PTHREAD_MUTEX_INITIALIZER;
static PangoFontMap *font_map;
static PangoContext *text_context;

static PangoContext *shared_context(void) {
    if (!text_context) {
        font_map = pango_cairo_font_map_new();
        text_context = pango_font_map_create_context(font_map);
        cairo_font_options_t *options = cairo_font_options_create();
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT);
        pango_cairo_context_set_font_options(text_context, options);
        cairo_font_options_destroy(options);
    }
    return text_context;
}

/// Draws `text` centred in a box `width` wide whose top is `y`, wrapping to at most `max_lines`
/// (ellipsised after); returns the height drawn, 0 for no text.
static double draw_text(cairo_t *cr, const char *text, double centre, double y, double width, double size,
                        int bold, const char *family, int max_lines, double smaller_size, int smaller_lines) {
    if (!text || !*text) return 0;
    PangoLayout *layout = pango_layout_new(shared_context());
    PangoFontDescription *font = pango_font_description_new();
    pango_font_description_set_family(font, family);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
    pango_layout_set_text(layout, text, -1);
    if (smaller_size > 0 && pango_layout_get_line_count(layout) > max_lines) {
        // A long title: a smaller size and more lines, as the SVG cover does.
        pango_font_description_set_absolute_size(font, smaller_size * PANGO_SCALE);
        pango_layout_set_font_description(layout, font);
        max_lines = smaller_lines;
    }
    pango_layout_set_height(layout, -max_lines);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    cairo_move_to(cr, centre - width / 2, y);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(font);
    g_object_unref(layout);
    return h;
}

static void rule(cairo_t *cr, double x1, double x2, double y, double thickness) {
    // A thin rule on a pixel row, not smeared grey across two.
    if (thickness < 2) { thickness = 1; y = (double)(int)y + 0.5; }
    cairo_set_line_width(cr, thickness);
    cairo_move_to(cr, x1, y);
    cairo_line_to(cr, x2, y);
    cairo_stroke(cr);
}

/// The photo scaled and cropped to fill `width`×`height`, as packed 8-bit RGB (g_free it), or
/// NULL. Only a JPEG, PNG, GIF or WebP is decoded (never an SVG: the SVG loader is open for
/// ArticleKit's own covers only), and none that declares more than `max_pixels`.
static unsigned char *photo_pixels(const void *data, size_t length, int width, int height, double max_pixels) {
    const char *loader = vips_foreign_find_load_buffer(data, length);
    if (!loader || !(strstr(loader, "Jpeg") || strstr(loader, "Png") || strstr(loader, "Gif") || strstr(loader, "Webp"))) {
        vips_error_clear();
        return NULL;
    }
    VipsImage *header = vips_image_new_from_buffer(data, length, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!header) return NULL;
    double pixels = (double)vips_image_get_width(header) * (double)vips_image_get_height(header);
    g_object_unref(header);
    if (pixels > max_pixels) return NULL;
    VipsImage *thumb = NULL, *srgb = NULL, *flat = NULL, *cast = NULL;
    unsigned char *out = NULL;
    if (vips_thumbnail_buffer((void *)data, length, &thumb, width, "height", height, "crop", VIPS_INTERESTING_CENTRE,
                              "size", VIPS_SIZE_FORCE, NULL) != 0) goto done;
    if (vips_colourspace(thumb, &srgb, VIPS_INTERPRETATION_sRGB, NULL) != 0) goto done;
    if (vips_image_hasalpha(srgb)) {
        VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
        int status = vips_flatten(srgb, &flat, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        if (status != 0) goto done;
    } else {
        flat = srgb;
        g_object_ref(flat);
    }
    if (vips_cast(flat, &cast, VIPS_FORMAT_UCHAR, NULL) != 0) goto done;
    if (vips_image_get_width(cast) != width || vips_image_get_height(cast) != height || vips_image_get_bands(cast) != 3) goto done;
    size_t size = 0;
    out = vips_image_write_to_memory(cast, &size);
    if (out && size != (size_t)width * (size_t)height * 3) { g_free(out); out = NULL; }
done:
    if (thumb) g_object_unref(thumb);
    if (srgb) g_object_unref(srgb);
    if (flat) g_object_unref(flat);
    if (cast) g_object_unref(cast);
    return out;
}

struct jpeg_failure { struct jpeg_error_mgr manager; jmp_buf jump; };

static void jpeg_failed(j_common_ptr info) {
    // libjpeg's own handler exits the process.
    longjmp(((struct jpeg_failure *)info->err)->jump, 1);
}

/// Encodes the cairo surface as JPEG: an A8 surface of ink as one grey channel (`grey`), an
/// RGB24 one as RGB.
static int encode(cairo_surface_t *surface, int grey, int quality, void **buffer, size_t *length) {
    int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const unsigned char *pixels = cairo_image_surface_get_data(surface);
    unsigned char *row = malloc((size_t)width * 3);
    if (!row) return -1;
    struct jpeg_compress_struct info;
    struct jpeg_failure failure;
    unsigned char *out = NULL;
    unsigned long out_length = 0;
    info.err = jpeg_std_error(&failure.manager);
    failure.manager.error_exit = jpeg_failed;
    if (setjmp(failure.jump)) {
        jpeg_destroy_compress(&info);
        free(row);
        free(out);
        return -1;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, &out, &out_length);
    info.image_width = (JDIMENSION)width;
    info.image_height = (JDIMENSION)height;
    info.input_components = grey ? 1 : 3;
    info.in_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        const unsigned char *line = pixels + (size_t)info.next_scanline * (size_t)stride;
        if (grey) {
            for (int x = 0; x < width; x++) row[x] = (unsigned char)(255 - line[x]);  // ink → grey
        } else {
            const uint32_t *src = (const uint32_t *)line;
            for (int x = 0; x < width; x++) {
                uint32_t p = src[x];
                row[3 * x] = (p >> 16) & 0xFF; row[3 * x + 1] = (p >> 8) & 0xFF; row[3 * x + 2] = p & 0xFF;
            }
        }
        JSAMPROW rows[1] = { row };
        jpeg_write_scanlines(&info, rows, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    free(row);
    *buffer = out;
    *length = out_length;
    return 0;
}

/// Pastes packed RGB pixels into the surface at row `top`.
static void paste(cairo_surface_t *surface, const unsigned char *rgb, int width, int height, int top) {
    cairo_surface_flush(surface);
    unsigned char *pixels = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < height; y++) {
        uint32_t *dst = (uint32_t *)(pixels + (size_t)(top + y) * (size_t)stride);
        const unsigned char *src = rgb + (size_t)y * (size_t)width * 3;
        for (int x = 0; x < width; x++) {
            dst[x] = 0xFF000000u | ((uint32_t)src[3 * x] << 16) | ((uint32_t)src[3 * x + 1] << 8) | src[3 * x + 2];
        }
    }
    cairo_surface_mark_dirty(surface);
}

int cvips_draw_cover(const cvips_cover *cover, void **buffer, size_t *length) {
    int width = cover->width, height = cover->height;
    if (width < 60 || height < 90 || width > 4000 || height > 6000 || !cover->title) return -1;
    if (cvips__need(CVIPS_NEEDS_TEXT | CVIPS_NEEDS_JPEG) != 0) return -1;
    int quality = cover->quality < 1 ? 1 : cover->quality > 100 ? 100 : cover->quality;
    unsigned char *photo = NULL;
    int photo_height = height * 11 / 20;
    if (cover->photo && cover->photo_length > 0) {
        if (cvips_start() != 0) return -1;
        photo = photo_pixels(cover->photo, cover->photo_length, width, photo_height, cover->max_photo_pixels);
    }
    // Without a photo the cover is black on white: an A8 surface of ink (a quarter of RGB's
    // bytes), inverted into one grey JPEG channel. With a photo, RGB.
    cairo_surface_t *surface = cairo_image_surface_create(photo ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_A8, width, height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) { g_free(photo); cairo_surface_destroy(surface); return -1; }
    cairo_t *cr = cairo_create(surface);
    if (photo) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        paste(surface, photo, width, photo_height, 0);
    }
    cairo_set_source_rgba(cr, 0, 0, 0, 1);
    double k = width / 1200.0;  // the SVG cover's units
    double centre = width / 2.0;
    pthread_mutex_lock(&text_lock);
    if (photo) {
        double box = width - 160 * k;
        double y = photo_height + 50 * k;
        y += draw_text(cr, cover->kicker, centre, y, box, 40 * k, 1, "sans-serif", 1, 0, 0) + 30 * k;
        y += draw_text(cr, cover->title, centre, y, box, 80 * k, 1, "serif", 4, 60 * k, 5) + 30 * k;
        draw_text(cr, cover->byline, centre, y, box, 44 * k, 0, "serif", 2, 0, 0);
    } else {
        double frame = 6 * k < 1.5 ? 1.5 : 6 * k;
        cairo_set_line_width(cr, frame);
        cairo_rectangle(cr, 60 * k, 60 * k, width - 120 * k, height - 120 * k);
        cairo_stroke(cr);
        double line = 4 * k < 1 ? 1 : 4 * k;
        double box = width - 300 * k;
        draw_text(cr, cover->kicker, centre, 200 * k, box, 44 * k, 1, "sans-serif", 1, 0, 0);
        rule(cr, 200 * k, width - 200 * k, 320 * k, line);
        double y = 420 * k;
        y += draw_text(cr, cover->title, centre, y, box, 88 * k, 1, "serif", 5, 68 * k, 9) + 40 * k;
        rule(cr, 200 * k, width - 200 * k, y, line);
        draw_text(cr, cover->byline, centre, y + 60 * k, box, 52 * k, 0, "serif", 3, 0, 0);
        draw_text(cr, cover->note, centre, height - 320 * k, box, 44 * k, 0, "sans-serif", 1, 0, 0);
        draw_text(cr, cover->footer, centre, height - 250 * k, box, 44 * k, 0, "sans-serif", 1, 0, 0);
    }
    pthread_mutex_unlock(&text_lock);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    int status = encode(surface, photo == NULL, quality, buffer, length);
    cairo_surface_destroy(surface);
    g_free(photo);
    return status;
}

void cvips_free_cover(void *buffer) { free(buffer); }
