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
#include "passes/smartmem/device_profile.h"
#include "passes/passes.h"
#include "passes/smartmem/smartmem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXD 16
#define MAXINLOPS 64 /* operands of an inlined producer (ChainArgs.inl_bufs) */
#define MAXCOPIES 4  /* layout.converts one kernel stores beside its result */

/* Image size limits checked at compile time (0: no limit). */
typedef struct Limits {
  int64_t max_w, max_h;
  bool group_kernels; /* normalisation chains become one work-group kernel */
  int64_t max_tile; /* register tile factor cap of the heuristic schedule (1: no tiling) */
  int64_t min_wi;   /* work-items the heuristic keeps at least */
  int64_t inline_macs; /* chain kernels recompute producers up to this cost (0: never) */
  bool blocked_fast; /* tile the fastest parallel dim blocked (SIMD devices), not cyclically (SIMT) */
  int64_t vector_tile; /* blocked fastest dim: tile factor cap */
  int64_t min_wi_simd; /* blocked fastest dim: work-items kept at least */
  double inline_uncoalesced; /* cost factor of an inlined producer whose reads step across lanes (from the profile) */
  bool absorb_copies; /* a buffer-to-buffer layout.convert of a kernel's result is a second store of that kernel */
} Limits;

typedef struct KGen {
  SmContext *ctx;
  SmOp *g;            /* the layout.generic */
  SmBlock *kbody;     /* kernel.func body */
  SmValue *dom[MAXD]; /* index value of each domain dim */
  unsigned nd;
  SmValue **bufs;     /* kernel arguments: inputs..., output */
  SmValue **given;    /* per input: a value already computed in the kernel (not loaded), or NULL */
  SmOp **prod;        /* per input: a producer generic recomputed at each read (chain kernels), or NULL */
  SmValue ***prod_bufs; /* per input: that producer's kernel arguments */
  SmPtrMap map;       /* generic region values -> kernel values */
  unsigned ncopies;   /* absorbed layout.converts: the result is also stored to these */
  SmValue **copy_bufs;
  SmAffineMap **copy_maps; /* their buffer layouts */
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

static SmValue *compute(KGen *k, SmBuilder *b, const unsigned *red, unsigned nred, bool *ok);
static SmValue *recompute_producer(KGen *k, SmBuilder *b, unsigned i, SmValue **co);

/* Loads input i at the domain point (through its indexing map). */
static SmValue *load_input(KGen *k, SmBuilder *b, unsigned i) {
  const int64_t *dom;
  sm_layout_generic_domain(k->g, &dom);
  /* Domain extents bound every index: strength-reduce floordiv/mod with them. */
  SmAffineMap *m = sm_affine_map_simplify_ranges(k->ctx, sm_layout_generic_map(k->g, i), dom);
  SmType *t = k->g->operands[i].value->type;
  SmValue *co[MAXD];
  for (unsigned r = 0; r < m->num_results; r++) co[r] = apply(b, m->results[r], k->nd, k->dom);
  if (k->prod && k->prod[i]) return recompute_producer(k, b, i, co);
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

static SmValue *const_of(SmBuilder *b, SmAttr *a) {
  return sm_op_result(sm_arith_build_constant(b, a, NULL), 0);
}

/* ---- register tiling ------------------------------------------------------

A work-item computes a tile of domain points: tile[d] points along each
parallel dim d (1: untiled). The reduction loops are shared by the tile,
each point carries its own accumulator through them, and an input whose
indexing map does not use a tiled dim is loaded once for the points that
differ only along that dim (MatMul's A row serves the tile's columns, a
Conv weight serves the tile's pixels). The innermost reduction loop may be
unrolled (its body repeated for iv, iv + 1, ..). */

#define MAXT 16 /* largest tile factor along one dim */
#define MAXP 64 /* most points per work-item */

typedef struct Tiled {
  unsigned nt, td[MAXD];     /* tiled dims, outermost first */
  int64_t tf[MAXD];          /* their factors */
  unsigned npts;
  SmValue *val[MAXD][MAXT];  /* index value of tiled dim td[j] at offset t */
  int64_t unroll;            /* innermost reduction loop */
} Tiled;

static unsigned digit(const Tiled *tl, unsigned p, unsigned j) {
  for (unsigned jj = tl->nt; jj-- > j + 1;) p /= (unsigned)tl->tf[jj];
  return p % (unsigned)tl->tf[j];
}

static void set_point(KGen *k, const Tiled *tl, unsigned p) {
  for (unsigned j = 0; j < tl->nt; j++) k->dom[tl->td[j]] = tl->val[j][digit(tl, p, j)];
}

static void map_used_dims(SmAffineMap *m, bool *used) {
  for (unsigned r = 0; m && r < m->num_results; r++) used_dims(m->results[r], used);
}

/* Loads for point p the inputs used in blk (args from `first`), reusing the
 * load of an earlier point that agrees on every tiled dim the map uses. */
static bool load_point_inputs(KGen *k, SmBlock *blk, unsigned first, SmBuilder *b, const Tiled *tl, unsigned p,
                              SmValue *(*cache)[MAXP]) {
  for (unsigned i = 0; i < k->g->num_operands; i++) {
    SmValue *a = blk->args[first + i];
    if (sm_value_use_empty(a)) continue;
    SmAffineMap *m = sm_layout_generic_map(k->g, i);
    if (!m) return sm_op_emit_error(k->g, "input #%u has no indexing map but its argument is used", i);
    bool used[MAXD] = {0};
    map_used_dims(m, used);
    SmValue *v = k->given ? k->given[i] : NULL;
    for (unsigned q = 0; q < p && !v; q++) {
      bool same = cache[i][q] != NULL;
      for (unsigned j = 0; same && j < tl->nt; j++)
        if (used[tl->td[j]] && digit(tl, q, j) != digit(tl, p, j)) same = false;
      if (same) v = cache[i][q];
    }
    if (!v && !(v = load_input(k, b, i))) return false;
    cache[i][p] = v;
    sm_ptrmap_put(&k->map, a, v);
  }
  return true;
}

/* The body once per tile point at the current reduction point: acc -> out. */
static bool body_points(KGen *k, SmBuilder *b, const Tiled *tl, SmValue **acc, SmValue **out) {
  SmBlock *body = k->g->regions[0].first;
  unsigned nin = k->g->num_operands;
  SmValue *(*cache)[MAXP] = calloc(nin ? nin : 1, sizeof *cache);
  if (!cache) return sm_op_emit_error(k->g, "out of memory");
  bool ok = true;
  for (unsigned p = 0; p < tl->npts && ok; p++) {
    set_point(k, tl, p);
    if (!load_point_inputs(k, body, 0, b, tl, p, cache)) ok = false;
    else {
      if (acc) sm_ptrmap_put(&k->map, body->args[nin], acc[p]);
      out[p] = clone_region(k, body, b, &ok);
    }
  }
  free(cache);
  return ok;
}

/* Emits the reduction loop nest from level on, carrying one accumulator per
 * tile point; out receives the final ones. */
static bool loops(KGen *k, SmBuilder *b, const unsigned *red, unsigned nred, unsigned level, const Tiled *tl,
                  SmValue **acc, SmValue **out) {
  SmContext *c = k->ctx;
  if (level == nred) return body_points(k, b, tl, acc, out);
  const int64_t *dom;
  sm_layout_generic_domain(k->g, &dom);
  int64_t ext = dom[red[level]];
  int64_t step = level + 1 == nred && tl->unroll > 1 && ext % tl->unroll == 0 ? tl->unroll : 1;
  SmBlock *lb = sm_block_create();
  SmValue *iv = sm_block_add_arg(lb, idx_t(c), sm_loc_unknown(c));
  SmValue *la[MAXP], *nv[MAXP];
  for (unsigned p = 0; p < tl->npts; p++) la[p] = sm_block_add_arg(lb, acc[p]->type, sm_loc_unknown(c));
  SmBuilder ib;
  sm_builder_init(&ib, c);
  sm_builder_set_block_end(&ib, lb);
  bool ok = true;
  for (int64_t u = 0; u < step && ok; u++) {
    k->dom[red[level]] = u ? apply(&ib, sm_affine_add(c, sm_affine_dim(c, 0), sm_affine_const(c, u)), 1, &iv) : iv;
    ok = loops(k, &ib, red, nred, level + 1, tl, u ? nv : la, nv);
  }
  if (!ok) {
    sm_block_destroy(lb);
    return false;
  }
  mk(&ib, "kernel.yield", tl->npts, nv, 0, NULL, NULL, NULL, 0);
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "kernel.for"), sm_loc_unknown(c));
  sm_op_state_add_operands(&st, acc, tl->npts);
  for (unsigned p = 0; p < tl->npts; p++) sm_op_state_add_result(&st, acc[p]->type);
  SmType *i64 = sm_type_integer(c, 64, SM_SIGNLESS);
  sm_op_state_add_prop(&st, "lower", sm_attr_integer(c, i64, 0));
  sm_op_state_add_prop(&st, "upper", sm_attr_integer(c, i64, ext));
  sm_op_state_add_prop(&st, "step", sm_attr_integer(c, i64, step));
  sm_region_append_block(sm_op_state_add_region(&st), lb);
  SmOp *f = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  for (unsigned p = 0; p < tl->npts; p++) out[p] = sm_op_result(f, p);
  return true;
}

static void sanitize(char *s) {
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) *s = '_';
}

/* Computes the generic's result at every tile point (k->dom of the untiled
 * parallel dims set; tl gives the tiled ones): reduction loops, body,
 * epilogue. */
