/* Parser: types, attributes, locations (deferred #loc aliases), regions,
 * SSA scoping and forward references, resources, and error reporting
 * (message + location, exactly one error per failed parse). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

typedef struct ParseDiag {
  unsigned count;
  char msg[512];
  unsigned line, col;
} ParseDiag;

static void pcollect(const SmDiagnostic *d, void *user) {
  ParseDiag *c = user;
  if (c->count++ == 0) {
    snprintf(c->msg, sizeof c->msg, "%s", d->message);
    SmLoc *f = d->loc ? sm_loc_find_file(d->loc) : NULL;
    c->line = f ? f->file.line : 0;
    c->col = f ? f->file.col : 0;
  }
}

static SmContext *pctx(ParseDiag *d, bool unreg) {
  SmContext *ctx = sm_context_create();
  sm_register_core_dialects(ctx);
  sm_context_set_allow_unregistered(ctx, unreg);
  memset(d, 0, sizeof *d);
  sm_context_set_diag_handler(ctx, pcollect, d);
  return ctx;
}

static SmOp *parse(SmContext *ctx, const char *src) {
  return sm_parse_source(ctx, src, strlen(src), "t.mlir", 0);
}

/* Parses src expecting exactly one error with the given message, line, col. */
static void expect_error(const char *src, const char *msg, unsigned line, unsigned col) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, true);
  SmOp *m = sm_parse_source(ctx, src, strlen(src), "t.mlir", 0);
  cr_expect_null(m, "parse of <%s> should fail", src);
  if (m)
    sm_op_destroy(m);
  cr_expect_eq(d.count, 1, "<%s>: %u errors (first: %s)", src, d.count, d.msg);
  cr_expect(strstr(d.msg, msg) != NULL, "<%s>: got '%s', want '%s'", src, d.msg, msg);
  if (line)
    cr_expect(d.line == line && d.col == col, "<%s>: at %u:%u, want %u:%u (%s)", src, d.line, d.col, line, col,
              d.msg);
  sm_context_destroy(ctx);
}

static SmOp *first_op(SmOp *module) {
  return module->regions[0].first->first;
}

/* ---- Types ---------------------------------------------------------------- */

Test(parser_types, builtin_scalars) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  cr_expect_eq(sm_parse_type(ctx, "i32"), sm_type_integer(ctx, 32, SM_SIGNLESS));
  cr_expect_eq(sm_parse_type(ctx, "i1"), sm_type_integer(ctx, 1, SM_SIGNLESS));
  cr_expect_eq(sm_parse_type(ctx, "i7"), sm_type_integer(ctx, 7, SM_SIGNLESS));
  cr_expect_eq(sm_parse_type(ctx, "si8"), sm_type_integer(ctx, 8, SM_SIGNED));
  cr_expect_eq(sm_parse_type(ctx, "ui64"), sm_type_integer(ctx, 64, SM_UNSIGNED));
  cr_expect_eq(sm_parse_type(ctx, "index"), sm_type_index(ctx));
  cr_expect_eq(sm_parse_type(ctx, "f16"), sm_type_f16(ctx));
  cr_expect_eq(sm_parse_type(ctx, "bf16"), sm_type_bf16(ctx));
  cr_expect_eq(sm_parse_type(ctx, "f32"), sm_type_f32(ctx));
  cr_expect_eq(sm_parse_type(ctx, "f64"), sm_type_f64(ctx));
  cr_expect_eq(sm_parse_type(ctx, "none"), sm_type_none(ctx));
  cr_expect_eq(d.count, 0);
  sm_context_destroy(ctx);
}

Test(parser_types, shaped) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  SmType *t = sm_parse_type(ctx, "tensor<4x?x8xf32>");
  cr_assert_not_null(t);
  cr_expect_eq(t->kind, SM_TYPE_TENSOR);
  cr_expect_eq(t->shaped.rank, 3);
  cr_expect_eq(t->shaped.dims[0], 4);
  cr_expect_eq(t->shaped.dims[1], SM_DYNAMIC);
  cr_expect_eq(t->shaped.dims[2], 8);
  cr_expect_eq(t->shaped.elem, sm_type_f32(ctx));
  /* "0x4" must not lex as a hex literal inside a shape. */
  t = sm_parse_type(ctx, "tensor<0x4xf32>");
  cr_assert_not_null(t);
  cr_expect_eq(t->shaped.dims[0], 0);
  cr_expect_eq(t->shaped.dims[1], 4);
  t = sm_parse_type(ctx, "tensor<4x0xi8>");
  cr_assert_not_null(t);
  cr_expect_eq(t->shaped.dims[1], 0);
  t = sm_parse_type(ctx, "tensor<f32>");
  cr_assert_not_null(t);
  cr_expect_eq(t->shaped.rank, 0);
  t = sm_parse_type(ctx, "tensor<*xf32>");
  cr_assert_not_null(t);
  cr_expect_eq(t->kind, SM_TYPE_UNRANKED_TENSOR);
  t = sm_parse_type(ctx, "vector<4x4xf32>");
  cr_assert_not_null(t);
  cr_expect_eq(t->kind, SM_TYPE_VECTOR);
  cr_expect_eq(t->shaped.rank, 2);
  t = sm_parse_type(ctx, "tensor<1x64xf32, #layout.tex<a -> b, [1, 2]>>");
  cr_assert_not_null(t);
  cr_assert_not_null(t->shaped.encoding);
  cr_expect_eq(t->shaped.encoding->kind, SM_ATTR_OPAQUE);
  cr_expect_str_eq(t->shaped.encoding->opaque.dialect, "layout");
  cr_expect_str_eq(t->shaped.encoding->opaque.rest, ".tex<a -> b, [1, 2]>");
  cr_expect_eq(d.count, 0);
  sm_context_destroy(ctx);
}

