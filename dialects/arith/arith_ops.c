/* arith dialect: the op table (one X-macro row per op), verifiers and
 * custom assembly forms shared across ops of the same shape. */
#include "dialects/arith/arith.h"

#include <stdlib.h>
#include <string.h>

#include "dialects/arith/arith_internal.h"
#include "dialects/dialect_util.h"
#include "ir/asm.h"

#define TY(op, t) sm_dialect_type_str(sm_op_context(op), (t))

const char *const sm_arith_cmpi_names[10] = {"eq",  "ne",  "slt", "sle", "sgt",
                                              "sge", "ult", "ule", "ugt", "uge"};
const char *const sm_arith_cmpf_names[16] = {"false", "oeq", "ogt", "oge", "olt", "ole",
                                              "one",   "ord", "ueq", "ugt", "uge", "ult",
                                              "ule",   "une", "uno", "true"};
static const char *const rounding_names[5] = {"to_nearest_even", "downward", "upward",
                                              "toward_zero", "to_nearest_away"};

/* ---- overflow / fastmath flags ------------------------------------------ */

typedef struct FlagSet {
  const char *mnemonic; /* "overflow" */
  const char *prop;     /* "overflowFlags" */
  const char *prefix;   /* ".overflow<" (opaque attribute text after "#arith") */
  const char *sep;      /* MLIR prints ", " between overflow flags, "," for fastmath */
  unsigned count, all;
  const char *const *names;
  const char *all_name; /* "fast", or NULL */
} FlagSet;

static const char *const overflow_names[] = {"nsw", "nuw"};
static const char *const fastmath_names[] = {"reassoc", "nnan", "ninf", "nsz",
                                             "arcp", "contract", "afn"};
static const FlagSet overflow_set = {"overflow", "overflowFlags", ".overflow<", ", ", 2, 3,
                                     overflow_names, NULL};
static const FlagSet fastmath_set = {"fastmath", "fastmath", ".fastmath<", ",", 7, 127,
                                     fastmath_names, "fast"};

static int flag_bit(const FlagSet *fs, const char *w, size_t n) {
  if (n == 4 && memcmp(w, "none", 4) == 0) return 0;
  if (fs->all_name && strlen(fs->all_name) == n && memcmp(w, fs->all_name, n) == 0)
    return (int)fs->all;
  for (unsigned i = 0; i < fs->count; i++)
    if (strlen(fs->names[i]) == n && memcmp(w, fs->names[i], n) == 0) return 1 << i;
  return -1;
}

/* Mask from the opaque text ("<nsw, nuw>" part); -1 if malformed. */
static int flags_mask(const FlagSet *fs, const SmAttr *a) {
  if (!a) return 0;
  if (a->kind != SM_ATTR_OPAQUE || strcmp(a->opaque.dialect, "arith") != 0) return -1;
  size_t pl = strlen(fs->prefix);
  const char *s = a->opaque.rest;
  if (strncmp(s, fs->prefix, pl) != 0) return -1;
  s += pl;
  const char *end = strchr(s, '>');
  if (!end || end[1] != '\0') return -1;
  int mask = 0;
  while (s < end) {
    while (s < end && (*s == ' ' || *s == ',')) s++;
    const char *w = s;
    while (s < end && *s != ',' && *s != ' ') s++;
    if (s == w) break;
    int b = flag_bit(fs, w, (size_t)(s - w));
    if (b < 0) return -1;
    mask |= b;
  }
  return mask;
}

static void flags_text(const FlagSet *fs, unsigned mask, SmStrBuf *b) {
  if (mask == 0) {
    sm_strbuf_puts(b, "none");
  } else if (fs->all_name && mask == fs->all) {
    sm_strbuf_puts(b, fs->all_name);
  } else {
    bool first = true;
    for (unsigned i = 0; i < fs->count; i++)
      if (mask & (1u << i)) {
        if (!first) sm_strbuf_puts(b, fs->sep);
        sm_strbuf_puts(b, fs->names[i]);
        first = false;
      }
  }
}

static SmAttr *flags_attr(SmContext *ctx, const FlagSet *fs, unsigned mask) {
  SmStrBuf b = {0};
  sm_strbuf_puts(&b, fs->prefix);
  flags_text(fs, mask & fs->all, &b);
  sm_strbuf_puts(&b, ">");
  SmAttr *a = sm_attr_opaque(ctx, sm_intern_cstr(ctx, "arith"), sm_intern(ctx, b.data, b.len));
  sm_strbuf_free(&b);
  return a;
}

