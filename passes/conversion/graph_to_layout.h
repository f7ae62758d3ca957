/* Internal to convert-graph-to-layout: the layout.generic builder and the
 * scalar-op helpers that the lowering files (convert_graph_to_layout.c,
 * graph_to_layout_*.c) share. Header-only (static inline) so the short
 * helper names stay private to each file. */
#ifndef SM_PASSES_CONVERSION_GRAPH_TO_LAYOUT_H
#define SM_PASSES_CONVERSION_GRAPH_TO_LAYOUT_H

#include "dialects/arith/arith.h"
#include "dialects/graph/graph.h"
#include "dialects/layout/layout.h"

#include <math.h>
#include <string.h>

#define MAXD 16
#define MAXIN 16

typedef struct Gen {
  SmContext *ctx;
  SmLoc *loc;
  SmBuilder *outer; /* where the generic goes */
  const char *kind;
  unsigned nd;
  int64_t dom[MAXD];
  bool red[MAXD];
  unsigned nin;
  SmValue *ins[MAXIN];
  SmAttr *maps[MAXIN];
  SmAttr *pads[MAXIN];
  SmAttr *cst[MAXIN]; /* scalar constant inlined instead of the operand */
  SmValue *bcst[MAXIN], *ecst[MAXIN];
  SmType *res;
  SmAffineMap *res_map;
  SmAttr *init;
  SmBlock *body, *epi;
  SmBuilder bb, eb;
} Gen;

/* ---- small builders --------------------------------------------------------- */

static inline SmAffineExpr *D(SmContext *c, unsigned i) { return sm_affine_dim(c, i); }
static inline SmAffineExpr *C(SmContext *c, int64_t v) { return sm_affine_const(c, v); }

static inline SmAffineMap *map_of(SmContext *c, unsigned nd, unsigned n, SmAffineExpr **e) {
  return sm_affine_map(c, nd, 0, n, e);
}

/* (d0..d{nd-1}) -> (d0..d{r-1}) */
static inline SmAffineMap *map_prefix(SmContext *c, unsigned nd, unsigned r) {
  SmAffineExpr *e[MAXD];
  for (unsigned i = 0; i < r; i++) e[i] = D(c, i);
  return map_of(c, nd, r, e);
}

/* Map reading a tensor of shape (ri, in) broadcast to the first ro domain
 * dims with output shape out (numpy alignment from the right). */
static inline SmAffineMap *map_broadcast(SmContext *c, unsigned nd, unsigned ro, const int64_t *out,
                                  unsigned ri, const int64_t *in) {
  SmAffineExpr *e[MAXD];
  for (unsigned j = 0; j < ri; j++) {
    unsigned od = j + ro - ri;
    e[j] = (in[j] == 1 && out[od] != 1) ? C(c, 0) : D(c, od);
  }
  return map_of(c, nd, ri, e);
}

