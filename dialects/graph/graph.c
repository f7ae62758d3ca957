/* graph dialect: registration, the shared verifier and inference dispatch.
 * Op definitions live in the family tables (graph_ops_*.c). */
#include "dialects/graph/graph_internal.h"

#include <stdio.h>
#include <string.h>

static const SmGraphOpInfo *const families[] = {sm_graph_ops_elementwise, sm_graph_ops_nn,
                                                sm_graph_ops_shape};

/* Per-context registration: the dialect first, so a def's dialect pointer
 * leads back to the parallel info table. */
typedef struct GraphDialect {
  SmDialect dialect;
  SmOpDef *defs;
  const SmGraphOpInfo **infos;
} GraphDialect;

static const SmGraphOpInfo *info_by_name(const char *name) {
  for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
    for (const SmGraphOpInfo *i = families[f]; i->name; i++)
      if (strcmp(i->name, name) == 0) return i;
  return NULL;
}

static const SmGraphOpInfo *info_of_def(const SmOpDef *def) {
  if (!def || !def->dialect || strcmp(def->dialect->name, "graph") != 0) return NULL;
  const GraphDialect *gd = (const GraphDialect *)def->dialect;
  size_t i = (size_t)(def - gd->defs);
  return i < gd->dialect.num_ops ? gd->infos[i] : NULL;
}

bool sm_graph_is_op(const char *name) { return name && info_by_name(name) != NULL; }

bool g_error(GInfer *g, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return sm_emit_error(g->ctx, g->loc, "'%s' op %s", g->name, buf);
}

bool g_result(GInfer *g, unsigned rank, const int64_t *dims, SmType *elem) {
  if (g->nout >= g->max_out) return g_error(g, "too many results");
  for (unsigned d = 0; d < rank; d++)
    if (dims[d] < 0) return g_error(g, "inferred a negative dimension");
  if (!g_check_elements(g, "result", rank, dims)) return false;
  g->out[g->nout++] = sm_type_tensor(g->ctx, rank, dims, elem, NULL);
  return true;
}

bool g_check_elements(GInfer *g, const char *what, unsigned rank, const int64_t *dims) {
  int64_t n, limit = sm_limit_get(SM_LIMIT_TENSOR_ELEMENTS);
  /* Each dimension is bounded too, so products of a few dimensions of an
   * empty tensor cannot overflow either. */
  bool ok = sm_checked_numel(rank, dims, &n);
  for (unsigned d = 0; ok && d < rank; d++) ok = dims[d] <= limit;
  if (!ok || n > limit)
    return g_error(g, "%s has more elements than the limit %s=%lld", what,
                   sm_limit_name(SM_LIMIT_TENSOR_ELEMENTS), (long long)limit);
  return true;
}

bool g_axis(GInfer *g, int64_t axis, unsigned rank, int64_t *out) {
  int64_t a = axis < 0 ? axis + (int64_t)rank : axis;
  if (a < 0 || a >= (int64_t)rank)
    return g_error(g, "axis %lld is out of range for rank %u", (long long)axis, rank);
  *out = a;
  return true;
}

bool g_require_float(GInfer *g, unsigned i) {
  if (sm_type_is_float(g_elem(g, i))) return true;
  return g_error(g, "operand #%u must be a tensor of floats", i);
}

bool g_require_int(GInfer *g, unsigned i) {
  SmType *e = g_elem(g, i);
  if (sm_type_is_integer(e) && e->integer.width > 1) return true;
  return g_error(g, "operand #%u must be a tensor of integers", i);
}

bool g_same_elem(GInfer *g, unsigned i, unsigned j) {
  if (g_elem(g, i) == g_elem(g, j)) return true;
  return g_error(g, "operands #%u and #%u must have the same element type", i, j);
}

SmType *g_i1(GInfer *g) { return sm_type_integer(g->ctx, 1, SM_SIGNLESS); }
SmType *g_i64(GInfer *g) { return sm_type_integer(g->ctx, 64, SM_SIGNLESS); }

static bool infer_with(const SmGraphOpInfo *info, SmContext *ctx, SmLoc *loc, const SmAttr *props,
                       unsigned nin, SmType *const *in, unsigned max_out, SmType **out,
                       unsigned *nout) {
  GInfer g = {ctx, loc, info->name, props, nin, in, max_out, out, 0};
  *nout = 0;
  if ((int)nin < info->min_operands || (info->max_operands >= 0 && (int)nin > info->max_operands)) {
    if (info->min_operands == info->max_operands)
      return g_error(&g, "expects %d operands, got %u", info->min_operands, nin);
    return g_error(&g, "expects at least %d operands, got %u", info->min_operands, nin);
  }
  for (unsigned i = 0; i < nin; i++) {
    SmType *t = in[i];
    bool ok = t && t->kind == SM_TYPE_TENSOR && t->shaped.rank <= GRAPH_MAX_RANK;
    for (unsigned d = 0; ok && d < t->shaped.rank; d++) ok = t->shaped.dims[d] != SM_DYNAMIC;
    if (!ok) return g_error(&g, "operand #%u must be a statically shaped ranked tensor (rank <= %d)", i, GRAPH_MAX_RANK);
    char what[32];
    snprintf(what, sizeof what, "operand #%u", i);
    if (!g_check_elements(&g, what, t->shaped.rank, t->shaped.dims)) return false;
  }
  bool ok = info->infer(&g);
  *nout = g.nout;
  return ok;
}

