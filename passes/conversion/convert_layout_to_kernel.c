/* convert-layout-to-kernel: each layout.generic (and layout.convert) becomes
 * one kernel.func, and each func.func becomes a kernel.host plan that
 * allocates a buffer per intermediate tensor and launches the kernels in
 * program order.
 *
 * Kernel shape: one work-item per point of the parallel domain (the global
 * id is delinearised row-major over the parallel dims), reduction dims are
 * nested kernel.for loops carrying the accumulator, the body is cloned into
 * the innermost loop, the epilogue after the loops, and the result is
 * stored through (layout ∘ result map). Every input access is a kernel.load
 * whose coordinates are the input's indexing map applied to the domain
 * values and whose `map` is the input's layout: the address algebra of
 * DESIGN §5a, ready for SmartMem to compose differently.
 *
 * Image layouts (#layout.image, DESIGN §6 "2.5D mapping"): an image-encoded
 * input is read with kernel.image_read (one lane of a pixel). An image
 * output must be written a whole pixel at a time, so such a kernel runs one
 * work-item per pixel (y, x): it inverts the layout (lane = d_k mod 4 and
 * y, x mixed-radix sums of the other dims and d_k floordiv 4), computes the
 * four lanes' values (lanes past d_k's extent are zero) and writes the pixel
 * once. Other image layouts of a kernel output are a located error, as is an
 * image larger than the max-image-width/height options. */
#include "dialects/arith/arith.h"
#include "dialects/kernel/kernel.h"
#include "dialects/layout/layout.h"
#include "passes/smartmem/smartmem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXD 16

/* Image size limits checked at compile time (0: no limit). */
typedef struct Limits {
  int64_t max_w, max_h;
} Limits;

typedef struct KGen {
  SmContext *ctx;
  SmOp *g;            /* the layout.generic */
  SmBlock *kbody;     /* kernel.func body */
  SmValue *dom[MAXD]; /* index value of each domain dim */
  unsigned nd;
  SmValue **bufs;     /* kernel arguments: inputs..., output */
  SmPtrMap map;       /* generic region values -> kernel values */
} KGen;

static SmType *idx_t(SmContext *c) { return sm_type_index(c); }

static SmValue *mk(SmBuilder *b, const char *name, unsigned n, SmValue **ops, unsigned nres, SmType *rt,
                   const char **pn, SmAttr **pv, unsigned np) {
  SmOpState st;
  sm_op_state_init(&st, b->ctx, sm_intern_cstr(b->ctx, name), sm_loc_unknown(b->ctx));
  if (n) sm_op_state_add_operands(&st, ops, n);
  if (nres) sm_op_state_add_result(&st, rt);
  for (unsigned i = 0; i < np; i++) sm_op_state_add_prop(&st, pn[i], pv[i]);
  SmOp *op = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  return nres ? sm_op_result(op, 0) : NULL;
}

static void used_dims(const SmAffineExpr *e, bool *used) {
  if (e->kind == SM_AFFINE_DIM) used[e->position] = true;
  else if (e->kind != SM_AFFINE_CONST && e->kind != SM_AFFINE_SYMBOL) used_dims(e->bin.lhs, used), used_dims(e->bin.rhs, used);
}

/* kernel.apply of e over the dims it actually uses (so that values of
 * loops that have ended never appear as operands). */
static SmValue *apply(SmBuilder *b, SmAffineExpr *e, unsigned nd, SmValue **dims) {
  SmContext *c = b->ctx;
  if (e->kind == SM_AFFINE_DIM) return dims[e->position];
  bool used[MAXD] = {0};
  used_dims(e, used);
  SmAffineExpr *repl[MAXD] = {0};
  SmValue *ops[MAXD];
  unsigned n = 0;
  for (unsigned d = 0; d < nd; d++) {
    repl[d] = used[d] ? sm_affine_dim(c, n) : sm_affine_const(c, 0);
    if (used[d]) ops[n++] = dims[d];
  }
  SmAffineExpr *ne = sm_affine_expr_replace(c, e, repl, NULL);
  SmAffineMap *m = sm_affine_map(c, n, 0, 1, &ne);
  const char *pn[] = {"map"};
  SmAttr *pv[] = {sm_attr_affine_map(c, m)};
  return mk(b, "kernel.apply", n, ops, 1, idx_t(c), pn, pv, 1);
}

/* Layout of a tensor type (diagnosed at `at` when it has none). */
static bool tensor_layout(SmContext *c, SmOp *at, SmType *t, SmLayout *l) {
  if (!sm_layout_of_type(c, t, l)) return sm_op_emit_error(at, "operand has a tensor encoding that is not a layout");
  if (l->kind == SM_LAYOUT_IMAGE && t->shaped.elem->kind != SM_TYPE_F32)
    return sm_op_emit_error(at, "image layouts hold f32 tensors only (CL_RGBA / CL_FLOAT)");
  return true;
}

