/* SPIR-V backend: the kernel dialect as one binary SPIR-V module (OpenCL
 * flavour: Addresses, Kernel, Int64, Physical64 addressing, the OpenCL
 * memory model, OpenCL.std for math; Int8/Int16/Float64 and ImageBasic
 * only when used; f16 values are refused: Float16 is not valid OpenCL 1.2
 * SPIR-V). Every kernel.func becomes an OpEntryPoint
 * Kernel of the same name taking its buffers as CrossWorkgroup pointers and
 * its images as image2d_t, in argument order, so that the host plan of the
 * OpenCL backend launches it unchanged. docs/spirv-backend.md has the
 * mapping op by op. */
#ifndef SM_BACKEND_SPIRV_H
#define SM_BACKEND_SPIRV_H

#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Appends the module's SPIR-V binary (SPIR-V 1.0, host byte order) for the
 * kernel.func ops of module (other ops are ignored) to out. An op with no
 * SPIR-V lowering, or an unsupported type, is a located error naming the
 * op; then nothing is appended and the result is false. num_kernels (may be
 * NULL) receives the number of entry points. */
bool sm_spirv_emit(SmOp *module, SmStrBuf *out, unsigned *num_kernels);

/* Validates a module as `spirv-val --target-env opencl1.2` does, through
 * SPIRV-Tools linked in; a rejected module is diagnosed at loc (an internal
 * error: the emitter's bug) and the result is false. Without SPIRV-Tools at
 * build time it accepts everything and sm_spirv_can_validate() is false. */
bool sm_spirv_validate(SmContext *ctx, SmLoc *loc, const void *module, size_t bytes);
bool sm_spirv_can_validate(void);

#ifdef __cplusplus
}
#endif
#endif
