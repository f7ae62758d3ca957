/* OpenCL plan check (backend/opencl/plan_check.c) on the work-group kernel
 * ops of the fast kernels (kernel.group_id, group_reduce, group_for,
 * group_size on kernel.func) and clamped register-tile indices
 * (arith.minsi/maxsi on index). Hand-written kernel IR, parsed with
 * unregistered ops allowed so it holds whether or not the kernel dialect
 * registers the group ops yet; the verifier is not run. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "backend/opencl/plan_check.h"
#include "ir/ir.h"
#include "passes/smartmem/smartmem.h"

static char diags[4096];

static void record(const SmDiagnostic *d, void *user) {
  (void)user;
  size_t n = strlen(diags);
  unsigned line = d->loc && d->loc->kind == SM_LOC_FILE ? d->loc->file.line : 0;
  snprintf(diags + n, sizeof diags - n, "%u: %s\n", line, d->message);
}

/* Runs the plan check on src with each "@N@" replaced by n; true when it
 * proves every access. */
static bool check(const char *src, int n) {
  char buf[8192], num[16];
  snprintf(num, sizeof num, "%d", n);
  size_t o = 0;
  for (const char *s = src; *s && o + 16 < sizeof buf;) {
    if (!strncmp(s, "@N@", 3)) {
      o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", num);
      s += 3;
    } else {
      buf[o++] = *s++;
    }
  }
  buf[o] = 0;
  diags[0] = 0;
  SmContext *ctx = sm_context_create();
  sm_register_core_dialects(ctx);
  sm_register_smartmem_dialects(ctx);
  sm_context_set_allow_unregistered(ctx, true);
  sm_context_set_diag_handler(ctx, record, NULL);
  SmOp *m = sm_parse_source(ctx, buf, strlen(buf), "t.mlir", 0);
  cr_assert(m, "parse failed: %s", diags);
  bool ok = sm_opencl_plan_check(m, 0, NULL);
  sm_op_destroy(m);
  sm_context_destroy(ctx);
  return ok;
}

/* Row normalisation as one work-group kernel: 2 groups of 4 work-items, a
 * sum over the row (group_reduce), then the row stored (group_for, @N@
 * iterations). */
static const char *norm =
    "\"kernel.func\"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), group_size = 4 : i64, "
    "sym_name = \"norm\", work_items = 2 : i64}> ({\n"
    "^bb0(%x: !kernel.buffer<f32>, %y: !kernel.buffer<f32>):\n"
    "  %g = \"kernel.group_id\"() : () -> index\n"
    "  %z = arith.constant 0.0 : f32\n"
    "  %s = \"kernel.group_reduce\"(%z) <{kind = \"arith.addf\", lower = 0 : i64, step = 1 : i64, upper = 8 : i64}> ({\n"
    "  ^bb0(%i: index, %acc: f32):\n"
    "    %v = \"kernel.load\"(%x, %g, %i) <{map = affine_map<(d0, d1) -> (d0 * 8 + d1)>}> : (!kernel.buffer<f32>, index, "
    "index) -> f32\n"
    "    %n = arith.addf %acc, %v : f32\n"
    "    \"kernel.yield\"(%n) : (f32) -> ()\n"
    "  }) : (f32) -> f32\n"
    "  \"kernel.group_for\"() <{lower = 0 : i64, step = 1 : i64, upper = @N@ : i64}> ({\n"
    "  ^bb0(%j: index):\n"
    "    %v = \"kernel.load\"(%x, %g, %j) <{map = affine_map<(d0, d1) -> (d0 * 8 + d1)>}> : (!kernel.buffer<f32>, index, "
    "index) -> f32\n"
    "    %q = arith.divf %v, %s : f32\n"
    "    \"kernel.store\"(%q, %y, %g, %j) <{map = affine_map<(d0, d1) -> (d0 * 8 + d1)>}> : (f32, !kernel.buffer<f32>, "
    "index, index) -> ()\n"
    "    \"kernel.yield\"() : () -> ()\n"
    "  }) : () -> ()\n"
    "}) : () -> ()\n"
    "\"kernel.host\"() <{sym_name = \"main\"}> ({\n"
    "  %x = \"kernel.input\"() <{index = 0 : i64, type = tensor<2x8xf32>}> : () -> !kernel.buffer<f32>\n"
    "  %y = \"kernel.alloc\"() <{type = tensor<2x8xf32>}> : () -> !kernel.buffer<f32>\n"
    "  \"kernel.launch\"(%x, %y) <{callee = @norm, work_items = 2 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) "
    "-> ()\n"
    "  \"kernel.output\"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()\n"
    "}) : () -> ()\n";

