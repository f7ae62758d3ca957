/* math dialect: one table row per scalar function; all are pure and take
 * and return the same float type (the SAME_OPERANDS_AND_RESULT_TYPE trait
 * lets the structural verifier check that). */
#include "dialects/math/math.h"

#include <string.h>

static bool math_verify(SmOp *op) {
  if (!sm_type_is_float(op->results[0].type))
    return sm_op_emit_error(op, "requires a float result type");
  return true;
}

#define UNARY(n, s)                                                                          \
  {.name = "math." n, .summary = s, .num_operands = 1, .num_results = 1,                   \
   .traits = SM_TRAIT_PURE | SM_TRAIT_SAME_OPERANDS_AND_RESULT_TYPE, .verify = math_verify}
#define BINARY(n, s)                                                                         \
  {.name = "math." n, .summary = s, .num_operands = 2, .num_results = 1,                   \
   .traits = SM_TRAIT_PURE | SM_TRAIT_SAME_OPERANDS_AND_RESULT_TYPE, .verify = math_verify}

static SmOpDef math_ops[] = {
    UNARY("absf", "absolute value"),      UNARY("ceil", "round up"),
    UNARY("cos", "cosine"),               UNARY("erf", "error function"),
    UNARY("exp", "e to the power x"),     UNARY("floor", "round down"),
    UNARY("log", "natural logarithm"),    UNARY("round", "round half away from zero"),
    UNARY("rsqrt", "1 / sqrt(x)"),        UNARY("sin", "sine"),
    UNARY("sqrt", "square root"),         UNARY("tanh", "hyperbolic tangent"),
    BINARY("powf", "x to the power y"),
};

static SmDialect math_dialect = {
    .name = "math",
    .summary = "scalar math functions (MLIR math subset)",
    .ops = math_ops,
    .num_ops = sizeof math_ops / sizeof math_ops[0],
};

void sm_register_math_dialect(SmContext *ctx) {
  if (!sm_context_lookup_dialect(ctx, "math")) sm_context_register_dialect(ctx, &math_dialect);
}
