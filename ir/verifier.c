/* The verifier: MLIR's structural rules, then SSA dominance.
 *
 * Pass 1 checks every op's shape against its definition (counts, traits,
 * terminators, successors) and runs the definition's verify hook, parents
 * before children as MLIR does (so a child's hook may rely on its parent's
 * attributes). An op that fails is not descended into; independent siblings
 * are still checked, so one run reports every independent error.
 *
 * Pass 2 runs only when pass 1 found nothing (like MLIR: dominance is
 * meaningless on a malformed CFG). It checks that each use is in scope and
 * dominated by its definition, and that uses inside isolated-from-above ops
 * stay inside. Ops are numbered per block in op->scratch so that same-block
 * order is O(1); dominator trees are built only for regions with more than
 * one block. Dominance follows MLIR's DominanceInfo: in regions of
 * unregistered ops, order inside a block is free but uses across blocks must
 * be dominated; registered graph regions (SM_TRAIT_GRAPH_REGION) have no
 * order at all; uses in unreachable blocks are not checked. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"
#include "ir/dominance.h"
#include "ir/ir.h"

/* The parser caps nesting well below this; it guards the recursion against
 * IR built by other means. */
#define SM_VERIFY_MAX_DEPTH 4096

typedef struct Verifier {
  SmContext *ctx;
  SmOp *root;
  SmPtrMap domtrees; /* region -> SmDomTree*, regions with >1 block being visited */
} Verifier;

