/* smartmem-classify: annotates every graph op with its SmartMem group as
 * the discardable attribute `smartmem.group` (DESIGN §6). An analysis: it
 * changes nothing else. */
#include "dialects/graph/graph.h"
#include "passes/smartmem/smartmem.h"

#include <string.h>

static bool name_in(const char *n, const char *const *list) {
  for (; *list; list++)
    if (strcmp(n, *list) == 0) return true;
  return false;
}

static const char *const ild_variable[] = {
    "conv", "conv_transpose", "matmul", "gemm", "layer_normalization", "softmax", "max_pool",
    "average_pool", "global_average_pool", "reduce_sum", "reduce_mean", "reduce_max", "reduce_min",
    "reduce_prod", "reduce_l1", "reduce_l2", "reduce_sum_square", "resize", NULL};
static const char *const ild_fixed[] = {"reshape", "flatten", "squeeze", "unsqueeze", "transpose",
                                        "depth_to_space", "space_to_depth", NULL};
static const char *const ili_fixed[] = {"gather", "gather_elements", "slice", "concat", "split", "pad",
                                        "expand", "tile", "scatter_nd", NULL};

static bool is_scalar_constant(SmValue *v) {
  SmOp *d = sm_value_defining_op(v);
  return sm_type_num_elements(v->type) == 1 || (d && sm_op_name_is(d, "graph.constant") &&
                                                sm_type_num_elements(v->type) == 1);
}

SmMemGroup sm_smartmem_group(SmOp *op) {
  if (!op->def || strncmp(op->name, "graph.", 6) != 0 || sm_op_name_is(op, "graph.constant"))
    return SM_GROUP_NONE;
  const char *n = op->name + 6;
  if (name_in(n, ild_variable)) return SM_GROUP_ILD_VARIABLE;
  if (name_in(n, ild_fixed)) return SM_GROUP_ILD_FIXED;
  if (name_in(n, ili_fixed)) return SM_GROUP_ILI_FIXED;
  /* Element-wise (and batch_normalization, per-channel affine): layout
   * independent as long as every non-scalar operand has the result's shape,
   * i.e. can share its layout. A broadcast operand is read through a
   * different index map, so its cost depends on the layouts chosen. */
  if (op->num_results != 1) return SM_GROUP_ILD_VARIABLE;
  SmType *rt = op->results[0].type;
  if (sm_op_name_is(op, "graph.batch_normalization")) return SM_GROUP_ILD_VARIABLE;
  for (unsigned i = 0; i < op->num_operands; i++) {
    SmType *t = op->operands[i].value->type;
    if (is_scalar_constant(op->operands[i].value)) continue;
    if (t->kind != SM_TYPE_TENSOR || rt->kind != SM_TYPE_TENSOR || t->shaped.rank != rt->shaped.rank ||
        memcmp(t->shaped.dims, rt->shaped.dims, t->shaped.rank * sizeof(int64_t)) != 0)
      return SM_GROUP_ILD_VARIABLE;
  }
  return SM_GROUP_ILI_VARIABLE;
}

const char *sm_smartmem_group_name(SmMemGroup g) {
  switch (g) {
  case SM_GROUP_ILD_VARIABLE: return "ILD_Variable";
  case SM_GROUP_ILD_FIXED: return "ILD_Fixed";
  case SM_GROUP_ILI_VARIABLE: return "ILI_Variable";
  case SM_GROUP_ILI_FIXED: return "ILI_Fixed";
  default: return "none";
  }
}

static SmWalkResult classify_one(SmOp *op, void *user) {
  SmMemGroup g = sm_smartmem_group(op);
  if (g != SM_GROUP_NONE) {
    const char *s = sm_smartmem_group_name(g);
    sm_op_set_attr(op, "smartmem.group", sm_attr_string(sm_op_context(op), s, strlen(s)));
  }
  return SM_WALK_ADVANCE;
}

static bool run_classify(SmOp *op, SmPassRun *run) {
  sm_op_walk(op, SM_WALK_PRE, classify_one, NULL);
  return true;
}

const SmPassDef sm_smartmem_classify_pass = {
    .argument = "smartmem-classify",
    .summary = "Annotate graph ops with their SmartMem group (smartmem.group)",
    .anchor = NULL,
    .run = run_classify,
};
