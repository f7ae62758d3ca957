/* Affine expressions and maps: canonical forms, simplification rules checked
 * against brute-force evaluation, composition (DESIGN §6 example). */
#include <criterion/criterion.h>
#include <string.h>

#include "ir/ir.h"

static SmContext *actx;

static void asetup(void) { actx = sm_context_create(); }
static void ateardown(void) { sm_context_destroy(actx); }

TestSuite(affine, .init = asetup, .fini = ateardown);

static SmAffineExpr *D(unsigned i) { return sm_affine_dim(actx, i); }
static SmAffineExpr *S(unsigned i) { return sm_affine_symbol(actx, i); }
static SmAffineExpr *C(int64_t v) { return sm_affine_const(actx, v); }
static SmAffineExpr *add(SmAffineExpr *a, SmAffineExpr *b) { return sm_affine_add(actx, a, b); }
static SmAffineExpr *mul(SmAffineExpr *a, SmAffineExpr *b) { return sm_affine_mul(actx, a, b); }
static SmAffineExpr *fdiv(SmAffineExpr *a, SmAffineExpr *b) { return sm_affine_floordiv(actx, a, b); }
static SmAffineExpr *cdiv(SmAffineExpr *a, SmAffineExpr *b) { return sm_affine_ceildiv(actx, a, b); }
static SmAffineExpr *mod(SmAffineExpr *a, SmAffineExpr *b) { return sm_affine_mod(actx, a, b); }

static int64_t ref_floordiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}

Test(affine, basic_folds) {
  cr_assert_eq(D(0), D(0));
  cr_assert_neq(D(0), S(0));
  cr_assert_eq(add(C(2), C(3)), C(5));
  cr_assert_eq(mul(C(4), C(-3)), C(-12));
  cr_assert_eq(add(D(0), C(0)), D(0));
  cr_assert_eq(add(C(0), D(0)), D(0));
  cr_assert_eq(mul(D(0), C(1)), D(0));
  cr_assert_eq(mul(C(0), D(0)), C(0));
  SmAffineExpr *e = add(C(3), D(1));
  cr_assert_eq(e->kind, SM_AFFINE_ADD);
  cr_assert_eq(e->bin.lhs, D(1), "constant moved right");
  cr_assert_eq(e->bin.rhs, C(3));
  cr_assert_eq(mul(C(4), D(0)), mul(D(0), C(4)));
  cr_assert_eq(add(add(D(0), C(2)), C(5)), add(D(0), C(7)));
  cr_assert_eq(add(add(D(0), C(2)), C(-2)), D(0));
  cr_assert_eq(mul(mul(D(0), C(2)), C(3)), mul(D(0), C(6)));
  cr_assert_eq(fdiv(mul(D(0), C(8)), C(8)), D(0));
  cr_assert_eq(fdiv(mul(D(0), C(8)), C(4)), mul(D(0), C(2)));
  cr_assert_eq(mod(mul(D(0), C(8)), C(8)), C(0));
  cr_assert_eq(mod(mul(D(0), C(8)), C(4)), C(0));
  cr_assert_eq(mod(mod(D(0), C(32)), C(4)), mod(D(0), C(4)));
  cr_assert_neq(mod(mod(D(0), C(6)), C(4)), mod(D(0), C(4)), "4 does not divide 6");
  cr_assert_eq(fdiv(fdiv(D(0), C(4)), C(8)), fdiv(D(0), C(32)));
  cr_assert_eq(fdiv(D(0), C(1)), D(0));
  cr_assert_eq(mod(D(0), C(1)), C(0));
  cr_assert_eq(cdiv(D(0), C(1)), D(0));
  /* Floor semantics for negative constants. */
  cr_assert_eq(fdiv(C(-7), C(2)), C(-4));
  cr_assert_eq(mod(C(-7), C(2)), C(1));
  cr_assert_eq(cdiv(C(-7), C(2)), C(-3));
  cr_assert_eq(cdiv(C(7), C(2)), C(4));
  /* Division by zero / negative constants stays as written. */
  SmAffineExpr *z = fdiv(C(7), C(0));
  cr_assert_eq(z->kind, SM_AFFINE_FLOORDIV);
  cr_assert_eq(mod(D(0), C(0))->kind, SM_AFFINE_MOD);
  cr_assert_eq(fdiv(mul(D(0), C(4)), C(-4))->kind, SM_AFFINE_FLOORDIV);
  cr_assert_eq(sm_affine_expr_eval(z, NULL, NULL), 0);
  /* Split of sums with multiples. */
  cr_assert_eq(fdiv(add(mul(D(0), C(8)), D(1)), C(4)), add(mul(D(0), C(2)), fdiv(D(1), C(4))));
  cr_assert_eq(mod(add(mul(D(0), C(8)), D(1)), C(4)), mod(D(1), C(4)));
  /* Subtraction and term merging. */
  cr_assert_eq(sm_affine_sub(actx, D(0), D(0)), C(0));
  cr_assert_eq(add(D(0), D(0)), mul(D(0), C(2)));
  cr_assert_eq(add(mul(D(1), C(3)), mul(D(1), C(4))), mul(D(1), C(7)));
  cr_assert_eq(add(INT64_MAX == 0 ? D(0) : C(INT64_MAX), C(1)), C(INT64_MIN), "wraps, no UB");
}

