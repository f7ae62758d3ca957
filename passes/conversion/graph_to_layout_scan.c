/* convert-graph-to-layout: ops whose result depends on element positions
 * (trilu, cum_sum, arg_max/arg_min). A layout.generic body sees values, not
 * indices, so the position test comes from a small constant read through the
 * domain: a 0/1 f32 mask over (row, col) for trilu, over (i, j) for cum_sum,
 * and the positions 0..n-1 (i64) for arg_max/arg_min. */
#include "passes/conversion/graph_to_layout.h"

#include <stdint.h>
#include <stdlib.h>

/* A graph.constant of type (rank, dims, elem) holding data. */
static SmValue *constant(SmBuilder *ob, SmOp *op, unsigned rank, const int64_t *dims, SmType *elem,
                         const void *data, size_t nbytes) {
  SmContext *c = ob->ctx;
  SmType *tt = sm_type_tensor(c, rank, dims, elem, NULL);
  SmOpState cs;
  sm_op_state_init(&cs, c, sm_intern_cstr(c, "graph.constant"), op->loc);
  sm_op_state_add_prop(&cs, "value", sm_attr_dense(c, tt, false, data, nbytes));
  sm_op_state_add_result(&cs, tt);
  SmValue *v = sm_op_result(sm_builder_create(ob, &cs), 0);
  sm_op_state_release(&cs);
  return v;
}

/* An n x m f32 mask with keep(i, j, arg) as its entries. */
static SmValue *mask2(SmBuilder *ob, SmOp *op, int64_t n, int64_t m, bool (*keep)(int64_t, int64_t, int64_t),
                      int64_t arg) {
  if (n * m > (1 << 24)) return sm_op_emit_error(op, "lowering supports masks up to 2^24 elements"), NULL;
  float *tab = malloc((size_t)(n * m > 0 ? n * m : 1) * sizeof *tab);
  if (!tab) return sm_op_emit_error(op, "out of memory"), NULL;
  for (int64_t i = 0; i < n; i++)
    for (int64_t j = 0; j < m; j++) tab[i * m + j] = keep(i, j, arg) ? 1.0f : 0.0f;
  int64_t dims[2] = {n, m};
  SmValue *v = constant(ob, op, 2, dims, sm_type_f32(ob->ctx), tab, (size_t)(n * m) * sizeof *tab);
  free(tab);
  return v;
}

static SmValue *zero_value(SmBuilder *b, SmType *t) {
  return sm_type_is_float(t) ? cstf(b, t, 0.0) : csti(b, t, 0);
}

/* v where the mask entry is set, 0 elsewhere. */
static SmValue *masked(SmBuilder *b, SmValue *mask, SmValue *v) {
  return sel(b, cmpf(b, F_OGT, mask, cstf(b, mask->type, 0.0)), v, zero_value(b, v->type));
}

static bool tri_upper(int64_t i, int64_t j, int64_t k) { return j - i >= k; }
static bool tri_lower(int64_t i, int64_t j, int64_t k) { return j - i <= k; }

/* Trilu: element-wise over x with the mask read at the last two dims. */
static int lower_trilu(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmValue *x = op->operands[0].value;
  SmType *rt = op->results[0].type;
  unsigned r = rt->shaped.rank;
  if (r > MAXD) return sm_op_emit_error(op, "lowering supports rank up to %d", MAXD), -1;
  bool upper = sm_graph_prop_int(op->props, "upper", 1) != 0;
  SmValue *mask = mask2(ob, op, rt->shaped.dims[r - 2], rt->shaped.dims[r - 1], upper ? tri_upper : tri_lower,
                        sm_graph_prop_int(op->props, "k", 0));
  if (!mask) return -1;
  Gen g;
  gen_init(&g, ob, op, "trilu", r, rt->shaped.dims);
  SmContext *c = g.ctx;
  g.res = rt;
  g.res_map = map_prefix(c, r, r);
  unsigned ix = gen_input(&g, x, map_prefix(c, r, r), NULL);
  g.cst[ix] = NULL;
  SmAffineExpr *e[2] = {D(c, r - 2), D(c, r - 1)};
  unsigned im = gen_input(&g, mask, map_of(c, r, 2, e), NULL);
  g.cst[im] = NULL;
  gen_body(&g);
  outs[0] = gen_finish(&g, masked(&g.bb, BI(&g, im), BI(&g, ix)), NULL);
  return 1;
}

static bool cs_fwd(int64_t i, int64_t j, int64_t excl) { return excl ? j < i : j <= i; }
static bool cs_rev(int64_t i, int64_t j, int64_t excl) { return excl ? j > i : j >= i; }

