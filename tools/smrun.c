/* smrun: runs a model's main function with the reference interpreter or on
 * an OpenCL device (options: the table in main, or `smrun --help`).
 * With --test-data: reads DIR/input_<i>.pb, runs, compares every result with
 * DIR/output_<i>.pb and prints the maximum absolute and relative error per
 * output; exits 0 only when all elements satisfy |got - want| <= atol +
 * rtol * |want|. Without: seeded random inputs, written with the outputs
 * as input_<i>.pb and output_<i>.pb into --output-dir (default "."), each
 * through the shared output-file helper (temporary file + rename).
 * Exit status: 0 success, 1 error or mismatch, 2 usage error. */
#include "backend/interp/interp.h"
#include "dialects/graph/graph.h"
#include "frontends/onnx/onnx_import.h"
#include "frontends/onnx/tensor_pb.h"
#include "frontends/yaml/yaml_import.h"
#include "passes/smartmem/device_profile.h"
#include "passes/smartmem/smartmem.h"
#include "passes/pass_output_file.h"
#include "tools/tool_diag.h"
#include "tools/tool_options.h"
#include "tools/tool_pipeline.h"
#ifdef SM_HAVE_OPENCL
#include "backend/opencl/smrun_opencl.h"
#endif

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IO 64

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

#ifdef SM_HAVE_OPENCL
/* Options the OpenCL runner may add beyond this table. */
static int opencl_fallback(void *user, int argc, char **argv, int i) {
  return sm_smrun_opencl_option(user, argc, argv, i);
}
#endif

/* A test-data file must be a regular file: a FIFO or device would block
 * the read or never end. */
static bool read_test_tensor(SmContext *ctx, const char *dir, const char *fmt, unsigned i, SmTensor *t) {
  char name[32];
  snprintf(name, sizeof name, fmt, i);
  char *path = sm_path_join(dir, name);
  bool ok = path != NULL;
  if (ok && !sm_path_is_regular_file(path))
    ok = sm_emit_error(ctx, sm_loc_unknown(ctx), "test data '%s' is missing or not a regular file", path);
  ok = ok && sm_tensor_pb_read(ctx, path, t);
  free(path);
  return ok;
}

static bool write_tensor(SmContext *ctx, const char *dir, const char *fmt, unsigned i, const SmTensor *t) {
  char name[32];
  snprintf(name, sizeof name, fmt, i);
  char *path = sm_path_join(dir, name);
  SmOutputFile o;
  bool ok = path && sm_output_file_open(&o, ctx, path);
  if (!ok) {
    free(path);
    return false;
  }
  ok = sm_output_file_release_stream(&o, ctx) && sm_tensor_pb_write(ctx, o.write_path, t, NULL);
  ok = sm_output_file_close(&o, ctx, ok);
  if (ok && strncmp(name, "output_", 7) == 0)
    printf("output_%u: wrote %s\n", i, path);
  free(path);
  return ok;
}

