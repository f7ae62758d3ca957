/* graph dialect: folders and canonicalization patterns.
 *
 * Canonical forms: squeeze, unsqueeze and flatten become reshape; a reshape
 * has an explicit target shape (no 0 / -1) and reads a non-reshape; a
 * transpose reads a non-transpose; no-op ops (identity, same-shape reshape,
 * identity permutation, same-type cast, ...) are gone. Ops whose operands
 * are all constants fold to constants when the result is a splat or small
 * (dense elements are written inline in the text: large folded tensors
 * would bloat it; weights stay dense_resource blobs, which reshape-like ops
 * retype without copying).
 */
#include "dialects/graph/graph_internal.h"
#include "ir/rewrite.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Non-splat folded results with more elements than this stay ops. */
#define FOLD_MAX_ELEMS 4096

/* ---- Helpers -------------------------------------------------------------- */

static SmValue *operand(SmOp *op, unsigned i) { return op->operands[i].value; }
static SmType *res_type(SmOp *op) { return op->results[0].type; }

static bool is_dense(const SmAttr *a) { return a && a->kind == SM_ATTR_DENSE_ELEMENTS; }

static SmOp *def_named(SmValue *v, const char *name) {
  SmOp *d = sm_value_defining_op(v);
  return d && sm_op_name_is(d, name) ? d : NULL;
}

static bool static_tensor(const SmType *t) {
  if (!t || t->kind != SM_TYPE_TENSOR || t->shaped.rank > GRAPH_MAX_RANK) return false;
  for (unsigned d = 0; d < t->shaped.rank; d++)
    if (t->shaped.dims[d] < 0) return false;
  return true;
}

/* Element types whose dense data the folders can write. */
static bool elem_supported(const SmType *e) {
  if (e->kind == SM_TYPE_F32 || e->kind == SM_TYPE_F64) return true;
  if (e->kind != SM_TYPE_INTEGER) return false;
  unsigned w = e->integer.width;
  return w == 1 || w == 8 || w == 16 || w == 32 || w == 64;
}

static bool foldable_elems(const SmType *t) { return static_tensor(t) && elem_supported(t->shaped.elem); }

static void write_elem(unsigned char *p, const SmType *e, double fv, int64_t iv) {
  if (e->kind == SM_TYPE_F32) {
    float f = (float)fv;
    memcpy(p, &f, 4);
    return;
  }
  if (e->kind == SM_TYPE_F64) {
    memcpy(p, &fv, 8);
    return;
  }
  size_t sz = sm_dense_elem_size(e);
  uint64_t u = e->integer.width == 1 ? (uint64_t)(iv != 0) : (uint64_t)iv;
  for (size_t b = 0; b < sz; b++) p[b] = (unsigned char)(u >> (8 * b));
}

/* Float-to-integer conversion without UB (NaN -> 0, saturating). */
static int64_t f64_to_i64(double d) {
  if (!(d == d)) return 0;
  if (d >= 9223372036854775807.0) return INT64_MAX;
  if (d <= -9223372036854775808.0) return INT64_MIN;
  return (int64_t)d;
}

/* A dense attribute of `type` from n values (doubles for float element
 * types, int64 otherwise); a splat when all are equal. NULL when too big. */
static SmAttr *make_dense(SmContext *ctx, SmType *type, int64_t n, const double *fv,
                          const int64_t *iv) {
  SmType *e = type->shaped.elem;
  bool fl = sm_type_is_float(e);
  bool splat = true;
  for (int64_t i = 1; i < n && splat; i++)
    splat = fl ? memcmp(&fv[i], &fv[0], sizeof(double)) == 0 : iv[i] == iv[0];
  if (!splat && n > FOLD_MAX_ELEMS) return NULL;
  size_t es = sm_dense_elem_size(e), count = splat ? 1 : (size_t)n;
  unsigned char small[64];
  unsigned char *buf = count * es <= sizeof small ? small : malloc(count * es);
  if (!buf) return NULL;
  for (size_t i = 0; i < count; i++)
    write_elem(buf + i * es, e, fl ? fv[i] : 0, fl ? 0 : iv[i]);
  SmAttr *a = n == 0 ? sm_attr_dense(ctx, type, false, NULL, 0)
                     : sm_attr_dense(ctx, type, splat, buf, count * es);
  if (buf != small) free(buf);
  return a;
}

/* The same elements (row-major order kept) under a new static type: a
 * reshape of a constant. Resource blobs are retyped, not copied. */
static SmAttr *retype_const(SmContext *ctx, const SmAttr *a, SmType *type) {
  if (!a || !static_tensor(type)) return NULL;
  if (a->kind == SM_ATTR_DENSE_RESOURCE) {
    if (a->resource.type->shaped.elem != type->shaped.elem) return NULL;
    return sm_attr_dense_resource(ctx, a->resource.name, type);
  }
  if (!is_dense(a) || a->dense.type->shaped.elem != type->shaped.elem) return NULL;
  if (sm_type_num_elements(a->dense.type) != sm_type_num_elements(type)) return NULL;
  return sm_attr_dense(ctx, type, a->dense.splat, a->dense.data, a->dense.size);
}

