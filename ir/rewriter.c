/* SmRewriter: IR mutations that tell a listener, so drivers see every change. */
#include "ir/rewrite.h"

#include <stdlib.h>

#define NOTIFY(rw, cb, ...)                                                  \
  do {                                                                       \
    if ((rw)->listener && (rw)->listener->cb)                                \
      (rw)->listener->cb((rw)->listener->user, __VA_ARGS__);                 \
  } while (0)

void sm_rewriter_init(SmRewriter *rw, SmContext *ctx, const SmRewriteListener *listener) {
  sm_builder_init(&rw->builder, ctx);
  rw->listener = listener;
  rw->erase_root = NULL;
  rw->erase_block = NULL;
}

SmContext *sm_rewriter_context(const SmRewriter *rw) { return rw->builder.ctx; }
void sm_rewriter_set_before(SmRewriter *rw, SmOp *op) { sm_builder_set_before(&rw->builder, op); }
void sm_rewriter_set_after(SmRewriter *rw, SmOp *op) { sm_builder_set_after(&rw->builder, op); }
void sm_rewriter_set_block_start(SmRewriter *rw, SmBlock *b) {
  sm_builder_set_block_start(&rw->builder, b);
}
void sm_rewriter_set_block_end(SmRewriter *rw, SmBlock *b) {
  sm_builder_set_block_end(&rw->builder, b);
}

SmOp *sm_rewriter_create(SmRewriter *rw, SmOpState *st) {
  SmOp *op = sm_builder_create(&rw->builder, st);
  if (op && op->block)
    NOTIFY(rw, op_inserted, op);
  return op;
}

SmOp *sm_rewriter_insert(SmRewriter *rw, SmOp *op) {
  sm_builder_insert(&rw->builder, op);
  if (op->block)
    NOTIFY(rw, op_inserted, op);
  return op;
}

SmOp *sm_rewriter_clone(SmRewriter *rw, SmOp *op, SmPtrMap *map) {
  return sm_rewriter_insert(rw, sm_op_clone(op, map));
}

/* Tell the listener about op and everything inside it, innermost first, so
 * it can forget them all before the memory goes. */
static SmWalkResult notify_erased(SmOp *op, void *user) {
  const SmRewriter *rw = user;
  NOTIFY(rw, op_erased, op);
  return SM_WALK_ADVANCE;
}

void sm_rewriter_erase_op(SmRewriter *rw, SmOp *op) {
  if (rw->listener && rw->listener->op_erased) {
    SmOp *saved = rw->erase_root;
    rw->erase_root = op;
    sm_op_walk(op, SM_WALK_POST, notify_erased, rw);
    rw->erase_root = saved;
  }
  if (op->block)
    sm_op_erase(op);
  else
    sm_op_destroy(op);
}

void sm_rewriter_erase_block(SmRewriter *rw, SmBlock *b) {
  if (rw->listener && rw->listener->op_erased) {
    SmBlock *saved = rw->erase_block;
    rw->erase_block = b;
    for (SmOp *op = b->first; op; op = op->next)
      sm_op_walk(op, SM_WALK_POST, notify_erased, rw);
    rw->erase_block = saved;
  }
  if (b->region)
    sm_block_detach(b);
  sm_block_destroy(b);
}

void sm_rewriter_replace_op(SmRewriter *rw, SmOp *op, SmValue *const *values) {
  NOTIFY(rw, op_replaced, op, values);
  for (unsigned i = 0; i < op->num_results; i++) {
    SmValue *r = &op->results[i];
    if (values[i] && values[i] != r)
      sm_rewriter_replace_all_uses(rw, r, values[i]);
  }
  sm_rewriter_erase_op(rw, op);
}

void sm_rewriter_replace_op_with_op(SmRewriter *rw, SmOp *op, SmOp *new_op) {
  unsigned n = op->num_results;
  SmValue *small[8] = {0};
  SmValue **vals = n <= 8 ? small : malloc(n * sizeof *vals);
  if (!vals)
    abort();
  for (unsigned i = 0; i < n; i++)
    vals[i] = i < new_op->num_results ? &new_op->results[i] : NULL;
  sm_rewriter_replace_op(rw, op, vals);
  if (vals != small)
    free(vals);
}

void sm_rewriter_start_modify(SmRewriter *rw, SmOp *op) { (void)rw, (void)op; }
void sm_rewriter_finalize_modify(SmRewriter *rw, SmOp *op) { NOTIFY(rw, op_modified, op); }
void sm_rewriter_cancel_modify(SmRewriter *rw, SmOp *op) { (void)rw, (void)op; }

void sm_rewriter_set_operand(SmRewriter *rw, SmOp *op, unsigned i, SmValue *v) {
  sm_rewriter_start_modify(rw, op);
  sm_op_set_operand(op, i, v);
  sm_rewriter_finalize_modify(rw, op);
}

void sm_rewriter_set_attr(SmRewriter *rw, SmOp *op, const char *name, SmAttr *value) {
  sm_rewriter_start_modify(rw, op);
  sm_op_set_attr(op, name, value);
  sm_rewriter_finalize_modify(rw, op);
}

void sm_rewriter_replace_all_uses(SmRewriter *rw, SmValue *from, SmValue *to) {
  if (from == to)
    return;
  if (!rw->listener || !rw->listener->op_modified) {
    sm_value_replace_all_uses(from, to);
    return;
  }
  /* Move uses one at a time so each user is notified after its change. */
  while (from->uses) {
    SmUse *u = from->uses;
    SmOp *user = u->owner;
    sm_op_set_operand(user, u->index, to);
    NOTIFY(rw, op_modified, user);
  }
}

void sm_rewriter_inline_region_before(SmRewriter *rw, SmRegion *region, SmRegion *dest,
                                      SmBlock *before) {
  while (region->first) {
    SmBlock *b = region->first;
    sm_block_detach(b);
    sm_region_insert_block(dest, before, b);
    NOTIFY(rw, block_inserted, b);
  }
}

void sm_rewriter_inline_block_before(SmRewriter *rw, SmBlock *src, SmBlock *dest, SmOp *before,
                                     SmValue *const *args) {
  for (unsigned i = 0; i < src->num_args; i++)
    if (args && args[i])
      sm_rewriter_replace_all_uses(rw, src->args[i], args[i]);
  while (src->first) {
    SmOp *op = src->first;
    if (before)
      sm_op_move_before(op, before);
    else {
      sm_op_detach(op);
      sm_block_append_op(dest, op);
    }
    NOTIFY(rw, op_inserted, op);
  }
  if (src->region)
    sm_block_detach(src);
  sm_block_destroy(src);
}

SmBlock *sm_rewriter_split_block(SmRewriter *rw, SmBlock *b, SmOp *op) {
  SmBlock *nb = sm_block_split(b, op);
  NOTIFY(rw, block_inserted, nb);
  return nb;
}