int main(int argc, char **argv) {
  const char *model = NULL, *data_dir = NULL, *out_dir = ".", *backend = "interp", *profile = NULL, *storage = NULL;
  double rtol = 1e-3, atol = 1e-4;
  uint64_t seed = 1;
  bool list_devices = false;
  SmToolList plugins = {0}, after = {0};
  const char *pipeline = NULL;
#ifdef SM_HAVE_OPENCL
  SmSmrunOpenCL ocl = {0};
#endif
  const SmToolOption options[] = {
      {"--backend", NULL, SM_TOOL_STRING, &backend, "NAME",
#ifdef SM_HAVE_OPENCL
       "where to run: interp (reference interpreter, default) or opencl"},
#else
       "where to run: interp (the reference interpreter; this build has no OpenCL)"},
#endif
      {"--test-data", NULL, SM_TOOL_STRING, &data_dir, "DIR",
       "compare with DIR/output_<i>.pb for inputs DIR/input_<i>.pb"},
      {"--rtol", NULL, SM_TOOL_DOUBLE, &rtol, "R", "relative tolerance (default 1e-3)"},
      {"--atol", NULL, SM_TOOL_DOUBLE, &atol, "A", "absolute tolerance (default 1e-4)"},
      {"--seed", NULL, SM_TOOL_U64, &seed, "N", "seed of the random inputs (default 1)"},
      {"--output-dir", NULL, SM_TOOL_STRING, &out_dir, "DIR",
       "without --test-data: where input_<i>.pb and output_<i>.pb go (default .)"},
      {"--pipeline", NULL, SM_TOOL_STRING, &pipeline, "NAME",
       "model pipeline for opencl or --pass-pipeline-after (default smartmem)"},
      {"--load-pass-plugin", NULL, SM_TOOL_LIST, &plugins, "LIB", "load a pass plugin (repeatable)"},
      {"--pass-pipeline-after", NULL, SM_TOOL_LIST, &after, "PASS=ELEMENTS",
       "insert pipeline elements after PASS of the model pipeline, then run the lowered module "
       "(repeatable)"},
      {"--storage", NULL, SM_TOOL_STRING, &storage, "f32|f16|auto",
       "activation storage: f32 (default); f16: intermediate activations in half (f32 arithmetic; runs the "
       "model pipeline, also on interp); auto: f16 when the device profile has fp16"},
      {"--device-profile", NULL, SM_TOOL_STRING, &profile, "NAME|FILE",
       "device profile for the layout passes: pocl-cpu, nvidia-h100, adreno-740, mali-g57 or a "
       "YAML file (default: with --backend=opencl the profile read off the device, else the "
       "built-in one, which chooses as pocl-cpu does)"},
#ifdef SM_HAVE_OPENCL
      {"--platform", NULL, SM_TOOL_INT, &ocl.opt.platform, "I", "opencl: platform index (default 0)"},
      {"--device", NULL, SM_TOOL_INT, &ocl.opt.device, "I", "opencl: device index (default 0)"},
      {"--repeat", NULL, SM_TOOL_INT, &ocl.opt.repeat, "N", "opencl: timed runs after a warm-up"},
      {"--json", NULL, SM_TOOL_STRING, &ocl.json, "FILE", "opencl: write a JSON timing report"},
      {"--kernel-format", NULL, SM_TOOL_STRING, &ocl.format, "opencl-c|spirv",
       "opencl: build the kernels from OpenCL C (default) or from one SPIR-V module"},
      {"--profile", NULL, SM_TOOL_FLAG, &ocl.opt.profile, NULL,
       "opencl: one more, profiled pass for per-kernel times (timed runs never profile)"},
      {"--tune", NULL, SM_TOOL_FLAG, &ocl.tune, NULL,
       "opencl: search kernel schedules first and store the winners in the tuning cache"},
      {"--tune-budget", NULL, SM_TOOL_INT, &ocl.tune_budget, "SECONDS", "opencl: time budget of --tune (default 60)"},
      {"--no-tuning-cache", NULL, SM_TOOL_FLAG, &ocl.no_tuning_cache, NULL,
       "opencl: ignore the tuning cache (heuristic schedules; also $SMARTMEM_NO_TUNING_CACHE)"},
      {"--cache-dir", NULL, SM_TOOL_STRING, &ocl.opt.cache_dir, "DIR",
       "opencl: program binary cache directory (default $SMARTMEM_CACHE_DIR, $XDG_CACHE_HOME/smartmem/opencl, "
       "~/.cache/smartmem/opencl)"},
      {"--no-binary-cache", NULL, SM_TOOL_FLAG, &ocl.opt.no_binary_cache, NULL,
       "opencl: always build the program from source"},
      {"--no-command-buffer", NULL, SM_TOOL_FLAG, &ocl.opt.no_command_buffer, NULL,
       "opencl: plain launches even where cl_khr_command_buffer is offered"},
      {"--list-devices", NULL, SM_TOOL_FLAG, &list_devices, NULL,
       "list the OpenCL platforms and devices, then exit"},
      {"--print-device-profile", NULL, SM_TOOL_FLAG, &ocl.print_profile, NULL,
       "opencl: write a device profile (YAML) of the chosen device to stdout, then exit"},
#endif
  };
  SmToolSpec spec = {"smrun", "smrun [options] MODEL.(mlir|onnx|yaml)",
                     "runs a model (graph-, layout- or kernel-level) and checks or writes its outputs",
                     options, sizeof options / sizeof options[0], &model, NULL, NULL};
#ifdef SM_HAVE_OPENCL
  spec.fallback = opencl_fallback;
  spec.fallback_user = &ocl;
#endif
  int go = sm_tool_parse(&spec, argc, argv);
  if (go != 1)
    return go;
  static const char *const backends[] = {
      "interp",
#ifdef SM_HAVE_OPENCL
      "opencl",
#endif
  };
  bool known_backend = false;
  for (size_t b = 0; b < sizeof backends / sizeof backends[0]; b++)
    known_backend |= strcmp(backend, backends[b]) == 0;
  if (!known_backend) {
    fprintf(stderr, "smrun: unknown backend '%s' (available:", backend);
    for (size_t b = 0; b < sizeof backends / sizeof backends[0]; b++)
      fprintf(stderr, " %s", backends[b]);
    fprintf(stderr, ")\n");
    return 2;
  }
