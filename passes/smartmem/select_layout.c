/* smartmem-select-layout: gives every intermediate tensor a buffer layout
 * (#layout.buffer) in which the reads of its consumers are contiguous, the
 * reduction reads first (DESIGN §6: read-optimised beats write-optimised;
 * the producer is a Variable op and writes in whatever layout is chosen).
 *
 * Per tensor produced by a layout.generic: each read by a layout.generic
 * wants the tensor dim driven by the consumer's innermost loop (its last
 * reduction dim when the read is inside the reduction loops, else its last
 * parallel dim, which consecutive work-items step through). A buffer has one
 * contiguous dim (k = 1): the primary layout serves the first reduction read,
 * and a dim that further reduction reads ask for gets a redundant copy
 * (layout.convert, tagged smartmem.redundant_copy) when the reads it serves
 * save more than it costs; the copy bytes are reported. The cost model and
 * the exact search live in layout_search.c; option search=exact uses the
 * exact optimum instead of the heuristic.
 *
 * Never changed: function arguments and results (they stay row-major: a
 * returned tensor keeps its primary layout and can still get copies), weights,
 * tensors already carrying an encoding, tensors of rank > 8, and tensors used
 * by anything but layout.generic / func.return. */
#include "dialects/layout/layout.h"
#include "passes/smartmem/device_profile.h"
#include "passes/smartmem/layout_search.h"
#include "passes/smartmem/smartmem.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Totals {
  long tensors, relaid, copies, weights;
  int64_t copy_bytes;
  double heuristic, exact;
  long nodes;
} Totals;

/* The last tensor index (result of m) that depends on domain dim d, or -1. */
static int tensor_dim_of(const SmAffineMap *m, unsigned d) {
  for (int r = (int)m->num_results - 1; r >= 0; r--)
    if (sm_affine_expr_uses_dim(m->results[r], d)) return r;
  return -1;
}

static double domain_size(const SmOp *g, bool parallel_only) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  double n = 1;
  for (unsigned d = 0; d < nd; d++)
    if (!parallel_only || !sm_layout_generic_is_reduction(g, d)) n *= (double)dom[d];
  return n;
}

/* The fastest-varying parallel dim of g (extent > 1): the one neighbouring
 * work-items step through (the kernel lowering numbers work-items
 * row-major over the parallel dims and tiles the fastest one cyclically). */
static int fastest_parallel(const SmOp *g) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  for (int d = (int)nd - 1; d >= 0; d--)
    if (!sm_layout_generic_is_reduction(g, (unsigned)d) && dom[d] > 1) return d;
  return -1;
}

/* What read `i` of generic g wants. On a SIMT device, first the tensor dim
 * that neighbouring work-items step through, when the map uses it (the read
 * then coalesces only if that dim is contiguous; a read that does not use it
 * is the same address across neighbours, a broadcast). Otherwise SmartMem's
 * rule: walk g's loops from the innermost (reduction dims last to first when
 * the read happens in the body, then the parallel dims last to first) to the
 * first one the map depends on. */
static SmLsRead describe_read(const SmOp *g, unsigned i, const SmLsCosts *costs) {
  SmLsRead r = {.want = -1};
  const SmAffineMap *m = sm_layout_generic_map(g, i);
  SmBlock *body = g->regions[0].first;
  bool in_body = body && i < body->num_args && !sm_value_use_empty(body->args[i]);
  r.volume = domain_size(g, !in_body);
  if (!m) return r;
  if (costs->simt) {
    int f = fastest_parallel(g);
    int t = f >= 0 ? tensor_dim_of(m, (unsigned)f) : -1;
    if (t >= 0) {
      r.want = t;
      r.coalesced = true;
      return r;
    }
  }
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  for (int pass = in_body ? 0 : 1; pass < 2 && r.want < 0; pass++)
    for (int d = (int)nd - 1; d >= 0; d--) {
      if (sm_layout_generic_is_reduction(g, (unsigned)d) != (pass == 0) || dom[d] <= 1) continue;
      int t = tensor_dim_of(m, (unsigned)d);
      if (t < 0) continue;
      r.want = t;
      r.reduction = pass == 0;
      break;
    }
  return r;
}

/* Buffer layout with dim `inner` innermost, the other dims row-major around it. */
static SmAttr *inner_layout(SmContext *c, const SmType *t, int inner) {
  unsigned rank = t->shaped.rank;
  unsigned order[SM_LS_MAX_RANK], n = 0;
  for (unsigned d = 0; d < rank; d++)
    if ((int)d != inner) order[n++] = d;
  order[n++] = (unsigned)inner;
  SmAffineExpr *e = sm_affine_const(c, 0);
  int64_t stride = 1;
  for (unsigned i = rank; i-- > 0;) {
    e = sm_affine_add(c, sm_affine_mul(c, sm_affine_dim(c, order[i]), sm_affine_const(c, stride)), e);
    stride *= t->shaped.dims[order[i]];
  }
  return sm_layout_attr(c, SM_LAYOUT_BUFFER, sm_affine_map(c, rank, 0, 1, &e));
}

