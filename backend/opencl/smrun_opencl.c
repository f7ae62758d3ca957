/* smrun --backend=opencl: see smrun_opencl.h. */
#include "backend/opencl/smrun_opencl.h"
#include "backend/opencl/plan_check.h"
#include "passes/smartmem/device_profile.h"
#include "passes/smartmem/smartmem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool int_arg(int argc, char **argv, int i, int *out) {
  if (i + 1 >= argc) return false;
  char *end;
  long v = strtol(argv[i + 1], &end, 10);
  if (*end || v < 0 || v > 1000000) return false;
  *out = (int)v;
  return true;
}

int sm_smrun_opencl_option(SmSmrunOpenCL *o, int argc, char **argv, int i) {
  const char *a = argv[i];
  if (!strcmp(a, "--backend=opencl")) {
    o->enabled = true;
    return 1;
  }
  if (!strncmp(a, "--pipeline=", 11)) {
    o->pipeline = a + 11;
    return 1;
  }
  if (!strncmp(a, "--kernel-format=", 16)) {
    o->format = a + 16;
    return strcmp(o->format, "opencl-c") && strcmp(o->format, "spirv") ? -1 : 1;
  }
  if (!strcmp(a, "--platform")) return int_arg(argc, argv, i, &o->opt.platform) ? 2 : -1;
  if (!strcmp(a, "--device")) return int_arg(argc, argv, i, &o->opt.device) ? 2 : -1;
  if (!strcmp(a, "--repeat")) return int_arg(argc, argv, i, &o->opt.repeat) ? 2 : -1;
  if (!strcmp(a, "--json")) {
    if (i + 1 >= argc) return -1;
    o->json = argv[i + 1];
    return 2;
  }
  if (!strcmp(a, "--list-devices")) {
    SmContext *ctx = sm_context_create();
    bool ok = sm_opencl_list_devices(ctx, stdout);
    sm_context_destroy(ctx);
    exit(ok ? 0 : 1);
  }
  return 0;
}

int sm_smrun_opencl_print_profile(SmSmrunOpenCL *o) {
  SmContext *ctx = sm_context_create();
  SmDeviceProfile p;
  bool ok = sm_opencl_device_profile(ctx, &o->opt, &p);
  if (ok) {
    printf("# Written by smrun --backend=opencl --print-device-profile (platform %d, device %d).\n"
           "# Queried from the device: name, image support and limits, fp16 (cl_khr_fp16),\n"
           "# preferred float vector width, local memory, and simt (a GPU: layouts chosen for\n"
           "# coalescing). Stated defaults, not measured: image_read_cost and the\n"
           "# layout-selection costs.\n",
           o->opt.platform, o->opt.device);
    sm_device_profile_write(&p, stdout);
  }
  sm_context_destroy(ctx);
  return ok ? 0 : 1;
}

bool sm_smrun_opencl_attach_device_profile(SmSmrunOpenCL *o, SmOp *module) {
  SmDeviceProfile p;
  return sm_opencl_device_profile(sm_op_context(module), &o->opt, &p) && sm_device_profile_attach_inline(module, &p);
}

void sm_smrun_opencl_register(SmContext *ctx) {
  sm_register_smartmem_dialects(ctx);
  sm_register_builtin_passes();
  sm_register_smartmem_passes();
}

static int cmp_time(const void *a, const void *b) {
  const SmOpenCLKernelTime *x = a, *y = b;
  return x->median_ms < y->median_ms ? 1 : x->median_ms > y->median_ms ? -1 : 0;
}

