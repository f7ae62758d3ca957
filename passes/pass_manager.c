/* Pass managers: a list of passes and nested managers, run on an op; the
 * instrumentation (verify-each, IR dumps, timing) lives here too. */
#include "passes/pass.h"
#include "passes/pass_internal.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct OptVal {
  bool b;
  int64_t i;
  char *s; /* malloc'd */
} OptVal;

struct SmPassRun {
  const SmPassDef *def;
  const OptVal *vals;
  SmContext *ctx;
  FILE *stream;
  uint64_t *stats; /* the pass instance's counters (def->num_statistics) */
};

typedef struct PmElem {
  SmPassManager *nested; /* a nested manager, or NULL for a pass */
  const SmPassDef *def;
  OptVal *vals;
  uint64_t *stats;       /* statistics of this pass instance */
  double seconds;        /* accumulated wall time */
  unsigned long runs;    /* times it ran (nested: ops it matched) */
} PmElem;

struct SmPassManager {
  SmContext *ctx;
  const char *anchor; /* interned; NULL for any */
  PmElem *elems;
  unsigned count, cap;
  SmPassInstrumentation inst; /* the top manager's is used */
};

/* ---- Options --------------------------------------------------------------- */

static bool parse_bool(const char *s, size_t n, bool *out) {
  static const char *const yes[] = {"true", "1", "TRUE", "True"};
  static const char *const no[] = {"false", "0", "FALSE", "False"};
  for (unsigned i = 0; i < 4; i++) {
    if (strlen(yes[i]) == n && memcmp(yes[i], s, n) == 0)
      return *out = true, true;
    if (strlen(no[i]) == n && memcmp(no[i], s, n) == 0)
      return *out = false, true;
  }
  return false;
}

static bool parse_int(const char *s, size_t n, int64_t *out) {
  char buf[32];
  if (n == 0 || n >= sizeof buf)
    return false;
  memcpy(buf, s, n);
  buf[n] = 0;
  char *end;
  errno = 0;
  long long v = strtoll(buf, &end, 0);
  if (errno || *end)
    return false;
  *out = v;
  return true;
}

static bool set_value(const SmPassOption *o, OptVal *v, const char *s, size_t n) {
  switch (o->kind) {
  case SM_PASS_OPT_BOOL:
    return parse_bool(s, n, &v->b);
  case SM_PASS_OPT_INT:
    return parse_int(s, n, &v->i);
  case SM_PASS_OPT_STRING: {
    char *c = malloc(n + 1);
    if (!c)
      return false;
    memcpy(c, s, n);
    c[n] = 0;
    free(v->s);
    v->s = c;
    return true;
  }
  }
  return false;
}

static OptVal *default_values(const SmPassDef *def) {
  OptVal *vals = calloc(def->num_options ? def->num_options : 1, sizeof *vals);
  if (!vals)
    return NULL;
  for (unsigned i = 0; i < def->num_options; i++) {
    const char *d = def->options[i].default_value ? def->options[i].default_value : "";
    if (!set_value(&def->options[i], &vals[i], d, strlen(d)) &&
        def->options[i].kind == SM_PASS_OPT_STRING)
      vals[i].s = NULL;
  }
  return vals;
}

static int option_index(const SmPassDef *def, const char *name, size_t len) {
  for (unsigned i = 0; i < def->num_options; i++)
    if (strlen(def->options[i].name) == len && memcmp(def->options[i].name, name, len) == 0)
      return (int)i;
  return -1;
}

static const OptVal *run_value(const SmPassRun *run, const char *name, SmPassOptionKind kind) {
  int i = option_index(run->def, name, strlen(name));
  assert(i >= 0 && run->def->options[i].kind == kind && "undeclared pass option");
  if (i < 0 || run->def->options[i].kind != kind)
    return NULL;
  return &run->vals[i];
}

