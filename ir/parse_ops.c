/* Parsing of operations (generic and custom form), regions, blocks and SSA
 * names, and the custom-form parser API of ir/asm.h. */
#include "ir/parser_impl.h"

#include <stdarg.h>
#include <stdlib.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Pointer hash (block labels are keyed by interned name and scope). */
static inline size_t key_hash(const char *name, unsigned number, unsigned iso) {
  /* Interned pointers share their low bits (alignment): mix all bits. */
  uint64_t h = (uint64_t)(uintptr_t)name ^ ((uint64_t)number << 40) ^ ((uint64_t)iso << 52);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return (size_t)h;
}

/* ---- SSA names ----------------------------------------------------------
 * Two tables keyed by (name text, result number), with the same slot
 * encoding (SmValue *, bit 0 set for a forward reference, 0 when empty):
 * - the dense table: printed and generated IR names its values %0, %1, ...
 *   and such a name with result number 0 is found by its number in a paged
 *   array, with no hashing, at 8 bytes per value;
 * - a hash table for every other name (%arg0, %x, %12#1, %007, ...).
 * Which table holds a name depends only on (text, number) (dense_index),
 * so a definition and its uses always meet. Names defined in a region are
 * removed when the region ends; outer names stay visible in nested regions
 * (as in MLIR). */

static inline SmValue *slot_value(uintptr_t s) { return (SmValue *)(s & ~(uintptr_t)1); }
static inline bool slot_forward(uintptr_t s) { return s & 1; }
static inline uintptr_t slot_make(SmValue *v, bool forward) {
  return (uintptr_t)v | (forward ? 1u : 0u);
}

/* ---- Dense table --------------------------------------------------------
 * Pages of DENSE_PAGE slots, each allocated on first touch, under a
 * directory grown (doubling) to cover the highest page touched. Numbers
 * from DENSE_LIMIT up go to the hash table, so a stray %999999999 costs a
 * hash entry, and any one name at most a page (1 KiB) plus a directory of
 * at most 256 KiB. */
#define DENSE_PAGE_BITS 7
#define DENSE_PAGE ((size_t)1 << DENSE_PAGE_BITS)
#define DENSE_LIMIT ((uint32_t)1 << 22)
#define DENSE_MAX_PAGES ((size_t)DENSE_LIMIT >> DENSE_PAGE_BITS)

/* True (index in *out) when %name#number lives in the dense table: result
 * number 0 and a canonical decimal name (no leading zero but "0" itself)
 * below DENSE_LIMIT. */
static inline bool dense_index(const char *name, size_t len, unsigned number, uint32_t *out) {
  if (number != 0 || len == 0 || len > 9 || (name[0] == '0' && len > 1))
    return false;
  uint32_t n = 0; /* 9 digits fit */
  for (size_t i = 0; i < len; i++) {
    unsigned d = (unsigned)(unsigned char)name[i] - '0';
    if (d > 9)
      return false;
    n = n * 10 + d;
  }
  if (n >= DENSE_LIMIT)
    return false;
  *out = n;
  return true;
}

/* Slot of index i, or NULL when its page was never touched. */
static inline uintptr_t *dense_find(SmParser *p, uint32_t i) {
  size_t pg = i >> DENSE_PAGE_BITS;
  if (pg >= p->dense_pages || !p->dense[pg])
    return NULL;
  return &p->dense[pg][i & (DENSE_PAGE - 1)];
}

/* Slot of index i, allocating its page (and directory room) if needed. */
static uintptr_t *dense_slot(SmParser *p, uint32_t i) {
  size_t pg = i >> DENSE_PAGE_BITS;
  if (pg >= p->dense_pages) {
    size_t n = p->dense_pages ? p->dense_pages * 2 : 16;
    while (n <= pg)
      n *= 2;
    if (n > DENSE_MAX_PAGES)
      n = DENSE_MAX_PAGES;
    uintptr_t **d = realloc(p->dense, n * sizeof *d);
    if (!d)
      abort(); /* out of memory */
    memset(d + p->dense_pages, 0, (n - p->dense_pages) * sizeof *d);
    p->dense = d;
    p->dense_pages = n;
  }
  if (!p->dense[pg]) {
    p->dense[pg] = calloc(DENSE_PAGE, sizeof **p->dense);
    if (!p->dense[pg])
      abort(); /* out of memory */
  }
  return &p->dense[pg][i & (DENSE_PAGE - 1)];
}

/* Releases the dense table (its slots must hold nothing still needed). */
void sm_p_dense_names_free(SmParser *p) {
  for (size_t pg = 0; pg < p->dense_pages; pg++)
    free(p->dense[pg]);
  free(p->dense);
  p->dense = NULL;
  p->dense_pages = 0;
  p->dense_count = 0;
  p->dense_fwd = 0;
}

/* Drops every dense definition, keeping the forward references, in one
 * sequential pass; pages left empty are freed (all of them when a module's
 * body ends: that is when the parse holds the most memory). */
static void dense_clear_defs(SmParser *p) {
  size_t keep = 0;
  for (size_t pg = 0; pg < p->dense_pages; pg++) {
    uintptr_t *s = p->dense[pg];
    if (!s)
      continue;
    size_t fwd = 0;
    for (size_t i = 0; i < DENSE_PAGE; i++) {
      if (slot_forward(s[i]))
        fwd++;
      else
        s[i] = 0;
    }
    if (!fwd) {
      free(s);
      p->dense[pg] = NULL;
    }
    keep += fwd;
  }
  p->dense_count = keep;
  if (!keep)
    sm_p_dense_names_free(p);
}

/* ---- Hash table ---------------------------------------------------------- */

#define SM_NAME_LONG 0x80000000u

typedef struct NameKey {
  uint64_t key;
  uint32_t hash, number;
  const char *name; /* the text (long names are found by comparing it) */
  size_t len;
} NameKey;

static inline NameKey name_key(const char *name, size_t len, unsigned number) {
  NameKey k = {0, 0, number, name, len};
  uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, name + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  uint64_t w = 0;
  for (size_t s = 0; i < len; i++, s += 8)
    w |= (uint64_t)(unsigned char)name[i] << s;
  h = (h ^ w ^ ((uint64_t)number << 29)) * 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 29;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 32;
  k.hash = (uint32_t)h & ~SM_NAME_LONG;
  if (len <= 8) {
    k.key = w; /* names hold no NUL byte: the padding cannot be confused */
  } else {
    k.hash |= SM_NAME_LONG;
    k.key = 0; /* set by val_insert (a copy) */
  }
  return k;
}

static inline bool entry_matches(const SmValueEntry *e, const NameKey *k) {
  if (e->hash != k->hash || e->number != k->number)
    return false;
  if (!(k->hash & SM_NAME_LONG))
    return e->key == k->key;
  const SmLongName *t = (const SmLongName *)(uintptr_t)e->key;
  return t->len == k->len && memcmp(t->text, k->name, k->len) == 0;
}

static SmValueEntry *val_find(SmParser *p, const NameKey *k) {
  if (!p->vals_cap)
    return NULL;
  size_t mask = p->vals_cap - 1, i = k->hash & mask;
  for (;;) {
    SmValueEntry *e = &p->vals[i];
    if (!e->val)
      return NULL;
    if (entry_matches(e, k))
      return e;
    i = (i + 1) & mask;
  }
}