bool sm_graph_infer(SmContext *ctx, SmLoc *loc, const char *name, const SmAttr *props,
                    unsigned num_operands, SmType *const *operand_types, unsigned max_results,
                    SmType **result_types, unsigned *num_results) {
  const SmGraphOpInfo *info = info_of_def(sm_context_lookup_op(ctx, name, strlen(name)));
  if (!info) info = info_by_name(name);
  *num_results = 0;
  if (!info) return sm_emit_error(ctx, loc, "unknown graph op '%s'", name);
  return infer_with(info, ctx, loc, props, num_operands, operand_types, max_results, result_types,
                    num_results);
}

static void type_str(const SmType *t, char *buf, size_t cap) {
  SmStrBuf sb = {0};
  if (t) sm_type_print(t, &sb);
  snprintf(buf, cap, "%s", sb.data ? sb.data : "?");
  sm_strbuf_free(&sb);
}

/* Rank and element type of constant_of_shape's and range's results. */
static bool value_dependent_ok(SmOp *op, const SmType *have) {
  if (sm_op_name_is(op, "graph.constant_of_shape")) {
    const SmType *shape = sm_op_operand(op, 0)->type;
    SmAttr *v = sm_op_get_prop(op, "value");
    SmType *elem = v && v->kind == SM_ATTR_DENSE_ELEMENTS ? sm_type_element(v->dense.type)
                                                           : sm_type_f32(sm_op_context(op));
    if ((int64_t)have->shaped.rank != shape->shaped.dims[0])
      return sm_op_emit_error(op, "result must have rank %lld (the length of the shape operand)",
                              (long long)shape->shaped.dims[0]);
    if (have->shaped.elem != elem)
      return sm_op_emit_error(op, "result element type must be that of 'value'");
    return true;
  }
  if (sm_op_name_is(op, "graph.range")) {
    if (have->shaped.rank != 1 || have->shaped.elem != sm_op_operand(op, 0)->type->shaped.elem)
      return sm_op_emit_error(op, "result must be a 1-D tensor of the operands' element type");
  }
  return true;
}

/* Verifier of every graph op: inference must succeed and agree with the
 * declared result types. */
static bool graph_verify(SmOp *op) {
  const SmGraphOpInfo *info = info_of_def(op->def);
  if (!info) return sm_op_emit_error(op, "not a graph op");
  SmContext *ctx = sm_op_context(op);
  enum { MAXN = 64 };
  SmType *in[MAXN], *out[MAXN];
  if (op->num_operands > MAXN || op->num_results > MAXN)
    return sm_op_emit_error(op, "too many operands or results");
  for (unsigned i = 0; i < op->num_operands; i++) in[i] = sm_op_operand(op, i)->type;
  unsigned nout = 0;
  if (!infer_with(info, ctx, op->loc, op->props, op->num_operands, in, MAXN, out, &nout))
    return false;
  if (nout != op->num_results)
    return sm_op_emit_error(op, "expects %u results, has %u", nout, op->num_results);
  for (unsigned i = 0; i < nout; i++) {
    SmType *have = op->results[i].type;
    if (!out[i]) {
      /* Value-dependent: a static ranked tensor of the right rank and
       * element type is all that can be checked. */
      bool ok = have && have->kind == SM_TYPE_TENSOR;
      for (unsigned d = 0; ok && d < have->shaped.rank; d++) ok = have->shaped.dims[d] != SM_DYNAMIC;
      if (!ok) return sm_op_emit_error(op, "result #%u must be a statically shaped ranked tensor", i);
      if (!value_dependent_ok(op, have)) return false;
      continue;
    }
    if (have != out[i]) {
      char a[256], b[256];
      type_str(have, a, sizeof a);
      type_str(out[i], b, sizeof b);
      return sm_op_emit_error(op, "result #%u has type %s, but the inferred type is %s", i, a, b);
    }
  }
  return true;
}

static SmOp *graph_materialize_constant(SmBuilder *b, SmAttr *value, SmType *type, SmLoc *loc) {
  if (!value || (value->kind != SM_ATTR_DENSE_ELEMENTS && value->kind != SM_ATTR_DENSE_RESOURCE))
    return NULL;
  SmOpState st;
  sm_op_state_init(&st, b->ctx, sm_intern_cstr(b->ctx, "graph.constant"), loc);
  sm_op_state_add_prop(&st, sm_intern_cstr(b->ctx, "value"), value);
  sm_op_state_add_result(&st, type);
  SmOp *op = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  return op;
}

void sm_register_graph_dialect(SmContext *ctx) {
  if (sm_context_lookup_dialect(ctx, "graph")) return;
  size_t n = 0;
  for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
    for (const SmGraphOpInfo *i = families[f]; i->name; i++) n++;
  GraphDialect *gd = sm_context_alloc(ctx, sizeof *gd);
  SmOpDef *defs = sm_context_alloc(ctx, n * sizeof *defs);
  const SmGraphOpInfo **infos = sm_context_alloc(ctx, n * sizeof *infos);
  memset(gd, 0, sizeof *gd);
  memset(defs, 0, n * sizeof *defs);
  size_t k = 0;
  for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
    for (const SmGraphOpInfo *i = families[f]; i->name; i++, k++) {
      infos[k] = i;
      defs[k].name = i->name;
      defs[k].summary = i->summary;
      defs[k].num_operands = i->min_operands == i->max_operands ? i->min_operands : SM_VARIADIC;
      defs[k].num_results = i->num_results;
      defs[k].traits = SM_TRAIT_PURE | i->traits;
      defs[k].props = i->props;
      defs[k].verify = graph_verify;
      g_install_folders(&defs[k]);
    }
  gd->dialect.name = "graph";
  gd->dialect.summary = "ONNX-level tensor ops with static shapes";
  gd->dialect.ops = defs;
  gd->dialect.num_ops = n;
  gd->dialect.materialize_constant = graph_materialize_constant;
  gd->defs = defs;
  gd->infos = infos;
  sm_context_register_dialect(ctx, &gd->dialect);
}
