/* Affine expressions and maps: hash-consed, simplified as they are built.
 *
 * Every node is created only at the end of a constructor after no rule
 * fired for exactly those operands, so rebuilding a node from its own parts
 * gives the same node (canonical forms are fixed points). */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"

/* ---- Uniquing ---------------------------------------------------------------- */

static uint32_t expr_hash(const SmAffineExpr *e) {
  uint64_t h = sm_hash_mix(0xaffu, (uint64_t)e->kind);
  switch (e->kind) {
  case SM_AFFINE_DIM:
  case SM_AFFINE_SYMBOL: h = sm_hash_mix(h, e->position); break;
  case SM_AFFINE_CONST: h = sm_hash_mix(h, (uint64_t)e->value); break;
  default: h = sm_hash_ptr(sm_hash_ptr(h, e->bin.lhs), e->bin.rhs); break;
  }
  return sm_hash_fold(h);
}

static bool expr_eq(const void *obj, const void *key) {
  const SmAffineExpr *a = obj, *b = key;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
  case SM_AFFINE_DIM:
  case SM_AFFINE_SYMBOL: return a->position == b->position;
  case SM_AFFINE_CONST: return a->value == b->value;
  default: return a->bin.lhs == b->bin.lhs && a->bin.rhs == b->bin.rhs;
  }
}

static SmAffineExpr *unique(SmContext *ctx, const SmAffineExpr *key) {
  uint32_t h = expr_hash(key), slot;
  SmAffineExpr *e = sm_uniq_find(&ctx->affine_exprs, h, expr_eq, key, &slot);
  if (e) return e;
  e = sm_context_alloc(ctx, sizeof *e);
  *e = *key;
  e->hash = h;
  sm_uniq_insert(&ctx->affine_exprs, slot, h, e);
  return e;
}

static SmAffineExpr *binary(SmContext *ctx, SmAffineKind kind, SmAffineExpr *lhs,
                            SmAffineExpr *rhs) {
  SmAffineExpr k;
  memset(&k, 0, sizeof k);
  k.kind = kind;
  k.bin.lhs = lhs;
  k.bin.rhs = rhs;
  return unique(ctx, &k);
}

SmAffineExpr *sm_affine_dim(SmContext *ctx, unsigned position) {
  SmAffineExpr k;
  memset(&k, 0, sizeof k);
  k.kind = SM_AFFINE_DIM;
  k.position = position;
  return unique(ctx, &k);
}

SmAffineExpr *sm_affine_symbol(SmContext *ctx, unsigned position) {
  SmAffineExpr k;
  memset(&k, 0, sizeof k);
  k.kind = SM_AFFINE_SYMBOL;
  k.position = position;
  return unique(ctx, &k);
}

SmAffineExpr *sm_affine_const(SmContext *ctx, int64_t value) {
  SmAffineExpr k;
  memset(&k, 0, sizeof k);
  k.kind = SM_AFFINE_CONST;
  k.value = value;
  return unique(ctx, &k);
}

/* ---- Simplifying constructors ------------------------------------------------------- */

static bool is_const(const SmAffineExpr *e) { return e->kind == SM_AFFINE_CONST; }
static bool is_const_val(const SmAffineExpr *e, int64_t v) { return is_const(e) && e->value == v; }

