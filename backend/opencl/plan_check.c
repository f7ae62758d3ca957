/* Static bounds check of a kernel-level module before the OpenCL runtime
 * launches anything: every kernel.load / kernel.store of every launch must be
 * provably inside the buffer bound to it, as the interpreter checks each
 * access at run time ("work-item 7 of @k writes outside its buffer"). On a
 * GPU an out-of-bounds store is silent corruption or a crash, so a plan that
 * cannot be proved in bounds is refused with a located error.
 *
 * The proof is interval arithmetic over each kernel body: the work-item id
 * lies in [0, work_items) (work-group kernels: the group id; the global id
 * spans groups x group_size), a kernel.for / group_for / group_reduce
 * induction variable in [lower, upper), loop-carried values a fixpoint of
 * their initial and yielded ranges, integer constants are points,
 * kernel.apply and the address maps are evaluated on intervals, and the
 * arith integer ops propagate them. A padded load (shape + pad) reads only
 * inside its logical shape, so its coordinates are clamped to it first. A
 * value loaded from memory has the range of what the buffer holds (weight
 * data, model input values when known, what earlier launches stored);
 * anything else is unbounded, and an access depending on it is refused
 * unless the coordinates are clamped. An op with a region not modelled here
 * is refused. Image accesses are checked the same way against the image the
 * plan creates for the argument (width x height pixels of 4 lanes, from the
 * bound tensor's image layout): out-of-range coordinates are undefined for
 * write_imagef and silently clamped (a wrong value) for read_imagef. */
#include "backend/interp/interp_levels.h"
#include "backend/opencl/opencl.h"
#include "backend/opencl/plan_check.h"
#include "dialects/kernel/kernel.h"
#include "ir/checked.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A value's range. Integers and floats share it: bounds are doubles, with
 * +-inf for unbounded (integer bounds beyond 2^52 are widened to infinity,
 * so every finite bound is exact). */
typedef struct Iv {
  double lo, hi;
  bool nan;   /* a float that may be NaN */
  bool input; /* depends on the values of a model input (known only when run) */
} Iv;

static const Iv TOP = {-INFINITY, INFINITY, true, false};

static Iv iv_point(double v) { return (Iv){v, v, v != v, false}; }
static Iv iv(double lo, double hi, bool nan, bool input) {
  const double big = 4503599627370496.0; /* 2^52 */
  if (lo < -big) lo = -INFINITY;
  if (hi > big) hi = INFINITY;
  if (lo != lo || hi != hi) return (Iv){-INFINITY, INFINITY, true, input};
  return (Iv){lo, hi, nan, input};
}
static bool finite_iv(Iv a) { return isfinite(a.lo) && isfinite(a.hi) && !a.nan; }
/* 0 * inf counts as 0 (a zero factor bounds the product). */
static double mulb(double a, double b) { return a == 0 || b == 0 ? 0 : a * b; }

static Iv iv_add(Iv a, Iv b) { return iv(a.lo + b.lo, a.hi + b.hi, a.nan || b.nan, a.input || b.input); }
static Iv iv_neg(Iv a) { return iv(-a.hi, -a.lo, a.nan, a.input); }
static Iv iv_mul(Iv a, Iv b) {
  double c[4] = {mulb(a.lo, b.lo), mulb(a.lo, b.hi), mulb(a.hi, b.lo), mulb(a.hi, b.hi)};
  double lo = c[0], hi = c[0];
  for (int i = 1; i < 4; i++) lo = c[i] < lo ? c[i] : lo, hi = c[i] > hi ? c[i] : hi;
  return iv(lo, hi, a.nan || b.nan, a.input || b.input);
}
/* Integer division by a positive constant (what affine maps and index math hold). */
static Iv iv_floordiv(Iv a, Iv b) {
  if (b.lo != b.hi || !(b.lo > 0)) return (Iv){-INFINITY, INFINITY, false, a.input || b.input};
  return iv(floor(a.lo / b.lo), floor(a.hi / b.lo), false, a.input || b.input);
}
static Iv iv_ceildiv(Iv a, Iv b) {
  if (b.lo != b.hi || !(b.lo > 0)) return (Iv){-INFINITY, INFINITY, false, a.input || b.input};
  return iv(ceil(a.lo / b.lo), ceil(a.hi / b.lo), false, a.input || b.input);
}
static Iv iv_mod(Iv a, Iv b) {
  if (b.lo != b.hi || !(b.lo > 0)) return (Iv){-INFINITY, INFINITY, false, a.input || b.input};
  double m = b.lo;
  /* Exact when the whole interval lies in one period. */
  if (isfinite(a.lo) && isfinite(a.hi) && floor(a.lo / m) == floor(a.hi / m))
    return iv(a.lo - floor(a.lo / m) * m, a.hi - floor(a.hi / m) * m, false, a.input);
  return iv(0, m - 1, false, a.input || b.input);
}
static Iv iv_min(Iv a, Iv b) {
  return iv(a.lo < b.lo ? a.lo : b.lo, a.hi < b.hi ? a.hi : b.hi, a.nan || b.nan, a.input || b.input);
}
static Iv iv_max(Iv a, Iv b) {
  return iv(a.lo > b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi, a.nan || b.nan, a.input || b.input);
}
static Iv iv_join(Iv a, Iv b) {
  return iv(a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi, a.nan || b.nan, a.input || b.input);
}
/* Float results: widened by a few ulps of f32, which rounds each step. */
static Iv iv_f32(Iv a) {
  double el = fabs(a.lo) * 1e-6 + 1e-30, eh = fabs(a.hi) * 1e-6 + 1e-30;
  bool nan = a.nan || !isfinite(a.lo) || !isfinite(a.hi); /* inf - inf, 0 * inf ahead */
  return iv(a.lo - el, a.hi + eh, nan, a.input);
}

