/* Checked int64 arithmetic for sizes, shapes, strides, offsets and element
 * counts computed from input, and the user-raisable limits on what input may
 * ask for. Every helper returns false (leaving *out unspecified) instead of
 * overflowing, so callers can turn the failure into a located error. */
#ifndef SM_IR_CHECKED_H
#define SM_IR_CHECKED_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

static inline bool sm_checked_mul(int64_t a, int64_t b, int64_t *out) {
  return !__builtin_mul_overflow(a, b, out);
}
static inline bool sm_checked_add(int64_t a, int64_t b, int64_t *out) {
  return !__builtin_add_overflow(a, b, out);
}
static inline bool sm_checked_sub(int64_t a, int64_t b, int64_t *out) {
  return !__builtin_sub_overflow(a, b, out);
}
/* a * b + c */
static inline bool sm_checked_muladd(int64_t a, int64_t b, int64_t c, int64_t *out) {
  int64_t m;
  return sm_checked_mul(a, b, &m) && sm_checked_add(m, c, out);
}
/* Product of n non-negative dimensions; false on a negative one or overflow. */
static inline bool sm_checked_numel(unsigned n, const int64_t *dims, int64_t *out) {
  int64_t p = 1;
  for (unsigned i = 0; i < n; i++)
    if (dims[i] < 0 || !sm_checked_mul(p, dims[i], &p)) return false;
  *out = p;
  return true;
}
/* Element count times element size as a size_t byte count. */
static inline bool sm_checked_bytes(int64_t numel, size_t elem_size, size_t *out) {
  if (numel < 0) return false;
  return !__builtin_mul_overflow((uint64_t)numel, (uint64_t)elem_size, out);
}
/* A double that fits int64_t (finite, in range) converted toward zero; the
 * plain cast is undefined behaviour for inf, NaN and out-of-range values. */
static inline bool sm_checked_f64_to_i64(double v, int64_t *out) {
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0)) return false;
  *out = (int64_t)v;
  return true;
}

/* Saturating conversion for values computed from data (coordinates, casts):
 * NaN -> 0, out of range -> INT64_MIN/INT64_MAX, never undefined. */
static inline int64_t sm_sat_f64_to_i64(double v) {
  if (v != v) return 0;
  if (v >= 9223372036854775808.0) return INT64_MAX;
  if (v < -9223372036854775808.0) return INT64_MIN;
  return (int64_t)v;
}

/* Limits a user can raise. Defaults are generous for real models and small
 * enough that hostile input fails fast instead of exhausting memory. Each is
 * read once from the environment variable named in its comment (a decimal
 * count; docs/hardening.md), so a user with a bigger model raises it without
 * rebuilding. */
typedef enum SmLimit {
  SM_LIMIT_TENSOR_ELEMENTS, /* SM_LIMIT_TENSOR_ELEMENTS: elements in one tensor (2^26) */
  SM_LIMIT_WEIGHT_BYTES,    /* SM_LIMIT_WEIGHT_BYTES: total constant bytes of a model (2 GiB) */
  SM_LIMIT_YAML_EXPANSION,  /* SM_LIMIT_YAML_EXPANSION: YAML nodes after alias expansion (10^6) */
  SM_LIMIT_MODULE_BYTES,    /* SM_LIMIT_MODULE_BYTES: size of an input file (4 GiB) */
  SM_LIMIT_COUNT_
} SmLimit;

/* The limit's current value (environment or default). */
int64_t sm_limit_get(SmLimit which);
/* The limit's name as the user sets it (the environment variable). */
const char *sm_limit_name(SmLimit which);
/* Overrides a limit for this process (tools, tests); v <= 0 restores the default. */
void sm_limit_set(SmLimit which, int64_t v);

#endif
