/* Locations, hash-consed in the context. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"

static uint32_t loc_hash(const SmLoc *l) {
  uint64_t h = sm_hash_mix(0x10cu, (uint64_t)l->kind);
  switch (l->kind) {
  case SM_LOC_FILE:
    h = sm_hash_ptr(h, l->file.file);
    h = sm_hash_mix(h, ((uint64_t)l->file.line << 32) | l->file.col);
    break;
  case SM_LOC_NAME:
    h = sm_hash_ptr(sm_hash_ptr(h, l->name.name), l->name.child);
    break;
  case SM_LOC_FUSED:
    h = sm_hash_bytes(h, l->fused.locs, l->fused.count * sizeof(SmLoc *));
    h = sm_hash_ptr(h, l->fused.metadata);
    break;
  case SM_LOC_CALLSITE:
    h = sm_hash_ptr(sm_hash_ptr(h, l->callsite.callee), l->callsite.caller);
    break;
  default:
    break;
  }
  return sm_hash_fold(h);
}

static bool loc_eq(const void *obj, const void *key) {
  const SmLoc *a = obj, *b = key;
  if (a->kind != b->kind) return false;
  switch (a->kind) {
  case SM_LOC_FILE:
    return a->file.file == b->file.file && a->file.line == b->file.line &&
           a->file.col == b->file.col;
  case SM_LOC_NAME:
    return a->name.name == b->name.name && a->name.child == b->name.child;
  case SM_LOC_FUSED:
    return a->fused.count == b->fused.count && a->fused.metadata == b->fused.metadata &&
           (a->fused.count == 0 ||
            memcmp(a->fused.locs, b->fused.locs, a->fused.count * sizeof(SmLoc *)) == 0);
  case SM_LOC_CALLSITE:
    return a->callsite.callee == b->callsite.callee && a->callsite.caller == b->callsite.caller;
  default:
    return true;
  }
}

static SmLoc *unique(SmContext *ctx, const SmLoc *key) {
  uint32_t h = loc_hash(key), slot;
  SmLoc *l = sm_uniq_find(&ctx->locs, h, loc_eq, key, &slot);
  if (l) return l;
  l = sm_context_alloc(ctx, sizeof *l);
  *l = *key;
  l->hash = h;
  if (l->kind == SM_LOC_FUSED)
    l->fused.locs = sm_context_dup(ctx, key->fused.locs, key->fused.count * sizeof(SmLoc *));
  sm_uniq_insert(&ctx->locs, slot, h, l);
  return l;
}

SmLoc *sm_loc_unknown(SmContext *ctx) {
  if (!ctx->loc_unknown) {
    SmLoc key;
    memset(&key, 0, sizeof key);
    key.kind = SM_LOC_UNKNOWN;
    ctx->loc_unknown = unique(ctx, &key);
  }
  return ctx->loc_unknown;
}

/* ---- File locations ----------------------------------------------------------
 * A parsed module has one file:line:col location per op, nearly all of them
 * distinct: hash-consing them in the generic table costs a cache miss per
 * op and 16 bytes of table per location. Instead each file has an array
 * indexed by line whose entries chain that line's locations (through the
 * location's own `next` field): looking one up touches the array where the
 * parser is, and costs 8 bytes per line. A line far beyond what the file's
 * array covers (an adversarial `loc("f":4000000000:1)`) goes to the generic
 * table instead, so memory stays proportional to the locations made. */

typedef struct SmLocFile {
  const char *file; /* interned name */
  SmLoc **lines;
  uint32_t cap;   /* lines covered: [0, cap) */
  uint32_t count; /* locations in the index */
} SmLocFile;

#define SM_LOC_LINES_MIN 1024u
#define SM_LOC_LINES_FREE 65536u /* lines any file may cover */

static SmLocFile *loc_file_index(SmContext *ctx, const char *file) {
  SmLocFile *f = sm_ptrmap_get(&ctx->loc_files, file);
  if (!f) {
    f = calloc(1, sizeof *f);
    if (!f) abort(); /* out of memory */
    f->file = file;
    sm_ptrmap_put(&ctx->loc_files, file, f);
  }
  return f;
}

/* Grows f->lines to cover line when that stays within the bound; false
 * when the line is beyond it. */
static bool loc_file_cover(SmLocFile *f, unsigned line) {
  if (line < f->cap) return true;
  uint64_t bound = (uint64_t)f->count * 4 > SM_LOC_LINES_FREE ? (uint64_t)f->count * 4
                                                               : SM_LOC_LINES_FREE;
  if (line >= bound) return false;
  uint64_t ncap = f->cap ? f->cap : SM_LOC_LINES_MIN;
  while (ncap <= line) ncap *= 2;
  SmLoc **n = realloc(f->lines, ncap * sizeof *n);
  if (!n) abort(); /* out of memory */
  memset(n + f->cap, 0, (ncap - f->cap) * sizeof *n);
  f->lines = n;
  f->cap = (uint32_t)ncap;
  return true;
}

