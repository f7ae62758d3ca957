/* graph dialect: data movement and shape ops. Shapes that ONNX passes as
 * tensors (reshape target, slice bounds, pads, resize sizes, ...) are
 * properties here, so every result type is inferable from types alone;
 * constant_of_shape and range are the exceptions (their result types depend
 * on operand values; the importer folds them). */
#include "dialects/graph/graph_internal.h"

static bool infer_reshape(GInfer *g) {
  int64_t shape[GRAPH_MAX_RANK];
  int n = sm_graph_prop_ints(g->props, "shape", shape, GRAPH_MAX_RANK);
  if (n < 0) return g_error(g, "requires an i64 array property 'shape'");
  if (n > GRAPH_MAX_RANK) return g_error(g, "rank too large");
  int64_t total = sm_type_num_elements(g->in[0]), known = 1;
  int infer_at = -1;
  for (int i = 0; i < n; i++) {
    if (shape[i] == 0) {
      if ((unsigned)i >= g_rank(g, 0)) return g_error(g, "shape[%d] = 0 has no input dim to copy", i);
      shape[i] = g_dims(g, 0)[i];
    }
    if (shape[i] == -1) {
      if (infer_at >= 0) return g_error(g, "at most one -1 in 'shape'");
      infer_at = i;
      continue;
    }
    if (shape[i] < 0) return g_error(g, "invalid dimension %lld in 'shape'", (long long)shape[i]);
    if (!sm_checked_mul(known, shape[i], &known)) return G_OVERFLOW(g);
  }
  if (infer_at >= 0) {
    if (known == 0 || total % known != 0)
      return g_error(g, "cannot infer the -1 dimension of 'shape'");
    shape[infer_at] = total / known;
    known = total;
  }
  if (known != total)
    return g_error(g, "'shape' has %lld elements, operand has %lld", (long long)known, (long long)total);
  return g_result(g, (unsigned)n, shape, g_elem(g, 0));
}

static bool infer_flatten(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t axis = sm_graph_prop_int(g->props, "axis", 1);
  if (axis < 0) axis += r;
  if (axis < 0 || axis > (int64_t)r) return g_error(g, "axis out of range");
  int64_t out[2] = {1, 1};
  for (unsigned d = 0; d < r; d++) {
    int64_t *o = &out[(int64_t)d < axis ? 0 : 1];
    if (!sm_checked_mul(*o, g_dims(g, 0)[d], o)) return G_OVERFLOW(g);
  }
  return g_result(g, 2, out, g_elem(g, 0));
}

static bool infer_squeeze(GInfer *g) {
  unsigned r = g_rank(g, 0);
  const int64_t *x = g_dims(g, 0);
  int64_t axes[GRAPH_MAX_RANK], out[GRAPH_MAX_RANK];
  int na = sm_graph_prop_ints(g->props, "axes", axes, GRAPH_MAX_RANK);
  bool drop[GRAPH_MAX_RANK] = {false};
  if (na > (int)r) return g_error(g, "too many axes");
  for (unsigned d = 0; d < r && na < 0; d++) drop[d] = x[d] == 1;
  for (int i = 0; i < na; i++) {
    int64_t a;
    if (!g_axis(g, axes[i], r, &a)) return false;
    if (x[a] != 1) return g_error(g, "cannot squeeze dimension %lld of size %lld", (long long)a, (long long)x[a]);
    drop[a] = true;
  }
  unsigned ro = 0;
  for (unsigned d = 0; d < r; d++)
    if (!drop[d]) out[ro++] = x[d];
  return g_result(g, ro, out, g_elem(g, 0));
}

static bool infer_unsqueeze(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t axes[GRAPH_MAX_RANK], out[GRAPH_MAX_RANK];
  int na = sm_graph_prop_ints(g->props, "axes", axes, GRAPH_MAX_RANK);
  if (na < 0) return g_error(g, "requires an i64 array property 'axes'");
  unsigned ro = r + (unsigned)na;
  if (ro > GRAPH_MAX_RANK) return g_error(g, "rank too large");
  bool ins[GRAPH_MAX_RANK] = {false};
  for (int i = 0; i < na; i++) {
    int64_t a;
    if (!g_axis(g, axes[i], ro, &a)) return false;
    if (ins[a]) return g_error(g, "axis %lld repeated", (long long)axes[i]);
    ins[a] = true;
  }
  for (unsigned d = 0, j = 0; d < ro; d++) out[d] = ins[d] ? 1 : g_dims(g, 0)[j++];
  return g_result(g, ro, out, g_elem(g, 0));
}

