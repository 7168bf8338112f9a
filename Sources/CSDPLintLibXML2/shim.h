// libxml2 as a system library, for the header flags pkg-config gives. Only the C target
// CSDPLintXML includes libxml2's headers; no Swift module imports this one (see
// CSDPLintXML/include/sdplint_xml.h for why).
#include <libxml/parser.h>
