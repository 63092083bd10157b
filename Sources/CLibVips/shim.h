// libvips is reached only through the CVips shim (its API is variadic, which Swift cannot call);
// this module exists so that SwiftPM adds libvips's pkg-config flags to CVips's compile and link.
#include <vips/version.h>
