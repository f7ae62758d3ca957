/* smopt: the mlir-opt of smartmem. A thin driver: read the input, split it
 * if asked, then per chunk parse, verify, run the pass pipeline, verify
 * again and print. Pass options belong to the pass layer (passes/pass_cli.h).
 * --verify-diagnostics checks the diagnostics against expected-* comments
 * the way mlir-opt does. */
#define _DEFAULT_SOURCE /* madvise(MADV_DONTNEED) */
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ir/ir.h"
#include "ir/sanitizer_internal.h"
#include "passes/pass_cli.h"
#include "passes/pass_output_file.h"
#include "tools/tool_diag.h"
#include "passes/smartmem/smartmem.h"

#define SMOPT_VERSION "0.1.0"

typedef struct Options {
  const char *input;  /* NULL or "-": stdin */
  const char *output; /* NULL or "-": stdout */
  bool allow_unregistered;
  bool split;
  const char *split_marker;
  const char *output_split_marker;
  bool verify_diagnostics;
  bool no_implicit_module;
  SmPrintFlags flags;
} Options;

/* ---- Expected diagnostics ------------------------------------------------ */

typedef struct Expectation {
  SmSeverity kind;
  unsigned line;       /* line the diagnostic must be on (0 with unknown_loc) */
  bool unknown_loc;    /* @unknown: a diagnostic without a file location */
  unsigned cline, ccol; /* where the expected-... text is, for reports */
  char *text;
  bool is_regex;
  regex_t re;
  bool matched;
} Expectation;

typedef struct Checker {
  SmContext *ctx;
  const char *filename; /* interned */
  Expectation *exps;
  unsigned num, cap;
  bool failed;
} Checker;

static const char *kind_word(SmSeverity s) {
  switch (s) {
  case SM_SEV_ERROR: return "error";
  case SM_SEV_WARNING: return "warning";
  case SM_SEV_NOTE: return "note";
  case SM_SEV_REMARK: return "remark";
  }
  return "error";
}

