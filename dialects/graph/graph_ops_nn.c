/* graph dialect: neural-network ops (convolution, pooling, matmul, gemm,
 * normalisations, softmax, reductions). Window arithmetic follows ONNX:
 * pads are [begin..., end...] per spatial dimension. */
#include "dialects/graph/graph_internal.h"

#include <string.h>

/* Spatial attributes of a window op over `ns` spatial dims; ONNX defaults. */
typedef struct GWindow {
  int64_t k[GRAPH_MAX_RANK], s[GRAPH_MAX_RANK], d[GRAPH_MAX_RANK], p[2 * GRAPH_MAX_RANK];
} GWindow;

static bool window(GInfer *g, unsigned ns, GWindow *w, bool need_kernel) {
  for (unsigned i = 0; i < ns; i++) {
    w->s[i] = w->d[i] = 1;
    w->p[i] = w->p[i + ns] = 0;
  }
  int n = sm_graph_prop_ints(g->props, "kernel_shape", w->k, GRAPH_MAX_RANK);
  if (need_kernel && n != (int)ns) return g_error(g, "kernel_shape must have %u entries", ns);
  if (sm_graph_prop_ints(g->props, "strides", w->s, GRAPH_MAX_RANK) >= 0 &&
      sm_graph_prop_ints(g->props, "strides", w->s, GRAPH_MAX_RANK) != (int)ns)
    return g_error(g, "strides must have %u entries", ns);
  if (sm_graph_prop_ints(g->props, "dilations", w->d, GRAPH_MAX_RANK) >= 0 &&
      sm_graph_prop_ints(g->props, "dilations", w->d, GRAPH_MAX_RANK) != (int)ns)
    return g_error(g, "dilations must have %u entries", ns);
  int np = sm_graph_prop_ints(g->props, "pads", w->p, 2 * GRAPH_MAX_RANK);
  if (np >= 0 && np != (int)(2 * ns)) return g_error(g, "pads must have %u entries", 2 * ns);
  for (unsigned i = 0; i < ns; i++) {
    if (w->s[i] < 1 || w->d[i] < 1) return g_error(g, "strides and dilations must be positive");
    if (w->p[i] < 0 || w->p[i + ns] < 0) return g_error(g, "pads must be non-negative");
  }
  return true;
}

/* Output extent of one spatial dim. */
static bool window_out(GInfer *g, int64_t in, int64_t k, int64_t s, int64_t d, int64_t pb,
                       int64_t pe, bool ceil_mode, int64_t *out) {
  if (k < 1) return g_error(g, "window does not fit in the padded input");
  int64_t eff, span;
  if (!sm_checked_muladd(k - 1, d, 1, &eff) || !sm_checked_add(in, pb, &span) ||
      !sm_checked_add(span, pe, &span) || !sm_checked_sub(span, eff, &span))
    return G_OVERFLOW(g);
  if (span < 0) return g_error(g, "window does not fit in the padded input");
  /* span + s - 1 without overflow: span / s rounded up. */
  int64_t o = (ceil_mode ? span / s + (span % s != 0) : span / s) + 1;
  /* The last window must start inside the input or left padding (in + pb
   * did not overflow above). */
  int64_t start;
  if (ceil_mode && (!sm_checked_mul(o - 1, s, &start) || start >= in + pb)) o--;
  *out = o;
  return true;
}

static bool infer_conv(GInfer *g) {
  unsigned r = g_rank(g, 0);
  if (r < 3 || g_rank(g, 1) != r) return g_error(g, "input and weight must have the same rank >= 3");
  if (!g_require_float(g, 0) || !g_same_elem(g, 0, 1)) return false;
  const int64_t *x = g_dims(g, 0), *w = g_dims(g, 1);
  int64_t group = sm_graph_prop_int(g->props, "group", 1);
  if (group < 1 || x[1] % group != 0 || w[0] % group != 0)
    return g_error(g, "group %lld must divide input channels %lld and output channels %lld",
                   (long long)group, (long long)x[1], (long long)w[0]);
  int64_t wg;
  if (!sm_checked_mul(w[1], group, &wg) || wg != x[1])
    return g_error(g, "weight has %lld input channels per group, expected %lld", (long long)w[1],
                   (long long)(x[1] / group));
  if (g->nin == 3 && (g_rank(g, 2) != 1 || g_dims(g, 2)[0] != w[0]))
    return g_error(g, "bias must have shape [%lld]", (long long)w[0]);
  unsigned ns = r - 2;
  GWindow win;
  if (!window(g, ns, &win, false)) return false;
  int64_t ks[GRAPH_MAX_RANK];
  int nk = sm_graph_prop_ints(g->props, "kernel_shape", ks, GRAPH_MAX_RANK);
  int64_t out[GRAPH_MAX_RANK] = {x[0], w[0]};
  for (unsigned i = 0; i < ns; i++) {
    if (nk >= 0 && (nk != (int)ns || ks[i] != w[i + 2]))
      return g_error(g, "kernel_shape does not match the weight shape");
    if (!window_out(g, x[i + 2], w[i + 2], win.s[i], win.d[i], win.p[i], win.p[i + ns], false,
                    &out[i + 2]))
      return false;
  }
  return g_result(g, r, out, g_elem(g, 0));
}