/* Slot for a new entry with this hash (the key must be absent). */
static SmValueEntry *val_slot(SmParser *p, uint32_t hash) {
  size_t mask = p->vals_cap - 1, i = hash & mask;
  while (p->vals[i].val)
    i = (i + 1) & mask;
  return &p->vals[i];
}

static void val_rehash(SmParser *p, size_t cap) {
  SmValueEntry *old = p->vals;
  size_t oldcap = p->vals_cap;
  p->vals_cap = cap;
  p->vals = calloc(p->vals_cap, sizeof *p->vals);
  if (!p->vals)
    abort(); /* out of memory */
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].val)
      *val_slot(p, old[i].hash) = old[i];
  free(old);
}

static SmValueEntry *val_insert(SmParser *p, const NameKey *k, SmValue *v, bool forward) {
  /* At most 3/4 full: the stored hashes keep probes cheap. */
  if ((p->vals_count + 1) * 4 > p->vals_cap * 3)
    val_rehash(p, p->vals_cap ? p->vals_cap * 2 : 1024);
  SmValueEntry *e = val_slot(p, k->hash);
  e->key = k->key;
  if (k->hash & SM_NAME_LONG) {
    SmLongName *c = sm_scratch_alloc(&p->name_chunks, sizeof *c + k->len);
    c->len = (uint32_t)k->len;
    memcpy(c->text, k->name, k->len);
    e->key = (uint64_t)(uintptr_t)c;
  }
  e->hash = k->hash;
  e->number = k->number;
  e->val = slot_make(v, forward);
  p->vals_count++;
  return e;
}

/* Backward-shift deletion keeps probe chains intact without tombstones. */
static void val_remove(SmParser *p, SmValueEntry *e) {
  size_t mask = p->vals_cap - 1, i = (size_t)(e - p->vals), j = i;
  for (;;) {
    j = (j + 1) & mask;
    SmValueEntry *f = &p->vals[j];
    if (!f->val)
      break;
    size_t k = f->hash & mask;
    /* f may move to i if its home k is not cyclically in (i, j]. */
    if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
      continue;
    p->vals[i] = *f;
    i = j;
  }
  p->vals[i].val = 0;
  p->vals_count--;
}

/* Drops every definition of the hash table, keeping the forward
 * references, in one sequential pass. */
static void hash_clear_defs(SmParser *p) {
  size_t keep = 0;
  for (size_t i = 0; i < p->vals_cap; i++) {
    if (!p->vals[i].val)
      continue;
    if (slot_forward(p->vals[i].val))
      keep++;
    else
      p->vals[i].val = 0;
  }
  p->vals_count = keep;
  /* Into a table sized for what is left, not a second full-size one:
   * this runs when the module is complete, at the peak of memory use. */
  size_t cap = 1024;
  while (cap * 3 < (keep + 1) * 4)
    cap *= 2;
  val_rehash(p, cap < p->vals_cap ? cap : p->vals_cap);
}

/* ---- Both tables ---------------------------------------------------------- */

/* Slot contents for %name#number (0 when absent). */
static uintptr_t name_lookup(SmParser *p, const char *name, size_t len, unsigned number) {
  uint32_t di;
  if (dense_index(name, len, number, &di)) {
    const uintptr_t *s = dense_find(p, di);
    return s ? *s : 0;
  }
  NameKey k = name_key(name, len, number);
  const SmValueEntry *e = val_find(p, &k);
  return e ? e->val : 0;
}

/* Drops every definition, keeping the forward references. */
static void val_clear_defs(SmParser *p) {
  if (p->vals_count > p->fwd_count - p->dense_fwd)
    hash_clear_defs(p);
  if (p->dense_count > p->dense_fwd)
    dense_clear_defs(p);
}

/* Removes the definitions ds[0..n) (the names a region scope defined). */
static void val_remove_defs(SmParser *p, const SmDefKey *ds, size_t n) {
  size_t nhash = 0;
  for (size_t d = 0; d < n; d++) {
    if (ds[d].number != SM_DEF_DENSE) {
      nhash++;
      continue;
    }
    uintptr_t *s = dense_find(p, (uint32_t)ds[d].key);
    if (s && *s && !slot_forward(*s)) {
      *s = 0;
      p->dense_count--;
    }
  }
  if (!nhash)
    return;
  if (nhash + (p->fwd_count - p->dense_fwd) >= p->vals_count && nhash * 4 >= p->vals_cap) {
    /* Every definition in the hash table is one of these, and they fill
     * much of it: one sequential pass instead of n random probes. */
    hash_clear_defs(p);
    return;
  }
  size_t mask = p->vals_cap - 1;
  for (size_t d = 0; d < n; d++) {
    if (ds[d].number == SM_DEF_DENSE)
      continue;
    for (size_t i = ds[d].hash & mask;; i = (i + 1) & mask) {
      SmValueEntry *e = &p->vals[i];
      if (!e->val)
        break;
      if (e->hash == ds[d].hash && e->number == ds[d].number && e->key == ds[d].key) {
        if (!slot_forward(e->val))
          val_remove(p, e);
        break;
      }
    }
  }
}

/* Block labels: same scheme keyed by (name, region scope). */
static inline size_t bkey_hash(const char *name, unsigned scope) {
  return key_hash(name, 0x5bd1e995u, scope);
}

static SmBlockEntry *blk_find(SmParser *p, const char *name, unsigned scope) {
  if (!p->blocks_cap)
    return NULL;
  size_t mask = p->blocks_cap - 1, i = bkey_hash(name, scope) & mask;
  for (;;) {
    SmBlockEntry *e = &p->blocks[i];
    if (!e->name)
      return NULL;
    if (e->name == name && e->scope == scope)
      return e;
    i = (i + 1) & mask;
  }
}

static SmBlockEntry *blk_insert(SmParser *p, const char *name, unsigned scope) {
  if ((p->blocks_count + 1) * 2 > p->blocks_cap) {
    SmBlockEntry *old = p->blocks;
    size_t oldcap = p->blocks_cap;
    p->blocks_cap = oldcap ? oldcap * 2 : 64;
    p->blocks = calloc(p->blocks_cap, sizeof *p->blocks);
    p->blocks_count = 0;
    for (size_t i = 0; i < oldcap; i++)
      if (old[i].name)
        *blk_insert(p, old[i].name, old[i].scope) = old[i];
    free(old);
  }
  size_t mask = p->blocks_cap - 1, i = bkey_hash(name, scope) & mask;
  while (p->blocks[i].name)
    i = (i + 1) & mask;
  SmBlockEntry *e = &p->blocks[i];
  memset(e, 0, sizeof *e);
  e->name = name;
  e->scope = scope;
  p->blocks_count++;
  return e;
}

static void blk_remove(SmParser *p, SmBlockEntry *e) {
  size_t mask = p->blocks_cap - 1, i = (size_t)(e - p->blocks), j = i;
  for (;;) {
    j = (j + 1) & mask;
    SmBlockEntry *f = &p->blocks[j];
    if (!f->name)
      break;
    size_t k = bkey_hash(f->name, f->scope) & mask;
    if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
      continue;
    p->blocks[i] = *f;
    i = j;
  }
  p->blocks[i].name = NULL;
  p->blocks_count--;
}


/* ---- Scopes ------------------------------------------------------------- */

