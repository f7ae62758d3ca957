/* libFuzzer target for the ONNX importer: decode arbitrary bytes as a
 * ModelProto and import them (constant folding with the interpreter's
 * kernels included). Any crash, sanitizer report or leak is a bug;
 * diagnostics are the expected outcome for most inputs, so they are
 * swallowed. A module the importer returns must verify (the importer
 * infers every type) and print, otherwise the target aborts.
 *
 * Built with -DSM_FUZZ=ON (clang); see tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "dialects/graph/graph.h"
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
  sm_register_core_dialects(ctx);
  sm_register_graph_dialect(ctx);
  /* No path: external-data tensors are rejected instead of read from disk. */
  SmOp *module = sm_onnx_import_buffer(ctx, data, size, NULL);
  if (module) {
    if (!sm_op_verify(module))
      abort(); /* the importer built IR its own dialect rejects */
    SmStrBuf out = {0};
    SmPrintFlags flags = {0};
    sm_op_print(module, &out, &flags);
    sm_strbuf_free(&out);
    sm_op_destroy(module);
  }
  sm_context_destroy(ctx);
  return 0;
}