/* ConvTranspose (ONNX): weight [C, M/group, k...]; output extent
 * s*(in-1) + output_padding + (k-1)*d + 1 - pad_begin - pad_end. The importer
 * turns output_shape and auto_pad into explicit pads. */
static bool infer_conv_transpose(GInfer *g) {
  unsigned r = g_rank(g, 0);
  if (r < 3 || g_rank(g, 1) != r) return g_error(g, "input and weight must have the same rank >= 3");
  if (!g_require_float(g, 0) || !g_same_elem(g, 0, 1)) return false;
  const int64_t *x = g_dims(g, 0), *w = g_dims(g, 1);
  int64_t group = sm_graph_prop_int(g->props, "group", 1);
  if (group < 1 || x[1] % group != 0) return g_error(g, "group %lld must divide input channels %lld", (long long)group, (long long)x[1]);
  if (w[0] != x[1]) return g_error(g, "weight has %lld input channels, expected %lld", (long long)w[0], (long long)x[1]);
  int64_t m = w[1] * group;
  if (g->nin == 3 && (g_rank(g, 2) != 1 || g_dims(g, 2)[0] != m))
    return g_error(g, "bias must have shape [%lld]", (long long)m);
  unsigned ns = r - 2;
  GWindow win;
  if (!window(g, ns, &win, false)) return false;
  int64_t ks[GRAPH_MAX_RANK], op[GRAPH_MAX_RANK] = {0};
  int nk = sm_graph_prop_ints(g->props, "kernel_shape", ks, GRAPH_MAX_RANK);
  int no = sm_graph_prop_ints(g->props, "output_padding", op, GRAPH_MAX_RANK);
  if (no >= 0 && no != (int)ns) return g_error(g, "output_padding must have %u entries", ns);
  int64_t out[GRAPH_MAX_RANK] = {x[0], m};
  for (unsigned i = 0; i < ns; i++) {
    if (nk >= 0 && (nk != (int)ns || ks[i] != w[i + 2]))
      return g_error(g, "kernel_shape does not match the weight shape");
    if (op[i] < 0 || (op[i] >= win.s[i] && op[i] >= win.d[i]))
      return g_error(g, "output_padding must be smaller than the stride or the dilation");
    if (x[i + 2] < 1 || w[i + 2] < 1 || x[i + 2] > INT32_MAX || w[i + 2] > INT32_MAX || win.s[i] > INT32_MAX ||
        win.d[i] > INT32_MAX || win.p[i] > INT32_MAX || win.p[i + ns] > INT32_MAX || op[i] > INT32_MAX)
      return g_error(g, "spatial sizes, strides, dilations and pads must be positive and below 2^31");
    out[i + 2] = win.s[i] * (x[i + 2] - 1) + op[i] + (w[i + 2] - 1) * win.d[i] + 1 - win.p[i] - win.p[i + ns];
    if (out[i + 2] < 1) return g_error(g, "the pads leave an empty output");
  }
  return g_result(g, r, out, g_elem(g, 0));
}

