/* arith canonicalization patterns: the rewrites of MLIR's
 * ArithCanonicalization.td (and the in-place folds of ArithOps.cpp that
 * replace an operand) that need a new or changed op, each giving what
 * `mlir-opt --canonicalize` gives: reassociating integer constants,
 * inverting negated compares, pushing bitwise ops below extensions,
 * collapsing extension/truncation/cast chains and simplifying selects.
 *
 * Folds proper (x+0, x-x, select(c, x, x), ...) live in arith_fold.c; moving
 * constants to the right of commutative ops is done for every dialect by
 * the canonicalize pass (passes/transforms/canonicalize.c). Patterns match constants on
 * the right only, as MLIR's do: by the time they run the constants are there.
 *
 * Constants of the reassociation patterns are scalar integers only (MLIR's
 * APIntAttr: splat vectors are left alone); results wrap at the width.
 * Overflow flags follow MLIR: most reassociations keep the flags both ops
 * had (intersection); a few drop them. */
#include <string.h>

#include "dialects/arith/arith.h"
#include "dialects/arith/arith_internal.h"
#include "ir/rewrite.h"

/* ---- matching ----------------------------------------------------------- */

static const ArithInfo *arith_info_of(const SmOp *op) {
  if (!op || !op->def || strncmp(op->name, "arith.", 6) != 0) return NULL;
  return sm_arith_info(op->def);
}

/* v's defining op when it is the arith op with this opcode. */
static SmOp *def_opc(SmValue *v, ArithOpcode opc) {
  SmOp *d = sm_value_defining_op(v);
  const ArithInfo *i = arith_info_of(d);
  return i && i->opcode == opc ? d : NULL;
}

/* v's defining op when it is an arith op of this kind (cmpi, select). */
static SmOp *def_kind(SmValue *v, ArithKind kind) {
  SmOp *d = sm_value_defining_op(v);
  const ArithInfo *i = arith_info_of(d);
  return i && i->kind == kind ? d : NULL;
}

static SmValue *lhs(SmOp *op) { return sm_op_operand(op, 0); }
static SmValue *rhs(SmOp *op) { return sm_op_operand(op, 1); }

/* A scalar integer constant (bool for i1); its bits in *bits. */
static bool const_int(SmValue *v, uint64_t *bits) {
  SmAttr *a = sm_value_constant_attr(v);
  if (!a) return false;
  if (a->kind == SM_ATTR_BOOL) {
    *bits = a->boolean;
    return true;
  }
  if (a->kind == SM_ATTR_INTEGER) {
    *bits = (uint64_t)a->integer.value;
    return true;
  }
  return false;
}

static unsigned int_width(const SmType *t) {
  return t->kind == SM_TYPE_INDEX ? 64 : sm_type_bitwidth(t);
}
static uint64_t width_mask(unsigned w) { return w >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << w) - 1); }

/* A scalar or splat integer constant equal to value at its element width. */
static bool const_int_or_splat_is(SmValue *v, int64_t value) {
  SmAttr *a = sm_value_constant_attr(v);
  if (!a) return false;
  SmType *e = sm_type_element(v->type);
  if (!sm_type_is_int_or_index(e)) return false;
  uint64_t m = width_mask(int_width(e)), bits;
  if (a->kind == SM_ATTR_DENSE_ELEMENTS && a->dense.splat)
    bits = (uint64_t)sm_attr_dense_get_i64(a, 0);
  else if (!const_int(v, &bits))
    return false;
  return (bits & m) == ((uint64_t)value & m);
}

/* The scalar i1 constant `value` (MLIR's ConstantAttr<I1Attr, ...>). */
static bool const_i1_is(SmValue *v, bool value) {
  uint64_t bits;
  return sm_type_is_signless_int(v->type, 1) && const_int(v, &bits) && (bits & 1) == value;
}

static unsigned overflow_of(const SmOp *op) {
  int m = sm_arith_overflow_mask(sm_op_get_prop(op, "overflowFlags"));
  return m < 0 ? 0 : (unsigned)m;
}

