/* Builtin attributes, hash-consed in the context, plus dictionary and
 * dense-element accessors. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"
#include "ir/float_formats.h"
#include "ir/fp16.h"

/* The data of an empty dense array: never NULL, so that memcpy / memcmp of
 * count * size bytes (0) is defined wherever the data is copied or compared. */
static const int64_t sm_no_dense_data[1];

/* ---- Uniquing ---------------------------------------------------------------- */

static uint64_t hash_dict_entries(uint64_t h, const SmNamedAttr *e, unsigned n) {
  for (unsigned i = 0; i < n; i++) h = sm_hash_ptr(sm_hash_ptr(h, e[i].name), e[i].value);
  return h;
}

static uint32_t attr_hash(const SmAttr *a) {
  uint64_t h = sm_hash_mix(0xa77u, (uint64_t)a->kind);
  switch (a->kind) {
  case SM_ATTR_BOOL: h = sm_hash_mix(h, a->boolean); break;
  case SM_ATTR_INTEGER:
    h = sm_hash_ptr(sm_hash_mix(h, (uint64_t)a->integer.value), a->integer.type);
    break;
  case SM_ATTR_FLOAT: {
    uint64_t bits = a->fp.bits;
    h = sm_hash_ptr(sm_hash_mix(h, bits), a->fp.type);
    break;
  }
  case SM_ATTR_STRING: h = sm_hash_ptr(sm_hash_bytes(h, a->string.data, a->string.len), a->string.type); break;
  case SM_ATTR_TYPE: h = sm_hash_ptr(h, a->type); break;
  case SM_ATTR_ARRAY: h = sm_hash_bytes(h, a->array.elems, a->array.count * sizeof(SmAttr *)); break;
  case SM_ATTR_DENSE_ARRAY:
    h = sm_hash_ptr(sm_hash_mix(h, a->dense_array.count), a->dense_array.elem);
    h = sm_hash_bytes(h, a->dense_array.data,
                      a->dense_array.count * sm_dense_elem_size(a->dense_array.elem));
    break;
  case SM_ATTR_DICTIONARY:
    h = hash_dict_entries(sm_hash_mix(h, a->dict.count), a->dict.entries, a->dict.count);
    break;
  case SM_ATTR_SYMBOL_REF:
    h = sm_hash_ptr(h, a->symref.root);
    h = sm_hash_bytes(h, a->symref.nested, a->symref.num_nested * sizeof(char *));
    break;
  case SM_ATTR_DENSE_ELEMENTS:
    h = sm_hash_ptr(sm_hash_mix(h, a->dense.splat), a->dense.type);
    h = sm_hash_bytes(h, a->dense.data, a->dense.size);
    break;
  case SM_ATTR_DENSE_RESOURCE:
    h = sm_hash_ptr(sm_hash_ptr(h, a->resource.name), a->resource.type);
    break;
  case SM_ATTR_AFFINE_MAP: h = sm_hash_ptr(h, a->map); break;
  case SM_ATTR_INTEGER_SET: h = sm_hash_ptr(h, a->set); break;
  case SM_ATTR_SPARSE:
    h = sm_hash_ptr(sm_hash_ptr(sm_hash_ptr(h, a->sparse.type), a->sparse.indices), a->sparse.values);
    break;
  case SM_ATTR_DENSE_STRING:
    h = sm_hash_ptr(sm_hash_mix(h, a->dense_string.splat), a->dense_string.type);
    h = sm_hash_bytes(h, a->dense_string.strings, a->dense_string.count * sizeof(SmAttr *));
    break;
  case SM_ATTR_OPAQUE:
    h = sm_hash_ptr(sm_hash_ptr(sm_hash_ptr(h, a->opaque.dialect), a->opaque.rest), a->opaque.type);
    break;
  case SM_ATTR_STRIDED:
    h = sm_hash_mix(h, (uint64_t)a->strided.offset);
    h = sm_hash_bytes(h, a->strided.strides, a->strided.rank * sizeof(int64_t));
    break;
  default: break;
  }
  return sm_hash_fold(h);
}

