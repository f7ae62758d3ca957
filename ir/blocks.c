/* Blocks and regions: creation, arguments, op lists, moving and splitting. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"

SmBlock *sm_block_create(void) {
  SmBlock *b = calloc(1, sizeof *b);
  if (!b) abort(); /* out of memory */
  return b;
}

void sm_impl_free_block(SmBlock *b) {
  SmOp *op = b->first;
  while (op) {
    SmOp *n = op->next;
    sm_impl_free_op(op);
    op = n;
  }
  for (unsigned i = 0; i < b->num_args; i++) {
    SmValue *a = b->args[i];
    while (a->uses) sm_use_unlink(a->uses); /* defensive: no dangling uses */
    free(a);
  }
  free(b->args);
  free(b);
}

void sm_block_destroy(SmBlock *b) {
  if (!b) return;
  sm_block_detach(b);
  for (SmOp *op = b->first; op; op = op->next) sm_impl_drop_uses_rec(op);
  sm_impl_free_block(b);
}

/* ---- Arguments ----------------------------------------------------------------- */

SmValue *sm_block_insert_arg(SmBlock *b, unsigned index, SmType *type, SmLoc *loc) {
  if (index > b->num_args) index = b->num_args;
  if (b->num_args == b->arg_cap) {
    unsigned ncap = b->arg_cap ? b->arg_cap * 2 : 4;
    SmValue **n = realloc(b->args, ncap * sizeof *n);
    if (!n) abort();
    b->args = n;
    b->arg_cap = ncap;
  }
  SmValue *v = calloc(1, sizeof *v);
  if (!v) abort();
  v->type = type;
  v->kind = SM_VALUE_BLOCK_ARG;
  v->owner.block = b;
  v->loc = loc;
  memmove(b->args + index + 1, b->args + index, (b->num_args - index) * sizeof *b->args);
  b->args[index] = v;
  b->num_args++;
  for (unsigned i = index; i < b->num_args; i++) b->args[i]->index = i;
  return v;
}

SmValue *sm_block_add_arg(SmBlock *b, SmType *type, SmLoc *loc) {
  return sm_block_insert_arg(b, b->num_args, type, loc);
}

void sm_block_erase_arg(SmBlock *b, unsigned index) {
  if (index >= b->num_args) return;
  SmValue *v = b->args[index];
  while (v->uses) sm_use_unlink(v->uses); /* callers ensure none; never dangle */
  free(v);
  memmove(b->args + index, b->args + index + 1, (b->num_args - index - 1) * sizeof *b->args);
  b->num_args--;
  for (unsigned i = index; i < b->num_args; i++) b->args[i]->index = i;
}

/* ---- Ops in blocks ------------------------------------------------------------------ */

void sm_block_insert_op(SmBlock *b, SmOp *before, SmOp *op) {
  op->block = b;
  op->next = before;
  if (before) {
    op->prev = before->prev;
    before->prev = op;
  } else {
    op->prev = b->last;
    b->last = op;
  }
  if (op->prev) op->prev->next = op;
  else b->first = op;
}

void sm_block_append_op(SmBlock *b, SmOp *op) { sm_block_insert_op(b, NULL, op); }

void sm_op_move_before(SmOp *op, SmOp *before) {
  if (op == before) return;
  sm_op_detach(op);
  sm_block_insert_op(before->block, before, op);
}

void sm_op_move_after(SmOp *op, SmOp *after) {
  if (op == after) return;
  sm_op_detach(op);
  sm_block_insert_op(after->block, after->next, op);
}

SmOp *sm_block_terminator(SmBlock *b) {
  SmOp *last = b->last;
  if (!last) return NULL;
  if (!last->def || (last->def->traits & SM_TRAIT_TERMINATOR)) return last;
  return NULL;
}

SmOp *sm_block_parent_op(const SmBlock *b) { return b->region ? b->region->op : NULL; }

bool sm_block_is_entry(const SmBlock *b) { return b->region && b->region->first == b; }

SmBlock *sm_block_split(SmBlock *b, SmOp *op) {
  SmBlock *nb = sm_block_create();
  if (op) {
    nb->first = op;
    nb->last = b->last;
    b->last = op->prev;
    if (op->prev) op->prev->next = NULL;
    else b->first = NULL;
    op->prev = NULL;
    for (SmOp *o = op; o; o = o->next) o->block = nb;
  }
  if (b->region) sm_region_insert_block(b->region, b->next, nb);
  return nb;
}

/* ---- Regions ----------------------------------------------------------------------------- */

void sm_region_insert_block(SmRegion *r, SmBlock *before, SmBlock *b) {
  b->region = r;
  b->next = before;
  if (before) {
    b->prev = before->prev;
    before->prev = b;
  } else {
    b->prev = r->last;
    r->last = b;
  }
  if (b->prev) b->prev->next = b;
  else r->first = b;
}

void sm_region_append_block(SmRegion *r, SmBlock *b) { sm_region_insert_block(r, NULL, b); }

void sm_block_detach(SmBlock *b) {
  SmRegion *r = b->region;
  if (!r) return;
  if (b->prev) b->prev->next = b->next;
  else r->first = b->next;
  if (b->next) b->next->prev = b->prev;
  else r->last = b->prev;
  b->prev = b->next = NULL;
  b->region = NULL;
}

bool sm_region_empty(const SmRegion *r) { return r->first == NULL; }

void sm_region_take_body(SmRegion *dst, SmRegion *src) {
  if (!src->first || dst == src) return;
  for (SmBlock *b = src->first; b; b = b->next) b->region = dst;
  if (dst->last) {
    dst->last->next = src->first;
    src->first->prev = dst->last;
  } else {
    dst->first = src->first;
  }
  dst->last = src->last;
  src->first = src->last = NULL;
}

void sm_region_clear(SmRegion *r) {
  /* Drop every use first: ops may use values defined later in the region. */
  for (SmBlock *b = r->first; b; b = b->next)
    for (SmOp *op = b->first; op; op = op->next) sm_impl_drop_uses_rec(op);
  SmBlock *b = r->first;
  while (b) {
    SmBlock *n = b->next;
    sm_impl_free_block(b);
    b = n;
  }
  r->first = r->last = NULL;
}

SmOp *sm_region_parent_op(const SmRegion *r) { return r->op; }

SmOp *sm_op_parent_op(const SmOp *op) {
  return op->block && op->block->region ? op->block->region->op : NULL;
}

bool sm_op_is_ancestor(const SmOp *anc, const SmOp *op) {
  for (const SmOp *o = op; o; o = sm_op_parent_op(o))
    if (o == anc) return true;
  return false;
}
