// Only the libxml2 headers the Jingle module uses: the parser and its SAX2 tree builder (with
// the callbacks Jingle wraps to enforce its own limits), the tree it builds, structured errors,
// and the XML Schema validator used to check what Jingle writes.
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
