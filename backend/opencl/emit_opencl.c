/* OpenCL C emission: one __kernel per kernel.func, statements in op order
 * (one variable per SSA value), plus the plan text and weights blob of the
 * kernel.host. Readability matters: value names follow the op (c for
 * coordinates, x for loads, v for math), loops are plain for loops. */
#include "backend/opencl/opencl.h"
#include "dialects/kernel/held_narrow.h"
#include "dialects/kernel/kernel.h"
#include "dialects/layout/layout.h"
#include "passes/smartmem/smartmem.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Em {
  SmContext *ctx;
  SmStrBuf *o;
  SmPtrMap names;  /* value -> (uintptr) id + 1 */
  SmPtrMap nonneg; /* value -> non-NULL when known >= 0 */
  unsigned next;
  int indent;
  int64_t group; /* group_size of the kernel being emitted (0: none) */
  bool lanes;    /* a SIMD device profile: tile rows as vectors (lane groups) */
  bool ok;
} Em;

static const char *ctype(SmType *t, bool storage) {
  if (!t) return "void";
  switch (t->kind) {
  case SM_TYPE_F32: return "float";
  case SM_TYPE_F64: return "double";
  case SM_TYPE_F16: return "half";
  case SM_TYPE_INDEX: return "long";
  case SM_TYPE_INTEGER:
    switch (t->integer.width) {
    case 1: return storage ? "uchar" : "int";
    case 8: return t->integer.sign == SM_UNSIGNED ? "uchar" : "char";
    case 16: return "short";
    case 32: return "int";
    case 64: return "long";
    default: return NULL;
    }
  default: return NULL;
  }
}

static void ind(Em *e) {
  for (int i = 0; i < e->indent; i++) sm_strbuf_puts(e->o, "  ");
}

static unsigned vid(Em *e, SmValue *v) {
  uintptr_t id = (uintptr_t)sm_ptrmap_get(&e->names, v);
  if (!id) {
    id = ++e->next;
    sm_ptrmap_put(&e->names, v, (void *)id);
  }
  return (unsigned)(id - 1);
}
static void alias(Em *e, SmValue *v, SmValue *to) { sm_ptrmap_put(&e->names, v, (void *)(uintptr_t)(vid(e, to) + 1)); }
static void name(Em *e, SmValue *v) { sm_strbuf_printf(e->o, "v%u", vid(e, v)); }
static bool known_nonneg(Em *e, SmValue *v) { return sm_ptrmap_get(&e->nonneg, v) != NULL; }

/* Affine expression over named values; dims_nonneg: dims are known >= 0. */
static bool expr_nonneg(const SmAffineExpr *x, const bool *dnn) {
  switch (x->kind) {
  case SM_AFFINE_CONST: return x->value >= 0;
  case SM_AFFINE_DIM: return dnn[x->position];
  case SM_AFFINE_SYMBOL: return false;
  case SM_AFFINE_ADD: case SM_AFFINE_MUL: return expr_nonneg(x->bin.lhs, dnn) && expr_nonneg(x->bin.rhs, dnn);
  default: return expr_nonneg(x->bin.lhs, dnn) && x->bin.rhs->kind == SM_AFFINE_CONST && x->bin.rhs->value > 0;
  }
}

/* The highest dim position x uses (-1: none). */
static int max_dim(const SmAffineExpr *x) {
  switch (x->kind) {
  case SM_AFFINE_DIM: return (int)x->position;
  case SM_AFFINE_CONST: case SM_AFFINE_SYMBOL: return -1;
  default: {
    int a = max_dim(x->bin.lhs), b = max_dim(x->bin.rhs);
    return a > b ? a : b;
  }
  }
}

static void expr(Em *e, const SmAffineExpr *x, SmValue *const *dims, const bool *dnn) {
  SmStrBuf *o = e->o;
  switch (x->kind) {
  case SM_AFFINE_CONST: sm_strbuf_printf(o, "%" PRId64, x->value); return;
  case SM_AFFINE_DIM: name(e, dims[x->position]); return;
  case SM_AFFINE_SYMBOL: e->ok = false; return;
  case SM_AFFINE_ADD:
    if (x->bin.rhs->kind == SM_AFFINE_CONST && x->bin.rhs->value < 0) {
      sm_strbuf_puts(o, "(");
      expr(e, x->bin.lhs, dims, dnn);
      sm_strbuf_printf(o, " - %" PRId64 ")", -x->bin.rhs->value);
      return;
    }
    sm_strbuf_puts(o, "(");
    expr(e, x->bin.lhs, dims, dnn);
    sm_strbuf_puts(o, " + ");
    expr(e, x->bin.rhs, dims, dnn);
    sm_strbuf_puts(o, ")");
    return;
  case SM_AFFINE_MUL:
    sm_strbuf_puts(o, "(");
    expr(e, x->bin.lhs, dims, dnn);
    sm_strbuf_puts(o, " * ");
    expr(e, x->bin.rhs, dims, dnn);
    sm_strbuf_puts(o, ")");
    return;
  default: {
    bool plain = x->kind != SM_AFFINE_CEILDIV && expr_nonneg(x, dnn);
    const char *fn = x->kind == SM_AFFINE_MOD ? "sm_mod" : x->kind == SM_AFFINE_FLOORDIV ? "sm_floordiv" : "sm_ceildiv";
    int64_t lo, hi;
    if (plain && x->bin.rhs->kind == SM_AFFINE_CONST && x->bin.rhs->value <= UINT32_MAX &&
        sm_kernel_expr_range(x->bin.lhs, dims, max_dim(x->bin.lhs) + 1, &lo, &hi) && lo >= 0 && hi <= UINT32_MAX) {
      /* A dividend known to fit 32 bits unsigned is divided as a uint: a
       * 64-bit division by a constant becomes a 64x64 multiply-high, which
       * x86 has no vector form of, so PoCL scalarised every work-item's
       * index split (segformer's bilinear Resize: 3.4 -> 0.7 ms). */
      sm_strbuf_puts(o, "(long)((uint)");
      expr(e, x->bin.lhs, dims, dnn);
      sm_strbuf_printf(o, " %s %" PRId64 "u)", x->kind == SM_AFFINE_MOD ? "%" : "/", x->bin.rhs->value);
    } else if (plain) {
      sm_strbuf_puts(o, "(");
      expr(e, x->bin.lhs, dims, dnn);
      sm_strbuf_puts(o, x->kind == SM_AFFINE_MOD ? " % " : " / ");
      expr(e, x->bin.rhs, dims, dnn);
      sm_strbuf_puts(o, ")");
    } else {
      sm_strbuf_printf(o, "%s(", fn);
      expr(e, x->bin.lhs, dims, dnn);
      sm_strbuf_puts(o, ", ");
      expr(e, x->bin.rhs, dims, dnn);
      sm_strbuf_puts(o, ")");
    }
  }
  }
}

static void literal(Em *e, SmAttr *a) {
  SmStrBuf *o = e->o;
  if (a->kind == SM_ATTR_FLOAT) {
    double v = a->fp.value;
    bool f32 = a->fp.type->kind == SM_TYPE_F32;
    if (isnan(v)) {
      sm_strbuf_puts(o, "NAN");
    } else if (isinf(v)) {
      sm_strbuf_puts(o, v > 0 ? "INFINITY" : "-INFINITY");
    } else {
      char buf[40];
      snprintf(buf, sizeof buf, f32 ? "%.9g" : "%.17g", v);
      sm_strbuf_puts(o, buf);
      if (!strpbrk(buf, ".e")) sm_strbuf_puts(o, ".0"); /* "1f" is not a C literal */
      if (f32) sm_strbuf_puts(o, "f");
    }
    return;
  }
  if (a->kind == SM_ATTR_INTEGER) {
    sm_strbuf_printf(o, "%" PRId64 "%s", a->integer.value, sm_type_bitwidth(a->integer.type) > 32 ? "L" : "");
    return;
  }
  if (a->kind == SM_ATTR_BOOL) {
    sm_strbuf_puts(o, a->boolean ? "1" : "0");
    return;
  }
  e->ok = false;
}

static void decl(Em *e, SmValue *v) {
  ind(e);
  sm_strbuf_printf(e->o, "%s ", ctype(v->type, false));
  name(e, v);
  sm_strbuf_puts(e->o, " = ");
}

static const char *binop(const char *n) {
  static const char *const t[][2] = {
      {"arith.addf", "+"}, {"arith.subf", "-"}, {"arith.mulf", "*"}, {"arith.divf", "/"},  {"arith.addi", "+"},
      {"arith.subi", "-"}, {"arith.muli", "*"}, {"arith.divsi", "/"}, {"arith.remsi", "%"}, {"arith.andi", "&"},
      {"arith.ori", "|"},  {"arith.xori", "^"}, {"arith.shli", "<<"}, {"arith.shrsi", ">>"}};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
    if (!strcmp(n, t[i][0])) return t[i][1];
  return NULL;
}