/* Kernel argument / host value type of a tensor: image or buffer. */
static SmType *storage_type(SmContext *c, SmType *t) {
  SmLayout l;
  if (sm_layout_of_type(c, t, &l) && l.kind == SM_LAYOUT_IMAGE) return sm_kernel_image_type(c, t->shaped.elem);
  return sm_kernel_buffer_type(c, t->shaped.elem);
}

static SmValue *load(SmBuilder *b, SmOp *at, SmValue *buf, SmType *t, unsigned n, SmValue **coords, SmAttr *pad) {
  SmContext *c = b->ctx;
  SmLayout l;
  if (!tensor_layout(c, at, t, &l)) return NULL;
  SmValue *ops[MAXD + 1];
  ops[0] = buf;
  for (unsigned i = 0; i < n; i++) ops[1 + i] = coords[i];
  const char *pn[3] = {"map", "shape", "pad"};
  SmAttr *pv[3] = {sm_attr_affine_map(c, l.map), sm_attr_dense_array_i64(c, t->shaped.rank, t->shaped.dims), pad};
  const char *opname = l.kind == SM_LAYOUT_IMAGE ? "kernel.image_read" : "kernel.load";
  return mk(b, opname, n + 1, ops, 1, t->shaped.elem, pn, pv, pad ? 3 : 1);
}

/* Loads input i at the domain point (through its indexing map). */
static SmValue *load_input(KGen *k, SmBuilder *b, unsigned i) {
  const int64_t *dom;
  sm_layout_generic_domain(k->g, &dom);
  /* Domain extents bound every index: strength-reduce floordiv/mod with them. */
  SmAffineMap *m = sm_affine_map_simplify_ranges(k->ctx, sm_layout_generic_map(k->g, i), dom);
  SmType *t = k->g->operands[i].value->type;
  SmValue *co[MAXD];
  for (unsigned r = 0; r < m->num_results; r++) co[r] = apply(b, m->results[r], k->nd, k->dom);
  return load(b, k->g, k->bufs[i], t, m->num_results, co, sm_layout_generic_pad(k->g, i));
}

/* Clones the ops of a generic region block into b, mapping args by argmap
 * (NULL entries: load on first use is done by the caller beforehand).
 * Returns the yielded value. */
static SmValue *clone_region(KGen *k, SmBlock *src, SmBuilder *b, bool *ok) {
  SmValue *y = NULL;
  for (SmOp *o = src->first; o; o = o->next) {
    if (sm_op_name_is(o, "layout.yield")) {
      y = sm_ptrmap_get(&k->map, o->operands[0].value);
      if (!y) y = o->operands[0].value;
      continue;
    }
    if (sm_op_name_is(o, "layout.index")) {
      int64_t d = sm_op_get_prop(o, "dim")->integer.value;
      sm_ptrmap_put(&k->map, &o->results[0], k->dom[d]);
      continue;
    }
    if (sm_op_name_is(o, "layout.extract")) {
      unsigned in = (unsigned)sm_op_get_prop(o, "operand")->integer.value;
      SmValue *co[MAXD];
      for (unsigned i = 0; i < o->num_operands; i++) {
        co[i] = sm_ptrmap_get(&k->map, o->operands[i].value);
        if (!co[i]) co[i] = o->operands[i].value;
      }
      SmValue *v = load(b, k->g, k->bufs[in], k->g->operands[in].value->type, o->num_operands, co, NULL);
      if (!v) {
        *ok = false;
        return NULL;
      }
      sm_ptrmap_put(&k->map, &o->results[0], v);
      continue;
    }
    if (o->num_regions) {
      *ok = sm_op_emit_error(o, "ops with regions are not supported in a layout.generic body");
      return NULL;
    }
    SmOp *cl = sm_op_clone(o, &k->map);
    sm_builder_insert(b, cl);
    for (unsigned r = 0; r < o->num_results; r++) sm_ptrmap_put(&k->map, &o->results[r], &cl->results[r]);
  }
  return y;
}

/* Maps region args of inputs used in `blk` (starting at arg `first`) to loads. */
static bool load_used_inputs(KGen *k, SmBlock *blk, unsigned first, SmBuilder *b) {
  for (unsigned i = 0; i < k->g->num_operands; i++) {
    SmValue *a = blk->args[first + i];
    if (sm_value_use_empty(a)) continue;
    if (!sm_layout_generic_map(k->g, i)) return sm_op_emit_error(k->g, "input #%u has no indexing map but its argument is used", i);
    SmValue *v = load_input(k, b, i);
    if (!v) return false;
    sm_ptrmap_put(&k->map, a, v);
  }
  return true;
}

static SmValue *const_of(SmBuilder *b, SmAttr *a) {
  return sm_op_result(sm_arith_build_constant(b, a, NULL), 0);
}

