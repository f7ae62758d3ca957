/* convert-graph-to-layout: every graph op (but graph.constant, which stays as
 * the weight it is) becomes one or more layout.generic ops. This is the
 * baseline lowering: tensors stay row-major buffers (no encodings), Fixed
 * ops (reshape, transpose, slice, concat, gather...) become copies whose
 * input indexing map is the re-indexing, and an element-wise op is fused
 * into its producer when it is that producer's only user and the iteration
 * spaces line up (option fuse, default on). SmartMem's passes later remove
 * the copies by folding their maps into neighbours.
 *
 * Body conventions (see dialects/layout/layout.h): body args are the inputs'
 * elements then the accumulator; epilogue args the accumulator then the
 * inputs' elements. Single-element constant inputs are inlined into the
 * regions as arith.constant instead of becoming operands. */
#include "ir/checked.h"
#include "passes/conversion/graph_to_layout.h"
#include "passes/smartmem/smartmem.h"

/* ---- element-wise -------------------------------------------------------------- */

static bool is_f(SmValue *v) { return sm_type_is_float(v->type); }

/* Scalar body of element-wise op `name` on values x[]. NULL: unsupported. */
static SmValue *ew_body(SmBuilder *b, SmOp *op, const char *n, SmValue **x, SmType *rt) {
  const SmAttr *p = op->props;
  SmValue *a = x[0];
  bool f = is_f(a);
  if (!strcmp(n, "add")) return bin(b, f ? "arith.addf" : "arith.addi", a, x[1]);
  if (!strcmp(n, "sub")) return bin(b, f ? "arith.subf" : "arith.subi", a, x[1]);
  if (!strcmp(n, "mul")) return bin(b, f ? "arith.mulf" : "arith.muli", a, x[1]);
  if (!strcmp(n, "div")) return bin(b, f ? "arith.divf" : "arith.divsi", a, x[1]);
  if (!strcmp(n, "pow") && f && x[1]->type == a->type) return bin(b, "math.powf", a, x[1]);
  if (!strcmp(n, "min")) return bin(b, f ? "arith.minimumf" : "arith.minsi", a, x[1]);
  if (!strcmp(n, "max")) return bin(b, f ? "arith.maximumf" : "arith.maxsi", a, x[1]);
  if (!strcmp(n, "identity") || !strcmp(n, "expand")) return a;
  if (!strcmp(n, "relu"))
    return f ? bin(b, "arith.maximumf", a, cstf(b, a->type, 0)) : bin(b, "arith.maxsi", a, csti(b, a->type, 0));
  if (!strcmp(n, "clip") && f) {
    double lo = sm_graph_prop_float(p, "min", -INFINITY), hi = sm_graph_prop_float(p, "max", INFINITY);
    SmValue *v = a;
    if (lo != -INFINITY) v = bin(b, "arith.maximumf", v, cstf(b, a->type, lo));
    if (hi != INFINITY) v = bin(b, "arith.minimumf", v, cstf(b, a->type, hi));
    return v;
  }
  if (!strcmp(n, "clip") && !f && a->type->integer.width > 1) {
    double lo = sm_graph_prop_float(p, "min", -INFINITY), hi = sm_graph_prop_float(p, "max", INFINITY);
    SmValue *v = a;
    /* Bounds beyond int64 saturate (a plain conversion would be undefined
     * behaviour for them, found by fuzz_smc); NaN bounds are no bound. */
    if (lo != -INFINITY && !isnan(lo)) v = bin(b, "arith.maxsi", v, csti(b, a->type, sm_sat_f64_to_i64(lo)));
    if (hi != INFINITY && !isnan(hi)) v = bin(b, "arith.minsi", v, csti(b, a->type, sm_sat_f64_to_i64(hi)));
    return v;
  }
  if (!strcmp(n, "abs") && !f && a->type->integer.width > 1)
    return sel(b, cmpi(b, I_SLT, a, csti(b, a->type, 0)), bin(b, "arith.subi", csti(b, a->type, 0), a), a);
  if (!f && strcmp(n, "not") && strcmp(n, "neg") && strcmp(n, "cast") && strcmp(n, "equal") &&
      strcmp(n, "and") && strcmp(n, "or") && strcmp(n, "xor") && strcmp(n, "less") && strcmp(n, "greater") &&
      strcmp(n, "less_or_equal") && strcmp(n, "greater_or_equal") && strcmp(n, "where"))
    return NULL;
  static const char *const unary[][2] = {{"erf", "math.erf"}, {"exp", "math.exp"}, {"log", "math.log"},
                                         {"sqrt", "math.sqrt"}, {"tanh", "math.tanh"}, {"sin", "math.sin"},
                                         {"cos", "math.cos"}, {"floor", "math.floor"}, {"ceil", "math.ceil"},
                                         {"abs", "math.absf"}};
  for (size_t i = 0; i < sizeof unary / sizeof unary[0]; i++)
    if (!strcmp(n, unary[i][0])) return un(b, unary[i][1], a);
  if (!strcmp(n, "round")) return sm_g2l_round_even(b, a);
  if (!strcmp(n, "neg")) return f ? un(b, "arith.negf", a) : bin(b, "arith.subi", csti(b, a->type, 0), a);
  if (!strcmp(n, "reciprocal")) return bin(b, "arith.divf", cstf(b, a->type, 1), a);
  if (!strcmp(n, "sigmoid"))
    return bin(b, "arith.divf", cstf(b, a->type, 1),
               bin(b, "arith.addf", cstf(b, a->type, 1), un(b, "math.exp", un(b, "arith.negf", a))));
  if (!strcmp(n, "leaky_relu")) {
    double al = sm_graph_prop_float(p, "alpha", 0.01);
    return sel(b, cmpf(b, F_OLT, a, cstf(b, a->type, 0)), bin(b, "arith.mulf", a, cstf(b, a->type, al)), a);
  }
  if (!strcmp(n, "hard_sigmoid") || !strcmp(n, "hard_swish")) {
    bool sw = !strcmp(n, "hard_swish");
    double al = sw ? 1.0 / 6 : sm_graph_prop_float(p, "alpha", 0.2), be = sw ? 0.5 : sm_graph_prop_float(p, "beta", 0.5);
    SmValue *v = bin(b, "arith.addf", bin(b, "arith.mulf", a, cstf(b, a->type, al)), cstf(b, a->type, be));
    v = bin(b, "arith.minimumf", bin(b, "arith.maximumf", v, cstf(b, a->type, 0)), cstf(b, a->type, 1));
    return sw ? bin(b, "arith.mulf", a, v) : v;
  }
  if (!strcmp(n, "gelu")) {
    const char *ap = sm_graph_prop_str(p, "approximate", "none");
    SmValue *h = bin(b, "arith.mulf", a, cstf(b, a->type, 0.5));
    if (!strcmp(ap, "tanh")) {
      SmValue *x3 = bin(b, "arith.mulf", bin(b, "arith.mulf", a, a), a);
      SmValue *in = bin(b, "arith.mulf", cstf(b, a->type, 0.7978845608028654),
                        bin(b, "arith.addf", a, bin(b, "arith.mulf", x3, cstf(b, a->type, 0.044715))));
      return bin(b, "arith.mulf", h, bin(b, "arith.addf", cstf(b, a->type, 1), un(b, "math.tanh", in)));
    }
    SmValue *e = un(b, "math.erf", bin(b, "arith.mulf", a, cstf(b, a->type, 0.7071067811865476)));
    return bin(b, "arith.mulf", h, bin(b, "arith.addf", cstf(b, a->type, 1), e));
  }
  if (!strcmp(n, "is_nan")) return cmpf(b, F_UNO, a, a);
  if (!strcmp(n, "not")) return bin(b, "arith.xori", a, csti(b, a->type, 1));
  if (!strcmp(n, "and")) return bin(b, "arith.andi", a, x[1]);
  if (!strcmp(n, "or")) return bin(b, "arith.ori", a, x[1]);
  if (!strcmp(n, "xor")) return bin(b, "arith.xori", a, x[1]);
  if (!strcmp(n, "where")) return sel(b, x[0], x[1], x[2]);
  static const char *const cmps[] = {"equal", "less", "greater", "less_or_equal", "greater_or_equal"};
  static const int fp[] = {F_OEQ, F_OLT, F_OGT, F_OLE, F_OGE}, ip[] = {I_EQ, I_SLT, I_SGT, I_SLE, I_SGE};
  for (int i = 0; i < 5; i++)
    if (!strcmp(n, cmps[i])) return f ? cmpf(b, fp[i], a, x[1]) : cmpi(b, ip[i], a, x[1]);
  if (!strcmp(n, "cast")) {
    SmType *from = a->type, *narrow = sm_graph_cast_rounds_to(p);
    if (from == rt && !narrow) return a;
    /* arith takes signless integers only. */
    if ((sm_type_is_integer(from) && !sm_type_is_signless_int(from, from->integer.width)) ||
        (sm_type_is_integer(rt) && !sm_type_is_signless_int(rt, rt->integer.width)))
      return NULL;
    bool ff = sm_type_is_float(from), tf = sm_type_is_float(rt);
    if (narrow) { /* to f32 first (as onnxruntime), then rounded to f16/bf16 and held in f32 again */
      SmValue *v = a;
      if (!ff) v = cvt(b, from->integer.width == 1 ? "arith.uitofp" : "arith.sitofp", a, rt);
      else if (from != rt) v = cvt(b, sm_type_bitwidth(rt) > sm_type_bitwidth(from) ? "arith.extf" : "arith.truncf", a, rt);
      return cvt(b, "arith.extf", cvt(b, "arith.truncf", v, narrow), rt);
    }
    if (ff && tf) return cvt(b, sm_type_bitwidth(rt) > sm_type_bitwidth(from) ? "arith.extf" : "arith.truncf", a, rt);
    if (!ff && tf) return cvt(b, from->integer.width == 1 ? "arith.uitofp" : "arith.sitofp", a, rt);
    if (rt->integer.width == 1) return ff ? cmpf(b, F_UNE, a, cstf(b, from, 0)) : cmpi(b, I_NE, a, csti(b, from, 0));
    if (ff) return cvt(b, "arith.fptosi", a, rt);
    if (rt->integer.width > from->integer.width) return cvt(b, from->integer.width == 1 ? "arith.extui" : "arith.extsi", a, rt);
    return cvt(b, "arith.trunci", a, rt);
  }
  return NULL;
}