static bool compute_tile(KGen *k, SmBuilder *b, const unsigned *red, unsigned nred, const Tiled *tl, SmValue **out) {
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
  SmValue *acc[MAXP];
  bool ok;
  if (!acc0) {
    /* No accumulator needed: the body runs once per point. */
    ok = body_points(k, b, tl, NULL, acc);
  } else {
    SmValue *init_acc[MAXP];
    for (unsigned p = 0; p < tl->npts; p++) init_acc[p] = acc0;
    ok = loops(k, b, red, nred, 0, tl, init_acc, acc);
  }
  SmBlock *epi = g->regions[1].first;
  if (ok && epi) {
    SmValue *(*cache)[MAXP] = calloc(nin ? nin : 1, sizeof *cache);
    if (!cache) return sm_op_emit_error(g, "out of memory");
    for (unsigned p = 0; p < tl->npts && ok; p++) {
      set_point(k, tl, p);
      sm_ptrmap_put(&k->map, epi->args[0], acc[p]);
      if (!load_point_inputs(k, epi, 1, b, tl, p, cache)) ok = false;
      else acc[p] = clone_region(k, epi, b, &ok);
    }
    free(cache);
  }
  for (unsigned p = 0; ok && p < tl->npts; p++) out[p] = acc[p];
  return ok;
}

/* The result at the current domain point (no tiling). */
static SmValue *compute(KGen *k, SmBuilder *b, const unsigned *red, unsigned nred, bool *ok) {
  Tiled one = {.npts = 1, .unroll = 1};
  SmValue *v = NULL;
  if (!compute_tile(k, b, red, nred, &one, &v)) *ok = false;
  return *ok ? v : NULL;
}

/* Input i of k->g is the result of k->prod[i], a generic whose result map is
 * a permutation of its parallel dims: its value at logical index co is
 * computed in place (its reduction loops, body and epilogue at the domain
 * point that writes co) instead of being loaded. */
static SmValue *recompute_producer(KGen *k, SmBuilder *b, unsigned i, SmValue **co) {
  SmOp *pg = k->prod[i];
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(pg, &dom);
  KGen kp = {.ctx = k->ctx, .g = pg, .nd = nd, .kbody = k->kbody, .bufs = k->prod_bufs[i]};
  SmAffineMap *om = sm_layout_generic_map(pg, pg->num_operands);
  for (unsigned r = 0; r < om->num_results; r++)
    if (om->results[r]->kind == SM_AFFINE_DIM) kp.dom[om->results[r]->position] = co[r];
  unsigned red[MAXD], nred = 0;
  for (unsigned d = 0; d < nd; d++)
    if (sm_layout_generic_is_reduction(pg, d)) red[nred++] = d;
  sm_ptrmap_init(&kp.map);
  bool ok = true;
  SmValue *v = compute(&kp, b, red, nred, &ok);
  sm_ptrmap_free(&kp.map);
  return ok ? v : NULL;
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

/* ---- schedule: register tiles and unrolling --------------------------------- */

typedef struct Sched {
  int64_t tile[MAXD]; /* points per work-item along each domain dim (1: untiled; reductions 1) */
  int64_t unroll;     /* innermost reduction loop */
  bool blocked_fast;  /* the fastest parallel dim's tile is consecutive elements (else cyclic) */
  int simd_dim;       /* blocked_fast: the vectorized dim (simd_fast_dim), innermost among the work-item's dims */
} Sched;

static int64_t largest_factor(int64_t ext, int64_t cap) {
  for (int64_t f = cap; f > 1; f /= 2)
    if (ext % f == 0) return f;
  return 1;
}

/* The fastest-varying parallel dim (tiled cyclically: its tile must divide). */
static int fastest_parallel(SmOp *g) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  int f = -1;
  for (unsigned d = 0; d < nd; d++)
    if (!sm_layout_generic_is_reduction(g, d)) f = (int)d;
  return f;
}

/* Offset expression of operand i of g (i == num_operands: the result):
 * its buffer layout ∘ its indexing map, simplified over the domain; NULL
 * when it is not a buffer read through a map. */
static const SmAffineExpr *operand_offset(SmOp *g, unsigned i) {
  SmContext *c = sm_op_context(g);
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  SmType *t = i < g->num_operands ? g->operands[i].value->type : g->results[0].type;
  SmLayout l;
  SmAffineMap *m = sm_layout_generic_map(g, i);
  if (!m || t->kind != SM_TYPE_TENSOR || !sm_layout_of_type(c, t, &l) || l.kind != SM_LAYOUT_BUFFER) return NULL;
  if (l.map->num_results != 1 || l.map->num_dims != m->num_results) return NULL;
  SmAffineMap *off = sm_affine_map_compose(c, l.map, m);
  if (!off || off->num_results != 1) return NULL;
  return sm_affine_expr_simplify_ranges(c, off->results[0], nd, dom);
}

/* e has a term `d` or `d mod c` (c >= 4): one step of d moves the address
 * by one element (within runs of c; a reshape's `(d floordiv c) * c +
 * d mod c` stays in this form). */
static bool unit_term(const SmAffineExpr *e, unsigned d) {
  const SmAffineExpr *stack[64];
  unsigned n = 0;
  stack[n++] = e;
  while (n) {
    const SmAffineExpr *t = stack[--n];
    if (t->kind == SM_AFFINE_ADD) {
      if (n + 2 > 64) return false;
      stack[n++] = t->bin.lhs;
      stack[n++] = t->bin.rhs;
      continue;
    }
    if (t->kind == SM_AFFINE_MOD && t->bin.rhs->kind == SM_AFFINE_CONST && t->bin.rhs->value >= 4) t = t->bin.lhs;
    if (t->kind == SM_AFFINE_DIM && t->position == d) return true;
  }
  return false;
}

/* How far one step of domain dim d moves offset e (evaluated at the
 * domain's origin; 0 when e does not use d). */
static int64_t dim_step(const SmAffineExpr *e, unsigned d) {
  int64_t at[MAXD] = {0};
  int64_t o0 = sm_affine_expr_eval(e, at, NULL);
  at[d] = 1;
  int64_t s = sm_affine_expr_eval(e, at, NULL) - o0;
  return s < 0 ? -s : s;
}

static int64_t vector_factor(int64_t ext, int64_t cap);

/* Reads inside the reduction (inputs whose map uses a reduction dim). */
static bool in_loop_read(SmOp *g, unsigned i, bool *used) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  SmAffineMap *m = sm_layout_generic_map(g, i);
  if (!m || sm_value_use_empty(g->regions[0].first->args[i])) return false;
  map_used_dims(m, used);
  for (unsigned d = 0; d < nd; d++)
    if (used[d] && sm_layout_generic_is_reduction(g, d)) return true;
  return false;
}

/* When the last parallel dim is too short to vectorize (13 or 7 pixels
 * wide), another parallel dim that every read inside the reduction either
 * does not use or reads with unit step (a convolution's output channels
 * once smartmem-select-layout has put them last in the weight); the one
 * most reads step along, then the longest. -1 when there is none. */
static int short_last_alternative(SmOp *g, int last, int64_t vt) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom), nin = g->num_operands;
  if (vector_factor(dom[last], vt) >= 4 && !sm_layout_generic_lanes_hindered(g, (unsigned)last)) return -1;
  int best = -1, best_unit = -1;
  for (unsigned d = 0; d < nd; d++) {
    if ((int)d == last || sm_layout_generic_is_reduction(g, d) || vector_factor(dom[d], vt) < 4) continue;
    int unit = 0;
    bool ok = true;
    for (unsigned i = 0; i < nin && ok; i++) {
      bool used[MAXD] = {0};
      if (!in_loop_read(g, i, used) || !used[d]) continue;
      const SmAffineExpr *off = operand_offset(g, i);
      ok = off && dim_step(off, d) == 1;
      unit++;
    }
    if (ok && (unit > best_unit || (unit == best_unit && dom[d] > dom[best])))
      best = (int)d, best_unit = unit;
  }
  return best;
}

/* SIMD devices: the parallel dim to vectorize along (blocked tile,
 * innermost work-item dim). An alternative when the last dim is too short
 * (short_last_alternative); else the last parallel dim (row-major stores), unless
 * the result's stores are strided along it (SmartMem folded a transpose into
 * this producer) and another parallel dim stores contiguously (a term `d` or
 * `d mod c`) while every read inside the reduction that uses that dim steps
 * at most 16 elements (one 64-byte line) along it: its tile then reads a
 * few neighbouring lines that the reduction walks through (segformer's
 * projections, K = 16-64: 4.26 -> 1.36 ms on PoCL), where a long step would
 * scatter every read of the loop (convnext's MLP, K = 96, reading
 * channels-last pixels 96 floats apart; a depthwise convolution writing
 * channels-last, whose reads are 3,136 floats apart along the channels). */
static int simd_fast_dim(SmOp *g, int64_t vt) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom), nin = g->num_operands;
  int last = fastest_parallel(g);
  if (last < 0 || nd > MAXD) return last;
  int alt = short_last_alternative(g, last, vt);
  if (alt >= 0) return alt;
  const SmAffineExpr *store = operand_offset(g, nin);
  if (!store || unit_term(store, (unsigned)last)) return last;
  int sc = -1;
  for (unsigned d = 0; d < nd && sc < 0; d++)
    if (!sm_layout_generic_is_reduction(g, d) && dom[d] > 1 && unit_term(store, d)) sc = (int)d;
  if (sc < 0) return last;
  for (unsigned i = 0; i < nin; i++) {
    bool used[MAXD] = {0};
    if (!in_loop_read(g, i, used) || !used[sc]) continue;
    const SmAffineExpr *off = operand_offset(g, i);
    if (!off || dim_step(off, (unsigned)sc) > 16) return last;
  }
  return sc;
}