static Iv eval_expr(const SmAffineExpr *e, const Iv *dims, unsigned ndims) {
  switch (e->kind) {
  case SM_AFFINE_DIM: return e->position < ndims ? dims[e->position] : TOP;
  case SM_AFFINE_SYMBOL: return TOP;
  case SM_AFFINE_CONST: return iv_point((double)e->value);
  case SM_AFFINE_ADD: return iv_add(eval_expr(e->bin.lhs, dims, ndims), eval_expr(e->bin.rhs, dims, ndims));
  case SM_AFFINE_MUL: return iv_mul(eval_expr(e->bin.lhs, dims, ndims), eval_expr(e->bin.rhs, dims, ndims));
  case SM_AFFINE_MOD: return iv_mod(eval_expr(e->bin.lhs, dims, ndims), eval_expr(e->bin.rhs, dims, ndims));
  case SM_AFFINE_FLOORDIV:
    return iv_floordiv(eval_expr(e->bin.lhs, dims, ndims), eval_expr(e->bin.rhs, dims, ndims));
  case SM_AFFINE_CEILDIV:
    return iv_ceildiv(eval_expr(e->bin.lhs, dims, ndims), eval_expr(e->bin.rhs, dims, ndims));
  }
  return TOP;
}

/* Plan-check errors at op, or where op has no location (IR built by the
 * lowering from a model) at its nearest enclosing op that has one (the
 * kernel.func), else the launch, else the launch's enclosing ops: a user
 * sees which kernel, and where it came from. */
static SmLoc *known_loc(SmOp *op) {
  for (SmOp *o = op; o; o = sm_op_parent_op(o))
    if (o->loc && o->loc->kind != SM_LOC_UNKNOWN) return o->loc;
  return NULL;
}

SM_PRINTF(3, 4) static bool pc_error(SmOp *launch, SmOp *op, const char *fmt, ...) {
  SmLoc *loc = known_loc(op);
  if (!loc && launch) loc = known_loc(launch);
  if (!loc) loc = op->loc;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  return sm_emit_error(sm_op_context(op), loc, "'%s' op OpenCL plan check: %s", op->name, msg);
}

typedef struct Checker {
  SmContext *ctx;
  SmPtrMap iv; /* SmValue* -> index + 1 into ivs (absent: unbounded) */
  Iv *ivs;
  size_t nivs, capivs;
  const int64_t *numel; /* per kernel argument: elements of the bound buffer */
  const int64_t (*image)[2]; /* per kernel argument: width, height of the bound image (0, 0: a buffer) */
  const Iv *contents;   /* per kernel argument: range of the values it holds */
  unsigned nargs;
  bool inputs_known;
  Iv written[64]; /* per kernel argument: the values stored into it by this launch */
  bool has_written[64];
  bool covered[64]; /* ... and every element of it by one store that each work item runs */
  SmBlock *body;    /* the kernel.func's block */
  int64_t group_size; /* work-items per group of a work-group kernel; 0: none */
  int64_t work_items;
  SmOp *launch;
  const char *kernel;
  bool quiet; /* finding a loop's fixpoint: ranges only, no access checked or recorded */
} Checker;

static Iv get(Checker *c, SmValue *v) {
  uintptr_t slot = (uintptr_t)sm_ptrmap_get(&c->iv, v);
  return slot ? c->ivs[slot - 1] : TOP;
}

static bool put(Checker *c, SmValue *v, Iv r) {
  if (c->nivs == c->capivs) {
    size_t nc = c->capivs ? c->capivs * 2 : 64;
    Iv *n = realloc(c->ivs, nc * sizeof *n);
    if (!n) return sm_emit_error(c->ctx, sm_loc_unknown(c->ctx), "out of memory");
    c->ivs = n;
    c->capivs = nc;
  }
  c->ivs[c->nivs++] = r;
  sm_ptrmap_put(&c->iv, v, (void *)(uintptr_t)c->nivs);
  return true;
}

static int64_t int_prop(SmOp *op, const char *name, bool *ok) {
  SmAttr *a = sm_op_get_prop(op, name);
  if (!a || a->kind != SM_ATTR_INTEGER) {
    *ok = false;
    return 0;
  }
  return a->integer.value;
}

static SmOp *def_of(SmValue *v) { return v->kind == SM_VALUE_RESULT ? v->owner.op : NULL; }

/* v's range when x is known to lie in xr: v itself, or x plus/minus a value
 * (the index normalisation select(x < 0, x + n, x) of gathers). */
static Iv eval_with(Checker *c, SmValue *v, SmValue *x, Iv xr) {
  if (v == x) return xr;
  SmOp *d = def_of(v);
  if (d && d->num_operands == 2 && (sm_op_name_is(d, "arith.addi") || sm_op_name_is(d, "arith.subi"))) {
    SmValue *a = d->operands[0].value, *b = d->operands[1].value;
    bool sub = sm_op_name_is(d, "arith.subi");
    if (a == x) return sub ? iv_add(xr, iv_neg(get(c, b))) : iv_add(xr, get(c, b));
    if (b == x && !sub) return iv_add(get(c, a), xr);
  }
  return get(c, v);
}

/* select(cmpi(pred, x, k), t, f) with x's range split by the comparison. */
static Iv select_iv(Checker *c, SmOp *op) {
  Iv t = get(c, op->operands[1].value), f = get(c, op->operands[2].value);
  SmOp *cmp = def_of(op->operands[0].value);
  bool ok = true;
  int64_t pred = cmp && sm_op_name_is(cmp, "arith.cmpi") && cmp->num_operands == 2 ? int_prop(cmp, "predicate", &ok) : -1;
  Iv k = pred >= 0 ? get(c, cmp->operands[1].value) : TOP;
  if (!ok || pred < 2 || pred > 5 || k.lo != k.hi) return iv_join(t, f);
  SmValue *x = cmp->operands[0].value;
  Iv xr = get(c, x), xt = xr, xf = xr;
  double kv = k.lo;
  switch (pred) {
  case 2: xt.hi = fmin(xr.hi, kv - 1), xf.lo = fmax(xr.lo, kv); break; /* slt */
  case 3: xt.hi = fmin(xr.hi, kv), xf.lo = fmax(xr.lo, kv + 1); break; /* sle */
  case 4: xt.lo = fmax(xr.lo, kv + 1), xf.hi = fmin(xr.hi, kv); break; /* sgt */
  case 5: xt.lo = fmax(xr.lo, kv), xf.hi = fmin(xr.hi, kv - 1); break; /* sge */
  }
  bool t_live = xt.lo <= xt.hi, f_live = xf.lo <= xf.hi;
  Iv rt = eval_with(c, op->operands[1].value, x, xt), rf = eval_with(c, op->operands[2].value, x, xf);
  if (t_live && !f_live) return rt;
  if (f_live && !t_live) return rf;
  return iv_join(rt, rf);
}

