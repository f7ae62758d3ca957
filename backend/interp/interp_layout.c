/* The interpreter at the layout level: layout.generic (iteration domain,
 * indexing maps, pad, init, body and epilogue), layout.convert, and the
 * physical storage of tensors with layout encodings. Every element access
 * goes through the tensor's layout map, so a wrong map gives wrong results;
 * logical indices are bounds-checked (a read outside an unpadded input is a
 * lowering bug and is reported, not read). */
#include "backend/interp/interp_levels.h"
#include "backend/interp/vm.h"
#include "dialects/layout/layout.h"

#include <stdlib.h>
#include <string.h>

bool sm_interp_type_encoded(const SmType *t) { return t && t->kind == SM_TYPE_TENSOR && t->shaped.encoding; }

bool sm_interp_phys_addr(SmContext *ctx, SmLoc *loc, const SmType *t, SmAffineExpr **addr, int64_t *numel) {
  if (!t || t->kind != SM_TYPE_TENSOR) return sm_emit_error(ctx, loc, "interpreter: expected a ranked tensor");
  for (unsigned d = 0; d < t->shaped.rank; d++)
    if (t->shaped.dims[d] < 0) return sm_emit_error(ctx, loc, "interpreter: dynamic shapes are not supported");
  if (!t->shaped.encoding) {
    *addr = sm_layout_row_major_map(ctx, t->shaped.rank, t->shaped.dims)->results[0];
    *numel = sm_type_num_elements(t);
    return true;
  }
  SmLayout l;
  if (!sm_layout_from_attr(ctx, t->shaped.encoding, &l))
    return sm_emit_error(ctx, loc, "interpreter: tensor encoding is not a #layout.buffer or #layout.image");
  int64_t ext[3];
  if (!sm_layout_verify(ctx, loc, &l, t->shaped.rank, t->shaped.dims, ext)) return false;
  if (l.kind == SM_LAYOUT_BUFFER) {
    *addr = l.map->results[0];
    *numel = ext[0];
    return true;
  }
  /* Image: pixel (y, x) of a width-ext[1] image, 4 lanes per pixel. */
  SmAffineExpr *y = l.map->results[0], *x = l.map->results[1], *lane = l.map->results[2];
  *addr = sm_affine_add(ctx, sm_affine_add(ctx, sm_affine_mul(ctx, y, sm_affine_const(ctx, ext[1] * 4)),
                                           sm_affine_mul(ctx, x, sm_affine_const(ctx, 4))),
                        lane);
  *numel = ext[0] * ext[1] * 4;
  return true;
}

bool sm_interp_value_alloc(SmContext *ctx, SmLoc *loc, const SmType *t, SmTensor *out) {
  memset(out, 0, sizeof *out);
  if (!sm_interp_type_encoded(t)) {
    if (!sm_tensor_alloc_for_type(out, t))
      return sm_emit_error(ctx, loc, "interpreter: unsupported tensor type");
    return true;
  }
  SmDType dt;
  if (!sm_dtype_from_type(t->shaped.elem, &dt)) return sm_emit_error(ctx, loc, "interpreter: unsupported element type");
  SmAffineExpr *addr;
  int64_t n;
  if (!sm_interp_phys_addr(ctx, loc, t, &addr, &n)) return false;
  if (!sm_tensor_alloc(out, dt, 1, &n)) return sm_emit_error(ctx, loc, "interpreter: out of memory");
  return true;
}

/* Copies every logical element between two storages of one shape. */
static bool copy_elements(SmContext *ctx, SmLoc *loc, unsigned rank, const int64_t *dims, SmAffineExpr *src_addr,
                          const SmTensor *src, SmAffineExpr *dst_addr, SmTensor *dst) {
  SmVmAff sa, da;
  if (!sm_vm_aff_compile(&sa, src_addr)) return sm_emit_error(ctx, loc, "interpreter: out of memory");
  if (!sm_vm_aff_compile(&da, dst_addr)) {
    sm_vm_aff_free(&sa);
    return sm_emit_error(ctx, loc, "interpreter: out of memory");
  }
  int64_t idx[SM_VM_MAX_DIMS] = {0}, total = 1;
  for (unsigned d = 0; d < rank; d++) total *= dims[d];
  int64_t sn = sm_tensor_numel(src), dn = sm_tensor_numel(dst);
  size_t es = sm_dtype_size(src->dtype);
  bool ok = true;
  for (int64_t n = 0; n < total && ok; n++) {
    int64_t so = sm_vm_aff_eval(&sa, idx), doff = sm_vm_aff_eval(&da, idx);
    if (so < 0 || so >= sn || doff < 0 || doff >= dn) {
      ok = sm_emit_error(ctx, loc, "interpreter: layout maps an element outside its storage");
      break;
    }
    memcpy((char *)dst->data + doff * es, (const char *)src->data + so * es, es);
    for (unsigned d = rank; d-- > 0;) {
      if (++idx[d] < dims[d]) break;
      idx[d] = 0;
    }
  }
  sm_vm_aff_free(&sa);
  sm_vm_aff_free(&da);
  return ok;
}

