/* convert-graph-to-layout: batch normalization and integer/float modulo.
 *
 * graph.batch_normalization (inference form) is one element-wise generic,
 * y = (x - mean) / sqrt(var + eps) * scale + bias, with the per-channel
 * operands read through (n, c, ...) -> (c). Being element-wise with an
 * identity map on x, the fusion step of the pass folds it into a preceding
 * conv's epilogue when the conv has no other user (a per-channel scale on
 * the accumulator); elsewhere it stays a per-channel scale kernel. */
#include "passes/conversion/graph_to_layout.h"

#include <stdlib.h>

static int lower_batch_norm(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmValue *x = op->operands[0].value;
  SmType *rt = op->results[0].type, *ft = rt->shaped.elem;
  unsigned r = rt->shaped.rank;
  if (op->num_operands != 5 || op->num_results != 1 || r < 2 || !sm_type_is_float(ft))
    return sm_op_emit_error(op, "lowering supports the inference form (5 float operands, 1 result, rank >= 2) only"), -1;
  Gen g;
  gen_init(&g, ob, op, "batch_normalization", r, rt->shaped.dims);
  SmContext *c = g.ctx;
  g.res = rt;
  g.res_map = map_prefix(c, r, r);
  SmAffineExpr *ch = D(c, 1);
  unsigned ix = gen_input(&g, x, map_prefix(c, r, r), NULL), ip[4];
  for (unsigned i = 0; i < 4; i++) {
    SmValue *p = op->operands[1 + i].value;
    if (p->type->shaped.rank != 1 || p->type->shaped.elem != ft)
      return sm_op_emit_error(op, "operand #%u must be a 1-D tensor of the input's element type", 1 + i), -1;
    ip[i] = gen_input(&g, p, map_of(c, r, 1, &ch), NULL);
  }
  gen_body(&g);
  SmBuilder *b = &g.bb;
  double eps = sm_graph_prop_float(op->props, "epsilon", 1e-5);
  /* operands: x, scale, bias, mean, var (ONNX order) */
  SmValue *den = un(b, "math.sqrt", bin(b, "arith.addf", BI(&g, ip[3]), cstf(b, ft, eps)));
  SmValue *v = bin(b, "arith.divf", bin(b, "arith.subf", BI(&g, ix), BI(&g, ip[2])), den);
  v = bin(b, "arith.addf", bin(b, "arith.mulf", v, BI(&g, ip[0])), BI(&g, ip[1]));
  outs[0] = gen_finish(&g, v, NULL);
  return 1;
}

/* ONNX Mod: fmod=1 takes the dividend's sign (C fmod), fmod=0 (integers)
 * the divisor's. */
static int lower_mod(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmType *rt = op->results[0].type, *et = rt->shaped.elem;
  unsigned r = rt->shaped.rank;
  bool fm = sm_graph_prop_int(op->props, "fmod", 0) != 0, f = sm_type_is_float(et);
  Gen g;
  gen_init(&g, ob, op, "mod", r, rt->shaped.dims);
  g.res = rt;
  g.res_map = map_prefix(g.ctx, r, r);
  for (unsigned i = 0; i < 2; i++) {
    SmType *t = op->operands[i].value->type;
    gen_input(&g, op->operands[i].value, map_broadcast(g.ctx, r, r, rt->shaped.dims, t->shaped.rank, t->shaped.dims), NULL);
  }
  gen_body(&g);
  SmBuilder *b = &g.bb;
  SmValue *a = BI(&g, 0), *d = BI(&g, 1);
  SmValue *m = bin(b, f ? "arith.remf" : "arith.remsi", a, d);
  if (!fm) {
    /* r != 0 and sign(r) != sign(d): r + d */
    SmValue *z = f ? cstf(b, et, 0) : csti(b, et, 0);
    SmValue *nz = f ? cmpf(b, F_UNE, m, z) : cmpi(b, I_NE, m, z);
    SmValue *rn = f ? cmpf(b, F_OLT, m, z) : cmpi(b, I_SLT, m, z);
    SmValue *dn = f ? cmpf(b, F_OLT, d, z) : cmpi(b, I_SLT, d, z);
    SmValue *fix = bin(b, "arith.andi", nz, bin(b, "arith.xori", rn, dn));
    m = sel(b, fix, bin(b, f ? "arith.addf" : "arith.addi", m, d), m);
  }
  outs[0] = gen_finish(&g, m, NULL);
  return 1;
}