/* ---- building ----------------------------------------------------------- */

static SmOp *create(SmRewriter *rw, const char *name, SmLoc *loc, SmType *type, SmValue *const *operands,
                    unsigned n, const char *prop, SmAttr *value) {
  SmContext *ctx = sm_rewriter_context(rw);
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, name), loc);
  sm_op_state_add_operands(&st, operands, n);
  sm_op_state_add_result(&st, type);
  if (prop && value) sm_op_state_add_prop(&st, prop, value);
  SmOp *op = sm_rewriter_create(rw, &st);
  sm_op_state_release(&st);
  return op;
}

static SmValue *make_const_attr(SmRewriter *rw, SmLoc *loc, SmType *type, SmAttr *value) {
  return sm_op_result(create(rw, "arith.constant", loc, type, NULL, 0, "value", value), 0);
}

/* Scalar integer constant of type t (value wraps at its width). */
static SmValue *make_const(SmRewriter *rw, SmLoc *loc, SmType *t, uint64_t bits) {
  return make_const_attr(rw, loc, t, sm_arith_int_attr(sm_rewriter_context(rw), t, (int64_t)bits));
}

/* A binary integer op with the given overflow flags (0: none, not stored). */
static SmOp *make_int_bin(SmRewriter *rw, const char *name, SmLoc *loc, SmValue *a, SmValue *b,
                          unsigned ovf) {
  SmValue *ops[2] = {a, b};
  SmAttr *flags = ovf ? sm_arith_overflow_attr(sm_rewriter_context(rw), ovf) : NULL;
  return create(rw, name, loc, a->type, ops, 2, "overflowFlags", flags);
}

static SmOp *make_unary(SmRewriter *rw, const char *name, SmLoc *loc, SmValue *a, SmType *type) {
  return create(rw, name, loc, type, &a, 1, NULL, NULL);
}

static SmValue *make_not(SmRewriter *rw, SmLoc *loc, SmValue *c) {
  SmValue *t = make_const(rw, loc, c->type, 1);
  return sm_op_result(make_int_bin(rw, "arith.xori", loc, c, t, 0), 0);
}

static bool replace(SmRewriter *rw, SmOp *op, SmOp *with) {
  sm_rewriter_replace_op_with_op(rw, op, with);
  return true;
}

/* ---- addi / subi / muli: reassociating constants ------------------------ */

/* The operand shapes "(x op c)" and "(c op x)" with c a scalar constant. */
static bool x_op_c(SmOp *inner, SmValue **x, uint64_t *c) {
  if (!inner || !const_int(rhs(inner), c)) return false;
  *x = lhs(inner);
  return true;
}
static bool c_op_x(SmOp *inner, SmValue **x, uint64_t *c) {
  if (!inner || !const_int(lhs(inner), c)) return false;
  *x = rhs(inner);
  return true;
}

/* addi(addi(x, c0), c1) -> addi(x, c0 + c1) */
static bool addi_addi_constant(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(lhs(op), OPC_ADD);
  SmValue *x;
  uint64_t c0, c1;
  if (!const_int(rhs(op), &c1) || !x_op_c(in, &x, &c0)) return false;
  SmValue *c = make_const(rw, op->loc, x->type, c0 + c1);
  return replace(rw, op, make_int_bin(rw, "arith.addi", op->loc, x, c, overflow_of(in) & overflow_of(op)));
}

/* addi(subi(x, c0), c1) -> addi(x, c1 - c0) */
static bool addi_subi_constant_rhs(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(lhs(op), OPC_SUB);
  SmValue *x;
  uint64_t c0, c1;
  if (!const_int(rhs(op), &c1) || !x_op_c(in, &x, &c0)) return false;
  SmValue *c = make_const(rw, op->loc, x->type, c1 - c0);
  return replace(rw, op, make_int_bin(rw, "arith.addi", op->loc, x, c, overflow_of(in) & overflow_of(op)));
}

