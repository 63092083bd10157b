#!/usr/bin/env bash
# The CVips shim declares the libvips, GLib, cairo and pango functions, types and constants it
# calls itself (Sources/CVips/lazy.h, symbols.h), since it loads those libraries on first use
# instead of linking them. This compiles every declaration against the real headers (libvips-dev,
# libpango1.0-dev) and fails on any that differs: a function's type, a constant's value, a string.
# A second or two; CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat >"$TMP/check.c" <<'C'
#include <vips/vips.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>
/* Each function as the shim declares it must have the real one's type. */
#define CVIPS_FUNCTION(library, type, name, parameters) \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&name), type (*) parameters), #name " is declared differently");
#define CVIPS_HEADER_FUNCTION(library, name)
#include "symbols.h"
#undef CVIPS_FUNCTION
#undef CVIPS_HEADER_FUNCTION
/* Every constant lazy.h defines, by its value there, against the real one. */
static int failures;
static void same_number(const char *name, long real, long own) {
    if (real != own) { printf("%s is %ld, lazy.h says %ld\n", name, real, own); failures++; }
}
static void same_string(const char *name, const char *real, const char *own) {
    if (strcmp(real, own) != 0) { printf("%s is \"%s\", lazy.h says \"%s\"\n", name, real, own); failures++; }
}
int main(void) {
#include "constants.inc"
    if ((int)sizeof(VipsInterpretation) != (int)sizeof(int) || sizeof(cairo_format_t) != sizeof(int)
        || sizeof(PangoWeight) != sizeof(int) || sizeof(GType) != sizeof(unsigned long)) {
        printf("an enumerated type is not int-sized\n"); failures++;
    }
    same_number("CVIPS_VIPS_ABI", VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE, CVIPS_VIPS_ABI_OWN);
    return failures != 0;
}
C
# The constants lazy.h defines, each compared with the real header's.
{
  sed -nE 's/^#define ((VIPS|G_LOG|CAIRO|PANGO)_[A-Za-z0-9_]+) ([0-9]+)$/same_number("\1", (long)(\1), \3);/p' Sources/CVips/lazy.h
  sed -nE 's/^#define ((VIPS_META)_[A-Z_]+) ("[^"]*")$/same_string("\1", \1, \3);/p' Sources/CVips/lazy.h
} >"$TMP/constants.inc"
count=$(wc -l <"$TMP/constants.inc")
abi=$(sed -nE 's/^#define CVIPS_VIPS_ABI ([0-9]+)$/\1/p' Sources/CVips/lazy.h)
functions=$(grep -c '^CVIPS_FUNCTION(' Sources/CVips/symbols.h)
# shellcheck disable=SC2046
cc -std=gnu11 -Werror -DCVIPS_VIPS_ABI_OWN="$abi" -I Sources/CVips -I "$TMP" "$TMP/check.c" \
  $(pkg-config --cflags --libs vips pangocairo) -o "$TMP/check"
"$TMP/check"
echo "CVips declarations: $functions functions and $count constants as the real headers have them"
