// pango and cairo draw the raster cover (Sources/CVips/cover.c); this module exists so that
// SwiftPM adds pangocairo's pkg-config flags to CVips's compile and link. libvips-dev already
// depends on libpango1.0-dev and libcairo2-dev.
#include <pango/pangocairo.h>