static const char *plural(int n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

/* Error at an op, "'name' op " prefix, with one note. */
static bool op_error_with_note(SmOp *op, const char *msg, SmLoc *note_loc, const char *note) {
  SmDiagBuilder *d = sm_diag_begin(sm_op_context(op), SM_SEV_ERROR, op->loc, "'%s' op %s",
                                   op->name, msg);
  sm_diag_note(d, note_loc, "%s", note);
  sm_diag_emit(d);
  return false;
}

/* ---- Pass 1: structure ---------------------------------------------------- */

/* A terminator, or an unregistered op that might be one. */
static bool might_be_terminator(const SmOp *op) {
  return !op->def || (op->def->traits & SM_TRAIT_TERMINATOR);
}

/* MLIR's mayBeValidWithoutTerminator: a lone block of an op that has the
 * NoTerminator trait (or might have it: unregistered). */
static bool may_lack_terminator(const SmBlock *b) {
  const SmRegion *r = b->region;
  if (!r)
    return true;
  if (r->first != r->last)
    return false;
  const SmOp *p = r->op;
  return !p || !p->def || (p->def->traits & SM_TRAIT_NO_TERMINATOR);
}

static bool verify_counts(SmOp *op) {
  const SmOpDef *d = op->def;
  /* ODS emits the traits in this order: regions, results, successors, operands. */
  if (d->num_regions != SM_VARIADIC && (unsigned)d->num_regions != op->num_regions) {
    if (d->num_regions == 0)
      return sm_op_emit_error(op, "requires zero regions");
    if (d->num_regions == 1)
      return sm_op_emit_error(op, "requires one region");
    return sm_op_emit_error(op, "expected %d regions", d->num_regions);
  }
  if (d->num_results != SM_VARIADIC && (unsigned)d->num_results != op->num_results) {
    if (d->num_results == 0)
      return sm_op_emit_error(op, "requires zero results");
    if (d->num_results == 1)
      return sm_op_emit_error(op, "requires one result");
    return sm_op_emit_error(op, "expected %d results", d->num_results);
  }
  if (d->num_successors != SM_VARIADIC && (unsigned)d->num_successors != op->num_successors)
    return sm_op_emit_error(op, "requires %d %s but found %u", d->num_successors,
                            plural(d->num_successors, "successor", "successors"),
                            op->num_successors);
  if (d->num_operands != SM_VARIADIC && (unsigned)d->num_operands != op->num_operands) {
    if (d->num_operands == 0)
      return sm_op_emit_error(op, "requires zero operands");
    if (d->num_operands == 1)
      return sm_op_emit_error(op, "requires a single operand");
    return sm_op_emit_error(op, "expected %d operands, but found %u", d->num_operands,
                            op->num_operands);
  }
  return true;
}

static bool verify_traits(SmOp *op) {
  unsigned traits = op->def->traits;
  if ((traits & SM_TRAIT_TERMINATOR) && (!op->block || op->block->last != op))
    return sm_op_emit_error(op, "must be the last operation in the parent block");
  for (unsigned i = 0; i < op->num_regions; i++) {
    SmRegion *r = &op->regions[i];
    if (!r->first)
      continue;
    if ((traits & SM_TRAIT_SINGLE_BLOCK) && r->first != r->last)
      return sm_op_emit_error(op, "expects region #%u to have 0 or 1 blocks", i);
    if ((traits & SM_TRAIT_SINGLE_BLOCK) && !(traits & SM_TRAIT_NO_TERMINATOR) &&
        !r->first->first)
      return sm_op_emit_error(op, "expects a non-empty block");
    if ((traits & SM_TRAIT_GRAPH_REGION) && r->first != r->last)
      return sm_op_emit_error(op, "expects graph region #%u to have 0 or 1 blocks", i);
  }
  return true;
}

/* MLIR's SymbolTable verifier: names of the symbols directly inside a
 * symbol-table op are unique. String attributes are uniqued, so the
 * sym_name attribute pointer identifies the name. */
static bool verify_symbol_table(SmOp *op) {
  SmContext *ctx = sm_op_context(op);
  if (!ctx->any_sym_name_dict)
    return true;
  const char *sym_name = ctx->s_sym_name;
  SmPtrMap seen;
  sm_ptrmap_init(&seen);
  bool ok = true;
  for (unsigned i = 0; ok && i < op->num_regions; i++)
    for (SmBlock *b = op->regions[i].first; ok && b; b = b->next)
      for (SmOp *o = b->first; ok && o; o = o->next) {
        SmAttr *name = sm_impl_dict_get_interned(o->props, sym_name);
        if (!name) name = sm_impl_dict_get_interned(o->attrs, sym_name);
        if (!name || name->kind != SM_ATTR_STRING)
          continue;
        SmOp *prev = sm_ptrmap_get(&seen, name);
        if (!prev) {
          sm_ptrmap_put(&seen, name, o);
          continue;
        }
        SmDiagBuilder *d = sm_diag_begin(sm_op_context(o), SM_SEV_ERROR, o->loc,
                                         "redefinition of symbol named '%s'", name->string.data);
        sm_diag_note(d, prev->loc, "see existing symbol definition here");
        sm_diag_emit(d);
        ok = false;
      }
  sm_ptrmap_free(&seen);
  return ok;
}

static bool verify_unregistered(Verifier *v, SmOp *op) {
  if (sm_context_allows_unregistered(v->ctx))
    return true;
  const char *dialect = sm_op_dialect_name(op);
  if (dialect && sm_context_lookup_dialect(v->ctx, dialect))
    return sm_emit_error(v->ctx, op->loc,
                         "unregistered operation '%s' found in dialect ('%s') that does not "
                         "allow unknown operations",
                         op->name, dialect);
  return sm_op_emit_error(op, "created with unregistered dialect. If this is intended, please "
                              "call allowUnregisteredDialects() on the MLIRContext, or use "
                              "-allow-unregistered-dialect with the MLIR opt tool used");
}

static bool verify_op_structure(Verifier *v, SmOp *op, unsigned depth);

static bool verify_block_structure(Verifier *v, SmOp *parent, SmBlock *b, unsigned depth) {
  bool ok = true;
  for (unsigned i = 0; i < b->num_args; i++)
    if (!b->args[i] || b->args[i]->kind != SM_VALUE_BLOCK_ARG || b->args[i]->owner.block != b)
      return sm_emit_error(v->ctx, b->args[i] ? b->args[i]->loc : parent->loc,
                           "block argument not owned by block");
  if (!b->first) {
    if (may_lack_terminator(b))
      return true;
    return sm_emit_error(v->ctx, parent->loc, "empty block: expect at least a terminator");
  }
  for (SmOp *o = b->first; o; o = o->next) {
    if (o->num_successors && o != b->last) {
      ok = sm_emit_error(v->ctx, o->loc,
                         "operation with block successors must terminate its parent block");
      continue;
    }
    if (!verify_op_structure(v, o, depth + 1))
      ok = false;
  }
  if (!ok)
    return false; /* the block-level checks would mostly repeat the op's error */
  SmOp *term = b->last;
  for (unsigned i = 0; i < term->num_successors; i++) {
    SmBlock *s = term->successors[i];
    if (!s || s->region != b->region) {
      ok = sm_op_emit_error(term, "branching to block of a different region");
      break;
    }
  }
  if (!may_lack_terminator(b) && !might_be_terminator(term)) {
    SmStrBuf sb = {0};
    sm_op_print_brief(term, &sb);
    ok = sm_emit_error(v->ctx, term->loc, "block with no terminator, has %.*s",
                       (int)sb.len, sb.data ? sb.data : "");
    sm_strbuf_free(&sb);
  }
  return ok;
}

static bool verify_op_structure(Verifier *v, SmOp *op, unsigned depth) {
  if (depth > SM_VERIFY_MAX_DEPTH)
    return sm_op_emit_error(op, "exceeds the maximum nesting depth (%d)", SM_VERIFY_MAX_DEPTH);
  for (unsigned i = 0; i < op->num_operands; i++)
    if (!op->operands[i].value)
      return sm_emit_error(v->ctx, op->loc, "null operand found");
  if (op->def) {
    if (!verify_counts(op) || !verify_traits(op))
      return false;
    if ((op->def->traits & SM_TRAIT_SYMBOL_TABLE) && !verify_symbol_table(op))
      return false;
    if (op->def->verify && !op->def->verify(op))
      return false;
  } else if (!verify_unregistered(v, op)) {
    return false;
  }
  for (unsigned i = 0; i < op->num_regions; i++) {
    SmRegion *r = &op->regions[i];
    if (!r->first)
      continue;
    /* Only terminators (last ops, checked per block) branch; an edge back to
     * the entry block makes it a predecessor. */
    for (SmBlock *b = r->first; b; b = b->next) {
      SmOp *t = b->last;
      for (unsigned k = 0; t && k < t->num_successors; k++)
        if (t->successors[k] == r->first)
          return sm_emit_error(v->ctx, op->loc,
                               "entry block of region may not have predecessors");
    }
  }
  bool ok = true;
  for (unsigned i = 0; i < op->num_regions; i++)
    for (SmBlock *b = op->regions[i].first; b; b = b->next)
      if (!verify_block_structure(v, op, b, depth))
        ok = false;
  return ok;
}

/* ---- Pass 2: scope and dominance ----------------------------------------- */

static bool is_proper_ancestor_region(const SmRegion *anc, const SmRegion *r) {
  while (r && r->op) {
    const SmOp *p = r->op;
    if (!p->block)
      return false;
    r = p->block->region;
    if (r == anc)
      return true;
  }
  return false;
}

enum { REL_NONE, REL_PARENT, REL_CHILD };

/* Where the def's region lies relative to the use's. */
static int relation(const SmRegion *use_region, const SmRegion *def_region) {
  if (!use_region || !def_region)
    return REL_NONE;
  if (is_proper_ancestor_region(def_region, use_region))
    return REL_PARENT;
  if (is_proper_ancestor_region(use_region, def_region))
    return REL_CHILD;
  return REL_NONE;
}

/* MLIR's diagnoseInvalidOperandDominance. */
static bool dominance_error(Verifier *v, SmOp *user, unsigned k) {
  SmValue *val = user->operands[k].value;
  SmDiagBuilder *d = sm_diag_begin(v->ctx, SM_SEV_ERROR, user->loc,
                                   "operand #%u does not dominate this use", k);
  SmBlock *ub = user->block;
  SmRegion *ur = ub ? ub->region : NULL;
  if (val->kind == SM_VALUE_RESULT) {
    SmOp *def = val->owner.op;
    SmBlock *db = def->block;
    SmRegion *dr = db ? db->region : NULL;
    const char *where;
    int rel = relation(ur, dr);
    if (db == ub)
      where = " (op in the same block)";
    else if (dr && dr == ur)
      where = " (op in the same region)";
    else if (rel == REL_PARENT)
      where = " (op in a parent region)";
    else if (rel == REL_CHILD)
      where = " (op in a child region)";
    else
      where = " (op is neither in a parent nor in a child region)";
    sm_diag_note(d, def->loc, "operand defined here%s", where);
  } else {
    SmBlock *db = val->owner.block;
    SmRegion *dr = db ? db->region : NULL;
    SmOp *owner = dr ? dr->op : NULL;
    SmLoc *loc = owner ? owner->loc : sm_loc_unknown(v->ctx);
    if (!dr) {
      sm_diag_note(d, loc, " (block without parent)");
    } else {
      unsigned index = 0;
      for (SmBlock *b = dr->first; b && b != db; b = b->next)
        index++;
      int rel = relation(ur, dr);
      const char *where = dr == ur              ? " in the same region"
                          : rel == REL_PARENT ? " in a parent region"
                          : rel == REL_CHILD  ? " in a child region"
                                              : " neither in a parent nor in a child region";
      sm_diag_note(d, loc, "operand defined as a block argument (block #%u%s)", index, where);
    }
  }
  sm_diag_emit(d);
  return false;
}

static SmDomTree *domtree_of(Verifier *v, SmRegion *r) {
  return r->first != r->last ? sm_ptrmap_get(&v->domtrees, r) : NULL;
}

/* Checks operand k of user. use_reachable: the user's block is reachable
 * from its region's entry (uses in dead blocks are not checked for
 * dominance, as in MLIR). */
static bool check_use(Verifier *v, SmOp *user, unsigned k, bool use_reachable) {
  SmValue *val = user->operands[k].value;
  SmBlock *db =
      val->kind == SM_VALUE_RESULT ? val->owner.op->block : val->owner.block;
  SmRegion *dr = db ? db->region : NULL;

  /* Climb from the user to the op of the def's region that contains it. */
  SmOp *anc = user, *isolated = NULL;
  bool above_root = false;
  while (anc->block && anc->block->region != dr) {
    SmOp *p = anc->block->region ? anc->block->region->op : NULL;
    if (!p)
      break;
    if (!isolated && !above_root && sm_op_has_trait(p, SM_TRAIT_ISOLATED_FROM_ABOVE))
      isolated = p;
    if (p == v->root)
      above_root = true; /* the def lies above the op being verified */
    anc = p;
  }
  bool in_scope = dr && anc->block && anc->block->region == dr;
  /* Out of scope but inside the isolated op (a sibling region's value) is a
   * dominance error, not an isolation one. */
  if (isolated && !in_scope && dr && dr->op && sm_op_is_ancestor(isolated, dr->op))
    isolated = NULL;
  if (isolated)
    return op_error_with_note(user, "using value defined outside the region", isolated->loc,
                              "required by region isolation constraints");
  if (!in_scope)
    return use_reachable ? dominance_error(v, user, k) : true;
  if (!use_reachable || above_root)
    return true; /* regions above the verified op are its verifier's business */

  /* MLIR's hasSSADominance: registered ops' regions unless graph regions. */
  SmOp *parent = dr->op;
  bool ordered = parent && parent->def && !(parent->def->traits & SM_TRAIT_GRAPH_REGION);
  if (anc->block == db) {
    if (val->kind == SM_VALUE_BLOCK_ARG)
      return true;
    /* Unordered: anything in the block goes, even an op's own results
     * (MLIR's properlyDominates). Ordered: strictly before, so an op's own
     * result is never in scope, not even inside its regions. */
    if (!ordered)
      return true;
    SmOp *def = val->owner.op;
    return def != anc && def->scratch < anc->scratch ? true : dominance_error(v, user, k);
  }
  SmDomTree *t = domtree_of(v, dr);
  if (!t || sm_domtree_dominates(t, db, anc->block))
    return true;
  return dominance_error(v, user, k);
}

static bool verify_op_dominance(Verifier *v, SmOp *op);

static bool verify_region_dominance(Verifier *v, SmRegion *r) {
  SmDomTree tree, *t = NULL;
  bool ok = true;
  if (r->first && r->first != r->last) {
    if (!sm_domtree_build(&tree, r))
      return sm_emit_error(v->ctx, r->op ? r->op->loc : NULL,
                           "out of memory computing dominance");
    t = &tree;
    sm_ptrmap_put(&v->domtrees, r, t);
  }
  /* Same-block order matters only in SSA (non-graph) regions: only there
   * does check_use compare the numbers (a pass less over a large module,
   * whose body is a graph region). */
  SmOp *parent = r->op;
  bool ordered = parent && parent->def && !(parent->def->traits & SM_TRAIT_GRAPH_REGION);
  for (SmBlock *b = r->first; b; b = b->next) {
    bool reachable = !t || sm_domtree_is_reachable(t, b);
    uint32_t n = 0;
    if (ordered)
      for (SmOp *o = b->first; o; o = o->next)
        o->scratch = n++;
    for (SmOp *o = b->first; o; o = o->next) {
      bool op_ok = true;
      for (unsigned k = 0; k < o->num_operands && op_ok; k++)
        op_ok = check_use(v, o, k, reachable);
      if (!op_ok) {
        ok = false;
        continue;
      }
      if (!verify_op_dominance(v, o))
        ok = false;
    }
  }
  if (t) {
    sm_ptrmap_remove(&v->domtrees, r);
    sm_domtree_free(t);
  }
  return ok;
}

static bool verify_op_dominance(Verifier *v, SmOp *op) {
  bool ok = true;
  for (unsigned i = 0; i < op->num_regions; i++)
    if (!verify_region_dominance(v, &op->regions[i]))
      ok = false;
  return ok;
}

bool sm_op_verify(SmOp *op) {
  Verifier v = {sm_op_context(op), op, {0}};
  if (!verify_op_structure(&v, op, 0))
    return false;
  sm_ptrmap_init(&v.domtrees);
  bool ok = verify_op_dominance(&v, op);
  sm_ptrmap_free(&v.domtrees);
  return ok;
}