static bool mem_eq(const void *a, const void *b, size_t n) { return n == 0 || memcmp(a, b, n) == 0; }

static bool attr_eq(const void *obj, const void *key) {
  const SmAttr *a = obj, *b = key;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
  case SM_ATTR_BOOL: return a->boolean == b->boolean;
  case SM_ATTR_INTEGER:
    return a->integer.value == b->integer.value && a->integer.type == b->integer.type;
  case SM_ATTR_FLOAT:
    return a->fp.type == b->fp.type && a->fp.bits == b->fp.bits;
  case SM_ATTR_STRING:
    return a->string.len == b->string.len && a->string.type == b->string.type &&
           mem_eq(a->string.data, b->string.data, a->string.len);
  case SM_ATTR_TYPE: return a->type == b->type;
  case SM_ATTR_ARRAY:
    return a->array.count == b->array.count &&
           mem_eq(a->array.elems, b->array.elems, a->array.count * sizeof(SmAttr *));
  case SM_ATTR_DENSE_ARRAY:
    return a->dense_array.elem == b->dense_array.elem &&
           a->dense_array.count == b->dense_array.count &&
           mem_eq(a->dense_array.data, b->dense_array.data,
                  a->dense_array.count * sm_dense_elem_size(a->dense_array.elem));
  case SM_ATTR_DICTIONARY:
    return a->dict.count == b->dict.count &&
           mem_eq(a->dict.entries, b->dict.entries, a->dict.count * sizeof(SmNamedAttr));
  case SM_ATTR_SYMBOL_REF:
    return a->symref.root == b->symref.root && a->symref.num_nested == b->symref.num_nested &&
           mem_eq(a->symref.nested, b->symref.nested, a->symref.num_nested * sizeof(char *));
  case SM_ATTR_DENSE_ELEMENTS:
    return a->dense.type == b->dense.type && a->dense.splat == b->dense.splat &&
           a->dense.size == b->dense.size && mem_eq(a->dense.data, b->dense.data, a->dense.size);
  case SM_ATTR_DENSE_RESOURCE:
    return a->resource.name == b->resource.name && a->resource.type == b->resource.type;
  case SM_ATTR_AFFINE_MAP: return a->map == b->map;
  case SM_ATTR_INTEGER_SET: return a->set == b->set;
  case SM_ATTR_SPARSE:
    return a->sparse.type == b->sparse.type && a->sparse.indices == b->sparse.indices &&
           a->sparse.values == b->sparse.values;
  case SM_ATTR_DENSE_STRING:
    return a->dense_string.type == b->dense_string.type && a->dense_string.splat == b->dense_string.splat &&
           a->dense_string.count == b->dense_string.count &&
           mem_eq(a->dense_string.strings, b->dense_string.strings, a->dense_string.count * sizeof(SmAttr *));
  case SM_ATTR_OPAQUE:
    return a->opaque.dialect == b->opaque.dialect && a->opaque.rest == b->opaque.rest &&
           a->opaque.type == b->opaque.type;
  case SM_ATTR_STRIDED:
    return a->strided.offset == b->strided.offset && a->strided.rank == b->strided.rank &&
           mem_eq(a->strided.strides, b->strided.strides, a->strided.rank * sizeof(int64_t));
  default: return true;
  }
}

