/* The whole compile path for tools: pipeline (when the module still holds
 * graph or layout ops), then OpenCL C + plan emission. Kernel schedules
 * found in the tuning cache for the target device are applied to the
 * layout-level module just before convert-layout-to-kernel. */
#include "backend/opencl/opencl.h"
#include "backend/opencl/tuning.h"
#include "passes/smartmem/smartmem.h"

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

bool sm_opencl_compile_for(SmOp *module, const char *pipeline, const SmOpenCLCompileOptions *co, SmOpenCLProgram *prog,
                           double *compile_ms) {
  SmContext *ctx = sm_op_context(module);
  double t0 = now_ms();
  sm_register_smartmem_dialects(ctx);
  sm_register_smartmem_passes();
  bool has_func = false;
  sm_op_walk(module, SM_WALK_PRE, find_func, &has_func);
  if (has_func) {
    const char *text = sm_smartmem_pipeline(pipeline ? pipeline : "baseline");
    if (!text) return sm_emit_error(ctx, module->loc, "unknown pipeline '%s' (available: baseline)", pipeline);
    char *before = NULL, *after = NULL, path[4096], dev[256];
    SmTuningCache cache = {0};
    bool tuned = co && !co->no_tuning_cache && split_pipeline(text, &before, &after) &&
                 sm_tuning_cache_path(path, sizeof path) && sm_tuning_device_key(co->platform, co->device, dev, sizeof dev);
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
    if (!ok) return false;
  }
  if (!sm_opencl_emit(module, prog)) return false;
  if (compile_ms) *compile_ms = now_ms() - t0;
  return true;
}

bool sm_opencl_compile(SmOp *module, const char *pipeline, SmOpenCLProgram *prog, double *compile_ms) {
  SmOpenCLCompileOptions co = {0, 0, getenv("SMARTMEM_NO_TUNING_CACHE") != NULL};
  return sm_opencl_compile_for(module, pipeline, &co, prog, compile_ms);
}
