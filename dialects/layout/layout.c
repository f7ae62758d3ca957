/* layout dialect: layout encodings (parsing, row-major maps, bijection
 * check) and the op definitions with their verifiers. */
#include "dialects/layout/layout.h"
#include "ir/checked.h"

#include <stdlib.h>
#include <string.h>

/* ---- encodings ------------------------------------------------------------ */

SmAffineMap *sm_layout_row_major_map(SmContext *ctx, unsigned rank, const int64_t *dims) {
  SmAffineExpr *e = sm_affine_const(ctx, 0);
  int64_t stride = 1;
  for (unsigned i = rank; i-- > 0;) {
    e = sm_affine_add(ctx, sm_affine_mul(ctx, sm_affine_dim(ctx, i), sm_affine_const(ctx, stride)), e);
    /* Wrapping (defined) product: callers verify the shape's element count
     * first (sm_layout_verify), so a wrapped stride is never used. */
    stride = (int64_t)((uint64_t)stride * (uint64_t)dims[i]);
  }
  return sm_affine_map(ctx, rank, 0, 1, &e);
}

SmAttr *sm_layout_attr(SmContext *ctx, SmLayoutKind kind, SmAffineMap *map) {
  SmStrBuf b = {0};
  sm_strbuf_puts(&b, kind == SM_LAYOUT_IMAGE ? ".image<" : ".buffer<");
  sm_attr_print(sm_attr_affine_map(ctx, map), &b);
  sm_strbuf_puts(&b, ">");
  SmAttr *a = sm_attr_opaque(ctx, sm_intern_cstr(ctx, "layout"), sm_intern_cstr(ctx, b.data));
  sm_strbuf_free(&b);
  return a;
}

bool sm_layout_from_attr(SmContext *ctx, const SmAttr *a, SmLayout *out) {
  if (!a || a->kind != SM_ATTR_OPAQUE || strcmp(a->opaque.dialect, "layout") != 0) return false;
  const char *r = a->opaque.rest;
  SmLayoutKind kind;
  size_t skip;
  if (strncmp(r, ".buffer<", 8) == 0) kind = SM_LAYOUT_BUFFER, skip = 8;
  else if (strncmp(r, ".image<", 7) == 0) kind = SM_LAYOUT_IMAGE, skip = 7;
  else return false;
  size_t n = strlen(r);
  if (n < skip + 1 || r[n - 1] != '>') return false;
  /* Parse the inner affine map quietly: a malformed encoding is reported by
   * the caller as "not a layout". */
  char *inner = malloc(n - skip);
  if (!inner) return false;
  memcpy(inner, r + skip, n - skip - 1);
  inner[n - skip - 1] = 0;
  unsigned before = sm_context_error_count(ctx);
  SmAttr *m = strncmp(inner, "affine_map<", 11) == 0 ? sm_parse_attr(ctx, inner) : NULL;
  free(inner);
  if (!m || m->kind != SM_ATTR_AFFINE_MAP || sm_context_error_count(ctx) != before) return false;
  out->kind = kind;
  out->map = m->map;
  return true;
}

bool sm_layout_of_type(SmContext *ctx, const SmType *t, SmLayout *out) {
  if (t->kind != SM_TYPE_TENSOR) return false;
  if (t->shaped.encoding) return sm_layout_from_attr(ctx, t->shaped.encoding, out);
  out->kind = SM_LAYOUT_BUFFER;
  out->map = sm_layout_row_major_map(ctx, t->shaped.rank, t->shaped.dims);
  return true;
}

/* Linear map sum(c_i * d_i) (+ 0): fills strides, false otherwise. */
static bool linear_strides(const SmAffineExpr *e, unsigned rank, int64_t *strides) {
  switch (e->kind) {
  case SM_AFFINE_CONST: return e->value == 0;
  case SM_AFFINE_DIM: if (e->position >= rank || strides[e->position]) return false;
    strides[e->position] = 1;
    return true;
  case SM_AFFINE_MUL:
    if (e->bin.lhs->kind == SM_AFFINE_DIM && e->bin.rhs->kind == SM_AFFINE_CONST &&
        e->bin.lhs->position < rank && !strides[e->bin.lhs->position] && e->bin.rhs->value > 0) {
      strides[e->bin.lhs->position] = e->bin.rhs->value;
      return true;
    }
    return false;
  case SM_AFFINE_ADD: return linear_strides(e->bin.lhs, rank, strides) && linear_strides(e->bin.rhs, rank, strides);
  default: return false;
  }
}

