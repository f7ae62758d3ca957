/* Structural tests on layout.generic and the two rewrites that
 * smartmem-eliminate and smartmem-fuse are built from (see
 * smartmem_internal.h and docs/smartmem.md). */
#include "passes/smartmem/smartmem_internal.h"

#include <string.h>

bool sm_is_layout_generic(const SmOp *op) { return op && sm_op_name_is((SmOp *)op, "layout.generic"); }

static SmBlock *body_of(const SmOp *g) { return g->regions[0].first; }
static SmBlock *epi_of(const SmOp *g) { return g->num_regions > 1 ? g->regions[1].first : NULL; }

static bool pointwise(const SmOp *g, bool identity_result);

bool sm_generic_is_pointwise(const SmOp *g) { return pointwise(g, true); }
bool sm_generic_is_elementwise(const SmOp *g) { return pointwise(g, false); }

static bool pointwise(const SmOp *g, bool identity_result) {
  if (!sm_is_layout_generic(g) || g->num_results != 1 || epi_of(g) || !body_of(g)) return false;
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  for (unsigned d = 0; d < nd; d++)
    if (sm_layout_generic_is_reduction(g, d)) return false;
  SmAffineMap *rm = sm_layout_generic_map(g, g->num_operands);
  if (!rm || (identity_result && !sm_affine_map_is_identity(rm))) return false;
  for (unsigned i = 0; i < g->num_operands; i++)
    if (!sm_layout_generic_map(g, i)) return false;
  SmBlock *b = body_of(g);
  if (b->num_args != g->num_operands + 1 || !sm_value_use_empty(b->args[b->num_args - 1])) return false;
  for (SmOp *o = b->first; o; o = o->next)
    if (sm_op_name_is(o, "layout.extract") || sm_op_name_is(o, "layout.index")) return false;
  return true;
}

bool sm_generic_is_reindex(const SmOp *g) {
  if (!sm_generic_is_pointwise(g) || g->num_operands != 1) return false;
  SmOp *y = body_of(g)->first;
  return y && sm_op_name_is(y, "layout.yield") && y->num_operands == 1 && y->operands[0].value == body_of(g)->args[0];
}

static bool is_zero(const SmAttr *a) {
  return a && ((a->kind == SM_ATTR_FLOAT && a->fp.value == 0.0) || (a->kind == SM_ATTR_INTEGER && a->integer.value == 0));
}

bool sm_generic_is_padded_sum(const SmOp *g) {
  if (!sm_generic_is_pointwise(g) || g->num_operands < 2) return false;
  for (unsigned i = 0; i < g->num_operands; i++)
    if (!is_zero(sm_layout_generic_pad(g, i))) return false;
  SmBlock *b = body_of(g);
  for (unsigned i = 0; i < g->num_operands; i++)
    if (!sm_value_has_one_use(b->args[i])) return false;
  unsigned adds = 0;
  SmOp *last = NULL;
  for (SmOp *o = b->first; o; o = o->next) {
    if (sm_op_name_is(o, "layout.yield")) {
      if (!last || o->num_operands != 1 || o->operands[0].value != &last->results[0]) return false;
      continue;
    }
    if (!sm_op_name_is(o, "arith.addf") && !sm_op_name_is(o, "arith.addi")) return false;
    if (!sm_value_has_one_use(&o->results[0])) return false;
    adds++;
    last = o;
  }
  /* n - 1 single-use adds over n single-use args: a tree using each once. */
  return adds + 1 == g->num_operands;
}

/* Out-of-bounds reads of g's result (by c through operand k) stay out of
 * bounds of g's input i: for every dim j of g's domain that c's read can
 * take out of [0, Y_j), some result of the input map is d_j + c with c <= 0
 * and Y_j + c >= X_r (so the coordinate lands outside [0, X_r)). */
