/* Textual form of types, attributes, locations and affine maps, exactly as
 * MLIR 22 prints them (checked against mlir-opt-22). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/float_formats.h"
#include "ir/fp16.h"
#include "ir/printer_impl.h"

/* ===================================================================== */
/* Pointer table                                                          */
/* ===================================================================== */

void sm_ptrtab_free(SmPtrTab *t) {
  free(t->keys);
  free(t->vals);
  memset(t, 0, sizeof *t);
}

static void ptrtab_grow(SmPtrTab *t) {
  size_t ncap = t->cap ? t->cap * 2 : 64;
  const void **nk = calloc(ncap, sizeof *nk);
  uint64_t *nv = calloc(ncap, sizeof *nv);
  if (!nk || !nv) abort(); /* out of memory */
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->keys[i]) continue;
    size_t j = sm_ptrtab_hash(t->keys[i]) & (ncap - 1);
    while (nk[j]) j = (j + 1) & (ncap - 1);
    nk[j] = t->keys[i];
    nv[j] = t->vals[i];
  }
  free(t->keys);
  free(t->vals);
  t->keys = nk;
  t->vals = nv;
  t->cap = ncap;
}

uint64_t *sm_ptrtab_slot(SmPtrTab *t, const void *key, bool *inserted) {
  if ((t->count + 1) * 4 > t->cap * 3) ptrtab_grow(t);
  size_t mask = t->cap - 1;
  size_t i = sm_ptrtab_hash(key) & mask;
  while (t->keys[i]) {
    if (t->keys[i] == key) {
      *inserted = false;
      return &t->vals[i];
    }
    i = (i + 1) & mask;
  }
  t->keys[i] = key;
  t->vals[i] = 0;
  t->count++;
  *inserted = true;
  return &t->vals[i];
}

void sm_asm_state_free(SmAsmState *s) {
  sm_ptrtab_free(&s->res_seen);
  sm_ptrtab_free(&s->visited);
  sm_ptrtab_free(&s->type_cache);
  sm_ptrtab_free(&s->distinct_ids);
  sm_strbuf_free(&s->type_text);
  free(s->res_names);
  free(s->alias_list);
  s->res_names = NULL;
  s->alias_list = NULL;
  s->num_res = s->res_cap = s->num_aliases = s->alias_cap = 0;
}

/* ===================================================================== */
/* Integers, strings, identifiers                                         */
/* ===================================================================== */

void sm_out_u64(SmStrBuf *b, uint64_t v) {
  /* Two digits per division (SSA numbers and line:col run to six). */
  static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                              "25262728293031323334353637383940414243444546474849"
                              "50515253545556575859606162636465666768697071727374"
                              "75767778798081828384858687888990919293949596979899";
  char buf[24];
  char *p = buf + sizeof buf;
  while (v >= 100) {
    unsigned r = (unsigned)(v % 100);
    v /= 100;
    p -= 2;
    memcpy(p, pairs + 2 * r, 2);
  }
  if (v >= 10) {
    p -= 2;
    memcpy(p, pairs + 2 * v, 2);
  } else {
    *--p = (char)('0' + v);
  }
  sm_out_write(b, p, (size_t)(buf + sizeof buf - p));
}

void sm_out_i64(SmStrBuf *b, int64_t v) {
  if (v < 0) {
    sm_out_char(b, '-');
    sm_out_u64(b, (uint64_t)0 - (uint64_t)v);
  } else {
    sm_out_u64(b, (uint64_t)v);
  }
}

static const char hexdig[] = "0123456789ABCDEF";

/* llvm::printEscapedString: printable ASCII except '"' and '\' as is, '\\'
 * doubled, everything else as \XX. */
void sm_asm_print_escaped(SmStrBuf *out, const char *s, size_t len) {
  sm_out_char(out, '"');
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') continue;
    sm_out_write(out, s + start, i - start);
    char esc[3] = {'\\', '\\', 0};
    if (c == '\\') {
      sm_out_write(out, esc, 2);
    } else {
      esc[1] = hexdig[c >> 4];
      esc[2] = hexdig[c & 15];
      sm_out_write(out, esc, 3);
    }
    start = i + 1;
  }
  sm_out_write(out, s + start, len - start);
  sm_out_char(out, '"');
}

static bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

bool sm_asm_is_bare_identifier(const char *s, size_t len) {
  if (!len || (!is_alpha((unsigned char)s[0]) && s[0] != '_')) return false;
  for (size_t i = 1; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!is_alpha(c) && !is_digit(c) && c != '_' && c != '$' && c != '.') return false;
  }
  return true;
}

void sm_asm_print_keyword_or_string(SmStrBuf *out, const char *s, size_t len) {
  if (sm_asm_is_bare_identifier(s, len))
    sm_out_write(out, s, len);
  else
    sm_asm_print_escaped(out, s, len);
}

/* ===================================================================== */
/* Types                                                                  */
/* ===================================================================== */

static void print_type_list(SmAsmState *s, SmType *const *ts, unsigned n) {
  for (unsigned i = 0; i < n; i++) {
    if (i) SM_OUT_LIT(s->out, ", ");
    sm_asm_print_type(s, ts[i]);
  }
}

void sm_asm_print_result_types(SmAsmState *s, SmType *const *ts, unsigned n) {
  bool wrap = n != 1 || ts[0]->kind == SM_TYPE_FUNCTION;
  if (wrap) sm_out_char(s->out, '(');
  print_type_list(s, ts, n);
  if (wrap) sm_out_char(s->out, ')');
}

static void print_dims(SmStrBuf *out, unsigned rank, const int64_t *dims) {
  for (unsigned i = 0; i < rank; i++) {
    if (dims[i] == SM_DYNAMIC)
      sm_out_char(out, '?');
    else
      sm_out_i64(out, dims[i]);
    sm_out_char(out, 'x');
  }
}

static void print_type_uncached(SmAsmState *s, const SmType *t);

bool sm_asm_cache_begin(SmAsmState *s, const void *key, SmAsmCacheMark *m) {
  m->out = NULL;
  if (!s->cache_types || s->out == &s->type_text) return false;
  uint64_t *hit = sm_ptrtab_find(&s->type_cache, key);
  if (hit) {
    sm_out_write(s->out, s->type_text.data + (*hit >> 24), (size_t)(*hit & 0xffffff));
    return true;
  }
  /* Print into the side buffer; sm_asm_cache_end copies it out. */
  m->out = s->out;
  m->start = s->type_text.len;
  s->out = &s->type_text;
  return false;
}