static int cmp_by_stride(const void *a, const void *b) {
  const int64_t *x = a, *y = b;
  return x[0] < y[0] ? -1 : x[0] > y[0];
}

bool sm_layout_verify(SmContext *ctx, SmLoc *loc, const SmLayout *l, unsigned rank,
                      const int64_t *dims, int64_t *extent) {
  SmAffineMap *m = l->map;
  unsigned want = l->kind == SM_LAYOUT_IMAGE ? 3 : 1;
  if (m->num_dims != rank || m->num_symbols != 0 || m->num_results != want)
    return sm_emit_error(ctx, loc, "layout map must map %u dims to %u result%s without symbols",
                         rank, want, want == 1 ? "" : "s");
  int64_t numel;
  if (!sm_checked_numel(rank, dims, &numel))
    return sm_emit_error(ctx, loc, "layout of a tensor whose element count overflows int64");
  extent[0] = extent[1] = extent[2] = 1;
  /* A linear buffer map sum(c_i * d_i) is decided structurally at any size:
   * it is a bijection onto [0, numel) exactly when its strides, sorted, form
   * a mixed radix of the shape. Only other maps are enumerated (up to 2^22
   * elements), which keeps verification cheap for the row-major and
   * permuted layouts that layout selection writes on most tensors. */
  int64_t s[16] = {0};
  if (l->kind == SM_LAYOUT_BUFFER && rank <= 16 && linear_strides(m->results[0], rank, s)) {
    int64_t strides[16][2];
    unsigned k = 0;
    for (unsigned d = 0; d < rank; d++)
      if (dims[d] > 1) strides[k][0] = s[d], strides[k][1] = dims[d], k++;
    qsort(strides, k, sizeof strides[0], cmp_by_stride);
    int64_t need = 1, bad = 0;
    bool radix = true;
    for (unsigned i = 0; radix && i < k; i++) {
      radix = strides[i][0] == need;
      if (!radix) bad = strides[i][0];
      else if (!sm_checked_mul(need, strides[i][1], &need))
        return sm_emit_error(ctx, loc, "layout extent overflows int64");
    }
    if (radix) {
      extent[0] = numel;
      return true;
    }
    /* Not a bijection: small shapes are enumerated below for the precise
     * diagnostic (collision or gap), large ones are refused here. */
    if (numel > (1 << 22))
      return sm_emit_error(ctx, loc, "layout is not a bijection onto its extent (stride %lld, expected %lld)",
                           (long long)bad, (long long)need);
  }
  if (numel > (1 << 22))
    return sm_emit_error(ctx, loc, "layout of %lld elements is too large to check and not linear", (long long)numel);
  /* Enumerate: first the extent, then collisions in a bitmap over it. */
  int64_t idx[16] = {0}, phys[3];
  if (rank > 16) return sm_emit_error(ctx, loc, "layout rank %u exceeds 16", rank);
  int64_t hi[3] = {0, 0, 0};
  for (int64_t n = 0; n < numel; n++) {
    for (unsigned r = 0; r < want; r++) {
      phys[r] = sm_affine_expr_eval(m->results[r], idx, NULL);
      if (phys[r] < 0) return sm_emit_error(ctx, loc, "layout maps an element to a negative coordinate");
      if (phys[r] > hi[r]) hi[r] = phys[r];
    }
    for (unsigned d = rank; d-- > 0;) {
      if (++idx[d] < dims[d]) break;
      idx[d] = 0;
    }
  }
  if (l->kind == SM_LAYOUT_IMAGE && hi[2] > 3)
    return sm_emit_error(ctx, loc, "image layout lane coordinate must be in [0, 4)");
  int64_t total = 1, ext[3];
  bool fits = true;
  for (unsigned r = 0; r < want; r++)
    fits = fits && sm_checked_add(hi[r], 1, &ext[r]) && sm_checked_mul(total, ext[r], &total);
  if (fits && l->kind == SM_LAYOUT_IMAGE)
    fits = sm_checked_mul(ext[0], ext[1], &total) && sm_checked_mul(total, 4, &total);
  if (!fits || total > ((int64_t)1 << 26)) return sm_emit_error(ctx, loc, "layout extent of %lld is too large", (long long)total);
  if (l->kind == SM_LAYOUT_BUFFER && total != numel)
    return sm_emit_error(ctx, loc, "buffer layout is not onto its extent (%lld slots for %lld elements)",
                         (long long)total, (long long)numel);
  uint8_t *seen = calloc((size_t)(total + 7) / 8, 1);
  if (!seen) return sm_emit_error(ctx, loc, "out of memory checking a layout");
  memset(idx, 0, sizeof idx);
  bool ok = true;
  for (int64_t n = 0; n < numel && ok; n++) {
    int64_t lin = 0;
    if (l->kind == SM_LAYOUT_IMAGE) {
      int64_t y = sm_affine_expr_eval(m->results[0], idx, NULL), x = sm_affine_expr_eval(m->results[1], idx, NULL);
      lin = (y * (hi[1] + 1) + x) * 4 + sm_affine_expr_eval(m->results[2], idx, NULL);
    } else {
      lin = sm_affine_expr_eval(m->results[0], idx, NULL);
    }
    if (seen[lin / 8] & (1u << (lin % 8))) ok = false;
    seen[lin / 8] |= (uint8_t)(1u << (lin % 8));
    for (unsigned d = rank; d-- > 0;) {
      if (++idx[d] < dims[d]) break;
      idx[d] = 0;
    }
  }
  free(seen);
  if (!ok) return sm_emit_error(ctx, loc, "layout is not one-to-one: two elements share a location");
  if (l->kind == SM_LAYOUT_IMAGE) extent[0] = hi[0] + 1, extent[1] = hi[1] + 1, extent[2] = 4;
  else extent[0] = total;
  return true;
}

