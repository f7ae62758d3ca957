/* Integer sets (MLIR's IntegerSet): affine constraints over dims and
 * symbols, each `expr >= 0` or `expr == 0`, hash-consed in the context. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"

static uint32_t set_hash(const SmIntegerSet *s) {
  uint64_t h = sm_hash_mix(0x5e7u, ((uint64_t)s->num_dims << 32) | s->num_symbols);
  h = sm_hash_bytes(h, s->constraints, s->num_constraints * sizeof(SmAffineExpr *));
  h = sm_hash_bytes(h, s->eq, s->num_constraints);
  return sm_hash_fold(h);
}

static bool set_eq(const void *obj, const void *key) {
  const SmIntegerSet *a = obj, *b = key;
  return a->num_dims == b->num_dims && a->num_symbols == b->num_symbols &&
         a->num_constraints == b->num_constraints &&
         memcmp(a->constraints, b->constraints, a->num_constraints * sizeof(SmAffineExpr *)) == 0 &&
         memcmp(a->eq, b->eq, a->num_constraints) == 0;
}

SmIntegerSet *sm_integer_set(SmContext *ctx, unsigned num_dims, unsigned num_symbols,
                             unsigned num_constraints, SmAffineExpr *const *constraints,
                             const uint8_t *eq) {
  SmAffineExpr *zero = NULL;
  uint8_t one = 1;
  if (num_constraints == 0) { /* as MLIR's parser: the set `0 == 0` */
    zero = sm_affine_const(ctx, 0);
    constraints = &zero;
    eq = &one;
    num_constraints = 1;
  }
  uint8_t small[32], *flags = num_constraints <= 32 ? small : malloc(num_constraints);
  if (!flags) abort();
  for (unsigned i = 0; i < num_constraints; i++) flags[i] = eq[i] != 0;
  SmIntegerSet k = {num_dims, num_symbols, num_constraints, constraints, flags, 0};
  uint32_t h = set_hash(&k), slot;
  SmIntegerSet *s = sm_uniq_find(&ctx->integer_sets, h, set_eq, &k, &slot);
  if (!s) {
    s = sm_context_alloc(ctx, sizeof *s);
    *s = k;
    s->constraints = sm_context_dup(ctx, constraints, num_constraints * sizeof(SmAffineExpr *));
    s->eq = sm_context_dup(ctx, flags, num_constraints);
    s->hash = h;
    sm_uniq_insert(&ctx->integer_sets, slot, h, s);
  }
  if (flags != small) free(flags);
  return s;
}

bool sm_integer_set_contains(const SmIntegerSet *set, const int64_t *dims, const int64_t *syms) {
  for (unsigned i = 0; i < set->num_constraints; i++) {
    int64_t v = sm_affine_expr_eval(set->constraints[i], dims, syms);
    if (set->eq[i] ? v != 0 : v < 0) return false;
  }
  return true;
}