/* ---- Brute force: random recipes evaluated directly vs. built and evaluated ---- */

typedef struct Recipe {
  int kind; /* SmAffineKind */
  int64_t value;
  unsigned pos;
  int lhs, rhs; /* indices into the recipe pool */
} Recipe;

static Recipe pool[4096];
static int npool;
static uint64_t rng = 88172645463325252ull;

static uint64_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static int gen(int depth) {
  int i = npool++;
  Recipe *r = &pool[i];
  memset(r, 0, sizeof *r);
  unsigned choice = (unsigned)(next_rand() % (depth <= 0 ? 3 : 8));
  if (choice == 0) {
    r->kind = SM_AFFINE_DIM;
    r->pos = (unsigned)(next_rand() % 2);
  } else if (choice == 1) {
    r->kind = SM_AFFINE_SYMBOL;
    r->pos = 0;
  } else if (choice == 2) {
    r->kind = SM_AFFINE_CONST;
    r->value = (int64_t)(next_rand() % 13) - 4;
  } else {
    r->kind = SM_AFFINE_ADD + (int)(choice - 3); /* ADD, MUL, MOD, FLOORDIV, CEILDIV */
    int l = gen(depth - 1);
    int rr;
    if (r->kind == SM_AFFINE_ADD) {
      rr = gen(depth - 1);
    } else {
      /* Mostly constant right-hand sides (affine), sometimes anything. */
      rr = npool++;
      memset(&pool[rr], 0, sizeof pool[rr]);
      pool[rr].kind = SM_AFFINE_CONST;
      static const int64_t divs[] = {1, 2, 3, 4, 6, 8, 12, 16, -2, 0};
      pool[rr].value = r->kind == SM_AFFINE_MUL ? (int64_t)(next_rand() % 9) - 3
                                                : divs[next_rand() % 10];
    }
    pool[i].lhs = l;
    pool[i].rhs = rr;
  }
  return i;
}

static int64_t ref_eval(int i, const int64_t *d, const int64_t *s) {
  Recipe *r = &pool[i];
  switch (r->kind) {
  case SM_AFFINE_DIM: return d[r->pos];
  case SM_AFFINE_SYMBOL: return s[r->pos];
  case SM_AFFINE_CONST: return r->value;
  default: break;
  }
  int64_t a = ref_eval(r->lhs, d, s), b = ref_eval(r->rhs, d, s);
  switch (r->kind) {
  case SM_AFFINE_ADD: return a + b;
  case SM_AFFINE_MUL: return a * b;
  case SM_AFFINE_MOD: return b ? a - ref_floordiv(a, b) * b : 0;
  case SM_AFFINE_FLOORDIV: return b ? ref_floordiv(a, b) : 0;
  default: return b ? -ref_floordiv(-a, b) : 0;
  }
}

static SmAffineExpr *build(int i) {
  Recipe *r = &pool[i];
  switch (r->kind) {
  case SM_AFFINE_DIM: return D(r->pos);
  case SM_AFFINE_SYMBOL: return S(r->pos);
  case SM_AFFINE_CONST: return C(r->value);
  default: break;
  }
  SmAffineExpr *a = build(r->lhs), *b = build(r->rhs);
  switch (r->kind) {
  case SM_AFFINE_ADD: return add(a, b);
  case SM_AFFINE_MUL: return mul(a, b);
  case SM_AFFINE_MOD: return mod(a, b);
  case SM_AFFINE_FLOORDIV: return fdiv(a, b);
  default: return cdiv(a, b);
  }
}