static bool keeps_out_of_bounds(const SmOp *cons, unsigned k, const SmOp *g, unsigned i) {
  const int64_t *Y;
  unsigned nd = sm_layout_generic_domain(g, &Y);
  SmAffineMap *m = sm_layout_generic_map(g, i);
  SmType *xt = g->operands[i].value->type;
  bool covered[64] = {false};
  if (nd > 64) return false;
  for (unsigned r = 0; r < m->num_results; r++) {
    const SmAffineExpr *e = m->results[r];
    int64_t c = 0;
    if (e->kind == SM_AFFINE_ADD && e->bin.rhs->kind == SM_AFFINE_CONST) c = e->bin.rhs->value, e = e->bin.lhs;
    if (e->kind != SM_AFFINE_DIM || c > 0) continue;
    if (Y[e->position] + c >= xt->shaped.dims[r]) covered[e->position] = true;
  }
  const int64_t *cdom;
  unsigned cnd = sm_layout_generic_domain(cons, &cdom);
  SmAffineMap *cm = sm_layout_generic_map(cons, k);
  for (unsigned j = 0; j < nd; j++) {
    int64_t lo, hi;
    if (covered[j]) continue;
    if (j >= cm->num_results || !sm_affine_expr_bounds(cm->results[j], cnd, cdom, &lo, &hi) || lo < 0 || hi >= Y[j])
      return false;
  }
  return true;
}

bool sm_generic_can_inline(const SmOp *c, unsigned k, const SmOp *g, SmAttr **pads) {
  if (!sm_is_layout_generic(c) || k >= c->num_operands || c->operands[k].value != &g->results[0]) return false;
  if (!sm_layout_generic_map(c, k) || c->num_operands - 1 + g->num_operands > SM_FUSE_MAX_INPUTS) return false;
  /* layout.extract names its operand by number: do not shift the numbers. */
  if (g->num_operands != 1)
    for (SmOp *o = body_of(c)->first; o; o = o->next)
      if (sm_op_name_is(o, "layout.extract")) return false;
  SmAttr *pc = sm_layout_generic_pad(c, k);
  /* A padded read of a computed value would apply g's body to the pad. */
  bool moves_only = sm_generic_is_reindex(g) || sm_generic_is_padded_sum(g);
  if (pc && !moves_only) return false;
  for (unsigned i = 0; i < g->num_operands; i++) {
    SmAttr *pg = sm_layout_generic_pad(g, i);
    if (!pc) {
      pads[i] = pg;
      continue;
    }
    if ((pg && pg != pc) || !keeps_out_of_bounds(c, k, g, i)) return false;
    pads[i] = pc;
  }
  return true;
}

/* Clones src's ops (but its terminator) at b; returns the yielded value. */
static SmValue *clone_ops(SmBlock *src, SmBuilder *b, SmPtrMap *map) {
  SmValue *y = NULL;
  for (SmOp *o = src->first; o; o = o->next) {
    if (sm_op_name_is(o, "layout.yield")) {
      y = sm_ptrmap_get(map, o->operands[0].value);
      if (!y) y = o->operands[0].value;
      continue;
    }
    SmOp *cl = sm_op_clone(o, map);
    sm_builder_insert(b, cl);
    for (unsigned r = 0; r < o->num_results; r++) sm_ptrmap_put(map, &o->results[r], &cl->results[r]);
  }
  return y;
}

static void yield(SmBuilder *b, SmValue *v) {
  SmOpState st;
  sm_op_state_init(&st, b->ctx, sm_intern_cstr(b->ctx, "layout.yield"), sm_loc_unknown(b->ctx));
  sm_op_state_add_operand(&st, v);
  sm_builder_create(b, &st);
  sm_op_state_release(&st);
}

/* Creates a generic before `at` from `like`'s domain/iterators/init and the
 * given operands, maps (n + 1, result last), pads, regions and kind. */
