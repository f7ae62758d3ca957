/* arith folders: constant evaluation on scalars and dense/splat elements,
 * plus the algebraic identities that need no new ops (x+0, x*1, x-x, ...).
 * Integers wrap at the type's width; division by zero, INT_MIN/-1, shifts by
 * the width or more and out-of-range float->int casts are not folded (their
 * result is undefined or poison). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dialects/arith/arith_internal.h"
#include "ir/fp16.h"
#include "ir/rewrite.h"

typedef struct Elem {
  uint64_t i; /* integer bits, masked to the width */
  double f;   /* float value */
} Elem;

static uint64_t width_mask(unsigned w) { return w >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << w) - 1); }
static int64_t sext(uint64_t v, unsigned w) {
  if (w >= 64) return (int64_t)v;
  uint64_t m = (uint64_t)1 << (w - 1);
  v &= width_mask(w);
  return (int64_t)((v ^ m) - m);
}
static unsigned int_width(const SmType *t) { return t->kind == SM_TYPE_INDEX ? 64 : sm_type_bitwidth(t); }

/* ---- loading and storing elements --------------------------------------- */

static bool attr_is_scalar(const SmAttr *a) {
  return a && (a->kind == SM_ATTR_INTEGER || a->kind == SM_ATTR_FLOAT || a->kind == SM_ATTR_BOOL);
}
static bool attr_is_dense(const SmAttr *a) { return a && a->kind == SM_ATTR_DENSE_ELEMENTS; }

static void load(const SmAttr *a, int64_t idx, SmType *elem, Elem *out) {
  out->i = 0;
  out->f = 0;
  bool fl = sm_type_is_float(elem);
  switch (a->kind) {
  case SM_ATTR_BOOL: out->i = a->boolean; break;
  case SM_ATTR_INTEGER: out->i = (uint64_t)a->integer.value & width_mask(int_width(elem)); break;
  case SM_ATTR_FLOAT: out->f = a->fp.value; break;
  case SM_ATTR_DENSE_ELEMENTS: {
    int64_t k = a->dense.splat ? 0 : idx;
    if (fl)
      out->f = sm_attr_dense_get_f64(a, k);
    else
      out->i = (uint64_t)sm_attr_dense_get_i64(a, k) & width_mask(int_width(elem));
    break;
  }
  default: break;
  }
}

static void store(unsigned char *dst, SmType *elem, const Elem *e) {
  size_t sz = sm_dense_elem_size(elem);
  switch (elem->kind) {
  case SM_TYPE_F32: {
    float f = (float)e->f;
    memcpy(dst, &f, 4);
    return;
  }
  case SM_TYPE_F64: memcpy(dst, &e->f, 8); return;
  case SM_TYPE_F16: {
    uint16_t h = sm_f32_to_f16_bits((float)e->f);
    dst[0] = (unsigned char)h;
    dst[1] = (unsigned char)(h >> 8);
    return;
  }
  case SM_TYPE_BF16: {
    uint16_t h = sm_f32_to_bf16_bits((float)e->f);
    dst[0] = (unsigned char)h;
    dst[1] = (unsigned char)(h >> 8);
    return;
  }
  default: {
    /* Integers: little-endian, sign-extended to the storage size. */
    uint64_t v = (uint64_t)sext(e->i, int_width(elem));
    if (int_width(elem) == 1) v = e->i & 1;
    for (size_t k = 0; k < sz; k++) dst[k] = (unsigned char)(v >> (8 * (k < 8 ? k : 7)));
    return;
  }
  }
}

static SmAttr *scalar_attr(SmContext *ctx, SmType *t, const Elem *e) {
  if (sm_type_is_float(t)) return sm_attr_float(ctx, t, e->f);
  return sm_arith_int_attr(ctx, t, sext(e->i, int_width(t)));
}

static bool static_shaped(const SmType *t) {
  return (t->kind == SM_TYPE_TENSOR || t->kind == SM_TYPE_VECTOR) && sm_type_num_elements(t) >= 0;
}

