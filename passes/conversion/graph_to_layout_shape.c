/* convert-graph-to-layout: the data-movement ops that the main file does not
 * lower. Re-indexings that are affine (depth_to_space, space_to_depth,
 * tile) are copies whose input map is the re-indexing. Per-axis index
 * functions that are not affine but depend only on the static shapes
 * (resize nearest with any coordinate mode and rounding, pad in edge,
 * reflect and wrap modes) read their source index from a small i64
 * constant table per axis, computed here with the interpreter's own
 * formulas, so every backend takes the same source element. Data-dependent
 * reads (gather_elements, scatter_nd) compute their indices in the body. */
#include "passes/conversion/graph_to_layout.h"

#include <stdlib.h>

static int err(SmOp *op, const char *msg) {
  sm_op_emit_error(op, "%s", msg);
  return -1;
}

static SmAffineExpr *add(SmContext *c, SmAffineExpr *a, SmAffineExpr *b) { return sm_affine_add(c, a, b); }
static SmAffineExpr *mul(SmContext *c, SmAffineExpr *a, int64_t k) { return sm_affine_mul(c, a, C(c, k)); }
static SmAffineExpr *fdiv(SmContext *c, SmAffineExpr *a, int64_t k) { return sm_affine_floordiv(c, a, C(c, k)); }
static SmAffineExpr *mod(SmContext *c, SmAffineExpr *a, int64_t k) { return sm_affine_mod(c, a, C(c, k)); }

static int depth_space(SmBuilder *ob, SmOp *op, SmValue **outs, bool to_space) {
  SmContext *c = sm_op_context(op);
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *rt = op->results[0].type;
  if (xt->shaped.rank != 4) return err(op, "lowering needs a rank-4 (NCHW) operand");
  int64_t b = sm_graph_prop_int(op->props, "blocksize", 1);
  SmAffineExpr *e[4];
  e[0] = D(c, 0);
  if (to_space) {
    int64_t Cc = rt->shaped.dims[1];
    bool crd = !strcmp(sm_graph_prop_str(op->props, "mode", "DCR"), "CRD");
    SmAffineExpr *blk = add(c, mul(c, mod(c, D(c, 2), b), b), mod(c, D(c, 3), b));
    e[1] = crd ? add(c, mul(c, D(c, 1), b * b), blk) : add(c, mul(c, blk, Cc), D(c, 1));
    e[2] = fdiv(c, D(c, 2), b);
    e[3] = fdiv(c, D(c, 3), b);
  } else {
    int64_t Cc = xt->shaped.dims[1];
    SmAffineExpr *blk = fdiv(c, D(c, 1), Cc);
    e[1] = mod(c, D(c, 1), Cc);
    e[2] = add(c, mul(c, D(c, 2), b), fdiv(c, blk, b));
    e[3] = add(c, mul(c, D(c, 3), b), mod(c, blk, b));
  }
  outs[0] = copy_generic(ob, op, op->name + 6, x, rt, map_of(c, 4, 4, e), NULL);
  return 1;
}

static int tile(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmContext *c = sm_op_context(op);
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *rt = op->results[0].type;
  unsigned r = rt->shaped.rank;
  SmAffineExpr *e[MAXD];
  for (unsigned d = 0; d < r; d++) {
    int64_t n = xt->shaped.dims[d];
    e[d] = n == 1 ? C(c, 0) : n == rt->shaped.dims[d] ? D(c, d) : mod(c, D(c, d), n);
  }
  outs[0] = copy_generic(ob, op, "tile", x, rt, map_of(c, r, r, e), NULL);
  return 1;
}

/* A graph.constant holding table[0..n) as i64, placed before op. */
static SmValue *table_constant(SmBuilder *ob, SmOp *op, const int64_t *table, int64_t n) {
  SmContext *c = sm_op_context(op);
  SmType *t = sm_type_tensor(c, 1, &n, i64t(c), NULL);
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "graph.constant"), op->loc);
  sm_op_state_add_prop(&st, "value", sm_attr_dense(c, t, false, table, (size_t)n * sizeof *table));
  sm_op_state_add_result(&st, t);
  SmOp *k = sm_builder_create(ob, &st);
  sm_op_state_release(&st);
  return sm_op_result(k, 0);
}