static SmOp *create_generic(SmOp *at, SmOp *like, SmType *rt, unsigned n, SmValue **ins, SmAttr **maps,
                            SmAttr **pads, SmBlock *body, SmBlock *epi, SmAttr *kind) {
  SmContext *ctx = sm_op_context(at);
  bool any_pad = false;
  for (unsigned i = 0; i < n; i++) {
    any_pad |= pads[i] != NULL;
    if (!pads[i]) pads[i] = sm_attr_unit(ctx);
  }
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "layout.generic"), at->loc);
  sm_op_state_add_operands(&st, ins, n);
  sm_op_state_add_result(&st, rt);
  sm_op_state_add_prop(&st, "domain", sm_op_get_prop(like, "domain"));
  sm_op_state_add_prop(&st, "iterator_types", sm_op_get_prop(like, "iterator_types"));
  sm_op_state_add_prop(&st, "indexing_maps", sm_attr_array(ctx, n + 1, maps));
  if (any_pad) sm_op_state_add_prop(&st, "pad", sm_attr_array(ctx, n, pads));
  if (sm_op_get_prop(like, "init")) sm_op_state_add_prop(&st, "init", sm_op_get_prop(like, "init"));
  if (kind) sm_op_state_add_prop(&st, "kind", kind);
  sm_region_append_block(sm_op_state_add_region(&st), body);
  SmRegion *er = sm_op_state_add_region(&st);
  if (epi) sm_region_append_block(er, epi);
  SmBuilder b;
  sm_builder_init(&b, ctx);
  sm_builder_set_before(&b, at);
  SmOp *op = sm_builder_create(&b, &st);
  sm_op_state_release(&st);
  return op;
}

static SmAttr *map_attr(SmContext *ctx, SmAffineMap *m, const int64_t *dom) {
  return sm_attr_affine_map(ctx, sm_affine_map_simplify_ranges(ctx, m, dom));
}

/* New block for c's region: `lead` leading args copied (accumulators of an
 * epilogue), then the new inputs, then `trail` trailing args (a body's
 * accumulators). src's args map to the new ones; src's input k is computed
 * by g's body at the start of the block (when used). */
static SmBlock *splice_block(SmBlock *src, unsigned lead, unsigned nin_old, unsigned k, SmOp *g, unsigned n,
                             SmValue **ins, SmLoc *loc) {
  SmContext *ctx = sm_op_context(g);
  SmBlock *nb = sm_block_create();
  SmPtrMap map;
  sm_ptrmap_init(&map);
  for (unsigned a = 0; a < lead; a++) sm_ptrmap_put(&map, src->args[a], sm_block_add_arg(nb, src->args[a]->type, loc));
  SmValue *nargs[2 * SM_FUSE_MAX_INPUTS];
  for (unsigned i = 0; i < n; i++) nargs[i] = sm_block_add_arg(nb, ins[i]->type->shaped.elem, loc);
  for (unsigned a = lead + nin_old; a < src->num_args; a++)
    sm_ptrmap_put(&map, src->args[a], sm_block_add_arg(nb, src->args[a]->type, loc));
  for (unsigned j = 0, p = 0; j < nin_old; j++) {
    if (j == k) {
      p += g->num_operands;
      continue;
    }
    sm_ptrmap_put(&map, src->args[lead + j], nargs[p++]);
  }
  SmBuilder b;
  sm_builder_init(&b, ctx);
  sm_builder_set_block_end(&b, nb);
  if (!sm_value_use_empty(src->args[lead + k])) {
    SmBlock *gb = body_of(g);
    for (unsigned i = 0; i < g->num_operands; i++) sm_ptrmap_put(&map, gb->args[i], nargs[k + i]);
    sm_ptrmap_put(&map, src->args[lead + k], clone_ops(gb, &b, &map));
  }
  yield(&b, clone_ops(src, &b, &map));
  sm_ptrmap_free(&map);
  return nb;
}