static SmAttr *splat_attr(SmContext *ctx, SmType *t, const Elem *e) {
  if (!sm_type_is_shaped(t)) return scalar_attr(ctx, t, e);
  if (!static_shaped(t)) return NULL;
  unsigned char buf[16];
  SmType *elem = sm_type_element(t);
  size_t sz = sm_dense_elem_size(elem);
  if (sz > sizeof buf) return NULL;
  store(buf, elem, e);
  return sm_attr_dense(ctx, t, true, buf, sz);
}

/* ---- scalar semantics --------------------------------------------------- */

static bool eval_int(ArithOpcode opc, unsigned w, uint64_t a, uint64_t b, uint64_t *r) {
  uint64_t m = width_mask(w);
  int64_t sa = sext(a, w), sb = sext(b, w);
  int64_t smin = sext((uint64_t)1 << (w - 1), w);
  switch (opc) {
  case OPC_ADD: *r = a + b; break;
  case OPC_SUB: *r = a - b; break;
  case OPC_MUL: *r = a * b; break;
  case OPC_DIVS:
    if (b == 0 || (sa == smin && sb == -1)) return false;
    *r = (uint64_t)(sa / sb);
    break;
  case OPC_DIVU:
    if (b == 0) return false;
    *r = a / b;
    break;
  case OPC_REMS:
    if (b == 0) return false;
    *r = sb == -1 ? 0 : (uint64_t)(sa % sb);
    break;
  case OPC_REMU:
    if (b == 0) return false;
    *r = a % b;
    break;
  case OPC_AND: *r = a & b; break;
  case OPC_OR: *r = a | b; break;
  case OPC_XOR: *r = a ^ b; break;
  case OPC_SHL:
    if (b >= w) return false;
    *r = a << b;
    break;
  case OPC_SHRS:
    if (b >= w) return false;
    *r = sa < 0 ? ~(~(uint64_t)sa >> b) : (uint64_t)sa >> b;
    break;
  case OPC_SHRU:
    if (b >= w) return false;
    *r = a >> b;
    break;
  case OPC_MAXS: *r = sa > sb ? a : b; break;
  case OPC_MINS: *r = sa < sb ? a : b; break;
  case OPC_MAXU: *r = a > b ? a : b; break;
  case OPC_MINU: *r = a < b ? a : b; break;
  default: return false;
  }
  *r &= m;
  return true;
}

static double eval_float(ArithOpcode opc, double a, double b) {
  switch (opc) {
  case OPC_ADDF: return a + b;
  case OPC_SUBF: return a - b;
  case OPC_MULF: return a * b;
  case OPC_DIVF: return a / b;
  case OPC_REMF: return fmod(a, b);
  case OPC_MAXIMUMF:
    if (isnan(a) || isnan(b)) return NAN;
    if (a == b) return signbit(a) ? b : a; /* max(-0, +0) = +0 */
    return a > b ? a : b;
  case OPC_MINIMUMF:
    if (isnan(a) || isnan(b)) return NAN;
    if (a == b) return signbit(a) ? a : b;
    return a < b ? a : b;
  case OPC_MAXNUMF: return fmax(a, b);
  case OPC_MINNUMF: return fmin(a, b);
  case OPC_NEGF: return -a;
  default: return NAN;
  }
}

bool sm_arith_cmpi(int64_t pred, unsigned w, uint64_t a, uint64_t b) {
  a &= width_mask(w);
  b &= width_mask(w);
  int64_t sa = sext(a, w), sb = sext(b, w);
  switch (pred) {
  case 0: return a == b;
  case 1: return a != b;
  case 2: return sa < sb;
  case 3: return sa <= sb;
  case 4: return sa > sb;
  case 5: return sa >= sb;
  case 6: return a < b;
  case 7: return a <= b;
  case 8: return a > b;
  default: return a >= b;
  }
}