static bool convert_storage(SmContext *ctx, SmLoc *loc, const SmType *t, const SmTensor *in, SmTensor *out,
                            bool to_storage) {
  if (t->shaped.rank > SM_VM_MAX_DIMS) return sm_emit_error(ctx, loc, "interpreter: rank exceeds %d", SM_VM_MAX_DIMS);
  SmAffineExpr *phys, *rm = sm_layout_row_major_map(ctx, t->shaped.rank, t->shaped.dims)->results[0];
  int64_t n;
  if (!sm_interp_phys_addr(ctx, loc, t, &phys, &n)) return false;
  if (to_storage) {
    if (in->rank != t->shaped.rank || (in->rank && memcmp(in->dims, t->shaped.dims, in->rank * sizeof(int64_t))))
      return sm_emit_error(ctx, loc, "interpreter: tensor does not have the type's shape");
    if (!sm_interp_value_alloc(ctx, loc, t, out)) return false;
  } else if (!sm_tensor_alloc_for_type(out, t)) {
    return sm_emit_error(ctx, loc, "interpreter: unsupported tensor type");
  }
  if (out->dtype != in->dtype) {
    sm_tensor_free(out);
    return sm_emit_error(ctx, loc, "interpreter: element type mismatch");
  }
  bool ok = to_storage ? copy_elements(ctx, loc, t->shaped.rank, t->shaped.dims, rm, in, phys, out)
                       : copy_elements(ctx, loc, t->shaped.rank, t->shaped.dims, phys, in, rm, out);
  if (!ok) sm_tensor_free(out);
  return ok;
}

bool sm_interp_to_storage(SmContext *ctx, SmLoc *loc, const SmType *t, const SmTensor *logical, SmTensor *out) {
  return convert_storage(ctx, loc, t, logical, out, true);
}

bool sm_interp_from_storage(SmContext *ctx, SmLoc *loc, const SmType *t, const SmTensor *stored, SmTensor *out) {
  return convert_storage(ctx, loc, t, stored, out, false);
}

/* ---- layout.generic -------------------------------------------------------- */

/* How one input is read at a domain point. */
typedef struct InAccess {
  SmVmMem mem;
  unsigned rank;
  const int64_t *shape;
  bool has_map, has_pad;
  SmVmAff coord[SM_VM_MAX_DIMS]; /* indexing map results, over the domain */
  SmVmAff addr;                  /* layout, over the tensor indices */
  SmVmReg pad;
  bool in_body, in_epi;          /* its region argument is used */
  /* Fast paths when the indexing map and layout are linear: the address
   * (and, with pad, the coordinates) are tracked incrementally as linear
   * quantities of the domain point. */
  enum { IN_SLOW, IN_FAST, IN_PADLIN } mode;
  unsigned qaddr, qcoord[SM_VM_MAX_DIMS];
} InAccess;

/* c0 + sum coef[d] * point[d], kept current as the point moves. */
typedef struct Quant {
  int64_t c0, coef[SM_VM_MAX_DIMS];
} Quant;

typedef struct Generic {
  SmOp *op;
  unsigned nd, nin, nres;
  const int64_t *dom;
  bool red[SM_VM_MAX_DIMS];
  InAccess *in;
  SmVmExtract *ex;
  SmVmMem out[8];
  SmVmAff out_coord[8][SM_VM_MAX_DIMS];
  unsigned out_rank[8];
  const int64_t *out_shape[8];
  SmVmAff out_addr[8];
  SmVmReg init[8];
  SmVmProg *body, *epi;
  Quant *q;
  int64_t *qv;
  unsigned nq, capq;
} Generic;

