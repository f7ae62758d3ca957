/* Element-wise kernels: unary math, activations, cast, broadcasting binary
 * ops and where. Values go through double (floats) or int64 (integers). */
#include "backend/interp/kernels.h"

#include <math.h>
#include <string.h>

typedef double (*UnaryFn)(double x, const SmAttr *props);

static double u_abs(double x, const SmAttr *p) { (void)p; return fabs(x); }
static double u_ceil(double x, const SmAttr *p) { (void)p; return ceil(x); }
static double u_floor(double x, const SmAttr *p) { (void)p; return floor(x); }
/* ONNX Round: halves to even (the default rounding mode of rint). */
static double u_round(double x, const SmAttr *p) { (void)p; return nearbyint(x); }
static double u_erf(double x, const SmAttr *p) { (void)p; return erf(x); }
static double u_exp(double x, const SmAttr *p) { (void)p; return exp(x); }
static double u_log(double x, const SmAttr *p) { (void)p; return log(x); }
static double u_neg(double x, const SmAttr *p) { (void)p; return -x; }
static double u_recip(double x, const SmAttr *p) { (void)p; return 1.0 / x; }
/* NaN propagates through relu, min and max, as in onnxruntime. */
static double u_relu(double x, const SmAttr *p) { (void)p; return x > 0 || x != x ? x : 0; }
static double u_sigmoid(double x, const SmAttr *p) { (void)p; return 1.0 / (1.0 + exp(-x)); }
static double u_sqrt(double x, const SmAttr *p) { (void)p; return sqrt(x); }
static double u_tanh(double x, const SmAttr *p) { (void)p; return tanh(x); }
static double u_sin(double x, const SmAttr *p) { (void)p; return sin(x); }
static double u_cos(double x, const SmAttr *p) { (void)p; return cos(x); }
static double u_identity(double x, const SmAttr *p) { (void)p; return x; }
static double u_hard_sigmoid(double x, const SmAttr *p) {
  double a = sm_graph_prop_float(p, "alpha", 0.2), b = sm_graph_prop_float(p, "beta", 0.5);
  double y = a * x + b;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}
static double u_hard_swish(double x, const SmAttr *p) {
  (void)p;
  double y = x / 6.0 + 0.5;
  return x * (y < 0 ? 0 : y > 1 ? 1 : y);
}
static double u_leaky_relu(double x, const SmAttr *p) {
  return x >= 0 ? x : x * sm_graph_prop_float(p, "alpha", 0.01);
}
static double u_gelu(double x, const SmAttr *p) {
  if (strcmp(sm_graph_prop_str(p, "approximate", "none"), "tanh") == 0)
    return 0.5 * x * (1.0 + tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)));
  return 0.5 * x * (1.0 + erf(x / sqrt(2.0)));
}
static double u_clip(double x, const SmAttr *p) {
  double lo = sm_graph_prop_float(p, "min", -INFINITY), hi = sm_graph_prop_float(p, "max", INFINITY);
  return x < lo ? lo : x > hi ? hi : x;
}
static double u_not(double x, const SmAttr *p) { (void)p; return x == 0; }
static double u_is_nan(double x, const SmAttr *p) { (void)p; return x != x; }

static const struct {
  const char *name;
  UnaryFn fn;
} unary_table[] = {
    {"graph.abs", u_abs},        {"graph.ceil", u_ceil},
    {"graph.floor", u_floor},    {"graph.round", u_round},    {"graph.erf", u_erf},
    {"graph.exp", u_exp},        {"graph.log", u_log},
    {"graph.neg", u_neg},        {"graph.reciprocal", u_recip},
    {"graph.relu", u_relu},      {"graph.sigmoid", u_sigmoid},
    {"graph.sqrt", u_sqrt},      {"graph.tanh", u_tanh},
    {"graph.sin", u_sin},        {"graph.cos", u_cos},
    {"graph.identity", u_identity}, {"graph.hard_sigmoid", u_hard_sigmoid},
    {"graph.hard_swish", u_hard_swish}, {"graph.leaky_relu", u_leaky_relu},
    {"graph.gelu", u_gelu},      {"graph.clip", u_clip},
    {"graph.not", u_not},        {"graph.is_nan", u_is_nan},
};

