/* Bulk memory and the structures built on it: the op pool (ir/memory.c),
 * the per-file line index of file locations (ir/locations.c) and op states
 * that take a whole attribute dictionary. */
#include <criterion/criterion.h>
#include <string.h>

#include "ir/ir.h"

static const char *const k_mem_props[] = {"value", NULL};
static SmOpDef g_mem_ops[] = {
    {.name = "tmem.const", .num_results = 1, .props = k_mem_props},
};
static SmDialect g_mem_dialect = {.name = "tmem", .ops = g_mem_ops, .num_ops = 1};

static SmContext *ctx;

static void setup(void) {
  ctx = sm_context_create();
  sm_context_register_dialect(ctx, &g_mem_dialect);
  sm_context_set_allow_unregistered(ctx, true);
}

static void teardown(void) { sm_context_destroy(ctx); }

TestSuite(memory, .init = setup, .fini = teardown);

/* ---- File locations ------------------------------------------------------------ */

Test(memory, file_locs_same_line_many_columns) {
  SmLoc *l[50];
  for (unsigned c = 0; c < 50; c++) l[c] = sm_loc_file(ctx, "a.mlir", 7, c + 1);
  for (unsigned c = 0; c < 50; c++) {
    cr_assert_eq(sm_loc_file(ctx, "a.mlir", 7, c + 1), l[c]);
    cr_assert_eq(l[c]->kind, SM_LOC_FILE);
    cr_assert_eq(l[c]->file.line, 7);
    cr_assert_eq(l[c]->file.col, c + 1);
    for (unsigned d = 0; d < c; d++) cr_assert_neq(l[c], l[d]);
  }
  /* Same line and column, another file: another location. */
  cr_assert_neq(sm_loc_file(ctx, "b.mlir", 7, 1), l[0]);
  cr_assert_eq(sm_loc_file(ctx, "b.mlir", 7, 1)->file.file, sm_intern_cstr(ctx, "b.mlir"));
}

Test(memory, file_locs_far_lines_stay_unique) {
  /* A line far beyond the file's index goes to the generic table. */
  SmLoc *far = sm_loc_file(ctx, "f.mlir", 4000000000u, 3);
  SmLoc *mid = sm_loc_file(ctx, "f.mlir", 100000, 1);
  cr_assert_eq(sm_loc_file(ctx, "f.mlir", 4000000000u, 3), far);
  cr_assert_eq(far->file.line, 4000000000u);
  /* Enough locations that the index grows past line 100000: the location
   * made before must still be the one returned. */
  for (unsigned i = 0; i < 40000; i++) sm_loc_file(ctx, "f.mlir", i, 1);
  cr_assert_eq(sm_loc_file(ctx, "f.mlir", 100000, 1), mid);
  cr_assert_eq(sm_loc_file(ctx, "f.mlir", 4000000000u, 3), far);
  SmLoc *fresh = sm_loc_file(ctx, "f.mlir", 100000, 2);
  cr_assert_neq(fresh, mid);
  cr_assert_eq(sm_loc_file(ctx, "f.mlir", 100000, 2), fresh);
  for (unsigned i = 0; i < 40000; i += 997) {
    SmLoc *l = sm_loc_file(ctx, "f.mlir", i, 1);
    cr_assert_eq(l->file.line, i);
    cr_assert_eq(l, sm_loc_file(ctx, "f.mlir", i, 1));
  }
}

Test(memory, file_locs_inside_other_locations) {
  SmLoc *a = sm_loc_file(ctx, "x", 1, 1);
  SmLoc *n = sm_loc_name(ctx, "n", a);
  cr_assert_eq(sm_loc_name(ctx, "n", sm_loc_file(ctx, "x", 1, 1)), n);
  cr_assert_eq(sm_loc_find_file(n), a);
}

/* ---- Op pool -------------------------------------------------------------------- */

static SmOp *make_op(unsigned nres, unsigned nopnd, SmValue **vals) {
  SmOpState st;
  sm_op_state_init(&st, ctx, "tmem.any", NULL);
  for (unsigned i = 0; i < nres; i++) sm_op_state_add_result(&st, sm_type_integer(ctx, 32, SM_SIGNLESS));
  for (unsigned i = 0; i < nopnd; i++) sm_op_state_add_operand(&st, vals[i]);
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  return op;
}

