/* canonicalize: folding, dead-op removal and every registered op's
 * canonicalization patterns, applied by the greedy driver. */
#include "passes/passes.h"

#include <stdlib.h>

/* Commutative ops (any dialect) get their constant operands moved to the
 * end, keeping the relative order of the rest (a stable partition), as
 * MLIR's foldCommutative trait fold does: `addi %c, %x` -> `addi %x, %c`.
 * Op patterns can then match constants on the right only. */
static bool move_constants_right(const SmPattern *pattern, SmOp *op, SmRewriter *rw) {
  (void)pattern;
  unsigned n = op->num_operands;
  if (n < 2 || !op->def || !(op->def->traits & SM_TRAIT_COMMUTATIVE))
    return false;
  unsigned first_const = n;
  for (unsigned i = 0; i < n; i++)
    if (sm_value_constant_attr(sm_op_operand(op, i))) {
      first_const = i;
      break;
    }
  bool needed = false;
  for (unsigned i = first_const + 1; i < n && !needed; i++)
    needed = !sm_value_constant_attr(sm_op_operand(op, i));
  if (!needed)
    return false;
  SmValue *small[8];
  SmValue **vals = n <= 8 ? small : malloc(n * sizeof *vals);
  if (!vals)
    return false;
  unsigned k = 0;
  for (unsigned i = 0; i < n; i++)
    if (!sm_value_constant_attr(sm_op_operand(op, i)))
      vals[k++] = sm_op_operand(op, i);
  for (unsigned i = 0; i < n; i++)
    if (sm_value_constant_attr(sm_op_operand(op, i)))
      vals[k++] = sm_op_operand(op, i);
  sm_rewriter_start_modify(rw, op);
  for (unsigned i = 0; i < n; i++)
    if (sm_op_operand(op, i) != vals[i])
      sm_op_set_operand(op, i, vals[i]);
  sm_rewriter_finalize_modify(rw, op);
  if (vals != small)
    free(vals);
  return true;
}

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
  /* Before any op pattern, as MLIR folds before it rewrites. */
  sm_pattern_set_add_fn(set, NULL, 1000, move_constants_right, NULL);
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
