/* inline: replace func.call of a func.func with a single-block body by a
 * copy of that body (arguments remapped to the call's operands, results
 * replaced by the func.return operands). Bodies with several blocks, calls
 * to declarations or unknown symbols, and recursive calls into the caller
 * are left alone. Callees that become unused stay: run symbol-dce. */
#include "passes/passes.h"

#include <stdlib.h>

typedef struct Calls {
  SmOp **items;
  size_t len, cap;
} Calls;

static SmWalkResult collect_call(SmOp *op, void *user) {
  Calls *c = user;
  if (!sm_op_name_is(op, "func.call"))
    return SM_WALK_ADVANCE;
  if (c->len == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 32;
    SmOp **n = realloc(c->items, cap * sizeof *n);
    if (!n)
      return SM_WALK_INTERRUPT;
    c->items = n;
    c->cap = cap;
  }
  c->items[c->len++] = op;
  return SM_WALK_ADVANCE;
}

static SmValue *mapped(SmPtrMap *map, SmValue *v) {
  SmValue *m = sm_ptrmap_get(map, v);
  return m ? m : v;
}

static bool inline_call(SmOp *call) {
  SmAttr *callee_ref = sm_op_get_attr(call, "callee");
  if (!callee_ref || callee_ref->kind != SM_ATTR_SYMBOL_REF)
    return false;
  SmOp *callee = sm_symbol_lookup_from(call, callee_ref);
  if (!callee || !sm_op_name_is(callee, "func.func") || callee->num_regions < 1)
    return false;
  SmRegion *body = &callee->regions[0];
  SmBlock *entry = body->first;
  if (!entry || entry != body->last || sm_op_is_ancestor(callee, call))
    return false;
  SmOp *ret = entry->last;
  if (!ret || !sm_op_name_is(ret, "func.return") || ret->num_operands != call->num_results ||
      entry->num_args != call->num_operands)
    return false;
  SmPtrMap map;
  sm_ptrmap_init(&map);
  for (unsigned i = 0; i < entry->num_args; i++)
    sm_ptrmap_put(&map, entry->args[i], call->operands[i].value);
  SmBuilder b;
  sm_builder_init(&b, sm_op_context(call));
  sm_builder_set_before(&b, call);
  for (SmOp *op = entry->first; op && op != ret; op = op->next) {
    SmOp *copy = sm_op_clone(op, &map);
    if (!copy)
      break;
    sm_builder_insert(&b, copy);
    for (unsigned i = 0; i < op->num_results; i++)
      sm_ptrmap_put(&map, &op->results[i], &copy->results[i]);
  }
  for (unsigned i = 0; i < call->num_results; i++)
    sm_value_replace_all_uses(&call->results[i], mapped(&map, ret->operands[i].value));
  sm_op_erase(call);
  sm_ptrmap_free(&map);
  return true;
}

static size_t inline_rounds(SmOp *op, int64_t rounds) {
  size_t total = 0;
  for (int64_t r = 0; r < rounds; r++) {
    Calls c = {0};
    sm_op_walk(op, SM_WALK_PRE, collect_call, &c);
    size_t n = 0;
    for (size_t i = 0; i < c.len; i++)
      n += inline_call(c.items[i]);
    free(c.items);
    total += n;
    if (!n)
      break;
  }
  return total;
}

size_t sm_inline_calls(SmOp *op) { return inline_rounds(op, 4); }

static const SmPassOption options[] = {
    {"max-rounds", SM_PASS_OPT_INT, "4",
     "Rounds of inlining (calls exposed by inlining are inlined in the next round)"},
};

static bool run_inline(SmOp *op, SmPassRun *run) {
  int64_t rounds = sm_pass_run_int(run, "max-rounds");
  if (rounds < 1)
    return sm_emit_error(sm_pass_run_context(run), op->loc,
                         "inline: max-rounds must be at least 1, got %lld", (long long)rounds);
  inline_rounds(op, rounds);
  return true;
}

const SmPassDef sm_inline_pass = {
    .argument = "inline",
    .summary = "Inline func.call of func.func with a single-block body",
    .anchor = NULL,
    .options = options,
    .num_options = sizeof options / sizeof options[0],
    .run = run_inline,
};
