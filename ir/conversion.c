/* The dialect-conversion driver (see conversion.h for the design). */
#include "ir/conversion.h"

#include <stdlib.h>
#include <string.h>

/* ---- Target ---------------------------------------------------------------------- */

typedef struct Rule {
  SmLegality legality; /* LEGAL / ILLEGAL, or UNKNOWN with fn set (dynamic) */
  SmLegalityFn fn;
  void *user;
} Rule;

struct SmConversionTarget {
  SmContext *ctx;
  SmPtrMap ops;      /* interned op name -> rule index + 1 */
  SmPtrMap dialects; /* interned dialect name -> rule index + 1 */
  Rule *rules;
  unsigned count, cap;
};

SmConversionTarget *sm_conversion_target_create(SmContext *ctx) {
  SmConversionTarget *t = calloc(1, sizeof *t);
  if (!t)
    return NULL;
  t->ctx = ctx;
  sm_ptrmap_init(&t->ops);
  sm_ptrmap_init(&t->dialects);
  return t;
}

void sm_conversion_target_destroy(SmConversionTarget *t) {
  if (!t)
    return;
  sm_ptrmap_free(&t->ops);
  sm_ptrmap_free(&t->dialects);
  free(t->rules);
  free(t);
}

static void add_rule(SmConversionTarget *t, SmPtrMap *map, const char *name, SmLegality l,
                     SmLegalityFn fn, void *user) {
  if (t->count == t->cap) {
    unsigned cap = t->cap ? t->cap * 2 : 16;
    Rule *n = realloc(t->rules, cap * sizeof *n);
    if (!n)
      return;
    t->rules = n;
    t->cap = cap;
  }
  t->rules[t->count++] = (Rule){l, fn, user};
  sm_ptrmap_put(map, sm_intern_cstr(t->ctx, name), (void *)(uintptr_t)t->count);
}

void sm_conversion_target_add_legal_op(SmConversionTarget *t, const char *name) {
  add_rule(t, &t->ops, name, SM_LEGALITY_LEGAL, NULL, NULL);
}
void sm_conversion_target_add_illegal_op(SmConversionTarget *t, const char *name) {
  add_rule(t, &t->ops, name, SM_LEGALITY_ILLEGAL, NULL, NULL);
}
void sm_conversion_target_add_legal_dialect(SmConversionTarget *t, const char *name) {
  add_rule(t, &t->dialects, name, SM_LEGALITY_LEGAL, NULL, NULL);
}
void sm_conversion_target_add_illegal_dialect(SmConversionTarget *t, const char *name) {
  add_rule(t, &t->dialects, name, SM_LEGALITY_ILLEGAL, NULL, NULL);
}
void sm_conversion_target_add_dynamically_legal_op(SmConversionTarget *t, const char *name,
                                                   SmLegalityFn fn, void *user) {
  add_rule(t, &t->ops, name, SM_LEGALITY_UNKNOWN, fn, user);
}
void sm_conversion_target_add_dynamically_legal_dialect(SmConversionTarget *t, const char *name,
                                                        SmLegalityFn fn, void *user) {
  add_rule(t, &t->dialects, name, SM_LEGALITY_UNKNOWN, fn, user);
}

SmLegality sm_conversion_target_legality(const SmConversionTarget *t, SmOp *op) {
  uintptr_t i = (uintptr_t)sm_ptrmap_get(&t->ops, op->name);
  if (!i)
    i = (uintptr_t)sm_ptrmap_get(&t->dialects, sm_op_dialect_name(op));
  if (!i)
    return SM_LEGALITY_UNKNOWN;
  const Rule *r = &t->rules[i - 1];
  if (r->fn)
    return r->fn(op, r->user) ? SM_LEGALITY_LEGAL : SM_LEGALITY_ILLEGAL;
  return r->legality;
}

/* ---- Type converter ---------------------------------------------------------------- */

typedef struct TypeRule {
  SmTypeConversionFn fn;
  void *user;
} TypeRule;

struct SmTypeConverter {
  SmContext *ctx;
  TypeRule *rules;
  unsigned count, cap;
  bool strict;
  SmMaterializeFn source_mat;
  void *source_user;
};

SmTypeConverter *sm_type_converter_create(SmContext *ctx) {
  SmTypeConverter *tc = calloc(1, sizeof *tc);
  if (tc)
    tc->ctx = ctx;
  return tc;
}

