/* The textual printer on IR built through the API. Expected strings are what
 * mlir-opt-22 prints for the same IR (checked by hand with
 * `mlir-opt-22 --allow-unregistered-dialect [--mlir-print-op-generic]`). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ir/asm.h"
#include "ir/ir.h"

static SmContext *ctx;

static void setup(void) {
  ctx = sm_context_create();
  sm_context_set_allow_unregistered(ctx, true);
}
static void teardown(void) { sm_context_destroy(ctx); }

/* ---- helpers ------------------------------------------------------------- */

static char *str_of_buf(SmStrBuf *b) {
  char *s = strdup(b->data ? b->data : "");
  sm_strbuf_free(b);
  return s;
}

static char *type_str(SmType *t) {
  SmStrBuf b = {0};
  sm_type_print(t, &b);
  return str_of_buf(&b);
}

static char *attr_str(SmAttr *a) {
  SmStrBuf b = {0};
  sm_attr_print(a, &b);
  return str_of_buf(&b);
}

static char *op_str(SmOp *op, bool generic) {
  SmStrBuf b = {0};
  SmPrintFlags f = {.generic = generic};
  sm_op_print(op, &b, &f);
  return str_of_buf(&b);
}

static char *op_str_flags(SmOp *op, SmPrintFlags f) {
  SmStrBuf b = {0};
  sm_op_print(op, &b, &f);
  return str_of_buf(&b);
}

#define EXPECT_STR(expr, want)                                                                 \
  do {                                                                                       \
    char *got_ = (expr);                                                                     \
    cr_expect_str_eq(got_, (want));                                                          \
    free(got_);                                                                              \
  } while (0)

static SmType *i32(void) { return sm_type_integer(ctx, 32, SM_SIGNLESS); }
static SmType *i64(void) { return sm_type_integer(ctx, 64, SM_SIGNLESS); }
static SmType *f32(void) { return sm_type_f32(ctx); }

/* Creates an op and appends it to b (if b is not NULL). */
static SmOp *mk(SmBlock *b, const char *name, SmValue **ops, unsigned nops, SmType **res,
                unsigned nres, unsigned nregions) {
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, name), sm_loc_unknown(ctx));
  sm_op_state_add_operands(&st, ops, nops);
  sm_op_state_add_results(&st, res, nres);
  for (unsigned i = 0; i < nregions; i++) sm_op_state_add_region(&st);
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  if (b) sm_block_append_op(b, op);
  return op;
}

static SmBlock *add_block(SmRegion *r) {
  SmBlock *b = sm_block_create();
  sm_region_append_block(r, b);
  return b;
}

static SmOp *new_module(SmBlock **body) {
  SmOp *m = mk(NULL, "builtin.module", NULL, 0, NULL, 0, 1);
  *body = add_block(sm_op_region(m, 0));
  return m;
}

static SmAttr *fattr(SmType *t, double v) { return sm_attr_float(ctx, t, v); }

/* ---- types --------------------------------------------------------------- */

TestSuite(printer_types, .init = setup, .fini = teardown);

Test(printer_types, scalars_and_shaped) {
  EXPECT_STR(type_str(i32()), "i32");
  EXPECT_STR(type_str(sm_type_integer(ctx, 8, SM_SIGNED)), "si8");
  EXPECT_STR(type_str(sm_type_integer(ctx, 1, SM_UNSIGNED)), "ui1");
  EXPECT_STR(type_str(sm_type_index(ctx)), "index");
  EXPECT_STR(type_str(sm_type_f16(ctx)), "f16");
  EXPECT_STR(type_str(sm_type_bf16(ctx)), "bf16");
  EXPECT_STR(type_str(sm_type_f64(ctx)), "f64");
  EXPECT_STR(type_str(sm_type_none(ctx)), "none");
  int64_t dims[] = {4, SM_DYNAMIC, 8};
  EXPECT_STR(type_str(sm_type_tensor(ctx, 3, dims, f32(), NULL)), "tensor<4x?x8xf32>");
  EXPECT_STR(type_str(sm_type_tensor(ctx, 0, NULL, f32(), NULL)), "tensor<f32>");
  EXPECT_STR(type_str(sm_type_unranked_tensor(ctx, f32())), "tensor<*xf32>");
  SmAttr *enc = sm_attr_opaque(ctx, sm_intern_cstr(ctx, "layout"), sm_intern_cstr(ctx, ".tex<1>"));
  EXPECT_STR(type_str(sm_type_tensor(ctx, 1, dims, f32(), enc)), "tensor<4xf32, #layout.tex<1>>");
  EXPECT_STR(type_str(sm_type_vector(ctx, 2, (int64_t[]){4, 8}, f32())), "vector<4x8xf32>");
  EXPECT_STR(type_str(sm_type_complex(ctx, f32())), "complex<f32>");
  SmType *tt[] = {i32(), f32()};
  EXPECT_STR(type_str(sm_type_tuple(ctx, 2, tt)), "tuple<i32, f32>");
  EXPECT_STR(type_str(sm_type_tuple(ctx, 0, NULL)), "tuple<>");
  EXPECT_STR(type_str(sm_type_opaque(ctx, sm_intern_cstr(ctx, "foo"), sm_intern_cstr(ctx, ".t<x>"))),
             "!foo.t<x>");
}

