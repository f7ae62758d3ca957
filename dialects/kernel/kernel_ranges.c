/* Value ranges of index values inside a kernel.func: interval arithmetic
 * over kernel.apply chains from the work-item index (in [0, work_items)), the
 * group index of a work-group kernel (in [0, work_items)), loop variables (in
 * [lower, upper)) and integer constants. Used by kernel-split-padded-loops to
 * drop bounds checks and by the OpenCL C emitter to leave out the parts of a
 * check that cannot fail. */
#include "dialects/kernel/kernel.h"

#include <stdbool.h>
#include <stdint.h>

#define MAX_DEPTH 24

typedef struct Range {
  int64_t lo, hi; /* inclusive */
} Range;

static bool is_loop(const SmOp *op) {
  return sm_op_name_is(op, "kernel.for") || sm_op_name_is(op, "kernel.group_reduce") || sm_op_name_is(op, "kernel.group_for");
}

static int64_t int_prop(const SmOp *op, const char *name, bool *ok) {
  SmAttr *a = sm_op_get_prop(op, name);
  if (!a || a->kind != SM_ATTR_INTEGER) {
    *ok = false;
    return 0;
  }
  return a->integer.value;
}

static SmOp *enclosing_func(SmOp *op) {
  for (SmOp *p = op; p; p = p->block ? sm_block_parent_op(p->block) : NULL)
    if (sm_op_name_is(p, "kernel.func")) return p;
  return NULL;
}

static bool add_r(Range a, Range b, Range *r) {
  return !__builtin_add_overflow(a.lo, b.lo, &r->lo) && !__builtin_add_overflow(a.hi, b.hi, &r->hi);
}

static bool mul_r(Range a, Range b, Range *r) {
  int64_t p[4];
  if (__builtin_mul_overflow(a.lo, b.lo, &p[0]) || __builtin_mul_overflow(a.lo, b.hi, &p[1]) ||
      __builtin_mul_overflow(a.hi, b.lo, &p[2]) || __builtin_mul_overflow(a.hi, b.hi, &p[3]))
    return false;
  r->lo = r->hi = p[0];
  for (int i = 1; i < 4; i++) {
    if (p[i] < r->lo) r->lo = p[i];
    if (p[i] > r->hi) r->hi = p[i];
  }
  return true;
}

static int64_t fdiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

static bool expr_range(const SmAffineExpr *e, const Range *dims, const bool *known, unsigned nd, Range *r) {
  Range a, b;
  switch (e->kind) {
  case SM_AFFINE_CONST:
    r->lo = r->hi = e->value;
    return true;
  case SM_AFFINE_DIM:
    if (e->position >= nd || !known[e->position]) return false;
    *r = dims[e->position];
    return true;
  case SM_AFFINE_SYMBOL:
    return false;
  case SM_AFFINE_ADD:
    return expr_range(e->bin.lhs, dims, known, nd, &a) && expr_range(e->bin.rhs, dims, known, nd, &b) && add_r(a, b, r);
  case SM_AFFINE_MUL:
    return expr_range(e->bin.lhs, dims, known, nd, &a) && expr_range(e->bin.rhs, dims, known, nd, &b) && mul_r(a, b, r);
  case SM_AFFINE_FLOORDIV:
  case SM_AFFINE_CEILDIV:
  case SM_AFFINE_MOD: {
    if (e->bin.rhs->kind != SM_AFFINE_CONST || e->bin.rhs->value <= 0) return false;
    if (!expr_range(e->bin.lhs, dims, known, nd, &a)) return false;
    int64_t c = e->bin.rhs->value;
    if (e->kind == SM_AFFINE_FLOORDIV) {
      r->lo = fdiv(a.lo, c);
      r->hi = fdiv(a.hi, c);
    } else if (e->kind == SM_AFFINE_CEILDIV) {
      r->lo = -fdiv(-a.lo, c);
      r->hi = -fdiv(-a.hi, c);
    } else if (fdiv(a.lo, c) == fdiv(a.hi, c)) {
      r->lo = a.lo - fdiv(a.lo, c) * c;
      r->hi = a.hi - fdiv(a.hi, c) * c;
    } else {
      r->lo = 0;
      r->hi = c - 1;
    }
    return true;
  }
  }
  return false;
}

/* The values v can take, when the IR says. */
static bool value_range(SmValue *v, Range *r, int depth) {
  if (depth > MAX_DEPTH) return false;
  SmOp *d = sm_value_defining_op(v);
  if (!d) {
    SmBlock *b = v->owner.block;
    SmOp *loop = b ? sm_block_parent_op(b) : NULL;
    if (!loop || !is_loop(loop) || v != b->args[0]) return false;
    bool ok = true;
    int64_t lo = int_prop(loop, "lower", &ok), hi = int_prop(loop, "upper", &ok), st = int_prop(loop, "step", &ok);
    if (!ok || st <= 0 || hi <= lo) return false;
    r->lo = lo;
    r->hi = hi - 1;
    return true;
  }
  if (sm_op_name_is(d, "arith.constant")) {
    SmAttr *a = sm_op_get_attr(d, "value");
    if (!a || a->kind != SM_ATTR_INTEGER) return false;
    r->lo = r->hi = a->integer.value;
    return true;
  }
  if (sm_op_name_is(d, "kernel.global_id") || sm_op_name_is(d, "kernel.group_id")) {
    /* In a work-group kernel the global index runs over work_items groups
     * of group_size items; only the group index is bounded by work_items. */
    SmOp *f = enclosing_func(d);
    bool ok = true;
    if (!f || (sm_op_get_prop(f, "group_size") != NULL) != sm_op_name_is(d, "kernel.group_id")) return false;
    int64_t wi = int_prop(f, "work_items", &ok);
    if (!ok || wi <= 0) return false;
    r->lo = 0;
    r->hi = wi - 1;
    return true;
  }
  if (sm_op_name_is(d, "kernel.apply")) {
    SmAffineMap *m = sm_op_get_prop(d, "map")->map;
    if (m->num_symbols || m->num_results != 1 || m->num_dims != d->num_operands || m->num_dims > 16) return false;
    Range dims[16];
    bool known[16];
    for (unsigned i = 0; i < m->num_dims; i++) known[i] = value_range(d->operands[i].value, &dims[i], depth + 1);
    return expr_range(m->results[0], dims, known, m->num_dims, r);
  }
  return false;
}

bool sm_kernel_index_range(SmValue *v, int64_t *lo, int64_t *hi) {
  Range r;
  if (!value_range(v, &r, 0)) return false;
  *lo = r.lo;
  *hi = r.hi;
  return true;
}

bool sm_kernel_expr_range(const SmAffineExpr *e, SmValue *const *dims, unsigned nd, int64_t *lo, int64_t *hi) {
  if (nd > 16) return false;
  Range r, d[16];
  bool known[16];
  for (unsigned i = 0; i < nd; i++) known[i] = dims[i] && value_range(dims[i], &d[i], 0);
  if (!expr_range(e, d, known, nd, &r)) return false;
  *lo = r.lo;
  *hi = r.hi;
  return true;
}