static inline SmValue *sop(SmBuilder *b, const char *name, unsigned n, SmValue **ops, SmType *rt,
                    const char *pname, SmAttr *pval) {
  SmOpState st;
  sm_op_state_init(&st, b->ctx, sm_intern_cstr(b->ctx, name), sm_loc_unknown(b->ctx));
  sm_op_state_add_operands(&st, ops, n);
  sm_op_state_add_result(&st, rt);
  if (pname) sm_op_state_add_prop(&st, pname, pval);
  SmOp *op = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  return sm_op_result(op, 0);
}
static inline SmValue *bin(SmBuilder *b, const char *name, SmValue *x, SmValue *y) {
  SmValue *o[2] = {x, y};
  return sop(b, name, 2, o, x->type, NULL, NULL);
}
static inline SmValue *un(SmBuilder *b, const char *name, SmValue *x) { return sop(b, name, 1, &x, x->type, NULL, NULL); }
static inline SmValue *cvt(SmBuilder *b, const char *name, SmValue *x, SmType *t) { return sop(b, name, 1, &x, t, NULL, NULL); }
static inline SmValue *cstf(SmBuilder *b, SmType *t, double v) {
  return sm_op_result(sm_arith_build_constant_float(b, t, v, NULL), 0);
}
static inline SmValue *csti(SmBuilder *b, SmType *t, int64_t v) {
  return sm_op_result(sm_arith_build_constant_int(b, t, v, NULL), 0);
}
static inline SmType *i64t(SmContext *c) { return sm_type_integer(c, 64, SM_SIGNLESS); }
static inline SmType *i1t(SmContext *c) { return sm_type_integer(c, 1, SM_SIGNLESS); }
static inline SmValue *cmpf(SmBuilder *b, int pred, SmValue *x, SmValue *y) {
  SmValue *o[2] = {x, y};
  return sop(b, "arith.cmpf", 2, o, i1t(b->ctx), "predicate", sm_attr_integer(b->ctx, i64t(b->ctx), pred));
}
static inline SmValue *cmpi(SmBuilder *b, int pred, SmValue *x, SmValue *y) {
  SmValue *o[2] = {x, y};
  return sop(b, "arith.cmpi", 2, o, i1t(b->ctx), "predicate", sm_attr_integer(b->ctx, i64t(b->ctx), pred));
}
static inline SmValue *sel(SmBuilder *b, SmValue *c, SmValue *x, SmValue *y) {
  SmValue *o[3] = {c, x, y};
  return sop(b, "arith.select", 3, o, x->type, NULL, NULL);
}
enum { F_OEQ = 1, F_OGT = 2, F_OGE = 3, F_OLT = 4, F_OLE = 5, F_UNO = 14, F_UNE = 13 };
enum { I_EQ = 0, I_NE = 1, I_SLT = 2, I_SLE = 3, I_SGT = 4, I_SGE = 5 };

/* A gather index read from a tensor (any integer type) as an index value
 * into a dim of extent n: widened to i64, a negative index counted from the
 * end (ONNX's Gather/GatherElements rule). */
static inline SmValue *gather_index(SmBuilder *b, SmContext *c, SmValue *iv, int64_t n) {
  if (iv->type != i64t(c)) iv = cvt(b, "arith.extsi", iv, i64t(c));
  SmValue *neg = cmpi(b, I_SLT, iv, csti(b, i64t(c), 0));
  iv = sel(b, neg, bin(b, "arith.addi", iv, csti(b, i64t(c), n)), iv);
  return cvt(b, "arith.index_cast", iv, sm_type_index(c));
}

static inline SmAttr *zero_of(SmContext *c, SmType *t) {
  return sm_type_is_float(t) ? sm_attr_float(c, t, 0.0) : sm_attr_integer(c, t, 0);
}

/* ---- the generic builder ------------------------------------------------------ */

static inline void gen_init(Gen *g, SmBuilder *outer, SmOp *op, const char *kind, unsigned nd, const int64_t *dom) {
  memset(g, 0, sizeof *g);
  g->ctx = outer->ctx;
  g->loc = op->loc;
  g->outer = outer;
  g->kind = kind;
  g->nd = nd;
  if (nd) memcpy(g->dom, dom, nd * sizeof(int64_t)); /* rank 0: dims may be NULL */
}

/* Single-element constant operand: its value as a scalar attribute. */
static inline SmAttr *scalar_constant(SmContext *c, SmValue *v) {
  SmOp *d = sm_value_defining_op(v);
  if (!d || !sm_op_name_is(d, "graph.constant") || sm_type_num_elements(v->type) != 1) return NULL;
  SmAttr *a = sm_op_get_attr(d, "value");
  if (!a || a->kind != SM_ATTR_DENSE_ELEMENTS) return NULL;
  SmType *e = v->type->shaped.elem;
  if (sm_type_is_float(e)) return sm_attr_float(c, e, sm_attr_dense_get_f64(a, 0));
  if (sm_type_is_integer(e)) return sm_attr_integer(c, e, sm_attr_dense_get_i64(a, 0));
  return NULL;
}

static inline unsigned gen_input(Gen *g, SmValue *v, SmAffineMap *m, SmAttr *pad) {
  unsigned i = g->nin++;
  g->ins[i] = v;
  g->maps[i] = m ? sm_attr_affine_map(g->ctx, m) : sm_attr_unit(g->ctx);
  g->pads[i] = pad ? pad : sm_attr_unit(g->ctx);
  g->cst[i] = m && !pad ? scalar_constant(g->ctx, v) : NULL;
  return i;
}

