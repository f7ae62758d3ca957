/* Loading pass plugins: dlopen, look up the one entry point, check the API
 * version, let the plugin register its passes. */
#include "passes/pass.h"

#include <dlfcn.h>
#include <string.h>

bool sm_pass_plugin_load(SmContext *ctx, const char *path) {
  SmLoc *loc = sm_loc_unknown(ctx);
  /* RTLD_GLOBAL: a plugin may depend on symbols of another plugin. */
  void *h = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
  if (!h) {
    const char *why = dlerror();
    return sm_emit_error(ctx, loc, "failed to load pass plugin '%s': %s", path,
                         why ? why : "unknown error");
  }
  /* dlsym returns void*; go through a union to get a function pointer
   * without a pedantic cast warning. */
  union {
    void *obj;
    SmPassPluginInfoFn fn;
  } entry;
  dlerror();
  entry.obj = dlsym(h, SM_PASS_PLUGIN_ENTRY);
  if (!entry.obj) {
    dlclose(h);
    return sm_emit_error(ctx, loc,
                         "pass plugin '%s' does not export '" SM_PASS_PLUGIN_ENTRY
                         "' (declare: SmPassPluginInfo " SM_PASS_PLUGIN_ENTRY "(void))",
                         path);
  }
  SmPassPluginInfo info = entry.fn();
  if (info.api_version != SM_PASS_PLUGIN_API_VERSION) {
    dlclose(h);
    return sm_emit_error(ctx, loc,
                         "pass plugin '%s' was built for plugin API version %u, but this "
                         "smartmem provides version %u; rebuild it against these headers",
                         path, (unsigned)info.api_version, (unsigned)SM_PASS_PLUGIN_API_VERSION);
  }
  if (!info.register_passes) {
    dlclose(h);
    return sm_emit_error(ctx, loc, "pass plugin '%s' has no register_passes callback", path);
  }
  info.register_passes(ctx);
  /* The handle stays open: registered pass definitions live in the library. */
  return true;
}
