/* YAML model description -> graph dialect (docs/yaml-frontend.md).
 *
 * libyaml loads the whole document (nodes keep their line/column marks);
 * layers are then built in order, each op's result types inferred by the
 * graph dialect (so its shape errors point at the layer). */
#include "frontends/frontend_module.h"
#include "frontends/yaml/yaml_import.h"

#include "dialects/graph/graph.h"
#include "ir/checked.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MAX_IO 64
#define MAX_OPERANDS 64
/* Weights up to this many elements are written inline as dense<...>. */
#define INLINE_LIMIT 16
/* Nested inline values deeper than this are rejected (aliases may nest). */
#define MAX_DEPTH 16

typedef struct Y {
  SmContext *ctx;
  const char *path; /* interned */
  char *dir;        /* directory of path with trailing '/', or "" */
  yaml_document_t doc;
  SmBlock *body;
  SmBuilder b;
  SmPtrMap vals;      /* interned layer/input name -> SmOp* or block arg (see Ref) */
  SmPtrMap res_names; /* resource names in use */
  /* Aliases let a few bytes name a huge tree: every child node reached and
   * every element of a weight spec used more than once counts against
   * SM_LIMIT_YAML_EXPANSION. */
  int64_t expanded;
  bool expansion_reported;
  SmPtrMap weights_used; /* weight spec nodes already turned into data */
  int64_t weight_bytes;  /* against SM_LIMIT_WEIGHT_BYTES */
  bool has_path;         /* imported from a file: weight files may be read */
} Y;

/* What a name refers to: an op (its results, "name#i") or a value. */
typedef struct Ref {
  SmOp *op;
  SmValue *value;
} Ref;

/* ---- Diagnostics and node access ----------------------------------------- */

static SmLoc *loc_of(Y *y, const yaml_node_t *n) {
  if (!n) return sm_loc_file(y->ctx, y->path, 1, 1);
  return sm_loc_file(y->ctx, y->path, (unsigned)n->start_mark.line + 1,
                     (unsigned)n->start_mark.column + 1);
}

static bool err(Y *y, const yaml_node_t *n, const char *fmt, ...) SM_PRINTF(3, 4);
static bool err(Y *y, const yaml_node_t *n, const char *fmt, ...) {
  char msg[768], safe[3072];
  if (y->expansion_reported) return false; /* follow-on errors of a NULL node */
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  sm_frontend_escape(msg, safe, sizeof safe); /* names come from the file */
  return sm_emit_error(y->ctx, loc_of(y, n), "%s", safe);
}

/* Counts n more expanded nodes/elements; false (diagnosed once) past the limit. */
static bool expand(Y *y, const yaml_node_t *at, int64_t n) {
  int64_t limit = sm_limit_get(SM_LIMIT_YAML_EXPANSION);
  if (sm_checked_add(y->expanded, n, &y->expanded) && y->expanded <= limit) return true;
  y->expanded = INT64_MAX;
  if (!y->expansion_reported)
    err(y, at, "the document expands (through aliases) beyond the limit %s=%lld",
        sm_limit_name(SM_LIMIT_YAML_EXPANSION), (long long)limit);
  y->expansion_reported = true;
  return false;
}

static yaml_node_t *node(Y *y, int i) { return yaml_document_get_node(&y->doc, i); }

static const char *scalar(const yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Value of key in mapping m, NULL when absent. */
static yaml_node_t *get(Y *y, const yaml_node_t *m, const char *key) {
  if (!m || m->type != YAML_MAPPING_NODE) return NULL;
  for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
    const char *k = scalar(node(y, p->key));
    if (k && strcmp(k, key) == 0) return node(y, p->value);
  }
  return NULL;
}

/* Every key of m must be one of allowed (NULL-terminated). */
static bool check_keys(Y *y, const yaml_node_t *m, const char *what, const char *const *allowed) {
  if (!m || m->type != YAML_MAPPING_NODE) return err(y, m, "%s must be a mapping", what);
  for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
    yaml_node_t *kn = node(y, p->key);
    const char *k = scalar(kn);
    if (!k) return err(y, kn, "%s keys must be plain strings", what);
    bool ok = false;
    for (const char *const *a = allowed; *a && !ok; a++) ok = strcmp(*a, k) == 0;
    if (!ok) return err(y, kn, "unknown key '%s' in %s", k, what);
  }
  return true;
}

static size_t seq_len(const yaml_node_t *n) {
  return n && n->type == YAML_SEQUENCE_NODE
             ? (size_t)(n->data.sequence.items.top - n->data.sequence.items.start)
             : 0;
}

/* NULL once the expansion limit is passed (diagnosed). */
static yaml_node_t *seq_at(Y *y, const yaml_node_t *n, size_t i) {
  if (!expand(y, n, 1)) return NULL;
  return node(y, n->data.sequence.items.start[i]);
}