SmOp *sm_generic_inline_producer(SmOp *c, unsigned k, SmOp *g, SmAttr *const *gpads) {
  SmContext *ctx = sm_op_context(c);
  const int64_t *dom;
  sm_layout_generic_domain(c, &dom);
  SmAffineMap *ck = sm_layout_generic_map(c, k);
  unsigned n = 0, nc = c->num_operands;
  SmValue *ins[SM_FUSE_MAX_INPUTS + 1];
  SmAttr *maps[SM_FUSE_MAX_INPUTS + 1], *pads[SM_FUSE_MAX_INPUTS + 1];
  for (unsigned j = 0; j < nc; j++) {
    if (j == k) {
      for (unsigned i = 0; i < g->num_operands; i++, n++) {
        ins[n] = g->operands[i].value;
        maps[n] = map_attr(ctx, sm_affine_map_compose(ctx, sm_layout_generic_map(g, i), ck), dom);
        pads[n] = gpads[i];
      }
      continue;
    }
    ins[n] = c->operands[j].value;
    SmAffineMap *m = sm_layout_generic_map(c, j);
    maps[n] = m ? sm_attr_affine_map(ctx, m) : sm_attr_unit(ctx);
    pads[n] = sm_layout_generic_pad(c, j);
    n++;
  }
  maps[n] = sm_attr_affine_map(ctx, sm_layout_generic_map(c, nc));
  SmBlock *body = splice_block(body_of(c), 0, nc, k, g, n, ins, c->loc);
  SmBlock *epi = NULL;
  if (epi_of(c)) epi = splice_block(epi_of(c), epi_of(c)->num_args - nc, nc, k, g, n, ins, c->loc);
  SmOp *nop = create_generic(c, c, c->results[0].type, n, ins, maps, pads, body, epi, sm_op_get_prop(c, "kind"));
  SmValue *r = sm_op_result(nop, 0);
  sm_op_replace_all_uses(c, &r);
  sm_op_erase(c);
  return nop;
}

static SmOp *finish_epilogue_fusion(SmOp *p, SmOp *e, unsigned n, SmValue **ins, SmAttr **maps, SmAttr **pads,
                                    SmBlock *body, SmBlock *epi);

SmOp *sm_generic_fuse_epilogue(SmOp *p, SmOp *e, unsigned k) {
  SmContext *ctx = sm_op_context(p);
  const int64_t *dom;
  sm_layout_generic_domain(p, &dom);
  SmAffineMap *rm = sm_layout_generic_map(p, p->num_operands);
  unsigned np = p->num_operands, ne = e->num_operands, n = 0;
  SmValue *pv0 = e->operands[k].value; /* p's result: every operand reading it becomes the epilogue value */
  SmValue *ins[SM_FUSE_MAX_INPUTS + 1];
  SmAttr *maps[SM_FUSE_MAX_INPUTS + 1], *pads[SM_FUSE_MAX_INPUTS + 1];
  unsigned epos[SM_FUSE_MAX_INPUTS];
  for (unsigned i = 0; i < np; i++, n++) {
    ins[n] = p->operands[i].value;
    SmAffineMap *m = sm_layout_generic_map(p, i);
    maps[n] = m ? sm_attr_affine_map(ctx, m) : sm_attr_unit(ctx);
    pads[n] = sm_layout_generic_pad(p, i);
  }
  for (unsigned j = 0; j < ne; j++) {
    if (e->operands[j].value == pv0) continue;
    epos[j] = n;
    ins[n] = e->operands[j].value;
    /* e's domain is p's result index space: read e's operands through p's result map. */
    maps[n] = map_attr(ctx, sm_affine_map_compose(ctx, sm_layout_generic_map(e, j), rm), dom);
    pads[n] = sm_layout_generic_pad(e, j);
    n++;
  }
  /* e writes its element idx = rm(d) at its own result map of idx. */
  maps[n] = map_attr(ctx, sm_affine_map_compose(ctx, sm_layout_generic_map(e, ne), rm), dom);
  SmLoc *loc = p->loc;
  SmBuilder b;
  sm_builder_init(&b, ctx);
  SmPtrMap map;
  sm_ptrmap_init(&map);
  /* Body: p's, with slots for e's inputs. */
  SmBlock *pb = body_of(p), *body = sm_block_create();
  SmValue *bargs[SM_FUSE_MAX_INPUTS + 1];
  for (unsigned i = 0; i < n; i++) {
    bargs[i] = sm_block_add_arg(body, ins[i]->type->shaped.elem, loc);
    if (i < np) sm_ptrmap_put(&map, pb->args[i], bargs[i]);
  }
  for (unsigned a = np; a < pb->num_args; a++) sm_ptrmap_put(&map, pb->args[a], sm_block_add_arg(body, pb->args[a]->type, loc));
  sm_builder_set_block_end(&b, body);
  SmValue *bv = clone_ops(pb, &b, &map);
  sm_ptrmap_clear(&map);
  const int64_t *pdom;
  unsigned pnd = sm_layout_generic_domain(p, &pdom);
  bool all_parallel = !epi_of(p);
  for (unsigned d = 0; d < pnd; d++) all_parallel &= !sm_layout_generic_is_reduction(p, d);
  SmBlock *eb = body_of(e);
  if (all_parallel) {
    /* No reduction: e's body continues p's body, and the result stays a
     * body-only (element-wise) op that later fusions can take. */
    for (unsigned j = 0; j < ne; j++) sm_ptrmap_put(&map, eb->args[j], e->operands[j].value == pv0 ? bv : bargs[epos[j]]);
    yield(&b, clone_ops(eb, &b, &map));
    sm_ptrmap_free(&map);
    return finish_epilogue_fusion(p, e, n, ins, maps, pads, body, NULL);
  }
  yield(&b, bv);
  /* Epilogue: p's epilogue (or the accumulator), then e's body on it. */
  SmBlock *epi = sm_block_create();
  SmValue *acc = sm_block_add_arg(epi, p->results[0].type->shaped.elem, loc), *eargs[SM_FUSE_MAX_INPUTS + 1];
  for (unsigned i = 0; i < n; i++) eargs[i] = sm_block_add_arg(epi, ins[i]->type->shaped.elem, loc);
  sm_builder_set_block_end(&b, epi);
  SmValue *pv = acc;
  SmBlock *pe = epi_of(p);
  if (pe) {
    sm_ptrmap_put(&map, pe->args[0], acc);
    for (unsigned i = 0; i < np; i++) sm_ptrmap_put(&map, pe->args[1 + i], eargs[i]);
    pv = clone_ops(pe, &b, &map);
    sm_ptrmap_clear(&map);
  }
  for (unsigned j = 0; j < ne; j++) sm_ptrmap_put(&map, eb->args[j], e->operands[j].value == pv0 ? pv : eargs[epos[j]]);
  yield(&b, clone_ops(eb, &b, &map));
  sm_ptrmap_free(&map);
  return finish_epilogue_fusion(p, e, n, ins, maps, pads, body, epi);
}

