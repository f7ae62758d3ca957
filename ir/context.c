/* The context: arena, string interning, the uniquing tables' storage, the
 * dialect registry (O(1) op lookup by name), resources and diagnostic state. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"

#define SM_ARENA_CHUNK ((size_t)64 << 10)
#define SM_ARENA_MAX_CHUNK ((size_t)2 << 20)
#define SM_ARENA_ALIGN 16u

/* ---- Arena ---------------------------------------------------------------- */

static size_t header_size(void) {
  return (sizeof(SmArenaChunk) + SM_ARENA_ALIGN - 1) & ~(size_t)(SM_ARENA_ALIGN - 1);
}

static void *arena_alloc(SmArena *a, size_t size) {
  size_t sz = (size + 7u) & ~(size_t)7u;
  if (sz == 0) sz = 8;
  SmArenaChunk *c = a->head;
  if (!c || c->size - c->used < sz) {
    /* Chunks double from 64 KiB to 2 MiB (huge pages, see ir/memory.c):
     * small contexts stay small, large ones take few page faults. */
    size_t chunk = a->next_chunk ? a->next_chunk : SM_ARENA_CHUNK;
    size_t data = sz > chunk / 4 ? sz : chunk - header_size();
    SmArenaChunk *n = sm_pages_alloc(header_size() + data);
    n->size = data;
    n->used = 0;
    if (c && data == sz && c->size - c->used >= 64) {
      /* A big one-off block: keep the current chunk at the head. */
      n->next = c->next;
      c->next = n;
      n->used = sz;
      return (char *)n + header_size();
    }
    if (data != sz && chunk < SM_ARENA_MAX_CHUNK) a->next_chunk = chunk * 2;
    n->next = c;
    a->head = n;
    c = n;
  }
  void *p = (char *)c + header_size() + c->used;
  c->used += sz;
  return p;
}

static void arena_free(SmArena *a) {
  SmArenaChunk *c = a->head;
  while (c) {
    SmArenaChunk *n = c->next;
    sm_pages_free(c, header_size() + c->size);
    c = n;
  }
  a->head = NULL;
  a->next_chunk = 0;
}

void *sm_context_alloc(SmContext *ctx, size_t size) { return arena_alloc(&ctx->arena, size); }

/* ---- Generic uniquing table --------------------------------------------------- */

static void uniq_grow(SmUniqTable *t) {
  uint32_t ncap = t->cap ? t->cap * 2 : 64;
  SmUniqEntry *slots = calloc(ncap, sizeof *slots);
  if (!slots) abort();
  for (uint32_t i = 0; i < t->cap; i++) {
    if (!t->slots[i].obj) continue;
    uint32_t j = t->slots[i].hash & (ncap - 1);
    while (slots[j].obj) j = (j + 1) & (ncap - 1);
    slots[j] = t->slots[i];
  }
  free(t->slots);
  t->slots = slots;
  t->cap = ncap;
}

void *sm_uniq_find(SmUniqTable *t, uint32_t hash, SmUniqEq eq, const void *key, uint32_t *slot) {
  if (t->cap == 0) uniq_grow(t);
  uint32_t mask = t->cap - 1, i = hash & mask;
  while (t->slots[i].obj) {
    if (t->slots[i].hash == hash && eq(t->slots[i].obj, key)) return t->slots[i].obj;
    i = (i + 1) & mask;
  }
  *slot = i;
  return NULL;
}

void sm_uniq_insert(SmUniqTable *t, uint32_t slot, uint32_t hash, void *obj) {
  t->slots[slot].obj = obj;
  t->slots[slot].hash = hash;
  t->count++;
  if ((uint64_t)t->count * 4 >= (uint64_t)t->cap * 3) uniq_grow(t);
}

static void uniq_free(SmUniqTable *t) {
  free(t->slots);
  memset(t, 0, sizeof *t);
}

/* ---- Interning ---------------------------------------------------------------- */

static void strings_grow(SmContext *ctx) {
  uint32_t ncap = ctx->strings_cap ? ctx->strings_cap * 2 : 1024;
  SmInternEntry *n = calloc(ncap, sizeof *n);
  if (!n) abort();
  for (uint32_t i = 0; i < ctx->strings_cap; i++) {
    SmInternEntry *e = &ctx->strings[i];
    if (!e->str) continue;
    uint32_t j = e->hash & (ncap - 1);
    while (n[j].str) j = (j + 1) & (ncap - 1);
    n[j] = *e;
  }
  free(ctx->strings);
  ctx->strings = n;
  ctx->strings_cap = ncap;
}

static unsigned intern_cache_slot(const char *s) {
  return (unsigned)(sm_hash_ptr(0, s) >> 24) & 255u;
}

