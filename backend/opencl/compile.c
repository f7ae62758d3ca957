/* The whole compile path for tools: pipeline (when the module still holds
 * graph or layout ops), then OpenCL C + plan emission. Kernel schedules
 * found in the tuning cache for the target device are applied to the
 * layout-level module just before convert-layout-to-kernel. */
#include "backend/opencl/opencl.h"
#include "backend/opencl/plan_check.h"
#include "backend/opencl/tuning.h"
#include "passes/smartmem/smartmem.h"
#ifdef SM_HAVE_SPIRV
#include "backend/spirv/spirv.h"
#endif

#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static SmWalkResult find_func(SmOp *op, void *user) {
  if (sm_op_name_is(op, "func.func")) {
    *(bool *)user = true;
    return SM_WALK_INTERRUPT;
  }
  return sm_op_name_is(op, "builtin.module") ? SM_WALK_ADVANCE : SM_WALK_SKIP;
}

static bool run_text(SmOp *module, const char *text, size_t len) {
  SmPassManager *pm = sm_pass_manager_create(sm_op_context(module), "builtin.module");
  bool ok = sm_pass_pipeline_parse(pm, text, len) && sm_pass_manager_run(pm, module);
  sm_pass_manager_destroy(pm);
  return ok;
}

/* Splits "builtin.module(a,b,convert-layout-to-kernel,c)" into the passes
 * before convert-layout-to-kernel and the rest; false when the pipeline has
 * no top-level convert-layout-to-kernel. */
static bool split_pipeline(const char *text, char **before, char **after) {
  const char *at = strstr(text, "convert-layout-to-kernel");
  const char *open = strchr(text, '(');
  if (!at || !open || strncmp(text, "builtin.module(", 15)) return false;
  size_t pre = (size_t)(at - text);
  *before = malloc(pre + 2);
  *after = malloc(strlen(at) + 16);
  if (!*before || !*after) {
    free(*before), free(*after);
    return false;
  }
  memcpy(*before, text, pre);
  while (pre > 15 && (*before)[pre - 1] == ',') pre--;
  (*before)[pre] = ')';
  (*before)[pre + 1] = 0;
  if (pre == 15) (*before)[0] = 0; /* nothing before it */
  strcpy(*after, "builtin.module(");
  strcat(*after, at);
  return true;
}

static SmOpenCLCompileOptions default_options(void) {
  SmOpenCLCompileOptions co = {0, 0, getenv("SMARTMEM_NO_TUNING_CACHE") != NULL};
  return co;
}

bool sm_opencl_lower_for(SmOp *module, const char *pipeline, const SmOpenCLCompileOptions *co) {
  SmContext *ctx = sm_op_context(module);
  sm_register_smartmem_dialects(ctx);
  sm_register_smartmem_passes();
  bool has_func = false;
  sm_op_walk(module, SM_WALK_PRE, find_func, &has_func);
  if (!has_func) return true;
  const char *text = sm_smartmem_pipeline(pipeline ? pipeline : SM_DEFAULT_PIPELINE);
  if (!text) return sm_emit_error(ctx, module->loc, "unknown pipeline '%s' (available: smartmem, baseline)", pipeline);
  char *before = NULL, *after = NULL, path[4096], dev[256];
  SmTuningCache cache = {0};
  bool tuned = co && !co->no_tuning_cache && split_pipeline(text, &before, &after) &&
               sm_tuning_cache_path(path, sizeof path) && sm_tuning_device_key(co->platform, co->device, dev, sizeof dev) &&
               sm_tuning_key_mode(module, dev, sizeof dev);
  if (tuned && !sm_tuning_cache_load(ctx, path, &cache)) {
    free(before), free(after);
    return false;
  }
  tuned = tuned && cache.count;
  bool ok;
  if (tuned) {
    ok = (!before[0] || run_text(module, before, strlen(before)));
    if (ok) sm_tuning_apply(module, &cache, dev);
    ok = ok && run_text(module, after, strlen(after));
  } else {
    ok = run_text(module, text, strlen(text));
  }
  free(before), free(after);
  sm_tuning_cache_free(&cache);
  return ok;
}

bool sm_opencl_lower(SmOp *module, const char *pipeline) {
  SmOpenCLCompileOptions co = default_options();
  return sm_opencl_lower_for(module, pipeline, &co);
}

bool sm_opencl_compile_for(SmOp *module, const char *pipeline, const SmOpenCLCompileOptions *co, SmOpenCLProgram *prog,
                           double *compile_ms) {
  double t0 = now_ms();
  if (!sm_opencl_lower_for(module, pipeline, co)) return false;
  /* Every launch's loads and stores proved inside their buffers before
   * anything is emitted (inputs' values are checked again by smrun). */
  if (!sm_opencl_plan_check(module, 0, NULL) || !sm_opencl_emit(module, prog)) return false;
  if (compile_ms) *compile_ms = now_ms() - t0;
  return true;
}

bool sm_opencl_compile(SmOp *module, const char *pipeline, SmOpenCLProgram *prog, double *compile_ms) {
  SmOpenCLCompileOptions co = default_options();
  return sm_opencl_compile_for(module, pipeline, &co, prog, compile_ms);
}

bool sm_opencl_compile_format_for(SmOp *module, const char *pipeline, const SmOpenCLCompileOptions *co,
                                  const char *kernel_format, SmOpenCLProgram *prog, double *compile_ms) {
  if (!kernel_format || !strcmp(kernel_format, "opencl-c")) return sm_opencl_compile_for(module, pipeline, co, prog, compile_ms);
  if (!strcmp(kernel_format, "spirv")) {
#ifdef SM_HAVE_SPIRV
    double t0 = now_ms();
    if (!sm_opencl_lower_for(module, pipeline, co) || !sm_opencl_plan_check(module, 0, NULL) ||
        !sm_spirv_program_emit(module, prog))
      return false;
    if (compile_ms) *compile_ms = now_ms() - t0;
    /* Never hand out a module spirv-val rejects (not counted as emission
     * time: bench/spirv_emit.sh reports it apart). */
    if (!sm_spirv_validate(sm_op_context(module), module->loc, prog->source.data, prog->source.len)) {
      sm_opencl_program_free(prog);
      return false;
    }
    return true;
#else
    return sm_emit_error(sm_op_context(module), module->loc, "the SPIR-V backend is not built (spirv-headers missing)");
#endif
  }
  return sm_emit_error(sm_op_context(module), module->loc, "unknown kernel format '%s' (available: opencl-c, spirv)",
                       kernel_format);
}

bool sm_opencl_compile_format(SmOp *module, const char *pipeline, const char *kernel_format, SmOpenCLProgram *prog,
                              double *compile_ms) {
  SmOpenCLCompileOptions co = default_options();
  return sm_opencl_compile_format_for(module, pipeline, &co, kernel_format, prog, compile_ms);
}
