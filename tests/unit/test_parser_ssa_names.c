/* Parser SSA name tables at scale: decimal names with result number 0 live
 * in a paged dense table, all other names (%x, %007, %12#1, numbers from
 * 2^22 up) in a hash table. Generated modules check that every use links
 * to the right definition across pages, scopes and both tables, that
 * errors name the first unresolved use in source order, and (under ASan)
 * that failed parses release everything. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

typedef struct SsaBuf {
  char *p;
  size_t len, cap;
} SsaBuf;

static void sb_printf(SsaBuf *b, const char *fmt, ...) {
  for (;;) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
    va_end(ap);
    cr_assert(n >= 0);
    if (b->p && b->len + (size_t)n < b->cap) {
      b->len += (size_t)n;
      return;
    }
    b->cap = (b->cap + (size_t)n + 1) * 2;
    b->p = realloc(b->p, b->cap);
    cr_assert_not_null(b->p);
  }
}

typedef struct SsaDiag {
  unsigned count;
  char msg[512];
  unsigned line, col;
} SsaDiag;

static void ssa_collect(const SmDiagnostic *d, void *user) {
  SsaDiag *c = user;
  if (c->count++ == 0) {
    snprintf(c->msg, sizeof c->msg, "%s", d->message);
    SmLoc *f = d->loc ? sm_loc_find_file(d->loc) : NULL;
    c->line = f ? f->file.line : 0;
    c->col = f ? f->file.col : 0;
  }
}

static SmContext *ssa_ctx(SsaDiag *d) {
  SmContext *ctx = sm_context_create();
  sm_register_core_dialects(ctx);
  sm_context_set_allow_unregistered(ctx, true);
  memset(d, 0, sizeof *d);
  sm_context_set_diag_handler(ctx, ssa_collect, d);
  return ctx;
}

/* The ops of a block, in order (caller frees). */
static SmOp **block_ops(SmBlock *b, size_t *n) {
  size_t cap = 1024;
  SmOp **v = malloc(cap * sizeof *v);
  *n = 0;
  for (SmOp *op = b->first; op; op = op->next) {
    if (*n == cap)
      v = realloc(v, (cap *= 2) * sizeof *v);
    v[(*n)++] = op;
  }
  return v;
}

/* One definition per op, named by `name(i)`; op i has 2 results when
 * i % 7 == 3. Its operands: result (i-1)#(i%2 if that op has 2 results),
 * then the op `fwd` later (a forward reference) when there is one. */
typedef void (*NameFn)(unsigned i, char *out, size_t cap);

static bool two_results(unsigned i) { return i % 7 == 3; }

static void emit_chain(SsaBuf *b, unsigned n, unsigned fwd, NameFn name, const char *indent) {
  char nm[32], a[40], f[40];
  for (unsigned i = 0; i < n; i++) {
    name(i, nm, sizeof nm);
    char ops[96] = "", tys[48] = "";
    if (i > 0) {
      char pn[32];
      name(i - 1, pn, sizeof pn);
      if (two_results(i - 1))
        snprintf(a, sizeof a, "%%%s#%u", pn, i % 2);
      else
        snprintf(a, sizeof a, "%%%s", pn);
      snprintf(ops, sizeof ops, "%s", a);
      snprintf(tys, sizeof tys, "i32");
    }
    if (i + fwd < n) {
      char fn[32];
      name(i + fwd, fn, sizeof fn);
      snprintf(f, sizeof f, "%%%s", fn);
      size_t l = strlen(ops);
      snprintf(ops + l, sizeof ops - l, "%s%s", l ? ", " : "", f);
      l = strlen(tys);
      snprintf(tys + l, sizeof tys - l, "%si32", l ? ", " : "");
    }
    sb_printf(b, "%s%%%s%s = \"t.op\"(%s) : (%s) -> %s\n", indent, nm, two_results(i) ? ":2" : "", ops, tys,
              two_results(i) ? "(i32, i32)" : "i32");
  }
}

/* Checks the links emit_chain promised among ops[0..n). */
static void check_chain(SmOp **ops, unsigned n, unsigned fwd) {
  for (unsigned i = 0; i < n; i++) {
    SmOp *op = ops[i];
    unsigned k = 0;
    cr_assert_eq(op->num_results, two_results(i) ? 2u : 1u, "op %u", i);
    if (i > 0) {
      SmValue *v = sm_op_operand(op, k++);
      cr_assert_eq(v->kind, SM_VALUE_RESULT, "op %u", i);
      cr_assert_eq(v->owner.op, ops[i - 1], "op %u: operand 0 is not op %u's", i, i - 1);
      cr_assert_eq(v->index, two_results(i - 1) ? i % 2 : 0u, "op %u", i);
    }
    if (i + fwd < n) {
      SmValue *v = sm_op_operand(op, k++);
      cr_assert_eq(v->owner.op, ops[i + fwd], "op %u: forward operand is not op %u's", i, i + fwd);
      cr_assert_eq(v->index, 0u, "op %u", i);
    }
    cr_assert_eq(op->num_operands, k, "op %u", i);
  }
}

