/* Reference interpreter kernels on small tensors, against hand-computed
 * values. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "backend/interp/interp.h"
#include "dialects/graph/graph.h"

static SmContext *kctx;

static void ksetup(void) {
  kctx = sm_context_create();
  sm_register_core_dialects(kctx);
  sm_register_graph_dialect(kctx);
}
static void kteardown(void) { sm_context_destroy(kctx); }

TestSuite(graph_kernels, .init = ksetup, .fini = kteardown);

static SmTensor F(unsigned rank, const int64_t *dims, const float *vals) {
  SmTensor t;
  cr_assert(sm_tensor_alloc(&t, SM_DT_F32, rank, dims));
  memcpy(t.data, vals, sm_tensor_nbytes(&t));
  return t;
}

/* Infers the result type, allocates it, runs the kernel. */
static SmTensor run1(const char *op, SmAttr *props, unsigned n, const SmTensor *const *ins) {
  SmType *types[8], *out;
  unsigned nout;
  for (unsigned i = 0; i < n; i++) types[i] = sm_tensor_type(kctx, ins[i]);
  cr_assert(sm_graph_infer(kctx, sm_loc_unknown(kctx), op, props, n, types, 1, &out, &nout));
  SmTensor r;
  cr_assert(sm_tensor_alloc_for_type(&r, out));
  cr_assert(sm_interp_eval(kctx, sm_loc_unknown(kctx), op, props, n, ins, 1, &r));
  return r;
}

static void expect_f32(const SmTensor *t, const float *want, int64_t n) {
  cr_assert_eq(sm_tensor_numel(t), n);
  for (int64_t i = 0; i < n; i++)
    cr_expect_float_eq(((const float *)t->data)[i], want[i], 1e-5, "element %lld", (long long)i);
}

static SmAttr *prop(const char *name, SmAttr *v) {
  SmNamedAttr e = {sm_intern_cstr(kctx, name), v};
  return sm_attr_dict(kctx, 1, &e);
}

Test(graph_kernels, broadcast_sub) {
  int64_t da[] = {2, 2}, db[] = {2};
  float a[] = {1, 2, 3, 4}, b[] = {10, 20}, want[] = {-9, -18, -7, -16};
  SmTensor ta = F(2, da, a), tb = F(1, db, b);
  const SmTensor *ins[] = {&ta, &tb};
  SmTensor r = run1("graph.sub", NULL, 2, ins);
  expect_f32(&r, want, 4);
  sm_tensor_free(&r);
  sm_tensor_free(&ta);
  sm_tensor_free(&tb);
}

Test(graph_kernels, conv_3x3_pad1) {
  int64_t dx[] = {1, 1, 3, 3}, dw[] = {1, 1, 3, 3};
  float x[] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, w[] = {0, 0, 0, 0, 1, 0, 0, 0, 1};
  /* Kernel picks x[y][x] + x[y+1][x+1] (zero outside). */
  float want[] = {6, 8, 3, 12, 14, 6, 7, 8, 9};
  int64_t pads[] = {1, 1, 1, 1};
  SmTensor tx = F(4, dx, x), tw = F(4, dw, w);
  const SmTensor *ins[] = {&tx, &tw};
  SmTensor r = run1("graph.conv", prop("pads", sm_attr_dense_array_i64(kctx, 4, pads)), 2, ins);
  expect_f32(&r, want, 9);
  sm_tensor_free(&r);
  sm_tensor_free(&tx);
  sm_tensor_free(&tw);
}

Test(graph_kernels, matmul_and_softmax) {
  int64_t da[] = {2, 3}, db[] = {3, 2};
  float a[] = {1, 2, 3, 4, 5, 6}, b[] = {1, 0, 0, 1, 1, 1}, want[] = {4, 5, 10, 11};
  SmTensor ta = F(2, da, a), tb = F(2, db, b);
  const SmTensor *ins[] = {&ta, &tb};
  SmTensor r = run1("graph.matmul", NULL, 2, ins);
  expect_f32(&r, want, 4);
  const SmTensor *sin[] = {&r};
  SmTensor s = run1("graph.softmax", NULL, 1, sin);
  float e = (float)(1.0 / (1.0 + exp(1.0)));
  float want_s[] = {e, 1 - e, e, 1 - e};
  expect_f32(&s, want_s, 4);
  sm_tensor_free(&s);
  sm_tensor_free(&r);
  sm_tensor_free(&ta);
  sm_tensor_free(&tb);
}

Test(graph_kernels, layer_norm) {
  int64_t dx[] = {1, 4}, ds[] = {4};
  float x[] = {1, 2, 3, 4}, sc[] = {1, 1, 2, 2}, bi[] = {0, 0, 0, 1};
  SmTensor tx = F(2, dx, x), ts = F(1, ds, sc), tb = F(1, ds, bi);
  const SmTensor *ins[] = {&tx, &ts, &tb};
  SmTensor r = run1("graph.layer_normalization", NULL, 3, ins);
  double inv = 1.0 / sqrt(1.25 + 1e-5);
  float want[] = {(float)(-1.5 * inv), (float)(-0.5 * inv), (float)(1.0 * inv), (float)(3.0 * inv + 1)};
  expect_f32(&r, want, 4);
  sm_tensor_free(&r);
  sm_tensor_free(&tx);
  sm_tensor_free(&ts);
  sm_tensor_free(&tb);
}

