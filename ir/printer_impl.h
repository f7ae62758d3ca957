/* Internals shared by the op printer (ir/printer.c) and the attribute, type,
 * location and affine printer (ir/print_attrs.c). Not a public header. */
#ifndef SM_IR_PRINTER_IMPL_H
#define SM_IR_PRINTER_IMPL_H

#include <string.h>

#include "ir/ir.h"

/* Pointer -> integer hash table (open addressing, linear probing). Private
 * to the printer so that lookups on the hot path inline. */
typedef struct SmPtrTab {
  const void **keys;
  uint64_t *vals;
  size_t cap, count; /* cap: power of two or 0 */
} SmPtrTab;

void sm_ptrtab_free(SmPtrTab *t);
/* Inserts key (must not be NULL) if absent; returns the value slot and sets
 * *inserted. A new slot holds 0. */
uint64_t *sm_ptrtab_slot(SmPtrTab *t, const void *key, bool *inserted);

static inline size_t sm_ptrtab_hash(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return (size_t)x;
}

/* Pointer to the value of key, or NULL when absent. */
static inline uint64_t *sm_ptrtab_find(const SmPtrTab *t, const void *key) {
  if (!t->cap) return NULL;
  size_t mask = t->cap - 1;
  for (size_t i = sm_ptrtab_hash(key) & mask;; i = (i + 1) & mask) {
    if (t->keys[i] == key) return &t->vals[i];
    if (!t->keys[i]) return NULL;
  }
}

/* State the attribute printer needs from the op printer: the output, the
 * alias table, elision and the record of referenced resources. A zeroed
 * struct with `out` set prints everything inline. */
typedef struct SmAsmState {
  SmStrBuf *out;
  /* Affine map attributes that print as #mapN: attr -> N + 1. NULL: none. */
  SmPtrTab *aliases;
  int64_t elide_elements; /* > 0: elide larger dense elements */
  /* dense_resource keys referenced while printing, in order of first use.
   * record_resources false: not recorded. */
  bool record_resources;
  SmPtrTab res_seen;
  const char **res_names;
  size_t num_res, res_cap;
  /* Alias collection (the dry pass before printing): visit order of affine
   * map attributes; `visited` remembers containers already walked. */
  SmPtrTab visited;
  SmAttr **alias_list;
  size_t num_aliases, alias_cap;
  /* Distinct attributes get IDs 0, 1, ... in the order they are printed. */
  SmPtrTab distinct_ids;
  uint64_t next_distinct;
  /* cache_types: shaped and function types, and whole attribute
   * dictionaries of ops, print once; later prints copy the text (uniqued
   * object -> offset << 24 | length in type_text). */
  bool cache_types;
  SmPtrTab type_cache;
  SmStrBuf type_text;
} SmAsmState;

void sm_asm_state_free(SmAsmState *s);

/* The text cache (cache_types), around printing a uniqued object `key`:
 *   SmAsmCacheMark m;
 *   if (sm_asm_cache_begin(s, key, &m)) return; // copied from the cache
 *   ...print into s->out...
 *   sm_asm_cache_end(s, key, &m);
 * When caching is off or already under way (nested objects) begin prints
 * nothing and end does nothing. */
typedef struct SmAsmCacheMark {
  SmStrBuf *out; /* the real output while printing into type_text; NULL: not caching */
  size_t start;
} SmAsmCacheMark;
bool sm_asm_cache_begin(SmAsmState *s, const void *key, SmAsmCacheMark *m);
void sm_asm_cache_end(SmAsmState *s, const void *key, const SmAsmCacheMark *m);

/* ---- Fast output --------------------------------------------------------- */

static inline void sm_out_write(SmStrBuf *b, const char *s, size_t n) {
  if (b->cap - b->len > n) {
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
  } else {
    sm_strbuf_append(b, s, n);
  }
}

static inline void sm_out_char(SmStrBuf *b, char c) {
  if (b->cap - b->len > 1) {
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
  } else {
    sm_strbuf_append(b, &c, 1);
  }
}

#define SM_OUT_LIT(b, lit) sm_out_write((b), (lit), sizeof(lit) - 1)

static inline void sm_out_str(SmStrBuf *b, const char *s) { sm_out_write(b, s, strlen(s)); }

/* Decimal integers without printf. */
void sm_out_u64(SmStrBuf *b, uint64_t v);
void sm_out_i64(SmStrBuf *b, int64_t v);

/* ---- Attribute-level printing (ir/print_attrs.c) ------------------------- */

void sm_asm_print_type(SmAsmState *s, const SmType *t);
/* elide_type: print no ": type" suffix (integer, float, dense). */
void sm_asm_print_attr(SmAsmState *s, const SmAttr *a, bool elide_type);
/* Array elements: i64 integers and f64 floats drop their type, as MLIR does. */
void sm_asm_print_attr_may_elide(SmAsmState *s, const SmAttr *a);
void sm_asm_print_loc(SmAsmState *s, const SmLoc *l); /* loc(...) */
/* `name = value` (or just `name` for unit). */
void sm_asm_print_named_attr(SmAsmState *s, const SmNamedAttr *na);
/* Bare identifier if possible, else a quoted string. */
void sm_asm_print_keyword_or_string(SmStrBuf *out, const char *s, size_t len);
void sm_asm_print_escaped(SmStrBuf *out, const char *s, size_t len); /* "..." */
bool sm_asm_is_bare_identifier(const char *s, size_t len);
/* Function result list: t, or (t, u) when not exactly one non-function type. */
void sm_asm_print_result_types(SmAsmState *s, SmType *const *ts, unsigned n);

/* Dry pass: records affine map attributes reachable from a/t in visit order. */
void sm_asm_visit_attr(SmAsmState *s, const SmAttr *a);
void sm_asm_visit_type(SmAsmState *s, const SmType *t);
void sm_asm_visit_loc(SmAsmState *s, const SmLoc *l);

#endif