bool sm_pass_run_bool(const SmPassRun *run, const char *name) {
  const OptVal *v = run_value(run, name, SM_PASS_OPT_BOOL);
  return v && v->b;
}
int64_t sm_pass_run_int(const SmPassRun *run, const char *name) {
  const OptVal *v = run_value(run, name, SM_PASS_OPT_INT);
  return v ? v->i : 0;
}
const char *sm_pass_run_string(const SmPassRun *run, const char *name) {
  const OptVal *v = run_value(run, name, SM_PASS_OPT_STRING);
  return v && v->s ? v->s : "";
}
void *sm_pass_run_user(const SmPassRun *run) { return run->def->user; }
SmContext *sm_pass_run_context(const SmPassRun *run) { return run->ctx; }
FILE *sm_pass_run_stream(const SmPassRun *run) { return run->stream ? run->stream : stderr; }

void sm_pass_run_add_statistic(SmPassRun *run, const char *name, uint64_t n) {
  for (unsigned i = 0; i < run->def->num_statistics; i++)
    if (strcmp(run->def->statistics[i].name, name) == 0) {
      if (run->stats)
        run->stats[i] += n;
      return;
    }
  assert(!"undeclared pass statistic");
}

/* MLIR's names of the passes that mirror MLIR's own, so that dump headers
 * and reports read as mlir-opt's (a pass may also set SmPassDef.name). */
static const char *const mlir_pass_names[][2] = {
    {"canonicalize", "Canonicalizer"}, {"cse", "CSE"},
    {"inline", "Inliner"},             {"print-op-stats", "PrintOpStats"},
    {"symbol-dce", "SymbolDCE"},       {"view-op-graph", "ViewOpGraph"},
};

const char *sm_pass_display_name(const SmPassDef *def, char *buf, size_t n) {
  if (def->name)
    return def->name;
  for (size_t i = 0; i < sizeof mlir_pass_names / sizeof mlir_pass_names[0]; i++)
    if (strcmp(def->argument, mlir_pass_names[i][0]) == 0)
      return mlir_pass_names[i][1];
  size_t o = 0;
  bool upper = true;
  for (const char *a = def->argument; *a && o + 1 < n; a++) {
    if (*a == '-' || *a == '_') {
      upper = true;
      continue;
    }
    buf[o++] = upper && *a >= 'a' && *a <= 'z' ? (char)(*a - 'a' + 'A') : *a;
    upper = false;
  }
  buf[o < n ? o : n - 1] = 0;
  return buf;
}

/* ---- Building -------------------------------------------------------------- */

void sm_pass_instrumentation_default(SmPassInstrumentation *in) {
  memset(in, 0, sizeof *in);
  in->verify_each = true;
}

SmPassManager *sm_pass_manager_create(SmContext *ctx, const char *anchor) {
  SmPassManager *pm = calloc(1, sizeof *pm);
  if (!pm)
    return NULL;
  pm->ctx = ctx;
  if (anchor && strcmp(anchor, "any") != 0)
    pm->anchor = sm_intern_cstr(ctx, anchor);
  sm_pass_instrumentation_default(&pm->inst);
  return pm;
}

void sm_pass_manager_destroy(SmPassManager *pm) {
  if (!pm)
    return;
  for (unsigned i = 0; i < pm->count; i++) {
    PmElem *e = &pm->elems[i];
    if (e->nested)
      sm_pass_manager_destroy(e->nested);
    if (e->vals) {
      for (unsigned j = 0; j < e->def->num_options; j++)
        free(e->vals[j].s);
      free(e->vals);
    }
    free(e->stats);
  }
  free(pm->elems);
  free(pm);
}

static PmElem *push_elem(SmPassManager *pm) {
  if (pm->count == pm->cap) {
    unsigned cap = pm->cap ? pm->cap * 2 : 8;
    PmElem *n = realloc(pm->elems, cap * sizeof *n);
    if (!n)
      return NULL;
    pm->elems = n;
    pm->cap = cap;
  }
  PmElem *e = &pm->elems[pm->count++];
  memset(e, 0, sizeof *e);
  return e;
}

