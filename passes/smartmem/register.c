/* Registration of the SmartMem passes, their dialects and named pipelines. */
#include "dialects/graph/graph.h"
#include "dialects/kernel/kernel.h"
#include "dialects/layout/layout.h"
#include "dialects/math/math.h"
#include "passes/smartmem/smartmem.h"

#include <string.h>

void sm_register_smartmem_passes(void) {
  sm_pass_register(&sm_smartmem_classify_pass);
  sm_pass_register(&sm_convert_graph_to_layout_pass);
  sm_pass_register(&sm_convert_layout_to_kernel_pass);
  sm_pass_register(&sm_kernel_plan_memory_pass);
  sm_pass_register(&sm_kernel_hoist_invariants_pass);
  sm_pass_register(&sm_kernel_unroll_pass);
  sm_pass_register(&sm_kernel_split_padded_loops_pass);
  sm_pass_register(&sm_smartmem_eliminate_pass);
  sm_pass_register(&sm_smartmem_fuse_pass);
  sm_pass_register(&sm_smartmem_select_layout_pass);
  sm_pass_register(&sm_smartmem_map_texture_pass);
  sm_pass_register(&sm_smartmem_half_storage_pass);
}

void sm_register_smartmem_dialects(SmContext *ctx) {
  if (!sm_context_lookup_dialect(ctx, "graph")) sm_register_graph_dialect(ctx);
  sm_register_math_dialect(ctx);
  sm_register_layout_dialect(ctx);
  sm_register_kernel_dialect(ctx);
}

const char *sm_smartmem_pipeline(const char *name) {
  /* SmartMem: classify (an analysis the later passes may read), lower without
   * the baseline's fusion, remove Fixed ops, fuse, choose layouts (buffers,
   * then images where the device profile says they are cheaper), then
   * kernels. */
  if (strcmp(name, "smartmem") == 0)
    return "builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse,"
           "smartmem-select-layout,smartmem-map-texture,convert-layout-to-kernel,kernel-plan-memory)";
  if (strcmp(name, "baseline") == 0)
    return "builtin.module(convert-graph-to-layout,convert-layout-to-kernel,kernel-plan-memory)";
  return NULL;
}
