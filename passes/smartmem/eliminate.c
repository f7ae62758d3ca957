/* smartmem-eliminate: SmartMem's index comprehension (DESIGN §6) on the
 * layout.generic graph. A generic that only moves data - a pure re-indexing
 * (one input yielded unchanged: reshape, transpose, slice, expand, squeeze,
 * constant gather, split, pad...) or a sum of zero-padded reads (concat) -
 * is recognised from its maps and body, never from its `kind`, and removed:
 *   Variable -> Fixed: when its input has no other reader and is produced by
 *     a generic, and its map is invertible (a permutation or a row-major
 *     reshape), the producer writes each element where the copy would have
 *     put it (result map := inverse ∘ result map).
 *   Fixed -> Variable: otherwise every generic consumer reads the copy's
 *     inputs through the composed maps (padded reads only where the pad
 *     still applies, see smartmem_internal.h).
 *   Fixed -> Fixed: the same rules compose chains.
 * A copy feeding something else (a function result whose producer cannot be
 * redirected) stays, as a copy kernel that smc --stats counts. */
#include "passes/smartmem/smartmem.h"
#include "passes/smartmem/smartmem_internal.h"

#include <string.h>

static bool row_major(SmType *t) { return t->kind == SM_TYPE_TENSOR && !t->shaped.encoding; }

/* Variable -> Fixed: redirect the producer's writes. */
static bool fold_into_producer(SmOp *g) {
  SmContext *ctx = sm_op_context(g);
  SmValue *x = g->operands[0].value;
  SmOp *p = sm_value_defining_op(x);
  if (!sm_is_layout_generic(p) || p->num_results != 1 || !sm_value_has_one_use(x) || p->block != g->block)
    return false;
  SmType *xt = x->type, *yt = g->results[0].type;
  if (!row_major(xt) || !row_major(yt)) return false;
  SmAffineMap *inv = sm_affine_map_invert_reindex(ctx, sm_layout_generic_map(g, 0), yt->shaped.dims, xt->shaped.dims);
  if (!inv) return false;
  const int64_t *dom;
  sm_layout_generic_domain(p, &dom);
  SmAffineMap *rm = sm_affine_map_compose(ctx, inv, sm_layout_generic_map(p, p->num_operands));
  rm = sm_affine_map_simplify_ranges(ctx, rm, dom);
  SmAttr *old = sm_op_get_prop(p, "indexing_maps");
  SmAttr *maps[SM_FUSE_MAX_INPUTS * 2 + 1];
  unsigned n = old->array.count;
  if (n > sizeof maps / sizeof maps[0]) return false;
  memcpy(maps, old->array.elems, n * sizeof *maps);
  maps[n - 1] = sm_attr_affine_map(ctx, rm);
  sm_op_set_prop(p, "indexing_maps", sm_attr_array(ctx, n, maps));
  /* The producer now yields the copy's tensor (same elements, other shape). */
  p->results[0].type = yt;
  sm_value_replace_all_uses(&g->results[0], &p->results[0]);
  sm_op_erase(g);
  return true;
}

/* Fixed -> Variable / Fixed: each generic consumer reads through g. */
static bool fold_into_consumers(SmOp *g) {
  bool changed = false, again = true;
  while (again) {
    again = false;
    for (SmUse *u = g->results[0].uses; u; u = u->next) {
      SmOp *c = u->owner;
      SmAttr *pads[SM_FUSE_MAX_INPUTS];
      if (c->block != g->block || !sm_generic_can_inline(c, u->index, g, pads)) continue;
      sm_generic_inline_producer(c, u->index, g, pads);
      changed = again = true;
      break;
    }
  }
  if (sm_value_use_empty(&g->results[0])) sm_op_erase(g);
  return changed;
}

/* ---- concat of slices of one tensor (a roll) -> one re-indexing ---- */

#define MAXPIECES SM_FUSE_MAX_INPUTS
#define MAXENUM (1 << 16)

static bool uses_only(const SmAffineExpr *e, unsigned dim) {
  switch (e->kind) {
  case SM_AFFINE_DIM: return e->position == dim;
  case SM_AFFINE_SYMBOL: return false;
  case SM_AFFINE_CONST: return true;
  default: return uses_only(e->bin.lhs, dim) && uses_only(e->bin.rhs, dim);
  }
}

/* Interval [lo, hi) of domain dim j where input i's read is in bounds,
 * when every result of its map is d_j + c or a constant. */
static bool piece_box(const SmOp *g, unsigned i, unsigned nd, const int64_t *dom, int64_t *lo, int64_t *hi) {
  SmAffineMap *m = sm_layout_generic_map(g, i);
  const int64_t *sd = g->operands[i].value->type->shaped.dims;
  for (unsigned j = 0; j < nd; j++) lo[j] = 0, hi[j] = dom[j];
  for (unsigned r = 0; r < m->num_results; r++) {
    const SmAffineExpr *e = m->results[r];
    int64_t c = 0;
    if (e->kind == SM_AFFINE_CONST) {
      if (e->value < 0 || e->value >= sd[r]) return false;
      continue;
    }
    if (e->kind == SM_AFFINE_ADD && e->bin.rhs->kind == SM_AFFINE_CONST) c = e->bin.rhs->value, e = e->bin.lhs;
    if (e->kind != SM_AFFINE_DIM) return false;
    unsigned j = e->position;
    if (-c > lo[j]) lo[j] = -c;
    if (sd[r] - c < hi[j]) hi[j] = sd[r] - c;
  }
  return true;
}

