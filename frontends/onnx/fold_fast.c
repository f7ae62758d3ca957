/* Typed constant folding for the element-wise and reshape-like ops that
 * dominate exporters' constant subgraphs (attention masks, shape
 * arithmetic). The reference kernels convert every element through double
 * or int64 and walk coordinates one element at a time; these loops give
 * bit-identical results for the dtype combinations they accept and leave
 * everything else to sm_interp_eval. */
#include "frontends/onnx/onnx_internal.h"

#include <string.h>

/* Row-wise broadcasting walk over the output: the innermost dimension is
 * a strided inner loop, the outer coordinates an odometer. */
typedef struct Walk {
  unsigned rank, nin;
  int64_t dims[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK];
  int64_t st[3][SM_TENSOR_MAX_RANK];
  int64_t base[3], inner, step[3], rows;
} Walk;

static void walk_init(Walk *w, const SmTensor *out, unsigned nin, const SmTensor *const *in) {
  memset(w, 0, sizeof *w);
  w->rank = out->rank;
  w->nin = nin;
  for (unsigned d = 0; d < out->rank; d++) w->dims[d] = out->dims[d];
  for (unsigned j = 0; j < nin; j++) {
    const SmTensor *t = in[j];
    int64_t acc = 1, own[SM_TENSOR_MAX_RANK];
    for (int d = (int)t->rank - 1; d >= 0; d--) {
      own[d] = acc;
      acc *= t->dims[d];
    }
    for (unsigned d = 0; d < out->rank; d++) {
      int64_t td = (int64_t)d - (int64_t)(out->rank - t->rank);
      w->st[j][d] = (td < 0 || t->dims[td] == 1) ? 0 : own[td];
    }
    w->step[j] = out->rank ? w->st[j][out->rank - 1] : 0;
  }
  w->inner = out->rank ? out->dims[out->rank - 1] : 1;
  int64_t n = sm_tensor_numel(out);
  w->rows = w->inner ? n / w->inner : 0;
}

static void walk_next_row(Walk *w) {
  for (int d = (int)w->rank - 2; d >= 0; d--) {
    for (unsigned j = 0; j < w->nin; j++) w->base[j] += w->st[j][d];
    if (++w->coord[d] < w->dims[d]) return;
    for (unsigned j = 0; j < w->nin; j++) w->base[j] -= w->st[j][d] * w->dims[d];
    w->coord[d] = 0;
  }
}

typedef enum Bin { B_NONE, B_ADD, B_SUB, B_MUL, B_DIV, B_EQ, B_GT, B_GE, B_LT, B_LE } Bin;

static Bin bin_op(const char *name) {
  static const struct {
    const char *name;
    Bin op;
  } table[] = {{"graph.add", B_ADD},     {"graph.sub", B_SUB},
               {"graph.mul", B_MUL},     {"graph.div", B_DIV},
               {"graph.equal", B_EQ},    {"graph.greater", B_GT},
               {"graph.greater_or_equal", B_GE}, {"graph.less", B_LT},
               {"graph.less_or_equal", B_LE}};
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (strcmp(table[i].name, name) == 0) return table[i].op;
  return B_NONE;
}

/* One row of a comparison (0 or 1, as the reference kernel stores them). */
#define CMP_ROW(OP)                                                                             \
  for (int64_t j = 0; j < inner; j++) o[j] = pa[j * sa] OP pb[j * sb];

#define BIN_ROWS(T, OUT_T, BODY)                                                                \
  do {                                                                                          \
    const T *A = a->data, *B = b->data;                                                         \
    OUT_T *O = out->data;                                                                       \
    int64_t inner = w.inner, sa = w.step[0], sb = w.step[1];                                    \
    for (int64_t r = 0; r < w.rows; r++) {                                                      \
      const T *pa = A + w.base[0], *pb = B + w.base[1];                                         \
      OUT_T *o = O + r * inner;                                                                 \
      BODY                                                                                      \
      walk_next_row(&w);                                                                        \
    }                                                                                           \
  } while (0)

