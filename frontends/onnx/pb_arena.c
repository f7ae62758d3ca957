/* Arena allocator for protobuf-c unpacking. A ModelProto unpacks into tens
 * of thousands of small blocks (node names, inputs, attributes); bump
 * allocation and one release replace the per-block malloc/free and the
 * free_unpacked walk. Blocks of SM_PB_ARENA_LARGE bytes or more (tensor
 * raw_data) are malloc'ed one by one so that the importer can adopt them.
 * Under AddressSanitizer every block is separate, so overflows stay
 * visible. */
#include "frontends/onnx/onnx_internal.h"

#include <stddef.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define SM_PB_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SM_PB_ARENA_ASAN 1
#endif
#endif
#ifndef SM_PB_ARENA_ASAN
#define SM_PB_ARENA_ASAN 0
#endif
#define SM_PB_ARENA_LARGE 4096
#define CHUNK_SIZE (256 * 1024)
#define ALIGN _Alignof(max_align_t)

typedef struct SmOnnxArenaChunk {
  struct SmOnnxArenaChunk *next;
  size_t used, cap;
  max_align_t data[];
} Chunk;

static void *arena_alloc(void *data, size_t size) {
  SmOnnxArena *a = data;
  if (SM_PB_ARENA_ASAN || size >= SM_PB_ARENA_LARGE) {
    void *p = malloc(size ? size : 1);
    if (!p) return NULL;
    /* Only the block's address is used as the key, never its bytes; GCC 12
     * assumes a const void * argument is read and warns about the fresh
     * block. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
    sm_ptrmap_put(&a->large, p, a);
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    return p;
  }
  size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
  Chunk *c = a->chunks;
  if (!c || c->cap - c->used < size) {
    size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
    c = malloc(sizeof *c + cap);
    if (!c) return NULL;
    c->next = a->chunks;
    c->used = 0;
    c->cap = cap;
    a->chunks = c;
  }
  void *p = (char *)c->data + c->used;
  c->used += size;
  return p;
}

static void arena_free(void *data, void *p) {
  SmOnnxArena *a = data;
  if (p && sm_ptrmap_contains(&a->large, p)) {
    sm_ptrmap_remove(&a->large, p);
    free(p);
  }
  /* Small blocks go with the arena. */
}

void sm_onnx_arena_init(SmOnnxArena *a) {
  a->chunks = NULL;
  sm_ptrmap_init(&a->large);
  a->allocator.alloc = arena_alloc;
  a->allocator.free = arena_free;
  a->allocator.allocator_data = a;
}

bool sm_onnx_arena_adopt(SmOnnxArena *a, void *p) {
  if (!a) return true;
  if (!p || !sm_ptrmap_contains(&a->large, p)) return false;
  sm_ptrmap_remove(&a->large, p);
  return true;
}

void sm_onnx_arena_free(SmOnnxArena *a) {
  for (size_t i = 0; i < a->large.cap; i++)
    if (a->large.keys[i]) free((void *)a->large.keys[i]);
  sm_ptrmap_free(&a->large);
  for (Chunk *c = a->chunks, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  a->chunks = NULL;
}