/* Rebuilding every node from its own parts must give the node back. */
static void check_fixed_point(SmAffineExpr *e) {
  if (e->kind < SM_AFFINE_ADD) return;
  check_fixed_point(e->bin.lhs);
  check_fixed_point(e->bin.rhs);
  SmAffineExpr *again;
  switch (e->kind) {
  case SM_AFFINE_ADD: again = add(e->bin.lhs, e->bin.rhs); break;
  case SM_AFFINE_MUL: again = mul(e->bin.lhs, e->bin.rhs); break;
  case SM_AFFINE_MOD: again = mod(e->bin.lhs, e->bin.rhs); break;
  case SM_AFFINE_FLOORDIV: again = fdiv(e->bin.lhs, e->bin.rhs); break;
  default: again = cdiv(e->bin.lhs, e->bin.rhs); break;
  }
  cr_assert_eq(again, e, "canonical form is not a fixed point (kind %d)", e->kind);
}

Test(affine, brute_force_simplification_is_exact) {
  for (int iter = 0; iter < 400; iter++) {
    npool = 0;
    int root = gen(4);
    SmAffineExpr *e = build(root);
    check_fixed_point(e);
    cr_assert_eq(build(root), e, "building twice gives the same pointer");
    SmAffineExpr *rep = sm_affine_expr_replace(actx, e, NULL, NULL);
    cr_assert_eq(rep, e);
    for (int64_t d0 = -9; d0 <= 9; d0++)
      for (int64_t d1 = -5; d1 <= 5; d1 += 2)
        for (int64_t s0 = -3; s0 <= 3; s0 += 3) {
          int64_t d[] = {d0, d1}, s[] = {s0};
          int64_t want = ref_eval(root, d, s), got = sm_affine_expr_eval(e, d, s);
          cr_assert_eq(got, want, "iter %d at (%lld,%lld,%lld): %lld != %lld", iter,
                       (long long)d0, (long long)d1, (long long)s0, (long long)got,
                       (long long)want);
        }
  }
}

Test(affine, mod_mod_and_div_div_rules_exhaustive) {
  static const int64_t as[] = {2, 4, 6, 8, 12, 16, 32};
  static const int64_t bs[] = {2, 3, 4, 8};
  for (unsigned i = 0; i < 7; i++)
    for (unsigned j = 0; j < 4; j++) {
      int64_t a = as[i], b = bs[j];
      SmAffineExpr *mm = mod(mod(D(0), C(a)), C(b));
      SmAffineExpr *dd = fdiv(fdiv(D(0), C(a)), C(b));
      if (a % b == 0) cr_assert_eq(mm, mod(D(0), C(b)));
      cr_assert_eq(dd, fdiv(D(0), C(a * b)));
      for (int64_t x = -100; x <= 100; x++) {
        int64_t d[] = {x};
        int64_t ma = x - ref_floordiv(x, a) * a;
        cr_assert_eq(sm_affine_expr_eval(mm, d, NULL), ma - ref_floordiv(ma, b) * b);
        cr_assert_eq(sm_affine_expr_eval(dd, d, NULL), ref_floordiv(ref_floordiv(x, a), b));
      }
    }
}

/* ---- Maps ---------------------------------------------------------------------------- */

Test(affine, maps_unique_identity_replace) {
  SmAffineExpr *r[] = {D(1), D(0)};
  SmAffineMap *m = sm_affine_map(actx, 2, 0, 2, r);
  SmAffineExpr *r2[] = {D(1), D(0)};
  cr_assert_eq(m, sm_affine_map(actx, 2, 0, 2, r2));
  cr_assert_neq(m, sm_affine_map(actx, 2, 1, 2, r2));
  cr_assert_neq(m->results, (SmAffineExpr *const *)r, "results copied");
  cr_assert(!sm_affine_map_is_identity(m));
  SmAffineMap *id = sm_affine_map_identity(actx, 3);
  cr_assert(sm_affine_map_is_identity(id));
  cr_assert_eq(id, sm_affine_map_identity(actx, 3));
  cr_assert_eq(sm_affine_map(actx, 0, 0, 0, NULL), sm_affine_map(actx, 0, 0, 0, NULL));
  /* replace: d0 -> d1 * 4, d1 -> 3 */
  SmAffineExpr *dims[] = {mul(D(1), C(4)), C(3)};
  SmAffineExpr *e = add(mod(D(0), C(4)), D(1));
  cr_assert_eq(sm_affine_expr_replace(actx, e, dims, NULL), C(3));
  SmAffineExpr *syms[] = {D(2)};
  cr_assert_eq(sm_affine_expr_replace(actx, add(S(0), D(0)), NULL, syms), add(D(2), D(0)));
  /* Transpose twice is the identity. */
  cr_assert(sm_affine_map_is_identity(sm_affine_map_compose(actx, m, m)));
  SmAffineMap *bad = sm_affine_map(actx, 3, 0, 1, r);
  cr_assert_null(sm_affine_map_compose(actx, bad, m));
}