static bool lower_elementwise(SmBuilder *ob, SmOp *op, SmValue **out) {
  SmType *rt = op->results[0].type;
  unsigned r = rt->shaped.rank;
  Gen g;
  gen_init(&g, ob, op, op->name + 6, r, rt->shaped.dims);
  g.res = rt;
  g.res_map = map_prefix(g.ctx, r, r);
  for (unsigned i = 0; i < op->num_operands; i++) {
    SmType *t = op->operands[i].value->type;
    gen_input(&g, op->operands[i].value, map_broadcast(g.ctx, r, r, rt->shaped.dims, t->shaped.rank, t->shaped.dims), NULL);
  }
  gen_body(&g);
  SmValue *x[MAXIN];
  for (unsigned i = 0; i < g.nin; i++) x[i] = BI(&g, i);
  SmValue *v = ew_body(&g.bb, op, op->name + 6, x, rt->shaped.elem);
  if (!v || v->type != rt->shaped.elem) {
    sm_block_destroy(g.body);
    return sm_op_emit_error(op, "has no lowering to the layout dialect for these operand types");
  }
  *out = gen_finish(&g, v, NULL);
  return true;
}

/* ---- contractions ---------------------------------------------------------------- */

static SmValue *mac(Gen *g, SmValue *acc, unsigned a, unsigned b) {
  return bin(&g->bb, "arith.addf", acc, bin(&g->bb, "arith.mulf", BI(g, a), BI(g, b)));
}