static void ints(SmOp *op, const char *name, unsigned n, int64_t dflt, int64_t *out) {
  for (unsigned i = 0; i < n; i++) out[i] = dflt;
  sm_graph_prop_ints(op->props, name, out, n);
}

/* Window positions along one axis that fall inside [lo, hi). */
static int64_t window_count(int64_t o, int64_t k, int64_t s, int64_t d, int64_t pad, int64_t lo, int64_t hi) {
  int64_t n = 0;
  for (int64_t j = 0; j < k; j++) {
    int64_t i = o * s - pad + j * d;
    n += i >= lo && i < hi;
  }
  return n;
}

/* Geometry of an N-D conv/pool window (spatial dims 2..rank-1). */
typedef struct Win {
  unsigned ns;
  int64_t k[MAXD], s[MAXD], d[MAXD], pb[MAXD], pe[MAXD];
} Win;

static void win_of(SmOp *op, unsigned ns, const int64_t *k, Win *w) {
  int64_t pads[2 * MAXD];
  w->ns = ns;
  memcpy(w->k, k, ns * sizeof *k);
  ints(op, "strides", ns, 1, w->s);
  ints(op, "dilations", ns, 1, w->d);
  ints(op, "pads", 2 * ns, 0, pads);
  for (unsigned i = 0; i < ns; i++) w->pb[i] = pads[i], w->pe[i] = pads[ns + i];
}

/* Input index along spatial dim i: o * s - pad + k * d, with o at domain dim
 * od and k at domain dim kd. */
static SmAffineExpr *win_expr(SmContext *c, const Win *w, unsigned i, unsigned od, unsigned kd) {
  return sm_affine_add(c, sm_affine_add(c, sm_affine_mul(c, D(c, od), C(c, w->s[i])), sm_affine_mul(c, D(c, kd), C(c, w->d[i]))),
                       C(c, -w->pb[i]));
}

/* True when some window read falls outside the input (reads need a pad value). */
static bool win_reads_out(const Win *w, const int64_t *in, const int64_t *out) {
  for (unsigned i = 0; i < w->ns; i++)
    if (w->pb[i] > 0 || (out[i] - 1) * w->s[i] + (w->k[i] - 1) * w->d[i] - w->pb[i] >= in[i]) return true;
  return false;
}

/* Finishes a convolution generic whose body yields bv: the optional bias
 * (input #ib, -1 for none) is added once per output element, in the epilogue. */
static SmValue *finish_with_bias(Gen *g, SmValue *bv, int ib) {
  SmValue *ev = NULL;
  if (ib >= 0) {
    SmValue *ea = gen_epi(g); /* creates the epilogue block EI reads from */
    ev = bin(&g->eb, "arith.addf", ea, EI(g, (unsigned)ib));
  }
  return gen_finish(g, bv, ev);
}