void sm_type_converter_destroy(SmTypeConverter *tc) {
  if (!tc)
    return;
  free(tc->rules);
  free(tc);
}

void sm_type_converter_add(SmTypeConverter *tc, SmTypeConversionFn fn, void *user) {
  if (tc->count == tc->cap) {
    unsigned cap = tc->cap ? tc->cap * 2 : 8;
    TypeRule *n = realloc(tc->rules, cap * sizeof *n);
    if (!n)
      return;
    tc->rules = n;
    tc->cap = cap;
  }
  tc->rules[tc->count++] = (TypeRule){fn, user};
}

void sm_type_converter_set_strict(SmTypeConverter *tc, bool strict) { tc->strict = strict; }

void sm_type_converter_set_source_materialization(SmTypeConverter *tc, SmMaterializeFn fn,
                                                  void *user) {
  tc->source_mat = fn;
  tc->source_user = user;
}

SmType *sm_type_converter_convert(const SmTypeConverter *tc, SmType *type) {
  for (unsigned i = tc->count; i-- > 0;) {
    SmType *r = tc->rules[i].fn(type, tc->rules[i].user);
    if (r)
      return r;
  }
  return tc->strict ? NULL : type;
}

bool sm_type_converter_is_legal(const SmTypeConverter *tc, SmType *type) {
  return sm_type_converter_convert(tc, type) == type;
}

bool sm_type_converter_is_legal_op(const SmTypeConverter *tc, SmOp *op) {
  for (unsigned i = 0; i < op->num_operands; i++)
    if (op->operands[i].value && !sm_type_converter_is_legal(tc, op->operands[i].value->type))
      return false;
  for (unsigned i = 0; i < op->num_results; i++)
    if (!sm_type_converter_is_legal(tc, op->results[i].type))
      return false;
  for (unsigned r = 0; r < op->num_regions; r++)
    for (SmBlock *b = op->regions[r].first; b; b = b->next)
      for (unsigned i = 0; i < b->num_args; i++)
        if (!sm_type_converter_is_legal(tc, b->args[i]->type))
          return false;
  return true;
}

/* ---- Patterns ---------------------------------------------------------------------------- */

void sm_conversion_pattern_set_init(SmConversionPatternSet *set, SmContext *ctx) {
  memset(set, 0, sizeof *set);
  set->ctx = ctx;
}

void sm_conversion_pattern_set_free(SmConversionPatternSet *set) {
  free(set->patterns);
  set->patterns = NULL;
  set->count = set->cap = 0;
}

void sm_conversion_pattern_set_add(SmConversionPatternSet *set, const SmConversionPattern *p) {
  if (!p || !p->match_and_rewrite)
    return;
  if (set->count == set->cap) {
    unsigned cap = set->cap ? set->cap * 2 : 16;
    SmConversionPattern *n = realloc(set->patterns, cap * sizeof *n);
    if (!n)
      return;
    set->patterns = n;
    set->cap = cap;
  }
  set->patterns[set->count] = *p;
  if (p->root)
    set->patterns[set->count].root = sm_intern_cstr(set->ctx, p->root);
  set->count++;
}

/* ---- Driver ------------------------------------------------------------------------------ */

#define CAST_NAME "builtin.unrealized_conversion_cast"

typedef struct Conv {
  SmContext *ctx;
  const SmConversionTarget *target;
  const SmConversionPatternSet *patterns;
  const SmTypeConverter *tc;
  SmRewriter rw;
  SmRewriteListener listener;
  SmOp **list;  /* ops to legalize, in pre-order, then ops created */
  size_t len, cap;
  SmPtrMap pending; /* ops in list not visited yet */
  SmPtrMap casts;   /* materialized casts still alive */
  SmOp **cast_list;
  size_t ncasts, casts_cap;
} Conv;

static void push_op(Conv *c, SmOp *op) {
  if (sm_ptrmap_contains(&c->pending, op))
    return;
  if (c->len == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 256;
    SmOp **n = realloc(c->list, cap * sizeof *n);
    if (!n)
      return;
    c->list = n;
    c->cap = cap;
  }
  c->list[c->len++] = op;
  sm_ptrmap_put(&c->pending, op, op);
}

