/* SPIR-V module writer: see spirv_module.h. */
#include "backend/spirv/spirv_module.h"

#include <stdlib.h>
#include <string.h>

struct SpvKey {
  uint32_t hash, id; /* id 0: empty slot */
  uint32_t off, len; /* words in keywords */
};

void spv_module_init(SpvModule *m) {
  memset(m, 0, sizeof *m);
  m->bound = 1;
}

void spv_module_free(SpvModule *m) {
  for (int s = 0; s < SPV_SEC_COUNT; s++) free(m->sec[s].w);
  free(m->keys);
  free(m->keywords.w);
  memset(m, 0, sizeof *m);
}

uint32_t spv_id(SpvModule *m) { return m->bound++; }

void spv_capability(SpvModule *m, SpvCapability c) {
  if ((unsigned)c < sizeof m->caps) m->caps[c] = 1;
}

static bool reserve(SpvModule *m, SpvWords *b, size_t extra) {
  if (b->n + extra <= b->cap) return true;
  size_t nc = b->cap ? b->cap * 2 : 256;
  while (nc < b->n + extra) nc *= 2;
  uint32_t *nw = realloc(b->w, nc * sizeof *nw);
  if (!nw) {
    m->oom = true;
    return false;
  }
  b->w = nw;
  b->cap = nc;
  return true;
}

size_t spv_inst(SpvModule *m, SpvSection s, SpvOp op, const uint32_t *operands, unsigned n) {
  SpvWords *b = &m->sec[s];
  if (!reserve(m, b, n + 1)) return 0;
  b->w[b->n++] = ((n + 1) << SpvWordCountShift) | (uint32_t)op;
  if (n) memcpy(b->w + b->n, operands, n * sizeof *operands);
  b->n += n;
  return b->n - n;
}

void spv_inst_str(SpvModule *m, SpvSection s, SpvOp op, const uint32_t *pre, unsigned npre, const char *str,
                  const uint32_t *post, unsigned npost) {
  size_t len = strlen(str), sw = len / 4 + 1; /* NUL-terminated, padded to a word */
  SpvWords *b = &m->sec[s];
  if (!reserve(m, b, 1 + npre + sw + npost)) return;
  b->w[b->n++] = ((uint32_t)(1 + npre + sw + npost) << SpvWordCountShift) | (uint32_t)op;
  if (npre) memcpy(b->w + b->n, pre, npre * sizeof *pre);
  b->n += npre;
  memset(b->w + b->n, 0, sw * sizeof *b->w);
  memcpy(b->w + b->n, str, len); /* SPIR-V strings are little-endian bytes in words */
  b->n += sw;
  if (npost) memcpy(b->w + b->n, post, npost * sizeof *post);
  b->n += npost;
}

static uint32_t hash_words(const uint32_t *w, unsigned n) {
  uint32_t h = 2166136261u;
  for (unsigned i = 0; i < n; i++) h = (h ^ w[i]) * 16777619u;
  return h ? h : 1;
}

static bool grow_keys(SpvModule *m) {
  size_t nc = m->capkeys ? m->capkeys * 2 : 256;
  SpvKey *nk = calloc(nc, sizeof *nk);
  if (!nk) return m->oom = true, false;
  for (size_t i = 0; i < m->capkeys; i++) {
    if (!m->keys[i].id) continue;
    size_t j = m->keys[i].hash & (nc - 1);
    while (nk[j].id) j = (j + 1) & (nc - 1);
    nk[j] = m->keys[i];
  }
  free(m->keys);
  m->keys = nk;
  m->capkeys = nc;
  return true;
}

/* Looks up words[0..n) (opcode first); *slot receives the place to insert. */
static uint32_t find_key(SpvModule *m, const uint32_t *w, unsigned n, uint32_t h, size_t *slot) {
  size_t j = h & (m->capkeys - 1);
  for (; m->keys[j].id; j = (j + 1) & (m->capkeys - 1)) {
    SpvKey *k = &m->keys[j];
    if (k->hash == h && k->len == n && !memcmp(m->keywords.w + k->off, w, n * sizeof *w)) return k->id;
  }
  *slot = j;
  return 0;
}

/* Interns an instruction of the global section whose result id is its
 * first operand (types) or second (constants: result_pos 1). */