static bool fold_binary(Bin op, const SmTensor *a, const SmTensor *b, SmTensor *out) {
  bool cmp = op >= B_EQ;
  if (a->dtype != b->dtype) return false;
  if (cmp ? out->dtype != SM_DT_BOOL : out->dtype != a->dtype) return false;
  const SmTensor *in[2] = {a, b};
  Walk w;
  walk_init(&w, out, 2, in);
  if (a->dtype == SM_DT_F32) {
    /* f32 arithmetic in float as the reference kernel's f32 path; comparisons
     * in double there, which is exact for floats. */
    switch (op) {
    case B_ADD: BIN_ROWS(float, float, for (int64_t j = 0; j < inner; j++) o[j] = pa[j * sa] + pb[j * sb];); break;
    case B_SUB: BIN_ROWS(float, float, for (int64_t j = 0; j < inner; j++) o[j] = pa[j * sa] - pb[j * sb];); break;
    case B_MUL: BIN_ROWS(float, float, for (int64_t j = 0; j < inner; j++) o[j] = pa[j * sa] * pb[j * sb];); break;
    case B_DIV: BIN_ROWS(float, float, for (int64_t j = 0; j < inner; j++) o[j] = pa[j * sa] / pb[j * sb];); break;
    case B_EQ: BIN_ROWS(float, uint8_t, CMP_ROW(==)); break;
    case B_GT: BIN_ROWS(float, uint8_t, CMP_ROW(>)); break;
    case B_GE: BIN_ROWS(float, uint8_t, CMP_ROW(>=)); break;
    case B_LT: BIN_ROWS(float, uint8_t, CMP_ROW(<)); break;
    case B_LE: BIN_ROWS(float, uint8_t, CMP_ROW(<=)); break;
    default: return false;
    }
    return true;
  }
  if (a->dtype == SM_DT_I64) {
    /* Wrapping arithmetic as the reference kernel's bin_i64; its division
     * has special cases, so it stays there. */
    switch (op) {
    case B_ADD:
      BIN_ROWS(int64_t, int64_t, for (int64_t j = 0; j < inner; j++) o[j] = (int64_t)((uint64_t)pa[j * sa] + (uint64_t)pb[j * sb]););
      break;
    case B_SUB:
      BIN_ROWS(int64_t, int64_t, for (int64_t j = 0; j < inner; j++) o[j] = (int64_t)((uint64_t)pa[j * sa] - (uint64_t)pb[j * sb]););
      break;
    case B_MUL:
      BIN_ROWS(int64_t, int64_t, for (int64_t j = 0; j < inner; j++) o[j] = (int64_t)((uint64_t)pa[j * sa] * (uint64_t)pb[j * sb]););
      break;
    case B_EQ: BIN_ROWS(int64_t, uint8_t, CMP_ROW(==)); break;
    case B_GT: BIN_ROWS(int64_t, uint8_t, CMP_ROW(>)); break;
    case B_GE: BIN_ROWS(int64_t, uint8_t, CMP_ROW(>=)); break;
    case B_LT: BIN_ROWS(int64_t, uint8_t, CMP_ROW(<)); break;
    case B_LE: BIN_ROWS(int64_t, uint8_t, CMP_ROW(<=)); break;
    default: return false;
    }
    return true;
  }
  return false;
}

#define WHERE_ROWS(T)                                                                           \
  do {                                                                                          \
    const uint8_t *C = in[0]->data;                                                             \
    const T *X = in[1]->data, *Y = in[2]->data;                                                 \
    T *O = out->data;                                                                           \
    int64_t inner = w.inner, sc = w.step[0], sx = w.step[1], sy = w.step[2];                    \
    for (int64_t r = 0; r < w.rows; r++) {                                                      \
      const uint8_t *pc = C + w.base[0];                                                        \
      const T *px = X + w.base[1], *py = Y + w.base[2];                                         \
      T *o = O + r * inner;                                                                     \
      for (int64_t j = 0; j < inner; j++) o[j] = pc[j * sc] ? px[j * sx] : py[j * sy];          \
      walk_next_row(&w);                                                                        \
    }                                                                                           \
  } while (0)

/* Where with a bool condition: element copies, any element size. */
static bool fold_where(const SmTensor *const *in, SmTensor *out) {
  if (in[0]->dtype != SM_DT_BOOL || in[1]->dtype != out->dtype || in[2]->dtype != out->dtype)
    return false;
  Walk w;
  walk_init(&w, out, 3, in);
  switch (sm_dtype_size(out->dtype)) {
  case 1: WHERE_ROWS(uint8_t); return true;
  case 4: WHERE_ROWS(uint32_t); return true;
  case 8: WHERE_ROWS(uint64_t); return true;
  default: return false;
  }
}