#ifdef SM_HAVE_OPENCL
  if (list_devices) {
    SmContext *lctx = sm_context_create();
    bool ok = sm_opencl_list_devices(lctx, stdout);
    sm_context_destroy(lctx);
    return ok ? 0 : 1;
  }
  ocl.enabled = strcmp(backend, "opencl") == 0;
  if (ocl.print_profile)
    return sm_smrun_opencl_print_profile(&ocl);
  if (ocl.format && strcmp(ocl.format, "opencl-c") && strcmp(ocl.format, "spirv")) {
    fprintf(stderr, "smrun: unknown kernel format '%s' (available: opencl-c spirv)\n", ocl.format);
    return 2;
  }
  if (pipeline)
    ocl.pipeline = pipeline;
#endif
  if (!model) {
    fprintf(stderr, "smrun: no model given\nTry 'smrun --help'.\n");
    return 2;
  }
  if (!sm_tool_add_storage("smrun", storage, &after)) return 2;
  seed |= 1; /* xorshift needs a non-zero state */
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
  SmTensor ins[MAX_IO], outs[MAX_IO];
  unsigned nin = 0, nout = 0;
  sm_register_builtin_passes();
  sm_register_smartmem_passes();
  if (!sm_tool_load_plugins(ctx, &plugins))
    goto done;
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
  /* The device profile travels on the module; the pipeline's SmartMem passes read it. */
  bool valid = module && sm_op_verify(module) && (!profile || sm_device_profile_attach(module, profile));
#ifdef SM_HAVE_OPENCL
  /* On OpenCL without --device-profile: the device's own profile. */
  if (valid && !profile && ocl.enabled) valid = sm_smrun_opencl_attach_device_profile(&ocl, module);
#endif
  valid = valid && sm_tool_run_model_pipeline(module, pipeline, &after);
  SmOp *fn = valid ? find_main(module) : NULL;
  /* No func.func: a kernel-level module runs its kernel.host plan. */
  if (valid && !fn) fn = sm_interp_find_entry(module);
  if (valid && !fn) fprintf(stderr, "smrun: no valid func.func or kernel.host in '%s'\n", model);
  if (!fn) goto done;
  SmType *arg_types[MAX_IO];
  int num_args = sm_interp_entry_inputs(fn, MAX_IO, arg_types);
  if (num_args < 0) {
    fprintf(stderr, "smrun: cannot determine the inputs of '%s'\n", model);
    goto done;
  }
  for (; nin < (unsigned)num_args; nin++) {
    if (data_dir) {
      if (!read_test_tensor(ctx, data_dir, "input_%u.pb", nin, &ins[nin])) goto done;
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
  for (unsigned i = 0; !data_dir && i < nin; i++)
    if (!write_tensor(ctx, out_dir, "input_%u.pb", i, &ins[i])) rc = 1;
  for (unsigned o = 0; o < nout; o++) {
    if (!data_dir) {
      if (!write_tensor(ctx, out_dir, "output_%u.pb", o, &outs[o])) rc = 1;
      continue;
    }
    SmTensor want;
    char path[32];
    snprintf(path, sizeof path, "output_%u.pb", o);
    if (!read_test_tensor(ctx, data_dir, "output_%u.pb", o, &want)) {
      rc = 1;
      continue;
    }
    int64_t n = sm_tensor_numel(&outs[o]);
    bool same_shape = want.rank == outs[o].rank && sm_tensor_numel(&want) == n;
    for (unsigned d = 0; same_shape && d < want.rank; d++) same_shape = want.dims[d] == outs[o].dims[d];
    if (!same_shape) {
      printf("output_%u: shape mismatch with %s/%s\n", o, data_dir, path);
      rc = 1;
      sm_tensor_free(&want);
      continue;
    }
    double max_abs = 0, max_rel = 0;
    int64_t bad = 0;
    for (int64_t i = 0; i < n; i++) {
      double g = sm_tensor_get_f64(&outs[o], i), w = sm_tensor_get_f64(&want, i);
      double ad = sm_tensor_value_error(g, w);
      double rd = ad == 0 ? 0 : ad / fmax(fabs(w), 1e-6); /* guard: zeros in the reference */
      if (ad > max_abs) max_abs = ad;
      if (rd > max_rel) max_rel = rd;
      if (!sm_tensor_value_close(g, w, rtol, atol)) bad++;
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