Test(graph_kernels, transpose_and_slice) {
  int64_t dx[] = {2, 3};
  float x[] = {1, 2, 3, 4, 5, 6}, want_t[] = {1, 4, 2, 5, 3, 6};
  SmTensor tx = F(2, dx, x);
  const SmTensor *ins[] = {&tx};
  SmTensor t = run1("graph.transpose", NULL, 1, ins);
  expect_f32(&t, want_t, 6);
  int64_t st[] = {-1}, en[] = {INT64_MIN}, ax[] = {1}, sp[] = {-2};
  SmNamedAttr e[] = {{sm_intern_cstr(kctx, "axes"), sm_attr_dense_array_i64(kctx, 1, ax)},
                     {sm_intern_cstr(kctx, "ends"), sm_attr_dense_array_i64(kctx, 1, en)},
                     {sm_intern_cstr(kctx, "starts"), sm_attr_dense_array_i64(kctx, 1, st)},
                     {sm_intern_cstr(kctx, "steps"), sm_attr_dense_array_i64(kctx, 1, sp)}};
  SmTensor s = run1("graph.slice", sm_attr_dict(kctx, 4, e), 1, ins);
  float want_s[] = {3, 1, 6, 4};
  expect_f32(&s, want_s, 4);
  sm_tensor_free(&s);
  sm_tensor_free(&t);
  sm_tensor_free(&tx);
}

Test(graph_kernels, gather_negative_index_and_out_of_range) {
  int64_t dx[] = {3, 2}, di[] = {2};
  float x[] = {1, 2, 3, 4, 5, 6}, want[] = {5, 6, 1, 2};
  SmTensor tx = F(2, dx, x), ti;
  cr_assert(sm_tensor_alloc(&ti, SM_DT_I64, 1, di));
  ((int64_t *)ti.data)[0] = -1;
  ((int64_t *)ti.data)[1] = 0;
  const SmTensor *ins[] = {&tx, &ti};
  SmTensor r = run1("graph.gather", NULL, 2, ins);
  expect_f32(&r, want, 4);
  ((int64_t *)ti.data)[1] = 3;
  cr_expect_not(sm_interp_eval(kctx, sm_loc_unknown(kctx), "graph.gather", NULL, 2, ins, 1, &r));
  sm_tensor_free(&r);
  sm_tensor_free(&tx);
  sm_tensor_free(&ti);
}

Test(graph_kernels, integer_div_and_mod_follow_onnx) {
  int64_t d[] = {2};
  SmTensor a, b;
  cr_assert(sm_tensor_alloc(&a, SM_DT_I64, 1, d));
  cr_assert(sm_tensor_alloc(&b, SM_DT_I64, 1, d));
  ((int64_t *)a.data)[0] = -7;
  ((int64_t *)a.data)[1] = 7;
  ((int64_t *)b.data)[0] = 2;
  ((int64_t *)b.data)[1] = -2;
  const SmTensor *ins[] = {&a, &b};
  SmTensor q = run1("graph.div", NULL, 2, ins), m = run1("graph.mod", NULL, 2, ins);
  cr_expect_eq(((int64_t *)q.data)[0], -3); /* truncation */
  cr_expect_eq(((int64_t *)q.data)[1], -3);
  cr_expect_eq(((int64_t *)m.data)[0], 1); /* sign of the divisor */
  cr_expect_eq(((int64_t *)m.data)[1], -1);
  sm_tensor_free(&q);
  sm_tensor_free(&m);
  sm_tensor_free(&a);
  sm_tensor_free(&b);
}

Test(graph_kernels, resize_linear_half_pixel) {
  int64_t dx[] = {1, 1, 1, 2};
  float x[] = {0, 4};
  SmTensor tx = F(4, dx, x);
  int64_t sizes[] = {1, 1, 1, 4};
  SmNamedAttr e[] = {{sm_intern_cstr(kctx, "mode"), sm_attr_string(kctx, "linear", 6)},
                     {sm_intern_cstr(kctx, "sizes"), sm_attr_dense_array_i64(kctx, 4, sizes)}};
  const SmTensor *ins[] = {&tx};
  SmTensor r = run1("graph.resize", sm_attr_dict(kctx, 2, e), 1, ins);
  float want[] = {0, 1, 3, 4}; /* input coords -0.25 (clamped), 0.25, 0.75, 1.25 (clamped) */
  expect_f32(&r, want, 4);
  sm_tensor_free(&r);
  sm_tensor_free(&tx);
}
