/* print-op-stats: how many ops of each name, in mlir-opt's format:
 *   Operations encountered:
 *   -----------------------
 *       arith.addi   , 2
 *   (dialect right-aligned, op name left-aligned) or as JSON. */
#include "passes/passes.h"
#include "passes/pass_output_file.h"

#include <stdlib.h>
#include <string.h>

typedef struct Stat {
  const char *name;
  size_t count;
} Stat;

typedef struct Stats {
  SmPtrMap index; /* interned name -> slot + 1 */
  Stat *items;
  size_t len, cap;
} Stats;

static SmWalkResult count_op(SmOp *op, void *user) {
  Stats *s = user;
  uintptr_t slot = (uintptr_t)sm_ptrmap_get(&s->index, op->name);
  if (slot) {
    s->items[slot - 1].count++;
    return SM_WALK_ADVANCE;
  }
  if (s->len == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 64;
    Stat *n = realloc(s->items, cap * sizeof *n);
    if (!n)
      return SM_WALK_INTERRUPT;
    s->items = n;
    s->cap = cap;
  }
  s->items[s->len] = (Stat){op->name, 1};
  sm_ptrmap_put(&s->index, op->name, (void *)(uintptr_t)(++s->len));
  return SM_WALK_ADVANCE;
}

static int cmp_stat(const void *a, const void *b) {
  return strcmp(((const Stat *)a)->name, ((const Stat *)b)->name);
}

static void print_stats(SmOp *op, FILE *out, bool json) {
  Stats s = {0};
  sm_ptrmap_init(&s.index);
  sm_op_walk(op, SM_WALK_PRE, count_op, &s);
  if (s.len > 1)
    qsort(s.items, s.len, sizeof *s.items, cmp_stat);
  if (json) {
    fputs("{\n", out);
    for (size_t i = 0; i < s.len; i++)
      fprintf(out, "  \"%s\" : %zu%s\n", s.items[i].name, s.items[i].count,
              i + 1 < s.len ? "," : "");
    fputs("}\n", out);
  } else {
    int dw = 0, ow = 0;
    for (size_t i = 0; i < s.len; i++) {
      const char *dot = strchr(s.items[i].name, '.');
      int d = dot ? (int)(dot - s.items[i].name) : (int)strlen(s.items[i].name);
      int o = dot ? (int)strlen(dot + 1) : 0;
      dw = d > dw ? d : dw;
      ow = o > ow ? o : ow;
    }
    fputs("Operations encountered:\n-----------------------\n", out);
    for (size_t i = 0; i < s.len; i++) {
      const char *name = s.items[i].name, *dot = strchr(name, '.');
      int d = dot ? (int)(dot - name) : (int)strlen(name);
      fprintf(out, "  %*s%.*s%s%-*s , %zu\n", dw - d, "", d, name, dot ? "." : " ", ow,
              dot ? dot + 1 : "", s.items[i].count);
    }
  }
  fflush(out);
  sm_ptrmap_free(&s.index);
  free(s.items);
}

void sm_print_op_stats(SmOp *op, FILE *out) { print_stats(op, out, false); }

static const SmPassOption options[] = {
    {"json", SM_PASS_OPT_BOOL, "false", "Print the histogram as a JSON object"},
    {"output-file", SM_PASS_OPT_STRING, "",
     "Write to this file instead of the report stream (stderr)"},
};

static bool run_stats(SmOp *op, SmPassRun *run) {
  const char *path = sm_pass_run_string(run, "output-file");
  if (!*path) {
    print_stats(op, sm_pass_run_stream(run), sm_pass_run_bool(run, "json"));
    return true;
  }
  /* A report that cannot be written fails the pass (and the tool). */
  SmOutputFile o;
  if (!sm_output_file_open(&o, sm_pass_run_context(run), path))
    return sm_output_file_close(&o, sm_pass_run_context(run), false);
  FILE *out = o.f;
  print_stats(op, out, sm_pass_run_bool(run, "json"));
  return sm_output_file_close(&o, sm_pass_run_context(run), true);
}

const SmPassDef sm_print_op_stats_pass = {
    .argument = "print-op-stats",
    .summary = "Print a histogram of op names (mlir-opt's format)",
    .anchor = NULL,
    .options = options,
    .num_options = sizeof options / sizeof options[0],
    .run = run_stats,
};