/* Einsum (float operands): the equation parser decides the output shape. */
static bool infer_einsum(GInfer *g) {
  unsigned ranks[SM_EINSUM_MAX_INPUTS];
  const int64_t *dims[SM_EINSUM_MAX_INPUTS];
  if (g->nin > SM_EINSUM_MAX_INPUTS) return g_error(g, "at most %d operands", SM_EINSUM_MAX_INPUTS);
  for (unsigned i = 0; i < g->nin; i++) {
    if (!g_require_float(g, i) || !g_same_elem(g, 0, i)) return false;
    ranks[i] = g_rank(g, i);
    dims[i] = g_dims(g, i);
  }
  SmGraphEinsum e;
  char msg[160];
  if (!sm_graph_einsum_parse(sm_graph_prop_str(g->props, "equation", NULL), g->nin, ranks, dims, &e, msg, sizeof msg))
    return g_error(g, "equation: %s", msg);
  if (e.out_rank > GRAPH_MAX_RANK) return g_error(g, "result rank above %d", GRAPH_MAX_RANK);
  int64_t out[GRAPH_MAX_RANK];
  for (unsigned d = 0; d < e.out_rank; d++) out[d] = e.size[e.out[d]];
  return g_result(g, e.out_rank, out, g_elem(g, 0));
}

/* Trilu: keeps the upper (upper = 1, default) or lower triangle of the
 * last two dims relative to diagonal k; any element type. */
static bool infer_trilu(GInfer *g) {
  if (g_rank(g, 0) < 2) return g_error(g, "input must have rank >= 2");
  return g_result(g, g_rank(g, 0), g_dims(g, 0), g_elem(g, 0));
}

/* CumSum along 'axis' (exclusive, reverse: 0 or 1); floats or integers. */
static bool infer_cum_sum(GInfer *g) {
  SmType *e = g_elem(g, 0);
  if (!sm_type_is_float(e) && !(sm_type_is_integer(e) && e->integer.width > 1))
    return g_error(g, "operand #0 must be a tensor of floats or integers");
  int64_t a;
  if (g_rank(g, 0) < 1) return g_error(g, "input must have rank >= 1");
  if (!g_axis(g, sm_graph_prop_int(g->props, "axis", 0), g_rank(g, 0), &a)) return false;
  return g_result(g, g_rank(g, 0), g_dims(g, 0), e);
}

/* ArgMax / ArgMin along 'axis' (default 0), keepdims (default 1): i64. */
static bool infer_arg(GInfer *g) {
  SmType *e = g_elem(g, 0);
  if (!sm_type_is_float(e) && !(sm_type_is_integer(e) && e->integer.width > 1))
    return g_error(g, "operand #0 must be a tensor of floats or integers");
  unsigned r = g_rank(g, 0);
  int64_t a;
  if (r < 1) return g_error(g, "input must have rank >= 1");
  if (!g_axis(g, sm_graph_prop_int(g->props, "axis", 0), r, &a)) return false;
  if (g_dims(g, 0)[a] < 1) return g_error(g, "the reduced axis is empty");
  bool keep = sm_graph_prop_int(g->props, "keepdims", 1) != 0;
  int64_t out[GRAPH_MAX_RANK];
  unsigned ro = 0;
  for (unsigned d = 0; d < r; d++) {
    if ((int64_t)d != a) out[ro++] = g_dims(g, 0)[d];
    else if (keep) out[ro++] = 1;
  }
  return g_result(g, ro, out, g_i64(g));
}

/* InstanceNormalization (x, scale [C], bias [C]) and GroupNormalization
 * (num_groups G dividing C; scale and bias [C] as opset 21, or [G] as
 * opset 18): x of rank >= 2 normalised over each (n, group) block. */
static bool infer_group_norm(GInfer *g) {
  unsigned r = g_rank(g, 0);
  if (r < 2) return g_error(g, "input must have rank >= 2");
  if (!g_require_float(g, 0) || !g_same_elem(g, 0, 1) || !g_same_elem(g, 0, 2)) return false;
  int64_t c = g_dims(g, 0)[1];
  bool inst = strcmp(g->name, "graph.instance_normalization") == 0;
  int64_t grp = inst ? c : sm_graph_prop_int(g->props, "num_groups", 0);
  if (grp < 1 || c % grp != 0) return g_error(g, "num_groups %lld must divide the %lld channels", (long long)grp, (long long)c);
  for (unsigned i = 1; i < 3; i++)
    if (g_rank(g, i) != 1 || (g_dims(g, i)[0] != c && g_dims(g, i)[0] != grp))
      return g_error(g, "operand #%u must have shape [%lld]%s", i, (long long)c,
                     inst ? "" : " (or [num_groups])");
  /* Both per channel or both per group (the kernels index them alike). */
  if (g_dims(g, 1)[0] != g_dims(g, 2)[0]) return g_error(g, "scale and bias must have the same shape");
  return g_result(g, r, g_dims(g, 0), g_elem(g, 0));
}

