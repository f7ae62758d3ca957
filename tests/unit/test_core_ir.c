/* Core IR unit tests: uniquing, attributes, ops and use lists, cloning,
 * walking, blocks/regions, symbols, pointer maps, string buffers. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "ir/fp16.h"
#include "ir/ir.h"

/* ---- A small test dialect ------------------------------------------------------ */

static const char *const k_value_prop[] = {"value", NULL};
static const char *const k_sym_prop[] = {"sym_name", NULL};

static SmOpDef g_test_ops[] = {
    {.name = "tst.const", .num_results = 1, .traits = SM_TRAIT_PURE | SM_TRAIT_CONSTANT_LIKE,
     .props = k_value_prop},
    {.name = "tst.add", .num_operands = 2, .num_results = 1, .traits = SM_TRAIT_PURE},
    {.name = "tst.ret", .num_operands = SM_VARIADIC, .traits = SM_TRAIT_TERMINATOR},
    {.name = "tst.module", .num_regions = 1,
     .traits = SM_TRAIT_SYMBOL_TABLE | SM_TRAIT_NO_TERMINATOR | SM_TRAIT_SYMBOL,
     .props = k_sym_prop},
    {.name = "tst.func", .num_regions = 1,
     .traits = SM_TRAIT_SYMBOL | SM_TRAIT_ISOLATED_FROM_ABOVE, .props = k_sym_prop},
    {.name = "tst.br", .num_operands = SM_VARIADIC, .num_successors = 1,
     .traits = SM_TRAIT_TERMINATOR},
    {.name = "tst.loop", .num_operands = SM_VARIADIC, .num_results = SM_VARIADIC,
     .num_regions = 1},
};
static SmDialect g_test_dialect = {.name = "tst", .ops = g_test_ops,
                                   .num_ops = sizeof g_test_ops / sizeof g_test_ops[0]};

static SmContext *ctx;

static void setup(void) {
  ctx = sm_context_create();
  sm_context_register_dialect(ctx, &g_test_dialect);
  sm_context_set_allow_unregistered(ctx, true);
}

static void teardown(void) { sm_context_destroy(ctx); }

static SmType *i32(void) { return sm_type_integer(ctx, 32, SM_SIGNLESS); }

static SmOp *make_const(int64_t v) {
  SmOpState st;
  sm_op_state_init(&st, ctx, "tst.const", NULL);
  sm_op_state_add_attr(&st, "value", sm_attr_integer(ctx, i32(), v));
  sm_op_state_add_result(&st, i32());
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  return op;
}

static SmOp *make_add(SmValue *a, SmValue *b) {
  SmOpState st;
  sm_op_state_init(&st, ctx, "tst.add", NULL);
  sm_op_state_add_operand(&st, a);
  sm_op_state_add_operand(&st, b);
  sm_op_state_add_result(&st, i32());
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  return op;
}

static SmOp *make_simple(const char *name, SmValue *const *vs, unsigned n, unsigned nres) {
  SmOpState st;
  sm_op_state_init(&st, ctx, name, NULL);
  sm_op_state_add_operands(&st, vs, n);
  for (unsigned i = 0; i < nres; i++) sm_op_state_add_result(&st, i32());
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  return op;
}

/* An op with one region holding one (empty) block; returns the block too. */
static SmOp *make_with_region(const char *name, const char *sym, SmBlock **body) {
  SmOpState st;
  sm_op_state_init(&st, ctx, name, NULL);
  if (sym) sm_op_state_add_attr(&st, "sym_name", sm_attr_string(ctx, sym, strlen(sym)));
  SmRegion *r = sm_op_state_add_region(&st);
  SmBlock *b = sm_block_create();
  sm_region_append_block(r, b);
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  if (body) *body = b;
  return op;
}

/* Checks that v's use list is well formed and has n uses. */
static void check_uses(SmValue *v, unsigned n) {
  unsigned count = 0;
  SmUse **pp = &v->uses;
  for (SmUse *u = v->uses; u; u = u->next) {
    cr_assert_eq(u->value, v);
    cr_assert_eq(u->prev_next, pp);
    cr_assert_eq(&u->owner->operands[u->index], u);
    pp = &u->next;
    count++;
  }
  cr_assert_eq(count, n, "expected %u uses, got %u", n, count);
}

TestSuite(core_ir, .init = setup, .fini = teardown);

/* ---- Uniquing ----------------------------------------------------------------- */

