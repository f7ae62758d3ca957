/* f16/bf16 values held in f32 by the kernel backends. Tensors of f16/bf16 are
 * widened to f32 at import, so the only f16/bf16 scalars in kernels are the
 * roundings of a cast to f16/bf16: an arith.truncf from f32 whose users all
 * arith.extf it back. The OpenCL C and SPIR-V emitters keep such a value in a
 * float, rounded to nearest even (overflow to inf) as the interpreter rounds
 * it, with no half arithmetic (cl_khr_fp16 / Float16) needed. */
#ifndef SM_DIALECTS_KERNEL_HELD_NARROW_H
#define SM_DIALECTS_KERNEL_HELD_NARROW_H

#include "ir/ir.h"

static inline bool sm_kernel_is_narrow_float(const SmType *t) {
  return t && (t->kind == SM_TYPE_F16 || t->kind == SM_TYPE_BF16);
}

/* op is an f32 -> f16/bf16 arith.truncf whose users are all arith.extf. */
static inline bool sm_kernel_is_held_narrow(SmOp *op) {
  if (!sm_op_name_is(op, "arith.truncf") || op->num_results != 1 || !sm_kernel_is_narrow_float(op->results[0].type) ||
      op->operands[0].value->type->kind != SM_TYPE_F32)
    return false;
  for (SmUse *u = op->results[0].uses; u; u = u->next)
    if (!sm_op_name_is(u->owner, "arith.extf")) return false;
  return true;
}

#endif