static void name_dense(unsigned i, char *out, size_t cap) { snprintf(out, cap, "%u", i); }
/* Every name on its own page of the dense table (pages are 128 slots). */
static void name_sparse(unsigned i, char *out, size_t cap) { snprintf(out, cap, "%u", i * 131u + 5); }
/* Around the dense table's limit (2^22) and far beyond. */
static void name_limit(unsigned i, char *out, size_t cap) {
  if (i < 8)
    snprintf(out, cap, "%u", 4194300u + i);
  else if (i < 16)
    snprintf(out, cap, "%u", 999999990u + i);
  else if (i < 24)
    snprintf(out, cap, "%u", 1234567890u + i); /* 10 digits */
  else
    snprintf(out, cap, "0%u", i); /* leading zero: never dense */
}
/* Decimal and other names interleaved, leading zeros included. */
static void name_mixed(unsigned i, char *out, size_t cap) {
  switch (i % 4) {
  case 0: snprintf(out, cap, "%u", i); break;
  case 1: snprintf(out, cap, "v%u", i); break;
  case 2: snprintf(out, cap, "00%u", i); break;
  default: snprintf(out, cap, "%u", i); break;
  }
}

/* The chain at the top level (a region whose names are dropped in one
 * pass), then inside a region opened while a name is defined (names
 * dropped one by one), followed by the same names defined again at the
 * top level: redefinitions unless the region removed all of them. */
static void run_chain(NameFn name, unsigned n, unsigned fwd) {
  for (int nested = 0; nested < 2; nested++) {
    SsaBuf b = {0};
    if (nested) {
      sb_printf(&b, "%%outer = \"t.o\"() : () -> i32\n\"t.g\"() ({\n");
      emit_chain(&b, n, fwd, name, "  ");
      sb_printf(&b, "}) : () -> ()\n");
    }
    emit_chain(&b, n, fwd, name, "");
    SsaDiag d;
    SmContext *ctx = ssa_ctx(&d);
    SmOp *m = sm_parse_source(ctx, b.p, b.len, "chain.mlir", 0);
    cr_assert_not_null(m, "nested=%d: %s at %u:%u", nested, d.msg, d.line, d.col);
    cr_expect_eq(d.count, 0);
    size_t nops;
    SmOp **ops = block_ops(m->regions[0].first, &nops);
    if (nested) {
      cr_assert_eq(nops, 2 + (size_t)n);
      size_t nin;
      SmOp **in = block_ops(ops[1]->regions[0].first, &nin);
      cr_assert_eq(nin, (size_t)n);
      check_chain(in, n, fwd);
      free(in);
      check_chain(ops + 2, n, fwd);
    } else {
      cr_assert_eq(nops, (size_t)n);
      check_chain(ops, n, fwd);
    }
    free(ops);
    sm_op_destroy(m);
    sm_context_destroy(ctx);
    free(b.p);
  }
}

Test(parser_ssa_names, dense_chain_across_pages) { run_chain(name_dense, 20000, 300); }

Test(parser_ssa_names, sparse_names_one_page_each) { run_chain(name_sparse, 3000, 50); }

Test(parser_ssa_names, names_at_and_past_the_dense_limit) { run_chain(name_limit, 40, 5); }

Test(parser_ssa_names, decimal_and_other_names_interleaved) { run_chain(name_mixed, 2000, 129); }

/* Functions (isolated, entered with no name defined) each reuse %0..; the
 * dense table drops their names at the end of each, but keeps the page
 * holding a pending forward reference (%350) of the module. */