/* TopK with a static k (property): values and i64 indices, the axis
 * shortened to k. */
static bool infer_top_k(GInfer *g) {
  SmType *e = g_elem(g, 0);
  if (!sm_type_is_float(e) && !(sm_type_is_integer(e) && e->integer.width > 1))
    return g_error(g, "operand #0 must be a tensor of floats or integers");
  unsigned r = g_rank(g, 0);
  int64_t a, k = sm_graph_prop_int(g->props, "k", -1);
  if (r < 1) return g_error(g, "input must have rank >= 1");
  if (!g_axis(g, sm_graph_prop_int(g->props, "axis", -1), r, &a)) return false;
  if (k < 0 || k > g_dims(g, 0)[a])
    return g_error(g, "k %lld must be in [0, %lld]", (long long)k, (long long)g_dims(g, 0)[a]);
  int64_t out[GRAPH_MAX_RANK];
  for (unsigned d = 0; d < r; d++) out[d] = (int64_t)d == a ? k : g_dims(g, 0)[d];
  return g_result(g, r, out, e) && g_result(g, r, out, g_i64(g));
}

static bool infer_pool(GInfer *g) {
  unsigned r = g_rank(g, 0);
  if (r < 3) return g_error(g, "input must have rank >= 3");
  if (!g_require_float(g, 0)) return false;
  unsigned ns = r - 2;
  GWindow win;
  if (!window(g, ns, &win, true)) return false;
  bool ceil_mode = sm_graph_prop_int(g->props, "ceil_mode", 0) != 0;
  const int64_t *x = g_dims(g, 0);
  int64_t out[GRAPH_MAX_RANK] = {x[0], x[1]};
  for (unsigned i = 0; i < ns; i++)
    if (!window_out(g, x[i + 2], win.k[i], win.s[i], win.d[i], win.p[i], win.p[i + ns], ceil_mode,
                    &out[i + 2]))
      return false;
  return g_result(g, r, out, g_elem(g, 0));
}

static bool infer_global_pool(GInfer *g) {
  unsigned r = g_rank(g, 0);
  if (r < 3) return g_error(g, "input must have rank >= 3");
  if (!g_require_float(g, 0)) return false;
  int64_t out[GRAPH_MAX_RANK];
  for (unsigned i = 0; i < r; i++) out[i] = i < 2 ? g_dims(g, 0)[i] : 1;
  return g_result(g, r, out, g_elem(g, 0));
}

static bool infer_matmul(GInfer *g) {
  unsigned ra = g_rank(g, 0), rb = g_rank(g, 1);
  if (ra < 1 || rb < 1) return g_error(g, "operands must have rank >= 1");
  if (!g_require_float(g, 0) || !g_same_elem(g, 0, 1)) return false;
  const int64_t *a = g_dims(g, 0), *b = g_dims(g, 1);
  int64_t ka = a[ra - 1], kb = rb >= 2 ? b[rb - 2] : b[0];
  if (ka != kb)
    return g_error(g, "contracting dimensions differ (%lld vs %lld)", (long long)ka, (long long)kb);
  unsigned ba = ra > 2 ? ra - 2 : 0, bb = rb > 2 ? rb - 2 : 0, r;
  int64_t out[GRAPH_MAX_RANK];
  if (!sm_graph_broadcast_shapes(ba, a, bb, b, &r, out))
    return g_error(g, "batch dimensions are not broadcast-compatible");
  if (ra >= 2) out[r++] = a[ra - 2];
  if (rb >= 2) out[r++] = b[rb - 1];
  return g_result(g, r, out, g_elem(g, 0));
}

