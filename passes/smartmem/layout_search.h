/* Layout selection as an optimisation problem (used by smartmem-select-layout).
 *
 * Each tensor chooses a primary layout: which of its dims is innermost
 * (stride 1; the other dims keep their order, row-major around it). Its
 * producer writes the primary layout; each consumer read is served by the
 * primary layout or by one redundant copy (a layout.convert) in another
 * innermost dim. Costs, in element-access units:
 *   write:  numel * (innermost == write_want ? 1 : write_penalty)
 *   read:   volume * (innermost == want ? 1 : penalty)   (want < 0: 1)
 *           penalty: coalesce_penalty for a SIMT read that wants the dim
 *           neighbouring work-items step, else reduction_penalty inside a
 *           reduction loop, else parallel_penalty
 *   copy:   numel * copy_per_element + copy_launch
 * The cost is a sum over tensors of terms that involve only that tensor's
 * choice (a producer's write order and a consumer's loop order are fixed
 * by their domains), so the exact optimum of a graph is the sum of each
 * tensor's optimum: the exact search is a branch and bound per tensor over
 * (primary, set of copies), exponential only in the tensor's rank. */
#ifndef SM_PASSES_SMARTMEM_LAYOUT_SEARCH_H
#define SM_PASSES_SMARTMEM_LAYOUT_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#define SM_LS_MAX_RANK 8 /* tensors of higher rank keep row-major */

typedef struct SmLsCosts {
  double reduction_penalty; /* a reduction reading across its contiguous dim (paper: 1.4 MatMul) */
  double parallel_penalty;  /* an element-wise read across work-items (paper: 1.1) */
  double write_penalty;     /* a producer writing across its work-item order */
  double copy_per_element;  /* a layout.convert reads and writes each element */
  double copy_launch;       /* fixed cost of one more kernel, in element accesses */
  /* SIMT devices (GPUs): neighbouring work-items run in lockstep, so a read
   * is fast when neighbouring work-items read neighbouring addresses
   * (coalescing) rather than when one work-item's loop reads contiguously. */
  bool simt;
  double coalesce_penalty; /* a read or write across the work-item order on a SIMT device */
} SmLsCosts;

/* The paper's measured ratios (DESIGN §6) and a launch worth 4096 accesses. */
SmLsCosts sm_ls_default_costs(void);

typedef struct SmLsRead {
  double volume;  /* element reads (the consumer's domain size) */
  int want;       /* dim the read wants innermost, -1: no preference */
  bool reduction; /* read inside a reduction loop (reduction_penalty) */
  bool coalesced; /* SIMT: want is the dim neighbouring work-items step (coalesce_penalty) */
} SmLsRead;

typedef struct SmLsTensor {
  unsigned rank;
  int64_t dims[SM_LS_MAX_RANK];
  double numel;
  int write_want; /* dim the producer writes fastest, -1: none */
  bool fixed;     /* primary must stay row-major (function results) */
  unsigned nreads;
  SmLsRead *reads;
} SmLsTensor;

typedef struct SmLsChoice {
  int primary;   /* innermost dim of the primary layout */
  unsigned copies; /* bit d: a redundant copy with dim d innermost */
  int *serve;    /* per read: innermost dim of the layout it reads (caller-allocated, nreads) */
} SmLsChoice;

/* True when dim d may be innermost (extent > 1, or the row-major dim). */
bool sm_ls_candidate(const SmLsTensor *t, int d);
/* Cost of a complete choice; fills choice->serve with each read's best layout. */
double sm_ls_cost(const SmLsTensor *t, const SmLsCosts *k, SmLsChoice *choice);
/* SmartMem's heuristic: the primary serves the first reduction (or, on a
 * SIMT device, coalesced) read's dim
 * (row-major when none; fixed tensors stay row-major); every other dim that
 * a reduction read asks for gets one copy when that copy pays for itself
 * (k = 1 contiguous dim per buffer layout). Returns its cost. */
double sm_ls_heuristic(const SmLsTensor *t, const SmLsCosts *k, SmLsChoice *choice);
/* Exact minimum by branch and bound over (primary, copies); returns it.
 * *nodes (may be NULL) receives the number of search nodes visited. */
double sm_ls_exact(const SmLsTensor *t, const SmLsCosts *k, SmLsChoice *choice, long *nodes);

#endif