/* Range of an arith / math op's result from its operands'. */
static Iv scalar_op(Checker *c, SmOp *op) {
  const char *n = op->name;
  Iv a = op->num_operands > 0 ? get(c, op->operands[0].value) : TOP;
  Iv b = op->num_operands > 1 ? get(c, op->operands[1].value) : TOP;
  if (!strcmp(n, "arith.constant")) {
    SmAttr *v = sm_op_get_prop(op, "value");
    if (!v) v = sm_op_get_attr(op, "value");
    if (v && v->kind == SM_ATTR_INTEGER) return iv_point((double)v->integer.value);
    if (v && v->kind == SM_ATTR_FLOAT) return iv_point(v->fp.value);
    return TOP;
  }
  if (!strcmp(n, "arith.addi")) return iv_add(a, b);
  if (!strcmp(n, "arith.subi")) return iv_add(a, iv_neg(b));
  if (!strcmp(n, "arith.muli")) return iv_mul(a, b);
  if (!strcmp(n, "arith.floordivsi") || (!strcmp(n, "arith.divsi") && a.lo >= 0)) return iv_floordiv(a, b);
  if (!strcmp(n, "arith.remsi") && a.lo >= 0) return iv_mod(a, b);
  if (!strcmp(n, "arith.divui") && a.lo >= 0) return iv_floordiv(a, b);
  if ((!strcmp(n, "arith.ceildivsi") || !strcmp(n, "arith.ceildivui")) && a.lo >= 0) return iv_ceildiv(a, b);
  if (!strcmp(n, "arith.remui") && a.lo >= 0) return iv_mod(a, b);
  if (!strcmp(n, "arith.andi") && ((b.lo == b.hi && b.lo >= 0) || (a.lo == a.hi && a.lo >= 0))) {
    double mask = b.lo == b.hi && b.lo >= 0 ? b.lo : a.lo; /* x & c lies in [0, c] for c >= 0 */
    return iv(0, mask, false, a.input || b.input);
  }
  if ((!strcmp(n, "arith.shrui") || !strcmp(n, "arith.shrsi")) && a.lo >= 0 && b.lo == b.hi && b.lo >= 0 && b.lo < 63)
    return iv_floordiv(a, iv_point(ldexp(1, (int)b.lo)));
  if (!strcmp(n, "arith.shli") && b.lo == b.hi && b.lo >= 0 && b.lo < 63) return iv_mul(a, iv_point(ldexp(1, (int)b.lo)));
  if (!strcmp(n, "arith.extui") && a.lo >= 0) return a;
  if (!strcmp(n, "arith.trunci") && op->num_results == 1 && sm_type_is_integer(op->results[0].type)) {
    /* Identity while the value fits the narrower signed type. */
    double lim = ldexp(1, (int)op->results[0].type->integer.width - 1);
    if (a.lo >= -lim && a.hi < lim) return a;
  }
  if (!strcmp(n, "arith.minsi")) return iv_min(a, b);
  if (!strcmp(n, "arith.maxsi")) return iv_max(a, b);
  if (!strcmp(n, "arith.select") && op->num_operands == 3) return select_iv(c, op);
  if (!strcmp(n, "arith.index_cast") || !strcmp(n, "arith.extsi") || !strcmp(n, "arith.sitofp")) {
    a.nan = false;
    return a;
  }
  if (!strcmp(n, "arith.addf")) return iv_f32(iv_add(a, b));
  if (!strcmp(n, "arith.subf")) return iv_f32(iv_add(a, iv_neg(b)));
  if (!strcmp(n, "arith.mulf")) return iv_f32(iv_mul(a, b));
  if (!strcmp(n, "arith.divf") && (b.lo > 0 || b.hi < 0) && !b.nan) {
    Iv q = iv_mul(a, iv(1 / b.hi, 1 / b.lo, false, b.input));
    return iv_f32(q);
  }
  if (!strcmp(n, "arith.maximumf")) return iv_max(a, b); /* NaN propagates */
  if (!strcmp(n, "arith.minimumf")) return iv_min(a, b);
  if (!strcmp(n, "arith.maxnumf") || !strcmp(n, "arith.minnumf")) {
    bool mx = n[8] == 'a';
    Iv r = mx ? iv_max(a, b) : iv_min(a, b);
    /* NaN operands are ignored: a NaN side contributes the other one. */
    if (a.nan) r = iv_join(r, b);
    if (b.nan) r = iv_join(r, a);
    r.nan = a.nan && b.nan;
    return r;
  }
  if (!strcmp(n, "math.floor")) return iv(floor(a.lo), floor(a.hi), a.nan, a.input);
  if (!strcmp(n, "math.ceil")) return iv(ceil(a.lo), ceil(a.hi), a.nan, a.input);
  if (!strcmp(n, "arith.fptosi")) {
    /* Out-of-range or NaN conversions are undefined: unbounded then. */
    if (a.nan) return (Iv){-INFINITY, INFINITY, false, a.input};
    return iv(trunc(a.lo), trunc(a.hi), false, a.input);
  }
  Iv r = TOP;
  for (unsigned i = 0; i < op->num_operands; i++) r.input |= get(c, op->operands[i].value).input;
  return r;
}

