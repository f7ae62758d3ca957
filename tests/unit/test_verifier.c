/* The verifier on IR built through the API, with a small test dialect of
 * its own ("vt"), so these tests do not depend on the real dialects. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ir/dominance.h"
#include "ir/ir.h"

static bool vt_verify_fails(SmOp *op) { return sm_op_emit_error(op, "custom verify failed"); }

static const char *const vt_module_props[] = {NULL};
static SmOpDef vt_ops[] = {
    {.name = "vt.module", .num_operands = 0, .num_results = 0, .num_regions = 1,
     .num_successors = 0,
     .traits = SM_TRAIT_ISOLATED_FROM_ABOVE | SM_TRAIT_NO_TERMINATOR | SM_TRAIT_GRAPH_REGION |
               SM_TRAIT_SYMBOL_TABLE | SM_TRAIT_SINGLE_BLOCK,
     .props = vt_module_props},
    {.name = "vt.func", .num_operands = 0, .num_results = 0, .num_regions = 1,
     .num_successors = 0, .traits = SM_TRAIT_ISOLATED_FROM_ABOVE},
    {.name = "vt.scope", .num_operands = SM_VARIADIC, .num_results = SM_VARIADIC,
     .num_regions = 1, .num_successors = 0, .traits = 0},
    {.name = "vt.graph", .num_operands = 0, .num_results = 0, .num_regions = 1,
     .num_successors = 0, .traits = SM_TRAIT_GRAPH_REGION | SM_TRAIT_NO_TERMINATOR},
    {.name = "vt.def", .num_operands = 0, .num_results = 1, .num_regions = 0,
     .num_successors = 0, .traits = SM_TRAIT_PURE},
    {.name = "vt.add", .num_operands = 2, .num_results = 1, .num_regions = 0,
     .num_successors = 0, .traits = SM_TRAIT_PURE},
    {.name = "vt.use", .num_operands = SM_VARIADIC, .num_results = 0, .num_regions = 0,
     .num_successors = 0},
    {.name = "vt.br", .num_operands = SM_VARIADIC, .num_results = 0, .num_regions = 0,
     .num_successors = SM_VARIADIC, .traits = SM_TRAIT_TERMINATOR},
    {.name = "vt.ret", .num_operands = SM_VARIADIC, .num_results = 0, .num_regions = 0,
     .num_successors = 0, .traits = SM_TRAIT_TERMINATOR | SM_TRAIT_RETURN_LIKE},
    {.name = "vt.bad", .num_operands = 0, .num_results = 0, .num_regions = 0,
     .num_successors = 0, .verify = vt_verify_fails},
};
static SmDialect vt_dialect = {.name = "vt", .summary = "verifier tests", .ops = vt_ops,
                               .num_ops = sizeof vt_ops / sizeof vt_ops[0]};

typedef struct Fixture {
  SmContext *ctx;
  SmOp *module;
  SmBlock *top;
  char diags[8192];
  unsigned line; /* each op gets a distinct location line */
} Fixture;

static Fixture F;

static void record(const SmDiagnostic *d, void *user) {
  (void)user;
  size_t n = strlen(F.diags);
  n += (size_t)snprintf(F.diags + n, sizeof F.diags - n, "%s", d->message);
  for (unsigned i = 0; i < d->num_notes; i++)
    n += (size_t)snprintf(F.diags + n, sizeof F.diags - n, " [note: %s]", d->notes[i].message);
  snprintf(F.diags + n, sizeof F.diags - n, "\n");
}

static SmType *i32(void) { return sm_type_integer(F.ctx, 32, SM_SIGNLESS); }

/* Creates an op at the end of b (b may be NULL: detached). */
static SmOp *mk(SmBlock *b, const char *name, SmValue **operands, unsigned nops, unsigned nres,
                unsigned nregions, SmBlock **succs, unsigned nsuccs) {
  SmOpState st;
  sm_op_state_init(&st, F.ctx, sm_intern_cstr(F.ctx, name),
                   sm_loc_file(F.ctx, "v.mlir", ++F.line, 1));
  sm_op_state_add_operands(&st, operands, nops);
  for (unsigned i = 0; i < nres; i++)
    sm_op_state_add_result(&st, i32());
  for (unsigned i = 0; i < nregions; i++)
    sm_op_state_add_region(&st);
  for (unsigned i = 0; i < nsuccs; i++)
    sm_op_state_add_successor(&st, succs[i]);
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  if (b)
    sm_block_append_op(b, op);
  return op;
}