bool sm_arith_cmpf(int64_t pred, double a, double b) {
  bool uno = isnan(a) || isnan(b);
  switch (pred) {
  case 0: return false;
  case 1: return !uno && a == b;
  case 2: return !uno && a > b;
  case 3: return !uno && a >= b;
  case 4: return !uno && a < b;
  case 5: return !uno && a <= b;
  case 6: return !uno && a != b;
  case 7: return !uno;
  case 8: return uno || a == b;
  case 9: return uno || a > b;
  case 10: return uno || a >= b;
  case 11: return uno || a < b;
  case 12: return uno || a <= b;
  case 13: return uno || a != b;
  case 14: return uno;
  default: return true;
  }
}

/* Raw bits of a float element value of type t (exact for values of t). */
static uint64_t float_bits(SmType *t, double f) {
  switch (t->kind) {
  case SM_TYPE_F16: return sm_f32_to_f16_bits((float)f);
  case SM_TYPE_BF16: return sm_f32_to_bf16_bits((float)f);
  case SM_TYPE_F32: return sm_f32_bits((float)f);
  default: {
    uint64_t u;
    memcpy(&u, &f, 8);
    return u;
  }
  }
}
static double float_from_bits(SmType *t, uint64_t u) {
  switch (t->kind) {
  case SM_TYPE_F16: return sm_f16_bits_to_f32((uint16_t)u);
  case SM_TYPE_BF16: return sm_bf16_bits_to_f32((uint16_t)u);
  case SM_TYPE_F32: return sm_f32_from_bits((uint32_t)u);
  default: {
    double f;
    memcpy(&f, &u, 8);
    return f;
  }
  }
}

/* Rounds f to t's precision (nearest even). */
static double round_to(SmType *t, double f) {
  switch (t->kind) {
  case SM_TYPE_F32: return (float)f;
  case SM_TYPE_F16: return sm_f16_bits_to_f32(sm_f32_to_f16_bits((float)f));
  case SM_TYPE_BF16: return sm_bf16_bits_to_f32(sm_f32_to_bf16_bits((float)f));
  default: return f;
  }
}

static bool eval_cast(SmOp *op, ArithOpcode opc, SmType *in, SmType *out, const Elem *x, Elem *r) {
  unsigned wi = sm_type_is_float(in) ? 0 : int_width(in), wo = sm_type_is_float(out) ? 0 : int_width(out);
  switch (opc) {
  case OPC_EXTS: r->i = (uint64_t)sext(x->i, wi) & width_mask(wo); return true;
  case OPC_EXTU: r->i = x->i; return true;
  case OPC_TRUNCI: r->i = x->i & width_mask(wo); return true;
  case OPC_SITOFP: r->f = round_to(out, (double)sext(x->i, wi)); return true;
  case OPC_UITOFP: r->f = round_to(out, (double)x->i); return true;
  case OPC_FPTOSI:
  case OPC_FPTOUI: {
    if (isnan(x->f) || isinf(x->f)) return false;
    double t = trunc(x->f);
    double lo = opc == OPC_FPTOSI ? -ldexp(1.0, (int)wo - 1) : 0.0;
    double hi = opc == OPC_FPTOSI ? ldexp(1.0, (int)wo - 1) : ldexp(1.0, (int)wo);
    if (t < lo || t >= hi) return false;
    r->i = (opc == OPC_FPTOSI ? (uint64_t)(int64_t)t : (uint64_t)t) & width_mask(wo);
    return true;
  }
  case OPC_EXTF: r->f = x->f; return true;
  case OPC_TRUNCF: {
    r->f = round_to(out, x->f);
    SmAttr *rm = sm_op_get_prop(op, "roundingmode");
    /* Only round-to-nearest-even is modelled; other modes fold when exact. */
    if (rm && rm->kind == SM_ATTR_INTEGER && rm->integer.value != 0 && r->f != x->f && !isnan(x->f))
      return false;
    return true;
  }
  case OPC_INDEX_CAST: r->i = (uint64_t)sext(x->i, wi) & width_mask(wo); return true;
  case OPC_INDEX_CASTUI: r->i = x->i & width_mask(wo); return true;
  case OPC_BITCAST: {
    uint64_t bits = sm_type_is_float(in) ? float_bits(in, x->f) : x->i;
    if (sm_type_is_float(out)) {
      r->f = float_from_bits(out, bits);
      /* A NaN's payload does not survive a double; leave those alone. */
      if (isnan(r->f)) return false;
    } else {
      r->i = bits & width_mask(wo);
    }
    return true;
  }
  default: return false;
  }
}