static SmAttr *unique(SmContext *ctx, const SmAttr *key) {
  uint32_t h = attr_hash(key), slot;
  SmAttr *a = sm_uniq_find(&ctx->attrs, h, attr_eq, key, &slot);
  if (a) return a;
  a = sm_context_alloc(ctx, sizeof *a);
  *a = *key;
  a->hash = h;
  switch (a->kind) {
  case SM_ATTR_STRING: {
    char *s = sm_context_alloc(ctx, key->string.len + 1);
    if (key->string.len) memcpy(s, key->string.data, key->string.len);
    s[key->string.len] = '\0';
    a->string.data = s;
    break;
  }
  case SM_ATTR_ARRAY:
    a->array.elems = sm_context_dup(ctx, key->array.elems, key->array.count * sizeof(SmAttr *));
    break;
  case SM_ATTR_DENSE_ARRAY:
    if (key->dense_array.count)
      a->dense_array.data = sm_context_dup(
          ctx, key->dense_array.data, key->dense_array.count * sm_dense_elem_size(key->dense_array.elem));
    break;
  case SM_ATTR_DICTIONARY:
    a->dict.entries = sm_context_dup(ctx, key->dict.entries, key->dict.count * sizeof(SmNamedAttr));
    break;
  case SM_ATTR_SYMBOL_REF:
    a->symref.nested = sm_context_dup(ctx, key->symref.nested, key->symref.num_nested * sizeof(char *));
    break;
  case SM_ATTR_DENSE_ELEMENTS:
    a->dense.data = sm_context_dup(ctx, key->dense.data, key->dense.size);
    break;
  case SM_ATTR_DENSE_STRING:
    a->dense_string.strings =
        sm_context_dup(ctx, key->dense_string.strings, key->dense_string.count * sizeof(SmAttr *));
    break;
  case SM_ATTR_STRIDED:
    a->strided.strides = sm_context_dup(ctx, key->strided.strides, key->strided.rank * sizeof(int64_t));
    break;
  default: break;
  }
  sm_uniq_insert(&ctx->attrs, slot, h, a);
  return a;
}

static SmAttr make(SmAttrKind kind) {
  SmAttr a;
  memset(&a, 0, sizeof a);
  a.kind = kind;
  return a;
}

/* ---- Constructors -------------------------------------------------------------- */

SmAttr *sm_attr_unit(SmContext *ctx) {
  if (!ctx->a_unit) {
    SmAttr k = make(SM_ATTR_UNIT);
    ctx->a_unit = unique(ctx, &k);
  }
  return ctx->a_unit;
}

SmAttr *sm_attr_bool(SmContext *ctx, bool value) {
  SmAttr **cache = value ? &ctx->a_true : &ctx->a_false;
  if (!*cache) {
    SmAttr k = make(SM_ATTR_BOOL);
    k.boolean = value;
    *cache = unique(ctx, &k);
  }
  return *cache;
}

/* value adjusted to what the type can hold, in the SmAttr convention. */
static int64_t fit_integer(const SmType *type, int64_t value) {
  if (!type || type->kind != SM_TYPE_INTEGER) return value;
  unsigned w = type->integer.width;
  if (w == 0 || w >= 64) return value;
  uint64_t mask = (1ull << w) - 1u, u = (uint64_t)value & mask;
  if (type->integer.sign == SM_UNSIGNED || (w == 1 && type->integer.sign == SM_SIGNLESS))
    return (int64_t)u;
  if (u >> (w - 1)) u |= ~mask; /* sign-extend */
  return (int64_t)u;
}

SmAttr *sm_attr_integer(SmContext *ctx, SmType *type, int64_t value) {
  SmAttr k = make(SM_ATTR_INTEGER);
  k.integer.value = fit_integer(type, value);
  k.integer.type = type;
  return unique(ctx, &k);
}

/* double -> float -> half rounds correctly: float has more than 2p+2 bits. */
SmAttr *sm_attr_float(SmContext *ctx, SmType *type, double value) {
  if (!sm_type_is_float(type)) {
    SmAttr k = make(SM_ATTR_FLOAT);
    k.fp.value = value;
    k.fp.type = type;
    memcpy(&k.fp.bits, &value, sizeof value);
    return unique(ctx, &k);
  }
  return sm_attr_float_bits(ctx, type, sm_float_encode(type, value));
}

SmAttr *sm_attr_float_bits(SmContext *ctx, SmType *type, uint64_t bits) {
  SmAttr k = make(SM_ATTR_FLOAT);
  k.fp.type = type;
  k.fp.bits = bits;
  k.fp.value = sm_float_decode(type, bits);
  return unique(ctx, &k);
}