void sm_pass_manager_add(SmPassManager *pm, const SmPassDef *def) {
  PmElem *e = push_elem(pm);
  if (!e)
    return;
  e->def = def;
  e->vals = default_values(def);
  if (def->num_statistics)
    e->stats = calloc(def->num_statistics, sizeof *e->stats);
}

const SmPassDef *sm_pass_manager_last_pass(const SmPassManager *pm) {
  if (!pm->count || pm->elems[pm->count - 1].nested)
    return NULL;
  return pm->elems[pm->count - 1].def;
}

bool sm_pass_manager_set_option(SmPassManager *pm, const char *name, size_t name_len,
                                const char *value, size_t value_len, SmLoc *loc) {
  if (!pm->count || pm->elems[pm->count - 1].nested || !pm->elems[pm->count - 1].vals)
    return false;
  PmElem *e = &pm->elems[pm->count - 1];
  int i = option_index(e->def, name, name_len);
  if (i < 0) {
    if (loc)
      sm_emit_error(pm->ctx, loc, "no such option '%.*s' for pass '%s'", (int)name_len, name,
                    e->def->argument);
    return false;
  }
  const SmPassOption *o = &e->def->options[i];
  /* A bare boolean flag ({top-down}) means true. */
  if (!value && o->kind == SM_PASS_OPT_BOOL) {
    e->vals[i].b = true;
    return true;
  }
  if (!value || !set_value(o, &e->vals[i], value, value_len)) {
    if (loc)
      sm_emit_error(pm->ctx, loc, "invalid value '%.*s' for %s option '%s' of pass '%s'",
                    value ? (int)value_len : 0, value ? value : "", o->kind == SM_PASS_OPT_BOOL ? "boolean" : o->kind == SM_PASS_OPT_INT ? "integer" : "string",
                    o->name, e->def->argument);
    return false;
  }
  return true;
}

SmPassManager *sm_pass_manager_nest_new(SmPassManager *pm, const char *anchor, size_t len) {
  PmElem *e = push_elem(pm);
  if (!e)
    return NULL;
  e->nested = sm_pass_manager_create(pm->ctx, NULL);
  if (!e->nested) {
    pm->count--;
    return NULL;
  }
  sm_pass_manager_set_anchor(e->nested, anchor, len);
  return e->nested;
}

void sm_pass_manager_set_anchor(SmPassManager *pm, const char *anchor, size_t len) {
  pm->anchor = (len == 3 && memcmp(anchor, "any", 3) == 0) ? NULL : sm_intern(pm->ctx, anchor, len);
}

SmContext *sm_pass_manager_context(const SmPassManager *pm) { return pm->ctx; }

SmPassManager *sm_pass_manager_nest(SmPassManager *pm, const char *anchor) {
  const char *a = (anchor && strcmp(anchor, "any") != 0) ? sm_intern_cstr(pm->ctx, anchor) : NULL;
  if (pm->count && pm->elems[pm->count - 1].nested && pm->elems[pm->count - 1].nested->anchor == a)
    return pm->elems[pm->count - 1].nested;
  return sm_pass_manager_nest_new(pm, anchor ? anchor : "any", anchor ? strlen(anchor) : 3);
}

void sm_pass_manager_add_nested_implicitly(SmPassManager *pm, const SmPassDef *def) {
  if (def->anchor && (!pm->anchor || strcmp(pm->anchor, def->anchor) != 0))
    pm = sm_pass_manager_nest(pm, def->anchor);
  if (pm)
    sm_pass_manager_add(pm, def);
}

const char *sm_pass_manager_anchor(const SmPassManager *pm) {
  return pm->anchor ? pm->anchor : "any";
}

bool sm_pass_manager_empty(const SmPassManager *pm) { return pm->count == 0; }

