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

/* ---- Range-aware simplification ---------------------------------------------------- */

/* Overflow-checked helpers: a bound that overflows is unknown. */
static bool bmul(int64_t a, int64_t b, int64_t *r) { return !__builtin_mul_overflow(a, b, r); }
static bool badd(int64_t a, int64_t b, int64_t *r) { return !__builtin_add_overflow(a, b, r); }

bool sm_affine_expr_bounds(const SmAffineExpr *e, unsigned n, const int64_t *ext, int64_t *lo,
                           int64_t *hi) {
  int64_t l1 = 0, h1 = 0, l2 = 0, h2 = 0; /* set before use; zeroed for gcc -O3 -Wmaybe-uninitialized */
  switch (e->kind) {
  case SM_AFFINE_DIM:
    if (e->position >= n || ext[e->position] <= 0) return false;
    *lo = 0, *hi = ext[e->position] - 1;
    return true;
  case SM_AFFINE_SYMBOL: return false;
  case SM_AFFINE_CONST: *lo = *hi = e->value; return true;
  default: break;
  }
  bool kl = sm_affine_expr_bounds(e->bin.lhs, n, ext, &l1, &h1);
  bool kr = sm_affine_expr_bounds(e->bin.rhs, n, ext, &l2, &h2);
  if (e->kind == SM_AFFINE_ADD) return kl && kr && badd(l1, l2, lo) && badd(h1, h2, hi);
  if (e->kind == SM_AFFINE_MUL) {
    if (!kl || !kr) return false;
    int64_t p[4];
    if (!bmul(l1, l2, &p[0]) || !bmul(l1, h2, &p[1]) || !bmul(h1, l2, &p[2]) || !bmul(h1, h2, &p[3])) return false;
    *lo = *hi = p[0];
    for (int i = 1; i < 4; i++) *lo = p[i] < *lo ? p[i] : *lo, *hi = p[i] > *hi ? p[i] : *hi;
    return true;
  }
  if (!is_const(e->bin.rhs) || e->bin.rhs->value <= 0) return false;
  int64_t c = e->bin.rhs->value;
  switch (e->kind) {
  case SM_AFFINE_MOD:
    if (kl && sm_floordiv_i64(l1, c) == sm_floordiv_i64(h1, c)) *lo = sm_mod_i64(l1, c), *hi = sm_mod_i64(h1, c);
    else *lo = 0, *hi = c - 1;
    return true;
  case SM_AFFINE_FLOORDIV:
    if (!kl) return false;
    *lo = sm_floordiv_i64(l1, c), *hi = sm_floordiv_i64(h1, c);
    return true;
  default:
    if (!kl) return false;
    *lo = sm_ceildiv_i64(l1, c), *hi = sm_ceildiv_i64(h1, c);
    return true;
  }
}

/* A sum flattened into sum(coef_i * base_i) + cst. */
#define MAXTERMS 64
typedef struct Terms {
  unsigned n;
  int64_t coef[MAXTERMS];
  SmAffineExpr *base[MAXTERMS];
  int64_t cst;
} Terms;

static bool flatten(SmAffineExpr *e, int64_t k, Terms *t) {
  switch (e->kind) {
  case SM_AFFINE_ADD: return flatten(e->bin.lhs, k, t) && flatten(e->bin.rhs, k, t);
  case SM_AFFINE_CONST: {
    int64_t v;
    return bmul(e->value, k, &v) && badd(t->cst, v, &t->cst);
  }
  case SM_AFFINE_MUL:
    if (is_const(e->bin.rhs)) {
      int64_t k2;
      return bmul(k, e->bin.rhs->value, &k2) && flatten(e->bin.lhs, k2, t);
    }
    break;
  default: break;
  }
  if (t->n == MAXTERMS) return false;
  t->coef[t->n] = k;
  t->base[t->n++] = e;
  return true;
}

