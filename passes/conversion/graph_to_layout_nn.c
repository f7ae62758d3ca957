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

/* 2-D average pooling: sum over the window (padding reads 0), then divide by
 * a per-output-position divisor read from a small f32 constant: the window
 * positions inside the input (count_include_pad=0) or inside the padded
 * extent (=1; ceil_mode windows may reach past it), as the interpreter and
 * onnxruntime count them. */
static int lower_average_pool(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *rt = op->results[0].type, *ft = rt->shaped.elem;
  if (xt->shaped.rank != 4 || !sm_type_is_float(ft)) return sm_op_emit_error(op, "lowering supports 2-D float pooling only"), -1;
  int64_t k[2], st[2], dl[2], pd[4];
  ints(op, "kernel_shape", 2, 1, k);
  ints(op, "strides", 2, 1, st);
  ints(op, "dilations", 2, 1, dl);
  ints(op, "pads", 4, 0, pd);
  bool incl = sm_graph_prop_int(op->props, "count_include_pad", 0) != 0;
  int64_t OH = rt->shaped.dims[2], OW = rt->shaped.dims[3], H = xt->shaped.dims[2], W = xt->shaped.dims[3];
  SmContext *c = sm_op_context(op);
  /* divisor table [OH, OW] */
  int64_t tdims[2] = {OH, OW};
  SmType *tt = sm_type_tensor(c, 2, tdims, sm_type_f32(c), NULL);
  int64_t ntab = OH * OW > 0 ? OH * OW : 1;
  float *tab = malloc((size_t)ntab * sizeof *tab);
  if (!tab) return sm_op_emit_error(op, "out of memory"), -1;
  for (int64_t y = 0; y < OH; y++)
    for (int64_t xx = 0; xx < OW; xx++) {
      int64_t cy = incl ? window_count(y, k[0], st[0], dl[0], pd[0], -pd[0], H + pd[2]) : window_count(y, k[0], st[0], dl[0], pd[0], 0, H);
      int64_t cx = incl ? window_count(xx, k[1], st[1], dl[1], pd[1], -pd[1], W + pd[3]) : window_count(xx, k[1], st[1], dl[1], pd[1], 0, W);
      tab[y * OW + xx] = (float)(cy * cx);
    }
  SmOpState cs;
  sm_op_state_init(&cs, c, sm_intern_cstr(c, "graph.constant"), op->loc);
  sm_op_state_add_prop(&cs, "value", sm_attr_dense(c, tt, false, tab, (size_t)(OH * OW) * sizeof *tab));
  sm_op_state_add_result(&cs, tt);
  SmValue *cnt = sm_op_result(sm_builder_create(ob, &cs), 0);
  sm_op_state_release(&cs);
  free(tab);
  int64_t dom[6] = {rt->shaped.dims[0], rt->shaped.dims[1], OH, OW, k[0], k[1]};
  Gen g;
  gen_init(&g, ob, op, "average_pool", 6, dom);
  g.red[4] = g.red[5] = true;
  g.res = rt;
  g.res_map = map_prefix(c, 6, 4);
  SmAffineExpr *e[4] = {D(c, 0), D(c, 1), NULL, NULL};
  bool any_pad = false;
  for (int s = 0; s < 2; s++) {
    e[2 + s] = sm_affine_add(c, sm_affine_add(c, sm_affine_mul(c, D(c, 2 + s), C(c, st[s])),
                                              sm_affine_mul(c, D(c, 4 + s), C(c, dl[s]))), C(c, -pd[s]));
    any_pad |= pd[s] > 0 || (dom[2 + s] - 1) * st[s] + (k[s] - 1) * dl[s] - pd[s] >= xt->shaped.dims[2 + s];
  }
  unsigned ix = gen_input(&g, x, map_of(c, 6, 4, e), any_pad ? sm_attr_float(c, ft, 0.0) : NULL);
  SmAffineExpr *ce[2] = {D(c, 2), D(c, 3)};
  unsigned ic = gen_input(&g, cnt, map_of(c, 6, 2, ce), NULL);
  g.cst[ic] = NULL;
  g.init = sm_attr_float(c, ft, 0.0);
  SmValue *acc = gen_body(&g);
  SmValue *bv = bin(&g.bb, "arith.addf", acc, BI(&g, ix));
  SmValue *ea = gen_epi(&g);
  SmValue *dv = EI(&g, ic);
  if (dv->type != ft) dv = cvt(&g.eb, sm_type_bitwidth(ft) > 32 ? "arith.extf" : "arith.truncf", dv, ft);
  outs[0] = gen_finish(&g, bv, bin(&g.eb, "arith.divf", ea, dv));
  return 1;
}

int sm_g2l_lower_nn(SmBuilder *ob, SmOp *op, SmValue **outs) {
  const char *n = op->name + 6;
  if (!strcmp(n, "average_pool")) return lower_average_pool(ob, op, outs);
  if (!strcmp(n, "batch_normalization")) return lower_batch_norm(ob, op, outs);
  if (!strcmp(n, "mod")) return lower_mod(ob, op, outs);
  return 0;
}