Test(parser_types, memref_scalable_wide_and_float_formats) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  int64_t dims[2] = {4, SM_DYNAMIC}, strides[2] = {SM_DYNAMIC, 1};
  SmType *f32 = sm_type_f32(ctx);
  SmAttr *strided = sm_attr_strided(ctx, 2, strides, SM_DYNAMIC);
  SmAttr *one = sm_attr_integer(ctx, sm_type_integer(ctx, 64, SM_SIGNLESS), 1);
  SmType *m = sm_type_memref(ctx, 2, dims, f32, strided, one);
  cr_expect_eq(sm_parse_type(ctx, "memref<4x?xf32, strided<[?, 1], offset: ?>, 1>"), m);
  cr_expect_eq(m->kind, SM_TYPE_MEMREF);
  cr_expect(sm_type_is_memref(m) && !sm_type_is_shaped(m));
  /* The identity layout and memory space 0 are the defaults: the same type. */
  SmAttr *zero = sm_attr_integer(ctx, sm_type_integer(ctx, 64, SM_SIGNLESS), 0);
  SmAttr *id = sm_attr_affine_map(ctx, sm_affine_map_identity(ctx, 2));
  cr_expect_eq(sm_type_memref(ctx, 2, dims, f32, id, zero), sm_type_memref(ctx, 2, dims, f32, NULL, NULL));
  cr_expect_eq(sm_parse_type(ctx, "memref<*xf32, 3>")->kind, SM_TYPE_UNRANKED_MEMREF);
  uint8_t sc[2] = {0, 1};
  int64_t vd[2] = {2, 4};
  SmType *v = sm_type_vector_scalable(ctx, 2, vd, sc, f32);
  cr_expect_eq(sm_parse_type(ctx, "vector<2x[4]xf32>"), v);
  cr_expect_neq(v, sm_type_vector(ctx, 2, vd, f32));
  uint8_t none[2] = {0, 0};
  cr_expect_eq(sm_type_vector_scalable(ctx, 2, vd, none, f32), sm_type_vector(ctx, 2, vd, f32));
  cr_expect_eq(sm_parse_type(ctx, "i128"), sm_type_integer(ctx, 128, SM_SIGNLESS));
  cr_expect_eq(sm_parse_type(ctx, "i0"), sm_type_integer(ctx, 0, SM_SIGNLESS));
  cr_expect(!sm_type_is_native_scalar(sm_type_integer(ctx, 128, SM_SIGNLESS)));
  SmType *e4 = sm_parse_type(ctx, "f8E4M3FN");
  cr_expect_eq(e4, sm_type_float_ext(ctx, SM_FLOAT_F8E4M3FN));
  cr_expect(sm_type_is_float(e4) && !sm_type_is_native_scalar(e4));
  cr_expect_str_eq(sm_float_type_name(e4), "f8E4M3FN");
  cr_expect_eq(sm_type_bitwidth(sm_parse_type(ctx, "f80")), 80);
  cr_expect_eq(sm_type_bitwidth(sm_parse_type(ctx, "f4E2M1FN")), 4);
  /* Float values round to the format; overflow without inf gives NaN. */
  cr_expect_eq(sm_attr_float(ctx, e4, 1.4)->fp.bits, 0x3Bu); /* 1.375 */
  cr_expect_eq(sm_attr_float(ctx, e4, 1000.0)->fp.bits, 0x7Fu);
  cr_expect_eq(sm_attr_float(ctx, e4, 1.375), sm_attr_float_bits(ctx, e4, 0x3B));
  /* Signalling NaNs keep their bits, and differ from quiet ones. */
  SmAttr *snan = sm_attr_float_bits(ctx, f32, 0x7F800001u);
  cr_expect_eq(snan->fp.bits, 0x7F800001u);
  cr_expect(isnan(snan->fp.value));
  cr_expect_neq(snan, sm_attr_float_bits(ctx, f32, 0x7FC00001u));
  cr_expect_eq(d.count, 0);
  sm_context_destroy(ctx);
}

Test(parser_attrs, sets_distinct_typed_strings_sparse) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, true);
  /* (d0)[s0] : (d0 >= 0, s0 - d0 >= 0): "d0 <= s0" is stored as s0 - d0 >= 0 */
  SmAttr *a = sm_parse_attr(ctx, "affine_set<(d0)[s0] : (d0 >= 0, d0 <= s0)>");
  cr_assert_not_null(a);
  cr_expect_eq(a->kind, SM_ATTR_INTEGER_SET);
  cr_expect_eq(a->set->num_constraints, 2);
  int64_t syms[1] = {4}, in[1] = {3}, out[1] = {5};
  cr_expect(sm_integer_set_contains(a->set, in, syms));
  cr_expect(!sm_integer_set_contains(a->set, out, syms));
  SmAffineExpr *c[2] = {sm_affine_dim(ctx, 0),
                        sm_affine_sub(ctx, sm_affine_symbol(ctx, 0), sm_affine_dim(ctx, 0))};
  uint8_t eq[2] = {0, 0};
  cr_expect_eq(a->set, sm_integer_set(ctx, 1, 1, 2, c, eq));
  /* No constraints: MLIR's 0 == 0. */
  SmIntegerSet *empty = sm_integer_set(ctx, 0, 0, 0, NULL, NULL);
  cr_expect_eq(empty->num_constraints, 1);
  cr_expect_eq(empty->eq[0], 1);
  /* Distinct attributes never unique together. */
  SmAttr *u = sm_attr_unit(ctx);
  cr_expect_neq(sm_attr_distinct(ctx, u), sm_attr_distinct(ctx, u));
  /* Typed strings differ from untyped ones; none is untyped. */
  SmType *i32 = sm_type_integer(ctx, 32, SM_SIGNLESS);
  cr_expect_neq(sm_attr_string_typed(ctx, "x", 1, i32), sm_attr_string(ctx, "x", 1));
  cr_expect_eq(sm_attr_string_typed(ctx, "x", 1, sm_type_none(ctx)), sm_attr_string(ctx, "x", 1));
  SmAttr *sp = sm_parse_attr(ctx, "sparse<[[0, 1]], [5]> : tensor<2x2xi32>");
  cr_assert_not_null(sp);
  cr_expect_eq(sp->kind, SM_ATTR_SPARSE);
  cr_expect_eq(sm_attr_dense_get_i64(sp->sparse.indices, 1), 1);
  cr_expect_eq(sm_attr_dense_get_i64(sp->sparse.values, 0), 5);
  SmAttr *ds = sm_parse_attr(ctx, "dense<[\"a\", \"bc\"]> : tensor<2x!foo.s>");
  cr_assert_not_null(ds);
  cr_expect_eq(ds->kind, SM_ATTR_DENSE_STRING);
  cr_expect_eq(ds->dense_string.count, 2);
  cr_expect_str_eq(ds->dense_string.strings[1]->string.data, "bc");
  cr_expect_eq(d.count, 0, "%s", d.msg);
  sm_context_destroy(ctx);
}