static uint32_t intern(SpvModule *m, SpvOp op, const uint32_t *operands, unsigned n, unsigned result_pos) {
  uint32_t small[66], *key = n + 2 <= 66 ? small : malloc((n + 2) * sizeof *key); /* long function types */
  if (!key) return m->oom = true, 0;
  key[0] = (uint32_t)op;
  if (n) memcpy(key + 1, operands, n * sizeof *operands);
  uint32_t h = hash_words(key, n + 1), id = 0;
  size_t slot = 0;
  if ((m->nkeys + 1) * 2 > m->capkeys && !grow_keys(m)) goto out;
  if ((id = find_key(m, key, n + 1, h, &slot))) goto out;
  id = spv_id(m);
  if (!reserve(m, &m->keywords, n + 1)) goto out;
  m->keys[slot] = (SpvKey){.hash = h, .id = id, .off = (uint32_t)m->keywords.n, .len = n + 1};
  memcpy(m->keywords.w + m->keywords.n, key, (n + 1) * sizeof *key);
  m->keywords.n += n + 1;
  m->nkeys++;
  /* The instruction: operands with the result id inserted at result_pos
   * (reusing key's storage, one word longer). */
  if (result_pos) memmove(key, operands, result_pos * sizeof *operands);
  key[result_pos] = id;
  if (n > result_pos) memcpy(key + result_pos + 1, operands + result_pos, (n - result_pos) * sizeof *operands);
  spv_inst(m, SPV_SEC_GLOBAL, op, key, n + 1);
out:
  if (key != small) free(key);
  return id;
}

uint32_t spv_type(SpvModule *m, SpvOp op, const uint32_t *operands, unsigned n) { return intern(m, op, operands, n, 0); }

uint32_t spv_const(SpvModule *m, uint32_t type, const uint32_t *words, unsigned n) {
  uint32_t ops[3] = {type, words[0], n > 1 ? words[1] : 0};
  return intern(m, SpvOpConstant, ops, n + 1, 1);
}

uint32_t spv_const_bool(SpvModule *m, uint32_t bool_type, bool value) {
  return intern(m, value ? SpvOpConstantTrue : SpvOpConstantFalse, &bool_type, 1, 1);
}

uint32_t spv_undef(SpvModule *m, uint32_t type) { return intern(m, SpvOpUndef, &type, 1, 1); }

uint32_t spv_opencl_std(SpvModule *m) {
  if (!m->opencl_std) m->opencl_std = spv_id(m);
  return m->opencl_std;
}

bool spv_module_finish(SpvModule *m, uint32_t **words, size_t *n) {
  *words = NULL;
  *n = 0;
  if (m->oom) return false;
  /* Capabilities and the import are only known at the end: they are
   * written here, around the extensions (spec order: OpCapability,
   * OpExtension, OpExtInstImport, OpMemoryModel, ...). */
  SpvModule head;
  spv_module_init(&head);
  for (unsigned c = 0; c < sizeof m->caps; c++)
    if (m->caps[c]) SPV(&head, SPV_SEC_EXTENSION, SpvOpCapability, c);
  if (m->opencl_std) {
    const uint32_t id = m->opencl_std;
    spv_inst_str(&head, SPV_SEC_MEMORY_MODEL, SpvOpExtInstImport, &id, 1, "OpenCL.std", NULL, 0);
  }
  const SpvWords *parts[SPV_SEC_COUNT + 2];
  int np = 0;
  parts[np++] = &head.sec[SPV_SEC_EXTENSION];
  parts[np++] = &m->sec[SPV_SEC_EXTENSION];
  parts[np++] = &head.sec[SPV_SEC_MEMORY_MODEL];
  for (int s = SPV_SEC_MEMORY_MODEL; s < SPV_SEC_COUNT; s++) parts[np++] = &m->sec[s];
  size_t total = 5;
  for (int i = 0; i < np; i++) total += parts[i]->n;
  uint32_t *w = head.oom ? NULL : malloc(total * sizeof *w);
  if (!w) {
    spv_module_free(&head);
    return false;
  }
  /* SPIR-V 1.0: what OpenCL 1.2/2.x environments and llvm-spirv take. */
  w[0] = SpvMagicNumber;
  w[1] = 0x00010000;
  w[2] = 0; /* generator: unregistered */
  w[3] = m->bound;
  w[4] = 0;
  size_t at = 5;
  for (int i = 0; i < np; i++) {
    if (parts[i]->n) memcpy(w + at, parts[i]->w, parts[i]->n * sizeof *w);
    at += parts[i]->n;
  }
  spv_module_free(&head);
  *words = w;
  *n = total;
  return true;
}
