// The part of libxml2 the Jingle module uses, behind a C interface of our own.
//
// Swift sees this header only, never libxml2's: Debian builds libxml2 with ICU, so
// <libxml/encoding.h> includes the system ICU headers, whose declarations clash with the ICU
// that Foundation bundles in any Swift module that sees both. Everything that touches a libxml2
// type lives in sdplint_xml.c; what crosses this interface is plain C.
#ifndef SDPLINT_XML_H
#define SDPLINT_XML_H

#include <stddef.h>

/// One parse: libxml2's parser context and the document it built, with what our SAX callbacks
/// recorded. Freed with `sdplint_xml_parse_free`.
typedef struct sdplint_xml_parse sdplint_xml_parse;
/// An element, text or other node of a parsed document; valid while its parse lives.
typedef struct sdplint_xml_node sdplint_xml_node;
/// An attribute of an element; valid while its parse lives.
typedef struct sdplint_xml_attribute sdplint_xml_attribute;
/// A list of errors reported by libxml2. Freed with `sdplint_xml_errors_free`.
typedef struct sdplint_xml_errors sdplint_xml_errors;
/// A compiled XML Schema. Freed with `sdplint_xml_schema_free`.
typedef struct sdplint_xml_schema sdplint_xml_schema;

typedef enum {
    SDPLINT_XML_NODE_ELEMENT = 1,
    SDPLINT_XML_NODE_TEXT = 2,
    SDPLINT_XML_NODE_OTHER = 3,
} sdplint_xml_node_kind;

/// Why a parse was stopped by one of our own checks, before libxml2 finished.
typedef enum {
    SDPLINT_XML_STOP_NONE = 0,
    /// A document type declaration: refused before its internal subset is read (XXE).
    SDPLINT_XML_STOP_DOCTYPE = 1,
    SDPLINT_XML_STOP_TOO_DEEP = 2,
    SDPLINT_XML_STOP_TOO_MANY_ELEMENTS = 3,
    SDPLINT_XML_STOP_NO_MEMORY = 4,
} sdplint_xml_stop;

typedef enum {
    SDPLINT_XML_LEVEL_WARNING = 1,
    SDPLINT_XML_LEVEL_ERROR = 2,
    SDPLINT_XML_LEVEL_FATAL = 3,
} sdplint_xml_level;

/// What an error is about, as far as locating it needs to know.
typedef enum {
    SDPLINT_XML_ERROR_SYNTAX = 0,
    /// Reported at the end of the start tag (Namespaces in XML).
    SDPLINT_XML_ERROR_NAMESPACE = 1,
    /// An end tag that does not match its start tag; reported after the end tag.
    SDPLINT_XML_ERROR_TAG_MISMATCH = 2,
    /// A reference to an undeclared entity; reported after its ';'.
    SDPLINT_XML_ERROR_UNDECLARED_ENTITY = 3,
    /// Reported by the schema parser or validator.
    SDPLINT_XML_ERROR_SCHEMA = 4,
} sdplint_xml_error_kind;

typedef struct {
    sdplint_xml_error_kind kind;
    sdplint_xml_level level;
    /// 1-based line, 0 when unknown.
    int line;
    /// 1-based column in characters, 0 when unknown.
    int column;
    /// libxml2's message, UTF-8; owned by the list it came from.
    const char *message;
} sdplint_xml_error;

/// Opens libxml2 and makes it ready for use from several threads; call once before any other
/// function. Returns NULL, or why libxml2 could not be opened (a message that stays valid).
const char *sdplint_xml_initialize(void);

/// Parses `length` bytes of UTF-8 at `bytes` with the network off, no DTD loading, no entity
/// substitution and any encoding declaration ignored. `url` (may be NULL) is the base against
/// which a schema's imports resolve. Returns NULL only when memory runs out.
sdplint_xml_parse *sdplint_xml_parse_memory(const unsigned char *bytes, size_t length, const char *url,
                                            size_t max_depth, size_t max_elements);
void sdplint_xml_parse_free(sdplint_xml_parse *parse);

/// Why the parse stopped early; `offset` is where (relative to `bytes`), `depth` the depth reached.
sdplint_xml_stop sdplint_xml_parse_stop(const sdplint_xml_parse *parse, size_t *offset, size_t *depth);
/// The errors libxml2 reported, in order.
const sdplint_xml_errors *sdplint_xml_parse_errors(const sdplint_xml_parse *parse);
/// The number of comments and processing instructions seen (they are not kept in the tree).
size_t sdplint_xml_parse_skipped_count(const sdplint_xml_parse *parse);
/// The offset of the `index`th skipped item; `is_comment` says whether it was a comment.
size_t sdplint_xml_parse_skipped(const sdplint_xml_parse *parse, size_t index, int *is_comment);
/// The root element, or NULL when there is no well-formed document.
const sdplint_xml_node *sdplint_xml_parse_root(const sdplint_xml_parse *parse);

sdplint_xml_node_kind sdplint_xml_node_kind_of(const sdplint_xml_node *node);
const char *sdplint_xml_node_name(const sdplint_xml_node *node);
/// The namespace name (as libxml2 stored it), or NULL.
const char *sdplint_xml_node_namespace(const sdplint_xml_node *node);
/// A text node's content, or NULL.
const char *sdplint_xml_node_content(const sdplint_xml_node *node);
const sdplint_xml_node *sdplint_xml_node_first_child(const sdplint_xml_node *node);
const sdplint_xml_node *sdplint_xml_node_next(const sdplint_xml_node *node);
/// The offset of an element's '<' (relative to the parsed bytes), or -1 when unknown.
long long sdplint_xml_node_start(const sdplint_xml_node *node);
const sdplint_xml_attribute *sdplint_xml_node_first_attribute(const sdplint_xml_node *node);

const sdplint_xml_attribute *sdplint_xml_attribute_next(const sdplint_xml_attribute *attribute);
const char *sdplint_xml_attribute_name(const sdplint_xml_attribute *attribute);
const char *sdplint_xml_attribute_namespace(const sdplint_xml_attribute *attribute);
/// The text nodes that make up the attribute's value.
const sdplint_xml_node *sdplint_xml_attribute_first_child(const sdplint_xml_attribute *attribute);

sdplint_xml_errors *sdplint_xml_errors_new(void);
void sdplint_xml_errors_free(sdplint_xml_errors *errors);
size_t sdplint_xml_errors_count(const sdplint_xml_errors *errors);
sdplint_xml_error sdplint_xml_errors_at(const sdplint_xml_errors *errors, size_t index);

/// Compiles the schema held by a parsed document, which must outlive the schema. Returns NULL
/// when it does not compile, with the reasons appended to `errors`.
sdplint_xml_schema *sdplint_xml_schema_compile(const sdplint_xml_parse *document, sdplint_xml_errors *errors);
void sdplint_xml_schema_free(sdplint_xml_schema *schema);
/// Validates a parsed document: 0 when valid, a positive number when not (with the reasons
/// appended to `errors`), -1 when the validator could not run.
int sdplint_xml_schema_validate(const sdplint_xml_schema *schema, const sdplint_xml_parse *document,
                                sdplint_xml_errors *errors);

#endif