void sm_asm_cache_end(SmAsmState *s, const void *key, const SmAsmCacheMark *m) {
  if (!m->out) return;
  s->out = m->out;
  size_t len = s->type_text.len - m->start;
  sm_out_write(s->out, s->type_text.data + m->start, len);
  if (len < 0xffffff) {
    bool ins;
    *sm_ptrtab_slot(&s->type_cache, key, &ins) = ((uint64_t)m->start << 24) | len;
  }
}

void sm_asm_print_type(SmAsmState *s, const SmType *t) {
  SmAsmCacheMark m;
  if (!t || t->kind < SM_TYPE_TENSOR) {
    print_type_uncached(s, t);
    return;
  }
  if (sm_asm_cache_begin(s, t, &m)) return;
  print_type_uncached(s, t);
  sm_asm_cache_end(s, t, &m);
}

static void print_type_uncached(SmAsmState *s, const SmType *t) {
  SmStrBuf *out = s->out;
  if (!t) {
    SM_OUT_LIT(out, "<<NULL TYPE>>");
    return;
  }
  switch (t->kind) {
  case SM_TYPE_INTEGER:
    if (t->integer.sign == SM_SIGNED)
      SM_OUT_LIT(out, "si");
    else if (t->integer.sign == SM_UNSIGNED)
      SM_OUT_LIT(out, "ui");
    else
      sm_out_char(out, 'i');
    sm_out_u64(out, t->integer.width);
    return;
  case SM_TYPE_INDEX: SM_OUT_LIT(out, "index"); return;
  case SM_TYPE_F16: SM_OUT_LIT(out, "f16"); return;
  case SM_TYPE_BF16: SM_OUT_LIT(out, "bf16"); return;
  case SM_TYPE_F32: SM_OUT_LIT(out, "f32"); return;
  case SM_TYPE_F64: SM_OUT_LIT(out, "f64"); return;
  case SM_TYPE_NONE: SM_OUT_LIT(out, "none"); return;
  case SM_TYPE_TENSOR:
    SM_OUT_LIT(out, "tensor<");
    print_dims(out, t->shaped.rank, t->shaped.dims);
    sm_asm_print_type(s, t->shaped.elem);
    if (t->shaped.encoding) {
      SM_OUT_LIT(out, ", ");
      sm_asm_print_attr(s, t->shaped.encoding, false);
    }
    sm_out_char(out, '>');
    return;
  case SM_TYPE_UNRANKED_TENSOR:
    SM_OUT_LIT(out, "tensor<*x");
    sm_asm_print_type(s, t->shaped.elem);
    sm_out_char(out, '>');
    return;
  case SM_TYPE_VECTOR:
    SM_OUT_LIT(out, "vector<");
    if (t->shaped.scalable) {
      for (unsigned i = 0; i < t->shaped.rank; i++) {
        if (t->shaped.scalable[i]) sm_out_char(out, '[');
        sm_out_i64(out, t->shaped.dims[i]);
        if (t->shaped.scalable[i]) sm_out_char(out, ']');
        sm_out_char(out, 'x');
      }
    } else {
      print_dims(out, t->shaped.rank, t->shaped.dims);
    }
    sm_asm_print_type(s, t->shaped.elem);
    sm_out_char(out, '>');
    return;
  case SM_TYPE_FLOAT_EXT: sm_out_str(out, sm_float_type_name(t)); return;
  case SM_TYPE_MEMREF:
  case SM_TYPE_UNRANKED_MEMREF:
    SM_OUT_LIT(out, "memref<");
    if (t->kind == SM_TYPE_UNRANKED_MEMREF)
      SM_OUT_LIT(out, "*x");
    else
      print_dims(out, t->shaped.rank, t->shaped.dims);
    sm_asm_print_type(s, t->shaped.elem);
    if (t->shaped.encoding) {
      SM_OUT_LIT(out, ", ");
      sm_asm_print_attr_may_elide(s, t->shaped.encoding);
    }
    if (t->shaped.memory_space) {
      SM_OUT_LIT(out, ", ");
      sm_asm_print_attr_may_elide(s, t->shaped.memory_space);
    }
    sm_out_char(out, '>');
    return;
  case SM_TYPE_FUNCTION:
    sm_out_char(out, '(');
    print_type_list(s, t->func.inputs, t->func.num_inputs);
    SM_OUT_LIT(out, ") -> ");
    sm_asm_print_result_types(s, t->func.results, t->func.num_results);
    return;
  case SM_TYPE_TUPLE:
    SM_OUT_LIT(out, "tuple<");
    print_type_list(s, t->tuple.types, t->tuple.count);
    sm_out_char(out, '>');
    return;
  case SM_TYPE_COMPLEX:
    SM_OUT_LIT(out, "complex<");
    sm_asm_print_type(s, t->complex.elem);
    sm_out_char(out, '>');
    return;
  case SM_TYPE_OPAQUE:
    sm_out_char(out, '!');
    sm_out_str(out, t->opaque.dialect);
    sm_out_str(out, t->opaque.rest);
    return;
  }
}

/* ===================================================================== */
/* Affine expressions and maps (MLIR's printAffineExprInternal)           */
/* ===================================================================== */

