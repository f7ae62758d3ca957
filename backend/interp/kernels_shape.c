/* Data-movement kernels: reshape-like copies, transpose, concat, split,
 * slice, gather, scatter, expand, tile, pad, resize, depth/space shuffles,
 * and the shape-producing ops (shape, constant_of_shape, range, constant).
 * Most work on raw elements of any dtype. */
#include "backend/interp/kernels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int64_t norm_axis(int64_t axis, unsigned rank) { return axis < 0 ? axis + (int64_t)rank : axis; }

static void copy_elem(SmTensor *dst, int64_t di, const SmTensor *src, int64_t si) {
  size_t esz = sm_dtype_size(src->dtype);
  memcpy((char *)dst->data + di * esz, (const char *)src->data + si * esz, esz);
}

static bool k_copy(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                   const SmTensor *const *in, unsigned nout, SmTensor *out) {
  if (sm_tensor_nbytes(in[0]) != sm_tensor_nbytes(out))
    return sm_emit_error(k->ctx, k->loc, "'%s': element count mismatch", k->name);
  memcpy(out->data, in[0]->data, sm_tensor_nbytes(out));
  return true;
}

static bool k_transpose(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                        const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  int64_t perm[SM_TENSOR_MAX_RANK], xs[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  if (sm_graph_prop_ints(props, "perm", perm, SM_TENSOR_MAX_RANK) != (int)x->rank)
    for (unsigned d = 0; d < x->rank; d++) perm[d] = x->rank - 1 - d;
  sm_kernel_strides(x->rank, x->dims, xs);
  int64_t n = sm_tensor_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t si = 0;
    for (unsigned d = 0; d < out->rank; d++) si += coord[d] * xs[perm[d]];
    copy_elem(out, i, x, si);
    sm_kernel_next_coord(out->rank, out->dims, coord);
  }
  return true;
}

/* Views a tensor as (outer, axis_len, inner) around axis. */
static void split3(const SmTensor *t, int64_t axis, int64_t *outer, int64_t *inner) {
  *outer = 1;
  *inner = 1;
  for (int64_t d = 0; d < axis; d++) *outer *= t->dims[d];
  for (unsigned d = (unsigned)axis + 1; d < t->rank; d++) *inner *= t->dims[d];
}

static bool k_concat(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                     const SmTensor *const *in, unsigned nout, SmTensor *out) {
  int64_t axis = norm_axis(sm_graph_prop_int(props, "axis", 0), out->rank);
  int64_t outer, inner, off = 0;
  split3(out, axis, &outer, &inner);
  size_t esz = sm_dtype_size(out->dtype);
  for (unsigned j = 0; j < nin; j++) {
    int64_t len = in[j]->dims[axis];
    for (int64_t o = 0; o < outer; o++)
      memcpy((char *)out->data + ((o * out->dims[axis] + off) * inner) * esz,
             (const char *)in[j]->data + (o * len * inner) * esz, (size_t)(len * inner) * esz);
    off += len;
  }
  return true;
}

static bool k_split(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                    const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  int64_t axis = norm_axis(sm_graph_prop_int(props, "axis", 0), x->rank);
  int64_t outer, inner, off = 0;
  split3(x, axis, &outer, &inner);
  size_t esz = sm_dtype_size(x->dtype);
  for (unsigned j = 0; j < nout; j++) {
    int64_t len = out[j].dims[axis];
    for (int64_t o = 0; o < outer; o++)
      memcpy((char *)out[j].data + (o * len * inner) * esz,
             (const char *)x->data + ((o * x->dims[axis] + off) * inner) * esz,
             (size_t)(len * inner) * esz);
    off += len;
  }
  return true;
}

