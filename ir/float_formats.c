/* Float formats: one table row per MLIR float type beyond f16/bf16/f32/f64,
 * with a generic encoder/decoder (sign, exponent, mantissa; how NaN and inf
 * are spelt differs per family, as in LLVM's APFloat semantics). */
#include "ir/float_formats.h"

#include <math.h>
#include <string.h>

#include "ir/fp16.h"

typedef enum NanStyle {
  NAN_IEEE, /* all-ones exponent: inf (mantissa 0) or NaN */
  NAN_FN,   /* no inf; only all-ones exponent and mantissa is NaN */
  NAN_FNUZ, /* no inf, no -0; the "negative zero" code is NaN */
  NAN_NONE, /* finite only */
  NAN_E8M0, /* unsigned powers of two; all-ones is NaN */
} NanStyle;

typedef struct FloatSem {
  const char *name;
  unsigned width; /* as MLIR counts bits */
  unsigned exp, man;
  int bias;
  NanStyle nan;
} FloatSem;

static const FloatSem sems[SM_FLOAT_NUM_FORMATS] = {
    [SM_FLOAT_F80] = {"f80", 80, 15, 63, 16383, NAN_IEEE},
    [SM_FLOAT_F128] = {"f128", 128, 15, 112, 16383, NAN_IEEE},
    [SM_FLOAT_TF32] = {"tf32", 19, 8, 10, 127, NAN_IEEE},
    [SM_FLOAT_F8E5M2] = {"f8E5M2", 8, 5, 2, 15, NAN_IEEE},
    [SM_FLOAT_F8E4M3] = {"f8E4M3", 8, 4, 3, 7, NAN_IEEE},
    [SM_FLOAT_F8E4M3FN] = {"f8E4M3FN", 8, 4, 3, 7, NAN_FN},
    [SM_FLOAT_F8E5M2FNUZ] = {"f8E5M2FNUZ", 8, 5, 2, 16, NAN_FNUZ},
    [SM_FLOAT_F8E4M3FNUZ] = {"f8E4M3FNUZ", 8, 4, 3, 8, NAN_FNUZ},
    [SM_FLOAT_F8E4M3B11FNUZ] = {"f8E4M3B11FNUZ", 8, 4, 3, 11, NAN_FNUZ},
    [SM_FLOAT_F8E3M4] = {"f8E3M4", 8, 3, 4, 3, NAN_IEEE},
    [SM_FLOAT_F8E8M0FNU] = {"f8E8M0FNU", 8, 8, 0, 127, NAN_E8M0},
    [SM_FLOAT_F6E2M3FN] = {"f6E2M3FN", 6, 2, 3, 1, NAN_NONE},
    [SM_FLOAT_F6E3M2FN] = {"f6E3M2FN", 6, 3, 2, 3, NAN_NONE},
    [SM_FLOAT_F4E2M1FN] = {"f4E2M1FN", 4, 2, 1, 1, NAN_NONE},
};

bool sm_float_format_lookup(const char *name, size_t len, SmFloatFormat *out) {
  for (unsigned i = 0; i < SM_FLOAT_NUM_FORMATS; i++)
    if (strlen(sems[i].name) == len && memcmp(sems[i].name, name, len) == 0) {
      *out = (SmFloatFormat)i;
      return true;
    }
  return false;
}

const char *sm_float_format_name(SmFloatFormat f) {
  return (unsigned)f < SM_FLOAT_NUM_FORMATS ? sems[f].name : NULL;
}

unsigned sm_float_format_width(SmFloatFormat f) {
  return (unsigned)f < SM_FLOAT_NUM_FORMATS ? sems[f].width : 0;
}

/* The small formats encoded here (f80/f128 are held as doubles). */
static const FloatSem *small_sem(const SmType *t) {
  if (t->kind != SM_TYPE_FLOAT_EXT || t->fp.format == SM_FLOAT_F80 ||
      t->fp.format == SM_FLOAT_F128)
    return NULL;
  return &sems[t->fp.format];
}

static uint64_t dbl_bits(double v) {
  uint64_t u;
  memcpy(&u, &v, sizeof u);
  return u;
}

