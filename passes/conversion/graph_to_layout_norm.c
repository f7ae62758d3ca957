/* convert-graph-to-layout: instance and group normalization as three
 * generics. Over the domain (n, g, c_in_group, spatial...), reading x at
 * channel g * C/G + c: the mean (sum, divided in the epilogue), the variance
 * (sum of (x - mean)^2, divided likewise: two passes, as the interpreter and
 * onnxruntime, not E[x^2] - mean^2), then element-wise over x:
 * (x - mean) / sqrt(var + epsilon) * scale + bias, the statistics read at
 * (n, c floordiv C/G) and scale/bias per channel or per group. */
#include "passes/conversion/graph_to_layout.h"

/* Mean over each (n, group) block of x, or with mean given, of (x - mean)^2. */
static SmValue *block_stat(SmBuilder *ob, SmOp *op, SmValue *x, SmValue *mean, int64_t G, int64_t CG) {
  SmType *xt = x->type, *et = xt->shaped.elem;
  unsigned r = xt->shaped.rank, ns = r - 2, nd = 3 + ns;
  SmContext *c = ob->ctx;
  int64_t dom[MAXD] = {xt->shaped.dims[0], G, CG}, cnt = CG;
  for (unsigned i = 0; i < ns; i++) dom[3 + i] = xt->shaped.dims[2 + i], cnt *= dom[3 + i];
  int64_t sd[2] = {dom[0], G};
  SmType *st = sm_type_tensor(c, 2, sd, et, NULL);
  Gen g;
  gen_init(&g, ob, op, mean ? "group_variance" : "group_mean", nd, dom);
  for (unsigned d = 2; d < nd; d++) g.red[d] = true;
  g.res = st;
  g.res_map = map_prefix(c, nd, 2);
  SmAffineExpr *e[MAXD] = {D(c, 0), sm_affine_add(c, sm_affine_mul(c, D(c, 1), C(c, CG)), D(c, 2))};
  for (unsigned i = 0; i < ns; i++) e[2 + i] = D(c, 3 + i);
  unsigned ix = gen_input(&g, x, map_of(c, nd, r, e), NULL);
  g.cst[ix] = NULL;
  int im = -1;
  if (mean) {
    im = (int)gen_input(&g, mean, map_prefix(c, nd, 2), NULL);
    g.cst[im] = NULL;
  }
  SmValue *acc = gen_body(&g), *v = BI(&g, ix);
  if (mean) {
    v = bin(&g.bb, "arith.subf", v, BI(&g, (unsigned)im));
    v = bin(&g.bb, "arith.mulf", v, v);
  }
  SmValue *bv = bin(&g.bb, "arith.addf", acc, v);
  SmValue *ea = gen_epi(&g);
  return gen_finish(&g, bv, bin(&g.eb, "arith.divf", ea, cstf(&g.eb, et, (double)cnt)));
}

static int lower_group_norm(SmBuilder *ob, SmOp *op, SmValue **outs, bool inst) {
  SmValue *x = op->operands[0].value, *sc = op->operands[1].value, *bi = op->operands[2].value;
  SmType *xt = x->type, *et = xt->shaped.elem;
  unsigned r = xt->shaped.rank;
  if (r < 2 || r + 1 > MAXD || !sm_type_is_float(et)) return sm_op_emit_error(op, "lowering needs float input of rank 2 to %d", MAXD - 1), -1;
  int64_t NC = xt->shaped.dims[1], G = inst ? NC : sm_graph_prop_int(op->props, "num_groups", 1), CG = NC / G;
  double eps = sm_graph_prop_float(op->props, "epsilon", 1e-5);
  SmValue *mean = block_stat(ob, op, x, NULL, G, CG);
  SmValue *var = block_stat(ob, op, x, mean, G, CG);
  SmContext *c = ob->ctx;
  Gen g;
  gen_init(&g, ob, op, inst ? "instance_normalization" : "group_normalization", r, xt->shaped.dims);
  g.res = op->results[0].type;
  g.res_map = map_prefix(c, r, r);
  unsigned ix = gen_input(&g, x, map_prefix(c, r, r), NULL);
  g.cst[ix] = NULL;
  SmAffineExpr *grp = CG == 1 ? D(c, 1) : sm_affine_floordiv(c, D(c, 1), C(c, CG));
  SmAffineExpr *se[2] = {D(c, 0), grp};
  unsigned im = gen_input(&g, mean, map_of(c, r, 2, se), NULL), iv = gen_input(&g, var, map_of(c, r, 2, se), NULL);
  g.cst[im] = g.cst[iv] = NULL;
  SmAffineExpr *pc[1] = {sm_type_num_elements(sc->type) == NC ? D(c, 1) : grp};
  unsigned is = gen_input(&g, sc, map_of(c, r, 1, pc), NULL);
  pc[0] = sm_type_num_elements(bi->type) == NC ? D(c, 1) : grp;
  unsigned ib = gen_input(&g, bi, map_of(c, r, 1, pc), NULL);
  gen_body(&g);
  SmBuilder *b = &g.bb;
  SmValue *d = bin(b, "arith.subf", BI(&g, ix), BI(&g, im));
  SmValue *sd = un(b, "math.sqrt", bin(b, "arith.addf", BI(&g, iv), cstf(b, et, eps)));
  SmValue *v = bin(b, "arith.addf", bin(b, "arith.mulf", bin(b, "arith.divf", d, sd), BI(&g, is)), BI(&g, ib));
  outs[0] = gen_finish(&g, v, NULL);
  return 1;
}

int sm_g2l_lower_norm(SmBuilder *ob, SmOp *op, SmValue **outs) {
  const char *n = op->name + 6;
  if (!strcmp(n, "instance_normalization")) return lower_group_norm(ob, op, outs, true);
  if (!strcmp(n, "group_normalization")) return lower_group_norm(ob, op, outs, false);
  return 0;
}