static bool parse_int(const char *s, int64_t *out) {
  if (!s || !*s) return false;
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (*end || errno) return false;
  *out = v;
  return true;
}

static bool parse_float(const char *s, double *out) {
  if (!s || !*s) return false;
  if (strcmp(s, ".inf") == 0 || strcmp(s, "inf") == 0) return *out = INFINITY, true;
  if (strcmp(s, "-.inf") == 0 || strcmp(s, "-inf") == 0) return *out = -INFINITY, true;
  if (strcmp(s, ".nan") == 0 || strcmp(s, "nan") == 0) return *out = NAN, true;
  char *end;
  double v = strtod(s, &end);
  if (*end) return false;
  *out = v;
  return true;
}

static bool get_int(Y *y, const yaml_node_t *n, const char *what, int64_t *out) {
  if (!parse_int(scalar(n), out)) return err(y, n, "%s must be an integer", what);
  return true;
}

/* A sequence of integers (at most max). */
static bool get_ints(Y *y, const yaml_node_t *n, const char *what, int64_t *out, unsigned max,
                     unsigned *count) {
  if (!n || n->type != YAML_SEQUENCE_NODE) return err(y, n, "%s must be a list of integers", what);
  size_t len = seq_len(n);
  if (len > max) return err(y, n, "%s has more than %u entries", what, max);
  for (size_t i = 0; i < len; i++)
    if (!get_int(y, seq_at(y, n, i), what, &out[i])) return false;
  *count = (unsigned)len;
  return true;
}

/* Element type names accepted for inputs and weights. */
static SmType *dtype(Y *y, const yaml_node_t *n) {
  const char *s = n ? scalar(n) : "f32";
  static const char *const names[] = {"f32", "f64", "f16", "i1", "i8", "i16", "i32", "i64", "bool", NULL};
  for (unsigned i = 0; s && names[i]; i++)
    if (strcmp(s, names[i]) == 0) {
      if (strcmp(s, "f32") == 0) return sm_type_f32(y->ctx);
      if (strcmp(s, "f64") == 0) return sm_type_f64(y->ctx);
      if (strcmp(s, "f16") == 0) return sm_type_f16(y->ctx);
      if (strcmp(s, "bool") == 0) return sm_type_integer(y->ctx, 1, SM_SIGNLESS);
      return sm_type_integer(y->ctx, (unsigned)atoi(s + 1), SM_SIGNLESS);
    }
  err(y, n, "unknown dtype '%s' (f32, f64, f16, i1, i8, i16, i32, i64, bool)", s ? s : "?");
  return NULL;
}

static SmType *tensor_type(Y *y, const yaml_node_t *m, const char *what) {
  yaml_node_t *sn = get(y, m, "shape");
  int64_t dims[8];
  unsigned rank = 0;
  if (!sn) {
    err(y, m, "%s needs a 'shape'", what);
    return NULL;
  }
  if (!get_ints(y, sn, "shape", dims, 8, &rank)) return NULL;
  for (unsigned d = 0; d < rank; d++)
    if (dims[d] < 0) {
      err(y, sn, "shape dimensions must not be negative");
      return NULL;
    }
  int64_t limit = sm_limit_get(SM_LIMIT_TENSOR_ELEMENTS), numel;
  bool fits = sm_checked_numel(rank, dims, &numel) && numel <= limit;
  for (unsigned d = 0; fits && d < rank; d++) fits = dims[d] <= limit;
  if (!fits) {
    err(y, sn, "%s has more elements than the limit %s=%lld", what, sm_limit_name(SM_LIMIT_TENSOR_ELEMENTS),
        (long long)limit);
    return NULL;
  }
  SmType *e = dtype(y, get(y, m, "dtype"));
  return e ? sm_type_tensor(y->ctx, rank, dims, e, NULL) : NULL;
}

/* ---- Values by name ---------------------------------------------------- */

static bool define(Y *y, const yaml_node_t *at, const char *name, Ref r) {
  const char *key = sm_intern_cstr(y->ctx, name);
  if (sm_ptrmap_contains(&y->vals, key)) return err(y, at, "'%s' is defined twice", name);
  Ref *p = sm_context_alloc(y->ctx, sizeof *p);
  *p = r;
  sm_ptrmap_put(&y->vals, key, p);
  return true;
}

