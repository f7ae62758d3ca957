/* The greedy pattern driver: a worklist of ops; each op is erased if
 * trivially dead, else folded (constants materialized through the dialect
 * and deduplicated per scope), else offered to its patterns by benefit.
 * Sweeps repeat until one changes nothing, at most max_iterations times;
 * each sweep has a change budget, so ping-ponging patterns end in a
 * "did not converge" instead of a hang. */
#include "ir/rewrite.h"

#include <stdlib.h>
#include <string.h>

typedef struct PatList {
  const SmPattern **items;
  unsigned count;
} PatList;

/* One deduplicated constant: (scope, dialect, attr, type) -> op. Chained
 * per attribute (keys of SmPtrMap are single pointers). */
typedef struct ConstEntry {
  SmRegion *scope;
  const SmDialect *dialect;
  SmType *type;
  SmAttr *attr;
  SmOp *op;
  struct ConstEntry *next;
} ConstEntry;

typedef struct Driver {
  SmContext *ctx;
  const SmPatternSet *set;
  SmGreedyConfig cfg;
  SmOp **wl;
  size_t wl_len, wl_cap;
  SmPtrMap wl_index;   /* op -> index + 1 into wl */
  SmPtrMap by_name;    /* interned op name -> PatList* */
  PatList empty;
  SmPtrMap const_by_attr; /* const_key(attr, scope) -> ConstEntry chain */
  SmPtrMap const_of_op;   /* op -> ConstEntry */
  void **allocs;          /* PatLists and ConstEntries, freed at the end */
  size_t allocs_len, allocs_cap;
  SmRewriter rw;
  SmRewriteListener listener;
  SmGreedyStats stats;
  bool oom;
} Driver;

static void *track(Driver *d, void *p) {
  if (!p)
    return NULL;
  if (d->allocs_len == d->allocs_cap) {
    size_t cap = d->allocs_cap ? d->allocs_cap * 2 : 64;
    void **n = realloc(d->allocs, cap * sizeof *n);
    if (!n) {
      free(p);
      d->oom = true;
      return NULL;
    }
    d->allocs = n;
    d->allocs_cap = cap;
  }
  d->allocs[d->allocs_len++] = p;
  return p;
}

/* ---- Worklist ------------------------------------------------------------ */

static void wl_push(Driver *d, SmOp *op) {
  if (!op || sm_ptrmap_contains(&d->wl_index, op))
    return;
  if (d->wl_len == d->wl_cap) {
    size_t cap = d->wl_cap ? d->wl_cap * 2 : 256;
    SmOp **n = realloc(d->wl, cap * sizeof *n);
    if (!n) {
      d->oom = true;
      return;
    }
    d->wl = n;
    d->wl_cap = cap;
  }
  d->wl[d->wl_len] = op;
  sm_ptrmap_put(&d->wl_index, op, (void *)(uintptr_t)(d->wl_len + 1));
  d->wl_len++;
}

static void wl_remove(Driver *d, SmOp *op) {
  uintptr_t idx = (uintptr_t)sm_ptrmap_get(&d->wl_index, op);
  if (!idx)
    return;
  d->wl[idx - 1] = NULL;
  sm_ptrmap_remove(&d->wl_index, op);
}

static SmOp *wl_pop(Driver *d) {
  while (d->wl_len) {
    SmOp *op = d->wl[--d->wl_len];
    if (op) {
      sm_ptrmap_remove(&d->wl_index, op);
      return op;
    }
  }
  return NULL;
}

/* ---- Constants ----------------------------------------------------------- */

/* Chains are keyed by (attr, scope) mixed into one pointer-sized key, so a
 * chain holds only the few entries that collide (entries are still compared
 * field by field); keying by attr alone made "0 : i32" in every function one
 * long chain. */
static const void *const_key(SmAttr *attr, SmRegion *scope) {
  uintptr_t k = (uintptr_t)attr ^ ((uintptr_t)scope * (uintptr_t)0x9E3779B97F4A7C15ull);
  return (const void *)(k | 1);
}

static void const_forget(Driver *d, SmOp *op) {
  ConstEntry *e = sm_ptrmap_get(&d->const_of_op, op);
  if (!e)
    return;
  sm_ptrmap_remove(&d->const_of_op, op);
  const void *key = const_key(e->attr, e->scope);
  ConstEntry *head = sm_ptrmap_get(&d->const_by_attr, key), **pp = &head;
  while (*pp && *pp != e)
    pp = &(*pp)->next;
  if (*pp)
    *pp = e->next;
  if (head)
    sm_ptrmap_put(&d->const_by_attr, key, head);
  else
    sm_ptrmap_remove(&d->const_by_attr, key);
}