static bool lower_matmul(SmBuilder *ob, SmOp *op, SmValue **out) {
  SmType *at = op->operands[0].value->type, *bt = op->operands[1].value->type, *rt = op->results[0].type;
  unsigned ra = at->shaped.rank, rb = bt->shaped.rank, r = rt->shaped.rank;
  if (ra < 2 || rb < 2 || !sm_type_is_float(rt->shaped.elem)) return sm_op_emit_error(op, "lowering needs float operands of rank >= 2");
  int64_t dom[MAXD];
  memcpy(dom, rt->shaped.dims, r * sizeof(int64_t));
  int64_t K = at->shaped.dims[ra - 1];
  dom[r] = K;
  Gen g;
  gen_init(&g, ob, op, "matmul", r + 1, dom);
  g.red[r] = true;
  g.res = rt;
  g.res_map = map_prefix(g.ctx, r + 1, r);
  SmContext *c = g.ctx;
  SmAffineExpr *e[MAXD];
  /* batch dims: broadcast like element-wise over out's batch dims */
  SmAffineMap *ab = map_broadcast(c, r + 1, r - 2, rt->shaped.dims, ra - 2, at->shaped.dims);
  for (unsigned j = 0; j < ra - 2; j++) e[j] = ab->results[j];
  e[ra - 2] = D(c, r - 2);
  e[ra - 1] = D(c, r);
  unsigned ia = gen_input(&g, op->operands[0].value, map_of(c, r + 1, ra, e), NULL);
  SmAffineMap *bb = map_broadcast(c, r + 1, r - 2, rt->shaped.dims, rb - 2, bt->shaped.dims);
  for (unsigned j = 0; j < rb - 2; j++) e[j] = bb->results[j];
  e[rb - 2] = D(c, r);
  e[rb - 1] = D(c, r - 1);
  unsigned ib = gen_input(&g, op->operands[1].value, map_of(c, r + 1, rb, e), NULL);
  SmValue *acc = gen_body(&g);
  *out = gen_finish(&g, mac(&g, acc, ia, ib), NULL);
  return true;
}

static bool lower_gemm(SmBuilder *ob, SmOp *op, SmValue **out) {
  SmType *rt = op->results[0].type;
  int64_t ta = sm_graph_prop_int(op->props, "transA", 0), tb = sm_graph_prop_int(op->props, "transB", 0);
  double alpha = sm_graph_prop_float(op->props, "alpha", 1.0), beta = sm_graph_prop_float(op->props, "beta", 1.0);
  SmType *at = op->operands[0].value->type;
  int64_t dom[3] = {rt->shaped.dims[0], rt->shaped.dims[1], at->shaped.dims[ta ? 0 : 1]};
  Gen g;
  gen_init(&g, ob, op, "gemm", 3, dom);
  SmContext *c = g.ctx;
  g.red[2] = true;
  g.res = rt;
  g.res_map = map_prefix(c, 3, 2);
  SmAffineExpr *e[2];
  e[0] = ta ? D(c, 2) : D(c, 0), e[1] = ta ? D(c, 0) : D(c, 2);
  unsigned ia = gen_input(&g, op->operands[0].value, map_of(c, 3, 2, e), NULL);
  e[0] = tb ? D(c, 1) : D(c, 2), e[1] = tb ? D(c, 2) : D(c, 1);
  unsigned ib = gen_input(&g, op->operands[1].value, map_of(c, 3, 2, e), NULL);
  int ic = -1;
  if (op->num_operands > 2) {
    SmType *ct = op->operands[2].value->type;
    ic = (int)gen_input(&g, op->operands[2].value, map_broadcast(c, 3, 2, rt->shaped.dims, ct->shaped.rank, ct->shaped.dims), NULL);
  }
  SmValue *acc = gen_body(&g);
  SmValue *bv = mac(&g, acc, ia, ib);
  SmValue *ev = NULL;
  if (alpha != 1.0 || ic >= 0) {
    SmValue *ea = gen_epi(&g);
    SmType *ft = rt->shaped.elem;
    ev = alpha != 1.0 ? bin(&g.eb, "arith.mulf", ea, cstf(&g.eb, ft, alpha)) : ea;
    if (ic >= 0) {
      SmValue *cv = EI(&g, (unsigned)ic);
      if (beta != 1.0) cv = bin(&g.eb, "arith.mulf", cv, cstf(&g.eb, ft, beta));
      ev = bin(&g.eb, "arith.addf", ev, cv);
    }
  }
  *out = gen_finish(&g, bv, ev);
  return true;
}

/* Reduction of x over dims [from, rank) (keep them as size 1, or drop when
 * keep is false) or over a dims mask; op: "sum" | "max" | "mean". */
static SmValue *reduce_generic(SmBuilder *ob, SmOp *op, SmValue *x, const bool *mask, const char *how,
                               const char *kind, SmValue *sub, bool square) {
  SmType *xt = x->type;
  unsigned r = xt->shaped.rank;
  Gen g;
  gen_init(&g, ob, op, kind, r, xt->shaped.dims);
  SmContext *c = g.ctx;
  SmType *ft = xt->shaped.elem;
  int64_t rd[MAXD] = {0}, cnt = 1;
  SmAffineExpr *e[MAXD];
  for (unsigned d = 0; d < r; d++) {
    g.red[d] = mask[d];
    rd[d] = mask[d] ? 1 : xt->shaped.dims[d];
    e[d] = mask[d] ? C(c, 0) : D(c, d);
    if (mask[d]) cnt *= xt->shaped.dims[d];
  }
  g.res = sm_type_tensor(c, r, rd, ft, NULL);
  g.res_map = map_of(c, r, r, e);
  bool mx = !strcmp(how, "max");
  g.init = sm_attr_float(c, ft, mx ? -INFINITY : 0.0);
  unsigned ix = gen_input(&g, x, map_prefix(c, r, r), NULL);
  int is = sub ? (int)gen_input(&g, sub, g.res_map, NULL) : -1;
  SmValue *acc = gen_body(&g);
  SmValue *v = BI(&g, ix);
  if (is >= 0) v = bin(&g.bb, "arith.subf", v, BI(&g, (unsigned)is));
  if (square) v = bin(&g.bb, "arith.mulf", v, v);
  if (!strcmp(how, "sumexp")) v = un(&g.bb, "math.exp", v);
  SmValue *bv = bin(&g.bb, mx ? "arith.maximumf" : "arith.addf", acc, v);
  SmValue *ev = NULL;
  if (!strcmp(how, "mean")) {
    SmValue *ea = gen_epi(&g);
    ev = bin(&g.eb, "arith.divf", ea, cstf(&g.eb, ft, (double)cnt));
  }
  return gen_finish(&g, bv, ev);
}

