/* sm_kernel_index_range (dialects/kernel/kernel_ranges.c): the interval
 * arithmetic that kernel-split-padded-loops and the OpenCL C emitter use to
 * drop bounds checks. A bound that is too tight would remove a check that
 * can fail (a wrong read), so each case is also checked against every
 * concrete value the expression takes. */
#include <criterion/criterion.h>
#include <string.h>

#include "dialects/kernel/kernel.h"
#include "ir/ir.h"
#include "passes/smartmem/smartmem.h"

static SmContext *ctx;
static SmOp *mod;

static SmOp *parse(const char *src) {
  ctx = sm_context_create();
  sm_register_core_dialects(ctx);
  sm_register_smartmem_dialects(ctx);
  mod = sm_parse_source(ctx, src, strlen(src), "t.mlir", 0);
  cr_assert(mod, "parse failed");
  return mod;
}

static void done(void) {
  sm_op_destroy(mod);
  sm_context_destroy(ctx);
}

/* The n-th op (0-based) of the first kernel.func's body, or of the body of
 * the first loop in it when in_loop. */
static SmOp *nth(unsigned n, bool in_loop) {
  SmOp *f = mod->regions[0].first->first;
  SmBlock *b = f->regions[0].first;
  if (in_loop) {
    SmOp *l = b->first;
    while (l && !sm_op_name_is(l, "kernel.for") && !sm_op_name_is(l, "kernel.group_reduce")) l = l->next;
    cr_assert(l, "no loop");
    b = l->regions[0].first;
  }
  SmOp *op = b->first;
  for (unsigned i = 0; i < n && op; i++) op = op->next;
  cr_assert(op, "no op %u", n);
  return op;
}

static void expect(SmOp *op, int64_t lo, int64_t hi) {
  int64_t l = 0, h = 0;
  cr_assert(sm_kernel_index_range(&op->results[0], &l, &h), "%s has no range", op->name);
  cr_assert_eq(l, lo, "%s: lo %lld, expected %lld", op->name, (long long)l, (long long)lo);
  cr_assert_eq(h, hi, "%s: hi %lld, expected %lld", op->name, (long long)h, (long long)hi);
}

static const char *plain =
    "\"kernel.func\"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = \"k\", work_items = 10 : i64}> ({\n"
    "^bb0(%x: !kernel.buffer<f32>):\n"
    "  %g = \"kernel.global_id\"() : () -> index\n"                                                              /* 0 */
    "  %a = \"kernel.apply\"(%g) <{map = affine_map<(d0) -> (d0 mod 4)>}> : (index) -> index\n"                 /* 1 */
    "  %b = \"kernel.apply\"(%g) <{map = affine_map<(d0) -> (d0 floordiv 4)>}> : (index) -> index\n"            /* 2 */
    "  %c = \"kernel.apply\"(%g) <{map = affine_map<(d0) -> (d0 * 3 - 5)>}> : (index) -> index\n"               /* 3 */
    "  %d = \"kernel.apply\"(%c) <{map = affine_map<(d0) -> (d0 mod 4)>}> : (index) -> index\n"                 /* 4 */
    "  %e = \"kernel.apply\"(%c) <{map = affine_map<(d0) -> (d0 floordiv 4)>}> : (index) -> index\n"            /* 5 */
    "  %f = \"kernel.apply\"(%g) <{map = affine_map<(d0) -> (d0 ceildiv 4)>}> : (index) -> index\n"             /* 6 */
    "  %k = arith.constant 7 : index\n"                                                                          /* 7 */
    "  %h = \"kernel.apply\"(%g, %k) <{map = affine_map<(d0, d1) -> (d1 - d0 * 2)>}> : (index, index) -> index\n" /* 8 */
    "  %i = \"kernel.apply\"(%g) <{map = affine_map<(d0) -> ((d0 + 8) mod 8)>}> : (index) -> index\n"           /* 9 */
    "  %v = \"kernel.load\"(%x, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32\n" /* 10 */
    "  %vi = arith.fptosi %v : f32 to i64\n"                                                                     /* 11 */
    "  %u = arith.index_cast %vi : i64 to index\n"                                                               /* 12 */
    "  %w = \"kernel.apply\"(%u, %g) <{map = affine_map<(d0, d1) -> (d0 + d1)>}> : (index, index) -> index\n"   /* 13 */
    "  %z = arith.constant 0.0 : f32\n"                                                                          /* 14 */
    "  %r = \"kernel.for\"(%z) <{lower = 2 : i64, step = 1 : i64, upper = 7 : i64}> ({\n"
    "  ^bb0(%j: index, %acc: f32):\n"
    "    %p = \"kernel.apply\"(%j, %g) <{map = affine_map<(d0, d1) -> (d0 + d1 * 2)>}> : (index, index) -> index\n"
    "    %q = \"kernel.apply\"(%j) <{map = affine_map<(d0) -> (d0 - 64)>}> : (index) -> index\n"
    "    \"kernel.yield\"(%acc) : (f32) -> ()\n"
    "  }) : (f32) -> f32\n"
    "  \"kernel.store\"(%r, %x, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()\n"
    "}) : () -> ()\n";

