/* Host tensors: allocation, element access across dtypes, IR type mapping. */
#include "backend/interp/interp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t sm_dtype_size(SmDType dt) {
  switch (dt) {
  case SM_DT_F64:
  case SM_DT_I64: return 8;
  case SM_DT_F32:
  case SM_DT_I32: return 4;
  case SM_DT_I8:
  case SM_DT_U8:
  case SM_DT_BOOL: return 1;
  }
  return 1;
}

bool sm_dtype_is_float(SmDType dt) { return dt == SM_DT_F32 || dt == SM_DT_F64; }

const char *sm_dtype_name(SmDType dt) {
  switch (dt) {
  case SM_DT_F32: return "f32";
  case SM_DT_F64: return "f64";
  case SM_DT_I64: return "i64";
  case SM_DT_I32: return "i32";
  case SM_DT_I8: return "i8";
  case SM_DT_U8: return "ui8";
  case SM_DT_BOOL: return "i1";
  }
  return "?";
}

bool sm_tensor_numel_ok(unsigned rank, const int64_t *dims, int64_t *numel) {
  int64_t n, limit = sm_limit_get(SM_LIMIT_TENSOR_ELEMENTS);
  if (!sm_checked_numel(rank, dims, &n) || n > limit) return false;
  for (unsigned i = 0; i < rank; i++)
    if (dims[i] > limit) return false;
  if (numel) *numel = n;
  return true;
}

int64_t sm_tensor_numel(const SmTensor *t) {
  int64_t n = 1;
  for (unsigned i = 0; i < t->rank; i++) n *= t->dims[i];
  return n;
}

size_t sm_tensor_nbytes(const SmTensor *t) {
  return (size_t)sm_tensor_numel(t) * sm_dtype_size(t->dtype);
}

bool sm_tensor_alloc(SmTensor *t, SmDType dt, unsigned rank, const int64_t *dims) {
  memset(t, 0, sizeof *t);
  if (rank > SM_TENSOR_MAX_RANK) return false;
  t->dtype = dt;
  t->rank = rank;
  int64_t n;
  size_t bytes;
  /* Beyond the element limit is refused, not attempted: callers that can
   * name the limit check sm_tensor_numel_ok first. */
  if (!sm_tensor_numel_ok(rank, dims, &n) || !sm_checked_bytes(n, sm_dtype_size(dt), &bytes))
    return false;
  for (unsigned i = 0; i < rank; i++) t->dims[i] = dims[i];
  /* Never zero bytes, so data is non-NULL even for empty tensors. */
  t->data = calloc(bytes ? bytes : 1, 1);
  return t->data != NULL;
}

void sm_tensor_free(SmTensor *t) {
  if (!t) return;
  free(t->data);
  t->data = NULL;
}

bool sm_tensor_copy(SmTensor *dst, const SmTensor *src) {
  if (!sm_tensor_alloc(dst, src->dtype, src->rank, src->dims)) return false;
  if (sm_tensor_nbytes(src)) memcpy(dst->data, src->data, sm_tensor_nbytes(src)); /* empty: data may be NULL */
  return true;
}

bool sm_tensor_value_close(double got, double want, double rtol, double atol) {
  if (got != got || want != want) return got != got && want != want;
  if (got == want) return true;
  if (isinf(got) || isinf(want)) return false;
  return fabs(got - want) <= atol + rtol * fabs(want);
}

double sm_tensor_value_error(double got, double want) {
  if (got != got || want != want) return got != got && want != want ? 0.0 : INFINITY;
  if (got == want) return 0.0;
  return fabs(got - want);
}

double sm_tensor_get_f64(const SmTensor *t, int64_t i) {
  switch (t->dtype) {
  case SM_DT_F32: return ((const float *)t->data)[i];
  case SM_DT_F64: return ((const double *)t->data)[i];
  case SM_DT_I64: return (double)((const int64_t *)t->data)[i];
  case SM_DT_I32: return ((const int32_t *)t->data)[i];
  case SM_DT_I8: return ((const int8_t *)t->data)[i];
  case SM_DT_U8:
  case SM_DT_BOOL: return ((const uint8_t *)t->data)[i];
  }
  return 0;
}

/* Float to integer the way C casts do, but saturating and NaN -> 0 so that
 * garbage data cannot trigger undefined behaviour. */
static int64_t f64_to_i64(double v) { return sm_sat_f64_to_i64(v); }

int64_t sm_tensor_get_i64(const SmTensor *t, int64_t i) {
  switch (t->dtype) {
  case SM_DT_F32: return f64_to_i64(((const float *)t->data)[i]);
  case SM_DT_F64: return f64_to_i64(((const double *)t->data)[i]);
  case SM_DT_I64: return ((const int64_t *)t->data)[i];
  case SM_DT_I32: return ((const int32_t *)t->data)[i];
  case SM_DT_I8: return ((const int8_t *)t->data)[i];
  case SM_DT_U8:
  case SM_DT_BOOL: return ((const uint8_t *)t->data)[i];
  }
  return 0;
}

void sm_tensor_set_f64(SmTensor *t, int64_t i, double v) {
  switch (t->dtype) {
  case SM_DT_F32: ((float *)t->data)[i] = (float)v; return;
  case SM_DT_F64: ((double *)t->data)[i] = v; return;
  case SM_DT_BOOL: ((uint8_t *)t->data)[i] = v != 0; return;
  default: sm_tensor_set_i64(t, i, f64_to_i64(v)); return;
  }
}