/* Resize nearest's rounding (nearest_mode), clamped into [0, len). */
static int64_t nearest(const char *mode, double v, int64_t len) {
  int64_t r;
  if (!strcmp(mode, "floor")) r = (int64_t)floor(v);
  else if (!strcmp(mode, "ceil")) r = (int64_t)ceil(v);
  else if (!strcmp(mode, "round_prefer_ceil")) r = (int64_t)floor(v + 0.5);
  else r = v - floor(v) == 0.5 ? (int64_t)floor(v) : (int64_t)floor(v + 0.5);
  return r < 0 ? 0 : r >= len ? len - 1 : r;
}

/* Source index along one padded axis; -1 for the constant value. */
static int64_t pad_source(const char *mode, int64_t i, int64_t len) {
  if (i >= 0 && i < len) return i;
  if (len == 0) return -1;
  if (!strcmp(mode, "edge")) return i < 0 ? 0 : len - 1;
  if (!strcmp(mode, "wrap")) return ((i % len) + len) % len;
  if (!strcmp(mode, "reflect")) {
    if (len == 1) return 0;
    int64_t period = 2 * (len - 1), k = ((i % period) + period) % period;
    return k >= len ? period - k : k;
  }
  return -1;
}

/* Copy whose source index along every axis d is tables[d][out index] (NULL:
 * the output index itself). */
static SmValue *gather_by_tables(SmBuilder *ob, SmOp *op, const char *kind, SmValue *x, SmType *rt,
                                 int64_t *const *tables) {
  SmContext *c = sm_op_context(op);
  unsigned r = rt->shaped.rank;
  SmValue *tv[MAXD] = {0};
  for (unsigned d = 0; d < r; d++)
    if (tables[d]) tv[d] = table_constant(ob, op, tables[d], rt->shaped.dims[d]);
  Gen g;
  gen_init(&g, ob, op, kind, r, rt->shaped.dims);
  g.res = rt;
  g.res_map = map_prefix(c, r, r);
  unsigned ix = gen_input(&g, x, NULL, NULL), it[MAXD];
  for (unsigned d = 0; d < r; d++)
    if (tv[d]) {
      SmAffineExpr *e = D(c, d);
      it[d] = gen_input(&g, tv[d], map_of(c, r, 1, &e), NULL);
      g.cst[it[d]] = NULL;
    }
  gen_body(&g);
  SmBuilder *b = &g.bb;
  SmType *idx = sm_type_index(c);
  SmValue *co[MAXD];
  for (unsigned d = 0; d < r; d++)
    co[d] = tv[d] ? cvt(b, "arith.index_cast", BI(&g, it[d]), idx)
                  : sop(b, "layout.index", 0, NULL, idx, "dim", sm_attr_integer(c, i64t(c), d));
  SmValue *v = sop(b, "layout.extract", r, co, rt->shaped.elem, "operand", sm_attr_integer(c, i64t(c), ix));
  return gen_finish(&g, v, NULL);
}

static int resize_nearest(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *rt = op->results[0].type;
  unsigned r = rt->shaped.rank;
  const char *ctm = sm_graph_prop_str(op->props, "coordinate_transformation_mode", "half_pixel");
  const char *nm = sm_graph_prop_str(op->props, "nearest_mode", "round_prefer_floor");
  if (!strcmp(ctm, "tf_crop_and_resize")) return err(op, "lowering does not support tf_crop_and_resize");
  double scales[MAXD];
  if (sm_graph_prop_floats(op->props, "scales", scales, MAXD) != (int)r)
    for (unsigned d = 0; d < r; d++) scales[d] = (double)rt->shaped.dims[d] / (double)xt->shaped.dims[d];
  int64_t *tables[MAXD] = {0};
  int ok = 1;
  for (unsigned d = 0; d < r && ok; d++) {
    int64_t in = xt->shaped.dims[d], out = rt->shaped.dims[d];
    if (in == out && scales[d] == 1.0) continue;
    tables[d] = malloc((size_t)(out ? out : 1) * sizeof(int64_t));
    if (!tables[d]) ok = 0;
    for (int64_t i = 0; ok && i < out; i++)
      tables[d][i] = nearest(nm, sm_graph_resize_coord(ctm, i, scales[d], in, out), in);
  }
  if (ok) outs[0] = gather_by_tables(ob, op, "resize", x, rt, tables);
  for (unsigned d = 0; d < r; d++) free(tables[d]);
  return ok ? 1 : err(op, "out of memory");
}