static SmType *with_inner(SmContext *c, SmType *t, int inner) {
  if (inner == (int)t->shaped.rank - 1) /* row-major: no encoding */
    return sm_type_tensor(c, t->shaped.rank, t->shaped.dims, t->shaped.elem, NULL);
  return sm_type_tensor(c, t->shaped.rank, t->shaped.dims, t->shaped.elem, inner_layout(c, t, inner));
}

static bool use_before(const SmUse *a, const SmUse *b) {
  return a->owner->scratch != b->owner->scratch ? a->owner->scratch < b->owner->scratch : a->index < b->index;
}

/* Chooses and applies the layout of the result of generic p. */
static bool select_one(SmOp *p, bool exact, const SmLsCosts *costs, Totals *tot) {
  SmContext *c = sm_op_context(p);
  SmValue *v = &p->results[0];
  SmType *t = v->type;
  if (p->num_results != 1 || t->kind != SM_TYPE_TENSOR || t->shaped.encoding || t->shaped.rank < 2 ||
      t->shaped.rank > SM_LS_MAX_RANK || sm_value_use_empty(v))
    return true;
  SmLsTensor lt = {.rank = t->shaped.rank, .numel = (double)sm_type_num_elements(t)};
  memcpy(lt.dims, t->shaped.dims, lt.rank * sizeof(int64_t));
  unsigned nuses = sm_value_num_uses(v);
  lt.reads = calloc(nuses, sizeof *lt.reads);
  SmUse **uses = calloc(nuses, sizeof *uses);
  int *serve = calloc(nuses, sizeof *serve);
  bool ok = lt.reads && uses && serve;
  for (SmUse *u = v->uses; ok && u; u = u->next) {
    if (sm_op_name_is(u->owner, "func.return")) {
      lt.fixed = true;
      continue;
    }
    if (!sm_op_name_is(u->owner, "layout.generic") || u->index >= sm_layout_generic_num_inputs(u->owner)) {
      lt.nreads = 0; /* an unknown reader: leave the tensor alone */
      goto done;
    }
    uses[lt.nreads] = u;
    lt.reads[lt.nreads++] = describe_read(u->owner, u->index, costs);
  }
  if (!ok) {
    free(lt.reads), free(uses), free(serve);
    return sm_op_emit_error(p, "out of memory selecting a layout");
  }
  /* Use lists are in no useful order: "first reader" means program order
   * (op->scratch holds each op's position, set by the caller). */
  for (unsigned i = 1; i < lt.nreads; i++)
    for (unsigned j = i; j > 0 && use_before(uses[j], uses[j - 1]); j--) {
      SmUse *tu = uses[j];
      uses[j] = uses[j - 1], uses[j - 1] = tu;
      SmLsRead tr = lt.reads[j];
      lt.reads[j] = lt.reads[j - 1], lt.reads[j - 1] = tr;
    }
  if (!lt.nreads) goto done;
  /* The producer writes fastest along its last parallel dim. */
  {
    SmAffineMap *om = sm_layout_generic_map(p, sm_layout_generic_num_inputs(p));
    int f = fastest_parallel(p);
    lt.write_want = om && f >= 0 ? tensor_dim_of(om, (unsigned)f) : -1;
  }
  SmLsChoice h = {.serve = serve}, x = {.serve = serve};
  double hc = sm_ls_heuristic(&lt, costs, &h);
  long nodes = 0;
  double xc = sm_ls_exact(&lt, costs, &x, &nodes);
  tot->tensors++, tot->heuristic += hc, tot->exact += xc, tot->nodes += nodes;
  SmLsChoice *ch = exact ? &x : &h;
  sm_ls_cost(&lt, costs, ch); /* refills serve for the chosen one */
  int row = (int)lt.rank - 1;
  SmValue *copy_of[SM_LS_MAX_RANK] = {0};
  if (ch->copies) {
    SmBuilder b;
    sm_builder_init(&b, c);
    sm_builder_set_after(&b, p);
    for (int d = 0; d < (int)lt.rank; d++) {
      if (!(ch->copies >> d & 1)) continue;
      SmOpState st;
      sm_op_state_init(&st, c, sm_intern_cstr(c, "layout.convert"), p->loc);
      sm_op_state_add_operand(&st, v);
      sm_op_state_add_result(&st, with_inner(c, t, d));
      sm_op_state_add_attr(&st, "smartmem.redundant_copy", sm_attr_unit(c));
      SmOp *cv = sm_builder_create(&b, &st);
      sm_op_state_release(&st);
      sm_builder_set_after(&b, cv);
      copy_of[d] = &cv->results[0];
      tot->copies++;
      tot->copy_bytes += sm_type_num_elements(t) * (int64_t)((sm_type_bitwidth(t->shaped.elem) + 7) / 8);
    }
  }
  for (unsigned i = 0; i < lt.nreads; i++)
    if (serve[i] != ch->primary && copy_of[serve[i]]) sm_op_set_operand(uses[i]->owner, uses[i]->index, copy_of[serve[i]]);
  if (ch->primary != row) {
    v->type = with_inner(c, t, ch->primary);
    tot->relaid++;
  }
done:
  free(lt.reads);
  free(uses);
  free(serve);
  return true;
}