/* CumSum: domain (x dims..., j) with j summed; x is read at j along the axis
 * and the (i, j) mask keeps the j that position i sums. */
static int lower_cum_sum(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmValue *x = op->operands[0].value;
  SmType *rt = op->results[0].type, *et = rt->shaped.elem;
  unsigned r = rt->shaped.rank, nd = r + 1;
  if (nd > MAXD) return sm_op_emit_error(op, "lowering supports rank up to %d", MAXD - 1), -1;
  int64_t a = sm_graph_prop_int(op->props, "axis", 0);
  if (a < 0) a += r;
  int64_t n = rt->shaped.dims[a];
  bool rev = sm_graph_prop_int(op->props, "reverse", 0) != 0;
  SmValue *mask = mask2(ob, op, n, n, rev ? cs_rev : cs_fwd, sm_graph_prop_int(op->props, "exclusive", 0));
  if (!mask) return -1;
  int64_t dom[MAXD];
  memcpy(dom, rt->shaped.dims, r * sizeof *dom);
  dom[r] = n;
  Gen g;
  gen_init(&g, ob, op, "cum_sum", nd, dom);
  SmContext *c = g.ctx;
  g.red[r] = true;
  g.res = rt;
  g.res_map = map_prefix(c, nd, r);
  SmAffineExpr *e[MAXD];
  for (unsigned d = 0; d < r; d++) e[d] = D(c, d);
  e[a] = D(c, r);
  unsigned ix = gen_input(&g, x, map_of(c, nd, r, e), NULL);
  g.cst[ix] = NULL;
  SmAffineExpr *me[2] = {D(c, (unsigned)a), D(c, r)};
  unsigned im = gen_input(&g, mask, map_of(c, nd, 2, me), NULL);
  g.cst[im] = NULL;
  SmValue *acc = gen_body(&g);
  bool f = sm_type_is_float(et);
  SmValue *v = bin(&g.bb, f ? "arith.addf" : "arith.addi", acc, masked(&g.bb, BI(&g, im), BI(&g, ix)));
  outs[0] = gen_finish(&g, v, NULL);
  return 1;
}

/* ArgMax / ArgMin in two generics. First the extreme value m along the axis,
 * NaN skipped (select on an ordered comparison, so NaN never wins). Then the
 * position: the minimum (first) or maximum (last, select_last_index) of
 * "x == m ? j : sentinel" over j, the positions coming from an i64 constant
 * 0..n-1; an all-NaN row leaves the sentinel, which the epilogue turns into
 * 0 (as the interpreter). */