static inline SmType *elem(SmValue *v) { return v->type->shaped.elem; }

/* Starts the body: creates its block with all argument slots. */
static inline SmValue *gen_body(Gen *g) {
  g->body = sm_block_create();
  for (unsigned i = 0; i < g->nin; i++) sm_block_add_arg(g->body, elem(g->ins[i]), g->loc);
  SmValue *acc = sm_block_add_arg(g->body, g->res->shaped.elem, g->loc);
  sm_builder_init(&g->bb, g->ctx);
  sm_builder_set_block_end(&g->bb, g->body);
  return acc;
}
static inline SmValue *gen_epi(Gen *g) {
  g->epi = sm_block_create();
  SmValue *acc = sm_block_add_arg(g->epi, g->res->shaped.elem, g->loc);
  for (unsigned i = 0; i < g->nin; i++) sm_block_add_arg(g->epi, elem(g->ins[i]), g->loc);
  sm_builder_init(&g->eb, g->ctx);
  sm_builder_set_block_end(&g->eb, g->epi);
  return acc;
}
static inline SmValue *materialize(SmBuilder *b, SmAttr *a) {
  return a->kind == SM_ATTR_FLOAT ? cstf(b, a->fp.type, a->fp.value) : csti(b, a->integer.type, a->integer.value);
}
/* Body / epilogue value of input i. */
static inline SmValue *BI(Gen *g, unsigned i) {
  if (!g->cst[i]) return g->body->args[i];
  if (!g->bcst[i]) {
    SmBuilder b = g->bb;
    sm_builder_set_block_start(&b, g->body);
    g->bcst[i] = materialize(&b, g->cst[i]);
  }
  return g->bcst[i];
}
static inline SmValue *EI(Gen *g, unsigned i) {
  if (!g->cst[i]) return g->epi->args[1 + i];
  if (!g->ecst[i]) {
    SmBuilder b = g->eb;
    sm_builder_set_block_start(&b, g->epi);
    g->ecst[i] = materialize(&b, g->cst[i]);
  }
  return g->ecst[i];
}

static inline void yield(SmBuilder *b, SmValue *v) {
  SmOpState st;
  sm_op_state_init(&st, b->ctx, sm_intern_cstr(b->ctx, "layout.yield"), sm_loc_unknown(b->ctx));
  sm_op_state_add_operand(&st, v);
  sm_builder_create(b, &st);
  sm_op_state_release(&st);
}

/* Creates the op (dropping inlined-constant inputs) and returns its result. */
static inline SmValue *gen_finish(Gen *g, SmValue *body_val, SmValue *epi_val) {
  SmContext *c = g->ctx;
  yield(&g->bb, body_val);
  if (g->epi) yield(&g->eb, epi_val);
  SmValue *ins[MAXIN];
  SmAttr *maps[MAXIN + 1], *pads[MAXIN];
  unsigned n = 0;
  bool any_pad = false;
  for (unsigned i = g->nin; i-- > 0;)
    if (g->cst[i]) {
      sm_block_erase_arg(g->body, i);
      if (g->epi) sm_block_erase_arg(g->epi, 1 + i);
    }
  for (unsigned i = 0; i < g->nin; i++) {
    if (g->cst[i]) continue;
    ins[n] = g->ins[i];
    maps[n] = g->maps[i];
    pads[n] = g->pads[i];
    any_pad |= g->pads[i]->kind != SM_ATTR_UNIT;
    n++;
  }
  maps[n] = sm_attr_affine_map(c, g->res_map);
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "layout.generic"), g->loc);
  sm_op_state_add_operands(&st, ins, n);
  sm_op_state_add_result(&st, g->res);
  sm_op_state_add_prop(&st, "domain", sm_attr_dense_array_i64(c, g->nd, g->dom));
  SmAttr *its[MAXD];
  bool has_red = false;
  for (unsigned d = 0; d < g->nd; d++) {
    const char *s = g->red[d] ? "reduction" : "parallel";
    its[d] = sm_attr_string(c, s, strlen(s));
    has_red |= g->red[d];
  }
  sm_op_state_add_prop(&st, "iterator_types", sm_attr_array(c, g->nd, its));
  sm_op_state_add_prop(&st, "indexing_maps", sm_attr_array(c, n + 1, maps));
  if (any_pad) sm_op_state_add_prop(&st, "pad", sm_attr_array(c, n, pads));
  if (has_red || g->init) {
    SmAttr *init = g->init ? g->init : zero_of(c, g->res->shaped.elem);
    sm_op_state_add_prop(&st, "init", sm_attr_array(c, 1, &init));
  }
  sm_op_state_add_prop(&st, "kind", sm_attr_string(c, g->kind, strlen(g->kind)));
  sm_region_append_block(sm_op_state_add_region(&st), g->body);
  SmRegion *er = sm_op_state_add_region(&st);
  if (g->epi) sm_region_append_block(er, g->epi);
  SmOp *op = sm_builder_create(g->outer, &st);
  sm_op_state_release(&st);
  return sm_op_result(op, 0);
}