static SmOp *finish_epilogue_fusion(SmOp *p, SmOp *e, unsigned n, SmValue **ins, SmAttr **maps, SmAttr **pads,
                                    SmBlock *body, SmBlock *epi) {
  SmContext *ctx = sm_op_context(p);
  SmAttr *pk = sm_op_get_prop(p, "kind"), *ek = sm_op_get_prop(e, "kind");
  SmStrBuf kb = {0};
  sm_strbuf_printf(&kb, "%s+%s", pk ? pk->string.data : "generic", ek ? ek->string.data : "generic");
  SmAttr *kind = sm_attr_string(ctx, kb.data, kb.len);
  sm_strbuf_free(&kb);
  SmOp *f = create_generic(e, p, e->results[0].type, n, ins, maps, pads, body, epi, kind);
  SmValue *r0 = sm_op_result(f, 0);
  sm_op_replace_all_uses(e, &r0);
  sm_op_erase(e);
  sm_op_erase(p);
  return f;
}

SmOp *sm_generic_replace_with_reindex(SmOp *g, SmValue *x, SmAffineMap *m) {
  SmContext *ctx = sm_op_context(g);
  SmBlock *body = sm_block_create();
  SmValue *a = sm_block_add_arg(body, x->type->shaped.elem, g->loc);
  sm_block_add_arg(body, g->results[0].type->shaped.elem, g->loc);
  SmBuilder b;
  sm_builder_init(&b, ctx);
  sm_builder_set_block_end(&b, body);
  yield(&b, a);
  SmAttr *maps[2] = {sm_attr_affine_map(ctx, m), sm_attr_affine_map(ctx, sm_layout_generic_map(g, g->num_operands))};
  SmAttr *pads[1] = {NULL};
  SmOp *r = create_generic(g, g, g->results[0].type, 1, &x, maps, pads, body, NULL, sm_op_get_prop(g, "kind"));
  SmValue *v = sm_op_result(r, 0);
  sm_op_replace_all_uses(g, &v);
  sm_op_erase(g);
  return r;
}