static void region_scope_push(SmParser *p) {
  size_t m = p->defs.len;
  sm_bs_push(&p->def_marks, &m, sizeof m);
  m = p->block_names.len;
  sm_bs_push(&p->def_marks, &m, sizeof m);
  unsigned saved = p->block_scope;
  sm_bs_push(&p->def_marks, &saved, sizeof saved);
  unsigned untracked = p->defs_untracked;
  sm_bs_push(&p->def_marks, &untracked, sizeof untracked);
  p->block_scope = ++p->next_block_scope;
  /* Names are defined only in the innermost open scope (an op's results
   * are bound after its regions), so when the table holds no definition
   * now, every definition in it when this scope ends is this scope's: it
   * then clears them in one pass and need not list them in defs (a
   * module's body: one entry per value of the whole module). */
  p->defs_untracked = p->vals_count + p->dense_count == p->fwd_count;
}

static bool region_scope_pop(SmParser *p) {
  p->def_marks.len -= 2 * sizeof(unsigned);
  unsigned saved, untracked;
  memcpy(&saved, p->def_marks.data + p->def_marks.len, sizeof saved);
  memcpy(&untracked, p->def_marks.data + p->def_marks.len + sizeof saved, sizeof untracked);
  p->def_marks.len -= sizeof(size_t);
  size_t bmark;
  memcpy(&bmark, p->def_marks.data + p->def_marks.len, sizeof bmark);
  p->def_marks.len -= sizeof(size_t);
  size_t vmark;
  memcpy(&vmark, p->def_marks.data + p->def_marks.len, sizeof vmark);
  /* Every referenced block must have been defined. */
  /* No block name seen yet (empty input): the buffer is still NULL, and
   * NULL + 0 is undefined behaviour in C. */
  SmNameKey *bk = p->block_names.data ? (SmNameKey *)(p->block_names.data + bmark) : NULL;
  size_t nb = bk ? (p->block_names.len - bmark) / sizeof *bk : 0;
  for (size_t i = 0; i < nb; i++) {
    SmBlockEntry *e = blk_find(p, bk[i].name, bk[i].iso);
    if (e && !e->defined) {
      p->lx.failed = true;
      sm_emit_error(p->ctx, e->ref_loc, "reference to an undefined block");
      return false;
    }
  }
  for (size_t i = 0; i < nb; i++) {
    SmBlockEntry *e = blk_find(p, bk[i].name, bk[i].iso);
    if (e)
      blk_remove(p, e);
  }
  p->block_names.len = bmark;
  p->block_scope = saved;
  if (p->defs_untracked) {
    val_clear_defs(p);
  } else if (p->defs.data) { /* NULL while no value was defined (NULL + 0 is UB) */
    val_remove_defs(p, (const SmDefKey *)(p->defs.data + vmark),
                    (p->defs.len - vmark) / sizeof(SmDefKey));
  }
  p->defs.len = vmark;
  p->defs_untracked = untracked != 0;
  return true;
}

/* Keeps in *first the earlier (in source order) of it and the forward
 * reference in slot s. */
static void note_forward(SmLoc **first, uintptr_t s) {
  if (!s || !slot_forward(s))
    return;
  SmLoc *l = slot_value(s)->owner.op->loc;
  if (!*first || l->file.line < (*first)->file.line ||
      (l->file.line == (*first)->file.line && l->file.col < (*first)->file.col))
    *first = l;
}

/* Reports the first (in source order) forward reference still unresolved. */
static bool check_forward_refs(SmParser *p) {
  if (!p->fwd_count)
    return true;
  SmLoc *first = NULL;
  for (size_t i = 0; i < p->vals_cap; i++)
    note_forward(&first, p->vals[i].val);
  if (p->dense_fwd)
    for (size_t pg = 0; pg < p->dense_pages; pg++)
      if (p->dense[pg])
        for (size_t i = 0; i < DENSE_PAGE; i++)
          note_forward(&first, p->dense[pg][i]);
  if (!first)
    return true;
  p->lx.failed = true;
  return sm_emit_error(p->ctx, first, "use of undeclared SSA value name");
}

void sm_p_scope_push_top(SmParser *p) {
  p->iso = 0;
  region_scope_push(p);
}

bool sm_p_scope_pop_top(SmParser *p) {
  if (!region_scope_pop(p) || !check_forward_refs(p))
    return false; /* sm_p_destroy_pending releases the tables */
  /* Both tables are empty now: release the dense one before the parse
   * goes on (parser teardown frees the hash table). */
  sm_p_dense_names_free(p);
  return true;
}

static SmWalkResult drop_uses(SmOp *op, void *user) {
  (void)user;
  sm_op_drop_all_uses_of_operands(op);
  return SM_WALK_ADVANCE;
}

void sm_p_drop_uses_in_block(SmBlock *b) {
  for (SmOp *op = b->first; op; op = op->next)
    sm_op_walk(op, SM_WALK_PRE, drop_uses, NULL);
}

/* Frees a state whose regions may hold partially parsed IR. */
static void release_failed_state(SmOpState *st) {
  for (unsigned i = 0; i < st->num_regions; i++)
    for (SmBlock *b = st->regions[i]->first; b; b = b->next)
      sm_p_drop_uses_in_block(b);
  sm_op_state_release(st);
}

/* Destroys the forward reference placeholder in slot *s, if any. */
static void destroy_forward(uintptr_t *s) {
  if (!*s || !slot_forward(*s))
    return;
  SmOp *ph = slot_value(*s)->owner.op;
  sm_op_drop_all_uses_of_operands(ph);
  /* Uses by ops of released states are gone; any left belong to
   * destroyed IR only if the IR kept them, which the drop walk
   * prevented. */
  sm_op_destroy(ph);
  *s = 0;
}

void sm_p_destroy_pending(SmParser *p) {
  for (size_t i = 0; i < p->vals_cap; i++)
    destroy_forward(&p->vals[i].val);
  for (size_t pg = 0; pg < p->dense_pages; pg++)
    if (p->dense[pg])
      for (size_t i = 0; i < DENSE_PAGE; i++)
        destroy_forward(&p->dense[pg][i]);
  sm_p_dense_names_free(p);
  for (size_t i = 0; i < p->blocks_cap; i++) {
    SmBlockEntry *e = &p->blocks[i];
    if (e->name && !e->defined)
      sm_block_destroy(e->block);
    e->name = NULL;
  }
}

/* ---- Values ------------------------------------------------------------- */

static void print_type_to(SmType *t, char *buf, size_t cap) {
  SmStrBuf sb = {0};
  sm_type_print(t, &sb);
  size_t n = sb.len < cap - 1 ? sb.len : cap - 1;
  if (n)
    memcpy(buf, sb.data, n);
  buf[n] = 0;
  sm_strbuf_free(&sb);
}

/* Where v was defined, as MLIR's parser remembers it: a block argument's
 * own location, a forward reference's first use, and for an op result the
 * `%name` of its result group, found at the start of the line of the op's
 * name (else the op's location). Only for diagnostics. */