Test(affine, compose_concatenates_symbols) {
  /* inner: (d0)[s0] -> (d0 + s0, d0 * 2); outer: (d0, d1)[s0] -> (d0 + d1 + s0) */
  SmAffineExpr *ir[] = {add(D(0), S(0)), mul(D(0), C(2))};
  SmAffineMap *inner = sm_affine_map(actx, 1, 1, 2, ir);
  SmAffineExpr *orr[] = {add(add(D(0), D(1)), S(0))};
  SmAffineMap *outer = sm_affine_map(actx, 2, 1, 1, orr);
  SmAffineMap *c = sm_affine_map_compose(actx, outer, inner);
  cr_assert_eq(c->num_dims, 1);
  cr_assert_eq(c->num_symbols, 2);
  cr_assert_eq(c->num_results, 1);
  for (int64_t x = -5; x <= 5; x++) {
    int64_t d[] = {x}, s[] = {7, 100};
    cr_assert_eq(sm_affine_expr_eval(c->results[0], d, s), x + 7 + 2 * x + 100);
  }
}

/* DESIGN §6: reshape [2,256,4] -> [16,8,4,4], then transpose (0,2,1,3). */
Test(affine, design_reshape_transpose_example) {
  /* Reshape as a map from input indices (i, j, k) to output indices. */
  SmAffineExpr *lin = add(add(mul(D(0), C(1024)), mul(D(1), C(4))), D(2));
  SmAffineExpr *rs[] = {fdiv(lin, C(128)), fdiv(mod(lin, C(128)), C(16)),
                        fdiv(mod(lin, C(16)), C(4)), mod(lin, C(4))};
  SmAffineMap *reshape = sm_affine_map(actx, 3, 0, 4, rs);
  SmAffineExpr *tr[] = {D(0), D(2), D(1), D(3)};
  SmAffineMap *transpose = sm_affine_map(actx, 4, 0, 4, tr);
  SmAffineMap *m = sm_affine_map_compose(actx, transpose, reshape);
  cr_assert_eq(m->num_dims, 3);
  cr_assert_eq(m->num_results, 4);
  /* Simplification already happened: the last result is k mod 4 with no i/j terms. */
  cr_assert_eq(m->results[3], mod(D(2), C(4)));
  /* The closed form in DESIGN §6: (8i + j floordiv 32, j mod 4, (j mod 32) floordiv 4, k). */
  SmAffineExpr *want[] = {add(mul(D(0), C(8)), fdiv(D(1), C(32))), mod(D(1), C(4)),
                          fdiv(mod(D(1), C(32)), C(4)), D(2)};
  for (int64_t i = 0; i < 2; i++)
    for (int64_t j = 0; j < 256; j++)
      for (int64_t k = 0; k < 4; k++) {
        int64_t d[] = {i, j, k};
        int64_t l = i * 1024 + j * 4 + k;
        int64_t out[4] = {l / 128, (l % 128) / 16, (l % 16) / 4, l % 4};
        int64_t expect[4] = {out[0], out[2], out[1], out[3]};
        for (int r = 0; r < 4; r++) {
          cr_assert_eq(sm_affine_expr_eval(m->results[r], d, NULL), expect[r]);
          cr_assert_eq(sm_affine_expr_eval(want[r], d, NULL), expect[r]);
        }
      }
}

/* ---- range-aware simplification ---- */

static SmAffineExpr *rs(SmAffineExpr *e, const int64_t *ext, unsigned n) {
  return sm_affine_expr_simplify_ranges(actx, e, n, ext);
}