static const char *callop(const char *n) {
  static const char *const t[][2] = {
      {"arith.maximumf", "fmax"}, {"arith.minimumf", "fmin"}, {"arith.maxnumf", "fmax"}, {"arith.minnumf", "fmin"},
      {"arith.maxsi", "max"},     {"arith.minsi", "min"},     {"arith.remf", "fmod"},    {"math.absf", "fabs"},
      {"math.ceil", "ceil"},      {"math.cos", "cos"},        {"math.erf", "erf"},       {"math.exp", "exp"},
      {"math.floor", "floor"},    {"math.log", "log"},        {"math.round", "round"},   {"math.rsqrt", "rsqrt"},
      {"math.sin", "sin"},        {"math.sqrt", "sqrt"},      {"math.tanh", "tanh"},     {"math.powf", "pow"}};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
    if (!strcmp(n, t[i][0])) return t[i][1];
  return NULL;
}

static void emit_block(Em *e, SmBlock *b);

/* Loops of at most this many iterations are marked for unrolling. */
#define UNROLL_HINT_TRIPS 8

/* Every kernel.for nested in b (at any depth) runs at most
 * UNROLL_HINT_TRIPS iterations. */
static bool short_loops_only(SmBlock *b) {
  for (SmOp *o = b->first; o; o = o->next) {
    if (sm_op_name_is(o, "kernel.for")) {
      int64_t lo = sm_op_get_prop(o, "lower")->integer.value, hi = sm_op_get_prop(o, "upper")->integer.value,
              st = sm_op_get_prop(o, "step")->integer.value;
      if (st <= 0 || (hi - lo + st - 1) / st > UNROLL_HINT_TRIPS) return false;
    }
    for (unsigned r = 0; r < o->num_regions; r++)
      for (SmBlock *ib = o->regions[r].first; ib; ib = ib->next)
        if (!short_loops_only(ib)) return false;
  }
  return true;
}

static SmAffineExpr *coef_of(SmAffineExpr *e, int64_t *coef) {
  if (e->kind == SM_AFFINE_MUL && e->bin.rhs->kind == SM_AFFINE_CONST) return *coef = e->bin.rhs->value, e->bin.lhs;
  return *coef = 1, e;
}

static void flatten_sum(SmAffineExpr *e, SmAffineExpr **t, unsigned *n, int64_t *k, bool *ok) {
  if (e->kind == SM_AFFINE_ADD) {
    flatten_sum(e->bin.lhs, t, n, k, ok);
    flatten_sum(e->bin.rhs, t, n, k, ok);
  } else if (e->kind == SM_AFFINE_CONST) {
    *k += e->value;
  } else if (*n < 32) {
    t[(*n)++] = e;
  } else {
    *ok = false;
  }
}

/* Undoes delinearisations in a sum: (A floordiv c) * (c * s) + (B mod c) *
 * s -> A * s, where B = A or A = B mod m with c | m (floor semantics make
 * both identities exact for any sign). A global id split into a domain
 * point and recombined into a row-major address becomes the id again:
 * no 64-bit divisions per element. */
static SmAffineExpr *undo_delinearize(SmContext *c, SmAffineExpr *e) {
  SmAffineExpr *t[32];
  unsigned n = 0;
  int64_t k = 0;
  bool ok = true;
  flatten_sum(e, t, &n, &k, &ok);
  if (!ok || n < 2) return e;
  for (bool changed = true; changed;) {
    changed = false;
    for (unsigned i = 0; i < n && !changed; i++) {
      int64_t ci, cj;
      SmAffineExpr *q = coef_of(t[i], &ci);
      if (q->kind != SM_AFFINE_FLOORDIV || q->bin.rhs->kind != SM_AFFINE_CONST) continue;
      int64_t dv = q->bin.rhs->value;
      if (dv <= 0 || ci % dv) continue;
      SmAffineExpr *a = q->bin.lhs;
      for (unsigned j = 0; j < n && !changed; j++) {
        SmAffineExpr *r = coef_of(t[j], &cj);
        if (j == i || r->kind != SM_AFFINE_MOD || r->bin.rhs->kind != SM_AFFINE_CONST || r->bin.rhs->value != dv ||
            cj != ci / dv)
          continue;
        SmAffineExpr *b = r->bin.lhs;
        bool same = b == a || (a->kind == SM_AFFINE_MOD && a->bin.lhs == b && a->bin.rhs->kind == SM_AFFINE_CONST &&
                               a->bin.rhs->value % dv == 0);
        if (!same) continue;
        t[i] = sm_affine_mul(c, a, sm_affine_const(c, cj));
        t[j] = t[--n];
        changed = true;
      }
    }
  }
  SmAffineExpr *s = t[0];
  for (unsigned i = 1; i < n; i++) s = sm_affine_add(c, s, t[i]);
  return sm_affine_add(c, s, sm_affine_const(c, k));
}

/* Index of v among dims[0..*n) (appended when absent and there is room). */
static int dim_slot(SmValue **dims, unsigned *n, SmValue *v) {
  for (unsigned i = 0; i < *n; i++)
    if (dims[i] == v) return (int)i;
  if (*n == 16) return -1;
  dims[*n] = v;
  return (int)(*n)++;
}

/* The expression of coordinate v over dims: a value computed by a
 * kernel.apply is replaced by its map's expression over the apply's own
 * operands, recursively (a tile point's index, w * 16 + 3, inside a
 * composed coordinate, h * 32 + that point), so that the whole address is
 * one affine sum of the outermost values. False when more than 16 distinct
 * values would be needed. */
static bool coord_expr(SmContext *c, SmValue *v, SmValue **dims, unsigned *nd, unsigned depth, SmAffineExpr **out) {
  SmOp *d = sm_value_defining_op(v);
  if (depth < 8 && d && sm_op_name_is(d, "kernel.apply") && d->num_operands <= 16) {
    SmAffineExpr *sub[16];
    for (unsigned j = 0; j < d->num_operands; j++)
      if (!coord_expr(c, d->operands[j].value, dims, nd, depth + 1, &sub[j])) return false;
    *out = sm_affine_expr_replace(c, sm_op_get_prop(d, "map")->map->results[0], sub, NULL);
    return true;
  }
  int s = dim_slot(dims, nd, v);
  if (s < 0) return false;
  *out = sm_affine_dim(c, (unsigned)s);
  return true;
}

/* b[address]: the layout map applied to the coordinates, with coordinates
 * computed by kernel.apply substituted by their expressions (coord_expr)
 * and delinearisations undone. The address is then one affine sum whose
 * constant comes last (k * 128 + (w * 16 + 3) prints as
 * ((k * 128) + (w * 16)) + 3), so that LLVM sees the accesses of
 * neighbouring tile points as consecutive and vectorizes them (SLP): with
 * an opaque point index p (k * 128 + p) + 50432, PoCL's LLVM left bert's
 * and vit's composed-map loads scalar (4x slower kernels). */
static void emit_access(Em *e, SmOp *op, unsigned first, SmValue *buf) {
  SmContext *c = sm_op_context(op);
  SmAffineMap *m = sm_op_get_prop(op, "map")->map;
  bool dnn[16];
  SmValue *dims[16];
  SmAffineExpr *repl[16];
  unsigned nc = op->num_operands - first, nd = 0;
  bool ok = nc <= 16;
  for (unsigned i = 0; ok && i < nc; i++) ok = coord_expr(c, op->operands[first + i].value, dims, &nd, 0, &repl[i]);
  sm_strbuf_printf(e->o, "b%u[", vid(e, buf));
  if (ok) {
    for (unsigned i = 0; i < nd; i++) dnn[i] = known_nonneg(e, dims[i]);
    /* Range-aware simplification with no extents known still folds what a
     * tile point's constant offset allows: ((w * 16 + 3) floordiv 32) is
     * w floordiv 2 (the 3 cannot carry past 16). */
    SmAffineExpr *addr = sm_affine_expr_simplify_ranges(c, sm_affine_expr_replace(c, m->results[0], repl, NULL), 0, NULL);
    expr(e, undo_delinearize(c, addr), dims, dnn);
  } else {
    /* More than 16 distinct values: the coordinates as they are. */
    for (unsigned i = 0; i < nc && i < 16; i++) dims[i] = op->operands[first + i].value, dnn[i] = true;
    expr(e, m->results[0], dims, dnn);
  }
  sm_strbuf_puts(e->o, "]");
}

/* Half storage (OpenCL C 1.2 core, no cl_khr_fp16): "vload_half(off, bN)"
 * or "vstore_half(v, off, bN)"; the value is a float either way and the
 * store rounds to nearest even. */
static void half_access(Em *e, SmOp *op, unsigned first, const char *fn, SmValue *stored) {
  SmAffineMap *m = sm_op_get_prop(op, "map")->map;
  bool dnn[16];
  SmValue *co[16];
  unsigned nc = op->num_operands - first;
  for (unsigned i = 0; i < nc && i < 16; i++) co[i] = op->operands[first + i].value, dnn[i] = true;
  sm_strbuf_puts(e->o, fn);
  if (stored) {
    name(e, stored);
    sm_strbuf_puts(e->o, ", ");
  }
  expr(e, m->results[0], co, dnn);
  sm_strbuf_printf(e->o, ", b%u)", vid(e, op->operands[first - 1].value));
}