static SmLoc *value_def_loc(SmParser *p, SmValue *v) {
  if (v->kind == SM_VALUE_BLOCK_ARG)
    return v->loc;
  SmOp *op = v->owner.op;
  SmLoc *l = op->loc;
  if (op->name == p->placeholder_name || !l || l->kind != SM_LOC_FILE || l->file.file != p->lx.file ||
      l->file.line <= p->lx.line_offset)
    return l;
  unsigned target = l->file.line - p->lx.line_offset, cur = p->lx.line;
  if (target > cur)
    return l;
  const char *ls = p->lx.line_start;
  for (; cur > target; cur--) {
    if (ls <= p->lx.buf)
      return l;
    ls--; /* the newline ending the previous line */
    while (ls > p->lx.buf && ls[-1] != '\n')
      ls--;
  }
  const char *q = ls, *end = p->lx.end;
  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  unsigned first = 0;
  while (q < end && *q == '%') {
    const char *group = q++;
    while (q < end && (isalnum((unsigned char)*q) || *q == '_' || *q == '$' || *q == '.' || *q == '-'))
      q++;
    unsigned n = 1;
    if (q < end && *q == ':') {
      n = 0;
      for (q++; q < end && isdigit((unsigned char)*q); q++)
        n = n * 10 + (unsigned)(*q - '0');
    }
    if (v->index < first + n)
      return sm_lexer_loc_at(&p->lx, target, (unsigned)(group - ls) + 1);
    first += n;
    while (q < end && (*q == ' ' || *q == '\t'))
      q++;
    if (q >= end || *q != ',')
      break;
    q++;
    while (q < end && (*q == ' ' || *q == '\t'))
      q++;
  }
  return l;
}

/* An error at `at` with one note (MLIR's "prior use here" family). */
static bool error_with_note(SmParser *p, SmLoc *at, SmLoc *note_at, const char *note, const char *fmt,
                            ...) SM_PRINTF(5, 6);
static bool error_with_note(SmParser *p, SmLoc *at, SmLoc *note_at, const char *note, const char *fmt,
                            ...) {
  if (p->lx.failed)
    return false;
  p->lx.failed = true;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  SmDiagBuilder *db = sm_diag_begin(p->ctx, SM_SEV_ERROR, at, "%s", msg);
  sm_diag_note(db, note_at, "%s", note);
  sm_diag_emit(db);
  return false;
}

static bool define_value(SmParser *p, const char *name, size_t len, unsigned number, unsigned group,
                         SmValue *v, const SmToken *at) {
  uint32_t di;
  bool dense = dense_index(name, len, number, &di);
  uintptr_t *s;
  SmDefKey d;
  if (dense) {
    s = dense_slot(p, di);
    if (!*s)
      p->dense_count++;
    d = (SmDefKey){di, 0, SM_DEF_DENSE};
  } else {
    NameKey k = name_key(name, len, number);
    SmValueEntry *e = val_find(p, &k);
    if (!e)
      e = val_insert(p, &k, NULL, false); /* empty: set below */
    s = &e->val;
    d = (SmDefKey){e->key, e->hash, e->number};
  }
  if (*s) {
    int n = (int)len;
    SmLoc *at_loc = sm_lexer_loc(&p->lx, at);
    if (!slot_forward(*s)) {
      SmLoc *prev = value_def_loc(p, slot_value(*s));
      if (number == 0 && group <= 1)
        return error_with_note(p, at_loc, prev, "previously defined here", "redefinition of SSA value '%%%.*s'",
                               n, name);
      return error_with_note(p, at_loc, prev, "previously defined here", "redefinition of SSA value '%%%.*s#%u'",
                             n, name, number);
    }
    SmValue *ph = slot_value(*s);
    if (ph->type != v->type) {
      char a[128], b[128], note[200];
      print_type_to(v->type, a, sizeof a);
      print_type_to(ph->type, b, sizeof b);
      snprintf(note, sizeof note, "previously used here with type '%s'", b);
      return error_with_note(p, at_loc, value_def_loc(p, ph), note, "definition of SSA value '%%%.*s#%u' has type '%s'",
                             n, name, number, a);
    }
    sm_value_replace_all_uses(ph, v);
    sm_op_destroy(ph->owner.op);
    p->fwd_count--;
    if (dense)
      p->dense_fwd--;
  }
  *s = slot_make(v, false);
  if (!p->defs_untracked)
    sm_bs_push(&p->defs, &d, sizeof d);
  return true;
}

/* Value for a use of %name#number with the given type; creates a forward
 * reference placeholder when the name is not defined yet. */
static SmValue *resolve_value(SmParser *p, const char *name, size_t len, unsigned number,
                              SmType *type, unsigned line, unsigned col, size_t pos) {
  uintptr_t s = name_lookup(p, name, len, number);
  if (s) {
    SmValue *v = slot_value(s);
    if (v->type != type) {
      char a[128], b[128];
      print_type_to(type, a, sizeof a);
      print_type_to(v->type, b, sizeof b);
      error_with_note(p, sm_lexer_loc_at(&p->lx, line, col), value_def_loc(p, v), "prior use here",
                      "use of value '%%%.*s' expects different type than prior uses: '%s' vs '%s'", (int)len, name,
                      a, b);
      return NULL;
    }
    return v;
  }
  if (number > 0) {
    uintptr_t z = name_lookup(p, name, len, 0);
    if (z && !slot_forward(z)) {
      sm_lexer_error_at(&p->lx, line, col, "reference to invalid result number");
      return NULL;
    }
  }
  SmLoc *loc = sm_lexer_loc_at(&p->lx, line, col);
  SmOpState st;
  sm_op_state_init(&st, p->ctx, p->placeholder_name, loc);
  sm_op_state_add_result(&st, type);
  SmOp *ph = sm_op_create(&st);
  sm_op_state_release(&st);
  uint32_t di;
  if (dense_index(name, len, number, &di)) {
    *dense_slot(p, di) = slot_make(sm_op_result(ph, 0), true);
    p->dense_count++;
    p->dense_fwd++;
  } else {
    NameKey k = name_key(name, len, number);
    val_insert(p, &k, sm_op_result(ph, 0), true);
  }
  (void)pos;
  p->fwd_count++;
  return sm_op_result(ph, 0);
}

/* ---- Blocks ------------------------------------------------------------- */

static SmBlock *block_ref(SmParser *p, const SmToken *t) {
  const char *name = sm_intern(p->ctx, t->ptr + 1, t->len - 1);
  SmBlockEntry *e = blk_find(p, name, p->block_scope);
  if (e)
    return e->block;
  e = blk_insert(p, name, p->block_scope);
  e->block = sm_block_create();
  e->ref_loc = sm_lexer_loc(&p->lx, t);
  SmNameKey k = {name, 0, p->block_scope};
  sm_bs_push(&p->block_names, &k, sizeof k);
  return e->block;
}

/* ---- Regions ------------------------------------------------------------ */

typedef struct ArgDef {
  const char *name;
  SmType *type;
  SmLoc *loc;
  SmToken tok;
} ArgDef;

static bool define_arg(SmParser *p, SmBlock *b, const char *name, SmType *type, SmLoc *loc,
                       const SmToken *at) {
  SmValue *v = sm_block_add_arg(b, type, loc);
  if (!name)
    return true;
  return define_value(p, name, strlen(name), 0, 1, v, at);
}

