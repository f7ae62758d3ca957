/* --load-pass-plugin and --pass-pipeline-after for smc and smrun. */
#include "tools/tool_pipeline.h"
#include "passes/smartmem/smartmem.h"

#include <stdio.h>
#include <string.h>

bool sm_tool_add_storage(const char *tool, const char *storage, SmToolList *after) {
  static const char *const insert[] = {
      "convert-layout-to-kernel=smartmem-half-storage{storage=f16}",
      "convert-layout-to-kernel=smartmem-half-storage{storage=auto}",
  };
  if (!storage || !strcmp(storage, "f32")) return true;
  int k = !strcmp(storage, "f16") ? 0 : !strcmp(storage, "auto") ? 1 : -1;
  if (k < 0) {
    fprintf(stderr, "%s: --storage must be f32, f16 or auto, not '%s'\n", tool, storage);
    return false;
  }
  if (after->count >= sizeof after->items / sizeof after->items[0]) {
    fprintf(stderr, "%s: too many --pass-pipeline-after insertions for --storage\n", tool);
    return false;
  }
  after->items[after->count++] = insert[k];
  return true;
}

bool sm_tool_load_plugins(SmContext *ctx, const SmToolList *plugins) {
  for (unsigned i = 0; i < plugins->count; i++)
    if (!sm_pass_plugin_load(ctx, plugins->items[i]))
      return false;
  return true;
}

static SmWalkResult find_func(SmOp *op, void *user) {
  if (sm_op_name_is(op, "func.func")) {
    *(bool *)user = true;
    return SM_WALK_INTERRUPT;
  }
  return sm_op_name_is(op, "builtin.module") ? SM_WALK_ADVANCE : SM_WALK_SKIP;
}

bool sm_tool_run_model_pipeline(SmOp *module, const char *pipeline, const SmToolList *after) {
  if (!after->count)
    return true;
  SmContext *ctx = sm_op_context(module);
  bool has_func = false;
  sm_op_walk(module, SM_WALK_PRE, find_func, &has_func);
  if (!has_func)
    return sm_emit_error(ctx, module->loc,
                         "--pass-pipeline-after needs a graph-level module (one with a func.func) "
                         "for the model pipeline to run on");
  const char *name = pipeline ? pipeline : SM_DEFAULT_PIPELINE;
  const char *text = sm_smartmem_pipeline(name);
  if (!text)
    return sm_emit_error(ctx, module->loc, "unknown pipeline '%s'", name);
  SmPassManager *pm = sm_pass_manager_create(ctx, "builtin.module");
  bool ok = pm && sm_pass_pipeline_parse(pm, text, strlen(text));
  for (unsigned i = 0; ok && i < after->count; i++) {
    const char *spec = after->items[i];
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec || !eq[1]) {
      ok = sm_emit_error(ctx, sm_loc_unknown(ctx),
                         "--pass-pipeline-after expects PASS=ELEMENTS (e.g. "
                         "convert-graph-to-layout=cse), got '%s'",
                         spec);
      break;
    }
    char point[128];
    size_t n = (size_t)(eq - spec);
    if (n >= sizeof point) {
      ok = sm_emit_error(ctx, sm_loc_unknown(ctx), "--pass-pipeline-after: pass name too long");
      break;
    }
    memcpy(point, spec, n);
    point[n] = 0;
    ok = sm_pass_manager_insert_after(pm, point, eq + 1);
  }
  if (ok) {
    SmPassInstrumentation in;
    sm_pass_instrumentation_default(&in);
    in.unmatched_is_error = true; /* an inserted pass that runs nowhere is an error */
    sm_pass_manager_set_instrumentation(pm, &in);
    ok = sm_pass_manager_run(pm, module);
  }
  sm_pass_manager_destroy(pm);
  return ok;
}