/* Bounds check of a padded access: "(c0 >= 0 && c0 < n0 && ...) ? ", without
 * the comparisons that the coordinates' ranges (sm_kernel_index_range) show
 * cannot fail: a convolution window checks its two spatial coordinates, not
 * the batch index or the channel its reduction loop walks. */
static void bounds_check(Em *e, SmOp *op) {
  SmAttr *shape = sm_op_get_prop(op, "shape");
  unsigned n = 0;
  sm_strbuf_puts(e->o, "(");
  for (unsigned i = 1; i < op->num_operands; i++) {
    SmValue *c = op->operands[i].value;
    int64_t lo = 0, hi = 0, ext = sm_attr_dense_array_get_i64(shape, i - 1);
    bool known = sm_kernel_index_range(c, &lo, &hi);
    if (!known_nonneg(e, c) && !(known && lo >= 0)) {
      if (n++) sm_strbuf_puts(e->o, " && ");
      name(e, c);
      sm_strbuf_puts(e->o, " >= 0");
    }
    if (!(known && hi < ext)) {
      if (n++) sm_strbuf_puts(e->o, " && ");
      name(e, c);
      sm_strbuf_printf(e->o, " < %" PRId64, ext);
    }
  }
  if (!n) sm_strbuf_puts(e->o, "1");
  sm_strbuf_puts(e->o, ") ? ");
}

/* One lane of a pixel: sm_lane(read_imagef(img, sampler, (int2)(x, y)), lane). */
static void emit_image_read(Em *e, SmOp *op) {
  SmStrBuf *o = e->o;
  SmAffineMap *m = sm_op_get_prop(op, "map")->map;
  SmValue *co[16];
  bool dnn[16];
  unsigned nc = op->num_operands - 1;
  if (nc > 16) {
    e->ok = sm_op_emit_error(op, "too many coordinates to emit");
    return;
  }
  for (unsigned i = 0; i < nc; i++) co[i] = op->operands[1 + i].value, dnn[i] = true;
  SmAttr *pad = sm_op_get_prop(op, "pad");
  decl(e, &op->results[0]);
  if (pad) bounds_check(e, op);
  sm_strbuf_printf(o, "sm_lane(read_imagef(b%u, sm_sampler, (int2)((int)", vid(e, op->operands[0].value));
  expr(e, m->results[1], co, dnn);
  sm_strbuf_puts(o, ", (int)");
  expr(e, m->results[0], co, dnn);
  sm_strbuf_puts(o, ")), ");
  expr(e, m->results[2], co, dnn);
  sm_strbuf_puts(o, ")");
  if (pad) {
    sm_strbuf_puts(o, " : ");
    literal(e, pad);
  }
  sm_strbuf_puts(o, ";\n");
}

static void emit_block(Em *e, SmBlock *b);

/* `kind` of a kernel.group_reduce applied to two C expressions. */
static void combine(Em *e, const char *kind, const char *a, const char *b) {
  if (!strcmp(kind, "arith.addf")) sm_strbuf_printf(e->o, "%s + %s", a, b);
  else if (!strcmp(kind, "arith.mulf")) sm_strbuf_printf(e->o, "%s * %s", a, b);
  else if (!strcmp(kind, "arith.maximumf") || !strcmp(kind, "arith.maxnumf")) sm_strbuf_printf(e->o, "fmax(%s, %s)", a, b);
  else sm_strbuf_printf(e->o, "fmin(%s, %s)", a, b);
}

/* kernel.group_for / group_reduce: the work-items of the group take the
 * iterations lid, lid + G, ..; a reduction then combines the G partial
 * results in local memory (a tree, one barrier per level) and every
 * work-item reads the total. The barrier after the read lets the next
 * reduction reuse the array. */
static void emit_group_loop(Em *e, SmOp *op) {
  SmStrBuf *o = e->o;
  SmBlock *b = op->regions[0].first;
  bool red = op->num_results == 1;
  if (!e->group) {
    e->ok = sm_op_emit_error(op, "needs a kernel.func with a group_size");
    return;
  }
  if (red) {
    decl(e, &op->results[0]);
    name(e, op->operands[0].value);
    sm_strbuf_puts(o, ";\n");
    alias(e, b->args[1], &op->results[0]);
  }
  SmValue *iv = b->args[0];
  sm_ptrmap_put(&e->nonneg, iv, (void *)1);
  int64_t lo = sm_op_get_prop(op, "lower")->integer.value, hi = sm_op_get_prop(op, "upper")->integer.value,
          st = sm_op_get_prop(op, "step")->integer.value;
  ind(e);
  sm_strbuf_puts(o, "for (long ");
  name(e, iv);
  sm_strbuf_printf(o, " = %" PRId64 " + sm_lid * %" PRId64 "; ", lo, st);
  name(e, iv);
  sm_strbuf_printf(o, " < %" PRId64 "; ", hi);
  name(e, iv);
  sm_strbuf_printf(o, " += %" PRId64 ") {\n", st * e->group);
  e->indent++;
  emit_block(e, b);
  if (red) {
    ind(e);
    name(e, &op->results[0]);
    sm_strbuf_puts(o, " = ");
    name(e, b->last->operands[0].value);
    sm_strbuf_puts(o, ";\n");
  }
  e->indent--;
  ind(e);
  sm_strbuf_puts(o, "}\n");
  if (!red) return;
  const char *kind = sm_op_get_prop(op, "kind")->string.data;
  const char *ct = ctype(op->results[0].type, false);
  char self[48], arr[32], lhs[64], rhs[64];
  snprintf(self, sizeof self, "v%u", vid(e, &op->results[0]));
  snprintf(arr, sizeof arr, "sm_red_%s", ct);
  snprintf(lhs, sizeof lhs, "%s[sm_lid]", arr);
  snprintf(rhs, sizeof rhs, "%s[sm_lid + sm_s]", arr);
  ind(e);
  sm_strbuf_printf(o, "%s = %s;\n", lhs, self);
  ind(e);
  sm_strbuf_puts(o, "barrier(CLK_LOCAL_MEM_FENCE);\n");
  ind(e);
  sm_strbuf_printf(o, "for (long sm_s = %" PRId64 "; sm_s > 0; sm_s >>= 1) {\n", e->group / 2);
  ind(e);
  sm_strbuf_printf(o, "  if (sm_lid < sm_s) %s = ", lhs);
  combine(e, kind, lhs, rhs);
  sm_strbuf_puts(o, ";\n");
  ind(e);
  sm_strbuf_puts(o, "  barrier(CLK_LOCAL_MEM_FENCE);\n");
  ind(e);
  sm_strbuf_puts(o, "}\n");
  ind(e);
  sm_strbuf_printf(o, "%s = %s[0];\n", self, arr);
  ind(e);
  sm_strbuf_puts(o, "barrier(CLK_LOCAL_MEM_FENCE);\n");
}

/* ---- Lane groups: a register tile's consecutive points as one vector ----
 * A SIMD schedule (convert-layout-to-kernel, blocked fastest dim) gives a
 * reduction loop T accumulators per row of its tile whose loads step one
 * element from point to point, the other operand shared (a weight row and
 * an input pixel). PoCL vectorizes across work-items, not inside one, so
 * those T scalar chains ran as scalars; written as floatT (vloadT of the
 * consecutive loads, the shared operand broadcast) squeezenet's 3x3 expand
 * convolutions ran 1.8x faster. A kernel.for is written so only when every
 * iteration value belongs to such a group, proven op by op: lanes with the
 * same operation, operands that are groups lane for lane or one value for
 * all lanes, loads of one f32 buffer without a bounds check at addresses
 * that print as X, (X + 1), .., (X + T-1); and no group value used by
 * anything but its own lane. Otherwise the loop is emitted as before. */
typedef struct Lanes {
  unsigned T;
  SmBlock *body;
  SmPtrMap lane; /* member value -> (void *)(lane + 1) */
  SmPtrMap head; /* member value -> its group's lane-0 value */
} Lanes;

static void lane_put(Lanes *L, SmValue *v, unsigned t, SmValue *v0) {
  sm_ptrmap_put(&L->lane, v, (void *)(uintptr_t)(t + 1));
  sm_ptrmap_put(&L->head, v, v0);
}

static unsigned lane_of(Lanes *L, SmValue *v) { return (unsigned)(uintptr_t)sm_ptrmap_get(&L->lane, v); }

/* The text of load op's access, "bN[X]". */
static void access_text(Em *e, SmOp *op, SmStrBuf *s) {
  SmStrBuf *o = e->o;
  e->o = s;
  emit_access(e, op, 1, op->operands[0].value);
  e->o = o;
}