/* Values of a dense attribute (or of a splat) read into doubles/ints. */
typedef struct Vals {
  int64_t n;
  double *f;
  int64_t *i;
} Vals;

/* A splat reads one element (callers index it at 0). */
static bool vals_read(Vals *v, const SmAttr *a, bool as_float) {
  v->n = a->dense.splat ? 1 : sm_attr_dense_num_elements(a);
  v->f = NULL;
  v->i = NULL;
  size_t n = v->n > 0 ? (size_t)v->n : 1;
  if (as_float) v->f = malloc(n * sizeof *v->f);
  else v->i = malloc(n * sizeof *v->i);
  if (!v->f && !v->i) return false;
  for (int64_t k = 0; k < v->n; k++) {
    if (as_float) v->f[k] = sm_attr_dense_get_f64(a, k);
    else v->i[k] = sm_attr_dense_get_i64(a, k);
  }
  return true;
}

static void vals_free(Vals *v) {
  free(v->f);
  free(v->i);
}

/* Linear index into an operand of shape (r, dims) broadcast to out shape,
 * for output coordinate coord. */
static int64_t bcast_index(unsigned r, const int64_t *dims, unsigned ro, const int64_t *coord) {
  int64_t idx = 0;
  for (unsigned d = 0; d < r; d++) {
    int64_t c = coord[ro - r + d];
    idx = idx * dims[d] + (dims[d] == 1 ? 0 : c);
  }
  return idx;
}

static void coord_of(int64_t lin, unsigned r, const int64_t *dims, int64_t *coord) {
  for (unsigned d = r; d-- > 0;) {
    coord[d] = dims[d] ? lin % dims[d] : 0;
    lin = dims[d] ? lin / dims[d] : 0;
  }
}

/* Every operand constant and dense (inline), and the result foldable: n
 * result elements; *all_splat when every operand is a splat. */
static bool const_operands(SmOp *op, SmAttr *const *cst, int64_t *n, bool *all_splat) {
  if (op->num_results != 1 || !foldable_elems(res_type(op))) return false;
  *all_splat = true;
  for (unsigned i = 0; i < op->num_operands; i++) {
    if (!is_dense(cst[i]) || !foldable_elems(cst[i]->dense.type)) return false;
    *all_splat = *all_splat && cst[i]->dense.splat;
  }
  *n = sm_type_num_elements(res_type(op));
  return *all_splat || *n <= FOLD_MAX_ELEMS;
}

/* ---- Element-wise constant folding ----------------------------------------- */

typedef enum UOp {
  U_ABS, U_CEIL, U_FLOOR, U_ERF, U_EXP, U_LOG, U_NEG, U_RECIP, U_RELU, U_SIGMOID, U_SQRT,
  U_TANH, U_SIN, U_COS, U_HARD_SWISH, U_HARD_SIGMOID, U_LEAKY_RELU, U_GELU, U_CLIP, U_IS_NAN,
  U_NOT, U_CAST, U_IDENTITY, U_NONE
} UOp;

static const struct {
  const char *name;
  UOp op;
} unary_ops[] = {
    {"graph.abs", U_ABS},         {"graph.ceil", U_CEIL},
    {"graph.floor", U_FLOOR},     {"graph.erf", U_ERF},
    {"graph.exp", U_EXP},         {"graph.log", U_LOG},
    {"graph.neg", U_NEG},         {"graph.reciprocal", U_RECIP},
    {"graph.relu", U_RELU},       {"graph.sigmoid", U_SIGMOID},
    {"graph.sqrt", U_SQRT},       {"graph.tanh", U_TANH},
    {"graph.sin", U_SIN},         {"graph.cos", U_COS},
    {"graph.hard_swish", U_HARD_SWISH}, {"graph.hard_sigmoid", U_HARD_SIGMOID},
    {"graph.leaky_relu", U_LEAKY_RELU}, {"graph.gelu", U_GELU},
    {"graph.clip", U_CLIP},       {"graph.is_nan", U_IS_NAN},
    {"graph.not", U_NOT},         {"graph.cast", U_CAST},
    {"graph.identity", U_IDENTITY},
};

static UOp unary_kind(const char *name) {
  for (size_t i = 0; i < sizeof unary_ops / sizeof unary_ops[0]; i++)
    if (strcmp(unary_ops[i].name, name) == 0) return unary_ops[i].op;
  return U_NONE;
}

static double clamp01(double y) { return y < 0 ? 0 : y > 1 ? 1 : y; }

