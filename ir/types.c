/* Builtin types, hash-consed in the context: equal content, same pointer. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"
#include "ir/float_formats.h"

/* The dims of a rank-0 shaped type: never NULL, so that memcpy / memcmp of
 * rank * 8 bytes (0) is defined wherever dims are copied or compared. */
static const int64_t sm_no_dims[1];

static uint32_t type_hash(const SmType *t) {
  uint64_t h = sm_hash_mix(0x7e5u, (uint64_t)t->kind);
  switch (t->kind) {
  case SM_TYPE_INTEGER:
    h = sm_hash_mix(h, ((uint64_t)t->integer.width << 8) | (uint64_t)t->integer.sign);
    break;
  case SM_TYPE_TENSOR:
  case SM_TYPE_VECTOR:
  case SM_TYPE_MEMREF:
    h = sm_hash_bytes(h, t->shaped.dims, t->shaped.rank * sizeof(int64_t));
    h = sm_hash_ptr(h, t->shaped.encoding);
    if (t->shaped.scalable) h = sm_hash_bytes(h, t->shaped.scalable, t->shaped.rank);
    /* fallthrough */
  case SM_TYPE_UNRANKED_TENSOR:
  case SM_TYPE_UNRANKED_MEMREF:
    h = sm_hash_ptr(sm_hash_ptr(h, t->shaped.elem), t->shaped.memory_space);
    break;
  case SM_TYPE_FLOAT_EXT:
    h = sm_hash_mix(h, (uint64_t)t->fp.format);
    break;
  case SM_TYPE_FUNCTION:
    h = sm_hash_mix(h, t->func.num_inputs);
    h = sm_hash_bytes(h, t->func.inputs, t->func.num_inputs * sizeof(SmType *));
    h = sm_hash_bytes(h, t->func.results, t->func.num_results * sizeof(SmType *));
    break;
  case SM_TYPE_TUPLE:
    h = sm_hash_bytes(h, t->tuple.types, t->tuple.count * sizeof(SmType *));
    break;
  case SM_TYPE_COMPLEX:
    h = sm_hash_ptr(h, t->complex.elem);
    break;
  case SM_TYPE_OPAQUE:
    h = sm_hash_ptr(sm_hash_ptr(h, t->opaque.dialect), t->opaque.rest);
    break;
  default:
    break;
  }
  return sm_hash_fold(h);
}

static bool same_ptrs(SmType *const *a, SmType *const *b, unsigned n) {
  return n == 0 || memcmp(a, b, n * sizeof(SmType *)) == 0;
}

static bool type_eq(const void *obj, const void *key) {
  const SmType *a = obj, *b = key;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
  case SM_TYPE_INTEGER:
    return a->integer.width == b->integer.width && a->integer.sign == b->integer.sign;
  case SM_TYPE_TENSOR:
  case SM_TYPE_VECTOR:
  case SM_TYPE_MEMREF:
    return a->shaped.rank == b->shaped.rank && a->shaped.elem == b->shaped.elem &&
           a->shaped.encoding == b->shaped.encoding &&
           a->shaped.memory_space == b->shaped.memory_space &&
           (a->shaped.rank == 0 ||
            memcmp(a->shaped.dims, b->shaped.dims, a->shaped.rank * sizeof(int64_t)) == 0) &&
           (!a->shaped.scalable) == (!b->shaped.scalable) &&
           (!a->shaped.scalable || memcmp(a->shaped.scalable, b->shaped.scalable, a->shaped.rank) == 0);
  case SM_TYPE_UNRANKED_TENSOR:
  case SM_TYPE_UNRANKED_MEMREF:
    return a->shaped.elem == b->shaped.elem && a->shaped.memory_space == b->shaped.memory_space;
  case SM_TYPE_FLOAT_EXT:
    return a->fp.format == b->fp.format;
  case SM_TYPE_FUNCTION:
    return a->func.num_inputs == b->func.num_inputs &&
           a->func.num_results == b->func.num_results &&
           same_ptrs(a->func.inputs, b->func.inputs, a->func.num_inputs) &&
           same_ptrs(a->func.results, b->func.results, a->func.num_results);
  case SM_TYPE_TUPLE:
    return a->tuple.count == b->tuple.count &&
           same_ptrs(a->tuple.types, b->tuple.types, a->tuple.count);
  case SM_TYPE_COMPLEX:
    return a->complex.elem == b->complex.elem;
  case SM_TYPE_OPAQUE:
    return a->opaque.dialect == b->opaque.dialect && a->opaque.rest == b->opaque.rest;
  default:
    return true;
  }
}