static int pad_indexed(SmBuilder *ob, SmOp *op, SmValue **outs, const char *mode) {
  SmValue *x = op->operands[0].value;
  SmType *xt = x->type, *rt = op->results[0].type;
  unsigned r = rt->shaped.rank;
  int64_t pads[2 * MAXD] = {0};
  sm_graph_prop_ints(op->props, "pads", pads, 2 * MAXD);
  int64_t *tables[MAXD] = {0};
  int ok = 1;
  for (unsigned d = 0; d < r && ok; d++) {
    int64_t in = xt->shaped.dims[d], out = rt->shaped.dims[d];
    if (pads[d] == 0 && pads[d + r] == 0) continue;
    if (in == 0) ok = -1;
    tables[d] = malloc((size_t)(out ? out : 1) * sizeof(int64_t));
    if (!tables[d]) ok = 0;
    for (int64_t i = 0; ok > 0 && i < out; i++) tables[d][i] = pad_source(mode, i - pads[d], in);
  }
  if (ok > 0) outs[0] = gather_by_tables(ob, op, "pad", x, rt, tables);
  for (unsigned d = 0; d < r; d++) free(tables[d]);
  return ok > 0 ? 1 : err(op, ok ? "lowering cannot pad an empty axis in this mode" : "out of memory");
}

static int gather_elements(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmContext *c = sm_op_context(op);
  SmValue *x = op->operands[0].value, *ind = op->operands[1].value;
  SmType *xt = x->type, *rt = op->results[0].type;
  unsigned r = rt->shaped.rank;
  int64_t ax = sm_graph_prop_int(op->props, "axis", 0);
  if (ax < 0) ax += r;
  Gen g;
  gen_init(&g, ob, op, "gather_elements", r, rt->shaped.dims);
  g.res = rt;
  g.res_map = map_prefix(c, r, r);
  unsigned ix = gen_input(&g, x, NULL, NULL), ii = gen_input(&g, ind, map_prefix(c, r, r), NULL);
  g.cst[ii] = NULL;
  gen_body(&g);
  SmBuilder *b = &g.bb;
  SmType *idx = sm_type_index(c);
  SmValue *iv = gather_index(b, c, BI(&g, ii), xt->shaped.dims[ax]);
  SmValue *co[MAXD];
  for (unsigned d = 0; d < r; d++)
    co[d] = d == ax ? iv
                    : sop(b, "layout.index", 0, NULL, idx, "dim", sm_attr_integer(c, i64t(c), d));
  SmValue *v = sop(b, "layout.extract", r, co, rt->shaped.elem, "operand", sm_attr_integer(c, i64t(c), ix));
  outs[0] = gen_finish(&g, v, NULL);
  return 1;
}

/* A graph.constant of type t holding n raw elements (or a splat), before op. */
static SmValue *new_constant(SmBuilder *ob, SmOp *op, SmType *t, bool splat, const void *data, size_t size) {
  SmContext *c = sm_op_context(op);
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "graph.constant"), op->loc);
  sm_op_state_add_prop(&st, "value", sm_attr_dense(c, t, splat, data, size));
  sm_op_state_add_result(&st, t);
  SmOp *k = sm_builder_create(ob, &st);
  sm_op_state_release(&st);
  return sm_op_result(k, 0);
}

