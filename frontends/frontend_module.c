#include "frontends/frontend_module.h"

#include "dialects/builtin/builtin.h"
#include "dialects/func/func.h"

SmOp *sm_frontend_wrap_main(SmContext *ctx, SmBlock *body, SmType *fn_type, SmLoc *func_loc) {
  SmOp *func = sm_func_create(ctx, "main", fn_type, true, func_loc);
  /* sm_func_create made an empty entry block; the importer's body replaces it. */
  SmBlock *empty = sm_op_region(func, 0)->first;
  sm_block_detach(empty);
  sm_block_destroy(empty);
  sm_region_append_block(sm_op_region(func, 0), body);
  SmOp *module = sm_builtin_module_create(ctx, NULL, NULL);
  sm_block_append_op(sm_builtin_module_body(module), func);
  return module;
}