/* addi(subi(c0, x), c1) -> subi(c0 + c1, x) */
static bool addi_subi_constant_lhs(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(lhs(op), OPC_SUB);
  SmValue *x;
  uint64_t c0, c1;
  if (!const_int(rhs(op), &c1) || !c_op_x(in, &x, &c0)) return false;
  SmValue *c = make_const(rw, op->loc, x->type, c0 + c1);
  return replace(rw, op, make_int_bin(rw, "arith.subi", op->loc, c, x, overflow_of(in) & overflow_of(op)));
}

/* addi(x, muli(y, -1)) -> subi(x, y); addi(muli(x, -1), y) -> subi(y, x).
 * Scalars and splats; the flags are dropped (as MLIR does). */
static bool addi_muli_negative_one(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *m = def_opc(rhs(op), OPC_MUL);
  if (m && const_int_or_splat_is(rhs(m), -1))
    return replace(rw, op, make_int_bin(rw, "arith.subi", op->loc, lhs(op), lhs(m), 0));
  m = def_opc(lhs(op), OPC_MUL);
  if (m && const_int_or_splat_is(rhs(m), -1))
    return replace(rw, op, make_int_bin(rw, "arith.subi", op->loc, rhs(op), lhs(m), 0));
  return false;
}

/* subi(addi(x, c0), c1) -> addi(x, c0 - c1); flags dropped (as MLIR does:
 * nsw of both does not give nsw of the sum's rewrite). */
static bool subi_rhs_addi_constant(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(lhs(op), OPC_ADD);
  SmValue *x;
  uint64_t c0, c1;
  if (!const_int(rhs(op), &c1) || !x_op_c(in, &x, &c0)) return false;
  SmValue *c = make_const(rw, op->loc, x->type, c0 - c1);
  return replace(rw, op, make_int_bin(rw, "arith.addi", op->loc, x, c, 0));
}

/* subi(c1, addi(x, c0)) -> subi(c1 - c0, x) */
static bool subi_lhs_addi_constant(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(rhs(op), OPC_ADD);
  SmValue *x;
  uint64_t c0, c1;
  if (!const_int(lhs(op), &c1) || !x_op_c(in, &x, &c0)) return false;
  SmValue *c = make_const(rw, op->loc, x->type, c1 - c0);
  return replace(rw, op, make_int_bin(rw, "arith.subi", op->loc, c, x, overflow_of(in) & overflow_of(op)));
}

/* subi(subi(x, c0), c1) -> subi(x, c0 + c1)
 * subi(subi(c0, x), c1) -> subi(c0 - c1, x) */
static bool subi_rhs_subi_constant(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(lhs(op), OPC_SUB);
  SmValue *x;
  uint64_t c0, c1;
  if (!const_int(rhs(op), &c1) || !in) return false;
  unsigned ovf = overflow_of(in) & overflow_of(op);
  if (x_op_c(in, &x, &c0)) {
    SmValue *c = make_const(rw, op->loc, x->type, c0 + c1);
    return replace(rw, op, make_int_bin(rw, "arith.subi", op->loc, x, c, ovf));
  }
  if (c_op_x(in, &x, &c0)) {
    SmValue *c = make_const(rw, op->loc, x->type, c0 - c1);
    return replace(rw, op, make_int_bin(rw, "arith.subi", op->loc, c, x, ovf));
  }
  return false;
}

/* subi(c1, subi(x, c0)) -> subi(c0 + c1, x)
 * subi(c1, subi(c0, x)) -> addi(x, c1 - c0) */
static bool subi_lhs_subi_constant(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(rhs(op), OPC_SUB);
  SmValue *x;
  uint64_t c0, c1;
  if (!const_int(lhs(op), &c1) || !in) return false;
  unsigned ovf = overflow_of(in) & overflow_of(op);
  if (x_op_c(in, &x, &c0)) {
    SmValue *c = make_const(rw, op->loc, x->type, c0 + c1);
    return replace(rw, op, make_int_bin(rw, "arith.subi", op->loc, c, x, ovf));
  }
  if (c_op_x(in, &x, &c0)) {
    SmValue *c = make_const(rw, op->loc, x->type, c1 - c0);
    return replace(rw, op, make_int_bin(rw, "arith.addi", op->loc, x, c, ovf));
  }
  return false;
}