static void print_value(const SmPassOption *o, const OptVal *v, SmStrBuf *out) {
  switch (o->kind) {
  case SM_PASS_OPT_BOOL:
    sm_strbuf_puts(out, v->b ? "true" : "false");
    break;
  case SM_PASS_OPT_INT:
    sm_strbuf_printf(out, "%lld", (long long)v->i);
    break;
  case SM_PASS_OPT_STRING:
    if (!v->s || !*v->s || strpbrk(v->s, " {}\"'"))
      sm_strbuf_printf(out, "\"%s\"", v->s ? v->s : "");
    else
      sm_strbuf_puts(out, v->s);
    break;
  }
}

void sm_pass_manager_print(const SmPassManager *pm, SmStrBuf *out) {
  sm_strbuf_printf(out, "%s(", sm_pass_manager_anchor(pm));
  for (unsigned i = 0; i < pm->count; i++) {
    const PmElem *e = &pm->elems[i];
    if (i)
      sm_strbuf_puts(out, ", ");
    if (e->nested) {
      sm_pass_manager_print(e->nested, out);
      continue;
    }
    sm_strbuf_puts(out, e->def->argument);
    if (e->def->num_options) {
      sm_strbuf_puts(out, "{");
      for (unsigned j = 0; j < e->def->num_options; j++) {
        sm_strbuf_printf(out, "%s%s=", j ? " " : "", e->def->options[j].name);
        print_value(&e->def->options[j], &e->vals[j], out);
      }
      sm_strbuf_puts(out, "}");
    }
  }
  sm_strbuf_puts(out, ")");
}

void sm_pass_manager_set_instrumentation(SmPassManager *pm, const SmPassInstrumentation *in) {
  pm->inst = *in;
}

/* ---- Running ----------------------------------------------------------------- */

typedef struct RunState {
  SmPassInstrumentation *inst;
  bool ok;
} RunState;

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static bool in_list(const char *list, const char *arg) {
  if (!list)
    return false;
  size_t n = strlen(arg);
  for (const char *p = list; *p;) {
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == n && memcmp(p, arg, n) == 0)
      return true;
    if (!end)
      break;
    p = end + 1;
  }
  return false;
}

static FILE *ir_out(const RunState *st) { return st->inst->ir_out ? st->inst->ir_out : stderr; }

/* MLIR's header: "// -----// IR Dump After Canonicalizer (canonicalize) //----- //". */
static void dump_ir(const RunState *st, const char *when, const SmPassDef *def, SmOp *op) {
  FILE *out = ir_out(st);
  char name[128];
  fprintf(out, "// -----// IR Dump %s %s (%s) //----- //\n", when,
          sm_pass_display_name(def, name, sizeof name), def->argument);
  sm_op_print_file(op, out, &st->inst->print_flags);
  fputc('\n', out);
  fflush(out);
}

static bool run_pm(SmPassManager *pm, SmOp *op, RunState *st);

static bool run_pass(PmElem *e, SmOp *op, RunState *st) {
  const SmPassDef *def = e->def;
  SmPassInstrumentation *in = st->inst;
  if (in->print_before_all || in_list(in->print_before, def->argument))
    dump_ir(st, "Before", def, op);
  SmStrBuf before = {0};
  if (in->print_after_change)
    sm_op_print(op, &before, &in->print_flags);
  SmPassRun run = {def, e->vals, sm_op_context(op), in->report_out, e->stats};
  unsigned errors = sm_context_error_count(run.ctx);
  double t0 = now_seconds();
  bool ok = def->run(op, &run);
  e->seconds += now_seconds() - t0;
  e->runs++;
  if (ok && sm_context_error_count(run.ctx) != errors)
    ok = false; /* it emitted an error: treat as failure */
  if (!ok) {
    sm_strbuf_free(&before);
    return false;
  }
  if (in->verify_each && !sm_op_verify(op)) {
    sm_emit_error(run.ctx, op->loc, "IR failed to verify after pass '%s'", def->argument);
    sm_strbuf_free(&before);
    return false;
  }
  bool dump = in->print_after_all || in_list(in->print_after, def->argument);
  if (!dump && in->print_after_change) {
    SmStrBuf after = {0};
    sm_op_print(op, &after, &in->print_flags);
    dump = after.len != before.len || memcmp(after.data, before.data, after.len) != 0;
    sm_strbuf_free(&after);
  }
  sm_strbuf_free(&before);
  if (dump)
    dump_ir(st, "After", def, op);
  return true;
}