/* The value of an index expression in any work-item, when it follows from
 * the work-item index alone (kernel.apply of global_id and constants, each
 * with a finite range, so no step overflows): compiled once per store into
 * nodes in evaluation order, then evaluated per work-item without looking
 * at ops or names again (the enumeration below runs up to 2^22 times). */
typedef struct GidNode {
  enum { GID_ID, GID_CONST, GID_APPLY } kind;
  int64_t k;
  const SmAffineExpr *e;
  unsigned n;
  unsigned args[16];
} GidNode;

typedef struct GidProg {
  GidNode *nodes;
  unsigned n, cap;
  SmPtrMap memo; /* SmValue* -> node index + 1 */
} GidProg;

static int gid_push(GidProg *p, GidNode nd) {
  if (p->n == p->cap) {
    unsigned nc = p->cap ? 2 * p->cap : 16;
    GidNode *x = realloc(p->nodes, nc * sizeof *x);
    if (!x) return -1;
    p->nodes = x, p->cap = nc;
  }
  p->nodes[p->n] = nd;
  return (int)p->n++;
}

/* Node index of v, or -1 when v does not follow from the index alone. */
static int gid_compile(Checker *c, GidProg *p, SmValue *v, int depth) {
  uintptr_t known = (uintptr_t)sm_ptrmap_get(&p->memo, v);
  if (known) return (int)known - 1;
  SmOp *d = def_of(v);
  if (!d || depth > 32 || !finite_iv(get(c, v))) return -1;
  GidNode nd = {0};
  if (sm_op_name_is(d, "kernel.global_id")) {
    nd.kind = GID_ID;
  } else if (sm_op_name_is(d, "arith.constant")) {
    Iv k = get(c, v);
    if (k.lo != k.hi) return -1;
    nd.kind = GID_CONST, nd.k = (int64_t)k.lo;
  } else {
    SmAttr *m = sm_op_get_prop(d, "map");
    if (!sm_op_name_is(d, "kernel.apply") || !m || m->kind != SM_ATTR_AFFINE_MAP || d->num_operands > 16 ||
        m->map->num_results != 1 || m->map->num_dims != d->num_operands || m->map->num_symbols)
      return -1;
    nd.kind = GID_APPLY, nd.e = m->map->results[0], nd.n = d->num_operands;
    for (unsigned j = 0; j < d->num_operands; j++) {
      int a = gid_compile(c, p, d->operands[j].value, depth + 1);
      if (a < 0) return -1;
      nd.args[j] = (unsigned)a;
    }
  }
  int i = gid_push(p, nd);
  if (i >= 0) sm_ptrmap_put(&p->memo, v, (void *)(uintptr_t)(i + 1));
  return i;
}

/* Whether a store that every work item runs (it is in the kernel's own
 * block) writes all n elements of its buffer: its address, a function of the
 * work-item index alone, is enumerated (up to 2^22 work items). Then the
 * launch replaces the buffer's contents instead of adding to them. */
static bool store_covers(Checker *c, SmOp *st, const SmAffineMap *map, int64_t n) {
  unsigned nc = st->num_operands - 2;
  if (n <= 0 || c->work_items < n || c->work_items > (1 << 22) || map->num_symbols || nc > 16) return false;
  GidProg p = {0};
  sm_ptrmap_init(&p.memo);
  int root[16];
  bool ok = true;
  for (unsigned j = 0; ok && j < nc; j++) ok = (root[j] = gid_compile(c, &p, st->operands[2 + j].value, 0)) >= 0;
  unsigned char *seen = ok ? calloc((size_t)n, 1) : NULL;
  int64_t *val = ok ? malloc((p.n ? p.n : 1) * sizeof *val) : NULL;
  int64_t left = n;
  for (int64_t g = 0; seen && val && g < c->work_items && left; g++) {
    for (unsigned i = 0; i < p.n; i++) {
      const GidNode *nd = &p.nodes[i];
      if (nd->kind == GID_ID) val[i] = g;
      else if (nd->kind == GID_CONST) val[i] = nd->k;
      else {
        int64_t a[16];
        for (unsigned j = 0; j < nd->n; j++) a[j] = val[nd->args[j]];
        val[i] = sm_affine_expr_eval(nd->e, a, NULL);
      }
    }
    int64_t coords[16];
    for (unsigned j = 0; j < nc; j++) coords[j] = val[root[j]];
    int64_t off = sm_affine_expr_eval(map->results[0], coords, NULL);
    if (off < 0 || off >= n) break; /* not expected: the range was proved */
    if (!seen[off]) seen[off] = 1, left--;
  }
  free(seen);
  free(val);
  free(p.nodes);
  sm_ptrmap_free(&p.memo);
  return ok && left == 0;
}

