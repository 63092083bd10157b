// cmark-gfm (the CommonMark reference parser in GitHub's version) and its GFM extensions:
// tables, strikethrough, autolinks, task lists.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
