/* --kernel-format=spirv: the SPIR-V kernels of a kernel-level module with
 * the host plan and weights of the OpenCL backend (the runtime launches
 * the same plan whatever the kernels' format: work-group kernels carry
 * their grid and local size there). */
#include "backend/opencl/opencl.h"
#include "backend/spirv/spirv.h"

bool sm_spirv_program_emit(SmOp *module, SmOpenCLProgram *prog) {
  if (!sm_opencl_emit_plan(module, prog)) return false;
  sm_strbuf_free(&prog->source);
  prog->source = (SmStrBuf){0};
  if (!sm_spirv_emit(module, &prog->source, &prog->num_kernels)) {
    sm_opencl_program_free(prog);
    return false;
  }
  prog->spirv = true;
  return true;
}