Test(core_ir, intern_and_types_unique) {
  char buf[] = "hello";
  cr_assert_eq(sm_intern(ctx, buf, 5), sm_intern_cstr(ctx, "hello"));
  cr_assert_neq(sm_intern(ctx, buf, 4), sm_intern_cstr(ctx, "hello"));
  cr_assert_str_eq(sm_intern(ctx, buf, 4), "hell");
  /* Re-interning an interned pointer: as a C string it stops at an embedded NUL. */
  const char *withnul = sm_intern(ctx, "a\0b", 3);
  cr_assert_eq(sm_intern(ctx, withnul, 3), withnul);
  cr_assert_neq(sm_intern_cstr(ctx, withnul), withnul);
  cr_assert_eq(sm_intern_cstr(ctx, withnul), sm_intern(ctx, "a", 1));
  cr_assert_eq(sm_intern(ctx, withnul, 1), sm_intern_cstr(ctx, "a"));
  /* Enough strings to force growth. */
  char name[32];
  const char *first = NULL;
  for (int i = 0; i < 5000; i++) {
    snprintf(name, sizeof name, "s%d", i);
    const char *p = sm_intern_cstr(ctx, name);
    if (i == 0) first = p;
  }
  cr_assert_eq(sm_intern_cstr(ctx, "s0"), first);

  cr_assert_eq(sm_type_integer(ctx, 32, SM_SIGNLESS), i32());
  cr_assert_neq(sm_type_integer(ctx, 32, SM_SIGNED), i32());
  cr_assert_eq(sm_type_integer(ctx, 77, SM_UNSIGNED), sm_type_integer(ctx, 77, SM_UNSIGNED));
  int64_t d1[] = {2, 3, SM_DYNAMIC}, d2[] = {2, 3, SM_DYNAMIC};
  SmType *t1 = sm_type_tensor(ctx, 3, d1, sm_type_f32(ctx), NULL);
  SmType *t2 = sm_type_tensor(ctx, 3, d2, sm_type_f32(ctx), NULL);
  cr_assert_eq(t1, t2);
  cr_assert_neq(t1->shaped.dims, d1, "dims must be copied into the context");
  cr_assert_neq(t1, sm_type_tensor(ctx, 2, d1, sm_type_f32(ctx), NULL));
  cr_assert_neq(t1, sm_type_vector(ctx, 3, d1, sm_type_f32(ctx)));
  cr_assert_eq(sm_type_num_elements(t1), -1);
  cr_assert_eq(sm_type_num_elements(sm_type_tensor(ctx, 2, d1, sm_type_f32(ctx), NULL)), 6);
  SmType *enc = sm_type_tensor(ctx, 3, d1, sm_type_f32(ctx), sm_attr_unit(ctx));
  cr_assert_neq(enc, t1);
  cr_assert_eq(enc, sm_type_tensor(ctx, 3, d2, sm_type_f32(ctx), sm_attr_unit(ctx)));
  SmType *ins[] = {t1, i32()}, *res[] = {sm_type_index(ctx)};
  SmType *f1 = sm_type_function(ctx, 2, ins, 1, res);
  SmType *ins2[] = {t2, sm_type_integer(ctx, 32, SM_SIGNLESS)};
  cr_assert_eq(f1, sm_type_function(ctx, 2, ins2, 1, res));
  cr_assert_neq(f1, sm_type_function(ctx, 1, ins, 2, ins));
  cr_assert_eq(sm_type_function(ctx, 0, NULL, 0, NULL), sm_type_function(ctx, 0, NULL, 0, NULL));
  cr_assert_eq(sm_type_tuple(ctx, 2, ins), sm_type_tuple(ctx, 2, ins2));
  cr_assert_eq(sm_type_complex(ctx, sm_type_f32(ctx)), sm_type_complex(ctx, sm_type_f32(ctx)));
  cr_assert_eq(sm_type_opaque(ctx, "foo", ".bar<1>"), sm_type_opaque(ctx, "foo", ".bar<1>"));
  cr_assert_neq(sm_type_opaque(ctx, "foo", ".bar<1>"), sm_type_opaque(ctx, "foo", ".bar<2>"));
  cr_assert_eq(sm_type_unranked_tensor(ctx, i32()), sm_type_unranked_tensor(ctx, i32()));
  cr_assert_eq(sm_type_bitwidth(sm_type_index(ctx)), 64);
  cr_assert_eq(sm_type_bitwidth(sm_type_bf16(ctx)), 16);
  cr_assert_eq(sm_type_bitwidth(t1), 0);
  cr_assert_eq(sm_type_element(t1), sm_type_f32(ctx));
  cr_assert(sm_type_is_signless_int(i32(), 32));
  cr_assert(!sm_type_is_signless_int(i32(), 8));
  cr_assert(sm_type_is_int_or_index(sm_type_index(ctx)));
  cr_assert(sm_type_is_float(sm_type_bf16(ctx)));
  cr_assert(sm_type_is_shaped(sm_type_unranked_tensor(ctx, i32())));
  /* Many distinct types force the table to grow; all stay unique. */
  SmType *seen[3000];
  for (int i = 0; i < 3000; i++) {
    int64_t d = i;
    seen[i] = sm_type_vector(ctx, 1, &d, i32());
  }
  for (int i = 0; i < 3000; i++) {
    int64_t d = i;
    cr_assert_eq(sm_type_vector(ctx, 1, &d, i32()), seen[i]);
  }
}

Test(core_ir, locations_unique) {
  SmLoc *a = sm_loc_file(ctx, "f.mlir", 3, 7);
  cr_assert_eq(a, sm_loc_file(ctx, "f.mlir", 3, 7));
  cr_assert_neq(a, sm_loc_file(ctx, "f.mlir", 3, 8));
  cr_assert_eq(sm_loc_unknown(ctx), sm_loc_unknown(ctx));
  SmLoc *n = sm_loc_name(ctx, "x", a);
  cr_assert_eq(n, sm_loc_name(ctx, "x", a));
  cr_assert_neq(n, sm_loc_name(ctx, "x", NULL));
  SmLoc *parts[] = {sm_loc_unknown(ctx), n};
  SmLoc *f = sm_loc_fused(ctx, 2, parts, NULL);
  SmLoc *parts2[] = {sm_loc_unknown(ctx), n};
  cr_assert_eq(f, sm_loc_fused(ctx, 2, parts2, NULL));
  cr_assert_neq(f, sm_loc_fused(ctx, 2, parts2, sm_attr_unit(ctx)));
  SmLoc *cs = sm_loc_callsite(ctx, f, sm_loc_unknown(ctx));
  cr_assert_eq(cs, sm_loc_callsite(ctx, f, sm_loc_unknown(ctx)));
  cr_assert_eq(sm_loc_find_file(cs), a);
  cr_assert_eq(sm_loc_find_file(n), a);
  cr_assert_null(sm_loc_find_file(sm_loc_unknown(ctx)));
  cr_assert_str_eq(a->file.file, "f.mlir");
}

/* ---- Attributes ---------------------------------------------------------------- */

Test(core_ir, integer_attrs_truncate) {
  SmType *i8 = sm_type_integer(ctx, 8, SM_SIGNLESS);
  SmType *u8 = sm_type_integer(ctx, 8, SM_UNSIGNED);
  SmType *i1 = sm_type_integer(ctx, 1, SM_SIGNLESS);
  cr_assert_eq(sm_attr_integer(ctx, i8, 300)->integer.value, 44);
  cr_assert_eq(sm_attr_integer(ctx, i8, 200)->integer.value, -56);
  cr_assert_eq(sm_attr_integer(ctx, i8, 200), sm_attr_integer(ctx, i8, -56));
  cr_assert_eq(sm_attr_integer(ctx, u8, -1)->integer.value, 255);
  cr_assert_eq(sm_attr_integer(ctx, i1, 3)->integer.value, 1);
  cr_assert_eq(sm_attr_integer(ctx, i1, -1), sm_attr_integer(ctx, i1, 1));
  cr_assert_eq(sm_attr_integer(ctx, i1, 2)->integer.value, 0);
  cr_assert_eq(sm_attr_integer(ctx, sm_type_index(ctx), INT64_MIN)->integer.value, INT64_MIN);
  cr_assert_eq(sm_attr_integer(ctx, sm_type_integer(ctx, 64, SM_UNSIGNED), -1)->integer.value, -1);
  cr_assert_neq(sm_attr_integer(ctx, i8, 5), sm_attr_integer(ctx, u8, 5));
  cr_assert_eq(sm_attr_bool(ctx, true), sm_attr_bool(ctx, true));
  cr_assert_neq(sm_attr_bool(ctx, true), sm_attr_bool(ctx, false));
  cr_assert_eq(sm_attr_unit(ctx), sm_attr_unit(ctx));
}

Test(core_ir, float_attrs_round) {
  SmAttr *f = sm_attr_float(ctx, sm_type_f32(ctx), 0.1);
  cr_assert_eq(f->fp.value, (double)0.1f);
  cr_assert_eq(f, sm_attr_float(ctx, sm_type_f32(ctx), (double)0.1f));
  cr_assert_eq(sm_attr_float(ctx, sm_type_f64(ctx), 0.1)->fp.value, 0.1);
  cr_assert_eq(sm_attr_float(ctx, sm_type_f16(ctx), 0.1)->fp.value, 0.0999755859375);
  cr_assert_eq(sm_attr_float(ctx, sm_type_bf16(ctx), 0.1)->fp.value, 0.10009765625);
  cr_assert_eq(sm_attr_float(ctx, sm_type_f16(ctx), 70000.0)->fp.value, INFINITY);
  SmAttr *nan1 = sm_attr_float(ctx, sm_type_f64(ctx), NAN);
  cr_assert_eq(nan1, sm_attr_float(ctx, sm_type_f64(ctx), NAN));
  cr_assert_neq(sm_attr_float(ctx, sm_type_f64(ctx), 0.0), sm_attr_float(ctx, sm_type_f64(ctx), -0.0));
}