static bool infer_transpose(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t perm[GRAPH_MAX_RANK], out[GRAPH_MAX_RANK];
  int n = sm_graph_prop_ints(g->props, "perm", perm, GRAPH_MAX_RANK);
  if (n < 0)
    for (unsigned d = 0; d < r; d++) perm[d] = r - 1 - d;
  else if (n != (int)r)
    return g_error(g, "'perm' has %d entries, operand rank is %u", n, r);
  bool seen[GRAPH_MAX_RANK] = {false};
  for (unsigned d = 0; d < r; d++) {
    if (perm[d] < 0 || perm[d] >= (int64_t)r || seen[perm[d]]) return g_error(g, "'perm' is not a permutation");
    seen[perm[d]] = true;
    out[d] = g_dims(g, 0)[perm[d]];
  }
  return g_result(g, r, out, g_elem(g, 0));
}

static bool infer_concat(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t axis, out[GRAPH_MAX_RANK];
  if (!g_axis(g, sm_graph_prop_int(g->props, "axis", 0), r, &axis)) return false;
  for (unsigned d = 0; d < r; d++) out[d] = g_dims(g, 0)[d];
  for (unsigned i = 1; i < g->nin; i++) {
    if (g_rank(g, i) != r) return g_error(g, "operand #%u differs in rank", i);
    if (!g_same_elem(g, 0, i)) return false;
    for (unsigned d = 0; d < r; d++) {
      if ((int64_t)d == axis) {
        if (!sm_checked_add(out[d], g_dims(g, i)[d], &out[d])) return G_OVERFLOW(g);
      }
      else if (g_dims(g, i)[d] != out[d]) return g_error(g, "operand #%u differs in dimension %u", i, d);
    }
  }
  return g_result(g, r, out, g_elem(g, 0));
}

static bool infer_split(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t axis, sizes[64], out[GRAPH_MAX_RANK];
  if (!g_axis(g, sm_graph_prop_int(g->props, "axis", 0), r, &axis)) return false;
  int n = sm_graph_prop_ints(g->props, "split", sizes, 64);
  if (n < 1 || n > 64) return g_error(g, "requires an i64 array property 'split' (1 to 64 entries)");
  int64_t total = 0;
  for (int i = 0; i < n; i++) {
    if (sizes[i] < 0) return g_error(g, "negative split size");
    if (!sm_checked_add(total, sizes[i], &total)) return G_OVERFLOW(g);
  }
  if (total != g_dims(g, 0)[axis])
    return g_error(g, "split sizes sum to %lld, dimension is %lld", (long long)total, (long long)g_dims(g, 0)[axis]);
  for (int i = 0; i < n; i++) {
    for (unsigned d = 0; d < r; d++) out[d] = (int64_t)d == axis ? sizes[i] : g_dims(g, 0)[d];
    if (!g_result(g, r, out, g_elem(g, 0))) return false;
  }
  return true;
}

static bool infer_slice(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t st[GRAPH_MAX_RANK], sp[GRAPH_MAX_RANK], sz[GRAPH_MAX_RANK];
  if (!sm_graph_slice_bounds(g->props, r, g_dims(g, 0), st, sp, sz))
    return g_error(g, "invalid starts/ends/axes/steps properties");
  return g_result(g, r, sz, g_elem(g, 0));
}

