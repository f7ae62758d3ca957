/* Bulk memory for a context: page-backed chunks (transparent huge pages
 * where the kernel offers them) and the op pool, a slab allocator with
 * per-size free lists that holds every op of a context.
 *
 * Why: a large module is hundreds of thousands of small, equal-sized op
 * allocations that live as long as the module. Carving them from big
 * chunks saves malloc's per-block header and its bookkeeping, and a chunk
 * on huge pages costs one page fault per 2 MiB instead of one per 4 KiB
 * (page faults were an eighth of the time of parsing a 200k-op module).
 * Builds with AddressSanitizer allocate each op with malloc instead, so
 * that use-after-free and leaks of single ops are still caught. */
#define _DEFAULT_SOURCE /* MADV_HUGEPAGE, MAP_ANONYMOUS */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ir/context_impl.h"
#include "ir/sanitizer_internal.h"

#define SM_HUGE_PAGE ((size_t)2 << 20)

#if SM_MEMORY_SANITIZED
#define SM_POOL_DISABLED 1
#endif

/* ---- Page-backed chunks --------------------------------------------------- */

void *sm_pages_alloc(size_t size) {
  if (size < SM_HUGE_PAGE) {
    void *p = malloc(size);
    if (!p) abort(); /* out of memory */
    return p;
  }
#ifdef SM_POOL_DISABLED
  void *p = malloc(size);
  if (!p) abort();
  return p;
#else
  /* Over-map by one huge page and trim, so the chunk starts on a huge-page
   * boundary (only aligned 2 MiB ranges can be backed by huge pages). */
  size_t len = size + SM_HUGE_PAGE;
  char *raw = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) abort(); /* out of memory */
  uintptr_t start = ((uintptr_t)raw + SM_HUGE_PAGE - 1) & ~(uintptr_t)(SM_HUGE_PAGE - 1);
  size_t head = start - (uintptr_t)raw, tail = len - head - size;
  if (head) munmap(raw, head);
  if (tail) munmap((char *)start + size, tail);
#ifdef MADV_HUGEPAGE
  madvise((void *)start, size, MADV_HUGEPAGE);
#endif
  return (void *)start;
#endif
}

void sm_pages_free(void *p, size_t size) {
  if (!p) return;
#ifdef SM_POOL_DISABLED
  (void)size;
  free(p);
#else
  if (size < SM_HUGE_PAGE) free(p);
  else munmap(p, size);
#endif
}

/* ---- Op pool ----------------------------------------------------------------- */

/* Chunks grow from 64 KiB to 2 MiB, so a context with a handful of ops stays
 * small and a large module gets huge-page chunks. */
#define SM_POOL_FIRST_CHUNK ((size_t)64 << 10)

typedef struct SmPoolChunk {
  struct SmPoolChunk *next;
  size_t size;
} SmPoolChunk;

#ifndef SM_POOL_DISABLED
static size_t chunk_header(void) {
  return (sizeof(SmPoolChunk) + SM_POOL_GRAIN - 1) & ~(size_t)(SM_POOL_GRAIN - 1);
}
#endif

void *sm_pool_alloc(SmOpPool *pool, size_t size, uint32_t *cls) {
  size_t c = (size + SM_POOL_GRAIN - 1) / SM_POOL_GRAIN;
#ifndef SM_POOL_DISABLED
  if (c && c <= SM_POOL_CLASSES) {
    *cls = (uint32_t)c;
    void *p = pool->free[c - 1];
    if (p) {
      memcpy(&pool->free[c - 1], p, sizeof(void *));
      return p;
    }
    size_t bytes = c * SM_POOL_GRAIN;
    if ((size_t)(pool->end - pool->cur) < bytes) {
      /* The rest of the current chunk goes to the free lists (it is
       * smaller than one block of this class). */
      size_t left = (size_t)(pool->end - pool->cur) / SM_POOL_GRAIN;
      if (left) {
        memcpy(pool->cur, &pool->free[left - 1], sizeof(void *));
        pool->free[left - 1] = pool->cur;
      }
      size_t csize = pool->next_chunk ? pool->next_chunk : SM_POOL_FIRST_CHUNK;
      pool->next_chunk = csize < SM_HUGE_PAGE ? csize * 2 : csize;
      SmPoolChunk *ch = sm_pages_alloc(csize);
      ch->size = csize;
      ch->next = pool->chunks;
      pool->chunks = ch;
      pool->cur = (char *)ch + chunk_header();
      pool->end = (char *)ch + csize;
    }
    void *p2 = pool->cur;
    pool->cur += bytes;
    return p2;
  }
#else
  (void)pool;
  (void)c;
#endif
  *cls = 0;
  void *p = malloc(size);
  if (!p) abort(); /* out of memory */
  return p;
}

void sm_pool_free(SmOpPool *pool, void *p, uint32_t cls) {
  if (!cls) {
    free(p);
    return;
  }
  memcpy(p, &pool->free[cls - 1], sizeof(void *));
  pool->free[cls - 1] = p;
}

void sm_pool_destroy(SmOpPool *pool) {
  SmPoolChunk *ch = pool->chunks;
  while (ch) {
    SmPoolChunk *n = ch->next;
    sm_pages_free(ch, ch->size);
    ch = n;
  }
  memset(pool, 0, sizeof *pool);
}