Test(printer_types, functions) {
  SmType *in[] = {i32()};
  SmType *two[] = {i32(), i32()};
  SmType *fn = sm_type_function(ctx, 1, in, 1, in);
  EXPECT_STR(type_str(fn), "(i32) -> i32");
  EXPECT_STR(type_str(sm_type_function(ctx, 1, in, 2, two)), "(i32) -> (i32, i32)");
  EXPECT_STR(type_str(sm_type_function(ctx, 0, NULL, 0, NULL)), "() -> ()");
  EXPECT_STR(type_str(sm_type_function(ctx, 0, NULL, 1, &fn)), "() -> ((i32) -> i32)");
  EXPECT_STR(type_str(sm_type_function(ctx, 1, &fn, 1, in)), "((i32) -> i32) -> i32");
}

/* ---- affine ---------------------------------------------------------------- */

TestSuite(printer_affine, .init = setup, .fini = teardown);

static char *expr_str(SmAffineExpr *e) {
  SmStrBuf b = {0};
  sm_affine_expr_print(e, &b);
  return str_of_buf(&b);
}

/* Raw binary nodes (the constructors would simplify some shapes away). */
Test(printer_affine, mlir_parenthesisation) {
  SmAffineExpr *d0 = sm_affine_dim(ctx, 0), *d1 = sm_affine_dim(ctx, 1);
  SmAffineExpr *s0 = sm_affine_symbol(ctx, 0);
  SmAffineExpr *c = sm_affine_const(ctx, 4);
  EXPECT_STR(expr_str(sm_affine_floordiv(ctx, d0, c)), "d0 floordiv 4");
  EXPECT_STR(expr_str(sm_affine_add(ctx, sm_affine_mod(ctx, d1, c), s0)), "d1 mod 4 + s0");
  EXPECT_STR(expr_str(sm_affine_add(ctx, d0, sm_affine_const(ctx, -1))), "d0 - 1");
  EXPECT_STR(expr_str(sm_affine_mul(ctx, d0, sm_affine_const(ctx, -1))), "-d0");
  EXPECT_STR(expr_str(sm_affine_sub(ctx, d0, sm_affine_mul(ctx, d1, sm_affine_const(ctx, 2)))),
             "d0 - d1 * 2");
  EXPECT_STR(expr_str(sm_affine_mul(ctx, sm_affine_add(ctx, d0, d1), c)), "(d0 + d1) * 4");
  EXPECT_STR(expr_str(sm_affine_floordiv(ctx, sm_affine_add(ctx, d0, sm_affine_const(ctx, 1)),
                                         sm_affine_const(ctx, 2))),
             "(d0 + 1) floordiv 2");
  EXPECT_STR(expr_str(sm_affine_ceildiv(ctx, d0, sm_affine_const(ctx, 3))), "d0 ceildiv 3");
  SmAffineExpr *neg_fd = sm_affine_mul(
      ctx, sm_affine_floordiv(ctx, d0, sm_affine_const(ctx, 2)), sm_affine_const(ctx, -1));
  EXPECT_STR(expr_str(neg_fd), "-(d0 floordiv 2)");
  /* d0 - (d1 + s0): the subtracted sum keeps its parentheses. */
  SmAffineExpr *sub_sum =
      sm_affine_add(ctx, d0, sm_affine_mul(ctx, sm_affine_add(ctx, d1, s0), sm_affine_const(ctx, -1)));
  char *s = expr_str(sub_sum);
  /* Simplification may distribute the -1; both spellings are MLIR's. */
  cr_expect(strcmp(s, "d0 - (d1 + s0)") == 0 || strcmp(s, "d0 - d1 - s0") == 0, "got %s", s);
  free(s);
}

Test(printer_affine, maps) {
  SmAffineExpr *r[] = {sm_affine_dim(ctx, 0), sm_affine_add(ctx, sm_affine_dim(ctx, 1),
                                                            sm_affine_symbol(ctx, 0))};
  SmAffineMap *m = sm_affine_map(ctx, 2, 1, 2, r);
  SmStrBuf b = {0};
  sm_affine_map_print(m, &b);
  EXPECT_STR(str_of_buf(&b), "(d0, d1)[s0] -> (d0, d1 + s0)");
  SmAffineExpr *zero = sm_affine_const(ctx, 0);
  EXPECT_STR(attr_str(sm_attr_affine_map(ctx, sm_affine_map(ctx, 0, 0, 1, &zero))),
             "affine_map<() -> (0)>");
  EXPECT_STR(attr_str(sm_attr_affine_map(ctx, sm_affine_map_identity(ctx, 1))),
             "affine_map<(d0) -> (d0)>");
}

/* ---- attributes ------------------------------------------------------------ */

TestSuite(printer_attrs, .init = setup, .fini = teardown);

Test(printer_attrs, integers) {
  EXPECT_STR(attr_str(sm_attr_integer(ctx, i32(), 42)), "42 : i32");
  EXPECT_STR(attr_str(sm_attr_integer(ctx, i64(), 42)), "42 : i64");
  EXPECT_STR(attr_str(sm_attr_integer(ctx, sm_type_index(ctx), -3)), "-3 : index");
  EXPECT_STR(attr_str(sm_attr_integer(ctx, sm_type_integer(ctx, 1, SM_SIGNLESS), 1)), "true");
  EXPECT_STR(attr_str(sm_attr_integer(ctx, sm_type_integer(ctx, 1, SM_SIGNLESS), 0)), "false");
  EXPECT_STR(attr_str(sm_attr_integer(ctx, sm_type_integer(ctx, 8, SM_UNSIGNED), 255)),
             "255 : ui8");
  EXPECT_STR(attr_str(sm_attr_integer(ctx, sm_type_integer(ctx, 8, SM_SIGNED), -128)),
             "-128 : si8");
  EXPECT_STR(attr_str(sm_attr_integer(ctx, sm_type_integer(ctx, 8, SM_SIGNLESS), 255)),
             "-1 : i8");
  EXPECT_STR(attr_str(sm_attr_integer(ctx, sm_type_integer(ctx, 64, SM_UNSIGNED), -1)),
             "18446744073709551615 : ui64");
  EXPECT_STR(attr_str(sm_attr_integer(ctx, i64(), INT64_MIN)), "-9223372036854775808 : i64");
  EXPECT_STR(attr_str(sm_attr_bool(ctx, true)), "true");
  EXPECT_STR(attr_str(sm_attr_unit(ctx)), "unit");
}