static bool lower_softmax(SmBuilder *ob, SmOp *op, SmValue **out) {
  SmValue *x = op->operands[0].value;
  unsigned r = x->type->shaped.rank;
  int64_t ax = sm_graph_prop_int(op->props, "axis", -1);
  if (ax < 0) ax += r;
  bool mask[MAXD] = {0};
  mask[ax] = true;
  SmValue *m = reduce_generic(ob, op, x, mask, "max", "softmax_max", NULL, false);
  SmValue *s = reduce_generic(ob, op, x, mask, "sumexp", "softmax_sum", m, false);
  Gen g;
  SmType *rt = op->results[0].type;
  gen_init(&g, ob, op, "softmax_div", r, rt->shaped.dims);
  g.res = rt;
  g.res_map = map_prefix(g.ctx, r, r);
  SmAffineMap *red = sm_value_defining_op(m) ? sm_layout_generic_map(sm_value_defining_op(m), 1) : NULL;
  unsigned ix = gen_input(&g, x, g.res_map, NULL), im = gen_input(&g, m, red, NULL), is = gen_input(&g, s, red, NULL);
  gen_body(&g);
  SmValue *v = un(&g.bb, "math.exp", bin(&g.bb, "arith.subf", BI(&g, ix), BI(&g, im)));
  *out = gen_finish(&g, bin(&g.bb, "arith.divf", v, BI(&g, is)), NULL);
  return true;
}

static bool lower_layer_norm(SmBuilder *ob, SmOp *op, SmValue **out) {
  SmValue *x = op->operands[0].value;
  unsigned r = x->type->shaped.rank;
  int64_t ax = sm_graph_prop_int(op->props, "axis", -1);
  if (ax < 0) ax += r;
  double eps = sm_graph_prop_float(op->props, "epsilon", 1e-5);
  bool mask[MAXD] = {0};
  for (unsigned d = (unsigned)ax; d < r; d++) mask[d] = true;
  SmValue *mean = reduce_generic(ob, op, x, mask, "mean", "layer_norm_mean", NULL, false);
  SmValue *var = reduce_generic(ob, op, x, mask, "mean", "layer_norm_var", mean, true);
  SmAffineMap *red = sm_layout_generic_map(sm_value_defining_op(mean), 1);
  SmType *rt = op->results[0].type;
  Gen g;
  gen_init(&g, ob, op, "layer_norm", r, rt->shaped.dims);
  SmContext *c = g.ctx;
  g.res = rt;
  g.res_map = map_prefix(c, r, r);
  SmType *ft = rt->shaped.elem;
  unsigned ix = gen_input(&g, x, g.res_map, NULL), im = gen_input(&g, mean, red, NULL), iv = gen_input(&g, var, red, NULL);
  int isc = -1, ib = -1;
  for (unsigned k = 1; k < op->num_operands; k++) {
    SmType *t = op->operands[k].value->type;
    int i = (int)gen_input(&g, op->operands[k].value, map_broadcast(c, r, r, rt->shaped.dims, t->shaped.rank, t->shaped.dims), NULL);
    if (k == 1) isc = i;
    else ib = i;
  }
  gen_body(&g);
  SmBuilder *b = &g.bb;
  SmValue *den = un(b, "math.sqrt", bin(b, "arith.addf", BI(&g, iv), cstf(b, ft, eps)));
  SmValue *v = bin(b, "arith.divf", bin(b, "arith.subf", BI(&g, ix), BI(&g, im)), den);
  if (isc >= 0) v = bin(b, "arith.mulf", v, BI(&g, (unsigned)isc));
  if (ib >= 0) v = bin(b, "arith.addf", v, BI(&g, (unsigned)ib));
  *out = gen_finish(&g, v, NULL);
  return true;
}

/* Diagnosed error as lower_fixed's -1. */
static int fail(bool diagnosed) {
  (void)diagnosed;
  return -1;
}