static bool k_slice(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                    const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  int64_t st[SM_TENSOR_MAX_RANK], sp[SM_TENSOR_MAX_RANK], sz[SM_TENSOR_MAX_RANK];
  int64_t xs[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  if (!sm_graph_slice_bounds(props, x->rank, x->dims, st, sp, sz))
    return sm_emit_error(k->ctx, k->loc, "graph.slice: malformed bounds");
  sm_kernel_strides(x->rank, x->dims, xs);
  int64_t n = sm_tensor_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t si = 0;
    for (unsigned d = 0; d < x->rank; d++) si += (st[d] + coord[d] * sp[d]) * xs[d];
    copy_elem(out, i, x, si);
    sm_kernel_next_coord(out->rank, out->dims, coord);
  }
  return true;
}

/* Index value checked against [-len, len), made non-negative. */
static bool fix_index(const SmKernelCtx *k, int64_t idx, int64_t len, int64_t *outv) {
  if (idx < -len || idx >= len)
    return sm_emit_error(k->ctx, k->loc, "'%s': index %lld out of range [%lld, %lld)", k->name,
                         (long long)idx, (long long)-len, (long long)len);
  *outv = idx < 0 ? idx + len : idx;
  return true;
}

static bool k_gather(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                     const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0], *idx = in[1];
  int64_t axis = norm_axis(sm_graph_prop_int(props, "axis", 0), x->rank);
  int64_t outer, inner, len = x->dims[axis], ni = sm_tensor_numel(idx);
  split3(x, axis, &outer, &inner);
  size_t esz = sm_dtype_size(x->dtype);
  for (int64_t o = 0; o < outer; o++)
    for (int64_t j = 0; j < ni; j++) {
      int64_t v = 0;
      if (!fix_index(k, sm_tensor_get_i64(idx, j), len, &v)) return false;
      memcpy((char *)out->data + ((o * ni + j) * inner) * esz,
             (const char *)x->data + ((o * len + v) * inner) * esz, (size_t)inner * esz);
    }
  return true;
}

static bool k_gather_elements(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                              const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0], *idx = in[1];
  int64_t axis = norm_axis(sm_graph_prop_int(props, "axis", 0), x->rank);
  int64_t xs[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  sm_kernel_strides(x->rank, x->dims, xs);
  int64_t n = sm_tensor_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t v = 0, si = 0;
    if (!fix_index(k, sm_tensor_get_i64(idx, i), x->dims[axis], &v)) return false;
    for (unsigned d = 0; d < x->rank; d++) si += ((int64_t)d == axis ? v : coord[d]) * xs[d];
    copy_elem(out, i, x, si);
    sm_kernel_next_coord(idx->rank, idx->dims, coord);
  }
  return true;
}

static bool k_scatter_nd(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                         const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0], *idx = in[1], *upd = in[2];
  memcpy(out->data, x->data, sm_tensor_nbytes(x));
  const char *red = sm_graph_prop_str(props, "reduction", "none");
  int64_t q = idx->dims[idx->rank - 1];
  int64_t xs[SM_TENSOR_MAX_RANK];
  sm_kernel_strides(x->rank, x->dims, xs);
  int64_t slice = 1;
  for (unsigned d = (unsigned)q; d < x->rank; d++) slice *= x->dims[d];
  int64_t nupd = q ? sm_tensor_numel(idx) / q : 0;
  for (int64_t u = 0; u < nupd; u++) {
    int64_t base = 0;
    for (int64_t j = 0; j < q; j++) {
      int64_t v = 0;
      if (!fix_index(k, sm_tensor_get_i64(idx, u * q + j), x->dims[j], &v)) return false;
      base += v * xs[j];
    }
    for (int64_t e = 0; e < slice; e++) {
      if (strcmp(red, "none") == 0) {
        copy_elem(out, base + e, upd, u * slice + e);
      } else {
        double a = sm_tensor_get_f64(out, base + e), b = sm_tensor_get_f64(upd, u * slice + e);
        double r = strcmp(red, "add") == 0 ? a + b : strcmp(red, "mul") == 0 ? a * b
                 : strcmp(red, "max") == 0 ? (a > b ? a : b) : (a < b ? a : b);
        sm_tensor_set_f64(out, base + e, r);
      }
    }
  }
  return true;
}