static SmBlock *add_block(SmOp *op, unsigned region) {
  SmBlock *b = sm_block_create();
  sm_region_append_block(sm_op_region(op, region), b);
  return b;
}

static void setup(void) {
  memset(&F, 0, sizeof F);
  F.ctx = sm_context_create();
  sm_context_register_dialect(F.ctx, &vt_dialect);
  sm_context_set_diag_handler(F.ctx, record, NULL);
  F.module = mk(NULL, "vt.module", NULL, 0, 0, 1, NULL, 0);
  F.top = add_block(F.module, 0);
}

static void teardown(void) {
  sm_op_destroy(F.module);
  sm_context_destroy(F.ctx);
}

/* A vt.func in the module with an entry block taking one i32 argument. */
static SmBlock *new_func(SmOp **func_out) {
  SmOp *f = mk(F.top, "vt.func", NULL, 0, 0, 1, NULL, 0);
  SmBlock *entry = add_block(f, 0);
  sm_block_add_arg(entry, i32(), sm_loc_unknown(F.ctx));
  if (func_out)
    *func_out = f;
  return entry;
}

TestSuite(verifier, .init = setup, .fini = teardown);

Test(verifier, valid_function_passes) {
  SmBlock *entry = new_func(NULL);
  SmValue *a = entry->args[0];
  SmOp *d = mk(entry, "vt.def", NULL, 0, 1, 0, NULL, 0);
  SmValue *ops[2] = {a, sm_op_result(d, 0)};
  SmOp *add = mk(entry, "vt.add", ops, 2, 1, 0, NULL, 0);
  SmValue *r = sm_op_result(add, 0);
  mk(entry, "vt.ret", &r, 1, 0, 0, NULL, 0);
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);
  cr_assert_str_eq(F.diags, "");
}

Test(verifier, diamond_cfg_dominance) {
  SmOp *f;
  SmBlock *bb0 = new_func(&f);
  SmBlock *bb1 = add_block(f, 0), *bb2 = add_block(f, 0), *bb3 = add_block(f, 0);
  SmOp *top_def = mk(bb0, "vt.def", NULL, 0, 1, 0, NULL, 0);
  SmBlock *s01[2] = {bb1, bb2};
  mk(bb0, "vt.br", NULL, 0, 0, 0, s01, 2);
  SmOp *left = mk(bb1, "vt.def", NULL, 0, 1, 0, NULL, 0);
  mk(bb1, "vt.br", NULL, 0, 0, 0, &bb3, 1);
  mk(bb2, "vt.br", NULL, 0, 0, 0, &bb3, 1);
  /* The entry's value dominates the join; the left arm's does not. */
  SmValue *v = sm_op_result(top_def, 0);
  mk(bb3, "vt.use", &v, 1, 0, 0, NULL, 0);
  SmValue *lv = sm_op_result(left, 0);
  SmOp *bad = mk(bb3, "vt.use", &lv, 1, 0, 0, NULL, 0);
  mk(bb3, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "operand #0 does not dominate this use "
                            "[note: operand defined here (op in the same region)]\n");

  /* The dominator tree itself: bb0 dominates all, bb1/bb2 only themselves. */
  SmDomTree t;
  cr_assert(sm_domtree_build(&t, sm_op_region(f, 0)));
  cr_assert(sm_domtree_dominates(&t, bb0, bb3));
  cr_assert_not(sm_domtree_dominates(&t, bb1, bb3));
  cr_assert_not(sm_domtree_dominates(&t, bb2, bb3));
  cr_assert_not(sm_domtree_dominates(&t, bb3, bb0));
  cr_assert_eq(sm_domtree_idom(&t, bb3), bb0);
  cr_assert_eq(sm_domtree_idom(&t, bb1), bb0);
  cr_assert_null(sm_domtree_idom(&t, bb0));
  sm_domtree_free(&t);

  /* Fixed: use the left value in the left arm only. */
  sm_op_erase(bad);
  F.diags[0] = '\0';
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);
}