SmAttr *sm_attr_dense_string(SmContext *ctx, SmType *type, bool splat, unsigned count,
                             SmAttr *const *strings) {
  /* All equal: a splat, as MLIR stores it. */
  bool same = count > 0;
  for (unsigned i = 1; same && i < count; i++) same = strings[i] == strings[0];
  if (same && count > 1) {
    splat = true;
    count = 1;
  }
  SmAttr k = make(SM_ATTR_DENSE_STRING);
  k.dense_string.type = type;
  k.dense_string.splat = splat && count == 1 && sm_type_num_elements(type) != 1;
  k.dense_string.count = count;
  k.dense_string.strings = count ? strings : NULL;
  return unique(ctx, &k);
}

SmAttr *sm_attr_sparse(SmContext *ctx, SmType *type, SmAttr *indices, SmAttr *values) {
  SmAttr k = make(SM_ATTR_SPARSE);
  k.sparse.type = type;
  k.sparse.indices = indices;
  k.sparse.values = values;
  return unique(ctx, &k);
}

SmAttr *sm_attr_integer_set(SmContext *ctx, SmIntegerSet *set) {
  SmAttr k = make(SM_ATTR_INTEGER_SET);
  k.set = set;
  return unique(ctx, &k);
}

SmAttr *sm_attr_distinct(SmContext *ctx, SmAttr *referenced) {
  /* Not hash-consed: each one is its own object. */
  SmAttr *a = sm_context_alloc(ctx, sizeof *a);
  memset(a, 0, sizeof *a);
  a->kind = SM_ATTR_DISTINCT;
  a->distinct.referenced = referenced ? referenced : sm_attr_unit(ctx);
  a->distinct.id = ctx->num_distinct++;
  a->hash = sm_hash_fold(sm_hash_mix(0xd157u, a->distinct.id));
  return a;
}

SmAttr *sm_attr_strided(SmContext *ctx, unsigned rank, const int64_t *strides, int64_t offset) {
  SmAttr k = make(SM_ATTR_STRIDED);
  k.strided.rank = rank;
  k.strided.strides = rank ? strides : NULL;
  k.strided.offset = offset;
  return unique(ctx, &k);
}

SmAttr *sm_attr_string(SmContext *ctx, const char *data, size_t len) {
  SmAttr k = make(SM_ATTR_STRING);
  k.string.data = len ? data : "";
  k.string.len = len;
  return unique(ctx, &k);
}

SmAttr *sm_attr_string_typed(SmContext *ctx, const char *data, size_t len, SmType *type) {
  SmAttr k = make(SM_ATTR_STRING);
  k.string.data = len ? data : "";
  k.string.len = len;
  k.string.type = type && type->kind != SM_TYPE_NONE ? type : NULL;
  return unique(ctx, &k);
}

SmAttr *sm_attr_type(SmContext *ctx, SmType *type) {
  SmAttr k = make(SM_ATTR_TYPE);
  k.type = type;
  return unique(ctx, &k);
}

SmAttr *sm_attr_array(SmContext *ctx, unsigned count, SmAttr *const *elems) {
  SmAttr k = make(SM_ATTR_ARRAY);
  k.array.count = count;
  k.array.elems = count ? elems : NULL;
  return unique(ctx, &k);
}

SmAttr *sm_attr_dense_array(SmContext *ctx, SmType *elem, unsigned count, const void *data) {
  SmAttr k = make(SM_ATTR_DENSE_ARRAY);
  k.dense_array.elem = elem;
  k.dense_array.count = count;
  k.dense_array.data = count ? data : sm_no_dense_data;
  return unique(ctx, &k);
}

SmAttr *sm_attr_dense_array_i64(SmContext *ctx, unsigned count, const int64_t *values) {
  return sm_attr_dense_array(ctx, sm_type_integer(ctx, 64, SM_SIGNLESS), count, values);
}

typedef struct DictItem {
  SmNamedAttr e;
  unsigned order;
} DictItem;