static bool verify_type_layout(SmOp *op, SmType *t) {
  if (t->kind != SM_TYPE_TENSOR || !t->shaped.encoding) return true;
  SmContext *ctx = sm_op_context(op);
  SmLayout l;
  if (!sm_layout_from_attr(ctx, t->shaped.encoding, &l))
    return sm_op_emit_error(op, "tensor encoding is not a #layout.buffer or #layout.image");
  int64_t ext[3];
  return sm_layout_verify(ctx, op->loc, &l, t->shaped.rank, t->shaped.dims, ext);
}

/* ---- layout.generic ------------------------------------------------------- */

static SmAttr *prop_array(const SmOp *op, const char *name) {
  SmAttr *a = sm_op_get_prop(op, name);
  return a && a->kind == SM_ATTR_ARRAY ? a : NULL;
}

unsigned sm_layout_generic_num_inputs(const SmOp *op) { return op->num_operands; }

unsigned sm_layout_generic_domain(const SmOp *op, const int64_t **dims) {
  static const int64_t none[1]; /* never NULL: memcpy / memcmp of 0 dims stays defined */
  SmAttr *d = sm_op_get_prop(op, "domain");
  if (!d || d->kind != SM_ATTR_DENSE_ARRAY) {
    *dims = none;
    return 0;
  }
  *dims = d->dense_array.data;
  return d->dense_array.count;
}

bool sm_layout_generic_is_reduction(const SmOp *op, unsigned d) {
  SmAttr *it = prop_array(op, "iterator_types");
  if (!it || d >= it->array.count) return false;
  SmAttr *s = it->array.elems[d];
  return s->kind == SM_ATTR_STRING && strcmp(s->string.data, "reduction") == 0;
}

SmAffineMap *sm_layout_generic_map(const SmOp *op, unsigned i) {
  SmAttr *m = prop_array(op, "indexing_maps");
  if (!m || i >= m->array.count || m->array.elems[i]->kind != SM_ATTR_AFFINE_MAP) return NULL;
  return m->array.elems[i]->map;
}

SmAttr *sm_layout_generic_pad(const SmOp *op, unsigned i) {
  SmAttr *p = prop_array(op, "pad");
  if (!p || i >= p->array.count || p->array.elems[i]->kind == SM_ATTR_UNIT) return NULL;
  return p->array.elems[i];
}

SmAttr *sm_layout_generic_init(const SmOp *op, unsigned r) {
  SmAttr *p = prop_array(op, "init");
  if (!p || r >= p->array.count || p->array.elems[r]->kind == SM_ATTR_UNIT) return NULL;
  return p->array.elems[r];
}