/* ---- weights ------------------------------------------------------------
 * A weight's layout costs nothing at run time: it is chosen at compile time
 * by permuting the constant's data so that the dim its reads want innermost
 * is last, and composing the permutation into each reader's indexing map.
 * The IR stays row-major (no encoding), so every backend reads it as is. */

/* Data of a dense or dense_resource constant (NULL for splats and others). */
static const void *weight_data(SmContext *c, const SmAttr *a, size_t *size) {
  if (a->kind == SM_ATTR_DENSE_ELEMENTS && !a->dense.splat) return *size = a->dense.size, a->dense.data;
  if (a->kind == SM_ATTR_DENSE_RESOURCE) return sm_context_get_resource(c, a->resource.name, size, NULL);
  return NULL;
}

/* The permuted copy of row-major data: out dims are dims[order[i]]. */
static void *permute_data(const void *in, size_t esz, unsigned rank, const int64_t *dims, const unsigned *order,
                          int64_t numel) {
  char *out = malloc((size_t)numel * esz);
  if (!out) return NULL;
  int64_t in_stride[SM_LS_MAX_RANK], idx[SM_LS_MAX_RANK] = {0};
  int64_t s = 1;
  for (unsigned d = rank; d-- > 0;) in_stride[d] = s, s *= dims[d];
  /* Walk the output in order, tracking the input offset. */
  int64_t off = 0;
  for (int64_t o = 0; o < numel; o++) {
    memcpy(out + (size_t)o * esz, (const char *)in + (size_t)off * esz, esz);
    for (unsigned i = rank; i-- > 0;) {
      unsigned d = order[i];
      if (++idx[i] < dims[d]) {
        off += in_stride[d];
        break;
      }
      off -= in_stride[d] * (dims[d] - 1);
      idx[i] = 0;
    }
  }
  return out;
}

static SmAttr *replace_map(SmContext *c, SmOp *g, unsigned i, SmAffineMap *m) {
  SmAttr *maps = sm_op_get_prop(g, "indexing_maps");
  SmAttr **elems = malloc(maps->array.count * sizeof *elems);
  if (!elems) return NULL;
  for (unsigned k = 0; k < maps->array.count; k++) elems[k] = maps->array.elems[k];
  elems[i] = sm_attr_affine_map(c, m);
  SmAttr *a = sm_attr_array(c, maps->array.count, elems);
  free(elems);
  return a;
}

/* Permutes the data of weight constant k (a dense or dense_resource tensor
 * of rank >= 2, read only by layout.generic ops) so that its dim `best` is
 * innermost, and composes the permutation into every reader's map. */
static bool permute_weight(SmOp *k, int best, Totals *tot) {
  SmContext *c = sm_op_context(k);
  SmValue *v = &k->results[0];
  SmType *t = v->type;
  SmAttr *val = sm_op_get_attr(k, "value");
  size_t size = 0;
  if (!weight_data(c, val, &size)) return true;
  int64_t numel = sm_type_num_elements(t);
  size_t esz = sm_dense_elem_size(t->shaped.elem);
  struct { unsigned rank; int64_t dims[SM_LS_MAX_RANK]; } lt = {.rank = t->shaped.rank};
  memcpy(lt.dims, t->shaped.dims, lt.rank * sizeof(int64_t));
  unsigned order[SM_LS_MAX_RANK], n = 0;
  for (unsigned d = 0; d < lt.rank; d++)
    if ((int)d != best) order[n++] = d;
  order[n++] = (unsigned)best;
  int64_t ndims[SM_LS_MAX_RANK];
  for (unsigned i = 0; i < lt.rank; i++) ndims[i] = lt.dims[order[i]];
  void *data = permute_data(weight_data(c, val, &size), esz, lt.rank, lt.dims, order, numel);
  if (!data) return sm_op_emit_error(k, "out of memory permuting a weight");
  SmType *nt = sm_type_tensor(c, lt.rank, ndims, t->shaped.elem, NULL);
  SmAttr *nval;
  if (val->kind == SM_ATTR_DENSE_RESOURCE) {
    char name[512];
    snprintf(name, sizeof name, "%s.smartmem_perm%d", val->resource.name, best);
    sm_context_take_resource(c, name, data, size, 64);
    nval = sm_attr_dense_resource(c, sm_intern_cstr(c, name), nt);
  } else {
    nval = sm_attr_dense(c, nt, false, data, size);
    free(data);
  }
  /* Readers index the new tensor at (old index)[order[i]]. */
  for (SmUse *u = v->uses; u; u = u->next) {
    SmAffineMap *m = sm_layout_generic_map(u->owner, u->index);
    SmAffineExpr *res[SM_LS_MAX_RANK];
    for (unsigned i = 0; i < lt.rank; i++) res[i] = m->results[order[i]];
    SmAttr *maps = replace_map(c, u->owner, u->index, sm_affine_map(c, m->num_dims, m->num_symbols, lt.rank, res));
    if (!maps) return sm_op_emit_error(k, "out of memory permuting a weight");
    sm_op_set_prop(u->owner, "indexing_maps", maps);
  }
  if (sm_op_get_prop(k, "value")) sm_op_set_prop(k, "value", nval);
  else sm_op_set_attr(k, "value", nval);
  v->type = nt;
  tot->weights++;
  return true;
}