static int dict_item_cmp(const void *pa, const void *pb) {
  const DictItem *a = pa, *b = pb;
  int c = a->e.name == b->e.name ? 0 : strcmp(a->e.name, b->e.name);
  if (c) return c;
  return a->order < b->order ? -1 : a->order > b->order;
}

static SmAttr *make_dict(SmContext *ctx, unsigned count, const SmNamedAttr *entries,
                         bool interned) {
  DictItem small[16];
  DictItem *items = count <= 16 ? small : malloc(count * sizeof *items);
  if (!items) abort();
  bool sorted = true;
  for (unsigned i = 0; i < count; i++) {
    items[i].e.name = interned ? entries[i].name : sm_intern_cstr(ctx, entries[i].name);
    items[i].e.value = entries[i].value;
    items[i].order = i;
    if (i && strcmp(items[i - 1].e.name, items[i].e.name) >= 0) sorted = false;
  }
  if (!sorted) qsort(items, count, sizeof *items, dict_item_cmp);
  /* Of equal names (adjacent after sorting) the last written wins. */
  SmNamedAttr small_out[16];
  SmNamedAttr *out = count <= 16 ? small_out : malloc(count * sizeof *out);
  if (!out) abort();
  unsigned n = 0;
  for (unsigned i = 0; i < count; i++) {
    if (i + 1 < count && items[i + 1].e.name == items[i].e.name) continue;
    if (items[i].e.name == ctx->s_sym_name) ctx->any_sym_name_dict = true;
    out[n++] = items[i].e;
  }
  SmAttr k = make(SM_ATTR_DICTIONARY);
  k.dict.count = n;
  k.dict.entries = n ? out : NULL;
  SmAttr *a = unique(ctx, &k);
  if (items != small) free(items);
  if (out != small_out) free(out);
  return a;
}

SmAttr *sm_attr_dict(SmContext *ctx, unsigned count, const SmNamedAttr *entries) {
  return make_dict(ctx, count, entries, false);
}

SmAttr *sm_impl_dict_interned(SmContext *ctx, unsigned count, const SmNamedAttr *entries) {
  return make_dict(ctx, count, entries, true);
}

SmAttr *sm_attr_symbol_ref(SmContext *ctx, const char *root, unsigned num_nested,
                           const char *const *nested) {
  const char *small[8];
  const char **names = num_nested <= 8 ? small : malloc(num_nested * sizeof *names);
  if (!names) abort();
  for (unsigned i = 0; i < num_nested; i++) names[i] = sm_intern_cstr(ctx, nested[i]);
  SmAttr k = make(SM_ATTR_SYMBOL_REF);
  k.symref.root = sm_intern_cstr(ctx, root);
  k.symref.num_nested = num_nested;
  k.symref.nested = num_nested ? names : NULL;
  SmAttr *a = unique(ctx, &k);
  if (names != small) free(names);
  return a;
}

SmAttr *sm_attr_dense(SmContext *ctx, SmType *type, bool splat, const void *data, size_t size) {
  SmAttr k = make(SM_ATTR_DENSE_ELEMENTS);
  k.dense.type = type;
  k.dense.splat = splat;
  k.dense.size = size;
  k.dense.data = size ? data : NULL;
  return unique(ctx, &k);
}

SmAttr *sm_attr_dense_resource(SmContext *ctx, const char *name, SmType *type) {
  SmAttr k = make(SM_ATTR_DENSE_RESOURCE);
  k.resource.name = sm_intern_cstr(ctx, name);
  k.resource.type = type;
  return unique(ctx, &k);
}

SmAttr *sm_attr_affine_map(SmContext *ctx, SmAffineMap *map) {
  SmAttr k = make(SM_ATTR_AFFINE_MAP);
  k.map = map;
  return unique(ctx, &k);
}

SmAttr *sm_attr_opaque_typed(SmContext *ctx, const char *dialect, const char *rest, SmType *type) {
  SmAttr k = make(SM_ATTR_OPAQUE);
  k.opaque.dialect = sm_intern_cstr(ctx, dialect);
  k.opaque.rest = sm_intern_cstr(ctx, rest);
  k.opaque.type = type;
  return unique(ctx, &k);
}