/* Tile factor for a blocked dim: a divisor when one <= cap exists, else a
 * ragged tile (the last tile clamps its points to the extent) when at most
 * an eighth of the points would be wasted (197 tokens in tiles of 4). */
static int64_t blocked_factor(int64_t ext, int64_t cap) {
  int64_t f = largest_factor(ext, cap);
  if (f == cap) return f;
  for (int64_t r = cap; r > f; r /= 2)
    if (ext >= 2 * r && ((ext + r - 1) / r * r - ext) * 8 <= ext) return r;
  return f;
}

/* The rows of a SIMD tile (the dim whose points share its vector loads):
 * a ragged tile may waste up to a sixth of its points, since each row
 * saves a vector load per reduction step. A 7x7 map's rows in tiles of 4
 * (points 0-3 and 3-6, one computed twice) halved mobilenetv2's 7x7
 * pointwise convolutions on PoCL (160 -> 1280 channels: 0.95 -> 0.51 ms),
 * where tiles of 1 read every weight vector once per pixel; a quarter
 * (13 in tiles of 4) made squeezenet's 13x13 layers slower. */
static int64_t simd_rows_factor(int64_t ext, int64_t cap) {
  int64_t f = largest_factor(ext, cap);
  if (f == cap) return f;
  for (int64_t r = cap; r > f; r /= 2)
    if (ext > r && ((ext + r - 1) / r * r - ext) * 6 <= ext) return r;
  return f;
}

/* Tile factor of a blocked fastest dim (SIMD devices): the largest power
 * of two <= cap, at least 4, that divides ext or wastes at most an eighth
 * of the points (the last tile is shifted back to end at the extent); 1
 * when none does. */
static int64_t vector_factor(int64_t ext, int64_t cap) {
  for (int64_t f = cap; f >= 4; f /= 2)
    if (ext % f == 0 || (ext >= 2 * f && ((ext + f - 1) / f * f - ext) * 8 <= ext)) return f;
  return 1;
}

/* Heuristic default (docs/opencl-backend.md, "Kernel schedules"): only
 * reductions are tiled. Each parallel dim scores the number of body loads
 * whose map does not use it (loads a tile along it would share); the two
 * best-scoring dims get the largest power-of-two factor <= max-tile that
 * divides their extent, as long as at least min-work-items work-items
 * remain (the second dim, then smaller factors, give way first). */
static void default_schedule(SmOp *g, const Limits *o, Sched *s) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom), nin = g->num_operands;
  for (unsigned d = 0; d < MAXD; d++) s->tile[d] = 1;
  s->unroll = 1;
  s->blocked_fast = false;
  s->simd_dim = -1;
  bool anyred = false;
  for (unsigned d = 0; d < nd; d++) anyred |= sm_layout_generic_is_reduction(g, d);
  if (!anyred || o->max_tile <= 1) return;
  SmBlock *body = g->regions[0].first;
  int score[MAXD] = {0};
  int64_t par_points = 1;
  for (unsigned d = 0; d < nd; d++) {
    if (sm_layout_generic_is_reduction(g, d)) continue;
    par_points *= dom[d];
    if (dom[d] <= 1) continue;
    for (unsigned i = 0; i < nin; i++) {
      SmAffineMap *m = sm_layout_generic_map(g, i);
      if (!m || sm_value_use_empty(body->args[i])) continue;
      bool used[MAXD] = {0};
      map_used_dims(m, used);
      score[d] += !used[d];
    }
  }
  int fast = fastest_parallel(g);
  if (o->blocked_fast) {
    /* SIMD: the vector tile runs along simd_fast_dim's choice (build_kernel
     * puts it innermost among the work-item's dims). */
    fast = s->simd_dim = simd_fast_dim(g, o->vector_tile);
  }
  if (o->blocked_fast && fast >= 0 && vector_factor(dom[fast], o->vector_tile) >= 4) {
    /* SIMD device: W consecutive elements of the fastest dim per work-item
     * (adjacent loads and stores, accumulators that form vectors), times a
     * few rows of the best-scoring other dim. */
    s->blocked_fast = true;
    s->tile[fast] = vector_factor(dom[fast], o->vector_tile);
    int best = 0;
    unsigned bd = 0;
    for (unsigned d = 0; d < nd; d++)
      if ((int)d != fast && score[d] > best) best = score[d], bd = d;
    if (best) s->tile[bd] = simd_rows_factor(dom[bd], o->max_tile > MAXT ? MAXT : o->max_tile);
    for (;;) {
      int64_t pts = s->tile[fast] * (best ? s->tile[bd] : 1);
      if (par_points / pts >= o->min_wi_simd && pts <= MAXP) break;
      if (best && s->tile[bd] > 1) s->tile[bd] /= 2;
      else if (s->tile[fast] > 4) s->tile[fast] /= 2;
      else break;
    }
    return;
  }
  unsigned pick[2];
  unsigned np = 0;
  for (unsigned r = 0; r < 2; r++) {
    int best = 0;
    unsigned bd = 0;
    for (unsigned d = 0; d < nd; d++)
      if (score[d] >= best && score[d] > 0 && (r == 0 || d != pick[0])) best = score[d], bd = d;
    if (!best) break;
    pick[np++] = bd;
  }
  int64_t cap = o->max_tile > MAXT ? MAXT : o->max_tile;
  for (unsigned r = 0; r < np; r++)
    s->tile[pick[r]] = (int)pick[r] == fast ? largest_factor(dom[pick[r]], cap) : blocked_factor(dom[pick[r]], cap);
  for (int r = (int)np - 1; r >= 0; r--)
    while (s->tile[pick[r]] > 1 && (par_points / (s->tile[pick[0]] * (np > 1 ? s->tile[pick[1]] : 1)) < o->min_wi ||
                                    s->tile[pick[0]] * (np > 1 ? s->tile[pick[1]] : 1) > MAXP))
      s->tile[pick[r]] /= 2;
  (void)cap;
}

/* The schedule of g: its `kernel.schedule` attribute (set by hand or by the
 * tuner: {tile = array<i64: per domain dim>, unroll = N}) when present,
 * else the heuristic default. A schedule that does not fit is an error. */
static bool schedule_of(SmOp *g, const Limits *o, Sched *s) {
  default_schedule(g, o, s);
  SmAttr *a = sm_op_get_attr(g, "kernel.schedule");
  if (!a) return true;
  s->blocked_fast = o->blocked_fast;
  if (s->blocked_fast && s->simd_dim < 0) s->simd_dim = simd_fast_dim(g, o->vector_tile);
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  SmAttr *t = a->kind == SM_ATTR_DICTIONARY ? sm_dict_get(a, "tile") : NULL;
  SmAttr *u = a->kind == SM_ATTR_DICTIONARY ? sm_dict_get(a, "unroll") : NULL;
  if (a->kind != SM_ATTR_DICTIONARY || (t && (t->kind != SM_ATTR_DENSE_ARRAY || t->dense_array.count != nd)) ||
      (u && u->kind != SM_ATTR_INTEGER))
    return sm_op_emit_error(g, "'kernel.schedule' must be {tile = array<i64: one per domain dim>, unroll = N}");
  int64_t pts = 1;
  int fast = fastest_parallel(g);
  for (unsigned d = 0; t && d < nd; d++) {
    int64_t f = sm_attr_dense_array_get_i64(t, d);
    if (f < 1 || f > MAXT || f > dom[d] || (f > 1 && sm_layout_generic_is_reduction(g, d)) ||
        ((int)d == fast && !s->blocked_fast && dom[d] % f))
      return sm_op_emit_error(g, "'kernel.schedule' tile %lld of dim %u must be at most %d and the extent %lld of a parallel "
                                 "dim (and divide it for the fastest dim, tiled cyclically)",
                              (long long)f, d, MAXT, (long long)dom[d]);
    s->tile[d] = f;
    pts *= f;
  }
  if (pts > MAXP) return sm_op_emit_error(g, "'kernel.schedule' tile has %lld points, more than %d", (long long)pts, MAXP);
  s->unroll = 1;
  if (u) {
    if (u->integer.value < 1 || u->integer.value > 64) return sm_op_emit_error(g, "'kernel.schedule' unroll must be in [1, 64]");
    s->unroll = u->integer.value;
  }
  return true;
}

/* Body of a buffer-output kernel: the work-item's position from the global
 * id (row-major over the parallel dims, each divided by its tile), the tile
 * points' index values (the fastest dim cyclic: w + t * extent/T, so that
 * neighbouring work-items touch neighbouring elements; the others blocked:
 * w * T + t), the computation, one store per point. */