static void print_affine(SmStrBuf *out, const SmAffineExpr *e, bool strong) {
  const char *op = NULL;
  switch (e->kind) {
  case SM_AFFINE_DIM:
    sm_out_char(out, 'd');
    sm_out_u64(out, e->position);
    return;
  case SM_AFFINE_SYMBOL:
    sm_out_char(out, 's');
    sm_out_u64(out, e->position);
    return;
  case SM_AFFINE_CONST: sm_out_i64(out, e->value); return;
  case SM_AFFINE_ADD: op = " + "; break;
  case SM_AFFINE_MUL: op = " * "; break;
  case SM_AFFINE_MOD: op = " mod "; break;
  case SM_AFFINE_FLOORDIV: op = " floordiv "; break;
  case SM_AFFINE_CEILDIV: op = " ceildiv "; break;
  }
  const SmAffineExpr *lhs = e->bin.lhs, *rhs = e->bin.rhs;
  if (strong) sm_out_char(out, '(');
  if (e->kind != SM_AFFINE_ADD) {
    if (e->kind == SM_AFFINE_MUL && rhs->kind == SM_AFFINE_CONST && rhs->value == -1) {
      sm_out_char(out, '-');
      print_affine(out, lhs, true);
    } else {
      print_affine(out, lhs, true);
      sm_out_str(out, op);
      print_affine(out, rhs, true);
    }
  } else if (rhs->kind == SM_AFFINE_MUL && rhs->bin.rhs->kind == SM_AFFINE_CONST &&
             rhs->bin.rhs->value <= -1) {
    /* a + b * -c prints as a subtraction. */
    int64_t c = rhs->bin.rhs->value;
    print_affine(out, lhs, false);
    SM_OUT_LIT(out, " - ");
    if (c == -1) {
      print_affine(out, rhs->bin.lhs, rhs->bin.lhs->kind == SM_AFFINE_ADD);
    } else {
      print_affine(out, rhs->bin.lhs, true);
      SM_OUT_LIT(out, " * ");
      sm_out_u64(out, (uint64_t)0 - (uint64_t)c);
    }
  } else if (rhs->kind == SM_AFFINE_CONST && rhs->value < 0) {
    print_affine(out, lhs, false);
    SM_OUT_LIT(out, " - ");
    sm_out_u64(out, (uint64_t)0 - (uint64_t)rhs->value);
  } else {
    print_affine(out, lhs, false);
    SM_OUT_LIT(out, " + ");
    print_affine(out, rhs, false);
  }
  if (strong) sm_out_char(out, ')');
}

static void print_affine_map(SmStrBuf *out, const SmAffineMap *m) {
  sm_out_char(out, '(');
  for (unsigned i = 0; i < m->num_dims; i++) {
    if (i) SM_OUT_LIT(out, ", ");
    sm_out_char(out, 'd');
    sm_out_u64(out, i);
  }
  sm_out_char(out, ')');
  if (m->num_symbols) {
    sm_out_char(out, '[');
    for (unsigned i = 0; i < m->num_symbols; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      sm_out_char(out, 's');
      sm_out_u64(out, i);
    }
    sm_out_char(out, ']');
  }
  SM_OUT_LIT(out, " -> (");
  for (unsigned i = 0; i < m->num_results; i++) {
    if (i) SM_OUT_LIT(out, ", ");
    print_affine(out, m->results[i], false);
  }
  sm_out_char(out, ')');
}

/* MLIR's printIntegerSet: "(d0)[s0] : (d0 >= 0, d0 - s0 == 0)". */
static void print_integer_set(SmStrBuf *out, const SmIntegerSet *set) {
  sm_out_char(out, '(');
  for (unsigned i = 0; i < set->num_dims; i++) {
    if (i) SM_OUT_LIT(out, ", ");
    sm_out_char(out, 'd');
    sm_out_u64(out, i);
  }
  sm_out_char(out, ')');
  if (set->num_symbols) {
    sm_out_char(out, '[');
    for (unsigned i = 0; i < set->num_symbols; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      sm_out_char(out, 's');
      sm_out_u64(out, i);
    }
    sm_out_char(out, ']');
  }
  SM_OUT_LIT(out, " : (");
  for (unsigned i = 0; i < set->num_constraints; i++) {
    if (i) SM_OUT_LIT(out, ", ");
    print_affine(out, set->constraints[i], false);
    if (set->eq[i])
      SM_OUT_LIT(out, " == 0");
    else
      SM_OUT_LIT(out, " >= 0");
  }
  sm_out_char(out, ')');
}

/* ===================================================================== */
/* Floats: llvm::APFloat::toString, as MLIR's printFloatValue uses it      */
/* ===================================================================== */

/* Little bignum: enough for 2^1077 and 2^53 * 5^1130 (< 2700 bits). */
#define BIG_LIMBS 96
typedef struct Big {
  uint32_t d[BIG_LIMBS]; /* little-endian limbs */
  unsigned n;            /* limbs in use (no leading zero limbs) */
} Big;

static void big_mul_small(Big *b, uint32_t m) {
  uint64_t carry = 0;
  for (unsigned i = 0; i < b->n; i++) {
    uint64_t x = (uint64_t)b->d[i] * m + carry;
    b->d[i] = (uint32_t)x;
    carry = x >> 32;
  }
  if (carry && b->n < BIG_LIMBS) b->d[b->n++] = (uint32_t)carry;
}

static uint32_t big_div_small(Big *b, uint32_t m) {
  uint64_t rem = 0;
  for (unsigned i = b->n; i-- > 0;) {
    uint64_t x = (rem << 32) | b->d[i];
    b->d[i] = (uint32_t)(x / m);
    rem = x % m;
  }
  while (b->n && !b->d[b->n - 1]) b->n--;
  return (uint32_t)rem;
}

static unsigned big_bits(const Big *b) {
  if (!b->n) return 0;
  uint32_t top = b->d[b->n - 1];
  unsigned bits = 0;
  while (top) {
    bits++;
    top >>= 1;
  }
  return (b->n - 1) * 32 + bits;
}

/* APFloat's AdjustToPrecision on the digit buffer (least significant
 * digit first): round half up to `prec` digits. */
static void adjust_digits(char *buf, unsigned *nd, int *exp, unsigned prec) {
  unsigned n = *nd;
  if (n <= prec) return;
  unsigned first = n - prec;
  if (buf[first - 1] < '5') {
    while (first < n && buf[first] == '0') first++;
  } else {
    for (unsigned i = first; i != n; i++) {
      if (buf[i] == '9') {
        first++;
      } else {
        buf[i]++;
        break;
      }
    }
    if (first == n) {
      *exp += (int)first;
      buf[0] = '1';
      *nd = 1;
      return;
    }
  }
  *exp += (int)first;
  memmove(buf, buf + first, n - first);
  *nd = n - first;
}

/* Formats the finite value v like APFloat::toString(str, prec, max_padding,
 * truncate_zero). sem_prec: significand bits of the float type (for prec 0). */