SmAttr *sm_arith_overflow_attr(SmContext *ctx, unsigned mask) { return flags_attr(ctx, &overflow_set, mask); }
SmAttr *sm_arith_fastmath_attr(SmContext *ctx, unsigned mask) { return flags_attr(ctx, &fastmath_set, mask); }
int sm_arith_overflow_mask(const SmAttr *a) { return flags_mask(&overflow_set, a); }
int sm_arith_fastmath_mask(const SmAttr *a) { return flags_mask(&fastmath_set, a); }

/* `overflow<nsw, nuw>` after the keyword was seen; adds the prop unless none. */
static bool parse_flags(SmParser *p, SmOpState *st, const FlagSet *fs) {
  if (!sm_parser_try_keyword(p, fs->mnemonic)) return true;
  if (!sm_parser_parse_punct(p, "<")) return false;
  unsigned mask = 0;
  do {
    const char *w;
    SmParseResult r = sm_parser_try_any_keyword(p, &w);
    if (r == SM_PARSE_ERROR) return false;
    int b = r == SM_PARSE_OK ? flag_bit(fs, w, strlen(w)) : -1;
    if (b < 0) {
      if (fs == &overflow_set)
        return sm_parser_error(p, "expected ::mlir::arith::IntegerOverflowFlags to be one of: "
                                  "none, nsw, nuw");
      return sm_parser_error(p, "expected ::mlir::arith::FastMathFlags to be one of: none, "
                                "reassoc, nnan, ninf, nsz, arcp, contract, afn, fast");
    }
    mask |= (unsigned)b;
  } while (sm_parser_try_punct(p, ","));
  if (!sm_parser_parse_punct(p, ">")) return false;
  /* The default is not stored, so both forms give the same IR. */
  if (mask) sm_op_state_add_prop(st, fs->prop, flags_attr(sm_parser_context(p), fs, mask));
  return true;
}

/* Prints " overflow<..>" when set; returns false when the prop must instead
 * go to the attribute dictionary (malformed text). */
static bool print_flags(SmPrinter *p, SmOp *op, const FlagSet *fs) {
  SmAttr *a = sm_op_get_prop(op, fs->prop);
  int mask = flags_mask(fs, a);
  if (mask < 0) return false;
  if (mask) {
    SmStrBuf b = {0};
    flags_text(fs, (unsigned)mask, &b);
    sm_printer_printf(p, " %s<%s>", fs->mnemonic, b.data);
    sm_strbuf_free(&b);
  }
  return true;
}

/* ---- table lookups ------------------------------------------------------ */

#define ARITH_INFO_ROW(sfx, kind, opc, fl, cast, tr) {kind, opc, fl, cast},
static const ArithInfo arith_infos[] = {SM_ARITH_OPS(ARITH_INFO_ROW)};
extern SmOpDef sm_arith_op_defs[];
#define ARITH_COUNT (sizeof arith_infos / sizeof arith_infos[0])

const ArithInfo *sm_arith_info(const SmOpDef *def) {
  if (!def) return NULL;
  if (def >= sm_arith_op_defs && def < sm_arith_op_defs + ARITH_COUNT)
    return &arith_infos[def - sm_arith_op_defs];
  /* A registry that copies definitions: fall back to the name. */
  for (size_t i = 0; i < ARITH_COUNT; i++)
    if (strcmp(sm_arith_op_defs[i].name, def->name) == 0) return &arith_infos[i];
  return NULL;
}

static const ArithInfo *info_of_state(SmParser *p, const SmOpState *st) {
  const SmOpDef *d = sm_context_lookup_op(sm_parser_context(p), st->name, strlen(st->name));
  return sm_arith_info(d);
}

SmAttr *sm_arith_int_attr(SmContext *ctx, SmType *type, int64_t value) {
  if (type->kind == SM_TYPE_INTEGER && type->integer.width == 1 && type->integer.sign == SM_SIGNLESS)
    return sm_attr_bool(ctx, value & 1);
  return sm_attr_integer(ctx, type, value);
}

/* ---- type predicates ---------------------------------------------------- */

static bool scalar_or_shaped(const SmType *t) {
  return t->kind != SM_TYPE_FUNCTION && t->kind != SM_TYPE_TUPLE;
}
static bool is_signless_int_like(SmType *t) {
  if (!scalar_or_shaped(t)) return false;
  SmType *e = sm_type_element(t);
  return e->kind == SM_TYPE_INDEX || sm_type_is_signless_int(e, 0);
}
static bool is_fixed_int_like(SmType *t) {
  return scalar_or_shaped(t) && sm_type_is_signless_int(sm_type_element(t), 0);
}
static bool is_float_like(SmType *t) { return scalar_or_shaped(t) && sm_type_is_float(sm_type_element(t)); }
static bool is_bool_like(SmType *t) {
  return scalar_or_shaped(t) && sm_type_is_signless_int(sm_type_element(t), 1);
}
static bool is_int_or_float_like(SmType *t) { return is_fixed_int_like(t) || is_float_like(t); }

