/* graph dialect: element-wise ops (unary math and activations, cast,
 * broadcasting binary ops, comparisons, where). */
#include "dialects/graph/graph_internal.h"

static bool infer_same(GInfer *g) {
  return g_result(g, g_rank(g, 0), g_dims(g, 0), g_elem(g, 0));
}

static bool infer_float_same(GInfer *g) {
  return g_require_float(g, 0) && infer_same(g);
}

static bool infer_is_nan(GInfer *g) {
  return g_require_float(g, 0) && g_result(g, g_rank(g, 0), g_dims(g, 0), g_i1(g));
}

static bool infer_not(GInfer *g) {
  if (!sm_type_is_signless_int(g_elem(g, 0), 1)) return g_error(g, "operand must be a tensor of i1");
  return infer_same(g);
}

static bool infer_cast(GInfer *g) {
  SmType *to = sm_graph_prop_type(g->props, "to");
  if (!to) return g_error(g, "requires a type property 'to'");
  if (!sm_type_is_float(to) && !sm_type_is_integer(to) && to->kind != SM_TYPE_INDEX)
    return g_error(g, "'to' must be an integer or float type");
  /* f16 and bf16 tensors are held in f32 (the importer widens them): a cast
   * to either rounds to it (nearest even, overflow to inf) and stays f32. */
  if (to->kind == SM_TYPE_F16 || to->kind == SM_TYPE_BF16) to = sm_type_f32(g->ctx);
  return g_result(g, g_rank(g, 0), g_dims(g, 0), to);
}

static bool broadcast_result(GInfer *g, SmType *elem) {
  int64_t dims[GRAPH_MAX_RANK];
  unsigned r = g_rank(g, 0);
  const int64_t *cur = g_dims(g, 0);
  int64_t tmp[GRAPH_MAX_RANK];
  for (unsigned d = 0; d < r; d++) tmp[d] = cur[d];
  for (unsigned i = 1; i < g->nin; i++) {
    if (g_rank(g, i) > GRAPH_MAX_RANK) return g_error(g, "rank too large");
    if (!sm_graph_broadcast_shapes(r, tmp, g_rank(g, i), g_dims(g, i), &r, dims))
      return g_error(g, "operand shapes are not broadcast-compatible");
    for (unsigned d = 0; d < r; d++) tmp[d] = dims[d];
  }
  return g_result(g, r, tmp, elem);
}

static bool infer_binary(GInfer *g) {
  if (!g_same_elem(g, 0, 1)) return false;
  return broadcast_result(g, g_elem(g, 0));
}

static bool infer_compare(GInfer *g) {
  if (!g_same_elem(g, 0, 1)) return false;
  return broadcast_result(g, g_i1(g));
}

static bool infer_logical(GInfer *g) {
  for (unsigned i = 0; i < 2; i++)
    if (!sm_type_is_signless_int(g_elem(g, i), 1)) return g_error(g, "operands must be tensors of i1");
  return broadcast_result(g, g_i1(g));
}

static bool infer_where(GInfer *g) {
  if (!sm_type_is_signless_int(g_elem(g, 0), 1)) return g_error(g, "condition must be a tensor of i1");
  if (!g_same_elem(g, 1, 2)) return false;
  return broadcast_result(g, g_elem(g, 1));
}

static const char *const no_props[] = {NULL};
static const char *const alpha_beta[] = {"alpha", "beta", NULL};
static const char *const alpha[] = {"alpha", NULL};
static const char *const approximate[] = {"approximate", NULL};
static const char *const min_max[] = {"max", "min", NULL};
static const char *const to[] = {"to", NULL};
static const char *const fmod_prop[] = {"fmod", NULL};

#define UNARY(n, s, f) {n, s, 1, 1, 1, 0, no_props, f}
#define BINARY(n, s, tr, f) {n, s, 2, 2, 1, tr, no_props, f}