/* Integer source element i as int64 (the reference kernel's get_i64). */
#define INT_LOOP(BODY)                                                                          \
  switch (x->dtype) {                                                                           \
  case SM_DT_I64: { const int64_t *s = x->data; for (int64_t i = 0; i < n; i++) BODY; } break;  \
  case SM_DT_I32: { const int32_t *s = x->data; for (int64_t i = 0; i < n; i++) BODY; } break;  \
  case SM_DT_I8: { const int8_t *s = x->data; for (int64_t i = 0; i < n; i++) BODY; } break;    \
  case SM_DT_U8:                                                                                \
  case SM_DT_BOOL: { const uint8_t *s = x->data; for (int64_t i = 0; i < n; i++) BODY; } break; \
  default: return false;                                                                        \
  }

/* Casts from integers/bools to f32, f64, i64, i32 and bool, and between
 * floats: the conversions of sm_tensor_set_f64/set_i64. Float -> integer
 * (saturating, NaN handling) stays with the reference kernel. */
static bool fold_cast(const SmTensor *x, SmTensor *out) {
  int64_t n = sm_tensor_numel(x);
  if (x->dtype == SM_DT_F32 || x->dtype == SM_DT_F64) {
    const float *sf = x->data;
    const double *sd = x->data;
    bool f32 = x->dtype == SM_DT_F32;
    if (out->dtype == SM_DT_F32) {
      float *o = out->data;
      for (int64_t i = 0; i < n; i++) o[i] = (float)(f32 ? (double)sf[i] : sd[i]);
    } else if (out->dtype == SM_DT_F64) {
      double *o = out->data;
      for (int64_t i = 0; i < n; i++) o[i] = f32 ? (double)sf[i] : sd[i];
    } else {
      return false;
    }
    return true;
  }
  switch (out->dtype) {
  case SM_DT_F32: { float *o = out->data; INT_LOOP(o[i] = (float)(double)s[i]); return true; }
  case SM_DT_F64: { double *o = out->data; INT_LOOP(o[i] = (double)s[i]); return true; }
  case SM_DT_I64: { int64_t *o = out->data; INT_LOOP(o[i] = (int64_t)s[i]); return true; }
  case SM_DT_I32: { int32_t *o = out->data; INT_LOOP(o[i] = (int32_t)(uint32_t)(uint64_t)(int64_t)s[i]); return true; }
  case SM_DT_BOOL: { uint8_t *o = out->data; INT_LOOP(o[i] = s[i] != 0); return true; }
  default: return false;
  }
}

bool sm_onnx_fold_fast(const char *name, unsigned nin, const SmTensor *const *in, unsigned nout,
                       SmTensor *out) {
  if (nout != 1) return false;
  if (nin == 1 && (strcmp(name, "graph.reshape") == 0 || strcmp(name, "graph.unsqueeze") == 0 ||
                   strcmp(name, "graph.squeeze") == 0 || strcmp(name, "graph.flatten") == 0)) {
    size_t nbytes = sm_tensor_nbytes(out);
    if (in[0]->dtype != out->dtype || sm_tensor_nbytes(in[0]) != nbytes) return false;
    memcpy(out->data, in[0]->data, nbytes);
    return true;
  }
  if (nin == 1 && strcmp(name, "graph.cast") == 0) return fold_cast(in[0], out);
  if (nin == 1 && strcmp(name, "graph.not") == 0) {
    if (in[0]->dtype != SM_DT_BOOL || out->dtype != SM_DT_BOOL) return false;
    const uint8_t *s = in[0]->data;
    uint8_t *o = out->data;
    for (int64_t i = 0, n = sm_tensor_numel(out); i < n; i++) o[i] = s[i] == 0;
    return true;
  }
  if (nin == 3 && strcmp(name, "graph.where") == 0) return fold_where(in, out);
  if (nin == 2) {
    Bin op = bin_op(name);
    return op != B_NONE && fold_binary(op, in[0], in[1], out);
  }
  return false;
}
