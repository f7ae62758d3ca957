/* Builder: an insertion point plus op creation at it. */
#include "ir/context_impl.h"

void sm_builder_init(SmBuilder *b, SmContext *ctx) {
  b->ctx = ctx;
  b->block = NULL;
  b->before = NULL;
}

void sm_builder_set_before(SmBuilder *b, SmOp *op) {
  b->block = op->block;
  b->before = op;
}

void sm_builder_set_after(SmBuilder *b, SmOp *op) {
  b->block = op->block;
  b->before = op->next;
}

void sm_builder_set_block_end(SmBuilder *b, SmBlock *block) {
  b->block = block;
  b->before = NULL;
}

void sm_builder_set_block_start(SmBuilder *b, SmBlock *block) {
  b->block = block;
  b->before = block->first;
}

SmOp *sm_builder_insert(SmBuilder *b, SmOp *op) {
  if (b->block) sm_block_insert_op(b->block, b->before, op);
  return op;
}

SmOp *sm_builder_create(SmBuilder *b, SmOpState *st) { return sm_builder_insert(b, sm_op_create(st)); }