/* Re-lays out the weight defined by constant op k when its readers gain. */
static bool relayout_weight(SmOp *k, const SmLsCosts *costs, Totals *tot) {
  SmContext *c = sm_op_context(k);
  SmValue *v = &k->results[0];
  SmType *t = v->type;
  SmAttr *val = sm_op_get_attr(k, "value");
  size_t size = 0;
  if (k->num_results != 1 || t->kind != SM_TYPE_TENSOR || t->shaped.encoding || t->shaped.rank < 2 ||
      t->shaped.rank > SM_LS_MAX_RANK || sm_value_use_empty(v) || !val || !weight_data(c, val, &size))
    return true;
  int64_t numel = sm_type_num_elements(t);
  size_t esz = sm_dense_elem_size(t->shaped.elem);
  if (!esz || size != (size_t)numel * esz) return true;
  SmLsTensor lt = {.rank = t->shaped.rank, .numel = (double)numel, .write_want = -1};
  memcpy(lt.dims, t->shaped.dims, lt.rank * sizeof(int64_t));
  double cost[SM_LS_MAX_RANK] = {0};
  for (SmUse *u = v->uses; u; u = u->next) {
    if (!sm_op_name_is(u->owner, "layout.generic") || u->index >= sm_layout_generic_num_inputs(u->owner) ||
        !sm_layout_generic_map(u->owner, u->index))
      return true;
    SmLsRead r = describe_read(u->owner, u->index, costs);
    lt.reads = &r, lt.nreads = 1;
    for (int d = 0; d < (int)lt.rank; d++) {
      SmLsChoice ch = {.primary = d};
      if (sm_ls_candidate(&lt, d)) cost[d] += sm_ls_cost(&lt, costs, &ch);
    }
  }
  int row = (int)lt.rank - 1, best = row;
  for (int d = 0; d < (int)lt.rank; d++)
    if (sm_ls_candidate(&lt, d) && cost[d] < cost[best]) best = d;
  if (best == row) return true;
  return permute_weight(k, best, tot);
}

/* ---- SIMD devices: contiguous vector lanes ----------------------------
 * On a SIMD CPU (no simt, preferred vector width above 4) tensors keep
 * their row-major layout (select_layouts: false) and a reduction kernel gives
 * each work-item consecutive points of its fastest parallel dim, loaded as
 * one vector when the operand is contiguous along that dim. An operand that
 * is re-read for every point of another parallel dim (a matmul's B: every
 * row of A reads it) and whose lanes step through a dim that is not
 * innermost (K read as K^T in attention scores, a Gemm weight with
 * transB = 1) is gathered lane by lane instead. Such an operand gets the dim
 * innermost: a weight by permuting its data at compile time (free), an
 * activation by a layout.convert that the statistics count (one copy, read
 * many times; vit's attention scores ran 2-4x slower on PoCL without it). */

/* The tensor dim that read i of g should have innermost for contiguous
 * vector lanes, or -1 when it already has it or nothing is to gain. */