static void generic_free(Generic *g) {
  for (unsigned i = 0; g->in && i < g->nin; i++) {
    for (unsigned r = 0; r < g->in[i].rank; r++) sm_vm_aff_free(&g->in[i].coord[r]);
    sm_vm_aff_free(&g->in[i].addr);
    if (g->ex) sm_vm_aff_free(&g->ex[i].addr);
  }
  for (unsigned r = 0; r < g->nres; r++) {
    for (unsigned k = 0; k < g->out_rank[r]; k++) sm_vm_aff_free(&g->out_coord[r][k]);
    sm_vm_aff_free(&g->out_addr[r]);
  }
  free(g->in);
  free(g->ex);
  free(g->q);
  free(g->qv);
  sm_vm_prog_free(g->body);
  sm_vm_prog_free(g->epi);
}

/* Reads input i at point; false (env->fail set) when out of bounds. */
static bool read_input(const InAccess *a, const int64_t *point, SmVmReg *out, SmVmEnv *env, SmOp *op) {
  int64_t idx[SM_VM_MAX_DIMS];
  for (unsigned r = 0; r < a->rank; r++) {
    idx[r] = sm_vm_aff_eval(&a->coord[r], point);
    if (idx[r] < 0 || idx[r] >= a->shape[r]) {
      if (a->has_pad) {
        *out = a->pad;
        return true;
      }
      if (!env->fail_op) env->fail_op = op, env->fail_what = "reads an unpadded input outside its shape";
      return false;
    }
  }
  int64_t off = sm_vm_aff_eval(&a->addr, idx);
  if (off < 0 || off >= a->mem.numel) {
    if (!env->fail_op) env->fail_op = op, env->fail_what = "reads outside an input's storage";
    return false;
  }
  *out = sm_vm_mem_get(&a->mem, off);
  return true;
}

/* Adds e as a tracked quantity when it is linear in the domain dims. */
static bool add_quant(Generic *g, SmAffineExpr *e, unsigned *out) {
  SmVmAff a;
  if (!sm_vm_aff_compile(&a, e)) return false;
  bool lin = a.linear;
  if (lin && g->nq == g->capq) {
    unsigned nc = g->capq ? g->capq * 2 : 16;
    Quant *nq = realloc(g->q, nc * sizeof *nq);
    if (nq) g->q = nq, g->capq = nc;
    else lin = false;
  }
  if (lin) {
    Quant *q = &g->q[g->nq];
    memset(q, 0, sizeof *q);
    q->c0 = a.c0;
    for (unsigned k = 0; k < a.nterms; k++)
      if (a.var[k] < g->nd) q->coef[a.var[k]] += a.coef[k];
      else lin = false;
    if (lin) *out = g->nq++;
  }
  sm_vm_aff_free(&a);
  return lin;
}

/* Range of a tracked quantity over the whole domain (a box). */
static void quant_range(const Generic *g, const Quant *q, int64_t *lo, int64_t *hi) {
  *lo = *hi = q->c0;
  for (unsigned d = 0; d < g->nd; d++) {
    int64_t span = q->coef[d] * (g->dom[d] - 1);
    if (span < 0) *lo += span;
    else *hi += span;
  }
}

/* Chooses the fast path of input i (map m, physical address expr addr). */
static void plan_input(Generic *g, InAccess *a, SmAffineMap *m, SmAffineExpr *addr) {
  SmContext *ctx = sm_op_context(g->op);
  SmAffineExpr *composed = sm_affine_expr_replace(ctx, addr, m->results, NULL);
  unsigned save = g->nq, qa, qc[SM_VM_MAX_DIMS];
  if (!add_quant(g, composed, &qa)) return;
  bool inside = true, linear = true;
  for (unsigned r = 0; r < a->rank && linear; r++) {
    linear = add_quant(g, m->results[r], &qc[r]);
    if (!linear) break;
    int64_t lo, hi;
    quant_range(g, &g->q[qc[r]], &lo, &hi);
    inside &= lo >= 0 && hi < a->shape[r];
  }
  if (linear && inside) {
    g->nq = save + 1; /* coordinates need no checks: keep only the address */
    a->mode = IN_FAST, a->qaddr = qa;
  } else if (linear && a->has_pad) {
    a->mode = IN_PADLIN, a->qaddr = qa;
    memcpy(a->qcoord, qc, a->rank * sizeof qc[0]);
  } else {
    g->nq = save; /* unpadded reads that may leave the shape: checked the slow way */
  }
}

