/* Pattern sets and the purity queries patterns and drivers share. */
#include "ir/rewrite.h"

#include <stdlib.h>

SmPatternSet *sm_pattern_set_create(SmContext *ctx) {
  SmPatternSet *set = calloc(1, sizeof *set);
  if (set)
    set->ctx = ctx;
  return set;
}

void sm_pattern_set_destroy(SmPatternSet *set) {
  if (!set)
    return;
  free(set->patterns);
  free(set);
}

void sm_pattern_set_add(SmPatternSet *set, const SmPattern *pattern) {
  if (!set || !pattern || !pattern->match_and_rewrite)
    return;
  if (set->count == set->cap) {
    unsigned cap = set->cap ? set->cap * 2 : 16;
    SmPattern *p = realloc(set->patterns, cap * sizeof *p);
    if (!p)
      return;
    set->patterns = p;
    set->cap = cap;
  }
  SmPattern *dst = &set->patterns[set->count++];
  *dst = *pattern;
  /* Interned roots let drivers compare with op->name by pointer. */
  if (dst->root)
    dst->root = sm_intern_cstr(set->ctx, dst->root);
}

void sm_pattern_set_add_fn(SmPatternSet *set, const char *root, unsigned benefit,
                           SmMatchAndRewriteFn fn, void *user) {
  SmPattern p = {root, benefit, fn, user, NULL};
  sm_pattern_set_add(set, &p);
}

void sm_pattern_set_add_canonicalizations(SmPatternSet *set) {
  const SmDialect *d;
  for (size_t i = 0; (d = sm_context_dialect_at(set->ctx, i)) != NULL; i++)
    for (size_t j = 0; j < d->num_ops; j++)
      if (d->ops[j].canonicalization_patterns)
        d->ops[j].canonicalization_patterns(set, set->ctx);
}

SmAttr *sm_value_constant_attr(SmValue *v) {
  if (!v || v->kind != SM_VALUE_RESULT)
    return NULL;
  SmOp *def = v->owner.op;
  if (!sm_op_has_trait(def, SM_TRAIT_CONSTANT_LIKE))
    return NULL;
  return sm_op_get_attr(def, "value");
}

static SmWalkResult check_pure(SmOp *op, void *user) {
  SmOp *root = user;
  if (op == root)
    return SM_WALK_ADVANCE;
  if (!op->def)
    return SM_WALK_INTERRUPT;
  if (op->def->traits & SM_TRAIT_PURE)
    return SM_WALK_SKIP;
  /* Terminators of recursively-pure ops (func.return, yields) have no
   * effect of their own; anything else without PURE might. */
  if (op->def->traits & (SM_TRAIT_RECURSIVE_EFFECTS | SM_TRAIT_TERMINATOR))
    return SM_WALK_ADVANCE;
  return SM_WALK_INTERRUPT;
}

bool sm_op_is_pure(SmOp *op) {
  if (!op->def)
    return false;
  unsigned t = op->def->traits;
  if (t & SM_TRAIT_PURE)
    return true;
  if (!(t & SM_TRAIT_RECURSIVE_EFFECTS))
    return false;
  return sm_op_walk(op, SM_WALK_PRE, check_pure, op) != SM_WALK_INTERRUPT;
}

bool sm_op_is_trivially_dead(SmOp *op) {
  if (!op->def || (op->def->traits & SM_TRAIT_TERMINATOR))
    return false;
  return sm_op_results_unused(op) && sm_op_is_pure(op);
}