static double unary_f64(UOp u, double x, const SmAttr *p) {
  switch (u) {
  case U_ABS: return fabs(x);
  case U_CEIL: return ceil(x);
  case U_FLOOR: return floor(x);
  case U_ERF: return erf(x);
  case U_EXP: return exp(x);
  case U_LOG: return log(x);
  case U_NEG: return -x;
  case U_RECIP: return 1.0 / x;
  case U_RELU: return x > 0 ? x : 0;
  case U_SIGMOID: return 1.0 / (1.0 + exp(-x));
  case U_SQRT: return sqrt(x);
  case U_TANH: return tanh(x);
  case U_SIN: return sin(x);
  case U_COS: return cos(x);
  case U_HARD_SWISH: return x * clamp01(x / 6.0 + 0.5);
  case U_HARD_SIGMOID:
    return clamp01(sm_graph_prop_float(p, "alpha", 0.2) * x + sm_graph_prop_float(p, "beta", 0.5));
  case U_LEAKY_RELU: return x >= 0 ? x : x * sm_graph_prop_float(p, "alpha", 0.01);
  case U_GELU:
    if (strcmp(sm_graph_prop_str(p, "approximate", "none"), "tanh") == 0)
      return 0.5 * x * (1.0 + tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)));
    return 0.5 * x * (1.0 + erf(x / sqrt(2.0)));
  case U_CLIP: {
    double lo = sm_graph_prop_float(p, "min", -INFINITY), hi = sm_graph_prop_float(p, "max", INFINITY);
    return x < lo ? lo : x > hi ? hi : x;
  }
  case U_IS_NAN: return x != x;
  case U_NOT: return x == 0;
  case U_CAST:
  case U_IDENTITY:
  case U_NONE: return x;
  }
  return x;
}

/* Integer versions of the ops that accept integers (others do not verify). */
static int64_t unary_i64(UOp u, int64_t x, const SmAttr *p) {
  switch (u) {
  case U_ABS: return x < 0 ? (int64_t)(0u - (uint64_t)x) : x;
  case U_NEG: return (int64_t)(0u - (uint64_t)x);
  case U_RELU: return x > 0 ? x : 0;
  case U_NOT: return x == 0;
  case U_CLIP: {
    int64_t lo = f64_to_i64(sm_graph_prop_float(p, "min", -INFINITY));
    int64_t hi = f64_to_i64(sm_graph_prop_float(p, "max", INFINITY));
    return x < lo ? lo : x > hi ? hi : x;
  }
  default: return x;
  }
}

static bool fold_unary(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  SmContext *ctx = sm_op_context(op);
  /* No-op forms first: identity, cast to the operand's own type. */
  if (sm_op_name_is(op, "graph.identity") ||
      (sm_op_name_is(op, "graph.cast") && operand(op, 0)->type == res_type(op) &&
       !sm_graph_cast_rounds_to(op->props))) {
    res[0].value = operand(op, 0);
    return true;
  }
  int64_t n;
  bool splat;
  if (!const_operands(op, cst, &n, &splat)) return false;
  UOp u = unary_kind(op->name);
  if (u == U_NONE) return false;
  SmType *in_e = cst[0]->dense.type->shaped.elem, *out_e = res_type(op)->shaped.elem;
  bool in_f = sm_type_is_float(in_e), out_f = sm_type_is_float(out_e);
  int64_t m = splat ? 1 : n;
  Vals in;
  if (!vals_read(&in, cst[0], in_f)) return false;
  double *fo = out_f ? malloc((size_t)(m ? m : 1) * sizeof *fo) : NULL;
  int64_t *io = out_f ? NULL : malloc((size_t)(m ? m : 1) * sizeof *io);
  bool ok = fo || io;
  SmType *narrow = u == U_CAST ? sm_graph_cast_rounds_to(op->props) : NULL;
  for (int64_t k = 0; ok && k < m; k++) {
    if (in_f) {
      double y = unary_f64(u, in.f[k], op->props);
      if (out_f) fo[k] = y;
      else io[k] = f64_to_i64(y);
    } else {
      int64_t y = unary_i64(u, in.i[k], op->props);
      if (out_f) fo[k] = (double)y;
      else io[k] = y;
    }
    if (narrow) fo[k] = sm_graph_round_to(narrow, fo[k]);
  }
  /* All-splat operands: m is 1 and make_dense builds a splat of the type. */
  SmAttr *a = ok ? make_dense(ctx, res_type(op), n ? m : 0, fo, io) : NULL;
  free(fo);
  free(io);
  vals_free(&in);
  res[0].attr = a;
  return a != NULL;
}

typedef enum BOp {
  B_ADD, B_SUB, B_MUL, B_DIV, B_POW, B_MOD, B_MIN, B_MAX, B_EQ, B_GT, B_GE, B_LT, B_LE, B_AND,
  B_OR, B_XOR, B_WHERE, B_NONE
} BOp;

static const struct {
  const char *name;
  BOp op;
} binary_ops[] = {
    {"graph.add", B_ADD},   {"graph.sub", B_SUB},   {"graph.mul", B_MUL},
    {"graph.div", B_DIV},   {"graph.pow", B_POW},   {"graph.mod", B_MOD},
    {"graph.min", B_MIN},   {"graph.max", B_MAX},   {"graph.equal", B_EQ},
    {"graph.greater", B_GT}, {"graph.greater_or_equal", B_GE}, {"graph.less", B_LT},
    {"graph.less_or_equal", B_LE}, {"graph.and", B_AND}, {"graph.or", B_OR},
    {"graph.xor", B_XOR},   {"graph.where", B_WHERE},
};