Test(parser_types, function_complex_tuple_opaque) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  SmType *t = sm_parse_type(ctx, "(i32, f32) -> (i32)");
  cr_assert_not_null(t);
  cr_expect_eq(t->kind, SM_TYPE_FUNCTION);
  cr_expect_eq(t->func.num_inputs, 2);
  cr_expect_eq(t->func.num_results, 1);
  t = sm_parse_type(ctx, "() -> i32");
  cr_assert_not_null(t);
  cr_expect_eq(t->func.num_inputs, 0);
  cr_expect_eq(t->func.results[0], sm_type_integer(ctx, 32, SM_SIGNLESS));
  t = sm_parse_type(ctx, "(i1) -> ((i2) -> i3)");
  cr_assert_not_null(t);
  cr_expect_eq(t->func.results[0]->kind, SM_TYPE_FUNCTION);
  t = sm_parse_type(ctx, "complex<f32>");
  cr_assert_not_null(t);
  cr_expect_eq(t->complex.elem, sm_type_f32(ctx));
  t = sm_parse_type(ctx, "tuple<i32, tuple<>, f32>");
  cr_assert_not_null(t);
  cr_expect_eq(t->tuple.count, 3);
  t = sm_parse_type(ctx, "!foo.bar<\"a>\", (x) -> [y]>");
  cr_assert_not_null(t);
  cr_expect_eq(t->kind, SM_TYPE_OPAQUE);
  cr_expect_str_eq(t->opaque.dialect, "foo");
  cr_expect_str_eq(t->opaque.rest, ".bar<\"a>\", (x) -> [y]>");
  t = sm_parse_type(ctx, "!foo<1>");
  cr_assert_not_null(t);
  cr_expect_str_eq(t->opaque.rest, "<1>");
  t = sm_parse_type(ctx, "!foo.baz");
  cr_assert_not_null(t);
  cr_expect_str_eq(t->opaque.rest, ".baz");
  cr_expect_eq(d.count, 0);
  sm_context_destroy(ctx);
}

Test(parser_types, errors) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  cr_expect_null(sm_parse_type(ctx, "i16777216"));
  cr_expect(strstr(d.msg, "integer bitwidth is limited to 16777215 bits") != NULL, "%s", d.msg);
  d.count = 0;
  cr_expect_null(sm_parse_type(ctx, "vector<?xf32>"));
  cr_expect_eq(d.count, 1);
  d.count = 0;
  cr_expect_null(sm_parse_type(ctx, "tensor<4xf32"));
  cr_expect_eq(d.count, 1);
  d.count = 0;
  cr_expect_null(sm_parse_type(ctx, "!foo.bar<(]>"));
  cr_expect(strstr(d.msg, "unbalanced") != NULL, "%s", d.msg);
  d.count = 0;
  cr_expect_null(sm_parse_type(ctx, "!undefined_alias"));
  cr_expect(strstr(d.msg, "undefined symbol alias id") != NULL, "%s", d.msg);
  sm_context_destroy(ctx);
}

/* ---- Attributes ------------------------------------------------------------ */

Test(parser_attrs, scalars) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  SmType *i32 = sm_type_integer(ctx, 32, SM_SIGNLESS), *i64 = sm_type_integer(ctx, 64, SM_SIGNLESS);
  cr_expect_eq(sm_parse_attr(ctx, "42 : i32"), sm_attr_integer(ctx, i32, 42));
  cr_expect_eq(sm_parse_attr(ctx, "-7"), sm_attr_integer(ctx, i64, -7));
  cr_expect_eq(sm_parse_attr(ctx, "0x1F"), sm_attr_integer(ctx, i64, 31));
  cr_expect_eq(sm_parse_attr(ctx, "-128 : si8"), sm_attr_integer(ctx, sm_type_integer(ctx, 8, SM_SIGNED), -128));
  cr_expect_eq(sm_parse_attr(ctx, "255 : ui8"), sm_attr_integer(ctx, sm_type_integer(ctx, 8, SM_UNSIGNED), 255));
  cr_expect_eq(sm_parse_attr(ctx, "255 : i8"), sm_attr_integer(ctx, sm_type_integer(ctx, 8, SM_SIGNLESS), -1));
  cr_expect_eq(sm_parse_attr(ctx, "-9223372036854775808"), sm_attr_integer(ctx, i64, INT64_MIN));
  cr_expect_eq(sm_parse_attr(ctx, "5 : index"), sm_attr_integer(ctx, sm_type_index(ctx), 5));
  SmAttr *f = sm_parse_attr(ctx, "1.5 : f32");
  cr_assert_not_null(f);
  cr_expect_eq(f->kind, SM_ATTR_FLOAT);
  cr_expect_eq(f->fp.type, sm_type_f32(ctx));
  cr_expect_eq(f->fp.value, 1.5);
  f = sm_parse_attr(ctx, "1.0e-3");
  cr_assert_not_null(f);
  cr_expect_eq(f->fp.type, sm_type_f64(ctx));
  cr_expect_eq(f->fp.value, 1.0e-3);
  f = sm_parse_attr(ctx, "-2.5 : f16");
  cr_assert_not_null(f);
  cr_expect_eq(f->fp.value, -2.5);
  f = sm_parse_attr(ctx, "0x7FC00000 : f32");
  cr_assert_not_null(f);
  cr_expect(isnan(f->fp.value));
  f = sm_parse_attr(ctx, "0x3C00 : f16");
  cr_assert_not_null(f);
  cr_expect_eq(f->fp.value, 1.0);
  f = sm_parse_attr(ctx, "0x7F800000 : f32");
  cr_assert_not_null(f);
  cr_expect(isinf(f->fp.value));
  cr_expect_eq(sm_parse_attr(ctx, "true"), sm_attr_bool(ctx, true));
  cr_expect_eq(sm_parse_attr(ctx, "false"), sm_attr_bool(ctx, false));
  cr_expect_eq(sm_parse_attr(ctx, "unit"), sm_attr_unit(ctx));
  cr_expect_eq(sm_parse_attr(ctx, "i32"), sm_attr_type(ctx, i32));
  cr_expect_eq(d.count, 0);
  sm_context_destroy(ctx);
}