Test(affine, range_rules) {
  int64_t ext[3] = {2, 256, 4};
  SmAffineExpr *i = D(0), *j = D(1), *k = D(2);
  cr_assert_eq(rs(fdiv(k, C(4)), ext, 3), C(0), "k floordiv 4 = 0 when k < 4");
  cr_assert_eq(rs(mod(k, C(4)), ext, 3), k, "k mod 4 = k when k < 4");
  cr_assert_eq(rs(fdiv(add(mul(j, C(4)), k), C(4)), ext, 3), j, "(4j + k) floordiv 4 = j");
  cr_assert_eq(rs(mod(add(mul(j, C(4)), k), C(4)), ext, 3), k, "(4j + k) mod 4 = k");
  cr_assert_eq(rs(fdiv(add(mul(j, C(4)), k), C(128)), ext, 3), fdiv(j, C(32)));
  cr_assert_eq(rs(mod(fdiv(j, C(4)), C(8)), ext, 3), fdiv(mod(j, C(32)), C(4)), "canonical mod-then-floordiv");
  cr_assert_eq(rs(mod(add(mul(j, C(4)), k), C(16)), ext, 3), add(mul(mod(j, C(4)), C(4)), k));
  cr_assert_eq(rs(mod(mod(j, C(32)), C(4)), ext, 3), mod(j, C(4)));
  cr_assert_eq(rs(fdiv(fdiv(j, C(4)), C(8)), ext, 3), fdiv(j, C(32)));
  cr_assert_eq(rs(fdiv(i, C(2)), ext, 3), C(0));
  cr_assert_eq(rs(add(j, fdiv(i, C(196))), ext, 3), j, "a provably-zero term is dropped");
  /* Unknown extents (0) change nothing beyond the constructors. */
  int64_t unk[3] = {0, 0, 0};
  cr_assert_eq(rs(fdiv(k, C(4)), unk, 3), fdiv(k, C(4)));
  cr_assert_eq(rs(mod(k, C(4)), unk, 3), mod(k, C(4)));
  int64_t lo, hi;
  cr_assert(sm_affine_expr_bounds(add(mul(j, C(4)), k), 3, ext, &lo, &hi));
  cr_assert_eq(lo, 0);
  cr_assert_eq(hi, 1023);
  cr_assert_not(sm_affine_expr_bounds(k, 3, unk, &lo, &hi));
}

/* The DESIGN §6 example: reshape [2,256,4] -> [16,8,4,4], transpose
 * (0,2,1,3); element (i,j,k) lands at (8i + j floordiv 32, j mod 4,
 * (j mod 32) floordiv 4, k). */
Test(affine, paper_reshape_transpose_forward_map) {
  int64_t x[3] = {2, 256, 4}, y[4] = {16, 8, 4, 4};
  SmAffineMap *fwd = sm_affine_map_reshape(actx, 3, x, 4, y); /* x index -> y index */
  SmAffineExpr *pe[4] = {D(0), D(2), D(1), D(3)};
  SmAffineMap *tp = sm_affine_map(actx, 4, 0, 4, pe); /* y index -> z index */
  SmAffineMap *m = sm_affine_map_simplify_ranges(actx, sm_affine_map_compose(actx, tp, fwd), x);
  SmAffineExpr *want[4] = {add(mul(D(0), C(8)), fdiv(D(1), C(32))), mod(D(1), C(4)),
                           fdiv(mod(D(1), C(32)), C(4)), D(2)};
  cr_assert_eq(m, sm_affine_map(actx, 3, 0, 4, want));
  /* The reshape map (y -> x) is recognised and inverted. */
  SmAffineMap *back = sm_affine_map_reshape(actx, 4, y, 3, x);
  cr_assert_eq(sm_affine_map_invert_reindex(actx, back, y, x), fwd);
  cr_assert_eq(sm_affine_map_invert_reindex(actx, tp, y, (int64_t[]){16, 4, 8, 4}), tp);
  SmAffineExpr *sl[1] = {add(D(0), C(1))};
  cr_assert_null(sm_affine_map_invert_reindex(actx, sm_affine_map(actx, 1, 0, 1, sl), (int64_t[]){3}, (int64_t[]){4}));
}

/* Random expressions: the simplified form agrees with the original at every
 * point of the box. */
Test(affine, range_simplify_brute_force) {
  uint64_t seed = 12345;
  int64_t ext[3] = {3, 12, 8};
  for (int it = 0; it < 400; it++) {
    SmAffineExpr *e = NULL;
    for (int t = 0; t < 4; t++) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      unsigned r = (unsigned)(seed >> 33);
      static const int64_t cs[] = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 96};
      SmAffineExpr *leaf = mul(D(r % 3), C(cs[(r >> 2) % 11]));
      int64_t c = cs[(r >> 6) % 11];
      if (!e) e = add(leaf, C((int64_t)((r >> 10) % 5)));
      else switch ((r >> 14) % 3) {
        case 0: e = add(e, leaf); break;
        case 1: e = fdiv(e, C(c)); break;
        default: e = mod(e, C(c)); break;
        }
    }
    SmAffineExpr *s = rs(e, ext, 3);
    for (int64_t a = 0; a < ext[0]; a++)
      for (int64_t b = 0; b < ext[1]; b++)
        for (int64_t c = 0; c < ext[2]; c++) {
          int64_t p[3] = {a, b, c};
          cr_assert_eq(sm_affine_expr_eval(s, p, NULL), sm_affine_expr_eval(e, p, NULL), "iteration %d", it);
        }
  }
}
