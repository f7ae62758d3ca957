/* Custom assembly forms: the API an op definition's parse/print hooks use.
 *
 * A parse hook is called with the parser positioned just after the op name
 * (and after `%results =`, which the generic driver handles). It fills the
 * SmOpState: operands (resolved with their types), result types, props,
 * attrs, regions, successors. The driver then parses an optional trailing
 * `loc(...)`, creates the op and binds the result names.
 *
 * A print hook is called after the driver printed `%results = ` and the op
 * name (for ops in their default dialect the prefix is dropped, as MLIR
 * does); it prints the rest (without the trailing location, which the
 * driver prints when debug info is on).
 */
#ifndef SM_IR_ASM_H
#define SM_IR_ASM_H

#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Parsing ------------------------------------------------------------ */

typedef enum SmParseResult {
  SM_PARSE_ERROR = -1, /* diagnosed */
  SM_PARSE_ABSENT = 0, /* optional element not there; nothing consumed */
  SM_PARSE_OK = 1,
} SmParseResult;

/* An SSA use not yet bound to a value: %name or %name#number. */
typedef struct SmUnresolvedOperand {
  const char *name; /* interned, without '%' */
  unsigned number;  /* result number after '#', 0 otherwise */
  SmLoc *loc;
} SmUnresolvedOperand;

/* A region argument as written in a signature: %name : type {attrs} loc(...). */
typedef struct SmArgument {
  SmUnresolvedOperand ssa; /* ssa.name NULL when only a type was written */
  SmType *type;
  SmAttr *attrs; /* dictionary or NULL */
  SmLoc *loc;    /* explicit loc(...) or NULL */
} SmArgument;

SmContext *sm_parser_context(SmParser *p);
/* Location of the current token. */
SmLoc *sm_parser_loc(SmParser *p);
/* Error at the current token; always returns false. */
bool sm_parser_error(SmParser *p, const char *fmt, ...) SM_PRINTF(2, 3);

/* Punctuation: one of ( ) [ ] { } < > , : = -> ? * + ... and '|'.
 * parse_* diagnose when missing; try_* return false without consuming. */
bool sm_parser_parse_punct(SmParser *p, const char *punct);
bool sm_parser_try_punct(SmParser *p, const char *punct);
bool sm_parser_at_punct(SmParser *p, const char *punct); /* peek only */

/* Bare identifiers used as keywords ("to", "attributes", "private", ...). */
bool sm_parser_parse_keyword(SmParser *p, const char *kw);
bool sm_parser_try_keyword(SmParser *p, const char *kw);
/* Any bare identifier; *out interned. */
SmParseResult sm_parser_try_any_keyword(SmParser *p, const char **out);

/* @name or @"quoted name"; *out interned, without '@'. */
SmParseResult sm_parser_try_symbol_name(SmParser *p, const char **out);
bool sm_parser_parse_string(SmParser *p, const char **out, size_t *len);
SmParseResult sm_parser_try_string(SmParser *p, const char **out, size_t *len);
/* Decimal or hex integer literal, optionally negative. */
bool sm_parser_parse_integer(SmParser *p, int64_t *out);
SmParseResult sm_parser_try_integer(SmParser *p, int64_t *out);

/* Types. */
SmType *sm_parser_parse_type(SmParser *p);              /* NULL on error */
SmParseResult sm_parser_try_type(SmParser *p, SmType **out);
bool sm_parser_parse_colon_type(SmParser *p, SmType **out); /* ": type" */
/* Comma-separated, at least one type. *out points into parser scratch valid
 * until the hook returns. */
bool sm_parser_parse_type_list(SmParser *p, SmType ***out, unsigned *n);
/* Result list of a function type: "(t, ...)" or a single non-function type. */
bool sm_parser_parse_function_result_types(SmParser *p, SmType ***out, unsigned *n);

/* Attributes. type: type for a literal written without one (e.g. "42"), or NULL. */
SmAttr *sm_parser_parse_attr(SmParser *p, SmType *type);
SmParseResult sm_parser_try_attr(SmParser *p, SmType *type, SmAttr **out);
/* Optional "{...}" dictionary; entries go into st->attrs. */
bool sm_parser_parse_optional_attr_dict(SmParser *p, SmOpState *st);
/* Optional "attributes {...}". */
bool sm_parser_parse_optional_attr_dict_with_keyword(SmParser *p, SmOpState *st);
/* A "{...}" dictionary attribute as an SmAttr (NULL on error). */
SmAttr *sm_parser_parse_dict_attr(SmParser *p);