Test(parser_attrs, strings) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  SmAttr *s = sm_parse_attr(ctx, "\"a\\n\\t\\\"\\\\\\41\\00z\"");
  cr_assert_not_null(s);
  cr_expect_eq(s->kind, SM_ATTR_STRING);
  cr_expect_eq(s->string.len, 8);
  cr_expect(memcmp(s->string.data, "a\n\t\"\\A\0z", 8) == 0);
  s = sm_parse_attr(ctx, "\"h\xc3\xa9llo\"");
  cr_assert_not_null(s);
  cr_expect_eq(s->string.len, 6);
  cr_expect_eq(d.count, 0);
  sm_context_destroy(ctx);
}

Test(parser_attrs, aggregates) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  SmAttr *a = sm_parse_attr(ctx, "[1, \"x\", [], {}]");
  cr_assert_not_null(a);
  cr_expect_eq(a->kind, SM_ATTR_ARRAY);
  cr_expect_eq(a->array.count, 4);
  cr_expect_eq(a->array.elems[2]->array.count, 0);
  a = sm_parse_attr(ctx, "{b = 1, a, \"x y\" = 2}");
  cr_assert_not_null(a);
  cr_expect_eq(a->kind, SM_ATTR_DICTIONARY);
  cr_expect_eq(a->dict.count, 3);
  cr_expect_eq(sm_dict_get(a, "a"), sm_attr_unit(ctx));
  cr_expect_not_null(sm_dict_get(a, "x y"));
  a = sm_parse_attr(ctx, "array<i64: 1, -2>");
  cr_assert_not_null(a);
  cr_expect_eq(a->kind, SM_ATTR_DENSE_ARRAY);
  cr_expect_eq(a->dense_array.count, 2);
  cr_expect_eq(sm_attr_dense_array_get_i64(a, 1), -2);
  a = sm_parse_attr(ctx, "array<f32: 1.0, 2.5>");
  cr_assert_not_null(a);
  cr_expect_eq(sm_attr_dense_array_get_f64(a, 1), 2.5);
  a = sm_parse_attr(ctx, "array<i1: true, false>");
  cr_assert_not_null(a);
  cr_expect_eq(((const uint8_t *)a->dense_array.data)[0], 1);
  a = sm_parse_attr(ctx, "array<i32>");
  cr_assert_not_null(a);
  cr_expect_eq(a->dense_array.count, 0);
  a = sm_parse_attr(ctx, "@a::@b::@\"c d\"");
  cr_assert_not_null(a);
  cr_expect_eq(a->kind, SM_ATTR_SYMBOL_REF);
  cr_expect_str_eq(a->symref.root, "a");
  cr_expect_eq(a->symref.num_nested, 2);
  cr_expect_str_eq(a->symref.nested[1], "c d");
  a = sm_parse_attr(ctx, "#foo.bar<[1, {x}], \">\">");
  cr_assert_not_null(a);
  cr_expect_eq(a->kind, SM_ATTR_OPAQUE);
  cr_expect_str_eq(a->opaque.rest, ".bar<[1, {x}], \">\">");
  a = sm_parse_attr(ctx, "dense_resource<blob1> : tensor<2xi32>");
  cr_assert_not_null(a);
  cr_expect_eq(a->kind, SM_ATTR_DENSE_RESOURCE);
  cr_expect_str_eq(a->resource.name, "blob1");
  cr_expect_eq(d.count, 0);
  sm_context_destroy(ctx);
}

Test(parser_attrs, dense) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  SmAttr *a = sm_parse_attr(ctx, "dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>");
  cr_assert_not_null(a);
  cr_expect_eq(a->kind, SM_ATTR_DENSE_ELEMENTS);
  cr_expect_not(a->dense.splat);
  cr_expect_eq(a->dense.size, 24);
  cr_expect_eq(sm_attr_dense_get_i64(a, 4), 5);
  a = sm_parse_attr(ctx, "dense<1.5> : tensor<4xf32>");
  cr_assert_not_null(a);
  cr_expect(a->dense.splat);
  cr_expect_eq(sm_attr_dense_get_f64(a, 3), 1.5);
  a = sm_parse_attr(ctx, "dense<[1.0, -2.0]> : tensor<2xf16>");
  cr_assert_not_null(a);
  cr_expect_eq(a->dense.size, 4);
  cr_expect_eq(((const uint16_t *)a->dense.data)[0], 0x3C00);
  cr_expect_eq(((const uint16_t *)a->dense.data)[1], 0xC000);
  a = sm_parse_attr(ctx, "dense<[1.0, 2.0]> : vector<2xbf16>");
  cr_assert_not_null(a);
  cr_expect_eq(((const uint16_t *)a->dense.data)[0], 0x3F80);
  a = sm_parse_attr(ctx, "dense<[true, false, true]> : tensor<3xi1>");
  cr_assert_not_null(a);
  cr_expect_eq(a->dense.size, 3);
  cr_expect_eq(sm_attr_dense_get_i64(a, 2), 1);
  a = sm_parse_attr(ctx, "dense<\"0x0100000002000000\"> : tensor<2xi32>");
  cr_assert_not_null(a);
  cr_expect_eq(sm_attr_dense_get_i64(a, 1), 2);
  a = sm_parse_attr(ctx, "dense<\"0x07000000\"> : tensor<3xi32>");
  cr_assert_not_null(a);
  cr_expect(a->dense.splat);
  cr_expect_eq(sm_attr_dense_get_i64(a, 2), 7);
  a = sm_parse_attr(ctx, "dense<> : tensor<0xf32>");
  cr_assert_not_null(a);
  cr_expect_eq(a->dense.size, 0);
  a = sm_parse_attr(ctx, "dense<[0x3F800000, 2]> : tensor<2xf32>");
  cr_assert_not_null(a);
  cr_expect_eq(sm_attr_dense_get_f64(a, 0), 1.0);
  cr_expect_eq(sm_attr_dense_get_f64(a, 1), 2.0);
  cr_expect_eq(d.count, 0);
  sm_context_destroy(ctx);
}