/* Same container (tensor/vector/unranked/scalar) and the same shape. */
static bool same_shape(const SmType *a, const SmType *b) {
  bool sa = sm_type_is_shaped(a), sb = sm_type_is_shaped(b);
  if (!sa || !sb) return sa == sb;
  if (a->kind != b->kind) return false;
  if (a->kind == SM_TYPE_UNRANKED_TENSOR) return true;
  if (a->shaped.rank != b->shaped.rank) return false;
  for (unsigned i = 0; i < a->shaped.rank; i++)
    if (a->shaped.dims[i] != b->shaped.dims[i]) return false;
  return true;
}

/* t with its element type replaced by elem (shape and encoding kept). */
static SmType *with_elem(SmContext *ctx, SmType *t, SmType *elem) {
  switch (t->kind) {
  case SM_TYPE_TENSOR: return sm_type_tensor(ctx, t->shaped.rank, t->shaped.dims, elem, t->shaped.encoding);
  case SM_TYPE_UNRANKED_TENSOR: return sm_type_unranked_tensor(ctx, elem);
  case SM_TYPE_VECTOR: return sm_type_vector(ctx, t->shaped.rank, t->shaped.dims, elem);
  default: return elem;
  }
}

typedef bool (*TypePred)(SmType *);

static bool check_operand(SmOp *op, unsigned i, TypePred pred, const char *what) {
  SmType *t = sm_op_operand(op, i)->type;
  if (pred(t)) return true;
  return sm_op_emit_error(op, "operand #%u must be %s, but got '%s'", i, what, TY(op, t));
}
static bool check_result(SmOp *op, unsigned i, TypePred pred, const char *what) {
  SmType *t = op->results[i].type;
  if (pred(t)) return true;
  return sm_op_emit_error(op, "result #%u must be %s, but got '%s'", i, what, TY(op, t));
}

static bool check_flags_prop(SmOp *op, const ArithInfo *info) {
  if ((info->flags & AF_OVERFLOW) && flags_mask(&overflow_set, sm_op_get_prop(op, "overflowFlags")) < 0)
    return sm_op_emit_error(op, "attribute 'overflowFlags' failed to satisfy constraint: Integer "
                                "overflow arith flags");
  if ((info->flags & AF_FASTMATH) && flags_mask(&fastmath_set, sm_op_get_prop(op, "fastmath")) < 0)
    return sm_op_emit_error(op, "attribute 'fastmath' failed to satisfy constraint: Floating "
                                "point fast math flags");
  if (info->flags & AF_ROUNDING) {
    SmAttr *r = sm_op_get_prop(op, "roundingmode");
    if (r && (r->kind != SM_ATTR_INTEGER || !sm_type_is_signless_int(r->integer.type, 32) ||
              r->integer.value < 0 || r->integer.value > 4))
      return sm_op_emit_error(op, "attribute 'roundingmode' failed to satisfy constraint: "
                                  "Floating point rounding mode");
  }
  return true;
}

static bool check_same_types(SmOp *op) {
  SmType *t = op->results[0].type;
  for (unsigned i = 0; i < op->num_operands; i++)
    if (sm_op_operand(op, i)->type != t)
      return sm_op_emit_error(op, "requires the same type for all operands and results");
  return true;
}

static bool check_predicate(SmOp *op, unsigned count) {
  SmAttr *pr = sm_op_get_prop(op, "predicate");
  if (!pr) return sm_op_emit_error(op, "requires attribute 'predicate'");
  if (pr->kind != SM_ATTR_INTEGER || !sm_type_is_signless_int(pr->integer.type, 64) ||
      pr->integer.value < 0 || pr->integer.value >= (int64_t)count)
    return sm_op_emit_error(op, "attribute 'predicate' failed to satisfy constraint: allowed "
                                "64-bit signless integer cases: 0..%u", count - 1);
  return true;
}

