/* Commutative handling of canonicalize and cse on ops with more than two
 * operands (arith's are binary, so lit cannot reach these paths), and the
 * arith pattern hooks' registration. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "passes/pass.h"
#include "passes/passes.h"
#include "ir/rewrite.h"

static SmOpDef cm_ops[] = {
    {.name = "cm.sum", .num_operands = SM_VARIADIC, .num_results = 1,
     .traits = SM_TRAIT_PURE | SM_TRAIT_COMMUTATIVE},
    {.name = "cm.cat", .num_operands = SM_VARIADIC, .num_results = 1, .traits = SM_TRAIT_PURE},
};
static SmDialect cm_dialect = {"cm", "commutative test ops", cm_ops, 2, NULL};

static SmContext *cm_ctx;

static void cm_setup(void) {
  cm_ctx = sm_context_create();
  sm_register_core_dialects(cm_ctx);
  sm_context_register_dialect(cm_ctx, &cm_dialect);
  sm_register_builtin_passes();
}
static void cm_teardown(void) { sm_context_destroy(cm_ctx); }

static SmOp *cm_parse(const char *src) {
  SmOp *m = sm_parse_source(cm_ctx, src, strlen(src), "cm.mlir", 0);
  cr_assert_not_null(m);
  return m;
}

static char *cm_print(SmOp *op) {
  SmStrBuf b = {0};
  SmPrintFlags f = {0};
  sm_op_print(op, &b, &f);
  return b.data;
}

static void cm_run(SmOp *m, const char *pipeline) {
  SmPassManager *pm = sm_pass_manager_create(cm_ctx, "builtin.module");
  cr_assert(sm_pass_pipeline_parse(pm, pipeline, strlen(pipeline)));
  cr_assert(sm_pass_manager_run(pm, m));
  sm_pass_manager_destroy(pm);
}

TestSuite(canon_commutative, .init = cm_setup, .fini = cm_teardown);

Test(canon_commutative, constants_move_right_stably) {
  SmOp *m = cm_parse("func.func @f(%a: i32, %b: i32) -> (i32, i32, i32) {\n"
                     "  %c1 = arith.constant 1 : i32\n"
                     "  %c2 = arith.constant 2 : i32\n"
                     "  %0 = \"cm.sum\"(%c1, %a, %c2, %b) : (i32, i32, i32, i32) -> i32\n"
                     "  %1 = \"cm.cat\"(%c1, %a) : (i32, i32) -> i32\n"
                     "  %2 = \"cm.sum\"(%a, %c2, %c1) : (i32, i32, i32) -> i32\n"
                     "  return %0, %1, %2 : i32, i32, i32\n"
                     "}\n");
  cm_run(m, "builtin.module(canonicalize)");
  char *out = cm_print(m);
  /* Non-constants keep their order, then the constants in theirs. */
  cr_assert(strstr(out, "\"cm.sum\"(%arg0, %arg1, %c1_i32, %c2_i32)"), "%s", out);
  /* Not commutative: untouched. */
  cr_assert(strstr(out, "\"cm.cat\"(%c1_i32, %arg0)"), "%s", out);
  /* Already in place (constants last, in any order among themselves). */
  cr_assert(strstr(out, "\"cm.sum\"(%arg0, %c2_i32, %c1_i32)"), "%s", out);
  free(out);
  sm_op_destroy(m);
}

Test(canon_commutative, cse_compares_operands_as_a_multiset) {
  SmOp *m = cm_parse("func.func @f(%a: i32, %b: i32, %c: i32) -> (i32, i32, i32, i32, i32) {\n"
                     "  %0 = \"cm.sum\"(%a, %b, %c) : (i32, i32, i32) -> i32\n"
                     "  %1 = \"cm.sum\"(%c, %a, %b) : (i32, i32, i32) -> i32\n"
                     "  %2 = \"cm.sum\"(%a, %a, %b) : (i32, i32, i32) -> i32\n"
                     "  %3 = \"cm.sum\"(%a, %b, %b) : (i32, i32, i32) -> i32\n"
                     "  %4 = \"cm.cat\"(%c, %a, %b) : (i32, i32, i32) -> i32\n"
                     "  return %0, %1, %2, %3, %4 : i32, i32, i32, i32, i32\n"
                     "}\n");
  /* %1 is %0; {a, a, b} and {a, b, b} differ; cat is ordered. */
  cr_assert_eq(sm_cse(m), 1);
  char *out = cm_print(m);
  cr_assert(strstr(out, "return %0, %0, %1, %2, %3"), "%s", out);
  free(out);
  sm_op_destroy(m);
}

Test(canon_commutative, cse_many_operands) {
  /* More than 8 operands takes the heap path. */
  SmOp *m = cm_parse("func.func @f(%a: i32, %b: i32) -> (i32, i32, i32) {\n"
                     "  %0 = \"cm.sum\"(%a, %b, %a, %a, %a, %a, %a, %a, %a, %b) : "
                     "(i32, i32, i32, i32, i32, i32, i32, i32, i32, i32) -> i32\n"
                     "  %1 = \"cm.sum\"(%b, %b, %a, %a, %a, %a, %a, %a, %a, %a) : "
                     "(i32, i32, i32, i32, i32, i32, i32, i32, i32, i32) -> i32\n"
                     "  %2 = \"cm.sum\"(%b, %b, %b, %a, %a, %a, %a, %a, %a, %a) : "
                     "(i32, i32, i32, i32, i32, i32, i32, i32, i32, i32) -> i32\n"
                     "  return %0, %1, %2 : i32, i32, i32\n"
                     "}\n");
  cr_assert_eq(sm_cse(m), 1);
  sm_op_destroy(m);
}

Test(canon_commutative, arith_hooks_registered_once_per_op) {
  SmPatternSet *set = sm_pattern_set_create(cm_ctx);
  sm_pattern_set_add_canonicalizations(set);
  unsigned addi = 0, select = 0, constant = 0;
  for (unsigned i = 0; i < set->count; i++) {
    const char *r = set->patterns[i].root;
    if (!r) continue;
    addi += strcmp(r, "arith.addi") == 0;
    select += strcmp(r, "arith.select") == 0;
    constant += strcmp(r, "arith.constant") == 0;
  }
  cr_assert_eq(addi, 4, "addi: AddIAddConstant, AddISubConstantRHS/LHS, AddIMulNegativeOne");
  cr_assert_eq(select, 3);
  cr_assert_eq(constant, 0);
  sm_pattern_set_destroy(set);
}