static ConstEntry *const_find(Driver *d, SmRegion *scope, const SmDialect *dialect, SmAttr *attr,
                              SmType *type) {
  for (ConstEntry *e = sm_ptrmap_get(&d->const_by_attr, const_key(attr, scope)); e; e = e->next)
    if (e->scope == scope && e->dialect == dialect && e->type == type)
      return e;
  return NULL;
}

static void const_record(Driver *d, SmRegion *scope, SmAttr *attr, SmOp *op) {
  ConstEntry *e = track(d, malloc(sizeof *e));
  if (!e) {
    d->oom = true;
    return;
  }
  e->scope = scope;
  e->dialect = op->def ? op->def->dialect : NULL;
  e->type = op->results[0].type;
  e->attr = attr;
  e->op = op;
  e->next = sm_ptrmap_get(&d->const_by_attr, const_key(attr, scope));
  sm_ptrmap_put(&d->const_by_attr, const_key(attr, scope), e);
  sm_ptrmap_put(&d->const_of_op, op, e);
}

/* Where constants for an op in `block` go: the nearest enclosing region
 * whose parent is isolated from above, unregistered, or the root (as MLIR's
 * OperationFolder), or pure. Constants sit at the front of its entry block,
 * so they dominate every use in the region. A pure op's regions (the scalar
 * body of a layout.generic) are code evaluated per element that later
 * stages lower on their own: a constant hoisted out of one would leave a
 * scalar value outside any body, which no backend can run (issue 14). */
static SmRegion *insertion_region(SmBlock *block) {
  while (block && block->region) {
    SmRegion *r = block->region;
    SmOp *parent = r->op;
    if (!parent || !parent->def ||
        (parent->def->traits & (SM_TRAIT_ISOLATED_FROM_ABOVE | SM_TRAIT_PURE)) || !parent->block)
      return r;
    block = parent->block;
  }
  return NULL;
}

static bool is_folder_constant(Driver *d, SmOp *op) {
  return op && sm_ptrmap_contains(&d->const_of_op, op);
}

/* A constant op met by the driver: dedupe it against a known one in its
 * scope, else adopt it and hoist it to the front of the scope. Returns true
 * if the IR changed. */
static bool process_constant(Driver *d, SmOp *op, SmAttr *value) {
  if (is_folder_constant(d, op))
    return false;
  SmRegion *scope = insertion_region(op->block);
  if (!scope || !scope->first)
    return false;
  ConstEntry *e = const_find(d, scope, op->def->dialect, value, op->results[0].type);
  if (e) {
    SmValue *v = &e->op->results[0];
    sm_rewriter_replace_op(&d->rw, op, &v);
    return true;
  }
  SmBlock *entry = scope->first;
  bool moved = false;
  if (op->block != entry || (entry->first != op && !is_folder_constant(d, op->prev))) {
    sm_op_move_before(op, entry->first);
    moved = true;
  }
  const_record(d, scope, value, op);
  return moved;
}

static SmValue *materialize(Driver *d, SmOp *at, SmAttr *attr, SmType *type) {
  const SmDialect *dialect = at->def ? at->def->dialect : NULL;
  SmRegion *scope = insertion_region(at->block);
  if (!dialect || !dialect->materialize_constant || !scope || !scope->first)
    return NULL;
  ConstEntry *e = const_find(d, scope, dialect, attr, type);
  if (e)
    return &e->op->results[0];
  SmBuilder b;
  sm_builder_init(&b, d->ctx);
  sm_builder_set_block_start(&b, scope->first);
  SmOp *cst = dialect->materialize_constant(&b, attr, type, at->loc);
  if (!cst)
    return NULL;
  if (cst->num_results != 1 || cst->results[0].type != type) {
    sm_rewriter_erase_op(&d->rw, cst);
    return NULL;
  }
  const_record(d, scope, attr, cst);
  return &cst->results[0];
}

/* ---- Listener ------------------------------------------------------------ */

static void on_inserted(void *user, SmOp *op) { wl_push(user, op); }
static void on_modified(void *user, SmOp *op) { wl_push(user, op); }

static void on_replaced(void *user, SmOp *op, SmValue *const *values) {
  Driver *d = user;
  (void)values;
  for (unsigned i = 0; i < op->num_results; i++)
    for (SmUse *u = op->results[i].uses; u; u = u->next)
      wl_push(d, u->owner);
}