/* "name" or "name#i" (result i of a multi-result layer). */
static SmValue *lookup(Y *y, const yaml_node_t *n) {
  const char *s = scalar(n);
  if (!s || !*s) {
    err(y, n, "an input reference must be a name");
    return NULL;
  }
  char buf[256];
  snprintf(buf, sizeof buf, "%s", s);
  char *hash = strrchr(buf, '#');
  int64_t idx = -1;
  if (hash && parse_int(hash + 1, &idx)) *hash = 0;
  else idx = -1;
  Ref *r = sm_ptrmap_get(&y->vals, sm_intern_cstr(y->ctx, buf));
  if (!r) {
    err(y, n, "undefined input '%s'", s);
    return NULL;
  }
  if (r->value) {
    if (idx > 0) err(y, n, "'%s' has one value", buf);
    return idx > 0 ? NULL : r->value;
  }
  if (idx < 0 && r->op->num_results != 1) {
    err(y, n, "layer '%s' has %u results: write '%s#0' ... '%s#%u'", buf, r->op->num_results, buf,
        buf, r->op->num_results - 1);
    return NULL;
  }
  if (idx < 0) idx = 0;
  if (idx >= (int64_t)r->op->num_results) {
    err(y, n, "layer '%s' has no result #%lld", buf, (long long)idx);
    return NULL;
  }
  return sm_op_result(r->op, (unsigned)idx);
}

/* ---- Weights ------------------------------------------------------------- */

/* splitmix64: a documented, portable generator for seeded weights. */
static uint64_t splitmix(uint64_t *s) {
  uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static void put_elem(unsigned char *p, const SmType *e, double v) {
  if (e->kind == SM_TYPE_F32) {
    float f = (float)v;
    memcpy(p, &f, 4);
  } else if (e->kind == SM_TYPE_F64) {
    memcpy(p, &v, 8);
  } else if (e->kind == SM_TYPE_F16) {
    float f = (float)v; /* f16 weights: round through f32 bits (truncating mantissa) */
    uint32_t u;
    memcpy(&u, &f, 4);
    uint32_t sign = (u >> 16) & 0x8000u;
    int32_t ex = (int32_t)((u >> 23) & 0xff) - 127 + 15;
    uint16_t h = ex <= 0 ? (uint16_t)sign : ex >= 31 ? (uint16_t)(sign | 0x7c00u)
                                                    : (uint16_t)(sign | (uint32_t)ex << 10 | ((u >> 13) & 0x3ffu));
    p[0] = (unsigned char)h;
    p[1] = (unsigned char)(h >> 8);
  } else {
    size_t sz = sm_dense_elem_size(e);
    int64_t iv = !(v == v) ? 0 : v >= 9.2e18 ? INT64_MAX : v <= -9.2e18 ? INT64_MIN : (int64_t)v;
    uint64_t u = e->integer.width == 1 ? (uint64_t)(iv != 0) : (uint64_t)iv;
    for (size_t b = 0; b < sz; b++) p[b] = (unsigned char)(u >> (8 * b));
  }
}

/* Flattens nested sequences of numbers into out (n expected). */
static bool flatten_values(Y *y, const yaml_node_t *n, const SmType *e, unsigned char *out,
                           int64_t n_expected, int64_t *k, int depth) {
  if (!n) return false; /* expansion limit, diagnosed */
  if (depth > MAX_DEPTH) return err(y, n, "values nest too deeply");
  if (n->type == YAML_SEQUENCE_NODE) {
    for (size_t i = 0; i < seq_len(n); i++)
      if (!flatten_values(y, seq_at(y, n, i), e, out, n_expected, k, depth + 1)) return false;
    return true;
  }
  double v;
  const char *s = scalar(n);
  if (s && strcmp(s, "true") == 0) v = 1;
  else if (s && strcmp(s, "false") == 0) v = 0;
  else if (!parse_float(s, &v)) return err(y, n, "'values' must hold numbers");
  if (*k >= n_expected) return err(y, n, "more values than the shape holds (%lld)", (long long)n_expected);
  put_elem(out + (size_t)*k * sm_dense_elem_size(e), e, v);
  (*k)++;
  return true;
}

/* Reads at most max bytes; NULL with *too_big set when there are more. */
static char *read_file(const char *path, size_t *len, size_t max, bool *too_big) {
  FILE *f = fopen(path, "rb");
  *too_big = false;
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n > max) {
      *too_big = true;
      free(buf);
      buf = NULL;
      break;
    }
    if (n < cap) break;
    char *nb = cap > (SIZE_MAX / 4) ? NULL : realloc(buf, cap * 2 + 1);
    if (!nb) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = nb;
    cap *= 2;
  }
  bool bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  if (buf) buf[n] = 0;
  *len = n;
  return buf;
}

/* numpy descr for an element type ("<f4"), NULL when none. */
static const char *npy_descr(const SmType *e) {
  switch (e->kind) {
  case SM_TYPE_F32: return "<f4";
  case SM_TYPE_F64: return "<f8";
  case SM_TYPE_F16: return "<f2";
  case SM_TYPE_INTEGER:
    switch (e->integer.width) {
    case 1: return "|b1";
    case 8: return "|i1";
    case 16: return "<i2";
    case 32: return "<i4";
    case 64: return "<i8";
    default: return NULL;
    }
  default: return NULL;
  }
}

