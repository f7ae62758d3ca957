/* smrun: runs a model's main function with the reference interpreter.
 *   smrun MODEL.(mlir|onnx|yaml) [--backend=interp] [--test-data DIR] [--rtol R] [--atol A]
 *         [--seed N] [--output-dir DIR] [--device-profile=NAME|FILE]
 *   smrun --backend=opencl --print-device-profile [--platform P --device D]
 * With --test-data: reads DIR/input_<i>.pb, runs, compares every result with
 * DIR/output_<i>.pb and prints the maximum absolute and relative error per
 * output; exits 0 only when all elements satisfy |got - want| <= atol +
 * rtol * |want|. Without: seeded random inputs, written with the outputs
 * as input_<i>.pb and output_<i>.pb into --output-dir (default "."). */
#include "backend/interp/interp.h"
#include "dialects/graph/graph.h"
#include "frontends/onnx/onnx_import.h"
#include "frontends/onnx/tensor_pb.h"
#include "frontends/yaml/yaml_import.h"
#include "passes/smartmem/device_profile.h"
#include "passes/smartmem/smartmem.h"
#include "tools/tool_diag.h"
#ifdef SM_HAVE_OPENCL
#include "backend/opencl/smrun_opencl.h"
#endif

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IO 64

static int usage(void) {
  fprintf(stderr, "usage: smrun MODEL.(mlir|onnx|yaml) [--backend=interp] [--test-data DIR] "
                  "[--rtol R] [--atol A] [--seed N] [--output-dir DIR] [--device-profile=NAME|FILE]\n"
                  "       smrun --backend=opencl --print-device-profile [--platform P] [--device D]\n");
  return 2;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (n + 1 >= cap) {
      size_t nc = cap ? cap * 2 : 1 << 16;
      char *nb = realloc(buf, nc);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb;
      cap = nc;
    }
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0) break;
  }
  fclose(f);
  buf[n] = 0;
  *len = n;
  return buf;
}

static SmOp *find_main(SmOp *module) {
  if (module->num_regions < 1 || !module->regions[0].first) return NULL;
  SmOp *first = NULL;
  for (SmOp *op = module->regions[0].first->first; op; op = op->next) {
    if (!sm_op_name_is(op, "func.func")) continue;
    const char *n = sm_op_symbol_name(op);
    if (n && strcmp(n, "main") == 0) return op;
    if (!first) first = op;
  }
  return first;
}

/* xorshift64*: reproducible inputs without libc's rand state. */
static uint64_t rng_next(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 2685821657736338717ull;
}

int main(int argc, char **argv) {
  const char *model = NULL, *data_dir = NULL, *out_dir = ".", *profile = NULL;
  double rtol = 1e-3, atol = 1e-4;
  uint64_t seed = 1;
#ifdef SM_HAVE_OPENCL
  SmSmrunOpenCL ocl = {0};
#endif
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--backend=interp") == 0) continue;
#ifdef SM_HAVE_OPENCL
    int used = sm_smrun_opencl_option(&ocl, argc, argv, i);
    if (used < 0) return usage();
    if (used > 0) {
      i += used - 1;
      continue;
    }
#endif
    if (strncmp(a, "--backend=", 10) == 0) {
      fprintf(stderr, "smrun: unknown backend '%s' (available: interp)\n", a + 10);
      return 2;
    }
    if (strcmp(a, "--test-data") == 0 && i + 1 < argc) data_dir = argv[++i];
    else if (strcmp(a, "--rtol") == 0 && i + 1 < argc) rtol = strtod(argv[++i], NULL);
    else if (strcmp(a, "--atol") == 0 && i + 1 < argc) atol = strtod(argv[++i], NULL);
    else if (strcmp(a, "--seed") == 0 && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10) | 1;
    else if (strcmp(a, "--output-dir") == 0 && i + 1 < argc) out_dir = argv[++i];
    else if (strncmp(a, "--device-profile=", 17) == 0) profile = a + 17;
    else if (a[0] == '-') return usage();
    else if (!model) model = a;
    else return usage();
  }
#ifdef SM_HAVE_OPENCL
  if (ocl.print_profile) return sm_smrun_opencl_print_profile(&ocl);
#endif
  if (!model) return usage();
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, sm_tool_diag_handler, ctx);
  sm_register_core_dialects(ctx);
  sm_register_graph_dialect(ctx);
  /* Layout- and kernel-level modules run too (stage-by-stage checks). */
  sm_register_smartmem_dialects(ctx);
#ifdef SM_HAVE_OPENCL
  sm_smrun_opencl_register(ctx);
