/* Building a SPIR-V program (--kernel-format=spirv) for the runtime. */
#ifndef SM_BACKEND_OPENCL_PROGRAM_SPIRV_H
#define SM_BACKEND_OPENCL_PROGRAM_SPIRV_H

#include "backend/opencl/opencl.h"

#include <CL/cl.h>

/* Creates and builds a program from prog->source, a SPIR-V module:
 * clCreateProgramWithIL on a device that reports SPIR-V in CL_DEVICE_IL_VERSION
 * (OpenCL 2.1+); otherwise, on a device with cl_khr_spir (Debian's PoCL),
 * `llvm-spirv-15 -r` (SM_LLVM_SPIRV overrides the command) to SPIR 1.2
 * bitcode, clCreateProgramWithBinary and "-x spir -spir-std=1.2". NULL
 * after a diagnostic (the build log or the translator's message). */
cl_program sm_opencl_build_spirv(SmContext *ctx, cl_context clc, cl_device_id dev, const SmOpenCLProgram *prog);

#endif