/* ---- data movement (Fixed ops) ------------------------------------------------------ */

/* Copy whose input map is m (domain = result dims). */
static inline SmValue *copy_generic(SmBuilder *ob, SmOp *op, const char *kind, SmValue *x, SmType *rt, SmAffineMap *m, SmAttr *pad) {
  Gen g;
  unsigned r = rt->shaped.rank;
  gen_init(&g, ob, op, kind, r, rt->shaped.dims);
  g.res = rt;
  g.res_map = map_prefix(g.ctx, r, r);
  unsigned ix = gen_input(&g, x, m, pad);
  g.cst[ix] = NULL; /* a copy keeps its operand even when it is a scalar constant */
  gen_body(&g);
  return gen_finish(&g, BI(&g, ix), NULL);
}

/* Reshape map: result index -> linear -> input index (shared with
 * smartmem-eliminate, which recognises it to invert it). */
static inline SmAffineMap *reshape_map(SmContext *c, SmType *rt, SmType *xt) {
  return sm_affine_map_reshape(c, rt->shaped.rank, rt->shaped.dims, xt->shaped.rank, xt->shaped.dims);
}


/* ONNX Round (halves to even) from floor: r = floor(x), t = x - r (exact);
 * t > 0.5 or (t == 0.5 and r odd) rounds up. No x + 0.5, which rounds
 * 0.49999997f up. NaN and inf pass through floor unchanged (t is NaN, no
 * comparison holds). */
static inline SmValue *sm_g2l_round_even(SmBuilder *b, SmValue *x) {
  SmType *t = x->type;
  SmValue *r = un(b, "math.floor", x), *d = bin(b, "arith.subf", x, r), *h = cstf(b, t, 0.5);
  SmValue *half_r = un(b, "math.floor", bin(b, "arith.mulf", r, h));
  SmValue *odd = cmpf(b, F_UNE, bin(b, "arith.subf", r, bin(b, "arith.addf", half_r, half_r)), cstf(b, t, 0.0));
  SmValue *up = cmpf(b, F_OGT, d, h), *tie = cmpf(b, F_OEQ, d, h);
  SmValue *o[2] = {tie, odd};
  SmValue *tie_odd = sop(b, "arith.andi", 2, o, i1t(b->ctx), NULL, NULL);
  SmValue *o2[2] = {up, tie_odd};
  SmValue *inc = sop(b, "arith.ori", 2, o2, i1t(b->ctx), NULL, NULL);
  return sel(b, inc, bin(b, "arith.addf", r, cstf(b, t, 1.0)), r);
}

/* Lowerings in graph_to_layout_*.c. Each returns 1 when it lowered op into
 * outs, 0 when op is not one of its ops, -1 on a diagnosed error. */
int sm_g2l_lower_reduce(SmBuilder *b, SmOp *op, SmValue **outs);
int sm_g2l_lower_nn(SmBuilder *b, SmOp *op, SmValue **outs);
int sm_g2l_lower_shape(SmBuilder *b, SmOp *op, SmValue **outs);
int sm_g2l_lower_scan(SmBuilder *b, SmOp *op, SmValue **outs);
int sm_g2l_lower_norm(SmBuilder *b, SmOp *op, SmValue **outs);
/* Gives every func.return operand that no layout.generic computes (or that
 * repeats) a copy of its own. */
void sm_g2l_materialize_returns(SmOp *ret);

#endif
