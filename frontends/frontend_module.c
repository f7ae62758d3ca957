#include "frontends/frontend_module.h"

#include "dialects/builtin/builtin.h"
#include "dialects/func/func.h"

#include <stdio.h>

void sm_frontend_escape(const char *text, char *out, size_t cap) {
  size_t n = 0;
  if (!cap) return;
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    bool ctl = *p < 0x20 || *p == 0x7f;
    size_t need = ctl ? 4 : 1;
    if (n + need >= cap) break;
    if (ctl)
      n += (size_t)snprintf(out + n, cap - n, "\\x%02x", *p);
    else
      out[n++] = (char)*p;
  }
  out[n] = 0;
}

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
