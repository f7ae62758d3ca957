/* Layout selection's search (passes/smartmem/layout_search.c): on random
 * small problems the branch and bound finds exactly the brute-force
 * minimum over every (primary, copy set), the heuristic is never below it,
 * and on small graphs of several tensors the sum of per-tensor optima is
 * the brute-force optimum of the joint assignment. */
#include <criterion/criterion.h>

#include "passes/smartmem/layout_search.h"

static uint64_t rng = 0x9e3779b97f4a7c15u;
static unsigned rnd(unsigned n) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return (unsigned)(rng % n);
}

static void random_tensor(SmLsTensor *t, SmLsRead *reads) {
  static const int64_t ext[] = {1, 2, 3, 5, 64};
  t->rank = 2 + rnd(3);
  t->numel = 1;
  for (unsigned d = 0; d < t->rank; d++) t->dims[d] = ext[rnd(5)], t->numel *= (double)t->dims[d];
  t->write_want = (int)rnd(t->rank + 1) - 1;
  t->fixed = rnd(4) == 0;
  t->nreads = rnd(7);
  t->reads = reads;
  for (unsigned i = 0; i < t->nreads; i++) {
    reads[i].volume = t->numel * (double)(1 + rnd(400));
    reads[i].want = (int)rnd(t->rank + 1) - 1;
    reads[i].reduction = rnd(3) != 0;
    reads[i].coalesced = false;
  }
}

/* Minimum over every primary the tensor may take and every copy subset. */
static double brute_force(const SmLsTensor *t, const SmLsCosts *k) {
  double best = -1;
  for (int p = 0; p < (int)t->rank; p++) {
    if (!sm_ls_candidate(t, p) || (t->fixed && p != (int)t->rank - 1)) continue;
    for (unsigned copies = 0; copies < 1u << t->rank; copies++) {
      bool ok = !(copies >> p & 1);
      for (int d = 0; d < (int)t->rank; d++)
        if (copies >> d & 1 && !sm_ls_candidate(t, d)) ok = false;
      if (!ok) continue;
      int serve[8];
      SmLsChoice c = {.primary = p, .copies = copies, .serve = serve};
      double v = sm_ls_cost(t, k, &c);
      if (best < 0 || v < best) best = v;
    }
  }
  return best;
}

Test(layout_search, exact_matches_brute_force) {
  SmLsCosts k = sm_ls_default_costs();
  long differ = 0;
  for (int trial = 0; trial < 3000; trial++) {
    SmLsTensor t = {0};
    SmLsRead reads[8];
    random_tensor(&t, reads);
    int serve[8];
    SmLsChoice x = {.serve = serve}, h = {.serve = serve};
    double xc = sm_ls_exact(&t, &k, &x, NULL);
    double hc = sm_ls_heuristic(&t, &k, &h);
    double bf = brute_force(&t, &k);
    cr_assert_float_eq(xc, bf, 1e-9 * bf, "trial %d: exact %f, brute force %f", trial, xc, bf);
    cr_assert(hc >= bf - 1e-9 * bf, "trial %d: heuristic %f below the optimum %f", trial, hc, bf);
    if (t.fixed) cr_assert_eq(x.primary, (int)t.rank - 1, "a fixed tensor must stay row-major");
    differ += hc > bf * (1 + 1e-9);
  }
  /* The random problems include ones where the heuristic's "first reader
   * wins" rule is not optimal: the comparison is not vacuous. */
  cr_assert(differ > 0);
}

/* SIMT costs (coalescing reads and writes at their own penalty): the exact
 * search still finds the brute-force optimum, and a coalesced read that
 * outweighs the write takes the primary layout. */