/* Operands. */
SmParseResult sm_parser_try_operand(SmParser *p, SmUnresolvedOperand *out);
bool sm_parser_parse_operand(SmParser *p, SmUnresolvedOperand *out);
/* Possibly empty comma-separated list (stops at the first non-operand).
 * *out points into parser scratch valid until the hook returns. */
bool sm_parser_parse_operand_list(SmParser *p, SmUnresolvedOperand **out, unsigned *n);
bool sm_parser_at_operand(SmParser *p);
/* Binds an operand to a value of the given type and appends it to st. Uses
 * before definition (graph regions, forward references) are supported. */
bool sm_parser_resolve_operand(SmParser *p, const SmUnresolvedOperand *u, SmType *type,
                               SmOpState *st);
/* n operands with n types (error at loc when the counts differ). */
bool sm_parser_resolve_operands(SmParser *p, const SmUnresolvedOperand *us, unsigned n,
                                SmType *const *types, unsigned ntypes, SmLoc *loc, SmOpState *st);

/* Region arguments. */
/* "%name : type" (+ "{attrs}" if allow_attrs, + "loc(...)"); ABSENT if not at '%'. */
SmParseResult sm_parser_try_argument(SmParser *p, SmArgument *out, bool allow_attrs);
/* Optional trailing "loc(...)"; *out untouched when absent. */
SmParseResult sm_parser_try_loc(SmParser *p, SmLoc **out);

/* "{ blocks }". args (may be NULL/0) become the entry block's arguments; if
 * args are given the entry block must not have its own label with args. An
 * empty "{ }" gives an empty region unless args are given. */
bool sm_parser_parse_region(SmParser *p, SmRegion *r, const SmArgument *args, unsigned nargs);
SmParseResult sm_parser_try_region(SmParser *p, SmRegion *r, const SmArgument *args,
                                   unsigned nargs);
/* ^bb successor reference. */
bool sm_parser_parse_successor(SmParser *p, SmBlock **out);

/* ---- Printing ----------------------------------------------------------- */

SmContext *sm_printer_context(SmPrinter *p);
const SmPrintFlags *sm_printer_flags(SmPrinter *p);
void sm_printer_puts(SmPrinter *p, const char *s);
void sm_printer_printf(SmPrinter *p, const char *fmt, ...) SM_PRINTF(2, 3);
/* %name of a value. */
void sm_printer_print_operand(SmPrinter *p, SmValue *v);
/* Comma-separated operands op->operands[from .. from+n). */
void sm_printer_print_operands(SmPrinter *p, SmOp *op, unsigned from, unsigned n);
void sm_printer_print_type(SmPrinter *p, SmType *t);
/* Comma-separated. */
void sm_printer_print_types(SmPrinter *p, SmType *const *ts, unsigned n);
/* Types of values (comma-separated). */
void sm_printer_print_value_types(SmPrinter *p, SmValue *const *vs, unsigned n);
/* Function result list: "t" for one non-function type, "(t, u)" otherwise. */
void sm_printer_print_function_result_types(SmPrinter *p, SmType *const *ts, unsigned n);
void sm_printer_print_attr(SmPrinter *p, SmAttr *a);
/* Integer/float/dense attribute without its ": type" suffix. */
void sm_printer_print_attr_without_type(SmPrinter *p, SmAttr *a);
/* " {a = 1}" when dict has entries not named in elided (NULL-terminated, may be NULL). */
void sm_printer_print_optional_attr_dict(SmPrinter *p, const SmAttr *dict,
                                         const char *const *elided);
/* " attributes {a = 1}" likewise. */
void sm_printer_print_optional_attr_dict_with_keyword(SmPrinter *p, const SmAttr *dict,
                                                      const char *const *elided);
void sm_printer_print_symbol_name(SmPrinter *p, const char *name); /* @name, quoted if needed */
void sm_printer_print_string(SmPrinter *p, const char *s, size_t len); /* "escaped" */
/* "%arg0: type" (+ " loc(...)" with debug info). */
void sm_printer_print_block_arg(SmPrinter *p, SmValue *arg);
/* " loc(...)" when debug info is on, else nothing. */
void sm_printer_print_optional_loc(SmPrinter *p, SmLoc *loc);
/* "{" newline, blocks, "}". print_entry_args false: the entry block's label
 * (and arguments) are omitted when the block has no predecessors. */
void sm_printer_print_region(SmPrinter *p, SmRegion *r, bool print_entry_args,
                             bool print_empty_block);
void sm_printer_print_successor(SmPrinter *p, SmBlock *b);

#ifdef __cplusplus
}
#endif
#endif /* SM_IR_ASM_H */
