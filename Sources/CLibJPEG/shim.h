// libjpeg(-turbo) encodes the raster cover (Sources/CVips/cover.c); this module exists so that
// SwiftPM adds libjpeg's pkg-config flags to CVips's compile and link. libvips-dev already
// depends on libjpeg-dev.
#include <stdio.h>
#include <stddef.h>
#include <jpeglib.h>