/* Convolution of any spatial rank: domain (n, m, o..., c, k...). */
static int lower_conv_nd(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmType *xt = op->operands[0].value->type, *wt = op->operands[1].value->type, *rt = op->results[0].type;
  unsigned r = xt->shaped.rank, ns = r - 2, nd = 2 + 2 * ns + 1;
  if (r < 3 || nd > MAXD || !sm_type_is_float(rt->shaped.elem)) return sm_op_emit_error(op, "lowering needs a float convolution of rank 3 to 8"), -1;
  Win w;
  win_of(op, ns, wt->shaped.dims + 2, &w);
  int64_t grp = sm_graph_prop_int(op->props, "group", 1), M = wt->shaped.dims[0], Cg = wt->shaped.dims[1];
  int64_t dom[MAXD];
  memcpy(dom, rt->shaped.dims, r * sizeof *dom);
  dom[r] = Cg;
  memcpy(dom + r + 1, w.k, ns * sizeof *dom);
  Gen g;
  gen_init(&g, ob, op, "conv", nd, dom);
  SmContext *c = g.ctx;
  for (unsigned i = r; i < nd; i++) g.red[i] = true;
  g.res = rt;
  g.res_map = map_prefix(c, nd, r);
  SmAffineExpr *e[MAXD];
  e[0] = D(c, 0);
  e[1] = grp == 1 ? D(c, r) : sm_affine_add(c, sm_affine_mul(c, sm_affine_floordiv(c, D(c, 1), C(c, M / grp)), C(c, Cg)), D(c, r));
  for (unsigned i = 0; i < ns; i++) e[2 + i] = win_expr(c, &w, i, 2 + i, r + 1 + i);
  bool pad = win_reads_out(&w, xt->shaped.dims + 2, rt->shaped.dims + 2);
  unsigned ix = gen_input(&g, op->operands[0].value, map_of(c, nd, r, e), pad ? zero_of(c, xt->shaped.elem) : NULL);
  e[0] = D(c, 1), e[1] = D(c, r);
  for (unsigned i = 0; i < ns; i++) e[2 + i] = D(c, r + 1 + i);
  unsigned iw = gen_input(&g, op->operands[1].value, map_of(c, nd, r, e), NULL);
  int ib = -1;
  if (op->num_operands > 2) {
    e[0] = D(c, 1);
    ib = (int)gen_input(&g, op->operands[2].value, map_of(c, nd, 1, e), NULL);
  }
  SmValue *acc = gen_body(&g);
  SmValue *bv = bin(&g.bb, "arith.addf", acc, bin(&g.bb, "arith.mulf", BI(&g, ix), BI(&g, iw)));
  outs[0] = finish_with_bias(&g, bv, ib);
  return 1;
}

/* Transposed convolution of any spatial rank as a gather: domain
 * (n, m, o..., c, k...). Output o takes input i = (o + pad_begin - k*d) / s
 * where that divides exactly. Along a strided axis the index is shifted by
 * A = ceil((K-1)*d / s) strides, j = o + pad_begin - k*d + A*s >= 0, so the
 * floordiv only sees non-negative values; x is read at floordiv(j, s) - A
 * (0 outside) and a 0/1 constant over the strided axes, 1 where every j is a
 * multiple of its stride and j >= A*s, selects the taps that exist (a select,
 * not a product, so an inf or NaN input is not multiplied by 0). */