static void report(SmContext *ctx, SmLoc *loc, const char *fmt, ...) SM_PRINTF(3, 4);
static void report(SmContext *ctx, SmLoc *loc, const char *fmt, ...) {
  char buf[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  SmDiagnostic d = {SM_SEV_ERROR, loc, buf, 0, NULL};
  sm_diag_print(ctx, &d, stderr);
}

/* "lit{{re}}lit" -> an anchored-nowhere POSIX ERE with the literal parts escaped. */
static char *regex_from_expectation(const char *s) {
  size_t n = strlen(s);
  char *out = malloc(n * 2 + 3), *o = out;
  if (!out)
    return NULL;
  while (*s) {
    if (s[0] == '{' && s[1] == '{') {
      const char *e = strstr(s + 2, "}}");
      if (!e) {
        free(out);
        return NULL;
      }
      *o++ = '(';
      memcpy(o, s + 2, (size_t)(e - s - 2));
      o += e - s - 2;
      *o++ = ')';
      s = e + 2;
      continue;
    }
    if (strchr(".[]{}()\\*+?^$|", *s))
      *o++ = '\\';
    *o++ = *s++;
  }
  *o = '\0';
  return out;
}

static bool add_expectation(Checker *c, Expectation *e) {
  if (c->num == c->cap) {
    unsigned cap = c->cap ? c->cap * 2 : 8;
    Expectation *n = realloc(c->exps, cap * sizeof *n);
    if (!n)
      return false;
    c->exps = n;
    c->cap = cap;
  }
  c->exps[c->num++] = *e;
  return true;
}

static const char *skip_spaces(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

static const char *find_in(const char *p, const char *end, const char *needle) {
  size_t n = strlen(needle);
  for (; p + n <= end; p++)
    if (*p == needle[0] && memcmp(p, needle, n) == 0)
      return p;
  return NULL;
}

/* Parses one "expected-<kind>[-re][@where] {{text}}" at p. Returns the
 * number of designators found on the line via *e, false when the text at p
 * is not an expectation. `where`: 0 none, 1 relative (rel set), 2 above,
 * 3 below, 4 unknown. */
static bool parse_expectation(const char *p, const char *line_end, Expectation *e, int *where,
                              long *rel) {
  static const struct {
    const char *word;
    SmSeverity kind;
  } kinds[] = {{"error", SM_SEV_ERROR},
               {"warning", SM_SEV_WARNING},
               {"note", SM_SEV_NOTE},
               {"remark", SM_SEV_REMARK}};
  p += strlen("expected-");
  bool found = false;
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
    size_t n = strlen(kinds[i].word);
    if ((size_t)(line_end - p) >= n && memcmp(p, kinds[i].word, n) == 0) {
      e->kind = kinds[i].kind;
      p += n;
      found = true;
      break;
    }
  }
  if (!found)
    return false;
  e->is_regex = false;
  if (line_end - p >= 3 && memcmp(p, "-re", 3) == 0) {
    e->is_regex = true;
    p += 3;
  }
  p = skip_spaces(p, line_end);
  *where = 0;
  if (p < line_end && *p == '@') {
    p++;
    if (p < line_end && (*p == '+' || *p == '-')) {
      char sign = *p++;
      long v = 0;
      if (p >= line_end || *p < '0' || *p > '9')
        return false;
      while (p < line_end && *p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
      *rel = sign == '-' ? -v : v;
      *where = 1;
    } else if (line_end - p >= 5 && memcmp(p, "above", 5) == 0) {
      p += 5;
      *where = 2;
    } else if (line_end - p >= 5 && memcmp(p, "below", 5) == 0) {
      p += 5;
      *where = 3;
    } else if (line_end - p >= 7 && memcmp(p, "unknown", 7) == 0) {
      p += 7;
      *where = 4;
    } else {
      return false;
    }
  }
  p = skip_spaces(p, line_end);
  if (line_end - p < 2 || p[0] != '{' || p[1] != '{')
    return false;
  p += 2;
  /* The text ends at the last "}}" before the next expectation on the line
   * (regex fragments inside it have their own braces). */
  const char *limit = find_in(p, line_end, "expected-");
  if (!limit)
    limit = line_end;
  const char *close = NULL;
  for (const char *q = p; q + 2 <= limit; q++)
    if (q[0] == '}' && q[1] == '}')
      close = q;
  if (!close)
    return false;
  /* "}}}" closes after a '}' in the text. */
  while (close + 2 < limit && close[2] == '}')
    close++;
  size_t n = (size_t)(close - p);
  e->text = malloc(n + 1);
  if (!e->text)
    return false;
  memcpy(e->text, p, n);
  e->text[n] = '\0';
  return true;
}

/* Scans a chunk for expectations. line_offset: lines before the chunk. */
static void collect_expectations(Checker *c, const char *buf, size_t len, unsigned line_offset) {
  const char *p = buf, *end = buf + len;
  unsigned line = line_offset, last_plain = line_offset ? line_offset : 1;
  unsigned *pending = NULL, npending = 0; /* @below designators waiting for a line */
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    line++;
    bool designator = false;
    for (const char *q = find_in(p, le, "expected-"); q; q = find_in(q + 1, le, "expected-")) {
      Expectation e = {0};
      int where;
      long rel = 0;
      if (!parse_expectation(q, le, &e, &where, &rel))
        continue;
      designator = true;
      e.cline = line;
      e.ccol = (unsigned)(q - p) + 1;
      e.line = line;
      if (where == 1)
        e.line = (unsigned)((long)line + rel);
      else if (where == 2)
        e.line = last_plain;
      else if (where == 4)
        e.unknown_loc = true;
      if (e.is_regex) {
        char *re = regex_from_expectation(e.text);
        if (!re || regcomp(&e.re, re, REG_EXTENDED | REG_NOSUB) != 0) {
          report(c->ctx, sm_loc_file(c->ctx, c->filename, line, e.ccol),
                 "invalid regex in expected-%s: {{%s}}", kind_word(e.kind), e.text);
          c->failed = true;
          free(re);
          free(e.text);
          continue;
        }
        free(re);
      }
      if (!add_expectation(c, &e)) {
        if (e.is_regex)
          regfree(&e.re);
        free(e.text);
        continue;
      }
      if (where == 3) {
        unsigned *np = realloc(pending, (npending + 1) * sizeof *np);
        if (np) {
          pending = np;
          pending[npending++] = c->num - 1;
        }
      }
    }
    if (!designator) {
      last_plain = line;
      for (unsigned i = 0; i < npending; i++)
        c->exps[pending[i]].line = line;
      npending = 0;
    }
    p = nl ? nl + 1 : end;
  }
  /* A dangling @below applies to the last line, as in MLIR. */
  for (unsigned i = 0; i < npending; i++)
    c->exps[pending[i]].line = line;
  free(pending);
}

static bool expectation_matches(const Expectation *e, const char *msg) {
  if (e->is_regex)
    return regexec(&e->re, msg, 0, NULL, 0) == 0;
  return strstr(msg, e->text) != NULL;
}

/* One diagnostic (or note) against the expectations. */
static void check_one(Checker *c, SmSeverity sev, SmLoc *loc, const char *msg) {
  SmLoc *f = loc ? sm_loc_find_file(loc) : NULL;
  bool in_file = f && (f->file.file == c->filename || strcmp(f->file.file, c->filename) == 0);
  Expectation *near = NULL;
  for (unsigned i = 0; i < c->num; i++) {
    Expectation *e = &c->exps[i];
    bool where_ok = f ? (in_file && !e->unknown_loc && e->line == f->file.line) : e->unknown_loc;
    if (!where_ok || !expectation_matches(e, msg))
      continue;
    if (e->kind == sev) {
      e->matched = true;
      return;
    }
    near = e;
  }
  c->failed = true;
  if (near)
    report(c->ctx, sm_loc_file(c->ctx, c->filename, near->cline, near->ccol),
           "'%s' diagnostic emitted when expecting a '%s'", kind_word(sev),
           kind_word(near->kind));
  else
    report(c->ctx, loc, "unexpected %s: %s", kind_word(sev), msg);
}

static void checker_handler(const SmDiagnostic *d, void *user) {
  Checker *c = user;
  check_one(c, d->severity, d->loc, d->message);
  for (unsigned i = 0; i < d->num_notes; i++)
    check_one(c, d->notes[i].severity, d->notes[i].loc ? d->notes[i].loc : d->loc,
              d->notes[i].message);
}

/* Reports expectations nothing matched; clears the list. */
static void checker_finish(Checker *c) {
  for (unsigned i = 0; i < c->num; i++) {
    Expectation *e = &c->exps[i];
    if (!e->matched) {
      c->failed = true;
      report(c->ctx, sm_loc_file(c->ctx, c->filename, e->cline, e->ccol),
             "expected %s \"%s\" was not produced", kind_word(e->kind), e->text);
    }
    if (e->is_regex)
      regfree(&e->re);
    free(e->text);
  }
  c->num = 0;
}

/* ---- Driver --------------------------------------------------------------- */

/* The input text: mapped (regular files) or read into memory. */
typedef struct Input {
  char *data;
  size_t len;
  bool mapped;
} Input;

/* Parse progress (sm_context_set_parse_progress) on a mapped input: the
 * whole pages the parser is past leave memory. The mapping is a read-only
 * private file mapping, so a later read (a memoised span, a diagnostic's
 * source line) faults the same bytes back in from the file. */
typedef struct InputDrop {
  char *data; /* the mapping */
} InputDrop;

static void input_drop_consumed(const char *buf, size_t consumed, void *user) {
  InputDrop *d = user;
  long page = sysconf(_SC_PAGESIZE);
  if (page <= 0)
    return;
  size_t end = (size_t)(buf - d->data) + consumed;
  end -= end % (size_t)page;
  /* From the start each time: pages read again since (the parser's memo
   * compares against earlier text) go too. */
  if (end)
    madvise(d->data, end, MADV_DONTNEED);
}

static void input_release(Input *in) {
  if (in->mapped)
    munmap(in->data, in->len);
  else
    free(in->data);
  in->data = NULL;
  in->len = 0;
  in->mapped = false;
}

/* Where a successful single-chunk run streams its output: the shared
 * output-file helper (stdout, a device written in place, or a temporary file
 * renamed over the target at the end). */
typedef SmOutputFile Output;

typedef struct Tool {
  SmContext *ctx;
  SmPassCli *cli;
  Options opt;
  const char *filename;
  Checker checker;
  Input input;
  /* Not splitting: print straight to the output as it is produced, after
   * dropping the input (nothing quotes it any more). */
  bool stream;
  Output out;
  /* The streamed module, kept to the end of the run instead of destroyed
   * (see SMOPT_FREE_AT_EXIT). */
  SmOp *kept;
  double start_s, parse_s, output_s; /* --mlir-timing: accumulated over chunks */
} Tool;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* --no-implicit-module: the source's single top-level op is the top-level
 * op. The parser wraps anything but one written module into an implicit
 * module, which it locates at column 0 of the chunk (a written op has a
 * real column). */
static SmOp *unwrap_implicit_module(SmContext *ctx, SmOp *module) {
  SmLoc *l = module->loc;
  bool implicit = l && l->kind == SM_LOC_FILE && l->file.col == 0;
  if (!implicit)
    return module;
  SmBlock *b = module->num_regions ? module->regions[0].first : NULL;
  unsigned n = 0;
  for (SmOp *op = b ? b->first : NULL; op; op = op->next)
    n++;
  if (n != 1) {
    sm_emit_error(ctx, module->loc, "source must contain a single top-level operation, found: %u", n);
    sm_op_destroy(module);
    return NULL;
  }
  SmOp *top = b->first;
  sm_op_detach(top);
  sm_op_destroy(module);
  return top;
}

/* Like clang's -disable-free: once the last output is written, a one-shot
 * tool can leave its memory to the exit instead of tearing a large module
 * down op by op (unlinking every use touches memory all over the module:
 * ~4% of a 200k-op run). Sanitizer builds still free everything, so leak
 * checking keeps covering the whole tool. */
#define SMOPT_FREE_AT_EXIT SM_MEMORY_SANITIZED

static bool output_open(Tool *t, Output *o, const char *path) {
  return sm_output_file_open(o, t->ctx, path);
}

/* Closes the output: on success the temporary file replaces the target; on
 * failure nothing of this run is left, nor an older output (mlir-opt). */
static bool output_close(Tool *t, Output *o, bool ok) {
  return sm_output_file_close(o, t->ctx, ok);
}

/* Parse, verify, run passes, verify, print into out. False on any error. */
static bool process_chunk(Tool *t, const char *buf, size_t len, unsigned line_offset,
                          SmStrBuf *out) {
  unsigned errors = sm_context_error_count(t->ctx);
  if (t->opt.verify_diagnostics) {
    t->checker.failed = false;
    collect_expectations(&t->checker, buf, len, line_offset);
  }
  double t0 = now_s();
  SmOp *module = sm_parse_source(t->ctx, buf, len, t->filename, line_offset);
  if (module && t->opt.no_implicit_module)
    module = unwrap_implicit_module(t->ctx, module);
  t->parse_s += now_s() - t0;
  bool ok = module != NULL;
  if (ok)
    ok = sm_op_verify(module) && sm_pass_cli_run(t->cli, module) && sm_op_verify(module);
  ok = ok && sm_context_error_count(t->ctx) == errors;
  if (ok && t->stream) {
    /* Printing emits no diagnostics: the input can go before the output
     * grows (unless expected-* checks still quote it). */
    if (!t->opt.verify_diagnostics) {
      sm_context_forget_sources(t->ctx);
      input_release(&t->input);
    }
    ok = output_open(t, &t->out, t->opt.output);
    double t1 = now_s();
    if (ok) {
      sm_op_print_file(module, t->out.f, &t->opt.flags);
      fputc('\n', t->out.f); /* mlir-opt ends each output with a newline */
    }
    t->output_s += now_s() - t1;
  } else if (ok) {
    double t1 = now_s();
    sm_op_print(module, out, &t->opt.flags);
    sm_strbuf_append(out, "\n", 1); /* mlir-opt ends each output with a newline */
    t->output_s += now_s() - t1;
  }
  if (module && t->stream && !SMOPT_FREE_AT_EXIT)
    t->kept = module;
  else if (module)
    sm_op_destroy(module);
  if (t->opt.verify_diagnostics) {
    checker_finish(&t->checker);
    return !t->checker.failed;
  }
  return ok;
}

static bool is_marker_line(const char *p, const char *le, const char *marker) {
  p = skip_spaces(p, le);
  size_t n = strlen(marker);
  return (size_t)(le - p) >= n && memcmp(p, marker, n) == 0;
}

/* Runs every chunk; out gets the joined outputs. */
static bool process_input(Tool *t, const char *buf, size_t len, SmStrBuf *out) {
  if (!t->opt.split)
    return process_chunk(t, buf, len, 0, out);
  bool ok = true;
  const char *p = buf, *end = buf + len, *chunk = buf;
  unsigned line = 0, chunk_offset = 0;
  bool first = true;
  for (;;) {
    const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
    const char *le = nl ? nl : end;
    bool at_end = p >= end;
    if (at_end || is_marker_line(p, le, t->opt.split_marker)) {
      if (!first) {
        sm_strbuf_puts(out, t->opt.output_split_marker);
        sm_strbuf_append(out, "\n", 1);
      }
      first = false;
      if (!process_chunk(t, chunk, (size_t)(p - chunk), chunk_offset, out))
        ok = false;
      if (at_end)
        break;
      chunk = nl ? nl + 1 : end;
      chunk_offset = line + 1;
    }
    line++;
    if (!nl) {
      p = end;
      continue;
    }
    p = nl + 1;
  }
  return ok;
}

/* Reads a stream to its end (pipes, terminals). */
static char *read_all(int fd, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf)
    return NULL;
  for (;;) {
    if (n == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        return NULL;
      }
      buf = nb;
      cap *= 2;
    }
    ssize_t got = read(fd, buf + n, cap - n);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0) {
      free(buf);
      return NULL;
    }
    if (got == 0)
      break;
    n += (size_t)got;
  }
  *len = n;
  return buf;
}

