/* libFuzzer target for the textual parser: parse, verify and print arbitrary
 * bytes. Any crash, sanitizer report or leak is a bug; diagnostics are the
 * expected outcome for most inputs, so they are swallowed. For inputs that
 * parse and verify, the printed text (custom and generic form) must parse
 * again and print the same text: a failure there aborts, so libFuzzer saves
 * the input.
 *
 * Every dialect is registered, so the verifier runs each op's own checks
 * (graph shape inference, layout maps, kernel plans).
 *
 * Built with -DSM_FUZZ=ON (clang); see tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "passes/smartmem/smartmem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void swallow_diag(const SmDiagnostic *diag, void *user) {
  (void)diag;
  /* Count them so a handler that is never called would show up in a debugger. */
  ++*(unsigned *)user;
}

/* print(parse(text)) == text for a printed module, else abort. */
static void check_fixpoint(SmContext *ctx, const SmStrBuf *text, const SmPrintFlags *flags) {
  SmOp *again = sm_parse_source(ctx, text->data, text->len, "fuzz-printed.mlir", 0);
  if (!again)
    abort(); /* the printer wrote something the parser rejects */
  SmStrBuf out = {0};
  sm_op_print(again, &out, flags);
  bool same = out.len == text->len && memcmp(out.data, text->data, out.len) == 0;
  sm_strbuf_free(&out);
  sm_op_destroy(again);
  if (!same)
    abort(); /* parse -> print is not a fixed point */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned ndiags = 0;
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, swallow_diag, &ndiags);
  sm_context_set_allow_unregistered(ctx, true);
  sm_register_core_dialects(ctx);
  /* Every dialect (graph, math, layout, kernel): their verifiers run shape
   * inference and map checks on whatever the parser accepted. */
  sm_register_smartmem_dialects(ctx);

  SmOp *module = sm_parse_source(ctx, (const char *)data, size, "fuzz.mlir", 0);
  if (module) {
    if (sm_op_verify(module)) {
      /* Print both forms: the printer must handle whatever the parser and
       * verifier accepted. */
      SmPrintFlags flags[2] = {{0}, {.generic = true, .debuginfo = true}};
      for (int i = 0; i < 2; i++) {
        SmStrBuf out = {0};
        sm_op_print(module, &out, &flags[i]);
        check_fixpoint(ctx, &out, &flags[i]);
        sm_strbuf_free(&out);
      }
    }
    sm_op_destroy(module);
  }
  sm_context_destroy(ctx);
  return 0;
}