/* 1: lowered, 0: not a data-movement op, -1: error (diagnosed). */
static int lower_fixed(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmContext *c = sm_op_context(op);
  const char *n = op->name + 6;
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *rt = op->results[0].type;
  unsigned r = rt->shaped.rank, ri = xt->shaped.rank;
  SmAffineExpr *e[MAXD];
  if (!strcmp(n, "reshape") || !strcmp(n, "flatten") || !strcmp(n, "squeeze") || !strcmp(n, "unsqueeze")) {
    outs[0] = copy_generic(ob, op, n, x, rt, reshape_map(c, rt, xt), NULL);
    return 1;
  }
  if (!strcmp(n, "transpose")) {
    int64_t perm[MAXD];
    if (sm_graph_prop_ints(op->props, "perm", perm, MAXD) != (int)r)
      for (unsigned k = 0; k < r; k++) perm[k] = r - 1 - k;
    for (unsigned k = 0; k < r; k++) e[perm[k]] = D(c, k);
    outs[0] = copy_generic(ob, op, n, x, rt, map_of(c, r, ri, e), NULL);
    return 1;
  }
  if (!strcmp(n, "slice")) {
    int64_t starts[MAXD], steps[MAXD], sizes[MAXD];
    if (!sm_graph_slice_bounds(op->props, ri, xt->shaped.dims, starts, steps, sizes))
      return fail(sm_op_emit_error(op, "has malformed slice bounds"));
    for (unsigned k = 0; k < r; k++) e[k] = sm_affine_add(c, sm_affine_mul(c, D(c, k), C(c, steps[k])), C(c, starts[k]));
    outs[0] = copy_generic(ob, op, n, x, rt, map_of(c, r, ri, e), NULL);
    return 1;
  }
  if (!strcmp(n, "pad")) {
    if (strcmp(sm_graph_prop_str(op->props, "mode", "constant"), "constant"))
      return fail(sm_op_emit_error(op, "lowering supports constant padding only"));
    int64_t pads[2 * MAXD] = {0};
    sm_graph_prop_ints(op->props, "pads", pads, 2 * MAXD);
    bool any = false;
    for (unsigned k = 0; k < r; k++) {
      e[k] = sm_affine_add(c, D(c, k), C(c, -pads[k]));
      any |= pads[k] != 0 || pads[k + r] != 0;
    }
    SmType *ft = rt->shaped.elem;
    double v = sm_graph_prop_float(op->props, "value", 0.0);
    SmAttr *pad = any ? (sm_type_is_float(ft) ? sm_attr_float(c, ft, v) : sm_attr_integer(c, ft, (int64_t)v)) : NULL;
    outs[0] = copy_generic(ob, op, n, x, rt, map_of(c, r, ri, e), pad);
    return 1;
  }
  if (!strcmp(n, "split")) {
    int64_t ax = sm_graph_prop_int(op->props, "axis", 0);
    if (ax < 0) ax += ri;
    int64_t off = 0;
    for (unsigned o = 0; o < op->num_results; o++) {
      SmType *ot = op->results[o].type;
      for (unsigned k = 0; k < ri; k++) e[k] = k == ax ? sm_affine_add(c, D(c, k), C(c, off)) : D(c, k);
      outs[o] = copy_generic(ob, op, n, x, ot, map_of(c, ri, ri, e), NULL);
      off += ot->shaped.dims[ax];
    }
    return 1;
  }
  if (!strcmp(n, "concat")) {
    int64_t ax = sm_graph_prop_int(op->props, "axis", 0);
    if (ax < 0) ax += r;
    Gen g;
    gen_init(&g, ob, op, n, r, rt->shaped.dims);
    g.res = rt;
    g.res_map = map_prefix(c, r, r);
    int64_t off = 0;
    SmAttr *z = zero_of(c, rt->shaped.elem);
    for (unsigned i = 0; i < op->num_operands; i++) {
      SmType *t = op->operands[i].value->type;
      for (unsigned k = 0; k < r; k++) e[k] = k == ax ? sm_affine_add(c, D(c, k), C(c, -off)) : D(c, k);
      gen_input(&g, op->operands[i].value, map_of(c, r, r, e), op->num_operands > 1 ? z : NULL);
      off += t->shaped.dims[ax];
    }
    gen_body(&g);
    /* Exactly one input is in bounds at each point; the others read 0. */
    bool f = sm_type_is_float(rt->shaped.elem);
    SmValue *v = BI(&g, 0);
    for (unsigned i = 1; i < g.nin; i++) v = bin(&g.bb, f ? "arith.addf" : "arith.addi", v, BI(&g, i));
    outs[0] = gen_finish(&g, v, NULL);
    return 1;
  }
  if (!strcmp(n, "gather")) {
    SmValue *ind = op->operands[1].value;
    SmType *it = ind->type;
    int64_t ax = sm_graph_prop_int(op->props, "axis", 0);
    if (ax < 0) ax += ri;
    unsigned rk = it->shaped.rank;
    SmAttr *ci = scalar_constant(c, ind);
    if (ci && rk == 0) {
      int64_t idx = ci->integer.value < 0 ? ci->integer.value + xt->shaped.dims[ax] : ci->integer.value;
      for (unsigned k = 0; k < ri; k++) e[k] = k < ax ? D(c, k) : k == ax ? C(c, idx) : D(c, k - 1);
      outs[0] = copy_generic(ob, op, n, x, rt, map_of(c, r, ri, e), NULL);
      return 1;
    }
    Gen g;
    gen_init(&g, ob, op, n, r, rt->shaped.dims);
    g.res = rt;
    g.res_map = map_prefix(c, r, r);
    unsigned idata = gen_input(&g, x, NULL, NULL);
    for (unsigned k = 0; k < rk; k++) e[k] = D(c, (unsigned)ax + k);
    unsigned iind = gen_input(&g, ind, map_of(c, r, rk, e), NULL);
    gen_body(&g);
    SmBuilder *b = &g.bb;
    SmType *idx = sm_type_index(c);
    SmValue *iv = gather_index(b, c, BI(&g, iind), xt->shaped.dims[ax]);
    SmValue *coords[MAXD];
    for (unsigned k = 0; k < ri; k++) {
      if (k == ax) {
        coords[k] = iv;
        continue;
      }
      unsigned dd = k < ax ? k : k - 1 + rk;
      coords[k] = sop(b, "layout.index", 0, NULL, idx, "dim", sm_attr_integer(c, i64t(c), dd));
    }
    SmValue *v = sop(b, "layout.extract", ri, coords, xt->shaped.elem, "operand", sm_attr_integer(c, i64t(c), idata));
    outs[0] = gen_finish(&g, v, NULL);
    return 1;
  }
  if (!strcmp(n, "resize")) {
    const char *mode = sm_graph_prop_str(op->props, "mode", "nearest");
    const char *ctm = sm_graph_prop_str(op->props, "coordinate_transformation_mode", "half_pixel");
    if (strcmp(mode, "linear") || (strcmp(ctm, "half_pixel") && strcmp(ctm, "asymmetric") && strcmp(ctm, "pytorch_half_pixel")))
      return fail(sm_op_emit_error(op, "lowering supports linear resize with half_pixel, pytorch_half_pixel or asymmetric coordinates only"));
    double scales[MAXD];
    if (sm_graph_prop_floats(op->props, "scales", scales, MAXD) != (int)r)
      for (unsigned d = 0; d < r; d++) scales[d] = (double)rt->shaped.dims[d] / (double)xt->shaped.dims[d];
    /* Checked before the generic is begun: an error after gen_init would
     * leave its half-built body behind (found by fuzz_smc as a leak). */
    unsigned resized = 0;
    for (unsigned d = 0; d < r; d++) resized += !(xt->shaped.dims[d] == rt->shaped.dims[d] && scales[d] == 1.0);
    if (resized > 3) return fail(sm_op_emit_error(op, "lowering supports at most 3 resized dims"));
    Gen g;
    gen_init(&g, ob, op, n, r, rt->shaped.dims);
    g.res = rt;
    g.res_map = map_prefix(c, r, r);
    unsigned idata = gen_input(&g, x, NULL, NULL);
    gen_body(&g);
    SmBuilder *b = &g.bb;
    SmType *idx = sm_type_index(c), *ft = rt->shaped.elem;
    SmValue *lo[MAXD], *hi[MAXD], *fr[MAXD];
    unsigned lin[MAXD], nlin = 0;
    for (unsigned d = 0; d < r; d++) {
      SmValue *o = sop(b, "layout.index", 0, NULL, idx, "dim", sm_attr_integer(c, i64t(c), d));
      lo[d] = hi[d] = o;
      if (xt->shaped.dims[d] == rt->shaped.dims[d] && scales[d] == 1.0) continue;
      lin[nlin++] = d;
      SmValue *of = cvt(b, "arith.sitofp", cvt(b, "arith.index_cast", o, i64t(c)), ft);
      SmValue *cc;
      if (!strcmp(ctm, "asymmetric")) cc = bin(b, "arith.divf", of, cstf(b, ft, scales[d]));
      else cc = bin(b, "arith.subf", bin(b, "arith.divf", bin(b, "arith.addf", of, cstf(b, ft, 0.5)), cstf(b, ft, scales[d])), cstf(b, ft, 0.5));
      if (!strcmp(ctm, "pytorch_half_pixel") && rt->shaped.dims[d] == 1) cc = cstf(b, ft, 0);
      cc = bin(b, "arith.minimumf", bin(b, "arith.maximumf", cc, cstf(b, ft, 0)), cstf(b, ft, (double)(xt->shaped.dims[d] - 1)));
      SmValue *fl = un(b, "math.floor", cc);
      fr[d] = bin(b, "arith.subf", cc, fl);
      SmValue *li = cvt(b, "arith.fptosi", fl, i64t(c));
      SmValue *hv = bin(b, "arith.minsi", bin(b, "arith.addi", li, csti(b, i64t(c), 1)), csti(b, i64t(c), xt->shaped.dims[d] - 1));
      lo[d] = cvt(b, "arith.index_cast", li, idx);
      hi[d] = cvt(b, "arith.index_cast", hv, idx);
    }
    SmValue *acc = NULL;
    for (unsigned mask = 0; mask < (1u << nlin); mask++) {
      SmValue *co[MAXD];
      for (unsigned d = 0; d < r; d++) co[d] = lo[d];
      SmValue *w = cstf(b, ft, 1);
      for (unsigned j = 0; j < nlin; j++) {
        unsigned d = lin[j];
        if (mask & (1u << j)) co[d] = hi[d], w = bin(b, "arith.mulf", w, fr[d]);
        else w = bin(b, "arith.mulf", w, bin(b, "arith.subf", cstf(b, ft, 1), fr[d]));
      }
      SmValue *v = sop(b, "layout.extract", r, co, ft, "operand", sm_attr_integer(c, i64t(c), idata));
      v = bin(b, "arith.mulf", w, v);
      acc = acc ? bin(b, "arith.addf", acc, v) : v;
    }
    outs[0] = gen_finish(&g, acc, NULL);
    return 1;
  }
  return 0;
}

