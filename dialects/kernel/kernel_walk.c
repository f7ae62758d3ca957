/* Collecting kernel-dialect ops ahead of rewriting them (the kernel passes
 * rewrite loops and reads that a walk in progress would still visit). */
#include "dialects/kernel/kernel.h"

#include <stdlib.h>

typedef struct Collect {
  bool (*keep)(const SmOp *);
  SmOp **ops;
  unsigned n, cap;
} Collect;

static SmWalkResult collect(SmOp *op, void *user) {
  Collect *c = user;
  if (!c->keep(op)) return SM_WALK_ADVANCE;
  if (c->n == c->cap) {
    unsigned nc = c->cap ? 2 * c->cap : 16;
    SmOp **no = realloc(c->ops, nc * sizeof *no);
    if (!no) return SM_WALK_INTERRUPT;
    c->ops = no;
    c->cap = nc;
  }
  c->ops[c->n++] = op;
  return SM_WALK_ADVANCE;
}

SmOp **sm_kernel_collect_ops(SmOp *root, SmWalkOrder order, bool (*keep)(const SmOp *), unsigned *n) {
  Collect c = {.keep = keep};
  sm_op_walk(root, order, collect, &c);
  *n = c.n;
  return c.ops;
}

bool sm_kernel_is_for(const SmOp *op) { return sm_op_name_is(op, "kernel.for"); }