static inline bool read_fast(const Generic *g, const InAccess *a, const int64_t *point, SmVmReg *out,
                             SmVmEnv *env) {
  if (a->mode == IN_FAST) {
    *out = sm_vm_mem_get(&a->mem, g->qv[a->qaddr]);
    return true;
  }
  if (a->mode == IN_PADLIN) {
    for (unsigned r = 0; r < a->rank; r++) {
      int64_t c = g->qv[a->qcoord[r]];
      if (c < 0 || c >= a->shape[r]) {
        *out = a->pad;
        return true;
      }
    }
    int64_t off = g->qv[a->qaddr];
    if (off < 0 || off >= a->mem.numel) {
      if (!env->fail_op) env->fail_op = g->op, env->fail_what = "reads outside an input's storage";
      return false;
    }
    *out = sm_vm_mem_get(&a->mem, off);
    return true;
  }
  return read_input(a, point, out, env, g->op);
}

static bool setup_generic(Generic *g, SmOp *op, const SmTensor *const *ins, SmTensor *outs) {
  SmContext *ctx = sm_op_context(op);
  g->op = op;
  g->nd = sm_layout_generic_domain(op, &g->dom);
  g->nin = op->num_operands;
  g->nres = op->num_results;
  if (g->nd > SM_VM_MAX_DIMS || g->nres > 8 || g->nres == 0)
    return sm_op_emit_error(op, "interpreter: unsupported domain rank or result count");
  for (unsigned d = 0; d < g->nd; d++) g->red[d] = sm_layout_generic_is_reduction(op, d);
  SmBlock *body = op->regions[0].first, *epi = op->num_regions > 1 ? op->regions[1].first : NULL;
  if (!body) return sm_op_emit_error(op, "interpreter: layout.generic without a body");
  g->in = calloc(g->nin ? g->nin : 1, sizeof *g->in);
  g->ex = calloc(g->nin ? g->nin : 1, sizeof *g->ex);
  if (!g->in || !g->ex) return sm_op_emit_error(op, "interpreter: out of memory");
  for (unsigned i = 0; i < g->nin; i++) {
    InAccess *a = &g->in[i];
    SmType *t = op->operands[i].value->type;
    SmAffineExpr *addr;
    int64_t n;
    if (!sm_interp_phys_addr(ctx, op->loc, t, &addr, &n)) return false;
    if (t->shaped.rank > SM_VM_MAX_DIMS) return sm_op_emit_error(op, "interpreter: input rank too large");
    if (!sm_dtype_from_type(t->shaped.elem, &a->mem.dtype) || ins[i]->dtype != a->mem.dtype || sm_tensor_numel(ins[i]) != n)
      return sm_op_emit_error(op, "interpreter: input #%u does not match its type", i);
    a->mem.data = ins[i]->data;
    a->mem.numel = n;
    a->rank = t->shaped.rank;
    a->shape = t->shaped.dims;
    if (!sm_vm_aff_compile(&a->addr, addr) || !sm_vm_aff_compile(&g->ex[i].addr, addr))
      return sm_op_emit_error(op, "interpreter: cannot compile a layout map");
    g->ex[i].mem = a->mem;
    g->ex[i].rank = a->rank;
    g->ex[i].shape = a->shape;
    SmAffineMap *m = sm_layout_generic_map(op, i);
    SmAttr *pad = sm_layout_generic_pad(op, i);
    a->in_body = !sm_value_use_empty(body->args[i]);
    a->in_epi = epi && epi->num_args == g->nin + g->nres && !sm_value_use_empty(epi->args[g->nres + i]);
    if (m) {
      if (m->num_results != a->rank) return sm_op_emit_error(op, "interpreter: indexing map #%u has the wrong rank", i);
      a->has_map = true;
      for (unsigned r = 0; r < a->rank; r++)
        if (!sm_vm_aff_compile(&a->coord[r], m->results[r]))
          return sm_op_emit_error(op, "interpreter: cannot compile indexing map #%u", i);
    } else if (a->in_body || a->in_epi) {
      return sm_op_emit_error(op, "interpreter: input #%u has no indexing map but its argument is used", i);
    }
    if (pad) a->has_pad = true, a->pad = sm_vm_reg_from_attr(pad);
    if (m) plan_input(g, a, m, addr);
  }
  g->qv = calloc(g->nq ? g->nq : 1, sizeof *g->qv);
  if (!g->qv) return sm_op_emit_error(op, "interpreter: out of memory");
  for (unsigned r = 0; r < g->nres; r++) {
    SmType *t = op->results[r].type;
    SmAffineExpr *addr;
    int64_t n;
    if (!sm_interp_phys_addr(ctx, op->loc, t, &addr, &n)) return false;
    SmAffineMap *m = sm_layout_generic_map(op, g->nin + r);
    if (!m || m->num_results != t->shaped.rank || t->shaped.rank > SM_VM_MAX_DIMS)
      return sm_op_emit_error(op, "interpreter: result #%u needs an indexing map of its rank", r);
    if (!sm_dtype_from_type(t->shaped.elem, &g->out[r].dtype))
      return sm_op_emit_error(op, "interpreter: unsupported result type");
    g->out[r].data = outs[r].data;
    g->out[r].numel = n;
    g->out_rank[r] = t->shaped.rank;
    g->out_shape[r] = t->shaped.dims;
    for (unsigned k = 0; k < t->shaped.rank; k++)
      if (!sm_vm_aff_compile(&g->out_coord[r][k], m->results[k]))
        return sm_op_emit_error(op, "interpreter: cannot compile result map #%u", r);
    if (!sm_vm_aff_compile(&g->out_addr[r], addr)) return sm_op_emit_error(op, "interpreter: cannot compile a layout map");
    g->init[r] = sm_vm_reg_from_attr(sm_layout_generic_init(op, r));
  }
  if (body->num_args != g->nin + g->nres) return sm_op_emit_error(op, "interpreter: body has the wrong arguments");
  if (!(g->body = sm_vm_compile(body))) return false;
  if (sm_vm_prog_num_results(g->body) != g->nres) return sm_op_emit_error(op, "interpreter: body yields the wrong count");
  if (epi) {
    if (epi->num_args != g->nin + g->nres) return sm_op_emit_error(op, "interpreter: epilogue has the wrong arguments");
    if (!(g->epi = sm_vm_compile(epi))) return false;
    if (sm_vm_prog_num_results(g->epi) != g->nres)
      return sm_op_emit_error(op, "interpreter: epilogue yields the wrong count");
  }
  return true;
}

