/* Small helpers shared by the core dialects' hooks (internal to dialects/). */
#ifndef SM_DIALECTS_DIALECT_UTIL_H
#define SM_DIALECTS_DIALECT_UTIL_H

#include "ir/asm.h"
#include "ir/ir.h"

/* Type of a typed attribute (integer, float, bool as i1, dense elements,
 * dense resource); NULL for untyped ones. */
SmType *sm_dialect_attr_value_type(SmContext *ctx, const SmAttr *a);

/* True if name is one of the NULL-terminated list (NULL list: false). */
bool sm_dialect_name_in(const char *name, const char *const *list);

/* Prints " {..}" (or " attributes {..}") holding the op's discardable
 * attributes plus the properties its custom form does not print itself
 * (MLIR's attr-dict merges both). elided: NULL-terminated names to skip. */
void sm_dialect_print_attr_dict(SmPrinter *p, SmOp *op, const char *const *elided,
                                bool with_keyword);

/* Pretty type text for diagnostics ("i32", "tensor<4xf32>"); the string is
 * interned in the context so callers need not free it. */
const char *sm_dialect_type_str(SmContext *ctx, const SmType *t);

#endif
