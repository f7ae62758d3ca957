/* An example pass plugin: `annotate-op-depth` and `swap-commutative-operands`.
 *
 * Built against the installed smartmem package (see CMakeLists.txt) and
 * loaded with:  smopt --load-pass-plugin=libsm_example_plugin.so --annotate-op-depth in.mlir
 *
 * The plugin exports exactly one function, sm_get_pass_plugin_info, which
 * says which plugin API it was built for and how to register its passes. */
/* Installed headers live in <prefix>/include/smartmem, which the smartmem
 * CMake target (and `pkg-config --cflags smartmem`) puts on the include path. */
#include "passes/pass.h"
#include "ir/rewrite.h"

/* ---- annotate-op-depth: a plain pass with an option ------------------------------ */

typedef struct DepthState {
  SmContext *ctx;
  const char *attr_name;
} DepthState;

static unsigned depth_of(SmOp *op) {
  unsigned d = 0;
  for (SmOp *p = sm_op_parent_op(op); p; p = sm_op_parent_op(p))
    d++;
  return d;
}

static SmWalkResult annotate(SmOp *op, void *user) {
  DepthState *s = user;
  if (!op->block) /* the op the pass runs on */
    return SM_WALK_ADVANCE;
  SmType *i64 = sm_type_integer(s->ctx, 64, SM_SIGNLESS);
  sm_op_set_attr(op, s->attr_name, sm_attr_integer(s->ctx, i64, depth_of(op)));
  return SM_WALK_ADVANCE;
}

static bool run_annotate(SmOp *op, SmPassRun *run) {
  DepthState s = {sm_pass_run_context(run), sm_pass_run_string(run, "attr-name")};
  if (!*s.attr_name)
    return sm_emit_error(s.ctx, op->loc, "annotate-op-depth: attr-name must not be empty");
  s.attr_name = sm_intern_cstr(s.ctx, s.attr_name);
  sm_op_walk(op, SM_WALK_PRE, annotate, &s);
  return true;
}

static const SmPassOption annotate_options[] = {
    {"attr-name", SM_PASS_OPT_STRING, "depth", "Name of the attribute that receives the depth"},
};

static const SmPassDef annotate_pass = {
    .argument = "annotate-op-depth",
    .summary = "Attach each op's nesting depth as an integer attribute (example plugin)",
    .anchor = NULL,
    .options = annotate_options,
    .num_options = 1,
    .run = run_annotate,
};

/* ---- swap-commutative-operands: a pattern run by the greedy driver ---------------- */

/* Swaps the two operands of a commutative binary op whose first operand is
 * a constant, so constants end up on the right (as MLIR canonicalizes). A
 * pattern that has nothing to do returns false. */
static bool swap_operands(const SmPattern *pattern, SmOp *op, SmRewriter *rw) {
  if (!sm_op_has_trait(op, SM_TRAIT_COMMUTATIVE) || op->num_operands != 2)
    return false;
  SmValue *lhs = sm_op_operand(op, 0), *rhs = sm_op_operand(op, 1);
  if (!sm_value_constant_attr(lhs) || sm_value_constant_attr(rhs))
    return false; /* nothing to do: report failure */
  sm_rewriter_start_modify(rw, op);
  sm_op_set_operand(op, 0, rhs);
  sm_op_set_operand(op, 1, lhs);
  sm_rewriter_finalize_modify(rw, op);
  /* The pattern's data is the pass run: count for --mlir-pass-statistics. */
  sm_pass_run_add_statistic(pattern->user, "num-swapped", 1);
  return true;
}

static bool run_swap(SmOp *op, SmPassRun *run) {
  SmPatternSet *set = sm_pattern_set_create(sm_pass_run_context(run));
  sm_pattern_set_add_fn(set, NULL, 1, swap_operands, run);
  SmGreedyConfig cfg;
  sm_greedy_config_default(&cfg);
  cfg.fold = false; /* only this pattern (and dead-op removal) */
  SmGreedyStats stats;
  bool ok = sm_apply_patterns_greedily(op, set, &cfg, &stats);
  sm_pattern_set_destroy(set);
  if (!ok)
    sm_greedy_report_nonconvergence(op, "swap-commutative-operands", stats.iterations, true);
  return ok;
}

static const SmPassStatistic swap_statistics[] = {
    {"num-swapped", "Number of ops whose operands were swapped"},
};

static const SmPassDef swap_pass = {
    .argument = "swap-commutative-operands",
    .summary = "Move constant operands of commutative ops to the right (example plugin)",
    .anchor = "func.func",
    .run = run_swap,
    .name = "SwapCommutativeOperands",
    .statistics = swap_statistics,
    .num_statistics = 1,
};

/* ---- The entry point -------------------------------------------------------------- */

static void register_passes(SmContext *ctx) {
  (void)ctx;
  sm_pass_register(&annotate_pass);
  sm_pass_register(&swap_pass);
}

SmPassPluginInfo sm_get_pass_plugin_info(void) {
  return (SmPassPluginInfo){SM_PASS_PLUGIN_API_VERSION, "sm-example-plugin", "1.0",
                            register_passes};
}