static bool buffer_output_body(KGen *k, SmBuilder *b, const Sched *sch, const unsigned *par, unsigned npar,
                               const unsigned *red, unsigned nred, SmValue *gid, SmValue *out, const SmLayout *ol) {
  SmContext *c = k->ctx;
  SmOp *g = k->g;
  const int64_t *dom;
  sm_layout_generic_domain(g, &dom);
  Tiled tl = {.npts = 1, .unroll = sch->unroll};
  int64_t stride = 1, nwi = 1;
  SmValue *w[MAXD];
  for (unsigned j = 0; j < npar; j++) nwi *= (dom[par[j]] + sch->tile[par[j]] - 1) / sch->tile[par[j]];
  for (unsigned j = npar; j-- > 0;) {
    unsigned d = par[j];
    int64_t ext = (dom[d] + sch->tile[d] - 1) / sch->tile[d];
    SmAffineExpr *e = sm_affine_dim(c, 0);
    if (stride > 1) e = sm_affine_floordiv(c, e, sm_affine_const(c, stride));
    if (j > 0) e = sm_affine_mod(c, e, sm_affine_const(c, ext));
    w[d] = k->dom[d] = apply(b, sm_affine_expr_simplify_ranges(c, e, 1, &nwi), 1, &gid);
    stride *= ext;
  }
  for (unsigned j = 0; j < npar; j++) {
    unsigned d = par[j];
    int64_t f = sch->tile[d];
    if (f <= 1) continue;
    unsigned n = tl.nt++;
    tl.td[n] = d, tl.tf[n] = f;
    tl.npts *= (unsigned)f;
    bool cyclic = j + 1 == npar && !sch->blocked_fast, ragged = dom[d] % f != 0;
    int64_t ext = dom[d] / f;
    if (j + 1 == npar && sch->blocked_fast && ragged) {
      /* The last tile of a blocked fastest dim is shifted back to end at
       * the extent (base = min(w * T, extent - T)): its points stay
       * consecutive (vector loads and stores); the points it shares with
       * the tile before are computed by both work-items alike and store
       * the same value. */
      SmValue *ops[2] = {apply(b, sm_affine_mul(c, sm_affine_dim(c, 0), sm_affine_const(c, f)), 1, &w[d]),
                         index_const(b, dom[d] - f)};
      SmValue *base = mk(b, "arith.minsi", 2, ops, 1, idx_t(c), NULL, NULL, 0);
      for (int64_t t = 0; t < f; t++) tl.val[n][t] = t ? apply(b, sm_affine_add(c, sm_affine_dim(c, 0), sm_affine_const(c, t)), 1, &base) : base;
      continue;
    }
    SmValue *last = ragged ? index_const(b, dom[d] - 1) : NULL;
    for (int64_t t = 0; t < f; t++) {
      SmAffineExpr *e = cyclic ? sm_affine_add(c, sm_affine_dim(c, 0), sm_affine_const(c, t * ext))
                               : sm_affine_add(c, sm_affine_mul(c, sm_affine_dim(c, 0), sm_affine_const(c, f)), sm_affine_const(c, t));
      tl.val[n][t] = apply(b, e, 1, &w[d]);
      /* A ragged last tile recomputes the last element for its points past
       * the extent (and stores the same value there): no guards needed. */
      if (ragged && t > 0) {
        SmValue *ops[2] = {tl.val[n][t], last};
        tl.val[n][t] = mk(b, "arith.minsi", 2, ops, 1, idx_t(c), NULL, NULL, 0);
      }
    }
  }
  SmValue *vals[MAXP];
  if (!compute_tile(k, b, red, nred, &tl, vals)) return false;
  /* Every point's indices stay inside the domain (ragged tiles clamp). */
  SmAffineMap *om = sm_affine_map_simplify_ranges(c, sm_layout_generic_map(g, g->num_operands), dom);
  for (unsigned p = 0; p < tl.npts; p++) {
    set_point(k, &tl, p);
    SmValue *ops[MAXD + 2];
    ops[0] = vals[p];
    ops[1] = out;
    for (unsigned r = 0; r < om->num_results; r++) ops[2 + r] = apply(b, om->results[r], k->nd, k->dom);
    const char *pn[] = {"map"};
    SmAttr *pv[] = {sm_attr_affine_map(c, ol->map)};
    mk(b, "kernel.store", om->num_results + 2, ops, 0, NULL, pn, pv, 1);
    /* Absorbed copies: the same value at the same logical index, through
     * the copy's layout. Every point the kernel stores is stored to each
     * copy as well, so each copy is written whole. */
    for (unsigned i = 0; i < k->ncopies; i++) {
      ops[1] = k->copy_bufs[i];
      pv[0] = sm_attr_affine_map(c, k->copy_maps[i]);
      mk(b, "kernel.store", om->num_results + 2, ops, 0, NULL, pn, pv, 1);
    }
  }
  return true;
}

/* Builds kernel.func @name for generic g; returns it (detached) or NULL.
 * Its arguments are g's inputs, g's result, then one buffer per absorbed
 * copy (copies[i]: a buffer-layout type of g's result tensor), which the
 * kernel writes beside the result; copies need a buffer-layout result. */
static SmOp *build_kernel(SmContext *c, SmOp *g, const char *name, const Limits *opts, int64_t *work_items,
                          unsigned ncopies, SmType **copies, bool *lane_loops) {
  unsigned nin = g->num_operands;
  if (g->num_results != 1) {
    sm_op_emit_error(g, "kernel lowering supports one result per layout.generic");
    return NULL;
  }
  SmType *argt[64];
  if (nin + 1 + ncopies > 64) {
    sm_op_emit_error(g, "too many operands for one kernel");
    return NULL;
  }
  for (unsigned i = 0; i < nin; i++) argt[i] = storage_type(c, g->operands[i].value->type);
  SmType *rt = g->results[0].type;
  argt[nin] = storage_type(c, rt);
  SmAffineMap *copy_maps[64];
  for (unsigned i = 0; i < ncopies; i++) {
    SmLayout cl;
    if (!tensor_layout(c, g, copies[i], &cl)) return NULL;
    argt[nin + 1 + i] = storage_type(c, copies[i]);
    copy_maps[i] = cl.map;
  }
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
  Sched sch;
  if (!schedule_of(g, opts, &sch)) return NULL;
  /* Short window loops stay loops when the vector tile's lanes read
   * together: no padded read uses the vectorized dim, so each window
   * tap's bounds check is one for all lanes (a depthwise convolution
   * vectorized along its channels) and the emitter writes the loop with
   * vector lane groups. Straight-line code would stay scalar. */
  *lane_loops = false;
  if (sch.blocked_fast && sch.simd_dim >= 0 && sch.tile[sch.simd_dim] >= 4) {
    *lane_loops = true;
    for (unsigned i = 0; i < nin && *lane_loops; i++) {
      SmAffineMap *m = sm_layout_generic_map(g, i);
      if (!m || !sm_layout_generic_pad(g, i)) continue;
      for (unsigned r = 0; r < m->num_results; r++)
        if (sm_affine_expr_uses_dim(m->results[r], (unsigned)sch.simd_dim) &&
            !sm_affine_expr_is_plain_dim(m->results[r], (unsigned)sch.simd_dim, dom))
          *lane_loops = false;
    }
  }
  if (sch.blocked_fast && ol.kind == SM_LAYOUT_BUFFER) {
    /* SIMD: the vectorized dim (as the schedule chose) becomes the
     * innermost work-item dim. */
    int sc = sch.simd_dim;
    for (unsigned j = 0; sc >= 0 && j + 1 < npar; j++)
      if (par[j] == (unsigned)sc) {
        memmove(&par[j], &par[j + 1], (npar - 1 - j) * sizeof par[0]);
        par[npar - 1] = (unsigned)sc;
        break;
      }
  }
  if (ol.kind != SM_LAYOUT_IMAGE) {
    wi = 1;
    for (unsigned j = 0; j < npar; j++) wi *= (dom[par[j]] + sch.tile[par[j]] - 1) / sch.tile[par[j]];
  }
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
  if (ncopies && ol.kind != SM_LAYOUT_BUFFER) {
    sm_op_emit_error(g, "only a buffer-layout result can be stored twice (absorbed layout.convert)");
    return NULL;
  }
  KGen k = {.ctx = c, .g = g, .nd = nd, .ncopies = ncopies, .copy_maps = copy_maps};
  sm_ptrmap_init(&k.map);
  SmBlock *kb = sm_block_create();
  SmValue *bufs[64];
  for (unsigned i = 0; i <= nin + ncopies; i++) bufs[i] = sm_block_add_arg(kb, argt[i], g->loc);
  k.bufs = bufs;
  k.copy_bufs = bufs + nin + 1;
  k.kbody = kb;
  SmBuilder b;
  sm_builder_init(&b, c);
  sm_builder_set_block_end(&b, kb);
  SmValue *gid = mk(&b, "kernel.global_id", 0, NULL, 1, idx_t(c), NULL, NULL, 0);
  bool ok = true;
  if (ol.kind == SM_LAYOUT_IMAGE) {
    ok = image_output_body(&k, &b, &inv, red, nred, gid, bufs[nin]);
  } else {
    ok = buffer_output_body(&k, &b, &sch, par, npar, red, nred, gid, bufs[nin], &ol);
  }
  sm_ptrmap_free(&k.map);
  if (!ok) {
    sm_block_destroy(kb);
    return NULL;
  }
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "kernel.func"), g->loc);
  sm_op_state_add_prop(&st, "sym_name", sm_attr_string(c, name, strlen(name)));
  sm_op_state_add_prop(&st, "function_type", sm_attr_type(c, sm_type_function(c, nin + 1 + ncopies, argt, 0, NULL)));
  sm_op_state_add_prop(&st, "work_items", sm_attr_integer(c, sm_type_integer(c, 64, SM_SIGNLESS), wi));
  sm_region_append_block(sm_op_state_add_region(&st), kb);
  SmOp *f = sm_op_create(&st);
  sm_op_state_release(&st);
  return f;
}