/* Broadcast copy of in[0] to out's shape (expand). */
static bool k_expand(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                     const SmTensor *const *in, unsigned nout, SmTensor *out) {
  int64_t s[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  sm_kernel_bcast_strides(in[0], out->rank, out->dims, s);
  int64_t n = sm_tensor_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t si = 0;
    for (unsigned d = 0; d < out->rank; d++) si += coord[d] * s[d];
    copy_elem(out, i, in[0], si);
    sm_kernel_next_coord(out->rank, out->dims, coord);
  }
  return true;
}

static bool k_tile(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                   const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  int64_t xs[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  sm_kernel_strides(x->rank, x->dims, xs);
  int64_t n = sm_tensor_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t si = 0;
    for (unsigned d = 0; d < x->rank; d++) si += (coord[d] % x->dims[d]) * xs[d];
    copy_elem(out, i, x, si);
    sm_kernel_next_coord(out->rank, out->dims, coord);
  }
  return true;
}

static bool k_pad(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                  const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  int64_t pads[2 * SM_TENSOR_MAX_RANK] = {0};
  sm_graph_prop_ints(props, "pads", pads, 2 * SM_TENSOR_MAX_RANK);
  const char *mode = sm_graph_prop_str(props, "mode", "constant");
  double value = sm_graph_prop_float(props, "value", 0.0);
  int64_t xs[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  sm_kernel_strides(x->rank, x->dims, xs);
  bool reflect = strcmp(mode, "reflect") == 0, edge = strcmp(mode, "edge") == 0;
  bool wrap = strcmp(mode, "wrap") == 0;
  int64_t n = sm_tensor_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t si = 0;
    bool inside = true;
    for (unsigned d = 0; d < x->rank && inside; d++) {
      int64_t c = coord[d] - pads[d], len = x->dims[d];
      if (c < 0 || c >= len) {
        if (len == 0) inside = false;
        else if (edge) c = c < 0 ? 0 : len - 1;
        else if (wrap) c = ((c % len) + len) % len;
        else if (reflect && len > 1) {
          int64_t period = 2 * (len - 1);
          c = ((c % period) + period) % period;
          if (c >= len) c = period - c;
        } else if (reflect) c = 0;
        else inside = false;
      }
      si += c * xs[d];
    }
    if (inside) copy_elem(out, i, x, si);
    else sm_tensor_set_f64(out, i, value);
    sm_kernel_next_coord(out->rank, out->dims, coord);
  }
  return true;
}

/* Nearest index for resize's nearest_mode. */
static int64_t nearest(const char *mode, double c, int64_t len) {
  int64_t r;
  /* Saturating: a NaN or infinite scale must not be undefined behaviour. */
  if (strcmp(mode, "floor") == 0) r = sm_sat_f64_to_i64(floor(c));
  else if (strcmp(mode, "ceil") == 0) r = sm_sat_f64_to_i64(ceil(c));
  else if (strcmp(mode, "round_prefer_ceil") == 0) r = sm_sat_f64_to_i64(floor(c + 0.5));
  else r = sm_sat_f64_to_i64((c - floor(c) == 0.5) ? floor(c) : floor(c + 0.5)); /* round_prefer_floor */
  return r < 0 ? 0 : r >= len ? len - 1 : r;
}