static bool infer_gemm(GInfer *g) {
  if (g_rank(g, 0) != 2 || g_rank(g, 1) != 2) return g_error(g, "A and B must be 2-D");
  if (!g_require_float(g, 0) || !g_same_elem(g, 0, 1)) return false;
  bool ta = sm_graph_prop_int(g->props, "transA", 0) != 0;
  bool tb = sm_graph_prop_int(g->props, "transB", 0) != 0;
  const int64_t *a = g_dims(g, 0), *b = g_dims(g, 1);
  int64_t m = ta ? a[1] : a[0], k = ta ? a[0] : a[1];
  int64_t kb = tb ? b[1] : b[0], n = tb ? b[0] : b[1];
  if (k != kb) return g_error(g, "contracting dimensions differ (%lld vs %lld)", (long long)k, (long long)kb);
  int64_t out[2] = {m, n}, tmp[2];
  unsigned r;
  if (g->nin == 3) {
    if (g_rank(g, 2) > 2 || !sm_graph_broadcast_shapes(2, out, g_rank(g, 2), g_dims(g, 2), &r, tmp) ||
        tmp[0] != m || tmp[1] != n)
      return g_error(g, "C must broadcast to [%lld, %lld]", (long long)m, (long long)n);
  }
  return g_result(g, 2, out, g_elem(g, 0));
}

static bool infer_batch_norm(GInfer *g) {
  if (g_rank(g, 0) < 2) return g_error(g, "input must have rank >= 2");
  if (!g_require_float(g, 0)) return false;
  int64_t c = g_dims(g, 0)[1];
  for (unsigned i = 1; i < 5; i++)
    if (g_rank(g, i) != 1 || g_dims(g, i)[0] != c)
      return g_error(g, "operand #%u must have shape [%lld]", i, (long long)c);
  return g_result(g, g_rank(g, 0), g_dims(g, 0), g_elem(g, 0));
}

static bool infer_layer_norm(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t axis;
  if (!g_require_float(g, 0) || !g_axis(g, sm_graph_prop_int(g->props, "axis", -1), r, &axis))
    return false;
  int64_t inner = 1;
  for (unsigned d = (unsigned)axis; d < r; d++)
    if (!sm_checked_mul(inner, g_dims(g, 0)[d], &inner)) return G_OVERFLOW(g);
  for (unsigned i = 1; i < g->nin; i++) {
    int64_t n = sm_type_num_elements(g->in[i]);
    if (n != inner && n != 1)
      return g_error(g, "operand #%u must have %lld elements (the normalised shape)", i, (long long)inner);
  }
  return g_result(g, r, g_dims(g, 0), g_elem(g, 0));
}

static bool infer_softmax(GInfer *g) {
  int64_t axis;
  if (!g_require_float(g, 0) || !g_axis(g, sm_graph_prop_int(g->props, "axis", -1), g_rank(g, 0), &axis))
    return false;
  return g_result(g, g_rank(g, 0), g_dims(g, 0), g_elem(g, 0));
}

static bool infer_reduce(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t axes[GRAPH_MAX_RANK];
  int na = sm_graph_prop_ints(g->props, "axes", axes, GRAPH_MAX_RANK);
  if (na > (int)r) return g_error(g, "too many axes");
  bool keep = sm_graph_prop_int(g->props, "keepdims", 1) != 0;
  bool red[GRAPH_MAX_RANK] = {false};
  for (unsigned d = 0; d < r; d++) red[d] = na <= 0;
  for (int i = 0; i < na; i++) {
    int64_t a;
    if (!g_axis(g, axes[i], r, &a)) return false;
    if (red[a]) return g_error(g, "axis %lld repeated", (long long)axes[i]);
    red[a] = true;
  }
  int64_t out[GRAPH_MAX_RANK];
  unsigned ro = 0;
  for (unsigned d = 0; d < r; d++) {
    if (!red[d]) out[ro++] = g_dims(g, 0)[d];
    else if (keep) out[ro++] = 1;
  }
  return g_result(g, ro, out, g_elem(g, 0));
}

static const char *const no_props[] = {NULL};
static const char *const conv_props[] = {"dilations", "group", "kernel_shape", "pads", "strides", NULL};
static const char *const conv_transpose_props[] = {"dilations", "group", "kernel_shape", "output_padding", "pads", "strides", NULL};
static const char *const einsum_props[] = {"equation", NULL};
static const char *const trilu_props[] = {"k", "upper", NULL};
static const char *const cum_sum_props[] = {"axis", "exclusive", "reverse", NULL};
static const char *const arg_props[] = {"axis", "keepdims", "select_last_index", NULL};
static const char *const group_norm_props[] = {"epsilon", "num_groups", NULL};
static const char *const top_k_props[] = {"axis", "k", "largest", "sorted", NULL};
static const char *const max_pool_props[] = {"ceil_mode", "dilations", "kernel_shape", "pads", "strides", NULL};
static const char *const avg_pool_props[] = {"ceil_mode", "count_include_pad", "kernel_shape", "pads", "strides", NULL};
static const char *const gemm_props[] = {"alpha", "beta", "transA", "transB", NULL};
static const char *const eps_props[] = {"epsilon", NULL};
static const char *const ln_props[] = {"axis", "epsilon", NULL};
static const char *const axis_props[] = {"axis", NULL};
static const char *const reduce_props[] = {"axes", "keepdims", NULL};