Test(printer_attrs, floats_like_mlir) {
  SmType *f16 = sm_type_f16(ctx), *bf16 = sm_type_bf16(ctx), *f64 = sm_type_f64(ctx);
  EXPECT_STR(attr_str(fattr(f32(), 1.0)), "1.000000e+00 : f32");
  EXPECT_STR(attr_str(fattr(f32(), 0.1)), "1.000000e-01 : f32");
  EXPECT_STR(attr_str(fattr(f64, 0.1)), "1.000000e-01 : f64");
  EXPECT_STR(attr_str(fattr(f64, 1.5e300)), "1.500000e+300 : f64");
  EXPECT_STR(attr_str(fattr(f32(), INFINITY)), "0x7F800000 : f32");
  EXPECT_STR(attr_str(fattr(f64, -INFINITY)), "0xFFF0000000000000 : f64");
  EXPECT_STR(attr_str(fattr(f16, 1.0e-7)), "1.192090e-07 : f16");
  EXPECT_STR(attr_str(fattr(bf16, 3.14)), "3.140630e+00 : bf16");
  EXPECT_STR(attr_str(fattr(f64, 100.0)), "1.000000e+02 : f64");
  EXPECT_STR(attr_str(fattr(f32(), -0.0)), "-0.000000e+00 : f32");
  EXPECT_STR(attr_str(fattr(f64, 123456789.0)), "0x419D6F3454000000 : f64");
  EXPECT_STR(attr_str(fattr(f32(), 1.0e10)), "1.000000e+10 : f32");
  EXPECT_STR(attr_str(fattr(f16, 0.3)), "3.000490e-01 : f16");
  EXPECT_STR(attr_str(fattr(f16, 65504.0)), "6.550400e+04 : f16");
  EXPECT_STR(attr_str(fattr(f16, INFINITY)), "0x7C00 : f16");
  EXPECT_STR(attr_str(fattr(f64, 16777217.0)), "0x4170000010000000 : f64");
  EXPECT_STR(attr_str(fattr(f32(), 1.1e-39)), "1.100000e-39 : f32");
  /* Needs more than 7 digits but has a fraction: APFloat's default form. */
  EXPECT_STR(attr_str(fattr(f64, 0.123456789)), "0.123456789 : f64");
  EXPECT_STR(attr_str(fattr(f32(), 3.14159274f)), "3.14159274 : f32");
  EXPECT_STR(attr_str(fattr(f64, 1.2345678901234567e300)), "1.2345678901234567E+300 : f64");
}

Test(printer_attrs, strings_and_containers) {
  const char raw[] = "a\"b\\c\nd\te\x01\x7f~";
  EXPECT_STR(attr_str(sm_attr_string(ctx, raw, sizeof raw - 1)), "\"a\\22b\\\\c\\0Ad\\09e\\01\\7F~\"");
  EXPECT_STR(attr_str(sm_attr_string(ctx, "a\0b", 3)), "\"a\\00b\"");
  SmAttr *inner_t = sm_attr_type(ctx, i32());
  SmAttr *inner = sm_attr_array(ctx, 1, &inner_t);
  SmAttr *elems[] = {sm_attr_integer(ctx, i64(), 1), sm_attr_string(ctx, "x", 1), inner,
                     sm_attr_integer(ctx, i32(), 2), fattr(sm_type_f64(ctx), 2.0),
                     fattr(f32(), 2.0), fattr(sm_type_f64(ctx), INFINITY)};
  EXPECT_STR(attr_str(sm_attr_array(ctx, 7, elems)),
             "[1, \"x\", [i32], 2 : i32, 2.000000e+00, 2.000000e+00 : f32, 0x7FF0000000000000 : f64]");
  EXPECT_STR(attr_str(sm_attr_array(ctx, 0, NULL)), "[]");
  int64_t v[] = {1, 2};
  EXPECT_STR(attr_str(sm_attr_dense_array_i64(ctx, 2, v)), "array<i64: 1, 2>");
  EXPECT_STR(attr_str(sm_attr_dense_array(ctx, i32(), 0, NULL)), "array<i32>");
  float fv[] = {1.0f, 2.5f};
  EXPECT_STR(attr_str(sm_attr_dense_array(ctx, f32(), 2, fv)), "array<f32: 1.000000e+00, 2.500000e+00>");
  uint8_t bv[] = {1, 0};
  EXPECT_STR(attr_str(sm_attr_dense_array(ctx, sm_type_integer(ctx, 1, SM_SIGNLESS), 2, bv)),
             "array<i1: true, false>");
  int8_t sv[] = {-1, 5};
  EXPECT_STR(attr_str(sm_attr_dense_array(ctx, sm_type_integer(ctx, 8, SM_SIGNLESS), 2, sv)),
             "array<i8: -1, 5>");
  SmNamedAttr ents[] = {{sm_intern_cstr(ctx, "y"), sm_attr_unit(ctx)},
                        {sm_intern_cstr(ctx, "x"), sm_attr_integer(ctx, i64(), 1)},
                        {sm_intern_cstr(ctx, "a b"), sm_attr_bool(ctx, false)},
                        {sm_intern_cstr(ctx, "9x"), sm_attr_unit(ctx)},
                        {sm_intern_cstr(ctx, "z$.y"), sm_attr_unit(ctx)}};
  EXPECT_STR(attr_str(sm_attr_dict(ctx, 5, ents)), "{\"9x\", \"a b\" = false, x = 1 : i64, y, z$.y}");
  EXPECT_STR(attr_str(sm_attr_dict(ctx, 0, NULL)), "{}");
}

