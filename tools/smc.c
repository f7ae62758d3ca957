/* smc: the whole compile path in one command (options: the table in main,
 * or `smc --help`).
 *   smc MODEL.(onnx|yaml|mlir) [--pipeline=smartmem|baseline] -o OUT_DIR  -> OUT_DIR/{kernels.cl,plan.txt,weights.bin}
 *   smc MODEL --passes='builtin.module(...)' [-o OUT.mlir]       -> runs passes, prints the IR
 * --kernel-format=spirv: OUT_DIR/kernels.spv (one SPIR-V module) instead of kernels.cl.
 * --stats: one JSON line on stdout (graph ops, kernels, layout-conversion
 * kernels, peak and unplanned bytes, compile ms). Without -o (and without
 * --passes) it compiles, says what it would write and writes nothing.
 * --device-profile=NAME|FILE: the device profile SmartMem's layout passes use
 * (recorded on the module as smartmem.device_profile; default pocl-cpu).
 * An existing OUT_DIR may hold only smc's own outputs (an earlier run's are
 * replaced; on failure none is left); anything else there is refused.
 * Exit status 0 on success, 1 on a diagnosed error, 2 on usage errors. */
#include "backend/opencl/opencl.h"
#include "dialects/kernel/kernel.h"
#include "dialects/graph/graph.h"
#include "frontends/onnx/onnx_import.h"
#include "passes/smartmem/device_profile.h"
#include "passes/smartmem/smartmem.h"
#include "frontends/yaml/yaml_import.h"
#include "passes/pass_output_file.h"
#include "tools/tool_diag.h"
#include "tools/tool_options.h"
#include "tools/tool_pipeline.h"

#include <dirent.h>
#include <unistd.h>
#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  if (buf) buf[n] = 0, *len = (size_t)n;
  return buf;
}

/* What smc may write into its output directory. A new output file is one
 * row here and its buffer (or NULL when a run does not produce it) at the
 * same index in the call of write_outputs. */
static const char *const smc_outputs[] = {"kernels.cl", "plan.txt", "weights.bin", "kernels.spv"};
#define NUM_SMC_OUTPUTS (sizeof smc_outputs / sizeof smc_outputs[0])

/* An existing output directory may hold only smc's own files (an earlier
 * run's) and leftover temporary files of the output helper. */
static bool check_output_dir(SmContext *ctx, const char *dir, bool *created) {
  struct stat st;
  *created = false;
  if (stat(dir, &st) != 0) {
    if (errno != ENOENT || mkdir(dir, 0777) != 0)
      return sm_emit_error(ctx, sm_loc_unknown(ctx), "cannot create output directory '%s': %s", dir,
                           strerror(errno));
    *created = true;
    return true;
  }
  if (!S_ISDIR(st.st_mode))
    return sm_emit_error(ctx, sm_loc_unknown(ctx), "output '%s' is not a directory (smc writes %s, %s and %s into one)",
                         dir, smc_outputs[0], smc_outputs[1], smc_outputs[2]);
  DIR *d = opendir(dir);
  if (!d)
    return sm_emit_error(ctx, sm_loc_unknown(ctx), "cannot read output directory '%s': %s", dir, strerror(errno));
  bool ok = true;
  for (struct dirent *e; ok && (e = readdir(d));) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
      continue;
    bool ours = !strncmp(e->d_name, ".sm-out.", 8);
    for (size_t i = 0; i < NUM_SMC_OUTPUTS; i++)
      ours |= strcmp(e->d_name, smc_outputs[i]) == 0;
    if (!ours)
      ok = sm_emit_error(ctx, sm_loc_unknown(ctx),
                         "output directory '%s' holds '%s', which smc does not write: use an empty "
                         "or new directory (smc replaces only its own files there)",
                         dir, e->d_name);
  }
  closedir(d);
  return ok;
}

/* Removes smc's outputs from dir: a failed run leaves none, not an older run's. */
static void remove_outputs(const char *dir) {
  for (size_t i = 0; i < NUM_SMC_OUTPUTS; i++) {
    char *p = sm_path_join(dir, smc_outputs[i]);
    if (p && sm_path_is_regular_file(p))
      unlink(p);
    free(p);
  }
}