static bool uses_reduction_dim(const SmOp *op, const SmAffineExpr *e) {
  switch (e->kind) {
  case SM_AFFINE_DIM: return sm_layout_generic_is_reduction(op, e->position);
  case SM_AFFINE_SYMBOL: case SM_AFFINE_CONST: return false;
  default: return uses_reduction_dim(op, e->bin.lhs) || uses_reduction_dim(op, e->bin.rhs);
  }
}

bool sm_layout_generic_lanes_hindered(const SmOp *op, unsigned last) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(op, &dom);
  if (last >= nd) return false;
  int64_t volume = 1; /* saturates: only compared with 32 */
  for (unsigned d = 0; d < nd; d++)
    if (sm_layout_generic_is_reduction(op, d) && !sm_checked_mul(volume, dom[d], &volume)) volume = INT64_MAX;
  bool padded, strided;
  sm_layout_generic_lane_reads(op, last, &padded, &strided);
  return padded || (strided && volume >= 32);
}

void sm_layout_generic_lane_reads(const SmOp *op, unsigned last, bool *padded_out, bool *strided_out) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(op, &dom), nin = sm_layout_generic_num_inputs(op);
  bool padded = false, strided = false;
  for (unsigned i = 0; last < nd && i < nin; i++) {
    const SmAffineMap *m = sm_layout_generic_map(op, i);
    if (!m || m->num_results == 0) continue;
    bool uses = false, in_loop = false;
    for (unsigned r = 0; r < m->num_results; r++) {
      uses |= sm_affine_expr_uses_dim(m->results[r], last);
      in_loop |= uses_reduction_dim(op, m->results[r]);
    }
    if (!uses || !in_loop) continue;
    if (sm_layout_generic_pad(op, i)) padded = true;
    /* One step of last must be one step of the innermost tensor dim. */
    const SmAffineExpr *inner = m->results[m->num_results - 1];
    for (unsigned r = 0; r + 1 < m->num_results; r++) strided |= sm_affine_expr_uses_dim(m->results[r], last);
    strided |= !sm_affine_expr_unit_in_dim(inner, last);
  }
  *padded_out = padded, *strided_out = strided;
}

static bool check_yield(SmOp *op, SmBlock *b, const char *what) {
  SmOp *y = b->last;
  if (!y || !sm_op_name_is(y, "layout.yield"))
    return sm_op_emit_error(op, "%s must end with layout.yield", what);
  if (y->num_operands != op->num_results)
    return sm_op_emit_error(op, "%s yields %u values, expected %u", what, y->num_operands, op->num_results);
  for (unsigned r = 0; r < op->num_results; r++)
    if (y->operands[r].value->type != sm_type_element(op->results[r].type))
      return sm_op_emit_error(op, "%s yield #%u has the wrong type", what, r);
  return true;
}

