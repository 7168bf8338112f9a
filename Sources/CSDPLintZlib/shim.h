// zlib as a system library, for its pkg-config flags and link line. Only the C target
// CSDPLintInflate includes <zlib.h>; no Swift module imports this one.
#include <zlib.h>
