/* What every frontend builds around the ops it imports. */
#ifndef SM_FRONTENDS_FRONTEND_MODULE_H
#define SM_FRONTENDS_FRONTEND_MODULE_H

#include "ir/ir.h"

/* module { func.func @main(fn_type inputs) -> results { body } }: takes body
 * (a detached block whose arguments match fn_type's inputs and which ends in
 * func.return) and returns the new module, owned by the caller. func_loc is
 * the function's location. */
SmOp *sm_frontend_wrap_main(SmContext *ctx, SmBlock *body, SmType *fn_type, SmLoc *func_loc);

/* Copies text into out (always NUL-terminated, truncated to cap), writing
 * control characters and DEL as \xNN so names taken from a model file can
 * never send escape sequences to the user's terminal. */
void sm_frontend_escape(const char *text, char *out, size_t cap);

#endif