Test(verifier, block_argument_dominance_across_blocks) {
  SmOp *f;
  SmBlock *bb0 = new_func(&f);
  SmBlock *bb1 = add_block(f, 0), *bb2 = add_block(f, 0);
  SmValue *barg = sm_block_add_arg(bb1, i32(), sm_loc_unknown(F.ctx));
  SmBlock *s[2] = {bb1, bb2};
  mk(bb0, "vt.br", &bb0->args[0], 1, 0, 0, s, 2);
  mk(bb1, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  mk(bb2, "vt.use", &barg, 1, 0, 0, NULL, 0);
  mk(bb2, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "operand #0 does not dominate this use [note: operand defined as "
                            "a block argument (block #1 in the same region)]\n");
}

Test(verifier, same_block_use_before_def) {
  SmBlock *entry = new_func(NULL);
  SmOp *use = mk(entry, "vt.use", NULL, 0, 0, 0, NULL, 0);
  SmOp *d = mk(entry, "vt.def", NULL, 0, 1, 0, NULL, 0);
  mk(entry, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  SmValue *v = sm_op_result(d, 0);
  sm_op_set_operands(use, &v, 1);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "operand #0 does not dominate this use "
                            "[note: operand defined here (op in the same block)]\n");
}

Test(verifier, nested_region_sees_enclosing_values) {
  SmBlock *entry = new_func(NULL);
  SmOp *d = mk(entry, "vt.def", NULL, 0, 1, 0, NULL, 0);
  SmOp *scope = mk(entry, "vt.scope", NULL, 0, 0, 1, NULL, 0);
  mk(entry, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  SmBlock *inner = add_block(scope, 0);
  SmValue *uses[2] = {sm_op_result(d, 0), entry->args[0]};
  mk(inner, "vt.use", uses, 2, 0, 0, NULL, 0);
  mk(inner, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);

  /* A value defined after the scope op is not visible inside it. */
  SmOp *late = mk(NULL, "vt.def", NULL, 0, 1, 0, NULL, 0);
  sm_op_move_after(late, scope);
  SmValue *lv = sm_op_result(late, 0);
  sm_block_insert_op(inner, inner->first, mk(NULL, "vt.use", &lv, 1, 0, 0, NULL, 0));
  cr_assert_not(sm_op_verify(F.module));
  cr_assert(strstr(F.diags, "operand #0 does not dominate this use "
                            "[note: operand defined here (op in a parent region)]"),
            "%s", F.diags);
}

Test(verifier, isolated_from_above_violation) {
  SmOp *outer;
  SmBlock *entry = new_func(&outer);
  SmOp *inner_fn = mk(entry, "vt.func", NULL, 0, 0, 1, NULL, 0);
  mk(entry, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  SmBlock *ib = add_block(inner_fn, 0);
  SmOp *use = mk(ib, "vt.use", &entry->args[0], 1, 0, 0, NULL, 0);
  mk(ib, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "'vt.use' op using value defined outside the region "
                            "[note: required by region isolation constraints]\n");
  /* The same value through a non-isolated scope inside is still a violation. */
  sm_op_erase(use);
  SmOp *scope = mk(NULL, "vt.scope", NULL, 0, 0, 1, NULL, 0);
  sm_block_insert_op(ib, ib->first, scope);
  SmBlock *sb = add_block(scope, 0);
  mk(sb, "vt.use", &entry->args[0], 1, 0, 0, NULL, 0);
  mk(sb, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  F.diags[0] = '\0';
  cr_assert_not(sm_op_verify(F.module));
  cr_assert(strstr(F.diags, "using value defined outside the region"), "%s", F.diags);
}

Test(verifier, value_from_another_function_is_out_of_scope) {
  SmBlock *e1 = new_func(NULL);
  mk(e1, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  SmBlock *e2 = new_func(NULL);
  /* vt.func is isolated: reported as an isolation violation. */
  mk(e2, "vt.use", &e1->args[0], 1, 0, 0, NULL, 0);
  mk(e2, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert(strstr(F.diags, "using value defined outside the region"), "%s", F.diags);
}

Test(verifier, sibling_scope_value_does_not_dominate) {
  SmBlock *entry = new_func(NULL);
  SmOp *s1 = mk(entry, "vt.scope", NULL, 0, 0, 1, NULL, 0);
  SmOp *s2 = mk(entry, "vt.scope", NULL, 0, 0, 1, NULL, 0);
  mk(entry, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  SmBlock *b1 = add_block(s1, 0), *b2 = add_block(s2, 0);
  SmOp *d = mk(b1, "vt.def", NULL, 0, 1, 0, NULL, 0);
  mk(b1, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  SmValue *v = sm_op_result(d, 0);
  mk(b2, "vt.use", &v, 1, 0, 0, NULL, 0);
  mk(b2, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "operand #0 does not dominate this use [note: operand defined "
                            "here (op is neither in a parent nor in a child region)]\n");
}

Test(verifier, own_result_used_inside_own_region) {
  SmBlock *entry = new_func(NULL);
  SmOp *s = mk(entry, "vt.scope", NULL, 0, 1, 1, NULL, 0);
  mk(entry, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  SmBlock *b = add_block(s, 0);
  SmValue *v = sm_op_result(s, 0);
  mk(b, "vt.use", &v, 1, 0, 0, NULL, 0);
  mk(b, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert(strstr(F.diags, "does not dominate this use"), "%s", F.diags);
}

Test(verifier, graph_region_allows_any_order) {
  SmOp *g = mk(F.top, "vt.graph", NULL, 0, 0, 1, NULL, 0);
  SmBlock *b = add_block(g, 0);
  SmOp *use = mk(b, "vt.use", NULL, 0, 0, 0, NULL, 0);
  SmOp *d = mk(b, "vt.def", NULL, 0, 1, 0, NULL, 0);
  SmValue *v = sm_op_result(d, 0);
  sm_op_set_operands(use, &v, 1);
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);
}

Test(verifier, unregistered_parent_orders_nothing_in_a_block) {
  sm_context_set_allow_unregistered(F.ctx, true);
  SmOp *u = mk(F.top, "foo.region", NULL, 0, 0, 1, NULL, 0);
  SmBlock *b = add_block(u, 0);
  SmOp *use = mk(b, "vt.use", NULL, 0, 0, 0, NULL, 0);
  SmOp *d = mk(b, "vt.def", NULL, 0, 1, 0, NULL, 0);
  SmValue *v = sm_op_result(d, 0);
  sm_op_set_operands(use, &v, 1);
  /* No terminator needed: a lone block of an unregistered op. */
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);
}

Test(verifier, unregistered_op_rejected_unless_allowed) {
  mk(F.top, "foo.op", NULL, 0, 0, 0, NULL, 0);
  mk(F.top, "vt.nope", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags,
                   "'foo.op' op created with unregistered dialect. If this is intended, please "
                   "call allowUnregisteredDialects() on the MLIRContext, or use "
                   "-allow-unregistered-dialect with the MLIR opt tool used\n"
                   "unregistered operation 'vt.nope' found in dialect ('vt') that does not "
                   "allow unknown operations\n");
  sm_context_set_allow_unregistered(F.ctx, true);
  F.diags[0] = '\0';
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);
}

Test(verifier, missing_terminator) {
  SmBlock *entry = new_func(NULL);
  mk(entry, "vt.def", NULL, 0, 1, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert(strncmp(F.diags, "block with no terminator, has ", 30) == 0, "%s", F.diags);
  cr_assert(strstr(F.diags, "vt.def"), "%s", F.diags);
}

Test(verifier, empty_block_needs_terminator) {
  new_func(NULL);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "empty block: expect at least a terminator\n");
}

Test(verifier, terminator_must_be_last) {
  SmBlock *entry = new_func(NULL);
  mk(entry, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  mk(entry, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "'vt.ret' op must be the last operation in the parent block\n");
}

Test(verifier, successors_rules) {
  SmOp *f;
  SmBlock *bb0 = new_func(&f);
  SmBlock *bb1 = add_block(f, 0);
  /* A branch in the middle of a block. */
  mk(bb0, "vt.br", NULL, 0, 0, 0, &bb1, 1);
  mk(bb0, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  mk(bb1, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags,
                   "operation with block successors must terminate its parent block\n");
}

Test(verifier, successor_in_another_region) {
  SmOp *f1, *f2;
  SmBlock *a = new_func(&f1);
  SmBlock *b = new_func(&f2);
  mk(a, "vt.br", NULL, 0, 0, 0, &b, 1);
  mk(b, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "'vt.br' op branching to block of a different region\n");
}

Test(verifier, entry_block_has_no_predecessors) {
  SmOp *f;
  SmBlock *bb0 = new_func(&f);
  SmBlock *bb1 = add_block(f, 0);
  mk(bb0, "vt.br", NULL, 0, 0, 0, &bb1, 1);
  mk(bb1, "vt.br", NULL, 0, 0, 0, &bb0, 1);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "entry block of region may not have predecessors\n");
}

Test(verifier, count_mismatches_use_mlir_wording) {
  SmBlock *entry = new_func(NULL);
  SmOp *d = mk(entry, "vt.def", NULL, 0, 1, 0, NULL, 0);
  SmValue *v = sm_op_result(d, 0);
  mk(entry, "vt.add", &v, 1, 1, 0, NULL, 0);
  mk(entry, "vt.def", NULL, 0, 2, 0, NULL, 0);
  mk(entry, "vt.def", &v, 1, 1, 0, NULL, 0);
  mk(entry, "vt.use", NULL, 0, 1, 0, NULL, 0);
  mk(entry, "vt.use", NULL, 0, 0, 1, NULL, 0);
  mk(entry, "vt.ret", NULL, 0, 0, 0, &entry, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "'vt.add' op expected 2 operands, but found 1\n"
                            "'vt.def' op requires one result\n"
                            "'vt.def' op requires zero operands\n"
                            "'vt.use' op requires zero results\n"
                            "'vt.use' op requires zero regions\n");
}

Test(verifier, custom_verify_hook_runs) {
  SmBlock *entry = new_func(NULL);
  mk(entry, "vt.bad", NULL, 0, 0, 0, NULL, 0);
  mk(entry, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert_str_eq(F.diags, "'vt.bad' op custom verify failed\n");
}

Test(verifier, unreachable_block_uses_are_not_checked) {
  SmOp *f;
  SmBlock *bb0 = new_func(&f);
  SmBlock *dead = add_block(f, 0), *bb2 = add_block(f, 0);
  mk(bb0, "vt.br", NULL, 0, 0, 0, &bb2, 1);
  SmOp *d = mk(bb2, "vt.def", NULL, 0, 1, 0, NULL, 0);
  mk(bb2, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  SmValue *v = sm_op_result(d, 0);
  mk(dead, "vt.use", &v, 1, 0, 0, NULL, 0);
  mk(dead, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);
}

Test(verifier, verifying_a_nested_op_alone) {
  SmOp *f;
  SmBlock *entry = new_func(&f);
  SmOp *scope = mk(entry, "vt.scope", NULL, 0, 0, 1, NULL, 0);
  mk(entry, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  SmBlock *b = add_block(scope, 0);
  mk(b, "vt.use", &entry->args[0], 1, 0, 0, NULL, 0);
  mk(b, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  cr_assert(sm_op_verify(scope), "unexpected: %s", F.diags);
  cr_assert(sm_op_verify(f), "unexpected: %s", F.diags);
}

Test(verifier, long_block_chain_is_fast) {
  /* 50k blocks in a chain, every block using the entry's value: a naive
   * idom walk per use would be quadratic. */
  SmOp *f;
  SmBlock *prev = new_func(&f);
  SmValue *a = prev->args[0];
  enum { N = 50000 };
  for (int i = 0; i < N; i++) {
    SmBlock *next = add_block(f, 0);
    mk(prev, "vt.br", NULL, 0, 0, 0, &next, 1);
    mk(next, "vt.use", &a, 1, 0, 0, NULL, 0);
    prev = next;
  }
  mk(prev, "vt.ret", NULL, 0, 0, 0, NULL, 0);
  clock_t t0 = clock();
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);
  double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
  cr_assert_lt(s, 2.0, "verifying a 50k-block chain took %.3f s", s);
}

Test(verifier, many_ops_in_one_block_is_fast) {
  SmBlock *entry = new_func(NULL);
  SmValue *last = entry->args[0];
  enum { N = 200000 };
  for (int i = 0; i < N; i++) {
    SmValue *ops[2] = {last, entry->args[0]};
    last = sm_op_result(mk(entry, "vt.add", ops, 2, 1, 0, NULL, 0), 0);
  }
  mk(entry, "vt.ret", &last, 1, 0, 0, NULL, 0);
  clock_t t0 = clock();
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);
  double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
  cr_assert_lt(s, 1.0, "verifying 200k ops took %.3f s", s);
}

/* Nests n vt.scope ops inside the function body; the innermost uses the
 * function argument. */
static void nest_scopes(SmBlock *entry, int n) {
  SmBlock *b = entry;
  SmValue *a = entry->args[0];
  for (int i = 0; i < n; i++) {
    SmOp *s = mk(b, "vt.scope", NULL, 0, 0, 1, NULL, 0);
    mk(b, "vt.ret", NULL, 0, 0, 0, NULL, 0);
    b = add_block(s, 0);
  }
  mk(b, "vt.use", &a, 1, 0, 0, NULL, 0);
  mk(b, "vt.ret", NULL, 0, 0, 0, NULL, 0);
}

Test(verifier, deep_nesting_is_fine) {
  nest_scopes(new_func(NULL), 1000);
  cr_assert(sm_op_verify(F.module), "unexpected: %s", F.diags);
}

Test(verifier, pathological_nesting_is_an_error_not_a_crash) {
  nest_scopes(new_func(NULL), 5000);
  cr_assert_not(sm_op_verify(F.module));
  cr_assert(strstr(F.diags, "exceeds the maximum nesting depth"), "%s", F.diags);
}