/* Payload of a .npy file after checking its header against type. */
static bool npy_payload(Y *y, const yaml_node_t *at, const char *data, size_t len, SmType *type,
                        size_t *off) {
  if (len < 10 || memcmp(data, "\x93NUMPY", 6) != 0) return err(y, at, "not a .npy file");
  unsigned major = (unsigned char)data[6];
  size_t hl, hs;
  if (major == 1) {
    hl = (unsigned char)data[8] | (size_t)(unsigned char)data[9] << 8;
    hs = 10;
  } else if (major == 2 || major == 3) {
    if (len < 12) return err(y, at, "truncated .npy header");
    hl = (unsigned char)data[8] | (size_t)(unsigned char)data[9] << 8 |
         (size_t)(unsigned char)data[10] << 16 | (size_t)(unsigned char)data[11] << 24;
    hs = 12;
  } else {
    return err(y, at, "unsupported .npy version %u", major);
  }
  if (hl > len - hs) return err(y, at, "truncated .npy header");
  char hdr[1024];
  if (hl >= sizeof hdr) return err(y, at, ".npy header too long");
  memcpy(hdr, data + hs, hl);
  hdr[hl] = 0;
  const char *want = npy_descr(type->shaped.elem);
  const char *d = strstr(hdr, "'descr':");
  if (!want || !d || !strstr(d, want) || strstr(d, want) - d > 12)
    return err(y, at, ".npy dtype does not match (want '%s')", want ? want : "?");
  const char *fo = strstr(hdr, "'fortran_order':");
  if (!fo || strncmp(fo + 16 + strspn(fo + 16, " "), "False", 5) != 0)
    return err(y, at, ".npy data must be in C order");
  const char *sh = strstr(hdr, "'shape':");
  const char *lp = sh ? strchr(sh, '(') : NULL;
  if (!lp) return err(y, at, ".npy header has no shape");
  int64_t dims[8];
  unsigned r = 0;
  for (const char *p = lp + 1; *p && *p != ')';) {
    char *end;
    long long v = strtoll(p, &end, 10);
    if (end == p) {
      p++;
      continue;
    }
    if (r == 8) return err(y, at, ".npy rank too large");
    dims[r++] = v;
    p = end;
  }
  bool same = r == type->shaped.rank;
  for (unsigned i = 0; same && i < r; i++) same = dims[i] == type->shaped.dims[i];
  if (!same) return err(y, at, ".npy shape does not match the weight's 'shape'");
  *off = hs + hl;
  return true;
}

