// zlib's inflate with a gzip wrapper, behind a C interface of our own: Swift sees this header
// only, never <zlib.h>, so no Swift module can meet zlib's declarations beside another copy of
// them (a consumer's own zlib module, or an SDK's).
#ifndef SDPLINT_INFLATE_H
#define SDPLINT_INFLATE_H

#include <stddef.h>

/// A zlib inflate stream. Freed with `sdplint_inflater_free`.
typedef struct sdplint_inflater sdplint_inflater;

typedef enum {
    /// Progress was made; more input or more output space is needed.
    SDPLINT_INFLATE_OK = 0,
    /// The end of a gzip member was reached.
    SDPLINT_INFLATE_MEMBER_END = 1,
    /// No progress was possible (no input, or no output space).
    SDPLINT_INFLATE_NEED_MORE = 2,
    /// The data is not valid; `sdplint_inflater_message` says why.
    SDPLINT_INFLATE_ERROR = 3,
} sdplint_inflate_status;

/// Returns NULL when memory runs out.
sdplint_inflater *sdplint_inflater_new(void);
void sdplint_inflater_free(sdplint_inflater *inflater);

/// Starts (or restarts) a gzip member (RFC 1952): 0 on success, zlib's status otherwise.
int sdplint_inflater_start_gzip_member(sdplint_inflater *inflater);

/// Inflates from `input` into `output`; `input_used` and `output_used` say how many bytes were
/// read and written. No pointer is kept after the call returns.
sdplint_inflate_status sdplint_inflater_inflate(sdplint_inflater *inflater, const unsigned char *input,
                                                size_t input_length, size_t *input_used, unsigned char *output,
                                                size_t output_length, size_t *output_used);

/// zlib's message for the last error, or NULL.
const char *sdplint_inflater_message(const sdplint_inflater *inflater);

/// The most bytes `sdplint_gzip_compress` can write for `input_length` bytes of input.
size_t sdplint_gzip_bound(size_t input_length);

/// Compresses `input` into one gzip member (RFC 1952) with no file name and no time stamp, at
/// zlib's default level. Returns 0 and sets `output_used` on success; zlib's status (never 0)
/// when it fails, or -1 when `output_length` is too small.
int sdplint_gzip_compress(const unsigned char *input, size_t input_length, unsigned char *output,
                          size_t output_length, size_t *output_used);

#endif
