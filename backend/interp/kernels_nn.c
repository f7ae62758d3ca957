/* Neural-network kernels on float tensors: convolution, pooling, matmul,
 * gemm, normalisations, softmax and reductions. Accumulation is in double so
 * results sit close to onnxruntime's float outputs. */
#include "backend/interp/kernels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool sm_kernel_require_float(const SmKernelCtx *k, const SmTensor *t) {
  if (t->dtype == SM_DT_F32 || t->dtype == SM_DT_F64) return true;
  return sm_emit_error(k->ctx, k->loc, "'%s': the interpreter supports only float tensors here, got %s",
                       k->name, sm_dtype_name(t->dtype));
}

/* Spatial attributes of a 2-D window op, with ONNX defaults. */
typedef struct Window {
  int64_t kh, kw, sh, sw, ph, pw, dh, dw;
} Window;

static void window_props(const SmAttr *props, int64_t kh, int64_t kw, Window *w) {
  int64_t v[4];
  w->kh = kh;
  w->kw = kw;
  w->sh = w->sw = 1;
  w->dh = w->dw = 1;
  w->ph = w->pw = 0;
  if (sm_graph_prop_ints(props, "strides", v, 4) == 2) { w->sh = v[0]; w->sw = v[1]; }
  if (sm_graph_prop_ints(props, "dilations", v, 4) == 2) { w->dh = v[0]; w->dw = v[1]; }
  if (sm_graph_prop_ints(props, "pads", v, 4) == 4) { w->ph = v[0]; w->pw = v[1]; }
}

/* Window geometry of an N-D conv/pool over spatial dims 2..rank-1. */
typedef struct WindowNd {
  unsigned ns;
  int64_t k[SM_TENSOR_MAX_RANK], s[SM_TENSOR_MAX_RANK], d[SM_TENSOR_MAX_RANK], pb[SM_TENSOR_MAX_RANK],
      pe[SM_TENSOR_MAX_RANK];
} WindowNd;

static void window_nd(const SmAttr *props, unsigned ns, const int64_t *k, WindowNd *w) {
  int64_t v[2 * SM_TENSOR_MAX_RANK];
  w->ns = ns;
  for (unsigned i = 0; i < ns; i++) w->k[i] = k[i], w->s[i] = w->d[i] = 1, w->pb[i] = w->pe[i] = 0;
  if (sm_graph_prop_ints(props, "strides", v, SM_TENSOR_MAX_RANK) == (int)ns)
    for (unsigned i = 0; i < ns; i++) w->s[i] = v[i];
  if (sm_graph_prop_ints(props, "dilations", v, SM_TENSOR_MAX_RANK) == (int)ns)
    for (unsigned i = 0; i < ns; i++) w->d[i] = v[i];
  if (sm_graph_prop_ints(props, "pads", v, 2 * SM_TENSOR_MAX_RANK) == (int)(2 * ns))
    for (unsigned i = 0; i < ns; i++) w->pb[i] = v[i], w->pe[i] = v[ns + i];
}

/* Any-rank convolution (the 2-D one below is the fast path). */
static bool conv_nd(const SmKernelCtx *k, const SmAttr *props, const SmTensor *x, const SmTensor *wt,
                    const SmTensor *bias, SmTensor *out) {
  unsigned ns = x->rank - 2;
  WindowNd w;
  window_nd(props, ns, wt->dims + 2, &w);
  int64_t group = sm_graph_prop_int(props, "group", 1);
  int64_t C = x->dims[1], M = out->dims[1], CG = C / group, MG = M / group;
  int64_t xs[SM_TENSOR_MAX_RANK], ws[SM_TENSOR_MAX_RANK], oc[SM_TENSOR_MAX_RANK] = {0};
  sm_kernel_strides(x->rank, x->dims, xs);
  sm_kernel_strides(wt->rank, wt->dims, ws);
  int64_t n_out = sm_tensor_numel(out);
  for (int64_t o = 0; o < n_out; o++) {
    int64_t m = oc[1], g = m / MG;
    double acc = bias ? sm_tensor_get_f64(bias, m) : 0.0;
    for (int64_t c = 0; c < CG; c++) {
      int64_t kc[SM_TENSOR_MAX_RANK] = {0};
      do {
        int64_t xi = oc[0] * xs[0] + (g * CG + c) * xs[1], wi = m * ws[0] + c * ws[1];
        bool in = true;
        for (unsigned i = 0; i < ns && in; i++) {
          int64_t p = oc[2 + i] * w.s[i] - w.pb[i] + kc[i] * w.d[i];
          in = p >= 0 && p < x->dims[2 + i];
          xi += p * xs[2 + i];
          wi += kc[i] * ws[2 + i];
        }
        if (in) acc += sm_tensor_get_f64(x, xi) * sm_tensor_get_f64(wt, wi);
      } while (sm_kernel_next_coord(ns, w.k, kc));
    }
    sm_tensor_set_f64(out, o, acc);
    sm_kernel_next_coord(out->rank, out->dims, oc);
  }
  return true;
}