/* The text of a padded load's bounds check, "(..) ? ". */
static void guard_text(Em *e, SmOp *op, SmStrBuf *s) {
  SmStrBuf *o = e->o;
  e->o = s;
  bounds_check(e, op);
  e->o = o;
}

/* v[0..T) form a lane group (registered in L), or are one value. */
static bool lanes_of(Em *e, Lanes *L, SmValue **v, unsigned depth) {
  unsigned T = L->T;
  if (depth > 32) return false;
  SmValue *h = sm_ptrmap_get(&L->head, v[0]);
  if (h) {
    for (unsigned t = 0; t < T; t++)
      if (sm_ptrmap_get(&L->head, v[t]) != h || lane_of(L, v[t]) != t + 1) return false;
    return true;
  }
  bool same = true;
  for (unsigned t = 1; t < T; t++) same &= v[t] == v[0];
  if (same) return v[0]->type->kind == SM_TYPE_F32;
  if (v[0]->type->kind != SM_TYPE_F32) return false;
  if (v[0]->kind == SM_VALUE_BLOCK_ARG) {
    unsigned i0 = v[0]->index;
    if (v[0]->owner.block != L->body || i0 == 0 || (i0 - 1) % T) return false;
    for (unsigned t = 0; t < T; t++)
      if (v[t]->kind != SM_VALUE_BLOCK_ARG || v[t]->owner.block != L->body || v[t]->index != i0 + t ||
          sm_ptrmap_get(&L->head, v[t]))
        return false;
    for (unsigned t = 0; t < T; t++) lane_put(L, v[t], t, v[0]);
    return true;
  }
  SmOp *d[16];
  for (unsigned t = 0; t < T; t++) {
    d[t] = sm_value_defining_op(v[t]);
    if (!d[t] || d[t]->block != L->body || d[t]->num_results != 1 || v[t]->type->kind != SM_TYPE_F32 ||
        strcmp(d[t]->name, d[0]->name) || sm_ptrmap_get(&L->head, v[t]))
      return false;
    for (unsigned s = 0; s < t; s++)
      if (d[s] == d[t]) return false;
  }
  if (sm_op_name_is(d[0], "kernel.load")) {
    SmValue *buf = d[0]->operands[0].value;
    SmType *et = sm_kernel_buffer_elem(e->ctx, buf->type);
    if (!et || et->kind != SM_TYPE_F32 || sm_kernel_is_half_storage(e->ctx, buf->type)) return false;
    SmStrBuf a0 = {0}, at = {0}, want = {0}, g0 = {0}, gt = {0};
    access_text(e, d[0], &a0);
    char pre[32];
    int np = snprintf(pre, sizeof pre, "b%u[", vid(e, buf));
    bool ok = a0.data && a0.len > (size_t)np + 1 && !strncmp(a0.data, pre, (size_t)np) && a0.data[a0.len - 1] == ']';
    /* A padded load (a window past the edge) joins when its bounds check
     * reads the same for every lane: the lanes step along a dim that is
     * never out of bounds (a depthwise convolution's channels), and the
     * group loads all or nothing. */
    SmAttr *pad = sm_op_get_prop(d[0], "pad");
    if (ok && pad) {
      guard_text(e, d[0], &g0);
      ok = g0.data != NULL;
    }
    for (unsigned t = 0; ok && t < T; t++) {
      if (d[t]->operands[0].value != buf || sm_op_get_prop(d[t], "pad") != pad) ok = false;
      if (!ok || !t) continue;
      at.len = want.len = 0;
      access_text(e, d[t], &at);
      sm_strbuf_printf(&want, "%s(%.*s + %u)]", pre, (int)(a0.len - (size_t)np - 1), a0.data + np, t);
      ok = at.len == want.len && !memcmp(at.data, want.data, at.len);
      if (ok && pad) {
        gt.len = 0;
        guard_text(e, d[t], &gt);
        ok = gt.len == g0.len && !memcmp(gt.data, g0.data, g0.len);
      }
    }
    sm_strbuf_free(&a0);
    sm_strbuf_free(&at);
    sm_strbuf_free(&want);
    sm_strbuf_free(&g0);
    sm_strbuf_free(&gt);
    if (!ok) return false;
  } else if (binop(d[0]->name)) { /* f32 results: addf, subf, mulf, divf */
    for (unsigned k = 0; k < 2; k++) {
      SmValue *u[16];
      for (unsigned t = 0; t < T; t++) u[t] = d[t]->operands[k].value;
      if (!lanes_of(e, L, u, depth + 1)) return false;
    }
  } else {
    return false;
  }
  for (unsigned t = 0; t < T; t++) lane_put(L, v[t], t, v[0]);
  return true;
}

/* Every use of a group value is its own lane's: a member op of that lane,
 * or the loop's yield at that lane's position. */
static bool lane_uses_ok(Lanes *L) {
  SmOp *y = L->body->last;
  for (SmOp *o = L->body->first; o; o = o->next)
    for (unsigned r = 0; r < o->num_results; r++) {
      SmValue *v = &o->results[r];
      unsigned t = lane_of(L, v);
      if (!t) continue;
      for (SmUse *u = v->uses; u; u = u->next) {
        if (u->owner == y) {
          if (u->index % L->T != t - 1) return false;
          continue;
        }
        if (u->owner->block != L->body || u->owner->num_results != 1 || lane_of(L, &u->owner->results[0]) != t)
          return false;
      }
    }
  for (unsigned i = 1; i < L->body->num_args; i++) {
    SmValue *a = L->body->args[i];
    unsigned t = lane_of(L, a);
    if (!t) return false;
    for (SmUse *u = a->uses; u; u = u->next)
      if (u->owner == y || u->owner->block != L->body || u->owner->num_results != 1 ||
          lane_of(L, &u->owner->results[0]) != t)
        return false;
  }
  return true;
}

/* An operand of a group op: the group's vector, or the shared scalar. */
static void lane_operand(Em *e, Lanes *L, SmValue *v) {
  SmValue *h = sm_ptrmap_get(&L->head, v);
  name(e, h ? h : v);
}

static void emit_lane_op(Em *e, Lanes *L, SmOp *op) {
  SmStrBuf *o = e->o;
  ind(e);
  sm_strbuf_printf(o, "float%u ", L->T);
  name(e, &op->results[0]);
  sm_strbuf_puts(o, " = ");
  if (sm_op_name_is(op, "kernel.load")) {
    SmStrBuf a = {0};
    access_text(e, op, &a);
    char *lb = strchr(a.data, '[');
    SmAttr *pad = sm_op_get_prop(op, "pad");
    if (pad) bounds_check(e, op);
    sm_strbuf_printf(o, "vload%u(0, %.*s + %.*s)", L->T, (int)(lb - a.data), a.data, (int)(a.len - (size_t)(lb - a.data) - 2),
                     lb + 1);
    if (pad) {
      sm_strbuf_printf(o, " : (float%u)(", L->T);
      literal(e, pad);
      sm_strbuf_puts(o, ")");
    }
    sm_strbuf_free(&a);
  } else {
    lane_operand(e, L, op->operands[0].value);
    sm_strbuf_printf(o, " %s ", binop(op->name));
    lane_operand(e, L, op->operands[1].value);
  }
  sm_strbuf_puts(o, ";\n");
}

static void emit_block(Em *e, SmBlock *b);
static void emit_checked_op(Em *e, SmOp *op);
static void for_header(Em *e, SmOp *loop);

/* kernel.for op with its iteration values in lane groups of L->T when
 * they all form such groups; false (nothing written) otherwise. */
static bool emit_lane_loop(Em *e, SmOp *op) {
  SmBlock *b = op->regions[0].first;
  unsigned n = op->num_results;
  SmOp *y = b->last;
  if (!e->lanes || n < 4 || !y || !sm_op_name_is(y, "kernel.yield") || y->num_operands != n) return false;
  for (unsigned T = 16; T >= 4; T /= 2) {
    if (n % T) continue;
    Lanes L = {.T = T, .body = b};
    sm_ptrmap_init(&L.lane);
    sm_ptrmap_init(&L.head);
    bool ok = true;
    for (unsigned g = 0; ok && g < n / T; g++) {
      SmValue *v[16], *a[16];
      for (unsigned t = 0; t < T; t++) v[t] = y->operands[g * T + t].value, a[t] = b->args[1 + g * T + t];
      ok = lanes_of(e, &L, a, 0) && lanes_of(e, &L, v, 0) && sm_ptrmap_get(&L.head, v[0]);
    }
    ok = ok && lane_uses_ok(&L);
    if (ok) {
      SmStrBuf *o = e->o;
      for (unsigned g = 0; g < n / T; g++) {
        ind(e);
        sm_strbuf_printf(o, "float%u ", T);
        name(e, b->args[1 + g * T]);
        sm_strbuf_printf(o, " = (float%u)(", T);
        for (unsigned t = 0; t < T; t++) {
          if (t) sm_strbuf_puts(o, ", ");
          name(e, op->operands[g * T + t].value);
        }
        sm_strbuf_puts(o, ");\n");
      }
      for_header(e, op);
      for (SmOp *x = b->first; x && x != y && e->ok; x = x->next) {
        unsigned t = x->num_results == 1 ? lane_of(&L, &x->results[0]) : 0;
        if (t == 1) emit_lane_op(e, &L, x);
        else if (!t) emit_checked_op(e, x);
      }
      for (unsigned g = 0; g < n / T; g++) {
        ind(e);
        name(e, b->args[1 + g * T]);
        sm_strbuf_puts(o, " = ");
        lane_operand(e, &L, y->operands[g * T].value);
        sm_strbuf_puts(o, ";\n");
      }
      e->indent--;
      ind(e);
      sm_strbuf_puts(o, "}\n");
      for (unsigned i = 0; i < n; i++) {
        decl(e, &op->results[i]);
        name(e, b->args[1 + (i / T) * T]);
        sm_strbuf_printf(o, ".s%x;\n", i % T);
      }
    }
    sm_ptrmap_free(&L.lane);
    sm_ptrmap_free(&L.head);
    if (ok) return true;
  }
  return false;
}