static bool check_access(Checker *c, SmOp *op, bool store) {
  unsigned first = store ? 2 : 1;
  if (op->num_operands < first) return pc_error(c->launch, op, "missing operands");
  SmValue *buf = op->operands[first - 1].value;
  if (buf->kind != SM_VALUE_BLOCK_ARG || buf->index >= c->nargs)
    return pc_error(c->launch, op, "the buffer must be an argument of the kernel.func");
  SmAttr *m = sm_op_get_prop(op, "map");
  unsigned nc = op->num_operands - first;
  if (!m || m->kind != SM_ATTR_AFFINE_MAP || m->map->num_dims != nc || m->map->num_results != 1)
    return pc_error(c->launch, op, "malformed address map");
  Iv coords[16];
  if (nc > 16) return pc_error(c->launch, op, "too many coordinates");
  if (!store && op->num_results == 1 && !put(c, &op->results[0], c->contents[buf->index])) return false;
  if (c->quiet) return true;
  SmAttr *shape = sm_op_get_prop(op, "shape"), *pad = sm_op_get_prop(op, "pad");
  bool padded = !store && shape && pad && shape->kind == SM_ATTR_DENSE_ARRAY && shape->dense_array.count == nc;
  for (unsigned j = 0; j < nc; j++) {
    coords[j] = get(c, op->operands[first + j].value);
    if (padded) {
      /* Reads outside the logical shape return the pad value. */
      const int64_t *s = shape->dense_array.data;
      coords[j] = s[j] <= 0 ? iv_point(0) : iv_max(iv_min(coords[j], iv_point((double)(s[j] - 1))), iv_point(0));
      coords[j].input = false;
    }
  }
  if (store) {
    Iv v = get(c, op->operands[0].value);
    c->written[buf->index] = c->has_written[buf->index] ? iv_join(c->written[buf->index], v) : v;
    c->has_written[buf->index] = true;
  }
  Iv off = eval_expr(m->map->results[0], coords, nc);
  int64_t n = c->numel[buf->index];
  if (finite_iv(off) && off.lo >= 0 && off.hi < (double)n) {
    /* Only integer data can become an address (gather/scatter indices), so
     * only its ranges need the precise replace-on-full-write rule; float
     * stores keep the (sound) join and skip the per-work-item enumeration,
     * which would dominate compile time on large activations. */
    if (store && !c->covered[buf->index] && !off.input && op->block == c->body &&
        sm_type_is_int_or_index(op->operands[0].value->type))
      c->covered[buf->index] = store_covers(c, op, m->map, n);
    return true;
  }
  /* Indices taken from a model input: decided when the inputs are known. */
  if (off.input && !c->inputs_known) return true;
  if (!finite_iv(off))
    pc_error(c->launch, op, "cannot prove that @%s %s inside its buffer (argument #%u, %lld elements)",
                     c->kernel, store ? "writes" : "reads", buf->index, (long long)n);
  else
    pc_error(c->launch, op, "@%s %s elements [%.0f, %.0f] of argument #%u, which has %lld%s", c->kernel,
                     store ? "writes" : "reads", off.lo, off.hi, buf->index, (long long)n,
                     off.input ? " (for these input values)" : "");
  return pc_error(NULL, c->launch, "launch refused (nothing was run)");
}

/* kernel.image_read %img[coords] {map: coords -> (y, x, lane), shape?, pad?}
 * and kernel.image_write %v0..%v3, %img[%y, %x]: the pixel inside the
 * argument's width x height image, the lane in [0, 4). */
static bool check_image_access(Checker *c, SmOp *op, bool write) {
  unsigned at = write ? 4 : 0;
  if (op->num_operands <= at || (write && op->num_operands != 7))
    return pc_error(c->launch, op, "missing operands");
  SmValue *img = op->operands[at].value;
  if (img->kind != SM_VALUE_BLOCK_ARG || img->index >= c->nargs)
    return pc_error(c->launch, op, "the image must be an argument of the kernel.func");
  int64_t w = c->image[img->index][0], h = c->image[img->index][1];
  if (w <= 0 || h <= 0)
    return pc_error(c->launch, op, "argument #%u of @%s is bound to a tensor without an image layout", img->index,
                    c->kernel);
  Iv pix[3]; /* y, x, lane */
  if (write) {
    pix[0] = get(c, op->operands[5].value), pix[1] = get(c, op->operands[6].value), pix[2] = iv_point(0);
    if (!c->quiet) {
      Iv v = get(c, op->operands[0].value);
      for (unsigned i = 1; i < 4; i++) v = iv_join(v, get(c, op->operands[i].value));
      c->written[img->index] = c->has_written[img->index] ? iv_join(c->written[img->index], v) : v;
      c->has_written[img->index] = true;
    }
  } else {
    SmAttr *m = sm_op_get_prop(op, "map");
    unsigned nc = op->num_operands - 1;
    if (!m || m->kind != SM_ATTR_AFFINE_MAP || m->map->num_dims != nc || m->map->num_results != 3)
      return pc_error(c->launch, op, "malformed image map");
    if (nc > 16) return pc_error(c->launch, op, "too many coordinates");
    if (op->num_results == 1 && !put(c, &op->results[0], c->contents[img->index])) return false;
    if (c->quiet) return true;
    SmAttr *shape = sm_op_get_prop(op, "shape"), *pad = sm_op_get_prop(op, "pad");
    bool padded = shape && pad && shape->kind == SM_ATTR_DENSE_ARRAY && shape->dense_array.count == nc;
    Iv coords[16];
    for (unsigned j = 0; j < nc; j++) {
      coords[j] = get(c, op->operands[1 + j].value);
      if (padded) { /* read only inside the logical shape (else the pad value) */
        const int64_t *s = shape->dense_array.data;
        coords[j] = s[j] <= 0 ? iv_point(0) : iv_max(iv_min(coords[j], iv_point((double)(s[j] - 1))), iv_point(0));
        coords[j].input = false;
      }
    }
    for (unsigned r = 0; r < 3; r++) pix[r] = eval_expr(m->map->results[r], coords, nc);
  }
  if (c->quiet) return true;
  const char *verb = write ? "writes" : "reads";
  bool input = pix[0].input || pix[1].input || pix[2].input;
  bool fin = finite_iv(pix[0]) && finite_iv(pix[1]) && finite_iv(pix[2]);
  if (fin && pix[0].lo >= 0 && pix[0].hi < (double)h && pix[1].lo >= 0 && pix[1].hi < (double)w && pix[2].lo >= 0 &&
      pix[2].hi < 4)
    return true;
  if (input && !c->inputs_known) return true; /* decided when the inputs are known */
  if (!fin)
    pc_error(c->launch, op, "cannot prove that @%s %s inside its image (argument #%u, %lld x %lld pixels)", c->kernel,
             verb, img->index, (long long)w, (long long)h);
  else if (pix[2].lo < 0 || pix[2].hi >= 4)
    pc_error(c->launch, op, "@%s %s lanes [%.0f, %.0f] of a pixel of image argument #%u (a pixel has 4)", c->kernel,
             verb, pix[2].lo, pix[2].hi, img->index);
  else
    pc_error(c->launch, op, "@%s %s pixels x in [%.0f, %.0f], y in [%.0f, %.0f] of image argument #%u, which is %lld x %lld (width x height)%s",
             c->kernel, verb, pix[1].lo, pix[1].hi, pix[0].lo, pix[0].hi, img->index, (long long)w, (long long)h,
             input ? " (for these input values)" : "");
  return pc_error(NULL, c->launch, "launch refused (nothing was run)");
}

