/* Parsing of builtin attributes: literals, arrays, dictionaries, dense
 * arrays and elements, affine maps, symbol references, dialect attributes
 * and attribute aliases. */
#include "ir/fp16.h"
#include "ir/parser_impl.h"
#include "ir/float_formats.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool tok_eq(const SmToken *t, const char *s) {
  size_t n = strlen(s);
  return t->len == n && memcmp(t->ptr, s, n) == 0;
}

/* ---- Numbers ------------------------------------------------------------ */

bool sm_p_parse_uint_token(SmParser *p, const SmToken *t, uint64_t *out) {
  const char *s = t->ptr, *e = t->ptr + t->len;
  uint64_t v = 0;
  if (t->len > 2 && s[0] == '0' && s[1] == 'x') {
    s += 2;
    for (; s < e; s++) {
      unsigned d = (unsigned)(*s <= '9' ? *s - '0' : (*s | 0x20) - 'a' + 10);
      if (v >> 60)
        return sm_p_error_tok(p, t, "integer constant out of range");
      v = v * 16 + d;
    }
  } else {
    for (; s < e; s++) {
      unsigned d = (unsigned)(*s - '0');
      if (v > (UINT64_MAX - d) / 10)
        return sm_p_error_tok(p, t, "integer constant out of range");
      v = v * 10 + d;
    }
  }
  *out = v;
  return true;
}

bool sm_p_int_fits(SmType *t, uint64_t mag, bool neg, int64_t *out) {
  unsigned w = t->kind == SM_TYPE_INDEX ? 64 : t->integer.width;
  SmSignedness sign = t->kind == SM_TYPE_INDEX ? SM_SIGNED : t->integer.sign;
  if (w == 0) {
    *out = 0;
    return mag == 0;
  }
  /* Wider types hold values of the 64-bit range here (SmAttr's int64). */
  if (w > 64)
    w = 64;
  if (neg) {
    if (sign == SM_UNSIGNED && mag != 0)
      return false;
    uint64_t lim = w == 64 ? (1ull << 63) : (1ull << (w - 1));
    if (w == 1 && sign == SM_SIGNLESS)
      lim = 1; /* -1 : i1 is "true" in MLIR's APInt view */
    if (mag > lim)
      return false;
    *out = mag == (1ull << 63) ? INT64_MIN : -(int64_t)mag;
    return true;
  }
  uint64_t max;
  if (sign == SM_SIGNED)
    max = w == 64 ? (uint64_t)INT64_MAX : (1ull << (w - 1)) - 1;
  else
    max = w == 64 ? UINT64_MAX : (1ull << w) - 1;
  if (mag > max)
    return false;
  *out = (int64_t)mag;
  return true;
}

/* strtod on a token (not NUL-terminated). */
static double tok_strtod(const SmToken *t) {
  char buf[128];
  char *heap = NULL, *s = buf;
  if (t->len >= sizeof buf) {
    heap = malloc(t->len + 1);
    s = heap;
  }
  memcpy(s, t->ptr, t->len);
  s[t->len] = 0;
  double d = strtod(s, NULL);
  free(heap);
  return d;
}

/* Checks that hex bits fit float type ft (held width: f80/f128 as doubles). */
static bool float_bits_fit(SmParser *p, const SmToken *t, SmType *ft, uint64_t bits) {
  unsigned w = sm_float_held_bits(ft);
  if (w < 64 && (bits >> w) != 0)
    return sm_p_error_tok(p, t, "hexadecimal float constant out of range for type");
  return true;
}

/* f80 / f128 bits of double d (hi: the top 64 bits, lo: the low 64). */
static void wide_from_double(bool f128, double d, uint64_t *hi, uint64_t *lo) {
  uint64_t sign = signbit(d) ? 1 : 0;
  *hi = *lo = 0;
  uint64_t e = 0, frac = 0; /* frac: 52 bits after the leading 1 (normalised) */
  if (isinf(d) || isnan(d)) {
    e = 0x7FFF;
    frac = isnan(d) ? (1ull << 51) : 0;
  } else if (d != 0) {
    int ex;
    double m = frexp(fabs(d), &ex);                 /* m in [0.5, 1) */
    uint64_t q = (uint64_t)ldexp(m, 53);            /* 53 bits, top one set */
    frac = q & ((1ull << 52) - 1);
    e = (uint64_t)(ex - 1 + 16383);
  }
  if (f128) { /* 1 + 15 + 112 bits */
    *hi = sign << 63 | e << 48 | frac >> 4;
    *lo = (frac & 15) << 60;
  } else { /* 1 + 15 bits, then 64 bits with the integer bit */
    *hi = sign << 15 | e;
    *lo = (e == 0 && frac == 0) ? 0 : (1ull << 63 | frac << 11);
  }
}

/* Hex bits of f80/f128, which are held as doubles: accepted when a double
 * holds exactly this value (infinities and the quiet NaN MLIR prints
 * included), otherwise rejected rather than rounded. */
static SmAttr *wide_float_hex(SmParser *p, const SmToken *lit, SmType *type) {
  bool f128 = type->fp.format == SM_FLOAT_F128;
  uint64_t hi = 0, lo = 0;
  for (size_t i = 2; i < lit->len; i++) {
    char c = lit->ptr[i];
    unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
    if (hi >> 60)
      return sm_p_error_tok(p, lit, "hexadecimal float constant out of range for type"), NULL;
    hi = hi << 4 | lo >> 60;
    lo = lo << 4 | d;
  }
  if (!f128 && hi >> 16)
    return sm_p_error_tok(p, lit, "hexadecimal float constant out of range for type"), NULL;
  uint64_t sign = f128 ? hi >> 63 : (hi >> 15) & 1;
  uint64_t e = f128 ? (hi >> 48) & 0x7FFF : hi & 0x7FFF;
  double d;
  if (e == 0x7FFF) {
    bool nan = f128 ? ((hi & ((1ull << 48) - 1)) | lo) != 0 : (lo << 1) != 0;
    d = nan ? NAN : INFINITY;
  } else if (f128) {
    uint64_t frac = (hi & ((1ull << 48) - 1)) << 4 | lo >> 60; /* top 52 fraction bits */
    d = e == 0 ? 0.0 : ldexp((double)((1ull << 52) | frac), (int)e - 16383 - 52);
  } else {
    d = e == 0 ? 0.0 : ldexp((double)(lo >> 11), (int)e - 16383 - 52);
  }
  if (sign)
    d = -d;
  uint64_t h2, l2;
  wide_from_double(f128, d, &h2, &l2);
  if (h2 != hi || l2 != lo)
    return sm_p_error_tok(p, lit, "hexadecimal %s constant not held exactly (smartmem holds %s values as doubles)",
                          f128 ? "f128" : "f80", f128 ? "f128" : "f80"),
           NULL;
  return sm_attr_float(p->ctx, type, d);
}

