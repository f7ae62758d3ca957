/* kernel-unroll: fully unrolls kernel.for loops whose constant trip count
 * is at most max-trip-count (default 3): the body is repeated with the
 * induction variable a constant and the iteration values chained, so short
 * windows (3x3 convolution and pooling windows) become straight-line code
 * with constant offsets. Inner loops are unrolled first. The kernel
 * lowering runs it (with 3: the 3x3 windows) on every kernel it builds; on
 * a SIMD kernel whose vector lanes share their bounds checks it keeps the
 * outermost window loop (sm_kernel_unroll_keep_wide), which the OpenCL C
 * emitter writes with vector lane groups. */
#include "dialects/arith/arith.h"
#include "dialects/kernel/kernel.h"
#include "passes/smartmem/smartmem.h"

#include <stdlib.h>

/* Iterations of a kernel.for with constant bounds; -1 for a malformed one
 * (step <= 0 or upper < lower), which is left alone. */
static int64_t trips_of(SmOp *loop) {
  int64_t lo = sm_op_get_prop(loop, "lower")->integer.value, hi = sm_op_get_prop(loop, "upper")->integer.value,
          st = sm_op_get_prop(loop, "step")->integer.value;
  return st <= 0 || hi < lo ? -1 : (hi - lo + st - 1) / st;
}

static bool unroll_one(SmOp *loop, int64_t max_trips) {
  int64_t trips = trips_of(loop);
  if (trips < 0 || trips > max_trips) return false;
  int64_t lo = sm_op_get_prop(loop, "lower")->integer.value, st = sm_op_get_prop(loop, "step")->integer.value;
  SmContext *c = sm_op_context(loop);
  SmBlock *body = loop->regions[0].first;
  unsigned n = loop->num_operands;
  SmValue *cur[64];
  if (n > 64) return false;
  for (unsigned i = 0; i < n; i++) cur[i] = loop->operands[i].value;
  SmBuilder b;
  sm_builder_init(&b, c);
  sm_builder_set_before(&b, loop);
  for (int64_t t = 0; t < trips; t++) {
    SmPtrMap map;
    sm_ptrmap_init(&map);
    SmValue *iv = sm_op_result(sm_arith_build_constant_int(&b, sm_type_index(c), lo + t * st, loop->loc), 0);
    sm_ptrmap_put(&map, body->args[0], iv);
    for (unsigned i = 0; i < n; i++) sm_ptrmap_put(&map, body->args[i + 1], cur[i]);
    for (SmOp *o = body->first; o; o = o->next) {
      if (sm_op_name_is(o, "kernel.yield")) {
        for (unsigned i = 0; i < n; i++) {
          SmValue *v = sm_ptrmap_get(&map, o->operands[i].value);
          cur[i] = v ? v : o->operands[i].value;
        }
        break;
      }
      SmOp *cl = sm_op_clone(o, &map);
      sm_builder_insert(&b, cl);
      for (unsigned r = 0; r < o->num_results; r++) sm_ptrmap_put(&map, &o->results[r], &cl->results[r]);
    }
    sm_ptrmap_free(&map);
  }
  for (unsigned i = 0; i < n; i++) sm_value_replace_all_uses(&loop->results[i], cur[i]);
  sm_op_erase(loop);
  return true;
}

unsigned sm_kernel_unroll(SmOp *root, int64_t max_trips) {
  return sm_kernel_unroll_keep_wide(root, max_trips, 0);
}

/* Inside a kernel.for of more than one iteration (a one-trip loop, such
 * as a depthwise convolution's group channel, is no loop). */
static bool inside_for(SmOp *op) {
  for (SmOp *p = sm_op_parent_op(op); p; p = sm_op_parent_op(p))
    if (sm_kernel_is_for(p) && trips_of(p) > 1) return true;
  return false;
}

unsigned sm_kernel_unroll_keep_wide(SmOp *root, int64_t max_trips, unsigned keep_results) {
  unsigned nl, n = 0;
  SmOp **loops = sm_kernel_collect_ops(root, SM_WALK_POST, sm_kernel_is_for, &nl);
  for (unsigned i = 0; i < nl; i++) {
    if (keep_results && loops[i]->num_results >= keep_results && trips_of(loops[i]) > 1 && !inside_for(loops[i]))
      continue;
    n += unroll_one(loops[i], max_trips);
  }
  free(loops);
  return n;
}

static bool run_unroll(SmOp *op, SmPassRun *run) {
  int64_t m = sm_pass_run_int(run, "max-trip-count");
  if (m < 0) return sm_emit_error(sm_op_context(op), op->loc, "max-trip-count must be >= 0");
  sm_kernel_unroll(op, m);
  return true;
}

static const SmPassOption unroll_options[] = {
    {"max-trip-count", SM_PASS_OPT_INT, "3", "unroll kernel.for loops with at most this many iterations"},
};

const SmPassDef sm_kernel_unroll_pass = {
    .argument = "kernel-unroll",
    .summary = "Fully unroll short constant kernel.for loops",
    .anchor = NULL,
    .options = unroll_options,
    .num_options = 1,
    .run = run_unroll,
};
