/* Registers the core dialects every tool starts with. */
#include "dialects/arith/arith.h"
#include "dialects/builtin/builtin.h"
#include "dialects/func/func.h"
#include "dialects/graph/graph.h"

void sm_register_core_dialects(SmContext *ctx) {
  sm_context_register_dialect(ctx, sm_builtin_dialect());
  sm_context_register_dialect(ctx, sm_func_dialect());
  sm_context_register_dialect(ctx, sm_arith_dialect());
  sm_register_graph_dialect(ctx);
}