static bool run_generic(Generic *g) {
  int64_t point[SM_VM_MAX_DIMS] = {0};
  unsigned par[SM_VM_MAX_DIMS], redd[SM_VM_MAX_DIMS], npar = 0, nred = 0;
  for (unsigned d = 0; d < g->nd; d++) {
    if (g->red[d]) redd[nred++] = d;
    else par[npar++] = d;
  }
  int64_t npoints = 1;
  for (unsigned j = 0; j < npar; j++) npoints *= g->dom[par[j]];
  SmVmEnv env = {.point = point, .extracts = g->ex, .num_extracts = g->nin};
  SmVmReg *R = sm_vm_prog_regs(g->body), *E = g->epi ? sm_vm_prog_regs(g->epi) : NULL;
  const uint32_t *bres = sm_vm_prog_results(g->body), *eres = g->epi ? sm_vm_prog_results(g->epi) : NULL;
  SmVmReg acc[8];
  bool ok = true;
  for (int64_t p = 0; p < npoints && ok; p++) {
    for (unsigned j = 0; j < nred; j++) point[redd[j]] = 0;
    for (unsigned r = 0; r < g->nres; r++) acc[r] = g->init[r];
    for (unsigned k = 0; k < g->nq; k++) {
      int64_t v = g->q[k].c0;
      for (unsigned d = 0; d < g->nd; d++) v += g->q[k].coef[d] * point[d];
      g->qv[k] = v;
    }
    /* The body: once per reduction point (once when there is none). */
    for (;;) {
      for (unsigned i = 0; i < g->nin && ok; i++)
        if (g->in[i].in_body) ok = read_fast(g, &g->in[i], point, &R[i], &env);
      if (!ok) break;
      for (unsigned r = 0; r < g->nres; r++) R[g->nin + r] = acc[r];
      if (!sm_vm_run(g->body, R, &env)) {
        ok = false;
        break;
      }
      for (unsigned r = 0; r < g->nres; r++) acc[r] = R[bres[r]];
      unsigned j = nred;
      while (j-- > 0) {
        unsigned d = redd[j];
        if (++point[d] < g->dom[d]) {
          for (unsigned k = 0; k < g->nq; k++) g->qv[k] += g->q[k].coef[d];
          break;
        }
        for (unsigned k = 0; k < g->nq; k++) g->qv[k] -= g->q[k].coef[d] * (g->dom[d] - 1);
        point[d] = 0;
      }
      if (j == (unsigned)-1) break; /* wrapped: reduction done (also when nred == 0) */
    }
    if (!ok) break;
    if (g->epi) {
      for (unsigned j = 0; j < nred; j++) point[redd[j]] = 0;
      for (unsigned r = 0; r < g->nres; r++) E[r] = acc[r];
      for (unsigned i = 0; i < g->nin && ok; i++)
        if (g->in[i].in_epi) ok = read_fast(g, &g->in[i], point, &E[g->nres + i], &env);
      if (!ok || !sm_vm_run(g->epi, E, &env)) {
        ok = false;
        break;
      }
      for (unsigned r = 0; r < g->nres; r++) acc[r] = E[eres[r]];
    }
    for (unsigned r = 0; r < g->nres; r++) {
      int64_t idx[SM_VM_MAX_DIMS];
      for (unsigned k = 0; k < g->out_rank[r]; k++) {
        idx[k] = sm_vm_aff_eval(&g->out_coord[r][k], point);
        if (idx[k] < 0 || idx[k] >= g->out_shape[r][k]) {
          env.fail_op = g->op, env.fail_what = "writes outside its result's shape";
          ok = false;
        }
      }
      int64_t off = ok ? sm_vm_aff_eval(&g->out_addr[r], idx) : -1;
      if (ok && (off < 0 || off >= g->out[r].numel)) {
        env.fail_op = g->op, env.fail_what = "writes outside its result's storage";
        ok = false;
      }
      if (ok) sm_vm_mem_set(&g->out[r], off, acc[r]);
    }
    /* Next parallel point, row-major. */
    for (unsigned j = npar; j-- > 0;) {
      if (++point[par[j]] < g->dom[par[j]]) break;
      point[par[j]] = 0;
    }
  }
  if (!ok) {
    SmOp *at = env.fail_op ? env.fail_op : g->op;
    return sm_op_emit_error(at, "interpreter: %s", env.fail_what ? env.fail_what : "execution failed");
  }
  return true;
}