static bool k_resize(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                     const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  const char *mode = sm_graph_prop_str(props, "mode", "nearest");
  const char *ctm = sm_graph_prop_str(props, "coordinate_transformation_mode", "half_pixel");
  const char *nm = sm_graph_prop_str(props, "nearest_mode", "round_prefer_floor");
  double scales[SM_TENSOR_MAX_RANK];
  if (sm_graph_prop_floats(props, "scales", scales, SM_TENSOR_MAX_RANK) != (int)x->rank)
    for (unsigned d = 0; d < x->rank; d++) scales[d] = (double)out->dims[d] / (double)x->dims[d];
  bool linear = strcmp(mode, "linear") == 0;
  if (!linear && strcmp(mode, "nearest") != 0)
    return sm_emit_error(k->ctx, k->loc, "graph.resize: interpreter supports nearest and linear modes, not '%s'", mode);
  int64_t xs[SM_TENSOR_MAX_RANK], coord[SM_TENSOR_MAX_RANK] = {0};
  sm_kernel_strides(x->rank, x->dims, xs);
  int64_t n = sm_tensor_numel(out);
  for (int64_t i = 0; i < n; i++) {
    int64_t lo[SM_TENSOR_MAX_RANK], hi[SM_TENSOR_MAX_RANK];
    double frac[SM_TENSOR_MAX_RANK];
    unsigned nlin = 0, lin_dims[SM_TENSOR_MAX_RANK];
    for (unsigned d = 0; d < x->rank; d++) {
      if (x->dims[d] == out->dims[d] && scales[d] == 1.0) {
        lo[d] = hi[d] = coord[d];
        frac[d] = 0;
        continue;
      }
      double c = sm_graph_resize_coord(ctm, coord[d], scales[d], x->dims[d], out->dims[d]);
      if (!linear) {
        lo[d] = hi[d] = nearest(nm, c, x->dims[d]);
        frac[d] = 0;
        continue;
      }
      if (!(c >= 0)) c = 0; /* NaN too */
      if (c > (double)(x->dims[d] - 1)) c = (double)(x->dims[d] - 1);
      lo[d] = (int64_t)floor(c);
      hi[d] = lo[d] + 1 < x->dims[d] ? lo[d] + 1 : lo[d];
      frac[d] = c - (double)lo[d];
      lin_dims[nlin++] = d;
    }
    /* Multilinear interpolation over the corners of the linear dims. */
    double acc = 0;
    for (unsigned mask = 0; mask < (1u << nlin); mask++) {
      double w = 1;
      int64_t si = 0;
      for (unsigned d = 0; d < x->rank; d++) si += lo[d] * xs[d];
      for (unsigned j = 0; j < nlin; j++) {
        unsigned d = lin_dims[j];
        if (mask & (1u << j)) {
          w *= frac[d];
          si += (hi[d] - lo[d]) * xs[d];
        } else {
          w *= 1 - frac[d];
        }
      }
      if (w != 0) acc += w * sm_tensor_get_f64(x, si);
    }
    sm_tensor_set_f64(out, i, acc);
    sm_kernel_next_coord(out->rank, out->dims, coord);
  }
  return true;
}

static bool k_depth_to_space(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                             const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  int64_t b = sm_graph_prop_int(props, "blocksize", 1);
  bool crd = strcmp(sm_graph_prop_str(props, "mode", "DCR"), "CRD") == 0;
  int64_t N = out->dims[0], C = out->dims[1], H = out->dims[2], W = out->dims[3];
  int64_t IH = x->dims[2], IW = x->dims[3], IC = x->dims[1];
  for (int64_t n = 0; n < N; n++)
    for (int64_t c = 0; c < C; c++)
      for (int64_t y = 0; y < H; y++)
        for (int64_t xx = 0; xx < W; xx++) {
          int64_t by = y % b, bx = xx % b;
          int64_t ic = crd ? c * b * b + by * b + bx : (by * b + bx) * C + c;
          copy_elem(out, ((n * C + c) * H + y) * W + xx, x, ((n * IC + ic) * IH + y / b) * IW + xx / b);
        }
  return true;
}

static bool k_space_to_depth(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                             const SmTensor *const *in, unsigned nout, SmTensor *out) {
  const SmTensor *x = in[0];
  int64_t b = sm_graph_prop_int(props, "blocksize", 1);
  int64_t N = x->dims[0], C = x->dims[1], H = x->dims[2], W = x->dims[3];
  int64_t OC = out->dims[1], OH = out->dims[2], OW = out->dims[3];
  for (int64_t n = 0; n < N; n++)
    for (int64_t c = 0; c < C; c++)
      for (int64_t y = 0; y < H; y++)
        for (int64_t xx = 0; xx < W; xx++) {
          int64_t oc = ((y % b) * b + xx % b) * C + c;
          copy_elem(out, ((n * OC + oc) * OH + y / b) * OW + xx / b, x, ((n * C + c) * H + y) * W + xx);
        }
  return true;
}

