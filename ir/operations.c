/* Operations: op states, creation (one allocation holds the op, its results,
 * regions, successors and initial operands), destruction, cloning, operands,
 * attributes/properties, values and use lists. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"

static SmOpHeader *header_of(const SmOp *op) {
  return (SmOpHeader *)((char *)op - offsetof(SmOpHeader, op));
}

SmContext *sm_op_context(const SmOp *op) { return header_of(op)->ctx; }

/* The operand slots allocated with the op (used until the list outgrows them). */
static SmUse *inline_operands(SmOp *op) {
  char *p = (char *)(header_of(op) + 1);
  p += op->num_results * sizeof(SmValue) + op->num_regions * sizeof(SmRegion) +
       op->num_successors * sizeof(SmBlock *);
  return (SmUse *)p;
}

static SmOp *op_alloc(SmContext *ctx, unsigned nres, unsigned nreg, unsigned nsucc,
                      unsigned nopnd) {
  size_t size = sizeof(SmOpHeader) + nres * sizeof(SmValue) + nreg * sizeof(SmRegion) +
                nsucc * sizeof(SmBlock *) + nopnd * sizeof(SmUse);
  uint32_t cls;
  SmOpHeader *h = sm_pool_alloc(&ctx->ops, size, &cls);
  /* Zero the op struct only; the arrays after it are initialised below. */
  memset(h, 0, sizeof *h);
  h->ctx = ctx;
  h->op.alloc_class = cls;
  SmOp *op = &h->op;
  char *p = (char *)(h + 1);
  op->num_results = nres;
  op->num_regions = nreg;
  op->num_successors = nsucc;
  op->results = (SmValue *)p;
  p += nres * sizeof(SmValue);
  op->regions = (SmRegion *)p;
  p += nreg * sizeof(SmRegion);
  op->successors = (SmBlock **)p;
  p += nsucc * sizeof(SmBlock *);
  op->operands = (SmUse *)p;
  op->operand_cap = nopnd;
  for (unsigned i = 0; i < nres; i++)
    op->results[i] = (SmValue){.kind = SM_VALUE_RESULT, .index = i, .owner.op = op};
  for (unsigned i = 0; i < nreg; i++) op->regions[i] = (SmRegion){op, NULL, NULL};
  for (unsigned i = 0; i < nsucc; i++) op->successors[i] = NULL;
  for (unsigned i = 0; i < nopnd; i++) op->operands[i] = (SmUse){.owner = op, .index = i};
  return op;
}

/* ---- Op state ----------------------------------------------------------------- */

void sm_op_state_init(SmOpState *st, SmContext *ctx, const char *name, SmLoc *loc) {
  memset(st, 0, sizeof *st);
  st->ctx = ctx;
  st->name = sm_intern_cstr(ctx, name);
  st->loc = loc ? loc : sm_loc_unknown(ctx);
}

/* Grows *arr (elements of size sz, 8 or 16) to hold at least need elements,
 * starting from an array a released state left in the context if any. */
static void grow_array(SmContext *ctx, void **arr, unsigned *cap, unsigned need, size_t sz) {
  if (need <= *cap) return;
  if (!*arr) {
    int k = sz > 8;
    if (ctx->num_state_arrays[k]) {
      unsigned n = --ctx->num_state_arrays[k];
      *arr = ctx->state_arrays[k][n].ptr;
      *cap = ctx->state_arrays[k][n].cap;
      if (need <= *cap) return;
    }
  }
  unsigned ncap = *cap ? *cap * 2 : 8;
  while (ncap < need) ncap *= 2;
  void *n = realloc(*arr, (size_t)ncap * sz);
  if (!n) abort();
  *arr = n;
  *cap = ncap;
}

/* Hands a state's array back to the context for reuse (or frees it). */
static void recycle_array(SmContext *ctx, void *arr, unsigned cap, size_t sz) {
  if (!arr) return;
  int k = sz > 8;
  if (ctx && ctx->num_state_arrays[k] < 32) {
    unsigned n = ctx->num_state_arrays[k]++;
    ctx->state_arrays[k][n].ptr = arr;
    ctx->state_arrays[k][n].cap = cap;
  } else {
    free(arr);
  }
}

