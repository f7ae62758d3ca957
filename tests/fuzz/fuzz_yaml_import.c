/* libFuzzer target for the YAML frontend: import arbitrary bytes as a model
 * description. Diagnostics are the expected outcome and are swallowed; a
 * crash, sanitizer report, leak, timeout or out-of-memory is a bug. A module
 * the importer returns must verify and print, otherwise the target aborts.
 * No path is given, so weight files are refused rather than read.
 *
 * Built with -DSM_FUZZ=ON (clang); see tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "frontends/yaml/yaml_import.h"
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
  SmOp *module = sm_yaml_import_buffer(ctx, (const char *)data, size, NULL);
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