static bool cast_compatible(const ArithInfo *info, SmType *in, SmType *out) {
  SmType *a = sm_type_element(in), *b = sm_type_element(out);
  unsigned wa = sm_type_bitwidth(a), wb = sm_type_bitwidth(b);
  switch (info->cast) {
  case AC_EXT_INT: return wb > wa;
  case AC_TRUNC_INT: return wb < wa;
  case AC_EXT_FP: return wb > wa;
  case AC_TRUNC_FP: return wb < wa;
  case AC_INDEX:
    return (a->kind == SM_TYPE_INDEX && sm_type_is_signless_int(b, 0)) ||
           (b->kind == SM_TYPE_INDEX && sm_type_is_signless_int(a, 0));
  case AC_BITCAST: return wa == wb && a->kind != SM_TYPE_INDEX && b->kind != SM_TYPE_INDEX;
  default: return true;
  }
}

static bool arith_verify(SmOp *op) {
  const ArithInfo *info = sm_arith_info(op->def);
  if (!info) return true;
  if (!check_flags_prop(op, info)) return false;
  static const char *const sil = "signless-integer-like", *const fpl = "floating-point-like",
                           *const bl = "bool-like";
  switch (info->kind) {
  case AK_CONSTANT: {
    SmAttr *v = sm_op_get_prop(op, "value");
    if (!v) return sm_op_emit_error(op, "requires attribute 'value'");
    SmType *vt = sm_dialect_attr_value_type(sm_op_context(op), v);
    if (!vt || vt != op->results[0].type)
      return sm_op_emit_error(op, "failed to verify that all of {value, result} have same type");
    if (v->kind == SM_ATTR_INTEGER && !sm_type_is_int_or_index(vt))
      return sm_op_emit_error(op, "value must be an integer, float, or elements attribute");
    if (v->kind == SM_ATTR_INTEGER && vt->integer.sign != SM_SIGNLESS)
      return sm_op_emit_error(op, "integer return type must be signless");
    return true;
  }
  case AK_INT_BIN:
    for (unsigned i = 0; i < op->num_operands; i++)
      if (!check_operand(op, i, is_signless_int_like, sil)) return false;
    return check_result(op, 0, is_signless_int_like, sil) && check_same_types(op);
  case AK_FLOAT_BIN:
  case AK_FLOAT_UN:
    for (unsigned i = 0; i < op->num_operands; i++)
      if (!check_operand(op, i, is_float_like, fpl)) return false;
    return check_result(op, 0, is_float_like, fpl) && check_same_types(op);
  case AK_CMPI:
  case AK_CMPF: {
    TypePred pred = info->kind == AK_CMPI ? is_signless_int_like : is_float_like;
    if (!check_operand(op, 0, pred, info->kind == AK_CMPI ? sil : fpl) ||
        !check_operand(op, 1, pred, info->kind == AK_CMPI ? sil : fpl) ||
        !check_result(op, 0, is_bool_like, bl))
      return false;
    if (sm_op_operand(op, 0)->type != sm_op_operand(op, 1)->type)
      return sm_op_emit_error(op, "failed to verify that all of {lhs, rhs} have same type");
    if (!same_shape(sm_op_operand(op, 0)->type, op->results[0].type))
      return sm_op_emit_error(op, "failed to verify that result type has i1 element type and same "
                                  "shape as operands");
    return check_predicate(op, info->kind == AK_CMPI ? 10 : 16);
  }
  case AK_SELECT: {
    if (!check_operand(op, 0, is_bool_like, bl)) return false;
    SmType *t = op->results[0].type;
    if (sm_op_operand(op, 1)->type != t || sm_op_operand(op, 2)->type != t)
      return sm_op_emit_error(op, "failed to verify that all of {true_value, false_value, result} "
                                  "have same type");
    SmType *c = sm_op_operand(op, 0)->type;
    if (sm_type_is_shaped(c) && !same_shape(c, t))
      return sm_op_emit_error(op, "failed to verify that condition is signless i1 or has matching "
                                  "shape");
    return true;
  }
  case AK_CAST: {
    SmType *in = sm_op_operand(op, 0)->type, *out = op->results[0].type;
    TypePred pin, pout;
    const char *win, *wout;
    static const char *const fwil = "signless-fixed-width-integer-like",
                             *const sifl = "signless-integer-or-float-like";
    switch (info->cast) {
    case AC_EXT_INT: case AC_TRUNC_INT: pin = pout = is_fixed_int_like; win = wout = fwil; break;
    case AC_INT_TO_FP: pin = is_fixed_int_like; win = fwil; pout = is_float_like; wout = fpl; break;
    case AC_FP_TO_INT: pin = is_float_like; win = fpl; pout = is_fixed_int_like; wout = fwil; break;
    case AC_EXT_FP: case AC_TRUNC_FP: pin = pout = is_float_like; win = wout = fpl; break;
    case AC_INDEX: pin = pout = is_signless_int_like; win = wout = sil; break;
    default: pin = pout = is_int_or_float_like; win = wout = sifl; break;
    }
    if (!check_operand(op, 0, pin, win) || !check_result(op, 0, pout, wout)) return false;
    if (!same_shape(in, out))
      return sm_op_emit_error(op, "failed to verify that input and output have the same tensor "
                                  "dimensions");
    if (!cast_compatible(info, in, out))
      return sm_op_emit_error(op, "operand type '%s' and result type '%s' are cast incompatible",
                              TY(op, in), TY(op, out));
    return true;
  }
  }
  return true;
}