static int lower_conv_transpose(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmType *xt = op->operands[0].value->type, *wt = op->operands[1].value->type, *rt = op->results[0].type;
  unsigned r = xt->shaped.rank, ns = r - 2, nd = 2 + 2 * ns + 1;
  if (r < 3 || nd > MAXD || !sm_type_is_float(rt->shaped.elem))
    return sm_op_emit_error(op, "lowering needs a float transposed convolution of rank 3 to 8"), -1;
  Win w;
  win_of(op, ns, wt->shaped.dims + 2, &w);
  int64_t grp = sm_graph_prop_int(op->props, "group", 1), CG = wt->shaped.dims[0] / grp, MG = wt->shaped.dims[1];
  int64_t dom[MAXD], A[MAXD], mdims[MAXD];
  unsigned nm = 0; /* strided axes: those the mask covers */
  int64_t mcount = 1;
  for (unsigned i = 0; i < ns; i++) {
    A[i] = w.s[i] > 1 ? ((w.k[i] - 1) * w.d[i] + w.s[i] - 1) / w.s[i] : 0;
    if (w.s[i] > 1) {
      mdims[nm] = A[i] * w.s[i] + (xt->shaped.dims[2 + i] - 1) * w.s[i] + 1;
      mcount *= mdims[nm++];
      if (mcount > (1 << 24)) return sm_op_emit_error(op, "lowering supports transposed-convolution masks up to 2^24 elements"), -1;
    }
  }
  memcpy(dom, rt->shaped.dims, r * sizeof *dom);
  dom[r] = CG;
  memcpy(dom + r + 1, w.k, ns * sizeof *dom);
  SmContext *c = sm_op_context(op);
  SmValue *mask = NULL;
  if (nm) {
    float *tab = malloc((size_t)mcount * sizeof *tab);
    if (!tab) return sm_op_emit_error(op, "out of memory"), -1;
    int64_t co[MAXD] = {0};
    for (int64_t j = 0; j < mcount; j++) {
      bool on = true;
      for (unsigned i = 0, a = 0; i < ns; i++)
        if (w.s[i] > 1) {
          on &= co[a] % w.s[i] == 0 && co[a] >= A[i] * w.s[i];
          a++;
        }
      tab[j] = on ? 1.0f : 0.0f;
      for (int i = (int)nm - 1; i >= 0 && ++co[i] == mdims[i]; i--) co[i] = 0;
    }
    SmType *tt = sm_type_tensor(c, nm, mdims, sm_type_f32(c), NULL);
    SmOpState cs;
    sm_op_state_init(&cs, c, sm_intern_cstr(c, "graph.constant"), op->loc);
    sm_op_state_add_prop(&cs, "value", sm_attr_dense(c, tt, false, tab, (size_t)mcount * sizeof *tab));
    sm_op_state_add_result(&cs, tt);
    mask = sm_op_result(sm_builder_create(ob, &cs), 0);
    sm_op_state_release(&cs);
    free(tab);
  }
  Gen g;
  gen_init(&g, ob, op, "conv_transpose", nd, dom);
  for (unsigned i = r; i < nd; i++) g.red[i] = true;
  g.res = rt;
  g.res_map = map_prefix(c, nd, r);
  SmAffineExpr *e[MAXD], *j[MAXD], *grp_e = grp == 1 ? C(c, 0) : sm_affine_floordiv(c, D(c, 1), C(c, MG));
  for (unsigned i = 0; i < ns; i++)
    j[i] = sm_affine_add(c, sm_affine_add(c, D(c, 2 + i), sm_affine_mul(c, D(c, r + 1 + i), C(c, -w.d[i]))),
                         C(c, w.pb[i] + A[i] * w.s[i]));
  SmAffineExpr *ch = grp == 1 ? D(c, r) : sm_affine_add(c, sm_affine_mul(c, grp_e, C(c, CG)), D(c, r));
  e[0] = D(c, 0), e[1] = ch;
  for (unsigned i = 0; i < ns; i++)
    e[2 + i] = w.s[i] > 1 ? sm_affine_add(c, sm_affine_floordiv(c, j[i], C(c, w.s[i])), C(c, -A[i])) : j[i];
  unsigned ix = gen_input(&g, op->operands[0].value, map_of(c, nd, r, e), zero_of(c, xt->shaped.elem));
  e[0] = ch, e[1] = grp == 1 ? D(c, 1) : sm_affine_mod(c, D(c, 1), C(c, MG));
  for (unsigned i = 0; i < ns; i++) e[2 + i] = D(c, r + 1 + i);
  unsigned iw = gen_input(&g, op->operands[1].value, map_of(c, nd, r, e), NULL);
  int imk = -1;
  if (mask) {
    unsigned a = 0;
    for (unsigned i = 0; i < ns; i++)
      if (w.s[i] > 1) e[a++] = j[i];
    imk = (int)gen_input(&g, mask, map_of(c, nd, nm, e), sm_attr_float(c, sm_type_f32(c), 0.0));
    g.cst[imk] = NULL;
  }
  int ib = -1;
  if (op->num_operands > 2) {
    e[0] = D(c, 1);
    ib = (int)gen_input(&g, op->operands[2].value, map_of(c, nd, 1, e), NULL);
  }
  SmValue *acc = gen_body(&g);
  SmValue *prod = bin(&g.bb, "arith.mulf", BI(&g, ix), BI(&g, iw));
  if (imk >= 0) {
    SmValue *mv = BI(&g, (unsigned)imk);
    prod = sel(&g.bb, cmpf(&g.bb, F_OGT, mv, cstf(&g.bb, mv->type, 0.0)), prod, cstf(&g.bb, prod->type, 0.0));
  }
  SmValue *bv = bin(&g.bb, "arith.addf", acc, prod);
  outs[0] = finish_with_bias(&g, bv, ib);
  return 1;
}