/* Zero of t (scalar, or splat of a static shape); NULL otherwise. */
static SmAttr *zero_attr(SmContext *ctx, SmType *t) {
  if (!sm_type_is_shaped(t)) return sm_arith_int_attr(ctx, t, 0);
  if ((t->kind != SM_TYPE_TENSOR && t->kind != SM_TYPE_VECTOR) || sm_type_num_elements(t) < 0)
    return NULL;
  static const unsigned char zeros[8] = {0};
  size_t sz = sm_dense_elem_size(sm_type_element(t));
  if (sz == 0 || sz > sizeof zeros) return NULL;
  return sm_attr_dense(ctx, t, true, zeros, sz);
}

/* subi(subi(a, b), a) -> subi(0, b) */
static bool subi_subi_lhs_rhs_lhs(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(lhs(op), OPC_SUB);
  if (!in || lhs(in) != rhs(op)) return false;
  SmAttr *z = zero_attr(sm_rewriter_context(rw), op->results[0].type);
  if (!z) return false;
  SmValue *zero = make_const_attr(rw, op->loc, op->results[0].type, z);
  return replace(rw, op, make_int_bin(rw, "arith.subi", op->loc, zero, rhs(in), overflow_of(in) & overflow_of(op)));
}

/* muli(muli(x, c0), c1) -> muli(x, c0 * c1) */
static bool muli_muli_constant(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(lhs(op), OPC_MUL);
  SmValue *x;
  uint64_t c0, c1;
  if (!const_int(rhs(op), &c1) || !x_op_c(in, &x, &c0)) return false;
  SmValue *c = make_const(rw, op->loc, x->type, c0 * c1);
  return replace(rw, op, make_int_bin(rw, "arith.muli", op->loc, x, c, overflow_of(in) & overflow_of(op)));
}

/* ---- bitwise ops and compares ------------------------------------------- */

/* eq<->ne, slt<->sge, sle<->sgt, ult<->uge, ule<->ugt (cmpi predicate numbers). */
static const int64_t inverse_cmpi[10] = {1, 0, 5, 4, 3, 2, 9, 8, 7, 6};

static bool cmpi_predicate(const SmOp *cmp, int64_t *pred) {
  SmAttr *a = sm_op_get_prop(cmp, "predicate");
  if (!a || a->kind != SM_ATTR_INTEGER || a->integer.value < 0 || a->integer.value > 9) return false;
  *pred = a->integer.value;
  return true;
}

static SmOp *make_cmpi(SmRewriter *rw, SmLoc *loc, int64_t pred, SmValue *a, SmValue *b, SmType *type) {
  SmContext *ctx = sm_rewriter_context(rw);
  SmValue *ops[2] = {a, b};
  SmAttr *pa = sm_attr_integer(ctx, sm_type_integer(ctx, 64, SM_SIGNLESS), pred);
  return create(rw, "arith.cmpi", loc, type, ops, 2, "predicate", pa);
}

/* xori(cmpi(pred, a, b), true) -> cmpi(!pred, a, b) (scalar i1 only). */
static bool xori_not_cmpi(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *cmp = def_kind(lhs(op), AK_CMPI);
  int64_t pred;
  if (!cmp || !const_i1_is(rhs(op), true) || !cmpi_predicate(cmp, &pred)) return false;
  return replace(rw, op, make_cmpi(rw, op->loc, inverse_cmpi[pred], lhs(cmp), rhs(cmp), op->results[0].type));
}

/* Both operands extended the same way (both extui or both extsi) from the
 * same type: the extension op of lhs, else NULL. */