/* Any-rank pooling; window positions inside the padded extent count for
 * count_include_pad, those inside the input otherwise. */
static bool pool_nd(const SmAttr *props, const SmTensor *x, SmTensor *out, bool is_max) {
  unsigned ns = x->rank - 2;
  int64_t ks[SM_TENSOR_MAX_RANK];
  for (unsigned i = 0; i < ns; i++) ks[i] = 1;
  sm_graph_prop_ints(props, "kernel_shape", ks, SM_TENSOR_MAX_RANK);
  WindowNd w;
  window_nd(props, ns, ks, &w);
  bool include_pad = sm_graph_prop_int(props, "count_include_pad", 0) != 0;
  int64_t xs[SM_TENSOR_MAX_RANK], oc[SM_TENSOR_MAX_RANK] = {0};
  sm_kernel_strides(x->rank, x->dims, xs);
  int64_t n_out = sm_tensor_numel(out);
  for (int64_t o = 0; o < n_out; o++) {
    double acc = is_max ? -INFINITY : 0.0;
    int64_t count = 0, padded = 0, kc[SM_TENSOR_MAX_RANK] = {0};
    do {
      int64_t xi = oc[0] * xs[0] + oc[1] * xs[1];
      bool in = true, in_pad = true;
      for (unsigned i = 0; i < ns; i++) {
        int64_t p = oc[2 + i] * w.s[i] - w.pb[i] + kc[i] * w.d[i];
        in = in && p >= 0 && p < x->dims[2 + i];
        in_pad = in_pad && p >= -w.pb[i] && p < x->dims[2 + i] + w.pe[i];
        xi += p * xs[2 + i];
      }
      padded += in_pad;
      if (!in) continue;
      double v = sm_tensor_get_f64(x, xi);
      if (is_max) acc = v > acc ? v : acc;
      else acc += v;
      count++;
    } while (sm_kernel_next_coord(ns, w.k, kc));
    if (!is_max) {
      int64_t denom = include_pad ? padded : count;
      acc = denom ? acc / (double)denom : 0.0;
    }
    sm_tensor_set_f64(out, o, acc);
    sm_kernel_next_coord(out->rank, out->dims, oc);
  }
  return true;
}

static bool k_conv(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                   const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0], *wt = in[1], *bias = nin > 2 ? in[2] : NULL;
  if (!sm_kernel_require_float(k, x) || !sm_kernel_require_float(k, wt)) return false;
  if (x->rank != 4) return conv_nd(k, props, x, wt, bias, out);
  int64_t group = sm_graph_prop_int(props, "group", 1);
  int64_t N = x->dims[0], C = x->dims[1], H = x->dims[2], W = x->dims[3];
  int64_t M = out->dims[1], OH = out->dims[2], OW = out->dims[3];
  int64_t CG = C / group, MG = M / group;
  Window w;
  window_props(props, wt->dims[2], wt->dims[3], &w);
  /* Direct float access for the common case; getters otherwise. */
  const float *xf = x->dtype == SM_DT_F32 ? x->data : NULL;
  const float *wf = wt->dtype == SM_DT_F32 ? wt->data : NULL;
  for (int64_t n = 0; n < N; n++)
    for (int64_t m = 0; m < M; m++) {
      int64_t g = m / MG;
      double b = bias ? sm_tensor_get_f64(bias, m) : 0.0;
      for (int64_t oy = 0; oy < OH; oy++)
        for (int64_t ox = 0; ox < OW; ox++) {
          double acc = b;
          for (int64_t c = 0; c < CG; c++) {
            int64_t ic = g * CG + c;
            for (int64_t ky = 0; ky < w.kh; ky++) {
              int64_t iy = oy * w.sh - w.ph + ky * w.dh;
              if (iy < 0 || iy >= H) continue;
              for (int64_t kx = 0; kx < w.kw; kx++) {
                int64_t ix = ox * w.sw - w.pw + kx * w.dw;
                if (ix < 0 || ix >= W) continue;
                int64_t xi = ((n * C + ic) * H + iy) * W + ix;
                int64_t wi = ((m * CG + c) * w.kh + ky) * w.kw + kx;
                if (xf && wf) acc += (double)xf[xi] * wf[wi];
                else acc += sm_tensor_get_f64(x, xi) * sm_tensor_get_f64(wt, wi);
              }
            }
          }
          sm_tensor_set_f64(out, ((n * M + m) * OH + oy) * OW + ox, acc);
        }
    }
  return true;
}

