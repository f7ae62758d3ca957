/* sm-translate: model formats -> smartmem IR.
 *   sm-translate --import-onnx model.onnx [-o out.mlir] [--mlir-print-debuginfo]
 *     [--mlir-print-op-generic]
 * The module is verified before anything is written; on error nothing is
 * written and the exit status is 1. */
#include "dialects/graph/graph.h"
#include "frontends/onnx/onnx_import.h"
#include "tools/tool_diag.h"

#include <stdio.h>
#include <string.h>

static int usage(void) {
  fprintf(stderr, "usage: sm-translate --import-onnx MODEL.onnx [-o OUT.mlir] "
                  "[--mlir-print-debuginfo] [--mlir-print-op-generic]\n");
  return 2;
}

int main(int argc, char **argv) {
  const char *in = NULL, *out = "-";
  bool import_onnx = false;
  SmPrintFlags flags = {0};
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--import-onnx") == 0) import_onnx = true;
    else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) out = argv[++i];
    else if (strcmp(argv[i], "--mlir-print-debuginfo") == 0) flags.debuginfo = true;
    else if (strcmp(argv[i], "--mlir-print-op-generic") == 0) flags.generic = true;
    else if (argv[i][0] == '-' && argv[i][1]) return usage();
    else if (!in) in = argv[i];
    else return usage();
  }
  if (!import_onnx || !in) return usage();
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, sm_tool_diag_handler, ctx);
  sm_register_core_dialects(ctx);
  sm_register_graph_dialect(ctx);
  int rc = 1;
  SmOp *module = sm_onnx_import_file(ctx, in);
  if (module && sm_op_verify(module)) {
    FILE *f = strcmp(out, "-") == 0 ? stdout : fopen(out, "w");
    if (!f) {
      fprintf(stderr, "sm-translate: cannot write '%s'\n", out);
    } else {
      sm_op_print_file(module, f, &flags);
      rc = 0;
      if (f != stdout && fclose(f) != 0) {
        fprintf(stderr, "sm-translate: error writing '%s'\n", out);
        remove(out);
        rc = 1;
      }
    }
  }
  if (module) sm_op_destroy(module);
  sm_context_destroy(ctx);
  return rc;
}