/* Number literal with optional '-' and optional ": type". */
static SmAttr *parse_number_attr(SmParser *p, SmType *type) {
  bool neg = sm_p_accept(p, SM_TOK_MINUS);
  SmToken lit = p->tok;
  if (lit.kind != SM_TOK_INT && lit.kind != SM_TOK_FLOAT)
    return sm_p_error(p, "expected integer or float literal"), NULL;
  sm_p_consume(p);
  if (p->tok.kind == SM_TOK_COLON) {
    sm_p_consume(p);
    SmToken tt = p->tok;
    type = sm_p_parse_type(p);
    if (!type)
      return NULL;
    if (type->kind != SM_TYPE_INTEGER && type->kind != SM_TYPE_INDEX && !sm_type_is_float(type))
      return sm_p_error_tok(p, &tt, "expected integer or float type"), NULL;
  }
  if (lit.kind == SM_TOK_FLOAT) {
    if (!type)
      type = sm_type_f64(p->ctx);
    if (!sm_type_is_float(type))
      return sm_p_error_tok(p, &lit, "floating point value not valid for specified type"), NULL;
    double d = tok_strtod(&lit);
    return sm_attr_float(p->ctx, type, neg ? -d : d);
  }
  if (type && type->kind == SM_TYPE_FLOAT_EXT &&
      (type->fp.format == SM_FLOAT_F80 || type->fp.format == SM_FLOAT_F128) && lit.len > 2 &&
      lit.ptr[1] == 'x' && !neg)
    return wide_float_hex(p, &lit, type);
  uint64_t mag;
  if (!sm_p_parse_uint_token(p, &lit, &mag))
    return NULL;
  if (!type)
    type = sm_type_integer(p->ctx, 64, SM_SIGNLESS);
  if (sm_type_is_float(type)) {
    if (lit.len > 2 && lit.ptr[1] == 'x' && !neg) {
      if (!float_bits_fit(p, &lit, type, mag))
        return NULL;
      return sm_attr_float_bits(p->ctx, type, mag);
    }
    return sm_p_error_tok(p, &lit, "unexpected decimal integer literal for a floating point value"), NULL;
  }
  int64_t v;
  if (!sm_p_int_fits(type, mag, neg, &v)) {
    if (neg && type->kind == SM_TYPE_INTEGER && type->integer.sign == SM_UNSIGNED)
      return sm_p_error_tok(p, &lit, "negative integer literal not valid for unsigned integer type"), NULL;
    return sm_p_error_tok(p, &lit, "integer constant out of range for attribute"), NULL;
  }
  return sm_attr_integer(p->ctx, type, v);
}

/* ---- Dictionaries and arrays ------------------------------------------- */

static int cmp_named(const void *a, const void *b) {
  const SmNamedAttr *x = a, *y = b;
  return strcmp(x->name, y->name);
}