/* ---- custom assembly ---------------------------------------------------- */

/* Operand lists live in parser scratch; keep a copy across later parsing. */
typedef struct Operands {
  SmUnresolvedOperand v[3];
  unsigned n;
} Operands;

static bool parse_n_operands(SmParser *p, Operands *o, unsigned n) {
  o->n = n;
  for (unsigned i = 0; i < n; i++) {
    if (i && !sm_parser_parse_punct(p, ",")) return false;
    if (!sm_parser_parse_operand(p, &o->v[i])) return false;
  }
  return true;
}

static bool parse_flags_for(SmParser *p, SmOpState *st, const ArithInfo *info) {
  if ((info->flags & AF_OVERFLOW) && !parse_flags(p, st, &overflow_set)) return false;
  if ((info->flags & AF_FASTMATH) && !parse_flags(p, st, &fastmath_set)) return false;
  return true;
}

static bool parse_predicate(SmParser *p, SmOpState *st, const char *const *names, unsigned count) {
  const char *w;
  SmParseResult r = sm_parser_try_any_keyword(p, &w);
  if (r == SM_PARSE_ERROR) return false;
  for (unsigned i = 0; r == SM_PARSE_OK && i < count; i++)
    if (strcmp(w, names[i]) == 0) {
      SmContext *ctx = sm_parser_context(p);
      sm_op_state_add_prop(st, "predicate", sm_attr_integer(ctx, sm_type_integer(ctx, 64, SM_SIGNLESS), i));
      return true;
    }
  SmStrBuf b = {0};
  for (unsigned i = 0; i < count; i++) sm_strbuf_printf(&b, "%s%s", i ? ", " : "", names[i]);
  sm_parser_error(p, "expected string or keyword containing one of the following enum values for "
                     "attribute 'predicate' [%s]", b.data);
  sm_strbuf_free(&b);
  return false;
}

static bool arith_parse(SmParser *p, SmOpState *st) {
  const ArithInfo *info = info_of_state(p, st);
  if (!info) return sm_parser_error(p, "unknown arith op");
  SmContext *ctx = sm_parser_context(p);
  Operands o = {.n = 0};
  SmLoc *loc = sm_parser_loc(p);
  SmType *t;
  switch (info->kind) {
  case AK_CONSTANT: {
    if (!sm_parser_parse_optional_attr_dict(p, st)) return false;
    loc = sm_parser_loc(p);
    SmAttr *v = sm_parser_parse_attr(p, NULL);
    if (!v) return false;
    SmType *vt = sm_dialect_attr_value_type(ctx, v);
    if (!vt) return sm_emit_error(ctx, loc, "expected attribute with a type");
    if (v->kind == SM_ATTR_INTEGER) v = sm_arith_int_attr(ctx, vt, v->integer.value);
    sm_op_state_add_prop(st, "value", v);
    sm_op_state_add_result(st, vt);
    return true;
  }
  case AK_INT_BIN:
  case AK_FLOAT_BIN:
  case AK_FLOAT_UN: {
    unsigned n = info->kind == AK_FLOAT_UN ? 1 : 2;
    if (!parse_n_operands(p, &o, n) || !parse_flags_for(p, st, info) ||
        !sm_parser_parse_optional_attr_dict(p, st) || !sm_parser_parse_colon_type(p, &t))
      return false;
    for (unsigned i = 0; i < n; i++)
      if (!sm_parser_resolve_operand(p, &o.v[i], t, st)) return false;
    sm_op_state_add_result(st, t);
    return true;
  }
  case AK_CMPI:
  case AK_CMPF: {
    bool isi = info->kind == AK_CMPI;
    if (!parse_predicate(p, st, isi ? sm_arith_cmpi_names : sm_arith_cmpf_names, isi ? 10 : 16) ||
        !sm_parser_parse_punct(p, ",") || !parse_n_operands(p, &o, 2) ||
        !parse_flags_for(p, st, info) || !sm_parser_parse_optional_attr_dict(p, st) ||
        !sm_parser_parse_colon_type(p, &t))
      return false;
    if (!sm_parser_resolve_operand(p, &o.v[0], t, st) || !sm_parser_resolve_operand(p, &o.v[1], t, st))
      return false;
    sm_op_state_add_result(st, with_elem(ctx, t, sm_type_integer(ctx, 1, SM_SIGNLESS)));
    return true;
  }
  case AK_SELECT: {
    if (!parse_n_operands(p, &o, 3) || !sm_parser_parse_optional_attr_dict(p, st) ||
        !sm_parser_parse_punct(p, ":"))
      return false;
    SmType **ts;
    unsigned nt;
    loc = sm_parser_loc(p);
    if (!sm_parser_parse_type_list(p, &ts, &nt)) return false;
    if (nt > 2) return sm_emit_error(ctx, loc, "expected one or two types");
    SmType *cond = nt == 2 ? ts[0] : sm_type_integer(ctx, 1, SM_SIGNLESS);
    t = ts[nt - 1];
    if (!sm_parser_resolve_operand(p, &o.v[0], cond, st) || !sm_parser_resolve_operand(p, &o.v[1], t, st) ||
        !sm_parser_resolve_operand(p, &o.v[2], t, st))
      return false;
    sm_op_state_add_result(st, t);
    return true;
  }
  case AK_CAST: {
    if (!parse_n_operands(p, &o, 1) || !parse_flags_for(p, st, info)) return false;
    if (info->flags & AF_ROUNDING) {
      for (unsigned i = 0; i < 5; i++)
        if (sm_parser_try_keyword(p, rounding_names[i])) {
          sm_op_state_add_prop(st, "roundingmode", sm_attr_integer(ctx, sm_type_integer(ctx, 32, SM_SIGNLESS), i));
          break;
        }
    }
    SmType *out;
    if (!sm_parser_parse_optional_attr_dict(p, st) || !sm_parser_parse_colon_type(p, &t) ||
        !sm_parser_parse_keyword(p, "to") || !(out = sm_parser_parse_type(p)))
      return false;
    if (!sm_parser_resolve_operand(p, &o.v[0], t, st)) return false;
    sm_op_state_add_result(st, out);
    return true;
  }
  }
  (void)loc;
  return false;
}