#endif
  int rc = 1;
  SmOp *module = NULL;
  char *text = NULL;
  size_t len = strlen(model);
  if (len > 5 && strcmp(model + len - 5, ".onnx") == 0) {
    module = sm_onnx_import_file(ctx, model);
  } else if (len > 5 && strcmp(model + len - 5, ".yaml") == 0) {
    module = sm_yaml_import_file(ctx, model);
  } else {
    size_t n;
    text = read_file(model, &n);
    if (!text) fprintf(stderr, "smrun: cannot read '%s'\n", model);
    else module = sm_parse_source(ctx, text, n, model, 0);
  }
  SmTensor ins[MAX_IO], outs[MAX_IO];
  unsigned nin = 0, nout = 0;
  bool valid = module && sm_op_verify(module);
  /* The device profile travels on the module; the pipeline's SmartMem passes read it. */
  if (valid && profile && !sm_device_profile_attach(module, profile)) goto done;
  SmOp *fn = valid ? find_main(module) : NULL;
  /* No func.func: a kernel-level module runs its kernel.host plan. */
  if (valid && !fn) fn = sm_interp_find_entry(module);
  if (module && !fn) fprintf(stderr, "smrun: no valid func.func or kernel.host in '%s'\n", model);
  if (!fn) goto done;
  SmType *arg_types[MAX_IO];
  int num_args = sm_interp_entry_inputs(fn, MAX_IO, arg_types);
  if (num_args < 0) {
    fprintf(stderr, "smrun: cannot determine the inputs of '%s'\n", model);
    goto done;
  }
  for (; nin < (unsigned)num_args; nin++) {
    if (data_dir) {
      char path[4096];
      snprintf(path, sizeof path, "%s/input_%u.pb", data_dir, nin);
      if (!sm_tensor_pb_read(ctx, path, &ins[nin])) goto done;
    } else {
      if (!sm_tensor_alloc_for_type(&ins[nin], arg_types[nin])) {
        fprintf(stderr, "smrun: argument %u has an unsupported type\n", nin);
        goto done;
      }
      for (int64_t i = 0; i < sm_tensor_numel(&ins[nin]); i++) {
        uint64_t r = rng_next(&seed);
        if (sm_dtype_is_float(ins[nin].dtype))
          sm_tensor_set_f64(&ins[nin], i, (double)(r >> 11) / 9007199254740992.0 * 2.0 - 1.0);
        else
          sm_tensor_set_i64(&ins[nin], i, (int64_t)(r % 16)); /* small ids, valid indices */
      }
    }
  }
#ifdef SM_HAVE_OPENCL
  if (ocl.enabled) {
    if (!sm_smrun_opencl_run(&ocl, module, nin, ins, MAX_IO, outs, &nout)) goto done;
  } else
#endif
  if (!sm_interp_run(fn, nin, ins, MAX_IO, outs, &nout)) goto done;
  rc = 0;
  /* The random inputs too, so that out_dir is a test-data set for another
   * run (e.g. of the canonicalized module). */
  for (unsigned i = 0; !data_dir && i < nin; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/input_%u.pb", out_dir, i);
    if (!sm_tensor_pb_write(ctx, path, &ins[i], NULL)) rc = 1;
  }
  for (unsigned o = 0; o < nout; o++) {
    char path[4096];
    if (!data_dir) {
      snprintf(path, sizeof path, "%s/output_%u.pb", out_dir, o);
      if (!sm_tensor_pb_write(ctx, path, &outs[o], NULL)) rc = 1;
      else printf("output_%u: wrote %s\n", o, path);
      continue;
    }
    SmTensor want;
    snprintf(path, sizeof path, "%s/output_%u.pb", data_dir, o);
    if (!sm_tensor_pb_read(ctx, path, &want)) {
      rc = 1;
      continue;
    }
    int64_t n = sm_tensor_numel(&outs[o]);
    bool same_shape = want.rank == outs[o].rank && sm_tensor_numel(&want) == n;
    for (unsigned d = 0; same_shape && d < want.rank; d++) same_shape = want.dims[d] == outs[o].dims[d];
    if (!same_shape) {
      printf("output_%u: shape mismatch with %s\n", o, path);
      rc = 1;
      sm_tensor_free(&want);
      continue;
    }
    double max_abs = 0, max_rel = 0;
    int64_t bad = 0;
    for (int64_t i = 0; i < n; i++) {
      double g = sm_tensor_get_f64(&outs[o], i), w = sm_tensor_get_f64(&want, i);
      double ad = fabs(g - w);
      if (g != g || w != w) ad = (g != g && w != w) ? 0 : INFINITY;
      double rd = ad / fmax(fabs(w), 1e-6); /* guard: zeros in the reference */
      if (ad > max_abs) max_abs = ad;
      if (rd > max_rel) max_rel = rd;
      if (!(ad <= atol + rtol * fabs(w))) bad++;
    }
    printf("output_%u: %lld elements, max_abs_err=%.3e max_rel_err=%.3e: %s", o, (long long)n,
           max_abs, max_rel, bad ? "FAIL" : "ok");
    if (bad) printf(" (%lld elements outside atol=%g rtol=%g)", (long long)bad, atol, rtol);
    printf("\n");
    if (bad) rc = 1;
    sm_tensor_free(&want);
  }
done:
  for (unsigned i = 0; i < nin; i++) sm_tensor_free(&ins[i]);
  for (unsigned i = 0; i < nout; i++) sm_tensor_free(&outs[i]);
  if (module) sm_op_destroy(module);
  free(text);
  sm_context_destroy(ctx);
  return rc;
}