/* `for (long iv = lower; iv < upper; iv += step) {` of a kernel.for
 * (indented, the induction variable known >= 0), the body's indentation
 * opened. A window loop (at most UNROLL_HINT_TRIPS iterations, only as
 * short loops inside; kernel-unroll leaves 4 to 8 taps, a 7x7 depthwise
 * convolution's) is marked for unrolling first: unrolled, a tile's taps
 * read overlapping input addresses that the OpenCL compiler then loads
 * once (14 loads per row of 8 points instead of 56); PoCL ran convnext's
 * 7x7 depthwise convolutions 3x faster. */
static void for_header(Em *e, SmOp *loop) {
  SmStrBuf *o = e->o;
  SmValue *iv = loop->regions[0].first->args[0];
  int64_t lo = sm_op_get_prop(loop, "lower")->integer.value, hi = sm_op_get_prop(loop, "upper")->integer.value,
          st = sm_op_get_prop(loop, "step")->integer.value;
  sm_ptrmap_put(&e->nonneg, iv, (void *)1);
  ind(e);
  if (st > 0 && hi > lo && (hi - lo + st - 1) / st <= UNROLL_HINT_TRIPS && short_loops_only(loop->regions[0].first)) {
    sm_strbuf_puts(o, "#pragma unroll\n");
    ind(e);
  }
  sm_strbuf_puts(o, "for (long ");
  name(e, iv);
  sm_strbuf_printf(o, " = %" PRId64 "; ", lo);
  name(e, iv);
  sm_strbuf_printf(o, " < %" PRId64 "; ", hi);
  name(e, iv);
  sm_strbuf_printf(o, " += %" PRId64 ") {\n", st);
  e->indent++;
}