const char *sm_intern(SmContext *ctx, const char *s, size_t len) {
  unsigned cs = intern_cache_slot(s);
  if (ctx->intern_cache[cs].str == s && ctx->intern_cache[cs].len == len) return s;
  const char *r = NULL;
  uint32_t h = sm_hash_fold(sm_hash_bytes(0x5157u, s, len));
  uint32_t mask = ctx->strings_cap - 1, i = h & mask;
  while (ctx->strings[i].str) {
    SmInternEntry *e = &ctx->strings[i];
    if (e->hash == h && e->len == len && memcmp(e->str, s, len) == 0) {
      r = e->str;
      break;
    }
    i = (i + 1) & mask;
  }
  if (!r) {
    char *copy = arena_alloc(&ctx->arena, len + 1);
    if (len) memcpy(copy, s, len);
    copy[len] = '\0';
    ctx->strings[i].str = copy;
    ctx->strings[i].len = len;
    ctx->strings[i].hash = h;
    if (++ctx->strings_count * 4 >= ctx->strings_cap * 3) strings_grow(ctx);
    r = copy;
  }
  cs = intern_cache_slot(r);
  ctx->intern_cache[cs].str = r;
  ctx->intern_cache[cs].len = len;
  ctx->intern_cache[cs].cstr = memchr(r, '\0', len) == NULL;
  return r;
}

const char *sm_intern_cstr(SmContext *ctx, const char *s) {
  unsigned cs = intern_cache_slot(s);
  if (ctx->intern_cache[cs].str == s && ctx->intern_cache[cs].cstr) return s;
  return sm_intern(ctx, s, strlen(s));
}

/* ---- Create / destroy ----------------------------------------------------------- */

SmContext *sm_context_create(void) {
  SmContext *ctx = calloc(1, sizeof *ctx);
  if (!ctx) return NULL;
  strings_grow(ctx);
  sm_ptrmap_init(&ctx->resources);
  sm_ptrmap_init(&ctx->loc_files);
  ctx->s_sym_name = sm_intern_cstr(ctx, "sym_name");
  return ctx;
}

typedef struct SmResource {
  void *data;
  size_t size;
  uint32_t alignment;
} SmResource;

void sm_context_destroy(SmContext *ctx) {
  if (!ctx) return;
  sm_diag_state_free(&ctx->diag);
  for (size_t i = 0; i < ctx->resources.cap; i++) {
    if (!ctx->resources.keys[i]) continue;
    SmResource *r = ctx->resources.vals[i];
    free(r->data);
    free(r);
  }
  sm_ptrmap_free(&ctx->resources);
  free(ctx->strings);
  for (int k = 0; k < 2; k++)
    for (unsigned i = 0; i < ctx->num_state_arrays[k]; i++) free(ctx->state_arrays[k][i].ptr);
  uniq_free(&ctx->types);
  uniq_free(&ctx->attrs);
  uniq_free(&ctx->locs);
  sm_impl_loc_files_free(ctx);
  uniq_free(&ctx->affine_exprs);
  uniq_free(&ctx->affine_maps);
  uniq_free(&ctx->integer_sets);
  free(ctx->op_defs);
  free(ctx->op_def_hashes);
  free(ctx->dialects);
  arena_free(&ctx->arena);
  sm_pool_destroy(&ctx->ops);
  free(ctx);
}

void sm_context_set_allow_unregistered(SmContext *ctx, bool allow) {
  ctx->allow_unregistered = allow;
}

bool sm_context_allows_unregistered(const SmContext *ctx) { return ctx->allow_unregistered; }

void sm_context_set_parse_progress(SmContext *ctx, SmParseProgressFn fn, void *user) {
  ctx->parse_progress = fn;
  ctx->parse_progress_user = user;
}

SmDiagState *sm_context_diag_state(SmContext *ctx) { return &ctx->diag; }

/* ---- Dialect registry --------------------------------------------------------------- */

static uint32_t name_hash(const char *s, size_t len) {
  return sm_hash_fold(sm_hash_bytes(0x0b5u, s, len));
}

static void op_defs_grow(SmContext *ctx) {
  uint32_t ncap = ctx->op_defs_cap ? ctx->op_defs_cap * 2 : 256;
  const SmOpDef **defs = calloc(ncap, sizeof *defs);
  uint32_t *hashes = malloc(ncap * sizeof *hashes);
  if (!defs || !hashes) abort();
  for (uint32_t i = 0; i < ctx->op_defs_cap; i++) {
    if (!ctx->op_defs[i]) continue;
    uint32_t j = ctx->op_def_hashes[i] & (ncap - 1);
    while (defs[j]) j = (j + 1) & (ncap - 1);
    defs[j] = ctx->op_defs[i];
    hashes[j] = ctx->op_def_hashes[i];
  }
  free(ctx->op_defs);
  free(ctx->op_def_hashes);
  ctx->op_defs = defs;
  ctx->op_def_hashes = hashes;
  ctx->op_defs_cap = ncap;
}