/* All outputs or none: each produced file goes to a temporary file first;
 * they replace the directory's files only when every one was written. An
 * output this run does not produce (bufs[i] NULL, e.g. another kernel
 * format's file) is removed, so no earlier run's file is left beside them. */
static bool write_outputs(SmContext *ctx, const char *dir, const SmStrBuf *const bufs[NUM_SMC_OUTPUTS]) {
  SmOutputFile files[NUM_SMC_OUTPUTS];
  char *paths[NUM_SMC_OUTPUTS] = {0};
  bool opened[NUM_SMC_OUTPUTS] = {0}, ok = true;
  for (size_t i = 0; ok && i < NUM_SMC_OUTPUTS; i++) {
    paths[i] = sm_path_join(dir, smc_outputs[i]);
    if (!paths[i]) {
      ok = sm_emit_error(ctx, sm_loc_unknown(ctx), "out of memory");
      break;
    }
    if (!bufs[i])
      continue;
    ok = opened[i] = sm_output_file_open(&files[i], ctx, paths[i]);
    if (ok && bufs[i]->len && fwrite(bufs[i]->data, 1, bufs[i]->len, files[i].f) != bufs[i]->len)
      ok = sm_emit_error(ctx, sm_loc_unknown(ctx), "error writing '%s'", paths[i]);
  }
  for (size_t i = 0; i < NUM_SMC_OUTPUTS; i++)
    if (opened[i] && !sm_output_file_close(&files[i], ctx, ok))
      ok = false;
  for (size_t i = 0; ok && i < NUM_SMC_OUTPUTS; i++)
    if (!bufs[i] && sm_path_is_regular_file(paths[i]))
      unlink(paths[i]);
  if (!ok)
    remove_outputs(dir);
  for (size_t i = 0; i < NUM_SMC_OUTPUTS; i++)
    free(paths[i]);
  return ok;
}

typedef struct Counts {
  long graph_ops, kernels, conversions;
} Counts;

static SmWalkResult count_graph(SmOp *op, void *user) {
  if (!strncmp(op->name, "graph.", 6) && !sm_op_name_is(op, "graph.constant")) ((Counts *)user)->graph_ops++;
  return SM_WALK_ADVANCE;
}