/* Emits the reduction loop nest from level on; returns the final accumulator. */
static SmValue *loops(KGen *k, SmBuilder *b, const unsigned *red, unsigned nred, unsigned level, SmValue *acc, bool *ok) {
  SmContext *c = k->ctx;
  SmBlock *body = k->g->regions[0].first;
  unsigned nin = k->g->num_operands;
  if (level == nred) {
    if (!load_used_inputs(k, body, 0, b)) {
      *ok = false;
      return NULL;
    }
    sm_ptrmap_put(&k->map, body->args[nin], acc);
    return clone_region(k, body, b, ok);
  }
  const int64_t *dom;
  sm_layout_generic_domain(k->g, &dom);
  SmBlock *lb = sm_block_create();
  SmValue *iv = sm_block_add_arg(lb, idx_t(c), sm_loc_unknown(c));
  SmValue *la = sm_block_add_arg(lb, acc->type, sm_loc_unknown(c));
  k->dom[red[level]] = iv;
  SmBuilder ib;
  sm_builder_init(&ib, c);
  sm_builder_set_block_end(&ib, lb);
  SmValue *nv = loops(k, &ib, red, nred, level + 1, la, ok);
  if (!*ok) {
    sm_block_destroy(lb);
    return NULL;
  }
  mk(&ib, "kernel.yield", 1, &nv, 0, NULL, NULL, NULL, 0);
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "kernel.for"), sm_loc_unknown(c));
  sm_op_state_add_operand(&st, acc);
  sm_op_state_add_result(&st, acc->type);
  SmType *i64 = sm_type_integer(c, 64, SM_SIGNLESS);
  sm_op_state_add_prop(&st, "lower", sm_attr_integer(c, i64, 0));
  sm_op_state_add_prop(&st, "upper", sm_attr_integer(c, i64, dom[red[level]]));
  sm_op_state_add_prop(&st, "step", sm_attr_integer(c, i64, 1));
  sm_region_append_block(sm_op_state_add_region(&st), lb);
  SmOp *f = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  return sm_op_result(f, 0);
}

static void sanitize(char *s) {
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) *s = '_';
}

/* Computes the result value of the generic at the current domain point
 * (k->dom of the parallel dims set): reduction loops, body, epilogue. */
static SmValue *compute(KGen *k, SmBuilder *b, const unsigned *red, unsigned nred, bool *ok) {
  SmContext *c = k->ctx;
  SmOp *g = k->g;
  unsigned nin = g->num_operands;
  SmAttr *init = sm_layout_generic_init(g, 0);
  SmValue *acc0 = init ? const_of(b, init) : NULL;
  SmBlock *body = g->regions[0].first;
  if (!acc0 && !sm_value_use_empty(body->args[nin])) {
    SmType *et = g->results[0].type->shaped.elem;
    acc0 = const_of(b, sm_type_is_float(et) ? sm_attr_float(c, et, 0) : sm_attr_integer(c, et, 0));
  }
  SmValue *acc = NULL;
  if (!acc0) {
    /* No accumulator needed: the body runs once per work-item. */
    if (!load_used_inputs(k, body, 0, b)) *ok = false;
    else acc = clone_region(k, body, b, ok);
  } else {
    acc = loops(k, b, red, nred, 0, acc0, ok);
  }
  SmBlock *epi = g->regions[1].first;
  if (*ok && epi) {
    sm_ptrmap_put(&k->map, epi->args[0], acc);
    if (!load_used_inputs(k, epi, 1, b)) *ok = false;
    else acc = clone_region(k, epi, b, ok);
  }
  return *ok ? acc : NULL;
}

/* ---- image outputs: one work-item per pixel ------------------------------- */

/* One term c * v of a pixel coordinate: v is logical dim `var` (var ==
 * rank: d_k floordiv 4, the pixel index along the lane dim). */
typedef struct ImgTerm {
  unsigned var;
  int64_t stride, extent;
} ImgTerm;

typedef struct ImgInv {
  unsigned k;            /* logical dim whose `mod 4` is the lane */
  ImgTerm t[2][MAXD + 1]; /* terms of y (0) and x (1), by increasing stride */
  unsigned nt[2];
  int64_t ext[2];        /* height, width */
} ImgInv;

static int cmp_term(const void *a, const void *b) {
  const ImgTerm *x = a, *y = b;
  return x->stride < y->stride ? -1 : x->stride > y->stride;
}