/* A regular file is mapped (no copy, and its pages can be dropped as a
 * whole once parsed); anything else is read. */
static bool read_input(int fd, Input *in) {
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      (uintmax_t)st.st_size <= SIZE_MAX) {
    size_t size = (size_t)st.st_size;
    void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      posix_madvise(p, size, POSIX_MADV_SEQUENTIAL);
      in->data = p;
      in->len = size;
      in->mapped = true;
      return true;
    }
  }
  in->data = read_all(fd, &in->len);
  in->mapped = false;
  return in->data != NULL;
}

static void print_help(Tool *t, FILE *out) {
  fputs("OVERVIEW: smartmem modular optimizer driver\n\n"
        "USAGE: smopt [options] <input file>\n\n"
        "OPTIONS:\n"
        "  -o <filename>                          Output filename (default: stdout)\n"
        "  --allow-unregistered-dialect           Allow operations of unregistered dialects\n"
        "  --split-input-file[=<marker>]          Split the input on '// -----' lines and process each chunk independently\n"
        "  --output-split-marker=<marker>         Joins split outputs (default '// -----')\n"
        "  --verify-diagnostics                   Check diagnostics against expected-* comments in the input\n"
        "  --mlir-print-op-generic                Print the generic op form (alias: --print-op-generic)\n"
        "  --mlir-print-debuginfo                 Print locations (alias: --print-debuginfo)\n"
        "  --mlir-elide-elementsattrs-if-larger=N Elide dense elements with more than N elements (alias: --elide-elementsattrs-if-larger)\n"
        "  --mlir-print-local-scope               Print without type/attribute aliases (alias: --print-local-scope)\n"
        "  --no-implicit-module                   The input's single top-level op is the top-level op (no implicit builtin.module)\n"
        "  --show-dialects                        Print the registered dialects and exit\n"
        "  -h, --help                             Show this help\n"
        "  --version                              Show the version\n\n",
        out);
  sm_pass_cli_print_help(t->cli, out);
}

