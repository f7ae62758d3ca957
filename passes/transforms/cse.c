/* cse: common subexpression elimination of pure, region-free ops.
 *
 * A scoped hash table of "known" ops keyed by (name, operands, props,
 * attrs, result types). Scopes follow dominance: a block sees the ops of
 * the blocks that dominate it; the regions of a non-isolated op see what
 * its block saw up to the op; an isolated-from-above (or unregistered) op
 * starts from nothing. Entries are removed in LIFO order when a scope
 * ends, so each hash chain's head is always the newest entry and popping
 * is O(1). Commutative ops compare their operands as a multiset (so
 * `addi %a, %b` and `addi %b, %a` are one expression), as MLIR's CSE does. */
#include "ir/dominance.h"
#include "passes/passes.h"

#include <stdlib.h>
#include <string.h>

typedef struct Entry {
  SmOp *op;
  uint32_t hash;
  int32_t next; /* next entry in the bucket chain, -1 at the end */
} Entry;

typedef struct Cse {
  Entry *entries; /* a stack */
  size_t len, cap;
  int32_t *buckets;
  size_t nbuckets; /* power of two */
  size_t erased;
} Cse;

static inline uint32_t mix(uint32_t h, uintptr_t v) {
  uint64_t x = (uint64_t)v * 0x9E3779B97F4A7C15ull;
  h ^= (uint32_t)(x >> 32) ^ (uint32_t)x;
  return h * 0x01000193u + 0x7F4A7C15u;
}

static bool commutative(const SmOp *op) {
  return op->def && (op->def->traits & SM_TRAIT_COMMUTATIVE) && op->num_operands > 1;
}

static uint32_t hash_op(const SmOp *op) {
  uint32_t h = mix(0x811C9DC5u, (uintptr_t)op->name);
  if (commutative(op)) {
    /* A sum of per-operand hashes does not depend on the order. */
    uint32_t sum = 0;
    for (unsigned i = 0; i < op->num_operands; i++)
      sum += mix(0x2545F491u, (uintptr_t)op->operands[i].value);
    h = mix(h, sum);
  } else {
    for (unsigned i = 0; i < op->num_operands; i++)
      h = mix(h, (uintptr_t)op->operands[i].value);
  }
  for (unsigned i = 0; i < op->num_results; i++)
    h = mix(h, (uintptr_t)op->results[i].type);
  h = mix(h, (uintptr_t)op->props);
  return mix(h, (uintptr_t)op->attrs);
}

static void sort_values(const SmValue **v, unsigned n) {
  for (unsigned i = 1; i < n; i++) { /* insertion sort: operand lists are short */
    const SmValue *x = v[i];
    unsigned j = i;
    for (; j > 0 && (uintptr_t)v[j - 1] > (uintptr_t)x; j--)
      v[j] = v[j - 1];
    v[j] = x;
  }
}

/* Same operands in any order (a and b have the same count). */
static bool same_operand_multiset(const SmOp *a, const SmOp *b) {
  unsigned n = a->num_operands;
  if (n == 2) {
    const SmValue *a0 = a->operands[0].value, *a1 = a->operands[1].value;
    const SmValue *b0 = b->operands[0].value, *b1 = b->operands[1].value;
    return (a0 == b0 && a1 == b1) || (a0 == b1 && a1 == b0);
  }
  const SmValue *small[16];
  const SmValue **va = n <= 8 ? small : malloc(2 * (size_t)n * sizeof *va);
  if (!va)
    return false; /* no memory: treat as different (keeps both ops) */
  const SmValue **vb = va + n;
  for (unsigned i = 0; i < n; i++) {
    va[i] = a->operands[i].value;
    vb[i] = b->operands[i].value;
  }
  sort_values(va, n);
  sort_values(vb, n);
  bool same = memcmp(va, vb, n * sizeof *va) == 0;
  if (va != small)
    free(va);
  return same;
}

static bool equal_ops(const SmOp *a, const SmOp *b) {
  if (a->name != b->name || a->num_operands != b->num_operands ||
      a->num_results != b->num_results || a->props != b->props || a->attrs != b->attrs)
    return false;
  if (commutative(a)) {
    if (!same_operand_multiset(a, b))
      return false;
  } else {
    for (unsigned i = 0; i < a->num_operands; i++)
      if (a->operands[i].value != b->operands[i].value)
        return false;
  }
  for (unsigned i = 0; i < a->num_results; i++)
    if (a->results[i].type != b->results[i].type)
      return false;
  return true;
}

static bool rehash(Cse *c) {
  size_t n = c->nbuckets ? c->nbuckets * 2 : 1024;
  int32_t *b = malloc(n * sizeof *b);
  if (!b)
    return false;
  memset(b, 0xff, n * sizeof *b);
  /* Reinserting oldest first keeps every chain newest-first. */
  for (size_t i = 0; i < c->len; i++) {
    size_t k = c->entries[i].hash & (n - 1);
    c->entries[i].next = b[k];
    b[k] = (int32_t)i;
  }
  free(c->buckets);
  c->buckets = b;
  c->nbuckets = n;
  return true;
}

static SmOp *lookup(Cse *c, SmOp *op, uint32_t h) {
  if (!c->nbuckets)
    return NULL;
  for (int32_t i = c->buckets[h & (c->nbuckets - 1)]; i >= 0; i = c->entries[i].next)
    if (c->entries[i].hash == h && equal_ops(c->entries[i].op, op))
      return c->entries[i].op;
  return NULL;
}