static void emit_op(Em *e, SmOp *op) {
  SmStrBuf *o = e->o;
  const char *n = op->name;
  if (!strcmp(n, "kernel.image_read")) {
    emit_image_read(e, op);
    return;
  }
  if (!strcmp(n, "kernel.image_write")) {
    ind(e);
    sm_strbuf_printf(o, "write_imagef(b%u, (int2)((int)", vid(e, op->operands[4].value));
    name(e, op->operands[6].value);
    sm_strbuf_puts(o, ", (int)");
    name(e, op->operands[5].value);
    sm_strbuf_puts(o, "), (float4)(");
    for (unsigned i = 0; i < 4; i++) {
      if (i) sm_strbuf_puts(o, ", ");
      name(e, op->operands[i].value);
    }
    sm_strbuf_puts(o, "));\n");
    return;
  }
  if (!strcmp(n, "kernel.global_id")) {
    alias(e, &op->results[0], &op->results[0]);
    decl(e, &op->results[0]);
    sm_strbuf_puts(o, "get_global_id(0);\n");
    sm_ptrmap_put(&e->nonneg, &op->results[0], (void *)1);
    return;
  }
  if (!strcmp(n, "kernel.apply")) {
    SmAffineMap *m = sm_op_get_prop(op, "map")->map;
    SmValue *dims[32];
    bool dnn[32];
    if (op->num_operands > 32) {
      e->ok = sm_op_emit_error(op, "too many operands to emit");
      return;
    }
    for (unsigned i = 0; i < op->num_operands; i++) dims[i] = op->operands[i].value, dnn[i] = known_nonneg(e, dims[i]);
    decl(e, &op->results[0]);
    expr(e, m->results[0], dims, dnn);
    sm_strbuf_puts(o, ";\n");
    if (expr_nonneg(m->results[0], dnn)) sm_ptrmap_put(&e->nonneg, &op->results[0], (void *)1);
    return;
  }
  if (!strcmp(n, "kernel.load")) {
    SmValue *r = &op->results[0];
    bool is_bool = r->type->kind == SM_TYPE_INTEGER && r->type->integer.width == 1;
    decl(e, r);
    SmAttr *pad = sm_op_get_prop(op, "pad");
    if (pad) bounds_check(e, op);
    if (is_bool) sm_strbuf_puts(o, "(int)(");
    if (sm_kernel_is_half_storage(e->ctx, op->operands[0].value->type)) half_access(e, op, 1, "vload_half(", NULL);
    else emit_access(e, op, 1, op->operands[0].value);
    if (is_bool) sm_strbuf_puts(o, " != 0)");
    if (pad) {
      sm_strbuf_puts(o, " : ");
      literal(e, pad);
    }
    sm_strbuf_puts(o, ";\n");
    return;
  }
  if (!strcmp(n, "kernel.store")) {
    SmValue *v = op->operands[0].value;
    ind(e);
    if (sm_kernel_is_half_storage(e->ctx, op->operands[1].value->type)) {
      half_access(e, op, 2, "vstore_half(", v);
      sm_strbuf_puts(o, ";\n");
      return;
    }
    emit_access(e, op, 2, op->operands[1].value);
    sm_strbuf_printf(o, " = (%s)", ctype(v->type, true));
    name(e, v);
    sm_strbuf_puts(o, ";\n");
    return;
  }
  if (!strcmp(n, "kernel.group_id")) {
    decl(e, &op->results[0]);
    sm_strbuf_puts(o, "get_group_id(0);\n");
    sm_ptrmap_put(&e->nonneg, &op->results[0], (void *)1);
    return;
  }
  if (!strcmp(n, "kernel.group_reduce") || !strcmp(n, "kernel.group_for")) {
    emit_group_loop(e, op);
    return;
  }
  if (!strcmp(n, "kernel.for")) {
    SmBlock *b = op->regions[0].first;
    if (emit_lane_loop(e, op)) return;
    for (unsigned i = 0; i < op->num_results; i++) {
      decl(e, &op->results[i]);
      name(e, op->operands[i].value);
      sm_strbuf_puts(o, ";\n");
      alias(e, b->args[i + 1], &op->results[i]);
    }
    for_header(e, op);
    emit_block(e, b);
    SmOp *y = b->last;
    for (unsigned i = 0; i < y->num_operands; i++) {
      ind(e);
      name(e, &op->results[i]);
      sm_strbuf_puts(o, " = ");
      name(e, y->operands[i].value);
      sm_strbuf_puts(o, ";\n");
    }
    e->indent--;
    ind(e);
    sm_strbuf_puts(o, "}\n");
    return;
  }
  if (!strcmp(n, "kernel.yield")) return; /* handled by kernel.for */
  if (!strcmp(n, "arith.constant")) {
    SmAttr *cv = sm_op_get_prop(op, "value");
    if (cv->kind == SM_ATTR_INTEGER && cv->integer.value >= 0) sm_ptrmap_put(&e->nonneg, &op->results[0], (void *)1);
    decl(e, &op->results[0]);
    literal(e, cv);
    sm_strbuf_puts(o, ";\n");
    return;
  }
  SmValue *r = op->num_results ? &op->results[0] : NULL;
  /* arith.maximumf/minimumf propagate NaN (as ONNX Max/Min/Relu/Clip do);
   * OpenCL's fmax/fmin return the other operand. Written as two selects,
   * isnan(a) ? a : (!(b <= a) ? b : a): a NaN b fails the comparison and is
   * taken; every step has a vector form (compare, blend), where fmax is a
   * library call on PoCL (squeezenet's 3x3 MaxPool: 2-3x faster). */
  if (r && op->num_operands == 2 && (!strcmp(n, "arith.maximumf") || !strcmp(n, "arith.minimumf"))) {
    SmValue *a = op->operands[0].value, *b = op->operands[1].value;
    decl(e, r);
    sm_strbuf_puts(o, "isnan(");
    name(e, a);
    sm_strbuf_puts(o, ") ? ");
    name(e, a);
    sm_strbuf_puts(o, " : (!(");
    name(e, b);
    sm_strbuf_puts(o, n[7] == 'a' ? " <= " : " >= ");
    name(e, a);
    sm_strbuf_puts(o, ") ? ");
    name(e, b);
    sm_strbuf_puts(o, " : ");
    name(e, a);
    sm_strbuf_puts(o, ");\n");
    return;
  }
  /* tanh(+-inf) is +-1 exactly (PoCL's tanh is not at the infinities). */
  if (r && op->num_operands == 1 && !strcmp(n, "math.tanh")) {
    SmValue *a = op->operands[0].value;
    decl(e, r);
    sm_strbuf_puts(o, "isinf(");
    name(e, a);
    sm_strbuf_puts(o, ") ? copysign(1.0f, ");
    name(e, a);
    sm_strbuf_puts(o, ") : tanh(");
    name(e, a);
    sm_strbuf_puts(o, ");\n");
    return;
  }
  /* pow(x, c) with a constant c of 2, 3 or 4 is multiplied out: PoCL's pow
   * and pown cost about 50 multiplies (16K elements: 0.94 ms against 0.02
   * ms, pyopencl on this 2-core EPYC, 2026-12-07), and GPT-2's GELU is
   * pow(x, 3). The product differs from a correctly rounded pow by about
   * one ulp at most and agrees on special values (-0, +-inf, NaN, overflow). */
  if (r && !strcmp(n, "math.powf") && r->type->kind == SM_TYPE_F32 && op->num_operands == 2) {
    SmOp *d = sm_value_defining_op(op->operands[1].value);
    SmAttr *a = d && sm_op_name_is(d, "arith.constant") ? sm_op_get_attr(d, "value") : NULL;
    if (a && a->kind == SM_ATTR_FLOAT && (a->fp.value == 2.0 || a->fp.value == 3.0 || a->fp.value == 4.0)) {
      decl(e, r);
      for (int i = 0; i < (int)a->fp.value; i++) {
        if (i) sm_strbuf_puts(o, " * ");
        name(e, op->operands[0].value);
      }
      sm_strbuf_puts(o, ";\n");
      return;
    }
  }
  const char *bo = binop(n), *co = callop(n);
  if (r && !strcmp(n, "math.erf") && r->type->kind == SM_TYPE_F32) co = "sm_erff";
  /* i1 values live in ints: add/sub/mul must stay modulo 2 (MLIR: 1 + 1 = 0),
   * so they are xor and and. */
  if (bo && r && sm_type_is_integer(r->type) && sm_type_bitwidth(r->type) == 1) {
    if (!strcmp(n, "arith.addi") || !strcmp(n, "arith.subi")) bo = "^";
    else if (!strcmp(n, "arith.muli")) bo = "&";
  }
  if (r && (bo || co) && op->num_operands >= 1) {
    decl(e, r);
    if (bo) {
      name(e, op->operands[0].value);
      sm_strbuf_printf(o, " %s ", bo);
      name(e, op->operands[1].value);
    } else {
      sm_strbuf_printf(o, "%s(", co);
      for (unsigned i = 0; i < op->num_operands; i++) {
        if (i) sm_strbuf_puts(o, ", ");
        name(e, op->operands[i].value);
      }
      sm_strbuf_puts(o, ")");
    }
    sm_strbuf_puts(o, ";\n");
    /* Clamped tile indices stay known non-negative (plain / and %). */
    if ((!strcmp(n, "arith.minsi") && known_nonneg(e, op->operands[0].value) && known_nonneg(e, op->operands[1].value)) ||
        (!strcmp(n, "arith.maxsi") && (known_nonneg(e, op->operands[0].value) || known_nonneg(e, op->operands[1].value))))
      sm_ptrmap_put(&e->nonneg, r, (void *)1);
    return;
  }
  if (r && !strcmp(n, "arith.negf")) {
    decl(e, r);
    sm_strbuf_puts(o, "-");
    name(e, op->operands[0].value);
    sm_strbuf_puts(o, ";\n");
    return;
  }
  if (r && !strcmp(n, "arith.select")) {
    decl(e, r);
    name(e, op->operands[0].value);
    sm_strbuf_puts(o, " ? ");
    name(e, op->operands[1].value);
    sm_strbuf_puts(o, " : ");
    name(e, op->operands[2].value);
    sm_strbuf_puts(o, ";\n");
    return;
  }
  if (r && (!strcmp(n, "arith.cmpf") || !strcmp(n, "arith.cmpi"))) {
    int64_t p = sm_op_get_prop(op, "predicate")->integer.value;
    bool f = n[9] == 'f'; /* arith.cmpf */
    static const char *const fops[16] = {"0", "==", ">", ">=", "<", "<=", "!=", "ord", "==", ">", ">=", "<", "<=", "!=", "uno", "1"};
    static const char *const iops[10] = {"==", "!=", "<", "<=", ">", ">=", "<", "<=", ">", ">="};
    SmValue *a = op->operands[0].value, *b = op->operands[1].value;
    decl(e, r);
    if ((f && (p < 0 || p > 15)) || (!f && (p < 0 || p > 9))) {
      e->ok = sm_op_emit_error(op, "unknown predicate");
      return;
    }
    const char *s = f ? fops[p] : iops[p];
    if (f && (p == 0 || p == 15)) sm_strbuf_puts(o, s);
    else if (f && (p == 7 || p == 14)) {
      sm_strbuf_puts(o, p == 7 ? "!(isnan(" : "(isnan(");
      name(e, a);
      sm_strbuf_puts(o, ") || isnan(");
      name(e, b);
      sm_strbuf_puts(o, "))");
    } else {
      bool unord = f && p >= 8 && p <= 13, uns = !f && p >= 6;
      if (unord) {
        sm_strbuf_puts(o, "(isnan(");
        name(e, a);
        sm_strbuf_puts(o, ") || isnan(");
        name(e, b);
        sm_strbuf_puts(o, ") || ");
      } else {
        sm_strbuf_puts(o, "(");
      }
      if (uns) sm_strbuf_puts(o, "(ulong)");
      name(e, a);
      sm_strbuf_printf(o, " %s ", s);
      if (uns) sm_strbuf_puts(o, "(ulong)");
      name(e, b);
      sm_strbuf_puts(o, ")");
    }
    sm_strbuf_puts(o, ";\n");
    return;
  }
  if (r && sm_kernel_is_held_narrow(op)) { /* f16/bf16 held in a float: see narrow_preamble */
    ind(e);
    sm_strbuf_puts(o, "float ");
    name(e, r);
    sm_strbuf_puts(o, r->type->kind == SM_TYPE_F16 ? " = sm_round_f16(" : " = sm_round_bf16(");
    name(e, op->operands[0].value);
    sm_strbuf_puts(o, ");\n");
    return;
  }
  static const char *const casts[] = {"arith.sitofp", "arith.uitofp", "arith.fptosi", "arith.fptoui", "arith.extf",
                                      "arith.truncf", "arith.extsi", "arith.extui", "arith.trunci", "arith.index_cast",
                                      "arith.index_castui"};
  for (size_t i = 0; r && i < sizeof casts / sizeof casts[0]; i++)
    if (!strcmp(n, casts[i])) {
      const char *ct = ctype(r->type, false);
      decl(e, r);
      if (r->type->kind == SM_TYPE_INTEGER && r->type->integer.width == 1) {
        sm_strbuf_puts(o, "(");
        name(e, op->operands[0].value);
        sm_strbuf_puts(o, " & 1)");
      } else {
        sm_strbuf_printf(o, "(%s)", ct);
        name(e, op->operands[0].value);
      }
      sm_strbuf_puts(o, ";\n");
      return;
    }
  e->ok = sm_op_emit_error(op, "cannot be emitted as OpenCL C");
}

static void emit_checked_op(Em *e, SmOp *op) {
  if (sm_kernel_is_narrow_float(op->num_results ? op->results[0].type : NULL) && !sm_kernel_is_held_narrow(op)) {
    e->ok = sm_op_emit_error(op, "f16/bf16 arithmetic is not supported by the OpenCL emitter (only a truncf whose "
                                 "users all extf it back)");
    return;
  }
  for (unsigned i = 0; i < op->num_results; i++)
    if (!ctype(op->results[i].type, false) && !sm_kernel_is_held_narrow(op)) {
      e->ok = sm_op_emit_error(op, "result type is not supported by the OpenCL emitter");
      return;
    }
  emit_op(e, op);
}

static void emit_block(Em *e, SmBlock *b) {
  for (SmOp *op = b->first; op && e->ok; op = op->next) emit_checked_op(e, op);
}