/* A weight spec -> constant attribute of its type (the bytes are copied). */
static SmAttr *weight_attr(Y *y, const yaml_node_t *m, const char *res_base) {
  static const char *const keys[] = {"shape", "dtype", "init", "seed", "scale", "value", "values", "file", NULL};
  if (!check_keys(y, m, "weight", keys)) return NULL;
  SmType *type = tensor_type(y, m, "a weight");
  if (!type) return NULL;
  SmType *e = type->shaped.elem;
  int64_t n = sm_type_num_elements(type); /* within the element limit (tensor_type) */
  size_t es = sm_dense_elem_size(e);
  int64_t wlimit = sm_limit_get(SM_LIMIT_WEIGHT_BYTES);
  if (!sm_checked_add(y->weight_bytes, n * (int64_t)es, &y->weight_bytes) || y->weight_bytes > wlimit) {
    err(y, m, "weights exceed the limit %s=%lld bytes", sm_limit_name(SM_LIMIT_WEIGHT_BYTES), (long long)wlimit);
    return NULL;
  }
  /* A spec used again (an alias) expands the module by its elements. */
  if (sm_ptrmap_contains(&y->weights_used, m) && !expand(y, m, n)) return NULL;
  sm_ptrmap_put(&y->weights_used, m, (void *)m);
  unsigned char *data = calloc((size_t)(n ? n : 1), es);
  if (!data) {
    err(y, m, "out of memory");
    return NULL;
  }
  yaml_node_t *init = get(y, m, "init"), *file = get(y, m, "file"), *values = get(y, m, "values");
  int sources = (init != NULL) + (file != NULL) + (values != NULL);
  bool ok = true;
  if (sources != 1) {
    ok = err(y, m, "a weight needs exactly one of 'init', 'file' or 'values'");
  } else if (values) {
    int64_t k = 0;
    ok = flatten_values(y, values, e, data, n, &k, 0);
    if (ok && k != n) ok = err(y, values, "%lld values for a shape of %lld elements", (long long)k, (long long)n);
  } else if (file) {
    const char *fname = scalar(file);
    char path[4096];
    size_t len = 0;
    char *buf = NULL;
    if (!fname || !*fname) {
      ok = err(y, file, "'file' must be a path");
    } else if (!y->has_path) {
      ok = err(y, file, "weight files need a model path (the description was given from memory)");
    } else {
      snprintf(path, sizeof path, "%s%s", fname[0] == '/' ? "" : y->dir, fname);
      /* Read no more than the weight can hold (plus a .npy header): a
       * device or a huge file fails fast instead of filling memory. */
      bool too_big = false;
      buf = read_file(path, &len, (size_t)n * es + 4096, &too_big);
      if (!buf && too_big)
        ok = err(y, file, "'%s' holds more than the %zu bytes the weight needs", fname, (size_t)n * es);
      else if (!buf)
        ok = err(y, file, "cannot read '%s'", path);
    }
    size_t off = 0;
    size_t l = strlen(fname ? fname : "");
    if (ok && l > 4 && strcmp(fname + l - 4, ".npy") == 0) ok = npy_payload(y, file, buf, len, type, &off);
    if (ok && len - off != (size_t)n * es)
      ok = err(y, file, "'%s' holds %zu bytes of data, the weight needs %zu", fname, len - off,
               (size_t)n * es);
    if (ok) memcpy(data, buf + off, (size_t)n * es);
    free(buf);
  } else {
    const char *how = scalar(init);
    int64_t seed = 0;
    double scale = -1, value = 0;
    yaml_node_t *sn = get(y, m, "seed"), *sc = get(y, m, "scale"), *vn = get(y, m, "value");
    if (sn && !get_int(y, sn, "seed", &seed)) ok = false;
    if (ok && sc && !parse_float(scalar(sc), &scale)) ok = err(y, sc, "'scale' must be a number");
    if (ok && vn && !parse_float(scalar(vn), &value)) ok = err(y, vn, "'value' must be a number");
    if (!ok) {
    } else if (how && strcmp(how, "random") == 0) {
      if (!sm_type_is_float(e)) {
        ok = err(y, init, "'init: random' needs a float dtype");
      } else {
        /* Uniform in [-scale, scale); default scale 1/sqrt(fan_in), fan_in =
         * elements per output row (dims[1:]), as common initialisers do. */
        if (scale < 0) {
          int64_t fan = type->shaped.rank >= 2 && type->shaped.dims[0] ? n / type->shaped.dims[0] : 1;
          scale = 1.0 / sqrt((double)(fan > 0 ? fan : 1));
        }
        uint64_t st = (uint64_t)seed;
        for (int64_t i = 0; i < n; i++) {
          double u = (double)(splitmix(&st) >> 11) * (1.0 / 9007199254740992.0);
          put_elem(data + (size_t)i * es, e, (2 * u - 1) * scale);
        }
      }
    } else if (how && (strcmp(how, "zeros") == 0 || strcmp(how, "ones") == 0 || strcmp(how, "constant") == 0)) {
      double v = how[0] == 'z' ? 0 : how[0] == 'o' ? 1 : value;
      if (how[0] == 'c' && !vn) ok = err(y, init, "'init: constant' needs a 'value'");
      for (int64_t i = 0; ok && i < n; i++) put_elem(data + (size_t)i * es, e, v);
    } else {
      ok = err(y, init, "unknown init '%s' (random, zeros, ones, constant)", how ? how : "?");
    }
  }
  SmAttr *a = NULL;
  if (ok && n <= INLINE_LIMIT) {
    a = sm_attr_dense(y->ctx, type, false, data, (size_t)n * es);
  } else if (ok) {
    char key[160];
    snprintf(key, sizeof key, "%s", res_base);
    for (char *p = key; *p; p++)
      if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '.'))
        *p = '_';
    if (!((key[0] >= 'a' && key[0] <= 'z') || (key[0] >= 'A' && key[0] <= 'Z') || key[0] == '_'))
      key[0] = '_';
    const char *name = sm_intern_cstr(y->ctx, key);
    size_t kl = strlen(key);
    for (unsigned i = 1; sm_ptrmap_contains(&y->res_names, name) && kl + 12 < sizeof key; i++) {
      snprintf(key + kl, sizeof key - kl, "_%u", i);
      name = sm_intern_cstr(y->ctx, key);
    }
    sm_ptrmap_put(&y->res_names, name, (void *)name);
    sm_context_set_resource(y->ctx, name, data, (size_t)n * es, (uint32_t)es);
    a = sm_attr_dense_resource(y->ctx, name, type);
  }
  free(data);
  return a;
}