static bool pool(const SmKernelCtx *k, const SmAttr *props, const SmTensor *x, SmTensor *out,
                 bool is_max) {
  if (!sm_kernel_require_float(k, x)) return false;
  if (x->rank != 4) return pool_nd(props, x, out, is_max);
  int64_t ks[2] = {1, 1};
  if (sm_graph_prop_ints(props, "kernel_shape", ks, 2) != 2)
    return sm_emit_error(k->ctx, k->loc, "'%s' needs a 2-D kernel_shape", k->name);
  Window w;
  window_props(props, ks[0], ks[1], &w);
  bool include_pad = sm_graph_prop_int(props, "count_include_pad", 0) != 0;
  int64_t NC = x->dims[0] * x->dims[1], H = x->dims[2], W = x->dims[3];
  int64_t OH = out->dims[2], OW = out->dims[3];
  int64_t pads[4] = {0, 0, 0, 0};
  sm_graph_prop_ints(props, "pads", pads, 4);
  for (int64_t nc = 0; nc < NC; nc++)
    for (int64_t oy = 0; oy < OH; oy++)
      for (int64_t ox = 0; ox < OW; ox++) {
        double acc = is_max ? -INFINITY : 0.0;
        int64_t count = 0, padded = 0;
        for (int64_t ky = 0; ky < w.kh; ky++) {
          int64_t iy = oy * w.sh - w.ph + ky * w.dh;
          for (int64_t kx = 0; kx < w.kw; kx++) {
            int64_t ix = ox * w.sw - w.pw + kx * w.dw;
            /* Window positions inside the padded extent count for count_include_pad. */
            if (iy >= -pads[0] && iy < H + pads[2] && ix >= -pads[1] && ix < W + pads[3]) padded++;
            if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
            double v = sm_tensor_get_f64(x, (nc * H + iy) * W + ix);
            if (is_max) acc = v > acc ? v : acc;
            else acc += v;
            count++;
          }
        }
        if (!is_max) {
          int64_t denom = include_pad ? padded : count;
          acc = denom ? acc / (double)denom : 0.0;
        }
        sm_tensor_set_f64(out, (nc * OH + oy) * OW + ox, acc);
      }
  return true;
}

static bool k_max_pool(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                       const SmTensor *const *in, unsigned nout, SmTensor *out) {
  return pool(k, props, in[0], out, true);
}

static bool k_average_pool(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                           const SmTensor *const *in, unsigned nout, SmTensor *out) {
  return pool(k, props, in[0], out, false);
}

static bool k_global_average_pool(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                                  const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  if (!sm_kernel_require_float(k, x)) return false;
  int64_t NC = x->rank >= 2 ? x->dims[0] * x->dims[1] : 1;
  int64_t S = NC ? sm_tensor_numel(x) / NC : 0;
  for (int64_t i = 0; i < NC; i++) {
    double acc = 0;
    for (int64_t j = 0; j < S; j++) acc += sm_tensor_get_f64(x, i * S + j);
    sm_tensor_set_f64(out, i, S ? acc / (double)S : 0.0);
  }
  return true;
}

