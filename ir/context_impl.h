/* Private layout of SmContext and the helpers the uniquers share
 * (arena, hashing, a generic hash-consing table). Only core IR files
 * (and other ir/ files that need the raw context) include this. */
#ifndef SM_IR_CONTEXT_IMPL_H
#define SM_IR_CONTEXT_IMPL_H

#include <stdint.h>
#include <string.h>

#include "ir/diag_state.h"
#include "ir/ir.h"

/* ---- Hashing ------------------------------------------------------------ */

static inline uint64_t sm_hash_mix(uint64_t h, uint64_t v) {
  v *= 0x9E3779B97F4A7C15ull;
  v ^= v >> 29;
  h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  return h;
}

static inline uint64_t sm_hash_ptr(uint64_t h, const void *p) {
  return sm_hash_mix(h, (uint64_t)(uintptr_t)p);
}

/* Eight bytes at a time: dense payloads can be large. */
static inline uint64_t sm_hash_bytes(uint64_t h, const void *data, size_t len) {
  const unsigned char *p = (const unsigned char *)data;
  h = sm_hash_mix(h, (uint64_t)len);
  while (len >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    h = sm_hash_mix(h, w);
    p += 8;
    len -= 8;
  }
  if (len) {
    uint64_t w = 0;
    memcpy(&w, p, len);
    h = sm_hash_mix(h, w);
  }
  return h;
}

static inline uint32_t sm_hash_fold(uint64_t h) { return (uint32_t)(h ^ (h >> 32)); }

/* ---- Arena ---------------------------------------------------------------- */

typedef struct SmArenaChunk {
  struct SmArenaChunk *next;
  size_t size, used;
  /* data follows, 16-byte aligned by the header size */
} SmArenaChunk;

typedef struct SmArena {
  SmArenaChunk *head;
  size_t next_chunk; /* size of the next chunk: doubles up to 2 MiB */
} SmArena;

/* ---- Bulk memory (ir/memory.c) ------------------------------------------- */

/* size bytes from the system; from 2 MiB up, a huge-page aligned mapping
 * advised for transparent huge pages. Free with the same size. */
void *sm_pages_alloc(size_t size);
void sm_pages_free(void *p, size_t size);

/* Slab allocator for ops: size classes of SM_POOL_GRAIN bytes up to
 * SM_POOL_CLASSES * SM_POOL_GRAIN, a free list per class, blocks carved
 * from page-backed chunks released with the context. */
#define SM_POOL_GRAIN 16u
#define SM_POOL_CLASSES 64u
typedef struct SmOpPool {
  void *free[SM_POOL_CLASSES];
  char *cur, *end;
  struct SmPoolChunk *chunks;
  size_t next_chunk;
} SmOpPool;

/* A block of at least size bytes; *cls gets what sm_pool_free needs
 * (0: the block came from malloc: too large, or a sanitizer build). */
void *sm_pool_alloc(SmOpPool *pool, size_t size, uint32_t *cls);
void sm_pool_free(SmOpPool *pool, void *p, uint32_t cls);
void sm_pool_destroy(SmOpPool *pool);

/* ---- Generic hash-consing table -------------------------------------------
 * Open addressing (linear probing) over object pointers, with the hashes kept
 * alongside so probing rarely touches the objects. Grows at 3/4 load. */
typedef struct SmUniqEntry {
  void *obj; /* NULL: empty */
  uint32_t hash;
} SmUniqEntry;

typedef struct SmUniqTable {
  SmUniqEntry *slots; /* hash next to pointer: one cache line per probe */
  uint32_t cap, count;
} SmUniqTable;

typedef bool (*SmUniqEq)(const void *obj, const void *key);

/* Existing object equal to key (per eq), or NULL; *slot gets where to insert. */
void *sm_uniq_find(SmUniqTable *t, uint32_t hash, SmUniqEq eq, const void *key, uint32_t *slot);
/* Inserts obj at a slot sm_uniq_find returned (no other insert in between). */
void sm_uniq_insert(SmUniqTable *t, uint32_t slot, uint32_t hash, void *obj);

/* ---- Context ---------------------------------------------------------------- */

typedef struct SmInternEntry {
  const char *str; /* NULL: empty slot */
  size_t len;
  uint32_t hash;
} SmInternEntry;