/* ---- driver ---------------------------------------------------------------------- */

/* An op that computes on unsigned integers (ONNX uint8 data): arith takes
 * signless integers only, so it has no lowering (a located error, not a body
 * that fails to verify). Ops that only move elements lower as copies. */
static bool computes_on_unsigned(SmOp *op) {
  static const char *const moves[] = {"identity", "expand", "where", "reshape", "transpose", "slice", "concat",
                                      "gather", "gather_elements", "squeeze", "unsqueeze", "flatten", "tile",
                                      "split", "depth_to_space", "space_to_depth", "pad", "resize", "scatter_nd"};
  bool unsigned_seen = false;
  for (unsigned i = 0; i < op->num_operands + op->num_results; i++) {
    SmType *t = (i < op->num_operands ? op->operands[i].value : &op->results[i - op->num_operands])->type->shaped.elem;
    if (sm_type_is_integer(t) && !sm_type_is_signless_int(t, t->integer.width)) unsigned_seen = true;
  }
  for (size_t i = 0; unsigned_seen && i < sizeof moves / sizeof moves[0]; i++)
    if (!strcmp(op->name + 6, moves[i])) return false;
  return unsigned_seen;
}

static bool lower_op(SmOp *op) {
  SmBuilder b;
  sm_builder_init(&b, sm_op_context(op));
  sm_builder_set_before(&b, op);
  const char *n = op->name + 6;
  SmValue *outs[64] = {0};
  bool ok;
  if (op->num_results > 64) return sm_op_emit_error(op, "has too many results to lower");
  for (unsigned i = 0; i < op->num_operands; i++)
    if (op->operands[i].value->type->kind != SM_TYPE_TENSOR || op->operands[i].value->type->shaped.rank > MAXD)
      return sm_op_emit_error(op, "lowering needs ranked tensor operands of rank <= %d", MAXD);
  if (op->num_operands > MAXIN) return sm_op_emit_error(op, "has too many operands to lower");
  for (unsigned i = 0; i < op->num_results; i++)
    if (sm_type_num_elements(op->results[i].type) == 0)
      return sm_op_emit_error(op, "lowering does not support empty tensors (result #%u has no elements)", i);
  if (computes_on_unsigned(op)) return sm_op_emit_error(op, "has no lowering to the layout dialect for these operand types");
  /* An empty activation (a zero-length reduction, a concat part) would give a
   * generic with an empty domain, which no later stage takes; empty
   * constants (a Resize roi) are attributes to the lowering, not data. */
  for (unsigned i = 0; i < op->num_operands; i++) {
    SmOp *d = sm_value_defining_op(op->operands[i].value);
    if (sm_type_num_elements(op->operands[i].value->type) == 0 && !(d && sm_op_name_is(d, "graph.constant")))
      return sm_op_emit_error(op, "lowering does not support empty tensors (operand #%u has no elements)", i);
  }
  /* Lowerings kept in graph_to_layout_*.c first: 1 lowered, -1 diagnosed. */
  int more = sm_g2l_lower_reduce(&b, op, outs);
  if (!more) more = sm_g2l_lower_nn(&b, op, outs);
  if (!more) more = sm_g2l_lower_shape(&b, op, outs);
  if (more) ok = more > 0;
  else if (!strcmp(n, "matmul")) ok = lower_matmul(&b, op, outs);
  else if (!strcmp(n, "gemm")) ok = lower_gemm(&b, op, outs);
  else if (!strcmp(n, "global_average_pool")) {
    SmValue *x = op->operands[0].value;
    bool mask[MAXD] = {0};
    for (unsigned d = 2; d < x->type->shaped.rank; d++) mask[d] = true;
    outs[0] = reduce_generic(&b, op, x, mask, "mean", n, NULL, false);
    ok = true;
  } else if (!strcmp(n, "softmax")) ok = lower_softmax(&b, op, outs);
  else if (!strcmp(n, "layer_normalization")) {
    if (op->num_results != 1) return sm_op_emit_error(op, "lowering supports one result only");
    ok = lower_layer_norm(&b, op, outs);
  } else {
    int handled = lower_fixed(&b, op, outs);
    if (handled == 0 && op->num_results == 1) ok = lower_elementwise(&b, op, outs);
    else if (handled == 0) return sm_op_emit_error(op, "has no lowering to the layout dialect");
    else ok = handled > 0;
  }
  if (!ok) return false;
  for (unsigned i = 0; i < op->num_results; i++) {
    if (!outs[i] || outs[i]->type != op->results[i].type)
      return sm_op_emit_error(op, "lowering produced a value of the wrong type for result #%u", i);
  }
  sm_op_replace_all_uses(op, outs);
  sm_op_erase(op);
  return true;
}

