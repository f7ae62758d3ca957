/* math dialect subset: scalar transcendental functions with MLIR's math op
 * names (math.exp, math.erf, ...). Used in the bodies of layout.generic and
 * in kernel functions; the OpenCL emitter maps each to its builtin. */
#ifndef SM_DIALECTS_MATH_H
#define SM_DIALECTS_MATH_H

#include "ir/ir.h"

/* Registers the math dialect (idempotent per context). */
void sm_register_math_dialect(SmContext *ctx);

#endif
