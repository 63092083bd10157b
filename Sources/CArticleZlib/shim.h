#include <zlib.h>

// inflateInit2 is a macro, which Swift cannot call: the function it expands to, with the
// version and struct size filled in.
static inline int czlib_inflate_init(z_streamp stream, int windowBits) {
    return inflateInit2_(stream, windowBits, ZLIB_VERSION, (int)sizeof(z_stream));
}
