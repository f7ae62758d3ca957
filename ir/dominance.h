/* Dominator tree of one region's CFG (edges: each block's last op's
 * successors), by Cooper, Harvey and Kennedy's iterative algorithm over
 * reverse post-order. Queries are O(1) (DFS intervals of the tree).
 *
 * Building numbers the region's blocks in block->scratch; queries use that
 * number when it is still valid and fall back to a hash lookup otherwise, so
 * other analyses may reuse scratch meanwhile. The tree is a snapshot: rebuild
 * it after changing the region's blocks or branches. */
#ifndef SM_IR_DOMINANCE_H
#define SM_IR_DOMINANCE_H

#include "ir/ir.h"

typedef struct SmDomTree {
  SmRegion *region;
  unsigned num_reachable; /* blocks reachable from the entry */
  SmBlock **blocks;       /* reachable blocks in reverse post-order (entry first) */
  uint32_t *idom;         /* idom[i]: RPO index of block i's immediate dominator (entry: 0) */
  uint32_t *pre, *post;   /* DFS interval of each block in the dominator tree */
  SmPtrMap index;         /* block -> RPO index + 1, built on first fallback lookup */
  bool index_built;
} SmDomTree;

/* Builds the tree of r. Returns false on allocation failure (t is then empty). */
bool sm_domtree_build(SmDomTree *t, SmRegion *r);
void sm_domtree_free(SmDomTree *t);
/* False for blocks not in the region or not reachable from its entry. */
bool sm_domtree_is_reachable(SmDomTree *t, SmBlock *b);
/* a dominates b (reflexive). An unreachable b is dominated by every block
 * (as in LLVM and MLIR); an unreachable a dominates only itself. */
bool sm_domtree_dominates(SmDomTree *t, SmBlock *a, SmBlock *b);
/* Immediate dominator of a reachable block other than the entry; NULL otherwise. */
SmBlock *sm_domtree_idom(SmDomTree *t, SmBlock *b);

#endif