Test(parser_attrs, affine_maps) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  SmAttr *a = sm_parse_attr(ctx, "affine_map<(d0, d1)[s0] -> (d0 floordiv 4, d1 mod 4 + s0, d0 * 2 - 1, d1 ceildiv 3)>");
  cr_assert_not_null(a);
  SmAffineMap *m = a->map;
  cr_expect_eq(m->num_dims, 2);
  cr_expect_eq(m->num_symbols, 1);
  cr_expect_eq(m->num_results, 4);
  SmAffineExpr *d0 = sm_affine_dim(ctx, 0), *d1 = sm_affine_dim(ctx, 1), *s0 = sm_affine_symbol(ctx, 0);
  cr_expect_eq(m->results[0], sm_affine_floordiv(ctx, d0, sm_affine_const(ctx, 4)));
  cr_expect_eq(m->results[1], sm_affine_add(ctx, sm_affine_mod(ctx, d1, sm_affine_const(ctx, 4)), s0));
  cr_expect_eq(m->results[2], sm_affine_sub(ctx, sm_affine_mul(ctx, d0, sm_affine_const(ctx, 2)), sm_affine_const(ctx, 1)));
  cr_expect_eq(m->results[3], sm_affine_ceildiv(ctx, d1, sm_affine_const(ctx, 3)));
  int64_t dims[2] = {9, 7}, syms[1] = {100};
  cr_expect_eq(sm_affine_expr_eval(m->results[1], dims, syms), 103);
  /* Precedence: a + b * c, left associativity of '-', parentheses, unary minus. */
  a = sm_parse_attr(ctx, "affine_map<(i, j) -> (i + j * 3, i - j - 1, (i + j) * 2, -i, i * -2)>");
  cr_assert_not_null(a);
  m = a->map;
  int64_t dv[2] = {5, 2};
  cr_expect_eq(sm_affine_expr_eval(m->results[0], dv, NULL), 11);
  cr_expect_eq(sm_affine_expr_eval(m->results[1], dv, NULL), 2);
  cr_expect_eq(sm_affine_expr_eval(m->results[2], dv, NULL), 14);
  cr_expect_eq(sm_affine_expr_eval(m->results[3], dv, NULL), -5);
  cr_expect_eq(sm_affine_expr_eval(m->results[4], dv, NULL), -10);
  /* Semi-affine: symbols may multiply dims and be divisors. */
  a = sm_parse_attr(ctx, "affine_map<(d0)[s0] -> (d0 * s0, d0 floordiv s0)>");
  cr_expect_not_null(a);
  a = sm_parse_attr(ctx, "affine_map<() -> (0)>");
  cr_assert_not_null(a);
  cr_expect_eq(a->map->num_dims, 0);
  cr_expect_eq(d.count, 0);
  sm_context_destroy(ctx);
}

Test(parser_attrs, errors) {
  struct {
    const char *src, *msg;
  } cases[] = {
      {"300 : i8", "integer constant out of range for attribute"},
      {"-1 : ui8", "negative integer literal not valid for unsigned integer type"},
      {"123456789012345678901234567890", "integer constant out of range"},
      {"{a = 1, a = 2}", "duplicate key 'a' in dictionary attribute"},
      {"1 : f32", "unexpected decimal integer literal for a floating point value"},
      {"dense<[1, 2, 3]> : tensor<2xi32>", "inferred shape of elements literal ([3]) does not match type ([2])"},
      {"dense<[[1], [2, 3]]> : tensor<2x2xi32>", "ranks are not consistent"},
      {"dense<[1, [2]]> : tensor<2xi32>", "ranks are not consistent"},
      {"dense<[1.5]> : tensor<1xi32>", "expected integer elements, but parsed floating-point"},
      {"dense<[300]> : tensor<1xi8>", "out of range"},
      {"dense<\"0x010203\"> : tensor<2xi32>", "hex data size is invalid"},
      {"dense<1> : tensor<?xi32>", "static shape"},
      {"affine_map<(d0, d1) -> (d0 * d1)>", "non-affine expression: at least one of the multiply operands"},
      {"affine_map<(d0, d1) -> (d0 floordiv d1)>", "right operand of floordiv has to be either a constant or symbolic"},
      {"affine_map<(d0) -> (d7)>", "use of undeclared identifier"},
      {"#undefined", "undefined symbol alias id 'undefined'"},
      {"array<i64: 1.5>", "expected integer elements"},
      {"[1, 2", "expected ']'"},
      {"\"abc", "expected '\"' in string literal"},
      {"\"\\q\"", "unknown escape in string literal"},
      {"foo", "expected attribute value"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ParseDiag d;
    SmContext *ctx = pctx(&d, false);
    cr_expect_null(sm_parse_attr(ctx, cases[i].src), "%s", cases[i].src);
    cr_expect_eq(d.count, 1, "%s: %u errors", cases[i].src, d.count);
    cr_expect(strstr(d.msg, cases[i].msg) != NULL, "%s: got '%s', want '%s'", cases[i].src, d.msg, cases[i].msg);
    sm_context_destroy(ctx);
  }
}

/* ---- Sources ------------------------------------------------------------- */

Test(parser_source, empty_and_implicit_module) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, true);
  SmOp *m = parse(ctx, "");
  cr_assert_not_null(m);
  cr_expect_str_eq(m->name, "builtin.module");
  cr_expect_eq(m->loc, sm_loc_file(ctx, "t.mlir", 0, 0));
  sm_op_destroy(m);
  m = parse(ctx, "// only a comment\n");
  cr_assert_not_null(m);
  sm_op_destroy(m);
  m = parse(ctx, "\"foo.a\"() : () -> ()\n\"foo.b\"() : () -> ()\n");
  cr_assert_not_null(m);
  cr_expect_str_eq(m->name, "builtin.module");
  SmOp *a = first_op(m);
  cr_expect_str_eq(a->name, "foo.a");
  cr_expect_str_eq(a->next->name, "foo.b");
  sm_op_destroy(m);
  /* A single written module is returned as is. */
  m = parse(ctx, "module attributes {x = 1} {\n}\n");
  cr_assert_not_null(m);
  cr_expect_str_eq(m->name, "builtin.module");
  cr_expect_not_null(sm_op_get_attr(m, "x"));
  cr_expect_eq(m->loc, sm_loc_file(ctx, "t.mlir", 1, 1));
  sm_op_destroy(m);
  cr_expect_eq(d.count, 0, "%s", d.msg);
  sm_context_destroy(ctx);
}