static BOp binary_kind(const char *name) {
  for (size_t i = 0; i < sizeof binary_ops / sizeof binary_ops[0]; i++)
    if (strcmp(binary_ops[i].name, name) == 0) return binary_ops[i].op;
  return B_NONE;
}

/* Same semantics as the interpreter's kernels (backend/interp). */
static double binary_f64(BOp b, double x, double y, bool fmod_mode) {
  switch (b) {
  case B_ADD: return x + y;
  case B_SUB: return x - y;
  case B_MUL: return x * y;
  case B_DIV: return x / y;
  case B_POW: return pow(x, y);
  case B_MOD: {
    double r = fmod(x, y);
    if (!fmod_mode && r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
  }
  case B_MIN: return x < y ? x : y;
  case B_MAX: return x > y ? x : y;
  case B_EQ: return x == y;
  case B_GT: return x > y;
  case B_GE: return x >= y;
  case B_LT: return x < y;
  case B_LE: return x <= y;
  case B_AND: return x != 0 && y != 0;
  case B_OR: return x != 0 || y != 0;
  case B_XOR: return (x != 0) != (y != 0);
  default: return 0;
  }
}

/* Integer arithmetic wraps; *ok false where folding must not happen
 * (division by zero is left to run time). */
static int64_t binary_i64(BOp b, int64_t x, int64_t y, bool fmod_mode, bool *ok) {
  uint64_t ux = (uint64_t)x, uy = (uint64_t)y;
  switch (b) {
  case B_ADD: return (int64_t)(ux + uy);
  case B_SUB: return (int64_t)(ux - uy);
  case B_MUL: return (int64_t)(ux * uy);
  case B_DIV:
    if (y == 0) return *ok = false, 0;
    if (x == INT64_MIN && y == -1) return INT64_MIN;
    return x / y;
  case B_POW: {
    if (y < 0) return *ok = false, 0;
    uint64_t r = 1;
    for (int64_t i = 0; i < y && i < 64; i++) r *= ux;
    return (int64_t)r;
  }
  case B_MOD: {
    if (y == 0) return *ok = false, 0;
    if (y == -1) return 0;
    int64_t r = x % y;
    if (!fmod_mode && r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
  }
  case B_MIN: return x < y ? x : y;
  case B_MAX: return x > y ? x : y;
  case B_EQ: return x == y;
  case B_GT: return x > y;
  case B_GE: return x >= y;
  case B_LT: return x < y;
  case B_LE: return x <= y;
  case B_AND: return x != 0 && y != 0;
  case B_OR: return x != 0 || y != 0;
  case B_XOR: return (x != 0) != (y != 0);
  default: return *ok = false, 0;
  }
}

/* x op c -> x for a neutral splat constant c (x + 0, x - 0, x * 1, x / 1,
 * x ^ 1), when the result has x's type. Floats: x + -0.0 only (x + 0.0
 * turns -0.0 into +0.0). */
static SmValue *neutral_operand(SmOp *op, BOp b, SmAttr *const *cst) {
  for (unsigned i = 0; i < 2; i++) {
    SmAttr *c = cst[i];
    SmValue *x = operand(op, 1 - i);
    if (!is_dense(c) || !(c->dense.splat || sm_attr_dense_num_elements(c) == 1) ||
        x->type != res_type(op))
      continue;
    bool fl = sm_type_is_float(c->dense.type->shaped.elem);
    double v = sm_attr_dense_get_f64(c, 0);
    bool rhs = i == 1;
    switch (b) {
    case B_ADD:
      if (fl ? (v == 0 && signbit(v)) : v == 0) return x;
      break;
    case B_SUB:
      if (rhs && v == 0 && (!fl || !signbit(v))) return x;
      break;
    case B_MUL:
      if (v == 1) return x;
      break;
    case B_DIV:
    case B_POW:
      if (rhs && v == 1) return x;
      break;
    default: break;
    }
  }
  return NULL;
}

static bool fold_binary(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  SmContext *ctx = sm_op_context(op);
  BOp b = binary_kind(op->name);
  if (b == B_NONE) return false;
  if (b != B_WHERE) {
    SmValue *x = neutral_operand(op, b, cst);
    if (x) {
      res[0].value = x;
      return true;
    }
  }
  int64_t n;
  bool splat;
  if (!const_operands(op, cst, &n, &splat)) return false;
  unsigned first = b == B_WHERE ? 1 : 0;
  bool in_f = sm_type_is_float(cst[first]->dense.type->shaped.elem);
  bool out_f = sm_type_is_float(res_type(op)->shaped.elem);
  bool fmod_mode = sm_graph_prop_int(op->props, "fmod", 0) != 0;
  SmType *rt = res_type(op);
  unsigned ro = rt->shaped.rank;
  int64_t m = splat ? 1 : n;
  Vals v[3] = {{0}};
  bool ok = true;
  for (unsigned i = 0; i < op->num_operands; i++)
    ok = vals_read(&v[i], cst[i], i == 0 && b == B_WHERE ? false : in_f) && ok;
  double *fo = out_f ? malloc((size_t)(m ? m : 1) * sizeof *fo) : NULL;
  int64_t *io = out_f ? NULL : malloc((size_t)(m ? m : 1) * sizeof *io);
  ok = ok && (fo || io);
  int64_t coord[GRAPH_MAX_RANK];
  for (int64_t k = 0; ok && k < m; k++) {
    int64_t idx[3] = {0, 0, 0};
    if (!splat) {
      coord_of(k, ro, rt->shaped.dims, coord);
      for (unsigned i = 0; i < op->num_operands; i++) {
        const SmType *t = cst[i]->dense.type;
        idx[i] = cst[i]->dense.splat ? 0 : bcast_index(t->shaped.rank, t->shaped.dims, ro, coord);
      }
    }
    if (b == B_WHERE) {
      bool c = v[0].i[idx[0]] != 0;
      if (out_f) fo[k] = c ? v[1].f[idx[1]] : v[2].f[idx[2]];
      else io[k] = c ? v[1].i[idx[1]] : v[2].i[idx[2]];
    } else if (in_f) {
      double y = binary_f64(b, v[0].f[idx[0]], v[1].f[idx[1]], fmod_mode);
      if (out_f) fo[k] = y;
      else io[k] = f64_to_i64(y);
    } else {
      io[k] = binary_i64(b, v[0].i[idx[0]], v[1].i[idx[1]], fmod_mode, &ok);
    }
  }
  SmAttr *a = ok ? make_dense(ctx, rt, n ? m : 0, fo, io) : NULL;
  free(fo);
  free(io);
  for (unsigned i = 0; i < 3; i++) vals_free(&v[i]);
  res[0].attr = a;
  return a != NULL;
}

/* ---- Data movement --------------------------------------------------------- */

/* Copies selected elements of a constant: out[k] = in[src[k]]. */
static SmAttr *gather_elems(SmContext *ctx, const SmAttr *in, SmType *type, int64_t n,
                            const int64_t *src) {
  bool fl = sm_type_is_float(type->shaped.elem);
  Vals v;
  if (!vals_read(&v, in, fl)) return NULL;
  double *fo = fl ? malloc((size_t)(n ? n : 1) * sizeof *fo) : NULL;
  int64_t *io = fl ? NULL : malloc((size_t)(n ? n : 1) * sizeof *io);
  SmAttr *a = NULL;
  if (fo || io) {
    for (int64_t k = 0; k < n; k++) {
      int64_t j = in->dense.splat ? 0 : src[k];
      if (fl) fo[k] = v.f[j];
      else io[k] = v.i[j];
    }
    a = make_dense(ctx, type, n, fo, io);
  }
  free(fo);
  free(io);
  vals_free(&v);
  return a;
}

/* Constant operand 0 small enough to permute, or a splat (any size). */
static bool small_const_in(SmOp *op, SmAttr *const *cst) {
  return is_dense(cst[0]) && foldable_elems(cst[0]->dense.type) && foldable_elems(res_type(op)) &&
         (cst[0]->dense.splat || sm_type_num_elements(res_type(op)) <= FOLD_MAX_ELEMS);
}

static SmAttr *splat_as(SmContext *ctx, const SmAttr *a, SmType *type) {
  return sm_attr_dense(ctx, type, true, a->dense.data, a->dense.size);
}

/* reshape, flatten, squeeze, unsqueeze: same type -> operand; constant ->
 * retyped constant; reshape(reshape(x)) -> reshape(x) with an explicit
 * target shape (in place). */
static bool fold_reshape_like(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  SmValue *x = operand(op, 0);
  SmType *rt = res_type(op);
  if (x->type == rt) {
    res[0].value = x;
    return true;
  }
  SmAttr *c = retype_const(sm_op_context(op), cst[0], rt);
  if (c) {
    res[0].attr = c;
    return true;
  }
  if (!sm_op_name_is(op, "graph.reshape") || !static_tensor(rt)) return false;
  SmContext *ctx = sm_op_context(op);
  SmAttr *explicit_shape = sm_attr_dense_array_i64(ctx, rt->shaped.rank, rt->shaped.dims);
  SmOp *inner = def_named(x, "graph.reshape");
  if (!inner && sm_op_get_prop(op, "shape") == explicit_shape) return false;
  if (inner) sm_op_set_operand(op, 0, operand(inner, 0));
  sm_op_set_prop(op, "shape", explicit_shape);
  res[0].value = &op->results[0];
  return true;
}

static bool get_perm(SmOp *op, unsigned r, int64_t *perm) {
  int n = sm_graph_prop_ints(op->props, "perm", perm, GRAPH_MAX_RANK);
  if (n < 0) {
    for (unsigned d = 0; d < r; d++) perm[d] = r - 1 - d;
    return true;
  }
  if (n != (int)r) return false;
  for (unsigned d = 0; d < r; d++)
    if (perm[d] < 0 || perm[d] >= (int64_t)r) return false;
  return true;
}

/* transpose: identity perm -> operand; transpose(transpose(x)) -> one
 * transpose (in place) or x; splat / small constant -> constant. */
static bool fold_transpose(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  SmContext *ctx = sm_op_context(op);
  SmValue *x = operand(op, 0);
  SmType *rt = res_type(op);
  if (!static_tensor(x->type) || !static_tensor(rt)) return false;
  unsigned r = rt->shaped.rank;
  int64_t perm[GRAPH_MAX_RANK];
  if (!get_perm(op, r, perm)) return false;
  bool ident = true;
  for (unsigned d = 0; d < r; d++) ident = ident && perm[d] == (int64_t)d;
  if (ident) {
    res[0].value = x;
    return true;
  }
  if (small_const_in(op, cst)) {
    if (cst[0]->dense.splat) {
      res[0].attr = splat_as(ctx, cst[0], rt);
      return true;
    }
    int64_t n = sm_type_num_elements(rt), coord[GRAPH_MAX_RANK], in_strides[GRAPH_MAX_RANK];
    const int64_t *xd = x->type->shaped.dims;
    int64_t *src = malloc((size_t)(n ? n : 1) * sizeof *src), s = 1;
    if (!src) return false;
    for (unsigned d = r; d-- > 0;) {
      in_strides[d] = s;
      s *= xd[d];
    }
    for (int64_t k = 0; k < n; k++) {
      coord_of(k, r, rt->shaped.dims, coord);
      int64_t idx = 0;
      for (unsigned d = 0; d < r; d++) idx += coord[d] * in_strides[perm[d]];
      src[k] = idx;
    }
    res[0].attr = gather_elems(ctx, cst[0], rt, n, src);
    free(src);
    return res[0].attr != NULL;
  }
  SmOp *inner = def_named(x, "graph.transpose");
  int64_t ip[GRAPH_MAX_RANK], comp[GRAPH_MAX_RANK];
  if (!inner || !get_perm(inner, r, ip)) return false;
  bool back = true;
  for (unsigned d = 0; d < r; d++) {
    comp[d] = ip[perm[d]];
    back = back && comp[d] == (int64_t)d;
  }
  SmValue *src_v = operand(inner, 0);
  if (back) {
    res[0].value = src_v;
    return true;
  }
  sm_op_set_operand(op, 0, src_v);
  sm_op_set_prop(op, "perm", sm_attr_dense_array_i64(ctx, r, comp));
  res[0].value = &op->results[0];
  return true;
}

/* Ops that are no-ops when the result type equals the operand type and
 * their properties say "all of it": expand, tile, pad (zero pads), slice
 * (unit steps), concat/split of one piece. Splats broadcast to splats. */
static bool fold_same_type(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  SmValue *x = operand(op, 0);
  SmType *rt = res_type(op);
  bool noop = op->num_operands == 1 && op->num_results == 1 && x->type == rt;
  if (noop && sm_op_name_is(op, "graph.pad")) {
    int64_t pads[2 * GRAPH_MAX_RANK];
    int np = sm_graph_prop_ints(op->props, "pads", pads, 2 * GRAPH_MAX_RANK);
    for (int i = 0; i < np && i < 2 * GRAPH_MAX_RANK; i++) noop = noop && pads[i] == 0;
  }
  if (noop && sm_op_name_is(op, "graph.slice")) {
    int64_t steps[GRAPH_MAX_RANK];
    int ns = sm_graph_prop_ints(op->props, "steps", steps, GRAPH_MAX_RANK);
    for (int i = 0; i < ns && i < GRAPH_MAX_RANK; i++) noop = noop && steps[i] == 1;
  }
  if (noop) {
    res[0].value = x;
    return true;
  }
  if (op->num_results == 1 && static_tensor(rt) && is_dense(cst[0]) && cst[0]->dense.splat &&
      (sm_op_name_is(op, "graph.expand") || sm_op_name_is(op, "graph.tile") ||
       sm_op_name_is(op, "graph.slice")) &&
      cst[0]->dense.type->shaped.elem == rt->shaped.elem) {
    res[0].attr = splat_as(sm_op_context(op), cst[0], rt);
    return true;
  }
  return false;
}

/* concat of small constants. */
static bool fold_concat(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  if (op->num_operands == 1 && operand(op, 0)->type == res_type(op)) {
    res[0].value = operand(op, 0);
    return true;
  }
  int64_t n;
  bool splat;
  if (!const_operands(op, cst, &n, &splat) || n > FOLD_MAX_ELEMS) return false;
  SmType *rt = res_type(op);
  unsigned r = rt->shaped.rank;
  int64_t axis = sm_graph_prop_int(op->props, "axis", 0);
  if (axis < 0) axis += r;
  if (axis < 0 || axis >= (int64_t)r) return false;
  bool fl = sm_type_is_float(rt->shaped.elem);
  double *fo = fl ? malloc((size_t)(n ? n : 1) * sizeof *fo) : NULL;
  int64_t *io = fl ? NULL : malloc((size_t)(n ? n : 1) * sizeof *io);
  if (!fo && !io) return false;
  int64_t coord[GRAPH_MAX_RANK];
  for (int64_t k = 0; k < n; k++) {
    coord_of(k, r, rt->shaped.dims, coord);
    int64_t c = coord[axis];
    unsigned i = 0;
    while (i + 1 < op->num_operands && c >= cst[i]->dense.type->shaped.dims[axis]) {
      c -= cst[i]->dense.type->shaped.dims[axis];
      i++;
    }
    const SmType *t = cst[i]->dense.type;
    int64_t idx = 0;
    for (unsigned d = 0; d < r; d++) idx = idx * t->shaped.dims[d] + ((int64_t)d == axis ? c : coord[d]);
    if (fl) fo[k] = sm_attr_dense_get_f64(cst[i], idx);
    else io[k] = sm_attr_dense_get_i64(cst[i], idx);
  }
  res[0].attr = make_dense(sm_op_context(op), rt, n, fo, io);
  free(fo);
  free(io);
  return res[0].attr != NULL;
}

/* slice of a small constant. */
static bool fold_slice(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  if (fold_same_type(op, cst, res)) return true;
  if (!small_const_in(op, cst)) return false;
  SmType *xt = cst[0]->dense.type, *rt = res_type(op);
  unsigned r = xt->shaped.rank;
  int64_t st[GRAPH_MAX_RANK], sp[GRAPH_MAX_RANK], sz[GRAPH_MAX_RANK], coord[GRAPH_MAX_RANK];
  if (!sm_graph_slice_bounds(op->props, r, xt->shaped.dims, st, sp, sz)) return false;
  int64_t n = sm_type_num_elements(rt);
  int64_t *src = malloc((size_t)(n ? n : 1) * sizeof *src);
  if (!src) return false;
  for (int64_t k = 0; k < n; k++) {
    coord_of(k, r, rt->shaped.dims, coord);
    int64_t idx = 0;
    for (unsigned d = 0; d < r; d++) idx = idx * xt->shaped.dims[d] + st[d] + coord[d] * sp[d];
    src[k] = idx;
  }
  res[0].attr = gather_elems(sm_op_context(op), cst[0], rt, n, src);
  free(src);
  return res[0].attr != NULL;
}

/* gather of small constants (the exporters' Shape -> Gather idiom). */
static bool fold_gather(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  int64_t n;
  bool splat;
  if (!const_operands(op, cst, &n, &splat) || n > FOLD_MAX_ELEMS) return false;
  SmType *xt = cst[0]->dense.type, *it = cst[1]->dense.type, *rt = res_type(op);
  unsigned r = xt->shaped.rank;
  int64_t axis = sm_graph_prop_int(op->props, "axis", 0);
  if (axis < 0) axis += r;
  if (axis < 0 || axis >= (int64_t)r) return false;
  int64_t outer = 1, inner = 1, len = xt->shaped.dims[axis], ni = sm_type_num_elements(it);
  for (int64_t d = 0; d < axis; d++) outer *= xt->shaped.dims[d];
  for (unsigned d = (unsigned)axis + 1; d < r; d++) inner *= xt->shaped.dims[d];
  int64_t *src = malloc((size_t)(n ? n : 1) * sizeof *src);
  if (!src) return false;
  int64_t k = 0;
  for (int64_t o = 0; o < outer; o++)
    for (int64_t j = 0; j < ni; j++) {
      int64_t g = sm_attr_dense_get_i64(cst[1], j);
      if (g < 0) g += len;
      if (g < 0 || g >= len) {
        free(src); /* out of range: the interpreter reports it at run time */
        return false;
      }
      for (int64_t i = 0; i < inner; i++) src[k++] = (o * len + g) * inner + i;
    }
  res[0].attr = k == n ? gather_elems(sm_op_context(op), cst[0], rt, n, src) : NULL;
  free(src);
  return res[0].attr != NULL;
}

/* shape of a (static) tensor: always a constant. */
static bool fold_shape(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  (void)cst;
  SmType *xt = operand(op, 0)->type, *rt = res_type(op);
  if (!static_tensor(xt) || !foldable_elems(rt) || rt->shaped.rank != 1) return false;
  int64_t r = xt->shaped.rank;
  int64_t s = sm_graph_prop_int(op->props, "start", 0), e = sm_graph_prop_int(op->props, "end", r);
  if (s < 0) s += r;
  if (e < 0) e += r;
  s = s < 0 ? 0 : s > r ? r : s;
  e = e < 0 ? 0 : e > r ? r : e;
  int64_t dims[GRAPH_MAX_RANK];
  int64_t n = 0;
  for (int64_t d = s; d < e; d++) dims[n++] = xt->shaped.dims[d];
  if (n != rt->shaped.dims[0]) return false;
  res[0].attr = make_dense(sm_op_context(op), rt, n, NULL, dims);
  return res[0].attr != NULL;
}

/* constant_of_shape with a constant shape operand: the result type already
 * says the shape, so the value is a splat. */
static bool fold_constant_of_shape(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  SmType *rt = res_type(op);
  if (!is_dense(cst[0]) || !foldable_elems(rt)) return false;
  int64_t n = sm_attr_dense_num_elements(cst[0]);
  if (n != rt->shaped.rank) return false;
  for (int64_t d = 0; d < n; d++)
    if (sm_attr_dense_get_i64(cst[0], d) != rt->shaped.dims[d]) return false;
  SmAttr *v = sm_op_get_prop(op, "value");
  bool fl = sm_type_is_float(rt->shaped.elem);
  double f = 0;
  int64_t i = 0;
  if (is_dense(v) && sm_attr_dense_num_elements(v) >= 1) {
    f = sm_attr_dense_get_f64(v, 0);
    i = sm_attr_dense_get_i64(v, 0);
  }
  SmAttr *one = make_dense(sm_op_context(op), rt, 1, fl ? &f : NULL, fl ? NULL : &i);
  res[0].attr = one ? splat_as(sm_op_context(op), one, rt) : NULL;
  return res[0].attr != NULL;
}

/* range(start, limit, delta) with constant scalars. */
static bool fold_range(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  int64_t n;
  bool splat;
  if (!const_operands(op, cst, &n, &splat) || n > FOLD_MAX_ELEMS) return false;
  SmType *rt = res_type(op);
  if (rt->shaped.rank != 1) return false;
  bool fl = sm_type_is_float(rt->shaped.elem);
  double *fo = fl ? malloc((size_t)(n ? n : 1) * sizeof *fo) : NULL;
  int64_t *io = fl ? NULL : malloc((size_t)(n ? n : 1) * sizeof *io);
  if (!fo && !io) return false;
  for (int64_t k = 0; k < n; k++) {
    if (fl) fo[k] = sm_attr_dense_get_f64(cst[0], 0) + (double)k * sm_attr_dense_get_f64(cst[2], 0);
    else io[k] = (int64_t)((uint64_t)sm_attr_dense_get_i64(cst[0], 0) +
                           (uint64_t)k * (uint64_t)sm_attr_dense_get_i64(cst[2], 0));
  }
  res[0].attr = make_dense(sm_op_context(op), rt, n, fo, io);
  free(fo);
  free(io);
  return res[0].attr != NULL;
}

/* split into one piece. */
static bool fold_split(SmOp *op, SmAttr *const *cst, SmFoldResult *res) {
  (void)cst;
  if (op->num_results != 1 || operand(op, 0)->type != res_type(op)) return false;
  res[0].value = operand(op, 0);
  return true;
}

/* ---- Canonicalization patterns ------------------------------------------------ */

/* squeeze / unsqueeze / flatten -> reshape to the (static) result shape. */
static bool to_reshape(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmType *rt = res_type(op);
  if (op->num_operands != 1 || !static_tensor(rt)) return false;
  SmContext *ctx = sm_rewriter_context(rw);
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "graph.reshape"), op->loc);
  sm_op_state_add_operand(&st, operand(op, 0));
  sm_op_state_add_prop(&st, sm_intern_cstr(ctx, "shape"),
                       sm_attr_dense_array_i64(ctx, rt->shaped.rank, rt->shaped.dims));
  sm_op_state_add_result(&st, rt);
  SmOp *r = sm_rewriter_create(rw, &st);
  sm_op_state_release(&st);
  if (!r) return false;
  sm_rewriter_replace_op_with_op(rw, op, r);
  return true;
}