/* True if op dies with the erase in progress (so must not be revisited). */
static bool dies_with_erase(const Driver *d, SmOp *op) {
  for (SmOp *o = op; o; o = sm_op_parent_op(o)) {
    if (o == d->rw.erase_root)
      return true;
    if (d->rw.erase_block && o->block == d->rw.erase_block)
      return true;
  }
  return false;
}

static void on_erased(void *user, SmOp *op) {
  Driver *d = user;
  wl_remove(d, op);
  const_forget(d, op);
  /* Producers of its operands may now be dead. */
  for (unsigned i = 0; i < op->num_operands; i++) {
    SmValue *v = op->operands[i].value;
    if (!v || v->kind != SM_VALUE_RESULT)
      continue;
    SmOp *def = v->owner.op;
    if (def->block && !dies_with_erase(d, def))
      wl_push(d, def);
  }
}

/* ---- Patterns ------------------------------------------------------------ */

static int cmp_benefit(const void *a, const void *b) {
  const SmPattern *pa = *(const SmPattern *const *)a, *pb = *(const SmPattern *const *)b;
  if (pa->benefit != pb->benefit)
    return pa->benefit > pb->benefit ? -1 : 1;
  return pa < pb ? -1 : pa > pb; /* stable: keep insertion order */
}

static const PatList *patterns_for(Driver *d, const char *name) {
  PatList *l = sm_ptrmap_get(&d->by_name, name);
  if (l)
    return l;
  unsigned n = 0;
  for (unsigned i = 0; i < d->set->count; i++)
    if (!d->set->patterns[i].root || d->set->patterns[i].root == name)
      n++;
  l = track(d, calloc(1, sizeof *l));
  if (!l)
    return &d->empty;
  l->items = n ? track(d, malloc(n * sizeof *l->items)) : NULL;
  for (unsigned i = 0; l->items && i < d->set->count; i++)
    if (!d->set->patterns[i].root || d->set->patterns[i].root == name)
      l->items[l->count++] = &d->set->patterns[i];
  if (l->count > 1)
    qsort(l->items, l->count, sizeof *l->items, cmp_benefit);
  sm_ptrmap_put(&d->by_name, name, l);
  return l;
}

/* ---- Folding ------------------------------------------------------------- */

static bool try_fold(Driver *d, SmOp *op) {
  unsigned nops = op->num_operands, nres = op->num_results;
  SmAttr *small_c[8];
  SmFoldResult small_r[8];
  SmAttr **cst = nops <= 8 ? small_c : calloc(nops, sizeof *cst);
  SmFoldResult *res = nres <= 8 ? small_r : calloc(nres, sizeof *res);
  SmValue *small_v[8];
  SmValue **vals = nres <= 8 ? small_v : calloc(nres, sizeof *vals);
  bool changed = false;
  if (!cst || !res || !vals)
    goto out;
  for (unsigned i = 0; i < nops; i++)
    cst[i] = sm_value_constant_attr(op->operands[i].value);
  memset(res, 0, nres * sizeof *res);
  if (!op->def->fold(op, cst, res))
    goto out;
  bool in_place = true;
  for (unsigned i = 0; i < nres; i++)
    if (res[i].attr || res[i].value != &op->results[i])
      in_place = false;
  if (in_place) {
    /* Folded into itself (e.g. operands reordered): revisit it. */
    d->stats.num_folds++;
    on_modified(d, op);
    changed = true;
    goto out;
  }
  for (unsigned i = 0; i < nres; i++) {
    if (res[i].value)
      vals[i] = res[i].value;
    else if (res[i].attr)
      vals[i] = materialize(d, op, res[i].attr, op->results[i].type);
    else
      vals[i] = NULL;
    if (!vals[i] && !sm_value_use_empty(&op->results[i]))
      goto out; /* cannot materialize: leave the op (materialized ones die as unused) */
  }
  sm_rewriter_replace_op(&d->rw, op, vals);
  d->stats.num_folds++;
  changed = true;
out:
  if (cst != small_c)
    free(cst);
  if (res != small_r)
    free(res);
  if (vals != small_v)
    free(vals);
  return changed;
}

/* ---- Driver --------------------------------------------------------------- */

