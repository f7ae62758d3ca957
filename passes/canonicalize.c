/* canonicalize: folding, dead-op removal and every registered op's
 * canonicalization patterns, applied by the greedy driver. */
#include "passes/passes.h"

static const SmPassOption options[] = {
    {"max-iterations", SM_PASS_OPT_INT, "10",
     "Sweeps over the IR before giving up (a warning says it did not converge)"},
    {"top-down", SM_PASS_OPT_BOOL, "true",
     "Visit ops in pre-order (true) or post-order (false)"},
    {"test-convergence", SM_PASS_OPT_BOOL, "false",
     "Fail (error instead of warning) if the driver does not converge"},
    {"fold", SM_PASS_OPT_BOOL, "true", "Use op fold hooks and deduplicate constants"},
};

static bool run_canonicalize(SmOp *op, SmPassRun *run) {
  SmContext *ctx = sm_pass_run_context(run);
  SmPatternSet *set = sm_pattern_set_create(ctx);
  if (!set)
    return sm_emit_error(ctx, op->loc, "canonicalize: out of memory");
  sm_pattern_set_add_canonicalizations(set);
  SmGreedyConfig cfg;
  sm_greedy_config_default(&cfg);
  int64_t iters = sm_pass_run_int(run, "max-iterations");
  if (iters <= 0 || iters > 1000000) {
    sm_pattern_set_destroy(set);
    return sm_emit_error(ctx, op->loc,
                         "canonicalize: max-iterations must be between 1 and 1000000, got %lld",
                         (long long)iters);
  }
  cfg.max_iterations = (int)iters;
  cfg.top_down = sm_pass_run_bool(run, "top-down");
  cfg.fold = sm_pass_run_bool(run, "fold");
  SmGreedyStats stats;
  bool converged = sm_apply_patterns_greedily(op, set, &cfg, &stats);
  sm_pattern_set_destroy(set);
  bool strict = sm_pass_run_bool(run, "test-convergence");
  if (!converged)
    sm_greedy_report_nonconvergence(op, "canonicalize", stats.iterations, strict);
  return converged || !strict;
}

const SmPassDef sm_canonicalize_pass = {
    .argument = "canonicalize",
    .summary = "Fold ops, remove dead pure ops and apply the ops' canonicalization patterns",
    .anchor = NULL,
    .options = options,
    .num_options = sizeof options / sizeof options[0],
    .run = run_canonicalize,
};