/* Evaluates one element of op on constant elements x[]. */
static bool eval_elem(SmOp *op, const ArithInfo *info, SmType *in, SmType *out, const Elem *x, Elem *r) {
  r->i = 0;
  r->f = 0;
  switch (info->kind) {
  case AK_INT_BIN: return eval_int(info->opcode, int_width(in), x[0].i, x[1].i, &r->i);
  case AK_FLOAT_BIN:
  case AK_FLOAT_UN: r->f = round_to(out, eval_float(info->opcode, x[0].f, info->kind == AK_FLOAT_UN ? 0 : x[1].f)); return true;
  case AK_CMPI: {
    SmAttr *p = sm_op_get_prop(op, "predicate");
    if (!p || p->kind != SM_ATTR_INTEGER || p->integer.value < 0 || p->integer.value > 9) return false;
    r->i = sm_arith_cmpi(p->integer.value, int_width(in), x[0].i, x[1].i);
    return true;
  }
  case AK_CMPF: {
    SmAttr *p = sm_op_get_prop(op, "predicate");
    if (!p || p->kind != SM_ATTR_INTEGER || p->integer.value < 0 || p->integer.value > 15) return false;
    r->i = sm_arith_cmpf(p->integer.value, x[0].f, x[1].f);
    return true;
  }
  case AK_SELECT: *r = (x[0].i & 1) ? x[1] : x[2]; return true;
  case AK_CAST: return eval_cast(op, info->opcode, in, out, x, r);
  default: return false;
  }
}

/* All operands constant: evaluate element-wise (scalars, splats, dense). */
static SmAttr *fold_constants(SmOp *op, const ArithInfo *info, SmAttr *const *operands) {
  SmContext *ctx = sm_op_context(op);
  unsigned n = op->num_operands;
  SmType *out_t = op->results[0].type;
  /* The element type that drives the arithmetic: the data operand's. */
  unsigned data = info->kind == AK_SELECT ? 1 : 0;
  SmType *in_elem = sm_type_element(sm_op_operand(op, data)->type);
  SmType *out_elem = sm_type_element(out_t);
  /* Values are computed in 64-bit integers and doubles: wider integers,
   * f80/f128 and the small float formats are left unfolded. */
  if (!sm_type_is_native_scalar(in_elem) || !sm_type_is_native_scalar(out_elem)) return NULL;
  bool all_scalar = true, all_splat = true;
  for (unsigned i = 0; i < n; i++) {
    if (!operands[i]) return NULL;
    if (attr_is_scalar(operands[i])) {
      /* A scalar operand of a shaped op (select's i1 condition) acts as a splat. */
      if (sm_type_is_shaped(sm_op_operand(op, i)->type)) return NULL;
    } else if (attr_is_dense(operands[i])) {
      all_scalar = false;
      all_splat &= operands[i]->dense.splat;
    } else {
      return NULL;
    }
  }
  Elem x[3], r;
  if (all_scalar && !sm_type_is_shaped(out_t)) {
    for (unsigned i = 0; i < n; i++) load(operands[i], 0, sm_type_element(sm_op_operand(op, i)->type), &x[i]);
    if (!eval_elem(op, info, in_elem, out_elem, x, &r)) return NULL;
    return scalar_attr(ctx, out_t, &r);
  }
  if (!static_shaped(out_t)) return NULL;
  if (all_splat) {
    for (unsigned i = 0; i < n; i++) load(operands[i], 0, sm_type_element(sm_op_operand(op, i)->type), &x[i]);
    if (!eval_elem(op, info, in_elem, out_elem, x, &r)) return NULL;
    return splat_attr(ctx, out_t, &r);
  }
  int64_t count = sm_type_num_elements(out_t);
  size_t esz = sm_dense_elem_size(out_elem);
  if (count <= 0 || esz == 0 || (uint64_t)count > SIZE_MAX / esz) return NULL;
  unsigned char *buf = malloc((size_t)count * esz);
  if (!buf) return NULL;
  SmAttr *res = NULL;
  for (int64_t k = 0; k < count; k++) {
    for (unsigned i = 0; i < n; i++) load(operands[i], k, sm_type_element(sm_op_operand(op, i)->type), &x[i]);
    if (!eval_elem(op, info, in_elem, out_elem, x, &r)) goto out;
    store(buf + (size_t)k * esz, out_elem, &r);
  }
  /* Equal elements make a splat, as MLIR's DenseElementsAttr::get does. */
  bool same = true;
  for (int64_t k = 1; same && k < count; k++) same = memcmp(buf, buf + (size_t)k * esz, esz) == 0;
  res = sm_attr_dense(ctx, out_t, same, buf, same ? esz : (size_t)count * esz);
out:
  free(buf);
  return res;
}

