/* builtin / func / arith built through the API: registration, builders,
 * verifiers (with MLIR's messages) and arith folders. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dialects/arith/arith.h"
#include "dialects/builtin/builtin.h"
#include "dialects/func/func.h"
#include "ir/ir.h"

typedef struct DFix {
  SmContext *ctx;
  SmOp *module;
  SmOp *func;
  SmBuilder b;
  char diags[4096];
} DFix;
static DFix D;

static void d_record(const SmDiagnostic *d, void *user) {
  (void)user;
  size_t n = strlen(D.diags);
  snprintf(D.diags + n, sizeof D.diags - n, "%s\n", d->message);
}

/* A module holding func @f(i32, i32, f32, f32) with its builder at the end of
 * the entry block. */
static void d_setup(void) {
  memset(&D, 0, sizeof D);
  D.ctx = sm_context_create();
  sm_register_core_dialects(D.ctx);
  sm_context_set_diag_handler(D.ctx, d_record, NULL);
  D.module = sm_builtin_module_create(D.ctx, NULL, NULL);
  SmType *i32 = sm_type_integer(D.ctx, 32, SM_SIGNLESS), *f32 = sm_type_f32(D.ctx);
  SmType *ins[4] = {i32, i32, f32, f32};
  D.func = sm_func_create(D.ctx, "f", sm_type_function(D.ctx, 4, ins, 0, NULL), true, NULL);
  sm_block_append_op(sm_builtin_module_body(D.module), D.func);
  sm_builder_init(&D.b, D.ctx);
  sm_builder_set_block_end(&D.b, sm_func_entry_block(D.func));
}
static void d_teardown(void) {
  sm_op_destroy(D.module);
  sm_context_destroy(D.ctx);
}

static SmValue *arg(unsigned i) { return sm_func_entry_block(D.func)->args[i]; }
static SmType *i32t(void) { return sm_type_integer(D.ctx, 32, SM_SIGNLESS); }
static SmValue *cint(SmType *t, int64_t v) {
  return sm_op_result(sm_arith_build_constant_int(&D.b, t, v, NULL), 0);
}
static SmValue *cf32(double v) {
  return sm_op_result(sm_arith_build_constant_float(&D.b, sm_type_f32(D.ctx), v, NULL), 0);
}
static SmOp *op1(const char *name, SmValue *a, SmType *rt) {
  SmOpState st;
  sm_op_state_init(&st, D.ctx, sm_intern_cstr(D.ctx, name), NULL);
  sm_op_state_add_operand(&st, a);
  sm_op_state_add_result(&st, rt);
  SmOp *op = sm_builder_create(&D.b, &st);
  sm_op_state_release(&st);
  return op;
}
static SmOp *op2(const char *name, SmValue *a, SmValue *b) {
  return sm_arith_build_binary(&D.b, name, a, b, NULL);
}
static SmOp *cmp(const char *name, int64_t pred, SmValue *a, SmValue *b) {
  SmOpState st;
  sm_op_state_init(&st, D.ctx, sm_intern_cstr(D.ctx, name), NULL);
  sm_op_state_add_operand(&st, a);
  sm_op_state_add_operand(&st, b);
  sm_op_state_add_prop(&st, "predicate", sm_attr_integer(D.ctx, sm_type_integer(D.ctx, 64, SM_SIGNLESS), pred));
  SmType *i1 = sm_type_integer(D.ctx, 1, SM_SIGNLESS);
  SmType *rt = sm_type_is_shaped(a->type) ? sm_type_tensor(D.ctx, a->type->shaped.rank, a->type->shaped.dims, i1, NULL) : i1;
  sm_op_state_add_result(&st, rt);
  SmOp *op = sm_builder_create(&D.b, &st);
  sm_op_state_release(&st);
  return op;
}

/* Folds op with the constant operands its operands' defining arith.constant
 * ops provide (what the greedy driver would pass). */