static int lane_dim(const SmOp *g, unsigned i) {
  const SmAffineMap *m = sm_layout_generic_map(g, i);
  SmType *t = g->operands[i].value->type;
  if (!m || t->kind != SM_TYPE_TENSOR || t->shaped.encoding || t->shaped.rank < 2 || t->shaped.rank > SM_LS_MAX_RANK ||
      sm_layout_generic_pad(g, i))
    return -1;
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  bool red = false, reused = false;
  int f = fastest_parallel(g);
  for (unsigned d = 0; d < nd; d++) {
    if (sm_layout_generic_is_reduction(g, d)) red = true;
    else if ((int)d != f && dom[d] >= 4 && tensor_dim_of(m, d) < 0) reused = true;
  }
  if (!red || !reused || f < 0 || dom[f] < 4) return -1;
  int td = -1;
  for (unsigned r = 0; r < m->num_results; r++)
    if (sm_affine_expr_uses_dim(m->results[r], (unsigned)f)) {
      if (td >= 0) return -1; /* f spread over several tensor dims */
      td = (int)r;
    }
  if (td < 0 || !sm_affine_expr_unit_in_dim(m->results[td], (unsigned)f)) return -1;
  int64_t stride = 1;
  for (unsigned r = (unsigned)td + 1; r < t->shaped.rank; r++) stride *= t->shaped.dims[r];
  return stride == 1 || t->shaped.dims[td] < 4 ? -1 : td;
}

static bool is_constant(const SmOp *op) {
  return op && (sm_op_name_is(op, "graph.constant") || sm_op_name_is(op, "arith.constant"));
}

/* Inserts before g a copy kernel (kind "convert": counted as a layout
 * conversion) that gathers what read i of g touches into a row-major tensor
 * over the domain dims the read uses, in domain order with the fastest
 * parallel dim f last, and makes g read that tensor instead. Only those
 * elements are copied (attention's K out of a fused QKV tensor: a third). */
static bool gather_copy(SmOp *g, unsigned i, int f, Totals *tot) {
  SmContext *c = sm_op_context(g);
  const SmAffineMap *m = sm_layout_generic_map(g, i);
  SmValue *v = g->operands[i].value;
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom), nu = 0;
  unsigned used[SM_LS_MAX_RANK];
  for (unsigned d = 0; d < nd; d++) {
    bool u = false;
    for (unsigned r = 0; r < m->num_results && !u; r++) u = sm_affine_expr_uses_dim(m->results[r], d);
    if (u && (int)d != f) {
      if (nu + 1 >= SM_LS_MAX_RANK) return true;
      used[nu++] = d;
    }
  }
  used[nu++] = (unsigned)f;
  int64_t dims[SM_LS_MAX_RANK];
  SmAffineExpr *to_new[16], *rd[SM_LS_MAX_RANK];
  if (nd > 16) return true;
  for (unsigned d = 0; d < nd; d++) to_new[d] = sm_affine_const(c, 0);
  for (unsigned j = 0; j < nu; j++) {
    dims[j] = dom[used[j]];
    to_new[used[j]] = sm_affine_dim(c, j);
    rd[j] = sm_affine_dim(c, used[j]);
  }
  SmAffineExpr *in_res[SM_LS_MAX_RANK];
  if (m->num_results > SM_LS_MAX_RANK) return true;
  for (unsigned r = 0; r < m->num_results; r++) in_res[r] = sm_affine_expr_replace(c, m->results[r], to_new, NULL);
  SmType *et = v->type->shaped.elem, *nt = sm_type_tensor(c, nu, dims, et, NULL);
  SmOpState st;
  sm_op_state_init(&st, c, sm_intern_cstr(c, "layout.generic"), g->loc);
  sm_op_state_add_operand(&st, v);
  sm_op_state_add_result(&st, nt);
  sm_op_state_add_prop(&st, "domain", sm_attr_dense_array_i64(c, nu, dims));
  SmAttr *its[SM_LS_MAX_RANK], *maps[2];
  for (unsigned d = 0; d < nu; d++) its[d] = sm_attr_string(c, "parallel", 8);
  sm_op_state_add_prop(&st, "iterator_types", sm_attr_array(c, nu, its));
  maps[0] = sm_attr_affine_map(c, sm_affine_map(c, nu, 0, m->num_results, in_res));
  maps[1] = sm_attr_affine_map(c, sm_affine_map_identity(c, nu));
  sm_op_state_add_prop(&st, "indexing_maps", sm_attr_array(c, 2, maps));
  sm_op_state_add_prop(&st, "kind", sm_attr_string(c, "convert", 7));
  sm_op_state_add_attr(&st, "smartmem.lane_copy", sm_attr_unit(c));
  SmBlock *b = sm_block_create();
  SmValue *a = sm_block_add_arg(b, et, g->loc);
  sm_block_add_arg(b, et, g->loc);
  SmBuilder bb;
  sm_builder_init(&bb, c);
  sm_builder_set_block_end(&bb, b);
  SmOpState ys;
  sm_op_state_init(&ys, c, sm_intern_cstr(c, "layout.yield"), g->loc);
  sm_op_state_add_operand(&ys, a);
  sm_builder_create(&bb, &ys);
  sm_op_state_release(&ys);
  sm_region_append_block(sm_op_state_add_region(&st), b);
  sm_op_state_add_region(&st);
  SmBuilder gb;
  sm_builder_init(&gb, c);
  sm_builder_set_before(&gb, g);
  SmOp *cp = sm_builder_create(&gb, &st);
  sm_op_state_release(&st);
  SmAttr *nm = replace_map(c, g, i, sm_affine_map(c, nd, 0, nu, rd));
  if (!nm) return sm_op_emit_error(g, "out of memory adding a lane copy");
  sm_op_set_prop(g, "indexing_maps", nm);
  sm_op_set_operand(g, i, &cp->results[0]);
  tot->copies++;
  tot->copy_bytes += sm_type_num_elements(nt) * (int64_t)((sm_type_bitwidth(et) + 7) / 8);
  return true;
}