bool sm_interp_layout_has_op(const SmOp *op) {
  return sm_op_name_is(op, "layout.generic") || sm_op_name_is(op, "layout.convert") ||
         sm_op_name_is(op, "arith.constant");
}

bool sm_interp_layout_eval(SmOp *op, const SmTensor *const *ins, SmTensor *outs) {
  SmContext *ctx = sm_op_context(op);
  if (sm_op_name_is(op, "arith.constant")) {
    SmTensor logical;
    if (!sm_tensor_from_attr(ctx, op->loc, sm_op_get_prop(op, "value"), &logical)) return false;
    sm_tensor_free(&outs[0]);
    bool ok = sm_interp_to_storage(ctx, op->loc, op->results[0].type, &logical, &outs[0]);
    sm_tensor_free(&logical);
    if (!ok) sm_tensor_alloc(&outs[0], SM_DT_U8, 0, NULL); /* the caller frees outs */
    return ok;
  }
  if (sm_op_name_is(op, "layout.convert")) {
    SmType *st = op->operands[0].value->type, *dt = op->results[0].type;
    SmAffineExpr *sa, *da;
    int64_t sn, dn;
    if (!sm_interp_phys_addr(ctx, op->loc, st, &sa, &sn) || !sm_interp_phys_addr(ctx, op->loc, dt, &da, &dn))
      return false;
    if (st->shaped.rank > SM_VM_MAX_DIMS) return sm_op_emit_error(op, "interpreter: rank too large");
    return copy_elements(ctx, op->loc, st->shaped.rank, st->shaped.dims, sa, ins[0], da, &outs[0]);
  }
  Generic g;
  memset(&g, 0, sizeof g);
  bool ok = setup_generic(&g, op, ins, outs) && run_generic(&g);
  generic_free(&g);
  return ok;
}