/* Einsum as one generic: domain = the labels (output ones first, parallel;
 * the summed ones after, reduction); each operand reads its labels (a
 * broadcast "..." dim of size 1 reads index 0); the body multiplies. */
static int lower_einsum(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmType *rt = op->results[0].type;
  unsigned nin = op->num_operands, ranks[SM_EINSUM_MAX_INPUTS];
  const int64_t *dims[SM_EINSUM_MAX_INPUTS];
  if (nin > SM_EINSUM_MAX_INPUTS || !sm_type_is_float(rt->shaped.elem))
    return sm_op_emit_error(op, "lowering needs float einsum operands (at most %d)", SM_EINSUM_MAX_INPUTS), -1;
  for (unsigned i = 0; i < nin; i++) {
    SmType *t = op->operands[i].value->type;
    ranks[i] = t->shaped.rank;
    dims[i] = t->shaped.dims;
  }
  SmGraphEinsum e;
  char msg[160];
  if (!sm_graph_einsum_parse(sm_graph_prop_str(op->props, "equation", NULL), nin, ranks, dims, &e, msg, sizeof msg))
    return sm_op_emit_error(op, "equation: %s", msg), -1;
  if (e.nlab > MAXD) return sm_op_emit_error(op, "lowering supports at most %d einsum labels", MAXD), -1;
  Gen g;
  gen_init(&g, ob, op, "einsum", e.nlab, e.size);
  SmContext *c = g.ctx;
  for (unsigned l = e.out_rank; l < e.nlab; l++) g.red[l] = true;
  g.res = rt;
  SmAffineExpr *x[MAXD];
  for (unsigned d = 0; d < e.out_rank; d++) x[d] = D(c, e.out[d]);
  g.res_map = map_of(c, e.nlab, e.out_rank, x);
  unsigned ix[SM_EINSUM_MAX_INPUTS];
  for (unsigned i = 0; i < nin; i++) {
    for (unsigned d = 0; d < ranks[i]; d++) x[d] = e.bcast[i][d] ? C(c, 0) : D(c, e.lab[i][d]);
    ix[i] = gen_input(&g, op->operands[i].value, map_of(c, e.nlab, ranks[i], x), NULL);
  }
  SmValue *acc = gen_body(&g), *v = BI(&g, ix[0]);
  for (unsigned i = 1; i < nin; i++) v = bin(&g.bb, "arith.mulf", v, BI(&g, ix[i]));
  if (e.nlab > e.out_rank) v = bin(&g.bb, "arith.addf", acc, v);
  else if (nin == 1) g.cst[ix[0]] = NULL; /* a pure transpose keeps its operand */
  outs[0] = gen_finish(&g, v, NULL);
  return 1;
}

/* Pooling of any spatial rank: domain (n, c, o..., k...). Max pooling reads
 * -inf outside the input. Average pooling sums (0 outside) and divides by a
 * per-output-position divisor from a small f32 constant: the window positions
 * inside the input (count_include_pad=0) or inside the padded extent (=1;
 * ceil_mode windows may reach past it), as the interpreter and onnxruntime
 * count them. */
