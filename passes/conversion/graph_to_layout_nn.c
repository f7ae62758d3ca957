/* convert-graph-to-layout: batch normalization and integer/float modulo.
 *
 * graph.batch_normalization (inference form) is one element-wise generic,
 * y = (x - mean) / sqrt(var + eps) * scale + bias, with the per-channel
 * operands read through (n, c, ...) -> (c). Being element-wise with an
 * identity map on x, the fusion step of the pass folds it into a preceding
 * conv's epilogue when the conv has no other user (a per-channel scale on
 * the accumulator); elsewhere it stays a per-channel scale kernel. */
#include "passes/conversion/graph_to_layout.h"

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

int sm_g2l_lower_nn(SmBuilder *ob, SmOp *op, SmValue **outs) {
  const char *n = op->name + 6;
  if (!strcmp(n, "batch_normalization")) return lower_batch_norm(ob, op, outs);
  if (!strcmp(n, "mod")) return lower_mod(ob, op, outs);
  return 0;
}
