// zlib behind the narrow interface of sdplint_inflate.h; the only file that includes <zlib.h>.
#include "sdplint_inflate.h"

#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

struct sdplint_inflater {
    z_stream stream;
    int initialized;
};

sdplint_inflater *sdplint_inflater_new(void) { return calloc(1, sizeof(sdplint_inflater)); }

void sdplint_inflater_free(sdplint_inflater *inflater) {
    if (inflater == NULL) return;
    if (inflater->initialized) inflateEnd(&inflater->stream);
    free(inflater);
}

int sdplint_inflater_start_gzip_member(sdplint_inflater *inflater) {
    if (inflater->initialized) return inflateReset(&inflater->stream);
    // 16 + MAX_WBITS: a gzip wrapper, not zlib's own (zlib.h, inflateInit2).
    int status = inflateInit2(&inflater->stream, 16 + MAX_WBITS);
    if (status == Z_OK) inflater->initialized = 1;
    return status;
}

sdplint_inflate_status sdplint_inflater_inflate(sdplint_inflater *inflater, const unsigned char *input,
                                                size_t input_length, size_t *input_used, unsigned char *output,
                                                size_t output_length, size_t *output_used) {
    *input_used = 0;
    *output_used = 0;
    if (!inflater->initialized) return SDPLINT_INFLATE_ERROR;
    // avail_in and avail_out are 32 bits.
    uInt input_count = input_length > UINT_MAX ? UINT_MAX : (uInt)input_length;
    uInt output_count = output_length > UINT_MAX ? UINT_MAX : (uInt)output_length;
    z_stream *stream = &inflater->stream;
    stream->next_in = (Bytef *)input;
    stream->avail_in = input_count;
    stream->next_out = output;
    stream->avail_out = output_count;
    int status = inflate(stream, Z_NO_FLUSH);
    *input_used = input_count - stream->avail_in;
    *output_used = output_count - stream->avail_out;
    stream->next_in = NULL;
    stream->avail_in = 0;
    stream->next_out = NULL;
    stream->avail_out = 0;
    switch (status) {
    case Z_OK: return SDPLINT_INFLATE_OK;
    case Z_STREAM_END: return SDPLINT_INFLATE_MEMBER_END;
    case Z_BUF_ERROR: return SDPLINT_INFLATE_NEED_MORE;
    default: return SDPLINT_INFLATE_ERROR;
    }
}

const char *sdplint_inflater_message(const sdplint_inflater *inflater) { return inflater->stream.msg; }