/* C[m,n] = sum_k A[m,k] B[k,n] on 2-D slices at the given element offsets. */
static void matmul2d(const SmTensor *a, int64_t oa, const SmTensor *b, int64_t ob, SmTensor *c,
                     int64_t oc, int64_t M, int64_t K, int64_t N) {
  if (a->dtype == SM_DT_F32 && b->dtype == SM_DT_F32 && c->dtype == SM_DT_F32) {
    const float *A = (const float *)a->data + oa, *B = (const float *)b->data + ob;
    float *C = (float *)c->data + oc;
    double *row = calloc((size_t)(N ? N : 1), sizeof *row);
    if (!row) return;
    for (int64_t m = 0; m < M; m++) {
      memset(row, 0, (size_t)N * sizeof *row);
      for (int64_t kk = 0; kk < K; kk++) {
        double av = A[m * K + kk];
        const float *brow = B + kk * N;
        for (int64_t n = 0; n < N; n++) row[n] += av * brow[n];
      }
      for (int64_t n = 0; n < N; n++) C[m * N + n] = (float)row[n];
    }
    free(row);
    return;
  }
  for (int64_t m = 0; m < M; m++)
    for (int64_t n = 0; n < N; n++) {
      double acc = 0;
      for (int64_t kk = 0; kk < K; kk++)
        acc += sm_tensor_get_f64(a, oa + m * K + kk) * sm_tensor_get_f64(b, ob + kk * N + n);
      sm_tensor_set_f64(c, oc + m * N + n, acc);
    }
}