Test(parser_source, generic_form) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, true);
  const char *src = "%0 = \"foo.a\"() : () -> i32\n"
                    "%1:2 = \"foo.b\"(%0, %0) <{p = 1}> ({\n"
                    "^bb0(%x: i32, %y: f32 loc(\"q\":1:2)):\n"
                    "  \"foo.br\"(%x)[^bb1] : (i32) -> ()\n"
                    "^bb1:\n"
                    "  \"foo.c\"(%1#1) : (i64) -> ()\n"
                    "}, {\n}) {a = \"s\"} : (i32, i32) -> (i64, i64) loc(\"here\")\n"
                    "\"foo.use\"(%1#0, %1#1) : (i64, i64) -> ()\n";
  SmOp *m = parse(ctx, src);
  cr_assert_not_null(m, "%s", d.msg);
  SmOp *a = first_op(m), *b = a->next, *use = b->next;
  cr_expect_eq(a->loc, sm_loc_file(ctx, "t.mlir", 1, 6));
  cr_expect_eq(b->num_operands, 2);
  cr_expect_eq(sm_op_operand(b, 0), sm_op_result(a, 0));
  cr_expect_eq(b->num_results, 2);
  cr_expect_eq(b->num_regions, 2);
  cr_expect_not_null(sm_op_get_prop(b, "p"));
  cr_expect_not_null(sm_op_get_attr(b, "a"));
  cr_expect_eq(b->loc, sm_loc_name(ctx, "here", NULL));
  SmBlock *e = b->regions[0].first;
  cr_expect_eq(e->num_args, 2);
  cr_expect_eq(e->args[0]->loc, sm_loc_file(ctx, "t.mlir", 3, 6));
  cr_expect_eq(e->args[1]->loc, sm_loc_file(ctx, "q", 1, 2));
  SmOp *br = e->first;
  cr_expect_eq(br->num_successors, 1);
  cr_expect_eq(br->successors[0], e->next);
  cr_expect_eq(sm_op_operand(br, 0), e->args[0]);
  cr_expect_eq(sm_op_operand(e->next->first, 0), sm_op_result(b, 1));
  cr_expect_eq(sm_op_operand(use, 1), sm_op_result(b, 1));
  cr_expect(sm_region_empty(&b->regions[1]));
  cr_expect_eq(d.count, 0, "%s", d.msg);
  sm_op_destroy(m);
  sm_context_destroy(ctx);
}

Test(parser_source, forward_references) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, true);
  const char *src = "\"foo.g\"() ({\n"
                    "  %a = \"foo.u\"(%b, %c#1) : (i32, f32) -> i32\n"
                    "  %b = \"foo.d\"(%a) : (i32) -> i32\n"
                    "  \"foo.n\"() ({ \"foo.x\"(%late) : (i8) -> () }) : () -> ()\n"
                    "  %late = \"foo.l\"() : () -> i8\n"
                    "  %c:2 = \"foo.e\"() : () -> (f32, f32)\n"
                    "}) : () -> ()\n";
  SmOp *m = parse(ctx, src);
  cr_assert_not_null(m, "%s", d.msg);
  SmBlock *body = first_op(m)->regions[0].first;
  SmOp *u = body->first, *def = u->next, *n = def->next, *late = n->next, *c = late->next;
  cr_expect_eq(sm_op_operand(u, 0), sm_op_result(def, 0));
  cr_expect_eq(sm_op_operand(u, 1), sm_op_result(c, 1));
  cr_expect_eq(sm_op_operand(def, 0), sm_op_result(u, 0));
  cr_expect_eq(sm_op_operand(n->regions[0].first->first, 0), sm_op_result(late, 0));
  cr_expect_eq(sm_value_num_uses(sm_op_result(def, 0)), 1);
  sm_op_destroy(m);
  cr_expect_eq(d.count, 0, "%s", d.msg);
  sm_context_destroy(ctx);
}

Test(parser_source, custom_forms_and_default_dialect) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  const char *src = "module {\n"
                    "  func.func @f(%arg0: i32, %arg1: i32) -> i32 {\n"
                    "    %0 = arith.addi %arg0, %arg1 : i32\n"
                    "    %c = arith.constant 42 : i32\n"
                    "    return %0 : i32\n"
                    "  }\n"
                    "}\n";
  SmOp *m = parse(ctx, src);
  cr_assert_not_null(m, "%s", d.msg);
  SmOp *f = first_op(m);
  cr_expect_str_eq(f->name, "func.func");
  SmBlock *entry = f->regions[0].first;
  cr_expect_eq(entry->num_args, 2);
  SmOp *add = entry->first;
  cr_expect_str_eq(add->name, "arith.addi");
  cr_expect_eq(sm_op_operand(add, 0), entry->args[0]);
  cr_expect_eq(add->loc, sm_loc_file(ctx, "t.mlir", 3, 10));
  cr_expect_str_eq(entry->last->name, "func.return");
  cr_expect(sm_op_verify(m));
  sm_op_destroy(m);
  cr_expect_eq(d.count, 0, "%s", d.msg);
  sm_context_destroy(ctx);
}

