/* sm-translate --emit-opencl IN.mlir -o OUT_DIR [--pipeline=baseline]:
 * compiles a graph-, layout- or kernel-level module (running the pipeline
 * only as far as needed) and writes OUT_DIR/kernels.cl, plan.txt and
 * weights.bin (formats: backend/opencl/opencl.h, docs/opencl-backend.md).
 * With -o - (or no -o) the OpenCL C goes to stdout and the plan follows as
 * a C comment, which is what the lit tests check. --emit-spirv writes
 * kernels.spv (a SPIR-V module, backend/spirv) instead of kernels.cl; with
 * -o - the binary module alone goes to stdout (for spirv-dis/spirv-val).
 * --timing prints the compile time (pipeline as far as needed, then
 * emission; on a kernel-level module: emission alone) to stderr.
 * Returns the exit status. */
#ifndef SM_BACKEND_OPENCL_EMIT_MAIN_H
#define SM_BACKEND_OPENCL_EMIT_MAIN_H

int sm_emit_opencl_main(int argc, char **argv);

#endif