/* Option name without its leading dashes, or NULL for a positional. */
static const char *option_name(const char *arg) {
  if (arg[0] != '-' || arg[1] == '\0')
    return NULL;
  return arg[1] == '-' ? arg + 2 : arg + 1;
}

/* name == key, or name == key=value (*value set). */
static bool option_is(const char *name, const char *key, const char **value) {
  size_t n = strlen(key);
  if (strncmp(name, key, n) != 0)
    return false;
  if (name[n] == '\0') {
    if (value)
      *value = NULL;
    return true;
  }
  if (name[n] == '=' && value) {
    *value = name + n + 1;
    return true;
  }
  return false;
}

static bool parse_int64(const char *s, int64_t *out) {
  if (!s || !*s)
    return false;
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (*end || errno)
    return false;
  *out = v;
  return true;
}

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* smopt's own option spellings, for "did you mean" (the pass layer offers
 * its own). */
static const char *const smopt_options[] = {
    "--allow-unregistered-dialect", "--split-input-file", "--output-split-marker",
    "--verify-diagnostics", "--mlir-print-op-generic", "--mlir-print-debuginfo",
    "--mlir-elide-elementsattrs-if-larger", "--mlir-print-local-scope", "--no-implicit-module",
    "--show-dialects", "--help", "--version",
};

