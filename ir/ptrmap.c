/* Pointer -> pointer hash map: open addressing with linear probing and
 * backward-shift deletion (no tombstones), NULL keys mean empty slots. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"

static size_t slot_of(const SmPtrMap *m, const void *key) {
  return (size_t)sm_hash_ptr(0, key) & (m->cap - 1);
}

void sm_ptrmap_init(SmPtrMap *m) { memset(m, 0, sizeof *m); }

void sm_ptrmap_free(SmPtrMap *m) {
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}

static void grow(SmPtrMap *m) {
  size_t ncap = m->cap ? m->cap * 2 : 16;
  SmPtrMap n = {calloc(ncap, sizeof(void *)), malloc(ncap * sizeof(void *)), ncap, 0};
  if (!n.keys || !n.vals) abort();
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->keys[i]) continue;
    size_t j = slot_of(&n, m->keys[i]);
    while (n.keys[j]) j = (j + 1) & (ncap - 1);
    n.keys[j] = m->keys[i];
    n.vals[j] = m->vals[i];
  }
  n.count = m->count;
  free(m->keys);
  free(m->vals);
  *m = n;
}

void sm_ptrmap_put(SmPtrMap *m, const void *key, void *val) {
  if ((m->count + 1) * 4 > m->cap * 3) grow(m);
  size_t i = slot_of(m, key);
  while (m->keys[i]) {
    if (m->keys[i] == key) {
      m->vals[i] = val;
      return;
    }
    i = (i + 1) & (m->cap - 1);
  }
  m->keys[i] = key;
  m->vals[i] = val;
  m->count++;
}

static bool find(const SmPtrMap *m, const void *key, size_t *out) {
  if (!m->cap || !key) return false;
  size_t i = slot_of(m, key);
  while (m->keys[i]) {
    if (m->keys[i] == key) {
      *out = i;
      return true;
    }
    i = (i + 1) & (m->cap - 1);
  }
  return false;
}

void *sm_ptrmap_get(const SmPtrMap *m, const void *key) {
  size_t i;
  return find(m, key, &i) ? m->vals[i] : NULL;
}

bool sm_ptrmap_contains(const SmPtrMap *m, const void *key) {
  size_t i;
  return find(m, key, &i);
}

void sm_ptrmap_remove(SmPtrMap *m, const void *key) {
  size_t i;
  if (!find(m, key, &i)) return;
  size_t mask = m->cap - 1, j = i;
  /* Shift later members of the probe chain back so lookups still find them. */
  for (;;) {
    j = (j + 1) & mask;
    if (!m->keys[j]) break;
    size_t home = slot_of(m, m->keys[j]);
    /* Move j into the hole at i unless its home lies cyclically in (i, j]. */
    bool in_range = i <= j ? (home > i && home <= j) : (home > i || home <= j);
    if (in_range) continue;
    m->keys[i] = m->keys[j];
    m->vals[i] = m->vals[j];
    i = j;
  }
  m->keys[i] = NULL;
  m->vals[i] = NULL;
  m->count--;
}

void sm_ptrmap_clear(SmPtrMap *m) {
  if (m->cap) memset(m->keys, 0, m->cap * sizeof(void *));
  m->count = 0;
}