bool sm_p_parse_dict_entries(SmParser *p, size_t *mark, unsigned *n) {
  *mark = p->stk.len;
  *n = 0;
  if (!sm_p_expect(p, SM_TOK_LBRACE, "'{'"))
    return false;
  if (!sm_p_enter(p))
    return false;
  if (p->tok.kind != SM_TOK_RBRACE) {
    for (;;) {
      SmToken key = p->tok;
      const char *name;
      if (key.kind == SM_TOK_BARE) {
        name = sm_p_intern(p, key.ptr, key.len);
      } else if (key.kind == SM_TOK_STRING) {
        size_t len;
        const char *s = sm_p_string_value(p, &key, &len);
        if (len == 0)
          return sm_p_error(p, "expected valid attribute name");
        name = sm_p_intern(p, s, len);
      } else {
        return sm_p_error(p, "expected attribute name");
      }
      sm_p_consume(p);
      /* Duplicate check: linear for small dicts, sorted below otherwise. */
      if (*n < 16) {
        SmNamedAttr *es = (SmNamedAttr *)sm_bs_at(&p->stk, *mark);
        for (unsigned i = 0; i < *n; i++)
          if (es[i].name == name)
            return sm_p_error_tok(p, &key, "duplicate key '%s' in dictionary attribute", name);
      }
      SmNamedAttr e = {name, NULL};
      if (sm_p_accept(p, SM_TOK_EQUAL)) {
        e.value = sm_p_parse_attr(p, NULL);
        if (!e.value)
          return false;
      } else {
        e.value = sm_attr_unit(p->ctx);
      }
      sm_bs_push(&p->stk, &e, sizeof e);
      (*n)++;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  sm_p_leave(p);
  if (!sm_p_expect(p, SM_TOK_RBRACE, "'}' in attribute dictionary"))
    return false;
  if (*n >= 16) {
    size_t sz = *n * sizeof(SmNamedAttr);
    SmNamedAttr *copy = malloc(sz);
    memcpy(copy, sm_bs_at(&p->stk, *mark), sz);
    qsort(copy, *n, sizeof *copy, cmp_named);
    for (unsigned i = 1; i < *n; i++)
      if (copy[i].name == copy[i - 1].name) {
        const char *dup = copy[i].name;
        free(copy);
        return sm_p_error(p, "duplicate key '%s' in dictionary attribute", dup);
      }
    free(copy);
  }
  return true;
}

SmAttr *sm_p_parse_dict(SmParser *p) {
  size_t mark;
  unsigned n;
  if (!sm_p_parse_dict_entries(p, &mark, &n))
    return NULL;
  SmAttr *a = sm_attr_dict(p->ctx, n, (SmNamedAttr *)sm_bs_at(&p->stk, mark));
  p->stk.len = mark;
  return a;
}

static SmAttr *parse_array(SmParser *p) {
  sm_p_consume(p); /* [ */
  size_t mark = p->stk.len;
  unsigned n = 0;
  if (p->tok.kind != SM_TOK_RSQUARE) {
    for (;;) {
      SmAttr *a = sm_p_parse_attr(p, NULL);
      if (!a)
        return NULL;
      sm_bs_push(&p->stk, &a, sizeof a);
      n++;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  if (!sm_p_expect(p, SM_TOK_RSQUARE, "']'"))
    return NULL;
  SmAttr *res = sm_attr_array(p->ctx, n, (SmAttr **)sm_bs_at(&p->stk, mark));
  p->stk.len = mark;
  return res;
}

/* ---- Element literals (dense arrays / dense elements) ------------------ */

typedef struct SmElemLit {
  const char *ptr;
  uint32_t len;
  uint8_t kind; /* SM_TOK_INT, SM_TOK_FLOAT, or SM_TOK_BARE (true/false) */
  uint8_t neg;
  unsigned line, col;
} SmElemLit;

static bool parse_elem_lit(SmParser *p, SmElemLit *out) {
  SmToken t = p->tok;
  bool neg = false;
  if (t.kind == SM_TOK_MINUS) {
    neg = true;
    sm_p_consume(p);
    t = p->tok;
  }
  if (t.kind == SM_TOK_INT || t.kind == SM_TOK_FLOAT || (!neg && t.kind == SM_TOK_STRING) ||
      (!neg && t.kind == SM_TOK_BARE && (tok_eq(&t, "true") || tok_eq(&t, "false")))) {
    out->ptr = t.ptr;
    out->len = t.len;
    out->kind = (uint8_t)t.kind;
    out->neg = neg;
    out->line = t.line;
    out->col = t.col;
    sm_p_consume(p);
    return true;
  }
  return sm_p_error(p, "expected element literal of primitive type");
}

/* Writes one literal as an element of type elem into dst (little-endian). */
static bool store_elem(SmParser *p, const SmElemLit *e, SmType *elem, void *dst) {
  SmToken t = {(SmTokKind)e->kind, e->len, e->ptr, e->line, e->col};
  if (e->kind == SM_TOK_STRING)
    return sm_p_error_tok(p, &t, "expected a numeric element literal, but parsed a string");
  if (e->kind == SM_TOK_BARE) {
    bool b = e->ptr[0] == 't';
    if (!(elem->kind == SM_TYPE_INTEGER && elem->integer.width == 1))
      return sm_p_error_tok(p, &t, "expected i1 type for 'true' or 'false' values");
    *(uint8_t *)dst = b;
    return true;
  }
  if (sm_type_is_float(elem)) {
    uint64_t bits;
    if (e->kind == SM_TOK_FLOAT) {
      double d = tok_strtod(&t);
      bits = sm_float_encode(elem, e->neg ? -d : d);
    } else {
      uint64_t mag;
      if (!sm_p_parse_uint_token(p, &t, &mag))
        return false;
      if (e->len > 2 && e->ptr[1] == 'x') {
        if (e->neg)
          return sm_p_error_tok(p, &t, "hexadecimal float literal should not have a leading minus");
        if (!float_bits_fit(p, &t, elem, mag))
          return false;
        bits = mag; /* exact: signalling NaNs stay */
      } else {
        double d = (double)mag;
        bits = sm_float_encode(elem, e->neg ? -d : d);
      }
    }
    size_t sz = sm_dense_elem_size(elem);
    for (size_t i = 0; i < sz; i++)
      ((uint8_t *)dst)[i] = (uint8_t)(bits >> (8 * i));
    return true;
  }
  if (elem->kind != SM_TYPE_INTEGER && elem->kind != SM_TYPE_INDEX)
    return sm_p_error_tok(p, &t, "unsupported element type");
  if (e->kind == SM_TOK_FLOAT)
    return sm_p_error_tok(p, &t, "expected integer elements, but parsed floating-point");
  uint64_t mag;
  if (!sm_p_parse_uint_token(p, &t, &mag))
    return false;
  int64_t v;
  if (!sm_p_int_fits(elem, mag, e->neg, &v))
    return sm_p_error_tok(p, &t, "integer constant out of range for type");
  size_t sz = sm_dense_elem_size(elem);
  if (elem->kind == SM_TYPE_INTEGER && elem->integer.width == 1)
    v = v != 0;
  uint64_t u = (uint64_t)v;
  for (size_t i = 0; i < sz; i++)
    ((uint8_t *)dst)[i] = (uint8_t)(u >> (8 * i));
  return true;
}

/* array<i64: 1, 2> after "array". */
static SmAttr *parse_dense_array(SmParser *p) {
  if (!sm_p_expect(p, SM_TOK_LESS, "'<' after 'array'"))
    return NULL;
  SmToken tt = p->tok;
  SmType *elem = sm_p_parse_type(p);
  if (!elem)
    return NULL;
  bool ok_type = (elem->kind == SM_TYPE_INTEGER && elem->integer.sign == SM_SIGNLESS &&
                  (elem->integer.width == 1 || elem->integer.width == 8 || elem->integer.width == 16 ||
                   elem->integer.width == 32 || elem->integer.width == 64)) ||
                 elem->kind == SM_TYPE_F32 || elem->kind == SM_TYPE_F64;
  if (!ok_type)
    return sm_p_error_tok(p, &tt, "expected integer or float type for dense array"), NULL;
  size_t esz = elem->kind == SM_TYPE_INTEGER ? (elem->integer.width == 1 ? 1 : elem->integer.width / 8)
                                             : sm_type_bitwidth(elem) / 8;
  size_t mark = p->stk.len;
  unsigned n = 0;
  if (sm_p_accept(p, SM_TOK_COLON)) {
    for (;;) {
      SmElemLit e;
      if (!parse_elem_lit(p, &e))
        return NULL;
      uint64_t buf = 0;
      if (!store_elem(p, &e, elem, &buf))
        return NULL;
      sm_bs_push(&p->stk, &buf, esz);
      n++;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  if (!sm_p_expect(p, SM_TOK_GREATER, "'>' to close an array attribute"))
    return NULL;
  SmAttr *a = sm_attr_dense_array(p->ctx, elem, n, sm_bs_at(&p->stk, mark));
  p->stk.len = mark;
  return a;
}

/* Decodes "0x..." hex into a malloc'd buffer. */
static bool decode_hex(const char *s, size_t len, uint8_t **out, size_t *out_len) {
  if (len < 2 || s[0] != '0' || s[1] != 'x' || (len & 1))
    return false;
  size_t n = (len - 2) / 2;
  uint8_t *b = malloc(n ? n : 1);
  for (size_t i = 0; i < n; i++) {
    int v = 0;
    for (int k = 0; k < 2; k++) {
      char c = s[2 + 2 * i + (size_t)k];
      int d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        d = (c | 0x20) - 'a' + 10;
      else {
        free(b);
        return false;
      }
      v = v * 16 + d;
    }
    b[i] = (uint8_t)v;
  }
  *out = b;
  *out_len = n;
  return true;
}

/* Parses a nested literal list, pushing SmElemLit on p->stk and recording
 * the shape (dims on *shape_stack, one per nesting level). */
typedef struct DenseShape {
  int64_t dims[SM_PARSE_MAX_DEPTH];
  unsigned rank;
  bool rank_known;
  /* Leaves seen: complex "(re, im)" pairs (two literals each), scalars. */
  bool any_complex, any_scalar;
} DenseShape;

static bool parse_dense_list(SmParser *p, DenseShape *sh, unsigned level, unsigned *count) {
  if (p->tok.kind != SM_TOK_LSQUARE) {
    /* Leaf element: nesting depth must equal the rank. */
    if (sh->rank_known && level != sh->rank)
      return sm_p_error(p, "tensor literal is invalid; ranks are not consistent between elements");
    if (!sh->rank_known) {
      sh->rank = level;
      sh->rank_known = true;
    }
    SmElemLit e;
    if (p->tok.kind == SM_TOK_LPAREN) { /* complex: (re, im) */
      if (sh->any_scalar)
        return sm_p_error(p, "expected element literal of primitive type");
      sh->any_complex = true;
      sm_p_consume(p);
      if (!parse_elem_lit(p, &e))
        return false;
      sm_bs_push(&p->stk, &e, sizeof e);
      if (!sm_p_expect(p, SM_TOK_COMMA, "','") || !parse_elem_lit(p, &e))
        return false;
      sm_bs_push(&p->stk, &e, sizeof e);
      if (!sm_p_expect(p, SM_TOK_RPAREN, "')'"))
        return false;
      (*count)++;
      return true;
    }
    if (sh->any_complex)
      return sm_p_error(p, "expected '(' for a complex element");
    sh->any_scalar = true;
    if (!parse_elem_lit(p, &e))
      return false;
    sm_bs_push(&p->stk, &e, sizeof e);
    (*count)++;
    return true;
  }
  if (level >= SM_PARSE_MAX_DEPTH - 1 || !sm_p_enter(p))
    return sm_p_error(p, "nesting too deep");
  SmToken open = p->tok;
  sm_p_consume(p);
  int64_t n = 0;
  if (p->tok.kind != SM_TOK_RSQUARE) {
    for (;;) {
      if (!parse_dense_list(p, sh, level + 1, count))
        return false;
      n++;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  } else {
    /* "[]": a zero-sized dimension at this level. */
    if (sh->rank_known && level + 1 != sh->rank)
      return sm_p_error(p, "tensor literal is invalid; ranks are not consistent between elements");
    if (!sh->rank_known) {
      sh->rank = level + 1;
      sh->rank_known = true;
    }
  }
  sm_p_leave(p);
  if (!sm_p_expect(p, SM_TOK_RSQUARE, "']'"))
    return false;
  /* The first list seen at a level fixes that level's size. */
  if (sh->dims[level] == -1)
    sh->dims[level] = n;
  else if (sh->dims[level] != n)
    return sm_p_error_tok(p, &open, "tensor literal is invalid; ranks are not consistent between elements");
  return true;
}

static void fmt_shape(char *buf, size_t cap, const int64_t *dims, unsigned rank) {
  size_t o = 0;
  buf[0] = 0;
  for (unsigned i = 0; i < rank && o + 24 < cap; i++)
    o += (size_t)snprintf(buf + o, cap - o, i ? ", %lld" : "%lld", (long long)dims[i]);
}

/* Element types whose values the dense payload holds exactly: integers up
 * to 64 bits and floats up to 64 bits (f80/f128 elements are not supported). */
static bool dense_elem_supported(const SmType *e) {
  if (e->kind == SM_TYPE_INTEGER)
    return e->integer.width >= 1 && e->integer.width <= 64;
  if (e->kind == SM_TYPE_FLOAT_EXT)
    return e->fp.format != SM_FLOAT_F80 && e->fp.format != SM_FLOAT_F128;
  if (e->kind == SM_TYPE_COMPLEX)
    return dense_elem_supported(e->complex.elem);
  return e->kind == SM_TYPE_INDEX || sm_type_is_float(e);
}

/* Dense string elements (the element type is not numeric): a string splat
 * (text, or a hex-looking literal taken as text), or a list of strings of
 * the type's shape. */
static SmAttr *dense_strings(SmParser *p, SmType *type, int64_t num, bool empty, bool one, bool one_text,
                             const uint8_t *one_data, size_t one_len, const DenseShape *sh, unsigned count,
                             size_t mark, const SmToken *lit_tok) {
  if (empty) {
    if (num != 0)
      return sm_p_error_tok(p, lit_tok, "parsed zero elements, but type (%lld elements) expected at least 1",
                            (long long)num),
             NULL;
    return sm_attr_dense_string(p->ctx, type, false, 0, NULL);
  }
  if (one) {
    SmAttr *str;
    if (one_text) {
      str = sm_attr_string(p->ctx, (const char *)one_data, one_len);
    } else { /* "0x..." read as hex above: the literal's own text */
      size_t len;
      const char *s = sm_p_string_value(p, lit_tok, &len);
      str = sm_attr_string(p->ctx, s, len);
    }
    return sm_attr_dense_string(p->ctx, type, num != 1, 1, &str);
  }
  bool match = sh->rank == type->shaped.rank;
  for (unsigned i = 0; match && i < sh->rank; i++)
    match = sh->dims[i] == type->shaped.dims[i];
  bool splat = sh->rank == 0 && count == 1;
  if (!match && !splat)
    return sm_p_error_tok(p, lit_tok, "inferred shape of elements literal does not match type"), NULL;
  if (sh->any_complex)
    return sm_p_error_tok(p, lit_tok, "expected string elements"), NULL;
  SmAttr **strs = malloc((count ? count : 1) * sizeof *strs);
  if (!strs)
    abort();
  for (unsigned i = 0; i < count; i++) {
    const SmElemLit *e = (const SmElemLit *)sm_bs_at(&p->stk, mark) + i;
    SmToken t = {(SmTokKind)e->kind, e->len, e->ptr, e->line, e->col};
    if (e->kind != SM_TOK_STRING) {
      free(strs);
      return sm_p_error_tok(p, &t, "expected string elements"), NULL;
    }
    size_t len;
    const char *s = sm_p_string_value(p, &t, &len);
    strs[i] = sm_attr_string(p->ctx, s, len);
  }
  SmAttr *res = sm_attr_dense_string(p->ctx, type, splat && num != 1, count, strs);
  free(strs);
  return res;
}

/* dense<...> : type, after "dense". */
/* The literal of dense<...> or sparse<...>, parsed before its type is
 * known: empty, a string (hex data or string splat), or nested lists whose
 * leaves are SmElemLit entries on p->stk from mark. */
typedef struct DenseLit {
  size_t mark;
  DenseShape *sh;
  unsigned count;
  bool empty, hex, str_splat;
  SmToken lit_tok;
  uint8_t *hex_data;
  size_t hex_len;
} DenseLit;

static bool dense_lit_parse(SmParser *p, DenseLit *l) {
  memset(l, 0, sizeof *l);
  l->mark = p->stk.len;
  l->lit_tok = p->tok;
  if (p->tok.kind == SM_TOK_GREATER) {
    l->empty = true;
    return true;
  }
  if (p->tok.kind == SM_TOK_STRING) {
    /* Hex data, or a string splat when the element type is not numeric:
     * decided once the type is known. */
    size_t len;
    const char *s = sm_p_string_value(p, &p->tok, &len);
    if (!decode_hex(s, len, &l->hex_data, &l->hex_len)) {
      l->hex_data = malloc(len + 1);
      if (!l->hex_data)
        abort();
      memcpy(l->hex_data, s, len);
      l->hex_len = len;
      l->str_splat = true;
    }
    l->hex = true;
    sm_p_consume(p);
    return true;
  }
  l->sh = malloc(sizeof *l->sh);
  if (!l->sh)
    abort();
  for (unsigned i = 0; i < SM_PARSE_MAX_DEPTH; i++)
    l->sh->dims[i] = -1;
  l->sh->rank = 0;
  l->sh->rank_known = false;
  l->sh->any_complex = l->sh->any_scalar = false;
  return parse_dense_list(p, l->sh, 0, &l->count);
}

static void dense_lit_free(DenseLit *l) {
  free(l->sh);
  free(l->hex_data);
  l->sh = NULL;
  l->hex_data = NULL;
}

/* The elements attribute of literal l with type `type` (written at tt). */
static SmAttr *dense_lit_build(SmParser *p, DenseLit *l, SmType *type, const SmToken *tt,
                               const SmToken *dense_tok) {
  size_t mark = l->mark;
  DenseShape *sh = l->sh;
  unsigned count = l->count;
  bool empty = l->empty, hex = l->hex, str_splat = l->str_splat;
  SmToken lit_tok = l->lit_tok;
  uint8_t *hex_data = l->hex_data;
  size_t hex_len = l->hex_len;
  SmAttr *res = NULL;
  if (type->kind != SM_TYPE_TENSOR && type->kind != SM_TYPE_VECTOR) {
    sm_p_error_tok(p, tt, "elements literal must be a ranked tensor or vector type");
    goto out;
  }
  int64_t num = sm_type_num_elements(type);
  if (num < 0) {
    sm_p_error_tok(p, tt, "elements literal type must have static shape");
    goto out;
  }
  SmType *elem = type->shaped.elem;
  if (!(elem->kind == SM_TYPE_INTEGER || elem->kind == SM_TYPE_INDEX || sm_type_is_float(elem) ||
        elem->kind == SM_TYPE_COMPLEX)) {
    res = dense_strings(p, type, num, empty, hex, str_splat, hex_data, hex_len, sh, count, mark, &lit_tok);
    goto out;
  }
  if (str_splat) {
    sm_p_error_tok(p, &lit_tok, "expected a hex string of the form \"0x...\"");
    goto out;
  }
  if (!dense_elem_supported(elem)) {
    SmStrBuf tb = {0};
    sm_type_print(elem, &tb);
    sm_p_error_tok(p, tt, "dense elements of '%s' are not supported", tb.data ? tb.data : "");
    sm_strbuf_free(&tb);
    goto out;
  }
  size_t esz = sm_dense_elem_size(elem);
  if (empty) {
    if (num != 0) {
      sm_p_error_tok(p, &lit_tok, "parsed zero elements, but type (%lld elements) expected at least 1",
                     (long long)num);
      goto out;
    }
    res = sm_attr_dense(p->ctx, type, false, NULL, 0);
    goto out;
  }
  if (hex && elem->kind == SM_TYPE_INTEGER && elem->integer.width == 1) {
    /* MLIR packs i1 hex data 8 elements per byte, least significant bit first;
     * we store one byte per element. */
    if (hex_len != ((size_t)num + 7) / 8) {
      sm_p_error_tok(p, &lit_tok, "elements hex data size is invalid for provided type");
      goto out;
    }
    uint8_t *bits = malloc(num ? (size_t)num : 1);
    for (int64_t i = 0; i < num; i++) bits[i] = (hex_data[i / 8] >> (i % 8)) & 1;
    res = sm_attr_dense(p->ctx, type, false, bits, (size_t)num);
    free(bits);
    goto out;
  }
  if (hex) {
    bool splat = hex_len == esz && num != 1;
    if (!splat && hex_len != (size_t)num * esz) {
      sm_p_error_tok(p, &lit_tok, "elements hex data size is invalid for provided type");
      goto out;
    }
    res = sm_attr_dense(p->ctx, type, splat && num != 1, hex_data, hex_len);
    goto out;
  }
  {
    SmElemLit *els = (SmElemLit *)sm_bs_at(&p->stk, mark);
    bool splat = sh->rank == 0 && count == 1;
    if (!splat) {
      bool match = sh->rank == type->shaped.rank;
      for (unsigned i = 0; match && i < sh->rank; i++)
        match = sh->dims[i] == type->shaped.dims[i];
      if (!match) {
        char a[256], b[256];
        fmt_shape(a, sizeof a, sh->dims, sh->rank);
        fmt_shape(b, sizeof b, type->shaped.dims, type->shaped.rank);
        sm_p_error_tok(p, dense_tok, "inferred shape of elements literal ([%s]) does not match type ([%s])", a, b);
        goto out;
      }
    }
    bool cplx = elem->kind == SM_TYPE_COMPLEX;
    if (cplx != sh->any_complex) {
      sm_p_error_tok(p, &lit_tok, cplx ? "expected complex (real, imaginary) literals for a complex element type"
                                       : "complex literal for a non-complex element type");
      goto out;
    }
    /* A complex element is two literals of the part type. */
    SmType *part = cplx ? elem->complex.elem : elem;
    size_t psz = cplx ? esz / 2 : esz;
    unsigned nlit = cplx ? 2 * count : count;
    size_t size = (size_t)count * esz;
    uint8_t *data = malloc(size ? size : 1);
    for (unsigned i = 0; i < nlit; i++) {
      if (!store_elem(p, &els[i], part, data + (size_t)i * psz)) {
        free(data);
        goto out;
      }
    }
    res = sm_attr_dense(p->ctx, type, splat && num != 1, data, size);
    free(data);
  }
out:
  return res;
}

/* dense<...> : type, after "dense". */
static SmAttr *parse_dense(SmParser *p, const SmToken *dense_tok) {
  if (!sm_p_expect(p, SM_TOK_LESS, "'<' after 'dense'"))
    return NULL;
  DenseLit l;
  SmAttr *res = NULL;
  if (!dense_lit_parse(p, &l) || !sm_p_expect(p, SM_TOK_GREATER, "'>'") || !sm_p_expect(p, SM_TOK_COLON, "':'"))
    goto out;
  SmToken tt = p->tok;
  SmType *type = sm_p_parse_type(p);
  if (type)
    res = dense_lit_build(p, &l, type, &tt, dense_tok);
out:
  dense_lit_free(&l);
  p->stk.len = l.mark;
  return res;
}

/* sparse<indices, values> : type (or sparse<> : type), after "sparse".
 * As MLIR: indices are i64 of the literal's shape ([1, rank] for a single
 * value), values of the type's element type ([number of indices] for a
 * single value). */
static SmAttr *parse_sparse(SmParser *p, const SmToken *kw) {
  if (!sm_p_expect(p, SM_TOK_LESS, "'<' after 'sparse'"))
    return NULL;
  DenseLit il, vl;
  memset(&il, 0, sizeof il);
  memset(&vl, 0, sizeof vl);
  il.mark = vl.mark = p->stk.len;
  SmAttr *res = NULL;
  bool empty = p->tok.kind == SM_TOK_GREATER;
  if (!empty) {
    if (p->tok.kind == SM_TOK_STRING) {
      sm_p_error(p, "expected '[' or scalar constant inside tensor literal");
      goto out;
    }
    if (!dense_lit_parse(p, &il) || !sm_p_expect(p, SM_TOK_COMMA, "','") || !dense_lit_parse(p, &vl))
      goto out;
  }
  if (!sm_p_expect(p, SM_TOK_GREATER, "'>'") || !sm_p_expect(p, SM_TOK_COLON, "':'"))
    goto out;
  SmToken tt = p->tok;
  SmType *type = sm_p_parse_type(p);
  if (!type)
    goto out;
  if ((type->kind != SM_TYPE_TENSOR && type->kind != SM_TYPE_VECTOR) || sm_type_num_elements(type) < 0) {
    sm_p_error_tok(p, &tt, "elements literal type must have static shape");
    goto out;
  }
  SmType *i64 = sm_type_integer(p->ctx, 64, SM_SIGNLESS);
  SmAttr *indices, *values;
  if (empty) {
    int64_t idims[2] = {0, type->shaped.rank};
    indices = sm_attr_dense(p->ctx, sm_type_tensor(p->ctx, 2, idims, i64, NULL), false, NULL, 0);
    int64_t vdims[1] = {0};
    values = sm_attr_dense(p->ctx, sm_type_tensor(p->ctx, 1, vdims, type->shaped.elem, NULL), false, NULL, 0);
  } else {
    SmType *it;
    if (!il.sh || il.sh->rank == 0) {
      int64_t idims[2] = {1, type->shaped.rank};
      it = sm_type_tensor(p->ctx, 2, idims, i64, NULL);
    } else {
      it = sm_type_tensor(p->ctx, il.sh->rank, il.sh->dims, i64, NULL);
    }
    indices = dense_lit_build(p, &il, it, kw, kw);
    if (!indices)
      goto out;
    SmType *vt;
    if (!vl.sh || vl.sh->rank == 0) {
      int64_t vdims[1] = {it->shaped.dims[0]};
      vt = sm_type_tensor(p->ctx, 1, vdims, type->shaped.elem, NULL);
    } else {
      vt = sm_type_tensor(p->ctx, vl.sh->rank, vl.sh->dims, type->shaped.elem, NULL);
    }
    values = dense_lit_build(p, &vl, vt, kw, kw);
    if (!values)
      goto out;
    if (values->kind != SM_ATTR_DENSE_ELEMENTS) {
      sm_p_error_tok(p, kw, "sparse elements of strings are not supported");
      goto out;
    }
  }
  res = sm_attr_sparse(p->ctx, type, indices, values);
out:
  dense_lit_free(&il);
  dense_lit_free(&vl);
  p->stk.len = il.mark;
  return res;
}

/* ---- Affine maps -------------------------------------------------------- */

typedef struct AffineCtx {
  SmParser *p;
  const char **dims;
  unsigned ndims;
  const char **syms;
  unsigned nsyms;
} AffineCtx;

static SmAffineExpr *affine_expr(AffineCtx *a);

static bool affine_is_symbolic(const SmAffineExpr *e) {
  switch (e->kind) {
  case SM_AFFINE_DIM:
    return false;
  case SM_AFFINE_SYMBOL:
  case SM_AFFINE_CONST:
    return true;
  default:
    return affine_is_symbolic(e->bin.lhs) && affine_is_symbolic(e->bin.rhs);
  }
}

static SmAffineExpr *affine_operand(AffineCtx *a) {
  SmParser *p = a->p;
  SmToken t = p->tok;
  if (t.kind == SM_TOK_LPAREN) {
    if (!sm_p_enter(p))
      return NULL;
    sm_p_consume(p);
    SmAffineExpr *e = affine_expr(a);
    sm_p_leave(p);
    if (!e || !sm_p_expect(p, SM_TOK_RPAREN, "')'"))
      return NULL;
    return e;
  }
  if (t.kind == SM_TOK_MINUS) {
    if (!sm_p_enter(p))
      return NULL;
    sm_p_consume(p);
    SmAffineExpr *e = affine_operand(a);
    sm_p_leave(p);
    if (!e)
      return NULL;
    return sm_affine_mul(p->ctx, e, sm_affine_const(p->ctx, -1));
  }
  if (t.kind == SM_TOK_INT) {
    uint64_t v;
    if (!sm_p_parse_uint_token(p, &t, &v))
      return NULL;
    if (v > (uint64_t)INT64_MAX)
      return sm_p_error(p, "constant too large for index"), NULL;
    sm_p_consume(p);
    return sm_affine_const(p->ctx, (int64_t)v);
  }
  if (t.kind == SM_TOK_BARE) {
    for (unsigned i = 0; i < a->ndims; i++)
      if (strlen(a->dims[i]) == t.len && memcmp(a->dims[i], t.ptr, t.len) == 0) {
        sm_p_consume(p);
        return sm_affine_dim(p->ctx, i);
      }
    for (unsigned i = 0; i < a->nsyms; i++)
      if (strlen(a->syms[i]) == t.len && memcmp(a->syms[i], t.ptr, t.len) == 0) {
        sm_p_consume(p);
        return sm_affine_symbol(p->ctx, i);
      }
    return sm_p_error(p, "use of undeclared identifier"), NULL;
  }
  return sm_p_error(p, "expected affine expression"), NULL;
}

/* Multiplicative: operand (('*' | floordiv | ceildiv | mod) operand)* */
static SmAffineExpr *affine_term(AffineCtx *a) {
  SmParser *p = a->p;
  SmAffineExpr *lhs = affine_operand(a);
  while (lhs) {
    SmToken op = p->tok;
    int kind;
    if (op.kind == SM_TOK_STAR)
      kind = SM_AFFINE_MUL;
    else if (op.kind == SM_TOK_BARE && tok_eq(&op, "floordiv"))
      kind = SM_AFFINE_FLOORDIV;
    else if (op.kind == SM_TOK_BARE && tok_eq(&op, "ceildiv"))
      kind = SM_AFFINE_CEILDIV;
    else if (op.kind == SM_TOK_BARE && tok_eq(&op, "mod"))
      kind = SM_AFFINE_MOD;
    else
      return lhs;
    sm_p_consume(p);
    SmAffineExpr *rhs = affine_operand(a);
    if (!rhs)
      return NULL;
    SmContext *ctx = p->ctx;
    if (kind == SM_AFFINE_MUL) {
      if (!affine_is_symbolic(lhs) && !affine_is_symbolic(rhs))
        return sm_p_error_tok(p, &op, "non-affine expression: at least one of the multiply operands has to be either a constant or symbolic"), NULL;
      lhs = sm_affine_mul(ctx, lhs, rhs);
    } else {
      if (!affine_is_symbolic(rhs))
        return sm_p_error_tok(p, &op, "non-affine expression: right operand of %.*s has to be either a constant or symbolic",
                              (int)op.len, op.ptr),
               NULL;
      lhs = kind == SM_AFFINE_FLOORDIV ? sm_affine_floordiv(ctx, lhs, rhs)
            : kind == SM_AFFINE_CEILDIV ? sm_affine_ceildiv(ctx, lhs, rhs)
                                        : sm_affine_mod(ctx, lhs, rhs);
    }
  }
  return NULL;
}

static SmAffineExpr *affine_expr(AffineCtx *a) {
  SmParser *p = a->p;
  SmAffineExpr *lhs = affine_term(a);
  while (lhs) {
    bool sub;
    if (p->tok.kind == SM_TOK_PLUS)
      sub = false;
    else if (p->tok.kind == SM_TOK_MINUS)
      sub = true;
    else
      return lhs;
    sm_p_consume(p);
    SmAffineExpr *rhs = affine_term(a);
    if (!rhs)
      return NULL;
    lhs = sub ? sm_affine_sub(p->ctx, lhs, rhs) : sm_affine_add(p->ctx, lhs, rhs);
  }
  return NULL;
}

/* "(" ids ")" into names pushed on p->stk. */
static bool affine_id_list(SmParser *p, SmTokKind open, SmTokKind close, size_t *mark, unsigned *n) {
  *mark = p->stk.len;
  *n = 0;
  if (!sm_p_expect(p, open, open == SM_TOK_LPAREN ? "'('" : "'['"))
    return false;
  if (p->tok.kind != close) {
    for (;;) {
      if (p->tok.kind != SM_TOK_BARE)
        return sm_p_error(p, "expected bare identifier");
      const char *name = sm_intern(p->ctx, p->tok.ptr, p->tok.len);
      sm_bs_push(&p->stk, &name, sizeof name);
      (*n)++;
      sm_p_consume(p);
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  return sm_p_expect(p, close, close == SM_TOK_RPAREN ? "')'" : "']'");
}

/* "(d0, d1)[s0]" of a map or set: ids pushed on p->stk (dims at *dmark,
 * symbols at *smark). */
static bool affine_header(SmParser *p, size_t *dmark, unsigned *nd, size_t *smark, unsigned *ns) {
  *smark = 0;
  *ns = 0;
  if (!affine_id_list(p, SM_TOK_LPAREN, SM_TOK_RPAREN, dmark, nd))
    return false;
  if (p->tok.kind == SM_TOK_LSQUARE && !affine_id_list(p, SM_TOK_LSQUARE, SM_TOK_RSQUARE, smark, ns))
    return false;
  if (!*ns)
    *smark = p->stk.len;
  /* Duplicate ids are an error, as in MLIR. */
  const char **ids = (const char **)sm_bs_at(&p->stk, *dmark);
  unsigned total = *nd + *ns;
  for (unsigned i = 0; i < total; i++)
    for (unsigned j = i + 1; j < total; j++)
      if (ids[i] == ids[j])
        return sm_p_error(p, "redefinition of identifier '%s'", ids[i]);
  return true;
}

/* "(d0)[s0] : (d0 >= 0, d0 - s0 == 0, s0 <= 4)" inside affine_set<...>:
 * each constraint becomes lhs - rhs (rhs - lhs for <=) compared with 0. */
static SmIntegerSet *parse_integer_set_body(SmParser *p) {
  size_t dmark, smark;
  unsigned nd, ns;
  if (!affine_header(p, &dmark, &nd, &smark, &ns))
    return NULL;
  if (!sm_p_expect(p, SM_TOK_COLON, "':'") || !sm_p_expect(p, SM_TOK_LPAREN, "'('"))
    return NULL;
  size_t cmark = p->stk.len;
  unsigned nc = 0;
  if (p->tok.kind != SM_TOK_RPAREN) {
    for (;;) {
      AffineCtx a = {p, (const char **)sm_bs_at(&p->stk, dmark), nd,
                     (const char **)sm_bs_at(&p->stk, smark), ns};
      SmAffineExpr *lhs = affine_expr(&a);
      if (!lhs)
        return NULL;
      SmTokKind op = p->tok.kind;
      if (op == SM_TOK_GREATER || op == SM_TOK_LESS || op == SM_TOK_EQUAL)
        sm_p_consume(p);
      if ((op != SM_TOK_GREATER && op != SM_TOK_LESS && op != SM_TOK_EQUAL) || p->tok.kind != SM_TOK_EQUAL)
        return sm_p_error(p, "expected '== affine-expr' or '>= affine-expr' at end of affine constraint"),
               NULL;
      sm_p_consume(p);
      a.dims = (const char **)sm_bs_at(&p->stk, dmark);
      a.syms = (const char **)sm_bs_at(&p->stk, smark);
      SmAffineExpr *rhs = affine_expr(&a);
      if (!rhs)
        return NULL;
      SmAffineExpr *c = op == SM_TOK_LESS ? sm_affine_sub(p->ctx, rhs, lhs) : sm_affine_sub(p->ctx, lhs, rhs);
      uint64_t entry = (uint64_t)(uintptr_t)c;
      uint8_t eq = op == SM_TOK_EQUAL;
      sm_bs_push(&p->stk, &entry, sizeof entry);
      sm_bs_push(&p->stk, &eq, 1);
      nc++;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  if (!sm_p_expect(p, SM_TOK_RPAREN, "')'"))
    return NULL;
  SmAffineExpr **cons = malloc((nc ? nc : 1) * sizeof *cons);
  uint8_t *eqs = malloc(nc ? nc : 1);
  if (!cons || !eqs)
    abort();
  const unsigned char *rec = (const unsigned char *)sm_bs_at(&p->stk, cmark);
  for (unsigned i = 0; i < nc; i++) {
    uint64_t entry;
    memcpy(&entry, rec + i * 9, 8);
    cons[i] = (SmAffineExpr *)(uintptr_t)entry;
    eqs[i] = rec[i * 9 + 8];
  }
  SmIntegerSet *set = sm_integer_set(p->ctx, nd, ns, nc, cons, eqs);
  free(cons);
  free(eqs);
  p->stk.len = dmark;
  return set;
}

SmAffineMap *sm_p_parse_affine_map_body(SmParser *p) {
  size_t dmark, smark;
  unsigned nd, ns;
  if (!affine_header(p, &dmark, &nd, &smark, &ns))
    return NULL;
  if (!sm_p_expect(p, SM_TOK_ARROW, "'->'") || !sm_p_expect(p, SM_TOK_LPAREN, "'('"))
    return NULL;
  size_t rmark = p->stk.len;
  unsigned nr = 0;
  if (p->tok.kind != SM_TOK_RPAREN) {
    for (;;) {
      AffineCtx a = {p, (const char **)sm_bs_at(&p->stk, dmark), nd,
                     (const char **)sm_bs_at(&p->stk, smark), ns};
      SmAffineExpr *e = affine_expr(&a);
      if (!e)
        return NULL;
      sm_bs_push(&p->stk, &e, sizeof e);
      nr++;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  if (!sm_p_expect(p, SM_TOK_RPAREN, "')'"))
    return NULL;
  SmAffineMap *m = sm_affine_map(p->ctx, nd, ns, nr, (SmAffineExpr **)sm_bs_at(&p->stk, rmark));
  p->stk.len = dmark;
  return m;
}

/* ---- Symbol references, dialect attributes, aliases ------------------- */

static const char *at_name(SmParser *p, const SmToken *t) {
  if (t->ptr[1] == '"') {
    size_t len;
    const char *s = sm_p_string_value(p, t, &len);
    return sm_intern(p->ctx, s, len);
  }
  return sm_intern(p->ctx, t->ptr + 1, t->len - 1);
}

static SmAttr *parse_symref(SmParser *p) {
  const char *root = at_name(p, &p->tok);
  sm_p_consume(p);
  size_t mark = p->stk.len;
  unsigned n = 0;
  while (p->tok.kind == SM_TOK_COLON && p->tok.ptr + 1 < p->lx.end && p->tok.ptr[1] == ':') {
    sm_lexer_reset(&p->lx, p->tok.ptr + 2);
    sm_p_consume(p);
    if (p->tok.kind != SM_TOK_AT)
      return sm_p_error(p, "expected nested symbol reference identifier"), NULL;
    const char *nested = at_name(p, &p->tok);
    sm_bs_push(&p->stk, &nested, sizeof nested);
    n++;
    sm_p_consume(p);
  }
  SmAttr *a = sm_attr_symbol_ref(p->ctx, root, n, (const char **)sm_bs_at(&p->stk, mark));
  p->stk.len = mark;
  return a;
}

static SmAttr *parse_hash_attr(SmParser *p) {
  const char *name = NULL, *ns = NULL, *rest = NULL;
  SmParseResult r = sm_p_dialect_token(p, &name, &ns, &rest);
  if (r == SM_PARSE_ERROR)
    return NULL;
  if (r == SM_PARSE_ABSENT) {
    SmAttr *a = (SmAttr *)sm_ptrmap_get(&p->attr_aliases, name);
    if (!a) {
      if (sm_ptrmap_get(&p->loc_aliases, name))
        return sm_p_error(p, "location alias '#%s' used where an attribute is expected", name), NULL;
      return sm_p_error(p, "undefined symbol alias id '%s'", name), NULL;
    }
    sm_p_consume(p);
    return a;
  }
  sm_p_consume(p);
  /* Like MLIR, an extended attribute takes a trailing ": type". */
  SmType *type = NULL;
  if (p->tok.kind == SM_TOK_COLON) {
    sm_p_consume(p);
    if (!(type = sm_p_parse_type(p)))
      return NULL;
  }
  return sm_attr_opaque_typed(p->ctx, ns, rest, type);
}

bool sm_p_at_attr(SmParser *p) {
  switch (p->tok.kind) {
  case SM_TOK_LSQUARE:
  case SM_TOK_LBRACE:
  case SM_TOK_AT:
  case SM_TOK_HASH:
  case SM_TOK_STRING:
  case SM_TOK_INT:
  case SM_TOK_FLOAT:
  case SM_TOK_MINUS:
  case SM_TOK_BANG:
  case SM_TOK_LPAREN:
    return true;
  case SM_TOK_BARE: {
    static const char *const kws[] = {"true", "false", "unit", "dense", "dense_resource", "array", "affine_map", "affine_set", "strided", "distinct", "sparse", NULL};
    for (const char *const *k = kws; *k; k++)
      if (tok_eq(&p->tok, *k))
        return true;
    return sm_p_at_type(p);
  }
  default:
    return false;
  }
}

/* distinct[N]<attr> after "distinct": the same N in one file is the same
 * attribute; `<>` references unit. */
static SmAttr *parse_distinct(SmParser *p, const SmToken *kw) {
  if (!sm_p_expect(p, SM_TOK_LSQUARE, "'['"))
    return NULL;
  SmToken idt = p->tok;
  uint64_t id;
  if (idt.kind != SM_TOK_INT || !sm_p_parse_uint_token(p, &idt, &id))
    return sm_p_error(p, "expected distinct ID"), NULL;
  if (id >= (uint64_t)UINTPTR_MAX)
    return sm_p_error(p, "distinct ID too large"), NULL;
  sm_p_consume(p);
  if (!sm_p_expect(p, SM_TOK_RSQUARE, "']'") || !sm_p_expect(p, SM_TOK_LESS, "'<'"))
    return NULL;
  SmAttr *ref = NULL;
  if (p->tok.kind != SM_TOK_GREATER) {
    ref = sm_p_parse_attr(p, NULL);
    if (!ref)
      return NULL;
  }
  if (!sm_p_expect(p, SM_TOK_GREATER, "'>'"))
    return NULL;
  if (!ref)
    ref = sm_attr_unit(p->ctx);
  const void *key = (const void *)(uintptr_t)(id + 1);
  SmAttr *a = sm_ptrmap_get(&p->distinct_ids, key);
  if (a) {
    if (a->distinct.referenced != ref) {
      SmStrBuf prev = {0};
      sm_attr_print(a->distinct.referenced, &prev);
      sm_p_error_tok(p, kw, "referenced attribute does not match previous definition: %s", prev.data ? prev.data : "");
      sm_strbuf_free(&prev);
      return NULL;
    }
    return a;
  }
  a = sm_attr_distinct(p->ctx, ref);
  sm_ptrmap_put(&p->distinct_ids, key, a);
  return a;
}

/* An integer or '?' (SM_DYNAMIC) in a strided layout. */
static bool parse_stride_value(SmParser *p, int64_t *out) {
  if (sm_p_accept(p, SM_TOK_QUESTION)) {
    *out = SM_DYNAMIC;
    return true;
  }
  bool neg = sm_p_accept(p, SM_TOK_MINUS);
  uint64_t v;
  if (p->tok.kind != SM_TOK_INT || !sm_p_parse_uint_token(p, &p->tok, &v))
    return sm_p_error(p, "expected a 64-bit signed integer or '?'");
  if (v > (uint64_t)INT64_MAX)
    return sm_p_error(p, "integer value too large");
  sm_p_consume(p);
  *out = neg ? -(int64_t)v : (int64_t)v;
  return true;
}

/* strided<[s0, s1, ...](, offset: o)?> after "strided". */
static SmAttr *parse_strided(SmParser *p) {
  if (!sm_p_expect(p, SM_TOK_LESS, "'<'") || !sm_p_expect(p, SM_TOK_LSQUARE, "'['"))
    return NULL;
  size_t mark = p->stk.len;
  unsigned n = 0;
  if (p->tok.kind != SM_TOK_RSQUARE) {
    do {
      int64_t v;
      if (!parse_stride_value(p, &v))
        return NULL;
      sm_bs_push(&p->stk, &v, sizeof v);
      n++;
    } while (sm_p_accept(p, SM_TOK_COMMA));
  }
  int64_t offset = 0;
  if (!sm_p_expect(p, SM_TOK_RSQUARE, "']'"))
    return NULL;
  if (sm_p_accept(p, SM_TOK_COMMA)) {
    if (p->tok.kind != SM_TOK_BARE || !tok_eq(&p->tok, "offset"))
      return sm_p_error(p, "expected 'offset' after comma"), NULL;
    sm_p_consume(p);
    if (!sm_p_expect(p, SM_TOK_COLON, "':' after 'offset'") || !parse_stride_value(p, &offset))
      return NULL;
  }
  if (!sm_p_expect(p, SM_TOK_GREATER, "'>'"))
    return NULL;
  SmAttr *a = sm_attr_strided(p->ctx, n, (const int64_t *)sm_bs_at(&p->stk, mark), offset);
  p->stk.len = mark;
  return a;
}

static SmAttr *parse_attr_inner(SmParser *p, SmType *type) {
  SmToken *t = &p->tok;
  SmContext *ctx = p->ctx;
  switch (t->kind) {
  case SM_TOK_LSQUARE:
    return parse_array(p);
  case SM_TOK_LBRACE:
    return sm_p_parse_dict(p);
  case SM_TOK_AT:
    return parse_symref(p);
  case SM_TOK_HASH:
    return parse_hash_attr(p);
  case SM_TOK_STRING: {
    size_t len;
    const char *s = sm_p_string_value(p, t, &len);
    /* The value is copied before parsing a trailing type reuses buffers. */
    char small[64], *copy = len < sizeof small ? small : malloc(len + 1);
    if (!copy)
      abort();
    memcpy(copy, s, len);
    sm_p_consume(p);
    SmType *ty = NULL;
    if (p->tok.kind == SM_TOK_COLON) { /* typed string: "s" : !foo.t */
      sm_p_consume(p);
      ty = sm_p_parse_type(p);
      if (!ty) {
        if (copy != small)
          free(copy);
        return NULL;
      }
    }
    SmAttr *a = sm_attr_string_typed(ctx, copy, len, ty);
    if (copy != small)
      free(copy);
    return a;
  }
  case SM_TOK_INT:
  case SM_TOK_FLOAT:
  case SM_TOK_MINUS:
    return parse_number_attr(p, type);
  case SM_TOK_BARE:
    if (tok_eq(t, "true") || tok_eq(t, "false")) {
      bool b = t->ptr[0] == 't';
      sm_p_consume(p);
      return sm_attr_bool(ctx, b);
    }
    if (tok_eq(t, "unit")) {
      sm_p_consume(p);
      return sm_attr_unit(ctx);
    }
    if (tok_eq(t, "dense")) {
      SmToken kw = *t;
      sm_p_consume(p);
      return parse_dense(p, &kw);
    }
    if (tok_eq(t, "array")) {
      sm_p_consume(p);
      return parse_dense_array(p);
    }
    if (tok_eq(t, "affine_map")) {
      sm_p_consume(p);
      if (!sm_p_expect(p, SM_TOK_LESS, "'<'"))
        return NULL;
      SmAffineMap *m = sm_p_parse_affine_map_body(p);
      if (!m || !sm_p_expect(p, SM_TOK_GREATER, "'>'"))
        return NULL;
      return sm_attr_affine_map(ctx, m);
    }
    if (tok_eq(t, "strided")) {
      sm_p_consume(p);
      return parse_strided(p);
    }
    if (tok_eq(t, "sparse")) {
      SmToken kw = *t;
      sm_p_consume(p);
      return parse_sparse(p, &kw);
    }
    if (tok_eq(t, "distinct")) {
      SmToken kw = *t;
      sm_p_consume(p);
      return parse_distinct(p, &kw);
    }
    if (tok_eq(t, "affine_set")) {
      sm_p_consume(p);
      if (!sm_p_expect(p, SM_TOK_LESS, "'<'"))
        return NULL;
      SmIntegerSet *set = parse_integer_set_body(p);
      if (!set || !sm_p_expect(p, SM_TOK_GREATER, "'>'"))
        return NULL;
      return sm_attr_integer_set(ctx, set);
    }
    if (tok_eq(t, "dense_resource")) {
      sm_p_consume(p);
      if (!sm_p_expect(p, SM_TOK_LESS, "'<'"))
        return NULL;
      const char *key;
      if (p->tok.kind == SM_TOK_BARE) {
        key = sm_intern(ctx, p->tok.ptr, p->tok.len);
      } else if (p->tok.kind == SM_TOK_STRING) {
        size_t len;
        const char *s = sm_p_string_value(p, &p->tok, &len);
        key = sm_intern(ctx, s, len);
      } else {
        return sm_p_error(p, "expected resource handle"), NULL;
      }
      sm_p_consume(p);
      if (!sm_p_expect(p, SM_TOK_GREATER, "'>'") || !sm_p_expect(p, SM_TOK_COLON, "':'"))
        return NULL;
      SmToken tt = p->tok;
      SmType *rt = sm_p_parse_type(p);
      if (!rt)
        return NULL;
      if (!sm_type_is_shaped(rt))
        return sm_p_error_tok(p, &tt, "expected a shaped type for dense_resource"), NULL;
      return sm_attr_dense_resource(ctx, key, rt);
    }
    if (sm_p_at_type(p)) {
      SmType *ty = sm_p_parse_type(p);
      return ty ? sm_attr_type(ctx, ty) : NULL;
    }
    return sm_p_error(p, "expected attribute value"), NULL;
  case SM_TOK_BANG:
  case SM_TOK_LPAREN: {
    SmType *ty = sm_p_parse_type(p);
    return ty ? sm_attr_type(ctx, ty) : NULL;
  }
  default:
    return sm_p_error(p, "expected attribute value"), NULL;
  }
}

/* Attributes whose text is closed by a bracket (or a closed type) can be
 * memoized by their text. */
static bool attr_self_delimited(const SmToken *t) {
  if (t->kind == SM_TOK_LBRACE || t->kind == SM_TOK_LSQUARE)
    return true;
  return t->kind == SM_TOK_BARE && t->len >= 5 &&
         (tok_eq(t, "dense") || tok_eq(t, "array") || tok_eq(t, "affine_map") || tok_eq(t, "dense_resource") ||
          tok_eq(t, "affine_set"));
}

SmAttr *sm_p_parse_attr(SmParser *p, SmType *type) {
  bool memo = attr_self_delimited(&p->tok);
  if (memo) {
    SmAttr *m = sm_p_memo_lookup(p, 1);
    if (m)
      return m;
  }
  if (!sm_p_enter(p))
    return NULL;
  const char *start = p->tok.ptr;
  SmAttr *a = parse_attr_inner(p, type);
  sm_p_leave(p);
  if (memo)
    sm_p_memo_insert(p, 1, start, a);
  return a;
}