/* ---- normalisation chains: one work-group kernel ---------------------------

LayerNorm and Softmax arrive as row reductions R1..Rn (mean, variance; max,
sum of exp) and one element-wise generic F that reads x and the R results.
Such a chain becomes one kernel with one work-group per row: each R is a
kernel.group_reduce over the reduced dims (the group's work-items share the
elements, partials combine through local memory), its epilogue runs once,
and F is a kernel.group_for over the row that stores the outputs; the R
results are never written to memory.

A chain is recognised, not declared: F is an all-parallel generic with a
buffer result; an operand of F (or of a chain member) joins the chain when
it is the result of a generic R in the same block with F's domain, a
non-empty set of reduced dims (the same for every member), an init and a
body yielding `combine(acc, v)` (combine: addf, mulf, maximumf, minimumf,
maxnumf, minnumf), whose result map keeps the parallel dims and puts 0 for
the reduced ones, and every user of R is a chain member reading R through
exactly that map (so a member at any point of the row reads the row's
value). No layout.extract anywhere in the chain. */

#define MAXCHAIN 8

typedef struct Chain {
  SmOp *red[MAXCHAIN]; /* program order */
  unsigned nred;
  SmOp *fin;
  bool mask[MAXD]; /* reduced dims */
  SmOp *inl[MAXCHAIN]; /* producers recomputed at each read (never stored) */
  unsigned ninl;
} Chain;

static bool has_extract(SmOp *g) {
  for (unsigned r = 0; r < g->num_regions; r++)
    for (SmBlock *b = g->regions[r].first; b; b = b->next)
      for (SmOp *o = b->first; o; o = o->next)
        if (sm_op_name_is(o, "layout.extract") || o->num_regions) return true;
  return false;
}

static const char *combiner_of(SmOp *g) {
  SmBlock *b = g->regions[0].first;
  unsigned nin = g->num_operands;
  if (!b || b->num_args != nin + 1 || !b->last || !sm_op_name_is(b->last, "layout.yield")) return NULL;
  SmValue *acc = b->args[nin];
  SmOp *c = sm_value_defining_op(b->last->operands[0].value);
  if (!c || c->block != b || c->num_operands != 2 || !sm_kernel_group_kind_ok(c->name)) return NULL;
  if (c->operands[0].value != acc && c->operands[1].value != acc) return NULL;
  if (!acc->uses || acc->uses->next) return NULL;
  return c->name;
}

static bool same_domain(SmOp *a, SmOp *b) {
  const int64_t *da, *db;
  unsigned na = sm_layout_generic_domain(a, &da), nb = sm_layout_generic_domain(b, &db);
  return na == nb && !memcmp(da, db, na * sizeof *da);
}

static bool row_reduction(SmContext *c, SmOp *r, Chain *ch, bool *have_mask) {
  if (!sm_op_name_is(r, "layout.generic") || r->num_results != 1 || r->block != ch->fin->block) return false;
  if (!same_domain(r, ch->fin) || !sm_layout_generic_init(r, 0) || !combiner_of(r) || has_extract(r)) return false;
  if (!sm_type_is_float(r->results[0].type->shaped.elem)) return false;
  SmLayout l;
  if (!sm_layout_of_type(c, r->results[0].type, &l) || l.kind == SM_LAYOUT_IMAGE) return false;
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(r, &dom);
  bool mask[MAXD] = {0}, any = false;
  for (unsigned d = 0; d < nd; d++) any |= mask[d] = sm_layout_generic_is_reduction(r, d);
  if (!any) return false;
  if (*have_mask && memcmp(mask, ch->mask, sizeof mask)) return false;
  SmAffineMap *om = sm_layout_generic_map(r, r->num_operands);
  for (unsigned i = 0; i < om->num_results; i++) {
    SmAffineExpr *e = om->results[i];
    if (!(e->kind == SM_AFFINE_CONST && e->value == 0) && !(e->kind == SM_AFFINE_DIM && !mask[e->position])) return false;
  }
  memcpy(ch->mask, mask, sizeof mask);
  *have_mask = true;
  return true;
}

static bool in_chain(const Chain *ch, SmOp *op) {
  if (op == ch->fin) return true;
  for (unsigned i = 0; i < ch->nred; i++)
    if (ch->red[i] == op) return true;
  return false;
}

static bool inlined(const Chain *ch, SmOp *op) {
  for (unsigned i = 0; i < ch->ninl; i++)
    if (ch->inl[i] == op) return true;
  return false;
}


/* Address (buffer elements) of producer p's input j when chain member
 * reads p's result through map rm at chain point cpt (p's reduction dims at
 * 0); false when that input is not a one-dim buffer layout. */
static bool inl_addr(SmContext *c, SmOp *p, unsigned j, SmAffineMap *rm, const int64_t *cpt, int64_t *addr) {
  SmAffineMap *pm = sm_layout_generic_map(p, p->num_operands);
  SmAffineMap *om = sm_layout_generic_map(p, j);
  SmLayout l;
  if (!om || om->num_results > MAXD || !sm_layout_of_type(c, p->operands[j].value->type, &l) ||
      l.kind != SM_LAYOUT_BUFFER || !l.map || l.map->num_results != 1)
    return false;
  int64_t ppt[MAXD] = {0}, idx[MAXD];
  for (unsigned r = 0; r < pm->num_results; r++)
    if (pm->results[r]->kind == SM_AFFINE_DIM) ppt[pm->results[r]->position] = sm_affine_expr_eval(rm->results[r], cpt, NULL);
  for (unsigned r = 0; r < om->num_results; r++) idx[r] = sm_affine_expr_eval(om->results[r], ppt, NULL);
  *addr = sm_affine_expr_eval(l.map->results[0], idx, NULL);
  return true;
}

/* The largest step, in elements, of producer p's input reads (p's result v
 * is read by chain members) as the chain kernel's neighbouring lanes step
 * the innermost reduced dim of the row (other dims and p's reduction dims at
 * 0); 0 when every read is the same across lanes. An input whose address
 * does not move with the row (the work-group: the chain's other dims), such
 * as a convolution's weights, is read alike by every work-group and stays
 * in cache, so it does not count. Evaluated on the maps (member read, p's
 * parallel dims from that index, p's input maps, their buffer layouts), so
 * it holds for any layout SmartMem chose. */
static int64_t lane_stride(SmContext *c, const Chain *ch, SmOp *p, SmValue *v) {
  const int64_t *cdom, *pdom;
  unsigned cnd = sm_layout_generic_domain(ch->fin, &cdom);
  unsigned pnd = sm_layout_generic_domain(p, &pdom);
  int lane = -1;
  for (unsigned d = 0; d < cnd; d++)
    if (ch->mask[d] && cdom[d] > 1) lane = (int)d;
  if (lane < 0 || cnd > MAXD || pnd > MAXD) return 0;
  SmAffineMap *pm = sm_layout_generic_map(p, p->num_operands);
  int64_t worst = 0;
  for (SmUse *u = v->uses; u; u = u->next) {
    SmAffineMap *rm = sm_layout_generic_map(u->owner, u->index);
    if (!rm || rm->num_results != pm->num_results) continue;
    for (unsigned j = 0; j < p->num_operands; j++) {
      int64_t zero[MAXD] = {0}, pt[MAXD] = {0}, a0, a1;
      if (!inl_addr(c, p, j, rm, zero, &a0)) continue;
      bool per_group = false;
      for (unsigned d = 0; d < cnd && !per_group; d++) {
        if (ch->mask[d] || cdom[d] <= 1) continue;
        pt[d] = 1;
        per_group = inl_addr(c, p, j, rm, pt, &a1) && a1 != a0;
        pt[d] = 0;
      }
      if (!per_group) continue;
      pt[lane] = 1;
      if (!inl_addr(c, p, j, rm, pt, &a1)) continue;
      int64_t st = a1 > a0 ? a1 - a0 : a0 - a1;
      if (st > worst) worst = st;
    }
  }
  return worst;
}

/* Producers of chain operands that the chain kernel recomputes instead of
 * reading from memory: a generic in the same block whose only users are
 * chain members, with one buffer result written through a permutation of
 * its parallel dims (so a read's index gives its domain point), no
 * layout.extract, not itself a chain member or chain result, and cheap
 * enough: its reduction length times the chain's reads of it (Softmax
 * reads its input three times: max, sum of exp, normalise) at most
 * max_macs (option inline-max-macs, by default the device profile's
 * chain_inline_macs: 256 on GPUs, which takes attention scores with head
 * dims up to 64; 0 on CPUs). On a SIMT device that cost is multiplied by the
 * profile's coalescing penalty when one of the producer's input reads steps
 * more than one element as neighbouring lanes step the row (lane_stride):
 * attention scores read K along the row contiguously once SmartMem chose K's
 * layout, but a depthwise convolution inlined into a channels LayerNorm
 * (ConvNeXt) reads channel planes H*W floats apart, three times, and was
 * 1.4x slower on the H100 than the convolution and the LayerNorm as two
 * kernels. `taken` holds ops already claimed elsewhere. */
