/* Dominator trees of region CFGs (Cooper, Harvey, Kennedy: "A Simple, Fast
 * Dominance Algorithm"), with DFS intervals for constant-time queries. */
#include <stdlib.h>
#include <string.h>

#include "ir/dominance.h"

#define SM_NO_INDEX UINT32_MAX

static unsigned num_succs(const SmBlock *b) { return b->last ? b->last->num_successors : 0; }
static SmBlock *succ_at(const SmBlock *b, unsigned i) { return b->last->successors[i]; }

/* RPO index of b, or SM_NO_INDEX when unreachable / foreign. */
static uint32_t index_of(SmDomTree *t, SmBlock *b) {
  if (!b)
    return SM_NO_INDEX;
  uint32_t s = b->scratch;
  if (s < t->num_reachable && t->blocks[s] == b)
    return s;
  if (!t->index_built) {
    sm_ptrmap_init(&t->index);
    for (unsigned i = 0; i < t->num_reachable; i++)
      sm_ptrmap_put(&t->index, t->blocks[i], (void *)(uintptr_t)(i + 1));
    t->index_built = true;
  }
  uintptr_t v = (uintptr_t)sm_ptrmap_get(&t->index, b);
  return v ? (uint32_t)(v - 1) : SM_NO_INDEX;
}

void sm_domtree_free(SmDomTree *t) {
  free(t->blocks);
  free(t->idom);
  free(t->pre);
  free(t->post);
  if (t->index_built)
    sm_ptrmap_free(&t->index);
  memset(t, 0, sizeof *t);
}

static uint32_t intersect(const uint32_t *idom, uint32_t a, uint32_t b) {
  while (a != b) {
    while (a > b)
      a = idom[a];
    while (b > a)
      b = idom[b];
  }
  return a;
}