Test(core_ir, fp16_conversions) {
  cr_assert_eq(sm_f32_to_f16_bits(1.0f), 0x3c00);
  cr_assert_eq(sm_f32_to_f16_bits(-2.0f), 0xc000);
  cr_assert_eq(sm_f32_to_f16_bits(65504.0f), 0x7bff);
  cr_assert_eq(sm_f32_to_f16_bits(65520.0f), 0x7c00); /* ties to even -> overflow */
  cr_assert_eq(sm_f32_to_f16_bits(5.9604644775390625e-8f), 0x0001); /* smallest subnormal */
  cr_assert_eq(sm_f32_to_f16_bits(2.98023223876953125e-8f), 0x0000); /* tie -> even 0 */
  cr_assert_eq(sm_f32_to_f16_bits(1.0f + 1.0f / 2048), 0x3c00); /* tie -> even */
  cr_assert_eq(sm_f32_to_f16_bits(1.0f + 3.0f / 2048), 0x3c02); /* tie -> even (up) */
  cr_assert_eq(sm_f16_bits_to_f32(0x0001), 5.9604644775390625e-8f);
  cr_assert_eq(sm_f16_bits_to_f32(0x3555), 0.333251953125f);
  cr_assert(isnan(sm_f16_bits_to_f32(sm_f32_to_f16_bits(NAN))));
  /* Every half value round-trips. */
  for (uint32_t h = 0; h < 0x10000; h++) {
    if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff)) continue; /* nans */
    cr_assert_eq(sm_f32_to_f16_bits(sm_f16_bits_to_f32((uint16_t)h)), h, "h=%x", h);
  }
  cr_assert_eq(sm_f32_to_bf16_bits(1.0f), 0x3f80);
  cr_assert_eq(sm_bf16_bits_to_f32(0x3f80), 1.0f);
  cr_assert_eq(sm_f32_to_bf16_bits(sm_f32_from_bits(0x3f808000u)), 0x3f80); /* tie, even */
  cr_assert_eq(sm_f32_to_bf16_bits(sm_f32_from_bits(0x3f818000u)), 0x3f82); /* tie, up */
  cr_assert(isnan(sm_bf16_bits_to_f32(sm_f32_to_bf16_bits(NAN))));
}

Test(core_ir, misc_attrs_unique) {
  SmAttr *s = sm_attr_string(ctx, "a\0b", 3);
  cr_assert_eq(s, sm_attr_string(ctx, "a\0b", 3));
  cr_assert_neq(s, sm_attr_string(ctx, "a", 1));
  cr_assert_eq(s->string.len, 3);
  cr_assert_eq(s->string.data[3], '\0');
  cr_assert_eq(sm_attr_string(ctx, "", 0), sm_attr_string(ctx, NULL, 0));
  SmAttr *e[] = {s, sm_attr_unit(ctx)}, *e2[] = {s, sm_attr_unit(ctx)};
  cr_assert_eq(sm_attr_array(ctx, 2, e), sm_attr_array(ctx, 2, e2));
  cr_assert_eq(sm_attr_array(ctx, 0, NULL), sm_attr_array(ctx, 0, NULL));
  cr_assert_eq(sm_attr_type(ctx, i32()), sm_attr_type(ctx, i32()));
  const char *nested[] = {"b", "c"};
  SmAttr *r = sm_attr_symbol_ref(ctx, "a", 2, nested);
  cr_assert_eq(r, sm_attr_symbol_ref(ctx, "a", 2, nested));
  cr_assert_neq(r, sm_attr_symbol_ref(ctx, "a", 1, nested));
  cr_assert_eq(r->symref.nested[1], sm_intern_cstr(ctx, "c"));
  cr_assert_eq(sm_attr_dense_resource(ctx, "w", i32()), sm_attr_dense_resource(ctx, "w", i32()));
  cr_assert_eq(sm_attr_opaque(ctx, "foo", "<1>"), sm_attr_opaque(ctx, "foo", "<1>"));
  SmAffineMap *m = sm_affine_map_identity(ctx, 2);
  cr_assert_eq(sm_attr_affine_map(ctx, m), sm_attr_affine_map(ctx, m));
  int64_t v[] = {1, 2, 3}, w[] = {1, 2, 3};
  SmAttr *da = sm_attr_dense_array_i64(ctx, 3, v);
  cr_assert_eq(da, sm_attr_dense_array_i64(ctx, 3, w));
  cr_assert_eq(sm_attr_dense_array_get_i64(da, 2), 3);
  cr_assert_eq(sm_attr_dense_num_elements(da), 3);
  uint8_t bools[] = {1, 0, 1};
  SmAttr *db = sm_attr_dense_array(ctx, sm_type_integer(ctx, 1, SM_SIGNLESS), 3, bools);
  cr_assert_eq(sm_attr_dense_array_get_i64(db, 0), 1);
  cr_assert_eq(sm_attr_dense_array_get_i64(db, 1), 0);
  float fl[] = {1.5f, -2.25f};
  SmAttr *df = sm_attr_dense_array(ctx, sm_type_f32(ctx), 2, fl);
  cr_assert_eq(sm_attr_dense_array_get_f64(df, 1), -2.25);
  cr_assert_eq(sm_attr_dense_array_get_f64(df, 5), 0.0);
}