static void find_inlined(SmContext *c, Chain *ch, SmPtrMap *taken, SmPtrMap *chains, int64_t max_macs,
                         double uncoalesced) {
  SmOp *mem[MAXCHAIN + 1];
  unsigned nm = 0;
  for (unsigned r = 0; r < ch->nred; r++) mem[nm++] = ch->red[r];
  mem[nm++] = ch->fin;
  for (unsigned m = 0; m < nm; m++)
    for (unsigned i = 0; i < mem[m]->num_operands && ch->ninl < MAXCHAIN; i++) {
      SmValue *v = mem[m]->operands[i].value;
      SmOp *p = sm_value_defining_op(v);
      if (!p || !sm_op_name_is(p, "layout.generic") || p->num_results != 1 || p->block != ch->fin->block ||
          in_chain(ch, p) || inlined(ch, p) || sm_ptrmap_get(taken, p) || sm_ptrmap_get(chains, p) || has_extract(p) ||
          !p->regions[0].first)
        continue;
      SmLayout l;
      if (!sm_layout_of_type(c, v->type, &l) || l.kind == SM_LAYOUT_IMAGE) continue;
      const int64_t *dom;
      unsigned nd = sm_layout_generic_domain(p, &dom);
      if (nd > MAXD || !projection_of_parallel(p, sm_layout_generic_map(p, p->num_operands), nd)) continue;
      int64_t macs = 1;
      for (unsigned d = 0; d < nd; d++)
        if (sm_layout_generic_is_reduction(p, d)) macs *= dom[d];
      bool only_members = true;
      unsigned reads = 0;
      for (SmUse *u = v->uses; u && only_members; u = u->next) {
        if (!in_chain(ch, u->owner) || u->index >= u->owner->num_operands) only_members = false;
        reads++;
      }
      if (!only_members) continue;
      double cost = (double)macs * reads;
      if (uncoalesced > 1 && lane_stride(c, ch, p, v) > 1) cost *= uncoalesced;
      if (cost > (double)max_macs) continue;
      /* Its operands must not be produced by the chain itself. */
      bool ok = true;
      for (unsigned j = 0; j < p->num_operands && ok; j++) {
        SmOp *d = sm_value_defining_op(p->operands[j].value);
        if (d && (in_chain(ch, d) || inlined(ch, d))) ok = false;
      }
      if (ok) ch->inl[ch->ninl++] = p;
    }
}

static bool op_before(SmOp *a, SmOp *b) {
  for (SmOp *o = a->next; o; o = o->next)
    if (o == b) return true;
  return false;
}

static bool find_chain(SmContext *c, SmOp *fin, Chain *ch) {
  memset(ch, 0, sizeof *ch);
  ch->fin = fin;
  if (!sm_op_name_is(fin, "layout.generic") || fin->num_results != 1 || has_extract(fin)) return false;
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(fin, &dom);
  if (nd > MAXD) return false;
  for (unsigned d = 0; d < nd; d++)
    if (sm_layout_generic_is_reduction(fin, d)) return false;
  SmLayout l;
  if (!sm_layout_of_type(c, fin->results[0].type, &l) || l.kind == SM_LAYOUT_IMAGE) return false;
  bool have_mask = false;
  /* Members' operands, breadth first from F. */
  SmOp *work[MAXCHAIN + 1] = {fin};
  for (unsigned w = 0, nw = 1; w < nw; w++) {
    SmOp *m = work[w];
    for (unsigned i = 0; i < m->num_operands; i++) {
      SmOp *d = sm_value_defining_op(m->operands[i].value);
      if (!d || in_chain(ch, d) || sm_layout_generic_map(m, i) != sm_layout_generic_map(d, d->num_operands)) continue;
      if (!row_reduction(c, d, ch, &have_mask)) continue;
      if (ch->nred == MAXCHAIN) return false;
      ch->red[ch->nred++] = d;
      work[nw++] = d;
    }
  }
  if (!ch->nred) return false;
  /* Every user of a member reduction is a member reading it through its result map. */
  for (unsigned i = 0; i < ch->nred; i++) {
    SmValue *v = &ch->red[i]->results[0];
    SmAffineMap *rm = sm_layout_generic_map(ch->red[i], ch->red[i]->num_operands);
    for (SmUse *u = v->uses; u; u = u->next) {
      if (!in_chain(ch, u->owner) || sm_layout_generic_map(u->owner, u->index) != rm) return false;
    }
  }
  /* Program order (a member may read an earlier one). */
  for (unsigned i = 0; i < ch->nred; i++)
    for (unsigned j = i + 1; j < ch->nred; j++)
      if (op_before(ch->red[j], ch->red[i])) {
        SmOp *t = ch->red[i];
        ch->red[i] = ch->red[j], ch->red[j] = t;
      }
  return true;
}

/* Index of v among ext[0..*n), appended when absent. */
static unsigned ext_index(SmValue **ext, unsigned *n, SmValue *v) {
  for (unsigned i = 0; i < *n; i++)
    if (ext[i] == v) return i;
  ext[*n] = v;
  return (*n)++;
}

/* Kernel arguments of a chain kernel as each member and inlined producer sees them. */
typedef struct ChainArgs {
  SmValue **ext, **args;
  unsigned next;
  SmValue **scalars;                /* per reduction member: its row value */
  SmValue *inl_bufs[MAXCHAIN][MAXINLOPS];  /* per inlined producer: its operands' arguments */
} ChainArgs;

/* Sets k->g, k->bufs, k->given and k->prod for chain member g. */
static void bind_member(KGen *k, const Chain *ch, SmOp *g, ChainArgs *ca, SmValue **bufs, SmValue **given, SmOp **prod,
                        SmValue ***pbufs) {
  k->g = g;
  for (unsigned i = 0; i < g->num_operands; i++) {
    SmValue *v = g->operands[i].value;
    bufs[i] = NULL;
    given[i] = NULL;
    prod[i] = NULL;
    pbufs[i] = NULL;
    for (unsigned r = 0; r < ch->nred; r++)
      if (v == &ch->red[r]->results[0]) given[i] = ca->scalars[r];
    for (unsigned j = 0; j < ch->ninl; j++)
      if (v == &ch->inl[j]->results[0]) prod[i] = ch->inl[j], pbufs[i] = ca->inl_bufs[j];
    for (unsigned e = 0; !given[i] && !prod[i] && e < ca->next; e++)
      if (ca->ext[e] == v) bufs[i] = ca->args[e];
  }
  k->bufs = bufs;
  k->given = given;
  k->prod = prod;
  k->prod_bufs = pbufs;
}

/* The reduced dims' values from the linear index iv (row-major). */
static void delinearize(KGen *k, SmBuilder *b, const unsigned *dims, unsigned n, const int64_t *dom, SmValue *iv) {
  SmContext *c = k->ctx;
  int64_t stride = 1, total = 1;
  for (unsigned j = 0; j < n; j++) total *= dom[dims[j]];
  for (unsigned j = n; j-- > 0;) {
    SmAffineExpr *e = sm_affine_dim(c, 0);
    if (stride > 1) e = sm_affine_floordiv(c, e, sm_affine_const(c, stride));
    if (j > 0) e = sm_affine_mod(c, e, sm_affine_const(c, dom[dims[j]]));
    k->dom[dims[j]] = apply(b, sm_affine_expr_simplify_ranges(c, e, 1, &total), 1, &iv);
    stride *= dom[dims[j]];
  }
}

static SmOp *group_loop(SmBuilder *b, const char *name, SmValue *init, int64_t upper, const char *kind, SmBlock *body) {
  SmContext *c = b->ctx;
  SmType *i64 = sm_type_integer(c, 64, SM_SIGNLESS);
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, name), sm_loc_unknown(c));
  if (init) {
    sm_op_state_add_operand(&st, init);
    sm_op_state_add_result(&st, init->type);
    sm_op_state_add_prop(&st, "kind", sm_attr_string(c, kind, strlen(kind)));
  }
  sm_op_state_add_prop(&st, "lower", sm_attr_integer(c, i64, 0));
  sm_op_state_add_prop(&st, "upper", sm_attr_integer(c, i64, upper));
  sm_op_state_add_prop(&st, "step", sm_attr_integer(c, i64, 1));
  sm_region_append_block(sm_op_state_add_region(&st), body);
  SmOp *op = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  return op;
}

/* Work-group size of a chain kernel over rows of n elements: a power of
 * two, about n / 4 elements per work-item's share, between 32 and 256. On
 * a SIMD device (a CPU, fastest-dim blocked) the group is one work-item
 * that walks its row: barriers and the local-memory tree cost more there
 * than they share (vit_tv_tiny's LayerNorm and Softmax kernels on PoCL:
 * 4.5-6 ms in groups of 1 against 13-43 ms in groups of 32). */
static int64_t chain_group_size(int64_t n) {
  int64_t g = 32;
  while (g < 256 && g * 8 <= n) g *= 2;
  return g;
}

/* Builds the chain's kernel; ext/next receive its external operands (its
 * arguments before the output). */