static bool run_nested(PmElem *e, SmOp *op, RunState *st) {
  SmPassManager *npm = e->nested;
  double t0 = now_seconds();
  bool ok = true;
  for (unsigned r = 0; r < op->num_regions && ok; r++)
    for (SmBlock *b = op->regions[r].first; b && ok; b = b->next)
      for (SmOp *child = b->first; child && ok; child = child->next)
        if (!npm->anchor || child->name == npm->anchor) {
          e->runs++;
          ok = run_pm(npm, child, st);
        }
  e->seconds += now_seconds() - t0;
  return ok;
}

static bool run_pm(SmPassManager *pm, SmOp *op, RunState *st) {
  for (unsigned i = 0; i < pm->count; i++) {
    PmElem *e = &pm->elems[i];
    if (!(e->nested ? run_nested(e, op, st) : run_pass(e, op, st)))
      return false;
  }
  return true;
}

/* A nested pipeline that found no op to run on: say so (once, for the
 * outermost such manager) instead of silently doing nothing. */
static bool warn_unmatched(SmPassManager *pm, SmOp *root, bool error) {
  bool ok = true;
  for (unsigned i = 0; i < pm->count; i++) {
    PmElem *e = &pm->elems[i];
    if (!e->nested)
      continue;
    if (e->runs == 0) {
      SmStrBuf s = {0};
      sm_pass_manager_print(e->nested, &s);
      const char *fmt = "pass pipeline '%s' did not run: no '%s' op directly inside a '%s' op";
      if (error)
        ok = sm_emit_error(pm->ctx, root->loc, fmt, s.data ? s.data : "",
                           sm_pass_manager_anchor(e->nested), sm_pass_manager_anchor(pm));
      else
        sm_emit_warning(pm->ctx, root->loc, fmt, s.data ? s.data : "",
                        sm_pass_manager_anchor(e->nested), sm_pass_manager_anchor(pm));
      sm_strbuf_free(&s);
    } else if (!warn_unmatched(e->nested, root, error)) {
      ok = false;
    }
  }
  return ok;
}

/* Counts of matched ops always restart; times and statistics accumulate
 * over runs when the caller prints the reports (split input files). */
static void reset_stats(SmPassManager *pm, bool keep_totals) {
  for (unsigned i = 0; i < pm->count; i++) {
    pm->elems[i].runs = 0;
    if (!keep_totals)
      pm->elems[i].seconds = 0;
    if (!keep_totals && pm->elems[i].stats)
      memset(pm->elems[i].stats, 0, pm->elems[i].def->num_statistics * sizeof(uint64_t));
    if (pm->elems[i].nested)
      reset_stats(pm->elems[i].nested, keep_totals);
  }
}

static void report_row(FILE *out, double seconds, double total, int depth, const char *name) {
  double pct = total > 0 ? 100.0 * seconds / total : 0;
  fprintf(out, "  %8.4f (%5.1f%%)  %*s%s\n", seconds, pct, depth * 2, "", name);
}

/* Rows name passes as MLIR does (Canonicalizer, 'func.func' Pipeline). */
static void report_rows(const SmPassManager *pm, FILE *out, double total, int depth) {
  for (unsigned i = 0; i < pm->count; i++) {
    const PmElem *e = &pm->elems[i];
    char name[160];
    if (e->nested)
      snprintf(name, sizeof name, "'%s' Pipeline", sm_pass_manager_anchor(e->nested));
    report_row(out, e->seconds, total, depth,
               e->nested ? name : sm_pass_display_name(e->def, name, sizeof name));
    if (e->nested)
      report_rows(e->nested, out, total, depth + 1);
  }
}