/* "%name : type loc(...)?" (and "{attrs}" when allowed); ABSENT if not '%'. */
static SmParseResult parse_argument(SmParser *p, SmArgument *out, bool allow_attrs, SmToken *name_tok) {
  if (p->tok.kind != SM_TOK_PERCENT)
    return SM_PARSE_ABSENT;
  *name_tok = p->tok;
  memset(out, 0, sizeof *out);
  out->ssa.name = sm_intern(p->ctx, p->tok.ptr + 1, p->tok.len - 1);
  out->ssa.loc = sm_lexer_loc(&p->lx, &p->tok);
  sm_p_consume(p);
  if (!sm_p_expect(p, SM_TOK_COLON, "':'"))
    return SM_PARSE_ERROR;
  out->type = sm_p_parse_type(p);
  if (!out->type)
    return SM_PARSE_ERROR;
  if (allow_attrs && p->tok.kind == SM_TOK_LBRACE) {
    out->attrs = sm_p_parse_dict(p);
    if (!out->attrs)
      return SM_PARSE_ERROR;
  }
  if (sm_p_is_keyword(p, "loc")) {
    sm_p_consume(p);
    out->loc = sm_p_parse_loc_paren(p);
    if (!out->loc)
      return SM_PARSE_ERROR;
  }
  return SM_PARSE_OK;
}

bool sm_p_parse_op(SmParser *p, SmBlock *block);
bool sm_parser_parse_optional_attr_dict(SmParser *p, SmOpState *st);

static bool parse_block_ops(SmParser *p, SmBlock *b) {
  while (p->tok.kind != SM_TOK_CARET && p->tok.kind != SM_TOK_RBRACE) {
    if (p->tok.kind == SM_TOK_EOF)
      return sm_p_error(p, "expected '}' to end region");
    if (!sm_p_parse_op(p, b))
      return false;
  }
  return true;
}

/* "^name (args)? :" then ops. */
static bool parse_labeled_block(SmParser *p, SmRegion *r) {
  SmToken lt = p->tok;
  const char *name = sm_intern(p->ctx, lt.ptr + 1, lt.len - 1);
  SmBlockEntry *e = blk_find(p, name, p->block_scope);
  SmBlock *b;
  if (e) {
    if (e->defined)
      return sm_p_error(p, "redefinition of block '^%s'", name);
    e->defined = true;
    b = e->block;
  } else {
    e = blk_insert(p, name, p->block_scope);
    e->defined = true;
    e->block = b = sm_block_create();
    SmNameKey k = {name, 0, p->block_scope};
    sm_bs_push(&p->block_names, &k, sizeof k);
  }
  sm_region_append_block(r, b);
  sm_p_consume(p);
  if (sm_p_accept(p, SM_TOK_LPAREN)) {
    if (p->tok.kind != SM_TOK_RPAREN) {
      for (;;) {
        SmArgument a;
        SmToken nt;
        SmParseResult pr = parse_argument(p, &a, false, &nt);
        if (pr == SM_PARSE_ABSENT)
          return sm_p_error(p, "expected SSA identifier");
        if (pr == SM_PARSE_ERROR)
          return false;
        if (!define_arg(p, b, a.ssa.name, a.type, a.loc ? a.loc : a.ssa.loc, &nt))
          return false;
        if (!sm_p_accept(p, SM_TOK_COMMA))
          break;
      }
    }
    if (!sm_p_expect(p, SM_TOK_RPAREN, "')' to end argument list"))
      return false;
  }
  if (!sm_p_expect(p, SM_TOK_COLON, "':' after block name"))
    return false;
  return parse_block_ops(p, b);
}

static bool parse_region(SmParser *p, SmRegion *r, const SmArgument *args, unsigned nargs) {
  if (!sm_p_expect(p, SM_TOK_LBRACE, "'{' to begin a region"))
    return false;
  if (!sm_p_enter(p))
    return false;
  /* Outer names stay visible even inside isolated-from-above ops, as in
   * MLIR's parser: the verifier reports isolation violations with a better
   * message than "undeclared". */
  const SmOpDef *owner = p->cur_def;
  const SmOpDef *saved_owner = p->region_owner_def;
  p->region_owner_def = owner;
  region_scope_push(p);
  bool ok = true;
  if (p->tok.kind == SM_TOK_RBRACE) {
    if (nargs) {
      SmBlock *b = sm_block_create();
      sm_region_append_block(r, b);
      for (unsigned i = 0; ok && i < nargs; i++) {
        SmToken at = p->tok;
        ok = define_arg(p, b, args[i].ssa.name, args[i].type, args[i].loc ? args[i].loc : args[i].ssa.loc, &at);
      }
    }
  } else {
    if (nargs || p->tok.kind != SM_TOK_CARET) {
      if (nargs && p->tok.kind == SM_TOK_CARET) {
        ok = sm_p_error(p, "invalid block name in region with named arguments");
      } else {
        SmBlock *b = sm_block_create();
        sm_region_append_block(r, b);
        for (unsigned i = 0; ok && i < nargs; i++) {
          SmToken at = p->tok;
          if (args[i].ssa.loc) {
            at.line = args[i].ssa.loc->kind == SM_LOC_FILE ? args[i].ssa.loc->file.line - p->lx.line_offset : at.line;
            at.col = args[i].ssa.loc->kind == SM_LOC_FILE ? args[i].ssa.loc->file.col : at.col;
          }
          ok = define_arg(p, b, args[i].ssa.name, args[i].type, args[i].loc ? args[i].loc : args[i].ssa.loc, &at);
        }
        ok = ok && parse_block_ops(p, b);
      }
    }
    while (ok && p->tok.kind == SM_TOK_CARET)
      ok = parse_labeled_block(p, r);
  }
  ok = ok && sm_p_expect(p, SM_TOK_RBRACE, "'}' to end region");
  ok = ok && region_scope_pop(p);
  p->region_owner_def = saved_owner;
  sm_p_leave(p);
  return ok;
}

/* ---- Operations --------------------------------------------------------- */

typedef struct ResultGroup {
  const char *name; /* source text, len bytes */
  uint32_t len;
  unsigned count;
  SmToken tok;
} ResultGroup;

typedef struct GenericOperand {
  const char *name; /* source text, len bytes */
  uint32_t len;
  unsigned number;
  unsigned line, col;
  size_t pos;
} GenericOperand;

/* %name or %name#N into out; the current token must be PERCENT. */
static bool parse_ssa_use(SmParser *p, GenericOperand *out) {
  SmToken t = p->tok;
  out->name = t.ptr + 1;
  out->len = t.len - 1;
  out->number = 0;
  out->line = t.line;
  out->col = t.col;
  out->pos = (size_t)(t.ptr - p->lx.buf);
  sm_p_consume(p);
  if (p->tok.kind == SM_TOK_HASH) {
    uint64_t n = 0;
    const char *s = p->tok.ptr + 1;
    for (uint32_t i = 1; i < p->tok.len; i++, s++) {
      if (*s < '0' || *s > '9')
        return sm_p_error(p, "expected result number");
      n = n * 10 + (uint64_t)(*s - '0');
      if (n > UINT32_MAX)
        return sm_p_error(p, "result number too large");
    }
    out->number = (unsigned)n;
    sm_p_consume(p);
  }
  return true;
}