/* sum over the terms selected by `pick` (coefficients divided by div), plus cst. */
static SmAffineExpr *rebuild(SmContext *ctx, const Terms *t, const bool *pick, int64_t div, int64_t cst) {
  SmAffineExpr *acc = sm_affine_const(ctx, 0);
  for (unsigned i = 0; i < t->n; i++)
    if (pick[i]) acc = sm_affine_add(ctx, acc, sm_affine_mul(ctx, t->base[i], sm_affine_const(ctx, t->coef[i] / div)));
  return sm_affine_add(ctx, acc, sm_affine_const(ctx, cst));
}

typedef struct RangeCtx {
  SmContext *ctx;
  unsigned n;
  const int64_t *ext;
} RangeCtx;

/* Bounds of the terms not picked (plus rem); false when unbounded. */
static bool rest_bounds(const RangeCtx *rc, const Terms *t, const bool *pick, int64_t rem, int64_t *lo, int64_t *hi) {
  *lo = *hi = rem;
  for (unsigned i = 0; i < t->n; i++) {
    if (pick[i]) continue;
    int64_t l, h, a, b;
    if (!sm_affine_expr_bounds(t->base[i], rc->n, rc->ext, &l, &h) || !bmul(l, t->coef[i], &a) ||
        !bmul(h, t->coef[i], &b))
      return false;
    if (a > b) { int64_t x = a; a = b; b = x; }
    if (!badd(*lo, a, lo) || !badd(*hi, b, hi)) return false;
  }
  return true;
}

/* Splits e = g*s + r with 0 <= r < g for the largest g | c (1 < g) that works
 * (g = c included when allow_c); *s gets s (coefficients divided by g), *r
 * the remainder expression. False when no such g. */
static bool split_by_divisor(const RangeCtx *rc, SmAffineExpr *e, int64_t c, bool allow_c, int64_t *g_out,
                             SmAffineExpr **s, SmAffineExpr **r) {
  Terms t;
  memset(&t, 0, sizeof t);
  if (!flatten(e, 1, &t)) return false;
  int64_t best = 0;
  bool pick[MAXTERMS], bpick[MAXTERMS];
  for (unsigned cand = 0; cand <= t.n; cand++) {
    int64_t g = cand == t.n ? c : (t.coef[cand] < 0 ? -t.coef[cand] : t.coef[cand]);
    if (g <= 1 || g <= best || c % g != 0 || (g == c && !allow_c)) continue;
    for (unsigned i = 0; i < t.n; i++) pick[i] = t.coef[i] % g == 0;
    int64_t rem = sm_mod_i64(t.cst, g), lo, hi;
    if (!rest_bounds(rc, &t, pick, rem, &lo, &hi) || lo < 0 || hi >= g) continue;
    best = g;
    memcpy(bpick, pick, sizeof pick);
  }
  if (!best) return false;
  int64_t rem = sm_mod_i64(t.cst, best);
  *g_out = best;
  *s = rebuild(rc->ctx, &t, bpick, best, (t.cst - rem) / best);
  bool npick[MAXTERMS];
  for (unsigned i = 0; i < t.n; i++) npick[i] = !bpick[i];
  *r = rebuild(rc->ctx, &t, npick, 1, rem);
  return true;
}

static SmAffineExpr *simp_mod(const RangeCtx *rc, SmAffineExpr *a, int64_t c);

static SmAffineExpr *simp_floordiv(const RangeCtx *rc, SmAffineExpr *a, int64_t c) {
  SmContext *ctx = rc->ctx;
  if (c == 1) return a;
  int64_t lo, hi, g;
  if (sm_affine_expr_bounds(a, rc->n, rc->ext, &lo, &hi) && sm_floordiv_i64(lo, c) == sm_floordiv_i64(hi, c))
    return sm_affine_const(ctx, sm_floordiv_i64(lo, c));
  SmAffineExpr *s, *r;
  if (split_by_divisor(rc, a, c, true, &g, &s, &r)) return simp_floordiv(rc, s, c / g);
  return sm_affine_floordiv(ctx, a, sm_affine_const(ctx, c));
}