static int lower_arg(SmBuilder *ob, SmOp *op, SmValue **outs, bool is_max) {
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *et = xt->shaped.elem, *rt = op->results[0].type;
  unsigned r = xt->shaped.rank;
  if (r > MAXD) return sm_op_emit_error(op, "lowering supports rank up to %d", MAXD), -1;
  bool f = sm_type_is_float(et), last = sm_graph_prop_int(op->props, "select_last_index", 0) != 0;
  int64_t a = sm_graph_prop_int(op->props, "axis", 0);
  if (a < 0) a += r;
  int64_t n = xt->shaped.dims[a];
  bool keep = sm_graph_prop_int(op->props, "keepdims", 1) != 0;
  SmContext *c = sm_op_context(op);
  SmAffineExpr *e[MAXD];
  unsigned nr = 0;
  for (unsigned d = 0; d < r; d++) {
    if ((int64_t)d != a) e[nr++] = D(c, d);
    else if (keep) e[nr++] = C(c, 0);
  }
  SmAffineMap *rmap = map_of(c, r, nr, e);
  /* 1: the extreme value, shaped like the result. */
  SmType *mt = sm_type_tensor(c, rt->shaped.rank, rt->shaped.dims, et, NULL);
  Gen g;
  gen_init(&g, ob, op, is_max ? "reduce_max" : "reduce_min", r, xt->shaped.dims);
  g.red[a] = true;
  g.res = mt;
  g.res_map = rmap;
  if (f) {
    g.init = sm_attr_float(c, et, is_max ? -INFINITY : INFINITY);
  } else {
    unsigned w = et->integer.width;
    int64_t lo = w >= 64 ? INT64_MIN : -((int64_t)1 << (w - 1)), hi = w >= 64 ? INT64_MAX : ((int64_t)1 << (w - 1)) - 1;
    g.init = sm_attr_integer(c, et, is_max ? lo : hi);
  }
  unsigned ix = gen_input(&g, x, map_prefix(c, r, r), NULL);
  g.cst[ix] = NULL;
  SmValue *acc = gen_body(&g), *v = BI(&g, ix), *better;
  if (f) better = cmpf(&g.bb, is_max ? F_OGT : F_OLT, v, acc);
  else better = cmpi(&g.bb, is_max ? I_SGT : I_SLT, v, acc);
  SmValue *m = gen_finish(&g, sel(&g.bb, better, v, acc), NULL);
  /* 2: the position. */
  int64_t *pos = malloc((size_t)n * sizeof *pos);
  if (!pos) return sm_op_emit_error(op, "out of memory"), -1;
  for (int64_t j = 0; j < n; j++) pos[j] = j;
  SmType *i64 = i64t(c);
  SmValue *pv = constant(ob, op, 1, &n, i64, pos, (size_t)n * sizeof *pos);
  free(pos);
  gen_init(&g, ob, op, is_max ? "arg_max" : "arg_min", r, xt->shaped.dims);
  g.red[a] = true;
  g.res = rt;
  g.res_map = rmap;
  int64_t sentinel = last ? -1 : n;
  g.init = sm_attr_integer(c, i64, sentinel);
  ix = gen_input(&g, x, map_prefix(c, r, r), NULL);
  g.cst[ix] = NULL;
  unsigned imx = gen_input(&g, m, rmap, NULL);
  g.cst[imx] = NULL;
  SmAffineExpr *pe[1] = {D(c, (unsigned)a)};
  unsigned ip = gen_input(&g, pv, map_of(c, r, 1, pe), NULL);
  g.cst[ip] = NULL;
  acc = gen_body(&g);
  SmBuilder *b = &g.bb;
  SmValue *eq = f ? cmpf(b, F_OEQ, BI(&g, ix), BI(&g, imx)) : cmpi(b, I_EQ, BI(&g, ix), BI(&g, imx));
  SmValue *cand = sel(b, eq, BI(&g, ip), csti(b, i64, sentinel));
  SmValue *bv = bin(b, last ? "arith.maxsi" : "arith.minsi", acc, cand);
  SmValue *ea = gen_epi(&g);
  SmValue *ev = sel(&g.eb, cmpi(&g.eb, I_EQ, ea, csti(&g.eb, i64, sentinel)), csti(&g.eb, i64, 0), ea);
  outs[0] = gen_finish(&g, bv, ev);
  return 1;
}

static bool before_mask(int64_t i, int64_t j, int64_t unused) { (void)unused; return j < i; }

/* One generic over (dims with the axis at size k..., i) whose body keeps the
 * operand value v (x or the positions) at the i where rank == p: a select,
 * no arithmetic, so -0, inf and NaN pass unchanged. */
static SmValue *gather_by_rank(SmBuilder *ob, SmOp *op, const char *kind, SmValue *v, SmValue *rank, SmValue *pos,
                               SmType *rt, int64_t a, int64_t n) {
  unsigned r = rt->shaped.rank, nd = r + 1;
  int64_t dom[MAXD];
  memcpy(dom, rt->shaped.dims, r * sizeof *dom);
  dom[r] = n;
  Gen g;
  gen_init(&g, ob, op, kind, nd, dom);
  SmContext *c = g.ctx;
  g.red[r] = true;
  g.res = rt;
  g.res_map = map_prefix(c, nd, r);
  g.init = zero_of(c, rt->shaped.elem);
  SmAffineExpr *e[MAXD];
  for (unsigned d = 0; d < r; d++) e[d] = D(c, d);
  e[a] = D(c, r);
  bool is_pos = v->type->shaped.rank == 1 && v == pos;
  unsigned iv = is_pos ? 0 : gen_input(&g, v, map_of(c, nd, r, e), NULL);
  unsigned ir = gen_input(&g, rank, map_of(c, nd, r, e), NULL);
  SmAffineExpr *pe[1] = {D(c, (unsigned)a)}, *ie[1] = {D(c, r)};
  unsigned ip = gen_input(&g, pos, map_of(c, nd, 1, pe), NULL);
  unsigned ii = is_pos ? gen_input(&g, pos, map_of(c, nd, 1, ie), NULL) : 0;
  for (unsigned i = 0; i < g.nin; i++) g.cst[i] = NULL;
  SmValue *acc = gen_body(&g);
  SmValue *hit = cmpi(&g.bb, I_EQ, BI(&g, ir), BI(&g, ip));
  return gen_finish(&g, sel(&g.bb, hit, BI(&g, is_pos ? ii : iv), acc), NULL);
}

/* TopK (static k, sorted): first each element's rank, the number of
 * elements ahead of it (larger, or smaller for largest = 0; equal ones by
 * lower index, through a j < i mask; NaN last), over the domain
 * (x dims..., j); then values and indices gather the element of rank p. */
