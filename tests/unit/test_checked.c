/* ir/checked.h: overflow is reported, never wrapped; limits read their
 * defaults and can be raised. */
#include <criterion/criterion.h>
#include <math.h>

#include "ir/checked.h"

Test(checked, mul_add_sub) {
  int64_t r;
  cr_assert(sm_checked_mul(INT64_C(1) << 31, INT64_C(1) << 31, &r) && r == INT64_C(1) << 62);
  cr_assert(!sm_checked_mul(INT64_C(1) << 32, INT64_C(1) << 31, &r));
  cr_assert(!sm_checked_mul(INT64_MIN, -1, &r));
  cr_assert(sm_checked_add(INT64_MAX - 1, 1, &r) && r == INT64_MAX);
  cr_assert(!sm_checked_add(INT64_MAX, 1, &r));
  cr_assert(!sm_checked_sub(INT64_MIN, 1, &r));
  cr_assert(sm_checked_muladd(3, 4, 5, &r) && r == 17);
  cr_assert(!sm_checked_muladd(INT64_C(1) << 62, 2, 0, &r));
}

Test(checked, numel_and_bytes) {
  int64_t n;
  size_t b;
  cr_assert(sm_checked_numel(3, (int64_t[]){2, 3, 4}, &n) && n == 24);
  cr_assert(sm_checked_numel(0, NULL, &n) && n == 1);
  cr_assert(!sm_checked_numel(2, (int64_t[]){INT64_C(1) << 32, INT64_C(1) << 32}, &n));
  cr_assert(!sm_checked_numel(2, (int64_t[]){4, -1}, &n));
  /* A zero dimension first does not hide an overflow of the others' bounds:
   * the product is 0, which is exact. */
  cr_assert(sm_checked_numel(3, (int64_t[]){0, INT64_C(1) << 40, INT64_C(1) << 40}, &n) && n == 0);
  cr_assert(sm_checked_bytes(10, 4, &b) && b == 40);
  cr_assert(!sm_checked_bytes(-1, 4, &b));
  cr_assert(!sm_checked_bytes(INT64_MAX, 4, &b));
}

Test(checked, float_to_int) {
  int64_t v;
  cr_assert(sm_checked_f64_to_i64(-3.7, &v) && v == -3);
  cr_assert(!sm_checked_f64_to_i64(INFINITY, &v));
  cr_assert(!sm_checked_f64_to_i64(NAN, &v));
  cr_assert(!sm_checked_f64_to_i64(9223372036854775808.0, &v));
  cr_assert(sm_checked_f64_to_i64(-9223372036854775808.0, &v) && v == INT64_MIN);
  cr_assert_eq(sm_sat_f64_to_i64(NAN), 0);
  cr_assert_eq(sm_sat_f64_to_i64(INFINITY), INT64_MAX);
  cr_assert_eq(sm_sat_f64_to_i64(-1e300), INT64_MIN);
  cr_assert_eq(sm_sat_f64_to_i64(42.9), 42);
}

Test(checked, limits) {
  cr_assert_str_eq(sm_limit_name(SM_LIMIT_TENSOR_ELEMENTS), "SM_LIMIT_TENSOR_ELEMENTS");
  int64_t dflt = sm_limit_get(SM_LIMIT_YAML_EXPANSION);
  cr_assert_gt(dflt, 0);
  sm_limit_set(SM_LIMIT_YAML_EXPANSION, 7);
  cr_assert_eq(sm_limit_get(SM_LIMIT_YAML_EXPANSION), 7);
  sm_limit_set(SM_LIMIT_YAML_EXPANSION, 0); /* back to the default */
  cr_assert_eq(sm_limit_get(SM_LIMIT_YAML_EXPANSION), dflt);
}