static bool check_block(Checker *c, SmBlock *b, int64_t work_items);

/* Ranges of a kernel.for's loop-carried values: the initial values joined
 * with what each iteration yields, iterated to a fixpoint (a few rounds, then
 * unbounded), so an index found by a search loop (-1 or a row) is bounded. */
static bool loop_fixpoint(Checker *c, SmOp *loop, SmBlock *body, int64_t work_items) {
  unsigned n = loop->num_operands;
  SmOp *y = body->last;
  if (!n) return true;
  if (!y || !sm_op_name_is(y, "kernel.yield") || y->num_operands != n)
    return pc_error(c->launch, loop, "malformed kernel.for");
  for (unsigned i = 0; i < n; i++)
    if (!put(c, body->args[1 + i], get(c, loop->operands[i].value))) return false;
  bool quiet = c->quiet, stable = false;
  c->quiet = true;
  for (int round = 0; round < 8 && !stable; round++) {
    if (!check_block(c, body, work_items)) return c->quiet = quiet, false;
    stable = true;
    for (unsigned i = 0; i < n; i++) {
      Iv old = get(c, body->args[1 + i]), nw = iv_join(old, get(c, y->operands[i].value));
      if (nw.lo != old.lo || nw.hi != old.hi || nw.nan != old.nan || nw.input != old.input) {
        stable = false;
        if (!put(c, body->args[1 + i], nw)) return c->quiet = quiet, false;
      }
    }
  }
  c->quiet = quiet;
  for (unsigned i = 0; i < n && !stable; i++) /* no fixpoint: unbounded */
    if (!put(c, body->args[1 + i], (Iv){-INFINITY, INFINITY, true, get(c, body->args[1 + i]).input})) return false;
  return true;
}

/* kernel.for, and a work-group kernel's group_for / group_reduce, whose
 * iterations lower, lower + step, .. below upper are shared by the group's
 * work-items (each sees a subset): the induction variable lies in
 * [lower, last] either way, last = lower + step * floor((upper - 1 - lower) / step)
 * (a register-tiled loop of step 3 over 24 reads k + 2 <= 23, not 25). A group_reduce combines the work-items'
 * partial results with its kind: for max/min kinds the result stays within
 * the partials' range, for sums and products it is unbounded. */
static bool check_loop(Checker *c, SmOp *op, int64_t work_items) {
  bool ok = true, group = !sm_op_name_is(op, "kernel.for");
  int64_t lo = int_prop(op, "lower", &ok), hi = int_prop(op, "upper", &ok), step = int_prop(op, "step", &ok);
  SmBlock *body = op->num_regions ? op->regions[0].first : NULL;
  if (!ok || step < 1 || !body || body->num_args != 1 + op->num_operands || op->num_results != op->num_operands ||
      (sm_op_name_is(op, "kernel.group_for") && op->num_operands) ||
      (sm_op_name_is(op, "kernel.group_reduce") && op->num_operands != 1))
    return pc_error(c->launch, op, "malformed %s", op->name);
  if (group && !c->group_size) return pc_error(c->launch, op, "%s in a kernel.func without a 'group_size'", op->name);
  if (hi <= lo) { /* never runs: the results are the initial values */
    for (unsigned i = 0; i < op->num_results; i++)
      if (!put(c, &op->results[i], get(c, op->operands[i].value))) return false;
    return true;
  }
  int64_t last = lo + (hi - 1 - lo) / step * step;
  if (!put(c, body->args[0], iv((double)lo, (double)last, false, false)) || !loop_fixpoint(c, op, body, work_items) ||
      !check_block(c, body, work_items))
    return false;
  for (unsigned i = 0; i < op->num_results; i++) {
    Iv r = get(c, body->args[1 + i]);
    if (sm_op_name_is(op, "kernel.group_reduce")) {
      SmAttr *k = sm_op_get_prop(op, "kind");
      const char *kind = k && k->kind == SM_ATTR_STRING ? k->string.data : "";
      if (!strstr(kind, "max") && !strstr(kind, "min")) r = (Iv){-INFINITY, INFINITY, true, r.input};
    }
    if (!put(c, &op->results[i], r)) return false;
  }
  return true;
}

static bool check_block(Checker *c, SmBlock *b, int64_t work_items) {
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) {
    if (sm_op_name_is(op, "kernel.global_id")) {
      /* A work-group kernel runs work_items groups of group_size work-items,
       * with no early return (barriers). */
      int64_t n = work_items;
      if (c->group_size && !sm_checked_mul(work_items, c->group_size, &n))
        return pc_error(c->launch, op, "work-item count overflows");
      if (!put(c, &op->results[0], iv(0, (double)(n - 1), false, false))) return false;
    } else if (sm_op_name_is(op, "kernel.group_id")) {
      if (!c->group_size) return pc_error(c->launch, op, "kernel.group_id in a kernel.func without a 'group_size'");
      if (!put(c, &op->results[0], iv(0, (double)(work_items - 1), false, false))) return false;
    } else if (sm_op_name_is(op, "kernel.apply")) {
      SmAttr *m = sm_op_get_prop(op, "map");
      Iv args[16];
      if (!m || m->kind != SM_ATTR_AFFINE_MAP || op->num_operands > 16 || m->map->num_results != 1) continue;
      for (unsigned j = 0; j < op->num_operands; j++) args[j] = get(c, op->operands[j].value);
      if (!put(c, &op->results[0], eval_expr(m->map->results[0], args, op->num_operands))) return false;
    } else if (sm_op_name_is(op, "kernel.load") || sm_op_name_is(op, "kernel.store")) {
      if (!check_access(c, op, sm_op_name_is(op, "kernel.store"))) return false;
    } else if (sm_op_name_is(op, "kernel.image_read") || sm_op_name_is(op, "kernel.image_write")) {
      if (!check_image_access(c, op, sm_op_name_is(op, "kernel.image_write"))) return false;
    } else if (sm_op_name_is(op, "kernel.for") || sm_op_name_is(op, "kernel.group_for") ||
               sm_op_name_is(op, "kernel.group_reduce")) {
      if (!check_loop(c, op, work_items)) return false;
    } else if (op->num_results == 1 && (!strncmp(op->name, "arith.", 6) || !strncmp(op->name, "math.", 5))) {
      if (!put(c, &op->results[0], scalar_op(c, op))) return false;
    } else if (op->num_regions) {
      /* Accesses in a region the check does not model would go unchecked. */
      return pc_error(c->launch, op, "cannot check the accesses inside '%s'", op->name);
    }
  }
  return true;
}

