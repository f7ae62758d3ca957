/* Parser progress reports (sm_context_set_parse_progress) and SSA name
 * scopes whose definitions the parser clears in one pass (a scope opened
 * while no name is defined). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

typedef struct Progress {
  unsigned calls;
  size_t last;
  bool monotonic, in_range;
  const char *buf;
  size_t len;
} Progress;

static void record_progress(const char *buf, size_t consumed, void *user) {
  Progress *pr = user;
  if (consumed < pr->last)
    pr->monotonic = false;
  if (buf != pr->buf || consumed > pr->len)
    pr->in_range = false;
  pr->last = consumed;
  pr->calls++;
}

static void count_errors(const SmDiagnostic *d, void *user) {
  (void)d;
  (*(unsigned *)user)++;
}

/* A module of n ops, each about 80 bytes, with a nested region every 50. */
static char *big_source(unsigned n, size_t *len) {
  size_t cap = (size_t)n * 160 + 64, used = 0;
  char *s = malloc(cap);
  cr_assert_not_null(s);
  used += (size_t)snprintf(s + used, cap - used, "\"t.def\"() : () -> i32\n");
  for (unsigned i = 0; i < n; i++) {
    if (i % 50 == 0)
      used += (size_t)snprintf(s + used, cap - used,
                               "%%r%u = \"t.wrap\"() ({\n  %%in%u = \"t.op\"() : () -> i32\n"
                               "  \"t.use\"(%%in%u) : (i32) -> ()\n}) : () -> i32\n",
                               i, i, i);
    else
      used += (size_t)snprintf(s + used, cap - used,
                               "%%r%u = \"t.op\"() {attr = %u : i64, pad = \"padding text\"} : () -> i32\n",
                               i, i % 7);
  }
  *len = used;
  return s;
}

Test(parse_progress, reports_every_few_mb_and_at_the_end) {
  size_t len;
  char *src = big_source(60000, &len);
  cr_assert_gt(len, (size_t)3 << 20);
  SmContext *ctx = sm_context_create();
  sm_register_core_dialects(ctx);
  sm_context_set_allow_unregistered(ctx, true);
  Progress pr = {0, 0, true, true, src, len};
  sm_context_set_parse_progress(ctx, record_progress, &pr);
  SmOp *m = sm_parse_source(ctx, src, len, "big.mlir", 0);
  cr_assert_not_null(m);
  cr_assert(pr.monotonic);
  cr_assert(pr.in_range);
  cr_assert_eq(pr.last, len, "the last report covers the whole input");
  cr_assert_geq(pr.calls, 3u, "reports while parsing, not only at the end (%u)", pr.calls);
  cr_assert(sm_op_verify(m));
  sm_op_destroy(m);
  /* Unset: no more reports. */
  sm_context_set_parse_progress(ctx, NULL, NULL);
  unsigned before = pr.calls;
  m = sm_parse_source(ctx, src, len, "big.mlir", 0);
  cr_assert_not_null(m);
  cr_assert_eq(pr.calls, before);
  sm_op_destroy(m);
  sm_context_destroy(ctx);
  free(src);
}

static SmOp *parse_unreg(SmContext *ctx, const char *src, unsigned *errors) {
  sm_context_set_allow_unregistered(ctx, true);
  sm_context_set_diag_handler(ctx, count_errors, errors);
  return sm_parse_source(ctx, src, strlen(src), "scopes.mlir", 0);
}

Test(parse_progress, cleared_scopes_keep_names_right) {
  SmContext *ctx = sm_context_create();
  unsigned errors = 0;
  /* The first region opens with no name defined (cleared as a whole);
   * the second opens after %a (its names are removed one by one); names
   * of both may be reused after them, and outer names stay visible. */
  SmOp *m = parse_unreg(ctx,
                        "\"t.r\"() ({\n"
                        "  %x = \"t.op\"() : () -> i32\n"
                        "  \"t.r\"() ({\n"
                        "    %y = \"t.op\"() : () -> i32\n"
                        "    \"t.use\"(%x, %y) : (i32, i32) -> ()\n"
                        "  }) : () -> ()\n"
                        "  %y = \"t.op\"() : () -> i32\n"
                        "}) : () -> ()\n"
                        "%x = \"t.op\"() : () -> i32\n"
                        "%a = \"t.op\"() : () -> i32\n"
                        "\"t.r\"() ({\n"
                        "  %b = \"t.op\"() : () -> i32\n"
                        "  \"t.use\"(%a, %b, %x) : (i32, i32, i32) -> ()\n"
                        "}) : () -> ()\n"
                        "%b = \"t.use\"(%a) : (i32) -> i32\n",
                        &errors);
  cr_assert_not_null(m);
  cr_assert_eq(errors, 0u);
  cr_assert(sm_op_verify(m));
  sm_op_destroy(m);

  /* A name of a cleared scope is gone after it. */
  errors = 0;
  m = parse_unreg(ctx,
                  "\"t.r\"() ({\n"
                  "  %x = \"t.op\"() : () -> i32\n"
                  "}) : () -> ()\n"
                  "\"t.use\"(%x) : (i32) -> ()\n",
                  &errors);
  cr_assert_null(m);
  cr_assert_eq(errors, 1u);

  /* A forward reference made inside a cleared scope survives it and is
   * resolved by a later outer definition. */
  errors = 0;
  m = parse_unreg(ctx,
                  "\"t.r\"() ({\n"
                  "  \"t.use\"(%late) : (i32) -> ()\n"
                  "}) : () -> ()\n"
                  "%late = \"t.op\"() : () -> i32\n",
                  &errors);
  cr_assert_not_null(m);
  cr_assert_eq(errors, 0u);
  sm_op_destroy(m);
  sm_context_destroy(ctx);
}