static SmOp *build_chain_kernel(SmContext *c, const Chain *ch, const char *name, SmValue **ext, unsigned *next, int64_t *wi,
                                bool simd) {
  SmOp *fin = ch->fin;
  *next = 0;
  for (unsigned r = 0; r <= ch->nred + ch->ninl; r++) {
    SmOp *g = r < ch->nred ? ch->red[r] : r == ch->nred ? fin : ch->inl[r - ch->nred - 1];
    for (unsigned i = 0; i < g->num_operands; i++) {
      SmOp *d = sm_value_defining_op(g->operands[i].value);
      if (d && (in_chain(ch, d) || inlined(ch, d))) continue;
      if (*next >= 63) {
        sm_op_emit_error(fin, "too many operands for one kernel");
        return NULL;
      }
      ext_index(ext, next, g->operands[i].value);
    }
  }
  SmType *argt[64];
  for (unsigned i = 0; i < *next; i++) argt[i] = storage_type(c, ext[i]->type);
  argt[*next] = storage_type(c, fin->results[0].type);
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(fin, &dom);
  unsigned rows_d[MAXD], red_d[MAXD], nrow = 0, nredd = 0;
  int64_t rows = 1, n = 1;
  for (unsigned d = 0; d < nd; d++) {
    if (ch->mask[d]) red_d[nredd++] = d, n *= dom[d];
    else rows_d[nrow++] = d, rows *= dom[d];
  }
  int64_t gs = simd ? 1 : chain_group_size(n);
  SmAttr *sched = sm_op_get_attr(fin, "kernel.schedule");
  SmAttr *ga = sched && sched->kind == SM_ATTR_DICTIONARY ? sm_dict_get(sched, "group") : NULL;
  if (ga) {
    if (ga->kind != SM_ATTR_INTEGER || ga->integer.value < 1 || ga->integer.value > 1024 || (ga->integer.value & (ga->integer.value - 1))) {
      sm_op_emit_error(fin, "'kernel.schedule' group must be a power of two in [1, 1024]");
      return NULL;
    }
    gs = ga->integer.value;
  }
  *wi = rows;
  KGen k = {.ctx = c, .nd = nd};
  sm_ptrmap_init(&k.map);
  SmBlock *kb = sm_block_create();
  SmValue *args[64];
  for (unsigned i = 0; i <= *next; i++) args[i] = sm_block_add_arg(kb, argt[i], fin->loc);
  SmBuilder b;
  sm_builder_init(&b, c);
  sm_builder_set_block_end(&b, kb);
  SmValue *gid = mk(&b, "kernel.group_id", 0, NULL, 1, idx_t(c), NULL, NULL, 0);
  delinearize(&k, &b, rows_d, nrow, dom, gid);
  SmValue *row_dom[MAXD];
  memcpy(row_dom, k.dom, sizeof row_dom);
  SmValue *scalars[MAXCHAIN], *bufs[64], *given[64], **pbufs[64];
  SmOp *prod[64];
  ChainArgs *ca = malloc(sizeof *ca);
  if (!ca) {
    sm_ptrmap_free(&k.map);
    sm_block_destroy(kb);
    sm_op_emit_error(fin, "out of memory");
    return NULL;
  }
  *ca = (ChainArgs){.ext = ext, .args = args, .next = *next, .scalars = scalars};
  for (unsigned j = 0; j < ch->ninl; j++)
    for (unsigned o = 0; o < ch->inl[j]->num_operands && o < 64; o++)
      for (unsigned e = 0; e < *next; e++)
        if (ext[e] == ch->inl[j]->operands[o].value) ca->inl_bufs[j][o] = args[e];
  bool ok = true;
  Tiled one = {.npts = 1, .unroll = 1};
  for (unsigned r = 0; r < ch->nred && ok; r++) {
    SmOp *g = ch->red[r];
    bind_member(&k, ch, g, ca, bufs, given, prod, pbufs);
    SmBlock *lb = sm_block_create();
    SmValue *iv = sm_block_add_arg(lb, idx_t(c), sm_loc_unknown(c));
    SmValue *acc0 = const_of(&b, sm_layout_generic_init(g, 0));
    SmValue *acc = sm_block_add_arg(lb, acc0->type, sm_loc_unknown(c));
    SmBuilder ib;
    sm_builder_init(&ib, c);
    sm_builder_set_block_end(&ib, lb);
    delinearize(&k, &ib, red_d, nredd, dom, iv);
    SmValue *y = NULL;
    ok = body_points(&k, &ib, &one, &acc, &y);
    if (!ok) {
      sm_block_destroy(lb);
      break;
    }
    mk(&ib, "kernel.yield", 1, &y, 0, NULL, NULL, NULL, 0);
    SmValue *v = sm_op_result(group_loop(&b, "kernel.group_reduce", acc0, n, combiner_of(g), lb), 0);
    memcpy(k.dom, row_dom, sizeof row_dom);
    SmBlock *epi = g->regions[1].first;
    if (epi) {
      SmValue *(*cache)[MAXP] = calloc(g->num_operands ? g->num_operands : 1, sizeof *cache);
      if (!cache) {
        ok = sm_op_emit_error(g, "out of memory");
        break;
      }
      sm_ptrmap_put(&k.map, epi->args[0], v);
      ok = load_point_inputs(&k, epi, 1, &b, &one, 0, cache);
      free(cache);
      if (ok) v = clone_region(&k, epi, &b, &ok);
    }
    scalars[r] = v;
  }
  if (ok) {
    bind_member(&k, ch, fin, ca, bufs, given, prod, pbufs);
    SmBlock *lb = sm_block_create();
    SmValue *iv = sm_block_add_arg(lb, idx_t(c), sm_loc_unknown(c));
    SmBuilder ib;
    sm_builder_init(&ib, c);
    sm_builder_set_block_end(&ib, lb);
    delinearize(&k, &ib, red_d, nredd, dom, iv);
    unsigned nored[1];
    SmValue *v = compute(&k, &ib, nored, 0, &ok);
    if (ok) {
      SmLayout ol;
      sm_layout_of_type(c, fin->results[0].type, &ol);
      SmAffineMap *om = sm_affine_map_simplify_ranges(c, sm_layout_generic_map(fin, fin->num_operands), dom);
      SmValue *ops[MAXD + 2];
      ops[0] = v;
      ops[1] = args[*next];
      for (unsigned r = 0; r < om->num_results; r++) ops[2 + r] = apply(&ib, om->results[r], nd, k.dom);
      const char *pn[] = {"map"};
      SmAttr *pv[] = {sm_attr_affine_map(c, ol.map)};
      mk(&ib, "kernel.store", om->num_results + 2, ops, 0, NULL, pn, pv, 1);
      mk(&ib, "kernel.yield", 0, NULL, 0, NULL, NULL, NULL, 0);
      group_loop(&b, "kernel.group_for", NULL, n, NULL, lb);
    } else {
      sm_block_destroy(lb);
    }
  }
  sm_ptrmap_free(&k.map);
  free(ca);
  if (!ok) {
    sm_block_destroy(kb);
    return NULL;
  }
  SmType *i64 = sm_type_integer(c, 64, SM_SIGNLESS);
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "kernel.func"), fin->loc);
  sm_op_state_add_prop(&st, "sym_name", sm_attr_string(c, name, strlen(name)));
  sm_op_state_add_prop(&st, "function_type", sm_attr_type(c, sm_type_function(c, *next + 1, argt, 0, NULL)));
  sm_op_state_add_prop(&st, "work_items", sm_attr_integer(c, i64, rows));
  sm_op_state_add_prop(&st, "group_size", sm_attr_integer(c, i64, gs));
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

/* The kernel.alloc holding op's result, recorded in vals. It keeps the op's
 * location: runtime errors about it (an image the device cannot hold) point
 * at the source. */