void sm_op_state_add_operand(SmOpState *st, SmValue *v) { sm_op_state_add_operands(st, &v, 1); }

void sm_op_state_add_operands(SmOpState *st, SmValue *const *vs, unsigned n) {
  if (!n) return;
  grow_array(st->ctx, (void **)&st->operands, &st->operands_cap, st->num_operands + n, sizeof(SmValue *));
  memcpy(st->operands + st->num_operands, vs, n * sizeof(SmValue *));
  st->num_operands += n;
}

void sm_op_state_add_result(SmOpState *st, SmType *t) { sm_op_state_add_results(st, &t, 1); }

void sm_op_state_add_results(SmOpState *st, SmType *const *ts, unsigned n) {
  if (!n) return;
  grow_array(st->ctx, (void **)&st->result_types, &st->results_cap, st->num_results + n, sizeof(SmType *));
  memcpy(st->result_types + st->num_results, ts, n * sizeof(SmType *));
  st->num_results += n;
}

void sm_op_state_add_prop(SmOpState *st, const char *name, SmAttr *value) {
  grow_array(st->ctx, (void **)&st->props, &st->props_cap, st->num_props + 1, sizeof(SmNamedAttr));
  st->props[st->num_props++] = (SmNamedAttr){sm_intern_cstr(st->ctx, name), value};
}

/* Moves a whole-dictionary attribute set into the entry array (before an
 * entry is added, or when props must be split out). */
static void flush_attr_dict(SmOpState *st) {
  SmAttr *d = st->attr_dict;
  if (!d) return;
  st->attr_dict = NULL;
  grow_array(st->ctx, (void **)&st->attrs, &st->attrs_cap, st->num_attrs + d->dict.count,
             sizeof(SmNamedAttr));
  memcpy(st->attrs + st->num_attrs, d->dict.entries, d->dict.count * sizeof(SmNamedAttr));
  st->num_attrs += d->dict.count;
}

void sm_op_state_set_attr_dict(SmOpState *st, SmAttr *dict) {
  if (!dict || dict->dict.count == 0) return;
  if (st->num_attrs == 0 && !st->attr_dict) {
    st->attr_dict = dict;
    return;
  }
  flush_attr_dict(st);
  for (unsigned i = 0; i < dict->dict.count; i++)
    sm_op_state_add_attr(st, dict->dict.entries[i].name, dict->dict.entries[i].value);
}

void sm_op_state_add_attr(SmOpState *st, const char *name, SmAttr *value) {
  flush_attr_dict(st);
  grow_array(st->ctx, (void **)&st->attrs, &st->attrs_cap, st->num_attrs + 1, sizeof(SmNamedAttr));
  st->attrs[st->num_attrs++] = (SmNamedAttr){sm_intern_cstr(st->ctx, name), value};
}

SmRegion *sm_op_state_add_region(SmOpState *st) {
  SmRegion *r = calloc(1, sizeof *r);
  if (!r) abort();
  grow_array(st->ctx, (void **)&st->regions, &st->regions_cap, st->num_regions + 1, sizeof(SmRegion *));
  st->regions[st->num_regions++] = r;
  return r;
}

void sm_op_state_add_successor(SmOpState *st, SmBlock *b) {
  grow_array(st->ctx, (void **)&st->successors, &st->successors_cap, st->num_successors + 1,
             sizeof(SmBlock *));
  st->successors[st->num_successors++] = b;
}

void sm_op_state_release(SmOpState *st) {
  for (unsigned i = 0; i < st->num_regions; i++) {
    /* Regions moved into an op are empty here; others still own blocks. */
    sm_region_clear(st->regions[i]);
    free(st->regions[i]);
  }
  SmContext *ctx = st->ctx;
  recycle_array(ctx, st->regions, st->regions_cap, sizeof(SmRegion *));
  recycle_array(ctx, st->operands, st->operands_cap, sizeof(SmValue *));
  recycle_array(ctx, st->result_types, st->results_cap, sizeof(SmType *));
  recycle_array(ctx, st->props, st->props_cap, sizeof(SmNamedAttr));
  recycle_array(ctx, st->attrs, st->attrs_cap, sizeof(SmNamedAttr));
  recycle_array(ctx, st->successors, st->successors_cap, sizeof(SmBlock *));
  memset(st, 0, sizeof *st);
  st->ctx = ctx;
}