Test(printer_attrs, symbols_opaque_types) {
  EXPECT_STR(attr_str(sm_attr_symbol_ref(ctx, sm_intern_cstr(ctx, "f"), 0, NULL)), "@f");
  EXPECT_STR(attr_str(sm_attr_symbol_ref(ctx, sm_intern_cstr(ctx, "a b"), 0, NULL)), "@\"a b\"");
  const char *nested[] = {sm_intern_cstr(ctx, "b"), sm_intern_cstr(ctx, "c d")};
  EXPECT_STR(attr_str(sm_attr_symbol_ref(ctx, sm_intern_cstr(ctx, "a"), 2, nested)),
             "@a::@b::@\"c d\"");
  EXPECT_STR(attr_str(sm_attr_opaque(ctx, sm_intern_cstr(ctx, "foo"), sm_intern_cstr(ctx, "<\"x\">"))),
             "#foo<\"x\">");
  EXPECT_STR(attr_str(sm_attr_type(ctx, sm_type_opaque(ctx, sm_intern_cstr(ctx, "foo"),
                                                       sm_intern_cstr(ctx, ".t")))),
             "!foo.t");
}

static SmType *tensor1(int64_t n, SmType *elem) { return sm_type_tensor(ctx, 1, &n, elem, NULL); }

Test(printer_attrs, dense_elements) {
  float fv[] = {1.0f, 2.5f};
  EXPECT_STR(attr_str(sm_attr_dense(ctx, tensor1(2, f32()), false, fv, sizeof fv)),
             "dense<[1.000000e+00, 2.500000e+00]> : tensor<2xf32>");
  float one = 1.0f;
  EXPECT_STR(attr_str(sm_attr_dense(ctx, tensor1(4, f32()), true, &one, 4)),
             "dense<1.000000e+00> : tensor<4xf32>");
  float ones[] = {1.0f, 1.0f, 1.0f};
  EXPECT_STR(attr_str(sm_attr_dense(ctx, tensor1(3, f32()), false, ones, sizeof ones)),
             "dense<1.000000e+00> : tensor<3xf32>");
  uint8_t bools[] = {1, 0};
  EXPECT_STR(attr_str(sm_attr_dense(ctx, tensor1(2, sm_type_integer(ctx, 1, SM_SIGNLESS)), false,
                                    bools, 2)),
             "dense<[true, false]> : tensor<2xi1>");
  EXPECT_STR(attr_str(sm_attr_dense(ctx, tensor1(0, f32()), false, NULL, 0)),
             "dense<> : tensor<0xf32>");
  int32_t m[] = {1, 2, 3, 4};
  int64_t d22[] = {2, 2};
  EXPECT_STR(attr_str(sm_attr_dense(ctx, sm_type_tensor(ctx, 2, d22, i32(), NULL), false, m,
                                    sizeof m)),
             "dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>");
  int32_t seven = 7;
  EXPECT_STR(attr_str(sm_attr_dense(ctx, sm_type_tensor(ctx, 0, NULL, i32(), NULL), true, &seven,
                                    4)),
             "dense<7> : tensor<i32>");
  uint8_t u[] = {255, 255};
  EXPECT_STR(attr_str(sm_attr_dense(ctx, tensor1(2, sm_type_integer(ctx, 8, SM_UNSIGNED)), false,
                                    u, 2)),
             "dense<255> : tensor<2xui8>");
  int8_t s8[] = {-1, 2};
  EXPECT_STR(attr_str(sm_attr_dense(ctx, tensor1(2, sm_type_integer(ctx, 8, SM_SIGNED)), false,
                                    s8, 2)),
             "dense<[-1, 2]> : tensor<2xsi8>");
  uint16_t h[] = {0x3C00, 0x4000}; /* f16 1.0, 2.0 */
  EXPECT_STR(attr_str(sm_attr_dense(ctx, sm_type_vector(ctx, 1, (int64_t[]){2}, sm_type_f16(ctx)),
                                    false, h, sizeof h)),
             "dense<[1.000000e+00, 2.000000e+00]> : vector<2xf16>");
  double dv[] = {0.1, 123456789.0};
  EXPECT_STR(attr_str(sm_attr_dense(ctx, tensor1(2, sm_type_f64(ctx)), false, dv, sizeof dv)),
             "dense<[1.000000e-01, 0x419D6F3454000000]> : tensor<2xf64>");
}