static bool fold(SmOp *op, SmFoldResult *r) {
  SmAttr *c[4] = {NULL, NULL, NULL, NULL};
  for (unsigned i = 0; i < op->num_operands && i < 4; i++) {
    SmOp *d = sm_value_defining_op(sm_op_operand(op, i));
    c[i] = d ? sm_arith_constant_value(d) : NULL;
  }
  r->attr = NULL;
  r->value = NULL;
  return op->def->fold(op, c, r);
}
static int64_t fold_int(SmOp *op) {
  SmFoldResult r;
  cr_assert(fold(op, &r), "%s did not fold", op->name);
  cr_assert_not_null(r.attr);
  if (r.attr->kind == SM_ATTR_BOOL) return r.attr->boolean;
  cr_assert_eq(r.attr->kind, SM_ATTR_INTEGER);
  cr_assert_eq(r.attr->integer.type, op->results[0].type);
  return r.attr->integer.value;
}
static double fold_float(SmOp *op) {
  SmFoldResult r;
  cr_assert(fold(op, &r), "%s did not fold", op->name);
  cr_assert_not_null(r.attr);
  cr_assert_eq(r.attr->kind, SM_ATTR_FLOAT);
  return r.attr->fp.value;
}
static SmValue *fold_value(SmOp *op) {
  SmFoldResult r;
  cr_assert(fold(op, &r), "%s did not fold", op->name);
  cr_assert_null(r.attr);
  return r.value;
}
static void no_fold(SmOp *op) {
  SmFoldResult r;
  cr_assert_not(fold(op, &r), "%s folded but should not", op->name);
}

TestSuite(dialects, .init = d_setup, .fini = d_teardown);