Test(parser_ssa_names, names_restart_in_each_function) {
  SsaBuf b = {0};
  const unsigned nf = 200, n = 300;
  sb_printf(&b, "\"t.use\"(%%350) : (i32) -> ()\n");
  for (unsigned f = 0; f < nf; f++) {
    sb_printf(&b, "func.func @f%u(%%%u: i32) -> i32 {\n", f, n);
    for (unsigned i = 0; i < n; i++)
      sb_printf(&b, "  %%%u = arith.addi %%%u, %%%u : i32\n", i, i ? i - 1 : n, i ? i - 1 : n);
    sb_printf(&b, "  return %%%u : i32\n}\n", n - 1);
  }
  sb_printf(&b, "%%350 = \"t.def\"() : () -> i32\n");
  SsaDiag d;
  SmContext *ctx = ssa_ctx(&d);
  SmOp *m = sm_parse_source(ctx, b.p, b.len, "funcs.mlir", 0);
  cr_assert_not_null(m, "%s at %u:%u", d.msg, d.line, d.col);
  cr_expect(sm_op_verify(m));
  cr_expect_eq(d.count, 0, "%s", d.msg);
  size_t nfn;
  SmOp **fns = block_ops(m->regions[0].first, &nfn);
  cr_assert_eq(nfn, (size_t)nf + 2);
  cr_assert_eq(sm_op_operand(fns[0], 0)->owner.op, fns[nf + 1]);
  for (unsigned f = 0; f < nf; f++) {
    SmBlock *body = fns[f + 1]->regions[0].first;
    size_t nops;
    SmOp **ops = block_ops(body, &nops);
    cr_assert_eq(nops, (size_t)n + 1);
    cr_assert_eq(sm_op_operand(ops[0], 0), body->args[0]);
    for (unsigned i = 1; i < n; i++)
      cr_assert_eq(sm_op_operand(ops[i], 1)->owner.op, ops[i - 1], "function %u op %u", f, i);
    cr_assert_eq(sm_op_operand(ops[n], 0)->owner.op, ops[n - 1]);
    free(ops);
  }
  free(fns);
  sm_op_destroy(m);
  sm_context_destroy(ctx);
  free(b.p);
}

/* Parses src expecting one "use of undeclared SSA value name" at line:col. */
static void expect_undeclared(const SsaBuf *b, unsigned line, unsigned col) {
  SsaDiag d;
  SmContext *ctx = ssa_ctx(&d);
  SmOp *m = sm_parse_source(ctx, b->p, b->len, "fwd.mlir", 0);
  cr_expect_null(m);
  if (m)
    sm_op_destroy(m);
  cr_expect_eq(d.count, 1, "%u errors (first: %s)", d.count, d.msg);
  cr_expect_str_eq(d.msg, "use of undeclared SSA value name");
  cr_expect(d.line == line && d.col == col, "at %u:%u, want %u:%u", d.line, d.col, line, col);
  sm_context_destroy(ctx);
}

/* Unresolved uses are scattered over many dense pages (the table's order
 * is by number, not by position) and the hash table. */
Test(parser_ssa_names, first_unresolved_use_in_source_order) {
  const unsigned n = 3000;
  for (int first_kind = 0; first_kind < 3; first_kind++) {
    SsaBuf b = {0};
    /* Line 1: the first unresolved use. */
    if (first_kind == 0)
      sb_printf(&b, "\"t.use\"(%%%u) : (i32) -> ()\n", 5 * n); /* a high page */
    else if (first_kind == 1)
      sb_printf(&b, "\"t.use\"(%%x) : (i32) -> ()\n"); /* the hash table */
    else
      sb_printf(&b, "\"t.use\"(%%1#1) : (i32) -> ()\n"); /* result 1 of a dense name */
    /* Then defined names and later unresolved uses, lower numbers last. */
    for (unsigned i = 0; i < n; i++) {
      sb_printf(&b, "%%%u = \"t.def\"() : () -> i32\n", i);
      sb_printf(&b, "\"t.use\"(%%%u, %%y%u) : (i32, i32) -> ()\n", 4 * n - i, i);
    }
    sb_printf(&b, "\"t.r\"() ({\n  \"t.use\"(%%%u) : (i32) -> ()\n}) : () -> ()\n", n + 1);
    expect_undeclared(&b, 1, 9);
    free(b.p);
  }
}

/* A failed parse destroys the placeholders of pending forward references
 * in both tables (LSan reports leaks), wherever the failure happens. */
Test(parser_ssa_names, failed_parse_releases_forward_references) {
  const char *tails[] = {
      "\"t.bad\"(\n",                                    /* syntax error mid-module */
      "%0 = \"t.def\"() : () -> i32\n",                  /* redefinition */
      "\"t.use\"(%4999) : (i64) -> ()\n",                /* type mismatch on a use */
      "%4500 = \"t.def\"() : () -> f32\n",               /* type mismatch on a definition */
      "\"t.r\"() ({\n  %1 = \"t.def\"() : () -> i32\n", /* unterminated region */
      "",                                                /* forward references never resolved */
  };
  for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
    SsaBuf b = {0};
    for (unsigned i = 0; i < 4000; i++)
      sb_printf(&b, "%%%u = \"t.op\"(%%%u, %%%u#1, %%z%u) : (i32, i32, i32) -> i32\n", i, i + 1000, i + 2000,
                i);
    sb_printf(&b, "%s", tails[t]);
    SsaDiag d;
    SmContext *ctx = ssa_ctx(&d);
    SmOp *m = sm_parse_source(ctx, b.p, b.len, "fail.mlir", 0);
    cr_expect_null(m, "tail %zu", t);
    if (m)
      sm_op_destroy(m);
    cr_expect_eq(d.count, 1, "tail %zu: %u errors (first: %s)", t, d.count, d.msg);
    sm_context_destroy(ctx);
    free(b.p);
  }
}