static SmOp *same_extension(SmValue *a, SmValue *b) {
  SmOp *ea = def_opc(a, OPC_EXTU), *eb = def_opc(b, OPC_EXTU);
  if (!ea || !eb) {
    ea = def_opc(a, OPC_EXTS);
    eb = def_opc(b, OPC_EXTS);
  }
  if (!ea || !eb || lhs(ea)->type != lhs(eb)->type) return NULL;
  return ea;
}

/* andi/ori/xori(ext(x), ext(y)) -> ext(andi/ori/xori(x, y)) */
static bool logic_of_extension(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *ea = same_extension(lhs(op), rhs(op));
  if (!ea) return false;
  SmOp *eb = sm_value_defining_op(rhs(op));
  SmOp *narrow = make_int_bin(rw, op->name, op->loc, lhs(ea), lhs(eb), 0);
  return replace(rw, op, make_unary(rw, ea->name, op->loc, sm_op_result(narrow, 0), op->results[0].type));
}

/* cmpi(eq|ne, ext(a), ext(b)) -> cmpi(eq|ne, a, b) */
static bool cmpi_of_extension(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  int64_t pred;
  if (!cmpi_predicate(op, &pred) || pred > 1) return false;
  SmOp *ea = same_extension(lhs(op), rhs(op));
  if (!ea) return false;
  SmOp *eb = sm_value_defining_op(rhs(op));
  return replace(rw, op, make_cmpi(rw, op->loc, pred, lhs(ea), lhs(eb), op->results[0].type));
}

/* ---- select ------------------------------------------------------------- */

static SmValue *sel_cond(SmOp *s) { return sm_op_operand(s, 0); }
static SmValue *sel_true(SmOp *s) { return sm_op_operand(s, 1); }
static SmValue *sel_false(SmOp *s) { return sm_op_operand(s, 2); }

static SmOp *make_select(SmRewriter *rw, SmLoc *loc, SmValue *c, SmValue *t, SmValue *f) {
  SmValue *ops[3] = {c, t, f};
  return create(rw, "arith.select", loc, t->type, ops, 3, NULL, NULL);
}

/* select(xori(c, true), a, b) -> select(c, b, a) (scalar condition). */
static bool select_not_cond(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *x = def_opc(sel_cond(op), OPC_XOR);
  if (!x || !const_i1_is(rhs(x), true)) return false;
  return replace(rw, op, make_select(rw, op->loc, lhs(x), sel_false(op), sel_true(op)));
}

/* select(c, select(c, a, b), d) -> select(c, a, d)
 * select(c, a, select(c, b, d)) -> select(c, a, d) */
static bool redundant_select(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *t = def_kind(sel_true(op), AK_SELECT);
  if (t && sel_cond(t) == sel_cond(op))
    return replace(rw, op, make_select(rw, op->loc, sel_cond(op), sel_true(t), sel_false(op)));
  SmOp *f = def_kind(sel_false(op), AK_SELECT);
  if (f && sel_cond(f) == sel_cond(op))
    return replace(rw, op, make_select(rw, op->loc, sel_cond(op), sel_true(op), sel_false(f)));
  return false;
}

/* Scalar i1 result: select(c, false, true) -> xori(c, true).
 * Wider scalar integers: select(c, 1, 0) -> extui(c),
 * select(c, 0, 1) -> extui(xori(c, true)). */
static bool select_of_bool_constants(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmType *t = op->results[0].type;
  SmValue *c = sel_cond(op);
  uint64_t tv, fv;
  if (!sm_type_is_signless_int(c->type, 1) || !sm_type_is_signless_int(t, 0) ||
      !const_int(sel_true(op), &tv) || !const_int(sel_false(op), &fv))
    return false;
  uint64_t m = width_mask(t->integer.width);
  tv &= m;
  fv &= m;
  if (t->integer.width == 1) {
    if (tv || !fv) return false; /* select(c, true, false) is a fold */
    SmValue *n = make_not(rw, op->loc, c);
    sm_rewriter_replace_op(rw, op, &n);
    return true;
  }
  if (tv == 1 && fv == 0) return replace(rw, op, make_unary(rw, "arith.extui", op->loc, c, t));
  if (tv == 0 && fv == 1)
    return replace(rw, op, make_unary(rw, "arith.extui", op->loc, make_not(rw, op->loc, c), t));
  return false;
}