bool sm_domtree_build(SmDomTree *t, SmRegion *r) {
  memset(t, 0, sizeof *t);
  t->region = r;
  size_t nblocks = 0;
  for (SmBlock *b = r->first; b; b = b->next) {
    b->scratch = SM_NO_INDEX; /* "not visited" during the DFS */
    nblocks++;
  }
  if (nblocks == 0)
    return true;

  /* Iterative DFS from the entry: post-order into `order`. */
  SmBlock **order = malloc(nblocks * sizeof *order);
  SmBlock **stack = malloc(nblocks * sizeof *stack);
  unsigned *next = malloc(nblocks * sizeof *next);
  bool ok = order && stack && next;
  unsigned n = 0, sp = 0;
  if (ok) {
    stack[sp] = r->first;
    next[sp++] = 0;
    r->first->scratch = 0; /* visited marker */
    while (sp) {
      SmBlock *b = stack[sp - 1];
      unsigned i = next[sp - 1];
      if (i < num_succs(b)) {
        next[sp - 1]++;
        SmBlock *s = succ_at(b, i);
        if (s && s->region == r && s->scratch == SM_NO_INDEX) {
          s->scratch = 0;
          stack[sp] = s;
          next[sp++] = 0;
        }
      } else {
        order[n++] = b;
        sp--;
      }
    }
  }
  free(stack);
  free(next);
  if (!ok) {
    free(order);
    return false;
  }

  /* Reverse post-order numbering: the entry gets 0. */
  t->num_reachable = n;
  t->blocks = malloc(n * sizeof *t->blocks);
  t->idom = malloc(n * sizeof *t->idom);
  t->pre = malloc(n * sizeof *t->pre);
  t->post = malloc(n * sizeof *t->post);
  uint32_t *pred_start = calloc((size_t)n + 1, sizeof *pred_start);
  if (!t->blocks || !t->idom || !t->pre || !t->post || !pred_start) {
    free(order);
    free(pred_start);
    sm_domtree_free(t);
    return false;
  }
  for (unsigned i = 0; i < n; i++) {
    t->blocks[i] = order[n - 1 - i];
    t->blocks[i]->scratch = i;
  }
  free(order);
  /* Blocks the DFS never reached must not look visited. Their scratch is
   * still SM_NO_INDEX (only reached blocks were marked). */

  /* Predecessor lists (CSR), reachable blocks only. */
  size_t nedges = 0;
  for (unsigned i = 0; i < n; i++) {
    SmBlock *b = t->blocks[i];
    for (unsigned k = 0; k < num_succs(b); k++) {
      SmBlock *s = succ_at(b, k);
      if (s && s->region == r && s->scratch < n && t->blocks[s->scratch] == s) {
        pred_start[s->scratch + 1]++;
        nedges++;
      }
    }
  }
  for (unsigned i = 0; i < n; i++)
    pred_start[i + 1] += pred_start[i];
  uint32_t *preds = malloc((nedges ? nedges : 1) * sizeof *preds);
  uint32_t *fill = malloc(((size_t)n ? n : 1) * sizeof *fill);
  if (!preds || !fill) {
    free(preds);
    free(fill);
    free(pred_start);
    sm_domtree_free(t);
    return false;
  }
  memcpy(fill, pred_start, n * sizeof *fill);
  for (unsigned i = 0; i < n; i++) {
    SmBlock *b = t->blocks[i];
    for (unsigned k = 0; k < num_succs(b); k++) {
      SmBlock *s = succ_at(b, k);
      if (s && s->region == r && s->scratch < n && t->blocks[s->scratch] == s)
        preds[fill[s->scratch]++] = i;
    }
  }

  /* The iteration: idom of each block is the intersection of its processed
   * predecessors' dominators, until nothing changes. */
  for (unsigned i = 0; i < n; i++)
    t->idom[i] = SM_NO_INDEX;
  t->idom[0] = 0;
  bool changed = true;
  while (changed) {
    changed = false;
    for (unsigned b = 1; b < n; b++) {
      uint32_t nid = SM_NO_INDEX;
      for (uint32_t k = pred_start[b]; k < pred_start[b + 1]; k++) {
        uint32_t p = preds[k];
        if (t->idom[p] == SM_NO_INDEX)
          continue;
        nid = nid == SM_NO_INDEX ? p : intersect(t->idom, p, nid);
      }
      if (nid != t->idom[b]) {
        t->idom[b] = nid;
        changed = true;
      }
    }
  }

  /* Children lists of the tree (CSR again, reusing the buffers), then DFS
   * intervals: a dominates b iff pre[a] <= pre[b] && post[b] <= post[a]. */
  memset(pred_start, 0, ((size_t)n + 1) * sizeof *pred_start);
  for (unsigned b = 1; b < n; b++)
    pred_start[t->idom[b] + 1]++;
  for (unsigned i = 0; i < n; i++)
    pred_start[i + 1] += pred_start[i];
  uint32_t *kids = realloc(preds, ((size_t)n ? n : 1) * sizeof *kids);
  if (!kids) {
    free(preds);
    free(fill);
    free(pred_start);
    sm_domtree_free(t);
    return false;
  }
  memcpy(fill, pred_start, n * sizeof *fill);
  for (unsigned b = 1; b < n; b++)
    kids[fill[t->idom[b]]++] = b;
  /* fill[] now doubles as the DFS stack's per-node cursor. */
  uint32_t *dstack = malloc(((size_t)n ? n : 1) * sizeof *dstack);
  if (!dstack) {
    free(kids);
    free(fill);
    free(pred_start);
    sm_domtree_free(t);
    return false;
  }
  memcpy(fill, pred_start, n * sizeof *fill);
  uint32_t clock = 0;
  unsigned dsp = 0;
  dstack[dsp++] = 0;
  t->pre[0] = clock++;
  while (dsp) {
    uint32_t b = dstack[dsp - 1];
    if (fill[b] < pred_start[b + 1]) {
      uint32_t c = kids[fill[b]++];
      t->pre[c] = clock++;
      dstack[dsp++] = c;
    } else {
      t->post[b] = clock++;
      dsp--;
    }
  }
  free(dstack);
  free(kids);
  free(fill);
  free(pred_start);
  return true;
}

bool sm_domtree_is_reachable(SmDomTree *t, SmBlock *b) {
  return index_of(t, b) != SM_NO_INDEX;
}

bool sm_domtree_dominates(SmDomTree *t, SmBlock *a, SmBlock *b) {
  if (a == b)
    return true;
  uint32_t ib = index_of(t, b);
  if (ib == SM_NO_INDEX)
    return true;
  uint32_t ia = index_of(t, a);
  if (ia == SM_NO_INDEX)
    return false;
  return t->pre[ia] <= t->pre[ib] && t->post[ib] <= t->post[ia];
}

SmBlock *sm_domtree_idom(SmDomTree *t, SmBlock *b) {
  uint32_t i = index_of(t, b);
  if (i == SM_NO_INDEX || i == 0)
    return NULL;
  return t->blocks[t->idom[i]];
}
