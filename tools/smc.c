/* smc: the whole compile path in one command.
 *   smc MODEL.(onnx|mlir) [--pipeline=baseline] [-o OUT_DIR]   -> OUT_DIR/{kernels.cl,plan.txt,weights.bin}
 *   smc MODEL --passes='builtin.module(...)' [-o OUT.mlir]     -> runs passes, prints the IR
 *   --stats: one JSON line on stdout (graph ops, kernels, layout-conversion
 *   kernels, peak and unplanned bytes, compile ms).
 *   --mlir-print-op-generic, --mlir-print-debuginfo: IR printing flags.
 *   --device-profile=NAME|FILE: the device profile SmartMem's layout passes
 *   use (recorded on the module as smartmem.device_profile).
 * Exit status 0 on success, 1 on a diagnosed error, 2 on usage errors. */
#include "backend/opencl/opencl.h"
#include "dialects/kernel/kernel.h"
#include "dialects/graph/graph.h"
#include "frontends/onnx/onnx_import.h"
#include "passes/smartmem/device_profile.h"
#include "passes/smartmem/smartmem.h"
#include "tools/tool_diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static int usage(void) {
  fprintf(stderr, "usage: smc MODEL.(onnx|mlir) [--pipeline=baseline] [-o OUT_DIR] [--stats] [--device-profile=NAME|FILE]\n"
                  "       smc MODEL.(onnx|mlir) --passes=PIPELINE [-o OUT.mlir] [--mlir-print-op-generic]\n");
  return 2;
}

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

static bool write_file(const char *dir, const char *name, const SmStrBuf *b) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "smc: cannot write '%s'\n", path);
    return false;
  }
  bool ok = (b->len == 0 || fwrite(b->data, 1, b->len, f) == b->len);
  ok &= fclose(f) == 0;
  if (!ok) fprintf(stderr, "smc: error writing '%s'\n", path);
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
  const char *in = NULL, *out = NULL, *pipeline = "baseline", *passes = NULL, *profile = NULL;
  bool stats = false;
  SmPrintFlags flags = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strncmp(a, "--pipeline=", 11)) pipeline = a + 11;
    else if (!strncmp(a, "--passes=", 9)) passes = a + 9;
    else if (!strcmp(a, "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(a, "--stats")) stats = true;
    else if (!strncmp(a, "--device-profile=", 17)) profile = a + 17;
    else if (!strcmp(a, "--mlir-print-op-generic")) flags.generic = true;
    else if (!strcmp(a, "--mlir-print-debuginfo")) flags.debuginfo = true;
    else if (a[0] == '-' && a[1]) return usage();
    else if (!in) in = a;
    else return usage();
  }
  if (!in) return usage();
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, sm_tool_diag_handler, ctx);
  sm_register_core_dialects(ctx);
  sm_register_smartmem_dialects(ctx);
  sm_register_builtin_passes();
  sm_register_smartmem_passes();
  int rc = 1;
  char *text = NULL;
  SmOp *module = NULL;
  size_t len = strlen(in), n = 0;
  double t0 = now_ms();
  if (len > 5 && !strcmp(in + len - 5, ".onnx")) {
    module = sm_onnx_import_file(ctx, in);
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
    bool ok = sm_pass_pipeline_parse(pm, passes, strlen(passes)) && sm_pass_manager_run(pm, module);
    sm_pass_manager_destroy(pm);
    if (!ok) goto done;
    FILE *f = !out || !strcmp(out, "-") ? stdout : fopen(out, "w");
    if (!f) {
      fprintf(stderr, "smc: cannot write '%s'\n", out);
      goto done;
    }
    sm_op_print_file(module, f, &flags);
    rc = (f == stdout || fclose(f) == 0) ? 0 : 1;
    goto done;
  }
  Counts c = {0};
  sm_op_walk(module, SM_WALK_PRE, count_graph, &c);
  SmOpenCLProgram prog;
  double ms = 0;
  if (!sm_opencl_compile(module, pipeline, &prog, &ms)) goto done;
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
          naive += sm_type_num_elements(t) * (int64_t)sm_kernel_elem_bytes(t->shaped.elem);
        }
    }
  rc = 0;
  if (out) {
    mkdir(out, 0777);
    if (!write_file(out, "kernels.cl", &prog.source) || !write_file(out, "plan.txt", &prog.plan) ||
        !write_file(out, "weights.bin", &prog.weights))
      rc = 1;
  }
  if (stats)
    printf("{\"graph_ops\": %ld, \"kernels\": %ld, \"launches\": %u, \"conversion_kernels\": %ld, "
           "\"peak_bytes\": %lld, \"unplanned_bytes\": %lld, \"import_ms\": %.3f, \"compile_ms\": %.3f}\n",
           c.graph_ops, c.kernels, prog.num_launches, c.conversions, (long long)peak, (long long)naive, import_ms, ms);
  sm_opencl_program_free(&prog);
done:
  if (module) sm_op_destroy(module);
  free(text);
  sm_context_destroy(ctx);
  return rc;
}
