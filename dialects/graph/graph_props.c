/* Property accessors and shape helpers shared by graph-op inference, the
 * interpreter's kernels and the ONNX importer. */
#include "dialects/graph/graph.h"
#include "ir/float_formats.h"

#include <math.h>
#include <string.h>

int64_t sm_graph_prop_int(const SmAttr *props, const char *name, int64_t dflt) {
  SmAttr *a = sm_dict_get(props, name);
  if (!a) return dflt;
  if (a->kind == SM_ATTR_INTEGER) return a->integer.value;
  if (a->kind == SM_ATTR_BOOL) return a->boolean;
  return dflt;
}

double sm_graph_prop_float(const SmAttr *props, const char *name, double dflt) {
  SmAttr *a = sm_dict_get(props, name);
  if (!a) return dflt;
  if (a->kind == SM_ATTR_FLOAT) return a->fp.value;
  if (a->kind == SM_ATTR_INTEGER) return (double)a->integer.value;
  return dflt;
}

int sm_graph_prop_ints(const SmAttr *props, const char *name, int64_t *out, unsigned max) {
  SmAttr *a = sm_dict_get(props, name);
  if (!a || a->kind != SM_ATTR_DENSE_ARRAY || !sm_type_is_integer(a->dense_array.elem))
    return -1;
  unsigned n = a->dense_array.count;
  for (unsigned i = 0; i < n && i < max; i++) out[i] = sm_attr_dense_array_get_i64(a, i);
  return (int)n;
}

int sm_graph_prop_floats(const SmAttr *props, const char *name, double *out, unsigned max) {
  SmAttr *a = sm_dict_get(props, name);
  if (!a || a->kind != SM_ATTR_DENSE_ARRAY || !sm_type_is_float(a->dense_array.elem)) return -1;
  unsigned n = a->dense_array.count;
  for (unsigned i = 0; i < n && i < max; i++) out[i] = sm_attr_dense_array_get_f64(a, i);
  return (int)n;
}

const char *sm_graph_prop_str(const SmAttr *props, const char *name, const char *dflt) {
  SmAttr *a = sm_dict_get(props, name);
  if (!a || a->kind != SM_ATTR_STRING) return dflt;
  return a->string.data;
}

SmType *sm_graph_prop_type(const SmAttr *props, const char *name) {
  SmAttr *a = sm_dict_get(props, name);
  return a && a->kind == SM_ATTR_TYPE ? a->type : NULL;
}

SmType *sm_graph_cast_rounds_to(const SmAttr *props) {
  SmType *t = sm_graph_prop_type(props, "to");
  return t && (t->kind == SM_TYPE_F16 || t->kind == SM_TYPE_BF16) ? t : NULL;
}

double sm_graph_round_to(const SmType *t, double v) { return sm_float_decode(t, sm_float_encode(t, v)); }

bool sm_graph_broadcast_shapes(unsigned ra, const int64_t *a, unsigned rb, const int64_t *b,
                               unsigned *rout, int64_t *out) {
  unsigned r = ra > rb ? ra : rb;
  for (unsigned i = 0; i < r; i++) {
    int64_t da = i + ra >= r ? a[i + ra - r] : 1;
    int64_t db = i + rb >= r ? b[i + rb - r] : 1;
    if (da != db && da != 1 && db != 1) return false;
    out[i] = da == 1 ? db : da;
  }
  *rout = r;
  return true;
}

bool sm_graph_slice_bounds(const SmAttr *props, unsigned rank, const int64_t *dims,
                           int64_t *starts, int64_t *steps, int64_t *sizes) {
  enum { MAXR = 16 };
  int64_t st[MAXR], en[MAXR], ax[MAXR], sp[MAXR];
  if (rank > MAXR) return false;
  int ns = sm_graph_prop_ints(props, "starts", st, MAXR);
  int ne = sm_graph_prop_ints(props, "ends", en, MAXR);
  int na = sm_graph_prop_ints(props, "axes", ax, MAXR);
  int np = sm_graph_prop_ints(props, "steps", sp, MAXR);
  if (ns < 0 || ne != ns || ns > (int)rank) return false;
  if (na >= 0 && na != ns) return false;
  if (np >= 0 && np != ns) return false;
  for (unsigned d = 0; d < rank; d++) {
    starts[d] = 0;
    steps[d] = 1;
    sizes[d] = dims[d];
  }
  bool seen[MAXR] = {false};
  for (int i = 0; i < ns; i++) {
    int64_t axis = na >= 0 ? ax[i] : i;
    if (axis < 0) axis += rank;
    if (axis < 0 || axis >= (int64_t)rank || seen[axis]) return false;
    seen[axis] = true;
    int64_t step = np >= 0 ? sp[i] : 1, len = dims[axis];
    if (step == 0) return false;
    int64_t s = st[i], e = en[i];
    /* ONNX clamping rules (large sentinels such as INT64_MAX included). */
    if (s < 0) s = s < -len ? -1 : s + len;
    if (e < 0) e = e < -len ? -1 : e + len;
    if (step > 0) {
      s = s < 0 ? 0 : s > len ? len : s;
      e = e < 0 ? 0 : e > len ? len : e;
    } else {
      s = s < 0 ? 0 : s > len - 1 ? len - 1 : s;
      e = e < -1 ? -1 : e > len - 1 ? len - 1 : e;
    }
    /* Written so that huge steps cannot overflow. */
    int64_t span = step > 0 ? e - s : s - e;
    uint64_t ustep = step > 0 ? (uint64_t)step : 0 - (uint64_t)step;
    int64_t n = span <= 0 ? 0 : 1 + (int64_t)((uint64_t)(span - 1) / ustep);
    starts[axis] = s < 0 ? 0 : s;
    steps[axis] = step;
    sizes[axis] = n > 0 ? n : 0;
  }
  return true;
}

/* In float, step by step as onnxruntime computes it: nearest rounding of a
 * coordinate that lands on .5 or an integer must agree with the reference. */
double sm_graph_resize_coord(const char *mode, int64_t out, double scale, int64_t in_len,
                             int64_t out_len) {
  float o = (float)out, s = (float)scale;
  if (strcmp(mode, "align_corners") == 0)
    return out_len == 1 ? 0.0 : o * (float)(in_len - 1) / (float)(out_len - 1);
  if (strcmp(mode, "asymmetric") == 0) return o / s;
  if (strcmp(mode, "pytorch_half_pixel") == 0)
    return out_len > 1 ? (o + 0.5f) / s - 0.5f : 0.0;
  if (strcmp(mode, "tf_half_pixel_for_nn") == 0) return (o + 0.5f) / s;
  if (strcmp(mode, "half_pixel_symmetric") == 0) {
    float adj = (float)out_len / (s * (float)in_len);
    float center = (float)in_len / 2.0f;
    float offset = center * (1.0f - adj);
    return offset + (o + 0.5f) / s - 0.5f;
  }
  return (o + 0.5f) / s - 0.5f; /* half_pixel */
}