static bool generic_verify(SmOp *op) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(op, &dom);
  SmAttr *dattr = sm_op_get_prop(op, "domain");
  if (!dattr || dattr->kind != SM_ATTR_DENSE_ARRAY || !sm_type_is_signless_int(dattr->dense_array.elem, 64))
    return sm_op_emit_error(op, "requires a 'domain' i64 array property");
  for (unsigned d = 0; d < nd; d++)
    if (dom[d] <= 0) return sm_op_emit_error(op, "domain extent #%u must be positive", d);
  SmAttr *it = prop_array(op, "iterator_types");
  if (!it || it->array.count != nd)
    return sm_op_emit_error(op, "requires 'iterator_types' with one entry per domain dimension");
  for (unsigned d = 0; d < nd; d++) {
    SmAttr *s = it->array.elems[d];
    if (s->kind != SM_ATTR_STRING || (strcmp(s->string.data, "parallel") && strcmp(s->string.data, "reduction")))
      return sm_op_emit_error(op, "iterator type #%u must be \"parallel\" or \"reduction\"", d);
  }
  unsigned nin = op->num_operands, nres = op->num_results;
  if (nres == 0) return sm_op_emit_error(op, "requires at least one result");
  SmAttr *maps = prop_array(op, "indexing_maps");
  if (!maps || maps->array.count != nin + nres)
    return sm_op_emit_error(op, "requires 'indexing_maps' with %u entries (inputs, then results)", nin + nres);
  bool has_red = false;
  for (unsigned d = 0; d < nd; d++) has_red |= sm_layout_generic_is_reduction(op, d);
  for (unsigned i = 0; i < nin + nres; i++) {
    SmAttr *m = maps->array.elems[i];
    SmType *t = i < nin ? op->operands[i].value->type : op->results[i - nin].type;
    if (t->kind != SM_TYPE_TENSOR) return sm_op_emit_error(op, "operands and results must be ranked tensors");
    if (m->kind == SM_ATTR_UNIT && i < nin) continue;
    if (m->kind != SM_ATTR_AFFINE_MAP)
      return sm_op_emit_error(op, "indexing map #%u must be an affine map%s", i, i < nin ? " or unit" : "");
    if (m->map->num_dims != nd || m->map->num_symbols || m->map->num_results != t->shaped.rank)
      return sm_op_emit_error(op, "indexing map #%u must map %u domain dims to %u indices", i, nd, t->shaped.rank);
    if (i >= nin) {
      int64_t par = 1;
      for (unsigned d = 0; d < nd; d++)
        if (!sm_layout_generic_is_reduction(op, d) && !sm_checked_mul(par, dom[d], &par))
          return sm_op_emit_error(op, "parallel domain size overflows int64");
      for (unsigned r = 0; r < m->map->num_results; r++)
        if (uses_reduction_dim(op, m->map->results[r]))
          return sm_op_emit_error(op, "result map #%u uses a reduction dimension", i - nin);
      if (par != sm_type_num_elements(t))
        return sm_op_emit_error(op, "parallel domain has %lld points but result #%u has %lld elements",
                                (long long)par, i - nin, (long long)sm_type_num_elements(t));
      if (!verify_type_layout(op, t)) return false;
    }
  }
  SmAttr *pad = sm_op_get_prop(op, "pad");
  if (pad && (pad->kind != SM_ATTR_ARRAY || pad->array.count != nin))
    return sm_op_emit_error(op, "'pad' must have one entry per input");
  SmAttr *init = sm_op_get_prop(op, "init");
  if (init && (init->kind != SM_ATTR_ARRAY || init->array.count != nres))
    return sm_op_emit_error(op, "'init' must have one entry per result");
  if (has_red)
    for (unsigned r = 0; r < nres; r++)
      if (!sm_layout_generic_init(op, r))
        return sm_op_emit_error(op, "result #%u of a reduction needs an 'init' value", r);
  SmBlock *body = op->regions[0].first;
  if (!body || body->next) return sm_op_emit_error(op, "body must have exactly one block");
  if (body->num_args != nin + nres)
    return sm_op_emit_error(op, "body must take %u arguments (inputs, then accumulators)", nin + nres);
  for (unsigned i = 0; i < nin + nres; i++) {
    SmType *t = i < nin ? op->operands[i].value->type : op->results[i - nin].type;
    if (body->args[i]->type != sm_type_element(t))
      return sm_op_emit_error(op, "body argument #%u must have the element type of its operand", i);
  }
  if (!check_yield(op, body, "body")) return false;
  SmBlock *epi = op->regions[1].first;
  if (epi) {
    if (epi->next) return sm_op_emit_error(op, "epilogue must have at most one block");
    if (epi->num_args != nres + nin)
      return sm_op_emit_error(op, "epilogue must take %u arguments (accumulators, then inputs)", nres + nin);
    for (unsigned i = 0; i < nin; i++) {
      SmValue *a = epi->args[nres + i];
      if (a->type != sm_type_element(op->operands[i].value->type))
        return sm_op_emit_error(op, "epilogue argument #%u has the wrong type", nres + i);
      SmAffineMap *m = sm_layout_generic_map(op, i);
      if (!sm_value_use_empty(a) && m)
        for (unsigned r = 0; r < m->num_results; r++)
          if (uses_reduction_dim(op, m->results[r]))
            return sm_op_emit_error(op, "input #%u is read in the epilogue but its map uses a reduction dimension", i);
    }
    if (!check_yield(op, epi, "epilogue")) return false;
  }
  return true;
}

static SmOp *enclosing_generic(SmOp *op) {
  for (SmOp *p = sm_op_parent_op(op); p; p = sm_op_parent_op(p))
    if (sm_op_name_is(p, "layout.generic")) return p;
  return NULL;
}