/* The vector schedule's tile over ext: 16, 8 or 4 wide, or 1 when none fits
 * (convert-layout-to-kernel's vector_factor with its default vector-tile
 * of 16). */
static int64_t vector_width(int64_t ext) {
  for (int64_t f = 16; f >= 4; f /= 2)
    if (ext % f == 0 || (ext >= 2 * f && ((ext + f - 1) / f * f - ext) * 8 <= ext)) return f;
  return 1;
}

static bool vectorizable(int64_t ext) { return vector_width(ext) >= 4; }

/* The tensor dim of a read that holds domain dim d with unit coefficient
 * (and no other tensor dim uses d); -1 otherwise. */
static int unit_tensor_dim(const SmAffineMap *m, unsigned d) {
  int td = -1;
  for (unsigned r = 0; r < m->num_results; r++)
    if (sm_affine_expr_uses_dim(m->results[r], d)) {
      if (td >= 0) return -1;
      td = (int)r;
    }
  return td >= 0 && sm_affine_expr_unit_in_dim(m->results[td], d) ? td : -1;
}

/* An activation that can take another innermost dim: computed by a
 * single-result layout.generic with a reduction (a convolution or matmul,
 * which then vectorizes the new innermost dim, its weight permuted to
 * match, and stores whole vectors; an element-wise producer would scatter
 * its stores instead: maxvit's GELU kernels ran 2.4x slower), no encoding
 * yet, read only by layout.generics (a function result keeps row-major). */
static bool relayoutable(SmValue *v) {
  SmOp *def = sm_value_defining_op(v);
  SmType *t = v->type;
  if (!def || !sm_op_name_is(def, "layout.generic") || def->num_results != 1 || t->kind != SM_TYPE_TENSOR ||
      t->shaped.encoding || t->shaped.rank < 2 || t->shaped.rank > SM_LS_MAX_RANK)
    return false;
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(def, &dom);
  bool red = false;
  for (unsigned d = 0; d < nd; d++) red |= sm_layout_generic_is_reduction(def, d);
  if (!red) return false;
  for (SmUse *u = v->uses; u; u = u->next)
    if (!sm_op_name_is(u->owner, "layout.generic")) return false;
  return true;
}

/* Whether re-laying out an input may serve g: a window that reads past the
 * edges along g's fastest dim f (a padded convolution), unless f takes 8-
 * or 16-wide vector tiles and every read inside the reduction that uses it
 * steps one element along it. Unpadded reductions (attention's Q.K^T over
 * a fused QKV tensor) keep the lane copies below: re-laying out their
 * operand made vit_tv_tiny 1.3-1.6x slower on PoCL. */
static bool relayout_may_pay(const SmOp *g, unsigned f) {
  const int64_t *dom;
  sm_layout_generic_domain(g, &dom);
  bool padded, strided;
  sm_layout_generic_lane_reads(g, f, &padded, &strided);
  return padded && (vector_width(dom[f]) < 8 || strided);
}

/* A reduction whose last parallel dim is too short for the vector tile (a
 * 13x13 or 7x7 feature map) or whose reads along it are hindered (padded
 * windows, strides): the parallel dim that the kernel schedule vectorizes
 * instead (convert-layout-to-kernel's short_last_alternative), provided
 * every read inside the reduction that uses it steps one element along it,
 * weights read only here after a permutation (output channels last in a
 * convolution weight). With relayout, an activation read with that dim as
 * a plain index (a depthwise convolution's input channel, whatever its
 * window reads past the edges: the bounds check does not depend on it)
 * counts too when it can be re-laid out with that dim innermost
 * (channels-last). -1 when there is none. */