Test(core_ir, dict_sorted_and_set) {
  SmAttr *one = sm_attr_integer(ctx, i32(), 1), *two = sm_attr_integer(ctx, i32(), 2);
  SmNamedAttr e[] = {{"zeta", one}, {"alpha", one}, {"mid", two}, {"alpha", two}};
  SmAttr *d = sm_attr_dict(ctx, 4, e);
  cr_assert_eq(d->dict.count, 3);
  cr_assert_str_eq(d->dict.entries[0].name, "alpha");
  cr_assert_str_eq(d->dict.entries[1].name, "mid");
  cr_assert_str_eq(d->dict.entries[2].name, "zeta");
  cr_assert_eq(d->dict.entries[0].value, two, "last duplicate wins");
  cr_assert_eq(d->dict.entries[0].name, sm_intern_cstr(ctx, "alpha"), "names interned");
  SmNamedAttr sorted[] = {{"alpha", two}, {"mid", two}, {"zeta", one}};
  cr_assert_eq(sm_attr_dict(ctx, 3, sorted), d);
  cr_assert_eq(sm_dict_get(d, "mid"), two);
  cr_assert_null(sm_dict_get(d, "nope"));
  cr_assert_null(sm_dict_get(NULL, "mid"));
  SmAttr *d2 = sm_dict_set(ctx, d, "beta", one);
  cr_assert_eq(d2->dict.count, 4);
  cr_assert_str_eq(d2->dict.entries[1].name, "beta");
  cr_assert_eq(sm_dict_set(ctx, d2, "beta", NULL), d);
  cr_assert_eq(sm_dict_set(ctx, d, "mid", two), d);
  SmAttr *d3 = sm_dict_set(ctx, d, "mid", one);
  cr_assert_eq(sm_dict_get(d3, "mid"), one);
  cr_assert_eq(d3->dict.count, 3);
  SmAttr *d4 = sm_dict_set(ctx, NULL, "x", one);
  cr_assert_eq(d4->dict.count, 1);
  cr_assert_eq(sm_dict_set(ctx, d4, "x", NULL), sm_attr_dict(ctx, 0, NULL));
  /* Large dictionaries (heap path). */
  SmNamedAttr big[40];
  char names[40][8];
  for (int i = 0; i < 40; i++) {
    snprintf(names[i], sizeof names[i], "k%02d", 39 - i);
    big[i] = (SmNamedAttr){names[i], sm_attr_integer(ctx, i32(), i)};
  }
  SmAttr *bd = sm_attr_dict(ctx, 40, big);
  for (unsigned i = 1; i < bd->dict.count; i++)
    cr_assert(strcmp(bd->dict.entries[i - 1].name, bd->dict.entries[i].name) < 0);
  cr_assert_eq(sm_dict_get(bd, "k00")->integer.value, 39);
}

Test(core_ir, dense_elements_access) {
  int64_t shape[] = {2, 2};
  SmType *ti32 = sm_type_tensor(ctx, 2, shape, i32(), NULL);
  int32_t vals[] = {1, -2, 300000, -400000};
  SmAttr *d = sm_attr_dense(ctx, ti32, false, vals, sizeof vals);
  cr_assert_eq(d, sm_attr_dense(ctx, ti32, false, vals, sizeof vals));
  cr_assert_eq(sm_attr_dense_num_elements(d), 4);
  cr_assert_eq(sm_attr_dense_get_i64(d, 1), -2);
  cr_assert_eq(sm_attr_dense_get_i64(d, 3), -400000);
  cr_assert_eq(sm_attr_dense_get_f64(d, 2), 300000.0);

  SmType *tf32 = sm_type_tensor(ctx, 2, shape, sm_type_f32(ctx), NULL);
  float sp = 2.5f;
  SmAttr *s = sm_attr_dense(ctx, tf32, true, &sp, sizeof sp);
  cr_assert_neq(s, sm_attr_dense(ctx, tf32, false, &sp, sizeof sp));
  for (int i = 0; i < 4; i++) cr_assert_eq(sm_attr_dense_get_f64(s, i), 2.5);
  cr_assert_eq(sm_attr_dense_get_i64(s, 3), 2);

  SmType *tf16 = sm_type_tensor(ctx, 1, shape, sm_type_f16(ctx), NULL);
  uint16_t h[] = {sm_f32_to_f16_bits(1.5f), sm_f32_to_f16_bits(-0.25f)};
  SmAttr *dh = sm_attr_dense(ctx, tf16, false, h, sizeof h);
  cr_assert_eq(sm_attr_dense_get_f64(dh, 0), 1.5);
  cr_assert_eq(sm_attr_dense_get_f64(dh, 1), -0.25);

  SmType *tbf = sm_type_tensor(ctx, 1, shape, sm_type_bf16(ctx), NULL);
  uint16_t b[] = {sm_f32_to_bf16_bits(3.0f), sm_f32_to_bf16_bits(-1.0f)};
  SmAttr *db = sm_attr_dense(ctx, tbf, false, b, sizeof b);
  cr_assert_eq(sm_attr_dense_get_f64(db, 0), 3.0);
  cr_assert_eq(sm_attr_dense_get_f64(db, 1), -1.0);

  SmType *ti1 = sm_type_tensor(ctx, 1, shape, sm_type_integer(ctx, 1, SM_SIGNLESS), NULL);
  uint8_t bits[] = {1, 0};
  SmAttr *dbool = sm_attr_dense(ctx, ti1, false, bits, sizeof bits);
  cr_assert_eq(sm_attr_dense_get_i64(dbool, 0), 1);
  cr_assert_eq(sm_attr_dense_get_i64(dbool, 1), 0);
  cr_assert_eq(sm_dense_elem_size(sm_type_integer(ctx, 1, SM_SIGNLESS)), 1);

  uint8_t bytes[] = {0xff, 0x80};
  SmType *tu8 = sm_type_tensor(ctx, 1, shape, sm_type_integer(ctx, 8, SM_UNSIGNED), NULL);
  SmType *ts8 = sm_type_tensor(ctx, 1, shape, sm_type_integer(ctx, 8, SM_SIGNED), NULL);
  SmType *ti8 = sm_type_tensor(ctx, 1, shape, sm_type_integer(ctx, 8, SM_SIGNLESS), NULL);
  cr_assert_eq(sm_attr_dense_get_i64(sm_attr_dense(ctx, tu8, false, bytes, 2), 0), 255);
  cr_assert_eq(sm_attr_dense_get_i64(sm_attr_dense(ctx, ts8, false, bytes, 2), 1), -128);
  cr_assert_eq(sm_attr_dense_get_i64(sm_attr_dense(ctx, ti8, false, bytes, 2), 0), -1);

  int16_t i16s[] = {-3, 7};
  SmType *ti16 = sm_type_tensor(ctx, 1, shape, sm_type_integer(ctx, 16, SM_SIGNLESS), NULL);
  cr_assert_eq(sm_attr_dense_get_i64(sm_attr_dense(ctx, ti16, false, i16s, 4), 0), -3);

  int64_t i64s[] = {INT64_MIN, 42};
  SmType *ti64 = sm_type_tensor(ctx, 1, shape, sm_type_integer(ctx, 64, SM_SIGNLESS), NULL);
  SmType *tidx = sm_type_tensor(ctx, 1, shape, sm_type_index(ctx), NULL);
  cr_assert_eq(sm_attr_dense_get_i64(sm_attr_dense(ctx, ti64, false, i64s, 16), 0), INT64_MIN);
  cr_assert_eq(sm_attr_dense_get_i64(sm_attr_dense(ctx, tidx, true, &i64s[1], 8), 1), 42);
  cr_assert_eq(sm_dense_elem_size(sm_type_index(ctx)), 8);

  double f64s[] = {0.125, -1e300};
  SmType *tf64 = sm_type_tensor(ctx, 1, shape, sm_type_f64(ctx), NULL);
  SmAttr *d64 = sm_attr_dense(ctx, tf64, false, f64s, 16);
  cr_assert_eq(sm_attr_dense_get_f64(d64, 1), -1e300);
  cr_assert_eq(sm_attr_dense_get_i64(d64, 1), INT64_MIN, "saturates");
  cr_assert_eq(sm_attr_dense_get_f64(d64, 7), 0.0, "out of range");
  cr_assert_eq(sm_attr_dense_get_f64(d64, -1), 0.0, "negative index");
}

