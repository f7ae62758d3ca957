/* In-process validation of emitted modules with SPIRV-Tools' C API (the
 * library behind spirv-val), when the build found it (SM_HAVE_SPIRV_TOOLS);
 * see spirv.h. */
#include "backend/spirv/spirv.h"

#ifdef SM_HAVE_SPIRV_TOOLS
#include <spirv-tools/libspirv.h>

bool sm_spirv_can_validate(void) { return true; }

bool sm_spirv_validate(SmContext *ctx, SmLoc *loc, const void *module, size_t bytes) {
  spv_context c = spvContextCreate(SPV_ENV_OPENCL_1_2);
  if (!c) return sm_emit_error(ctx, loc, "SPIR-V: cannot create a SPIRV-Tools context");
  spv_const_binary_t bin = {(const uint32_t *)module, bytes / sizeof(uint32_t)};
  spv_diagnostic d = NULL;
  spv_result_t r = spvValidate(c, &bin, &d);
  bool ok = r == SPV_SUCCESS;
  if (!ok)
    sm_emit_error(ctx, loc, "internal error: the emitted SPIR-V module is invalid (spirv-val, opencl1.2): %s",
                  d && d->error ? d->error : "no message");
  spvDiagnosticDestroy(d);
  spvContextDestroy(c);
  return ok;
}
#else
bool sm_spirv_can_validate(void) { return false; }

bool sm_spirv_validate(SmContext *ctx, SmLoc *loc, const void *module, size_t bytes) { return true; }
#endif