static bool k_matmul(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                     const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *a = in[0], *b = in[1];
  if (!sm_kernel_require_float(k, a) || !sm_kernel_require_float(k, b)) return false;
  /* Promote 1-D operands as numpy does: (K) -> (1,K) and (K) -> (K,1). */
  int64_t M = a->rank >= 2 ? a->dims[a->rank - 2] : 1;
  int64_t K = a->dims[a->rank - 1];
  int64_t N = b->rank >= 2 ? b->dims[b->rank - 1] : 1;
  unsigned ba = a->rank > 2 ? a->rank - 2 : 0, bb = b->rank > 2 ? b->rank - 2 : 0;
  unsigned br = ba > bb ? ba : bb;
  int64_t bdims[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  int64_t sa[SM_TENSOR_MAX_RANK], sb[SM_TENSOR_MAX_RANK];
  int64_t nbatch = 1;
  for (unsigned d = 0; d < br; d++) {
    int64_t da = d + ba >= br ? a->dims[d + ba - br] : 1;
    int64_t db = d + bb >= br ? b->dims[d + bb - br] : 1;
    bdims[d] = da > db ? da : db;
    nbatch *= bdims[d];
  }
  /* Batch strides in units of matrices. */
  int64_t acc_a = 1, acc_b = 1;
  for (int d = (int)br - 1; d >= 0; d--) {
    int64_t da = (unsigned)d + ba >= br ? a->dims[(unsigned)d + ba - br] : 1;
    int64_t db = (unsigned)d + bb >= br ? b->dims[(unsigned)d + bb - br] : 1;
    sa[d] = da == 1 ? 0 : acc_a;
    sb[d] = db == 1 ? 0 : acc_b;
    acc_a *= da;
    acc_b *= db;
  }
  for (int64_t i = 0; i < nbatch; i++) {
    int64_t ia = 0, ib = 0;
    for (unsigned d = 0; d < br; d++) {
      ia += coord[d] * sa[d];
      ib += coord[d] * sb[d];
    }
    matmul2d(a, ia * M * K, b, ib * K * N, out, i * M * N, M, K, N);
    sm_kernel_next_coord(br, bdims, coord);
  }
  return true;
}

static bool k_gemm(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                   const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *a = in[0], *b = in[1], *c = nin > 2 ? in[2] : NULL;
  if (!sm_kernel_require_float(k, a) || !sm_kernel_require_float(k, b)) return false;
  bool ta = sm_graph_prop_int(props, "transA", 0) != 0;
  bool tb = sm_graph_prop_int(props, "transB", 0) != 0;
  double alpha = sm_graph_prop_float(props, "alpha", 1.0), beta = sm_graph_prop_float(props, "beta", 1.0);
  int64_t M = out->dims[0], N = out->dims[1], K = ta ? a->dims[0] : a->dims[1];
  int64_t sc[2] = {0, 0};
  if (c) sm_kernel_bcast_strides(c, 2, out->dims, sc);
  for (int64_t m = 0; m < M; m++)
    for (int64_t n = 0; n < N; n++) {
      double acc = 0;
      for (int64_t kk = 0; kk < K; kk++) {
        double av = sm_tensor_get_f64(a, ta ? kk * M + m : m * K + kk);
        double bv = sm_tensor_get_f64(b, tb ? n * K + kk : kk * N + n);
        acc += av * bv;
      }
      acc *= alpha;
      if (c) acc += beta * sm_tensor_get_f64(c, m * sc[0] + n * sc[1]);
      sm_tensor_set_f64(out, m * N + n, acc);
    }
  return true;
}

static bool k_batch_normalization(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                                  const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  if (!sm_kernel_require_float(k, x)) return false;
  double eps = sm_graph_prop_float(props, "epsilon", 1e-5);
  int64_t N = x->dims[0], C = x->rank > 1 ? x->dims[1] : 1;
  int64_t S = (N * C) != 0 ? sm_tensor_numel(x) / (N * C) : 0;
  for (int64_t n = 0; n < N; n++)
    for (int64_t c = 0; c < C; c++) {
      double sc = sm_tensor_get_f64(in[1], c), bi = sm_tensor_get_f64(in[2], c);
      double mean = sm_tensor_get_f64(in[3], c), var = sm_tensor_get_f64(in[4], c);
      double inv = 1.0 / sqrt(var + eps);
      for (int64_t s = 0; s < S; s++) {
        int64_t i = (n * C + c) * S + s;
        sm_tensor_set_f64(out, i, (sm_tensor_get_f64(x, i) - mean) * inv * sc + bi);
      }
    }
  return true;
}

static int64_t norm_axis(int64_t axis, unsigned rank) { return axis < 0 ? axis + (int64_t)rank : axis; }

static bool k_layer_normalization(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                                  const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0], *scale = in[1], *bias = nin > 2 ? in[2] : NULL;
  if (!sm_kernel_require_float(k, x)) return false;
  int64_t axis = norm_axis(sm_graph_prop_int(props, "axis", -1), x->rank);
  double eps = sm_graph_prop_float(props, "epsilon", 1e-5);
  int64_t inner = 1;
  for (unsigned d = (unsigned)axis; d < x->rank; d++) inner *= x->dims[d];
  int64_t outer = inner ? sm_tensor_numel(x) / inner : 0;
  int64_t ns = sm_tensor_numel(scale), nb = bias ? sm_tensor_numel(bias) : 0;
  for (int64_t o = 0; o < outer; o++) {
    double mean = 0, var = 0;
    for (int64_t i = 0; i < inner; i++) mean += sm_tensor_get_f64(x, o * inner + i);
    mean /= (double)inner;
    for (int64_t i = 0; i < inner; i++) {
      double d = sm_tensor_get_f64(x, o * inner + i) - mean;
      var += d * d;
    }
    var /= (double)inner;
    double inv = 1.0 / sqrt(var + eps);
    for (int64_t i = 0; i < inner; i++) {
      double y = (sm_tensor_get_f64(x, o * inner + i) - mean) * inv;
      y *= sm_tensor_get_f64(scale, ns == inner ? i : 0);
      if (bias) y += sm_tensor_get_f64(bias, nb == inner ? i : 0);
      sm_tensor_set_f64(out, o * inner + i, y);
    }
  }
  return true;
}

static bool k_softmax(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                      const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  if (!sm_kernel_require_float(k, x)) return false;
  int64_t axis = norm_axis(sm_graph_prop_int(props, "axis", -1), x->rank);
  int64_t outer = 1, len = x->dims[axis], inner = 1;
  for (int64_t d = 0; d < axis; d++) outer *= x->dims[d];
  for (unsigned d = (unsigned)axis + 1; d < x->rank; d++) inner *= x->dims[d];
  for (int64_t o = 0; o < outer; o++)
    for (int64_t i = 0; i < inner; i++) {
      int64_t base = o * len * inner + i;
      double mx = -INFINITY, sum = 0;
      for (int64_t j = 0; j < len; j++) {
        double v = sm_tensor_get_f64(x, base + j * inner);
        mx = v > mx ? v : mx;
      }
      for (int64_t j = 0; j < len; j++) sum += exp(sm_tensor_get_f64(x, base + j * inner) - mx);
      for (int64_t j = 0; j < len; j++)
        sm_tensor_set_f64(out, base + j * inner, exp(sm_tensor_get_f64(x, base + j * inner) - mx) / sum);
    }
  return true;
}

