/* libFuzzer target for the pass-pipeline parser: parse arbitrary bytes as a
 * pipeline (MLIR's grammar, every in-tree pass registered, options
 * included). Diagnostics are swallowed; a crash, sanitizer report or leak is
 * a bug. Parsed pipelines are not run (that is fuzz_smc's job).
 *
 * Built with -DSM_FUZZ=ON (clang); see tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ir/ir.h"
#include "passes/pass.h"
#include "passes/smartmem/smartmem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void swallow_diag(const SmDiagnostic *diag, void *user) {
  (void)diag;
  ++*(unsigned *)user;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned ndiag = 0;
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, swallow_diag, &ndiag);
  sm_register_builtin_passes();
  sm_register_smartmem_passes();
  sm_register_core_dialects(ctx);
  sm_register_smartmem_dialects(ctx);
  SmPassManager *pm = sm_pass_manager_create(ctx, "builtin.module");
  sm_pass_pipeline_parse(pm, (const char *)data, size);
  sm_pass_manager_destroy(pm);
  sm_context_destroy(ctx);
  return 0;
}