/* ---- Create ---------------------------------------------------------------------- */

static bool def_lists_prop(const SmOpDef *def, const char *name) {
  if (!def || !def->props) return false;
  for (const char *const *p = def->props; *p; p++)
    if (*p == name || strcmp(*p, name) == 0) return true;
  return false;
}

static SmAttr *dict_or_null(SmContext *ctx, unsigned n, const SmNamedAttr *e) {
  return n ? sm_impl_dict_interned(ctx, n, e) : NULL; /* state names are interned */
}

SmOp *sm_op_create(SmOpState *st) {
  SmContext *ctx = st->ctx;
  const SmOpDef *def = sm_impl_lookup_op_interned(ctx, st->name);
  SmOp *op = op_alloc(ctx, st->num_results, st->num_regions, st->num_successors, st->num_operands);
  op->def = def;
  op->name = st->name;
  op->loc = st->loc ? st->loc : sm_loc_unknown(ctx);

  if (def && def->props) flush_attr_dict(st);
  /* Attributes the definition declares as properties move into props. */
  if (st->attr_dict) {
    op->props = dict_or_null(ctx, st->num_props, st->props);
    op->attrs = st->attr_dict; /* already a dictionary (names interned, sorted) */
  } else if (def && def->props && st->num_attrs) {
    unsigned total = st->num_props + st->num_attrs;
    SmNamedAttr small[32];
    SmNamedAttr *buf = 2 * total <= 32 ? small : malloc(2 * total * sizeof *buf);
    if (!buf) abort();
    SmNamedAttr *props = buf, *attrs = buf + total;
    unsigned np = st->num_props, na = 0;
    if (np) memcpy(props, st->props, np * sizeof *props);
    for (unsigned i = 0; i < st->num_attrs; i++) {
      if (def_lists_prop(def, st->attrs[i].name)) props[np++] = st->attrs[i];
      else attrs[na++] = st->attrs[i];
    }
    op->props = dict_or_null(ctx, np, props);
    op->attrs = dict_or_null(ctx, na, attrs);
    if (buf != small) free(buf);
  } else {
    op->props = dict_or_null(ctx, st->num_props, st->props);
    op->attrs = dict_or_null(ctx, st->num_attrs, st->attrs);
  }

  for (unsigned i = 0; i < st->num_results; i++) op->results[i].type = st->result_types[i];
  for (unsigned i = 0; i < st->num_operands; i++) sm_use_link(&op->operands[i], st->operands[i]);
  op->num_operands = st->num_operands;
  for (unsigned i = 0; i < st->num_regions; i++) {
    SmRegion *src = st->regions[i], *dst = &op->regions[i];
    dst->first = src->first;
    dst->last = src->last;
    for (SmBlock *b = dst->first; b; b = b->next) b->region = dst;
    src->first = src->last = NULL; /* the state no longer owns these blocks */
  }
  if (st->num_successors)
    memcpy(op->successors, st->successors, st->num_successors * sizeof(SmBlock *));
  /* Canonical props (e.g. defaults dropped) so generic and custom forms agree. */
  if (def && def->normalize_props && op->props) def->normalize_props(op);
  return op;
}

/* ---- Destroy ------------------------------------------------------------------------ */

void sm_impl_drop_uses_rec(SmOp *op) {
  sm_op_drop_all_uses_of_operands(op);
  for (unsigned r = 0; r < op->num_regions; r++)
    for (SmBlock *b = op->regions[r].first; b; b = b->next)
      for (SmOp *o = b->first; o; o = o->next) sm_impl_drop_uses_rec(o);
}

void sm_impl_free_op(SmOp *op) {
  for (unsigned r = 0; r < op->num_regions; r++) {
    SmBlock *b = op->regions[r].first;
    while (b) {
      SmBlock *n = b->next;
      sm_impl_free_block(b);
      b = n;
    }
  }
  /* Defensive: a use left from outside must not dangle. */
  for (unsigned i = 0; i < op->num_results; i++)
    while (op->results[i].uses) sm_use_unlink(op->results[i].uses);
  if (op->operands != inline_operands(op)) free(op->operands);
  SmOpHeader *h = header_of(op);
  sm_pool_free(&h->ctx->ops, h, op->alloc_class);
}