/* ---- extensions, truncations and casts ---------------------------------- */

/* extsi(extsi(x)) -> extsi(x); extui(extui(x)) -> extui(x) (in place, as
 * MLIR's folders); extsi(extui(x)) -> extui(x). */
static bool ext_of_ext(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  const ArithInfo *info = arith_info_of(op);
  SmOp *in = def_opc(lhs(op), info->opcode);
  if (in) {
    sm_rewriter_set_operand(rw, op, 0, lhs(in));
    return true;
  }
  if (info->opcode == OPC_EXTS && (in = def_opc(lhs(op), OPC_EXTU)) != NULL)
    return replace(rw, op, make_unary(rw, "arith.extui", op->loc, lhs(in), op->results[0].type));
  return false;
}

/* trunci(trunci(x)) and trunci(ext(x)) with x wider than the result ->
 * trunci(x) (in place, keeping the outer flags, as MLIR's folder);
 * trunci(extsi(x)) / trunci(extui(x)) with x narrower -> extsi(x) / extui(x).
 * (x of the result's own type is a fold.) */
static bool trunci_of_cast(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  SmOp *in = def_opc(lhs(op), OPC_TRUNCI);
  if (!in) in = def_opc(lhs(op), OPC_EXTS);
  if (!in) in = def_opc(lhs(op), OPC_EXTU);
  if (!in) return false;
  SmValue *x = lhs(in);
  SmType *t = op->results[0].type;
  unsigned wx = sm_type_bitwidth(sm_type_element(x->type)), wt = sm_type_bitwidth(sm_type_element(t));
  if (wx > wt) {
    sm_rewriter_set_operand(rw, op, 0, x);
    return true;
  }
  if (wx < wt) return replace(rw, op, make_unary(rw, in->name, op->loc, x, t));
  return false;
}

/* index_cast(extsi(x)) -> index_cast(x); index_castui(extui(x)) ->
 * index_castui(x); bitcast(bitcast(x)) -> bitcast(x) (a round trip is a fold). */
static bool cast_of_cast(const SmPattern *p, SmOp *op, SmRewriter *rw) {
  (void)p;
  const ArithInfo *info = arith_info_of(op);
  ArithOpcode inner = info->opcode == OPC_INDEX_CAST     ? OPC_EXTS
                      : info->opcode == OPC_INDEX_CASTUI ? OPC_EXTU
                                                         : OPC_BITCAST;
  SmOp *in = def_opc(lhs(op), inner);
  if (!in || lhs(in)->type == op->results[0].type) return false;
  sm_rewriter_set_operand(rw, op, 0, lhs(in));
  return true;
}

/* ---- registration ------------------------------------------------------- */

typedef struct ArithPattern {
  const char *root;
  SmMatchAndRewriteFn fn;
  unsigned benefit; /* as MLIR's DRR: the number of ops matched */
  const char *name; /* MLIR's pattern name */
} ArithPattern;