/* Collects the terms of a sum of (const *) dims / (d_k floordiv 4). */
static bool img_terms(const SmAffineExpr *e, unsigned k, unsigned rank, const int64_t *dims, ImgInv *inv, unsigned coord,
                      bool *seen) {
  if (e->kind == SM_AFFINE_ADD)
    return img_terms(e->bin.lhs, k, rank, dims, inv, coord, seen) && img_terms(e->bin.rhs, k, rank, dims, inv, coord, seen);
  if (e->kind == SM_AFFINE_CONST) return e->value == 0;
  int64_t stride = 1;
  if (e->kind == SM_AFFINE_MUL) {
    const SmAffineExpr *l = e->bin.lhs, *r = e->bin.rhs;
    if (l->kind == SM_AFFINE_CONST) l = e->bin.rhs, r = e->bin.lhs;
    if (r->kind != SM_AFFINE_CONST || r->value <= 0) return false;
    stride = r->value;
    e = l;
  }
  unsigned var;
  if (e->kind == SM_AFFINE_DIM && e->position != k && e->position < rank) var = e->position;
  else if (e->kind == SM_AFFINE_FLOORDIV && e->bin.lhs->kind == SM_AFFINE_DIM && e->bin.lhs->position == k &&
           e->bin.rhs->kind == SM_AFFINE_CONST && e->bin.rhs->value == 4)
    var = rank;
  else return false;
  if (seen[var]) return false;
  seen[var] = true;
  int64_t extent = var == rank ? (dims[k] + 3) / 4 : dims[var];
  inv->t[coord][inv->nt[coord]++] = (ImgTerm){var, stride, extent};
  return true;
}

/* Inverts an image layout of a kernel output: lane = d_k mod 4, y and x
 * sums of c * d_i (i != k) and c * (d_k floordiv 4) whose strides form a
 * mixed radix (so every pixel is one (d.., d_k floordiv 4) point). */
static bool img_invert(const SmLayout *l, unsigned rank, const int64_t *dims, ImgInv *inv) {
  SmAffineMap *m = l->map;
  if (m->num_results != 3 || m->num_dims != rank || rank > MAXD) return false;
  const SmAffineExpr *lane = m->results[2];
  if (lane->kind != SM_AFFINE_MOD || lane->bin.lhs->kind != SM_AFFINE_DIM || lane->bin.rhs->kind != SM_AFFINE_CONST ||
      lane->bin.rhs->value != 4)
    return false;
  memset(inv, 0, sizeof *inv);
  inv->k = lane->bin.lhs->position;
  bool seen[MAXD + 1] = {0};
  for (unsigned co = 0; co < 2; co++) {
    if (!img_terms(m->results[co], inv->k, rank, dims, inv, co, seen)) return false;
    /* Drop extent-1 terms (always 0), then check the mixed radix. */
    unsigned n = 0;
    for (unsigned i = 0; i < inv->nt[co]; i++)
      if (inv->t[co][i].extent > 1) inv->t[co][n++] = inv->t[co][i];
    inv->nt[co] = n;
    qsort(inv->t[co], n, sizeof(ImgTerm), cmp_term);
    int64_t need = 1;
    for (unsigned i = 0; i < n; i++) {
      if (inv->t[co][i].stride != need) return false;
      need *= inv->t[co][i].extent;
    }
    inv->ext[co] = need;
  }
  for (unsigned d = 0; d < rank; d++)
    if (d != inv->k && dims[d] > 1 && !seen[d]) return false;
  return dims[inv->k] <= 4 || seen[rank];
}

static SmValue *index_const(SmBuilder *b, int64_t v) {
  return sm_op_result(sm_arith_build_constant_int(b, sm_type_index(b->ctx), v, NULL), 0);
}

/* Body of an image-output kernel: pixel (y, x) from the global id, the
 * logical output index of each lane through the inverted layout, the
 * parallel domain point through the (projection) result map, four values,
 * one kernel.image_write. */