/* ---- identities --------------------------------------------------------- */

/* a is a scalar or splat integer constant equal to v at its width. */
static bool is_int_const(const SmAttr *a, SmType *t, int64_t v) {
  if (!a) return false;
  SmType *e = sm_type_element(t);
  if (sm_type_is_float(e)) return false;
  if (!attr_is_scalar(a) && !(attr_is_dense(a) && a->dense.splat)) return false;
  Elem x;
  load(a, 0, e, &x);
  return x.i == ((uint64_t)v & width_mask(int_width(e)));
}

/* Scalar or splat float constant equal to v, sign of zero included. */
static bool is_float_const(const SmAttr *a, SmType *t, double v) {
  if (!a) return false;
  SmType *e = sm_type_element(t);
  if (!sm_type_is_float(e)) return false;
  if (!attr_is_scalar(a) && !(attr_is_dense(a) && a->dense.splat)) return false;
  Elem x;
  load(a, 0, e, &x);
  return x.f == v && signbit(x.f) == signbit(v);
}

static bool give_value(SmFoldResult *r, SmValue *v) {
  r->attr = NULL;
  r->value = v;
  return true;
}
static bool give_attr(SmFoldResult *r, SmAttr *a) {
  if (!a) return false;
  r->attr = a;
  r->value = NULL;
  return true;
}
static bool give_int(SmOp *op, SmFoldResult *r, int64_t v) {
  Elem e = {.i = (uint64_t)v, .f = 0};
  SmType *t = op->results[0].type;
  e.i &= width_mask(int_width(sm_type_element(t)));
  return give_attr(r, splat_attr(sm_op_context(op), t, &e));
}

/* Operand 0's defining op when it is an arith op of the given opcode. */
static SmOp *def_with_opcode(SmValue *v, ArithOpcode opc) {
  SmOp *d = sm_value_defining_op(v);
  if (!d) return NULL;
  const ArithInfo *di = sm_arith_info(d->def);
  return di && di->opcode == opc ? d : NULL;
}

/* v is xori(x, all-ones) for this x (MLIR's "not(x)"). */
static bool is_not_of(SmValue *v, SmValue *x) {
  SmOp *n = def_with_opcode(v, OPC_XOR);
  return n && sm_op_operand(n, 0) == x &&
         is_int_const(sm_value_constant_attr(sm_op_operand(n, 1)), x->type, -1);
}