Test(layout_search, exact_matches_brute_force_simt) {
  SmLsCosts k = sm_ls_default_costs();
  k.simt = true;
  k.coalesce_penalty = 4.0;
  for (int trial = 0; trial < 2000; trial++) {
    SmLsTensor t = {0};
    SmLsRead reads[8];
    random_tensor(&t, reads);
    for (unsigned i = 0; i < t.nreads; i++) reads[i].coalesced = rnd(2) == 0;
    int serve[8];
    SmLsChoice x = {.serve = serve}, h = {.serve = serve};
    double xc = sm_ls_exact(&t, &k, &x, NULL);
    double hc = sm_ls_heuristic(&t, &k, &h);
    double bf = brute_force(&t, &k);
    cr_assert_float_eq(xc, bf, 1e-9 * bf, "trial %d: exact %f, brute force %f", trial, xc, bf);
    cr_assert(hc >= bf - 1e-9 * bf, "trial %d: heuristic %f below the optimum %f", trial, hc, bf);
  }
  SmLsRead r = {.volume = 64.0 * 64 * 64, .want = 0, .coalesced = true};
  SmLsTensor t = {.rank = 2, .dims = {64, 64}, .numel = 64.0 * 64, .write_want = 1, .nreads = 1, .reads = &r};
  int serve[1];
  SmLsChoice h = {.serve = serve};
  double hc = sm_ls_heuristic(&t, &k, &h);
  cr_assert_eq(h.primary, 0);
  cr_assert_float_eq(hc, 64.0 * 64 * 4 + 64.0 * 64 * 64, 1e-6); /* uncoalesced write, coalesced read */
}

/* A graph of three tensors: every joint assignment enumerated at once. */
Test(layout_search, graph_optimum_is_sum_of_tensor_optima) {
  SmLsCosts k = sm_ls_default_costs();
  for (int trial = 0; trial < 200; trial++) {
    SmLsTensor t[3] = {0};
    SmLsRead reads[3][8];
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      random_tensor(&t[i], reads[i]);
      int serve[8];
      SmLsChoice x = {.serve = serve};
      sum += sm_ls_exact(&t[i], &k, &x, NULL);
    }
    double best = -1;
    unsigned n0 = t[0].rank << t[0].rank, n1 = t[1].rank << t[1].rank, n2 = t[2].rank << t[2].rank;
    for (unsigned a = 0; a < n0; a++)
      for (unsigned b = 0; b < n1; b++)
        for (unsigned c = 0; c < n2; c++) {
          unsigned pick[3] = {a, b, c};
          double total = 0;
          bool ok = true;
          for (int i = 0; i < 3 && ok; i++) {
            int p = (int)(pick[i] >> t[i].rank);
            unsigned copies = pick[i] & ((1u << t[i].rank) - 1);
            ok = sm_ls_candidate(&t[i], p) && !(t[i].fixed && p != (int)t[i].rank - 1) && !(copies >> p & 1);
            for (int d = 0; d < (int)t[i].rank; d++)
              if (copies >> d & 1 && !sm_ls_candidate(&t[i], d)) ok = false;
            int serve[8];
            SmLsChoice ch = {.primary = p, .copies = copies, .serve = serve};
            if (ok) total += sm_ls_cost(&t[i], &k, &ch);
          }
          if (ok && (best < 0 || total < best)) best = total;
        }
    cr_assert_float_eq(sum, best, 1e-9 * best, "trial %d: per-tensor %f, joint %f", trial, sum, best);
  }
}

/* The paper's case: B of a MatMul is read along its reduction dim 0. */
Test(layout_search, matmul_b_gets_reduction_dim_innermost) {
  SmLsCosts k = sm_ls_default_costs();
  SmLsRead r = {.volume = 64.0 * 64 * 64, .want = 0, .reduction = true};
  SmLsTensor t = {.rank = 2, .dims = {64, 64}, .numel = 4096, .write_want = 1, .nreads = 1, .reads = &r};
  int serve[1];
  SmLsChoice h = {.serve = serve};
  sm_ls_heuristic(&t, &k, &h);
  cr_assert_eq(h.primary, 0);
  cr_assert_eq(h.copies, 0u);
  t.fixed = true; /* a function result: row-major plus one copy */
  sm_ls_heuristic(&t, &k, &h);
  cr_assert_eq(h.primary, 1);
  cr_assert_eq(h.copies, 1u);
}