static bool infer_gather(GInfer *g) {
  unsigned r = g_rank(g, 0), ri = g_rank(g, 1);
  int64_t axis, out[GRAPH_MAX_RANK];
  if (!g_require_int(g, 1) || !g_axis(g, sm_graph_prop_int(g->props, "axis", 0), r, &axis)) return false;
  if (r - 1 + ri > GRAPH_MAX_RANK) return g_error(g, "rank too large");
  unsigned ro = 0;
  for (unsigned d = 0; d < (unsigned)axis; d++) out[ro++] = g_dims(g, 0)[d];
  for (unsigned d = 0; d < ri; d++) out[ro++] = g_dims(g, 1)[d];
  for (unsigned d = (unsigned)axis + 1; d < r; d++) out[ro++] = g_dims(g, 0)[d];
  return g_result(g, ro, out, g_elem(g, 0));
}

static bool infer_gather_elements(GInfer *g) {
  int64_t axis;
  if (!g_require_int(g, 1) || !g_axis(g, sm_graph_prop_int(g->props, "axis", 0), g_rank(g, 0), &axis)) return false;
  if (g_rank(g, 1) != g_rank(g, 0)) return g_error(g, "indices must have the rank of the data");
  return g_result(g, g_rank(g, 1), g_dims(g, 1), g_elem(g, 0));
}

static bool infer_scatter_nd(GInfer *g) {
  unsigned r = g_rank(g, 0), ri = g_rank(g, 1);
  if (!g_require_int(g, 1) || !g_same_elem(g, 0, 2)) return false;
  if (ri < 1) return g_error(g, "indices must have rank >= 1");
  int64_t q = g_dims(g, 1)[ri - 1];
  if (q < 1 || q > (int64_t)r) return g_error(g, "last indices dimension must be in [1, %u]", r);
  unsigned ru = ri - 1 + r - (unsigned)q;
  if (g_rank(g, 2) != ru) return g_error(g, "updates must have rank %u", ru);
  for (unsigned d = 0; d < ri - 1; d++)
    if (g_dims(g, 2)[d] != g_dims(g, 1)[d]) return g_error(g, "updates shape does not match indices");
  for (unsigned d = ri - 1; d < ru; d++)
    if (g_dims(g, 2)[d] != g_dims(g, 0)[q + d - (ri - 1)]) return g_error(g, "updates shape does not match data");
  return g_result(g, r, g_dims(g, 0), g_elem(g, 0));
}

static bool infer_expand(GInfer *g) {
  int64_t shape[GRAPH_MAX_RANK], out[GRAPH_MAX_RANK];
  int n = sm_graph_prop_ints(g->props, "shape", shape, GRAPH_MAX_RANK);
  unsigned r;
  if (n < 0 || n > GRAPH_MAX_RANK) return g_error(g, "requires an i64 array property 'shape'");
  if (!sm_graph_broadcast_shapes(g_rank(g, 0), g_dims(g, 0), (unsigned)n, shape, &r, out))
    return g_error(g, "operand does not broadcast to 'shape'");
  return g_result(g, r, out, g_elem(g, 0));
}

static bool infer_tile(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t rep[GRAPH_MAX_RANK], out[GRAPH_MAX_RANK];
  if (sm_graph_prop_ints(g->props, "repeats", rep, GRAPH_MAX_RANK) != (int)r)
    return g_error(g, "'repeats' must have one entry per dimension");
  for (unsigned d = 0; d < r; d++) {
    if (rep[d] < 0) return g_error(g, "negative repeat");
    if (!sm_checked_mul(g_dims(g, 0)[d], rep[d], &out[d])) return G_OVERFLOW(g);
  }
  return g_result(g, r, out, g_elem(g, 0));
}

static bool infer_pad(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t pads[2 * GRAPH_MAX_RANK], out[GRAPH_MAX_RANK];
  if (sm_graph_prop_ints(g->props, "pads", pads, 2 * GRAPH_MAX_RANK) != (int)(2 * r))
    return g_error(g, "'pads' must have %u entries", 2 * r);
  for (unsigned d = 0; d < r; d++) {
    if (!sm_checked_add(g_dims(g, 0)[d], pads[d], &out[d]) ||
        !sm_checked_add(out[d], pads[d + r], &out[d]))
      return G_OVERFLOW(g);
    if (out[d] < 0) return g_error(g, "negative padded size");
  }
  return g_result(g, r, out, g_elem(g, 0));
}