/* Finds or inserts key; arrays referenced by key are copied into the arena. */
static SmType *unique(SmContext *ctx, SmType *key) {
  uint32_t h = type_hash(key), slot;
  SmType *t = sm_uniq_find(&ctx->types, h, type_eq, key, &slot);
  if (t) return t;
  t = sm_context_alloc(ctx, sizeof *t);
  *t = *key;
  t->hash = h;
  switch (t->kind) {
  case SM_TYPE_TENSOR:
  case SM_TYPE_VECTOR:
  case SM_TYPE_MEMREF:
    if (key->shaped.rank) t->shaped.dims = sm_context_dup(ctx, key->shaped.dims, key->shaped.rank * sizeof(int64_t));
    if (key->shaped.scalable)
      t->shaped.scalable = sm_context_dup(ctx, key->shaped.scalable, key->shaped.rank);
    break;
  case SM_TYPE_FUNCTION:
    t->func.inputs = sm_context_dup(ctx, key->func.inputs, key->func.num_inputs * sizeof(SmType *));
    t->func.results =
        sm_context_dup(ctx, key->func.results, key->func.num_results * sizeof(SmType *));
    break;
  case SM_TYPE_TUPLE:
    t->tuple.types = sm_context_dup(ctx, key->tuple.types, key->tuple.count * sizeof(SmType *));
    break;
  default:
    break;
  }
  sm_uniq_insert(&ctx->types, slot, h, t);
  return t;
}

static SmType *simple(SmContext *ctx, SmType **cache, SmTypeKind kind) {
  if (!*cache) {
    SmType key;
    memset(&key, 0, sizeof key);
    key.kind = kind;
    *cache = unique(ctx, &key);
  }
  return *cache;
}

SmType *sm_type_integer(SmContext *ctx, unsigned width, SmSignedness sign) {
  if (width <= 64 && (unsigned)sign <= 2 && ctx->t_int[width][sign])
    return ctx->t_int[width][sign];
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = SM_TYPE_INTEGER;
  key.integer.width = width;
  key.integer.sign = sign;
  SmType *t = unique(ctx, &key);
  if (width <= 64 && (unsigned)sign <= 2) ctx->t_int[width][sign] = t;
  return t;
}

SmType *sm_type_index(SmContext *ctx) { return simple(ctx, &ctx->t_index, SM_TYPE_INDEX); }
SmType *sm_type_f16(SmContext *ctx) { return simple(ctx, &ctx->t_f16, SM_TYPE_F16); }
SmType *sm_type_bf16(SmContext *ctx) { return simple(ctx, &ctx->t_bf16, SM_TYPE_BF16); }
SmType *sm_type_f32(SmContext *ctx) { return simple(ctx, &ctx->t_f32, SM_TYPE_F32); }
SmType *sm_type_f64(SmContext *ctx) { return simple(ctx, &ctx->t_f64, SM_TYPE_F64); }
SmType *sm_type_none(SmContext *ctx) { return simple(ctx, &ctx->t_none, SM_TYPE_NONE); }

