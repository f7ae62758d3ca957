/* Layout selection's cost model, SmartMem's heuristic and the exact branch
 * and bound (see layout_search.h). */
#include "passes/smartmem/layout_search.h"

#include <float.h>

SmLsCosts sm_ls_default_costs(void) {
  return (SmLsCosts){.reduction_penalty = 1.4, .parallel_penalty = 1.1, .write_penalty = 1.1,
                     .copy_per_element = 2.0, .copy_launch = 4096.0, .simt = false, .coalesce_penalty = 4.0};
}

/* The dim that is physically innermost when d is put innermost: a size-1
 * dim has no stride that matters, so row-major's innermost is its last dim
 * of extent > 1. */
static int effective(const SmLsTensor *t, int d) {
  if (d < 0 || t->dims[d] > 1) return d;
  for (int i = (int)t->rank - 1; i >= 0; i--)
    if (t->dims[i] > 1) return i;
  return -1;
}

bool sm_ls_candidate(const SmLsTensor *t, int d) {
  int row = (int)t->rank - 1;
  if (d == row) return true;
  return d >= 0 && d < row && t->dims[d] > 1 && effective(t, row) != d;
}

static double read_cost(const SmLsTensor *t, const SmLsCosts *k, const SmLsRead *r, int inner) {
  if (r->want < 0 || t->dims[r->want] <= 1 || effective(t, inner) == r->want) return r->volume;
  return r->volume * (r->coalesced ? k->coalesce_penalty : r->reduction ? k->reduction_penalty : k->parallel_penalty);
}

static double write_cost(const SmLsTensor *t, const SmLsCosts *k, int primary) {
  int w = t->write_want;
  if (w < 0 || t->dims[w] <= 1 || effective(t, primary) == w) return t->numel;
  return t->numel * (k->simt ? k->coalesce_penalty : k->write_penalty);
}

static double copy_cost(const SmLsTensor *t, const SmLsCosts *k) {
  return t->numel * k->copy_per_element + k->copy_launch;
}

/* Best layout among primary and copies for read r; its cost in *cost. */
static int best_layout(const SmLsTensor *t, const SmLsCosts *k, const SmLsRead *r, int primary, unsigned copies,
                       double *cost) {
  int best = primary;
  double bc = read_cost(t, k, r, primary);
  for (int d = 0; d < (int)t->rank; d++)
    if (copies >> d & 1) {
      double c = read_cost(t, k, r, d);
      if (c < bc) bc = c, best = d;
    }
  *cost = bc;
  return best;
}

double sm_ls_cost(const SmLsTensor *t, const SmLsCosts *k, SmLsChoice *ch) {
  double total = write_cost(t, k, ch->primary);
  for (int d = 0; d < (int)t->rank; d++)
    if (ch->copies >> d & 1) total += copy_cost(t, k);
  for (unsigned i = 0; i < t->nreads; i++) {
    double c;
    int l = best_layout(t, k, &t->reads[i], ch->primary, ch->copies, &c);
    if (ch->serve) ch->serve[i] = l;
    total += c;
  }
  return total;
}

double sm_ls_heuristic(const SmLsTensor *t, const SmLsCosts *k, SmLsChoice *ch) {
  int row = (int)t->rank - 1;
  ch->primary = row;
  ch->copies = 0;
  if (!t->fixed)
    for (unsigned i = 0; i < t->nreads; i++)
      if ((t->reads[i].reduction || t->reads[i].coalesced) && t->reads[i].want >= 0 &&
          sm_ls_candidate(t, t->reads[i].want)) {
        ch->primary = t->reads[i].want;
        break;
      }
  /* Dims the remaining reduction reads ask for, in order of first request:
   * a copy is kept when the reads it would serve save more than it costs. */
  for (unsigned i = 0; i < t->nreads; i++) {
    int w = t->reads[i].want;
    if (!(t->reads[i].reduction || t->reads[i].coalesced) || w < 0 || !sm_ls_candidate(t, w) ||
        effective(t, w) == effective(t, ch->primary) ||
        (ch->copies >> w & 1))
      continue;
    double saved = 0;
    for (unsigned j = 0; j < t->nreads; j++) {
      const SmLsRead *r = &t->reads[j];
      if (!(r->reduction || r->coalesced) || r->want != w) continue;
      double now;
      best_layout(t, k, r, ch->primary, ch->copies, &now);
      saved += now - read_cost(t, k, r, w);
    }
    if (saved > copy_cost(t, k)) ch->copies |= 1u << w;
  }
  return sm_ls_cost(t, k, ch);
}

typedef struct Search {
  const SmLsTensor *t;
  const SmLsCosts *k;
  int primary;
  double best;
  int best_primary;
  unsigned best_copies;
  long nodes;
} Search;

/* Cost of the reads if every candidate dim from `from` on were also copied:
 * a lower bound for any completion of the current copy set. */
static double reads_bound(Search *s, unsigned copies, int from) {
  unsigned all = copies;
  for (int d = from; d < (int)s->t->rank; d++)
    if (d != s->primary && sm_ls_candidate(s->t, d)) all |= 1u << d;
  double sum = 0;
  for (unsigned i = 0; i < s->t->nreads; i++) {
    double c;
    best_layout(s->t, s->k, &s->t->reads[i], s->primary, all, &c);
    sum += c;
  }
  return sum;
}

static void search_copies(Search *s, int d, unsigned copies, double fixed_part) {
  s->nodes++;
  if (fixed_part + reads_bound(s, copies, d) >= s->best) return;
  if (d == (int)s->t->rank) {
    SmLsChoice c = {.primary = s->primary, .copies = copies};
    double v = sm_ls_cost(s->t, s->k, &c);
    if (v < s->best) s->best = v, s->best_primary = s->primary, s->best_copies = copies;
    return;
  }
  if (d != s->primary && sm_ls_candidate(s->t, d) && effective(s->t, d) != effective(s->t, s->primary))
    search_copies(s, d + 1, copies | 1u << d, fixed_part + copy_cost(s->t, s->k));
  search_copies(s, d + 1, copies, fixed_part);
}

double sm_ls_exact(const SmLsTensor *t, const SmLsCosts *k, SmLsChoice *ch, long *nodes) {
  Search s = {.t = t, .k = k, .best = DBL_MAX, .best_primary = (int)t->rank - 1};
  /* Start from the heuristic: its cost is a good first bound. */
  SmLsChoice h = {.serve = ch->serve};
  double hc = sm_ls_heuristic(t, k, &h);
  s.best = hc, s.best_primary = h.primary, s.best_copies = h.copies;
  for (int p = 0; p < (int)t->rank; p++) {
    if (!sm_ls_candidate(t, p) || (t->fixed && p != (int)t->rank - 1)) continue;
    s.primary = p;
    search_copies(&s, 0, 0, write_cost(t, k, p));
  }
  ch->primary = s.best_primary;
  ch->copies = s.best_copies;
  if (nodes) *nodes = s.nodes;
  return sm_ls_cost(t, k, ch);
}