Test(kernel_ranges, work_item_index_and_affine_chains) {
  parse(plain);
  expect(nth(0, false), 0, 9);
  expect(nth(1, false), 0, 3);
  expect(nth(2, false), 0, 2);
  expect(nth(3, false), -5, 22);
  expect(nth(4, false), 0, 3);  /* (-5 .. 22) mod 4: floor semantics */
  expect(nth(5, false), -2, 5); /* floor(-5 / 4) = -2 */
  expect(nth(6, false), 0, 3);  /* ceil(9 / 4) = 3 */
  expect(nth(7, false), 7, 7);
  expect(nth(8, false), -11, 7);
  expect(nth(9, false), 0, 7); /* 8 .. 17 spans two periods */
  done();
}

Test(kernel_ranges, loop_variables) {
  parse(plain);
  expect(nth(0, true), 2, 24); /* j in [2, 6], g in [0, 9] */
  expect(nth(1, true), -62, -58);
  done();
}

Test(kernel_ranges, unbounded_values_have_none) {
  parse(plain);
  int64_t lo, hi;
  cr_assert_not(sm_kernel_index_range(&nth(12, false)->results[0], &lo, &hi), "a loaded index has no range");
  cr_assert_not(sm_kernel_index_range(&nth(13, false)->results[0], &lo, &hi), "nor anything computed from it");
  done();
}

/* The bounds hold for every value: each apply evaluated at every work-item. */
Test(kernel_ranges, bounds_contain_every_value) {
  parse(plain);
  for (unsigned n = 1; n <= 9; n++) {
    SmOp *op = nth(n, false);
    if (!sm_op_name_is(op, "kernel.apply") || op->num_operands != 1) continue;
    int64_t lo, hi;
    cr_assert(sm_kernel_index_range(&op->results[0], &lo, &hi));
    SmAffineMap *m = sm_op_get_attr(op, "map")->map;
    SmOp *src = sm_value_defining_op(op->operands[0].value);
    for (int64_t g = 0; g < 10; g++) {
      int64_t x = g;
      if (sm_op_name_is(src, "kernel.apply")) x = sm_affine_expr_eval(sm_op_get_attr(src, "map")->map->results[0], &g, NULL);
      int64_t v = sm_affine_expr_eval(m->results[0], &x, NULL);
      cr_assert(v >= lo && v <= hi, "op %u at g = %lld: %lld outside [%lld, %lld]", n, (long long)g, (long long)v,
                (long long)lo, (long long)hi);
    }
  }
  done();
}

/* In a work-group kernel the global index is not bounded by work_items
 * (work_items groups of group_size); the group index is. */
Test(kernel_ranges, work_group_kernels) {
  parse("\"kernel.func\"() <{function_type = (!kernel.buffer<f32>) -> (), group_size = 4 : i64, sym_name = \"k\", "
        "work_items = 3 : i64}> ({\n"
        "^bb0(%x: !kernel.buffer<f32>):\n"
        "  %q = \"kernel.group_id\"() : () -> index\n"
        "  %g = \"kernel.global_id\"() : () -> index\n"
        "  %z = arith.constant 0.0 : f32\n"
        "  \"kernel.store\"(%z, %x, %q) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()\n"
        "}) : () -> ()\n");
  expect(nth(0, false), 0, 2);
  int64_t lo, hi;
  cr_assert_not(sm_kernel_index_range(&nth(1, false)->results[0], &lo, &hi));
  done();
}