Test(dialects, registered_ops_and_traits) {
  static const char *const names[] = {
      "builtin.module", "builtin.unrealized_conversion_cast", "func.func", "func.return",
      "func.call", "func.call_indirect", "func.constant", "arith.constant", "arith.addi",
      "arith.maxui", "arith.addf", "arith.minimumf", "arith.negf", "arith.cmpi", "arith.cmpf",
      "arith.select", "arith.extsi", "arith.bitcast", "arith.index_castui", "arith.truncf"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    cr_assert_not_null(sm_context_lookup_op(D.ctx, names[i], strlen(names[i])), "%s", names[i]);
  const SmOpDef *m = sm_context_lookup_op(D.ctx, "builtin.module", 14);
  cr_assert(m->traits & SM_TRAIT_NO_TERMINATOR);
  cr_assert(m->traits & SM_TRAIT_SYMBOL_TABLE);
  const SmOpDef *f = sm_context_lookup_op(D.ctx, "func.func", 9);
  cr_assert_str_eq(f->default_dialect, "func");
  const SmOpDef *add = sm_context_lookup_op(D.ctx, "arith.addi", 10);
  cr_assert(add->traits & SM_TRAIT_COMMUTATIVE);
  cr_assert(add->traits & SM_TRAIT_PURE);
  cr_assert_str_eq(add->props[0], "overflowFlags");
  cr_assert_not_null(sm_context_lookup_dialect(D.ctx, "arith")->materialize_constant);
}

Test(dialects, built_module_verifies) {
  SmValue *s = sm_op_result(op2("arith.addi", arg(0), arg(1)), 0);
  sm_func_build_return(&D.b, NULL, 0, NULL);
  (void)s;
  cr_assert(sm_op_verify(D.module), "%s", D.diags);
  cr_assert_eq(sm_block_parent_op(sm_builtin_module_body(D.module)), D.module);
  cr_assert_str_eq(sm_func_get_name(D.func), "f");
  cr_assert_not(sm_func_is_external(D.func));
  cr_assert_str_eq(sm_func_get_visibility(D.func), "public");
}

Test(dialects, int_folds_wrap_at_width) {
  SmType *i32 = i32t(), *i8 = sm_type_integer(D.ctx, 8, SM_SIGNLESS);
  cr_assert_eq(fold_int(op2("arith.addi", cint(i32, INT32_MAX), cint(i32, 1))), INT32_MIN);
  cr_assert_eq(fold_int(op2("arith.muli", cint(i8, 100), cint(i8, 3))), 44);
  cr_assert_eq(fold_int(op2("arith.subi", cint(i8, -128), cint(i8, 1))), 127);
  cr_assert_eq(fold_int(op2("arith.divsi", cint(i32, -7), cint(i32, 2))), -3);
  cr_assert_eq(fold_int(op2("arith.divui", cint(i8, -1), cint(i8, 2))), 127);
  cr_assert_eq(fold_int(op2("arith.remsi", cint(i32, -7), cint(i32, 2))), -1);
  cr_assert_eq(fold_int(op2("arith.remui", cint(i8, -1), cint(i8, 10))), 5);
  cr_assert_eq(fold_int(op2("arith.shli", cint(i8, 1), cint(i8, 7))), -128);
  cr_assert_eq(fold_int(op2("arith.shrsi", cint(i8, -128), cint(i8, 3))), -16);
  cr_assert_eq(fold_int(op2("arith.shrui", cint(i8, -128), cint(i8, 3))), 16);
  cr_assert_eq(fold_int(op2("arith.andi", cint(i32, 12), cint(i32, 10))), 8);
  cr_assert_eq(fold_int(op2("arith.ori", cint(i32, 12), cint(i32, 10))), 14);
  cr_assert_eq(fold_int(op2("arith.xori", cint(i32, 12), cint(i32, 10))), 6);
  cr_assert_eq(fold_int(op2("arith.maxsi", cint(i32, -1), cint(i32, 1))), 1);
  cr_assert_eq(fold_int(op2("arith.maxui", cint(i32, -1), cint(i32, 1))), -1);
  cr_assert_eq(fold_int(op2("arith.minsi", cint(i32, -1), cint(i32, 1))), -1);
  cr_assert_eq(fold_int(op2("arith.minui", cint(i32, -1), cint(i32, 1))), 1);
  SmType *idx = sm_type_index(D.ctx);
  cr_assert_eq(fold_int(op2("arith.addi", cint(idx, 40), cint(idx, 2))), 42);
}

Test(dialects, undefined_int_ops_do_not_fold) {
  SmType *i32 = i32t();
  no_fold(op2("arith.divsi", cint(i32, 5), cint(i32, 0)));
  no_fold(op2("arith.divui", cint(i32, 5), cint(i32, 0)));
  no_fold(op2("arith.remsi", cint(i32, 5), cint(i32, 0)));
  no_fold(op2("arith.remui", cint(i32, 5), cint(i32, 0)));
  no_fold(op2("arith.divsi", cint(i32, INT32_MIN), cint(i32, -1)));
  no_fold(op2("arith.shli", cint(i32, 1), cint(i32, 32)));
  SmType *i64 = sm_type_integer(D.ctx, 64, SM_SIGNLESS);
  no_fold(op2("arith.divsi", cint(i64, INT64_MIN), cint(i64, -1)));
  /* INT_MIN rem -1 is defined (0). */
  cr_assert_eq(fold_int(op2("arith.remsi", cint(i64, INT64_MIN), cint(i64, -1))), 0);
}

Test(dialects, int_identities) {
  SmType *i32 = i32t();
  SmValue *x = arg(0), *y = arg(1);
  cr_assert_eq(fold_value(op2("arith.addi", x, cint(i32, 0))), x);
  cr_assert_eq(fold_value(op2("arith.addi", cint(i32, 0), y)), y);
  cr_assert_eq(fold_value(op2("arith.subi", x, cint(i32, 0))), x);
  cr_assert_eq(fold_int(op2("arith.subi", x, x)), 0);
  cr_assert_eq(fold_value(op2("arith.muli", x, cint(i32, 1))), x);
  cr_assert_eq(fold_int(op2("arith.muli", x, cint(i32, 0))), 0);
  cr_assert_eq(fold_value(op2("arith.divsi", x, cint(i32, 1))), x);
  cr_assert_eq(fold_int(op2("arith.remui", x, cint(i32, 1))), 0);
  cr_assert_eq(fold_value(op2("arith.andi", x, x)), x);
  cr_assert_eq(fold_value(op2("arith.andi", x, cint(i32, -1))), x);
  cr_assert_eq(fold_int(op2("arith.andi", x, cint(i32, 0))), 0);
  cr_assert_eq(fold_value(op2("arith.ori", x, cint(i32, 0))), x);
  cr_assert_eq(fold_int(op2("arith.ori", x, cint(i32, -1))), -1);
  cr_assert_eq(fold_int(op2("arith.xori", x, x)), 0);
  cr_assert_eq(fold_value(op2("arith.shli", x, cint(i32, 0))), x);
  cr_assert_eq(fold_value(op2("arith.maxsi", x, x)), x);
  no_fold(op2("arith.addi", x, y));
  no_fold(op2("arith.divsi", x, x)); /* x could be 0 */
}

Test(dialects, cmp_and_select) {
  SmType *i32 = i32t();
  SmValue *x = arg(0), *y = arg(1);
  cr_assert_eq(fold_int(cmp("arith.cmpi", 2, cint(i32, -1), cint(i32, 1))), 1); /* slt */
  cr_assert_eq(fold_int(cmp("arith.cmpi", 6, cint(i32, -1), cint(i32, 1))), 0); /* ult */
  cr_assert_eq(fold_int(cmp("arith.cmpi", 9, cint(i32, -1), cint(i32, 1))), 1); /* uge */
  cr_assert_eq(fold_int(cmp("arith.cmpi", 0, x, x)), 1);
  cr_assert_eq(fold_int(cmp("arith.cmpi", 4, x, x)), 0);
  cr_assert_eq(fold_int(cmp("arith.cmpf", 4, cf32(1.0), cf32(2.0))), 1);    /* olt */
  cr_assert_eq(fold_int(cmp("arith.cmpf", 1, cf32(NAN), cf32(NAN))), 0);    /* oeq */
  cr_assert_eq(fold_int(cmp("arith.cmpf", 14, cf32(NAN), cf32(1.0))), 1);   /* uno */
  cr_assert_eq(fold_int(cmp("arith.cmpf", 13, cf32(NAN), cf32(NAN))), 1);   /* une */
  SmValue *t = cint(sm_type_integer(D.ctx, 1, SM_SIGNLESS), 1);
  SmValue *f = cint(sm_type_integer(D.ctx, 1, SM_SIGNLESS), 0);
  SmOpState st;
  SmValue *cond = sm_op_result(cmp("arith.cmpi", 2, x, y), 0);
  SmValue *ops[3][3] = {{t, x, y}, {f, x, y}, {cond, x, x}};
  for (int k = 0; k < 3; k++) {
    sm_op_state_init(&st, D.ctx, sm_intern_cstr(D.ctx, "arith.select"), NULL);
    sm_op_state_add_operands(&st, ops[k], 3);
    sm_op_state_add_result(&st, i32);
    SmOp *sel = sm_builder_create(&D.b, &st);
    sm_op_state_release(&st);
    cr_assert_eq(fold_value(sel), k == 1 ? y : x);
  }
  /* select(%c, true, false) -> %c */
  SmValue *c = sm_op_result(cmp("arith.cmpi", 2, x, y), 0);
  sm_op_state_init(&st, D.ctx, sm_intern_cstr(D.ctx, "arith.select"), NULL);
  SmValue *sops[3] = {c, t, f};
  sm_op_state_add_operands(&st, sops, 3);
  sm_op_state_add_result(&st, c->type);
  SmOp *sel = sm_builder_create(&D.b, &st);
  sm_op_state_release(&st);
  cr_assert_eq(fold_value(sel), c);
}

Test(dialects, float_folds) {
  cr_assert_float_eq(fold_float(op2("arith.addf", cf32(1.5), cf32(2.25))), 3.75, 0);
  cr_assert_float_eq(fold_float(op2("arith.divf", cf32(1.0), cf32(3.0))), (double)(1.0f / 3.0f), 0);
  cr_assert_float_eq(fold_float(op2("arith.remf", cf32(7.0), cf32(4.0))), 3.0, 0);
  cr_assert(isnan(fold_float(op2("arith.maximumf", cf32(NAN), cf32(1.0)))));
  cr_assert_float_eq(fold_float(op2("arith.maxnumf", cf32(NAN), cf32(1.0))), 1.0, 0);
  cr_assert(signbit(fold_float(op2("arith.minimumf", cf32(0.0), cf32(-0.0)))));
  cr_assert_float_eq(fold_float(op1("arith.negf", cf32(2.0), sm_type_f32(D.ctx))), -2.0, 0);
  /* Identities that hold for every float, and one that does not. */
  SmValue *x = arg(2);
  cr_assert_eq(fold_value(op2("arith.addf", x, cf32(-0.0))), x);
  no_fold(op2("arith.addf", x, cf32(0.0)));
  cr_assert_eq(fold_value(op2("arith.mulf", cf32(1.0), x)), x);
  cr_assert_eq(fold_value(op2("arith.subf", x, cf32(0.0))), x);
  SmValue *n = sm_op_result(op1("arith.negf", x, x->type), 0);
  cr_assert_eq(fold_value(op1("arith.negf", n, x->type)), x);
}

Test(dialects, cast_folds) {
  SmType *i32 = i32t(), *i8 = sm_type_integer(D.ctx, 8, SM_SIGNLESS), *i64 = sm_type_integer(D.ctx, 64, SM_SIGNLESS);
  SmType *f32 = sm_type_f32(D.ctx), *f64 = sm_type_f64(D.ctx), *idx = sm_type_index(D.ctx);
  cr_assert_eq(fold_int(op1("arith.extsi", cint(i8, -2), i32)), -2);
  cr_assert_eq(fold_int(op1("arith.extui", cint(i8, -2), i32)), 254);
  cr_assert_eq(fold_int(op1("arith.trunci", cint(i32, 300), i8)), 44);
  cr_assert_float_eq(fold_float(op1("arith.sitofp", cint(i8, -2), f32)), -2.0, 0);
  cr_assert_float_eq(fold_float(op1("arith.uitofp", cint(i8, -2), f32)), 254.0, 0);
  cr_assert_eq(fold_int(op1("arith.fptosi", cf32(-3.7), i32)), -3);
  cr_assert_eq(fold_int(op1("arith.fptoui", cf32(3.7), i8)), 3);
  no_fold(op1("arith.fptosi", cf32(1e10), i32));
  no_fold(op1("arith.fptoui", cf32(-1.0), i32));
  no_fold(op1("arith.fptosi", cf32(NAN), i32));
  cr_assert_float_eq(fold_float(op1("arith.extf", cf32(0.1), f64)), (double)0.1f, 0);
  SmValue *d = sm_op_result(sm_arith_build_constant_float(&D.b, f64, 0.1, NULL), 0);
  cr_assert_float_eq(fold_float(op1("arith.truncf", d, f32)), (double)0.1f, 0);
  cr_assert_eq(fold_int(op1("arith.index_cast", cint(i32, -1), idx)), -1);
  cr_assert_eq(fold_int(op1("arith.index_castui", cint(i32, -1), idx)), 4294967295LL);
  cr_assert_eq(fold_int(op1("arith.bitcast", cf32(1.0), i32)), 0x3f800000);
  cr_assert_float_eq(fold_float(op1("arith.bitcast", cint(i32, 0x40000000), f32)), 2.0, 0);
  cr_assert_eq(fold_int(op1("arith.extsi", cint(i32, -1), i64)), -1);
  /* trunci(extsi x) -> x */
  SmValue *x = arg(0);
  SmValue *e = sm_op_result(op1("arith.extsi", x, i64), 0);
  cr_assert_eq(fold_value(op1("arith.trunci", e, i32)), x);
  SmValue *ic = sm_op_result(op1("arith.index_cast", x, idx), 0);
  cr_assert_eq(fold_value(op1("arith.index_cast", ic, i32)), x);
}

static SmValue *dense_i32(int64_t n, const int32_t *vals, bool splat) {
  int64_t dims[1] = {n};
  SmType *t = sm_type_tensor(D.ctx, 1, dims, i32t(), NULL);
  SmAttr *a = sm_attr_dense(D.ctx, t, splat, vals, splat ? 4 : (size_t)n * 4);
  return sm_op_result(sm_arith_build_constant(&D.b, a, NULL), 0);
}

Test(dialects, dense_and_splat_folds) {
  int32_t one = 1, two = 2;
  SmFoldResult r;
  SmOp *s = op2("arith.addi", dense_i32(4, &one, true), dense_i32(4, &two, true));
  cr_assert(fold(s, &r));
  cr_assert_eq(r.attr->kind, SM_ATTR_DENSE_ELEMENTS);
  cr_assert(r.attr->dense.splat);
  cr_assert_eq(sm_attr_dense_get_i64(r.attr, 0), 3);
  cr_assert_eq(r.attr->dense.type, s->results[0].type);

  int32_t a[4] = {1, 2, 3, 4}, b[4] = {10, 20, 30, INT32_MAX};
  SmOp *d = op2("arith.addi", dense_i32(4, a, false), dense_i32(4, b, false));
  cr_assert(fold(d, &r));
  cr_assert_not(r.attr->dense.splat);
  cr_assert_eq(sm_attr_dense_get_i64(r.attr, 0), 11);
  cr_assert_eq(sm_attr_dense_get_i64(r.attr, 2), 33);
  cr_assert_eq(sm_attr_dense_get_i64(r.attr, 3), INT32_MIN + 3);

  /* Mixed splat / dense. */
  SmOp *m = op2("arith.muli", dense_i32(4, a, false), dense_i32(4, &two, true));
  cr_assert(fold(m, &r));
  cr_assert_eq(sm_attr_dense_get_i64(r.attr, 3), 8);

  /* A zero lane blocks folding a division. */
  int32_t z[4] = {1, 0, 1, 1};
  no_fold(op2("arith.divsi", dense_i32(4, a, false), dense_i32(4, z, false)));

  /* x - x on tensors gives a zero splat. */
  SmValue *t = dense_i32(4, a, false);
  SmOp *sub = op2("arith.subi", t, t);
  cr_assert(fold(sub, &r));
  cr_assert(r.attr->dense.splat);
  cr_assert_eq(sm_attr_dense_get_i64(r.attr, 0), 0);

  /* cmpi on tensors gives an i1 tensor. */
  SmOp *c = cmp("arith.cmpi", 2, dense_i32(4, a, false), dense_i32(4, &two, true));
  cr_assert(fold(c, &r));
  cr_assert_eq(sm_attr_dense_get_i64(r.attr, 0) & 1, 1);
  cr_assert_eq(sm_attr_dense_get_i64(r.attr, 1) & 1, 0);
}

Test(dialects, constant_fold_and_materialize) {
  SmOp *c = sm_arith_build_constant_int(&D.b, i32t(), 7, NULL);
  cr_assert_eq(fold_int(c), 7);
  const SmDialect *ar = sm_context_lookup_dialect(D.ctx, "arith");
  SmAttr *v = sm_attr_float(D.ctx, sm_type_f32(D.ctx), 2.5);
  SmOp *m = ar->materialize_constant(&D.b, v, sm_type_f32(D.ctx), NULL);
  cr_assert_not_null(m);
  cr_assert_eq(sm_arith_constant_value(m), v);
  /* Type mismatch or unsupported attributes are refused. */
  cr_assert_null(ar->materialize_constant(&D.b, v, i32t(), NULL));
  cr_assert_null(ar->materialize_constant(&D.b, sm_attr_string(D.ctx, "x", 1), i32t(), NULL));
  /* i1 constants are bool attributes whichever way they were made. */
  SmOp *b = sm_arith_build_constant_int(&D.b, sm_type_integer(D.ctx, 1, SM_SIGNLESS), 1, NULL);
  cr_assert_eq(sm_arith_constant_value(b), sm_attr_bool(D.ctx, true));
}

Test(dialects, flag_attributes) {
  SmAttr *a = sm_arith_overflow_attr(D.ctx, SM_ARITH_OVERFLOW_NSW | SM_ARITH_OVERFLOW_NUW);
  cr_assert_str_eq(a->opaque.dialect, "arith");
  cr_assert_str_eq(a->opaque.rest, ".overflow<nsw, nuw>");
  cr_assert_eq(sm_arith_overflow_mask(a), 3);
  cr_assert_eq(sm_arith_overflow_mask(sm_attr_opaque(D.ctx, "arith", ".overflow<nuw,nsw>")), 3);
  cr_assert_eq(sm_arith_overflow_mask(sm_attr_opaque(D.ctx, "arith", ".overflow<bogus>")), -1);
  cr_assert_eq(sm_arith_overflow_mask(NULL), 0);
  SmAttr *f = sm_arith_fastmath_attr(D.ctx, SM_ARITH_FASTMATH_NNAN | SM_ARITH_FASTMATH_NINF);
  cr_assert_str_eq(f->opaque.rest, ".fastmath<nnan,ninf>");
  cr_assert_str_eq(sm_arith_fastmath_attr(D.ctx, SM_ARITH_FASTMATH_FAST)->opaque.rest, ".fastmath<fast>");
  cr_assert_eq(sm_arith_fastmath_mask(sm_attr_opaque(D.ctx, "arith", ".fastmath<fast>")), 127);
  /* A malformed flag attribute is a verifier error. */
  SmOp *add = op2("arith.addi", arg(0), arg(1));
  sm_op_set_prop(add, "overflowFlags", sm_attr_opaque(D.ctx, "arith", ".overflow<bogus>"));
  sm_func_build_return(&D.b, NULL, 0, NULL);
  cr_assert_not(sm_op_verify(D.module));
  cr_assert(strstr(D.diags, "'arith.addi' op attribute 'overflowFlags' failed to satisfy constraint"), "%s", D.diags);
}

Test(dialects, arith_verifier_messages) {
  SmValue *x = arg(0), *f = arg(2);
  op2("arith.addi", x, f);
  sm_func_build_return(&D.b, NULL, 0, NULL);
  cr_assert_not(sm_op_verify(D.module));
  cr_assert(strstr(D.diags, "'arith.addi' op") && strstr(D.diags, "operand #1 must be signless-integer-like, but got 'f32'") ? true
            : strstr(D.diags, "requires the same type for all operands and results") != NULL,
            "%s", D.diags);
}

Test(dialects, cast_verifier_messages) {
  op1("arith.extsi", arg(0), sm_type_integer(D.ctx, 16, SM_SIGNLESS));
  sm_func_build_return(&D.b, NULL, 0, NULL);
  cr_assert_not(sm_op_verify(D.module));
  cr_assert(strstr(D.diags, "'arith.extsi' op operand type 'i32' and result type 'i16' are cast incompatible"), "%s", D.diags);
}

Test(dialects, return_type_mismatch) {
  SmType *i32 = i32t();
  SmOp *g = sm_func_create(D.ctx, "g", sm_type_function(D.ctx, 0, NULL, 1, &i32), true, NULL);
  sm_block_append_op(sm_builtin_module_body(D.module), g);
  sm_func_build_return(&D.b, NULL, 0, NULL);
  SmBuilder gb;
  sm_builder_init(&gb, D.ctx);
  sm_builder_set_block_end(&gb, sm_func_entry_block(g));
  sm_func_build_return(&gb, NULL, 0, NULL);
  cr_assert_not(sm_op_verify(D.module));
  cr_assert(strstr(D.diags, "'func.return' op has 0 operands, but enclosing function (@g) returns 1"), "%s", D.diags);
}

Test(dialects, calls_resolve_and_check_types) {
  SmType *i32 = i32t(), *f32 = sm_type_f32(D.ctx);
  SmOp *decl = sm_func_create(D.ctx, "callee", sm_type_function(D.ctx, 1, &i32, 1, &f32), false, NULL);
  sm_block_append_op(sm_builtin_module_body(D.module), decl);
  cr_assert(sm_func_is_external(decl));
  SmValue *a = arg(0);
  sm_func_build_call(&D.b, "callee", &a, 1, &f32, 1, NULL);
  sm_func_build_return(&D.b, NULL, 0, NULL);
  cr_assert(sm_op_verify(D.module), "%s", D.diags);
  /* A call with a wrong argument type. */
  SmBuilder b2 = D.b;
  sm_builder_set_before(&b2, sm_block_terminator(sm_func_entry_block(D.func)));
  SmValue *fa = arg(2);
  sm_func_build_call(&b2, "callee", &fa, 1, &f32, 1, NULL);
  cr_assert_not(sm_op_verify(D.module));
  cr_assert(strstr(D.diags, "'func.call' op operand type mismatch: expected operand type 'i32', but provided 'f32' for operand number 0"), "%s", D.diags);
}

Test(dialects, call_to_missing_function) {
  sm_func_build_call(&D.b, "nope", NULL, 0, NULL, 0, NULL);
  sm_func_build_return(&D.b, NULL, 0, NULL);
  cr_assert_not(sm_op_verify(D.module));
  cr_assert(strstr(D.diags, "'func.call' op 'nope' does not reference a valid function"), "%s", D.diags);
}

Test(dialects, public_declaration_rejected) {
  SmOp *decl = sm_func_create(D.ctx, "d", sm_type_function(D.ctx, 0, NULL, 0, NULL), false, NULL);
  sm_op_set_prop(decl, "sym_visibility", NULL);
  sm_block_append_op(sm_builtin_module_body(D.module), decl);
  sm_func_build_return(&D.b, NULL, 0, NULL);
  cr_assert_not(sm_op_verify(D.module));
  cr_assert(strstr(D.diags, "symbol declaration cannot have public visibility"), "%s", D.diags);
}

Test(dialects, unrealized_cast_round_trip_folds) {
  SmOpState st;
  SmType *f32 = sm_type_f32(D.ctx), *i32 = i32t();
  sm_op_state_init(&st, D.ctx, sm_intern_cstr(D.ctx, "builtin.unrealized_conversion_cast"), NULL);
  SmValue *x = arg(0);
  sm_op_state_add_operand(&st, x);
  sm_op_state_add_result(&st, f32);
  SmOp *c1 = sm_builder_create(&D.b, &st);
  sm_op_state_release(&st);
  sm_op_state_init(&st, D.ctx, sm_intern_cstr(D.ctx, "builtin.unrealized_conversion_cast"), NULL);
  sm_op_state_add_operand(&st, sm_op_result(c1, 0));
  sm_op_state_add_result(&st, i32);
  SmOp *c2 = sm_builder_create(&D.b, &st);
  sm_op_state_release(&st);
  SmFoldResult r;
  cr_assert(c2->def->fold(c2, (SmAttr *[]){NULL}, &r));
  cr_assert_eq(r.value, x);
  cr_assert_not(c1->def->fold(c1, (SmAttr *[]){NULL}, &r));
}

Test(dialects, normalize_drops_default_flags) {
  SmOp *add = op2("arith.addi", arg(0), arg(1));
  const SmOpDef *def = add->def;
  cr_assert_not_null(def->normalize_props);
  sm_op_set_prop(add, "overflowFlags", sm_attr_opaque(D.ctx, "arith", ".overflow<none>"));
  def->normalize_props(add);
  cr_assert_null(sm_op_get_prop(add, "overflowFlags"));
  sm_op_set_prop(add, "overflowFlags", sm_attr_opaque(D.ctx, "arith", ".overflow<nuw,nsw>"));
  def->normalize_props(add);
  cr_assert_eq(sm_op_get_prop(add, "overflowFlags"), sm_arith_overflow_attr(D.ctx, 3));
}