Test(core_ir, resources) {
  unsigned char blob[] = {1, 2, 3, 4};
  sm_context_set_resource(ctx, "w0", blob, 4, 16);
  blob[0] = 9;
  size_t size = 0;
  uint32_t align = 0;
  const unsigned char *p = sm_context_get_resource(ctx, "w0", &size, &align);
  cr_assert_not_null(p);
  cr_assert_eq(size, 4);
  cr_assert_eq(align, 16);
  cr_assert_eq(p[0], 1, "data is copied");
  sm_context_set_resource(ctx, "w0", blob, 2, 4);
  p = sm_context_get_resource(ctx, "w0", &size, &align);
  cr_assert_eq(size, 2);
  cr_assert_eq(p[0], 9);
  cr_assert_null(sm_context_get_resource(ctx, "w1", NULL, NULL));
}

/* ---- Ops and use lists ---------------------------------------------------------- */

Test(core_ir, op_create_props_and_attrs) {
  SmOpState st;
  sm_op_state_init(&st, ctx, "tst.const", sm_loc_file(ctx, "a", 1, 2));
  sm_op_state_add_attr(&st, "zz", sm_attr_unit(ctx));
  sm_op_state_add_attr(&st, "value", sm_attr_integer(ctx, i32(), 7));
  sm_op_state_add_result(&st, i32());
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  cr_assert_eq(op->def, &g_test_ops[0]);
  cr_assert_eq(op->def->dialect, &g_test_dialect);
  cr_assert_eq(op->name, sm_intern_cstr(ctx, "tst.const"));
  cr_assert_eq(sm_op_context(op), ctx);
  cr_assert_eq(sm_op_get_prop(op, "value")->integer.value, 7);
  cr_assert_null(sm_dict_get(op->attrs, "value"), "value moved to props");
  cr_assert_eq(sm_op_get_attr(op, "zz"), sm_attr_unit(ctx));
  cr_assert_eq(sm_op_get_attr(op, "value")->integer.value, 7);
  sm_op_set_attr(op, "value", sm_attr_integer(ctx, i32(), 8));
  cr_assert_eq(sm_op_get_prop(op, "value")->integer.value, 8);
  sm_op_set_attr(op, "other", sm_attr_unit(ctx));
  cr_assert_not_null(sm_dict_get(op->attrs, "other"));
  sm_op_set_attr(op, "other", NULL);
  sm_op_set_attr(op, "zz", NULL);
  cr_assert_null(op->attrs);
  cr_assert(sm_op_name_is(op, "tst.const"));
  cr_assert(sm_op_has_trait(op, SM_TRAIT_PURE));
  cr_assert(!sm_op_has_trait(op, SM_TRAIT_TERMINATOR));
  cr_assert_str_eq(sm_op_dialect_name(op), "tst");
  cr_assert_eq(sm_context_lookup_dialect(ctx, "tst"), &g_test_dialect);
  cr_assert_eq(sm_context_dialect_at(ctx, 0), &g_test_dialect);
  cr_assert_null(sm_context_dialect_at(ctx, 1));
  cr_assert_eq(sm_context_lookup_op(ctx, "tst.addXYZ", 7), &g_test_ops[1]);
  cr_assert_null(sm_context_lookup_op(ctx, "tst.ad", 6));
  sm_op_destroy(op);

  /* Unregistered op keeps what it was given. */
  sm_op_state_init(&st, ctx, "foo.bar", NULL);
  sm_op_state_add_prop(&st, "p", sm_attr_unit(ctx));
  sm_op_state_add_attr(&st, "value", sm_attr_unit(ctx));
  SmOp *u = sm_op_create(&st);
  sm_op_state_release(&st);
  cr_assert_null(u->def);
  cr_assert_not_null(sm_dict_get(u->props, "p"));
  cr_assert_not_null(sm_dict_get(u->attrs, "value"));
  cr_assert(!sm_op_has_trait(u, SM_TRAIT_PURE));
  cr_assert_str_eq(sm_op_dialect_name(u), "foo");
  cr_assert_eq(u->loc, sm_loc_unknown(ctx));
  sm_op_destroy(u);
}

Test(core_ir, use_lists_rauw_set_operand_erase) {
  SmBlock *blk = sm_block_create();
  SmOp *c1 = make_const(1), *c2 = make_const(2);
  sm_block_append_op(blk, c1);
  sm_block_append_op(blk, c2);
  SmValue *a = sm_op_result(c1, 0), *b = sm_op_result(c2, 0);
  SmOp *add1 = make_add(a, a);
  SmOp *add2 = make_add(a, b);
  sm_block_append_op(blk, add1);
  sm_block_append_op(blk, add2);
  check_uses(a, 3);
  check_uses(b, 1);
  cr_assert(sm_value_has_one_use(b));
  cr_assert(!sm_value_has_one_use(a));
  cr_assert_eq(sm_value_num_uses(a), 3);
  cr_assert_eq(sm_value_defining_op(a), c1);
  cr_assert_eq(sm_value_parent_block(a), blk);

  sm_value_replace_all_uses_except(a, b, add1);
  check_uses(a, 2);
  check_uses(b, 2);
  cr_assert_eq(sm_op_operand(add2, 0), b);
  sm_value_replace_all_uses(a, b);
  check_uses(a, 0);
  check_uses(b, 4);
  cr_assert(sm_value_use_empty(a));
  cr_assert(sm_op_results_unused(c1));

  sm_op_set_operand(add1, 1, a);
  check_uses(a, 1);
  check_uses(b, 3);
  /* Growing the operand list beyond the inline slots relinks every use. */
  SmValue *many[9] = {a, b, a, b, a, b, a, b, sm_op_result(add2, 0)};
  sm_op_set_operands(add1, many, 9);
  cr_assert_eq(add1->num_operands, 9);
  check_uses(a, 4);
  check_uses(b, 6); /* 4 here + 2 from add2 */
  check_uses(sm_op_result(add2, 0), 1);
  sm_op_set_operands(add1, many, 1);
  check_uses(a, 1);
  check_uses(b, 2);
  check_uses(sm_op_result(add2, 0), 0);
  sm_op_drop_all_uses_of_operands(add1);
  check_uses(a, 0);
  cr_assert_null(sm_op_operand(add1, 0));

  SmValue *repl[] = {a};
  sm_op_replace_all_uses(c2, repl);
  check_uses(b, 0);
  check_uses(a, 2);
  sm_op_erase(add2);
  check_uses(a, 0);
  cr_assert_eq(blk->last, add1);
  sm_op_erase(c2);
  cr_assert_eq(c1->next, add1);
  cr_assert_eq(add1->prev, c1);
  sm_op_detach(add1);
  cr_assert_eq(blk->last, c1);
  cr_assert_null(add1->block);
  sm_op_destroy(add1);
  sm_block_destroy(blk);
}