static size_t apfloat_to_string(double v, unsigned sem_prec, unsigned prec, unsigned max_pad,
                                bool truncate_zero, char *str) {
  size_t len = 0;
  if (signbit(v)) str[len++] = '-';
  if (v == 0) {
    if (!max_pad) {
      if (truncate_zero) {
        memcpy(str + len, "0.0E+0", 6);
        len += 6;
      } else {
        memcpy(str + len, "0.0", 3);
        len += 3;
        for (unsigned i = 1; i < prec; i++) str[len++] = '0';
        memcpy(str + len, "e+00", 4);
        len += 4;
      }
    } else {
      str[len++] = '0';
    }
    return len;
  }
  if (!prec) prec = 2 + sem_prec * 59 / 196;

  /* v = mant * 2^exp exactly, then drop trailing binary zeros. */
  uint64_t bits;
  double a = fabs(v);
  memcpy(&bits, &a, sizeof bits);
  int bexp = (int)(bits >> 52);
  uint64_t mant = bits & ((1ULL << 52) - 1);
  int exp;
  if (bexp == 0) {
    exp = -1074;
  } else {
    mant |= 1ULL << 52;
    exp = bexp - 1075;
  }
  while (!(mant & 1)) {
    mant >>= 1;
    exp++;
  }
  Big sig;
  sig.d[0] = (uint32_t)mant;
  sig.d[1] = (uint32_t)(mant >> 32);
  sig.n = sig.d[1] ? 2 : 1;
  if (exp > 0) {
    for (; exp >= 31; exp -= 31) big_mul_small(&sig, 1u << 31);
    if (exp) big_mul_small(&sig, 1u << exp);
    exp = 0;
  } else if (exp < 0) {
    /* N * 2^-e == N * 5^e * 10^-e */
    int t = -exp;
    for (; t >= 13; t -= 13) big_mul_small(&sig, 1220703125u); /* 5^13 */
    uint32_t p5 = 1;
    while (t-- > 0) p5 *= 5;
    big_mul_small(&sig, p5);
  }
  /* APFloat first truncates the integer to about `prec` digits. */
  unsigned nbits = big_bits(&sig);
  unsigned required = (prec * 196 + 58) / 59;
  if (nbits > required) {
    unsigned tens = (nbits - required) * 59 / 196;
    exp += (int)tens;
    for (; tens >= 9; tens -= 9) big_div_small(&sig, 1000000000u);
    uint32_t p10 = 1;
    while (tens-- > 0) p10 *= 10;
    if (p10 > 1) big_div_small(&sig, p10);
  }
  /* Digits, least significant first, without trailing zeros. */
  char buf[900];
  unsigned nd = 0;
  bool in_trail = true;
  while (sig.n && nd < sizeof buf - 9) {
    uint32_t chunk = big_div_small(&sig, 1000000000u);
    for (int k = 0; k < 9; k++) {
      if (!sig.n && !chunk) break;
      unsigned dgt = chunk % 10;
      chunk /= 10;
      if (in_trail && !dgt) {
        exp++;
      } else {
        buf[nd++] = (char)('0' + dgt);
        in_trail = false;
      }
    }
  }
  adjust_digits(buf, &nd, &exp, prec);

  bool sci;
  if (!max_pad) {
    sci = true;
  } else if (exp >= 0) {
    sci = (unsigned)exp > max_pad || nd + (unsigned)exp > prec;
  } else {
    int msd = exp + (int)(nd - 1);
    sci = msd >= 0 ? false : (unsigned)-msd > max_pad;
  }
  if (sci) {
    exp += (int)(nd - 1);
    str[len++] = buf[nd - 1];
    str[len++] = '.';
    if (nd == 1 && truncate_zero)
      str[len++] = '0';
    else
      for (unsigned i = 1; i != nd; i++) str[len++] = buf[nd - 1 - i];
    if (!truncate_zero && prec > nd - 1)
      for (unsigned i = 0; i < prec - nd + 1; i++) str[len++] = '0';
    str[len++] = truncate_zero ? 'E' : 'e';
    str[len++] = exp >= 0 ? '+' : '-';
    unsigned ue = (unsigned)(exp < 0 ? -exp : exp);
    char eb[8];
    int ne = 0;
    do {
      eb[ne++] = (char)('0' + ue % 10);
      ue /= 10;
    } while (ue);
    if (!truncate_zero && ne < 2) eb[ne++] = '0';
    while (ne) str[len++] = eb[--ne];
    return len;
  }
  if (exp >= 0) {
    for (unsigned i = 0; i < nd; i++) str[len++] = buf[nd - 1 - i];
    for (int i = 0; i < exp; i++) str[len++] = '0';
    return len;
  }
  int whole = exp + (int)nd;
  unsigned i = 0;
  if (whole > 0) {
    for (; i != (unsigned)whole; i++) str[len++] = buf[nd - i - 1];
    str[len++] = '.';
  } else {
    str[len++] = '0';
    str[len++] = '.';
    for (int z = 0; z < -whole; z++) str[len++] = '0';
  }
  for (; i != nd; i++) str[len++] = buf[nd - i - 1];
  return len;
}

/* The value as the float type reads it back from text. */
static double parse_as(const SmType *t, const char *s) {
  if (t->kind == SM_TYPE_F32) return (double)strtof(s, NULL);
  return sm_float_decode(t, sm_float_encode(t, strtod(s, NULL)));
}

/* f80/f128 values are held as doubles, printed at their type's precision:
 * the six-digit form reads back as the same f80/f128 value only when it is
 * the double's exact decimal value (a double is exact in 17+ digits). */
static bool wide_six_digits_exact(double v) {
  char buf[64];
  snprintf(buf, sizeof buf, "%.30e", v); /* glibc prints the exact expansion */
  char *e = strchr(buf, 'e');
  if (!e) return false;
  /* digits 8.. of the mantissa (after "d.dddddd") must all be zero */
  const char *m = buf + (buf[0] == '-');
  for (const char *q = m + 8; q < e; q++)
    if (*q != '0') return false;
  return true;
}

static bool same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

/* MLIR's printFloatValue: 6-digit scientific if it reads back identically,
 * else APFloat's shortest-ish form if it has a '.', else hex bits. Returns
 * true when hex was printed. */