const SmGraphOpInfo sm_graph_ops_elementwise[] = {
    UNARY("graph.abs", "absolute value", infer_same),
    UNARY("graph.ceil", "round up", infer_float_same),
    UNARY("graph.floor", "round down", infer_float_same),
    UNARY("graph.round", "round to nearest, halves to even", infer_float_same),
    UNARY("graph.erf", "error function", infer_float_same),
    UNARY("graph.exp", "exponential", infer_float_same),
    UNARY("graph.log", "natural logarithm", infer_float_same),
    UNARY("graph.neg", "negation", infer_same),
    UNARY("graph.reciprocal", "1 / x", infer_float_same),
    UNARY("graph.relu", "max(x, 0)", infer_same),
    UNARY("graph.sigmoid", "logistic function", infer_float_same),
    UNARY("graph.sqrt", "square root", infer_float_same),
    UNARY("graph.tanh", "hyperbolic tangent", infer_float_same),
    UNARY("graph.sin", "sine", infer_float_same),
    UNARY("graph.cos", "cosine", infer_float_same),
    UNARY("graph.identity", "copy of the operand", infer_same),
    UNARY("graph.hard_swish", "x * hard_sigmoid(x) with alpha 1/6, beta 0.5", infer_float_same),
    UNARY("graph.is_nan", "true where the element is NaN", infer_is_nan),
    UNARY("graph.not", "logical negation", infer_not),
    {"graph.hard_sigmoid", "max(0, min(1, alpha * x + beta))", 1, 1, 1, 0, alpha_beta, infer_float_same},
    {"graph.leaky_relu", "x or alpha * x below zero", 1, 1, 1, 0, alpha, infer_float_same},
    {"graph.gelu", "Gaussian error linear unit (approximate: none or tanh)", 1, 1, 1, 0, approximate, infer_float_same},
    {"graph.clip", "clamp to [min, max] (properties, absent: unbounded)", 1, 1, 1, 0, min_max, infer_same},
    {"graph.cast", "element type conversion to 'to' (f16/bf16: rounded to it, held in f32)", 1, 1, 1, 0, to, infer_cast},
    BINARY("graph.add", "broadcasting addition", SM_TRAIT_COMMUTATIVE, infer_binary),
    BINARY("graph.sub", "broadcasting subtraction", 0, infer_binary),
    BINARY("graph.mul", "broadcasting multiplication", SM_TRAIT_COMMUTATIVE, infer_binary),
    BINARY("graph.div", "broadcasting division (integers truncate)", 0, infer_binary),
    BINARY("graph.pow", "broadcasting power", 0, infer_binary),
    {"graph.mod", "broadcasting remainder (fmod = 1: sign of dividend)", 2, 2, 1, 0, fmod_prop, infer_binary},
    BINARY("graph.min", "broadcasting minimum", SM_TRAIT_COMMUTATIVE, infer_binary),
    BINARY("graph.max", "broadcasting maximum", SM_TRAIT_COMMUTATIVE, infer_binary),
    BINARY("graph.equal", "broadcasting ==", SM_TRAIT_COMMUTATIVE, infer_compare),
    BINARY("graph.greater", "broadcasting >", 0, infer_compare),
    BINARY("graph.greater_or_equal", "broadcasting >=", 0, infer_compare),
    BINARY("graph.less", "broadcasting <", 0, infer_compare),
    BINARY("graph.less_or_equal", "broadcasting <=", 0, infer_compare),
    BINARY("graph.and", "broadcasting logical and", SM_TRAIT_COMMUTATIVE, infer_logical),
    BINARY("graph.or", "broadcasting logical or", SM_TRAIT_COMMUTATIVE, infer_logical),
    BINARY("graph.xor", "broadcasting logical xor", SM_TRAIT_COMMUTATIVE, infer_logical),
    {"graph.where", "broadcasting select: cond ? x : y", 3, 3, 1, 0, no_props, infer_where},
    {NULL, NULL, 0, 0, 0, 0, NULL, NULL},
};
