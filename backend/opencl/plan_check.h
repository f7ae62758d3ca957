/* Static bounds check of a kernel-level module's launches (plan_check.c). */
#ifndef SM_BACKEND_OPENCL_PLAN_CHECK_H
#define SM_BACKEND_OPENCL_PLAN_CHECK_H

#include "backend/interp/interp.h"
#include "ir/ir.h"

/* True when every kernel.load/kernel.store of every kernel.launch in the
 * module's kernel.host ops is proved inside its buffer; otherwise a located
 * error at the access and at the launch, and false. Run before anything is
 * launched on a device. inputs (num_inputs of them) are the model inputs
 * when known: accesses whose indices come from input values (a gather of
 * token ids) are then checked for those values; with inputs NULL (compile
 * time) such accesses are left to the check at run time. */
bool sm_opencl_plan_check(SmOp *module, unsigned num_inputs, const SmTensor *inputs);

#endif