/* Wrapping arithmetic: constant overflow must not be UB. */
static int64_t wadd(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
static int64_t wmul(int64_t a, int64_t b) { return (int64_t)((uint64_t)a * (uint64_t)b); }

/* e = x * c with constant c (c = 1 for a bare x) — for term merging. */
static SmAffineExpr *term_base(SmAffineExpr *e, int64_t *coef) {
  if (e->kind == SM_AFFINE_MUL && is_const(e->bin.rhs)) {
    *coef = e->bin.rhs->value;
    return e->bin.lhs;
  }
  *coef = 1;
  return e;
}

SmAffineExpr *sm_affine_add(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b) {
  if (is_const(a) && is_const(b)) return sm_affine_const(ctx, wadd(a->value, b->value));
  if (is_const(a)) {
    SmAffineExpr *t = a;
    a = b;
    b = t;
  }
  if (is_const_val(b, 0)) return a;
  /* (x + c1) + c2 -> x + (c1 + c2) */
  if (is_const(b) && a->kind == SM_AFFINE_ADD && is_const(a->bin.rhs))
    return sm_affine_add(ctx, a->bin.lhs, sm_affine_const(ctx, wadd(a->bin.rhs->value, b->value)));
  if (!is_const(b)) {
    /* Keep constants outermost: (x + c) + y -> (x + y) + c; x + (y + c) -> (x + y) + c. */
    if (a->kind == SM_AFFINE_ADD && is_const(a->bin.rhs))
      return sm_affine_add(ctx, sm_affine_add(ctx, a->bin.lhs, b), a->bin.rhs);
    if (b->kind == SM_AFFINE_ADD && is_const(b->bin.rhs))
      return sm_affine_add(ctx, sm_affine_add(ctx, a, b->bin.lhs), b->bin.rhs);
    /* x*c1 + x*c2 -> x*(c1+c2) (c = 1 for a bare x). */
    int64_t ca, cb;
    SmAffineExpr *xa = term_base(a, &ca), *xb = term_base(b, &cb);
    if (xa == xb) return sm_affine_mul(ctx, xa, sm_affine_const(ctx, wadd(ca, cb)));
  }
  return binary(ctx, SM_AFFINE_ADD, a, b);
}

SmAffineExpr *sm_affine_sub(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b) {
  return sm_affine_add(ctx, a, sm_affine_mul(ctx, b, sm_affine_const(ctx, -1)));
}

SmAffineExpr *sm_affine_mul(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b) {
  if (is_const(a) && is_const(b)) return sm_affine_const(ctx, wmul(a->value, b->value));
  if (is_const(a)) {
    SmAffineExpr *t = a;
    a = b;
    b = t;
  }
  if (is_const_val(b, 1)) return a;
  if (is_const_val(b, 0)) return b;
  if (is_const(b)) {
    /* (x * c1) * c2 -> x * (c1 * c2) */
    if (a->kind == SM_AFFINE_MUL && is_const(a->bin.rhs))
      return sm_affine_mul(ctx, a->bin.lhs, sm_affine_const(ctx, wmul(a->bin.rhs->value, b->value)));
  } else {
    /* (x * c) * y -> (x * y) * c; x * (y * c) -> (x * y) * c */
    if (a->kind == SM_AFFINE_MUL && is_const(a->bin.rhs))
      return sm_affine_mul(ctx, sm_affine_mul(ctx, a->bin.lhs, b), a->bin.rhs);
    if (b->kind == SM_AFFINE_MUL && is_const(b->bin.rhs))
      return sm_affine_mul(ctx, sm_affine_mul(ctx, a, b->bin.lhs), b->bin.rhs);
  }
  return binary(ctx, SM_AFFINE_MUL, a, b);
}

/* True if e is a multiple of c (> 0) for every value of its dims/symbols,
 * judged syntactically. */
static bool is_multiple_of(const SmAffineExpr *e, int64_t c) {
  switch (e->kind) {
  case SM_AFFINE_CONST: return e->value % c == 0;
  case SM_AFFINE_MUL:
    return (is_const(e->bin.rhs) && e->bin.rhs->value % c == 0) ||
           (is_const(e->bin.lhs) && e->bin.lhs->value % c == 0);
  case SM_AFFINE_ADD: return is_multiple_of(e->bin.lhs, c) && is_multiple_of(e->bin.rhs, c);
  default: return false;
  }
}

/* e / c for an e with is_multiple_of(e, c). */
static SmAffineExpr *div_exact(SmContext *ctx, SmAffineExpr *e, int64_t c) {
  switch (e->kind) {
  case SM_AFFINE_CONST: return sm_affine_const(ctx, e->value / c);
  case SM_AFFINE_MUL:
    if (is_const(e->bin.rhs) && e->bin.rhs->value % c == 0)
      return sm_affine_mul(ctx, e->bin.lhs, sm_affine_const(ctx, e->bin.rhs->value / c));
    return sm_affine_mul(ctx, sm_affine_const(ctx, e->bin.lhs->value / c), e->bin.rhs);
  default:
    return sm_affine_add(ctx, div_exact(ctx, e->bin.lhs, c), div_exact(ctx, e->bin.rhs, c));
  }
}

SmAffineExpr *sm_affine_floordiv(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b) {
  if (is_const(b) && b->value > 0) {
    int64_t c = b->value;
    if (c == 1) return a;
    if (is_const(a)) return sm_affine_const(ctx, sm_floordiv_i64(a->value, c));
    /* (x * k*c) floordiv c -> x * k, and likewise for sums of multiples. */
    if (is_multiple_of(a, c)) return div_exact(ctx, a, c);
    /* (m + r) floordiv c -> m/c + r floordiv c when c | m (exact for floor). */
    if (a->kind == SM_AFFINE_ADD) {
      if (is_multiple_of(a->bin.lhs, c))
        return sm_affine_add(ctx, div_exact(ctx, a->bin.lhs, c),
                             sm_affine_floordiv(ctx, a->bin.rhs, b));
      if (is_multiple_of(a->bin.rhs, c))
        return sm_affine_add(ctx, sm_affine_floordiv(ctx, a->bin.lhs, b),
                             div_exact(ctx, a->bin.rhs, c));
    }
    /* (x floordiv c1) floordiv c -> x floordiv (c1 * c) for positive c1, c. */
    if (a->kind == SM_AFFINE_FLOORDIV && is_const(a->bin.rhs) && a->bin.rhs->value > 0 &&
        a->bin.rhs->value <= INT64_MAX / c)
      return sm_affine_floordiv(ctx, a->bin.lhs, sm_affine_const(ctx, a->bin.rhs->value * c));
  }
  return binary(ctx, SM_AFFINE_FLOORDIV, a, b);
}

SmAffineExpr *sm_affine_ceildiv(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b) {
  if (is_const(b) && b->value > 0) {
    int64_t c = b->value;
    if (c == 1) return a;
    if (is_const(a)) return sm_affine_const(ctx, sm_ceildiv_i64(a->value, c));
    if (is_multiple_of(a, c)) return div_exact(ctx, a, c);
  }
  return binary(ctx, SM_AFFINE_CEILDIV, a, b);
}

SmAffineExpr *sm_affine_mod(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b) {
  if (is_const(b) && b->value > 0) {
    int64_t c = b->value;
    if (c == 1) return sm_affine_const(ctx, 0);
    if (is_const(a)) return sm_affine_const(ctx, sm_mod_i64(a->value, c));
    if (is_multiple_of(a, c)) return sm_affine_const(ctx, 0);
    /* (m + r) mod c -> r mod c when c | m. */
    if (a->kind == SM_AFFINE_ADD) {
      if (is_multiple_of(a->bin.lhs, c)) return sm_affine_mod(ctx, a->bin.rhs, b);
      if (is_multiple_of(a->bin.rhs, c)) return sm_affine_mod(ctx, a->bin.lhs, b);
    }
    /* (x mod c1) mod c -> x mod c when c | c1. */
    if (a->kind == SM_AFFINE_MOD && is_const(a->bin.rhs) && a->bin.rhs->value > 0 &&
        a->bin.rhs->value % c == 0)
      return sm_affine_mod(ctx, a->bin.lhs, b);
  }
  return binary(ctx, SM_AFFINE_MOD, a, b);
}

/* ---- Maps ---------------------------------------------------------------------------- */

static uint32_t map_hash(const SmAffineMap *m) {
  uint64_t h = sm_hash_mix(0x3a9u, ((uint64_t)m->num_dims << 32) | m->num_symbols);
  h = sm_hash_bytes(h, m->results, m->num_results * sizeof(SmAffineExpr *));
  return sm_hash_fold(h);
}

static bool map_eq(const void *obj, const void *key) {
  const SmAffineMap *a = obj, *b = key;
  return a->num_dims == b->num_dims && a->num_symbols == b->num_symbols &&
         a->num_results == b->num_results &&
         (a->num_results == 0 ||
          memcmp(a->results, b->results, a->num_results * sizeof(SmAffineExpr *)) == 0);
}

SmAffineMap *sm_affine_map(SmContext *ctx, unsigned num_dims, unsigned num_symbols,
                           unsigned num_results, SmAffineExpr *const *results) {
  SmAffineMap k = {num_dims, num_symbols, num_results, num_results ? results : NULL, 0};
  uint32_t h = map_hash(&k), slot;
  SmAffineMap *m = sm_uniq_find(&ctx->affine_maps, h, map_eq, &k, &slot);
  if (m) return m;
  m = sm_context_alloc(ctx, sizeof *m);
  *m = k;
  m->results = sm_context_dup(ctx, results, num_results * sizeof(SmAffineExpr *));
  m->hash = h;
  sm_uniq_insert(&ctx->affine_maps, slot, h, m);
  return m;
}

SmAffineMap *sm_affine_map_identity(SmContext *ctx, unsigned rank) {
  SmAffineExpr *small[16] = {NULL};
  SmAffineExpr **r = rank <= 16 ? small : malloc(rank * sizeof *r);
  if (!r) abort();
  for (unsigned i = 0; i < rank; i++) r[i] = sm_affine_dim(ctx, i);
  SmAffineMap *m = sm_affine_map(ctx, rank, 0, rank, r);
  if (r != small) free(r);
  return m;
}

SmAffineExpr *sm_affine_expr_replace(SmContext *ctx, SmAffineExpr *e, SmAffineExpr *const *dims,
                                     SmAffineExpr *const *syms) {
  switch (e->kind) {
  case SM_AFFINE_DIM: return dims ? dims[e->position] : e;
  case SM_AFFINE_SYMBOL: return syms ? syms[e->position] : e;
  case SM_AFFINE_CONST: return e;
  default: break;
  }
  SmAffineExpr *l = sm_affine_expr_replace(ctx, e->bin.lhs, dims, syms);
  SmAffineExpr *r = sm_affine_expr_replace(ctx, e->bin.rhs, dims, syms);
  switch (e->kind) {
  case SM_AFFINE_ADD: return sm_affine_add(ctx, l, r);
  case SM_AFFINE_MUL: return sm_affine_mul(ctx, l, r);
  case SM_AFFINE_MOD: return sm_affine_mod(ctx, l, r);
  case SM_AFFINE_FLOORDIV: return sm_affine_floordiv(ctx, l, r);
  default: return sm_affine_ceildiv(ctx, l, r);
  }
}

SmAffineMap *sm_affine_map_compose(SmContext *ctx, SmAffineMap *outer, SmAffineMap *inner) {
  if (outer->num_dims != inner->num_results) return NULL;
  unsigned nsym = outer->num_symbols;
  size_t need = (size_t)nsym + outer->num_results;
  SmAffineExpr *small[32];
  SmAffineExpr **buf = need <= 32 ? small : malloc(need * sizeof *buf);
  if (!buf) abort();
  SmAffineExpr **syms = buf, **res = buf + nsym;
  /* outer's symbols come after inner's in the composed map. */
  for (unsigned i = 0; i < nsym; i++) syms[i] = sm_affine_symbol(ctx, inner->num_symbols + i);
  for (unsigned i = 0; i < outer->num_results; i++)
    res[i] = sm_affine_expr_replace(ctx, outer->results[i], inner->results, syms);
  SmAffineMap *m = sm_affine_map(ctx, inner->num_dims, inner->num_symbols + nsym,
                                 outer->num_results, res);
  if (buf != small) free(buf);
  return m;
}

int64_t sm_affine_expr_eval(const SmAffineExpr *e, const int64_t *dims, const int64_t *syms) {
  switch (e->kind) {
  case SM_AFFINE_DIM: return dims[e->position];
  case SM_AFFINE_SYMBOL: return syms[e->position];
  case SM_AFFINE_CONST: return e->value;
  default: break;
  }
  int64_t l = sm_affine_expr_eval(e->bin.lhs, dims, syms);
  int64_t r = sm_affine_expr_eval(e->bin.rhs, dims, syms);
  switch (e->kind) {
  case SM_AFFINE_ADD: return wadd(l, r);
  case SM_AFFINE_MUL: return wmul(l, r);
  /* Division by zero has no value; 0 keeps evaluation total. */
  case SM_AFFINE_MOD: return r ? sm_mod_i64(l, r) : 0;
  case SM_AFFINE_FLOORDIV: return r ? sm_floordiv_i64(l, r) : 0;
  default: return r ? sm_ceildiv_i64(l, r) : 0;
  }
}

bool sm_affine_map_is_identity(const SmAffineMap *m) {
  if (m->num_dims != m->num_results) return false;
  for (unsigned i = 0; i < m->num_results; i++) {
    const SmAffineExpr *e = m->results[i];
    if (e->kind != SM_AFFINE_DIM || e->position != i) return false;
  }
  return true;
}