static uint64_t encode_small(const FloatSem *s, double v) {
  uint64_t expmax = (1ull << s->exp) - 1, sign_bit = 1ull << (s->exp + s->man);
  if (s->nan == NAN_E8M0) {
    if (isnan(v) || v < 0) return 0xff;
    if (isinf(v)) return 0xff;
    if (v == 0) return 0;
    int e = ilogb(v);
    if (rint(ldexp(v, -e)) >= 2) e++;
    e += s->bias;
    return e < 0 ? 0 : e > 254 ? 0xff : (uint64_t)e;
  }
  uint64_t sign = signbit(v) ? sign_bit : 0;
  uint64_t maxcode; /* largest finite magnitude code */
  switch (s->nan) {
  case NAN_IEEE: maxcode = ((expmax - 1) << s->man) | ((1ull << s->man) - 1); break;
  case NAN_FN: maxcode = (expmax << s->man) | ((1ull << s->man) - 2); break;
  default: maxcode = (expmax << s->man) | ((1ull << s->man) - 1); break;
  }
  uint64_t nan;
  switch (s->nan) {
  case NAN_IEEE: nan = (expmax << s->man) | (1ull << (s->man - 1)); break;
  case NAN_FN: nan = (expmax << s->man) | ((1ull << s->man) - 1); break;
  case NAN_FNUZ: nan = sign_bit; break;
  default: nan = 0; break; /* no NaN to give */
  }
  if (isnan(v)) return s->nan == NAN_FNUZ ? nan : sign | nan;
  double a = fabs(v);
  uint64_t code;
  if (isinf(a)) {
    code = maxcode + 1;
  } else if (a == 0) {
    code = 0;
  } else {
    int emin = 1 - s->bias, e = ilogb(a);
    if (e < emin) e = emin;
    double q = rint(ldexp(a, (int)s->man - e));
    if (q >= ldexp(1.0, (int)s->man + 1)) {
      e++;
      q /= 2;
    }
    uint64_t qi = (uint64_t)q;
    if (qi < (1ull << s->man))
      code = qi; /* subnormal (or rounded to zero) */
    else if (e + s->bias > (int)expmax)
      code = maxcode + 1;
    else
      code = ((uint64_t)(e + s->bias) << s->man) | (qi - (1ull << s->man));
  }
  if (code > maxcode) {
    switch (s->nan) {
    case NAN_IEEE: return sign | (expmax << s->man); /* inf */
    case NAN_NONE: return sign | maxcode;            /* saturate: no inf, no NaN */
    case NAN_FNUZ: return nan;
    default: return sign | nan;
    }
  }
  if (code == 0 && s->nan == NAN_FNUZ) return 0; /* no negative zero */
  return sign | code;
}

static double decode_small(const FloatSem *s, uint64_t bits) {
  uint64_t expmax = (1ull << s->exp) - 1;
  if (s->nan == NAN_E8M0) return bits == 0xff ? NAN : ldexp(1.0, (int)bits - s->bias);
  uint64_t sign_bit = 1ull << (s->exp + s->man);
  bool neg = (bits & sign_bit) != 0;
  uint64_t e = (bits >> s->man) & expmax, m = bits & ((1ull << s->man) - 1);
  if (s->nan == NAN_FNUZ && bits == sign_bit) return NAN;
  if (s->nan == NAN_IEEE && e == expmax) return m ? NAN : (neg ? -INFINITY : INFINITY);
  if (s->nan == NAN_FN && e == expmax && m == (1ull << s->man) - 1) return NAN;
  double r = e == 0 ? ldexp((double)m, 1 - s->bias - (int)s->man)
                    : ldexp((double)((1ull << s->man) | m), (int)e - s->bias - (int)s->man);
  return neg ? -r : r;
}

uint64_t sm_float_encode(const SmType *t, double v) {
  switch (t->kind) {
  case SM_TYPE_F16: return sm_f32_to_f16_bits((float)v);
  case SM_TYPE_BF16: return sm_f32_to_bf16_bits((float)v);
  case SM_TYPE_F32: return sm_f32_bits((float)v);
  case SM_TYPE_FLOAT_EXT: {
    const FloatSem *s = small_sem(t);
    if (s) return encode_small(s, v);
    return dbl_bits(v);
  }
  default: return dbl_bits(v);
  }
}

double sm_float_decode(const SmType *t, uint64_t bits) {
  switch (t->kind) {
  case SM_TYPE_F16: return (double)sm_f16_bits_to_f32((uint16_t)bits);
  case SM_TYPE_BF16: return (double)sm_bf16_bits_to_f32((uint16_t)bits);
  case SM_TYPE_F32: return (double)sm_f32_from_bits((uint32_t)bits);
  case SM_TYPE_FLOAT_EXT: {
    const FloatSem *s = small_sem(t);
    if (s) return decode_small(s, bits);
    break;
  }
  default: break;
  }
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}

unsigned sm_float_precision(const SmType *t) {
  switch (t->kind) {
  case SM_TYPE_F16: return 11;
  case SM_TYPE_BF16: return 8;
  case SM_TYPE_F32: return 24;
  case SM_TYPE_FLOAT_EXT:
    if (small_sem(t)) return sems[t->fp.format].man + 1;
    return 53; /* f80/f128 held as doubles */
  default: return 53;
  }
}

unsigned sm_float_held_bits(const SmType *t) {
  switch (t->kind) {
  case SM_TYPE_F16:
  case SM_TYPE_BF16: return 16;
  case SM_TYPE_F32: return 32;
  case SM_TYPE_FLOAT_EXT:
    if (small_sem(t)) return sems[t->fp.format].width;
    return 64;
  default: return 64;
  }
}