static void squeeze_patterns(SmPatternSet *set, SmContext *ctx) {
  (void)ctx;
  sm_pattern_set_add_fn(set, "graph.squeeze", 1, to_reshape, NULL);
}
static void unsqueeze_patterns(SmPatternSet *set, SmContext *ctx) {
  (void)ctx;
  sm_pattern_set_add_fn(set, "graph.unsqueeze", 1, to_reshape, NULL);
}
static void flatten_patterns(SmPatternSet *set, SmContext *ctx) {
  (void)ctx;
  sm_pattern_set_add_fn(set, "graph.flatten", 1, to_reshape, NULL);
}

/* ---- Installation ---------------------------------------------------------------- */

typedef bool (*GFoldFn)(SmOp *, SmAttr *const *, SmFoldResult *);

static const struct {
  const char *name;
  GFoldFn fold;
  void (*patterns)(SmPatternSet *, SmContext *);
} hooks[] = {
    {"graph.reshape", fold_reshape_like, NULL},
    {"graph.flatten", fold_reshape_like, flatten_patterns},
    {"graph.squeeze", fold_reshape_like, squeeze_patterns},
    {"graph.unsqueeze", fold_reshape_like, unsqueeze_patterns},
    {"graph.transpose", fold_transpose, NULL},
    {"graph.expand", fold_same_type, NULL},
    {"graph.tile", fold_same_type, NULL},
    {"graph.pad", fold_same_type, NULL},
    {"graph.slice", fold_slice, NULL},
    {"graph.concat", fold_concat, NULL},
    {"graph.gather", fold_gather, NULL},
    {"graph.split", fold_split, NULL},
    {"graph.shape", fold_shape, NULL},
    {"graph.constant_of_shape", fold_constant_of_shape, NULL},
    {"graph.range", fold_range, NULL},
};

void g_install_folders(SmOpDef *def) {
  if (unary_kind(def->name) != U_NONE) {
    def->fold = fold_unary;
    return;
  }
  if (binary_kind(def->name) != B_NONE) {
    def->fold = fold_binary;
    return;
  }
  for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++)
    if (strcmp(hooks[i].name, def->name) == 0) {
      def->fold = hooks[i].fold;
      def->canonicalization_patterns = hooks[i].patterns;
    }
}