static bool image_output_body(KGen *k, SmBuilder *b, const ImgInv *inv, const unsigned *red, unsigned nred,
                              SmValue *gid, SmValue *img) {
  SmContext *c = k->ctx;
  SmOp *g = k->g;
  SmType *rt = g->results[0].type;
  unsigned rank = rt->shaped.rank;
  SmAffineMap *om = sm_layout_generic_map(g, g->num_operands);
  int64_t w = inv->ext[1];
  SmAffineExpr *d0 = sm_affine_dim(c, 0);
  SmValue *px[2];
  px[0] = apply(b, w > 1 ? sm_affine_floordiv(c, d0, sm_affine_const(c, w)) : d0, 1, &gid);
  px[1] = w > 1 ? apply(b, sm_affine_mod(c, d0, sm_affine_const(c, w)), 1, &gid) : index_const(b, 0);
  SmValue *var[MAXD + 1];
  for (unsigned v = 0; v <= rank; v++) var[v] = NULL;
  for (unsigned co = 0; co < 2; co++)
    for (unsigned i = 0; i < inv->nt[co]; i++) {
      const ImgTerm *t = &inv->t[co][i];
      SmAffineExpr *e = d0;
      if (t->stride > 1) e = sm_affine_floordiv(c, e, sm_affine_const(c, t->stride));
      if (i + 1 < inv->nt[co]) e = sm_affine_mod(c, e, sm_affine_const(c, t->extent));
      var[t->var] = apply(b, e, 1, &px[co]);
    }
  SmValue *zero = NULL;
  for (unsigned v = 0; v <= rank; v++)
    if (!var[v]) var[v] = zero ? zero : (zero = index_const(b, 0));
  int64_t dk = rt->shaped.dims[inv->k];
  SmValue *lanes[4];
  bool ok = true;
  for (int64_t lane = 0; lane < 4 && ok; lane++) {
    /* d_k = 4 q + lane; past d_k's extent it wraps (mod) so that reads stay
     * in bounds, and the lane's value is replaced by 0 below. */
    bool masked = lane > 0 && dk % 4 != 0;
    SmAffineExpr *e = sm_affine_add(c, sm_affine_mul(c, d0, sm_affine_const(c, 4)), sm_affine_const(c, lane));
    if (masked) e = sm_affine_mod(c, e, sm_affine_const(c, dk));
    SmValue *idx[MAXD];
    for (unsigned d = 0; d < rank; d++) idx[d] = d == inv->k ? apply(b, e, 1, &var[rank]) : var[d];
    for (unsigned r = 0; r < om->num_results; r++)
      if (om->results[r]->kind == SM_AFFINE_DIM) k->dom[om->results[r]->position] = idx[r];
    SmValue *v = compute(k, b, red, nred, &ok);
    if (!ok) break;
    if (masked) {
      SmAffineExpr *raw = sm_affine_add(c, sm_affine_mul(c, d0, sm_affine_const(c, 4)), sm_affine_const(c, lane));
      SmValue *ops[2] = {apply(b, raw, 1, &var[rank]), index_const(b, dk)};
      const char *pn[] = {"predicate"};
      SmAttr *pv[] = {sm_attr_integer(c, sm_type_integer(c, 64, SM_SIGNLESS), 2)}; /* slt */
      SmValue *in = mk(b, "arith.cmpi", 2, ops, 1, sm_type_integer(c, 1, SM_SIGNLESS), pn, pv, 1);
      SmValue *sel[3] = {in, v, const_of(b, sm_attr_float(c, v->type, 0))};
      v = mk(b, "arith.select", 3, sel, 1, v->type, NULL, NULL, 0);
    }
    lanes[lane] = v;
  }
  if (!ok) return false;
  SmValue *ops[7] = {lanes[0], lanes[1], lanes[2], lanes[3], img, px[0], px[1]};
  mk(b, "kernel.image_write", 7, ops, 0, NULL, NULL, NULL, 0);
  return true;
}

/* The result map of g as a permutation of its parallel dims (each result a
 * distinct parallel dim, each parallel dim a result): what lets an
 * image-output kernel find its domain point from a logical output index. */
static bool projection_of_parallel(SmOp *g, SmAffineMap *om, unsigned nd) {
  bool seen[MAXD] = {0};
  unsigned npar = 0;
  for (unsigned d = 0; d < nd; d++) npar += !sm_layout_generic_is_reduction(g, d);
  unsigned ndims = 0;
  for (unsigned r = 0; r < om->num_results; r++) {
    SmAffineExpr *e = om->results[r];
    if (e->kind == SM_AFFINE_CONST && e->value == 0) continue; /* a kept reduced dim (extent 1) */
    if (e->kind != SM_AFFINE_DIM || e->position >= nd || seen[e->position] || sm_layout_generic_is_reduction(g, e->position))
      return false;
    seen[e->position] = true;
    ndims++;
  }
  return ndims == npar;
}