static bool infer_resize(GInfer *g) {
  unsigned r = g_rank(g, 0);
  int64_t sizes[GRAPH_MAX_RANK];
  if (sm_graph_prop_ints(g->props, "sizes", sizes, GRAPH_MAX_RANK) != (int)r)
    return g_error(g, "'sizes' must have one entry per dimension");
  for (unsigned d = 0; d < r; d++)
    if (sizes[d] < 1) return g_error(g, "'sizes' must be positive");
  return g_require_float(g, 0) && g_result(g, r, sizes, g_elem(g, 0));
}

static bool infer_depth_to_space(GInfer *g) {
  int64_t b = sm_graph_prop_int(g->props, "blocksize", 0);
  if (g_rank(g, 0) != 4 || b < 1) return g_error(g, "needs a 4-D operand and a positive blocksize");
  const int64_t *x = g_dims(g, 0);
  int64_t bb, out[4] = {x[0], 0, 0, 0};
  if (!sm_checked_mul(b, b, &bb)) return g_error(g, "blocksize %lld is too large", (long long)b);
  if (x[1] % bb != 0) return g_error(g, "channels must be divisible by blocksize^2");
  out[1] = x[1] / bb;
  if (!sm_checked_mul(x[2], b, &out[2]) || !sm_checked_mul(x[3], b, &out[3])) return G_OVERFLOW(g);
  return g_result(g, 4, out, g_elem(g, 0));
}

static bool infer_space_to_depth(GInfer *g) {
  int64_t b = sm_graph_prop_int(g->props, "blocksize", 0);
  if (g_rank(g, 0) != 4 || b < 1) return g_error(g, "needs a 4-D operand and a positive blocksize");
  const int64_t *x = g_dims(g, 0);
  if (x[2] % b != 0 || x[3] % b != 0) return g_error(g, "spatial dims must be divisible by blocksize");
  int64_t out[4] = {x[0], 0, x[2] / b, x[3] / b};
  if (!sm_checked_mul(x[1], b, &out[1]) || !sm_checked_mul(out[1], b, &out[1])) return G_OVERFLOW(g);
  return g_result(g, 4, out, g_elem(g, 0));
}

static bool infer_shape(GInfer *g) {
  int64_t r = g_rank(g, 0);
  int64_t s = sm_graph_prop_int(g->props, "start", 0), e = sm_graph_prop_int(g->props, "end", r);
  if (s < 0) s += r;
  if (e < 0) e += r;
  s = s < 0 ? 0 : s > r ? r : s;
  e = e < 0 ? 0 : e > r ? r : e;
  int64_t n = e > s ? e - s : 0;
  return g_result(g, 1, &n, g_i64(g));
}

static bool infer_constant(GInfer *g) {
  SmAttr *v = sm_dict_get(g->props, "value");
  if (!v || (v->kind != SM_ATTR_DENSE_ELEMENTS && v->kind != SM_ATTR_DENSE_RESOURCE))
    return g_error(g, "requires a dense or dense_resource property 'value'");
  SmType *t = v->kind == SM_ATTR_DENSE_ELEMENTS ? v->dense.type : v->resource.type;
  if (!t || t->kind != SM_TYPE_TENSOR) return g_error(g, "'value' must have a ranked tensor type");
  return g_result(g, t->shaped.rank, t->shaped.dims, t->shaped.elem);
}

/* Value-dependent result: the verifier checks its rank and element type
 * (graph.c); here only the operands. */
static bool infer_value_dependent(GInfer *g) {
  if (g->nout >= g->max_out) return g_error(g, "too many results");
  g->out[g->nout++] = NULL;
  return true;
}

static bool infer_constant_of_shape(GInfer *g) {
  if (g_rank(g, 0) != 1 || !g_require_int(g, 0))
    return g_error(g, "operand must be a 1-D tensor of integers (the shape)");
  SmAttr *v = sm_dict_get(g->props, "value");
  if (v && (v->kind != SM_ATTR_DENSE_ELEMENTS || sm_attr_dense_num_elements(v) != 1))
    return g_error(g, "'value' must be a one-element dense tensor");
  return infer_value_dependent(g);
}

