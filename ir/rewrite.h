/* Pattern rewriting: the rewriter every IR change of a pattern goes through,
 * pattern sets, and the greedy driver (canonicalize's engine).
 *
 * Why a rewriter: the greedy driver must see every change (to revisit users
 * of replaced values, forget erased ops, pick up new ones), so patterns never
 * call sm_op_erase / sm_value_replace_all_uses directly; they call the
 * sm_rewriter_* functions, which do the change and tell the listener.
 *
 * A pattern that changes nothing must return false: the driver counts a true
 * return as a change and iterates until nothing changes.
 */
#ifndef SM_PASSES_REWRITE_H
#define SM_PASSES_REWRITE_H

#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Listener ---------------------------------------------------------- */

/* Every callback may be NULL. */
typedef struct SmRewriteListener {
  /* op was inserted into a block (created, cloned or moved). */
  void (*op_inserted)(void *user, SmOp *op);
  /* op is about to be replaced by values (its results' uses move to them). */
  void (*op_replaced)(void *user, SmOp *op, SmValue *const *values);
  /* op (and, first, every op nested in it) is about to be destroyed. */
  void (*op_erased)(void *user, SmOp *op);
  /* op was changed in place (operands, attributes, ...). */
  void (*op_modified)(void *user, SmOp *op);
  /* block was inserted into a region (inlined, split off). */
  void (*block_inserted)(void *user, SmBlock *block);
  void *user;
} SmRewriteListener;

/* ---- Rewriter ----------------------------------------------------------- */

typedef struct SmRewriter {
  SmBuilder builder; /* insertion point for created ops */
  const SmRewriteListener *listener; /* may be NULL */
  /* While sm_rewriter_erase_op / _erase_block notify op_erased: the op or
   * block being erased (so a listener can tell nested victims from
   * survivors); NULL otherwise. */
  SmOp *erase_root;
  SmBlock *erase_block;
} SmRewriter;

void sm_rewriter_init(SmRewriter *rw, SmContext *ctx, const SmRewriteListener *listener);
SmContext *sm_rewriter_context(const SmRewriter *rw);
void sm_rewriter_set_before(SmRewriter *rw, SmOp *op);
void sm_rewriter_set_after(SmRewriter *rw, SmOp *op);
void sm_rewriter_set_block_start(SmRewriter *rw, SmBlock *b);
void sm_rewriter_set_block_end(SmRewriter *rw, SmBlock *b);

/* Creates an op from st at the insertion point (st is not released). */
SmOp *sm_rewriter_create(SmRewriter *rw, SmOpState *st);
/* Inserts a detached op (e.g. a clone) at the insertion point. */
SmOp *sm_rewriter_insert(SmRewriter *rw, SmOp *op);
/* Clones op (see sm_op_clone) and inserts the clone at the insertion point. */
SmOp *sm_rewriter_clone(SmRewriter *rw, SmOp *op, SmPtrMap *map);

/* Replaces every result of op with values[i] (NULL entries: the result must
 * be unused) and erases op. */
void sm_rewriter_replace_op(SmRewriter *rw, SmOp *op, SmValue *const *values);
/* Replaces op with the results of new_op (same count). */
void sm_rewriter_replace_op_with_op(SmRewriter *rw, SmOp *op, SmOp *new_op);
/* Erases op; its results must be unused (uses inside it are fine). */
void sm_rewriter_erase_op(SmRewriter *rw, SmOp *op);
/* Erases a block and its ops (their results must be unused outside it). */
void sm_rewriter_erase_block(SmRewriter *rw, SmBlock *b);

/* In-place modification: call start, change the op with the ir.h setters,
 * then finalize (notifies) or cancel (when nothing changed after all). */
void sm_rewriter_start_modify(SmRewriter *rw, SmOp *op);
void sm_rewriter_finalize_modify(SmRewriter *rw, SmOp *op);
void sm_rewriter_cancel_modify(SmRewriter *rw, SmOp *op);
/* Convenience in-place edits (start + change + finalize). */
void sm_rewriter_set_operand(SmRewriter *rw, SmOp *op, unsigned i, SmValue *v);
void sm_rewriter_set_attr(SmRewriter *rw, SmOp *op, const char *name, SmAttr *value);
/* Replaces all uses of from with to, notifying each user as modified. */
void sm_rewriter_replace_all_uses(SmRewriter *rw, SmValue *from, SmValue *to);