/* Builds kernel.func @name for generic g; returns it (detached) or NULL. */
static SmOp *build_kernel(SmContext *c, SmOp *g, const char *name, int64_t *work_items) {
  unsigned nin = g->num_operands;
  if (g->num_results != 1) {
    sm_op_emit_error(g, "kernel lowering supports one result per layout.generic");
    return NULL;
  }
  SmType *argt[64];
  if (nin + 1 > 64) {
    sm_op_emit_error(g, "too many operands for one kernel");
    return NULL;
  }
  for (unsigned i = 0; i < nin; i++) argt[i] = storage_type(c, g->operands[i].value->type);
  SmType *rt = g->results[0].type;
  argt[nin] = storage_type(c, rt);
  SmLayout ol;
  if (!tensor_layout(c, g, rt, &ol)) return NULL;
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  if (nd > MAXD) {
    sm_op_emit_error(g, "domain rank %u exceeds %d", nd, MAXD);
    return NULL;
  }
  unsigned par[MAXD], red[MAXD], npar = 0, nred = 0;
  int64_t wi = 1;
  for (unsigned d = 0; d < nd; d++) {
    if (sm_layout_generic_is_reduction(g, d)) red[nred++] = d;
    else par[npar++] = d, wi *= dom[d];
  }
  ImgInv inv;
  SmAffineMap *om = sm_layout_generic_map(g, nin);
  if (ol.kind == SM_LAYOUT_IMAGE) {
    if (!projection_of_parallel(g, om, nd) || !img_invert(&ol, rt->shaped.rank, rt->shaped.dims, &inv)) {
      sm_op_emit_error(g, "unsupported image layout for a kernel output: the result map must be a permutation of the "
                          "parallel dims, the lane one dim's 'mod 4' and y, x mixed-radix sums of the other dims and "
                          "that dim's 'floordiv 4'");
      return NULL;
    }
    wi = inv.ext[0] * inv.ext[1];
  }
  *work_items = wi;
  KGen k = {.ctx = c, .g = g, .nd = nd};
  sm_ptrmap_init(&k.map);
  SmBlock *kb = sm_block_create();
  SmValue *bufs[64];
  for (unsigned i = 0; i <= nin; i++) bufs[i] = sm_block_add_arg(kb, argt[i], g->loc);
  k.bufs = bufs;
  k.kbody = kb;
  SmBuilder b;
  sm_builder_init(&b, c);
  sm_builder_set_block_end(&b, kb);
  SmValue *gid = mk(&b, "kernel.global_id", 0, NULL, 1, idx_t(c), NULL, NULL, 0);
  bool ok = true;
  if (ol.kind == SM_LAYOUT_IMAGE) {
    ok = image_output_body(&k, &b, &inv, red, nred, gid, bufs[nin]);
  } else {
    int64_t stride = 1;
    for (unsigned j = npar; j-- > 0;) {
      unsigned d = par[j];
      SmAffineExpr *e = sm_affine_dim(c, 0);
      if (stride > 1) e = sm_affine_floordiv(c, e, sm_affine_const(c, stride));
      if (j > 0) e = sm_affine_mod(c, e, sm_affine_const(c, dom[d]));
      k.dom[d] = apply(&b, sm_affine_expr_simplify_ranges(c, e, 1, &wi), 1, &gid);
      stride *= dom[d];
    }
    SmValue *acc = compute(&k, &b, red, nred, &ok);
    if (ok) {
      SmValue *ops[MAXD + 2];
      ops[0] = acc;
      ops[1] = bufs[nin];
      SmAffineMap *sm = sm_affine_map_simplify_ranges(c, om, dom);
      for (unsigned r = 0; r < om->num_results; r++) ops[2 + r] = apply(&b, sm->results[r], nd, k.dom);
      const char *pn[] = {"map"};
      SmAttr *pv[] = {sm_attr_affine_map(c, ol.map)};
      mk(&b, "kernel.store", om->num_results + 2, ops, 0, NULL, pn, pv, 1);
    }
  }
  sm_ptrmap_free(&k.map);
  if (!ok) {
    sm_block_destroy(kb);
    return NULL;
  }
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "kernel.func"), g->loc);
  sm_op_state_add_prop(&st, "sym_name", sm_attr_string(c, name, strlen(name)));
  sm_op_state_add_prop(&st, "function_type", sm_attr_type(c, sm_type_function(c, nin + 1, argt, 0, NULL)));
  sm_op_state_add_prop(&st, "work_items", sm_attr_integer(c, sm_type_integer(c, 64, SM_SIGNLESS), wi));
  sm_region_append_block(sm_op_state_add_region(&st), kb);
  SmOp *f = sm_op_create(&st);
  sm_op_state_release(&st);
  return f;
}

/* layout.convert as a generic copy (identity maps, different layouts). */
static SmOp *convert_as_generic(SmContext *c, SmOp *cv) {
  SmType *rt = cv->results[0].type;
  unsigned r = rt->shaped.rank;
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "layout.generic"), cv->loc);
  sm_op_state_add_operand(&st, cv->operands[0].value);
  sm_op_state_add_result(&st, rt);
  sm_op_state_add_prop(&st, "domain", sm_attr_dense_array_i64(c, r, rt->shaped.dims));
  SmAttr *its[MAXD], *maps[2];
  for (unsigned d = 0; d < r; d++) its[d] = sm_attr_string(c, "parallel", 8);
  sm_op_state_add_prop(&st, "iterator_types", sm_attr_array(c, r, its));
  maps[0] = maps[1] = sm_attr_affine_map(c, sm_affine_map_identity(c, r));
  sm_op_state_add_prop(&st, "indexing_maps", sm_attr_array(c, 2, maps));
  /* Named k<N>_convert: tools count it as a layout-conversion kernel. */
  sm_op_state_add_prop(&st, "kind", sm_attr_string(c, "convert", 7));
  SmBlock *b = sm_block_create();
  SmValue *a = sm_block_add_arg(b, rt->shaped.elem, cv->loc);
  sm_block_add_arg(b, rt->shaped.elem, cv->loc);
  SmBuilder bb;
  sm_builder_init(&bb, c);
  sm_builder_set_block_end(&bb, b);
  mk(&bb, "layout.yield", 1, &a, 0, NULL, NULL, NULL, 0);
  sm_region_append_block(sm_op_state_add_region(&st), b);
  sm_op_state_add_region(&st);
  SmOp *g = sm_op_create(&st);
  sm_op_state_release(&st);
  return g;
}

