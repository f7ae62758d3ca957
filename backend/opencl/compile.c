/* The whole compile path for tools: pipeline (when the module still holds
 * graph or layout ops), then OpenCL C + plan emission. */
#include "backend/opencl/opencl.h"
#include "backend/opencl/plan_check.h"
#include "passes/smartmem/smartmem.h"

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

bool sm_opencl_compile(SmOp *module, const char *pipeline, SmOpenCLProgram *prog, double *compile_ms) {
  SmContext *ctx = sm_op_context(module);
  double t0 = now_ms();
  sm_register_smartmem_dialects(ctx);
  sm_register_smartmem_passes();
  bool has_func = false;
  sm_op_walk(module, SM_WALK_PRE, find_func, &has_func);
  if (has_func) {
    const char *text = sm_smartmem_pipeline(pipeline ? pipeline : "baseline");
    if (!text) return sm_emit_error(ctx, module->loc, "unknown pipeline '%s' (available: baseline)", pipeline);
    SmPassManager *pm = sm_pass_manager_create(ctx, "builtin.module");
    bool ok = sm_pass_pipeline_parse(pm, text, strlen(text)) && sm_pass_manager_run(pm, module);
    sm_pass_manager_destroy(pm);
    if (!ok) return false;
  }
  if (!sm_opencl_plan_check(module, 0, NULL) || !sm_opencl_emit(module, prog)) return false;
  if (compile_ms) *compile_ms = now_ms() - t0;
  return true;
}