static bool emit_kernel(Em *e, SmOp *kf) {
  SmStrBuf *o = e->o;
  const char *nm = sm_op_symbol_name(kf);
  SmBlock *b = kf->regions[0].first;
  int64_t wi = sm_op_get_prop(kf, "work_items")->integer.value;
  SmAttr *gs = sm_op_get_prop(kf, "group_size");
  e->group = gs ? gs->integer.value : 0;
  if (e->group) sm_strbuf_printf(o, "\n__kernel __attribute__((reqd_work_group_size(%" PRId64 ", 1, 1))) void %s(", e->group, nm);
  else sm_strbuf_printf(o, "\n__kernel void %s(", nm);
  /* The last argument is written; the others are read. */
  for (unsigned i = 0; i < b->num_args; i++) {
    if (sm_kernel_image_elem(e->ctx, b->args[i]->type)) {
      bool written = false;
      for (SmUse *u = b->args[i]->uses; u; u = u->next)
        if (sm_op_name_is(u->owner, "kernel.image_write")) written = true;
      sm_strbuf_printf(o, "%s%s image2d_t b%u", i ? ", " : "", written ? "__write_only" : "__read_only", vid(e, b->args[i]));
      continue;
    }
    SmType *et = sm_kernel_buffer_elem(e->ctx, b->args[i]->type);
    const char *ct = sm_kernel_is_half_storage(e->ctx, b->args[i]->type) ? "half" : ctype(et, true);
    if (!ct) return sm_op_emit_error(kf, "buffer element type is not supported by the OpenCL emitter");
    bool written = false;
    for (SmUse *u = b->args[i]->uses; u; u = u->next)
      if (sm_op_name_is(u->owner, "kernel.store")) written = true;
    sm_strbuf_printf(o, "%s__global %s%s *restrict b%u", i ? ", " : "", written ? "" : "const ", ct, vid(e, b->args[i]));
  }
  sm_strbuf_puts(o, ") {\n");
  e->indent = 1;
  if (e->group) {
    /* Launched as exactly work_items groups: no early return (barriers). */
    bool types[2] = {false, false};
    for (SmOp *op = b->first; op; op = op->next)
      if (sm_op_name_is(op, "kernel.group_reduce")) types[op->results[0].type->kind == SM_TYPE_F64] = true;
    sm_strbuf_puts(o, "  const long sm_lid = get_local_id(0);\n");
    for (int t = 0; t < 2; t++)
      if (types[t]) sm_strbuf_printf(o, "  __local %s sm_red_%s[%" PRId64 "];\n", t ? "double" : "float", t ? "double" : "float", e->group);
  } else if (wi % 64) {
    /* Launched as work_items rounded up to a multiple of 64 (the runtime's
     * default group size): the guard is only needed when that adds
     * work-items, and leaving it out lets a CPU driver (PoCL) vectorize
     * across work-items. */
    sm_strbuf_printf(o, "  if (get_global_id(0) >= %" PRId64 ") return;\n", wi);
  }
  emit_block(e, b);
  sm_strbuf_puts(o, "}\n");
  return e->ok;
}

static const char *dtype_name(SmType *et) {
  SmDType dt;
  if (!sm_dtype_from_type(et, &dt)) return NULL;
  switch (dt) {
  case SM_DT_F32: return "f32";
  case SM_DT_F64: return "f64";
  case SM_DT_I64: return "i64";
  case SM_DT_I32: return "i32";
  case SM_DT_I8: return "i8";
  case SM_DT_U8: return "u8";
  case SM_DT_BOOL: return "bool";
  }
  return NULL;
}

static void tensor_line(SmStrBuf *p, const char *what, unsigned buf, int64_t index, SmType *t) {
  sm_strbuf_printf(p, "%s %u %" PRId64 " %s %u", what, buf, index, dtype_name(t->shaped.elem), t->shaped.rank);
  for (unsigned d = 0; d < t->shaped.rank; d++) sm_strbuf_printf(p, " %" PRId64, t->shaped.dims[d]);
  sm_strbuf_puts(p, "\n");
}

/* " image W H LOC MAP" after the plan line of an image-layout tensor: the
 * runtime checks W x H against the device, names LOC (file:line:col, "-"
 * when unknown) in errors and converts through MAP on the host. */
static bool image_suffix(SmContext *ctx, SmStrBuf *p, SmOp *op, SmType *t) {
  int64_t w, h;
  if (!sm_kernel_image_size(ctx, op->loc, t, &w, &h)) return false;
  if (!w) return true;
  SmLayout l;
  sm_layout_of_type(ctx, t, &l);
  sm_strbuf_printf(p, " image %" PRId64 " %" PRId64 " ", w, h);
  SmLoc *fl = sm_loc_find_file(op->loc);
  if (fl && !strpbrk(fl->file.file, " \t\n")) sm_strbuf_printf(p, "%s:%u:%u ", fl->file.file, fl->file.line, fl->file.col);
  else sm_strbuf_puts(p, "- ");
  sm_attr_print(sm_attr_affine_map(ctx, l.map), p);
  return true;
}

/* Bytes of a kernel.alloc: images w * h RGBA pixels of f32 or half (half
 * storage), buffers their elements (half storage: 2 bytes each). */
static int64_t alloc_bytes(SmContext *ctx, SmOp *op, SmType *t, int64_t w, int64_t h) {
  int64_t eb = (int64_t)sm_kernel_stored_elem_bytes(ctx, op->results[0].type);
  return w ? w * h * 4 * eb : sm_type_num_elements(t) * eb;
}

static bool emit_host(SmContext *ctx, SmOp *host, SmOpenCLProgram *out) {
  SmStrBuf *p = &out->plan;
  SmBlock *b = host->regions[0].first;
  SmPtrMap ids;
  sm_ptrmap_init(&ids);
  unsigned next = 0;
  bool ok = true;
  sm_strbuf_puts(p, "smartmem-plan 1\n");
  SmAttr *sb = sm_op_get_attr(host, "slot_bytes");
  unsigned nslots = 0;
  bool planned = sb && sb->kind == SM_ATTR_DENSE_ARRAY;
  if (planned) nslots = sb->dense_array.count;
  else
    for (SmOp *op = b ? b->first : NULL; op; op = op->next)
      if (sm_op_name_is(op, "kernel.alloc")) op->scratch = nslots++; /* no plan: one slot per alloc */
  /* Per slot: bytes, the pixel size of image slots (0 for buffers) and
   * whether its pixels are half (CL_HALF_FLOAT). */
  int64_t *slot_info = calloc(nslots ? 4 * (size_t)nslots : 1, sizeof *slot_info);
  if (!slot_info) return sm_op_emit_error(host, "out of memory");
  for (unsigned s = 0; planned && s < nslots; s++) slot_info[4 * s] = sm_attr_dense_array_get_i64(sb, s);
  for (SmOp *op = b ? b->first : NULL; op && ok; op = op->next) {
    if (!sm_op_name_is(op, "kernel.alloc")) continue;
    SmType *t = sm_op_get_prop(op, "type")->type;
    SmAttr *slot = sm_op_get_prop(op, "slot");
    int64_t s = slot ? slot->integer.value : (int64_t)op->scratch, w, h;
    if (s < 0 || s >= (int64_t)nslots) {
      ok = sm_op_emit_error(op, "slot %" PRId64 " is out of range", s);
      break;
    }
    int64_t half = sm_kernel_is_half_storage(ctx, op->results[0].type);
    if (!sm_kernel_image_size(ctx, op->loc, t, &w, &h)) ok = false;
    else if (w && slot_info[4 * s + 1] &&
             (slot_info[4 * s + 1] != w || slot_info[4 * s + 2] != h || slot_info[4 * s + 3] != half))
      ok = sm_op_emit_error(op, "image slot %" PRId64 " holds images of different sizes or channel types", s);
    else if (w) slot_info[4 * s + 1] = w, slot_info[4 * s + 2] = h, slot_info[4 * s + 3] = half;
    if (!planned) slot_info[4 * s] = alloc_bytes(ctx, op, t, w, h);
  }
  for (unsigned s = 0; ok && s < nslots; s++) {
    sm_strbuf_printf(p, "slot %u %" PRId64, s, slot_info[4 * s]);
    if (slot_info[4 * s + 1]) sm_strbuf_printf(p, " image %" PRId64 " %" PRId64, slot_info[4 * s + 1], slot_info[4 * s + 2]);
    if (slot_info[4 * s + 1] && slot_info[4 * s + 3]) sm_strbuf_puts(p, " half");
    sm_strbuf_puts(p, "\n");
  }
  free(slot_info);
  for (SmOp *op = b ? b->first : NULL; op && ok; op = op->next) {
    if (op->num_results) sm_ptrmap_put(&ids, &op->results[0], (void *)(uintptr_t)(++next));
    unsigned id = next - 1;
    if (sm_op_name_is(op, "kernel.input")) {
      SmType *t = sm_op_get_prop(op, "type")->type;
      if (!dtype_name(t->shaped.elem)) ok = sm_op_emit_error(op, "unsupported element type");
      else {
        tensor_line(p, "input", id, sm_op_get_prop(op, "index")->integer.value, t);
        p->len--; /* before the newline: the image suffix */
        ok = image_suffix(ctx, p, op, t);
        sm_strbuf_puts(p, "\n");
      }
    } else if (sm_op_name_is(op, "kernel.weight")) {
      SmTensor t;
      if (!sm_tensor_from_attr(ctx, op->loc, sm_op_get_prop(op, "value"), &t)) {
        ok = false;
        break;
      }
      size_t nb = sm_tensor_nbytes(&t);
      while (out->weights.len % 64) sm_strbuf_append(&out->weights, "", 1);
      sm_strbuf_printf(p, "weight %u %zu %zu\n", id, out->weights.len, nb);
      sm_strbuf_append(&out->weights, t.data, nb);
      sm_tensor_free(&t);
    } else if (sm_op_name_is(op, "kernel.alloc")) {
      SmType *t = sm_op_get_prop(op, "type")->type;
      SmAttr *slot = sm_op_get_prop(op, "slot");
      int64_t s = slot ? slot->integer.value : (int64_t)op->scratch;
      int64_t w, h;
      if (!sm_kernel_image_size(ctx, op->loc, t, &w, &h)) {
        ok = false;
        break;
      }
      sm_strbuf_printf(p, "alloc %u %" PRId64 " %" PRId64, id, s, alloc_bytes(ctx, op, t, w, h));
      ok = image_suffix(ctx, p, op, t);
      sm_strbuf_puts(p, "\n");
    } else if (sm_op_name_is(op, "kernel.launch")) {
      SmAttr *c = sm_op_get_prop(op, "callee");
      sm_strbuf_printf(p, "launch %s %" PRId64 " %u", c->symref.root, sm_op_get_prop(op, "work_items")->integer.value,
                       op->num_operands);
      for (unsigned i = 0; i < op->num_operands; i++)
        sm_strbuf_printf(p, " %u", (unsigned)(uintptr_t)sm_ptrmap_get(&ids, op->operands[i].value) - 1);
      SmOp *kf = sm_symbol_lookup_from(op, c);
      SmAttr *gs = kf ? sm_op_get_prop(kf, "group_size") : NULL;
      if (gs)
        sm_strbuf_printf(p, " grid %" PRId64 " local %" PRId64,
                         sm_op_get_prop(op, "work_items")->integer.value * gs->integer.value, gs->integer.value);
      sm_strbuf_puts(p, "\n");
      out->num_launches++;
    } else if (sm_op_name_is(op, "kernel.output")) {
      SmValue *v = op->operands[0].value;
      SmOp *d = sm_value_defining_op(v);
      SmAttr *ta = d ? sm_op_get_prop(d, "type") : NULL;
      if (!ta) ok = sm_op_emit_error(op, "output buffer has no tensor type");
      else tensor_line(p, "output", (unsigned)(uintptr_t)sm_ptrmap_get(&ids, v) - 1, sm_op_get_prop(op, "index")->integer.value, ta->type);
    } else {
      ok = sm_op_emit_error(op, "unexpected op in kernel.host");
    }
  }
  sm_ptrmap_free(&ids);
  return ok;
}