static bool k_shape(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                    const SmTensor *const *in, unsigned nout, SmTensor *out) {
  int64_t r = in[0]->rank, start = sm_graph_prop_int(props, "start", 0);
  if (start < 0) start += r;
  if (start < 0) start = 0;
  for (int64_t i = 0; i < out->dims[0]; i++) sm_tensor_set_i64(out, i, in[0]->dims[start + i]);
  return true;
}

static bool k_constant(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                       const SmTensor *const *in, unsigned nout, SmTensor *out) {
  SmTensor t;
  if (!sm_tensor_from_attr(k->ctx, k->loc, sm_dict_get(props, "value"), &t)) return false;
  bool ok = sm_tensor_nbytes(&t) == sm_tensor_nbytes(out) && t.dtype == out->dtype;
  if (ok) memcpy(out->data, t.data, sm_tensor_nbytes(out));
  sm_tensor_free(&t);
  if (!ok) return sm_emit_error(k->ctx, k->loc, "graph.constant: value does not match the result type");
  return true;
}

static bool k_constant_of_shape(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                                const SmTensor *const *in, unsigned nout, SmTensor *out) {
  SmAttr *v = sm_dict_get(props, "value");
  double fv = 0;
  int64_t iv = 0;
  if (v && v->kind == SM_ATTR_DENSE_ELEMENTS && sm_attr_dense_num_elements(v) >= 1) {
    fv = sm_attr_dense_get_f64(v, 0);
    iv = sm_attr_dense_get_i64(v, 0);
  }
  int64_t n = sm_tensor_numel(out);
  for (int64_t i = 0; i < n; i++) {
    if (sm_dtype_is_float(out->dtype)) sm_tensor_set_f64(out, i, fv);
    else sm_tensor_set_i64(out, i, iv);
  }
  return true;
}

static bool k_range(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                    const SmTensor *const *in, unsigned nout, SmTensor *out) {
  int64_t n = sm_tensor_numel(out);
  if (nin != 3 || sm_tensor_numel(in[0]) != 1 || sm_tensor_numel(in[1]) != 1 || sm_tensor_numel(in[2]) != 1)
    return sm_emit_error(k->ctx, k->loc, "graph.range: start, limit and delta must have one element each");
  for (int64_t i = 0; i < n; i++) {
    if (sm_dtype_is_float(out->dtype))
      sm_tensor_set_f64(out, i, sm_tensor_get_f64(in[0], 0) + (double)i * sm_tensor_get_f64(in[2], 0));
    else
      /* Wrapping (defined) arithmetic: the importer bounds the count, a
       * hand-written module may not. */
      sm_tensor_set_i64(out, i, (int64_t)((uint64_t)sm_tensor_get_i64(in[0], 0) +
                                          (uint64_t)i * (uint64_t)sm_tensor_get_i64(in[2], 0)));
  }
  return true;
}

const SmKernelEntry sm_kernels_shape[] = {
    {"graph.reshape", k_copy},
    {"graph.squeeze", k_copy},
    {"graph.unsqueeze", k_copy},
    {"graph.flatten", k_copy},
    {"graph.transpose", k_transpose},
    {"graph.concat", k_concat},
    {"graph.split", k_split},
    {"graph.slice", k_slice},
    {"graph.gather", k_gather},
    {"graph.gather_elements", k_gather_elements},
    {"graph.scatter_nd", k_scatter_nd},
    {"graph.expand", k_expand},
    {"graph.tile", k_tile},
    {"graph.pad", k_pad},
    {"graph.resize", k_resize},
    {"graph.depth_to_space", k_depth_to_space},
    {"graph.space_to_depth", k_space_to_depth},
    {"graph.shape", k_shape},
    {"graph.constant", k_constant},
    {"graph.constant_of_shape", k_constant_of_shape},
    {"graph.range", k_range},
    {NULL, NULL},
};