static SmValue *host_op(SmBuilder *b, const char *name, SmType *rt, unsigned n, SmValue **ops, const char **pn,
                        SmAttr **pv, unsigned np) {
  return mk(b, name, n, ops, rt ? 1 : 0, rt, pn, pv, np);
}

/* Checks the image a tensor of type t needs against the limits; diagnoses
 * at `at` (the op whose result, or the function whose argument, it is). */
static bool check_image(SmContext *c, SmOp *at, SmType *t, const Limits *lim, const char *what) {
  int64_t w, h;
  if (!sm_kernel_image_size(c, at->loc, t, &w, &h)) return false;
  if (!w) return true;
  if (t->shaped.elem->kind != SM_TYPE_F32)
    return sm_op_emit_error(at, "image layouts hold f32 tensors only (CL_RGBA / CL_FLOAT)");
  if ((lim->max_w && w > lim->max_w) || (lim->max_h && h > lim->max_h))
    return sm_op_emit_error(at, "%s needs a %lld x %lld image (width x height), larger than the limit %lld x %lld "
                                "(options max-image-width / max-image-height)",
                            what, (long long)w, (long long)h, (long long)lim->max_w, (long long)lim->max_h);
  return true;
}

static bool convert_func(SmOp *module, SmOp *fn, unsigned *kcount, const Limits *lim) {
  SmContext *c = sm_op_context(fn);
  SmBlock *body = fn->regions[0].first;
  if (!body) return true;
  SmType *i64 = sm_type_integer(c, 64, SM_SIGNLESS);
  SmBlock *hb = sm_block_create();
  SmBuilder hbld;
  sm_builder_init(&hbld, c);
  sm_builder_set_block_end(&hbld, hb);
  SmPtrMap vals;
  sm_ptrmap_init(&vals);
  bool ok = true;
  for (unsigned i = 0; i < body->num_args && ok; i++) {
    SmType *t = body->args[i]->type;
    if (t->kind != SM_TYPE_TENSOR) {
      ok = sm_op_emit_error(fn, "argument #%u is not a ranked tensor", i);
      break;
    }
    char what[48];
    snprintf(what, sizeof what, "argument #%u", i);
    if (!check_image(c, fn, t, lim, what)) {
      ok = false;
      break;
    }
    const char *pn[] = {"index", "type"};
    SmAttr *pv[] = {sm_attr_integer(c, i64, i), sm_attr_type(c, t)};
    SmValue *in = host_op(&hbld, "kernel.input", storage_type(c, t), 0, NULL, pn, pv, 2);
    sm_value_defining_op(in)->loc = fn->loc;
    sm_ptrmap_put(&vals, body->args[i], in);
  }
  for (SmOp *op = body->first; op && ok; op = op->next) {
    if (sm_op_name_is(op, "graph.constant") || sm_op_name_is(op, "arith.constant")) {
      SmAttr *v = sm_op_get_attr(op, "value");
      SmType *t = op->results[0].type;
      if (t->kind != SM_TYPE_TENSOR || !v) {
        ok = sm_op_emit_error(op, "only tensor constants can become weights");
        break;
      }
      SmLayout wl;
      if (sm_layout_of_type(c, t, &wl) && wl.kind == SM_LAYOUT_IMAGE) {
        ok = sm_op_emit_error(op, "image-layout weights are not supported (convert the weight with layout.convert)");
        break;
      }
      const char *pn[] = {"value"};
      SmAttr *pv[] = {v};
      sm_ptrmap_put(&vals, &op->results[0], host_op(&hbld, "kernel.weight", sm_kernel_buffer_type(c, t->shaped.elem), 0, NULL, pn, pv, 1));
      continue;
    }
    if (sm_op_name_is(op, "func.return")) {
      for (unsigned i = 0; i < op->num_operands; i++) {
        SmValue *v = op->operands[i].value;
        SmOp *d = sm_value_defining_op(v);
        if (!d || !sm_op_name_is(d, "layout.generic")) {
          ok = sm_op_emit_error(op, "returned value #%u must be computed by a kernel", i);
          break;
        }
        SmValue *buf = sm_ptrmap_get(&vals, v);
        const char *pn[] = {"index"};
        SmAttr *pv[] = {sm_attr_integer(c, i64, i)};
        host_op(&hbld, "kernel.output", NULL, 1, &buf, pn, pv, 1);
      }
      continue;
    }
    SmOp *g = op, *tmp = NULL;
    if (sm_op_name_is(op, "layout.convert")) g = tmp = convert_as_generic(c, op);
    else if (!sm_op_name_is(op, "layout.generic")) {
      ok = sm_op_emit_error(op, "has no lowering to the kernel dialect (run convert-graph-to-layout first)");
      break;
    }
    SmAttr *kind = sm_op_get_prop(g, "kind");
    char name[96];
    snprintf(name, sizeof name, "k%u_%.60s", (*kcount)++, kind && kind->kind == SM_ATTR_STRING ? kind->string.data : "generic");
    sanitize(name + 1);
    int64_t wi;
    SmOp *kf = build_kernel(c, g, name, &wi);
    if (tmp) sm_op_destroy(tmp);
    if (!kf) {
      ok = false;
      break;
    }
    sm_block_insert_op(module->regions[0].first, fn, kf);
    SmValue *args[65];
    for (unsigned i = 0; i < op->num_operands; i++) {
      args[i] = sm_ptrmap_get(&vals, op->operands[i].value);
      if (!args[i]) {
        ok = sm_op_emit_error(op, "operand #%u is not available as a buffer", i);
        break;
      }
    }
    if (!ok) break;
    SmType *rt = op->results[0].type;
    if (!check_image(c, op, rt, lim, "result")) {
      ok = false;
      break;
    }
    const char *an[] = {"type"};
    SmAttr *av[] = {sm_attr_type(c, rt)};
    SmValue *out = host_op(&hbld, "kernel.alloc", storage_type(c, rt), 0, NULL, an, av, 1);
    /* The alloc keeps the op's location: runtime errors about it (an image
     * the device cannot hold) point at the source. */
    sm_value_defining_op(out)->loc = op->loc;
    sm_ptrmap_put(&vals, &op->results[0], out);
    args[op->num_operands] = out;
    const char *ln[] = {"callee", "work_items"};
    SmAttr *lv[] = {sm_attr_symbol_ref(c, sm_intern_cstr(c, name), 0, NULL), sm_attr_integer(c, i64, wi)};
    host_op(&hbld, "kernel.launch", NULL, op->num_operands + 1, args, ln, lv, 2);
  }
  sm_ptrmap_free(&vals);
  if (!ok) {
    sm_block_destroy(hb);
    return false;
  }
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "kernel.host"), fn->loc);
  const char *fname = sm_op_symbol_name(fn);
  sm_op_state_add_prop(&st, "sym_name", sm_attr_string(c, fname, strlen(fname)));
  sm_region_append_block(sm_op_state_add_region(&st), hb);
  SmOp *host = sm_op_create(&st);
  sm_op_state_release(&st);
  sm_block_insert_op(module->regions[0].first, fn, host);
  sm_op_erase(fn);
  return true;
}