void sm_tensor_set_i64(SmTensor *t, int64_t i, int64_t v) {
  switch (t->dtype) {
  case SM_DT_F32: ((float *)t->data)[i] = (float)v; return;
  case SM_DT_F64: ((double *)t->data)[i] = (double)v; return;
  case SM_DT_I64: ((int64_t *)t->data)[i] = v; return;
  case SM_DT_I32: ((int32_t *)t->data)[i] = (int32_t)(uint32_t)(uint64_t)v; return;
  case SM_DT_I8: ((int8_t *)t->data)[i] = (int8_t)(uint8_t)(uint64_t)v; return;
  case SM_DT_U8: ((uint8_t *)t->data)[i] = (uint8_t)(uint64_t)v; return;
  case SM_DT_BOOL: ((uint8_t *)t->data)[i] = v != 0; return;
  }
}

bool sm_dtype_from_type(const SmType *elem, SmDType *out) {
  if (!elem) return false;
  switch (elem->kind) {
  case SM_TYPE_F32: *out = SM_DT_F32; return true;
  case SM_TYPE_F64: *out = SM_DT_F64; return true;
  case SM_TYPE_INDEX: *out = SM_DT_I64; return true;
  case SM_TYPE_INTEGER:
    switch (elem->integer.width) {
    case 1: *out = SM_DT_BOOL; return true;
    case 8: *out = elem->integer.sign == SM_UNSIGNED ? SM_DT_U8 : SM_DT_I8; return true;
    case 32: *out = SM_DT_I32; return true;
    case 64: *out = SM_DT_I64; return true;
    default: return false;
    }
  default: return false;
  }
}

SmType *sm_dtype_to_type(SmContext *ctx, SmDType dt) {
  switch (dt) {
  case SM_DT_F32: return sm_type_f32(ctx);
  case SM_DT_F64: return sm_type_f64(ctx);
  case SM_DT_I64: return sm_type_integer(ctx, 64, SM_SIGNLESS);
  case SM_DT_I32: return sm_type_integer(ctx, 32, SM_SIGNLESS);
  case SM_DT_I8: return sm_type_integer(ctx, 8, SM_SIGNLESS);
  case SM_DT_U8: return sm_type_integer(ctx, 8, SM_UNSIGNED);
  case SM_DT_BOOL: return sm_type_integer(ctx, 1, SM_SIGNLESS);
  }
  return NULL;
}

SmType *sm_tensor_type(SmContext *ctx, const SmTensor *t) {
  return sm_type_tensor(ctx, t->rank, t->dims, sm_dtype_to_type(ctx, t->dtype), NULL);
}

bool sm_tensor_alloc_for_type(SmTensor *t, const SmType *type) {
  SmDType dt;
  memset(t, 0, sizeof *t);
  if (!type || type->kind != SM_TYPE_TENSOR || !sm_dtype_from_type(type->shaped.elem, &dt))
    return false;
  for (unsigned i = 0; i < type->shaped.rank; i++)
    if (type->shaped.dims[i] == SM_DYNAMIC) return false;
  return sm_tensor_alloc(t, dt, type->shaped.rank, type->shaped.dims);
}

bool sm_tensor_from_attr(SmContext *ctx, SmLoc *loc, const SmAttr *a, SmTensor *out) {
  memset(out, 0, sizeof *out);
  if (!a || (a->kind != SM_ATTR_DENSE_ELEMENTS && a->kind != SM_ATTR_DENSE_RESOURCE))
    return sm_emit_error(ctx, loc, "constant value must be dense or dense_resource elements");
  SmType *type = a->kind == SM_ATTR_DENSE_ELEMENTS ? a->dense.type : a->resource.type;
  if (!sm_tensor_alloc_for_type(out, type))
    return sm_emit_error(ctx, loc, "unsupported constant type (need a static tensor of f32, "
                                   "f64, i64, i32, i8, ui8 or i1)");
  size_t nbytes = sm_tensor_nbytes(out), esz = sm_dtype_size(out->dtype);
  if (a->kind == SM_ATTR_DENSE_RESOURCE) {
    size_t size = 0;
    uint32_t align = 0;
    const void *blob = sm_context_get_resource(ctx, a->resource.name, &size, &align);
    if (!blob) {
      sm_tensor_free(out);
      return sm_emit_error(ctx, loc, "unknown resource '%s'", a->resource.name);
    }
    if (size != nbytes) {
      sm_tensor_free(out);
      return sm_emit_error(ctx, loc, "resource '%s' has %zu bytes, expected %zu",
                           a->resource.name, size, nbytes);
    }
    if (nbytes) memcpy(out->data, blob, nbytes);
    return true;
  }
  if (a->dense.splat) {
    if (a->dense.size < esz) {
      sm_tensor_free(out);
      return sm_emit_error(ctx, loc, "malformed splat constant");
    }
    int64_t n = sm_tensor_numel(out);
    for (int64_t i = 0; i < n; i++) memcpy((char *)out->data + i * esz, a->dense.data, esz);
    return true;
  }
  if (a->dense.size != nbytes) {
    sm_tensor_free(out);
    return sm_emit_error(ctx, loc, "dense constant has %zu bytes, expected %zu", a->dense.size,
                         nbytes);
  }
  if (nbytes) memcpy(out->data, a->dense.data, nbytes); /* an empty constant has no data pointer */
  return true;
}
