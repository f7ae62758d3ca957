/* sm-translate: model formats -> smartmem IR.
 *   sm-translate (--import-onnx model.onnx | --import-yaml model.yaml)
 *     [-o out.mlir] [--mlir-print-debuginfo] [--mlir-print-op-generic]
 *     [--canonicalize] [--timing]
 * --canonicalize runs smopt's canonicalize pass in-process after the import;
 * --timing prints the wall time of each phase (import, verify, canonicalize,
 * print) to stderr.
 * The module is verified before anything is written; on error nothing is
 * written and the exit status is 1. */
#include "dialects/graph/graph.h"
#include "frontends/onnx/onnx_import.h"
#include "frontends/yaml/yaml_import.h"
#include "passes/pass.h"
#include "tools/tool_diag.h"
#ifdef SM_HAVE_OPENCL
#include "backend/opencl/emit_main.h"
#endif

#include <stdio.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The canonicalize pass on every function (as smopt --canonicalize). */
static bool canonicalize(SmContext *ctx, SmOp *module) {
  sm_register_builtin_passes();
  const SmPassDef *def = sm_pass_lookup("canonicalize", strlen("canonicalize"));
  SmPassManager *pm = def ? sm_pass_manager_create(ctx, "builtin.module") : NULL;
  if (!pm) return false;
  sm_pass_manager_add_nested_implicitly(pm, def);
  bool ok = sm_pass_manager_run(pm, module);
  sm_pass_manager_destroy(pm);
  return ok;
}

static int usage(void) {
  fprintf(stderr, "usage: sm-translate (--import-onnx MODEL.onnx | --import-yaml MODEL.yaml) [-o OUT.mlir] "
                  "[--mlir-print-debuginfo] [--mlir-print-op-generic] [--canonicalize] [--timing]\n");
  return 2;
}

int main(int argc, char **argv) {
  const char *in = NULL, *out = "-";
  bool import_onnx = false, import_yaml = false, canon = false, timing = false;
  SmPrintFlags flags = {0};
#ifdef SM_HAVE_OPENCL
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "--emit-opencl") == 0 || strcmp(argv[i], "--emit-spirv") == 0) return sm_emit_opencl_main(argc, argv);
#endif
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--import-onnx") == 0) import_onnx = true;
    else if (strcmp(argv[i], "--import-yaml") == 0) import_yaml = true;
    else if (strcmp(argv[i], "--canonicalize") == 0) canon = true;
    else if (strcmp(argv[i], "--timing") == 0) timing = true;
    else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) out = argv[++i];
    else if (strcmp(argv[i], "--mlir-print-debuginfo") == 0) flags.debuginfo = true;
    else if (strcmp(argv[i], "--mlir-print-op-generic") == 0) flags.generic = true;
    else if (argv[i][0] == '-' && argv[i][1]) return usage();
    else if (!in) in = argv[i];
    else return usage();
  }
  if (import_onnx == import_yaml || !in) return usage();
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, sm_tool_diag_handler, ctx);
  sm_register_core_dialects(ctx);
  sm_register_graph_dialect(ctx);
  int rc = 1;
  double t0 = now_ms();
  SmOp *module = import_onnx ? sm_onnx_import_file(ctx, in) : sm_yaml_import_file(ctx, in);
  double t1 = now_ms();
  bool ok = module && sm_op_verify(module);
  double t2 = now_ms();
  if (ok && canon) ok = canonicalize(ctx, module);
  double t3 = now_ms();
  if (ok) {
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
  if (timing)
    fprintf(stderr, "import: %.1f ms, verify: %.1f ms, canonicalize: %.1f ms, print: %.1f ms\n",
            t1 - t0, t2 - t1, t3 - t2, now_ms() - t3);
  if (module) sm_op_destroy(module);
  sm_context_destroy(ctx);
  return rc;
}
