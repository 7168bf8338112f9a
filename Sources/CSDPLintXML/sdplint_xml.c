// libxml2 behind the narrow interface of sdplint_xml.h. The only file that includes libxml2's
// headers; see the header for why.
#include "sdplint_xml.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The most errors one list keeps: libxml2 goes on after the first fatal error, and a schema
// validator reports per element; the first thousand are more than anyone reads.
#define SDPLINT_XML_MAX_ERRORS 1000

struct sdplint_xml_errors {
    sdplint_xml_error *items;
    size_t count;
    size_t capacity;
};

typedef struct {
    size_t offset;
    int is_comment;
} skipped_item;

struct sdplint_xml_parse {
    xmlParserCtxtPtr context;
    xmlDocPtr document;
    const unsigned char *bytes;
    size_t length;
    size_t max_depth;
    size_t max_elements;
    size_t elements;
    sdplint_xml_stop stop;
    size_t stop_offset;
    size_t stop_depth;
    sdplint_xml_errors errors;
    skipped_item *skipped;
    size_t skipped_count;
    size_t skipped_capacity;
};

// MARK: - Opening libxml2

// On Linux, libxml2 is opened when XML is first read (dlopen) instead of being loaded with the
// binary: a launch of sdplint that reads no XML then loads neither libxml2 nor what it links
// (ICU, liblzma), which on Debian cost about a millisecond of every start (BENCHMARKS.md,
// "Start-up"). Every libxml2 function this file calls is in this list and is called through
// `libxml`; each pointer has the type of libxml2's own declaration.
#define SDPLINT_LIBXML_FUNCTIONS(X)                                                                     \
    X(xmlInitParser)                                                                                   \
    X(xmlNewParserCtxt)                                                                                \
    X(xmlCtxtReadMemory)                                                                               \
    X(xmlStopParser)                                                                                   \
    X(xmlSAX2StartElementNs)                                                                           \
    X(xmlDocGetRootElement)                                                                            \
    X(xmlFreeDoc)                                                                                      \
    X(xmlFreeParserCtxt)                                                                               \
    X(xmlSchemaNewDocParserCtxt)                                                                       \
    X(xmlSchemaSetParserStructuredErrors)                                                              \
    X(xmlSchemaParse)                                                                                  \
    X(xmlSchemaFreeParserCtxt)                                                                         \
    X(xmlSchemaFree)                                                                                   \
    X(xmlSchemaNewValidCtxt)                                                                           \
    X(xmlSchemaSetValidStructuredErrors)                                                               \
    X(xmlSchemaValidateDoc)                                                                            \
    X(xmlSchemaFreeValidCtxt)

#define SDPLINT_LIBXML_POINTER(name) __typeof__(&name) name;
static struct {
    SDPLINT_LIBXML_FUNCTIONS(SDPLINT_LIBXML_POINTER)
} libxml;

#if defined(__APPLE__)
// On Apple platforms libxml2 is part of the system and is linked (Package.swift), which also
// keeps the library that pkg-config's headers describe, when they come from Homebrew.
const char *sdplint_xml_initialize(void) {
#define SDPLINT_LIBXML_LINKED(name) libxml.name = &name;
    SDPLINT_LIBXML_FUNCTIONS(SDPLINT_LIBXML_LINKED)
    libxml.xmlInitParser();
    return NULL;
}
#else
// The library whose interface the headers above describe: libxml2 2.14 changed its soname from
// libxml2.so.2 to libxml2.so.16. The unversioned name (from the -dev package) comes last.
static const char *const libxml_names[] = {
#if LIBXML_VERSION >= 21400
    "libxml2.so.16",
#else
    "libxml2.so.2",
#endif
    "libxml2.so",
};

static char libxml_failure[512];

