/* --kernel-format=spirv: the SPIR-V kernels of a kernel-level module with
 * the host plan and weights of the OpenCL backend (the runtime launches
 * the same plan whatever the kernels' format). */
#include "backend/opencl/opencl.h"
#include "backend/spirv/spirv.h"

#include <stdlib.h>

bool sm_spirv_program_emit(SmOp *module, SmOpenCLProgram *prog) {
  SmContext *ctx = sm_op_context(module);
  SmBlock *b = module->num_regions ? module->regions[0].first : NULL;
  /* The plan comes from sm_opencl_emit, with the kernel.func ops set aside
   * meanwhile so that no OpenCL C is generated; they go back in place. */
  size_t n = 0, cap = 0;
  SmOp **funcs = NULL, **next = NULL;
  bool ok = true;
  for (SmOp *op = b ? b->first : NULL, *nx; op && ok; op = nx) {
    nx = op->next;
    if (!sm_op_name_is(op, "kernel.func")) continue;
    if (n == cap) {
      cap = cap ? 2 * cap : 64;
      SmOp **f = realloc(funcs, cap * sizeof *f), **x = f ? realloc(next, cap * sizeof *x) : NULL;
      if (f) funcs = f;
      if (x) next = x;
      if (!f || !x) {
        ok = sm_emit_error(ctx, module->loc, "out of memory");
        break;
      }
    }
    funcs[n] = op, next[n] = nx;
    n++;
    sm_op_detach(op);
  }
  if (ok) ok = sm_opencl_emit(module, prog);
  for (size_t i = n; i-- > 0;) sm_block_insert_op(b, next[i], funcs[i]);
  free(funcs);
  free(next);
  if (!ok) return false;
  sm_strbuf_free(&prog->source);
  prog->source = (SmStrBuf){0};
  if (!sm_spirv_emit(module, &prog->source, &prog->num_kernels)) {
    sm_opencl_program_free(prog);
    return false;
  }
  prog->spirv = true;
  return true;
}