static bool fold_identity(SmOp *op, const ArithInfo *info, SmAttr *const *c, SmFoldResult *r) {
  SmType *t = op->results[0].type;
  SmValue *a = op->num_operands > 0 ? sm_op_operand(op, 0) : NULL;
  SmValue *b = op->num_operands > 1 ? sm_op_operand(op, 1) : NULL;
  switch (info->opcode) {
  case OPC_ADD: {
    if (is_int_const(c[1], t, 0)) return give_value(r, a);
    if (is_int_const(c[0], t, 0)) return give_value(r, b);
    /* (x - y) + y and y + (x - y) are x. */
    SmOp *s = def_with_opcode(a, OPC_SUB);
    if (s && sm_op_operand(s, 1) == b) return give_value(r, sm_op_operand(s, 0));
    s = def_with_opcode(b, OPC_SUB);
    if (s && sm_op_operand(s, 1) == a) return give_value(r, sm_op_operand(s, 0));
    return false;
  }
  case OPC_SUB: {
    if (is_int_const(c[1], t, 0)) return give_value(r, a);
    if (a == b) return give_int(op, r, 0);
    /* (x + y) - y is x, (x + y) - x is y. */
    SmOp *s = def_with_opcode(a, OPC_ADD);
    if (s && sm_op_operand(s, 1) == b) return give_value(r, sm_op_operand(s, 0));
    if (s && sm_op_operand(s, 0) == b) return give_value(r, sm_op_operand(s, 1));
    return false;
  }
  case OPC_MUL:
    if (is_int_const(c[1], t, 1)) return give_value(r, a);
    if (is_int_const(c[0], t, 1)) return give_value(r, b);
    if (is_int_const(c[1], t, 0) || is_int_const(c[0], t, 0)) return give_int(op, r, 0);
    return false;
  case OPC_DIVS:
  case OPC_DIVU:
    if (is_int_const(c[1], t, 1)) return give_value(r, a);
    return false;
  case OPC_REMS:
  case OPC_REMU:
    if (is_int_const(c[1], t, 1)) return give_int(op, r, 0);
    return false;
  case OPC_AND:
    if (a == b || is_int_const(c[1], t, -1)) return give_value(r, a);
    if (is_int_const(c[0], t, -1)) return give_value(r, b);
    if (is_int_const(c[1], t, 0) || is_int_const(c[0], t, 0)) return give_int(op, r, 0);
    if (is_not_of(b, a) || is_not_of(a, b)) return give_int(op, r, 0); /* x & ~x */
    return false;
  case OPC_OR:
    if (a == b || is_int_const(c[1], t, 0)) return give_value(r, a);
    if (is_int_const(c[0], t, 0)) return give_value(r, b);
    if (is_int_const(c[1], t, -1) || is_int_const(c[0], t, -1)) return give_int(op, r, -1);
    if (is_not_of(b, a) || is_not_of(a, b)) return give_int(op, r, -1); /* x | ~x */
    return false;
  case OPC_XOR: {
    if (a == b) return give_int(op, r, 0);
    if (is_int_const(c[1], t, 0)) return give_value(r, a);
    if (is_int_const(c[0], t, 0)) return give_value(r, b);
    /* (x ^ y) ^ y, (y ^ x) ^ y, y ^ (x ^ y) and y ^ (y ^ x) are x. */
    SmOp *x = def_with_opcode(a, OPC_XOR);
    if (x && sm_op_operand(x, 1) == b) return give_value(r, sm_op_operand(x, 0));
    if (x && sm_op_operand(x, 0) == b) return give_value(r, sm_op_operand(x, 1));
    x = def_with_opcode(b, OPC_XOR);
    if (x && sm_op_operand(x, 1) == a) return give_value(r, sm_op_operand(x, 0));
    if (x && sm_op_operand(x, 0) == a) return give_value(r, sm_op_operand(x, 1));
    return false;
  }
  case OPC_SHL:
  case OPC_SHRS:
  case OPC_SHRU:
    if (is_int_const(c[1], t, 0)) return give_value(r, a);
    return false;
  case OPC_MAXS: case OPC_MINS: case OPC_MAXU: case OPC_MINU:
  case OPC_MAXIMUMF: case OPC_MINIMUMF: case OPC_MAXNUMF: case OPC_MINNUMF:
    if (a == b) return give_value(r, a);
    return false;
  case OPC_ADDF:
    /* x + -0.0 == x for every x (x + +0.0 is not: -0 + +0 = +0). */
    if (is_float_const(c[1], t, -0.0)) return give_value(r, a);
    if (is_float_const(c[0], t, -0.0)) return give_value(r, b);
    return false;
  case OPC_SUBF:
    if (is_float_const(c[1], t, 0.0)) return give_value(r, a);
    return false;
  case OPC_MULF:
    if (is_float_const(c[1], t, 1.0)) return give_value(r, a);
    if (is_float_const(c[0], t, 1.0)) return give_value(r, b);
    return false;
  case OPC_DIVF:
    if (is_float_const(c[1], t, 1.0)) return give_value(r, a);
    return false;
  case OPC_NEGF: {
    SmOp *inner = def_with_opcode(a, OPC_NEGF);
    return inner ? give_value(r, sm_op_operand(inner, 0)) : false;
  }
  case OPC_TRUNCI: {
    SmOp *inner = def_with_opcode(a, OPC_EXTS);
    if (!inner) inner = def_with_opcode(a, OPC_EXTU);
    if (inner && sm_op_operand(inner, 0)->type == t) return give_value(r, sm_op_operand(inner, 0));
    return false;
  }
  case OPC_INDEX_CAST:
  case OPC_INDEX_CASTUI:
  case OPC_BITCAST: {
    /* cast(cast(x)) back to x's own type is x (index casts extend
     * then truncate the same way, so the round trip is exact). */
    SmOp *inner = def_with_opcode(a, info->opcode);
    if (inner && sm_op_operand(inner, 0)->type == t) return give_value(r, sm_op_operand(inner, 0));
    return false;
  }
  default: break;
  }
  switch (info->kind) {
  case AK_CMPI:
    if (a == b) {
      SmAttr *p = sm_op_get_prop(op, "predicate");
      if (!p || p->kind != SM_ATTR_INTEGER) return false;
      int64_t v = p->integer.value;
      bool truth = v == 0 || v == 3 || v == 5 || v == 7 || v == 9;
      return give_int(op, r, truth);
    }
    return false;
  case AK_SELECT: {
    SmValue *f = sm_op_operand(op, 2);
    if (b == f) return give_value(r, b);
    SmType *ct = a->type;
    if (c[0] && (attr_is_scalar(c[0]) || (attr_is_dense(c[0]) && c[0]->dense.splat))) {
      Elem x;
      load(c[0], 0, sm_type_element(ct), &x);
      return give_value(r, (x.i & 1) ? b : f);
    }
    /* select(%c, true, false) is %c itself. */
    if (ct == t && is_int_const(c[1], t, 1) && is_int_const(c[2], t, 0) &&
        sm_type_is_signless_int(sm_type_element(t), 1))
      return give_value(r, a);
    return false;
  }
  default: return false;
  }
}

bool sm_arith_fold(SmOp *op, SmAttr *const *operands, SmFoldResult *results) {
  const ArithInfo *info = sm_arith_info(op->def);
  if (!info || op->num_results != 1) return false;
  results[0].attr = NULL;
  results[0].value = NULL;
  if (info->kind == AK_CONSTANT) return give_attr(&results[0], sm_op_get_prop(op, "value"));
  SmAttr *folded = fold_constants(op, info, operands);
  if (folded) return give_attr(&results[0], folded);
  return fold_identity(op, info, operands, &results[0]);
}