const char *sdplint_xml_initialize(void) {
    void *library = NULL;
    for (size_t index = 0; library == NULL && index < sizeof libxml_names / sizeof *libxml_names; index++) {
        library = dlopen(libxml_names[index], RTLD_NOW | RTLD_LOCAL);
        const char *reason = library == NULL ? dlerror() : NULL;
        // The first name's reason is the one worth reading: the others are fallbacks.
        if (index == 0 && reason != NULL) snprintf(libxml_failure, sizeof libxml_failure, "%s", reason);
    }
    if (library == NULL) {
        if (libxml_failure[0] == 0) snprintf(libxml_failure, sizeof libxml_failure, "%s not found", libxml_names[0]);
        return libxml_failure;
    }
#define SDPLINT_LIBXML_LOAD(name)                                                                       \
    libxml.name = (__typeof__(&name))dlsym(library, #name);                                             \
    if (libxml.name == NULL) {                                                                          \
        snprintf(libxml_failure, sizeof libxml_failure, "the libxml2 found has no %s", #name);         \
        memset(&libxml, 0, sizeof libxml);                                                              \
        return libxml_failure;                                                                          \
    }
    SDPLINT_LIBXML_FUNCTIONS(SDPLINT_LIBXML_LOAD)
    libxml.xmlInitParser();
    return NULL;
}
#endif

// MARK: - Errors

sdplint_xml_errors *sdplint_xml_errors_new(void) { return calloc(1, sizeof(sdplint_xml_errors)); }

static void errors_clear(sdplint_xml_errors *errors) {
    for (size_t index = 0; index < errors->count; index++) free((void *)errors->items[index].message);
    free(errors->items);
    errors->items = NULL;
    errors->count = 0;
    errors->capacity = 0;
}

void sdplint_xml_errors_free(sdplint_xml_errors *errors) {
    if (errors == NULL) return;
    errors_clear(errors);
    free(errors);
}

size_t sdplint_xml_errors_count(const sdplint_xml_errors *errors) { return errors == NULL ? 0 : errors->count; }

sdplint_xml_error sdplint_xml_errors_at(const sdplint_xml_errors *errors, size_t index) {
    if (errors == NULL || index >= errors->count) {
        sdplint_xml_error none = {SDPLINT_XML_ERROR_SYNTAX, SDPLINT_XML_LEVEL_ERROR, 0, 0, ""};
        return none;
    }
    return errors->items[index];
}

static void errors_append(sdplint_xml_errors *errors, const xmlError *error, int schema) {
    if (errors == NULL || error == NULL || errors->count >= SDPLINT_XML_MAX_ERRORS) return;
    if (errors->count == errors->capacity) {
        size_t capacity = errors->capacity == 0 ? 8 : errors->capacity * 2;
        sdplint_xml_error *items = realloc(errors->items, capacity * sizeof(sdplint_xml_error));
        if (items == NULL) return;
        errors->items = items;
        errors->capacity = capacity;
    }
    sdplint_xml_error *item = &errors->items[errors->count];
    if (schema) {
        item->kind = SDPLINT_XML_ERROR_SCHEMA;
    } else if (error->domain == XML_FROM_NAMESPACE) {
        item->kind = SDPLINT_XML_ERROR_NAMESPACE;
    } else if (error->code == XML_ERR_TAG_NAME_MISMATCH) {
        item->kind = SDPLINT_XML_ERROR_TAG_MISMATCH;
    } else if (error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY) {
        item->kind = SDPLINT_XML_ERROR_UNDECLARED_ENTITY;
    } else {
        item->kind = SDPLINT_XML_ERROR_SYNTAX;
    }
    switch (error->level) {
    case XML_ERR_WARNING: item->level = SDPLINT_XML_LEVEL_WARNING; break;
    case XML_ERR_FATAL: item->level = SDPLINT_XML_LEVEL_FATAL; break;
    default: item->level = SDPLINT_XML_LEVEL_ERROR; break;
    }
    item->line = error->line;
    item->column = error->int2;
    item->message = strdup(error->message != NULL ? error->message : (schema ? "schema error" : "XML error"));
    if (item->message == NULL) return;
    errors->count += 1;
}

static void collect_schema_error(void *context, xmlErrorPtr error) { errors_append(context, error, 1); }

// MARK: - SAX callbacks

static sdplint_xml_parse *parse_of(void *context) {
    if (context == NULL) return NULL;
    return ((xmlParserCtxtPtr)context)->_private;
}

// The offset (in the parsed bytes) of the parser's current position.
static size_t position(const sdplint_xml_parse *parse) {
    xmlParserInputPtr input = parse->context->input;
    if (input == NULL) return 0;
    size_t result = (size_t)input->consumed;
    if (input->base != NULL && input->cur != NULL && input->cur > input->base) result += (size_t)(input->cur - input->base);
    return result < parse->length ? result : parse->length;
}

// The offset of the last '<' at or before `offset`: the start of the tag being read, since '<'
// cannot occur inside a tag (XML 1.0 §3.1, AttValue).
static size_t tag_start(const sdplint_xml_parse *parse, size_t offset) {
    if (parse->length == 0) return 0;
    size_t index = offset < parse->length ? offset : parse->length - 1;
    while (index > 0 && parse->bytes[index] != '<') index -= 1;
    return index;
}

static void stop(sdplint_xml_parse *parse, sdplint_xml_stop reason, size_t offset, size_t depth) {
    parse->stop = reason;
    parse->stop_offset = offset;
    parse->stop_depth = depth;
    libxml.xmlStopParser(parse->context);
}

static void skip(sdplint_xml_parse *parse, size_t offset, int is_comment) {
    if (parse->skipped_count == parse->skipped_capacity) {
        size_t capacity = parse->skipped_capacity == 0 ? 4 : parse->skipped_capacity * 2;
        skipped_item *items = realloc(parse->skipped, capacity * sizeof(skipped_item));
        if (items == NULL) {
            stop(parse, SDPLINT_XML_STOP_NO_MEMORY, offset, 0);
            return;
        }
        parse->skipped = items;
        parse->skipped_capacity = capacity;
    }
    parse->skipped[parse->skipped_count].offset = offset;
    parse->skipped[parse->skipped_count].is_comment = is_comment;
    parse->skipped_count += 1;
}

// `internalSubset` is the first callback of a DOCTYPE, made before its internal subset (where
// entities are declared) is read: stopping here refuses XXE and entity expansion before they
// start.
static void refuse_document_type(void *context, const xmlChar *name, const xmlChar *external, const xmlChar *system) {
    (void)name;
    (void)external;
    (void)system;
    sdplint_xml_parse *parse = parse_of(context);
    if (parse == NULL) return;
    stop(parse, SDPLINT_XML_STOP_DOCTYPE, tag_start(parse, position(parse)), 0);
}

// Counts elements and depth before handing the element to libxml2's tree builder, and records
// where its start tag begins in the node's `_private` field (offset + 1; 0 means unknown).
static void start_element(void *context, const xmlChar *local_name, const xmlChar *prefix, const xmlChar *uri,
                          int namespace_count, const xmlChar **namespaces, int attribute_count, int defaulted_count,
                          const xmlChar **attributes) {
    sdplint_xml_parse *parse = parse_of(context);
    if (parse == NULL) return;
    size_t start = tag_start(parse, position(parse));
    parse->elements += 1;
    // libxml2 pushes the element on its name stack after this callback: nameNr counts the
    // ancestors.
    size_t depth = (size_t)(parse->context->nameNr < 0 ? 0 : parse->context->nameNr) + 1;
    if (depth > parse->max_depth) {
        stop(parse, SDPLINT_XML_STOP_TOO_DEEP, start, depth);
        return;
    }
    if (parse->elements > parse->max_elements) {
        stop(parse, SDPLINT_XML_STOP_TOO_MANY_ELEMENTS, start, depth);
        return;
    }
    libxml.xmlSAX2StartElementNs(context, local_name, prefix, uri, namespace_count, namespaces, attribute_count,
                                 defaulted_count, attributes);
    if (parse->context->node != NULL) parse->context->node->_private = (void *)(uintptr_t)(start + 1);
}

// Comments are not kept (RFC 6120 §11.1 forbids them in streams); their place is recorded.
static void record_comment(void *context, const xmlChar *value) {
    (void)value;
    sdplint_xml_parse *parse = parse_of(context);
    if (parse == NULL || parse->length == 0) return;
    // The parser stands after the comment's "-->".
    size_t index = position(parse);
    if (index > 0) index -= 1;
    if (index >= parse->length) index = parse->length - 1;
    // Back to the "<!--" that opened it.
    while (index > 0 && !(parse->bytes[index] == '<' && index + 1 < parse->length && parse->bytes[index + 1] == '!')) {
        index -= 1;
    }
    skip(parse, index, 1);
}

static void record_processing_instruction(void *context, const xmlChar *target, const xmlChar *data) {
    (void)target;
    (void)data;
    sdplint_xml_parse *parse = parse_of(context);
    if (parse == NULL) return;
    skip(parse, tag_start(parse, position(parse)), 0);
}

static void record_error(void *context, xmlErrorPtr error) {
    sdplint_xml_parse *parse = parse_of(context);
    if (parse == NULL) return;
    errors_append(&parse->errors, error, 0);
}

// MARK: - Parsing

sdplint_xml_parse *sdplint_xml_parse_memory(const unsigned char *bytes, size_t length, const char *url,
                                            size_t max_depth, size_t max_elements) {
    if (libxml.xmlNewParserCtxt == NULL) return NULL;  // sdplint_xml_initialize failed or was not called
    sdplint_xml_parse *parse = calloc(1, sizeof(sdplint_xml_parse));
    if (parse == NULL) return NULL;
    parse->bytes = bytes;
    parse->length = length;
    parse->max_depth = max_depth;
    parse->max_elements = max_elements;
    parse->context = libxml.xmlNewParserCtxt();
    if (parse->context == NULL) {
        free(parse);
        return NULL;
    }
    parse->context->_private = parse;
    if (parse->context->sax != NULL) {
        parse->context->sax->internalSubset = refuse_document_type;
        parse->context->sax->startElementNs = start_element;
        parse->context->sax->comment = record_comment;
        parse->context->sax->processingInstruction = record_processing_instruction;
        parse->context->sax->serror = record_error;
    }
    if (length == 0 || length > INT32_MAX) return parse;
    // No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE; the caller has checked the
    // bytes are UTF-8, so an encoding declaration is ignored.
    int options = XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC;
    parse->document = libxml.xmlCtxtReadMemory(parse->context, (const char *)bytes, (int)length, url, NULL, options);
    if (parse->stop != SDPLINT_XML_STOP_NONE && parse->document != NULL) {
        // A stop from our own callbacks leaves libxml2's well-formedness flag set and hands back
        // the tree built so far; it is not a result.
        libxml.xmlFreeDoc(parse->document);
        parse->document = NULL;
    }
    // The bytes belong to the caller and are read during the parse only.
    parse->bytes = NULL;
    parse->length = 0;
    return parse;
}

void sdplint_xml_parse_free(sdplint_xml_parse *parse) {
    if (parse == NULL) return;
    if (parse->document != NULL) libxml.xmlFreeDoc(parse->document);
    libxml.xmlFreeParserCtxt(parse->context);
    errors_clear(&parse->errors);
    free(parse->skipped);
    free(parse);
}

sdplint_xml_stop sdplint_xml_parse_stop(const sdplint_xml_parse *parse, size_t *offset, size_t *depth) {
    if (offset != NULL) *offset = parse->stop_offset;
    if (depth != NULL) *depth = parse->stop_depth;
    return parse->stop;
}

const sdplint_xml_errors *sdplint_xml_parse_errors(const sdplint_xml_parse *parse) { return &parse->errors; }

size_t sdplint_xml_parse_skipped_count(const sdplint_xml_parse *parse) { return parse->skipped_count; }

size_t sdplint_xml_parse_skipped(const sdplint_xml_parse *parse, size_t index, int *is_comment) {
    if (index >= parse->skipped_count) return 0;
    if (is_comment != NULL) *is_comment = parse->skipped[index].is_comment;
    return parse->skipped[index].offset;
}

const sdplint_xml_node *sdplint_xml_parse_root(const sdplint_xml_parse *parse) {
    if (parse->document == NULL) return NULL;
    return (const sdplint_xml_node *)libxml.xmlDocGetRootElement(parse->document);
}

// MARK: - Nodes

#define NODE(node) ((const xmlNode *)(const void *)(node))
#define ATTRIBUTE(attribute) ((const xmlAttr *)(const void *)(attribute))

sdplint_xml_node_kind sdplint_xml_node_kind_of(const sdplint_xml_node *node) {
    switch (NODE(node)->type) {
    case XML_ELEMENT_NODE: return SDPLINT_XML_NODE_ELEMENT;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE: return SDPLINT_XML_NODE_TEXT;
    default: return SDPLINT_XML_NODE_OTHER;
    }
}

const char *sdplint_xml_node_name(const sdplint_xml_node *node) {
    return NODE(node)->name != NULL ? (const char *)NODE(node)->name : "";
}

const char *sdplint_xml_node_namespace(const sdplint_xml_node *node) {
    return NODE(node)->ns != NULL ? (const char *)NODE(node)->ns->href : NULL;
}

const char *sdplint_xml_node_content(const sdplint_xml_node *node) { return (const char *)NODE(node)->content; }

const sdplint_xml_node *sdplint_xml_node_first_child(const sdplint_xml_node *node) {
    return (const sdplint_xml_node *)NODE(node)->children;
}

const sdplint_xml_node *sdplint_xml_node_next(const sdplint_xml_node *node) {
    return (const sdplint_xml_node *)NODE(node)->next;
}

long long sdplint_xml_node_start(const sdplint_xml_node *node) {
    uintptr_t stored = (uintptr_t)NODE(node)->_private;
    return stored == 0 ? -1 : (long long)(stored - 1);
}

const sdplint_xml_attribute *sdplint_xml_node_first_attribute(const sdplint_xml_node *node) {
    return NODE(node)->type == XML_ELEMENT_NODE ? (const sdplint_xml_attribute *)NODE(node)->properties : NULL;
}

const sdplint_xml_attribute *sdplint_xml_attribute_next(const sdplint_xml_attribute *attribute) {
    return (const sdplint_xml_attribute *)ATTRIBUTE(attribute)->next;
}

const char *sdplint_xml_attribute_name(const sdplint_xml_attribute *attribute) {
    return ATTRIBUTE(attribute)->name != NULL ? (const char *)ATTRIBUTE(attribute)->name : "";
}

const char *sdplint_xml_attribute_namespace(const sdplint_xml_attribute *attribute) {
    return ATTRIBUTE(attribute)->ns != NULL ? (const char *)ATTRIBUTE(attribute)->ns->href : NULL;
}

const sdplint_xml_node *sdplint_xml_attribute_first_child(const sdplint_xml_attribute *attribute) {
    return (const sdplint_xml_node *)ATTRIBUTE(attribute)->children;
}

// MARK: - Schemas

struct sdplint_xml_schema {
    xmlSchemaPtr schema;
};

sdplint_xml_schema *sdplint_xml_schema_compile(const sdplint_xml_parse *document, sdplint_xml_errors *errors) {
    if (document == NULL || document->document == NULL) return NULL;
    xmlSchemaParserCtxtPtr parser = libxml.xmlSchemaNewDocParserCtxt(document->document);
    if (parser == NULL) return NULL;
    libxml.xmlSchemaSetParserStructuredErrors(parser, collect_schema_error, errors);
    xmlSchemaPtr compiled = libxml.xmlSchemaParse(parser);
    libxml.xmlSchemaFreeParserCtxt(parser);
    if (compiled == NULL) return NULL;
    sdplint_xml_schema *schema = malloc(sizeof(sdplint_xml_schema));
    if (schema == NULL) {
        libxml.xmlSchemaFree(compiled);
        return NULL;
    }
    schema->schema = compiled;
    return schema;
}

void sdplint_xml_schema_free(sdplint_xml_schema *schema) {
    if (schema == NULL) return;
    libxml.xmlSchemaFree(schema->schema);
    free(schema);
}

int sdplint_xml_schema_validate(const sdplint_xml_schema *schema, const sdplint_xml_parse *document,
                                sdplint_xml_errors *errors) {
    if (schema == NULL || document == NULL || document->document == NULL) return -1;
    // A compiled schema is not changed by validation; each validation has its own context.
    xmlSchemaValidCtxtPtr validator = libxml.xmlSchemaNewValidCtxt(schema->schema);
    if (validator == NULL) return -1;
    libxml.xmlSchemaSetValidStructuredErrors(validator, collect_schema_error, errors);
    int result = libxml.xmlSchemaValidateDoc(validator, document->document);
    libxml.xmlSchemaFreeValidCtxt(validator);
    return result;
}