static bool print_float(SmStrBuf *out, const SmType *t, double v, uint64_t bits) {
  if (isfinite(v)) {
    char str[1200];
    bool wide = t->kind == SM_TYPE_FLOAT_EXT &&
                (t->fp.format == SM_FLOAT_F80 || t->fp.format == SM_FLOAT_F128);
    unsigned prec = !wide ? sm_float_precision(t) : t->fp.format == SM_FLOAT_F80 ? 64 : 113;
    size_t n = apfloat_to_string(v, prec, 6, 0, false, str);
    str[n] = '\0';
    if (wide ? wide_six_digits_exact(v) : same_bits(parse_as(t, str), v)) {
      sm_out_write(out, str, n);
      return false;
    }
    n = apfloat_to_string(v, prec, 0, 3, true, str);
    if (memchr(str, '.', n)) {
      sm_out_write(out, str, n);
      return false;
    }
  }
  if (t->kind == SM_TYPE_FLOAT_EXT && (t->fp.format == SM_FLOAT_F80 || t->fp.format == SM_FLOAT_F128)) {
    /* inf / NaN held as a double: the wide format's own pattern (quiet NaN) */
    static const char *const pats[2][2][2] = {
        {{"0x7FFF8000000000000000", "0xFFFF8000000000000000"},
         {"0x7FFFC000000000000000", "0xFFFFC000000000000000"}},
        {{"0x7FFF0000000000000000000000000000", "0xFFFF0000000000000000000000000000"},
         {"0x7FFF8000000000000000000000000000", "0xFFFF8000000000000000000000000000"}}};
    sm_out_str(out, pats[t->fp.format == SM_FLOAT_F128][isnan(v) ? 1 : 0][signbit(v) ? 1 : 0]);
    return true;
  }
  char buf[20];
  char *p = buf + sizeof buf;
  do {
    *--p = hexdig[bits & 15];
    bits >>= 4;
  } while (bits);
  SM_OUT_LIT(out, "0x");
  sm_out_write(out, p, (size_t)(buf + sizeof buf - p));
  return true;
}

/* ===================================================================== */
/* Dense elements                                                         */
/* ===================================================================== */

static bool type_is_unsigned(const SmType *t) {
  return t->kind == SM_TYPE_INTEGER && t->integer.sign == SM_UNSIGNED;
}

static uint64_t load_le(const unsigned char *p, size_t n) {
  uint64_t v = 0;
  for (size_t i = n; i-- > 0;) v = (v << 8) | p[i];
  return v;
}

/* One element of raw dense data (dense elements or dense arrays). */
static void print_elem(SmStrBuf *out, const SmType *et, const unsigned char *p, size_t esz) {
  if (et->kind == SM_TYPE_COMPLEX) { /* MLIR: "(re,im)" without a space */
    sm_out_char(out, '(');
    print_elem(out, et->complex.elem, p, esz / 2);
    sm_out_char(out, ',');
    print_elem(out, et->complex.elem, p + esz / 2, esz / 2);
    sm_out_char(out, ')');
    return;
  }
  if (sm_type_is_float(et)) {
    uint64_t bits = load_le(p, esz);
    print_float(out, et, sm_float_decode(et, bits), bits);
    return;
  }
  unsigned width = et->kind == SM_TYPE_INTEGER ? et->integer.width : 64;
  if (width == 1 && !(et->kind == SM_TYPE_INTEGER && et->integer.sign != SM_SIGNLESS)) {
    if (*p)
      SM_OUT_LIT(out, "true");
    else
      SM_OUT_LIT(out, "false");
    return;
  }
  uint64_t v = load_le(p, esz);
  if (width < 64) v &= (1ULL << width) - 1;
  if (type_is_unsigned(et) || width == 1) {
    sm_out_u64(out, v);
  } else {
    if (width < 64 && (v >> (width - 1)) & 1) v |= ~((1ULL << width) - 1);
    sm_out_i64(out, (int64_t)v);
  }
}

static void print_hex_bytes(SmStrBuf *out, const unsigned char *p, size_t n) {
  char buf[128];
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    buf[k++] = hexdig[p[i] >> 4];
    buf[k++] = hexdig[p[i] & 15];
    if (k == sizeof buf) {
      sm_out_write(out, buf, k);
      k = 0;
    }
  }
  sm_out_write(out, buf, k);
}

/* Elements more than this print as a hex string (MLIR's default). */
#define SM_HEX_THRESHOLD 100

static void print_dense_body(SmAsmState *s, const SmAttr *a) {
  SmStrBuf *out = s->out;
  const SmType *type = a->dense.type;
  const SmType *et = type->shaped.elem;
  size_t esz = sm_dense_elem_size(et);
  int64_t count = sm_type_num_elements(type);
  const unsigned char *data = a->dense.data;
  bool is_i1 = et->kind == SM_TYPE_INTEGER && et->integer.width == 1;
  /* MLIR treats one element, or all elements equal, as a splat. */
  bool splat = a->dense.splat || count == 1;
  if (!splat && count > 1 && esz && a->dense.size >= (size_t)count * esz) {
    splat = true;
    for (int64_t i = 1; i < count && splat; i++) {
      const unsigned char *p = data + (size_t)i * esz;
      splat = is_i1 ? (!*p == !*data) : memcmp(p, data, esz) == 0;
    }
  }
  if (splat) {
    if (a->dense.size >= esz && esz) print_elem(out, et, data, esz);
    return;
  }
  if (count <= 0 || a->dense.size < (size_t)count * esz) return;
  if (count > SM_HEX_THRESHOLD) {
    SM_OUT_LIT(out, "\"0x");
    if (is_i1) {
      /* MLIR stores i1 bit-packed, least significant bit first. */
      for (int64_t i = 0; i < count; i += 8) {
        unsigned char byte = 0;
        for (int k = 0; k < 8 && i + k < count; k++)
          if (data[i + k]) byte |= (unsigned char)(1u << k);
        print_hex_bytes(out, &byte, 1);
      }
    } else {
      print_hex_bytes(out, data, (size_t)count * esz);
    }
    sm_out_char(out, '"');
    return;
  }
  /* Nested brackets via a mixed-radix counter over the shape. */
  unsigned rank = type->shaped.rank;
  const int64_t *shape = type->shaped.dims;
  int64_t counter[64] = {0};
  if (rank > 64) return;
  unsigned open = 0;
  for (int64_t idx = 0; idx < count; idx++) {
    if (idx) SM_OUT_LIT(out, ", ");
    while (open < rank) {
      sm_out_char(out, '[');
      open++;
    }
    print_elem(out, et, data + (size_t)idx * esz, esz);
    counter[rank - 1]++;
    for (unsigned i = rank - 1; i > 0; i--) {
      if (counter[i] >= shape[i]) {
        counter[i] = 0;
        counter[i - 1]++;
        open--;
        sm_out_char(out, ']');
      }
    }
  }
  while (open-- > 0) sm_out_char(out, ']');
}