static void arith_print(SmPrinter *p, SmOp *op) {
  const ArithInfo *info = sm_arith_info(op->def);
  /* Props the custom form prints itself (the rest go to the attr-dict). */
  const char *elided[4] = {NULL, NULL, NULL, NULL};
  unsigned ne = 0;
  switch (info->kind) {
  case AK_CONSTANT: {
    elided[0] = "value";
    sm_dialect_print_attr_dict(p, op, elided, false);
    sm_printer_puts(p, " ");
    sm_printer_print_attr(p, sm_op_get_prop(op, "value"));
    return;
  }
  case AK_CMPI:
  case AK_CMPF: {
    SmAttr *pr = sm_op_get_prop(op, "predicate");
    unsigned count = info->kind == AK_CMPI ? 10 : 16;
    if (pr && pr->kind == SM_ATTR_INTEGER && pr->integer.value >= 0 && pr->integer.value < (int64_t)count) {
      elided[ne++] = "predicate";
      sm_printer_printf(p, " %s,", (info->kind == AK_CMPI ? sm_arith_cmpi_names
                                                          : sm_arith_cmpf_names)[pr->integer.value]);
    }
    break;
  }
  default: break;
  }
  sm_printer_puts(p, " ");
  sm_printer_print_operands(p, op, 0, op->num_operands);
  if (info->flags & AF_ROUNDING) {
    SmAttr *r = sm_op_get_prop(op, "roundingmode");
    if (r && r->kind == SM_ATTR_INTEGER && r->integer.value >= 0 && r->integer.value < 5) {
      elided[ne++] = "roundingmode";
      sm_printer_printf(p, " %s", rounding_names[r->integer.value]);
    }
  }
  if ((info->flags & AF_OVERFLOW) && print_flags(p, op, &overflow_set)) elided[ne++] = "overflowFlags";
  if ((info->flags & AF_FASTMATH) && print_flags(p, op, &fastmath_set)) elided[ne++] = "fastmath";
  sm_dialect_print_attr_dict(p, op, elided, false);
  sm_printer_puts(p, " : ");
  switch (info->kind) {
  case AK_CAST:
    sm_printer_print_type(p, sm_op_operand(op, 0)->type);
    sm_printer_puts(p, " to ");
    sm_printer_print_type(p, op->results[0].type);
    break;
  case AK_CMPI:
  case AK_CMPF: sm_printer_print_type(p, sm_op_operand(op, 0)->type); break;
  case AK_SELECT:
    if (sm_type_is_shaped(sm_op_operand(op, 0)->type)) {
      sm_printer_print_type(p, sm_op_operand(op, 0)->type);
      sm_printer_puts(p, ", ");
    }
    sm_printer_print_type(p, op->results[0].type);
    break;
  default: sm_printer_print_type(p, op->results[0].type); break;
  }
}