static int lower_top_k(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *et = xt->shaped.elem;
  unsigned r = xt->shaped.rank, nd = r + 1;
  if (nd > MAXD) return sm_op_emit_error(op, "lowering supports rank up to %d", MAXD - 1), -1;
  int64_t a = sm_graph_prop_int(op->props, "axis", -1);
  if (a < 0) a += r;
  int64_t n = xt->shaped.dims[a];
  bool largest = sm_graph_prop_int(op->props, "largest", 1) != 0, f = sm_type_is_float(et);
  SmContext *c = ob->ctx;
  SmType *i64 = i64t(c);
  SmValue *mask = mask2(ob, op, n, n, before_mask, 0);
  if (!mask) return -1;
  int64_t *pv = malloc((size_t)(n > 0 ? n : 1) * sizeof *pv);
  if (!pv) return sm_op_emit_error(op, "out of memory"), -1;
  for (int64_t j = 0; j < n; j++) pv[j] = j;
  SmValue *pos = constant(ob, op, 1, &n, i64, pv, (size_t)n * sizeof *pv);
  free(pv);
  /* Ranks, shaped like x. */
  int64_t dom[MAXD];
  memcpy(dom, xt->shaped.dims, r * sizeof *dom);
  dom[r] = n;
  Gen g;
  gen_init(&g, ob, op, "top_k_rank", nd, dom);
  g.red[r] = true;
  g.res = sm_type_tensor(c, r, xt->shaped.dims, i64, NULL);
  g.res_map = map_prefix(c, nd, r);
  SmAffineExpr *e[MAXD];
  for (unsigned d = 0; d < r; d++) e[d] = D(c, d);
  unsigned ixi = gen_input(&g, x, map_of(c, nd, r, e), NULL);
  e[a] = D(c, r);
  unsigned ixj = gen_input(&g, x, map_of(c, nd, r, e), NULL);
  SmAffineExpr *me[2] = {D(c, (unsigned)a), D(c, r)};
  unsigned im = gen_input(&g, mask, map_of(c, nd, 2, me), NULL);
  for (unsigned i = 0; i < g.nin; i++) g.cst[i] = NULL;
  SmValue *acc = gen_body(&g);
  SmBuilder *b = &g.bb;
  SmValue *xi = BI(&g, ixi), *xj = BI(&g, ixj);
  SmValue *lt = cmpf(b, F_OGT, BI(&g, im), cstf(b, BI(&g, im)->type, 0.0));
  SmValue *ahead = f ? cmpf(b, largest ? F_OGT : F_OLT, xj, xi) : cmpi(b, largest ? I_SGT : I_SLT, xj, xi);
  SmValue *same = f ? cmpf(b, F_OEQ, xj, xi) : cmpi(b, I_EQ, xj, xi);
  SmValue *o2[2] = {same, lt};
  SmValue *tie = sop(b, "arith.andi", 2, o2, i1t(c), NULL, NULL);
  SmValue *o3[2] = {ahead, tie};
  SmValue *before = sop(b, "arith.ori", 2, o3, i1t(c), NULL, NULL);
  if (f) { /* a NaN x_i has every number and the NaNs before it ahead */
    SmValue *num_j = cmpf(b, F_OEQ, xj, xj);
    SmValue *o4[2] = {num_j, lt};
    SmValue *nan_before = sop(b, "arith.ori", 2, o4, i1t(c), NULL, NULL);
    before = sel(b, cmpf(b, F_UNO, xi, xi), nan_before, before);
  }
  SmValue *rank = gen_finish(&g, bin(b, "arith.addi", acc, sel(b, before, csti(b, i64, 1), csti(b, i64, 0))), NULL);
  outs[0] = gather_by_rank(ob, op, "top_k_values", x, rank, pos, op->results[0].type, a, n);
  if (op->num_results > 1) outs[1] = gather_by_rank(ob, op, "top_k_indices", pos, rank, pos, op->results[1].type, a, n);
  return 1;
}

int sm_g2l_lower_scan(SmBuilder *ob, SmOp *op, SmValue **outs) {
  const char *n = op->name + 6;
  if (!strcmp(n, "trilu")) return lower_trilu(ob, op, outs);
  if (!strcmp(n, "cum_sum")) return lower_cum_sum(ob, op, outs);
  if (!strcmp(n, "arg_max")) return lower_arg(ob, op, outs, true);
  if (!strcmp(n, "arg_min")) return lower_arg(ob, op, outs, false);
  if (!strcmp(n, "top_k")) return lower_top_k(ob, op, outs);
  return 0;
}