typedef enum RedKind { R_SUM, R_MEAN, R_MAX, R_MIN, R_PROD, R_L1, R_L2, R_SUMSQ } RedKind;

static bool k_reduce(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                     const SmTensor *const *in, unsigned nout, SmTensor *out) {
  static const struct {
    const char *name;
    RedKind kind;
  } kinds[] = {{"graph.reduce_sum", R_SUM},   {"graph.reduce_mean", R_MEAN},
               {"graph.reduce_max", R_MAX},   {"graph.reduce_min", R_MIN},
               {"graph.reduce_prod", R_PROD}, {"graph.reduce_l1", R_L1},
               {"graph.reduce_l2", R_L2},     {"graph.reduce_sum_square", R_SUMSQ}};
  RedKind kind = R_SUM;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (strcmp(kinds[i].name, k->name) == 0) kind = kinds[i].kind;
  const SmTensor *x = in[0];
  int64_t axes[SM_TENSOR_MAX_RANK];
  int na = sm_graph_prop_ints(props, "axes", axes, SM_TENSOR_MAX_RANK);
  bool reduced[SM_TENSOR_MAX_RANK] = {false};
  if (na <= 0) {
    for (unsigned d = 0; d < x->rank; d++) reduced[d] = true;
  } else {
    for (int i = 0; i < na; i++) reduced[norm_axis(axes[i], x->rank)] = true;
  }
  /* Output strides over input coordinates (0 along reduced axes). */
  int64_t ostr[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0}, acc = 1;
  for (int d = (int)x->rank - 1; d >= 0; d--) {
    ostr[d] = reduced[d] ? 0 : acc;
    if (!reduced[d]) acc *= x->dims[d];
  }
  int64_t no = sm_tensor_numel(out), n = sm_tensor_numel(x);
  double *accs = malloc((size_t)(no ? no : 1) * sizeof *accs);
  if (!accs) return sm_emit_error(k->ctx, k->loc, "out of memory");
  double init = kind == R_MAX ? -INFINITY : kind == R_MIN ? INFINITY : kind == R_PROD ? 1.0 : 0.0;
  for (int64_t i = 0; i < no; i++) accs[i] = init;
  for (int64_t i = 0; i < n; i++) {
    int64_t o = 0;
    for (unsigned d = 0; d < x->rank; d++) o += coord[d] * ostr[d];
    double v = sm_tensor_get_f64(x, i);
    switch (kind) {
    case R_SUM: case R_MEAN: accs[o] += v; break;
    case R_MAX: accs[o] = v > accs[o] ? v : accs[o]; break;
    case R_MIN: accs[o] = v < accs[o] ? v : accs[o]; break;
    case R_PROD: accs[o] *= v; break;
    case R_L1: accs[o] += fabs(v); break;
    case R_L2: case R_SUMSQ: accs[o] += v * v; break;
    }
    sm_kernel_next_coord(x->rank, x->dims, coord);
  }
  int64_t count = no ? n / no : 0;
  for (int64_t i = 0; i < no; i++) {
    double v = accs[i];
    if (kind == R_MEAN) v = count ? v / (double)count : NAN;
    if (kind == R_L2) v = sqrt(v);
    if (sm_dtype_is_float(out->dtype)) sm_tensor_set_f64(out, i, v);
    else sm_tensor_set_i64(out, i, (int64_t)v);
  }
  free(accs);
  return true;
}

const SmKernelEntry sm_kernels_nn[] = {
    {"graph.conv", k_conv},
    {"graph.max_pool", k_max_pool},
    {"graph.average_pool", k_average_pool},
    {"graph.global_average_pool", k_global_average_pool},
    {"graph.matmul", k_matmul},
    {"graph.gemm", k_gemm},
    {"graph.batch_normalization", k_batch_normalization},
    {"graph.layer_normalization", k_layer_normalization},
    {"graph.softmax", k_softmax},
    {"graph.reduce_sum", k_reduce},
    {"graph.reduce_mean", k_reduce},
    {"graph.reduce_max", k_reduce},
    {"graph.reduce_min", k_reduce},
    {"graph.reduce_prod", k_reduce},
    {"graph.reduce_l1", k_reduce},
    {"graph.reduce_l2", k_reduce},
    {"graph.reduce_sum_square", k_reduce},
    {NULL, NULL},
};