/* 1: go on, 0: exit 0 now, -1: exit 1. */
static int parse_options(Tool *t, int argc, char **argv, bool *help) {
  Options *o = &t->opt;
  bool positional_only = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    const char *name = positional_only ? NULL : option_name(arg);
    const char *val = NULL;
    if (!name) {
      if (o->input) {
        fprintf(stderr, "smopt: Too many positional arguments specified! Found '%s' after '%s'\n",
                arg, o->input);
        return -1;
      }
      o->input = arg;
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      positional_only = true;
    } else if (strcmp(name, "o") == 0) {
      if (i + 1 >= argc) {
        fprintf(stderr, "smopt: option '-o' requires a value\n");
        return -1;
      }
      o->output = argv[++i];
    } else if (name[0] == 'o' && name[1] == '=' && name[2]) {
      o->output = name + 2;
    } else if (option_is(name, "allow-unregistered-dialect", NULL)) {
      o->allow_unregistered = true;
    } else if (option_is(name, "split-input-file", &val)) {
      o->split = true;
      if (val && *val)
        o->split_marker = val;
    } else if (option_is(name, "output-split-marker", &val) && val) {
      o->output_split_marker = val;
    } else if (option_is(name, "verify-diagnostics", NULL)) {
      o->verify_diagnostics = true;
    } else if (option_is(name, "print-op-generic", NULL) ||
               option_is(name, "mlir-print-op-generic", NULL)) {
      o->flags.generic = true;
    } else if (option_is(name, "print-debuginfo", NULL) ||
               option_is(name, "mlir-print-debuginfo", NULL)) {
      o->flags.debuginfo = true;
    } else if (option_is(name, "mlir-print-local-scope", NULL) ||
               option_is(name, "print-local-scope", NULL)) {
      o->flags.local_scope = true;
    } else if (option_is(name, "mlir-elide-elementsattrs-if-larger", &val) ||
               option_is(name, "elide-elementsattrs-if-larger", &val)) {
      int64_t n;
      if (!val && i + 1 < argc)
        val = argv[++i];
      if (!parse_int64(val, &n) || n < 0) {
        fprintf(stderr, "smopt: invalid value for '%s': '%s'\n", arg, val ? val : "");
        return -1;
      }
      o->flags.elide_elements = n;
    } else if (option_is(name, "no-implicit-module", NULL)) {
      o->no_implicit_module = true;
    } else if (option_is(name, "show-dialects", NULL)) {
      /* Sorted, as mlir-opt prints them. */
      const char *names[64];
      size_t n = 0;
      for (size_t d = 0; n < 64 && sm_context_dialect_at(t->ctx, d); d++)
        names[n++] = sm_context_dialect_at(t->ctx, d)->name;
      qsort(names, n, sizeof names[0], cmp_cstr);
      printf("Available Dialects: ");
      for (size_t d = 0; d < n; d++)
        printf("%s%s", d ? "," : "", names[d]);
      printf("\n");
      return 0;
    } else if (strcmp(name, "h") == 0 || strcmp(name, "help") == 0) {
      *help = true;
    } else if (strcmp(name, "version") == 0) {
      printf("smopt (smartmem) version %s\n", SMOPT_VERSION);
      return 0;
    } else {
      int used = sm_pass_cli_parse_arg(t->cli, argc, argv, i);
      if (used < 0)
        return -1;
      if (used == 0) {
        fprintf(stderr, "smopt: Unknown command line argument '%s'.  Try: 'smopt --help'\n",
                arg);
        size_t d = (size_t)-1;
        const char *best = sm_pass_cli_suggest(t->cli, arg, &d);
        for (size_t k = 0; k < sizeof smopt_options / sizeof smopt_options[0]; k++)
          sm_option_suggest(arg, smopt_options[k], &best, &d);
        if (best)
          fprintf(stderr, "smopt: Did you mean '%s'?\n", best);
        return -1;
      }
      i += used - 1;
    }
  }
  return 1;
}

