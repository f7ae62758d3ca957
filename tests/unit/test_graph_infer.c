/* graph dialect: shape inference and the verifier's use of it. */
#include <criterion/criterion.h>
#include <string.h>

#include "dialects/graph/graph.h"
#include "ir/ir.h"

static SmContext *gctx;
static unsigned gerrors;

static void count_diag(const SmDiagnostic *d, void *user) {
  (void)d;
  (void)user;
  gerrors++;
}

static void gsetup(void) {
  gctx = sm_context_create();
  sm_register_core_dialects(gctx);
  sm_register_graph_dialect(gctx);
  sm_context_set_diag_handler(gctx, count_diag, NULL);
  gerrors = 0;
}
static void gteardown(void) { sm_context_destroy(gctx); }

TestSuite(graph_infer, .init = gsetup, .fini = gteardown);

static SmType *T(unsigned rank, const int64_t *dims) {
  return sm_type_tensor(gctx, rank, dims, sm_type_f32(gctx), NULL);
}

static SmAttr *props1(const char *name, SmAttr *v) {
  SmNamedAttr e = {sm_intern_cstr(gctx, name), v};
  return sm_attr_dict(gctx, 1, &e);
}

static SmType *infer1(const char *op, SmAttr *props, unsigned n, SmType *const *ins) {
  SmType *out[4];
  unsigned nout = 0;
  if (!sm_graph_infer(gctx, sm_loc_unknown(gctx), op, props, n, ins, 4, out, &nout)) return NULL;
  return nout == 1 ? out[0] : NULL;
}

static void expect_dims(SmType *t, unsigned rank, const int64_t *dims) {
  cr_assert_not_null(t);
  cr_assert_eq(t->shaped.rank, rank);
  for (unsigned i = 0; i < rank; i++) cr_expect_eq(t->shaped.dims[i], dims[i], "dim %u", i);
}

Test(graph_infer, broadcast_add) {
  int64_t a[] = {2, 1, 4}, b[] = {3, 1}, want[] = {2, 3, 4};
  SmType *ins[] = {T(3, a), T(2, b)};
  expect_dims(infer1("graph.add", NULL, 2, ins), 3, want);
  int64_t c[] = {5};
  SmType *bad[] = {T(3, a), T(1, c)};
  cr_expect_null(infer1("graph.add", NULL, 2, bad));
  cr_expect_eq(gerrors, 1);
}

Test(graph_infer, conv_strides_pads_groups) {
  int64_t x[] = {1, 8, 15, 15}, w[] = {16, 2, 3, 3}, want[] = {1, 16, 8, 8};
  int64_t pads[] = {1, 1, 1, 1}, strides[] = {2, 2};
  SmNamedAttr e[] = {{sm_intern_cstr(gctx, "group"), sm_attr_integer(gctx, sm_type_integer(gctx, 64, SM_SIGNLESS), 4)},
                     {sm_intern_cstr(gctx, "pads"), sm_attr_dense_array_i64(gctx, 4, pads)},
                     {sm_intern_cstr(gctx, "strides"), sm_attr_dense_array_i64(gctx, 2, strides)}};
  SmType *ins[] = {T(4, x), T(4, w)};
  expect_dims(infer1("graph.conv", sm_attr_dict(gctx, 3, e), 2, ins), 4, want);
}

Test(graph_infer, max_pool_ceil_mode) {
  int64_t x[] = {1, 64, 111, 111}, k[] = {3, 3}, s[] = {2, 2}, want[] = {1, 64, 55, 55};
  SmNamedAttr e[] = {{sm_intern_cstr(gctx, "ceil_mode"), sm_attr_integer(gctx, sm_type_integer(gctx, 64, SM_SIGNLESS), 1)},
                     {sm_intern_cstr(gctx, "kernel_shape"), sm_attr_dense_array_i64(gctx, 2, k)},
                     {sm_intern_cstr(gctx, "strides"), sm_attr_dense_array_i64(gctx, 2, s)}};
  SmType *ins[] = {T(4, x)};
  expect_dims(infer1("graph.max_pool", sm_attr_dict(gctx, 3, e), 1, ins), 4, want);
}

Test(graph_infer, matmul_batched_broadcast) {
  int64_t a[] = {2, 1, 3, 4}, b[] = {5, 4, 6}, want[] = {2, 5, 3, 6};
  SmType *ins[] = {T(4, a), T(3, b)};
  expect_dims(infer1("graph.matmul", NULL, 2, ins), 4, want);
  int64_t v[] = {4}, want2[] = {2, 1, 3};
  SmType *ins2[] = {T(4, a), T(1, v)};
  expect_dims(infer1("graph.matmul", NULL, 2, ins2), 3, want2);
}