static void insert(Cse *c, SmOp *op, uint32_t h) {
  if (c->len == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 1024;
    Entry *e = realloc(c->entries, cap * sizeof *e);
    if (!e)
      return;
    c->entries = e;
    c->cap = cap;
  }
  if (c->len >= INT32_MAX)
    return;
  if (c->len + 1 > c->nbuckets / 2 && !rehash(c))
    return;
  size_t k = h & (c->nbuckets - 1);
  c->entries[c->len] = (Entry){op, h, c->buckets[k]};
  c->buckets[k] = (int32_t)c->len++;
}

static void pop_to(Cse *c, size_t mark) {
  while (c->len > mark) {
    Entry *e = &c->entries[--c->len];
    c->buckets[e->hash & (c->nbuckets - 1)] = e->next;
  }
}

static bool cse_candidate(const SmOp *op) {
  return op->def && (op->def->traits & SM_TRAIT_PURE) && !(op->def->traits & SM_TRAIT_TERMINATOR) &&
         op->num_regions == 0 && op->num_successors == 0 && op->num_results > 0;
}

static bool isolates(const SmOp *op) {
  return !op->def || (op->def->traits & SM_TRAIT_ISOLATED_FROM_ABOVE);
}

static void simplify_region(Cse *c, SmRegion *r);

static void simplify_block(Cse *c, SmBlock *b) {
  SmOp *next;
  for (SmOp *op = b->first; op; op = next) {
    next = op->next;
    if (op->num_regions) {
      if (isolates(op)) {
        /* Nothing from outside may be referenced inside: fresh table. */
        Cse inner = {0};
        for (unsigned i = 0; i < op->num_regions; i++)
          simplify_region(&inner, &op->regions[i]);
        c->erased += inner.erased;
        free(inner.entries);
        free(inner.buckets);
      } else {
        for (unsigned i = 0; i < op->num_regions; i++)
          simplify_region(c, &op->regions[i]);
      }
    }
    /* Like MLIR's CSE, drop pure ops nobody uses while passing by. */
    if (sm_op_is_trivially_dead(op)) {
      sm_op_erase(op);
      c->erased++;
      continue;
    }
    if (!cse_candidate(op))
      continue;
    uint32_t h = hash_op(op);
    SmOp *known = lookup(c, op, h);
    if (known) {
      for (unsigned i = 0; i < op->num_results; i++)
        sm_value_replace_all_uses(&op->results[i], &known->results[i]);
      sm_op_erase(op);
      c->erased++;
    } else {
      insert(c, op, h);
    }
  }
}

static void simplify_region(Cse *c, SmRegion *r) {
  if (!r->first)
    return;
  size_t mark = c->len;
  if (r->first == r->last) {
    simplify_block(c, r->first);
    pop_to(c, mark);
    return;
  }
  /* Several blocks: walk the dominator tree, each block inside the scope
   * of its immediate dominator. */
  SmDomTree t;
  if (!sm_domtree_build(&t, r)) {
    for (SmBlock *b = r->first; b; b = b->next) { /* no memory: block-local only */
      simplify_block(c, b);
      pop_to(c, mark);
    }
    return;
  }
  unsigned n = t.num_reachable;
  uint32_t *first_child = malloc((n + 1) * sizeof *first_child);
  uint32_t *next_sib = malloc((n + 1) * sizeof *next_sib);
  uint32_t *stack = malloc((2 * n + 2) * sizeof *stack);
  size_t *marks = malloc((n + 1) * sizeof *marks);
  if (first_child && next_sib && stack && marks) {
    const uint32_t NONE = UINT32_MAX;
    for (unsigned i = 0; i < n; i++)
      first_child[i] = next_sib[i] = NONE;
    for (unsigned i = n; i-- > 1;) { /* children in RPO order */
      next_sib[i] = first_child[t.idom[i]];
      first_child[t.idom[i]] = i;
    }
    /* Iterative DFS: entries are (block, visited-flag). */
    size_t sp = 0;
    stack[sp++] = 0;
    while (sp) {
      uint32_t top = stack[--sp];
      if (top & 0x80000000u) { /* leaving the block: end its scope */
        pop_to(c, marks[top & 0x7fffffffu]);
        continue;
      }
      marks[top] = c->len;
      simplify_block(c, t.blocks[top]);
      stack[sp++] = top | 0x80000000u;
      for (uint32_t ch = first_child[top]; ch != NONE; ch = next_sib[ch])
        stack[sp++] = ch;
    }
  }
  /* Unreachable blocks: only their own ops. */
  for (SmBlock *b = r->first; b; b = b->next)
    if (!sm_domtree_is_reachable(&t, b)) {
      simplify_block(c, b);
      pop_to(c, mark);
    }
  free(first_child);
  free(next_sib);
  free(stack);
  free(marks);
  sm_domtree_free(&t);
  pop_to(c, mark);
}

size_t sm_cse(SmOp *op) {
  Cse c = {0};
  for (unsigned i = 0; i < op->num_regions; i++)
    simplify_region(&c, &op->regions[i]);
  free(c.entries);
  free(c.buckets);
  return c.erased;
}

static bool run_cse(SmOp *op, SmPassRun *run) {
  (void)run;
  sm_cse(op);
  return true;
}

const SmPassDef sm_cse_pass = {
    .argument = "cse",
    .summary = "Eliminate common sub-expressions (pure ops without regions), across nested "
               "regions that their definitions dominate",
    .anchor = NULL,
    .run = run_cse,
};