static bool index_verify(SmOp *op) {
  SmOp *g = enclosing_generic(op);
  SmAttr *d = sm_op_get_prop(op, "dim");
  if (!g) return sm_op_emit_error(op, "must be inside a layout.generic");
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  if (!d || d->kind != SM_ATTR_INTEGER || d->integer.value < 0 || d->integer.value >= (int64_t)nd)
    return sm_op_emit_error(op, "requires a 'dim' property within the domain rank %u", nd);
  if (op->results[0].type->kind != SM_TYPE_INDEX) return sm_op_emit_error(op, "result must be index");
  return true;
}

static bool extract_verify(SmOp *op) {
  SmOp *g = enclosing_generic(op);
  SmAttr *k = sm_op_get_prop(op, "operand");
  if (!g) return sm_op_emit_error(op, "must be inside a layout.generic");
  if (!k || k->kind != SM_ATTR_INTEGER || k->integer.value < 0 || k->integer.value >= (int64_t)g->num_operands)
    return sm_op_emit_error(op, "requires an 'operand' property naming an input of the enclosing generic");
  SmType *t = g->operands[k->integer.value].value->type;
  if (op->num_operands != t->shaped.rank)
    return sm_op_emit_error(op, "takes %u indices for an input of rank %u", op->num_operands, t->shaped.rank);
  for (unsigned i = 0; i < op->num_operands; i++)
    if (op->operands[i].value->type->kind != SM_TYPE_INDEX) return sm_op_emit_error(op, "indices must be index values");
  if (op->results[0].type != t->shaped.elem) return sm_op_emit_error(op, "result must be the input's element type");
  return true;
}

static bool yield_verify(SmOp *op) {
  SmOp *p = sm_op_parent_op(op);
  if (!p || !sm_op_name_is(p, "layout.generic")) return sm_op_emit_error(op, "must terminate a layout.generic region");
  return true;
}

static bool convert_verify(SmOp *op) {
  SmType *a = op->operands[0].value->type, *r = op->results[0].type;
  if (a->kind != SM_TYPE_TENSOR || r->kind != SM_TYPE_TENSOR || a->shaped.rank != r->shaped.rank ||
      a->shaped.elem != r->shaped.elem || memcmp(a->shaped.dims, r->shaped.dims, a->shaped.rank * sizeof(int64_t)))
    return sm_op_emit_error(op, "operand and result must be tensors of the same shape and element type");
  return verify_type_layout(op, a) && verify_type_layout(op, r);
}

static const char *const generic_props[] = {"domain", "indexing_maps", "init", "iterator_types", "kind", "pad", NULL};
static const char *const index_props[] = {"dim", NULL};
static const char *const extract_props[] = {"operand", NULL};

static SmOpDef layout_ops[] = {
    {.name = "layout.generic", .summary = "structured op: domain, indexing maps, body, epilogue",
     .num_operands = SM_VARIADIC, .num_results = SM_VARIADIC, .num_regions = 2,
     .traits = SM_TRAIT_PURE | SM_TRAIT_RECURSIVE_EFFECTS, .props = generic_props, .verify = generic_verify},
    {.name = "layout.yield", .summary = "terminator of layout.generic regions", .num_operands = SM_VARIADIC,
     .traits = SM_TRAIT_PURE | SM_TRAIT_TERMINATOR | SM_TRAIT_RETURN_LIKE, .verify = yield_verify},
    {.name = "layout.index", .summary = "current index of a domain dimension", .num_results = 1,
     .traits = SM_TRAIT_PURE, .props = index_props, .verify = index_verify},
    {.name = "layout.extract", .summary = "read an input element at computed indices",
     .num_operands = SM_VARIADIC, .num_results = 1, .traits = SM_TRAIT_PURE, .props = extract_props,
     .verify = extract_verify},
    {.name = "layout.convert", .summary = "copy a tensor into another layout", .num_operands = 1,
     .num_results = 1, .traits = SM_TRAIT_PURE, .verify = convert_verify},
};

static SmDialect layout_dialect = {
    .name = "layout",
    .summary = "tensor layouts as affine maps, structured ops, explicit conversions",
    .ops = layout_ops,
    .num_ops = sizeof layout_ops / sizeof layout_ops[0],
};

void sm_register_layout_dialect(SmContext *ctx) {
  if (!sm_context_lookup_dialect(ctx, "layout")) sm_context_register_dialect(ctx, &layout_dialect);
}
