/* OpenCL backend: OpenCL C emission from the kernel dialect, the host plan
 * text the runtime loads, and the runtime itself.
 *
 * Plan text (one directive per line, '#' starts a comment; docs/opencl-backend.md):
 *   smartmem-plan 1
 *   slot SLOT BYTES                  memory shared by planned buffers
 *   input BUF INDEX DTYPE RANK DIMS.. model input INDEX, uploaded per run
 *   weight BUF OFFSET BYTES          constant, BYTES at OFFSET of the weights blob
 *   alloc BUF SLOT BYTES             intermediate buffer living in SLOT
 *   launch KERNEL WORK_ITEMS N BUF.. kernel arguments in order
 *   output BUF INDEX DTYPE RANK DIMS.. read back as model output INDEX
 * DTYPE is f32, f64, i64, i32, i8, u8 or bool (one byte).
 */
#ifndef SM_BACKEND_OPENCL_H
#define SM_BACKEND_OPENCL_H

#include "backend/interp/interp.h"
#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct SmOpenCLProgram {
  SmStrBuf source;  /* OpenCL C 1.2, or a SPIR-V binary when spirv is set */
  SmStrBuf plan;    /* plan text, above */
  SmStrBuf weights; /* weights blob */
  unsigned num_kernels, num_launches;
  bool spirv; /* source holds a SPIR-V module (--kernel-format=spirv) */
} SmOpenCLProgram;

/* Emits a module holding kernel.func ops and one kernel.host (after
 * convert-layout-to-kernel and, optionally, kernel-plan-memory; without a
 * plan every alloc gets its own slot). Diagnoses and returns false on ops it
 * cannot emit. */
bool sm_opencl_emit(SmOp *module, SmOpenCLProgram *out);
/* sm_opencl_emit without the OpenCL C: the plan and weights only (the
 * kernels come from another emitter, e.g. SPIR-V; num_kernels is set). */
bool sm_opencl_emit_plan(SmOp *module, SmOpenCLProgram *out);
void sm_opencl_program_free(SmOpenCLProgram *p);

/* ---- runtime ------------------------------------------------------------------- */

typedef struct SmOpenCLOptions {
  int platform, device;  /* indices, default 0 */
  int repeat;            /* timed runs of each kind after one warm-up (0: a single run) */
  bool profile;          /* a separate profiled pass (events): per-kernel times; timed runs never profile */
  bool no_binary_cache;  /* always build from source */
  bool no_command_buffer; /* plain launches even where cl_khr_command_buffer is offered */
  const char *cache_dir; /* binary cache directory (NULL: $SMARTMEM_CACHE_DIR, $XDG_CACHE_HOME, ~/.cache) */
} SmOpenCLOptions;

typedef struct SmOpenCLKernelTime {
  const char *name; /* points into the plan's storage */
  double median_ms;
} SmOpenCLKernelTime;

typedef struct SmOpenCLStats {
  char device_name[256], platform_name[256];
  double build_ms, upload_ms;
  double median_ms, min_ms;                 /* end to end: inputs up, launches, outputs down */
  double forward_median_ms, forward_min_ms; /* device forward: inputs resident, first launch to finish */
  bool binary_cache_hit;                    /* the program came from the binary cache */
  bool command_buffer;                      /* forwards replayed a cl_khr_command_buffer */
  int runs;
  unsigned num_launches;
  SmOpenCLKernelTime *launch_times; /* num_launches entries (profile only), freed by stats_free */
  char **launch_names;
} SmOpenCLStats;

void sm_opencl_stats_free(SmOpenCLStats *s);

/* Builds the program on the chosen device, uploads the weights, runs it on
 * inputs and fills outputs[0..*num_outputs) (the caller frees them). Errors
 * (which call, which kernel, the build log) are diagnosed through ctx. */
bool sm_opencl_run_program(SmContext *ctx, const SmOpenCLProgram *prog, const SmOpenCLOptions *opt,
                           unsigned num_inputs, const SmTensor *inputs, unsigned max_outputs,
                           SmTensor *outputs, unsigned *num_outputs, SmOpenCLStats *stats);

/* smrun --tune: searches the schedule space of every tunable kernel of a
 * graph- or layout-level module on the chosen device within budget_s
 * seconds and stores the winners in the tuning cache (tuning.h); progress
 * (a bar on a terminal) goes to progress when not NULL. *tuned receives
 * the number of kernels whose best schedule beat the heuristic default. */
bool sm_opencl_tune(SmOp *module, const char *pipeline, const SmOpenCLOptions *opt, double budget_s, FILE *progress,
                    unsigned *tuned);

/* Lists platforms and devices to out. */
bool sm_opencl_list_devices(SmContext *ctx, FILE *out);

/* Fills a device profile (passes/smartmem/device_profile.h) from what the
 * chosen device reports; cost fields keep their defaults (stated, not
 * measured). */
struct SmDeviceProfile;
bool sm_opencl_device_profile(SmContext *ctx, const SmOpenCLOptions *opt, struct SmDeviceProfile *p);

/* The whole path for tools: runs the named pipeline ("smartmem", "baseline") on a
 * graph-level module (or takes an already lowered one), emits and runs it.
 * compile_ms (may be NULL) receives the pipeline + emission time. */
bool sm_opencl_compile(SmOp *module, const char *pipeline, SmOpenCLProgram *prog, double *compile_ms);
/* The pipeline part of sm_opencl_compile alone (nothing to do when the
 * module holds no func.func). */
bool sm_opencl_lower(SmOp *module, const char *pipeline);
/* sm_opencl_compile with the kernels in kernel_format: "opencl-c" (NULL)
 * or "spirv" (prog->spirv set, prog->source a SPIR-V module; see
 * backend/spirv/spirv.h). Unknown formats are diagnosed. */
bool sm_opencl_compile_format(SmOp *module, const char *pipeline, const char *kernel_format, SmOpenCLProgram *prog,
                              double *compile_ms);
/* SPIR-V kernels + the host plan of a kernel-level module
 * (backend/spirv/compile_spirv.c; only with SM_HAVE_SPIRV). */
bool sm_spirv_program_emit(SmOp *module, SmOpenCLProgram *prog);

/* Where the program will run, for the tuning cache: schedules tuned for
 * that device (smrun --tune) are applied before convert-layout-to-kernel.
 * sm_opencl_compile uses platform 0 / device 0 and skips the cache when
 * $SMARTMEM_NO_TUNING_CACHE is set. */
typedef struct SmOpenCLCompileOptions {
  int platform, device;
  bool no_tuning_cache;
} SmOpenCLCompileOptions;
bool sm_opencl_compile_for(SmOp *module, const char *pipeline, const SmOpenCLCompileOptions *co, SmOpenCLProgram *prog,
                           double *compile_ms);
/* sm_opencl_lower / sm_opencl_compile_format for that device. */
bool sm_opencl_lower_for(SmOp *module, const char *pipeline, const SmOpenCLCompileOptions *co);
bool sm_opencl_compile_format_for(SmOp *module, const char *pipeline, const SmOpenCLCompileOptions *co,
                                  const char *kernel_format, SmOpenCLProgram *prog, double *compile_ms);

#ifdef __cplusplus
}
#endif
#endif