Test(parser_source, isolated_from_above) {
  /* As in MLIR, outer names stay visible to the parser inside an
   * isolated-from-above op; the verifier rejects the use, at the use. */
  ParseDiag d;
  SmContext *ctx = pctx(&d, true);
  SmOp *m = parse(ctx, "func.func @f() {\n"
                       "  %0 = \"foo.a\"() : () -> i32\n"
                       "  \"foo.r\"() ({\n"
                       "    func.func @g() {\n"
                       "      \"foo.b\"(%0) : (i32) -> ()\n"
                       "      return\n"
                       "    }\n"
                       "  }) : () -> ()\n"
                       "  return\n"
                       "}\n");
  cr_assert_not_null(m, "%s", d.msg);
  cr_expect_not(sm_op_verify(m));
  cr_expect(strstr(d.msg, "using value defined outside the region") != NULL, "got: %s", d.msg);
  cr_expect_eq(d.line, 5);
  cr_expect_eq(d.col, 7);
  sm_op_destroy(m);
  sm_context_destroy(ctx);
  /* Unregistered ops are not isolated: outer names are visible and valid. */
  ctx = pctx(&d, true);
  m = parse(ctx, "%0 = \"foo.a\"() : () -> i32\n\"foo.r\"() ({ \"foo.b\"(%0) : (i32) -> () }) : () -> ()\n");
  cr_assert_not_null(m, "%s", d.msg);
  cr_expect(sm_op_verify(m), "%s", d.msg);
  sm_op_destroy(m);
  sm_context_destroy(ctx);
}

Test(parser_source, locations) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, true);
  const char *src = "#loc1 = loc(\"early\":1:1)\n"
                    "\"foo.a\"() : () -> () loc(#loc1)\n"
                    "\"foo.b\"() : () -> () loc(#loc3)\n"
                    "\"foo.c\"() ({\n^bb0(%x: i32 loc(#loc4)):\n}) : () -> () loc(unknown)\n"
                    "\"foo.d\"() : () -> () loc(fused<\"m\">[\"a\":1:2, callsite(\"x\" at \"y\":3:4), \"n\"(\"c\":5:6)])\n"
                    "\"foo.e\"() : () -> () loc(fused[#loc3, #loc4])\n"
                    "#loc3 = loc(\"late\":7:8)\n"
                    "#loc4 = loc(\"arg\")\n";
  SmOp *m = parse(ctx, src);
  cr_assert_not_null(m, "%s", d.msg);
  SmOp *a = first_op(m), *b = a->next, *c = b->next, *dd = c->next, *e = dd->next;
  cr_expect_eq(a->loc, sm_loc_file(ctx, "early", 1, 1));
  cr_expect_eq(b->loc, sm_loc_file(ctx, "late", 7, 8));
  cr_expect_eq(c->loc, sm_loc_unknown(ctx));
  cr_expect_eq(c->regions[0].first->args[0]->loc, sm_loc_name(ctx, "arg", NULL));
  cr_expect_eq(dd->loc->kind, SM_LOC_FUSED);
  cr_expect_eq(dd->loc->fused.count, 3);
  cr_expect_eq(dd->loc->fused.metadata, sm_attr_string(ctx, "m", 1));
  cr_expect_eq(dd->loc->fused.locs[1]->kind, SM_LOC_CALLSITE);
  cr_expect_eq(dd->loc->fused.locs[2], sm_loc_name(ctx, "n", sm_loc_file(ctx, "c", 5, 6)));
  cr_expect_eq(e->loc->fused.locs[0], sm_loc_file(ctx, "late", 7, 8));
  cr_expect_eq(e->loc->fused.locs[1], sm_loc_name(ctx, "arg", NULL));
  sm_op_destroy(m);
  /* line_offset shifts every line. */
  const char *shifted = "\n\"foo.a\"() : () -> ()";
  m = sm_parse_source(ctx, shifted, strlen(shifted), "t.mlir", 10);
  cr_assert_not_null(m);
  cr_expect_eq(first_op(m)->loc, sm_loc_file(ctx, "t.mlir", 12, 1));
  sm_op_destroy(m);
  cr_expect_eq(d.count, 0, "%s", d.msg);
  sm_context_destroy(ctx);
  expect_error("\"foo.a\"() : () -> () loc(#nope)\n", "location alias '#nope' was never defined", 1, 26);
}

Test(parser_source, aliases_and_resources) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, true);
  const char *src = "#map = affine_map<(d0) -> (d0 + 1)>\n"
                    "!t = tensor<2xi32>\n"
                    "\"foo.a\"() {m = #map, t = !t, r = dense_resource<blob1> : !t} : () -> ()\n"
                    "{-#\n  dialect_resources: {\n    builtin: {\n"
                    "      blob1: \"0x040000000100000002000000\"\n    }\n  },\n"
                    "  external_resources: { other: { k: \"x\", b: true } }\n#-}\n";
  SmOp *m = parse(ctx, src);
  cr_assert_not_null(m, "%s", d.msg);
  SmOp *a = first_op(m);
  cr_expect_eq(sm_op_get_attr(a, "m")->kind, SM_ATTR_AFFINE_MAP);
  SmType *t = sm_op_get_attr(a, "t")->type;
  cr_expect_eq(t->kind, SM_TYPE_TENSOR);
  size_t size = 0;
  uint32_t align = 0;
  const int32_t *blob = sm_context_get_resource(ctx, "blob1", &size, &align);
  cr_assert_not_null(blob);
  cr_expect_eq(size, 8);
  cr_expect_eq(align, 4);
  cr_expect_eq(blob[1], 2);
  sm_op_destroy(m);
  cr_expect_eq(d.count, 0, "%s", d.msg);
  sm_context_destroy(ctx);
  expect_error("{-# dialect_resources: { builtin: { b: \"0x0400\" } } #-}",
               "expected hex string blob for key 'b' to encode alignment in first 4 bytes", 1, 40);
  expect_error("{-# dialect_resources: { builtin: { b: true } } #-}", "expected hex string blob for key 'b'", 1, 40);
  expect_error("{-# dialect_resources: { nodialect: { b: \"0x\" } } #-}", "dialect 'nodialect' is unknown", 1, 26);
  expect_error("#a = 1\n#a = 2\n", "redefinition of attribute alias id 'a'", 2, 1);
  expect_error("#a.b = 1\n", "reserved for dialect-defined names", 1, 1);
}