static int lower_pool_nd(SmBuilder *ob, SmOp *op, SmValue **outs, bool is_max) {
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *rt = op->results[0].type, *ft = rt->shaped.elem;
  unsigned r = xt->shaped.rank, ns = r - 2, nd = r + ns;
  if (r < 3 || nd > MAXD || !sm_type_is_float(ft)) return sm_op_emit_error(op, "lowering needs float pooling of rank 3 to 8"), -1;
  int64_t k[MAXD];
  ints(op, "kernel_shape", ns, 1, k);
  Win w;
  win_of(op, ns, k, &w);
  SmContext *c = sm_op_context(op);
  const int64_t *od = rt->shaped.dims + 2, *id = xt->shaped.dims + 2;
  SmValue *cnt = NULL;
  if (!is_max) {
    bool incl = sm_graph_prop_int(op->props, "count_include_pad", 0) != 0;
    int64_t n = 1, per[MAXD][64];
    for (unsigned i = 0; i < ns; i++) {
      if (od[i] > 64) return sm_op_emit_error(op, "lowering supports average pooling outputs up to 64 wide per axis"), -1;
      n *= od[i];
      for (int64_t o = 0; o < od[i]; o++)
        per[i][o] = incl ? window_count(o, w.k[i], w.s[i], w.d[i], w.pb[i], -w.pb[i], id[i] + w.pe[i])
                         : window_count(o, w.k[i], w.s[i], w.d[i], w.pb[i], 0, id[i]);
    }
    float *tab = malloc((size_t)(n > 0 ? n : 1) * sizeof *tab);
    if (!tab) return sm_op_emit_error(op, "out of memory"), -1;
    int64_t co[MAXD] = {0};
    for (int64_t j = 0; j < n; j++) {
      int64_t v = 1;
      for (unsigned i = 0; i < ns; i++) v *= per[i][co[i]];
      tab[j] = (float)v;
      for (int i = (int)ns - 1; i >= 0 && ++co[i] == od[i]; i--) co[i] = 0;
    }
    SmType *tt = sm_type_tensor(c, ns, od, sm_type_f32(c), NULL);
    SmOpState cs;
    sm_op_state_init(&cs, c, sm_intern_cstr(c, "graph.constant"), op->loc);
    sm_op_state_add_prop(&cs, "value", sm_attr_dense(c, tt, false, tab, (size_t)n * sizeof *tab));
    sm_op_state_add_result(&cs, tt);
    cnt = sm_op_result(sm_builder_create(ob, &cs), 0);
    sm_op_state_release(&cs);
    free(tab);
  }
  int64_t dom[MAXD];
  memcpy(dom, rt->shaped.dims, r * sizeof *dom);
  memcpy(dom + r, w.k, ns * sizeof *dom);
  Gen g;
  gen_init(&g, ob, op, is_max ? "max_pool" : "average_pool", nd, dom);
  for (unsigned i = r; i < nd; i++) g.red[i] = true;
  g.res = rt;
  g.res_map = map_prefix(c, nd, r);
  SmAffineExpr *e[MAXD] = {D(c, 0), D(c, 1)};
  for (unsigned i = 0; i < ns; i++) e[2 + i] = win_expr(c, &w, i, 2 + i, r + i);
  SmAttr *pad = win_reads_out(&w, id, od) ? sm_attr_float(c, ft, is_max ? -INFINITY : 0.0) : NULL;
  unsigned ix = gen_input(&g, x, map_of(c, nd, r, e), pad);
  int ic = -1;
  if (cnt) {
    for (unsigned i = 0; i < ns; i++) e[i] = D(c, 2 + i);
    ic = (int)gen_input(&g, cnt, map_of(c, nd, ns, e), NULL);
    g.cst[ic] = NULL;
  }
  g.init = sm_attr_float(c, ft, is_max ? -INFINITY : 0.0);
  SmValue *acc = gen_body(&g);
  SmValue *bv = bin(&g.bb, is_max ? "arith.maximumf" : "arith.addf", acc, BI(&g, ix));
  SmValue *ev = NULL;
  if (cnt) {
    SmValue *ea = gen_epi(&g), *dv = EI(&g, (unsigned)ic);
    if (dv->type != ft) dv = cvt(&g.eb, sm_type_bitwidth(ft) > 32 ? "arith.extf" : "arith.truncf", dv, ft);
    ev = bin(&g.eb, "arith.divf", ea, dv);
  }
  outs[0] = gen_finish(&g, bv, ev);
  return 1;
}