Test(memory, pool_ops_of_every_size_reused) {
  SmOp *src = make_op(1, 0, NULL);
  SmValue *v[200];
  for (unsigned i = 0; i < 200; i++) v[i] = sm_op_result(src, 0);
  /* Sizes from a few bytes past the op up to beyond the largest class
   * (those come from malloc), created, checked, freed, created again. */
  for (int round = 0; round < 3; round++) {
    SmOp *ops[120];
    for (unsigned i = 0; i < 120; i++) {
      ops[i] = make_op(i % 7, i, v);
      cr_assert_eq(sm_op_context(ops[i]), ctx);
      cr_assert_eq(ops[i]->num_results, i % 7);
      cr_assert_eq(ops[i]->num_operands, i);
      for (unsigned k = 0; k < i; k++) cr_assert_eq(sm_op_operand(ops[i], k), v[k]);
      for (unsigned r = 0; r < i % 7; r++) cr_assert_eq(sm_op_result(ops[i], r)->owner.op, ops[i]);
    }
    for (unsigned i = 0; i < 120; i += 2) sm_op_destroy(ops[i]);
    for (unsigned i = 0; i < 120; i += 2) ops[i] = make_op(i % 7, i, v);
    for (unsigned i = 0; i < 120; i++) {
      cr_assert_eq(ops[i]->num_operands, i);
      for (unsigned k = 0; k < i; k++) cr_assert_eq(sm_op_operand(ops[i], k), v[k]);
    }
    for (unsigned i = 0; i < 120; i++) sm_op_destroy(ops[i]);
  }
  cr_assert_null(sm_op_result(src, 0)->uses);
  sm_op_destroy(src);
}

Test(memory, pool_operands_grow_out_of_line) {
  SmOp *src = make_op(1, 0, NULL);
  SmValue *v[64];
  for (unsigned i = 0; i < 64; i++) v[i] = sm_op_result(src, 0);
  SmOp *op = make_op(0, 2, v);
  sm_op_set_operands(op, v, 64);
  cr_assert_eq(op->num_operands, 64);
  sm_op_set_operands(op, v, 1);
  cr_assert_eq(op->num_operands, 1);
  sm_op_destroy(op);
  SmOp *again = make_op(0, 2, v);
  cr_assert_eq(sm_op_operand(again, 1), v[1]);
  sm_op_destroy(again);
  sm_op_destroy(src);
}

Test(memory, many_ops_across_chunks) {
  SmOp *src = make_op(1, 0, NULL);
  SmValue *v = sm_op_result(src, 0);
  enum { N = 50000 };
  SmOp **ops = malloc(N * sizeof *ops);
  for (unsigned i = 0; i < N; i++) ops[i] = make_op(1, 1, &v);
  unsigned uses = 0;
  for (SmUse *u = v->uses; u; u = u->next) uses++;
  cr_assert_eq(uses, N);
  for (unsigned i = 0; i < N; i++) sm_op_destroy(ops[i]);
  free(ops);
  cr_assert_null(v->uses);
  sm_op_destroy(src);
}

/* ---- Whole attribute dictionaries in op states ------------------------------------ */

Test(memory, state_attr_dict_kept_as_is) {
  SmNamedAttr e[] = {{"b", sm_attr_unit(ctx)}, {"a", sm_attr_bool(ctx, true)}};
  SmAttr *dict = sm_attr_dict(ctx, 2, e);
  SmOpState st;
  sm_op_state_init(&st, ctx, "tmem.other", NULL);
  sm_op_state_set_attr_dict(&st, dict);
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  cr_assert_eq(op->attrs, dict);
  cr_assert_null(op->props);
  sm_op_destroy(op);
}

Test(memory, state_attr_dict_then_more_attrs) {
  SmNamedAttr e[] = {{"b", sm_attr_unit(ctx)}};
  SmAttr *dict = sm_attr_dict(ctx, 1, e);
  SmOpState st;
  sm_op_state_init(&st, ctx, "tmem.other", NULL);
  sm_op_state_set_attr_dict(&st, dict);
  sm_op_state_add_attr(&st, "a", sm_attr_bool(ctx, false));
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  cr_assert_eq(op->attrs->dict.count, 2);
  cr_assert_eq(sm_op_get_attr(op, "b"), sm_attr_unit(ctx));
  cr_assert_eq(sm_op_get_attr(op, "a"), sm_attr_bool(ctx, false));
  sm_op_destroy(op);

  /* Entries first, then a dictionary: all of them. */
  sm_op_state_init(&st, ctx, "tmem.other", NULL);
  sm_op_state_add_attr(&st, "a", sm_attr_bool(ctx, false));
  sm_op_state_set_attr_dict(&st, dict);
  op = sm_op_create(&st);
  sm_op_state_release(&st);
  cr_assert_eq(op->attrs->dict.count, 2);
  sm_op_destroy(op);
}

Test(memory, state_attr_dict_splits_props_of_registered_op) {
  SmNamedAttr e[] = {{"value", sm_attr_unit(ctx)}, {"extra", sm_attr_bool(ctx, true)}};
  SmAttr *dict = sm_attr_dict(ctx, 2, e);
  SmOpState st;
  sm_op_state_init(&st, ctx, "tmem.const", NULL);
  sm_op_state_add_result(&st, sm_type_integer(ctx, 32, SM_SIGNLESS));
  sm_op_state_set_attr_dict(&st, dict);
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  cr_assert_not_null(op->props);
  cr_assert_eq(op->props->dict.count, 1);
  cr_assert_eq(sm_dict_get(op->props, "value"), sm_attr_unit(ctx));
  cr_assert_eq(op->attrs->dict.count, 1);
  cr_assert_eq(sm_dict_get(op->attrs, "extra"), sm_attr_bool(ctx, true));
  sm_op_destroy(op);
}
