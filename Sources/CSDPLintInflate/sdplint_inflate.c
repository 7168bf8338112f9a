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

size_t sdplint_gzip_bound(size_t input_length) {
    // At least zlib's deflateBound for the default parameters (n + n/4096 + n/16384 + n/2^25 + 7,
    // deflate.c) plus the 18 bytes of the gzip header and trailer, computed without a stream.
    return input_length + input_length / 16384 * 5 + input_length / 1000 + 64;
}

int sdplint_gzip_compress(const unsigned char *input, size_t input_length, unsigned char *output,
                          size_t output_length, size_t *output_used) {
    *output_used = 0;
    z_stream stream = {0};
    // 16 + MAX_WBITS: write a gzip wrapper with a default header (no name, time 0), not zlib's.
    int status = deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    if (status != Z_OK) return status;
    size_t input_left = input_length;
    size_t output_left = output_length;
    stream.next_in = (Bytef *)input;
    stream.next_out = output;
    for (;;) {
        // avail_in and avail_out are 32 bits: hand zlib at most UINT_MAX bytes at a time.
        uInt in_count = input_left > UINT_MAX ? UINT_MAX : (uInt)input_left;
        uInt out_count = output_left > UINT_MAX ? UINT_MAX : (uInt)output_left;
        stream.avail_in = in_count;
        stream.avail_out = out_count;
        int flush = in_count == input_left ? Z_FINISH : Z_NO_FLUSH;
        status = deflate(&stream, flush);
        input_left -= in_count - stream.avail_in;
        output_left -= out_count - stream.avail_out;
        if (status == Z_STREAM_END) break;
        if (status != Z_OK && status != Z_BUF_ERROR) {
            deflateEnd(&stream);
            return status;
        }
        if (output_left == 0 || (status == Z_BUF_ERROR && stream.avail_out != 0)) {
            deflateEnd(&stream);
            return -1;
        }
    }
    *output_used = output_length - output_left;
    deflateEnd(&stream);
    return 0;
}