static const ArithPattern patterns[] = {
    {"arith.addi", addi_addi_constant, 2, "AddIAddConstant"},
    {"arith.addi", addi_subi_constant_rhs, 2, "AddISubConstantRHS"},
    {"arith.addi", addi_subi_constant_lhs, 2, "AddISubConstantLHS"},
    {"arith.addi", addi_muli_negative_one, 2, "AddIMulNegativeOne"},
    {"arith.subi", subi_rhs_addi_constant, 2, "SubIRHSAddConstant"},
    {"arith.subi", subi_lhs_addi_constant, 2, "SubILHSAddConstant"},
    {"arith.subi", subi_rhs_subi_constant, 2, "SubIRHSSubConstant"},
    {"arith.subi", subi_lhs_subi_constant, 2, "SubILHSSubConstant"},
    {"arith.subi", subi_subi_lhs_rhs_lhs, 2, "SubISubILHSRHSLHS"},
    {"arith.muli", muli_muli_constant, 2, "MulIMulIConstant"},
    {"arith.xori", xori_not_cmpi, 2, "XOrINotCmpI"},
    {"arith.andi", logic_of_extension, 3, "AndOfExt"},
    {"arith.ori", logic_of_extension, 3, "OrIOfExt"},
    {"arith.xori", logic_of_extension, 3, "XOrIOfExt"},
    {"arith.cmpi", cmpi_of_extension, 3, "CmpIExt"},
    {"arith.select", select_not_cond, 2, "SelectNotCond"},
    {"arith.select", redundant_select, 2, "RedundantSelect"},
    {"arith.select", select_of_bool_constants, 1, "SelectToExtUI"},
    {"arith.extsi", ext_of_ext, 2, "ExtOfExt"},
    {"arith.extui", ext_of_ext, 2, "ExtOfExt"},
    {"arith.trunci", trunci_of_cast, 2, "TruncIOfCast"},
    {"arith.index_cast", cast_of_cast, 2, "IndexCastOfExtSI"},
    {"arith.index_castui", cast_of_cast, 2, "IndexCastUIOfExtUI"},
    {"arith.bitcast", cast_of_cast, 2, "BitcastOfBitcast"},
};
#define NUM_PATTERNS (sizeof patterns / sizeof patterns[0])

static void add_patterns_of(SmPatternSet *set, const char *root) {
  for (size_t i = 0; i < NUM_PATTERNS; i++)
    if (strcmp(patterns[i].root, root) == 0) {
      SmPattern pat = {patterns[i].root, patterns[i].benefit, patterns[i].fn, NULL, patterns[i].name};
      sm_pattern_set_add(set, &pat);
    }
}

/* One hook per op: sm_pattern_set_add_canonicalizations calls every op's. */
#define ARITH_CANON_HOOK(sfx)                                   \
  static void canon_##sfx(SmPatternSet *set, SmContext *ctx) { \
    (void)ctx;                                                  \
    add_patterns_of(set, "arith." #sfx);                        \
  }
ARITH_CANON_HOOK(addi)
ARITH_CANON_HOOK(subi)
ARITH_CANON_HOOK(muli)
ARITH_CANON_HOOK(andi)
ARITH_CANON_HOOK(ori)
ARITH_CANON_HOOK(xori)
ARITH_CANON_HOOK(cmpi)
ARITH_CANON_HOOK(select)
ARITH_CANON_HOOK(extsi)
ARITH_CANON_HOOK(extui)
ARITH_CANON_HOOK(trunci)
ARITH_CANON_HOOK(index_cast)
ARITH_CANON_HOOK(index_castui)
ARITH_CANON_HOOK(bitcast)

typedef void (*CanonHook)(SmPatternSet *, SmContext *);
static const struct {
  const char *name;
  CanonHook hook;
} hooks[] = {
    {"arith.addi", canon_addi},     {"arith.subi", canon_subi},
    {"arith.muli", canon_muli},     {"arith.andi", canon_andi},
    {"arith.ori", canon_ori},       {"arith.xori", canon_xori},
    {"arith.cmpi", canon_cmpi},     {"arith.select", canon_select},
    {"arith.extsi", canon_extsi},   {"arith.extui", canon_extui},
    {"arith.trunci", canon_trunci}, {"arith.index_cast", canon_index_cast},
    {"arith.index_castui", canon_index_castui}, {"arith.bitcast", canon_bitcast},
};

void (*sm_arith_canonicalization_hook(const char *op_name))(SmPatternSet *, SmContext *) {
  for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++)
    if (strcmp(hooks[i].name, op_name) == 0) return hooks[i].hook;
  return NULL;
}
