// Only the zlib the Capture module uses: inflate with a gzip wrapper.
#include <zlib.h>

// `inflateInit2` is a macro that passes the header's version and the stream's size; Swift cannot
// call macros, so this names it as a function.
static inline int czlib_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