static bool bind_results(SmParser *p, SmOp *op, size_t gmark, unsigned ngroups) {
  ResultGroup *gs = (ResultGroup *)sm_bs_at(&p->stk, gmark);
  unsigned base = 0;
  for (unsigned g = 0; g < ngroups; g++) {
    for (unsigned i = 0; i < gs[g].count; i++)
      if (!define_value(p, gs[g].name, gs[g].len, i, gs[g].count, sm_op_result(op, base + i),
                        &gs[g].tok))
        return false;
    base += gs[g].count;
    gs = (ResultGroup *)sm_bs_at(&p->stk, gmark);
  }
  return true;
}

static const SmOpDef *lookup_custom(SmParser *p, const SmToken *t, const char **name_out) {
  SmContext *ctx = p->ctx;
  const SmOpDef *def = NULL;
  if (!memchr(t->ptr, '.', t->len)) {
    const SmOpDef *owner = p->region_owner_def;
    char buf[256];
    if (owner && owner->default_dialect && t->len + strlen(owner->default_dialect) + 2 < sizeof buf) {
      int n = snprintf(buf, sizeof buf, "%s.%.*s", owner->default_dialect, (int)t->len, t->ptr);
      def = sm_context_lookup_op(ctx, buf, (size_t)n);
    }
    if (!def && t->len + 9 < sizeof buf) {
      int n = snprintf(buf, sizeof buf, "builtin.%.*s", (int)t->len, t->ptr);
      def = sm_context_lookup_op(ctx, buf, (size_t)n);
    }
  } else {
    def = sm_context_lookup_op(ctx, t->ptr, t->len);
  }
  *name_out = def ? def->name : NULL;
  return def;
}

static bool parse_trailing_loc(SmParser *p, SmOpState *st) {
  if (sm_p_is_keyword(p, "loc")) {
    sm_p_consume(p);
    SmLoc *l = sm_p_parse_loc_paren(p);
    if (!l)
      return false;
    st->loc = l;
  }
  return true;
}

static bool check_unregistered(SmParser *p, const SmToken *nt, const char *name) {
  if (sm_context_allows_unregistered(p->ctx))
    return true;
  const char *dot = strchr(name, '.');
  if (dot) {
    char ns[128];
    size_t n = (size_t)(dot - name) < sizeof ns - 1 ? (size_t)(dot - name) : sizeof ns - 1;
    memcpy(ns, name, n);
    ns[n] = 0;
    if (sm_context_lookup_dialect(p->ctx, ns))
      return sm_p_error_tok(p, nt, "unregistered operation '%s' found in dialect ('%s') that does not allow unknown operations",
                            name, ns);
  }
  return sm_p_error_tok(p, nt, "operation '%s' is unregistered (use --allow-unregistered-dialect to allow it)", name);
}

