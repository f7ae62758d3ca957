/* TensorProto decoding (inline, typed and external data) and .pb files. */
#include "frontends/onnx/onnx_internal.h"
#include "frontends/onnx/tensor_pb.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool sm_onnx_dtype(int32_t t, SmDType *out) {
  switch (t) {
  case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: *out = SM_DT_F32; return true;
  case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE: *out = SM_DT_F64; return true;
  case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: *out = SM_DT_I64; return true;
  case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: *out = SM_DT_I32; return true;
  case ONNX__TENSOR_PROTO__DATA_TYPE__INT8: *out = SM_DT_I8; return true;
  case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8: *out = SM_DT_U8; return true;
  case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL: *out = SM_DT_BOOL; return true;
  /* f16 and bf16 values are all exact f32 values: widened at import, so
   * every backend computes them in f32 (decode() converts the data). */
  case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT16: *out = SM_DT_F32; return true;
  case ONNX__TENSOR_PROTO__DATA_TYPE__BFLOAT16: *out = SM_DT_F32; return true;
  default: return false;
  }
}

static float half_to_f32(uint16_t h) {
  uint32_t sign = (uint32_t)(h >> 15) << 31, exp = (h >> 10) & 0x1f, man = h & 0x3ff, bits;
  if (exp == 0x1f) {
    bits = sign | 0x7f800000u | (man << 13); /* inf, NaN */
  } else if (exp) {
    bits = sign | ((exp + 112) << 23) | (man << 13);
  } else if (!man) {
    bits = sign; /* +-0 */
  } else {
    /* subnormal: normalise */
    int e = -1;
    do {
      man <<= 1;
      e++;
    } while (!(man & 0x400));
    bits = sign | ((uint32_t)(112 - e) << 23) | ((man & 0x3ff) << 13);
  }
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

static float bf16_to_f32(uint16_t h) {
  uint32_t bits = (uint32_t)h << 16;
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

/* The 16-bit data of an f16/bf16 tensor (raw, external or int32_data)
 * converted into out, an allocated f32 tensor. */
static bool decode_16bit(const Onnx__TensorProto *tp, const char *base_dir, SmOnnxExtCache *cache,
                         SmTensor *out, char *err, size_t errlen);

int32_t sm_onnx_dtype_to_onnx(SmDType dt) {
  switch (dt) {
  case SM_DT_F32: return ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
  case SM_DT_F64: return ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE;
  case SM_DT_I64: return ONNX__TENSOR_PROTO__DATA_TYPE__INT64;
  case SM_DT_I32: return ONNX__TENSOR_PROTO__DATA_TYPE__INT32;
  case SM_DT_I8: return ONNX__TENSOR_PROTO__DATA_TYPE__INT8;
  case SM_DT_U8: return ONNX__TENSOR_PROTO__DATA_TYPE__UINT8;
  case SM_DT_BOOL: return ONNX__TENSOR_PROTO__DATA_TYPE__BOOL;
  }
  return 0;
}

void sm_onnx_ext_cache_free(SmOnnxExtCache *c) {
  if (!c) return;
  for (size_t i = 0; i < c->count; i++) {
    free(c->files[i].path);
    free(c->files[i].data);
  }
  free(c->files);
  memset(c, 0, sizeof *c);
}

/* One read of the size fstat reports when the file is regular; growing
 * reads otherwise (pipes) or when the file changed size meanwhile. */
bool sm_onnx_read_file(const char *path, unsigned char **data, size_t *size) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return false;
  struct stat st;
  size_t cap = 1 << 16;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 && (uintmax_t)st.st_size < SIZE_MAX)
    cap = (size_t)st.st_size + 1; /* + 1: a short read at cap - 1 proves EOF */
  unsigned char *buf = NULL;
  size_t len = 0;
  bool ok = true;
  for (;;) {
    if (!buf || len == cap) {
      size_t ncap = buf ? cap * 2 : cap;
      unsigned char *nb = ncap < cap ? NULL : realloc(buf, ncap);
      if (!nb) {
        ok = false;
        break;
      }
      buf = nb;
      cap = ncap;
    }
    ssize_t got = read(fd, buf + len, cap - len);
    if (got < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    if (got == 0) break;
    len += (size_t)got;
  }
  close(fd);
  if (!ok) {
    free(buf);
    return false;
  }
  *data = buf;
  *size = len;
  return true;
}

static const SmOnnxExtFile *ext_file(SmOnnxExtCache *c, const char *path) {
  for (size_t i = 0; i < c->count; i++)
    if (strcmp(c->files[i].path, path) == 0) return &c->files[i];
  if (c->count == c->cap) {
    size_t ncap = c->cap ? c->cap * 2 : 4;
    SmOnnxExtFile *nf = realloc(c->files, ncap * sizeof *nf);
    if (!nf) return NULL;
    c->files = nf;
    c->cap = ncap;
  }
  SmOnnxExtFile *f = &c->files[c->count];
  f->path = strdup(path);
  if (!f->path || !sm_onnx_read_file(path, &f->data, &f->size)) {
    free(f->path);
    return NULL;
  }
  c->count++;
  return f;
}

static bool parse_u64(const char *s, uint64_t *out) {
  if (!s || !*s) return false;
  uint64_t v = 0;
  for (; *s; s++) {
    if (*s < '0' || *s > '9' || v > (UINT64_MAX - 9) / 10) return false;
    v = v * 10 + (uint64_t)(*s - '0');
  }
  *out = v;
  return true;
}

/* The shape checks of sm_tensor_alloc without allocating the data. */
static bool tensor_shape(SmTensor *t, SmDType dt, unsigned rank, const int64_t *dims) {
  memset(t, 0, sizeof *t);
  if (rank > SM_TENSOR_MAX_RANK) return false;
  t->dtype = dt;
  t->rank = rank;
  int64_t n = 1;
  for (unsigned i = 0; i < rank; i++) {
    if (dims[i] < 0) return false;
    t->dims[i] = dims[i];
    if (dims[i] != 0 && n > (INT64_C(1) << 40) / dims[i]) return false; /* absurd size */
    n *= dims[i];
  }
  return true;
}

/* False for f16/bf16, whose stored elements are narrower than the f32 ones. */
static bool dt_bytes_match(const Onnx__TensorProto *tp) {
  return tp->data_type != ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT16 &&
         tp->data_type != ONNX__TENSOR_PROTO__DATA_TYPE__BFLOAT16;
}

static bool decode(Onnx__TensorProto *mut, SmOnnxArena *arena, const Onnx__TensorProto *tp,
                   const char *base_dir, SmOnnxExtCache *cache, SmTensor *out, char *err,
                   size_t errlen) {
  memset(out, 0, sizeof *out);
  SmDType dt;
  if (!sm_onnx_dtype(tp->data_type, &dt)) {
    snprintf(err, errlen, "unsupported data type %d", (int)tp->data_type);
    return false;
  }
  if (tp->n_dims > SM_TENSOR_MAX_RANK) {
    snprintf(err, errlen, "rank %zu is too large", tp->n_dims);
    return false;
  }
  if (tp->segment) {
    snprintf(err, errlen, "segmented tensors are not supported");
    return false;
  }
  SmTensor shape;
  if (!tensor_shape(&shape, dt, (unsigned)tp->n_dims, tp->dims)) {
    snprintf(err, errlen, "invalid or too large shape");
    return false;
  }
  size_t nbytes = sm_tensor_nbytes(&shape);
  /* raw_data of the right size is adopted rather than copied when it is a
   * block of its own: weights are most of a model file. */
  if (mut && tp->has_raw_data && tp->raw_data.len == nbytes && nbytes && dt_bytes_match(tp) &&
      !(tp->has_data_location && tp->data_location == ONNX__TENSOR_PROTO__DATA_LOCATION__EXTERNAL) &&
      sm_onnx_arena_adopt(arena, mut->raw_data.data)) {
    *out = shape;
    out->data = mut->raw_data.data;
    mut->raw_data.data = NULL;
    mut->raw_data.len = 0;
    return true;
  }
  if (!sm_tensor_alloc(out, dt, (unsigned)tp->n_dims, tp->dims)) {
    snprintf(err, errlen, "invalid or too large shape");
    return false;
  }
  if (tp->data_type == ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT16 ||
      tp->data_type == ONNX__TENSOR_PROTO__DATA_TYPE__BFLOAT16) {
    if (decode_16bit(tp, base_dir, cache, out, err, errlen)) return true;
    goto fail;
  }
  int64_t n = sm_tensor_numel(out);
  if (tp->has_data_location && tp->data_location == ONNX__TENSOR_PROTO__DATA_LOCATION__EXTERNAL) {
    const char *loc = NULL;
    uint64_t off = 0, len = nbytes;
    bool has_len = false;
    for (size_t i = 0; i < tp->n_external_data; i++) {
      const Onnx__StringStringEntryProto *e = tp->external_data[i];
      if (!e->key || !e->value) continue;
      if (strcmp(e->key, "location") == 0) loc = e->value;
      else if (strcmp(e->key, "offset") == 0 && !parse_u64(e->value, &off)) loc = NULL, off = UINT64_MAX;
      else if (strcmp(e->key, "length") == 0) has_len = parse_u64(e->value, &len);
    }
    if (!loc || off == UINT64_MAX || !base_dir || !cache || strstr(loc, "..") || loc[0] == '/') {
      snprintf(err, errlen, "invalid external data reference");
      goto fail;
    }
    if (has_len && len != nbytes) {
      snprintf(err, errlen, "external data has %llu bytes, expected %zu", (unsigned long long)len, nbytes);
      goto fail;
    }
    size_t plen = strlen(base_dir) + strlen(loc) + 2;
    char *path = malloc(plen);
    if (!path) {
      snprintf(err, errlen, "out of memory");
      goto fail;
    }
    snprintf(path, plen, "%s/%s", base_dir, loc);
    const SmOnnxExtFile *f = ext_file(cache, path);
    if (!f) {
      snprintf(err, errlen, "cannot read external data file '%s'", path);
      free(path);
      goto fail;
    }
    free(path);
    if (off > f->size || f->size - off < nbytes) {
      snprintf(err, errlen, "external data at offset %llu runs past the end of '%s'",
               (unsigned long long)off, loc);
      goto fail;
    }
    if (nbytes) memcpy(out->data, f->data + off, nbytes); /* empty tensors have no data */
    return true;
  }
  if (tp->has_raw_data) {
    if (tp->raw_data.len != nbytes) {
      snprintf(err, errlen, "has %zu bytes of data, expected %zu", tp->raw_data.len, nbytes);
      goto fail;
    }
    if (nbytes) memcpy(out->data, tp->raw_data.data, nbytes); /* empty: data may be NULL */
    return true;
  }
  size_t count;
  switch (dt) {
  case SM_DT_F32: count = tp->n_float_data; break;
  case SM_DT_F64: count = tp->n_double_data; break;
  case SM_DT_I64: count = tp->n_int64_data; break;
  default: count = tp->n_int32_data; break;
  }
  if (count != (size_t)n) {
    snprintf(err, errlen, "has %zu elements of data, expected %lld", count, (long long)n);
    goto fail;
  }
  for (int64_t i = 0; i < n; i++) {
    switch (dt) {
    case SM_DT_F32: ((float *)out->data)[i] = tp->float_data[i]; break;
    case SM_DT_F64: ((double *)out->data)[i] = tp->double_data[i]; break;
    case SM_DT_I64: ((int64_t *)out->data)[i] = tp->int64_data[i]; break;
    default: sm_tensor_set_i64(out, i, tp->int32_data[i]); break;
    }
  }
  return true;
fail:
  sm_tensor_free(out);
  return false;
}

static bool decode_16bit(const Onnx__TensorProto *tp, const char *base_dir, SmOnnxExtCache *cache,
                         SmTensor *out, char *err, size_t errlen) {
  bool bf = tp->data_type == ONNX__TENSOR_PROTO__DATA_TYPE__BFLOAT16;
  int64_t n = sm_tensor_numel(out);
  size_t nbytes = (size_t)n * 2;
  const unsigned char *src = NULL;
  if (tp->has_data_location && tp->data_location == ONNX__TENSOR_PROTO__DATA_LOCATION__EXTERNAL) {
    const char *loc = NULL;
    uint64_t off = 0;
    for (size_t i = 0; i < tp->n_external_data; i++) {
      const Onnx__StringStringEntryProto *e = tp->external_data[i];
      if (!e->key || !e->value) continue;
      if (strcmp(e->key, "location") == 0) loc = e->value;
      else if (strcmp(e->key, "offset") == 0 && !parse_u64(e->value, &off)) loc = NULL;
    }
    if (!loc || !base_dir || !cache || strstr(loc, "..") || loc[0] == '/') {
      snprintf(err, errlen, "invalid external data reference");
      return false;
    }
    size_t plen = strlen(base_dir) + strlen(loc) + 2;
    char *path = malloc(plen);
    if (!path) {
      snprintf(err, errlen, "out of memory");
      return false;
    }
    snprintf(path, plen, "%s/%s", base_dir, loc);
    const SmOnnxExtFile *f = ext_file(cache, path);
    free(path);
    if (!f || off > f->size || f->size - off < nbytes) {
      snprintf(err, errlen, "external data of '%s' is missing or too short", loc);
      return false;
    }
    src = f->data + off;
  } else if (tp->has_raw_data) {
    if (tp->raw_data.len != nbytes) {
      snprintf(err, errlen, "has %zu bytes of data, expected %zu", tp->raw_data.len, nbytes);
      return false;
    }
    src = tp->raw_data.data;
  } else if (tp->n_int32_data != (size_t)n) {
    snprintf(err, errlen, "has %zu elements of data, expected %lld", tp->n_int32_data, (long long)n);
    return false;
  }
  float *o = out->data;
  for (int64_t i = 0; i < n; i++) {
    /* raw data is little-endian; int32_data holds the 16-bit patterns */
    uint16_t h = src ? (uint16_t)(src[2 * i] | (src[2 * i + 1] << 8)) : (uint16_t)tp->int32_data[i];
    o[i] = bf ? bf16_to_f32(h) : half_to_f32(h);
  }
  return true;
}

bool sm_onnx_tensor_decode(const Onnx__TensorProto *tp, const char *base_dir,
                           SmOnnxExtCache *cache, SmTensor *out, char *err, size_t errlen) {
  return decode(NULL, NULL, tp, base_dir, cache, out, err, errlen);
}

bool sm_onnx_tensor_take(Onnx__TensorProto *tp, SmOnnxArena *arena, const char *base_dir,
                         SmOnnxExtCache *cache, SmTensor *out, char *err, size_t errlen) {
  return decode(tp, arena, tp, base_dir, cache, out, err, errlen);
}

bool sm_tensor_pb_read(SmContext *ctx, const char *path, SmTensor *out) {
  unsigned char *data;
  size_t size;
  memset(out, 0, sizeof *out);
  SmLoc *loc = sm_loc_file(ctx, path, 0, 0);
  if (!sm_onnx_read_file(path, &data, &size)) return sm_emit_error(ctx, loc, "cannot read '%s'", path);
  Onnx__TensorProto *tp = onnx__tensor_proto__unpack(NULL, size, data);
  free(data);
  if (!tp) return sm_emit_error(ctx, loc, "'%s' is not a valid TensorProto (truncated or corrupt)", path);
  char err[256];
  bool ok = sm_onnx_tensor_take(tp, NULL, NULL, NULL, out, err, sizeof err);
  onnx__tensor_proto__free_unpacked(tp, NULL);
  if (!ok) return sm_emit_error(ctx, loc, "tensor in '%s': %s", path, err);
  return true;
}

bool sm_tensor_pb_write(SmContext *ctx, const char *path, const SmTensor *t, const char *name) {
  Onnx__TensorProto tp = ONNX__TENSOR_PROTO__INIT;
  SmLoc *loc = sm_loc_file(ctx, path, 0, 0);
  tp.n_dims = t->rank;
  tp.dims = (int64_t *)t->dims;
  tp.has_data_type = true;
  tp.data_type = sm_onnx_dtype_to_onnx(t->dtype);
  tp.has_raw_data = true;
  tp.raw_data.len = sm_tensor_nbytes(t);
  tp.raw_data.data = t->data;
  tp.name = (char *)(name ? name : "");
  size_t size = onnx__tensor_proto__get_packed_size(&tp);
  uint8_t *buf = malloc(size ? size : 1);
  if (!buf) return sm_emit_error(ctx, loc, "out of memory");
  onnx__tensor_proto__pack(&tp, buf);
  FILE *f = fopen(path, "wb");
  bool ok = f && fwrite(buf, 1, size, f) == size;
  if (f && fclose(f) != 0) ok = false;
  free(buf);
  if (!ok) return sm_emit_error(ctx, loc, "cannot write '%s'", path);
  return true;
}
