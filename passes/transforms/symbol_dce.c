/* symbol-dce: erase private symbols nothing live refers to.
 *
 * Roots are the public symbols of the table and its non-symbol ops; every
 * symbol reference found in the attributes (props and attrs, through arrays
 * and dictionaries) of a live op or anything nested in it makes its target
 * live. Nested symbol tables that stay live are processed the same way. */
#include "passes/passes.h"

#include <stdlib.h>
#include <string.h>

typedef struct Dce {
  SmOp *table;
  SmPtrMap live;
  SmOp **work;
  size_t len, cap;
  size_t erased;
} Dce;

static bool is_symbol(const SmOp *op) {
  return sm_op_has_trait(op, SM_TRAIT_SYMBOL) || sm_op_symbol_name(op) != NULL;
}

static bool is_private(const SmOp *op) {
  SmAttr *v = sm_op_get_attr(op, "sym_visibility");
  return v && v->kind == SM_ATTR_STRING &&
         (strcmp(v->string.data, "private") == 0 || strcmp(v->string.data, "nested") == 0);
}

static void mark(Dce *d, SmOp *op) {
  if (!op || sm_ptrmap_contains(&d->live, op))
    return;
  sm_ptrmap_put(&d->live, op, op);
  if (d->len == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 64;
    SmOp **n = realloc(d->work, cap * sizeof *n);
    if (!n)
      return;
    d->work = n;
    d->cap = cap;
  }
  d->work[d->len++] = op;
}

typedef struct RefCtx {
  Dce *d;
  SmOp *user;
} RefCtx;

static void scan_attr(RefCtx *rc, SmAttr *a) {
  if (!a)
    return;
  switch (a->kind) {
  case SM_ATTR_SYMBOL_REF: {
    /* Every table on the path of @a::@b must stay (and b in it). */
    SmOp *target = sm_symbol_lookup_from(rc->user, a);
    mark(rc->d, target);
    for (SmOp *p = target ? sm_op_parent_op(target) : NULL; p && p != rc->d->table;
         p = sm_op_parent_op(p))
      mark(rc->d, p);
    break;
  }
  case SM_ATTR_ARRAY:
    for (unsigned i = 0; i < a->array.count; i++)
      scan_attr(rc, a->array.elems[i]);
    break;
  case SM_ATTR_DICTIONARY:
    for (unsigned i = 0; i < a->dict.count; i++)
      scan_attr(rc, a->dict.entries[i].value);
    break;
  default:
    break;
  }
}

static SmWalkResult scan_op(SmOp *op, void *user) {
  RefCtx rc = {user, op};
  scan_attr(&rc, op->props);
  scan_attr(&rc, op->attrs);
  return SM_WALK_ADVANCE;
}

static void dce_table(SmOp *table, size_t *erased);

static void dce_table(SmOp *table, size_t *erased) {
  if (!table->num_regions || !table->regions[0].first)
    return;
  Dce d = {0};
  d.table = table;
  sm_ptrmap_init(&d.live);
  SmBlock *body = table->regions[0].first;
  /* A symbol table that is not itself a symbol, or is public, exports its
   * public symbols; a private nested table's public symbols are roots only
   * when referenced (handled by the caller marking the table live). */
  for (SmOp *op = body->first; op; op = op->next)
    if (!is_symbol(op) || !is_private(op))
      mark(&d, op);
  while (d.len) {
    SmOp *op = d.work[--d.len];
    sm_op_walk(op, SM_WALK_PRE, scan_op, &d);
  }
  /* Regions other than the symbol table body may reference symbols too. */
  for (unsigned r = 1; r < table->num_regions; r++)
    for (SmBlock *b = table->regions[r].first; b; b = b->next)
      for (SmOp *op = b->first; op; op = op->next)
        sm_op_walk(op, SM_WALK_PRE, scan_op, &d);
  while (d.len) {
    SmOp *op = d.work[--d.len];
    sm_op_walk(op, SM_WALK_PRE, scan_op, &d);
  }
  SmOp *next;
  for (SmOp *op = body->first; op; op = next) {
    next = op->next;
    if (is_symbol(op) && is_private(op) && !sm_ptrmap_contains(&d.live, op)) {
      sm_op_erase(op);
      (*erased)++;
    }
  }
  for (SmOp *op = body->first; op; op = op->next)
    if (sm_op_has_trait(op, SM_TRAIT_SYMBOL_TABLE))
      dce_table(op, erased);
  sm_ptrmap_free(&d.live);
  free(d.work);
}

size_t sm_symbol_dce(SmOp *op) {
  size_t erased = 0;
  dce_table(op, &erased);
  return erased;
}

static bool run_symbol_dce(SmOp *op, SmPassRun *run) {
  (void)run;
  if (!sm_op_has_trait(op, SM_TRAIT_SYMBOL_TABLE) && op->block)
    return sm_emit_error(sm_op_context(op), op->loc,
                         "symbol-dce must run on an op with the SymbolTable trait, not '%s'",
                         op->name);
  sm_symbol_dce(op);
  return true;
}

const SmPassDef sm_symbol_dce_pass = {
    .argument = "symbol-dce",
    .summary = "Erase private symbols that no public symbol or non-symbol op references",
    .anchor = NULL,
    .run = run_symbol_dce,
};