Test(printer_attrs, dense_hex_above_100_elements) {
  int32_t v[101];
  for (int i = 0; i < 101; i++) v[i] = i;
  char *s = attr_str(sm_attr_dense(ctx, tensor1(100, i32()), false, v, 400));
  cr_expect(strncmp(s, "dense<[0, 1, 2, ", 16) == 0, "got %.40s", s);
  free(s);
  s = attr_str(sm_attr_dense(ctx, tensor1(101, i32()), false, v, 404));
  cr_expect(strncmp(s, "dense<\"0x0000000001000000020000000300000004000000", 48) == 0, "%.60s", s);
  cr_expect(strstr(s, "64000000\"> : tensor<101xi32>") != NULL, "%s", s + strlen(s) - 40);
  free(s);
  /* i1 is bit-packed, least significant bit first (what mlir-opt-22 prints). */
  uint8_t b[101];
  for (int i = 0; i < 101; i++) b[i] = i % 3 == 0;
  EXPECT_STR(attr_str(sm_attr_dense(ctx, tensor1(101, sm_type_integer(ctx, 1, SM_SIGNLESS)), false,
                                    b, 101)),
             "dense<\"0x49922449922449922449922409\"> : tensor<101xi1>");
}

Test(printer_attrs, dense_resource_and_locs) {
  EXPECT_STR(attr_str(sm_attr_dense_resource(ctx, "blob1", tensor1(2, i32()))),
             "dense_resource<blob1> : tensor<2xi32>");
  SmStrBuf b = {0};
  SmLoc *fl = sm_loc_file(ctx, sm_intern_cstr(ctx, "f.mlir"), 3, 7);
  sm_loc_print(fl, &b);
  EXPECT_STR(str_of_buf(&b), "loc(\"f.mlir\":3:7)");
  sm_loc_print(sm_loc_unknown(ctx), &b);
  EXPECT_STR(str_of_buf(&b), "loc(unknown)");
  SmLoc *name = sm_loc_name(ctx, sm_intern_cstr(ctx, "name"), NULL);
  sm_loc_print(name, &b);
  EXPECT_STR(str_of_buf(&b), "loc(\"name\")");
  SmLoc *f12 = sm_loc_file(ctx, sm_intern_cstr(ctx, "f"), 1, 2);
  sm_loc_print(sm_loc_name(ctx, sm_intern_cstr(ctx, "name"), f12), &b);
  EXPECT_STR(str_of_buf(&b), "loc(\"name\"(\"f\":1:2))");
  SmLoc *a = sm_loc_name(ctx, sm_intern_cstr(ctx, "a"), NULL);
  SmLoc *b12 = sm_loc_file(ctx, sm_intern_cstr(ctx, "b"), 1, 2);
  SmLoc *two[] = {a, b12};
  sm_loc_print(sm_loc_fused(ctx, 2, two, NULL), &b);
  EXPECT_STR(str_of_buf(&b), "loc(fused[\"a\", \"b\":1:2])");
  sm_loc_print(sm_loc_fused(ctx, 2, two, sm_attr_string(ctx, "x", 1)), &b);
  EXPECT_STR(str_of_buf(&b), "loc(fused<\"x\">[\"a\", \"b\":1:2])");
  sm_loc_print(sm_loc_callsite(ctx, a, b12), &b);
  EXPECT_STR(str_of_buf(&b), "loc(callsite(\"a\" at \"b\":1:2))");
  sm_loc_print(sm_loc_file(ctx, sm_intern_cstr(ctx, "we\"ird\n"), 1, 2), &b);
  EXPECT_STR(str_of_buf(&b), "loc(\"we\\22ird\\0A\":1:2)");
}

Test(printer_attrs, elided_elements) {
  SmBlock *body;
  SmOp *m = new_module(&body);
  SmOp *op = mk(body, "d.n", NULL, 0, NULL, 0, 0);
  int32_t v[4] = {1, 2, 3, 4};
  int32_t one = 1;
  sm_op_set_attr(op, sm_intern_cstr(ctx, "a"), sm_attr_dense(ctx, tensor1(4, i32()), false, v, 16));
  sm_op_set_attr(op, sm_intern_cstr(ctx, "b"), sm_attr_dense(ctx, tensor1(4, i32()), true, &one, 4));
  sm_op_set_attr(op, sm_intern_cstr(ctx, "c"), sm_attr_dense(ctx, tensor1(2, i32()), false, v, 8));
  SmPrintFlags f = {.generic = true, .elide_elements = 3};
  EXPECT_STR(op_str_flags(m, f),
             "\"builtin.module\"() ({\n"
             "  \"d.n\"() {a = dense_resource<__elided__> : tensor<4xi32>, b = dense<1> : "
             "tensor<4xi32>, c = dense<[1, 2]> : tensor<2xi32>} : () -> ()\n"
             "}) : () -> ()\n");
  sm_op_destroy(m);
}

/* ---- ops ------------------------------------------------------------------- */

TestSuite(printer_ops, .init = setup, .fini = teardown);

/* The IR of mlir-opt's output below:
 *   %0:2 = "d.two"() ; "d.use"(%0#1, %0#0) ({ ^bb0(%arg0: i32): %2 = "d.x"(%arg0)
 *   "d.br"()[^bb1] ^bb1(%3: i32): "d.t"() }, {}, { "d.y"() }) ; "d.f"() ({ "d.br"()[^bb1]
 *   ^bb1: "d.br"()[^bb2] ^bb2(%2: f32): "d.z"(%2) }) ; %1 = "d.fn"() */