/* Drops default-valued flag props and respells the others canonically, so
 * `"arith.addi"(...) <{overflowFlags = #arith.overflow<none>}>` and
 * `arith.addi %a, %b : i32` are the same IR. */
static void normalize_flag(SmOp *op, const FlagSet *fs, const char *none_text) {
  SmAttr *a = sm_op_get_prop(op, fs->prop);
  if (!a || a->kind != SM_ATTR_OPAQUE) return;
  SmAttr *repl;
  if (strcmp(a->opaque.rest, none_text) == 0) {
    repl = NULL;
  } else {
    int mask = flags_mask(fs, a);
    if (mask < 0) return; /* the verifier reports it */
    repl = mask ? flags_attr(sm_op_context(op), fs, (unsigned)mask) : NULL;
    if (repl == a) return;
  }
  SmAttr *d = sm_dict_set(sm_op_context(op), op->props, fs->prop, repl);
  op->props = d && d->dict.count ? d : NULL;
}

static void arith_normalize_props(SmOp *op) {
  if (!op->props) return;
  const ArithInfo *info = sm_arith_info(op->def);
  if (!info) return;
  if (info->flags & AF_OVERFLOW) normalize_flag(op, &overflow_set, ".overflow<none>");
  if (info->flags & AF_FASTMATH) normalize_flag(op, &fastmath_set, ".fastmath<none>");
}

/* MLIR's arith.constant result names: %true/%false for i1, %c<value>_<type>
 * for integers (%c<value> for index), %cst otherwise. */
static bool constant_result_name(SmOp *op, SmStrBuf *name) {
  if (sm_arith_info(op->def)->kind != AK_CONSTANT) return false;
  SmAttr *v = sm_op_get_prop(op, "value");
  if (!v || v->kind != SM_ATTR_INTEGER) {
    sm_strbuf_puts(name, v && v->kind == SM_ATTR_BOOL ? (v->boolean ? "true" : "false") : "cst");
    return true;
  }
  SmType *t = v->integer.type;
  bool is_int = t->kind == SM_TYPE_INTEGER;
  unsigned w = is_int ? t->integer.width : 64;
  if (is_int && w == 1) {
    sm_strbuf_puts(name, v->integer.value & 1 ? "true" : "false");
    return true;
  }
  /* APInt prints signed: sign-extend from the type's width. */
  int64_t x = v->integer.value;
  if (w > 0 && w < 64) {
    uint64_t m = ((uint64_t)1 << w) - 1, u = (uint64_t)x & m;
    if (u >> (w - 1)) u |= ~m;
    x = (int64_t)u;
  }
  if (w > 64 && t->integer.sign == SM_UNSIGNED)
    sm_strbuf_printf(name, "c%llu", (unsigned long long)x);
  else
    sm_strbuf_printf(name, "c%lld", (long long)x);
  if (is_int) {
    sm_strbuf_puts(name, "_");
    sm_type_print(t, name);
  }
  return true;
}

/* ---- the table ---------------------------------------------------------- */

static const char *const props_none[] = {NULL};
static const char *const props_constant[] = {"value", NULL};
static const char *const props_overflow[] = {"overflowFlags", NULL};
static const char *const props_fastmath[] = {"fastmath", NULL};
static const char *const props_cmpi[] = {"predicate", NULL};
static const char *const props_cmpf[] = {"fastmath", "predicate", NULL};
static const char *const props_truncf[] = {"roundingmode", NULL};

static const char *const *props_for(ArithKind kind, unsigned flags) {
  if (kind == AK_CONSTANT) return props_constant;
  if (kind == AK_CMPI) return props_cmpi;
  if (kind == AK_CMPF) return props_cmpf;
  if (flags & AF_OVERFLOW) return props_overflow;
  if (flags & AF_FASTMATH) return props_fastmath;
  if (flags & AF_ROUNDING) return props_truncf;
  return props_none;
}

#define ARITH_NUM_OPERANDS(kind) \
  ((kind) == AK_CONSTANT ? 0 : (kind) == AK_SELECT ? 3 : ((kind) == AK_CAST || (kind) == AK_FLOAT_UN) ? 1 : 2)
#define ARITH_SAME_TYPE(kind) \
  (((kind) == AK_INT_BIN || (kind) == AK_FLOAT_BIN || (kind) == AK_FLOAT_UN) ? SM_TRAIT_SAME_OPERANDS_AND_RESULT_TYPE : 0)