static SmType *shaped(SmContext *ctx, SmTypeKind kind, unsigned rank, const int64_t *dims,
                      SmType *elem, SmAttr *encoding) {
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = kind;
  key.shaped.rank = rank;
  key.shaped.dims = rank ? dims : sm_no_dims;
  key.shaped.elem = elem;
  key.shaped.encoding = encoding;
  return unique(ctx, &key);
}

SmType *sm_type_tensor(SmContext *ctx, unsigned rank, const int64_t *dims, SmType *elem,
                       SmAttr *encoding) {
  return shaped(ctx, SM_TYPE_TENSOR, rank, dims, elem, encoding);
}

SmType *sm_type_unranked_tensor(SmContext *ctx, SmType *elem) {
  return shaped(ctx, SM_TYPE_UNRANKED_TENSOR, 0, NULL, elem, NULL);
}

SmType *sm_type_vector(SmContext *ctx, unsigned rank, const int64_t *dims, SmType *elem) {
  return shaped(ctx, SM_TYPE_VECTOR, rank, dims, elem, NULL);
}

SmType *sm_type_vector_scalable(SmContext *ctx, unsigned rank, const int64_t *dims,
                                const uint8_t *scalable, SmType *elem) {
  bool any = false;
  for (unsigned i = 0; scalable && i < rank; i++) any |= scalable[i] != 0;
  if (!any) return sm_type_vector(ctx, rank, dims, elem);
  uint8_t flags[64], *f = rank <= 64 ? flags : malloc(rank);
  for (unsigned i = 0; i < rank; i++) f[i] = scalable[i] != 0;
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = SM_TYPE_VECTOR;
  key.shaped.rank = rank;
  key.shaped.dims = dims;
  key.shaped.elem = elem;
  key.shaped.scalable = f;
  SmType *t = unique(ctx, &key);
  if (f != flags) free(f);
  return t;
}

/* MLIR drops the default memory space (integer 0) from memref types. */
static SmAttr *canonical_space(SmAttr *space) {
  if (space && space->kind == SM_ATTR_INTEGER && space->integer.value == 0) return NULL;
  return space;
}

SmType *sm_type_memref(SmContext *ctx, unsigned rank, const int64_t *dims, SmType *elem,
                       SmAttr *layout, SmAttr *memory_space) {
  if (layout && layout->kind == SM_ATTR_AFFINE_MAP && sm_affine_map_is_identity(layout->map))
    layout = NULL; /* identity layout: the same type as none, as in MLIR */
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = SM_TYPE_MEMREF;
  key.shaped.rank = rank;
  key.shaped.dims = rank ? dims : sm_no_dims;
  key.shaped.elem = elem;
  key.shaped.encoding = layout;
  key.shaped.memory_space = canonical_space(memory_space);
  return unique(ctx, &key);
}

SmType *sm_type_unranked_memref(SmContext *ctx, SmType *elem, SmAttr *memory_space) {
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = SM_TYPE_UNRANKED_MEMREF;
  key.shaped.elem = elem;
  key.shaped.memory_space = canonical_space(memory_space);
  return unique(ctx, &key);
}

SmType *sm_type_float_ext(SmContext *ctx, SmFloatFormat format) {
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = SM_TYPE_FLOAT_EXT;
  key.fp.format = format;
  return unique(ctx, &key);
}

SmType *sm_type_function(SmContext *ctx, unsigned num_inputs, SmType *const *inputs,
                         unsigned num_results, SmType *const *results) {
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = SM_TYPE_FUNCTION;
  key.func.num_inputs = num_inputs;
  key.func.num_results = num_results;
  key.func.inputs = num_inputs ? inputs : NULL;
  key.func.results = num_results ? results : NULL;
  return unique(ctx, &key);
}

SmType *sm_type_tuple(SmContext *ctx, unsigned count, SmType *const *types) {
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = SM_TYPE_TUPLE;
  key.tuple.count = count;
  key.tuple.types = count ? types : NULL;
  return unique(ctx, &key);
}