bool sm_smrun_opencl_run(SmSmrunOpenCL *o, SmOp *module, unsigned nin, const SmTensor *ins, unsigned max_out,
                         SmTensor *outs, unsigned *nout) {
  SmContext *ctx = sm_op_context(module);
  SmOpenCLProgram prog;
  double compile_ms = 0;
  const char *pipeline = o->pipeline ? o->pipeline : SM_DEFAULT_PIPELINE;
  if (o->tune) {
    unsigned tuned = 0;
    double budget = o->tune_budget > 0 ? o->tune_budget : 60;
    if (!sm_opencl_tune(module, pipeline, &o->opt, budget, stderr, &tuned)) return false;
    fprintf(stderr, "tune: %u kernel(s) got a better schedule than the default (tuning cache updated)\n", tuned);
  }
  SmOpenCLCompileOptions co = {o->opt.platform, o->opt.device, o->no_tuning_cache || getenv("SMARTMEM_NO_TUNING_CACHE")};
  if (!sm_opencl_compile_format_for(module, pipeline, &co, o->format, &prog, &compile_ms)) return false;
  if (!sm_opencl_plan_check(module, nin, ins)) return sm_opencl_program_free(&prog), false;
  SmOpenCLStats st;
  bool ok = sm_opencl_run_program(ctx, &prog, &o->opt, nin, ins, max_out, outs, nout, &st);
  if (ok) {
    fprintf(stderr, "opencl: %s / %s: %u kernels (%s), %u launches, compile %.1f ms, build %.1f ms (%s)%s\n",
            st.platform_name, st.device_name, prog.num_kernels, prog.spirv ? "SPIR-V" : "OpenCL C", prog.num_launches,
            compile_ms, st.build_ms,
            o->opt.no_binary_cache ? "binary cache off" : st.binary_cache_hit ? "binary cache hit" : "built from source",
            st.command_buffer ? ", command buffer" : "");
    if (o->opt.repeat > 0)
      fprintf(stderr, "opencl: device forward median %.3f ms, min %.3f ms; end to end median %.3f ms, min %.3f ms; over %d runs\n",
              st.forward_median_ms, st.forward_min_ms, st.median_ms, st.min_ms, st.runs);
    if (o->opt.profile) {
      fprintf(stderr, "opencl: profiled run (per-kernel medians, slowest first):\n");
      SmOpenCLKernelTime *sorted = malloc((st.num_launches ? st.num_launches : 1) * sizeof *sorted);
      if (sorted && st.launch_times) {
        memcpy(sorted, st.launch_times, st.num_launches * sizeof *sorted);
        qsort(sorted, st.num_launches, sizeof *sorted, cmp_time);
        for (unsigned i = 0; i < st.num_launches && i < 10; i++)
          fprintf(stderr, "  %8.3f ms  %s\n", sorted[i].median_ms, sorted[i].name);
      }
      free(sorted);
    }
    if (o->json) {
      FILE *f = fopen(o->json, "w");
      if (!f) {
        ok = sm_emit_error(ctx, sm_loc_unknown(ctx), "cannot write '%s'", o->json);
      } else {
        fprintf(f, "{\n  \"platform\": \"%s\",\n  \"device\": \"%s\",\n  \"pipeline\": \"%s\",\n", st.platform_name,
                st.device_name, o->pipeline ? o->pipeline : SM_DEFAULT_PIPELINE);
        fprintf(f, "  \"kernels\": %u,\n  \"launches\": %u,\n  \"compile_ms\": %.3f,\n  \"build_ms\": %.3f,\n",
                prog.num_kernels, prog.num_launches, compile_ms, st.build_ms);
        fprintf(f, "  \"binary_cache_hit\": %s,\n  \"command_buffer\": %s,\n", st.binary_cache_hit ? "true" : "false",
                st.command_buffer ? "true" : "false");
        fprintf(f, "  \"runs\": %d,\n  \"median_ms\": %.4f,\n  \"min_ms\": %.4f,\n", st.runs, st.median_ms, st.min_ms);
        fprintf(f, "  \"forward_median_ms\": %.4f,\n  \"forward_min_ms\": %.4f,\n  \"kernel_median_ms\": [",
                st.forward_median_ms, st.forward_min_ms);
        for (unsigned i = 0; st.launch_times && i < st.num_launches; i++)
          fprintf(f, "%s\n    {\"name\": \"%s\", \"ms\": %.4f}", i ? "," : "", st.launch_times[i].name,
                  st.launch_times[i].median_ms);
        fprintf(f, "\n  ]\n}\n");
        if (fclose(f) != 0) ok = sm_emit_error(ctx, sm_loc_unknown(ctx), "error writing '%s'", o->json);
      }
    }
    sm_opencl_stats_free(&st);
  }
  sm_opencl_program_free(&prog);
  return ok;
}