static SmOp *build_naming_example(void) {
  SmBlock *body;
  SmOp *m = new_module(&body);
  SmType *two[] = {i32(), i32()};
  SmOp *t = mk(body, "d.two", NULL, 0, two, 2, 0);
  SmValue *uses[] = {sm_op_result(t, 1), sm_op_result(t, 0)};
  SmOp *u = mk(body, "d.use", uses, 2, NULL, 0, 3);
  SmBlock *e = add_block(sm_op_region(u, 0));
  SmValue *x = sm_block_add_arg(e, i32(), sm_loc_unknown(ctx));
  SmType *ti = i32();
  mk(e, "d.x", &x, 1, &ti, 1, 0);
  SmOp *br = mk(e, "d.br", NULL, 0, NULL, 0, 0);
  SmBlock *b1 = add_block(sm_op_region(u, 0));
  sm_block_add_arg(b1, i32(), sm_loc_unknown(ctx));
  mk(b1, "d.t", NULL, 0, NULL, 0, 0);
  (void)br;
  SmBlock *r2 = add_block(sm_op_region(u, 2));
  mk(r2, "d.y", NULL, 0, NULL, 0, 0);
  SmOp *f = mk(body, "d.f", NULL, 0, NULL, 0, 1);
  SmBlock *f0 = add_block(sm_op_region(f, 0));
  SmBlock *f1 = add_block(sm_op_region(f, 0));
  SmBlock *f2 = add_block(sm_op_region(f, 0));
  SmValue *z = sm_block_add_arg(f2, f32(), sm_loc_unknown(ctx));
  SmOpState st;
  /* Branches need successors: build them through the op state. */
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "d.br"), sm_loc_unknown(ctx));
  sm_op_state_add_successor(&st, f1);
  sm_block_append_op(f0, sm_op_create(&st));
  sm_op_state_release(&st);
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "d.br"), sm_loc_unknown(ctx));
  sm_op_state_add_successor(&st, f2);
  sm_block_append_op(f1, sm_op_create(&st));
  sm_op_state_release(&st);
  mk(f2, "d.z", &z, 1, NULL, 0, 0);
  SmType *fn = sm_type_function(ctx, 1, &ti, 1, &ti);
  mk(body, "d.fn", NULL, 0, &fn, 1, 0);
  /* Replace the placeholder branch in d.use's entry block by one with a successor. */
  sm_op_erase(br);
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "d.br"), sm_loc_unknown(ctx));
  sm_op_state_add_successor(&st, b1);
  SmOp *br2 = sm_op_create(&st);
  sm_op_state_release(&st);
  sm_block_append_op(e, br2);
  return m;
}

Test(printer_ops, naming_custom_module) {
  SmOp *m = build_naming_example();
  EXPECT_STR(op_str(m, false),
             "\"builtin.module\"() ({\n"
             "  %0:2 = \"d.two\"() : () -> (i32, i32)\n"
             "  \"d.use\"(%0#1, %0#0) ({\n"
             "  ^bb0(%arg0: i32):\n"
             "    %2 = \"d.x\"(%arg0) : (i32) -> i32\n"
             "    \"d.br\"()[^bb1] : () -> ()\n"
             "  ^bb1(%3: i32):  // pred: ^bb0\n"
             "    \"d.t\"() : () -> ()\n"
             "  }, {\n"
             "  }, {\n"
             "    \"d.y\"() : () -> ()\n"
             "  }) : (i32, i32) -> ()\n"
             "  \"d.f\"() ({\n"
             "    \"d.br\"()[^bb1] : () -> ()\n"
             "  ^bb1:  // pred: ^bb0\n"
             "    \"d.br\"()[^bb2] : () -> ()\n"
             "  ^bb2(%2: f32):  // pred: ^bb1\n"
             "    \"d.z\"(%2) : (f32) -> ()\n"
             "  }) : () -> ()\n"
             "  %1 = \"d.fn\"() : () -> ((i32) -> i32)\n"
             "}) : () -> ()\n");
  sm_op_destroy(m);
}

Test(printer_ops, naming_generic_unique_ids) {
  SmOp *m = build_naming_example();
  /* Generic form numbers with one running counter (MLIR's unique SSA IDs). */
  char *s = op_str(m, true);
  cr_expect(strstr(s, "    %3 = \"d.x\"(%arg0) : (i32) -> i32\n") != NULL, "%s", s);
  cr_expect(strstr(s, "  ^bb1(%4: i32):  // pred: ^bb0\n") != NULL, "%s", s);
  cr_expect(strstr(s, "  ^bb2(%2: f32):  // pred: ^bb1\n") != NULL, "%s", s);
  free(s);
  sm_op_destroy(m);
}

Test(printer_ops, generic_parts) {
  SmBlock *body;
  SmOp *m = new_module(&body);
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "d.q"), sm_loc_unknown(ctx));
  sm_op_state_add_prop(&st, sm_intern_cstr(ctx, "p"), sm_attr_integer(ctx, i32(), 1));
  sm_op_state_add_attr(&st, sm_intern_cstr(ctx, "u"), sm_attr_unit(ctx));
  sm_op_state_add_attr(&st, sm_intern_cstr(ctx, "\"q\""), sm_attr_string(ctx, "s", 1));
  sm_op_state_add_region(&st);
  sm_op_state_add_result(&st, f32());
  SmOp *q = sm_op_create(&st);
  sm_op_state_release(&st);
  sm_block_append_op(body, q);
  add_block(sm_op_region(q, 0)); /* an empty entry block prints its label */
  EXPECT_STR(op_str(m, true),
             "\"builtin.module\"() ({\n"
             "  %0 = \"d.q\"() <{p = 1 : i32}> ({\n"
             "  ^bb0:\n"
             "  }) {\"\\22q\\22\" = \"s\", u} : () -> f32\n"
             "}) : () -> ()\n");
  sm_op_destroy(m);
}

