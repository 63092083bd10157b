// Metadata out of a JPEG without decoding its pixels: libjpeg's lossless transcoding (what
// `jpegtran -copy none` does) reads the DCT coefficients and writes them again with none of the
// source's APPn or COM segments. A news photo that needs nothing but its EXIF, XMP and IPTC
// removed keeps its pixels and loses no quality. It is not much cheaper, as entropy coding is
// most of both ways (libjpeg-turbo's DCT is SIMD): 30 photos of 1600×1067 cost 17 ms each of CPU
// time this way against 23 ms decoded and encoded again (`--images reader` against `keep`).
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cvips.h"
#include "lazy.h"

struct copy_failure { struct jpeg_error_mgr manager; jmp_buf jump; };

static void copy_failed(j_common_ptr info) {
    // libjpeg's own handler exits the process.
    longjmp(((struct copy_failure *)info->err)->jump, 1);
}

static void copy_warned(j_common_ptr info, int level) {
    // A corrupt-data warning (level -1) fails the copy: the caller then decodes the image with
    // libvips, which refuses what cannot be shown.
    if (level < 0) longjmp(((struct copy_failure *)info->err)->jump, 1);
}

int cvips_jpeg_copy_without_metadata(const void *data, size_t length, void **buffer, size_t *out_length) {
    struct jpeg_decompress_struct source;
    struct jpeg_compress_struct target;
    struct copy_failure failure;
    unsigned char *out = NULL;
    unsigned long size = 0;
    int have_source = 0, have_target = 0;
    *buffer = NULL;
    *out_length = 0;
    if (length > (size_t)0x7FFFFFFF) return -1;
    if (cvips__need(CVIPS_NEEDS_JPEG) != 0) {
        // The caller decodes the image with libvips instead, which gives its own reason.
        cvips__take_failure();
        return -1;
    }
    source.err = jpeg_std_error(&failure.manager);
    target.err = source.err;
    failure.manager.error_exit = copy_failed;
    failure.manager.emit_message = copy_warned;
    if (setjmp(failure.jump)) {
        if (have_target) jpeg_destroy_compress(&target);
        if (have_source) jpeg_destroy_decompress(&source);
        free(out);
        return -1;
    }
    jpeg_create_decompress(&source);
    have_source = 1;
    jpeg_mem_src(&source, (const unsigned char *)data, (unsigned long)length);
    // No jpeg_save_markers: APPn and COM segments are skipped, not kept.
    if (jpeg_read_header(&source, TRUE) != JPEG_HEADER_OK) longjmp(failure.jump, 1);
    jvirt_barray_ptr *coefficients = jpeg_read_coefficients(&source);
    if (!coefficients) longjmp(failure.jump, 1);
    jpeg_create_compress(&target);
    have_target = 1;
    jpeg_mem_dest(&target, &out, &size);
    jpeg_copy_critical_parameters(&source, &target);
    target.optimize_coding = TRUE;
    jpeg_write_coefficients(&target, coefficients);
    jpeg_finish_compress(&target);
    jpeg_destroy_compress(&target);
    have_target = 0;
    jpeg_finish_decompress(&source);
    jpeg_destroy_decompress(&source);
    *buffer = out;
    *out_length = size;
    return 0;
}