Test(plan_check, group_kernel_in_bounds) { cr_assert(check(norm, 8), "%s", diags); }

Test(plan_check, group_for_past_the_row) {
  cr_assert(!check(norm, 9));
  cr_assert(strstr(diags, "13: 'kernel.load' op OpenCL plan check: @norm reads elements [0, 16] of argument #0, which has 16"),
            "%s", diags);
}

/* The global id of a work-group kernel counts work-items, not groups:
 * 2 groups of 4 reach global ids 0..7. */
static const char *gid_in_group =
    "\"kernel.func\"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), group_size = 4 : i64, "
    "sym_name = \"k\", work_items = 2 : i64}> ({\n"
    "^bb0(%x: !kernel.buffer<f32>, %y: !kernel.buffer<f32>):\n"
    "  %i = \"kernel.global_id\"() : () -> index\n"
    "  %v = \"kernel.load\"(%x, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32\n"
    "  \"kernel.store\"(%v, %y, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()\n"
    "}) : () -> ()\n"
    "\"kernel.host\"() <{sym_name = \"main\"}> ({\n"
    "  %x = \"kernel.input\"() <{index = 0 : i64, type = tensor<@N@xf32>}> : () -> !kernel.buffer<f32>\n"
    "  %y = \"kernel.alloc\"() <{type = tensor<@N@xf32>}> : () -> !kernel.buffer<f32>\n"
    "  \"kernel.launch\"(%x, %y) <{callee = @k, work_items = 2 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()\n"
    "}) : () -> ()\n";

Test(plan_check, global_id_of_group_kernel) {
  cr_assert(check(gid_in_group, 8), "%s", diags);
  cr_assert(!check(gid_in_group, 2));
  cr_assert(strstr(diags, "@k reads elements [0, 7] of argument #0, which has 2"), "%s", diags);
}

/* A group id outside a work-group kernel has no meaning: refused. */
Test(plan_check, group_id_needs_group_size) {
  const char *src =
      "\"kernel.func\"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = \"k\", work_items = @N@ : i64}> ({\n"
      "^bb0(%y: !kernel.buffer<f32>):\n"
      "  %g = \"kernel.group_id\"() : () -> index\n"
      "  %z = arith.constant 0.0 : f32\n"
      "  \"kernel.store\"(%z, %y, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()\n"
      "}) : () -> ()\n"
      "\"kernel.host\"() <{sym_name = \"main\"}> ({\n"
      "  %y = \"kernel.alloc\"() <{type = tensor<4xf32>}> : () -> !kernel.buffer<f32>\n"
      "  \"kernel.launch\"(%y) <{callee = @k, work_items = 4 : i64}> : (!kernel.buffer<f32>) -> ()\n"
      "}) : () -> ()\n";
  cr_assert(!check(src, 4));
  cr_assert(strstr(diags, "3: 'kernel.group_id' op OpenCL plan check: kernel.group_id in a kernel.func without a 'group_size'"),
            "%s", diags);
}

/* A ragged register tile: work-item t computes points 4t .. 4t + 3 of 10,
 * the last tile clamped with minsi (maxsi keeps a shifted index >= 0). */
static const char *tile =
    "\"kernel.func\"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = \"t\", "
    "work_items = 3 : i64}> ({\n"
    "^bb0(%x: !kernel.buffer<f32>, %y: !kernel.buffer<f32>):\n"
    "  %i = \"kernel.global_id\"() : () -> index\n"
    "  %last = arith.constant @N@ : index\n"
    "  %zero = arith.constant 0 : index\n"
    "  %b = \"kernel.apply\"(%i) <{map = affine_map<(d0) -> (d0 * 4)>}> : (index) -> index\n"
    "  %p3 = \"kernel.apply\"(%i) <{map = affine_map<(d0) -> (d0 * 4 + 3)>}> : (index) -> index\n"
    "  %c3 = arith.minsi %p3, %last : index\n"
    "  %m1 = \"kernel.apply\"(%i) <{map = affine_map<(d0) -> (d0 * 4 - 1)>}> : (index) -> index\n"
    "  %c0 = arith.maxsi %m1, %zero : index\n"
    "  %v0 = \"kernel.load\"(%x, %c0) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32\n"
    "  %v3 = \"kernel.load\"(%x, %c3) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32\n"
    "  %s = arith.addf %v0, %v3 : f32\n"
    "  \"kernel.store\"(%s, %y, %c3) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()\n"
    "  \"kernel.store\"(%s, %y, %b) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()\n"
    "}) : () -> ()\n"
    "\"kernel.host\"() <{sym_name = \"main\"}> ({\n"
    "  %x = \"kernel.input\"() <{index = 0 : i64, type = tensor<10xf32>}> : () -> !kernel.buffer<f32>\n"
    "  %y = \"kernel.alloc\"() <{type = tensor<10xf32>}> : () -> !kernel.buffer<f32>\n"
    "  \"kernel.launch\"(%x, %y) <{callee = @t, work_items = 3 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()\n"
    "}) : () -> ()\n";