Test(core_ir, destroy_with_internal_uses_and_state_release) {
  /* A loop op whose body uses its block argument and values defined later. */
  SmOpState st;
  sm_op_state_init(&st, ctx, "tst.loop", NULL);
  SmRegion *r = sm_op_state_add_region(&st);
  SmBlock *body = sm_block_create();
  sm_region_append_block(r, body);
  SmValue *arg = sm_block_add_arg(body, i32(), NULL);
  SmOp *c = make_const(3);
  SmOp *use_later = make_add(arg, arg);
  sm_block_append_op(body, use_later);
  sm_block_append_op(body, c);
  sm_op_set_operand(use_later, 1, sm_op_result(c, 0)); /* graph-region style forward use */
  sm_op_state_add_result(&st, i32());
  SmOp *loop = sm_op_create(&st);
  cr_assert(sm_region_empty(r), "blocks moved out of the state");
  sm_op_state_release(&st);
  cr_assert_eq(body->region, sm_op_region(loop, 0));
  cr_assert_eq(sm_block_parent_op(body), loop);
  cr_assert_eq(sm_op_parent_op(c), loop);
  cr_assert(sm_op_is_ancestor(loop, c));
  cr_assert(!sm_op_is_ancestor(c, loop));
  sm_op_destroy(loop); /* ASan checks that nothing dangles or leaks */

  /* A state whose region never went into an op frees it on release. */
  sm_op_state_init(&st, ctx, "tst.loop", NULL);
  r = sm_op_state_add_region(&st);
  body = sm_block_create();
  sm_region_append_block(r, body);
  SmOp *k = make_const(1);
  sm_block_append_op(body, k);
  sm_block_append_op(body, make_add(sm_op_result(k, 0), sm_op_result(k, 0)));
  sm_op_state_release(&st);
}

static SmWalkResult record(SmOp *op, void *user) {
  SmStrBuf *b = user;
  const char *n = op->name + 4; /* skip "tst." */
  SmAttr *v = sm_op_get_attr(op, "value");
  if (v) sm_strbuf_printf(b, "%s%lld ", n, (long long)v->integer.value);
  else sm_strbuf_printf(b, "%s ", n);
  return SM_WALK_ADVANCE;
}

static SmWalkResult skip_loops(SmOp *op, void *user) {
  record(op, user);
  return sm_op_name_is(op, "tst.loop") ? SM_WALK_SKIP : SM_WALK_ADVANCE;
}

static SmWalkResult stop_at_2(SmOp *op, void *user) {
  record(op, user);
  SmAttr *v = sm_op_get_attr(op, "value");
  return v && v->integer.value == 2 ? SM_WALK_INTERRUPT : SM_WALK_ADVANCE;
}

static SmWalkResult erase_consts(SmOp *op, void *user) {
  (void)user;
  if (sm_op_name_is(op, "tst.const") && sm_op_results_unused(op)) sm_op_erase(op);
  return SM_WALK_ADVANCE;
}

/* module { const1; loop { const2; const3 }; const4 } */
static SmOp *walk_fixture(void) {
  SmBlock *mb, *lb;
  SmOp *mod = make_with_region("tst.module", "m", &mb);
  SmOp *loop = make_with_region("tst.loop", NULL, &lb);
  sm_block_append_op(mb, make_const(1));
  sm_block_append_op(mb, loop);
  sm_block_append_op(mb, make_const(4));
  sm_block_append_op(lb, make_const(2));
  sm_block_append_op(lb, make_const(3));
  return mod;
}

Test(core_ir, walk_orders) {
  SmOp *mod = walk_fixture();
  SmStrBuf b = {0};
  cr_assert_eq(sm_op_walk(mod, SM_WALK_PRE, record, &b), SM_WALK_ADVANCE);
  cr_assert_str_eq(b.data, "module const1 loop const2 const3 const4 ");
  b.len = 0;
  sm_op_walk(mod, SM_WALK_POST, record, &b);
  cr_assert_str_eq(b.data, "const1 const2 const3 loop const4 module ");
  b.len = 0;
  sm_op_walk(mod, SM_WALK_PRE, skip_loops, &b);
  cr_assert_str_eq(b.data, "module const1 loop const4 ");
  b.len = 0;
  cr_assert_eq(sm_op_walk(mod, SM_WALK_PRE, stop_at_2, &b), SM_WALK_INTERRUPT);
  cr_assert_str_eq(b.data, "module const1 loop const2 ");
  b.len = 0;
  cr_assert_eq(sm_op_walk(mod, SM_WALK_POST, stop_at_2, &b), SM_WALK_INTERRUPT);
  cr_assert_str_eq(b.data, "const1 const2 ");
  /* Erasing the visited op in post-order. */
  sm_op_walk(mod, SM_WALK_POST, erase_consts, NULL);
  b.len = 0;
  sm_op_walk(mod, SM_WALK_PRE, record, &b);
  cr_assert_str_eq(b.data, "module loop ");
  sm_strbuf_free(&b);
  sm_op_destroy(mod);
}