static bool parse_generic_body(SmParser *p, SmOpState *st, const SmOpDef *def, const SmToken *nt) {
  /* Operands. */
  if (!sm_p_expect(p, SM_TOK_LPAREN, "'(' to start operand list"))
    return false;
  size_t omark = p->stk.len;
  unsigned nops = 0;
  if (p->tok.kind != SM_TOK_RPAREN) {
    for (;;) {
      if (p->tok.kind != SM_TOK_PERCENT)
        return sm_p_error(p, "expected SSA operand");
      GenericOperand o;
      if (!parse_ssa_use(p, &o))
        return false;
      sm_bs_push(&p->stk, &o, sizeof o);
      nops++;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  if (!sm_p_expect(p, SM_TOK_RPAREN, "')' to end operand list"))
    return false;
  /* Successors. */
  if (sm_p_accept(p, SM_TOK_LSQUARE)) {
    for (;;) {
      if (p->tok.kind != SM_TOK_CARET)
        return sm_p_error(p, "expected block name");
      SmToken bt = p->tok;
      sm_op_state_add_successor(st, block_ref(p, &bt));
      sm_p_consume(p);
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
    if (!sm_p_expect(p, SM_TOK_RSQUARE, "']' to end successor list"))
      return false;
  }
  /* Properties. */
  if (sm_p_accept(p, SM_TOK_LESS)) {
    if (p->tok.kind != SM_TOK_LBRACE)
      return sm_p_error(p, "expected '{' to start properties dictionary");
    SmAttr *dict = sm_p_parse_attr(p, NULL);
    if (!dict)
      return false;
    for (unsigned i = 0; i < dict->dict.count; i++)
      sm_op_state_add_prop(st, dict->dict.entries[i].name, dict->dict.entries[i].value);
    if (!sm_p_expect(p, SM_TOK_GREATER, "'>' to close properties"))
      return false;
  }
  /* Regions. */
  if (p->tok.kind == SM_TOK_LPAREN) {
    sm_p_consume(p);
    for (;;) {
      SmRegion *r = sm_op_state_add_region(st);
      if (!parse_region(p, r, NULL, 0))
        return false;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
    if (!sm_p_expect(p, SM_TOK_RPAREN, "')' to end region list"))
      return false;
  }
  /* Attributes. */
  if (p->tok.kind == SM_TOK_LBRACE && !sm_parser_parse_optional_attr_dict(p, st))
    return false;
  /* Function type. */
  if (!sm_p_expect(p, SM_TOK_COLON, "':' followed by operation type"))
    return false;
  SmToken tt = p->tok;
  SmType *ft = sm_p_parse_type(p);
  if (!ft)
    return false;
  if (ft->kind != SM_TYPE_FUNCTION)
    return sm_p_error_tok(p, &tt, "expected function type");
  if (ft->func.num_inputs != nops)
    return sm_p_error_tok(p, &tt, "expected %u operand type%s but had %u", nops, nops == 1 ? "" : "s",
                          ft->func.num_inputs);
  GenericOperand *os = (GenericOperand *)sm_bs_at(&p->stk, omark);
  for (unsigned i = 0; i < nops; i++) {
    SmValue *v = resolve_value(p, os[i].name, os[i].len, os[i].number, ft->func.inputs[i], os[i].line,
                               os[i].col, os[i].pos);
    if (!v)
      return false;
    sm_op_state_add_operand(st, v);
  }
  p->stk.len = omark;
  sm_op_state_add_results(st, (SmType **)ft->func.results, ft->func.num_results);
  (void)def;
  (void)nt;
  return true;
}

bool sm_p_parse_op(SmParser *p, SmBlock *block) {
  size_t gmark = p->stk.len;
  unsigned ngroups = 0, nres = 0;
  SmToken first = p->tok;
  if (p->tok.kind == SM_TOK_PERCENT) {
    for (;;) {
      if (p->tok.kind != SM_TOK_PERCENT)
        return sm_p_error(p, "expected SSA value name");
      ResultGroup g = {p->tok.ptr + 1, p->tok.len - 1, 1, p->tok};
      sm_p_consume(p);
      if (sm_p_accept(p, SM_TOK_COLON)) {
        uint64_t c;
        if (p->tok.kind != SM_TOK_INT)
          return sm_p_error(p, "expected integer number of results");
        if (!sm_p_parse_uint_token(p, &p->tok, &c))
          return false;
        if (c < 1 || c > 65536)
          return sm_p_error(p, "expected named operation to have at least 1 result");
        g.count = (unsigned)c;
        sm_p_consume(p);
      }
      sm_bs_push(&p->stk, &g, sizeof g);
      ngroups++;
      nres += g.count;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
    if (!sm_p_expect(p, SM_TOK_EQUAL, "'=' after SSA name"))
      return false;
  }
  SmToken nt = p->tok;
  SmOpState st;
  const SmOpDef *def;
  const char *name;
  const SmOpDef *saved_def = p->cur_def;
  bool ok;
  if (nt.kind == SM_TOK_STRING) {
    size_t len;
    const char *s = sm_p_string_value(p, &nt, &len);
    if (len == 0)
      return sm_p_error(p, "empty operation name is invalid");
    name = sm_p_intern(p, s, len);
    def = sm_context_lookup_op(p->ctx, name, len);
    if (!def && !check_unregistered(p, &nt, name))
      return false;
    sm_p_consume(p);
    /* The name's file location is only made when no trailing loc(...)
     * replaces it (st.loc stays NULL until then): most generated files
     * carry explicit locations, and each default one is a uniqued object. */
    sm_op_state_init(&st, p->ctx, name, NULL);
    st.loc = NULL;
    p->cur_def = def;
    ok = parse_generic_body(p, &st, def, &nt);
  } else if (nt.kind == SM_TOK_BARE) {
    def = lookup_custom(p, &nt, &name);
    if (!def || !def->parse)
      return sm_p_error(p, "custom op '%.*s' is unknown", (int)nt.len, nt.ptr);
    sm_p_consume(p);
    sm_op_state_init(&st, p->ctx, name, sm_lexer_loc(&p->lx, &nt));
    p->cur_def = def;
    SmScratchMark m = sm_scratch_mark(&p->scratch);
    ok = def->parse(p, &st);
    sm_scratch_release(&p->scratch, m);
    if (!ok && !p->lx.failed) {
      /* The hook failed without saying why. */
      sm_p_error(p, "failed to parse custom form of '%s'", name);
    }
    if (!ok)
      p->lx.failed = true;
  } else {
    if (p->tok.kind == SM_TOK_ERROR)
      return false;
    return sm_p_error(p, "expected operation name in quotes");
  }
  p->cur_def = saved_def;
  ok = ok && parse_trailing_loc(p, &st);
  if (!st.loc)
    st.loc = sm_lexer_loc(&p->lx, &nt);
  if (ok && ngroups && nres != st.num_results)
    ok = sm_p_error_tok(p, &first, "operation defines %u results but was provided %u to bind", st.num_results, nres);
  if (!ok) {
    release_failed_state(&st);
    return false;
  }
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  sm_block_append_op(block, op);
  ok = bind_results(p, op, gmark, ngroups);
  p->stk.len = gmark;
  sm_p_maybe_report_progress(p);
  return ok;
}

/* ======================================================================== */
/* Custom-form parser API (ir/asm.h)                                          */
/* ======================================================================== */

SmContext *sm_parser_context(SmParser *p) { return p->ctx; }

SmLoc *sm_parser_loc(SmParser *p) { return sm_lexer_loc(&p->lx, &p->tok); }

bool sm_parser_error(SmParser *p, const char *fmt, ...) {
  if (p->lx.failed)
    return false;
  p->lx.failed = true;
  va_list ap;
  va_start(ap, fmt);
  sm_emit_diag_v(p->ctx, SM_SEV_ERROR, sm_lexer_loc(&p->lx, &p->tok), fmt, ap);
  va_end(ap);
  return false;
}

bool sm_parser_at_punct(SmParser *p, const char *punct) {
  if (p->tok.kind < SM_TOK_LPAREN)
    return false;
  size_t n = strlen(punct);
  /* "{-#" / "#-}" are not punctuation of custom forms. */
  if (p->tok.kind == SM_TOK_META_BEGIN || p->tok.kind == SM_TOK_META_END)
    return false;
  return p->tok.len == n && memcmp(p->tok.ptr, punct, n) == 0;
}

bool sm_parser_try_punct(SmParser *p, const char *punct) {
  if (!sm_parser_at_punct(p, punct))
    return false;
  sm_p_consume(p);
  return true;
}

bool sm_parser_parse_punct(SmParser *p, const char *punct) {
  if (sm_parser_try_punct(p, punct))
    return true;
  return sm_p_error(p, "expected '%s'", punct);
}

bool sm_parser_try_keyword(SmParser *p, const char *kw) {
  if (!sm_p_is_keyword(p, kw))
    return false;
  sm_p_consume(p);
  return true;
}

bool sm_parser_parse_keyword(SmParser *p, const char *kw) {
  if (sm_parser_try_keyword(p, kw))
    return true;
  return sm_p_error(p, "expected '%s'", kw);
}

SmParseResult sm_parser_try_any_keyword(SmParser *p, const char **out) {
  if (p->tok.kind != SM_TOK_BARE)
    return SM_PARSE_ABSENT;
  *out = sm_intern(p->ctx, p->tok.ptr, p->tok.len);
  sm_p_consume(p);
  return SM_PARSE_OK;
}

SmParseResult sm_parser_try_symbol_name(SmParser *p, const char **out) {
  if (p->tok.kind != SM_TOK_AT)
    return SM_PARSE_ABSENT;
  if (p->tok.ptr[1] == '"') {
    size_t len;
    const char *s = sm_p_string_value(p, &p->tok, &len);
    *out = sm_intern(p->ctx, s, len);
  } else {
    *out = sm_intern(p->ctx, p->tok.ptr + 1, p->tok.len - 1);
  }
  sm_p_consume(p);
  return SM_PARSE_OK;
}

SmParseResult sm_parser_try_string(SmParser *p, const char **out, size_t *len) {
  if (p->tok.kind != SM_TOK_STRING)
    return SM_PARSE_ABSENT;
  const char *s = sm_p_string_value(p, &p->tok, len);
  *out = sm_intern(p->ctx, s, *len);
  sm_p_consume(p);
  return SM_PARSE_OK;
}

bool sm_parser_parse_string(SmParser *p, const char **out, size_t *len) {
  if (sm_parser_try_string(p, out, len) == SM_PARSE_OK)
    return true;
  return sm_p_error(p, "expected string");
}

SmParseResult sm_parser_try_integer(SmParser *p, int64_t *out) {
  bool neg = false;
  SmToken t = p->tok;
  if (t.kind == SM_TOK_MINUS) {
    /* Peek past '-' without consuming it when no integer follows. */
    const char *q = t.ptr + 1;
    while (q < p->lx.end && (*q == ' ' || *q == '\t'))
      q++;
    if (q >= p->lx.end || *q < '0' || *q > '9')
      return SM_PARSE_ABSENT;
    neg = true;
    sm_p_consume(p);
    t = p->tok;
  }
  if (t.kind != SM_TOK_INT)
    return SM_PARSE_ABSENT;
  uint64_t mag;
  if (!sm_p_parse_uint_token(p, &t, &mag))
    return SM_PARSE_ERROR;
  if (mag > (neg ? (1ull << 63) : (uint64_t)INT64_MAX)) {
    sm_p_error(p, "integer constant out of range");
    return SM_PARSE_ERROR;
  }
  *out = neg ? (mag == (1ull << 63) ? INT64_MIN : -(int64_t)mag) : (int64_t)mag;
  sm_p_consume(p);
  return SM_PARSE_OK;
}

bool sm_parser_parse_integer(SmParser *p, int64_t *out) {
  SmParseResult r = sm_parser_try_integer(p, out);
  if (r == SM_PARSE_OK)
    return true;
  if (r == SM_PARSE_ABSENT)
    sm_p_error(p, "expected integer value");
  return false;
}

SmType *sm_parser_parse_type(SmParser *p) { return sm_p_parse_type(p); }

SmParseResult sm_parser_try_type(SmParser *p, SmType **out) {
  if (!sm_p_at_type(p))
    return SM_PARSE_ABSENT;
  *out = sm_p_parse_type(p);
  return *out ? SM_PARSE_OK : SM_PARSE_ERROR;
}

bool sm_parser_parse_colon_type(SmParser *p, SmType **out) {
  if (!sm_p_expect(p, SM_TOK_COLON, "':'"))
    return false;
  *out = sm_p_parse_type(p);
  return *out != NULL;
}

static void *to_scratch(SmParser *p, size_t mark, size_t size) {
  void *d = sm_scratch_alloc(&p->scratch, size);
  if (size)
    memcpy(d, sm_bs_at(&p->stk, mark), size);
  p->stk.len = mark;
  return d;
}

bool sm_parser_parse_type_list(SmParser *p, SmType ***out, unsigned *n) {
  size_t mark = p->stk.len;
  *n = 0;
  for (;;) {
    SmType *t = sm_p_parse_type(p);
    if (!t) {
      p->stk.len = mark;
      return false;
    }
    sm_bs_push(&p->stk, &t, sizeof t);
    (*n)++;
    if (!sm_p_accept(p, SM_TOK_COMMA))
      break;
  }
  *out = to_scratch(p, mark, *n * sizeof(SmType *));
  return true;
}

bool sm_parser_parse_function_result_types(SmParser *p, SmType ***out, unsigned *n) {
  size_t mark;
  if (!sm_p_parse_result_types(p, &mark, n))
    return false;
  *out = to_scratch(p, mark, *n * sizeof(SmType *));
  return true;
}

SmAttr *sm_parser_parse_attr(SmParser *p, SmType *type) { return sm_p_parse_attr(p, type); }

SmParseResult sm_parser_try_attr(SmParser *p, SmType *type, SmAttr **out) {
  if (!sm_p_at_attr(p))
    return SM_PARSE_ABSENT;
  *out = sm_p_parse_attr(p, type);
  return *out ? SM_PARSE_OK : SM_PARSE_ERROR;
}

bool sm_parser_parse_optional_attr_dict(SmParser *p, SmOpState *st) {
  if (p->tok.kind != SM_TOK_LBRACE)
    return true;
  SmAttr *dict = sm_p_parse_attr(p, NULL);
  if (!dict)
    return false;
  sm_op_state_set_attr_dict(st, dict);
  return true;
}

bool sm_parser_parse_optional_attr_dict_with_keyword(SmParser *p, SmOpState *st) {
  if (!sm_parser_try_keyword(p, "attributes"))
    return true;
  if (p->tok.kind != SM_TOK_LBRACE)
    return sm_p_error(p, "expected '{' after 'attributes'");
  return sm_parser_parse_optional_attr_dict(p, st);
}

SmAttr *sm_parser_parse_dict_attr(SmParser *p) { return sm_p_parse_dict(p); }

SmParseResult sm_parser_try_operand(SmParser *p, SmUnresolvedOperand *out) {
  if (p->tok.kind != SM_TOK_PERCENT)
    return SM_PARSE_ABSENT;
  SmLoc *loc = sm_lexer_loc(&p->lx, &p->tok);
  GenericOperand o;
  if (!parse_ssa_use(p, &o))
    return SM_PARSE_ERROR;
  out->name = sm_intern(p->ctx, o.name, o.len); /* hooks get interned names */
  out->number = o.number;
  out->loc = loc;
  return SM_PARSE_OK;
}

bool sm_parser_parse_operand(SmParser *p, SmUnresolvedOperand *out) {
  SmParseResult r = sm_parser_try_operand(p, out);
  if (r == SM_PARSE_ABSENT)
    return sm_p_error(p, "expected SSA operand");
  return r == SM_PARSE_OK;
}

bool sm_parser_at_operand(SmParser *p) { return p->tok.kind == SM_TOK_PERCENT; }

bool sm_parser_parse_operand_list(SmParser *p, SmUnresolvedOperand **out, unsigned *n) {
  size_t mark = p->stk.len;
  *n = 0;
  if (p->tok.kind == SM_TOK_PERCENT) {
    for (;;) {
      SmUnresolvedOperand u;
      if (!sm_parser_parse_operand(p, &u)) {
        p->stk.len = mark;
        return false;
      }
      sm_bs_push(&p->stk, &u, sizeof u);
      (*n)++;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  *out = to_scratch(p, mark, *n * sizeof(SmUnresolvedOperand));
  return true;
}

bool sm_parser_resolve_operand(SmParser *p, const SmUnresolvedOperand *u, SmType *type, SmOpState *st) {
  unsigned line = p->tok.line, col = p->tok.col;
  size_t pos = (size_t)(p->tok.ptr - p->lx.buf);
  if (u->loc && u->loc->kind == SM_LOC_FILE) {
    line = u->loc->file.line - p->lx.line_offset;
    col = u->loc->file.col;
    /* Source order for error reporting: approximate by line/col. */
    pos = ((size_t)line << 20) | col;
  }
  SmValue *v = resolve_value(p, u->name, strlen(u->name), u->number, type, line, col, pos);
  if (!v)
    return false;
  sm_op_state_add_operand(st, v);
  return true;
}

bool sm_parser_resolve_operands(SmParser *p, const SmUnresolvedOperand *us, unsigned n, SmType *const *types,
                                unsigned ntypes, SmLoc *loc, SmOpState *st) {
  if (n != ntypes) {
    if (p->lx.failed)
      return false;
    p->lx.failed = true;
    return sm_emit_error(p->ctx, loc ? loc : sm_parser_loc(p), "%u operands present, but expected %u", n, ntypes);
  }
  for (unsigned i = 0; i < n; i++)
    if (!sm_parser_resolve_operand(p, &us[i], types[i], st))
      return false;
  return true;
}

SmParseResult sm_parser_try_argument(SmParser *p, SmArgument *out, bool allow_attrs) {
  SmToken nt;
  return parse_argument(p, out, allow_attrs, &nt);
}

SmParseResult sm_parser_try_loc(SmParser *p, SmLoc **out) {
  if (!sm_p_is_keyword(p, "loc"))
    return SM_PARSE_ABSENT;
  sm_p_consume(p);
  SmLoc *l = sm_p_parse_loc_paren(p);
  if (!l)
    return SM_PARSE_ERROR;
  *out = l;
  return SM_PARSE_OK;
}

bool sm_parser_parse_region(SmParser *p, SmRegion *r, const SmArgument *args, unsigned nargs) {
  return parse_region(p, r, args, nargs);
}

SmParseResult sm_parser_try_region(SmParser *p, SmRegion *r, const SmArgument *args, unsigned nargs) {
  if (p->tok.kind != SM_TOK_LBRACE)
    return SM_PARSE_ABSENT;
  return parse_region(p, r, args, nargs) ? SM_PARSE_OK : SM_PARSE_ERROR;
}

bool sm_parser_parse_successor(SmParser *p, SmBlock **out) {
  if (p->tok.kind != SM_TOK_CARET)
    return sm_p_error(p, "expected block name");
  *out = block_ref(p, &p->tok);
  sm_p_consume(p);
  return true;
}