struct SmContext {
  SmArena arena;
  SmOpPool ops; /* every op of the context */
  /* Interned strings. */
  SmInternEntry *strings;
  uint32_t strings_cap, strings_count;
  /* Uniqued objects. */
  SmUniqTable types, attrs, locs, affine_exprs, affine_maps, integer_sets;
  /* Op definitions by full name (open addressing over defs). */
  const SmOpDef **op_defs;
  uint32_t *op_def_hashes;
  uint32_t op_defs_cap, op_defs_count;
  SmDialect **dialects;
  size_t num_dialects, dialects_cap;
  bool allow_unregistered;
  /* Resource blobs: interned name -> SmResource*. */
  SmPtrMap resources;
  SmDiagState diag;
  /* Frequently used objects, built once. */
  SmType *t_index, *t_f16, *t_bf16, *t_f32, *t_f64, *t_none;
  SmType *t_int[65][3]; /* [width][signedness] for widths up to 64 */
  SmLoc *loc_unknown;
  /* File locations by file and line (ir/locations.c): interned file name
   * -> SmLocFile (which holds its name), the last one used, and how many
   * file locations went to the generic table instead (lines far beyond a
   * file's index). */
  SmPtrMap loc_files;
  struct SmLocFile *last_loc_file;
  uint32_t locs_file_overflow;
  /* Recently returned interned strings, by address: re-interning an
   * interned pointer (common: names passed along) skips hashing the text. */
  struct {
    const char *str;
    size_t len;
    bool cstr; /* no embedded NUL: also a hit for sm_intern_cstr(str) */
  } intern_cache[256];
  /* Arrays released by SmOpStates, reused by the next states so building an
   * op does not malloc/free its scratch arrays ([0]: 8-byte, [1]: 16-byte
   * elements). */
  struct {
    void *ptr;
    unsigned cap;
  } state_arrays[2][32];
  unsigned num_state_arrays[2];
  /* Interned op name -> definition (NULL def: unregistered), by address;
   * cleared when a dialect is registered. */
  struct {
    const char *name;
    const SmOpDef *def;
  } op_cache[128];
  SmAttr *a_unit, *a_true, *a_false;
  const char *s_sym_name;
  /* Some dictionary with a sym_name entry was made: until then no op can
   * carry a symbol name, and the verifier skips the symbol-table scan (a
   * pass over every op of a large module). */
  bool any_sym_name_dict;
  /* Number of distinct attributes made so far (sm_attr_distinct). */
  uint64_t num_distinct;
  /* sm_context_set_parse_progress. */
  SmParseProgressFn parse_progress;
  void *parse_progress_user;
};

/* Frees the per-file location index (context teardown). */
void sm_impl_loc_files_free(SmContext *ctx);

/* Copies n bytes into the arena (NULL when n == 0 and src NULL is fine). */
static inline void *sm_context_dup(SmContext *ctx, const void *src, size_t n) {
  if (n == 0) return NULL;
  void *p = sm_context_alloc(ctx, n);
  memcpy(p, src, n);
  return p;
}

/* The context an op belongs to is stored just before the op struct
 * (ir/operations.c allocates them together). */
typedef struct SmOpHeader {
  SmContext *ctx;
  SmOp op;
} SmOpHeader;

/* sm_attr_dict for entries whose names are already interned (skips
 * re-interning; ir/operations.c uses it for op states). */
SmAttr *sm_impl_dict_interned(SmContext *ctx, unsigned count, const SmNamedAttr *entries);

/* sm_dict_get for an interned name: dictionary names are interned, so a
 * small dictionary is searched by pointer alone (no strcmp). */
static inline SmAttr *sm_impl_dict_get_interned(const SmAttr *dict, const char *iname) {
  if (!dict || dict->kind != SM_ATTR_DICTIONARY) return NULL;
  if (dict->dict.count > 16) return sm_dict_get(dict, iname);
  for (unsigned i = 0; i < dict->dict.count; i++)
    if (dict->dict.entries[i].name == iname) return dict->dict.entries[i].value;
  return NULL;
}

/* sm_context_lookup_op for an interned name, through a small cache. */
const SmOpDef *sm_impl_lookup_op_interned(SmContext *ctx, const char *name);

/* Internal helpers shared by operations.c and blocks.c. */
/* Unlinks every operand use of op and of all ops nested in it. */
void sm_impl_drop_uses_rec(SmOp *op);
/* Frees op and everything nested without touching use lists (call
 * sm_impl_drop_uses_rec on the whole subtree first). */
void sm_impl_free_op(SmOp *op);
/* Frees a block, its ops (uses already dropped) and its arguments. */
void sm_impl_free_block(SmBlock *b);
/* Use-list primitives (O(1)). */
static inline void sm_use_link(SmUse *u, SmValue *v) {
  u->value = v;
  if (!v) {
    u->next = NULL;
    u->prev_next = NULL;
    return;
  }
  u->next = v->uses;
  if (v->uses) v->uses->prev_next = &u->next;
  u->prev_next = &v->uses;
  v->uses = u;
}

static inline void sm_use_unlink(SmUse *u) {
  if (!u->value) return;
  *u->prev_next = u->next;
  if (u->next) u->next->prev_next = u->prev_next;
  u->value = NULL;
  u->next = NULL;
  u->prev_next = NULL;
}

/* Floor division and modulo on int64 (b != 0), wrapping instead of UB on
 * INT64_MIN / -1. Shared by affine folding and evaluation. */
static inline int64_t sm_floordiv_i64(int64_t a, int64_t b) {
  if (b == -1) return (int64_t)(0u - (uint64_t)a);
  int64_t q = a / b, r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) q--;
  return q;
}

static inline int64_t sm_mod_i64(int64_t a, int64_t b) {
  if (b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

static inline int64_t sm_ceildiv_i64(int64_t a, int64_t b) {
  if (b == -1) return (int64_t)(0u - (uint64_t)a);
  int64_t q = a / b, r = a % b;
  if (r != 0 && ((r < 0) == (b < 0))) q++;
  return q;
}

#endif
