/* convert-graph-to-layout: every graph.reduce_* op as one layout.generic
 * whose reduced dimensions are reduction iterators. keepdims=0 drops the
 * reduced dimensions from the result map; the reduced axes stay parallel
 * in order, so fusion into the reduction's epilogue still applies.
 * Float and integer tensors (reduce_l2 on integers is a located error). */
#include "passes/conversion/graph_to_layout.h"

#include <stdint.h>

typedef enum Red { R_SUM, R_MEAN, R_MAX, R_MIN, R_PROD, R_L1, R_L2, R_SUMSQ } Red;

static const struct {
  const char *name;
  Red kind;
} reds[] = {{"reduce_sum", R_SUM},   {"reduce_mean", R_MEAN}, {"reduce_max", R_MAX},
            {"reduce_min", R_MIN},   {"reduce_prod", R_PROD}, {"reduce_l1", R_L1},
            {"reduce_l2", R_L2},     {"reduce_sum_square", R_SUMSQ}};

/* Identity of the reduction for element type t. */
static SmAttr *red_init(SmContext *c, Red k, SmType *t) {
  if (sm_type_is_float(t)) {
    double v = k == R_MAX ? -INFINITY : k == R_MIN ? INFINITY : k == R_PROD ? 1.0 : 0.0;
    return sm_attr_float(c, t, v);
  }
  unsigned w = t->integer.width;
  int64_t lo = w >= 64 ? INT64_MIN : -((int64_t)1 << (w - 1)), hi = w >= 64 ? INT64_MAX : ((int64_t)1 << (w - 1)) - 1;
  int64_t v = k == R_MAX ? lo : k == R_MIN ? hi : k == R_PROD ? 1 : 0;
  return sm_attr_integer(c, t, v);
}

int sm_g2l_lower_reduce(SmBuilder *ob, SmOp *op, SmValue **outs) {
  const char *n = op->name + 6;
  int which = -1;
  for (size_t i = 0; i < sizeof reds / sizeof reds[0]; i++)
    if (!strcmp(n, reds[i].name)) which = (int)i;
  if (which < 0) return 0;
  Red k = reds[which].kind;
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *rt = op->results[0].type, *et = xt->shaped.elem;
  bool f = sm_type_is_float(et);
  if (!f && !(sm_type_is_integer(et) && et->integer.width > 1))
    return sm_op_emit_error(op, "lowering needs float or integer operands"), -1;
  if (!f && k == R_L2) return sm_op_emit_error(op, "lowering of reduce_l2 on integers is not supported"), -1;
  unsigned r = xt->shaped.rank;
  int64_t axes[MAXD];
  int na = sm_graph_prop_ints(op->props, "axes", axes, MAXD);
  bool mask[MAXD] = {0};
  if (na <= 0)
    for (unsigned d = 0; d < r; d++) mask[d] = true;
  for (int i = 0; i < na; i++) {
    int64_t a = axes[i] < 0 ? axes[i] + (int64_t)r : axes[i];
    if (a < 0 || a >= (int64_t)r) return sm_op_emit_error(op, "reduction axis out of range"), -1;
    mask[a] = true;
  }
  bool keep = sm_graph_prop_int(op->props, "keepdims", 1) != 0;
  Gen g;
  gen_init(&g, ob, op, n, r, xt->shaped.dims);
  SmContext *c = g.ctx;
  SmAffineExpr *e[MAXD];
  unsigned nr = 0;
  int64_t cnt = 1;
  for (unsigned d = 0; d < r; d++) {
    g.red[d] = mask[d];
    if (mask[d]) cnt *= xt->shaped.dims[d];
    if (!mask[d]) e[nr++] = D(c, d);
    else if (keep) e[nr++] = C(c, 0);
  }
  if (nr != rt->shaped.rank) return sm_op_emit_error(op, "result rank does not match keepdims"), -1;
  g.res = rt;
  g.res_map = map_of(c, r, nr, e);
  g.init = red_init(c, k, et);
  unsigned ix = gen_input(&g, x, map_prefix(c, r, r), NULL);
  g.cst[ix] = NULL; /* a one-element reduction still reads its operand */
  SmValue *acc = gen_body(&g);
  SmBuilder *b = &g.bb;
  SmValue *v = BI(&g, ix), *bv;
  if (k == R_L1) v = f ? un(b, "math.absf", v) : sel(b, cmpi(b, I_SLT, v, csti(b, et, 0)), bin(b, "arith.subi", csti(b, et, 0), v), v);
  if (k == R_L2 || k == R_SUMSQ) v = bin(b, f ? "arith.mulf" : "arith.muli", v, v);
  switch (k) {
  case R_MAX: bv = bin(b, f ? "arith.maximumf" : "arith.maxsi", acc, v); break;
  case R_MIN: bv = bin(b, f ? "arith.minimumf" : "arith.minsi", acc, v); break;
  case R_PROD: bv = bin(b, f ? "arith.mulf" : "arith.muli", acc, v); break;
  default: bv = bin(b, f ? "arith.addf" : "arith.addi", acc, v); break;
  }
  SmValue *ev = NULL;
  if (k == R_MEAN) {
    SmValue *ea = gen_epi(&g);
    ev = f ? bin(&g.eb, "arith.divf", ea, cstf(&g.eb, et, (double)cnt)) : bin(&g.eb, "arith.divsi", ea, csti(&g.eb, et, cnt));
  } else if (k == R_L2) {
    ev = un(&g.eb, "math.sqrt", gen_epi(&g));
  }
  outs[0] = gen_finish(&g, bv, ev);
  return 1;
}