/* ===================================================================== */
/* Attributes                                                             */
/* ===================================================================== */

static void record_resource(SmAsmState *s, const char *name) {
  if (!s->record_resources) return;
  bool ins;
  sm_ptrtab_slot(&s->res_seen, name, &ins);
  if (!ins) return;
  if (s->num_res == s->res_cap) {
    s->res_cap = s->res_cap ? s->res_cap * 2 : 8;
    s->res_names = realloc(s->res_names, s->res_cap * sizeof *s->res_names);
    if (!s->res_names) abort();
  }
  s->res_names[s->num_res++] = name;
}

void sm_asm_print_named_attr(SmAsmState *s, const SmNamedAttr *na) {
  sm_asm_print_keyword_or_string(s->out, na->name, strlen(na->name));
  if (na->value && na->value->kind == SM_ATTR_UNIT) return;
  SM_OUT_LIT(s->out, " = ");
  sm_asm_print_attr(s, na->value, false);
}

static void print_attr_impl(SmAsmState *s, const SmAttr *a, int elide /* 0 never, 1 may, 2 must */) {
  SmStrBuf *out = s->out;
  if (!a) {
    SM_OUT_LIT(out, "<<NULL ATTRIBUTE>>");
    return;
  }
  switch (a->kind) {
  case SM_ATTR_UNIT: SM_OUT_LIT(out, "unit"); return;
  case SM_ATTR_BOOL:
    if (a->boolean)
      SM_OUT_LIT(out, "true");
    else
      SM_OUT_LIT(out, "false");
    return;
  case SM_ATTR_INTEGER: {
    const SmType *t = a->integer.type;
    if (t->kind == SM_TYPE_INTEGER && t->integer.width == 1 && t->integer.sign == SM_SIGNLESS) {
      if (a->integer.value & 1)
        SM_OUT_LIT(out, "true");
      else
        SM_OUT_LIT(out, "false");
      return;
    }
    if (type_is_unsigned(t))
      sm_out_u64(out, (uint64_t)a->integer.value);
    else
      sm_out_i64(out, a->integer.value);
    if (elide == 2 || (elide == 1 && sm_type_is_signless_int(t, 64))) return;
    SM_OUT_LIT(out, " : ");
    sm_asm_print_type(s, t);
    return;
  }
  case SM_ATTR_FLOAT: {
    bool hex = print_float(out, a->fp.type, a->fp.value, a->fp.bits);
    if (elide == 2 || (elide == 1 && a->fp.type->kind == SM_TYPE_F64 && !hex)) return;
    SM_OUT_LIT(out, " : ");
    sm_asm_print_type(s, a->fp.type);
    return;
  }
  case SM_ATTR_STRING:
    sm_asm_print_escaped(out, a->string.data, a->string.len);
    if (a->string.type) {
      SM_OUT_LIT(out, " : ");
      sm_asm_print_type(s, a->string.type);
    }
    return;
  case SM_ATTR_STRIDED:
    SM_OUT_LIT(out, "strided<[");
    for (unsigned i = 0; i < a->strided.rank; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      if (a->strided.strides[i] == SM_DYNAMIC)
        sm_out_char(out, '?');
      else
        sm_out_i64(out, a->strided.strides[i]);
    }
    sm_out_char(out, ']');
    if (a->strided.offset != 0) {
      SM_OUT_LIT(out, ", offset: ");
      if (a->strided.offset == SM_DYNAMIC)
        sm_out_char(out, '?');
      else
        sm_out_i64(out, a->strided.offset);
    }
    sm_out_char(out, '>');
    return;
  case SM_ATTR_TYPE: sm_asm_print_type(s, a->type); return;
  case SM_ATTR_ARRAY:
    sm_out_char(out, '[');
    for (unsigned i = 0; i < a->array.count; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      print_attr_impl(s, a->array.elems[i], 1);
    }
    sm_out_char(out, ']');
    return;
  case SM_ATTR_DENSE_ARRAY: {
    SM_OUT_LIT(out, "array<");
    sm_asm_print_type(s, a->dense_array.elem);
    const SmType *et = a->dense_array.elem;
    size_t esz = et->kind == SM_TYPE_INTEGER && et->integer.width == 1
                     ? 1
                     : (sm_type_bitwidth(et) + 7) / 8;
    if (a->dense_array.count) SM_OUT_LIT(out, ": ");
    const unsigned char *p = a->dense_array.data;
    for (unsigned i = 0; i < a->dense_array.count; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      print_elem(out, et, p + (size_t)i * esz, esz);
    }
    sm_out_char(out, '>');
    return;
  }
  case SM_ATTR_DICTIONARY:
    sm_out_char(out, '{');
    for (unsigned i = 0; i < a->dict.count; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      sm_asm_print_named_attr(s, &a->dict.entries[i]);
    }
    sm_out_char(out, '}');
    return;
  case SM_ATTR_SYMBOL_REF:
    sm_out_char(out, '@');
    sm_asm_print_keyword_or_string(out, a->symref.root, strlen(a->symref.root));
    for (unsigned i = 0; i < a->symref.num_nested; i++) {
      SM_OUT_LIT(out, "::@");
      sm_asm_print_keyword_or_string(out, a->symref.nested[i], strlen(a->symref.nested[i]));
    }
    return;
  case SM_ATTR_DENSE_ELEMENTS: {
    const SmType *t = a->dense.type;
    int64_t count = sm_type_num_elements(t);
    if (s->elide_elements > 0 && !a->dense.splat && count > s->elide_elements) {
      SM_OUT_LIT(out, "dense_resource<__elided__>");
    } else {
      SM_OUT_LIT(out, "dense<");
      print_dense_body(s, a);
      sm_out_char(out, '>');
    }
    if (elide == 2) return;
    SM_OUT_LIT(out, " : ");
    sm_asm_print_type(s, t);
    return;
  }
  case SM_ATTR_SPARSE:
    SM_OUT_LIT(out, "sparse<");
    if (sm_type_num_elements(a->sparse.values->dense.type) > 0) {
      print_dense_body(s, a->sparse.indices);
      SM_OUT_LIT(out, ", ");
      print_dense_body(s, a->sparse.values);
    }
    sm_out_char(out, '>');
    if (elide == 2) return;
    SM_OUT_LIT(out, " : ");
    sm_asm_print_type(s, a->sparse.type);
    return;
  case SM_ATTR_DENSE_STRING: {
    const SmType *t = a->dense_string.type;
    SM_OUT_LIT(out, "dense<");
    if (a->dense_string.count == 1) { /* one element: a splat, as MLIR prints it */
      sm_asm_print_escaped(out, a->dense_string.strings[0]->string.data, a->dense_string.strings[0]->string.len);
    } else if (a->dense_string.count) {
      /* Nested lists by the shape, as MLIR prints them. */
      unsigned rank = t->shaped.rank;
      int64_t idx[64] = {0};
      for (unsigned k = 0; k < rank && k < 64; k++) sm_out_char(out, '[');
      for (unsigned i = 0; i < a->dense_string.count; i++) {
        if (i) {
          /* Close the dims that wrapped, then reopen them. */
          unsigned closed = 0;
          for (unsigned k = rank; k-- > 0;) {
            if (++idx[k] < t->shaped.dims[k]) break;
            idx[k] = 0;
            closed++;
          }
          for (unsigned k = 0; k < closed; k++) sm_out_char(out, ']');
          SM_OUT_LIT(out, ", ");
          for (unsigned k = 0; k < closed; k++) sm_out_char(out, '[');
        }
        const SmAttr *str = a->dense_string.strings[i];
        sm_asm_print_escaped(out, str->string.data, str->string.len);
      }
      for (unsigned k = 0; k < rank && k < 64; k++) sm_out_char(out, ']');
    }
    sm_out_char(out, '>');
    if (elide == 2) return;
    SM_OUT_LIT(out, " : ");
    sm_asm_print_type(s, t);
    return;
  }
  case SM_ATTR_DENSE_RESOURCE:
    record_resource(s, a->resource.name);
    SM_OUT_LIT(out, "dense_resource<");
    sm_asm_print_keyword_or_string(out, a->resource.name, strlen(a->resource.name));
    sm_out_char(out, '>');
    if (elide == 2) return;
    SM_OUT_LIT(out, " : ");
    sm_asm_print_type(s, a->resource.type);
    return;
  case SM_ATTR_AFFINE_MAP: {
    uint64_t *alias = s->aliases ? sm_ptrtab_find(s->aliases, a) : NULL;
    if (alias && *alias) {
      SM_OUT_LIT(out, "#map");
      if (*alias > 1) sm_out_u64(out, *alias - 1);
      return;
    }
    SM_OUT_LIT(out, "affine_map<");
    print_affine_map(out, a->map);
    sm_out_char(out, '>');
    return;
  }
  case SM_ATTR_DISTINCT: {
    uint64_t *alias = s->aliases ? sm_ptrtab_find(s->aliases, a) : NULL;
    if (alias && *alias) {
      SM_OUT_LIT(out, "#distinct");
      if (*alias > 1) sm_out_u64(out, *alias - 1);
      return;
    }
    bool ins;
    uint64_t *id = sm_ptrtab_slot(&s->distinct_ids, a, &ins);
    if (ins) *id = s->next_distinct++;
    SM_OUT_LIT(out, "distinct[");
    sm_out_u64(out, *id);
    SM_OUT_LIT(out, "]<");
    if (a->distinct.referenced->kind != SM_ATTR_UNIT) print_attr_impl(s, a->distinct.referenced, 0);
    sm_out_char(out, '>');
    return;
  }
  case SM_ATTR_INTEGER_SET: {
    uint64_t *alias = s->aliases ? sm_ptrtab_find(s->aliases, a) : NULL;
    if (alias && *alias) {
      SM_OUT_LIT(out, "#set");
      if (*alias > 1) sm_out_u64(out, *alias - 1);
      return;
    }
    SM_OUT_LIT(out, "affine_set<");
    print_integer_set(out, a->set);
    sm_out_char(out, '>');
    return;
  }
  case SM_ATTR_OPAQUE:
    sm_out_char(out, '#');
    sm_out_str(out, a->opaque.dialect);
    sm_out_str(out, a->opaque.rest);
    if (a->opaque.type) {
      SM_OUT_LIT(out, " : ");
      sm_asm_print_type(s, a->opaque.type);
    }
    return;
  }
}