/* ---- fusion ------------------------------------------------------------------------ */

static bool is_elementwise_generic(SmOp *op) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(op, &dom);
  if (op->num_results != 1 || op->regions[1].first) return false;
  for (unsigned d = 0; d < nd; d++)
    if (sm_layout_generic_is_reduction(op, d)) return false;
  if (!sm_affine_map_is_identity(sm_layout_generic_map(op, op->num_operands))) return false;
  for (SmOp *o = op->regions[0].first->first; o; o = o->next)
    if (sm_op_name_is(o, "layout.extract") || sm_op_name_is(o, "layout.index")) return false;
  SmBlock *body = op->regions[0].first;
  return sm_value_use_empty(body->args[body->num_args - 1]);
}

/* Producer's result map must be its parallel dims in order. */
static bool parallel_result(SmOp *p, unsigned *par, unsigned *npar) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(p, &dom);
  SmAffineMap *m = sm_layout_generic_map(p, p->num_operands);
  *npar = 0;
  for (unsigned d = 0; d < nd; d++)
    if (!sm_layout_generic_is_reduction(p, d)) par[(*npar)++] = d;
  if (!m || m->num_results != *npar) return false;
  for (unsigned k = 0; k < *npar; k++)
    if (m->results[k]->kind != SM_AFFINE_DIM || m->results[k]->position != par[k]) return false;
  return true;
}

static void clone_block_ops(SmBlock *src, SmBuilder *b, SmPtrMap *map, SmValue **yielded) {
  for (SmOp *o = src->first; o; o = o->next) {
    if (sm_op_name_is(o, "layout.yield")) {
      *yielded = sm_ptrmap_get(map, o->operands[0].value);
      if (!*yielded) *yielded = o->operands[0].value;
      continue;
    }
    SmOp *cl = sm_op_clone(o, map);
    sm_builder_insert(b, cl);
    for (unsigned r = 0; r < o->num_results; r++) sm_ptrmap_put(map, &o->results[r], &cl->results[r]);
  }
}

/* Fuses element-wise consumer c into producer p (through c's operand ci). */
static void fuse(SmOp *p, SmOp *c, unsigned ci) {
  SmContext *ctx = sm_op_context(p);
  unsigned par[MAXD], npar;
  parallel_result(p, par, &npar);
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(p, &dom);
  SmAffineExpr *sel_e[MAXD];
  for (unsigned k = 0; k < npar; k++) sel_e[k] = D(ctx, par[k]);
  SmAffineMap *selm = map_of(ctx, nd, npar, sel_e);
  unsigned np = p->num_operands, nc = c->num_operands;
  SmValue *ins[2 * MAXIN];
  SmAttr *maps[2 * MAXIN + 1], *pads[2 * MAXIN];
  unsigned n = 0;
  bool any_pad = false;
  for (unsigned i = 0; i < np; i++) {
    ins[n] = p->operands[i].value;
    SmAffineMap *m = sm_layout_generic_map(p, i);
    maps[n] = m ? sm_attr_affine_map(ctx, m) : sm_attr_unit(ctx);
    SmAttr *pd = sm_layout_generic_pad(p, i);
    pads[n] = pd ? pd : sm_attr_unit(ctx);
    any_pad |= pd != NULL;
    n++;
  }
  unsigned cmap[MAXIN];
  for (unsigned i = 0; i < nc; i++) {
    if (i == ci) continue;
    cmap[i] = n;
    ins[n] = c->operands[i].value;
    maps[n] = sm_attr_affine_map(ctx, sm_affine_map_compose(ctx, sm_layout_generic_map(c, i), selm));
    SmAttr *pd = sm_layout_generic_pad(c, i);
    pads[n] = pd ? pd : sm_attr_unit(ctx);
    any_pad |= pd != NULL;
    n++;
  }
  maps[n] = sm_attr_affine_map(ctx, sm_layout_generic_map(p, np));
  SmType *rt = c->results[0].type;
  SmLoc *loc = p->loc;
  /* body: p's body with extra (unused) argument slots */
  SmBlock *pb = p->regions[0].first, *body = sm_block_create();
  SmPtrMap map;
  sm_ptrmap_init(&map);
  for (unsigned i = 0; i < n; i++) {
    SmValue *a = sm_block_add_arg(body, ins[i]->type->shaped.elem, loc);
    if (i < np) sm_ptrmap_put(&map, pb->args[i], a);
  }
  sm_ptrmap_put(&map, pb->args[np], sm_block_add_arg(body, p->results[0].type->shaped.elem, loc));
  SmBuilder b;
  sm_builder_init(&b, ctx);
  sm_builder_set_block_end(&b, body);
  SmValue *bv = NULL;
  clone_block_ops(pb, &b, &map, &bv);
  yield(&b, bv);
  sm_ptrmap_clear(&map);
  /* epilogue: p's epilogue (or identity), then c's body */
  SmBlock *epi = sm_block_create();
  SmValue *acc = sm_block_add_arg(epi, p->results[0].type->shaped.elem, loc);
  SmValue *eargs[2 * MAXIN];
  for (unsigned i = 0; i < n; i++) eargs[i] = sm_block_add_arg(epi, ins[i]->type->shaped.elem, loc);
  sm_builder_set_block_end(&b, epi);
  SmValue *pv = acc;
  SmBlock *pe = p->regions[1].first;
  if (pe) {
    sm_ptrmap_put(&map, pe->args[0], acc);
    for (unsigned i = 0; i < np; i++) sm_ptrmap_put(&map, pe->args[1 + i], eargs[i]);
    clone_block_ops(pe, &b, &map, &pv);
    sm_ptrmap_clear(&map);
  }
  SmBlock *cb = c->regions[0].first;
  for (unsigned i = 0; i < nc; i++) sm_ptrmap_put(&map, cb->args[i], i == ci ? pv : eargs[cmap[i]]);
  SmValue *cv = NULL;
  clone_block_ops(cb, &b, &map, &cv);
  yield(&b, cv);
  sm_ptrmap_free(&map);
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "layout.generic"), loc);
  sm_op_state_add_operands(&st, ins, n);
  sm_op_state_add_result(&st, rt);
  sm_op_state_add_prop(&st, "domain", sm_op_get_prop(p, "domain"));
  sm_op_state_add_prop(&st, "iterator_types", sm_op_get_prop(p, "iterator_types"));
  sm_op_state_add_prop(&st, "indexing_maps", sm_attr_array(ctx, n + 1, maps));
  if (any_pad) sm_op_state_add_prop(&st, "pad", sm_attr_array(ctx, n, pads));
  if (sm_op_get_prop(p, "init")) sm_op_state_add_prop(&st, "init", sm_op_get_prop(p, "init"));
  SmAttr *pk = sm_op_get_prop(p, "kind"), *ck = sm_op_get_prop(c, "kind");
  SmStrBuf kb = {0};
  sm_strbuf_printf(&kb, "%s+%s", pk ? pk->string.data : "generic", ck ? ck->string.data : "generic");
  sm_op_state_add_prop(&st, "kind", sm_attr_string(ctx, kb.data, kb.len));
  sm_strbuf_free(&kb);
  sm_region_append_block(sm_op_state_add_region(&st), body);
  sm_region_append_block(sm_op_state_add_region(&st), epi);
  sm_builder_set_before(&b, c);
  SmOp *f = sm_builder_create(&b, &st);
  sm_op_state_release(&st);
  SmValue *r0 = sm_op_result(f, 0);
  sm_op_replace_all_uses(c, &r0);
  sm_op_erase(c);
  sm_op_erase(p);
}

