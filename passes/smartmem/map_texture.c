/* smartmem-map-texture: the 2.5D mapping (DESIGN §6). Decides per
 * intermediate tensor whether it lives in a buffer or in an image of 4-lane
 * pixels, and how its dims map onto (y, x, lane):
 *   lane = d_k mod 4           d_k: the dim the readers want contiguous (the
 *                              innermost dim of the buffer layout that
 *                              smartmem-select-layout chose, or row-major's)
 *   x    = (d_k floordiv 4) * n_x + d_x
 *                              d_x: the next-innermost dim, contiguous along x
 *   y    = the other dims, row-major
 * so that a reduction along d_k reads whole pixels and one along d_x walks
 * neighbouring pixels. When the image would be wider than the device allows,
 * d_k floordiv 4 moves to y; when it is still too large, the tensor stays a
 * buffer. A tensor with no reduction reader that is combined element-wise
 * with an image tensor (an operand or the result of an all-parallel op
 * reading both through identity maps) takes its mate's mapping.
 *
 * Only where the device profile has images that are cheaper to read than
 * buffers (image_support and image_read_cost < 1), or with force=true (for
 * testing on devices where images are slower, such as PoCL). Never mapped:
 * function arguments and results, weights, non-f32 tensors, tensors read by
 * anything but layout.generic / layout.convert or through layout.extract,
 * and results whose producer cannot write a whole pixel (its result map
 * must be a permutation of its parallel dims, see docs/layout-dialect.md
 * "Image outputs"). */
#include "dialects/layout/layout.h"
#include "passes/smartmem/device_profile.h"
#include "passes/smartmem/smartmem.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define MAXR 16

typedef struct Stats {
  long images;
  long partners;
  long too_large;
} Stats;

/* Every result of the producer's map is a distinct parallel dim (or 0 for a
 * kept reduced dim) and every parallel dim appears: one work-item per pixel
 * can then recover the domain point (the image-output lowering's rule). */
static bool writes_pixels(const SmOp *g) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  SmAffineMap *m = sm_layout_generic_map(g, sm_layout_generic_num_inputs(g));
  if (!m || nd > MAXR) return false;
  bool seen[MAXR] = {0};
  for (unsigned r = 0; r < m->num_results; r++) {
    const SmAffineExpr *e = m->results[r];
    if (e->kind == SM_AFFINE_CONST && e->value == 0) continue;
    if (e->kind != SM_AFFINE_DIM || seen[e->position] || sm_layout_generic_is_reduction(g, e->position)) return false;
    seen[e->position] = true;
  }
  for (unsigned d = 0; d < nd; d++)
    if (!seen[d] && !sm_layout_generic_is_reduction(g, d)) return false;
  return true;
}

/* Can v become an image: an f32 intermediate produced by a pixel-writing
 * generic and read only by generics through affine maps (or converts). */
static bool mappable(SmValue *v, bool *reduction_reader) {
  SmOp *p = sm_value_defining_op(v);
  SmType *t = v->type;
  if (!p || !sm_op_name_is(p, "layout.generic") || p->num_results != 1 || t->kind != SM_TYPE_TENSOR ||
      t->shaped.rank == 0 || t->shaped.rank > MAXR || !sm_type_is_float(t->shaped.elem) ||
      sm_type_bitwidth(t->shaped.elem) != 32 || sm_value_use_empty(v) || !writes_pixels(p))
    return false;
  SmLayout l;
  SmContext *c = sm_op_context(p);
  if (!sm_layout_of_type(c, t, &l) || l.kind != SM_LAYOUT_BUFFER) return false;
  *reduction_reader = false;
  for (SmUse *u = v->uses; u; u = u->next) {
    if (sm_op_name_is(u->owner, "layout.convert")) continue;
    if (!sm_op_name_is(u->owner, "layout.generic") || u->index >= sm_layout_generic_num_inputs(u->owner) ||
        !sm_layout_generic_map(u->owner, u->index))
      return false;
    const int64_t *dom;
    unsigned nd = sm_layout_generic_domain(u->owner, &dom);
    for (unsigned d = 0; d < nd; d++)
      if (sm_layout_generic_is_reduction(u->owner, d) && dom[d] > 1) *reduction_reader = true;
  }
  return true;
}