static SmAffineExpr *simp_mod(const RangeCtx *rc, SmAffineExpr *a, int64_t c) {
  SmContext *ctx = rc->ctx;
  if (c == 1) return sm_affine_const(ctx, 0);
  /* Drop the terms that are multiples of c. */
  Terms t;
  memset(&t, 0, sizeof t);
  if (flatten(a, 1, &t)) {
    bool pick[MAXTERMS], changed = sm_mod_i64(t.cst, c) != t.cst;
    for (unsigned i = 0; i < t.n; i++) pick[i] = t.coef[i] % c != 0, changed |= !pick[i];
    if (changed) a = rebuild(ctx, &t, pick, 1, sm_mod_i64(t.cst, c));
  }
  int64_t lo, hi, g, q;
  if (sm_affine_expr_bounds(a, rc->n, rc->ext, &lo, &hi) && sm_floordiv_i64(lo, c) == sm_floordiv_i64(hi, c))
    return sm_affine_add(ctx, a, sm_affine_const(ctx, -c * sm_floordiv_i64(lo, c)));
  /* (x floordiv k) mod c -> (x mod (k*c)) floordiv k: one canonical form. */
  if (a->kind == SM_AFFINE_FLOORDIV && is_const(a->bin.rhs) && a->bin.rhs->value > 0 &&
      bmul(a->bin.rhs->value, c, &q))
    return simp_floordiv(rc, simp_mod(rc, a->bin.lhs, q), a->bin.rhs->value);
  SmAffineExpr *s, *r;
  if (split_by_divisor(rc, a, c, false, &g, &s, &r))
    return sm_affine_add(ctx, sm_affine_mul(ctx, simp_mod(rc, s, c / g), sm_affine_const(ctx, g)), r);
  return sm_affine_mod(ctx, a, sm_affine_const(ctx, c));
}

static SmAffineExpr *simp(const RangeCtx *rc, SmAffineExpr *e) {
  SmContext *ctx = rc->ctx;
  switch (e->kind) {
  case SM_AFFINE_DIM:
  case SM_AFFINE_SYMBOL:
  case SM_AFFINE_CONST: return e;
  default: break;
  }
  SmAffineExpr *l = simp(rc, e->bin.lhs), *r = simp(rc, e->bin.rhs);
  switch (e->kind) {
  case SM_AFFINE_ADD: return sm_affine_add(ctx, l, r);
  case SM_AFFINE_MUL: return sm_affine_mul(ctx, l, r);
  case SM_AFFINE_CEILDIV: return sm_affine_ceildiv(ctx, l, r);
  case SM_AFFINE_FLOORDIV:
    return is_const(r) && r->value > 0 ? simp_floordiv(rc, l, r->value) : sm_affine_floordiv(ctx, l, r);
  default: return is_const(r) && r->value > 0 ? simp_mod(rc, l, r->value) : sm_affine_mod(ctx, l, r);
  }
}

SmAffineExpr *sm_affine_expr_simplify_ranges(SmContext *ctx, SmAffineExpr *e, unsigned num_extents,
                                             const int64_t *extents) {
  RangeCtx rc = {ctx, num_extents, extents};
  return simp(&rc, e);
}

SmAffineMap *sm_affine_map_simplify_ranges(SmContext *ctx, SmAffineMap *m, const int64_t *extents) {
  SmAffineExpr *small[16] = {NULL};
  SmAffineExpr **r = m->num_results <= 16 ? small : malloc(m->num_results * sizeof *r);
  if (!r) abort();
  for (unsigned i = 0; i < m->num_results; i++)
    r[i] = sm_affine_expr_simplify_ranges(ctx, m->results[i], m->num_dims, extents);
  SmAffineMap *out = sm_affine_map(ctx, m->num_dims, m->num_symbols, m->num_results, r);
  if (r != small) free(r);
  return out;
}