static const char preamble[] =
    "/* Generated by smartmem (OpenCL C 1.2). */\n"
    "static inline long sm_floordiv(long a, long b) { long q = a / b; return (q * b > a) ? q - 1 : q; }\n"
    "static inline long sm_ceildiv(long a, long b) { return -sm_floordiv(-a, b); }\n"
    "static inline long sm_mod(long a, long b) { long r = a % b; return r < 0 ? r + b : r; }\n"
    /* erf of a float without a library call, which a CPU driver (PoCL)
     * calls once per element instead of vectorizing: Eigen's rational
     * approximation on [-4, 4] (erf(+-4) rounds to +-1 in float), within
     * 5e-7 of erf everywhere; NaN stays NaN. */
    "static inline float sm_erff(float x) {\n"
    "  float c = clamp(x, -4.0f, 4.0f), c2 = c * c;\n"
    "  float p = -2.72614225801306e-10f;\n"
    "  p = p * c2 + 2.77068142495902e-08f; p = p * c2 - 2.10102402082508e-06f; p = p * c2 - 5.69250639462346e-05f;\n"
    "  p = p * c2 - 7.34990630326855e-04f; p = p * c2 - 2.95459980854025e-03f; p = p * c2 - 1.60960333262415e-02f;\n"
    "  float q = -1.45660718464996e-05f;\n"
    "  q = q * c2 - 2.13374055278905e-04f; q = q * c2 - 1.68282697438203e-03f; q = q * c2 - 7.37332916720468e-03f;\n"
    "  q = q * c2 - 1.42647390514189e-02f;\n"
    "  return isnan(x) ? x : c * p / q;\n"
    "}\n";

static const char image_preamble[] =
    "__constant sampler_t sm_sampler = CLK_NORMALIZED_COORDS_FALSE | CLK_ADDRESS_CLAMP_TO_EDGE | CLK_FILTER_NEAREST;\n"
    "static inline float sm_lane(float4 p, long lane) { return lane == 0 ? p.x : lane == 1 ? p.y : lane == 2 ? p.z : p.w; }\n";

/* Round to nearest even, as arith.truncf to f16/bf16 (ONNX Cast), held in a
 * float. f16 without cl_khr_fp16: scale by the inverse of the half quantum at
 * the value's exponent (2^-24 for half subnormals), rint, scale back (every
 * step exact); 65520 and above (the tie past 65504) is inf. bf16: the upper
 * half of the bits, rounded. NaN stays NaN. */
static const char narrow_preamble[] =
    "static inline float sm_round_f16(float x) {\n"
    "  float a = fabs(x);\n"
    "  uint e = max(as_uint(a) >> 23, 113u);\n"
    "  float r = rint(a * as_float((264u - e) << 23)) * as_float((e - 10u) << 23);\n"
    "  return isnan(x) ? x : copysign(a < 65520.0f ? r : INFINITY, x);\n"
    "}\n"
    "static inline float sm_round_bf16(float x) {\n"
    "  uint u = as_uint(x);\n"
    "  return isnan(x) ? x : as_float((u + 0x7fffu + ((u >> 16) & 1u)) & 0xffff0000u);\n"
    "}\n";

static SmWalkResult find_held_narrow(SmOp *op, void *user) {
  (void)user;
  return sm_kernel_is_held_narrow(op) ? SM_WALK_INTERRUPT : SM_WALK_ADVANCE;
}

static bool uses_narrow(SmBlock *b) {
  for (SmOp *op = b ? b->first : NULL; op; op = op->next)
    if (sm_op_name_is(op, "kernel.func") && sm_op_walk(op, SM_WALK_PRE, find_held_narrow, NULL) == SM_WALK_INTERRUPT)
      return true;
  return false;
}

static bool uses_images(SmContext *ctx, SmBlock *b) {
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) {
    SmBlock *kb = sm_op_name_is(op, "kernel.func") ? op->regions[0].first : NULL;
    for (unsigned i = 0; kb && i < kb->num_args; i++)
      if (sm_kernel_image_elem(ctx, kb->args[i]->type)) return true;
  }
  return false;
}

/* The plan and weights, and the OpenCL C of the kernels when `kernels`. */
static bool emit_program(SmOp *module, SmOpenCLProgram *out, bool kernels) {
  memset(out, 0, sizeof *out);
  SmContext *ctx = sm_op_context(module);
  SmBlock *b = module->regions[0].first;
  Em e = {.ctx = ctx, .o = &out->source, .ok = true};
  if (kernels && !sm_kernel_fastest_blocked(module, &e.lanes)) return false;
  sm_ptrmap_init(&e.names);
  sm_ptrmap_init(&e.nonneg);
  if (kernels) sm_strbuf_puts(&out->source, preamble);
  if (kernels && uses_images(ctx, b)) sm_strbuf_puts(&out->source, image_preamble);
  if (kernels && uses_narrow(b)) sm_strbuf_puts(&out->source, narrow_preamble);
  SmOp *host = NULL;
  for (SmOp *op = b ? b->first : NULL; op && e.ok; op = op->next) {
    if (sm_op_name_is(op, "kernel.func")) {
      e.next = 0;
      sm_ptrmap_clear(&e.names);
      sm_ptrmap_clear(&e.nonneg);
      if (kernels && !emit_kernel(&e, op)) e.ok = false;
      out->num_kernels++;
    } else if (sm_op_name_is(op, "kernel.host")) {
      if (host) e.ok = sm_op_emit_error(op, "only one kernel.host per module is supported");
      host = op;
    }
  }
  sm_ptrmap_free(&e.names);
  sm_ptrmap_free(&e.nonneg);
  if (e.ok && !host) e.ok = sm_emit_error(ctx, module->loc, "module has no kernel.host plan (run convert-layout-to-kernel)");
  if (e.ok) e.ok = emit_host(ctx, host, out);
  if (!e.ok) sm_opencl_program_free(out);
  return e.ok;
}

bool sm_opencl_emit(SmOp *module, SmOpenCLProgram *out) { return emit_program(module, out, true); }

bool sm_opencl_emit_plan(SmOp *module, SmOpenCLProgram *out) { return emit_program(module, out, false); }

void sm_opencl_program_free(SmOpenCLProgram *p) {
  sm_strbuf_free(&p->source);
  sm_strbuf_free(&p->plan);
  sm_strbuf_free(&p->weights);
  memset(p, 0, sizeof *p);
}