Test(core_ir, clone_remaps_inner_values) {
  SmBlock *outer = sm_block_create();
  SmOp *ext = make_const(10);
  sm_block_append_op(outer, ext);
  SmValue *ev = sm_op_result(ext, 0);

  /* loop(%ext) { ^bb0(%x): %s = add %x, %ext; br ^bb1(%s)  ^bb1(%y): ret %y, %s } */
  SmOpState st;
  sm_op_state_init(&st, ctx, "tst.loop", NULL);
  sm_op_state_add_operand(&st, ev);
  sm_op_state_add_result(&st, i32());
  sm_op_state_add_attr(&st, "tag", sm_attr_unit(ctx));
  SmRegion *r = sm_op_state_add_region(&st);
  SmBlock *b0 = sm_block_create(), *b1 = sm_block_create();
  sm_region_append_block(r, b0);
  sm_region_append_block(r, b1);
  SmValue *x = sm_block_add_arg(b0, i32(), NULL);
  SmValue *y = sm_block_add_arg(b1, i32(), sm_loc_file(ctx, "l", 1, 1));
  SmOp *add = make_add(x, ev);
  sm_block_append_op(b0, add);
  SmOpState bs;
  sm_op_state_init(&bs, ctx, "tst.br", NULL);
  sm_op_state_add_operand(&bs, sm_op_result(add, 0));
  sm_op_state_add_successor(&bs, b1);
  SmOp *br = sm_op_create(&bs);
  sm_op_state_release(&bs);
  sm_block_append_op(b0, br);
  SmValue *rv[] = {y, sm_op_result(add, 0)};
  sm_block_append_op(b1, make_simple("tst.ret", rv, 2, 0));
  SmOp *loop = sm_op_create(&st);
  sm_op_state_release(&st);
  sm_block_append_op(outer, loop);

  SmOp *c = sm_op_clone(loop, NULL);
  cr_assert_neq(c, loop);
  cr_assert_null(c->block);
  cr_assert_eq(c->attrs, loop->attrs);
  cr_assert_eq(sm_op_operand(c, 0), ev, "outer operand kept");
  check_uses(ev, 4);
  SmRegion *cr = sm_op_region(c, 0);
  SmBlock *c0 = cr->first, *c1 = c0->next;
  cr_assert_neq(c0, b0);
  cr_assert_eq(c1, cr->last);
  cr_assert_eq(c0->region, cr);
  cr_assert_eq(c0->num_args, 1);
  cr_assert_eq(c1->args[0]->loc, y->loc);
  SmOp *cadd = c0->first;
  cr_assert_eq(sm_op_operand(cadd, 0), c0->args[0], "block arg remapped");
  cr_assert_eq(sm_op_operand(cadd, 1), ev);
  SmOp *cbr = cadd->next;
  cr_assert_eq(cbr->successors[0], c1, "successor remapped");
  cr_assert_eq(sm_op_operand(cbr, 0), sm_op_result(cadd, 0));
  SmOp *cret = c1->first;
  cr_assert_eq(sm_op_operand(cret, 0), c1->args[0]);
  cr_assert_eq(sm_op_operand(cret, 1), sm_op_result(cadd, 0));
  check_uses(sm_op_result(cadd, 0), 2);
  check_uses(sm_op_result(add, 0), 2);
  cr_assert_eq(sm_block_terminator(c0), cbr);

  /* With a caller map: outer values are substituted, entries are recorded. */
  SmOp *other = make_const(20);
  sm_block_append_op(outer, other);
  SmPtrMap map;
  sm_ptrmap_init(&map);
  sm_ptrmap_put(&map, ev, sm_op_result(other, 0));
  SmOp *c2 = sm_op_clone(loop, &map);
  cr_assert_eq(sm_op_operand(c2, 0), sm_op_result(other, 0));
  cr_assert_eq(sm_op_operand(sm_op_region(c2, 0)->first->first, 1), sm_op_result(other, 0));
  cr_assert_eq(sm_ptrmap_get(&map, sm_op_result(loop, 0)), sm_op_result(c2, 0));
  cr_assert_eq(sm_ptrmap_get(&map, b1), sm_op_region(c2, 0)->last);
  check_uses(sm_op_result(other, 0), 2);
  sm_ptrmap_free(&map);

  sm_op_destroy(c);
  sm_op_destroy(c2);
  check_uses(ev, 2);
  sm_block_destroy(outer);
}

Test(core_ir, blocks_regions_split_args) {
  SmBlock *b = sm_block_create();
  SmValue *a0 = sm_block_add_arg(b, i32(), NULL);
  SmValue *a2 = sm_block_add_arg(b, sm_type_index(ctx), NULL);
  SmValue *a1 = sm_block_insert_arg(b, 1, sm_type_f32(ctx), NULL);
  cr_assert_eq(b->num_args, 3);
  cr_assert_eq(b->args[1], a1);
  cr_assert_eq(a2->index, 2);
  cr_assert_eq(a1->owner.block, b);
  cr_assert_eq(sm_value_parent_block(a1), b);
  cr_assert_null(sm_value_defining_op(a1));
  sm_block_erase_arg(b, 0);
  cr_assert_eq(b->args[0], a1);
  cr_assert_eq(a1->index, 0);
  cr_assert_eq(a2->index, 1);
  (void)a0;

  SmOp *ops[4];
  for (int i = 0; i < 4; i++) sm_block_append_op(b, ops[i] = make_const(i));
  cr_assert_null(sm_block_terminator(b));
  sm_op_move_before(ops[3], ops[0]);
  cr_assert_eq(b->first, ops[3]);
  sm_op_move_after(ops[3], ops[2]);
  cr_assert_eq(b->last, ops[3]);
  SmOp *ret = make_simple("tst.ret", NULL, 0, 0);
  sm_block_append_op(b, ret);
  cr_assert_eq(sm_block_terminator(b), ret);
  SmOp *unreg = make_simple("foo.end", NULL, 0, 0);
  sm_block_append_op(b, unreg);
  cr_assert_eq(sm_block_terminator(b), unreg, "unregistered ops may terminate");
  sm_op_erase(unreg);

  SmBlock *body;
  SmOp *holder = make_with_region("tst.loop", NULL, &body);
  SmRegion *r = sm_op_region(holder, 0);
  sm_region_insert_block(r, body, b);
  cr_assert_eq(r->first, b);
  cr_assert(sm_block_is_entry(b));
  cr_assert(!sm_block_is_entry(body));
  SmBlock *tail = sm_block_split(b, ops[2]);
  cr_assert_eq(b->next, tail);
  cr_assert_eq(tail->next, body);
  cr_assert_eq(tail->region, r);
  cr_assert_eq(tail->first, ops[2]);
  cr_assert_eq(tail->last, ret);
  cr_assert_eq(ops[2]->block, tail);
  cr_assert_eq(b->last, ops[1]);
  cr_assert_null(ops[1]->next);
  cr_assert_null(ops[2]->prev);

  SmBlock *b2;
  SmOp *holder2 = make_with_region("tst.loop", NULL, &b2);
  sm_region_take_body(sm_op_region(holder2, 0), r);
  cr_assert(sm_region_empty(r));
  cr_assert_eq(sm_op_region(holder2, 0)->first, b2);
  cr_assert_eq(b2->next, b);
  cr_assert_eq(b->region, sm_op_region(holder2, 0));
  cr_assert_eq(sm_region_parent_op(b->region), holder2);
  sm_block_detach(tail);
  cr_assert_eq(b->next, body);
  cr_assert_null(tail->region);
  sm_block_destroy(tail);
  sm_region_clear(sm_op_region(holder2, 0));
  cr_assert(sm_region_empty(sm_op_region(holder2, 0)));
  sm_op_destroy(holder2);
  sm_op_destroy(holder);
}

Test(core_ir, builder_inserts) {
  SmBlock *b = sm_block_create();
  SmBuilder bld;
  sm_builder_init(&bld, ctx);
  sm_builder_set_block_end(&bld, b);
  SmOp *c1 = sm_builder_insert(&bld, make_const(1));
  SmOpState st;
  sm_op_state_init(&st, ctx, "tst.const", NULL);
  sm_op_state_add_result(&st, i32());
  SmOp *c3 = sm_builder_create(&bld, &st);
  sm_op_state_release(&st);
  sm_builder_set_before(&bld, c3);
  SmOp *c2 = sm_builder_insert(&bld, make_const(2));
  sm_builder_set_block_start(&bld, b);
  SmOp *c0 = sm_builder_insert(&bld, make_const(0));
  sm_builder_set_after(&bld, c3);
  SmOp *c4 = sm_builder_insert(&bld, make_const(4));
  SmOp *order[] = {c0, c1, c2, c3, c4};
  int i = 0;
  for (SmOp *o = b->first; o; o = o->next, i++) cr_assert_eq(o, order[i]);
  cr_assert_eq(i, 5);
  sm_block_destroy(b);
}