SmAffineMap *sm_affine_map_reshape(SmContext *ctx, unsigned r, const int64_t *od, unsigned ri,
                                   const int64_t *id) {
  SmAffineExpr *lin = sm_affine_const(ctx, 0);
  int64_t s = 1;
  for (unsigned d = r; d-- > 0;) {
    if (od[d] != 1) lin = sm_affine_add(ctx, sm_affine_mul(ctx, sm_affine_dim(ctx, d), sm_affine_const(ctx, s)), lin);
    s *= od[d];
  }
  SmAffineExpr *small[16] = {NULL};
  SmAffineExpr **e = ri <= 16 ? small : malloc(ri * sizeof *e);
  if (!e) abort();
  s = 1;
  for (unsigned j = ri; j-- > 0;) {
    int64_t n = id[j];
    e[j] = n == 1 ? sm_affine_const(ctx, 0)
                  : sm_affine_mod(ctx, sm_affine_floordiv(ctx, lin, sm_affine_const(ctx, s)), sm_affine_const(ctx, n));
    s *= n;
  }
  /* The outermost non-unit dim needs no mod. */
  for (unsigned j = 0; j < ri; j++)
    if (id[j] != 1) {
      int64_t inner = 1;
      for (unsigned k = j + 1; k < ri; k++) inner *= id[k];
      e[j] = sm_affine_floordiv(ctx, lin, sm_affine_const(ctx, inner));
      break;
    }
  SmAffineMap *m = sm_affine_map(ctx, r, 0, ri, e);
  if (e != small) free(e);
  return m;
}

SmAffineMap *sm_affine_map_invert_reindex(SmContext *ctx, SmAffineMap *m, const int64_t *ext,
                                          const int64_t *in_dims) {
  unsigned nd = m->num_dims, nr = m->num_results;
  if (m->num_symbols || nd > 64 || nr > 64) return NULL;
  /* A permutation of dims. */
  bool perm = nd == nr;
  SmAffineExpr *inv[64];
  bool seen[64] = {false};
  for (unsigned k = 0; perm && k < nr; k++) {
    const SmAffineExpr *e = m->results[k];
    if (e->kind != SM_AFFINE_DIM || seen[e->position] || ext[e->position] != in_dims[k]) perm = false;
    else seen[e->position] = true, inv[e->position] = sm_affine_dim(ctx, k);
  }
  if (perm) return sm_affine_map(ctx, nr, 0, nd, inv);
  int64_t a = 1, b = 1;
  for (unsigned d = 0; d < nd; d++) a *= ext[d];
  for (unsigned k = 0; k < nr; k++) b *= in_dims[k];
  if (a != b || sm_affine_map_reshape(ctx, nd, ext, nr, in_dims) != m) return NULL;
  return sm_affine_map_reshape(ctx, nr, in_dims, nd, ext);
}

bool sm_affine_expr_uses_dim(const SmAffineExpr *e, unsigned d) {
  if (e->kind == SM_AFFINE_DIM) return e->position == d;
  if (e->kind == SM_AFFINE_CONST || e->kind == SM_AFFINE_SYMBOL) return false;
  return sm_affine_expr_uses_dim(e->bin.lhs, d) || sm_affine_expr_uses_dim(e->bin.rhs, d);
}

/* How many times e, a sum of dims, holds d when its other dims all have
 * extent 1; -1 when e is anything else. */
static int plain_count(const SmAffineExpr *e, unsigned d, const int64_t *ext) {
  if (e->kind == SM_AFFINE_DIM) return e->position == d ? 1 : ext[e->position] == 1 ? 0 : -1;
  if (e->kind != SM_AFFINE_ADD) return -1;
  int a = plain_count(e->bin.lhs, d, ext), b = plain_count(e->bin.rhs, d, ext);
  return a < 0 || b < 0 ? -1 : a + b;
}

bool sm_affine_expr_is_plain_dim(const SmAffineExpr *e, unsigned d, const int64_t *extents) {
  return plain_count(e, d, extents) == 1;
}

bool sm_affine_expr_unit_in_dim(const SmAffineExpr *e, unsigned d) {
  if (e->kind == SM_AFFINE_DIM) return e->position == d;
  if (e->kind != SM_AFFINE_ADD) return false;
  bool l = sm_affine_expr_uses_dim(e->bin.lhs, d), r = sm_affine_expr_uses_dim(e->bin.rhs, d);
  if (l == r) return false;
  return sm_affine_expr_unit_in_dim(l ? e->bin.lhs : e->bin.rhs, d);
}