void sm_asm_print_attr(SmAsmState *s, const SmAttr *a, bool elide_type) {
  print_attr_impl(s, a, elide_type ? 2 : 0);
}

void sm_asm_print_attr_may_elide(SmAsmState *s, const SmAttr *a) { print_attr_impl(s, a, 1); }

/* ===================================================================== */
/* Locations                                                              */
/* ===================================================================== */

static void print_loc_inner(SmAsmState *s, const SmLoc *l) {
  SmStrBuf *out = s->out;
  if (!l) {
    SM_OUT_LIT(out, "unknown");
    return;
  }
  switch (l->kind) {
  case SM_LOC_UNKNOWN: SM_OUT_LIT(out, "unknown"); return;
  case SM_LOC_FILE:
    sm_asm_print_escaped(out, l->file.file, strlen(l->file.file));
    sm_out_char(out, ':');
    sm_out_u64(out, l->file.line);
    sm_out_char(out, ':');
    sm_out_u64(out, l->file.col);
    return;
  case SM_LOC_NAME:
    sm_asm_print_escaped(out, l->name.name, strlen(l->name.name));
    if (l->name.child && l->name.child->kind != SM_LOC_UNKNOWN) {
      sm_out_char(out, '(');
      print_loc_inner(s, l->name.child);
      sm_out_char(out, ')');
    }
    return;
  case SM_LOC_FUSED:
    SM_OUT_LIT(out, "fused");
    if (l->fused.metadata) {
      sm_out_char(out, '<');
      sm_asm_print_attr(s, l->fused.metadata, false);
      sm_out_char(out, '>');
    }
    sm_out_char(out, '[');
    for (unsigned i = 0; i < l->fused.count; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      print_loc_inner(s, l->fused.locs[i]);
    }
    sm_out_char(out, ']');
    return;
  case SM_LOC_CALLSITE:
    SM_OUT_LIT(out, "callsite(");
    print_loc_inner(s, l->callsite.callee);
    SM_OUT_LIT(out, " at ");
    print_loc_inner(s, l->callsite.caller);
    sm_out_char(out, ')');
    return;
  }
}