/* Moves every block of region before `before` (a block of dest, or NULL for
 * the end of dest). */
void sm_rewriter_inline_region_before(SmRewriter *rw, SmRegion *region, SmRegion *dest,
                                      SmBlock *before);
/* Moves the ops of src (which must have no predecessors) before `before`
 * (NULL: end of dest block), replacing src's arguments with args[i], then
 * destroys src. */
void sm_rewriter_inline_block_before(SmRewriter *rw, SmBlock *src, SmBlock *dest, SmOp *before,
                                     SmValue *const *args);
/* Splits b before op (see sm_block_split); returns the new block. */
SmBlock *sm_rewriter_split_block(SmRewriter *rw, SmBlock *b, SmOp *op);

/* ---- Patterns ----------------------------------------------------------- */

typedef struct SmPattern SmPattern;
/* Returns true iff it changed the IR (all through rw). */
typedef bool (*SmMatchAndRewriteFn)(const SmPattern *pattern, SmOp *op, SmRewriter *rw);

struct SmPattern {
  const char *root;     /* op name the pattern matches ("arith.addi"), NULL: any op */
  unsigned benefit;     /* higher is tried first */
  SmMatchAndRewriteFn match_and_rewrite;
  void *user;           /* pattern data, read by the hook */
  const char *name;     /* for debugging; may be NULL */
};

struct SmPatternSet {
  SmContext *ctx;
  SmPattern *patterns; /* root names interned */
  unsigned count, cap;
};

SmPatternSet *sm_pattern_set_create(SmContext *ctx);
void sm_pattern_set_destroy(SmPatternSet *set);
/* Copies *pattern into the set. */
void sm_pattern_set_add(SmPatternSet *set, const SmPattern *pattern);
/* Shorthand for sm_pattern_set_add with a compound literal. */
void sm_pattern_set_add_fn(SmPatternSet *set, const char *root, unsigned benefit,
                           SmMatchAndRewriteFn fn, void *user);
/* Adds the canonicalization patterns of every op of every registered dialect
 * (SmOpDef.canonicalization_patterns). */
void sm_pattern_set_add_canonicalizations(SmPatternSet *set);

/* ---- Folding ------------------------------------------------------------ */

/* Constant attribute of a value produced by a CONSTANT_LIKE op ("value"), or NULL. */
SmAttr *sm_value_constant_attr(SmValue *v);

/* ---- Greedy driver ------------------------------------------------------ */

typedef struct SmGreedyConfig {
  int max_iterations;  /* full sweeps over the IR; <= 0: 10 */
  bool top_down;       /* visit ops in pre-order (true) or post-order */
  bool fold;           /* use SmOpDef.fold and dedupe constants */
  /* Per sweep, at most this many changes (bounds ping-pong patterns); 0:
   * 8 * (ops at the start of the sweep) + 1024. */
  long max_rewrites_per_iteration;
} SmGreedyConfig;

void sm_greedy_config_default(SmGreedyConfig *cfg);

typedef struct SmGreedyStats {
  int iterations;     /* sweeps done */
  long num_rewrites;  /* patterns applied */
  long num_folds;     /* ops folded */
  long num_erased;    /* trivially dead ops erased */
  bool converged;
} SmGreedyStats;

/* Applies patterns, folding and dead-op removal to everything nested in op's
 * regions (not to op itself) until nothing changes. Returns true if it
 * converged; on non-convergence it emits no diagnostic itself (the caller
 * decides: see sm_greedy_report_nonconvergence). stats may be NULL. */
bool sm_apply_patterns_greedily(SmOp *op, const SmPatternSet *set, const SmGreedyConfig *cfg,
                                SmGreedyStats *stats);
/* Warning (or error) at op: "<who> did not converge after N iterations". */
void sm_greedy_report_nonconvergence(SmOp *op, const char *who, int iterations, bool as_error);

/* True if op has no side effects (PURE, or RECURSIVE_EFFECTS with every
 * nested op pure), is not a terminator and its results are unused. */
bool sm_op_is_trivially_dead(SmOp *op);
bool sm_op_is_pure(SmOp *op);

#ifdef __cplusplus
}
#endif
#endif /* SM_PASSES_REWRITE_H */