Test(printer_ops, detached_op_unknown_values) {
  SmBlock *body;
  SmOp *m = new_module(&body);
  SmType *ti = i32();
  SmOp *def = mk(body, "d.def", NULL, 0, &ti, 1, 0);
  SmValue *v = sm_op_result(def, 0);
  SmOp *use = mk(body, "d.use", &v, 1, &ti, 1, 0);
  sm_op_detach(use);
  EXPECT_STR(op_str(use, true), "%0 = \"d.use\"(<<UNKNOWN SSA VALUE>>) : (i32) -> i32\n");
  sm_op_destroy(use);
  sm_op_destroy(m);
}

Test(printer_ops, debuginfo_locations) {
  SmBlock *body;
  SmOp *m = new_module(&body);
  SmOp *op = mk(body, "d.a", NULL, 0, NULL, 0, 1);
  op->loc = sm_loc_file(ctx, sm_intern_cstr(ctx, "f.mlir"), 3, 7);
  SmBlock *e = add_block(sm_op_region(op, 0));
  sm_block_add_arg(e, i32(), sm_loc_file(ctx, sm_intern_cstr(ctx, "arg"), 1, 1));
  m->loc = sm_loc_file(ctx, sm_intern_cstr(ctx, "f.mlir"), 0, 0);
  SmPrintFlags f = {.generic = true, .debuginfo = true};
  EXPECT_STR(op_str_flags(m, f),
             "\"builtin.module\"() ({\n"
             "  \"d.a\"() ({\n"
             "  ^bb0(%arg0: i32 loc(\"arg\":1:1)):\n"
             "  }) : () -> () loc(\"f.mlir\":3:7)\n"
             "}) : () -> () loc(\"f.mlir\":0:0)\n");
  sm_op_destroy(m);
}

Test(printer_ops, affine_map_aliases) {
  SmBlock *body;
  SmOp *m = new_module(&body);
  SmAffineExpr *p1 = sm_affine_add(ctx, sm_affine_dim(ctx, 0), sm_affine_const(ctx, 1));
  SmAffineExpr *p2 = sm_affine_add(ctx, sm_affine_dim(ctx, 0), sm_affine_const(ctx, 2));
  SmAttr *m1 = sm_attr_affine_map(ctx, sm_affine_map(ctx, 1, 0, 1, &p1));
  SmAttr *m2 = sm_attr_affine_map(ctx, sm_affine_map(ctx, 1, 0, 1, &p2));
  SmAttr *id = sm_attr_affine_map(ctx, sm_affine_map_identity(ctx, 1));
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "d.q"), sm_loc_unknown(ctx));
  sm_op_state_add_prop(&st, sm_intern_cstr(ctx, "q"), m1); /* props are not aliased */
  sm_op_state_add_attr(&st, sm_intern_cstr(ctx, "a"), m2);
  SmAttr *arr[] = {id, m2};
  sm_op_state_add_attr(&st, sm_intern_cstr(ctx, "b"), sm_attr_array(ctx, 2, arr));
  sm_block_append_op(body, sm_op_create(&st));
  sm_op_state_release(&st);
  const char *want_body = "  \"d.q\"() <{q = affine_map<(d0) -> (d0 + 1)>}> {a = #map, b = [#map1, #map]} : () -> ()\n";
  char *s = op_str(m, true);
  cr_expect(strncmp(s, "#map = affine_map<(d0) -> (d0 + 2)>\n#map1 = affine_map<(d0) -> (d0)>\n", 68) == 0, "%s", s);
  cr_expect(strstr(s, want_body) != NULL, "%s", s);
  free(s);
  SmPrintFlags local = {.generic = true, .local_scope = true};
  s = op_str_flags(m, local);
  cr_expect(strstr(s, "{a = affine_map<(d0) -> (d0 + 2)>, b = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0 + 2)>]}") != NULL, "%s", s);
  cr_expect(strstr(s, "#map") == NULL);
  free(s);
  sm_op_destroy(m);
}

Test(printer_ops, resources_section) {
  SmBlock *body;
  SmOp *m = new_module(&body);
  int32_t data[] = {1, 2};
  sm_context_set_resource(ctx, "blob1", data, sizeof data, 4);
  sm_context_set_resource(ctx, "zb", data, sizeof data, 8);
  SmOp *op = mk(body, "d.r", NULL, 0, NULL, 0, 0);
  sm_op_set_attr(op, sm_intern_cstr(ctx, "b"), sm_attr_dense_resource(ctx, "zb", tensor1(2, i32())));
  sm_op_set_attr(op, sm_intern_cstr(ctx, "a"), sm_attr_dense_resource(ctx, "blob1", tensor1(2, i32())));
  sm_op_set_attr(op, sm_intern_cstr(ctx, "c"), sm_attr_dense_resource(ctx, "unknown", tensor1(2, i32())));
  EXPECT_STR(op_str(m, true),
             "\"builtin.module\"() ({\n"
             "  \"d.r\"() {a = dense_resource<blob1> : tensor<2xi32>, b = dense_resource<zb> : "
             "tensor<2xi32>, c = dense_resource<unknown> : tensor<2xi32>} : () -> ()\n"
             "}) : () -> ()\n"
             "\n"
             "{-#\n"
             "  dialect_resources: {\n"
             "    builtin: {\n"
             "      blob1: \"0x040000000100000002000000\",\n"
             "      zb: \"0x080000000100000002000000\"\n"
             "    }\n"
             "  }\n"
             "#-}\n");
  sm_op_destroy(m);
}

