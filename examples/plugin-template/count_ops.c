/* template-count-ops: counts the ops in each function, writes the count
 * into a function attribute and reports totals as pass statistics. Rename
 * it, keep the shape: a run function, an SmPassDef, one exported entry point. */
#include "passes/pass.h"

static SmWalkResult count(SmOp *op, void *user) {
  ++*(int64_t *)user;
  (void)op;
  return SM_WALK_ADVANCE;
}

static bool run_count_ops(SmOp *func, SmPassRun *run) {
  SmContext *ctx = sm_pass_run_context(run);
  int64_t n = -1; /* the walk visits the function itself too */
  sm_op_walk(func, SM_WALK_PRE, count, &n);
  int64_t at_least = sm_pass_run_int(run, "at-least");
  if (n < at_least)
    return sm_op_emit_error(func, "has %lld ops, fewer than at-least=%lld", (long long)n,
                            (long long)at_least);
  SmType *i64 = sm_type_integer(ctx, 64, SM_SIGNLESS);
  sm_op_set_attr(func, sm_intern_cstr(ctx, "op_count"), sm_attr_integer(ctx, i64, n));
  sm_pass_run_add_statistic(run, "num-functions", 1);
  sm_pass_run_add_statistic(run, "num-ops", (uint64_t)n);
  return true;
}

static const SmPassOption count_options[] = {
    {"at-least", SM_PASS_OPT_INT, "0", "Fail on a function with fewer ops"},
};

static const SmPassStatistic count_statistics[] = {
    {"num-functions", "Number of functions counted"},
    {"num-ops", "Number of ops in them"},
};

static const SmPassDef count_pass = {
    .argument = "template-count-ops",
    .summary = "Record each function's op count in an op_count attribute (template plugin)",
    .anchor = "func.func",
    .options = count_options,
    .num_options = 1,
    .run = run_count_ops,
    .name = "TemplateCountOps",
    .statistics = count_statistics,
    .num_statistics = 2,
};

static void register_passes(SmContext *ctx) {
  (void)ctx;
  sm_pass_register(&count_pass);
}

SmPassPluginInfo sm_get_pass_plugin_info(void) {
  return (SmPassPluginInfo){SM_PASS_PLUGIN_API_VERSION, "sm-template-plugin", "0.1",
                            register_passes};
}