void sm_asm_print_loc(SmAsmState *s, const SmLoc *l) {
  SM_OUT_LIT(s->out, "loc(");
  print_loc_inner(s, l);
  sm_out_char(s->out, ')');
}

/* ===================================================================== */
/* Alias collection (dry pass)                                            */
/* ===================================================================== */

/* True the first time a container is seen: containers are walked once. */
static bool first_visit(SmAsmState *s, const void *p) {
  bool ins;
  sm_ptrtab_slot(&s->visited, p, &ins);
  return ins;
}

void sm_asm_visit_type(SmAsmState *s, const SmType *t) {
  if (!t) return;
  switch (t->kind) {
  case SM_TYPE_TENSOR:
  case SM_TYPE_MEMREF:
  case SM_TYPE_UNRANKED_MEMREF:
    if (t->shaped.encoding) sm_asm_visit_attr(s, t->shaped.encoding);
    if (t->shaped.memory_space) sm_asm_visit_attr(s, t->shaped.memory_space);
    if (t->shaped.elem->kind >= SM_TYPE_TENSOR) sm_asm_visit_type(s, t->shaped.elem);
    return;
  case SM_TYPE_FUNCTION:
    if (!first_visit(s, t)) return;
    for (unsigned i = 0; i < t->func.num_inputs; i++) sm_asm_visit_type(s, t->func.inputs[i]);
    for (unsigned i = 0; i < t->func.num_results; i++) sm_asm_visit_type(s, t->func.results[i]);
    return;
  case SM_TYPE_TUPLE:
    if (!first_visit(s, t)) return;
    for (unsigned i = 0; i < t->tuple.count; i++) sm_asm_visit_type(s, t->tuple.types[i]);
    return;
  default: return;
  }
}

void sm_asm_visit_attr(SmAsmState *s, const SmAttr *a) {
  if (!a) return;
  switch (a->kind) {
  case SM_ATTR_DISTINCT:
    /* MLIR gives distinct attributes an alias unless they reference unit. */
    if (a->distinct.referenced->kind == SM_ATTR_UNIT) return;
    if (!first_visit(s, a)) return;
    sm_asm_visit_attr(s, a->distinct.referenced);
    goto add_alias;
  case SM_ATTR_AFFINE_MAP:
  case SM_ATTR_INTEGER_SET:
    if (!first_visit(s, a)) return;
  add_alias:
    if (s->num_aliases == s->alias_cap) {
      s->alias_cap = s->alias_cap ? s->alias_cap * 2 : 8;
      s->alias_list = realloc(s->alias_list, s->alias_cap * sizeof *s->alias_list);
      if (!s->alias_list) abort();
    }
    s->alias_list[s->num_aliases++] = (SmAttr *)a;
    return;
  case SM_ATTR_ARRAY:
    /* Large arrays are often shared between ops: walk each once. */
    if (a->array.count >= 16 && !first_visit(s, a)) return;
    for (unsigned i = 0; i < a->array.count; i++) sm_asm_visit_attr(s, a->array.elems[i]);
    return;
  case SM_ATTR_DICTIONARY:
    /* Op attribute dictionaries are mostly distinct and small. */
    if (a->dict.count >= 16 && !first_visit(s, a)) return;
    for (unsigned i = 0; i < a->dict.count; i++) sm_asm_visit_attr(s, a->dict.entries[i].value);
    return;
  case SM_ATTR_TYPE: sm_asm_visit_type(s, a->type); return;
  case SM_ATTR_DENSE_ELEMENTS: sm_asm_visit_type(s, a->dense.type); return;
  case SM_ATTR_DENSE_RESOURCE: sm_asm_visit_type(s, a->resource.type); return;
  case SM_ATTR_DENSE_STRING: sm_asm_visit_type(s, a->dense_string.type); return;
  case SM_ATTR_STRING:
    if (a->string.type) sm_asm_visit_type(s, a->string.type);
    return;
  case SM_ATTR_SPARSE: sm_asm_visit_type(s, a->sparse.type); return;
  case SM_ATTR_INTEGER: sm_asm_visit_type(s, a->integer.type); return;
  default: return;
  }
}

void sm_asm_visit_loc(SmAsmState *s, const SmLoc *l) {
  if (!l) return;
  switch (l->kind) {
  case SM_LOC_NAME: sm_asm_visit_loc(s, l->name.child); return;
  case SM_LOC_FUSED:
    if (l->fused.metadata) sm_asm_visit_attr(s, l->fused.metadata);
    for (unsigned i = 0; i < l->fused.count; i++) sm_asm_visit_loc(s, l->fused.locs[i]);
    return;
  case SM_LOC_CALLSITE:
    sm_asm_visit_loc(s, l->callsite.callee);
    sm_asm_visit_loc(s, l->callsite.caller);
    return;
  default: return;
  }
}

/* ===================================================================== */
/* Public entry points (no aliases)                                       */
/* ===================================================================== */

void sm_type_print(const SmType *t, SmStrBuf *out) {
  SmAsmState s = {.out = out};
  sm_asm_print_type(&s, t);
}

void sm_attr_print(const SmAttr *a, SmStrBuf *out) {
  SmAsmState s = {.out = out};
  sm_asm_print_attr(&s, a, false);
}

void sm_loc_print(const SmLoc *l, SmStrBuf *out) {
  SmAsmState s = {.out = out};
  sm_asm_print_loc(&s, l);
}

void sm_affine_expr_print(const SmAffineExpr *e, SmStrBuf *out) { print_affine(out, e, false); }

void sm_affine_map_print(const SmAffineMap *m, SmStrBuf *out) { print_affine_map(out, m); }

void sm_integer_set_print(const SmIntegerSet *set, SmStrBuf *out) { print_integer_set(out, set); }