SmLoc *sm_loc_file(SmContext *ctx, const char *file, unsigned line, unsigned col) {
  SmLoc key;
  memset(&key, 0, sizeof key);
  key.kind = SM_LOC_FILE;
  key.file.file = sm_intern_cstr(ctx, file);
  key.file.line = line;
  key.file.col = col;
  SmLocFile *f = ctx->last_loc_file;
  if (!f || f->file != key.file.file) f = ctx->last_loc_file = loc_file_index(ctx, key.file.file);
  if (!loc_file_cover(f, line)) {
    ctx->locs_file_overflow++;
    return unique(ctx, &key);
  }
  for (SmLoc *l = f->lines[line]; l; l = l->file.next)
    if (l->file.col == col) return l;
  uint32_t h = loc_hash(&key);
  if (ctx->locs_file_overflow) {
    /* Made while this line was beyond the index. */
    uint32_t slot;
    SmLoc *old = sm_uniq_find(&ctx->locs, h, loc_eq, &key, &slot);
    if (old) return old;
  }
  SmLoc *l = sm_context_alloc(ctx, sizeof *l);
  *l = key;
  l->hash = h;
  l->file.next = f->lines[line];
  f->lines[line] = l;
  f->count++;
  return l;
}

void sm_impl_loc_files_free(SmContext *ctx) {
  for (size_t i = 0; i < ctx->loc_files.cap; i++) {
    if (!ctx->loc_files.keys[i]) continue;
    SmLocFile *f = ctx->loc_files.vals[i];
    free(f->lines);
    free(f);
  }
  sm_ptrmap_free(&ctx->loc_files);
  ctx->last_loc_file = NULL;
}

SmLoc *sm_loc_name(SmContext *ctx, const char *name, SmLoc *child) {
  SmLoc key;
  memset(&key, 0, sizeof key);
  key.kind = SM_LOC_NAME;
  key.name.name = sm_intern_cstr(ctx, name);
  key.name.child = child;
  return unique(ctx, &key);
}

/* MLIR's FusedLoc::get: unknown members are dropped, nested fused locations
 * with the same metadata are flattened, duplicates removed; zero members
 * give unknown (or [unknown] with metadata), one member without metadata
 * is that member. */
SmLoc *sm_loc_fused(SmContext *ctx, unsigned count, SmLoc *const *locs, SmAttr *metadata) {
  SmLoc *small[16];
  size_t cap = 0;
  for (unsigned i = 0; i < count; i++)
    cap += locs[i]->kind == SM_LOC_FUSED ? locs[i]->fused.count : 1;
  SmLoc **buf = cap <= 16 ? small : malloc(cap * sizeof *buf);
  if (!buf) abort();
  unsigned n = 0;
  for (unsigned i = 0; i < count; i++) {
    SmLoc *l = locs[i];
    SmLoc *const *items = &locs[i];
    unsigned nitems = 1;
    if (l->kind == SM_LOC_FUSED && l->fused.metadata == metadata) {
      items = l->fused.locs;
      nitems = l->fused.count;
    }
    for (unsigned j = 0; j < nitems; j++) {
      SmLoc *m = items[j];
      if (m->kind == SM_LOC_UNKNOWN) continue;
      bool dup = false;
      for (unsigned k = 0; k < n && !dup; k++) dup = buf[k] == m;
      if (!dup) buf[n++] = m;
    }
  }
  SmLoc *res;
  if (n == 0 && !metadata) {
    res = sm_loc_unknown(ctx);
  } else if (n == 1 && !metadata) {
    res = buf[0];
  } else {
    if (n == 0) buf[n++] = sm_loc_unknown(ctx);
    SmLoc key;
    memset(&key, 0, sizeof key);
    key.kind = SM_LOC_FUSED;
    key.fused.count = n;
    key.fused.locs = buf;
    key.fused.metadata = metadata;
    res = unique(ctx, &key);
  }
  if (buf != small) free(buf);
  return res;
}

SmLoc *sm_loc_callsite(SmContext *ctx, SmLoc *callee, SmLoc *caller) {
  SmLoc key;
  memset(&key, 0, sizeof key);
  key.kind = SM_LOC_CALLSITE;
  key.callsite.callee = callee;
  key.callsite.caller = caller;
  return unique(ctx, &key);
}

SmLoc *sm_loc_find_file(SmLoc *loc) {
  while (loc) {
    switch (loc->kind) {
    case SM_LOC_FILE: return loc;
    case SM_LOC_NAME: loc = loc->name.child; break;
    case SM_LOC_CALLSITE: loc = loc->callsite.callee; break;
    case SM_LOC_FUSED:
      for (unsigned i = 0; i < loc->fused.count; i++) {
        SmLoc *f = sm_loc_find_file(loc->fused.locs[i]);
        if (f) return f;
      }
      return NULL;
    default: return NULL;
    }
  }
  return NULL;
}