static bool k_unary(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                    const SmTensor *const *in, unsigned nout, SmTensor *out) {
  UnaryFn fn = NULL;
  for (size_t i = 0; i < sizeof unary_table / sizeof unary_table[0]; i++)
    if (strcmp(unary_table[i].name, k->name) == 0) fn = unary_table[i].fn;
  if (!fn) return sm_emit_error(k->ctx, k->loc, "no kernel for '%s'", k->name);
  const SmTensor *x = in[0];
  int64_t n = sm_tensor_numel(x);
  bool int_path = !sm_dtype_is_float(x->dtype) && !sm_dtype_is_float(out->dtype) &&
                  (fn == u_neg || fn == u_abs || fn == u_identity || fn == u_relu);
  if (x->dtype == SM_DT_F32 && out->dtype == SM_DT_F32) {
    const float *xs = x->data;
    float *ys = out->data;
    for (int64_t i = 0; i < n; i++) ys[i] = (float)fn(xs[i], props);
    return true;
  }
  for (int64_t i = 0; i < n; i++) {
    if (int_path) {
      int64_t v = sm_tensor_get_i64(x, i);
      uint64_t u = (uint64_t)v;
      if (fn == u_neg) v = (int64_t)(0 - u);
      else if (fn == u_abs) v = v < 0 ? (int64_t)(0 - u) : v;
      else if (fn == u_relu) v = v > 0 ? v : 0;
      sm_tensor_set_i64(&out[0], i, v);
    } else {
      sm_tensor_set_f64(&out[0], i, fn(sm_tensor_get_f64(x, i), props));
    }
  }
  return true;
}

static bool k_cast(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                   const SmTensor *const *in, unsigned nout, SmTensor *out) {
  int64_t n = sm_tensor_numel(in[0]);
  bool from_float = sm_dtype_is_float(in[0]->dtype);
  /* to = f16/bf16: the f32 result holds the value rounded to it. */
  const SmType *narrow = sm_graph_cast_rounds_to(props);
  for (int64_t i = 0; i < n; i++) {
    if (narrow)
      sm_tensor_set_f64(out, i, sm_graph_round_to(narrow, sm_tensor_get_f64(in[0], i)));
    else if (from_float || sm_dtype_is_float(out->dtype))
      sm_tensor_set_f64(out, i, sm_tensor_get_f64(in[0], i));
    else
      sm_tensor_set_i64(out, i, sm_tensor_get_i64(in[0], i));
  }
  return true;
}

typedef enum BinOp {
  B_ADD, B_SUB, B_MUL, B_DIV, B_POW, B_MOD, B_MIN, B_MAX,
  B_EQ, B_GT, B_GE, B_LT, B_LE, B_AND, B_OR, B_XOR,
} BinOp;

static const struct {
  const char *name;
  BinOp op;
} binary_table[] = {
    {"graph.add", B_ADD},   {"graph.sub", B_SUB},         {"graph.mul", B_MUL},
    {"graph.div", B_DIV},   {"graph.pow", B_POW},         {"graph.mod", B_MOD},
    {"graph.min", B_MIN},   {"graph.max", B_MAX},         {"graph.equal", B_EQ},
    {"graph.greater", B_GT}, {"graph.greater_or_equal", B_GE}, {"graph.less", B_LT},
    {"graph.less_or_equal", B_LE}, {"graph.and", B_AND}, {"graph.or", B_OR},
    {"graph.xor", B_XOR},
};

