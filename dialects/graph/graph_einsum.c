/* graph.einsum: parsing the ONNX/numpy equation against operand shapes.
 * Shared by shape inference, the interpreter kernel and the lowering, so
 * all three read an equation the same way. */
#include "dialects/graph/graph.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static bool fail(char *err, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, n, fmt, ap);
  va_end(ap);
  return false;
}

/* One term: letters (a-z, A-Z) and at most one "..."; spaces ignored.
 * Ellipsis labels are written as 0..ne-1 (ne from the operand rank),
 * letters as 128 + character. Returns the number of labels or -1. */
static int term(const char **pp, const char *end, unsigned ellipsis_dims, bool *has_ell, int *codes,
                unsigned max, char *err, size_t n) {
  const char *p = *pp;
  int k = 0;
  *has_ell = false;
  for (; p < end && *p != ',' && *p != '-'; p++) {
    if (*p == ' ') continue;
    if (*p == '.') {
      if (*has_ell || end - p < 3 || p[1] != '.' || p[2] != '.') return fail(err, n, "malformed '...'"), -1;
      *has_ell = true;
      p += 2;
      for (unsigned i = 0; i < ellipsis_dims; i++) {
        if ((unsigned)k >= max) return fail(err, n, "term has too many dimensions"), -1;
        codes[k++] = (int)i;
      }
      continue;
    }
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
      return fail(err, n, "unexpected character '%c'", *p), -1;
    if ((unsigned)k >= max) return fail(err, n, "term has too many dimensions"), -1;
    codes[k++] = 128 + *p;
  }
  *pp = p;
  return k;
}

/* Number of letters in a term (to size its ellipsis). */
static unsigned letters(const char *p, const char *end) {
  unsigned k = 0;
  for (; p < end && *p != ',' && *p != '-'; p++) k += (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
  return k;
}

bool sm_graph_einsum_parse(const char *eq, unsigned nin, const unsigned *ranks, const int64_t *const *dims,
                           SmGraphEinsum *e, char *err, size_t n) {
  memset(e, 0, sizeof *e);
  if (!eq) return fail(err, n, "missing equation");
  if (nin < 1 || nin > SM_EINSUM_MAX_INPUTS) return fail(err, n, "einsum takes 1 to %d operands", SM_EINSUM_MAX_INPUTS);
  const char *end = eq + strlen(eq), *arrow = strstr(eq, "->");
  const char *lhs_end = arrow ? arrow : end;
  int codes[SM_EINSUM_MAX_INPUTS][SM_EINSUM_MAX_LABELS];
  unsigned ne = 0; /* ellipsis dims: the most any operand has */
  bool any_ell = false;
  const char *p = eq;
  for (unsigned i = 0; i < nin; i++) {
    if (i && (p >= lhs_end || *p++ != ',')) return fail(err, n, "equation has fewer terms than the %u operands", nin);
    unsigned nl = letters(p, lhs_end);
    bool he;
    const char *q = p;
    if (ranks[i] > SM_EINSUM_MAX_LABELS) return fail(err, n, "operand %u has rank above %d", i, SM_EINSUM_MAX_LABELS);
    int k = term(&q, lhs_end, ranks[i] >= nl ? ranks[i] - nl : 0, &he, codes[i], SM_EINSUM_MAX_LABELS, err, n);
    if (k < 0) return false;
    if ((unsigned)k != ranks[i]) return fail(err, n, "term %u has %d labels for an operand of rank %u", i, k, ranks[i]);
    e->rank[i] = ranks[i];
    if (he) {
      any_ell = true;
      if (ranks[i] - nl > ne) ne = ranks[i] - nl;
    }
    p = q;
  }
  if (p != lhs_end) return fail(err, n, "equation has more terms than the %u operands", nin);
  e->nin = nin;
  /* Ellipsis codes count from the right: operand dims ne-m.. of the run. */
  for (unsigned i = 0; i < nin; i++) {
    unsigned m = 0;
    for (unsigned d = 0; d < ranks[i]; d++) m += codes[i][d] < 128;
    for (unsigned d = 0; d < ranks[i]; d++)
      if (codes[i][d] < 128) codes[i][d] += (int)(ne - m);
  }
  /* Output labels. */
  int oc[SM_EINSUM_MAX_LABELS];
  unsigned orank = 0;
  if (arrow) {
    const char *q = arrow + 2;
    bool he;
    int k = term(&q, end, ne, &he, oc, SM_EINSUM_MAX_LABELS, err, n);
    if (k < 0) return false;
    if (q != end) return fail(err, n, "unexpected '%c' in the output term", *q);
    if (any_ell && !he && ne) return fail(err, n, "the output term must keep '...'");
    orank = (unsigned)k;
  } else {
    for (unsigned d = 0; d < ne; d++) oc[orank++] = (int)d;
    bool lower = false, upper = false;
    for (int ch = 'A'; ch <= 'z'; ch++) {
      unsigned count = 0;
      for (unsigned i = 0; i < nin; i++)
        for (unsigned d = 0; d < ranks[i]; d++) count += codes[i][d] == 128 + ch;
      if (count == 1) {
        if (orank >= SM_EINSUM_MAX_LABELS) return fail(err, n, "too many labels");
        oc[orank++] = 128 + ch;
        lower |= ch >= 'a', upper |= ch <= 'Z';
      }
    }
    if (lower && upper) return fail(err, n, "implicit output with both upper- and lower-case labels is ambiguous: write '->'");
  }
  /* Number labels: output first, then the rest in order of appearance. */
  int code_of[SM_EINSUM_MAX_LABELS];
  for (unsigned d = 0; d < orank; d++) {
    for (unsigned j = 0; j < d; j++)
      if (oc[j] == oc[d]) return fail(err, n, "output label repeats");
    bool seen = false;
    for (unsigned i = 0; i < nin && !seen; i++)
      for (unsigned k = 0; k < ranks[i]; k++) seen |= codes[i][k] == oc[d];
    if (!seen) return fail(err, n, "output label does not appear in any operand");
    code_of[e->nlab] = oc[d];
    e->out[d] = e->nlab++;
  }
  e->out_rank = orank;
  for (unsigned i = 0; i < nin; i++)
    for (unsigned d = 0; d < ranks[i]; d++) {
      unsigned l = 0;
      while (l < e->nlab && code_of[l] != codes[i][d]) l++;
      if (l == e->nlab) {
        if (e->nlab >= SM_EINSUM_MAX_LABELS) return fail(err, n, "more than %d distinct labels", SM_EINSUM_MAX_LABELS);
        code_of[e->nlab] = codes[i][d];
        e->nlab++;
      }
      e->lab[i][d] = l;
    }
  /* Sizes: letters must agree; ellipsis dims broadcast from 1. */
  for (unsigned l = 0; l < e->nlab; l++) e->size[l] = -1;
  for (unsigned i = 0; i < nin; i++)
    for (unsigned d = 0; d < ranks[i]; d++) {
      unsigned l = e->lab[i][d];
      int64_t s = dims[i][d];
      bool ell = code_of[l] < 128;
      if (e->size[l] < 0 || (ell && e->size[l] == 1)) e->size[l] = s;
      else if (s != e->size[l] && !(ell && s == 1))
        return fail(err, n, "label size mismatch: %lld vs %lld", (long long)s, (long long)e->size[l]);
    }
  for (unsigned i = 0; i < nin; i++)
    for (unsigned d = 0; d < ranks[i]; d++) e->bcast[i][d] = dims[i][d] != e->size[e->lab[i][d]];
  return true;
}