Test(graph_infer, reshape_zero_and_minus_one) {
  int64_t x[] = {2, 3, 4}, shape[] = {0, -1}, want[] = {2, 12};
  SmType *ins[] = {T(3, x)};
  expect_dims(infer1("graph.reshape", props1("shape", sm_attr_dense_array_i64(gctx, 2, shape)), 1, ins), 2, want);
  int64_t bad[] = {5, -1};
  cr_expect_null(infer1("graph.reshape", props1("shape", sm_attr_dense_array_i64(gctx, 2, bad)), 1, ins));
}

Test(graph_infer, slice_negative_step_and_clamping) {
  int64_t x[] = {10, 6};
  int64_t starts[] = {-1, 1}, ends[] = {INT64_MIN, 1000}, axes[] = {0, 1}, steps[] = {-3, 2};
  SmNamedAttr e[] = {{sm_intern_cstr(gctx, "axes"), sm_attr_dense_array_i64(gctx, 2, axes)},
                     {sm_intern_cstr(gctx, "ends"), sm_attr_dense_array_i64(gctx, 2, ends)},
                     {sm_intern_cstr(gctx, "starts"), sm_attr_dense_array_i64(gctx, 2, starts)},
                     {sm_intern_cstr(gctx, "steps"), sm_attr_dense_array_i64(gctx, 2, steps)}};
  SmType *ins[] = {T(2, x)};
  int64_t want[] = {4, 3}; /* rows 9,6,3,0; cols 1,3,5 */
  expect_dims(infer1("graph.slice", sm_attr_dict(gctx, 4, e), 1, ins), 2, want);
}

Test(graph_infer, split_results_and_bad_sizes) {
  int64_t x[] = {4, 10}, sizes[] = {3, 7};
  SmNamedAttr e[] = {{sm_intern_cstr(gctx, "axis"), sm_attr_integer(gctx, sm_type_integer(gctx, 64, SM_SIGNLESS), 1)},
                     {sm_intern_cstr(gctx, "split"), sm_attr_dense_array_i64(gctx, 2, sizes)}};
  SmType *ins[] = {T(2, x)}, *out[4];
  unsigned n = 0;
  cr_assert(sm_graph_infer(gctx, sm_loc_unknown(gctx), "graph.split", sm_attr_dict(gctx, 2, e), 1, ins, 4, out, &n));
  cr_assert_eq(n, 2);
  cr_expect_eq(out[0]->shaped.dims[1], 3);
  cr_expect_eq(out[1]->shaped.dims[1], 7);
  int64_t bad[] = {3, 3};
  e[1].value = sm_attr_dense_array_i64(gctx, 2, bad);
  cr_expect_not(sm_graph_infer(gctx, sm_loc_unknown(gctx), "graph.split", sm_attr_dict(gctx, 2, e), 1, ins, 4, out, &n));
}

Test(graph_infer, gather_and_transpose) {
  int64_t x[] = {5, 6, 7}, idx[] = {2, 3}, want[] = {5, 2, 3, 7};
  SmType *ins[] = {T(3, x), sm_type_tensor(gctx, 2, idx, sm_type_integer(gctx, 64, SM_SIGNLESS), NULL)};
  expect_dims(infer1("graph.gather", props1("axis", sm_attr_integer(gctx, sm_type_integer(gctx, 64, SM_SIGNLESS), 1)), 2, ins), 4, want);
  int64_t perm[] = {2, 0, 1}, want2[] = {7, 5, 6};
  expect_dims(infer1("graph.transpose", props1("perm", sm_attr_dense_array_i64(gctx, 3, perm)), 1, ins), 3, want2);
  int64_t notperm[] = {0, 0, 1};
  cr_expect_null(infer1("graph.transpose", props1("perm", sm_attr_dense_array_i64(gctx, 3, notperm)), 1, ins));
}

Test(graph_infer, verifier_rejects_wrong_result_type) {
  const char *src =
      "func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x5xf32> {\n"
      "  %0 = \"graph.matmul\"(%a, %b) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x5xf32>\n"
      "  func.return %0 : tensor<2x5xf32>\n"
      "}\n";
  SmOp *m = sm_parse_source(gctx, src, strlen(src), "t.mlir", 0);
  cr_assert_not_null(m);
  cr_expect_not(sm_op_verify(m));
  cr_expect_geq(gerrors, 1);
  sm_op_destroy(m);
}
