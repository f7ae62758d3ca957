/* SmartMem's passes and the baseline lowering path:
 *   smartmem-classify         annotate graph ops with their SmartMem group
 *   convert-graph-to-layout   graph -> layout.generic (baseline: row-major,
 *                             every Fixed op a copy, trivial element-wise fusion)
 *   convert-layout-to-kernel  layout.generic -> kernel.func + kernel.host plan
 *   kernel-plan-memory        liveness-based buffer reuse (slots), peak bytes
 *   smartmem-eliminate        remove Fixed ops by composing their maps
 *   smartmem-fuse             fuse element-wise generics (epilogue, prologue)
 *   smartmem-select-layout    buffer layouts that make consumers' reads contiguous
 *   smartmem-map-texture      2.5D mapping: which tensors become images, and how
 *   smartmem-half-storage     intermediate activations stored as half (f32 math)
 * and the dialects they need. */
#ifndef SM_PASSES_SMARTMEM_H
#define SM_PASSES_SMARTMEM_H

#include "passes/pass.h"

#ifdef __cplusplus
extern "C" {
#endif

/* SmartMem's operator groups (DESIGN §6): input-layout dependent or
 * independent, output layout variable or fixed. */
typedef enum SmMemGroup {
  SM_GROUP_NONE,         /* not a compute op (constants, non-graph ops) */
  SM_GROUP_ILD_VARIABLE, /* Conv, MatMul, LayerNorm, Softmax, reductions */
  SM_GROUP_ILD_FIXED,    /* Reshape, Transpose, DepthToSpace, ... */
  SM_GROUP_ILI_VARIABLE, /* element-wise on same-layout operands */
  SM_GROUP_ILI_FIXED,    /* Gather, Slice, Concat, Split, Pad, ... */
} SmMemGroup;

/* Group of one op instance (depends on its operands for element-wise ops:
 * a non-scalar broadcast operand makes the read layout-dependent). */
SmMemGroup sm_smartmem_group(SmOp *op);
/* "ILD_Variable", "ILD_Fixed", "ILI_Variable", "ILI_Fixed", "none". */
const char *sm_smartmem_group_name(SmMemGroup g);

extern const SmPassDef sm_smartmem_classify_pass;
extern const SmPassDef sm_convert_graph_to_layout_pass;
extern const SmPassDef sm_convert_layout_to_kernel_pass;
extern const SmPassDef sm_kernel_plan_memory_pass;
extern const SmPassDef sm_kernel_hoist_invariants_pass;
extern const SmPassDef sm_kernel_unroll_pass;
/* Fully unrolls kernel.for loops of at most max_trips iterations under root; returns how many. */
unsigned sm_kernel_unroll(SmOp *root, int64_t max_trips);
/* As sm_kernel_unroll, but an outermost kernel.for (not inside another)
 * carrying at least keep_results iteration values stays a loop (0: none
 * does): a SIMD kernel's register tile, which the OpenCL C emitter can
 * write as vector lane groups only inside a loop. */
unsigned sm_kernel_unroll_keep_wide(SmOp *root, int64_t max_trips, unsigned keep_results);
/* Hoists loop-invariant scalar ops out of kernel loops under root; returns how many moved. */
unsigned sm_kernel_hoist_invariants(SmOp *root);
extern const SmPassDef sm_kernel_split_padded_loops_pass;
/* Splits kernel.for loops where padded reads enter or leave their bounds,
 * then drops the bounds checks that value ranges prove (and reads that are
 * never in bounds); returns how many loops and reads changed. */
unsigned sm_kernel_split_padded_loops(SmOp *root);
extern const SmPassDef sm_smartmem_eliminate_pass;
extern const SmPassDef sm_smartmem_fuse_pass;
extern const SmPassDef sm_smartmem_select_layout_pass;
extern const SmPassDef sm_smartmem_map_texture_pass;
extern const SmPassDef sm_smartmem_half_storage_pass;

/* What smartmem-half-storage did (tensor bytes: elements x 2 in half, x 4
 * for the f32 results it left). */
typedef struct SmHalfStorageReport {
  bool applied;
  long buffers, images;
  int64_t half_bytes, f32_bytes;
} SmHalfStorageReport;
/* Runs smartmem-half-storage on a kernel-level module. storage: "f16",
 * "f32" or "auto" (f16 when the device profile has fp16); profile: NAME or
 * FILE, or "" for the module's. */
bool sm_smartmem_half_storage(SmOp *module, const char *storage, const char *profile, SmHalfStorageReport *report);

/* Registers the passes above (idempotent). */
void sm_register_smartmem_passes(void);
/* Registers graph, math, layout and kernel (idempotent per context). */
void sm_register_smartmem_dialects(SmContext *ctx);
/* The pipeline smc, smrun and sm_opencl_compile use when none is named. */
#define SM_DEFAULT_PIPELINE "smartmem"
/* Textual pipeline of a named pipeline ("smartmem", "baseline"), or NULL. */
const char *sm_smartmem_pipeline(const char *name);

/* Entry points without a pass manager (they diagnose and return false on error). */
bool sm_convert_graph_to_layout(SmOp *module, bool fuse);
bool sm_convert_layout_to_kernel(SmOp *module);
/* Whether convert-layout-to-kernel{fastest-dim=auto} tiles the fastest dim
 * blocked for this module (its device profile is a SIMD device: a
 * preferred vector width above 4); false with a diagnostic when the
 * module's profile does not load. */
bool sm_kernel_fastest_blocked(SmOp *module, bool *blocked);
/* smartmem-eliminate and smartmem-fuse on every func.func of a layout-level module. */
bool sm_smartmem_eliminate(SmOp *module);
/* math_epilogues: "fuse", "split" or "auto" (smartmem-fuse's option). */
bool sm_smartmem_fuse(SmOp *module, const char *math_epilogues);
/* Assigns slots; *peak_bytes (may be NULL) receives the planned peak and
 * *naive_bytes (may be NULL) the sum of all intermediate buffers. */
bool sm_kernel_plan_memory(SmOp *module, int64_t *peak_bytes, int64_t *naive_bytes);

/* What smartmem-select-layout did (costs in the units of layout_search.h). */
typedef struct SmLsReport {
  long tensors, relaid, copies; /* tensors considered, given a non-row-major layout, copies added */
  long weights;                 /* weights whose data was permuted at compile time */
  int64_t copy_bytes;           /* bytes of the redundant copies */
  double heuristic_cost, optimal_cost;
  long search_nodes;
} SmLsReport;
/* Chooses buffer layouts (exact: the branch-and-bound optimum instead of the
 * heuristic) with the costs of a device profile (NAME or FILE; NULL or "":
 * the module's smartmem.device_profile or the defaults); report may be NULL. */
bool sm_smartmem_select_layout(SmOp *module, bool exact, const char *profile, SmLsReport *report);

/* What smartmem-map-texture did. */
typedef struct SmMapTextureReport {
  char profile[256];
  bool used_images;               /* the profile makes images worth it (or force) */
  long images, partners, too_large; /* tensors mapped, element-wise partners, left as buffers for size */
} SmMapTextureReport;
/* 2.5D mapping with a device profile (as for select-layout); force maps to
 * images even where the profile says they are not cheaper; report may be NULL. */
bool sm_smartmem_map_texture(SmOp *module, const char *profile, bool force, SmMapTextureReport *report);

#ifdef __cplusplus
}
#endif
#endif
