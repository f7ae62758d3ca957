/* Pre- and post-order walks over an op and everything nested in it. */
#include "ir/context_impl.h"

static SmWalkResult walk_pre(SmOp *op, SmWalkFn fn, void *user) {
  SmWalkResult r = fn(op, user);
  if (r == SM_WALK_INTERRUPT) return r;
  if (r == SM_WALK_SKIP) return SM_WALK_ADVANCE;
  for (unsigned i = 0; i < op->num_regions; i++)
    for (SmBlock *b = op->regions[i].first; b; b = b->next) {
      SmOp *o = b->first;
      while (o) {
        SmOp *next = o->next;
        if (walk_pre(o, fn, user) == SM_WALK_INTERRUPT) return SM_WALK_INTERRUPT;
        o = next;
      }
    }
  return SM_WALK_ADVANCE;
}

static SmWalkResult walk_post(SmOp *op, SmWalkFn fn, void *user) {
  for (unsigned i = 0; i < op->num_regions; i++)
    for (SmBlock *b = op->regions[i].first; b; b = b->next) {
      SmOp *o = b->first;
      while (o) {
        SmOp *next = o->next; /* the callback may erase o */
        if (walk_post(o, fn, user) == SM_WALK_INTERRUPT) return SM_WALK_INTERRUPT;
        o = next;
      }
    }
  return fn(op, user) == SM_WALK_INTERRUPT ? SM_WALK_INTERRUPT : SM_WALK_ADVANCE;
}

SmWalkResult sm_op_walk(SmOp *op, SmWalkOrder order, SmWalkFn fn, void *user) {
  return order == SM_WALK_PRE ? walk_pre(op, fn, user) : walk_post(op, fn, user);
}