/* A padded sum whose inputs are re-indexings of one tensor x, in pieces
 * along one domain dim, that one affine map F reproduces (checked point by
 * point along that dim; F tried as some piece's map taken mod the extent):
 * e.g. a roll (concat of two slices) becomes x[(d + s) mod n]. */
static bool merge_pieces(SmOp *g) {
  SmContext *ctx = sm_op_context(g);
  unsigned n = g->num_operands;
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  if (n > MAXPIECES || nd > 16) return false;
  SmOp *src[MAXPIECES];
  SmValue *x = NULL;
  for (unsigned i = 0; i < n; i++) {
    src[i] = sm_value_defining_op(g->operands[i].value);
    if (!sm_generic_is_reindex(src[i]) || (x && src[i]->operands[0].value != x)) return false;
    x = src[i]->operands[0].value;
  }
  int64_t lo[MAXPIECES][16], hi[MAXPIECES][16];
  for (unsigned i = 0; i < n; i++)
    if (!piece_box(g, i, nd, dom, lo[i], hi[i])) return false;
  int ax = -1;
  for (unsigned j = 0; j < nd; j++)
    for (unsigned i = 0; i < n; i++)
      if (lo[i][j] > 0 || hi[i][j] < dom[j]) {
        if (ax >= 0 && ax != (int)j) return false;
        ax = (int)j;
      }
  if (ax < 0 || dom[ax] > MAXENUM) return false;
  SmAffineMap *k[MAXPIECES];
  for (unsigned i = 0; i < n; i++)
    k[i] = sm_affine_map_simplify_ranges(
        ctx, sm_affine_map_compose(ctx, sm_layout_generic_map(src[i], 0), sm_layout_generic_map(g, i)), dom);
  unsigned nr = k[0]->num_results;
  const int64_t *xd = x->type->shaped.dims;
  SmAffineExpr *f[16];
  if (nr > 16) return false;
  int64_t pt[16] = {0};
  for (unsigned r = 0; r < nr; r++) {
    bool same = true;
    for (unsigned i = 1; i < n; i++) same &= k[i]->results[r] == k[0]->results[r];
    if (same) {
      f[r] = k[0]->results[r];
      continue;
    }
    f[r] = NULL;
    for (unsigned i = 0; i < n && !f[r]; i++) {
      if (!uses_only(k[i]->results[r], (unsigned)ax)) return false;
      SmAffineExpr *cand = sm_affine_expr_simplify_ranges(
          ctx, sm_affine_mod(ctx, k[i]->results[r], sm_affine_const(ctx, xd[r])), nd, dom);
      bool ok = true;
      for (int64_t t = 0; t < dom[ax] && ok; t++) {
        unsigned hits = 0, piece = 0;
        for (unsigned q = 0; q < n; q++)
          if (t >= lo[q][ax] && t < hi[q][ax]) hits++, piece = q;
        pt[ax] = t;
        ok = hits == 1 && sm_affine_expr_eval(cand, pt, NULL) == sm_affine_expr_eval(k[piece]->results[r], pt, NULL);
      }
      if (ok) f[r] = cand;
    }
    if (!f[r]) return false;
  }
  /* Every point along ax must lie in exactly one piece (also when no result differs). */
  for (int64_t t = 0; t < dom[ax]; t++) {
    unsigned hits = 0;
    for (unsigned q = 0; q < n; q++) hits += t >= lo[q][ax] && t < hi[q][ax];
    if (hits != 1) return false;
  }
  /* The slices left unused go in the final sweep (erasing them here would
   * pull ops from under the caller's walk). */
  sm_generic_replace_with_reindex(g, x, sm_affine_map(ctx, nd, 0, nr, f));
  return true;
}

static bool eliminate_one(SmOp *op) {
  if (sm_generic_is_reindex(op)) return fold_into_producer(op) || fold_into_consumers(op);
  if (sm_generic_is_padded_sum(op)) return merge_pieces(op) || fold_into_consumers(op);
  return false;
}

bool sm_smartmem_eliminate(SmOp *module) {
  SmBlock *mb = module->regions[0].first;
  for (SmOp *fn = mb ? mb->first : NULL; fn; fn = fn->next) {
    if (!sm_op_name_is(fn, "func.func") || !fn->regions[0].first) continue;
    SmBlock *b = fn->regions[0].first;
    for (SmOp *op = b->first, *next; op; op = next) {
      SmOp *prev = op->prev;
      next = op->next;
      /* A rewrite erases op and/or later consumers: resume right after prev. */
      if (eliminate_one(op)) next = prev ? prev->next : b->first;
    }
    /* Sweep generics left without users (they have no side effects). */
    for (SmOp *op = b->last, *prev; op; op = prev) {
      prev = op->prev;
      if (sm_is_layout_generic(op) && sm_value_use_empty(&op->results[0])) sm_op_erase(op);
    }
  }
  return true;
}

static bool run_eliminate(SmOp *op, SmPassRun *run) {
  (void)run;
  return sm_smartmem_eliminate(op);
}

const SmPassDef sm_smartmem_eliminate_pass = {
    .argument = "smartmem-eliminate",
    .summary = "Remove layout transformations (pure re-indexing and concat generics) by composing their maps "
               "into producers or consumers",
    .anchor = "builtin.module",
    .run = run_eliminate,
};