static bool process(Driver *d, SmOp *op) {
  if (sm_op_is_trivially_dead(op)) {
    sm_rewriter_erase_op(&d->rw, op);
    d->stats.num_erased++;
    return true;
  }
  if (d->cfg.fold && op->def) {
    if ((op->def->traits & SM_TRAIT_CONSTANT_LIKE) && op->num_results == 1) {
      SmAttr *v = sm_op_get_attr(op, "value");
      if (v)
        return process_constant(d, op, v);
    }
    if (op->def->fold && try_fold(d, op))
      return true;
  }
  const PatList *pl = patterns_for(d, op->name);
  for (unsigned i = 0; i < pl->count; i++) {
    const SmPattern *p = pl->items[i];
    sm_rewriter_set_before(&d->rw, op);
    if (p->match_and_rewrite(p, op, &d->rw)) {
      d->stats.num_rewrites++;
      return true;
    }
  }
  return false;
}

typedef struct Collect {
  Driver *d;
  SmOp *root;
} Collect;

static SmWalkResult collect(SmOp *op, void *user) {
  Collect *c = user;
  if (op != c->root)
    wl_push(c->d, op);
  return SM_WALK_ADVANCE;
}

void sm_greedy_config_default(SmGreedyConfig *cfg) {
  cfg->max_iterations = 10;
  cfg->top_down = true;
  cfg->fold = true;
  cfg->max_rewrites_per_iteration = 0;
}

static void driver_free(Driver *d) {
  for (size_t i = 0; i < d->allocs_len; i++)
    free(d->allocs[i]);
  free(d->allocs);
  sm_ptrmap_free(&d->by_name);
  sm_ptrmap_free(&d->const_of_op);
  sm_ptrmap_free(&d->const_by_attr);
  sm_ptrmap_free(&d->wl_index);
  free(d->wl);
}

bool sm_apply_patterns_greedily(SmOp *root, const SmPatternSet *set, const SmGreedyConfig *cfg,
                                SmGreedyStats *stats) {
  Driver d;
  memset(&d, 0, sizeof d);
  d.ctx = sm_op_context(root);
  d.set = set;
  if (cfg)
    d.cfg = *cfg;
  else
    sm_greedy_config_default(&d.cfg);
  if (d.cfg.max_iterations <= 0)
    d.cfg.max_iterations = 10;
  sm_ptrmap_init(&d.wl_index);
  sm_ptrmap_init(&d.by_name);
  sm_ptrmap_init(&d.const_by_attr);
  sm_ptrmap_init(&d.const_of_op);
  d.listener = (SmRewriteListener){.op_inserted = on_inserted,
                                   .op_replaced = on_replaced,
                                   .op_erased = on_erased,
                                   .op_modified = on_modified,
                                   .user = &d};
  sm_rewriter_init(&d.rw, d.ctx, &d.listener);

  bool changed = true;
  while (changed && d.stats.iterations < d.cfg.max_iterations && !d.oom) {
    changed = false;
    d.stats.iterations++;
    Collect c = {&d, root};
    sm_op_walk(root, d.cfg.top_down ? SM_WALK_PRE : SM_WALK_POST, collect, &c);
    /* Pop in walk order. */
    for (size_t i = 0, j = d.wl_len; i + 1 < j; i++, j--) {
      SmOp *t = d.wl[i];
      d.wl[i] = d.wl[j - 1];
      d.wl[j - 1] = t;
      sm_ptrmap_put(&d.wl_index, d.wl[i], (void *)(uintptr_t)(i + 1));
      sm_ptrmap_put(&d.wl_index, d.wl[j - 1], (void *)(uintptr_t)j);
    }
    long budget = d.cfg.max_rewrites_per_iteration > 0
                      ? d.cfg.max_rewrites_per_iteration
                      : 8 * (long)d.wl_len + 1024;
    long done = 0;
    SmOp *op;
    while ((op = wl_pop(&d)) != NULL) {
      if (process(&d, op)) {
        changed = true;
        if (++done >= budget) {
          /* Out of budget: drop the rest; the next sweep starts afresh. */
          while (wl_pop(&d))
            ;
          break;
        }
      }
    }
  }
  d.stats.converged = !changed && !d.oom;
  if (stats)
    *stats = d.stats;
  driver_free(&d);
  return d.stats.converged;
}

void sm_greedy_report_nonconvergence(SmOp *op, const char *who, int iterations, bool as_error) {
  if (as_error)
    sm_emit_error(sm_op_context(op), op->loc, "%s did not converge after %d iterations", who,
                  iterations);
  else
    sm_emit_warning(sm_op_context(op), op->loc, "%s did not converge after %d iterations", who,
                    iterations);
}