Test(parser_errors, ssa_and_blocks) {
  expect_error("\"foo.a\"(%x) : (i32) -> ()", "use of undeclared SSA value name", 1, 9);
  expect_error("%x = \"foo.a\"() : () -> i32\n%x = \"foo.b\"() : () -> i32", "redefinition of SSA value '%x'", 2, 1);
  expect_error("%0 = \"foo.a\"() : () -> i32\n\"foo.b\"(%0) : (i64) -> ()",
               "use of value '%0' expects different type than prior uses: 'i64' vs 'i32'", 2, 9);
  expect_error("\"foo.b\"(%0) : (i64) -> ()\n%0 = \"foo.a\"() : () -> i32", "definition of SSA value '%0#0' has type 'i32'",
               2, 1);
  expect_error("%0 = \"foo.a\"() : () -> i32\n\"foo.b\"(%0#3) : (i32) -> ()", "reference to invalid result number", 2,
               9);
  expect_error("\"foo.a\"() ({\n  \"foo.b\"()[^bb9] : () -> ()\n}) : () -> ()", "reference to an undefined block", 2,
               13);
  expect_error("\"foo.a\"() ({\n^bb0:\n^bb0:\n}) : () -> ()", "redefinition of block '^bb0'", 3, 1);
  expect_error("%0:2 = \"foo.a\"() : () -> i32", "operation defines 1 results but was provided 2 to bind", 1, 1);
  expect_error("\"foo.a\"(%0) : () -> ()", "expected 1 operand type but had 0", 1, 15);
  expect_error("\"foo.a\"() : i32", "expected function type", 1, 13);
  expect_error("foo.bar", "custom op 'foo.bar' is unknown", 1, 1);
  expect_error("\"foo.a\"() ({\n  %0 = \"foo.b\"() : () -> i32\n}) : () -> ()\n\"foo.c\"(%0) : (i32) -> ()",
               "use of undeclared SSA value name", 4, 9);
  /* Values defined in a nested region cannot shadow outer ones. */
  expect_error("%0 = \"foo.a\"() : () -> i32\n\"foo.r\"() ({\n  %0 = \"foo.b\"() : () -> i32\n}) : () -> ()",
               "redefinition of SSA value '%0'", 3, 3);
}

Test(parser_errors, unregistered) {
  ParseDiag d;
  SmContext *ctx = pctx(&d, false);
  cr_expect_null(parse(ctx, "\"foo.a\"() : () -> ()"));
  cr_expect_eq(d.count, 1);
  cr_expect(strstr(d.msg, "unregistered") != NULL, "%s", d.msg);
  d.count = 0;
  cr_expect_null(parse(ctx, "\"arith.nope\"() : () -> ()"));
  cr_expect(strstr(d.msg, "unregistered operation 'arith.nope' found in dialect ('arith')") != NULL, "%s", d.msg);
  sm_context_destroy(ctx);
}

Test(parser_errors, lexical) {
  expect_error("\"foo.a\"() {a = \"abc", "expected '\"' in string literal", 1, 20);
  expect_error("\"foo.a\"() : () -> ()\n\xff", "invalid UTF-8 sequence", 2, 1);
  expect_error("// comment \xc3\x28\n", "invalid UTF-8 sequence", 1, 12);
  expect_error("\"foo.a\"() {s = \"a\xe2\x82\"} : () -> ()", "invalid UTF-8 sequence", 1, 18);
  expect_error("\"foo.a\"() {s = \"\xed\xa0\x80\"} : () -> ()", "invalid UTF-8 sequence", 1, 17);
  expect_error("\"foo.a\"() : () -> () `", "unexpected character", 1, 22);
  {
    ParseDiag d;
    SmContext *ctx = pctx(&d, true);
    const char src[] = "\"foo.a\"() : () -> ()\n\0";
    cr_expect_null(sm_parse_source(ctx, src, sizeof src - 1, "t.mlir", 0));
    cr_expect_eq(d.count, 1);
    cr_expect(strstr(d.msg, "NUL") != NULL, "%s", d.msg);
    cr_expect_eq(d.line, 2);
    sm_context_destroy(ctx);
  }
  /* Truncated input: an error at end of file. */
  expect_error("\"foo.a\"(", "expected SSA operand", 1, 9);
  expect_error("\"foo.a\"() ({\n", "expected '}' to end region", 2, 1);
  expect_error("\"foo.a\"() : () ->", "expected type", 1, 18);
  expect_error("%0 =", "expected operation name in quotes", 1, 5);
}

Test(parser_errors, deep_nesting) {
  size_t n = 100000;
  char *src = malloc(n * 3 + 64);
  strcpy(src, "\"foo.a\"() {a = ");
  size_t o = strlen(src);
  memset(src + o, '[', n);
  o += n;
  src[o] = 0;
  expect_error(src, "nesting too deep", 0, 0);
  /* Nested regions. */
  o = 0;
  for (size_t i = 0; i < 2000; i++) {
    memcpy(src + o, "\"f.r\"() ({", 10);
    o += 10;
  }
  src[o] = 0;
  expect_error(src, "nesting too deep", 0, 0);
  /* Nested types. */
  o = 0;
  for (size_t i = 0; i < 5000; i++) {
    memcpy(src + o, "tuple<", 6);
    o += 6;
  }
  src[o] = 0;
  ParseDiag d;
  SmContext *ctx = pctx(&d, true);
  cr_expect_null(sm_parse_type(ctx, src));
  cr_expect(strstr(d.msg, "nesting too deep") != NULL, "%s", d.msg);
  sm_context_destroy(ctx);
  free(src);
}

Test(parser_errors, stops_at_first_error_without_leaks) {
  /* Errors deep inside nested regions with forward references pending:
   * everything built so far must be freed (checked under ASan/LSan). */
  expect_error("\"foo.g\"() ({\n"
               "  \"foo.u\"(%fwd, %fwd2) [^later] : (i32, i32) -> ()\n"
               "  \"foo.r\"() ({\n"
               "  ^bb0(%a: i32):\n"
               "    \"foo.x\"(%a, %fwd) : (i32, i32) -> ()\n"
               "    \"foo.y\"() {bad = 300 : i8} : () -> ()\n"
               "  }) : () -> ()\n"
               "}) : () -> ()\n",
               "integer constant out of range for attribute", 6, 22);
  expect_error("func.func @f(%a: i32) -> i32 {\n  %0 = arith.addi %a, %zzz : i32\n  return %0 : i32\n}\n",
               "use of undeclared SSA value name", 2, 23);
}