/* Slot holding the def named s[0..len), or the empty slot where it would go. */
static uint32_t op_def_slot(const SmContext *ctx, const char *s, size_t len, uint32_t h) {
  uint32_t mask = ctx->op_defs_cap - 1, i = h & mask;
  while (ctx->op_defs[i]) {
    const char *n = ctx->op_defs[i]->name;
    if (ctx->op_def_hashes[i] == h && strncmp(n, s, len) == 0 && n[len] == '\0') return i;
    i = (i + 1) & mask;
  }
  return i;
}

void sm_context_register_dialect(SmContext *ctx, SmDialect *dialect) {
  for (size_t i = 0; i < ctx->num_dialects; i++)
    if (ctx->dialects[i] == dialect || strcmp(ctx->dialects[i]->name, dialect->name) == 0)
      return; /* registering twice is harmless */
  if (ctx->num_dialects == ctx->dialects_cap) {
    size_t ncap = ctx->dialects_cap ? ctx->dialects_cap * 2 : 8;
    SmDialect **n = realloc(ctx->dialects, ncap * sizeof *n);
    if (!n) abort();
    ctx->dialects = n;
    ctx->dialects_cap = ncap;
  }
  ctx->dialects[ctx->num_dialects++] = dialect;
  memset(ctx->op_cache, 0, sizeof ctx->op_cache); /* cached "unregistered" answers may change */
  for (size_t i = 0; i < dialect->num_ops; i++) {
    SmOpDef *def = &dialect->ops[i];
    def->dialect = dialect;
    if (!ctx->op_defs_cap || (ctx->op_defs_count + 1) * 4 >= ctx->op_defs_cap * 3)
      op_defs_grow(ctx);
    size_t len = strlen(def->name);
    uint32_t h = name_hash(def->name, len);
    uint32_t slot = op_def_slot(ctx, def->name, len, h);
    if (!ctx->op_defs[slot]) ctx->op_defs_count++;
    ctx->op_defs[slot] = def;
    ctx->op_def_hashes[slot] = h;
  }
}

const SmDialect *sm_context_lookup_dialect(SmContext *ctx, const char *name) {
  for (size_t i = 0; i < ctx->num_dialects; i++)
    if (strcmp(ctx->dialects[i]->name, name) == 0) return ctx->dialects[i];
  return NULL;
}

const SmOpDef *sm_context_lookup_op(SmContext *ctx, const char *name, size_t len) {
  if (!ctx->op_defs_count) return NULL;
  return ctx->op_defs[op_def_slot(ctx, name, len, name_hash(name, len))];
}

const SmOpDef *sm_impl_lookup_op_interned(SmContext *ctx, const char *name) {
  unsigned slot = (unsigned)(sm_hash_ptr(0, name) >> 20) & 127u;
  if (ctx->op_cache[slot].name == name) return ctx->op_cache[slot].def;
  const SmOpDef *def = sm_context_lookup_op(ctx, name, strlen(name));
  ctx->op_cache[slot].name = name;
  ctx->op_cache[slot].def = def;
  return def;
}

const SmDialect *sm_context_dialect_at(SmContext *ctx, size_t i) {
  return i < ctx->num_dialects ? ctx->dialects[i] : NULL;
}

/* ---- Resources ---------------------------------------------------------------------- */

void sm_context_set_resource(SmContext *ctx, const char *name, const void *data, size_t size,
                             uint32_t alignment) {
  const char *key = sm_intern_cstr(ctx, name);
  SmResource *r = sm_ptrmap_get(&ctx->resources, key);
  if (!r) {
    r = calloc(1, sizeof *r);
    if (!r) abort();
    sm_ptrmap_put(&ctx->resources, key, r);
  }
  free(r->data);
  r->data = malloc(size ? size : 1);
  if (!r->data) abort();
  if (size) memcpy(r->data, data, size);
  r->size = size;
  r->alignment = alignment;
}

void sm_context_take_resource(SmContext *ctx, const char *name, void *data, size_t size,
                              uint32_t alignment) {
  const char *key = sm_intern_cstr(ctx, name);
  SmResource *r = sm_ptrmap_get(&ctx->resources, key);
  if (!r) {
    r = calloc(1, sizeof *r);
    if (!r) abort();
    sm_ptrmap_put(&ctx->resources, key, r);
  }
  if (r->data != data) free(r->data);
  /* Keep data non-NULL for empty blobs, as sm_context_set_resource does. */
  r->data = data ? data : malloc(1);
  if (!r->data) abort();
  r->size = size;
  r->alignment = alignment;
}

const void *sm_context_get_resource(SmContext *ctx, const char *name, size_t *size,
                                    uint32_t *alignment) {
  const char *key = sm_intern_cstr(ctx, name);
  SmResource *r = sm_ptrmap_get(&ctx->resources, key);
  if (!r) return NULL;
  if (size) *size = r->size;
  if (alignment) *alignment = r->alignment;
  return r->data;
}