static bool try_fuse(SmOp *c) {
  if (!sm_op_name_is(c, "layout.generic") || !is_elementwise_generic(c)) return false;
  for (unsigned i = 0; i < c->num_operands; i++) {
    SmValue *v = c->operands[i].value;
    SmOp *p = sm_value_defining_op(v);
    if (!p || !sm_op_name_is(p, "layout.generic") || p->num_results != 1 || !sm_value_has_one_use(v)) continue;
    if (p->block != c->block) continue;
    if (!sm_affine_map_is_identity(sm_layout_generic_map(c, i)) || sm_layout_generic_pad(c, i)) continue;
    SmType *pt = p->results[0].type, *ct = c->results[0].type;
    /* The accumulator has the result's element type: keep it unchanged. */
    if (pt->shaped.elem != ct->shaped.elem || pt->shaped.rank != ct->shaped.rank ||
        memcmp(pt->shaped.dims, ct->shaped.dims, pt->shaped.rank * sizeof(int64_t)) != 0)
      continue;
    unsigned par[MAXD], npar;
    if (!parallel_result(p, par, &npar)) continue;
    if (p->num_operands + c->num_operands > MAXIN) continue;
    /* The fused op replaces c in place: p's inputs precede p, c's precede c. */
    fuse(p, c, i);
    return true;
  }
  return false;
}

static bool convert_func(SmOp *fn, bool do_fuse) {
  SmBlock *b = fn->regions[0].first;
  if (!b) return true;
  for (SmOp *op = b->first, *next; op; op = next) {
    next = op->next;
    if (!op->def || strncmp(op->name, "graph.", 6) != 0 || sm_op_name_is(op, "graph.constant")) continue;
    if (!lower_op(op)) return false;
  }
  for (SmOp *op = b->first; op; op = op->next) {
    if (!sm_op_name_is(op, "func.return")) continue;
    /* An empty result (a folded constant, an argument) would be copied by a
     * generic with an empty domain. */
    for (unsigned i = 0; i < op->num_operands; i++) {
      SmValue *v = op->operands[i].value;
      SmOp *d = sm_value_defining_op(v);
      if (v->type->kind == SM_TYPE_TENSOR && sm_type_num_elements(v->type) == 0)
        return sm_op_emit_error(d ? d : op, "lowering does not support empty tensors (returned value #%u has no elements)", i);
    }
    sm_g2l_materialize_returns(op);
  }
  if (!do_fuse) return true;
  for (SmOp *op = b->first, *next; op; op = next) {
    next = op->next;
    if (try_fuse(op)) next = b->first; /* restart: cheap enough and keeps chains fusing */
  }
  return true;
}

bool sm_convert_graph_to_layout(SmOp *module, bool fuse_ew) {
  SmContext *ctx = sm_op_context(module);
  sm_register_smartmem_dialects(ctx);
  SmBlock *b = module->regions[0].first;
  for (SmOp *op = b ? b->first : NULL; op; op = op->next)
    if (sm_op_name_is(op, "func.func") && !convert_func(op, fuse_ew)) return false;
  return true;
}

static const SmPassOption cg2l_options[] = {
    {"fuse", SM_PASS_OPT_BOOL, "true", "fuse element-wise ops into their single producer"},
};

static bool run_cg2l(SmOp *op, SmPassRun *run) {
  return sm_convert_graph_to_layout(op, sm_pass_run_bool(run, "fuse"));
}

const SmPassDef sm_convert_graph_to_layout_pass = {
    .argument = "convert-graph-to-layout",
    .summary = "Lower graph ops to layout.generic (baseline: row-major, Fixed ops as copies)",
    .anchor = "builtin.module",
    .options = cg2l_options,
    .num_options = 1,
    .run = run_cg2l,
};