static bool infer_range(GInfer *g) {
  for (unsigned i = 0; i < 3; i++) {
    if (g_rank(g, i) != 0) return g_error(g, "operand #%u must be a scalar (rank-0) tensor", i);
    if (!g_same_elem(g, 0, i)) return false;
  }
  return infer_value_dependent(g);
}

static const char *const no_props[] = {NULL};
static const char *const shape_prop[] = {"shape", NULL};
static const char *const axis_prop[] = {"axis", NULL};
static const char *const axes_prop[] = {"axes", NULL};
static const char *const perm_prop[] = {"perm", NULL};
static const char *const split_props[] = {"axis", "split", NULL};
static const char *const slice_props[] = {"axes", "ends", "starts", "steps", NULL};
static const char *const scatter_props[] = {"reduction", NULL};
static const char *const tile_props[] = {"repeats", NULL};
static const char *const pad_props[] = {"mode", "pads", "value", NULL};
static const char *const resize_props[] = {"coordinate_transformation_mode", "mode", "nearest_mode", "scales", "sizes", NULL};
static const char *const d2s_props[] = {"blocksize", "mode", NULL};
static const char *const s2d_props[] = {"blocksize", NULL};
static const char *const shape_op_props[] = {"end", "start", NULL};
static const char *const value_prop[] = {"value", NULL};

const SmGraphOpInfo sm_graph_ops_shape[] = {
    {"graph.reshape", "reshape to 'shape' (ONNX 0 / -1 rules)", 1, 1, 1, 0, shape_prop, infer_reshape},
    {"graph.flatten", "reshape to 2-D around 'axis'", 1, 1, 1, 0, axis_prop, infer_flatten},
    {"graph.squeeze", "drop size-1 dims ('axes', none: all)", 1, 1, 1, 0, axes_prop, infer_squeeze},
    {"graph.unsqueeze", "insert size-1 dims at 'axes'", 1, 1, 1, 0, axes_prop, infer_unsqueeze},
    {"graph.transpose", "permute dims by 'perm' (none: reverse)", 1, 1, 1, 0, perm_prop, infer_transpose},
    {"graph.concat", "concatenate along 'axis'", 1, -1, 1, 0, axis_prop, infer_concat},
    {"graph.split", "split along 'axis' into 'split' sizes", 1, 1, SM_VARIADIC, 0, split_props, infer_split},
    {"graph.slice", "strided slice (ONNX starts/ends/axes/steps)", 1, 1, 1, 0, slice_props, infer_slice},
    {"graph.gather", "gather slices along 'axis' by indices", 2, 2, 1, 0, axis_prop, infer_gather},
    {"graph.gather_elements", "gather elements along 'axis'", 2, 2, 1, 0, axis_prop, infer_gather_elements},
    {"graph.scatter_nd", "copy of data with updates scattered at indices", 3, 3, 1, 0, scatter_props, infer_scatter_nd},
    {"graph.expand", "broadcast to 'shape'", 1, 1, 1, 0, shape_prop, infer_expand},
    {"graph.tile", "repeat along each dim", 1, 1, 1, 0, tile_props, infer_tile},
    {"graph.pad", "pad by 'pads' ([begin..., end...]) in 'mode'", 1, 1, 1, 0, pad_props, infer_pad},
    {"graph.resize", "resize to 'sizes' (nearest or linear)", 1, 1, 1, 0, resize_props, infer_resize},
    {"graph.depth_to_space", "move channel blocks into space", 1, 1, 1, 0, d2s_props, infer_depth_to_space},
    {"graph.space_to_depth", "move space blocks into channels", 1, 1, 1, 0, s2d_props, infer_space_to_depth},
    {"graph.shape", "the operand's shape as i64", 1, 1, 1, 0, shape_op_props, infer_shape},
    {"graph.constant", "a constant tensor", 0, 0, 1, SM_TRAIT_CONSTANT_LIKE, value_prop, infer_constant},
    {"graph.constant_of_shape", "tensor of shape (operand) filled with 'value'", 1, 1, 1, 0, value_prop, infer_constant_of_shape},
    {"graph.range", "start, limit, delta scalars to a 1-D sequence", 3, 3, 1, 0, no_props, infer_range},
    {NULL, NULL, 0, 0, 0, 0, NULL, NULL},
};