static double pm_seconds(const SmPassManager *pm) {
  double s = 0;
  for (unsigned i = 0; i < pm->count; i++)
    s += pm->elems[i].seconds;
  return s;
}

void sm_pass_manager_print_timing(const SmPassManager *pm, FILE *out, const SmTimingPhase *before,
                                  unsigned num_before, const SmTimingPhase *after,
                                  unsigned num_after, double total) {
  fprintf(out, "===-------------------------------------------------------------------------===\n"
               "                         ... Execution time report ...\n"
               "===-------------------------------------------------------------------------===\n"
               "  Total Execution Time: %.4f seconds\n\n"
               "  ----Wall Time----  ----Name----\n",
          total);
  double listed = pm ? pm_seconds(pm) : 0;
  for (unsigned i = 0; i < num_before; i++) {
    report_row(out, before[i].seconds, total, 0, before[i].name);
    listed += before[i].seconds;
  }
  if (pm)
    report_rows(pm, out, total, 0);
  for (unsigned i = 0; i < num_after; i++) {
    report_row(out, after[i].seconds, total, 0, after[i].name);
    listed += after[i].seconds;
  }
  if (num_before || num_after)
    report_row(out, total > listed ? total - listed : 0, total, 0, "Rest");
  fprintf(out, "  %8.4f (100.0%%)  Total\n", total);
  fflush(out);
}

/* MLIR's pipeline display: passes in pipeline order, statistics under the
 * pass that declared them, "(S) <value> <name> - <description>" with the
 * values right-aligned per pass. */
static void report_statistics_rows(const SmPassManager *pm, FILE *out, int depth) {
  for (unsigned i = 0; i < pm->count; i++) {
    const PmElem *e = &pm->elems[i];
    if (e->nested) {
      fprintf(out, "%*s'%s' Pipeline\n", depth * 2, "", sm_pass_manager_anchor(e->nested));
      report_statistics_rows(e->nested, out, depth + 1);
      continue;
    }
    char name[128];
    fprintf(out, "%*s%s\n", depth * 2, "", sm_pass_display_name(e->def, name, sizeof name));
    int width = 1;
    for (unsigned j = 0; j < e->def->num_statistics; j++) {
      int w = snprintf(NULL, 0, "%llu", (unsigned long long)(e->stats ? e->stats[j] : 0));
      if (w > width)
        width = w;
    }
    for (unsigned j = 0; j < e->def->num_statistics; j++)
      fprintf(out, "%*s(S) %*llu %s - %s\n", depth * 2 + 2, "", width,
              (unsigned long long)(e->stats ? e->stats[j] : 0), e->def->statistics[j].name,
              e->def->statistics[j].description ? e->def->statistics[j].description : "");
  }
}

void sm_pass_manager_print_statistics(const SmPassManager *pm, FILE *out) {
  fprintf(out, "===-------------------------------------------------------------------------===\n"
               "                         ... Pass statistics report ...\n"
               "===-------------------------------------------------------------------------===\n");
  report_statistics_rows(pm, out, 0);
  fflush(out);
}

static void dump_rows(const SmPassManager *pm, FILE *out, int depth) {
  fprintf(out, "%s(", sm_pass_manager_anchor(pm));
  for (unsigned i = 0; i < pm->count; i++) {
    const PmElem *e = &pm->elems[i];
    fprintf(out, "%s\n%*s", i ? "," : "", (depth + 1) * 2, "");
    if (e->nested) {
      dump_rows(e->nested, out, depth + 1);
      continue;
    }
    fputs(e->def->argument, out);
    if (e->def->num_options) {
      SmStrBuf b = {0};
      fputs("{", out);
      for (unsigned j = 0; j < e->def->num_options; j++) {
        sm_strbuf_printf(&b, " %s=", e->def->options[j].name);
        print_value(&e->def->options[j], &e->vals[j], &b);
      }
      fprintf(out, "%s}", b.data ? b.data : "");
      sm_strbuf_free(&b);
    }
  }
  fprintf(out, "\n%*s)", depth * 2, "");
}