/* Physical element count of a host buffer (input, weight or alloc). */
static bool buffer_numel(SmContext *ctx, SmOp *def, int64_t *n) {
  SmAttr *ty = sm_op_get_prop(def, sm_op_name_is(def, "kernel.weight") ? "value" : "type");
  const SmType *t = NULL;
  if (ty && ty->kind == SM_ATTR_TYPE) t = ty->type;
  else if (ty && ty->kind == SM_ATTR_DENSE_ELEMENTS) t = ty->dense.type;
  else if (ty && ty->kind == SM_ATTR_DENSE_RESOURCE) t = ty->resource.type;
  if (!sm_op_name_is(def, "kernel.weight") && !t) {
    SmAttr *tt = sm_op_get_prop(def, "type");
    if (tt && tt->kind == SM_ATTR_TYPE) t = tt->type;
  }
  SmAffineExpr *addr;
  if (!t) return pc_error(NULL, def, "buffer without a tensor type");
  return sm_interp_phys_addr(ctx, def->loc, t, &addr, n);
}

/* The image the plan creates for a host buffer: width and height in pixels
 * of its tensor's image layout (0, 0 when it has none). */
static bool image_size(SmContext *ctx, SmOp *def, int64_t wh[2]) {
  SmAttr *ty = sm_op_get_prop(def, sm_op_name_is(def, "kernel.weight") ? "value" : "type");
  wh[0] = wh[1] = 0;
  if (!ty || ty->kind != SM_ATTR_TYPE) return true; /* weights are never images */
  return sm_kernel_image_size(ctx, def->loc, ty->type, &wh[0], &wh[1]);
}

/* Range of the values a tensor holds. */
static Iv tensor_range(const SmTensor *t, bool input) {
  int64_t n = sm_tensor_numel(t);
  Iv r = {INFINITY, -INFINITY, false, input};
  for (int64_t i = 0; i < n; i++) {
    double v = sm_tensor_get_f64(t, i);
    if (v != v) r.nan = true;
    else r.lo = v < r.lo ? v : r.lo, r.hi = v > r.hi ? v : r.hi;
  }
  if (r.lo > r.hi) r.lo = r.hi = 0; /* empty or all NaN */
  return iv(r.lo, r.hi, r.nan, input);
}

typedef struct Module {
  SmContext *ctx;
  unsigned nin;
  const SmTensor *ins; /* NULL: inputs not known yet (compile time) */
  /* kernel.weight op (integer weights), kernel.alloc op without a slot, or
   * slot number + 1 (as a key below any pointer: every alloc of a slot shares
   * its memory) -> index + 1 into ranges */
  SmPtrMap contents;
  Iv *ranges;
  size_t nranges, capranges;
  /* host buffer op -> index + 1 into sizes: its element count, image width
   * and height, computed once (verifying an image layout enumerates it) */
  SmPtrMap sizes_of;
  int64_t (*sizes)[3];
  size_t nsizes, capsizes;
} Module;

/* Element count and image size (0, 0: a buffer) of the host buffer def. */
static bool buffer_sizes(Module *m, SmOp *def, int64_t *numel, int64_t wh[2]) {
  uintptr_t known = (uintptr_t)sm_ptrmap_get(&m->sizes_of, def);
  if (!known) {
    int64_t sz[3];
    if (!buffer_numel(m->ctx, def, &sz[0]) || !image_size(m->ctx, def, &sz[1])) return false;
    if (m->nsizes == m->capsizes) {
      size_t nc = m->capsizes ? m->capsizes * 2 : 16;
      int64_t(*n)[3] = realloc(m->sizes, nc * sizeof *n);
      if (!n) return sm_emit_error(m->ctx, sm_loc_unknown(m->ctx), "out of memory");
      m->sizes = n;
      m->capsizes = nc;
    }
    memcpy(m->sizes[m->nsizes++], sz, sizeof sz);
    sm_ptrmap_put(&m->sizes_of, def, (void *)(uintptr_t)m->nsizes);
    known = m->nsizes;
  }
  *numel = m->sizes[known - 1][0];
  wh[0] = m->sizes[known - 1][1], wh[1] = m->sizes[known - 1][2];
  return true;
}

/* The key under which a buffer's contents are recorded. */
static const void *contents_key(SmOp *def) {
  SmAttr *slot = sm_op_name_is(def, "kernel.alloc") ? sm_op_get_prop(def, "slot") : NULL;
  if (slot && slot->kind == SM_ATTR_INTEGER && slot->integer.value >= 0 && slot->integer.value < 4096)
    return (const void *)(uintptr_t)(slot->integer.value + 1);
  return def;
}