static int short_lane_dim(const SmOp *g, bool relayout) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom), nin = sm_layout_generic_num_inputs(g);
  int f = fastest_parallel(g);
  if (f < 0 || (vectorizable(dom[f]) && !sm_layout_generic_lanes_hindered(g, (unsigned)f))) return -1;
  /* Re-laying out pays where the window steps 2 pixels or the row takes
   * at most 4-wide vectors (28, 14, 7 pixels); a 56- or 112-pixel row read
   * pixel by pixel vectorizes well as it is (measured on mobilenetv2's
   * depthwise convolutions on PoCL: 16 channels at 112x112 ran 2.4x
   * slower channels-last, its stride-2 and 14x14 ones 1.7-2.6x faster). */
  if (relayout && !relayout_may_pay(g, (unsigned)f)) return -1;
  bool red[16] = {0};
  if (nd > 16) return -1;
  for (unsigned d = 0; d < nd; d++) red[d] = sm_layout_generic_is_reduction(g, d);
  int best = -1, best_n = -1;
  for (unsigned d = 0; d < nd; d++) {
    if ((int)d == f || red[d] || !vectorizable(dom[d])) continue;
    bool ok = true;
    int n = 0;
    for (unsigned i = 0; i < nin && ok; i++) {
      const SmAffineMap *m = sm_layout_generic_map(g, i);
      SmValue *v = g->operands[i].value;
      SmType *t = v->type;
      if (!m || t->kind != SM_TYPE_TENSOR || sm_value_use_empty(g->regions[0].first->args[i])) continue;
      bool in_loop = false, uses = false;
      for (unsigned e = 0; e < nd; e++)
        for (unsigned r = 0; r < m->num_results; r++)
          if (sm_affine_expr_uses_dim(m->results[r], e)) in_loop |= red[e], uses |= e == d;
      if (!in_loop || !uses) continue;
      int td = unit_tensor_dim(m, d);
      int64_t stride = 1;
      for (unsigned r = td < 0 ? 0 : (unsigned)td + 1; td >= 0 && r < t->shaped.rank; r++) stride *= t->shaped.dims[r];
      bool permutable = is_constant(sm_value_defining_op(v)) && sm_value_num_uses(v) == 1;
      ok = td >= 0 && !t->shaped.encoding && !sm_layout_generic_pad(g, i) && (stride == 1 || permutable);
      /* The index is d itself (a depthwise convolution's `d + ci`, ci of
       * extent 1): never out of bounds, so a bounds check does not vary
       * along it. */
      if (!ok && relayout && td >= 0 && relayoutable(v)) ok = sm_affine_expr_is_plain_dim(m->results[td], d, dom);
      n++;
    }
    if (ok && (n > best_n || (n == best_n && dom[d] > dom[best]))) best = (int)d, best_n = n;
  }
  return best;
}

/* Puts domain dim d innermost in the weights read only by g that read it
 * strided (permuted at compile time). */
static bool weights_innermost(SmOp *g, unsigned d, Totals *tot) {
  for (unsigned i = 0; i < sm_layout_generic_num_inputs(g); i++) {
    const SmAffineMap *m = sm_layout_generic_map(g, i);
    SmValue *v = g->operands[i].value;
    SmOp *def = sm_value_defining_op(v);
    int td = m ? unit_tensor_dim(m, d) : -1;
    if (td < 0 || !is_constant(def) || sm_value_num_uses(v) != 1 || td + 1 == (int)v->type->shaped.rank) continue;
    if (!permute_weight(def, td, tot)) return false;
  }
  return true;
}

/* Gives the activations that g reads strided along its lane dim sd that
 * dim innermost (re-laid out, as smartmem-select-layout does on other
 * devices), and puts the dim their producer stores contiguously now last
 * in that producer's weights read only there: the producer's kernel then
 * vectorizes it (convert-layout-to-kernel's simd_fast_dim) and writes whole
 * vectors. */
static bool channels_last(SmOp *g, unsigned sd, Totals *tot) {
  SmContext *c = sm_op_context(g);
  unsigned nin = sm_layout_generic_num_inputs(g);
  for (unsigned i = 0; i < nin; i++) {
    const SmAffineMap *m = sm_layout_generic_map(g, i);
    SmValue *v = g->operands[i].value;
    int td = m ? unit_tensor_dim(m, sd) : -1;
    if (td < 0 || td + 1 == (int)v->type->shaped.rank || is_constant(sm_value_defining_op(v)) || !relayoutable(v))
      continue;
    v->type = with_inner(c, v->type, td);
    tot->relaid++;
    SmOp *p = sm_value_defining_op(v);
    const SmAffineMap *om = sm_layout_generic_map(p, sm_layout_generic_num_inputs(p));
    if (om && om->results[td]->kind == SM_AFFINE_DIM && !weights_innermost(p, om->results[td]->position, tot))
      return false;
  }
  return true;
}

