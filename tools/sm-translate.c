/* sm-translate: model formats -> smartmem IR (options: the table in main,
 * or `sm-translate --help`).
 *   sm-translate [--import-onnx | --import-yaml] MODEL [-o OUT.mlir] ...
 *   sm-translate (--emit-opencl | --emit-spirv) IN.mlir [-o OUT_DIR|-] [--pipeline=NAME]
 * The import kind follows the flag, or the file name (.onnx, .yaml/.yml)
 * when no flag is given. --canonicalize runs the canonicalize pass after the
 * import; --mlir-timing prints the wall time of each phase. The module is
 * verified before anything is written; on error nothing is written (and an
 * older -o file is removed) and the exit status is 1; usage errors exit 2. */
#include "dialects/graph/graph.h"
#include "frontends/onnx/onnx_import.h"
#include "frontends/yaml/yaml_import.h"
#include "passes/pass.h"
#include "passes/pass_output_file.h"
#include "tools/tool_diag.h"
#include "tools/tool_options.h"
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

int main(int argc, char **argv) {
  const char *in = NULL, *out = "-", *pipeline = NULL;
  bool import_onnx = false, import_yaml = false, emit_opencl = false, emit_spirv = false, canon = false, timing = false;
  SmPrintFlags flags = {0};
  const SmToolOption options[] = {
      {"--import-onnx", NULL, SM_TOOL_FLAG, &import_onnx, NULL, "the input is an ONNX model"},
      {"--import-yaml", NULL, SM_TOOL_FLAG, &import_yaml, NULL, "the input is a YAML model"},
#ifdef SM_HAVE_OPENCL
      {"--emit-opencl", NULL, SM_TOOL_FLAG, &emit_opencl, NULL,
       "compile an IR module to OpenCL C + plan (-o DIR, or - for stdout)"},
      {"--emit-spirv", NULL, SM_TOOL_FLAG, &emit_spirv, NULL,
       "compile an IR module to one SPIR-V module + plan (-o DIR, or - for the raw module)"},
      {"--pipeline", NULL, SM_TOOL_STRING, &pipeline, "NAME",
       "with --emit-opencl/--emit-spirv: the model pipeline (default smartmem)"},
#endif
      {"-o", NULL, SM_TOOL_STRING, &out, "OUT", "output file (default: stdout)"},
      {"--canonicalize", NULL, SM_TOOL_FLAG, &canon, NULL, "run canonicalize after the import"},
      {"--mlir-print-op-generic", NULL, SM_TOOL_FLAG, &flags.generic, NULL, "print the generic op form"},
      {"--mlir-print-debuginfo", NULL, SM_TOOL_FLAG, &flags.debuginfo, NULL, "print locations"},
      {"--mlir-timing", "--timing", SM_TOOL_FLAG, &timing, NULL,
       "print the wall time of import, verify, canonicalize and print (stderr)"},
  };
  SmToolSpec spec = {"sm-translate", "sm-translate [options] MODEL",
                     "imports ONNX and YAML models into smartmem IR; emits OpenCL from IR",
                     options, sizeof options / sizeof options[0], &in, NULL, NULL};
  int go = sm_tool_parse(&spec, argc, argv);
  if (go != 1)
    return go;
  (void)pipeline;
#ifdef SM_HAVE_OPENCL
  if (emit_opencl || emit_spirv) {
    if (import_onnx || import_yaml || canon || (emit_opencl && emit_spirv)) {
      fprintf(stderr, "sm-translate: --emit-opencl and --emit-spirv take an IR module (import it first) and exclude each other\n");
      return 2;
    }
    return sm_emit_opencl_main(argc, argv);
  }
#endif
  if (!in) {
    fprintf(stderr, "sm-translate: no input given\nTry 'sm-translate --help'.\n");
    return 2;
  }
  if (import_onnx && import_yaml) {
    fprintf(stderr, "sm-translate: give one of --import-onnx and --import-yaml\n");
    return 2;
  }
  bool looks_onnx = sm_tool_has_suffix(in, ".onnx"), looks_yaml = sm_tool_has_suffix(in, ".yaml") || sm_tool_has_suffix(in, ".yml");
  if (!import_onnx && !import_yaml) {
    if (!looks_onnx && !looks_yaml) {
      fprintf(stderr, "sm-translate: cannot tell what '%s' holds: give --import-onnx or --import-yaml%s\n",
              in, sm_tool_has_suffix(in, ".mlir") ? " (IR files go to smopt, or to --emit-opencl)" : "");
      return 2;
    }
    import_onnx = looks_onnx;
    import_yaml = looks_yaml;
  } else if ((import_onnx && looks_yaml) || (import_yaml && looks_onnx)) {
    fprintf(stderr, "sm-translate: '%s' looks like %s, not %s: use %s\n", in, looks_yaml ? "YAML" : "ONNX",
            import_onnx ? "ONNX" : "YAML", looks_yaml ? "--import-yaml" : "--import-onnx");
    return 2;
  }
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
  SmOutputFile f;
  if (sm_output_file_open(&f, ctx, out)) {
    if (ok)
      sm_op_print_file(module, f.f, &flags);
    /* On failure: nothing written, no older output left (devices untouched). */
    rc = sm_output_file_close(&f, ctx, ok) && ok ? 0 : 1;
  }
  if (timing)
    fprintf(stderr, "import: %.1f ms, verify: %.1f ms, canonicalize: %.1f ms, print: %.1f ms\n",
            t1 - t0, t2 - t1, t3 - t2, now_ms() - t3);
  if (module) sm_op_destroy(module);
  sm_context_destroy(ctx);
  return rc;
}