Test(core_ir, symbols) {
  SmBlock *mb, *nb, *fb;
  SmOp *mod = make_with_region("tst.module", "top", &mb);
  SmOp *inner = make_with_region("tst.module", "inner", &nb);
  SmOp *f = make_with_region("tst.func", "f", &fb);
  SmOp *g = make_with_region("tst.func", "g", NULL);
  SmOp *deep = make_with_region("tst.func", "deep", NULL);
  sm_block_append_op(mb, f);
  sm_block_append_op(mb, inner);
  sm_block_append_op(nb, g);
  sm_block_append_op(nb, deep);
  SmOp *probe = make_const(1);
  sm_block_append_op(fb, probe);
  /* Unregistered symbol: sym_name is a plain attribute. */
  SmOpState st;
  sm_op_state_init(&st, ctx, "foo.sym", NULL);
  sm_op_state_add_attr(&st, "sym_name", sm_attr_string(ctx, "u", 1));
  SmOp *u = sm_op_create(&st);
  sm_op_state_release(&st);
  sm_block_append_op(mb, u);

  cr_assert_not_null(sm_op_get_prop(f, "sym_name"));
  cr_assert_str_eq(sm_op_symbol_name(f), "f");
  cr_assert_str_eq(sm_op_symbol_name(u), "u");
  cr_assert_null(sm_op_symbol_name(probe));
  cr_assert_eq(sm_symbol_lookup_in(mod, "f"), f);
  cr_assert_eq(sm_symbol_lookup_in(mod, "u"), u);
  cr_assert_null(sm_symbol_lookup_in(mod, "g"));
  cr_assert_eq(sm_symbol_table_op_of(probe), mod);
  cr_assert_eq(sm_symbol_table_op_of(g), inner);
  cr_assert_eq(sm_symbol_table_op_of(mod), mod);
  SmAttr *ref = sm_attr_symbol_ref(ctx, "f", 0, NULL);
  cr_assert_eq(sm_symbol_lookup_from(probe, ref), f);
  const char *nested[] = {"deep"};
  SmAttr *nref = sm_attr_symbol_ref(ctx, "inner", 1, nested);
  cr_assert_eq(sm_symbol_lookup_from(probe, nref), deep);
  cr_assert_null(sm_symbol_lookup_from(probe, sm_attr_symbol_ref(ctx, "inner", 1,
                                                                  (const char *[]){"nope"})));
  cr_assert_eq(sm_symbol_lookup_from(g, sm_attr_symbol_ref(ctx, "deep", 0, NULL)), deep);

  SmSymbolTable *t = sm_symbol_table_create(mod);
  cr_assert_eq(sm_symbol_table_lookup(t, "f"), f);
  cr_assert_eq(sm_symbol_table_lookup(t, "inner"), inner);
  cr_assert_eq(sm_symbol_table_lookup(t, "u"), u);
  cr_assert_null(sm_symbol_table_lookup(t, "deep"));
  sm_symbol_table_destroy(t);
  /* Many symbols: the table grows past its initial size. */
  char name[16];
  for (int i = 0; i < 300; i++) {
    snprintf(name, sizeof name, "s%d", i);
    sm_block_append_op(mb, make_with_region("tst.func", name, NULL));
  }
  t = sm_symbol_table_create(mod);
  for (int i = 0; i < 300; i++) {
    snprintf(name, sizeof name, "s%d", i);
    SmOp *o = sm_symbol_table_lookup(t, name);
    cr_assert_not_null(o);
    cr_assert_str_eq(sm_op_symbol_name(o), name);
  }
  sm_symbol_table_destroy(t);
  sm_op_destroy(mod);
}

/* ---- Pointer map and string buffer ------------------------------------------------ */

Test(core_ir, ptrmap_put_get_remove) {
  SmPtrMap m;
  sm_ptrmap_init(&m);
  cr_assert_null(sm_ptrmap_get(&m, &m));
  static char keys[2000];
  for (int i = 0; i < 2000; i++) sm_ptrmap_put(&m, &keys[i], &keys[(i + 1) % 2000]);
  cr_assert_eq(m.count, 2000);
  for (int i = 0; i < 2000; i += 2) sm_ptrmap_remove(&m, &keys[i]);
  cr_assert_eq(m.count, 1000);
  for (int i = 0; i < 2000; i++) {
    if (i % 2) {
      cr_assert(sm_ptrmap_contains(&m, &keys[i]));
      cr_assert_eq(sm_ptrmap_get(&m, &keys[i]), &keys[(i + 1) % 2000]);
    } else {
      cr_assert(!sm_ptrmap_contains(&m, &keys[i]));
    }
  }
  sm_ptrmap_put(&m, &keys[1], NULL);
  cr_assert(sm_ptrmap_contains(&m, &keys[1]));
  cr_assert_eq(m.count, 1000);
  sm_ptrmap_clear(&m);
  cr_assert_eq(m.count, 0);
  cr_assert(!sm_ptrmap_contains(&m, &keys[1]));
  sm_ptrmap_free(&m);
}

Test(core_ir, strbuf) {
  SmStrBuf b = {0};
  sm_strbuf_puts(&b, "ab");
  sm_strbuf_append(&b, "cdef", 2);
  sm_strbuf_printf(&b, "%d-%s", 42, "x");
  cr_assert_str_eq(b.data, "abcd42-x");
  cr_assert_eq(b.len, 8);
  char big[500];
  memset(big, 'z', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  sm_strbuf_printf(&b, "%s!", big);
  cr_assert_eq(b.len, 8 + 499 + 1);
  cr_assert_eq(b.data[b.len - 1], '!');
  cr_assert_eq(b.data[b.len], '\0');
  sm_strbuf_free(&b);
  cr_assert_null(b.data);
  cr_assert_eq(b.len, 0);
}

/* ---- Scale -------------------------------------------------------------------------- */

Test(core_ir, many_ops) {
  SmBlock *b = sm_block_create();
  SmOp *c = make_const(1);
  sm_block_append_op(b, c);
  SmValue *prev = sm_op_result(c, 0);
  for (int i = 0; i < 20000; i++) {
    SmOpState st;
    sm_op_state_init(&st, ctx, "tst.add", NULL);
    sm_op_state_add_operand(&st, prev);
    sm_op_state_add_operand(&st, sm_op_result(c, 0));
    sm_op_state_add_result(&st, i32());
    sm_op_state_add_attr(&st, "idx", sm_attr_integer(ctx, i32(), i));
    SmOp *op = sm_op_create(&st);
    sm_op_state_release(&st);
    sm_block_append_op(b, op);
    prev = sm_op_result(op, 0);
  }
  cr_assert_eq(sm_value_num_uses(sm_op_result(c, 0)), 20001);
  cr_assert_eq(sm_op_get_attr(b->last, "idx")->integer.value, 19999);
  sm_block_destroy(b);
}