Test(plan_check, clamped_register_tile) {
  cr_assert(check(tile, 9), "%s", diags);
  /* Clamped to 10: one past the end. */
  cr_assert(!check(tile, 10));
  cr_assert(strstr(diags, "@t reads elements [3, 10] of argument #0, which has 10"), "%s", diags);
}

/* A max-reduction's result stays within its values' range, so a group
 * reduction of indices (here the row's last id, all < 8) may index; a sum
 * of them may not. */
static const char *argmax =
    "\"kernel.func\"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), group_size = 2 : i64, "
    "sym_name = \"r\", work_items = 1 : i64}> ({\n"
    "^bb0(%x: !kernel.buffer<f32>, %y: !kernel.buffer<f32>):\n"
    "  %z = arith.constant 0.0 : f32\n"
    "  %s = \"kernel.group_reduce\"(%z) <{kind = \"@N@\", lower = 0 : i64, step = 1 : i64, upper = 8 : i64}> ({\n"
    "  ^bb0(%i: index, %acc: f32):\n"
    "    %ii = arith.index_cast %i : index to i64\n"
    "    %f = arith.sitofp %ii : i64 to f32\n"
    "    %n = arith.maximumf %acc, %f : f32\n"
    "    \"kernel.yield\"(%n) : (f32) -> ()\n"
    "  }) : (f32) -> f32\n"
    "  %k = arith.fptosi %s : f32 to i64\n"
    "  %ki = arith.index_cast %k : i64 to index\n"
    "  %v = \"kernel.load\"(%x, %ki) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32\n"
    "  %c0 = arith.constant 0 : index\n"
    "  \"kernel.store\"(%v, %y, %c0) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()\n"
    "}) : () -> ()\n"
    "\"kernel.host\"() <{sym_name = \"main\"}> ({\n"
    "  %x = \"kernel.input\"() <{index = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>\n"
    "  %y = \"kernel.alloc\"() <{type = tensor<1xf32>}> : () -> !kernel.buffer<f32>\n"
    "  \"kernel.launch\"(%x, %y) <{callee = @r, work_items = 1 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()\n"
    "}) : () -> ()\n";

static bool check_kind(const char *kind) {
  char buf[8192];
  const char *at = strstr(argmax, "@N@");
  snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - argmax), argmax, kind, at + 3);
  return check(buf, 0);
}

Test(plan_check, group_reduce_kinds) {
  cr_assert(check_kind("arith.maximumf"), "%s", diags);
  cr_assert(!check_kind("arith.addf"));
  cr_assert(strstr(diags, "cannot prove that @r reads inside its buffer"), "%s", diags);
}

/* An op with a region the check does not model (here an unknown one holding
 * a load) is refused, not skipped: its accesses would go unchecked. */
Test(plan_check, unknown_region_refused) {
  const char *src =
      "\"kernel.func\"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = \"k\", "
      "work_items = @N@ : i64}> ({\n"
      "^bb0(%x: !kernel.buffer<f32>, %y: !kernel.buffer<f32>):\n"
      "  %i = \"kernel.global_id\"() : () -> index\n"
      "  \"tst.wrap\"() ({\n"
      "    %v = \"kernel.load\"(%x, %i) <{map = affine_map<(d0) -> (d0 + 100)>}> : (!kernel.buffer<f32>, index) -> f32\n"
      "    \"kernel.store\"(%v, %y, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()\n"
      "  }) : () -> ()\n"
      "}) : () -> ()\n"
      "\"kernel.host\"() <{sym_name = \"main\"}> ({\n"
      "  %x = \"kernel.input\"() <{index = 0 : i64, type = tensor<4xf32>}> : () -> !kernel.buffer<f32>\n"
      "  %y = \"kernel.alloc\"() <{type = tensor<4xf32>}> : () -> !kernel.buffer<f32>\n"
      "  \"kernel.launch\"(%x, %y) <{callee = @k, work_items = 4 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()\n"
      "}) : () -> ()\n";
  cr_assert(!check(src, 4));
  cr_assert(strstr(diags, "4: 'tst.wrap' op OpenCL plan check: cannot check the accesses inside 'tst.wrap'"), "%s", diags);
}