SmAttr *sm_attr_opaque(SmContext *ctx, const char *dialect, const char *rest) {
  return sm_attr_opaque_typed(ctx, dialect, rest, NULL);
}

/* ---- Dictionaries ------------------------------------------------------------- */

/* Index of name in dict, or -(insertion point)-1. */
static long dict_find(const SmAttr *dict, const char *name) {
  long lo = 0, hi = (long)dict->dict.count - 1;
  while (lo <= hi) {
    long mid = lo + (hi - lo) / 2;
    const char *n = dict->dict.entries[mid].name;
    int c = n == name ? 0 : strcmp(n, name);
    if (c == 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

SmAttr *sm_dict_get(const SmAttr *dict, const char *name) {
  if (!dict || dict->kind != SM_ATTR_DICTIONARY) return NULL;
  long i = dict_find(dict, name);
  return i >= 0 ? dict->dict.entries[i].value : NULL;
}

SmAttr *sm_dict_set(SmContext *ctx, const SmAttr *dict, const char *name, SmAttr *value) {
  unsigned n = dict && dict->kind == SM_ATTR_DICTIONARY ? dict->dict.count : 0;
  long pos = n ? dict_find(dict, name) : -1;
  if (pos >= 0 && dict->dict.entries[pos].value == value) return (SmAttr *)dict;
  if (pos < 0 && !value) return n ? (SmAttr *)dict : sm_attr_dict(ctx, 0, NULL);
  SmNamedAttr small[16];
  SmNamedAttr *e = n + 1 <= 16 ? small : malloc((n + 1) * sizeof *e);
  if (!e) abort();
  unsigned m = 0;
  const char *iname = sm_intern_cstr(ctx, name);
  if (pos >= 0) {
    for (unsigned i = 0; i < n; i++) {
      if ((long)i == pos) {
        if (value) e[m++] = (SmNamedAttr){iname, value};
      } else {
        e[m++] = dict->dict.entries[i];
      }
    }
  } else {
    unsigned ins = (unsigned)(-pos - 1);
    for (unsigned i = 0; i < ins; i++) e[m++] = dict->dict.entries[i];
    e[m++] = (SmNamedAttr){iname, value};
    for (unsigned i = ins; i < n; i++) e[m++] = dict->dict.entries[i];
  }
  SmAttr *r = sm_attr_dict(ctx, m, e);
  if (e != small) free(e);
  return r;
}

/* ---- Dense elements ---------------------------------------------------------------- */

size_t sm_dense_elem_size(const SmType *elem) {
  if (!elem) return 0;
  switch (elem->kind) {
  case SM_TYPE_INTEGER: return elem->integer.width <= 1 ? 1 : (elem->integer.width + 7) / 8;
  case SM_TYPE_INDEX: return 8;
  case SM_TYPE_F16:
  case SM_TYPE_BF16: return 2;
  case SM_TYPE_F32: return 4;
  case SM_TYPE_F64: return 8;
  case SM_TYPE_FLOAT_EXT: return (sm_float_held_bits(elem) + 7) / 8;
  case SM_TYPE_COMPLEX: return 2 * sm_dense_elem_size(elem->complex.elem);
  default: return 0;
  }
}

int64_t sm_attr_dense_num_elements(const SmAttr *a) {
  if (!a) return 0;
  switch (a->kind) {
  case SM_ATTR_DENSE_ELEMENTS: return sm_type_num_elements(a->dense.type);
  case SM_ATTR_DENSE_RESOURCE: return sm_type_num_elements(a->resource.type);
  case SM_ATTR_DENSE_ARRAY: return a->dense_array.count;
  default: return 0;
  }
}

/* Reads element i of packed little-endian data as an integer of type elem. */
static int64_t read_int(const SmType *elem, const unsigned char *p) {
  size_t sz = sm_dense_elem_size(elem);
  uint64_t u = 0;
  for (size_t b = 0; b < sz && b < 8; b++) u |= (uint64_t)p[b] << (8 * b);
  if (elem->kind != SM_TYPE_INTEGER) return (int64_t)u;
  unsigned w = elem->integer.width;
  if (w <= 1) return (int64_t)(u & 1u); /* i1 stored as a byte */
  if (w >= 64) return (int64_t)u;
  uint64_t mask = (1ull << w) - 1u;
  u &= mask;
  if (elem->integer.sign != SM_UNSIGNED && (u >> (w - 1))) u |= ~mask;
  return (int64_t)u;
}

static double read_float(const SmType *elem, const unsigned char *p) {
  switch (elem->kind) {
  case SM_TYPE_F16: return sm_f16_bits_to_f32((uint16_t)(p[0] | (p[1] << 8)));
  case SM_TYPE_BF16: return sm_bf16_bits_to_f32((uint16_t)(p[0] | (p[1] << 8)));
  case SM_TYPE_F32: {
    uint32_t u = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return sm_f32_from_bits(u);
  }
  case SM_TYPE_F64: {
    uint64_t u = 0;
    double d;
    for (int b = 0; b < 8; b++) u |= (uint64_t)p[b] << (8 * b);
    memcpy(&d, &u, sizeof d);
    return d;
  }
  case SM_TYPE_FLOAT_EXT: {
    uint64_t u = 0;
    size_t n = sm_dense_elem_size(elem);
    for (size_t b = 0; b < n; b++) u |= (uint64_t)p[b] << (8 * b);
    return sm_float_decode(elem, u);
  }
  case SM_TYPE_INTEGER:
    if (elem->integer.sign == SM_UNSIGNED) return (double)(uint64_t)read_int(elem, p);
    return (double)read_int(elem, p);
  case SM_TYPE_INDEX: return (double)read_int(elem, p);
  default: return 0.0;
  }
}

/* Address of element index, or NULL when out of range. */
static const unsigned char *dense_elem(const SmAttr *a, int64_t index, const SmType **elem) {
  if (!a || index < 0) return NULL;
  if (a->kind == SM_ATTR_DENSE_ARRAY) {
    *elem = a->dense_array.elem;
    if ((uint64_t)index >= a->dense_array.count) return NULL;
    return (const unsigned char *)a->dense_array.data + (size_t)index * sm_dense_elem_size(*elem);
  }
  if (a->kind != SM_ATTR_DENSE_ELEMENTS) return NULL;
  *elem = sm_type_element(a->dense.type);
  size_t sz = sm_dense_elem_size(*elem);
  if (sz == 0) return NULL;
  size_t off = a->dense.splat ? 0 : (size_t)index * sz;
  if (off + sz > a->dense.size) return NULL;
  return (const unsigned char *)a->dense.data + off;
}

double sm_attr_dense_get_f64(const SmAttr *a, int64_t index) {
  const SmType *elem = NULL;
  const unsigned char *p = dense_elem(a, index, &elem);
  return p ? read_float(elem, p) : 0.0;
}

int64_t sm_attr_dense_get_i64(const SmAttr *a, int64_t index) {
  const SmType *elem = NULL;
  const unsigned char *p = dense_elem(a, index, &elem);
  if (!p) return 0;
  if (sm_type_is_float(elem)) {
    double d = read_float(elem, p);
    /* Saturate: converting an out-of-range double is UB. */
    if (!(d == d)) return 0;
    if (d >= 9223372036854775807.0) return INT64_MAX;
    if (d <= -9223372036854775808.0) return INT64_MIN;
    return (int64_t)d;
  }
  return read_int(elem, p);
}

double sm_attr_dense_array_get_f64(const SmAttr *a, unsigned index) {
  if (!a || a->kind != SM_ATTR_DENSE_ARRAY) return 0.0;
  return sm_attr_dense_get_f64(a, index);
}

int64_t sm_attr_dense_array_get_i64(const SmAttr *a, unsigned index) {
  if (!a || a->kind != SM_ATTR_DENSE_ARRAY) return 0;
  return sm_attr_dense_get_i64(a, index);
}