/* A kernel that only moves data: its kind is a Fixed op (possibly with fused element-wise ops). */
static SmWalkResult count_kernels(SmOp *op, void *user) {
  static const char *const fixed[] = {"reshape", "flatten", "squeeze", "unsqueeze", "transpose", "slice", "concat",
                                      "split", "gather", "pad", "expand", "convert", "depth_to_space", "space_to_depth"};
  if (!sm_op_name_is(op, "kernel.func")) return SM_WALK_ADVANCE;
  Counts *c = user;
  c->kernels++;
  const char *n = sm_op_symbol_name(op);
  const char *u = n ? strchr(n, '_') : NULL;
  for (size_t i = 0; u && i < sizeof fixed / sizeof fixed[0]; i++) {
    size_t l = strlen(fixed[i]);
    if (!strncmp(u + 1, fixed[i], l) && (u[1 + l] == 0 || u[1 + l] == '_')) {
      c->conversions++;
      break;
    }
  }
  return SM_WALK_SKIP;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  const char *in = NULL, *out = NULL, *pipeline = SM_DEFAULT_PIPELINE, *passes = NULL, *format = "opencl-c",
             *profile = NULL, *storage = NULL;
  bool stats = false;
  SmPrintFlags flags = {0};
  SmToolList plugins = {0}, after = {0};
  const SmToolOption options[] = {
      {"-o", NULL, SM_TOOL_STRING, &out, "OUT",
       "output directory (kernels.cl, plan.txt, weights.bin); with --passes: the IR file"},
      {"--pipeline", NULL, SM_TOOL_STRING, &pipeline, "NAME", "model pipeline: smartmem (default) or baseline"},
      {"--passes", "--pass-pipeline", SM_TOOL_STRING, &passes, "PIPELINE",
       "run this pass pipeline instead of compiling, and print the IR"},
      {"--stats", NULL, SM_TOOL_FLAG, &stats, NULL, "print one JSON line of compile statistics"},
      {"--kernel-format", NULL, SM_TOOL_STRING, &format, "opencl-c|spirv",
       "kernels as OpenCL C (kernels.cl, the default) or one SPIR-V module (kernels.spv)"},
      {"--device-profile", NULL, SM_TOOL_STRING, &profile, "NAME|FILE",
       "device profile for the layout passes: pocl-cpu, nvidia-h100, adreno-740, mali-g57 or a "
       "YAML file (default: the built-in one, which chooses as pocl-cpu does)"},
      {"--storage", NULL, SM_TOOL_STRING, &storage, "f32|f16|auto",
       "activation storage: f32 (default); f16: intermediate activations in half (f32 arithmetic); "
       "auto: f16 when the device profile has fp16"},
      {"--load-pass-plugin", NULL, SM_TOOL_LIST, &plugins, "LIB", "load a pass plugin (repeatable)"},
      {"--pass-pipeline-after", NULL, SM_TOOL_LIST, &after, "PASS=ELEMENTS",
       "insert pipeline elements after PASS of the model pipeline (repeatable)"},
      {"--mlir-print-op-generic", NULL, SM_TOOL_FLAG, &flags.generic, NULL, "print IR in generic form"},
      {"--mlir-print-debuginfo", NULL, SM_TOOL_FLAG, &flags.debuginfo, NULL, "print IR locations"},
  };
  SmToolSpec spec = {"smc", "smc [options] MODEL.(onnx|yaml|mlir)",
                     "compiles a model to OpenCL C kernels, a host plan and weights",
                     options, sizeof options / sizeof options[0], &in, NULL, NULL};
  int go = sm_tool_parse(&spec, argc, argv);
  if (go != 1)
    return go;
  if (!in) {
    fprintf(stderr, "smc: no model given\nTry 'smc --help'.\n");
    return 2;
  }
  if (!sm_tool_has_suffix(in, ".onnx") && !sm_tool_has_suffix(in, ".yaml") && !sm_tool_has_suffix(in, ".yml") &&
      !sm_tool_has_suffix(in, ".mlir")) {
    fprintf(stderr, "smc: cannot tell what '%s' holds: name an ONNX (.onnx), YAML (.yaml, .yml) "
                    "or MLIR (.mlir) model\n", in);
    return 2;
  }
  if (passes && storage) {
    fprintf(stderr, "smc: --storage applies to the model pipeline, not to --passes "
                    "(put smartmem-half-storage into the --passes text)\n");
    return 2;
  }
  if (!sm_tool_add_storage("smc", storage, &after)) return 2;
  if (passes && after.count) {
    fprintf(stderr, "smc: --pass-pipeline-after applies to the model pipeline, not to --passes "
                    "(put the passes into the --passes text)\n");
    return 2;
  }
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, sm_tool_diag_handler, ctx);
  sm_register_core_dialects(ctx);
  sm_register_smartmem_dialects(ctx);
  sm_register_builtin_passes();
  sm_register_smartmem_passes();
  int rc = 1;
  char *text = NULL;
  SmOp *module = NULL;
  size_t n = 0;
  bool dir_ready = false, dir_created = false, ir_written = false;
  double t0 = now_ms();
  if (!passes && out) {
    if (!check_output_dir(ctx, out, &dir_created)) goto done;
    dir_ready = true;
  }
  if (!sm_tool_load_plugins(ctx, &plugins)) goto done;
  if (sm_tool_has_suffix(in, ".onnx")) {
    module = sm_onnx_import_file(ctx, in);
  } else if (sm_tool_has_suffix(in, ".yaml") || sm_tool_has_suffix(in, ".yml")) {
    module = sm_yaml_import_file(ctx, in);
  } else if ((text = slurp(in, &n))) {
    module = sm_parse_source(ctx, text, n, in, 0);
  } else {
    fprintf(stderr, "smc: cannot read '%s'\n", in);
  }
  if (!module || !sm_op_verify(module)) goto done;
  if (profile && !sm_device_profile_attach(module, profile)) goto done;
  double import_ms = now_ms() - t0;
  if (passes) {
    SmPassManager *pm = sm_pass_manager_create(ctx, "builtin.module");
    SmPassInstrumentation inst;
    sm_pass_instrumentation_default(&inst);
    inst.unmatched_is_error = true;
    sm_pass_manager_set_instrumentation(pm, &inst);
    bool ok = sm_pass_pipeline_parse(pm, passes, strlen(passes)) && sm_pass_manager_run(pm, module);
    sm_pass_manager_destroy(pm);
    SmOutputFile f;
    ir_written = true;
    if (!sm_output_file_open(&f, ctx, out)) goto done;
    if (ok) sm_op_print_file(module, f.f, &flags);
    rc = sm_output_file_close(&f, ctx, ok) && ok ? 0 : 1;
    goto done;
  }
  if (!sm_tool_run_model_pipeline(module, pipeline, &after)) goto done;
  Counts c = {0};
  sm_op_walk(module, SM_WALK_PRE, count_graph, &c);
  SmOpenCLProgram prog;
  double ms = 0;
  if (!sm_opencl_compile_format(module, pipeline, format, &prog, &ms)) goto done;
  sm_op_walk(module, SM_WALK_PRE, count_kernels, &c);
  int64_t peak = 0, naive = 0;
  for (SmOp *op = module->regions[0].first->first; op; op = op->next)
    if (sm_op_name_is(op, "kernel.host")) {
      SmAttr *pb = sm_op_get_attr(op, "peak_bytes");
      if (pb) peak += pb->integer.value;
      SmBlock *hb = op->regions[0].first;
      for (SmOp *a = hb ? hb->first : NULL; a; a = a->next)
        if (sm_op_name_is(a, "kernel.alloc")) {
          SmType *t = sm_op_get_prop(a, "type")->type;
          naive += sm_type_num_elements(t) * (int64_t)sm_kernel_stored_elem_bytes(ctx, a->results[0].type);
        }
    }
  rc = 0;
  if (out) {
    const SmStrBuf *bufs[NUM_SMC_OUTPUTS] = {prog.spirv ? NULL : &prog.source, &prog.plan, &prog.weights,
                                             prog.spirv ? &prog.source : NULL};
    if (!write_outputs(ctx, out, bufs)) rc = 1;
  } else if (!stats) {
    /* Compiled but asked to write nothing: say so, and how. */
    fprintf(stderr, "smc: compiled '%s' (%ld kernels, %u launches); nothing written: give -o DIR "
                    "for %s, %s and %s, or --stats for a summary\n",
            in, c.kernels, prog.num_launches, smc_outputs[prog.spirv ? 3 : 0], smc_outputs[1], smc_outputs[2]);
  }
  if (stats)
    printf("{\"graph_ops\": %ld, \"kernels\": %ld, \"launches\": %u, \"conversion_kernels\": %ld, "
           "\"peak_bytes\": %lld, \"unplanned_bytes\": %lld, \"import_ms\": %.3f, \"compile_ms\": %.3f}\n",
           c.graph_ops, c.kernels, prog.num_launches, c.conversions, (long long)peak, (long long)naive, import_ms, ms);
  sm_opencl_program_free(&prog);
done:
  /* A failed run leaves no output, and no older run's output either. */
  if (rc != 0 && dir_ready) remove_outputs(out);
  /* ... and not the directory it created for it (rmdir keeps a non-empty one). */
  if (rc != 0 && dir_created) rmdir(out);
  if (rc != 0 && passes && out && !ir_written) {
    SmOutputFile f;
    if (sm_output_file_open(&f, ctx, out)) sm_output_file_close(&f, ctx, false);
  }
  if (module) sm_op_destroy(module);
  free(text);
  sm_context_destroy(ctx);
  return rc;
}