static SmValue *make_constant(Y *y, SmAttr *value, SmLoc *loc) {
  SmType *type = value->kind == SM_ATTR_DENSE_ELEMENTS ? value->dense.type : value->resource.type;
  SmOpState st;
  sm_op_state_init(&st, y->ctx, sm_intern_cstr(y->ctx, "graph.constant"), loc);
  sm_op_state_add_prop(&st, sm_intern_cstr(y->ctx, "value"), value);
  sm_op_state_add_result(&st, type);
  SmOp *op = sm_builder_create(&y->b, &st);
  sm_op_state_release(&st);
  return sm_op_result(op, 0);
}

/* ---- Attributes ------------------------------------------------------------- */

static SmAttr *attr_value(Y *y, const char *op, const char *key, const yaml_node_t *n) {
  SmContext *ctx = y->ctx;
  SmType *i64 = sm_type_integer(ctx, 64, SM_SIGNLESS), *f32 = sm_type_f32(ctx);
  if (!n) return NULL; /* expansion limit, diagnosed */
  if (n->type == YAML_SEQUENCE_NODE) {
    size_t len = seq_len(n);
    if (len > 1024) {
      err(y, n, "attribute '%s' has too many entries", key);
      return NULL;
    }
    int64_t iv[1024];
    float fv[1024];
    bool all_int = true;
    for (size_t i = 0; i < len; i++) {
      yaml_node_t *it = seq_at(y, n, i);
      double d;
      if (all_int && parse_int(scalar(it), &iv[i])) {
        fv[i] = (float)iv[i];
        continue;
      }
      if (!parse_float(scalar(it), &d)) {
        err(y, it, "attribute '%s' must be a list of numbers", key);
        return NULL;
      }
      if (all_int)
        for (size_t j = 0; j < i; j++) fv[j] = (float)iv[j];
      all_int = false;
      fv[i] = (float)d;
    }
    return all_int ? sm_attr_dense_array_i64(ctx, (unsigned)len, iv)
                   : sm_attr_dense_array(ctx, f32, (unsigned)len, fv);
  }
  const char *s = scalar(n);
  if (!s) {
    err(y, n, "attribute '%s' must be a scalar or a list", key);
    return NULL;
  }
  if (strcmp(key, "to") == 0) {
    SmType *t = dtype(y, n);
    return t ? sm_attr_type(ctx, t) : NULL;
  }
  int64_t i;
  double d;
  bool is_int = parse_int(s, &i), is_float = !is_int && parse_float(s, &d);
  if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0) {
    is_int = true;
    i = s[0] == 't';
  }
  if (strcmp(op, "graph.constant_of_shape") == 0 && strcmp(key, "value") == 0) {
    if (!is_int && !is_float) {
      err(y, n, "'value' must be a number");
      return NULL;
    }
    float f = is_int ? (float)i : (float)d;
    int64_t one = 1;
    return is_int ? sm_attr_dense(ctx, sm_type_tensor(ctx, 1, &one, i64, NULL), false, &i, 8)
                  : sm_attr_dense(ctx, sm_type_tensor(ctx, 1, &one, f32, NULL), false, &f, 4);
  }
  if (is_int) return sm_attr_integer(ctx, i64, i);
  if (is_float) return sm_attr_float(ctx, f32, d);
  return sm_attr_string(ctx, s, strlen(s));
}

/* ---- Layers -------------------------------------------------------------------- */

