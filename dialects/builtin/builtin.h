/* builtin dialect: builtin.module and builtin.unrealized_conversion_cast. */
#ifndef SM_DIALECTS_BUILTIN_H
#define SM_DIALECTS_BUILTIN_H

#include "ir/ir.h"

SmDialect *sm_builtin_dialect(void);

/* A detached builtin.module (name may be NULL) whose region holds one empty
 * block; the caller owns it. */
SmOp *sm_builtin_module_create(SmContext *ctx, const char *name, SmLoc *loc);
/* The module's single block. */
SmBlock *sm_builtin_module_body(SmOp *module);

#endif