Test(printer_ops, brief) {
  SmBlock *body;
  SmOp *m = new_module(&body);
  SmType *ti = i32();
  SmOp *def = mk(body, "d.def", NULL, 0, &ti, 1, 0);
  SmValue *v = sm_op_result(def, 0);
  SmOp *use = mk(body, "d.use", &v, 1, &ti, 1, 2);
  mk(add_block(sm_op_region(use, 0)), "d.inner", NULL, 0, NULL, 0, 0);
  SmStrBuf b = {0};
  sm_op_print_brief(use, &b);
  EXPECT_STR(str_of_buf(&b), "%1 = \"d.use\"(%0) ({...}, {...}) : (i32) -> i32");
  sm_op_destroy(m);
}

/* ---- custom forms ---------------------------------------------------------- */

static void pt_print(SmPrinter *p, SmOp *op) {
  if (op->num_operands) sm_printer_puts(p, " ");
  sm_printer_print_operands(p, op, 0, op->num_operands);
  sm_printer_print_optional_attr_dict(p, op->attrs, NULL);
  if (op->num_regions) {
    sm_printer_puts(p, " ");
    sm_printer_print_region(p, sm_op_region(op, 0), false, false);
  }
  if (op->num_results) {
    sm_printer_puts(p, " : ");
    SmType *ts[4];
    for (unsigned i = 0; i < op->num_results && i < 4; i++) ts[i] = op->results[i].type;
    sm_printer_print_function_result_types(p, ts, op->num_results);
  }
}
static bool pt_parse(SmParser *p, SmOpState *st) {
  (void)p;
  (void)st;
  return false; /* printing only */
}
static SmOpDef pt_ops[] = {
    {.name = "pt.scope", .num_operands = SM_VARIADIC, .num_results = SM_VARIADIC,
     .num_regions = 1, .traits = SM_TRAIT_ISOLATED_FROM_ABOVE, .default_dialect = "pt",
     .parse = pt_parse, .print = pt_print},
    {.name = "pt.val", .num_operands = SM_VARIADIC, .num_results = SM_VARIADIC,
     .parse = pt_parse, .print = pt_print},
};
static SmDialect pt_dialect = {.name = "pt", .ops = pt_ops, .num_ops = 2};

Test(printer_ops, custom_form_hooks) {
  sm_register_core_dialects(ctx);
  sm_context_register_dialect(ctx, &pt_dialect);
  SmBlock *body;
  SmOp *m = new_module(&body);
  SmOp *scope = mk(body, "pt.scope", NULL, 0, NULL, 0, 1);
  SmBlock *e = add_block(sm_op_region(scope, 0));
  SmValue *a = sm_block_add_arg(e, i32(), sm_loc_unknown(ctx));
  SmType *ti = i32();
  SmOp *v = mk(e, "pt.val", &a, 1, &ti, 1, 0);
  SmAffineExpr *d0 = sm_affine_dim(ctx, 0);
  sm_op_set_attr(v, sm_intern_cstr(ctx, "m"),
                 sm_attr_affine_map(ctx, sm_affine_map(ctx, 1, 0, 1, &d0)));
  SmValue *r = sm_op_result(v, 0);
  mk(e, "pt.val", &r, 1, NULL, 0, 0);
  mk(body, "pt.val", NULL, 0, NULL, 0, 0); /* module level: prefix kept */
  EXPECT_STR(op_str(m, false),
             "#map = affine_map<(d0) -> (d0)>\n"
             "module {\n"
             "  pt.scope {\n"
             "    %0 = val %arg0 {m = #map} : i32\n"
             "    val %0\n"
             "  }\n"
             "  pt.val\n"
             "}\n");
  char *g = op_str(m, true);
  cr_expect(strstr(g, "  \"pt.scope\"() ({\n  ^bb0(%arg0: i32):\n    %0 = \"pt.val\"(%arg0) {m = #map} : (i32) -> i32\n") != NULL, "%s", g);
  free(g);
  sm_op_destroy(m);
}

/* ---- speed ----------------------------------------------------------------- */

Test(printer_ops, speed_200k_ops) {
  SmBlock *body;
  SmOp *m = new_module(&body);
  SmType *ti = i32();
  SmOp *prev = mk(body, "d.c", NULL, 0, &ti, 1, 0);
  for (int i = 0; i < 200000; i++) {
    SmValue *ops[] = {sm_op_result(prev, 0), sm_op_result(prev, 0)};
    prev = mk(body, "d.add", ops, 2, &ti, 1, 0);
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  SmStrBuf b = {0};
  SmPrintFlags f = {.generic = true};
  sm_op_print(m, &b, &f);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
  cr_log_info("printing 200k ops: %.1f ms, %zu bytes", ms, b.len);
  cr_expect(strstr(b.data, "  %200000 = \"d.add\"(%199999, %199999) : (i32, i32) -> i32\n") != NULL);
  cr_expect(ms < 2000.0, "took %.1f ms", ms); /* generous: Debug/sanitizer builds */
  sm_strbuf_free(&b);
  sm_op_destroy(m);
}
