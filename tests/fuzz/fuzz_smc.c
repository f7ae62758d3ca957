/* libFuzzer target for the whole smc path on imported models: ONNX bytes ->
 * importer -> the baseline pipeline (graph -> layout -> kernel, memory
 * planning) -> the OpenCL plan check and OpenCL C emission, as
 * `smc model.onnx` does (nothing is run on a device). Diagnostics are
 * swallowed; a crash, sanitizer report, leak, timeout or out-of-memory is a
 * bug, and so is a pipeline that accepts a module and then fails to emit
 * it without a diagnostic.
 *
 * Built with -DSM_FUZZ=ON (clang) when the OpenCL backend is built; see
 * tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "backend/opencl/opencl.h"
#include "frontends/onnx/onnx_import.h"
#include "ir/ir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
#include "tests/fuzz/fuzz_limits.h"

static void swallow_diag(const SmDiagnostic *diag, void *user) {
  (void)diag;
  ++*(unsigned *)user;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned ndiag = 0;
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, swallow_diag, &ndiag);
  SmOp *module = sm_onnx_import_buffer(ctx, data, size, NULL);
  if (module) {
    if (!sm_op_verify(module)) abort(); /* the importer built IR its own dialect rejects */
    SmOpenCLProgram prog = {0};
    unsigned before = ndiag;
    if (!sm_opencl_compile(module, "baseline", &prog, NULL) && ndiag == before)
      abort(); /* failed without saying why */
    sm_opencl_program_free(&prog);
    sm_op_destroy(module);
  }
  sm_context_destroy(ctx);
  return 0;
}
