#include <libxml/xmlversion.h>
// Foundation brings its own copy of ICU; libxml2's optional ICU declarations would clash with it
// in any Swift file that imports both. ArticleKit never uses libxml2's ICU converters.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