#define REDUCE(n, s) {n, s, 1, 1, 1, 0, reduce_props, infer_reduce}

const SmGraphOpInfo sm_graph_ops_nn[] = {
    {"graph.conv", "N-d convolution (NCHW), optional bias", 2, 3, 1, 0, conv_props, infer_conv},
    {"graph.conv_transpose", "N-d transposed convolution (NCHW), optional bias", 2, 3, 1, 0, conv_transpose_props, infer_conv_transpose},
    {"graph.trilu", "upper (upper = 1) or lower triangle of the last two dims, diagonal offset k", 1, 1, 1, 0, trilu_props, infer_trilu},
    {"graph.cum_sum", "running sum along axis (exclusive, reverse)", 1, 1, 1, 0, cum_sum_props, infer_cum_sum},
    {"graph.arg_max", "index of the maximum along axis (i64; select_last_index)", 1, 1, 1, 0, arg_props, infer_arg},
    {"graph.arg_min", "index of the minimum along axis (i64; select_last_index)", 1, 1, 1, 0, arg_props, infer_arg},
    {"graph.instance_normalization", "normalise each (n, c) over the spatial dims (x, scale, bias)", 3, 3, 1, 0, eps_props, infer_group_norm},
    {"graph.group_normalization", "normalise each (n, group of channels) (x, scale, bias)", 3, 3, 1, 0, group_norm_props, infer_group_norm},
    {"graph.top_k", "k largest (largest = 1) or smallest along axis, sorted: values and i64 indices", 1, 1, 2, 0, top_k_props, infer_top_k},
    {"graph.max_pool", "max pooling", 1, 1, 1, 0, max_pool_props, infer_pool},
    {"graph.average_pool", "average pooling", 1, 1, 1, 0, avg_pool_props, infer_pool},
    {"graph.global_average_pool", "mean over all spatial dims", 1, 1, 1, 0, no_props, infer_global_pool},
    {"graph.einsum", "Einstein summation over float operands ('equation')", 1, SM_EINSUM_MAX_INPUTS, 1, 0, einsum_props, infer_einsum},
    {"graph.matmul", "numpy-style batched matrix product", 2, 2, 1, 0, no_props, infer_matmul},
    {"graph.gemm", "alpha * op(A) op(B) + beta * C", 2, 3, 1, 0, gemm_props, infer_gemm},
    {"graph.batch_normalization", "inference batch norm (x, scale, bias, mean, var)", 5, 5, 1, 0, eps_props, infer_batch_norm},
    {"graph.layer_normalization", "normalise over dims [axis, rank) (x, scale, bias?)", 2, 3, 1, 0, ln_props, infer_layer_norm},
    {"graph.softmax", "softmax along one axis", 1, 1, 1, 0, axis_props, infer_softmax},
    REDUCE("graph.reduce_sum", "sum over axes (none: all)"),
    REDUCE("graph.reduce_mean", "mean over axes (none: all)"),
    REDUCE("graph.reduce_max", "maximum over axes (none: all)"),
    REDUCE("graph.reduce_min", "minimum over axes (none: all)"),
    REDUCE("graph.reduce_prod", "product over axes (none: all)"),
    REDUCE("graph.reduce_l1", "sum of absolute values over axes"),
    REDUCE("graph.reduce_l2", "Euclidean norm over axes"),
    REDUCE("graph.reduce_sum_square", "sum of squares over axes"),
    REDUCE("graph.reduce_log_sum", "log of the sum over axes"),
    REDUCE("graph.reduce_log_sum_exp", "log of the sum of exponentials over axes (computed stably)"),
    {NULL, NULL, 0, 0, 0, 0, NULL, NULL},
};