static bool simd_lanes(SmOp *fn, Totals *tot) {
  for (SmOp *g = fn->regions[0].first->first; g; g = g->next) {
    if (!sm_op_name_is(g, "layout.generic") || sm_op_get_attr(g, "smartmem.lane_copy")) continue;
    unsigned nin = sm_layout_generic_num_inputs(g);
    int sd = short_lane_dim(g, false);
    if (sd < 0 && (sd = short_lane_dim(g, true)) >= 0 && !channels_last(g, (unsigned)sd, tot)) return false;
    if (sd >= 0) {
      /* Put that dim innermost in the weights that read it strided. */
      if (!weights_innermost(g, (unsigned)sd, tot)) return false;
      continue;
    }
    for (unsigned i = 0; i < nin; i++) {
      int td = lane_dim(g, i);
      if (td < 0) continue;
      SmValue *v = g->operands[i].value;
      SmOp *def = sm_value_defining_op(v);
      if (is_constant(def)) {
        /* A weight read only here: permuted at compile time, for free. */
        if (sm_value_num_uses(v) == 1 && !permute_weight(def, td, tot)) return false;
        continue;
      }
      if (!gather_copy(g, i, fastest_parallel(g), tot)) return false;
    }
  }
  return true;
}

bool sm_smartmem_select_layout(SmOp *module, bool exact, const char *profile, SmLsReport *report) {
  SmDeviceProfile dp;
  if (!sm_device_profile_for(module, profile, &dp)) return false;
  SmLsCosts costs = dp.costs;
  Totals tot = {0};
  SmBlock *mb = module->regions[0].first;
  if (!dp.select_layouts) {
    bool simd = !costs.simt && dp.preferred_vector_width > 4;
    for (SmOp *fn = mb ? mb->first : NULL; simd && fn; fn = fn->next)
      if (sm_op_name_is(fn, "func.func") && fn->regions[0].first && !simd_lanes(fn, &tot)) return false;
    if (report) {
      memset(report, 0, sizeof *report);
      report->relaid = tot.relaid;
      report->weights = tot.weights;
      report->copies = tot.copies;
      report->copy_bytes = tot.copy_bytes;
    }
    return true;
  }
  for (SmOp *fn = mb ? mb->first : NULL; fn; fn = fn->next) {
    if (!sm_op_name_is(fn, "func.func") || !fn->regions[0].first) continue;
    uint32_t pos = 0;
    for (SmOp *op = fn->regions[0].first->first; op; op = op->next) op->scratch = pos++;
    for (SmOp *op = fn->regions[0].first->first; op; op = op->next)
      if ((sm_op_name_is(op, "layout.generic") && !select_one(op, exact, &costs, &tot)) ||
          ((sm_op_name_is(op, "graph.constant") || sm_op_name_is(op, "arith.constant")) &&
           !relayout_weight(op, &costs, &tot)))
        return false;
  }
  if (report) {
    report->tensors = tot.tensors;
    report->relaid = tot.relaid;
    report->weights = tot.weights;
    report->copies = tot.copies;
    report->copy_bytes = tot.copy_bytes;
    report->heuristic_cost = tot.heuristic;
    report->optimal_cost = tot.exact;
    report->search_nodes = tot.nodes;
  }
  return true;
}

static const SmPassOption select_options[] = {
    {"search", SM_PASS_OPT_STRING, "heuristic", "heuristic (SmartMem's rule) or exact (branch and bound optimum)"},
    {"report", SM_PASS_OPT_BOOL, "false", "print tensors re-laid out, redundant copies and their bytes, costs"},
    {"device-profile", SM_PASS_OPT_STRING, "", "device profile NAME or FILE (default: the module's smartmem.device_profile)"},
};

static bool run_select(SmOp *op, SmPassRun *run) {
  const char *s = sm_pass_run_string(run, "search");
  bool exact = !strcmp(s, "exact");
  if (!exact && strcmp(s, "heuristic"))
    return sm_emit_error(sm_pass_run_context(run), op->loc, "smartmem-select-layout: search must be 'heuristic' or 'exact', not '%s'", s);
  SmLsReport r;
  if (!sm_smartmem_select_layout(op, exact, sm_pass_run_string(run, "device-profile"), &r)) return false;
  if (sm_pass_run_bool(run, "report"))
    fprintf(sm_pass_run_stream(run),
            "smartmem-select-layout: %ld tensors, %ld re-laid out, %ld weights permuted, %ld redundant copies (%" PRId64
            " bytes); cost heuristic %.0f, optimal %.0f (ratio %.4f, %ld search nodes)\n",
            r.tensors, r.relaid, r.weights, r.copies, r.copy_bytes, r.heuristic_cost, r.optimal_cost,
            r.optimal_cost > 0 ? r.heuristic_cost / r.optimal_cost : 1.0, r.search_nodes);
  return true;
}

const SmPassDef sm_smartmem_select_layout_pass = {
    .argument = "smartmem-select-layout",
    .summary = "Choose each intermediate tensor's buffer layout so that its consumers' reductions read contiguously",
    .anchor = "builtin.module",
    .options = select_options,
    .num_options = 3,
    .run = run_select,
};