static void conv_on_inserted(void *user, SmOp *op) { push_op(user, op); }

static void conv_on_erased(void *user, SmOp *op) {
  Conv *c = user;
  sm_ptrmap_remove(&c->pending, op);
  sm_ptrmap_remove(&c->casts, op);
}

/* The driver behind a rewriter, if it is one of ours. */
static Conv *conv_of(SmRewriter *rw) {
  if (rw->listener && rw->listener->op_inserted == conv_on_inserted)
    return rw->listener->user;
  return NULL;
}

static SmValue *materialize_source(SmRewriter *rw, const SmTypeConverter *tc, SmType *to,
                                   SmValue *input, SmLoc *loc) {
  if (tc && tc->source_mat) {
    SmValue *v = tc->source_mat(rw, to, input, loc, tc->source_user);
    if (v)
      return v;
  }
  SmOpState st;
  sm_op_state_init(&st, sm_rewriter_context(rw), sm_intern_cstr(sm_rewriter_context(rw), CAST_NAME),
                   loc);
  sm_op_state_add_operand(&st, input);
  sm_op_state_add_result(&st, to);
  SmOp *cast = sm_rewriter_create(rw, &st);
  sm_op_state_release(&st);
  if (!cast)
    return NULL;
  Conv *c = conv_of(rw);
  if (c) {
    sm_ptrmap_put(&c->casts, cast, cast);
    if (c->ncasts == c->casts_cap) {
      size_t cap = c->casts_cap ? c->casts_cap * 2 : 32;
      SmOp **n = realloc(c->cast_list, cap * sizeof *n);
      if (n) {
        c->cast_list = n;
        c->casts_cap = cap;
      }
    }
    if (c->ncasts < c->casts_cap)
      c->cast_list[c->ncasts++] = cast;
  }
  return &cast->results[0];
}

void sm_conversion_replace_op(SmRewriter *rw, SmOp *op, SmValue *const *values) {
  Conv *c = conv_of(rw);
  for (unsigned i = 0; i < op->num_results; i++) {
    SmValue *r = &op->results[i];
    if (!values[i] || values[i]->type == r->type || sm_value_use_empty(r))
      continue;
    sm_rewriter_set_before(rw, op);
    SmValue *cast = materialize_source(rw, c ? c->tc : NULL, r->type, values[i], op->loc);
    if (cast)
      sm_rewriter_replace_all_uses(rw, r, cast);
  }
  sm_rewriter_replace_op(rw, op, values);
}

bool sm_convert_region_types(SmRewriter *rw, const SmTypeConverter *tc, SmRegion *region) {
  for (SmBlock *b = region->first; b; b = b->next)
    for (unsigned i = 0; i < b->num_args; i++) {
      SmValue *old = b->args[i];
      SmType *nt = sm_type_converter_convert(tc, old->type);
      if (!nt)
        return false;
      if (nt == old->type)
        continue;
      SmValue *arg = sm_block_insert_arg(b, i, nt, old->loc);
      old = b->args[i + 1];
      if (!sm_value_use_empty(old)) {
        sm_rewriter_set_block_start(rw, b);
        SmValue *cast = materialize_source(rw, tc, old->type, arg, old->loc);
        if (!cast)
          return false;
        sm_rewriter_replace_all_uses(rw, old, cast);
      }
      sm_block_erase_arg(b, i + 1);
    }
  return true;
}

static SmWalkResult collect(SmOp *op, void *user) {
  Conv *c = user;
  if (op != c->rw.erase_root) /* erase_root doubles as "the root" during collection */
    push_op(c, op);
  return SM_WALK_ADVANCE;
}

static bool needs_conversion(const Conv *c, SmOp *op, bool full) {
  SmLegality l = sm_conversion_target_legality(c->target, op);
  return l == SM_LEGALITY_ILLEGAL || (full && l == SM_LEGALITY_UNKNOWN);
}