/* graph.shape of a static shape is a constant. */
static int shape_const(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmType *xt = op->operands[0].value->type, *rt = op->results[0].type;
  int64_t start = sm_graph_prop_int(op->props, "start", 0), r = xt->shaped.rank;
  if (start < 0) start += r;
  if (start < 0) start = 0;
  int64_t n = rt->shaped.dims[0], v[MAXD];
  if (rt->shaped.elem != i64t(sm_op_context(op)) || n > MAXD) return err(op, "lowering needs an i64 result");
  for (int64_t i = 0; i < n; i++) v[i] = xt->shaped.dims[start + i];
  outs[0] = new_constant(ob, op, rt, false, v, (size_t)n * sizeof *v);
  return 1;
}

/* graph.constant_of_shape has a static result type: a splat constant. */
static int constant_of_shape(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmContext *c = sm_op_context(op);
  SmType *rt = op->results[0].type, *e = rt->shaped.elem;
  SmAttr *v = sm_op_get_prop(op, "value");
  if (v && (v->kind != SM_ATTR_DENSE_ELEMENTS || v->dense.splat == false ? sm_attr_dense_num_elements(v) != 1 : false))
    return err(op, "lowering needs a one-element 'value'");
  unsigned char buf[8] = {0};
  size_t es = (sm_type_bitwidth(e) + 7) / 8;
  if (es > sizeof buf || es == 0) return err(op, "lowering does not support this element type");
  if (v && v->dense.size >= es) memcpy(buf, v->dense.data, es);
  (void)c;
  outs[0] = new_constant(ob, op, rt, true, buf, es);
  return 1;
}

/* graph.range: start + i * delta per element (its length is in the type). */
static int range(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmContext *c = sm_op_context(op);
  SmType *rt = op->results[0].type, *et = rt->shaped.elem;
  bool f = sm_type_is_float(et);
  Gen g;
  gen_init(&g, ob, op, "range", 1, rt->shaped.dims);
  g.res = rt;
  g.res_map = map_prefix(c, 1, 1);
  SmAffineMap *scalar = map_of(c, 1, 0, NULL);
  unsigned is = gen_input(&g, op->operands[0].value, scalar, NULL), id = gen_input(&g, op->operands[2].value, scalar, NULL);
  gen_body(&g);
  SmBuilder *b = &g.bb;
  SmValue *i = cvt(b, "arith.index_cast", sop(b, "layout.index", 0, NULL, sm_type_index(c), "dim", sm_attr_integer(c, i64t(c), 0)), i64t(c));
  if (f) i = cvt(b, "arith.sitofp", i, et);
  else if (et != i64t(c)) i = cvt(b, "arith.trunci", i, et);
  SmValue *v = bin(b, f ? "arith.addf" : "arith.addi", BI(&g, is), bin(b, f ? "arith.mulf" : "arith.muli", i, BI(&g, id)));
  outs[0] = gen_finish(&g, v, NULL);
  return 1;
}

static SmValue *index_of(SmBuilder *b, unsigned d) {
  SmContext *c = b->ctx;
  return sop(b, "layout.index", 0, NULL, sm_type_index(c), "dim", sm_attr_integer(c, i64t(c), d));
}

/* graph.scatter_nd with indices [u..., q] and updates [u..., rest]: a
 * reduction over the update positions u finds, per output element, the last
 * update whose index matches it (reduction none) or combines all matching
 * updates (add, mul, max, min); an element-wise op then takes that update
 * or combines it with the data. Indices may be run-time values. */