SmType *sm_type_complex(SmContext *ctx, SmType *elem) {
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = SM_TYPE_COMPLEX;
  key.complex.elem = elem;
  return unique(ctx, &key);
}

SmType *sm_type_opaque(SmContext *ctx, const char *dialect, const char *rest) {
  SmType key;
  memset(&key, 0, sizeof key);
  key.kind = SM_TYPE_OPAQUE;
  key.opaque.dialect = sm_intern_cstr(ctx, dialect);
  key.opaque.rest = sm_intern_cstr(ctx, rest);
  return unique(ctx, &key);
}

/* ---- Queries ---------------------------------------------------------------- */

bool sm_type_is_integer(const SmType *t) { return t && t->kind == SM_TYPE_INTEGER; }

bool sm_type_is_signless_int(const SmType *t, unsigned width) {
  return t && t->kind == SM_TYPE_INTEGER && t->integer.sign == SM_SIGNLESS &&
         (width == 0 || t->integer.width == width);
}

bool sm_type_is_int_or_index(const SmType *t) {
  return t && (t->kind == SM_TYPE_INTEGER || t->kind == SM_TYPE_INDEX);
}

bool sm_type_is_float(const SmType *t) {
  return t && (t->kind == SM_TYPE_F16 || t->kind == SM_TYPE_BF16 || t->kind == SM_TYPE_F32 ||
               t->kind == SM_TYPE_F64 || t->kind == SM_TYPE_FLOAT_EXT);
}

bool sm_type_is_memref(const SmType *t) {
  return t && (t->kind == SM_TYPE_MEMREF || t->kind == SM_TYPE_UNRANKED_MEMREF);
}

bool sm_type_is_native_scalar(const SmType *t) {
  if (!t) return false;
  switch (t->kind) {
  case SM_TYPE_INTEGER: return t->integer.width >= 1 && t->integer.width <= 64;
  case SM_TYPE_INDEX:
  case SM_TYPE_F16:
  case SM_TYPE_BF16:
  case SM_TYPE_F32:
  case SM_TYPE_F64: return true;
  default: return false;
  }
}

const char *sm_float_type_name(const SmType *t) {
  if (!t) return NULL;
  switch (t->kind) {
  case SM_TYPE_F16: return "f16";
  case SM_TYPE_BF16: return "bf16";
  case SM_TYPE_F32: return "f32";
  case SM_TYPE_F64: return "f64";
  case SM_TYPE_FLOAT_EXT: return sm_float_format_name(t->fp.format);
  default: return NULL;
  }
}

bool sm_type_is_shaped(const SmType *t) {
  return t && (t->kind == SM_TYPE_TENSOR || t->kind == SM_TYPE_UNRANKED_TENSOR ||
               t->kind == SM_TYPE_VECTOR);
}

unsigned sm_type_bitwidth(const SmType *t) {
  if (!t) return 0;
  switch (t->kind) {
  case SM_TYPE_INTEGER: return t->integer.width;
  case SM_TYPE_INDEX: return 64;
  case SM_TYPE_F16:
  case SM_TYPE_BF16: return 16;
  case SM_TYPE_F32: return 32;
  case SM_TYPE_F64: return 64;
  case SM_TYPE_FLOAT_EXT: return sm_float_format_width(t->fp.format);
  default: return 0;
  }
}

SmType *sm_type_element(SmType *t) { return sm_type_is_shaped(t) ? t->shaped.elem : t; }

int64_t sm_type_num_elements(const SmType *t) {
  if (!t || (t->kind != SM_TYPE_TENSOR && t->kind != SM_TYPE_VECTOR)) return -1;
  int64_t n = 1;
  for (unsigned i = 0; i < t->shaped.rank; i++) {
    int64_t d = t->shaped.dims[i];
    if (d < 0) return -1;
    if (d != 0 && n > INT64_MAX / d) return -1; /* absurd shapes: treat as unknown */
    n *= d;
  }
  return n;
}
