/* IEEE half (f16) and bfloat16 <-> float conversions with round-to-nearest-even.
 * Header-only so the parser, printer and dense-element code share one copy. */
#ifndef SM_IR_FP16_H
#define SM_IR_FP16_H

#include <stdint.h>
#include <string.h>

static inline uint32_t sm_f32_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

static inline float sm_f32_from_bits(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

static inline uint16_t sm_f32_to_f16_bits(float f) {
  uint32_t x = sm_f32_bits(f);
  uint16_t sign = (uint16_t)((x >> 16) & 0x8000u);
  uint32_t exp = (x >> 23) & 0xffu;
  uint32_t mant = x & 0x7fffffu;
  if (exp == 0xff) { /* inf / nan: keep a quiet nan payload bit */
    if (mant == 0) return (uint16_t)(sign | 0x7c00u);
    return (uint16_t)(sign | 0x7e00u | (mant >> 13));
  }
  int32_t e = (int32_t)exp - 127 + 15;
  if (e >= 0x1f) return (uint16_t)(sign | 0x7c00u); /* overflow -> inf */
  if (e <= 0) {
    /* Subnormal half (or zero): shift the full mantissa (with hidden bit). */
    if (e < -10) return sign; /* too small even to round up to the smallest subnormal */
    uint32_t m = mant | 0x800000u;
    unsigned shift = (unsigned)(14 - e); /* 24-bit mantissa -> 10-bit at exponent 0 */
    uint32_t half = m >> shift;
    uint32_t rem = m & ((1u << shift) - 1u);
    uint32_t mid = 1u << (shift - 1u);
    if (rem > mid || (rem == mid && (half & 1u))) half++;
    return (uint16_t)(sign | half);
  }
  uint32_t half = ((uint32_t)e << 10) | (mant >> 13);
  uint32_t rem = mant & 0x1fffu;
  /* A carry out of the mantissa correctly bumps the exponent (up to inf). */
  if (rem > 0x1000u || (rem == 0x1000u && (half & 1u))) half++;
  return (uint16_t)(sign | half);
}

static inline float sm_f16_bits_to_f32(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu;
  uint32_t mant = h & 0x3ffu;
  uint32_t x;
  if (exp == 0) {
    if (mant == 0) {
      x = sign;
    } else { /* subnormal: normalise */
      int e = -1;
      do {
        e++;
        mant <<= 1;
      } while ((mant & 0x400u) == 0);
      mant &= 0x3ffu;
      x = sign | ((uint32_t)(127 - 15 - e) << 23) | (mant << 13);
    }
  } else if (exp == 0x1f) {
    x = sign | 0x7f800000u | (mant << 13);
  } else {
    x = sign | ((exp - 15 + 127) << 23) | (mant << 13);
  }
  return sm_f32_from_bits(x);
}

static inline uint16_t sm_f32_to_bf16_bits(float f) {
  uint32_t x = sm_f32_bits(f);
  if ((x & 0x7f800000u) == 0x7f800000u && (x & 0x7fffffu)) /* nan: stay nan */
    return (uint16_t)((x >> 16) | 0x40u);
  uint32_t lsb = (x >> 16) & 1u;
  x += 0x7fffu + lsb; /* round to nearest even; overflow rounds to inf */
  return (uint16_t)(x >> 16);
}

static inline float sm_bf16_bits_to_f32(uint16_t h) { return sm_f32_from_bits((uint32_t)h << 16); }

#endif