static bool convert_module(SmOp *module, const Limits *lim) {
  SmContext *c = sm_op_context(module);
  sm_register_smartmem_dialects(c);
  SmBlock *b = module->regions[0].first;
  unsigned kcount = 0;
  for (SmOp *op = b ? b->first : NULL, *next; op; op = next) {
    next = op->next;
    if (sm_op_name_is(op, "func.func") && !convert_func(module, op, &kcount, lim)) return false;
  }
  return true;
}

/* 16384: a common device limit for 2D images (CL_DEVICE_IMAGE2D_MAX_*). */
#define DEFAULT_MAX_IMAGE 16384

bool sm_convert_layout_to_kernel(SmOp *module) {
  Limits lim = {DEFAULT_MAX_IMAGE, DEFAULT_MAX_IMAGE};
  return convert_module(module, &lim);
}

static bool run_cl2k(SmOp *op, SmPassRun *run) {
  Limits lim = {sm_pass_run_int(run, "max-image-width"), sm_pass_run_int(run, "max-image-height")};
  if (lim.max_w < 0 || lim.max_h < 0)
    return sm_emit_error(sm_op_context(op), op->loc, "max-image-width / max-image-height must be >= 0");
  return convert_module(op, &lim);
}

static const SmPassOption cl2k_options[] = {
    {"max-image-width", SM_PASS_OPT_INT, "16384", "largest image width a tensor may need (0: no limit)"},
    {"max-image-height", SM_PASS_OPT_INT, "16384", "largest image height a tensor may need (0: no limit)"},
};

const SmPassDef sm_convert_layout_to_kernel_pass = {
    .argument = "convert-layout-to-kernel",
    .summary = "Lower layout.generic ops to kernel.func and func.func to a kernel.host plan",
    .anchor = "builtin.module",
    .options = cl2k_options,
    .num_options = 2,
    .run = run_cl2k,
};