static bool try_patterns(Conv *c, SmOp *op) {
  unsigned n = op->num_operands;
  SmValue *small[8];
  SmValue **ops = n <= 8 ? small : malloc(n * sizeof *ops);
  if (!ops)
    return false;
  for (unsigned i = 0; i < n; i++) {
    SmValue *v = op->operands[i].value;
    SmOp *def = v ? sm_value_defining_op(v) : NULL;
    ops[i] = def && sm_ptrmap_contains(&c->casts, def) && def->num_operands == 1
                 ? def->operands[0].value
                 : v;
  }
  /* Highest benefit first; ties in registration order. */
  bool *tried = calloc(c->patterns->count ? c->patterns->count : 1, sizeof *tried);
  bool done = false;
  while (tried && !done) {
    int best = -1;
    for (unsigned i = 0; i < c->patterns->count; i++) {
      const SmConversionPattern *p = &c->patterns->patterns[i];
      if (tried[i] || (p->root && p->root != op->name))
        continue;
      if (best < 0 || p->benefit > c->patterns->patterns[best].benefit)
        best = (int)i;
    }
    if (best < 0)
      break;
    tried[best] = true;
    const SmConversionPattern *p = &c->patterns->patterns[best];
    sm_rewriter_set_before(&c->rw, op);
    done = p->match_and_rewrite(p, op, ops, &c->rw);
  }
  free(tried);
  if (ops != small)
    free(ops);
  return done;
}

typedef struct Check {
  Conv *c;
  SmOp *root;
  bool full, ok;
} Check;

static SmWalkResult check_legal(SmOp *op, void *user) {
  Check *k = user;
  if (op != k->root && needs_conversion(k->c, op, k->full)) {
    sm_op_emit_error(op, "failed to legalize operation '%s'%s", op->name,
                     sm_op_name_is(op, CAST_NAME) ? " (a type conversion left a cast with users)"
                                                  : "");
    k->ok = false;
  }
  return SM_WALK_ADVANCE;
}

static bool apply(SmOp *root, const SmConversionTarget *target,
                  const SmConversionPatternSet *patterns, const SmTypeConverter *tc, bool full) {
  Conv c;
  memset(&c, 0, sizeof c);
  c.ctx = sm_op_context(root);
  c.target = target;
  c.patterns = patterns;
  c.tc = tc;
  sm_ptrmap_init(&c.pending);
  sm_ptrmap_init(&c.casts);
  c.listener = (SmRewriteListener){.op_inserted = conv_on_inserted,
                                   .op_erased = conv_on_erased,
                                   .user = &c};
  sm_rewriter_init(&c.rw, c.ctx, &c.listener);
  c.rw.erase_root = root;
  sm_op_walk(root, SM_WALK_PRE, collect, &c);
  c.rw.erase_root = NULL;
  /* Each op is visited once; created ops are appended. The cap stops
   * patterns that keep producing ops that need converting again. */
  size_t limit = 16 * c.len + 1024;
  bool ok = true;
  for (size_t i = 0; i < c.len; i++) {
    if (i >= limit) {
      sm_emit_error(c.ctx, root->loc,
                    "dialect conversion did not terminate: patterns keep creating illegal ops");
      ok = false;
      break;
    }
    SmOp *op = c.list[i];
    if (!sm_ptrmap_contains(&c.pending, op))
      continue; /* erased, or seen already */
    sm_ptrmap_remove(&c.pending, op);
    if (sm_ptrmap_contains(&c.casts, op) || !needs_conversion(&c, op, full))
      continue;
    try_patterns(&c, op);
  }
  /* Casts nobody needs any more go; the others must be legal (full). */
  for (size_t i = c.ncasts; i-- > 0;) {
    SmOp *cast = c.cast_list[i];
    if (sm_ptrmap_contains(&c.casts, cast) && sm_op_results_unused(cast))
      sm_rewriter_erase_op(&c.rw, cast);
  }
  if (ok) {
    Check k = {&c, root, full, true};
    sm_op_walk(root, SM_WALK_PRE, check_legal, &k);
    ok = k.ok;
  }
  sm_ptrmap_free(&c.pending);
  sm_ptrmap_free(&c.casts);
  free(c.list);
  free(c.cast_list);
  return ok;
}

bool sm_apply_partial_conversion(SmOp *op, const SmConversionTarget *target,
                                 const SmConversionPatternSet *patterns,
                                 const SmTypeConverter *tc) {
  return apply(op, target, patterns, tc, false);
}

bool sm_apply_full_conversion(SmOp *op, const SmConversionTarget *target,
                              const SmConversionPatternSet *patterns, const SmTypeConverter *tc) {
  return apply(op, target, patterns, tc, true);
}