void sm_pass_manager_dump(const SmPassManager *pm, FILE *out) {
  fprintf(out, "Pass Manager with %u passes:\n", pm->count);
  dump_rows(pm, out, 0);
  fputs("\n\n", out);
  fflush(out);
}

bool sm_pass_manager_run(SmPassManager *pm, SmOp *op) {
  if (pm->anchor && op->name != pm->anchor) {
    return sm_emit_error(pm->ctx, op->loc, "can't run '%s' pass manager on '%s' op", pm->anchor,
                         op->name);
  }
  RunState st = {&pm->inst, true};
  reset_stats(pm, pm->inst.timing_by_caller);
  double t0 = now_seconds();
  bool ok = run_pm(pm, op, &st);
  double total = now_seconds() - t0;
  if (ok)
    ok = warn_unmatched(pm, op, pm->inst.unmatched_is_error);
  FILE *report = pm->inst.report_out ? pm->inst.report_out : stderr;
  if (pm->inst.timing && !pm->inst.timing_by_caller)
    sm_pass_manager_print_timing(pm, report, NULL, 0, NULL, 0, total);
  if (pm->inst.statistics && !pm->inst.timing_by_caller)
    sm_pass_manager_print_statistics(pm, report);
  return ok;
}

/* ---- Splicing ---------------------------------------------------------------- */

static bool find_pass(SmPassManager *pm, const char *argument, SmPassManager **owner, unsigned *at) {
  for (unsigned i = 0; i < pm->count; i++) {
    PmElem *e = &pm->elems[i];
    if (e->nested ? find_pass(e->nested, argument, owner, at) : strcmp(e->def->argument, argument) == 0) {
      if (!e->nested) {
        *owner = pm;
        *at = i;
      }
      return true;
    }
  }
  return false;
}

bool sm_pass_manager_insert_after(SmPassManager *pm, const char *argument, const char *text) {
  SmPassManager *owner = NULL;
  unsigned at = 0;
  if (!find_pass(pm, argument, &owner, &at)) {
    SmStrBuf s = {0};
    sm_pass_manager_print(pm, &s);
    sm_emit_error(pm->ctx, sm_loc_unknown(pm->ctx),
                  "cannot insert passes after '%s': the pipeline has no such pass (it is %s)",
                  argument, s.data ? s.data : "");
    sm_strbuf_free(&s);
    return false;
  }
  /* Parsed as the body of a pipeline anchored like the pass's manager, so
   * op-specific passes must be nested explicitly, as in any pipeline. The
   * context may quote the text in diagnostics later: it is interned. */
  SmStrBuf wrapped = {0};
  sm_strbuf_printf(&wrapped, "%s(%s)", sm_pass_manager_anchor(owner), text);
  const char *kept = sm_intern(pm->ctx, wrapped.data, wrapped.len);
  size_t kept_len = wrapped.len;
  sm_strbuf_free(&wrapped);
  SmPassManager *extra = sm_pass_manager_create(pm->ctx, sm_pass_manager_anchor(owner));
  bool ok = extra && sm_pass_pipeline_parse(extra, kept, kept_len);
  unsigned n = ok ? extra->count : 0;
  if (ok && owner->count + n > owner->cap) {
    PmElem *grown = realloc(owner->elems, (owner->count + n) * sizeof *grown);
    if (!grown)
      ok = false;
    else
      owner->elems = grown, owner->cap = owner->count + n;
  }
  if (ok && n) {
    memmove(&owner->elems[at + 1 + n], &owner->elems[at + 1],
            (owner->count - at - 1) * sizeof *owner->elems);
    memcpy(&owner->elems[at + 1], extra->elems, n * sizeof *extra->elems);
    owner->count += n;
    extra->count = 0; /* moved */
  }
  sm_pass_manager_destroy(extra);
  return ok;
}