/* replace: r is all the buffer now holds (every element was overwritten). */
static bool record(Module *m, const void *key, Iv r, bool replace) {
  uintptr_t known = (uintptr_t)sm_ptrmap_get(&m->contents, key);
  if (known) {
    m->ranges[known - 1] = replace ? r : iv_join(m->ranges[known - 1], r);
    return true;
  }
  if (m->nranges == m->capranges) {
    size_t nc = m->capranges ? m->capranges * 2 : 16;
    Iv *n = realloc(m->ranges, nc * sizeof *n);
    if (!n) return sm_emit_error(m->ctx, sm_loc_unknown(m->ctx), "out of memory");
    m->ranges = n;
    m->capranges = nc;
  }
  m->ranges[m->nranges++] = r;
  sm_ptrmap_put(&m->contents, key, (void *)(uintptr_t)m->nranges);
  return true;
}

/* What the values of a host buffer may be: a model input's (when known), an
 * integer weight's data, or what earlier launches stored into an
 * intermediate buffer (its slot); unbounded otherwise. */
static bool buffer_contents(Module *m, SmOp *def, Iv *out) {
  *out = TOP;
  if (sm_op_name_is(def, "kernel.alloc")) {
    uintptr_t known = (uintptr_t)sm_ptrmap_get(&m->contents, contents_key(def));
    if (known) *out = m->ranges[known - 1];
    return true;
  }
  if (sm_op_name_is(def, "kernel.input")) {
    bool ok = true;
    int64_t i = int_prop(def, "index", &ok);
    out->input = true;
    if (m->ins && ok && i >= 0 && i < (int64_t)m->nin) *out = tensor_range(&m->ins[i], true);
    return true;
  }
  if (!sm_op_name_is(def, "kernel.weight")) return true;
  uintptr_t known = (uintptr_t)sm_ptrmap_get(&m->contents, def);
  if (known) {
    *out = m->ranges[known - 1];
    return true;
  }
  SmAttr *v = sm_op_get_prop(def, "value");
  const SmType *t = v && v->kind == SM_ATTR_DENSE_ELEMENTS ? v->dense.type
                    : v && v->kind == SM_ATTR_DENSE_RESOURCE ? v->resource.type : NULL;
  if (!t || !sm_type_is_integer(t->shaped.elem)) return true; /* float data does not index */
  SmTensor data;
  if (!sm_tensor_from_attr(m->ctx, def->loc, v, &data)) return false;
  *out = tensor_range(&data, false);
  sm_tensor_free(&data);
  return record(m, def, *out, true);
}

static bool check_launch(Module *m, SmOp *launch) {
  SmContext *ctx = m->ctx;
  SmAttr *callee = sm_op_get_prop(launch, "callee"), *wi = sm_op_get_prop(launch, "work_items");
  SmOp *fn = callee && callee->kind == SM_ATTR_SYMBOL_REF ? sm_symbol_lookup_from(launch, callee) : NULL;
  if (!fn || !sm_op_name_is(fn, "kernel.func"))
    return pc_error(launch, launch, "callee is not a kernel.func");
  if (!wi || wi->kind != SM_ATTR_INTEGER || wi->integer.value < 0)
    return pc_error(launch, launch, "launch needs 'work_items'");
  SmBlock *body = fn->regions[0].first;
  if (!body || body->num_args != launch->num_operands || launch->num_operands > 64)
    return pc_error(launch, launch, "launch passes %u buffers, the kernel takes %u",
                            launch->num_operands, body ? body->num_args : 0);
  if (wi->integer.value == 0) return true;
  int64_t numel[64], image[64][2];
  Iv contents[64];
  for (unsigned i = 0; i < launch->num_operands; i++) {
    SmValue *v = launch->operands[i].value;
    if (v->kind != SM_VALUE_RESULT) return pc_error(launch, launch, "buffer #%u has no definition", i);
    if (!buffer_sizes(m, v->owner.op, &numel[i], image[i]) || !buffer_contents(m, v->owner.op, &contents[i]))
      return false;
  }
  Checker c = {.ctx = ctx, .numel = numel, .image = (const int64_t(*)[2])image, .contents = contents, .nargs = launch->num_operands,
               .inputs_known = m->ins != NULL, .launch = launch, .kernel = sm_op_symbol_name(fn), .body = body,
               .work_items = wi->integer.value};
  SmAttr *gs = sm_op_get_prop(fn, "group_size");
  if (gs && (gs->kind != SM_ATTR_INTEGER || gs->integer.value < 1 || gs->integer.value > 1024))
    return pc_error(launch, fn, "'group_size' must be in [1, 1024]");
  c.group_size = gs ? gs->integer.value : 0;
  if (!c.kernel) c.kernel = "?";
  sm_ptrmap_init(&c.iv);
  bool ok = check_block(&c, body, wi->integer.value);
  /* Later launches read what this one stored (indices copied by a reshape). */
  for (unsigned i = 0; ok && i < launch->num_operands; i++) {
    SmOp *def = launch->operands[i].value->owner.op;
    if (c.has_written[i] && sm_op_name_is(def, "kernel.alloc"))
      ok = record(m, contents_key(def), c.written[i], c.covered[i]);
  }
  sm_ptrmap_free(&c.iv);
  free(c.ivs);
  return ok;
}

bool sm_opencl_plan_check(SmOp *module, unsigned num_inputs, const SmTensor *inputs) {
  Module m = {.ctx = sm_op_context(module), .nin = num_inputs, .ins = inputs};
  sm_ptrmap_init(&m.contents);
  sm_ptrmap_init(&m.sizes_of);
  bool ok = true;
  SmBlock *top = module->num_regions ? module->regions[0].first : NULL;
  for (SmOp *host = top ? top->first : NULL; ok && host; host = host->next) {
    if (!sm_op_name_is(host, "kernel.host")) continue;
    SmBlock *b = host->regions[0].first;
    for (SmOp *op = b ? b->first : NULL; ok && op; op = op->next)
      if (sm_op_name_is(op, "kernel.launch")) ok = check_launch(&m, op);
  }
  sm_ptrmap_free(&m.contents);
  sm_ptrmap_free(&m.sizes_of);
  free(m.ranges);
  free(m.sizes);
  return ok;
}