void sm_op_destroy(SmOp *op) {
  if (!op) return;
  sm_impl_drop_uses_rec(op);
  sm_impl_free_op(op);
}

void sm_op_detach(SmOp *op) {
  SmBlock *b = op->block;
  if (!b) return;
  if (op->prev) op->prev->next = op->next;
  else b->first = op->next;
  if (op->next) op->next->prev = op->prev;
  else b->last = op->prev;
  op->prev = op->next = NULL;
  op->block = NULL;
}

void sm_op_erase(SmOp *op) {
  sm_op_detach(op);
  sm_op_destroy(op);
}

/* ---- Clone ----------------------------------------------------------------------------- */

typedef struct ClonePairs {
  SmOp **v; /* old, new, old, new, ... */
  size_t n, cap;
} ClonePairs;

static SmOp *clone_rec(SmContext *ctx, SmOp *op, SmPtrMap *map, ClonePairs *pairs) {
  SmOp *c = op_alloc(ctx, op->num_results, op->num_regions, op->num_successors, op->num_operands);
  c->def = op->def;
  c->name = op->name;
  c->loc = op->loc;
  c->props = op->props;
  c->attrs = op->attrs;
  c->num_operands = op->num_operands;
  for (unsigned i = 0; i < op->num_results; i++) {
    c->results[i].type = op->results[i].type;
    sm_ptrmap_put(map, &op->results[i], &c->results[i]);
  }
  for (unsigned r = 0; r < op->num_regions; r++) {
    /* All blocks first: successors and graph-region uses may refer forward. */
    for (SmBlock *b = op->regions[r].first; b; b = b->next) {
      SmBlock *nb = sm_block_create();
      for (unsigned a = 0; a < b->num_args; a++)
        sm_ptrmap_put(map, b->args[a], sm_block_add_arg(nb, b->args[a]->type, b->args[a]->loc));
      sm_ptrmap_put(map, b, nb);
      sm_region_append_block(&c->regions[r], nb);
    }
    SmBlock *nb = c->regions[r].first;
    for (SmBlock *b = op->regions[r].first; b; b = b->next, nb = nb->next)
      for (SmOp *o = b->first; o; o = o->next) sm_block_append_op(nb, clone_rec(ctx, o, map, pairs));
  }
  if (pairs->n + 2 > pairs->cap) {
    size_t ncap = pairs->cap ? pairs->cap * 2 : 32;
    SmOp **n = realloc(pairs->v, ncap * sizeof *n);
    if (!n) abort();
    pairs->v = n;
    pairs->cap = ncap;
  }
  pairs->v[pairs->n++] = op;
  pairs->v[pairs->n++] = c;
  return c;
}

SmOp *sm_op_clone(SmOp *op, SmPtrMap *map) {
  SmPtrMap local;
  if (!map) {
    sm_ptrmap_init(&local);
    map = &local;
  }
  ClonePairs pairs = {NULL, 0, 0};
  SmOp *c = clone_rec(sm_op_context(op), op, map, &pairs);
  /* Operands and successors once every inner value and block has its copy. */
  for (size_t i = 0; i < pairs.n; i += 2) {
    SmOp *o = pairs.v[i], *n = pairs.v[i + 1];
    for (unsigned k = 0; k < o->num_operands; k++) {
      SmValue *v = o->operands[k].value, *nv = v ? sm_ptrmap_get(map, v) : NULL;
      sm_use_link(&n->operands[k], nv ? nv : v);
    }
    for (unsigned k = 0; k < o->num_successors; k++) {
      SmBlock *nb = sm_ptrmap_get(map, o->successors[k]);
      n->successors[k] = nb ? nb : o->successors[k];
    }
  }
  free(pairs.v);
  if (map == &local) sm_ptrmap_free(&local);
  return c;
}

/* ---- Operands ----------------------------------------------------------------------------- */

void sm_op_set_operand(SmOp *op, unsigned i, SmValue *v) {
  SmUse *u = &op->operands[i];
  if (u->value == v) return;
  sm_use_unlink(u);
  sm_use_link(u, v);
}