/* MatMul with a 1-D operand (ONNX: a vector is a row on the left, a column on
 * the right, and that dim is dropped from the result): domain (result..., k). */
static int lower_matmul_vec(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmValue *a = op->operands[0].value, *bv = op->operands[1].value;
  SmType *at = a->type, *bt = bv->type, *rt = op->results[0].type;
  unsigned ra = at->shaped.rank, rb = bt->shaped.rank, r = rt->shaped.rank, nd = r + 1;
  if (!sm_type_is_float(rt->shaped.elem) || nd > MAXD) return sm_op_emit_error(op, "lowering needs float operands"), -1;
  int64_t dom[MAXD];
  if (r) memcpy(dom, rt->shaped.dims, r * sizeof *dom);
  dom[r] = at->shaped.dims[ra - 1];
  Gen g;
  gen_init(&g, ob, op, "matmul", nd, dom);
  SmContext *c = g.ctx;
  g.red[r] = true;
  g.res = rt;
  g.res_map = map_prefix(c, nd, r);
  SmAffineExpr *e[MAXD];
  /* A: [k] or [batch..., m, k] (rb == 1: result is batch..., m) */
  for (unsigned j = 0; j + 1 < ra; j++) e[j] = D(c, j);
  e[ra - 1] = D(c, r);
  unsigned ia = gen_input(&g, a, map_of(c, nd, ra, e), NULL);
  /* B: [k] or [batch..., k, n] (ra == 1: result is batch..., n) */
  for (unsigned j = 0; j + 2 < rb; j++) e[j] = D(c, j);
  if (rb == 1) e[0] = D(c, r);
  else e[rb - 2] = D(c, r), e[rb - 1] = D(c, r - 1);
  unsigned ib = gen_input(&g, bv, map_of(c, nd, rb, e), NULL);
  SmValue *acc = gen_body(&g);
  outs[0] = gen_finish(&g, bin(&g.bb, "arith.addf", acc, bin(&g.bb, "arith.mulf", BI(&g, ia), BI(&g, ib))), NULL);
  return 1;
}

int sm_g2l_lower_nn(SmBuilder *ob, SmOp *op, SmValue **outs) {
  const char *n = op->name + 6;
  unsigned rank = op->num_operands ? op->operands[0].value->type->shaped.rank : 0;
  if (!strcmp(n, "average_pool")) return lower_pool_nd(ob, op, outs, false);
  if (!strcmp(n, "matmul") && op->num_operands == 2 &&
      (rank == 1 || op->operands[1].value->type->shaped.rank == 1))
    return lower_matmul_vec(ob, op, outs);
  if (!strcmp(n, "max_pool")) return lower_pool_nd(ob, op, outs, true);
  if (!strcmp(n, "conv")) return lower_conv_nd(ob, op, outs);
  if (!strcmp(n, "einsum")) return lower_einsum(ob, op, outs);
  if (!strcmp(n, "conv_transpose")) return lower_conv_transpose(ob, op, outs);
  if (!strcmp(n, "batch_normalization")) return lower_batch_norm(ob, op, outs);
  if (!strcmp(n, "mod")) return lower_mod(ob, op, outs);
  int more = sm_g2l_lower_scan(ob, op, outs);
  return more ? more : sm_g2l_lower_norm(ob, op, outs);
}