static bool layer(Y *y, const yaml_node_t *m) {
  static const char *const keys[] = {"name", "op", "inputs", "attrs", "weights", NULL};
  if (!check_keys(y, m, "layer", keys)) return false;
  yaml_node_t *nn = get(y, m, "name"), *on = get(y, m, "op");
  const char *name = scalar(nn), *opn = scalar(on);
  if (!name || !*name) return err(y, nn ? nn : m, "a layer needs a 'name'");
  if (strchr(name, '#')) return err(y, nn, "layer names may not contain '#'");
  if (!opn || !*opn) return err(y, on ? on : m, "layer '%s' needs an 'op'", name);
  char full[128];
  snprintf(full, sizeof full, "%s%s", strncmp(opn, "graph.", 6) == 0 ? "" : "graph.", opn);
  if (!sm_graph_is_op(full)) return err(y, on, "unknown op '%s'", opn);
  SmLoc *loc = loc_of(y, m);
  SmValue *ops[MAX_OPERANDS];
  unsigned nops = 0;
  yaml_node_t *in = get(y, m, "inputs"), *wn = get(y, m, "weights"), *an = get(y, m, "attrs");
  if (in && in->type != YAML_SEQUENCE_NODE) return err(y, in, "'inputs' must be a list of names");
  if (wn && wn->type != YAML_SEQUENCE_NODE) return err(y, wn, "'weights' must be a list");
  if (seq_len(in) + seq_len(wn) > MAX_OPERANDS) return err(y, m, "too many operands");
  for (size_t i = 0; i < seq_len(in); i++)
    if (!(ops[nops++] = lookup(y, seq_at(y, in, i)))) return false;
  /* Properties first: graph.constant takes its one weight as 'value'. */
  SmAttr *props = NULL;
  if (an) {
    if (an->type != YAML_MAPPING_NODE) return err(y, an, "'attrs' must be a mapping");
    for (yaml_node_pair_t *p = an->data.mapping.pairs.start; p < an->data.mapping.pairs.top; p++) {
      const char *k = scalar(node(y, p->key));
      if (!k) return err(y, node(y, p->key), "attribute names must be strings");
      SmAttr *v = attr_value(y, full, k, node(y, p->value));
      if (!v) return false;
      props = sm_dict_set(y->ctx, props, sm_intern_cstr(y->ctx, k), v);
    }
  }
  bool is_const = strcmp(full, "graph.constant") == 0;
  if (is_const && (seq_len(wn) != 1 || seq_len(in) != 0))
    return err(y, m, "a constant layer has no inputs and exactly one weight");
  for (size_t i = 0; i < seq_len(wn); i++) {
    char base[160];
    snprintf(base, sizeof base, is_const ? "%s" : "%s.w%zu", name, i);
    SmAttr *w = weight_attr(y, seq_at(y, wn, i), base);
    if (!w) return false;
    if (is_const) props = sm_dict_set(y->ctx, props, sm_intern_cstr(y->ctx, "value"), w);
    else ops[nops++] = make_constant(y, w, sm_loc_name(y->ctx, sm_intern_cstr(y->ctx, base), loc));
  }
  SmType *in_types[MAX_OPERANDS], *out_types[MAX_IO];
  for (unsigned i = 0; i < nops; i++) in_types[i] = ops[i]->type;
  unsigned nres = 0;
  if (!sm_graph_infer(y->ctx, loc, full, props, nops, in_types, MAX_IO, out_types, &nres))
    return false;
  for (unsigned i = 0; i < nres; i++)
    if (!out_types[i])
      return err(y, m, "the result type of '%s' depends on operand values: not supported here", full);
  SmOpState st;
  sm_op_state_init(&st, y->ctx, sm_intern_cstr(y->ctx, full),
                   sm_loc_name(y->ctx, sm_intern_cstr(y->ctx, name), loc));
  sm_op_state_add_operands(&st, ops, nops);
  sm_op_state_add_results(&st, out_types, nres);
  if (props)
    for (unsigned i = 0; i < props->dict.count; i++)
      sm_op_state_add_prop(&st, props->dict.entries[i].name, props->dict.entries[i].value);
  SmOp *op = sm_builder_create(&y->b, &st);
  sm_op_state_release(&st);
  return define(y, nn, name, (Ref){op, NULL});
}

/* ---- Module ----------------------------------------------------------------------- */

static SmOp *build(Y *y) {
  SmContext *ctx = y->ctx;
  yaml_node_t *root = yaml_document_get_root_node(&y->doc);
  if (!root) {
    err(y, NULL, "empty document");
    return NULL;
  }
  static const char *const keys[] = {"name", "inputs", "layers", "outputs", NULL};
  if (!check_keys(y, root, "the model", keys)) return NULL;
  yaml_node_t *ins = get(y, root, "inputs"), *layers = get(y, root, "layers"), *outs = get(y, root, "outputs");
  if (!ins || ins->type != YAML_SEQUENCE_NODE) {
    err(y, ins ? ins : root, "the model needs an 'inputs' list");
    return NULL;
  }
  if (!layers || layers->type != YAML_SEQUENCE_NODE) {
    err(y, layers ? layers : root, "the model needs a 'layers' list");
    return NULL;
  }
  if (!outs || outs->type != YAML_SEQUENCE_NODE || seq_len(outs) == 0) {
    err(y, outs ? outs : root, "the model needs a non-empty 'outputs' list");
    return NULL;
  }
  if (seq_len(ins) > MAX_IO || seq_len(outs) > MAX_IO) {
    err(y, root, "at most %d inputs and outputs", MAX_IO);
    return NULL;
  }
  y->body = sm_block_create();
  sm_builder_init(&y->b, ctx);
  sm_builder_set_block_end(&y->b, y->body);
  SmType *arg_types[MAX_IO], *res_types[MAX_IO];
  SmValue *rets[MAX_IO];
  unsigned nargs = 0, nres = 0;
  static const char *const in_keys[] = {"name", "shape", "dtype", NULL};
  for (size_t i = 0; i < seq_len(ins); i++) {
    yaml_node_t *m = seq_at(y, ins, i);
    if (!check_keys(y, m, "an input", in_keys)) return NULL;
    const char *name = scalar(get(y, m, "name"));
    if (!name || !*name) {
      err(y, m, "an input needs a 'name'");
      return NULL;
    }
    SmType *t = tensor_type(y, m, "an input");
    if (!t) return NULL;
    arg_types[nargs++] = t;
    SmValue *a = sm_block_add_arg(y->body, t, sm_loc_name(ctx, sm_intern_cstr(ctx, name), loc_of(y, m)));
    if (!define(y, get(y, m, "name"), name, (Ref){NULL, a})) return NULL;
  }
  for (size_t i = 0; i < seq_len(layers); i++)
    if (!layer(y, seq_at(y, layers, i))) return NULL;
  for (size_t i = 0; i < seq_len(outs); i++) {
    SmValue *v = lookup(y, seq_at(y, outs, i));
    if (!v) return NULL;
    rets[nres] = v;
    res_types[nres++] = v->type;
  }
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "func.return"), loc_of(y, outs));
  sm_op_state_add_operands(&st, rets, nres);
  sm_builder_create(&y->b, &st);
  sm_op_state_release(&st);

  const char *fname = scalar(get(y, root, "name"));
  SmType *fty = sm_type_function(ctx, nargs, arg_types, nres, res_types);
  SmBlock *body = y->body;
  y->body = NULL;
  return sm_frontend_wrap_main(ctx, body, fty,
                               sm_loc_name(ctx, sm_intern_cstr(ctx, fname ? fname : "main"), loc_of(y, root)));
}

