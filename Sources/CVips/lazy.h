// The shim's view of libvips, GLib, cairo, pango and libjpeg, which it loads on first use
// (loader.c) instead of linking: a binary that links them loads 90 more shared libraries at every
// start, 25 ms of each conversion that has no image to prepare.
//
// libvips, GLib, cairo and pango are reached only through the functions in symbols.h, so their
// headers are not included (they live in per-library folders that only pkg-config knows, and a
// SwiftPM pkg-config target also links the library, which is what this avoids): the few types
// they need are declared here, opaque or as the int their C ABI passes, and each function of the
// list is a pointer of its own name (hidden, so never seen by the libraries themselves), filled
// in when its library is loaded. The code calls them as before. libjpeg's header is on the
// compiler's default path and its structures are needed whole, so it is included; each libjpeg
// function is a `cvips_p_` pointer that a #define below puts in the name's place (jpeg_create_compress
// and the other macros expand into them too). A name missing from either list fails the build: an
// undeclared identifier, or an undefined libjpeg symbol at the link.
// scripts/check-cvips-declarations.sh compiles all of this against the real headers.
#ifndef CVIPS_LAZY_H
#define CVIPS_LAZY_H
#include <stddef.h>
#include <stdio.h>
#include <jpeglib.h>

// GLib.
typedef int gboolean;
typedef char gchar;
typedef void *gpointer;
typedef unsigned int guint;
typedef unsigned long GType;
typedef int GLogLevelFlags;
typedef void (*GLogFunc)(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data);
#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif
#define G_LOG_LEVEL_WARNING 16
#define G_LOG_LEVEL_MESSAGE 32
#define G_LOG_LEVEL_INFO 64

// libvips.
typedef struct _VipsImage VipsImage;
typedef struct _VipsArea VipsArea;
typedef struct _VipsArrayDouble VipsArrayDouble;
typedef int VipsInterpretation;
typedef int VipsBandFormat;
#define VIPS_AREA(array) ((VipsArea *)(array))
#define VIPS_INTERPRETATION_B_W 1
#define VIPS_INTERPRETATION_CMYK 15
#define VIPS_INTERPRETATION_sRGB 22
#define VIPS_FORMAT_UCHAR 0
#define VIPS_ACCESS_SEQUENTIAL 1
#define VIPS_FAIL_ON_ERROR 2
#define VIPS_SIZE_DOWN 2
#define VIPS_SIZE_FORCE 3
#define VIPS_INTERESTING_CENTRE 1
#define VIPS_META_ICC_NAME "icc-profile-data"
#define VIPS_META_EXIF_NAME "exif-data"
#define VIPS_META_XMP_NAME "xmp-data"
#define VIPS_META_IPTC_NAME "iptc-data"
// The ABI the SONAME loader.c opens promises (libvips's VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE).
#define CVIPS_VIPS_ABI 42

// cairo.
typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _cairo_font_options cairo_font_options_t;
typedef int cairo_format_t;
typedef int cairo_status_t;
typedef int cairo_antialias_t;
typedef int cairo_hint_style_t;
#define CAIRO_STATUS_SUCCESS 0
#define CAIRO_FORMAT_RGB24 1
#define CAIRO_FORMAT_A8 2
#define CAIRO_ANTIALIAS_GRAY 2
#define CAIRO_HINT_STYLE_SLIGHT 2

// pango.
typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoFontDescription PangoFontDescription;
typedef int PangoWeight;
typedef int PangoWrapMode;
typedef int PangoAlignment;
typedef int PangoEllipsizeMode;
#define PANGO_SCALE 1024
#define PANGO_WEIGHT_NORMAL 400
#define PANGO_WEIGHT_BOLD 700
#define PANGO_WRAP_WORD_CHAR 2
#define PANGO_ALIGN_CENTER 1
#define PANGO_ELLIPSIZE_END 3

// The function pointers (defined in loader.c).
#define CVIPS_FUNCTION(library, type, name, parameters) \
    extern __attribute__((visibility("hidden"))) type (*name) parameters;
#define CVIPS_HEADER_FUNCTION(library, name) extern __attribute__((visibility("hidden"))) __typeof__(name) *cvips_p_##name;
#include "symbols.h"
#undef CVIPS_FUNCTION
#undef CVIPS_HEADER_FUNCTION

#define jpeg_std_error (*cvips_p_jpeg_std_error)
#define jpeg_CreateCompress (*cvips_p_jpeg_CreateCompress)
#define jpeg_CreateDecompress (*cvips_p_jpeg_CreateDecompress)
#define jpeg_destroy_compress (*cvips_p_jpeg_destroy_compress)
#define jpeg_destroy_decompress (*cvips_p_jpeg_destroy_decompress)
#define jpeg_mem_dest (*cvips_p_jpeg_mem_dest)
#define jpeg_mem_src (*cvips_p_jpeg_mem_src)
#define jpeg_set_defaults (*cvips_p_jpeg_set_defaults)
#define jpeg_set_quality (*cvips_p_jpeg_set_quality)
#define jpeg_start_compress (*cvips_p_jpeg_start_compress)
#define jpeg_write_scanlines (*cvips_p_jpeg_write_scanlines)
#define jpeg_finish_compress (*cvips_p_jpeg_finish_compress)
#define jpeg_read_header (*cvips_p_jpeg_read_header)
#define jpeg_read_coefficients (*cvips_p_jpeg_read_coefficients)
#define jpeg_copy_critical_parameters (*cvips_p_jpeg_copy_critical_parameters)
#define jpeg_write_coefficients (*cvips_p_jpeg_write_coefficients)
#define jpeg_finish_decompress (*cvips_p_jpeg_finish_decompress)

// What loader.c loads: each set opens its libraries once for the process (thread-safe).
enum {
    CVIPS_NEEDS_VIPS = 1,   // libvips, with GLib and GObject
    CVIPS_NEEDS_TEXT = 2,   // cairo and pango, with GLib and GObject
    CVIPS_NEEDS_JPEG = 4,   // libjpeg
};
/// 0 when every library of `needs` is loaded with all its functions; otherwise -1, and the
/// reason (one line, naming the library) is what cvips_error() returns next on this thread.
int cvips__need(int needs);
/// Whether libvips is loaded (without loading it).
int cvips__vips_loaded(void);
/// Records `message` as this thread's next cvips_error() (one line).
void cvips__fail(const char *message);
/// This thread's recorded failure, or NULL; cleared by reading.
const char *cvips__take_failure(void);

#endif