static SmValue *host_alloc(SmBuilder *b, SmPtrMap *vals, SmOp *op) {
  SmType *t = op->results[0].type;
  const char *an[] = {"type"};
  SmAttr *av[] = {sm_attr_type(b->ctx, t)};
  SmValue *buf = host_op(b, "kernel.alloc", storage_type(b->ctx, t), 0, NULL, an, av, 1);
  sm_value_defining_op(buf)->loc = op->loc;
  sm_ptrmap_put(vals, &op->results[0], buf);
  return buf;
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

/* The layout.converts of generic g's result that g's kernel stores as well
 * (at most MAXCOPIES, in program order): each converts to a buffer layout,
 * in g's block, from g's buffer-layout result. A kernel that computes a
 * tensor writes the copy with no second pass over memory and no launch of
 * its own; a separate copy kernel would read the whole tensor back. */
static unsigned absorbable_copies(SmContext *c, SmOp *g, SmOp **out) {
  SmLayout l;
  if (!sm_layout_of_type(c, g->results[0].type, &l) || l.kind != SM_LAYOUT_BUFFER) return 0;
  unsigned want = 0, n = 0;
  for (SmUse *u = g->results[0].uses; u; u = u->next)
    if (sm_op_name_is(u->owner, "layout.convert") && u->owner->block == g->block &&
        sm_layout_of_type(c, u->owner->results[0].type, &l) && l.kind == SM_LAYOUT_BUFFER)
      want++;
  /* Program order (use lists have none): the converts follow g. */
  for (SmOp *op = g->next; op && n < want && n < MAXCOPIES; op = op->next)
    if (sm_op_name_is(op, "layout.convert") && op->operands[0].value == &g->results[0] &&
        sm_layout_of_type(c, op->results[0].type, &l) && l.kind == SM_LAYOUT_BUFFER)
      out[n++] = op;
  return n;
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
  SmPtrMap vals, chains, members, absorbed;
  sm_ptrmap_init(&vals);
  sm_ptrmap_init(&chains);
  sm_ptrmap_init(&members);
  sm_ptrmap_init(&absorbed);
  /* Normalisation chains: F -> its Chain; each absorbed R -> its F. */
  for (SmOp *op = body->first; lim->group_kernels && op; op = op->next) {
    if (!sm_op_name_is(op, "layout.generic") || sm_ptrmap_get(&members, op)) continue;
    Chain tmp;
    if (!find_chain(c, op, &tmp)) continue;
    Chain *ch = malloc(sizeof *ch);
    if (!ch) break;
    *ch = tmp;
    sm_ptrmap_put(&chains, op, ch);
    for (unsigned r = 0; r < ch->nred; r++) sm_ptrmap_put(&members, ch->red[r], op);
  }
  /* Cheap producers feeding only a chain are recomputed inside it. */
  for (SmOp *op = body->first; lim->group_kernels && lim->inline_macs > 0 && op; op = op->next) {
    Chain *ch = sm_ptrmap_get(&chains, op);
    if (!ch) continue;
    find_inlined(c, ch, &members, &chains, lim->inline_macs, lim->inline_uncoalesced);
    for (unsigned j = 0; j < ch->ninl; j++) sm_ptrmap_put(&members, ch->inl[j], op);
  }
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
    if (sm_ptrmap_get(&members, op)) continue; /* computed inside its chain's kernel, never stored */
    if (sm_ptrmap_get(&absorbed, op)) continue; /* stored by its operand's kernel */
    const Chain *chain = sm_ptrmap_get(&chains, op);
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
    SmValue *ext[64];
    unsigned nargs = op->num_operands;
    SmOp *kf;
    SmOp *copies[MAXCOPIES];
    unsigned ncopies = 0;
    bool lane_loops = false;
    if (chain) {
      kf = build_chain_kernel(c, chain, name, ext, &nargs, &wi, lim->blocked_fast);
    } else {
      SmType *ct[MAXCOPIES];
      if (!tmp && lim->absorb_copies) ncopies = absorbable_copies(c, op, copies);
      for (unsigned i = 0; i < ncopies; i++) ct[i] = copies[i]->results[0].type, sm_ptrmap_put(&absorbed, copies[i], op);
      kf = build_kernel(c, g, name, lim, &wi, ncopies, ct, &lane_loops);
      for (unsigned i = 0; i < nargs; i++) ext[i] = op->operands[i].value;
    }
    if (tmp) sm_op_destroy(tmp);
    if (!kf) {
      ok = false;
      break;
    }
    /* Short windows become straight-line code, reduction loops are cut where
     * padded reads (a folded Concat) change bounds and provably needless
     * bounds checks go, then invariants leave the loops. */
    sm_kernel_unroll_keep_wide(kf, 3, lane_loops ? 16 : 0);
    sm_kernel_split_padded_loops(kf);
    sm_kernel_hoist_invariants(kf);
    /* SIMD: one value per distinct index expression, so that the lanes of
     * a register tile share their bounds checks by name (the emitter's
     * lane groups compare them as text). */
    if (lim->blocked_fast) sm_cse(kf);
    sm_block_insert_op(module->regions[0].first, fn, kf);
    SmValue *args[64 + 1 + MAXCOPIES];
    for (unsigned i = 0; i < nargs; i++) {
      args[i] = sm_ptrmap_get(&vals, ext[i]);
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
    args[nargs] = host_alloc(&hbld, &vals, op);
    for (unsigned i = 0; i < ncopies; i++) args[nargs + 1 + i] = host_alloc(&hbld, &vals, copies[i]);
    const char *ln[] = {"callee", "work_items"};
    SmAttr *lv[] = {sm_attr_symbol_ref(c, sm_intern_cstr(c, name), 0, NULL), sm_attr_integer(c, i64, wi)};
    host_op(&hbld, "kernel.launch", NULL, nargs + 1 + ncopies, args, ln, lv, 2);
  }
  for (SmOp *op = body->first; op; op = op->next) {
    Chain *ch = sm_ptrmap_get(&chains, op);
    free(ch);
  }
  sm_ptrmap_free(&vals);
  sm_ptrmap_free(&chains);
  sm_ptrmap_free(&members);
  sm_ptrmap_free(&absorbed);
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

/* min-work-items 0 and inline-max-macs -1: the device profile's values; the
 * uncoalesced-read factor of chain inlining always comes from the profile. */
static bool profile_min_wi(SmOp *module, Limits *lim) {
  SmDeviceProfile dp;
  if (!sm_device_profile_for(module, NULL, &dp)) return false;
  if (lim->min_wi <= 0) lim->min_wi = dp.min_work_items > 0 ? dp.min_work_items : 1;
  if (lim->inline_macs < 0) lim->inline_macs = dp.chain_inline_macs;
  /* The image limits smartmem-map-texture planned with (a Mali's 65536, not
   * the 16384 of most devices), unless the options say otherwise. */
  if (lim->max_w < 0) lim->max_w = dp.max_image_width;
  if (lim->max_h < 0) lim->max_h = dp.max_image_height;
  lim->inline_uncoalesced = dp.costs.simt ? dp.costs.coalesce_penalty : 1;
  return true;
}

/* Whether the module's device profile describes a SIMD device (a CPU:
 * not SIMT, preferred vector width above 4 floats), whose work-items each
 * run W consecutive elements in vector registers, rather than a SIMT GPU,
 * whose neighbouring work-items should touch neighbouring elements. */
bool sm_kernel_fastest_blocked(SmOp *module, bool *simd) {
  SmDeviceProfile p;
  if (!sm_device_profile_for(module, NULL, &p)) return false;
  *simd = !p.costs.simt && p.preferred_vector_width > 4;
  return true;
}

bool sm_convert_layout_to_kernel(SmOp *module) {
  Limits lim = {-1, -1, true, 4, 0, -1, false, 16, 64, 0, true};
  if (!sm_kernel_fastest_blocked(module, &lim.blocked_fast)) return false;
  return profile_min_wi(module, &lim) && convert_module(module, &lim);
}

static bool run_cl2k(SmOp *op, SmPassRun *run) {
  Limits lim = {sm_pass_run_int(run, "max-image-width"), sm_pass_run_int(run, "max-image-height"),
                sm_pass_run_bool(run, "group-kernels"),
                sm_pass_run_int(run, "max-tile"), sm_pass_run_int(run, "min-work-items"),
                sm_pass_run_int(run, "inline-max-macs"), false, 16, 64, 0, sm_pass_run_bool(run, "absorb-copies")};
  const char *fd = sm_pass_run_string(run, "fastest-dim");
  lim.vector_tile = sm_pass_run_int(run, "vector-tile");
  if (lim.vector_tile < 4 || lim.vector_tile > MAXT || (lim.vector_tile & (lim.vector_tile - 1)))
    return sm_emit_error(sm_op_context(op), op->loc, "vector-tile must be a power of two in [4, %d]", MAXT);
  if (!strcmp(fd, "blocked")) lim.blocked_fast = true;
  else if (!strcmp(fd, "auto")) {
    if (!sm_kernel_fastest_blocked(op, &lim.blocked_fast)) return false;
  }
  else if (strcmp(fd, "cyclic"))
    return sm_emit_error(sm_op_context(op), op->loc, "fastest-dim must be auto, cyclic or blocked, not '%s'", fd);
  if (lim.max_tile < 1 || lim.max_tile > MAXT)
    return sm_emit_error(sm_op_context(op), op->loc, "max-tile must be in [1, %d]", MAXT);
  if (lim.max_w < -1 || lim.max_h < -1)
    return sm_emit_error(sm_op_context(op), op->loc, "max-image-width / max-image-height must be >= -1");
  if (lim.inline_macs < -1) return sm_emit_error(sm_op_context(op), op->loc, "inline-max-macs must be >= -1");
  if (lim.min_wi < 0) return sm_emit_error(sm_op_context(op), op->loc, "min-work-items must be >= 0");
  return profile_min_wi(op, &lim) && convert_module(op, &lim);
}

static const SmPassOption cl2k_options[] = {
    {"max-image-width", SM_PASS_OPT_INT, "-1", "largest image width a tensor may need (0: no limit; -1: the device profile's max_image_width, 16384 by default)"},
    {"max-image-height", SM_PASS_OPT_INT, "-1", "largest image height a tensor may need (0: no limit; -1: the device profile's max_image_height, 16384 by default)"},
    {"max-tile", SM_PASS_OPT_INT, "4", "register tile factor cap per dim of the default schedule (1: one point per work-item)"},
    {"min-work-items", SM_PASS_OPT_INT, "0", "work-items the default schedule keeps at least when tiling (0: the device profile's min_work_items, default 256)"},
    {"group-kernels", SM_PASS_OPT_BOOL, "true", "row reductions feeding one element-wise generic (LayerNorm, Softmax) become one work-group kernel"},
    {"inline-max-macs", SM_PASS_OPT_INT, "-1", "a producer read only by such a kernel is recomputed there when its reduction length times its reads (times the profile's coalescing_penalty on a SIMT device when its reads step across lanes) is at most this (0: never; -1: the device profile's chain_inline_macs, 256 on GPUs, 0 otherwise)"},
    {"fastest-dim", SM_PASS_OPT_STRING, "auto", "tiling of the fastest parallel dim: cyclic (SIMT GPUs: neighbouring work-items read neighbouring elements), blocked (SIMD CPUs: a work-item takes vector-tile consecutive elements) or auto (blocked when the module's device profile is not SIMT and has a preferred vector width above 4)"},
    {"vector-tile", SM_PASS_OPT_INT, "16", "largest tile of a blocked fastest dim (a power of two in [4, 16])"},
    {"absorb-copies", SM_PASS_OPT_BOOL, "true", "a layout.convert between buffer layouts of a kernel's result is stored by that kernel (a second kernel.store) instead of a copy kernel of its own"},
};

const SmPassDef sm_convert_layout_to_kernel_pass = {
    .argument = "convert-layout-to-kernel",
    .summary = "Lower layout.generic ops to kernel.func and func.func to a kernel.host plan",
    .anchor = "builtin.module",
    .options = cl2k_options,
    .num_options = 9,
    .run = run_cl2k,
};