SmOp *sm_yaml_import_buffer(SmContext *ctx, const char *data, size_t size, const char *path) {
  sm_register_core_dialects(ctx);
  sm_register_graph_dialect(ctx);
  Y y;
  memset(&y, 0, sizeof y);
  y.ctx = ctx;
  y.path = sm_intern_cstr(ctx, path ? path : "<yaml>");
  y.has_path = path != NULL;
  /* The context keeps the text for diagnostics (carets) after we return. */
  char *text = sm_context_alloc(ctx, size + 1);
  memcpy(text, data, size);
  text[size] = 0;
  sm_context_add_source(ctx, y.path, text, size, 0);
  const char *slash = path ? strrchr(path, '/') : NULL;
  size_t dl = slash ? (size_t)(slash - path) + 1 : 0;
  y.dir = malloc(dl + 1);
  if (!y.dir) return NULL;
  memcpy(y.dir, path ? path : "", dl);
  y.dir[dl] = 0;
  sm_ptrmap_init(&y.vals);
  sm_ptrmap_init(&y.res_names);
  sm_ptrmap_init(&y.weights_used);

  yaml_parser_t parser;
  SmOp *module = NULL;
  if (!yaml_parser_initialize(&parser)) {
    err(&y, NULL, "cannot initialise the YAML parser");
    goto out_nodoc;
  }
  yaml_parser_set_input_string(&parser, (const unsigned char *)text, size);
  if (!yaml_parser_load(&parser, &y.doc)) {
    yaml_mark_t mk = parser.problem_mark;
    sm_emit_error(ctx, sm_loc_file(ctx, y.path, (unsigned)mk.line + 1, (unsigned)mk.column + 1),
                  "YAML: %s%s%s", parser.problem ? parser.problem : "syntax error",
                  parser.context ? " " : "", parser.context ? parser.context : "");
    yaml_parser_delete(&parser);
    goto out_nodoc;
  }
  yaml_parser_delete(&parser);
  module = build(&y);
  if (y.body) sm_block_destroy(y.body);
  yaml_document_delete(&y.doc);
out_nodoc:
  sm_ptrmap_free(&y.vals);
  sm_ptrmap_free(&y.res_names);
  sm_ptrmap_free(&y.weights_used);
  free(y.dir);
  return module;
}

SmOp *sm_yaml_import_file(SmContext *ctx, const char *path) {
  size_t len = 0;
  bool too_big;
  int64_t limit = sm_limit_get(SM_LIMIT_MODULE_BYTES);
  char *buf = read_file(path, &len, (size_t)limit, &too_big);
  if (!buf) {
    SmLoc *loc = sm_loc_file(ctx, sm_intern_cstr(ctx, path), 0, 0);
    if (too_big)
      sm_emit_error(ctx, loc, "'%s' is larger than the limit %s=%lld bytes", path,
                    sm_limit_name(SM_LIMIT_MODULE_BYTES), (long long)limit);
    else
      sm_emit_error(ctx, loc, "cannot read '%s'", path);
    return NULL;
  }
  SmOp *m = sm_yaml_import_buffer(ctx, buf, len, path);
  free(buf);
  return m;
}