static double bin_f64(BinOp op, double a, double b, bool fmod_mode) {
  switch (op) {
  case B_ADD: return a + b;
  case B_SUB: return a - b;
  case B_MUL: return a * b;
  case B_DIV: return a / b;
  case B_POW: return pow(a, b);
  case B_MOD: {
    double r = fmod(a, b);
    /* fmod=0 on floats is not allowed by ONNX; follow the divisor's sign then. */
    if (!fmod_mode && r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
  }
  case B_MIN: return a != a || b != b ? a + b : a < b ? a : b;
  case B_MAX: return a != a || b != b ? a + b : a > b ? a : b;
  case B_EQ: return a == b;
  case B_GT: return a > b;
  case B_GE: return a >= b;
  case B_LT: return a < b;
  case B_LE: return a <= b;
  case B_AND: return (a != 0) && (b != 0);
  case B_OR: return (a != 0) || (b != 0);
  case B_XOR: return (a != 0) != (b != 0);
  }
  return 0;
}

/* Integer arithmetic wraps (two's complement) instead of overflowing. */
static int64_t bin_i64(BinOp op, int64_t a, int64_t b, bool fmod_mode) {
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  switch (op) {
  case B_ADD: return (int64_t)(ua + ub);
  case B_SUB: return (int64_t)(ua - ub);
  case B_MUL: return (int64_t)(ua * ub);
  case B_DIV:
    if (b == 0) return 0;
    if (a == INT64_MIN && b == -1) return INT64_MIN;
    return a / b;
  case B_POW: {
    int64_t r = 1;
    for (int64_t i = 0; i < b && i < 64; i++) r = (int64_t)((uint64_t)r * ua);
    return b < 0 ? 0 : r;
  }
  case B_MOD: {
    if (b == 0) return 0;
    if (b == -1) return 0;
    int64_t r = a % b;
    if (!fmod_mode && r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
  }
  case B_MIN: return a < b ? a : b;
  case B_MAX: return a > b ? a : b;
  case B_EQ: return a == b;
  case B_GT: return a > b;
  case B_GE: return a >= b;
  case B_LT: return a < b;
  case B_LE: return a <= b;
  case B_AND: return (a != 0) && (b != 0);
  case B_OR: return (a != 0) || (b != 0);
  case B_XOR: return (a != 0) != (b != 0);
  }
  return 0;
}

static bool k_binary(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                     const SmTensor *const *in, unsigned nout, SmTensor *out) {
  int found = -1;
  for (size_t i = 0; i < sizeof binary_table / sizeof binary_table[0]; i++)
    if (strcmp(binary_table[i].name, k->name) == 0) found = (int)i;
  if (found < 0) return sm_emit_error(k->ctx, k->loc, "no kernel for '%s'", k->name);
  BinOp op = binary_table[found].op;
  bool fmod_mode = sm_graph_prop_int(props, "fmod", 0) != 0;
  const SmTensor *a = in[0], *b = in[1];
  int64_t sa[SM_TENSOR_MAX_RANK], sb[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  sm_kernel_bcast_strides(a, out->rank, out->dims, sa);
  sm_kernel_bcast_strides(b, out->rank, out->dims, sb);
  bool use_float = sm_dtype_is_float(a->dtype) || sm_dtype_is_float(b->dtype);
  int64_t n = sm_tensor_numel(out);
  /* Fast path for the common f32 (+) f32 -> f32 case. */
  bool f32 = a->dtype == SM_DT_F32 && b->dtype == SM_DT_F32 && out->dtype == SM_DT_F32;
  for (int64_t i = 0; i < n; i++) {
    int64_t ia = 0, ib = 0;
    for (unsigned d = 0; d < out->rank; d++) {
      ia += coord[d] * sa[d];
      ib += coord[d] * sb[d];
    }
    if (f32) {
      float x = ((const float *)a->data)[ia], y = ((const float *)b->data)[ib];
      float *o = (float *)out->data + i;
      switch (op) {
      case B_ADD: *o = x + y; break;
      case B_SUB: *o = x - y; break;
      case B_MUL: *o = x * y; break;
      case B_DIV: *o = x / y; break;
      default: *o = (float)bin_f64(op, x, y, fmod_mode); break;
      }
    } else if (use_float) {
      sm_tensor_set_f64(out, i,
                        bin_f64(op, sm_tensor_get_f64(a, ia), sm_tensor_get_f64(b, ib), fmod_mode));
    } else {
      sm_tensor_set_i64(out, i,
                        bin_i64(op, sm_tensor_get_i64(a, ia), sm_tensor_get_i64(b, ib), fmod_mode));
    }
    sm_kernel_next_coord(out->rank, out->dims, coord);
  }
  return true;
}

static bool k_where(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                    const SmTensor *const *in, unsigned nout, SmTensor *out) {
  int64_t s[3][SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  for (int j = 0; j < 3; j++) sm_kernel_bcast_strides(in[j], out->rank, out->dims, s[j]);
  size_t esz = sm_dtype_size(out->dtype);
  int64_t n = sm_tensor_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t off[3] = {0, 0, 0};
    for (unsigned d = 0; d < out->rank; d++)
      for (int j = 0; j < 3; j++) off[j] += coord[d] * s[j][d];
    const SmTensor *src = sm_tensor_get_i64(in[0], off[0]) ? in[1] : in[2];
    int64_t o = src == in[1] ? off[1] : off[2];
    memcpy((char *)out->data + i * esz, (const char *)src->data + o * esz, esz);
    sm_kernel_next_coord(out->rank, out->dims, coord);
  }
  return true;
}

const SmKernelEntry sm_kernels_elementwise[] = {
    {"graph.abs", k_unary},        {"graph.ceil", k_unary},
    {"graph.floor", k_unary},      {"graph.round", k_unary},      {"graph.erf", k_unary},
    {"graph.exp", k_unary},        {"graph.log", k_unary},
    {"graph.neg", k_unary},        {"graph.reciprocal", k_unary},
    {"graph.relu", k_unary},       {"graph.sigmoid", k_unary},
    {"graph.sqrt", k_unary},       {"graph.tanh", k_unary},
    {"graph.sin", k_unary},        {"graph.cos", k_unary},
    {"graph.identity", k_unary},   {"graph.hard_sigmoid", k_unary},
    {"graph.hard_swish", k_unary}, {"graph.leaky_relu", k_unary},
    {"graph.gelu", k_unary},       {"graph.clip", k_unary},
    {"graph.not", k_unary},        {"graph.is_nan", k_unary},
    {"graph.cast", k_cast},        {"graph.add", k_binary},
    {"graph.sub", k_binary},       {"graph.mul", k_binary},
    {"graph.div", k_binary},       {"graph.pow", k_binary},
    {"graph.mod", k_binary},       {"graph.min", k_binary},
    {"graph.max", k_binary},       {"graph.equal", k_binary},
    {"graph.greater", k_binary},   {"graph.greater_or_equal", k_binary},
    {"graph.less", k_binary},      {"graph.less_or_equal", k_binary},
    {"graph.and", k_binary},       {"graph.or", k_binary},
    {"graph.xor", k_binary},       {"graph.where", k_where},
    {NULL, NULL},
};