void sm_op_set_operands(SmOp *op, SmValue *const *vs, unsigned n) {
  for (unsigned i = 0; i < op->num_operands; i++) sm_use_unlink(&op->operands[i]);
  if (n > op->operand_cap) {
    SmUse *inl = inline_operands(op);
    if (op->operands != inl) free(op->operands);
    unsigned ncap = op->operand_cap * 2 > n ? op->operand_cap * 2 : n;
    op->operands = calloc(ncap, sizeof(SmUse));
    if (!op->operands) abort();
    op->operand_cap = ncap;
  }
  for (unsigned i = 0; i < n; i++) {
    op->operands[i].owner = op;
    op->operands[i].index = i;
    sm_use_link(&op->operands[i], vs[i]);
  }
  op->num_operands = n;
}

void sm_op_drop_all_uses_of_operands(SmOp *op) {
  for (unsigned i = 0; i < op->num_operands; i++) sm_use_unlink(&op->operands[i]);
}

/* ---- Attributes and properties ------------------------------------------------------------- */

SmAttr *sm_op_get_prop(const SmOp *op, const char *name) { return sm_dict_get(op->props, name); }

SmAttr *sm_op_get_attr(const SmOp *op, const char *name) {
  SmAttr *a = sm_dict_get(op->props, name);
  return a ? a : sm_dict_get(op->attrs, name);
}

static SmAttr *set_in(SmContext *ctx, SmAttr *dict, const char *name, SmAttr *value) {
  SmAttr *d = sm_dict_set(ctx, dict, name, value);
  return d && d->dict.count ? d : NULL;
}

void sm_op_set_prop(SmOp *op, const char *name, SmAttr *value) {
  op->props = set_in(sm_op_context(op), op->props, name, value);
}

void sm_op_set_attr(SmOp *op, const char *name, SmAttr *value) {
  if (def_lists_prop(op->def, name) || sm_dict_get(op->props, name))
    sm_op_set_prop(op, name, value);
  else
    op->attrs = set_in(sm_op_context(op), op->attrs, name, value);
}

bool sm_op_name_is(const SmOp *op, const char *name) {
  return op->name == name || strcmp(op->name, name) == 0;
}

bool sm_op_has_trait(const SmOp *op, unsigned trait) {
  return op->def && (op->def->traits & trait) == trait;
}

const char *sm_op_dialect_name(const SmOp *op) {
  const char *dot = strchr(op->name, '.');
  size_t len = dot ? (size_t)(dot - op->name) : strlen(op->name);
  return sm_intern(sm_op_context(op), op->name, len);
}

/* ---- Values ------------------------------------------------------------------------------- */

void sm_value_replace_all_uses(SmValue *from, SmValue *to) {
  if (from == to) return;
  while (from->uses) {
    SmUse *u = from->uses;
    sm_use_unlink(u);
    sm_use_link(u, to);
  }
}

void sm_value_replace_all_uses_except(SmValue *from, SmValue *to, SmOp *except) {
  if (from == to) return;
  SmUse *u = from->uses;
  while (u) {
    SmUse *next = u->next;
    if (u->owner != except) {
      sm_use_unlink(u);
      sm_use_link(u, to);
    }
    u = next;
  }
}

bool sm_value_use_empty(const SmValue *v) { return v->uses == NULL; }

bool sm_value_has_one_use(const SmValue *v) { return v->uses && !v->uses->next; }

unsigned sm_value_num_uses(const SmValue *v) {
  unsigned n = 0;
  for (const SmUse *u = v->uses; u; u = u->next) n++;
  return n;
}

SmOp *sm_value_defining_op(const SmValue *v) {
  return v->kind == SM_VALUE_RESULT ? v->owner.op : NULL;
}

SmBlock *sm_value_parent_block(const SmValue *v) {
  return v->kind == SM_VALUE_RESULT ? v->owner.op->block : v->owner.block;
}

void sm_op_replace_all_uses(SmOp *op, SmValue *const *values) {
  for (unsigned i = 0; i < op->num_results; i++)
    sm_value_replace_all_uses(&op->results[i], values[i]);
}

bool sm_op_results_unused(const SmOp *op) {
  for (unsigned i = 0; i < op->num_results; i++)
    if (op->results[i].uses) return false;
  return true;
}