#define ARITH_DEF_ROW(sfx, kind, opc, fl, cast, tr)                                    \
  {.name = "arith." #sfx, .summary = #sfx, .num_operands = ARITH_NUM_OPERANDS(kind),          \
   .num_results = 1, .num_regions = 0, .num_successors = 0,                                   \
   .traits = SM_TRAIT_PURE | ARITH_SAME_TYPE(kind) | (tr), .props = NULL,                     \
   .verify = arith_verify, .parse = arith_parse, .print = arith_print, .fold = sm_arith_fold, \
   .normalize_props = arith_normalize_props},
SmOpDef sm_arith_op_defs[] = {SM_ARITH_OPS(ARITH_DEF_ROW)};

/* ---- dialect, constants, builders --------------------------------------- */

static bool constant_value_ok(SmContext *ctx, SmAttr *value, SmType *type) {
  if (!value) return false;
  switch (value->kind) {
  case SM_ATTR_BOOL: case SM_ATTR_INTEGER: case SM_ATTR_FLOAT: case SM_ATTR_DENSE_ELEMENTS:
  case SM_ATTR_DENSE_RESOURCE: break;
  default: return false;
  }
  SmType *vt = sm_dialect_attr_value_type(ctx, value);
  return vt && (!type || vt == type);
}

static SmOp *build_constant(SmBuilder *b, SmAttr *value, SmLoc *loc) {
  SmContext *ctx = b->ctx;
  SmType *vt = sm_dialect_attr_value_type(ctx, value);
  if (value->kind == SM_ATTR_INTEGER) value = sm_arith_int_attr(ctx, vt, value->integer.value);
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "arith.constant"), loc ? loc : sm_loc_unknown(ctx));
  sm_op_state_add_prop(&st, "value", value);
  sm_op_state_add_result(&st, vt);
  SmOp *op = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  return op;
}

static SmOp *arith_materialize_constant(SmBuilder *b, SmAttr *value, SmType *type, SmLoc *loc) {
  if (!constant_value_ok(b->ctx, value, type)) return NULL;
  return build_constant(b, value, loc);
}

SmOp *sm_arith_build_constant(SmBuilder *b, SmAttr *value, SmLoc *loc) {
  if (!constant_value_ok(b->ctx, value, NULL)) return NULL;
  return build_constant(b, value, loc);
}

SmOp *sm_arith_build_constant_int(SmBuilder *b, SmType *type, int64_t value, SmLoc *loc) {
  return build_constant(b, sm_arith_int_attr(b->ctx, type, value), loc);
}

SmOp *sm_arith_build_constant_float(SmBuilder *b, SmType *type, double value, SmLoc *loc) {
  return build_constant(b, sm_attr_float(b->ctx, type, value), loc);
}

SmAttr *sm_arith_constant_value(const SmOp *op) {
  if (!op->def || !sm_op_name_is(op, "arith.constant")) return NULL;
  return sm_op_get_prop(op, "value");
}

SmOp *sm_arith_build_binary(SmBuilder *b, const char *name, SmValue *lhs, SmValue *rhs, SmLoc *loc) {
  SmOpState st;
  sm_op_state_init(&st, b->ctx, sm_intern_cstr(b->ctx, name), loc ? loc : sm_loc_unknown(b->ctx));
  sm_op_state_add_operand(&st, lhs);
  sm_op_state_add_operand(&st, rhs);
  sm_op_state_add_result(&st, lhs->type);
  SmOp *op = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  return op;
}

static SmDialect arith_dialect = {
    .name = "arith",
    .summary = "Basic integer and floating point mathematical operations",
    .ops = sm_arith_op_defs,
    .num_ops = ARITH_COUNT,
    .materialize_constant = arith_materialize_constant,
};

SmDialect *sm_arith_dialect(void) {
  /* Props lists depend on the row's kind/flags, and the pattern hooks live
   * in arith_canonicalize.c; fill them once. */
  for (size_t i = 0; i < ARITH_COUNT; i++) {
    if (!sm_arith_op_defs[i].props)
      sm_arith_op_defs[i].props = props_for(arith_infos[i].kind, arith_infos[i].flags);
    if (arith_infos[i].kind == AK_CONSTANT) sm_arith_op_defs[i].result_name = constant_result_name;
    if (!sm_arith_op_defs[i].canonicalization_patterns)
      sm_arith_op_defs[i].canonicalization_patterns =
          sm_arith_canonicalization_hook(sm_arith_op_defs[i].name);
  }
  return &arith_dialect;
}
