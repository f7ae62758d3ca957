/* Encoding and decoding of every float type's bits (f16/bf16/f32/f64 and
 * MLIR's other formats, SM_TYPE_FLOAT_EXT), shared by the parser, printer,
 * attributes and folders. Float attributes keep the exact bits of their type
 * (a signalling NaN stays one); the double is the value to compute with. */
#ifndef SM_IR_FLOAT_FORMATS_H
#define SM_IR_FLOAT_FORMATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ir/ir.h"

/* Bits of v rounded to float type t (nearest even; overflow gives inf, or NaN
 * for formats without inf, or the largest value for formats without NaN).
 * f80 and f128 are held as doubles: their "bits" are the double's. */
uint64_t sm_float_encode(const SmType *t, double v);
/* Value of bits of float type t (NaN payloads of f32/f16/bf16 are not kept
 * in the double: keep the bits for that). */
double sm_float_decode(const SmType *t, uint64_t bits);
/* Significand bits including the hidden one (f32: 24). */
unsigned sm_float_precision(const SmType *t);
/* Width of the bits sm_float_encode returns (f80/f128: 64, as held). */
unsigned sm_float_held_bits(const SmType *t);
/* The format named name[0..len) ("f8E4M3FN"), false when none. */
bool sm_float_format_lookup(const char *name, size_t len, SmFloatFormat *out);
const char *sm_float_format_name(SmFloatFormat f);
/* Bits of format f as MLIR counts them (f80: 80). */
unsigned sm_float_format_width(SmFloatFormat f);

#endif
