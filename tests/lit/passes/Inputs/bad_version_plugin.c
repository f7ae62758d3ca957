/* A plugin built for a future plugin API: smopt must refuse it. */
#include "passes/pass.h"

static void register_nothing(SmContext *ctx) { (void)ctx; }

SmPassPluginInfo sm_get_pass_plugin_info(void) {
  return (SmPassPluginInfo){SM_PASS_PLUGIN_API_VERSION + 1, "bad", "0", register_nothing};
}