/* Dims of t ordered by their stride in its buffer layout, innermost first
 * (extent-1 dims last); returns how many have extent > 1. */
static unsigned dims_by_stride(SmContext *c, SmType *t, unsigned *order) {
  SmLayout l;
  sm_layout_of_type(c, t, &l);
  unsigned rank = t->shaped.rank, n = 0;
  int64_t zero[MAXR] = {0}, stride[MAXR];
  int64_t base = sm_affine_expr_eval(l.map->results[0], zero, NULL);
  for (unsigned d = 0; d < rank; d++) {
    int64_t at[MAXR] = {0};
    at[d] = 1;
    stride[d] = t->shaped.dims[d] > 1 ? sm_affine_expr_eval(l.map->results[0], at, NULL) - base : INT64_MAX;
  }
  for (unsigned d = 0; d < rank; d++) order[d] = d;
  for (unsigned i = 1; i < rank; i++)
    for (unsigned j = i; j > 0 && stride[order[j]] < stride[order[j - 1]]; j--) {
      unsigned x = order[j];
      order[j] = order[j - 1], order[j - 1] = x;
    }
  for (unsigned d = 0; d < rank; d++) n += t->shaped.dims[d] > 1;
  return n;
}

/* The image layout of t (lane dim k, x dim xd or -1) within the limits;
 * NULL when it does not fit. */
static SmAttr *image_layout(SmContext *c, SmType *t, unsigned k, int xd, const SmDeviceProfile *dp) {
  unsigned rank = t->shaped.rank;
  const int64_t *dims = t->shaped.dims;
  int64_t groups = (dims[k] + 3) / 4, nx = xd >= 0 ? dims[xd] : 1;
  SmAffineExpr *dk = sm_affine_dim(c, k);
  SmAffineExpr *grp = sm_affine_floordiv(c, dk, sm_affine_const(c, 4));
  SmAffineExpr *lane = sm_affine_mod(c, dk, sm_affine_const(c, 4));
  /* y: the other dims, row-major. */
  SmAffineExpr *y = sm_affine_const(c, 0);
  int64_t h = 1;
  for (unsigned i = rank; i-- > 0;) {
    if (i == k || (int)i == xd) continue;
    y = sm_affine_add(c, sm_affine_mul(c, sm_affine_dim(c, i), sm_affine_const(c, h)), y);
    h *= dims[i];
  }
  SmAffineExpr *xe = xd >= 0 ? sm_affine_dim(c, (unsigned)xd) : sm_affine_const(c, 0);
  int64_t w = groups * nx;
  SmAffineExpr *x = sm_affine_add(c, sm_affine_mul(c, grp, sm_affine_const(c, nx)), xe);
  bool fits = (!dp->max_image_width || w <= dp->max_image_width) && (!dp->max_image_height || h <= dp->max_image_height);
  if (!fits) { /* the lane groups go to y instead */
    x = xe, w = nx;
    y = sm_affine_add(c, sm_affine_mul(c, grp, sm_affine_const(c, h)), y);
    h *= groups;
    fits = (!dp->max_image_width || w <= dp->max_image_width) && (!dp->max_image_height || h <= dp->max_image_height);
  }
  if (!fits) return NULL;
  SmAffineExpr *res[3] = {y, x, lane};
  return sm_layout_attr(c, SM_LAYOUT_IMAGE, sm_affine_map(c, rank, 0, 3, res));
}

static void set_encoding(SmContext *c, SmValue *v, SmAttr *enc) {
  SmType *t = v->type;
  v->type = sm_type_tensor(c, t->shaped.rank, t->shaped.dims, t->shaped.elem, enc);
}

static bool is_identity(const SmAffineMap *m, unsigned rank) {
  if (!m || m->num_results != rank || m->num_dims != rank) return false;
  for (unsigned r = 0; r < rank; r++)
    if (m->results[r]->kind != SM_AFFINE_DIM || m->results[r]->position != r) return false;
  return true;
}

/* An all-parallel generic reading an image tensor through its identity map:
 * its other identity-read operands and its result take that mapping. */
