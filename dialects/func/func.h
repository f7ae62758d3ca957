/* func dialect: func.func, func.return, func.call, func.call_indirect,
 * func.constant, as in MLIR. */
#ifndef SM_DIALECTS_FUNC_H
#define SM_DIALECTS_FUNC_H

#include "ir/ir.h"

SmDialect *sm_func_dialect(void);

/* func.func accessors. */
SmType *sm_func_get_type(const SmOp *func);     /* function type, NULL when missing */
const char *sm_func_get_name(const SmOp *func); /* sym_name, NULL when missing */
bool sm_func_is_external(SmOp *func);           /* no body */
SmBlock *sm_func_entry_block(SmOp *func);       /* NULL for declarations */
/* Visibility string ("public" when the property is absent). */
const char *sm_func_get_visibility(const SmOp *func);

/* A detached func.func named name of type fn_type (a function type) whose
 * body is one entry block with matching arguments (no terminator yet) when
 * with_body is true, or a declaration (private) otherwise. Caller owns it. */
SmOp *sm_func_create(SmContext *ctx, const char *name, SmType *fn_type, bool with_body,
                     SmLoc *loc);
/* func.return of the values at the builder's insertion point. */
SmOp *sm_func_build_return(SmBuilder *b, SmValue *const *values, unsigned n, SmLoc *loc);
/* func.call @callee(args) with the given result types. */
SmOp *sm_func_build_call(SmBuilder *b, const char *callee, SmValue *const *args, unsigned nargs,
                         SmType *const *results, unsigned nresults, SmLoc *loc);

#endif
