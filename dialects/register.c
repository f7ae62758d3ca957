/* Registers the core dialects every tool starts with. */
#include "dialects/arith/arith.h"
#include "dialects/builtin/builtin.h"
#include "dialects/func/func.h"

void sm_register_core_dialects(SmContext *ctx) {
  sm_context_register_dialect(ctx, sm_builtin_dialect());
  sm_context_register_dialect(ctx, sm_func_dialect());
  sm_context_register_dialect(ctx, sm_arith_dialect());
}