static int scatter_nd(SmBuilder *ob, SmOp *op, SmValue **outs) {
  SmContext *c = sm_op_context(op);
  SmValue *x = op->operands[0].value, *ind = op->operands[1].value, *upd = op->operands[2].value;
  SmType *xt = x->type, *it = ind->type, *ut = upd->type, *et = xt->shaped.elem, *I = i64t(c), *idx = sm_type_index(c);
  unsigned r = xt->shaped.rank, ri = it->shaped.rank;
  int64_t q = it->shaped.dims[ri - 1];
  const char *red = sm_graph_prop_str(op->props, "reduction", "none");
  bool none = !strcmp(red, "none"), f = sm_type_is_float(et);
  if (ri < 1 || q > r || r + ri - 1 > MAXD) return err(op, "lowering does not support these index shapes");
  if (!none && strcmp(red, "add") && strcmp(red, "mul") && strcmp(red, "max") && strcmp(red, "min"))
    return err(op, "unknown reduction");
  int64_t dom[MAXD];
  memcpy(dom, xt->shaped.dims, r * sizeof *dom);
  for (unsigned k = 0; k + 1 < ri; k++) dom[r + k] = it->shaped.dims[k];
  Gen g;
  gen_init(&g, ob, op, "scatter_nd_match", r + ri - 1, dom);
  for (unsigned k = r; k < r + ri - 1; k++) g.red[k] = true;
  SmType *acct = none ? I : et;
  g.res = sm_type_tensor(c, r, xt->shaped.dims, acct, NULL);
  g.res_map = map_prefix(c, r + ri - 1, r);
  if (none) g.init = sm_attr_integer(c, I, -1);
  else if (!strcmp(red, "add")) g.init = zero_of(c, et);
  else if (!strcmp(red, "mul")) g.init = f ? sm_attr_float(c, et, 1.0) : sm_attr_integer(c, et, 1);
  else {
    bool mx = !strcmp(red, "max");
    if (!f) return err(op, "lowering supports max/min reductions on floats only");
    g.init = sm_attr_float(c, et, mx ? -INFINITY : INFINITY);
  }
  unsigned ii = gen_input(&g, ind, NULL, NULL), iu = none ? 0 : gen_input(&g, upd, NULL, NULL);
  SmValue *acc = gen_body(&g);
  SmBuilder *b = &g.bb;
  SmValue *co[MAXD], *match = NULL;
  for (unsigned k = 0; k + 1 < ri; k++) co[k] = index_of(b, r + k);
  for (int64_t j = 0; j < q; j++) {
    co[ri - 1] = csti(b, idx, j);
    SmValue *v = sop(b, "layout.extract", ri, co, it->shaped.elem, "operand", sm_attr_integer(c, I, ii));
    if (v->type != I) v = cvt(b, "arith.extsi", v, I);
    v = sel(b, cmpi(b, I_SLT, v, csti(b, I, 0)), bin(b, "arith.addi", v, csti(b, I, xt->shaped.dims[j])), v);
    SmValue *eq = cmpi(b, I_EQ, v, cvt(b, "arith.index_cast", index_of(b, (unsigned)j), I));
    match = match ? bin(b, "arith.andi", match, eq) : eq;
  }
  SmValue *bv;
  if (none) {
    /* linear position of u */
    SmValue *lin = csti(b, I, 0);
    for (unsigned k = 0; k + 1 < ri; k++)
      lin = bin(b, "arith.addi", bin(b, "arith.muli", lin, csti(b, I, it->shaped.dims[k])), cvt(b, "arith.index_cast", co[k], I));
    bv = match ? sel(b, match, lin, acc) : lin;
  } else {
    SmValue *uc[MAXD];
    for (unsigned k = 0; k + 1 < ri; k++) uc[k] = co[k];
    for (unsigned k = (unsigned)q; k < r; k++) uc[ri - 1 + k - q] = index_of(b, k);
    SmValue *u = sop(b, "layout.extract", ut->shaped.rank, uc, et, "operand", sm_attr_integer(c, I, iu));
    const char *cn = !strcmp(red, "add") ? (f ? "arith.addf" : "arith.addi") : !strcmp(red, "mul") ? (f ? "arith.mulf" : "arith.muli")
                   : !strcmp(red, "max") ? "arith.maximumf" : "arith.minimumf";
    SmValue *nv = bin(b, cn, acc, u);
    bv = match ? sel(b, match, nv, acc) : nv;
  }
  SmValue *found = gen_finish(&g, bv, NULL);
  /* combine with the data */
  gen_init(&g, ob, op, "scatter_nd", r, xt->shaped.dims);
  g.res = op->results[0].type;
  g.res_map = map_prefix(c, r, r);
  unsigned ix = gen_input(&g, x, map_prefix(c, r, r), NULL), iff = gen_input(&g, found, map_prefix(c, r, r), NULL);
  g.cst[ix] = NULL;
  unsigned iu2 = none ? gen_input(&g, upd, NULL, NULL) : 0;
  gen_body(&g);
  b = &g.bb;
  SmValue *v;
  if (none) {
    SmValue *j = BI(&g, iff), *uc[MAXD], *rem = j;
    int64_t inner = 1;
    for (unsigned k = 0; k + 1 < ri; k++) inner *= it->shaped.dims[k];
    for (unsigned k = 0; k + 1 < ri; k++) {
      inner /= it->shaped.dims[k];
      SmValue *jc = sel(b, cmpi(b, I_SLT, rem, csti(b, I, 0)), csti(b, I, 0), rem);
      uc[k] = cvt(b, "arith.index_cast", bin(b, "arith.divsi", jc, csti(b, I, inner)), idx);
      rem = bin(b, "arith.remsi", jc, csti(b, I, inner));
    }
    for (unsigned k = (unsigned)q; k < r; k++) uc[ri - 1 + k - q] = index_of(b, k);
    /* Only read the updates when an update matched (j >= 0). */
    SmValue *u = sop(b, "layout.extract", ut->shaped.rank, uc, et, "operand", sm_attr_integer(c, I, iu2));
    v = sel(b, cmpi(b, I_SGE, j, csti(b, I, 0)), u, BI(&g, ix));
  } else {
    const char *cn = !strcmp(red, "add") ? (f ? "arith.addf" : "arith.addi") : !strcmp(red, "mul") ? (f ? "arith.mulf" : "arith.muli")
                   : !strcmp(red, "max") ? "arith.maximumf" : "arith.minimumf";
    v = bin(b, cn, BI(&g, ix), BI(&g, iff));
  }
  outs[0] = gen_finish(&g, v, NULL);
  return 1;
}