static bool write_output(Tool *t, const char *path, const SmStrBuf *out, bool ok) {
  Output o;
  if (!output_open(t, &o, path))
    return false;
  if (ok)
    ok = out->len == 0 || fwrite(out->data, 1, out->len, o.f) == out->len;
  return output_close(t, &o, ok) && ok;
}

int main(int argc, char **argv) {
  Tool t;
  memset(&t, 0, sizeof t);
  t.opt.split_marker = "// -----";
  t.opt.output_split_marker = "// -----";
  t.start_s = now_s();
  t.ctx = sm_context_create();
  sm_context_set_diag_handler(t.ctx, sm_tool_diag_handler, t.ctx);
  /* Every in-tree dialect and pass, so smopt can run any stage of a pipeline. */
  sm_register_core_dialects(t.ctx);
  sm_register_smartmem_dialects(t.ctx);
  sm_register_smartmem_passes();
  t.cli = sm_pass_cli_create(t.ctx);
  int rc = 1;
  SmStrBuf out = {0};
  bool help = false;

  int go = parse_options(&t, argc, argv, &help);
  if (go <= 0) {
    rc = go == 0 ? 0 : 1;
    goto done;
  }
  if (help) {
    print_help(&t, stdout);
    rc = 0;
    goto done;
  }
  go = sm_pass_cli_finalize(t.cli, stdout);
  if (go <= 0) {
    rc = go == 0 ? 0 : 1;
    goto done;
  }
  sm_pass_cli_set_print_flags(t.cli, &t.opt.flags);
  sm_context_set_allow_unregistered(t.ctx, t.opt.allow_unregistered);

  bool from_stdin = !t.opt.input || strcmp(t.opt.input, "-") == 0;
  t.filename = sm_intern_cstr(t.ctx, from_stdin ? "<stdin>" : t.opt.input);
  bool read_ok;
  if (from_stdin) {
    read_ok = read_input(STDIN_FILENO, &t.input);
  } else {
    int fd = open(t.opt.input, O_RDONLY);
    if (fd < 0) {
      fprintf(stderr, "cannot open input file '%s': %s\n", t.opt.input, strerror(errno));
      goto done;
    }
    read_ok = read_input(fd, &t.input);
    close(fd);
  }
  if (!read_ok) {
    fprintf(stderr, "smopt: cannot read input '%s'\n", t.filename);
    goto done;
  }
  InputDrop drop = {t.input.data};
  if (t.input.mapped)
    sm_context_set_parse_progress(t.ctx, input_drop_consumed, &drop);

  if (t.opt.verify_diagnostics) {
    t.checker.ctx = t.ctx;
    t.checker.filename = t.filename;
    sm_context_set_diag_handler(t.ctx, checker_handler, &t.checker);
  }
  t.stream = !t.opt.split;
  bool ok;
  if (t.stream) {
    ok = process_chunk(&t, t.input.data, t.input.len, 0, &out);
    /* Nothing printed (an error, or an error expected by
     * --verify-diagnostics): stdout is still flushed, and a named output is
     * still created (empty) when the run succeeded, as before. */
    if (!t.out.f && !output_open(&t, &t.out, t.opt.output))
      ok = false;
    /* On failure this removes an older file at -o too, as mlir-opt does. */
    ok = output_close(&t, &t.out, ok);
  } else {
    ok = process_input(&t, t.input.data, t.input.len, &out);
    /* mlir-opt prints what succeeded to stdout even when a chunk failed; a
     * named output file is only written after complete success. */
    bool to_stdout = !t.opt.output || strcmp(t.opt.output, "-") == 0;
    if (!write_output(&t, t.opt.output, &out, ok || to_stdout))
      ok = false;
  }
  rc = ok ? 0 : 1;
  sm_pass_cli_print_reports(t.cli, stderr, t.parse_s, t.output_s, now_s() - t.start_s);

  if (t.kept) {
    /* Output complete (closed above): exit without tearing down. */
    fflush(stderr);
    return rc;
  }

done:
  if (t.opt.verify_diagnostics)
    sm_context_set_diag_handler(t.ctx, sm_tool_diag_handler, t.ctx);
  free(t.checker.exps);
  sm_strbuf_free(&out);
  sm_pass_cli_destroy(t.cli);
  sm_context_destroy(t.ctx);
  input_release(&t.input);
  return rc;
}
