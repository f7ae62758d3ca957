/* kernel-hoist-invariants: moves loop-invariant scalar work out of
 * kernel.for / kernel.group_reduce / kernel.group_for bodies: index
 * arithmetic (kernel.apply), constants and float / math ops whose operands
 * are all defined outside the loop. Innermost loops first, so a chain of
 * invariant ops climbs as far as it can. Loads, stores and integer
 * division (which could trap in a loop that runs zero times) stay. The
 * kernel lowering runs it on every kernel it builds; as a pass it serves
 * hand-written kernel IR. */
#include "dialects/kernel/kernel.h"
#include "passes/smartmem/smartmem.h"

#include <stdlib.h>
#include <string.h>

static bool is_loop(const SmOp *op) {
  return sm_op_name_is(op, "kernel.for") || sm_op_name_is(op, "kernel.group_reduce") || sm_op_name_is(op, "kernel.group_for");
}

static bool hoistable(const SmOp *op) {
  if (op->num_regions || !sm_op_has_trait(op, SM_TRAIT_PURE) || op->num_results != 1) return false;
  static const char *const traps[] = {"arith.divsi", "arith.divui", "arith.remsi", "arith.remui",
                                      "arith.ceildivsi", "arith.floordivsi", NULL};
  for (unsigned i = 0; traps[i]; i++)
    if (sm_op_name_is(op, traps[i])) return false;
  return strncmp(op->name, "arith.", 6) == 0 || strncmp(op->name, "math.", 5) == 0 || sm_op_name_is(op, "kernel.apply");
}

/* v is defined in a block nested inside loop. */
static bool defined_inside(SmValue *v, SmOp *loop) {
  SmBlock *b = v->kind == SM_VALUE_BLOCK_ARG ? v->owner.block : sm_value_defining_op(v)->block;
  for (SmOp *p = b ? sm_block_parent_op(b) : NULL; p; p = p->block ? sm_block_parent_op(p->block) : NULL)
    if (p == loop) return true;
  return false;
}

static unsigned hoist_loop(SmOp *loop) {
  unsigned n = 0;
  for (SmOp *op = loop->regions[0].first->first, *next; op; op = next) {
    next = op->next;
    if (!hoistable(op)) continue;
    bool inv = true;
    for (unsigned i = 0; i < op->num_operands && inv; i++) inv = !defined_inside(op->operands[i].value, loop);
    if (!inv) continue;
    sm_op_move_before(op, loop);
    n++;
  }
  return n;
}

unsigned sm_kernel_hoist_invariants(SmOp *root) {
  /* Post-order: inner loops come before the loops around them. */
  unsigned nl, n = 0;
  SmOp **loops = sm_kernel_collect_ops(root, SM_WALK_POST, is_loop, &nl);
  for (unsigned i = 0; i < nl; i++) n += hoist_loop(loops[i]);
  free(loops);
  return n;
}

static bool run_hoist(SmOp *op, SmPassRun *run) {
  (void)run;
  sm_kernel_hoist_invariants(op);
  return true;
}

const SmPassDef sm_kernel_hoist_invariants_pass = {
    .argument = "kernel-hoist-invariants",
    .summary = "Move loop-invariant index arithmetic and scalar math out of kernel loops",
    .anchor = NULL,
    .run = run_hoist,
};