/* A func.return operand that no kernel computes (a function argument, a
 * constant, or a value returned twice) gets a copy, so that every result
 * has a buffer of its own. */
void sm_g2l_materialize_returns(SmOp *ret) {
  SmBuilder b;
  sm_builder_init(&b, sm_op_context(ret));
  sm_builder_set_before(&b, ret);
  for (unsigned i = 0; i < ret->num_operands; i++) {
    SmValue *v = ret->operands[i].value;
    SmOp *d = sm_value_defining_op(v);
    bool dup = false;
    for (unsigned j = 0; j < i; j++) dup |= ret->operands[j].value == v;
    if (d && sm_op_name_is(d, "layout.generic") && !dup) continue;
    if (v->type->kind != SM_TYPE_TENSOR) continue;
    unsigned r = v->type->shaped.rank;
    SmValue *cp = copy_generic(&b, ret, "copy", v, v->type, map_prefix(b.ctx, r, r), NULL);
    sm_op_set_operand(ret, i, cp);
  }
}

int sm_g2l_lower_shape(SmBuilder *ob, SmOp *op, SmValue **outs) {
  const char *n = op->name + 6;
  if (!strcmp(n, "shape")) return shape_const(ob, op, outs);
  if (!strcmp(n, "constant_of_shape")) return constant_of_shape(ob, op, outs);
  if (!strcmp(n, "range")) return range(ob, op, outs);
  if (!strcmp(n, "scatter_nd")) return scatter_nd(ob, op, outs);
  if (!strcmp(n, "depth_to_space")) return depth_space(ob, op, outs, true);
  if (!strcmp(n, "space_to_depth")) return depth_space(ob, op, outs, false);
  if (!strcmp(n, "tile")) return tile(ob, op, outs);
  if (!strcmp(n, "gather_elements")) return gather_elements(ob, op, outs);
  if (!strcmp(n, "resize") && !strcmp(sm_graph_prop_str(op->props, "mode", "nearest"), "nearest"))
    return resize_nearest(ob, op, outs);
  if (!strcmp(n, "pad")) {
    const char *mode = sm_graph_prop_str(op->props, "mode", "constant");
    if (strcmp(mode, "constant")) {
      if (strcmp(mode, "edge") && strcmp(mode, "reflect") && strcmp(mode, "wrap"))
        return err(op, "lowering supports constant, edge, reflect and wrap padding");
      return pad_indexed(ob, op, outs, mode);
    }
  }
  return 0;
}