static void map_partners(SmContext *c, SmOp *g, Stats *st) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  for (unsigned d = 0; d < nd; d++)
    if (sm_layout_generic_is_reduction(g, d)) return;
  unsigned nin = sm_layout_generic_num_inputs(g);
  SmType *rt = g->results[0].type;
  SmAttr *enc = NULL;
  for (unsigned i = 0; i < nin && !enc; i++) {
    SmType *t = g->operands[i].value->type;
    SmLayout l;
    if (t->shaped.encoding && sm_layout_of_type(c, t, &l) && l.kind == SM_LAYOUT_IMAGE &&
        is_identity(sm_layout_generic_map(g, i), nd) && t->shaped.rank == rt->shaped.rank &&
        !memcmp(t->shaped.dims, rt->shaped.dims, nd * sizeof(int64_t)))
      enc = t->shaped.encoding;
  }
  if (!enc) return;
  for (unsigned i = 0; i <= nin; i++) {
    SmValue *v = i < nin ? g->operands[i].value : &g->results[0];
    SmType *t = v->type;
    bool red;
    if (t->kind != SM_TYPE_TENSOR || t->shaped.encoding || t->shaped.rank != rt->shaped.rank ||
        memcmp(t->shaped.dims, rt->shaped.dims, nd * sizeof(int64_t)) ||
        (i < nin && !is_identity(sm_layout_generic_map(g, i), nd)) || !mappable(v, &red))
      continue;
    set_encoding(c, v, enc);
    st->partners++;
  }
}

bool sm_smartmem_map_texture(SmOp *module, const char *profile, bool force, SmMapTextureReport *report) {
  SmContext *c = sm_op_context(module);
  SmDeviceProfile dp;
  if (!sm_device_profile_for(module, profile, &dp)) return false;
  Stats st = {0};
  bool use_images = dp.image_support && (force || dp.image_read_cost < 1.0);
  SmBlock *mb = module->regions[0].first;
  for (SmOp *fn = mb ? mb->first : NULL; use_images && fn; fn = fn->next) {
    if (!sm_op_name_is(fn, "func.func") || !fn->regions[0].first) continue;
    for (SmOp *op = fn->regions[0].first->first; op; op = op->next) {
      if (!sm_op_name_is(op, "layout.generic") || op->num_results != 1) continue;
      SmValue *v = &op->results[0];
      bool red = false;
      if (!mappable(v, &red) || !red) continue;
      unsigned order[MAXR];
      unsigned n = dims_by_stride(c, v->type, order);
      unsigned k = n ? order[0] : v->type->shaped.rank - 1;
      int xd = n > 1 ? (int)order[1] : -1;
      SmAttr *enc = image_layout(c, v->type, k, xd, &dp);
      if (!enc) {
        st.too_large++;
        continue;
      }
      set_encoding(c, v, enc);
      st.images++;
    }
    for (SmOp *op = fn->regions[0].first->first; op; op = op->next)
      if (sm_op_name_is(op, "layout.generic") && op->num_results == 1) map_partners(c, op, &st);
  }
  if (report) {
    report->images = st.images;
    report->partners = st.partners;
    report->too_large = st.too_large;
    report->used_images = use_images;
    snprintf(report->profile, sizeof report->profile, "%s", dp.name);
  }
  return true;
}

static const SmPassOption map_options[] = {
    {"device-profile", SM_PASS_OPT_STRING, "", "device profile NAME or FILE (default: the module's smartmem.device_profile)"},
    {"force", SM_PASS_OPT_BOOL, "false", "map to images even where the profile says images are not cheaper"},
    {"report", SM_PASS_OPT_BOOL, "false", "print how many tensors became images"},
};

static bool run_map(SmOp *op, SmPassRun *run) {
  SmMapTextureReport r;
  if (!sm_smartmem_map_texture(op, sm_pass_run_string(run, "device-profile"), sm_pass_run_bool(run, "force"), &r))
    return false;
  if (sm_pass_run_bool(run, "report"))
    fprintf(sm_pass_run_stream(run),
            "smartmem-map-texture: profile %s: %s; %ld tensors in images, %ld element-wise partners, %ld too large\n",
            r.profile, r.used_images ? "images" : "buffers only (images not cheaper)", r.images, r.partners,
            r.too_large);
  return true;
}

const SmPassDef sm_smartmem_map_texture_pass = {
    .argument = "smartmem-map-texture",
    .summary = "2.5D mapping: put tensors with reduction readers into images (lane, x, y) within the device's limits",
    .anchor = "builtin.module",
    .options = map_options,
    .num_options = 3,
    .run = run_map,
};
