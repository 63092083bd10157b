#include <zlib.h>

// inflateInit2 is a macro, which Swift cannot call: the function it expands to, with the
// version and struct size filled in.
static inline int czlib_inflate_init(z_streamp stream, int windowBits) {
    return inflateInit2_(stream, windowBits, ZLIB_VERSION, (int)sizeof(z_stream));
}

// deflateInit2 with a gzip wrapper, for writing .warc.gz members (the tests make their WARC
// files with it).
static inline int czlib_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2_(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, (int)sizeof(z_stream));
}
