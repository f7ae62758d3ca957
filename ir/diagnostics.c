/* Diagnostics: building, routing to the context's handler, and the default
 * printer ("file:line:col: error: msg", the source line and a caret), laid
 * out the way MLIR's SourceMgrDiagnosticHandler prints them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/diag_state.h"
#include "ir/ir.h"

/* MLIR prints at most this many "called from" frames of a call-site location. */
#define SM_CALL_STACK_LIMIT 10

struct SmDiagBuilder {
  SmContext *ctx;
  SmDiagnostic diag;
  SmDiagnostic *notes; /* messages malloc'd */
  unsigned num_notes, notes_cap;
};

/* Formats into malloc'd memory; on allocation failure the message is empty
 * (a static string, which the caller must not free: see free_message). */
static char sm_empty_message[1];

static char *format_message(const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0)
    return sm_empty_message;
  char *s = malloc((size_t)n + 1);
  if (!s)
    return sm_empty_message;
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  return s;
}

static void free_message(const char *s) {
  if (s != sm_empty_message)
    free((void *)s);
}

/* ---- Context-side state ------------------------------------------------- */

void sm_context_set_diag_handler(SmContext *ctx, SmDiagHandler handler, void *user) {
  SmDiagState *d = sm_context_diag_state(ctx);
  d->handler = handler;
  d->user = handler ? user : NULL;
}

void sm_context_add_source(SmContext *ctx, const char *name, const char *text, size_t len,
                           unsigned line_offset) {
  SmDiagState *d = sm_context_diag_state(ctx);
  if (d->num_sources == d->sources_cap) {
    unsigned cap = d->sources_cap ? d->sources_cap * 2 : 4;
    SmSourceBuffer *s = realloc(d->sources, cap * sizeof *s);
    if (!s)
      return; /* diagnostics then just lack the source line */
    d->sources = s;
    d->sources_cap = cap;
  }
  SmSourceBuffer *b = &d->sources[d->num_sources++];
  b->name = sm_intern_cstr(ctx, name ? name : "<stdin>");
  b->text = text;
  b->len = len;
  b->line_offset = line_offset;
}

void sm_context_forget_sources(SmContext *ctx) {
  sm_context_diag_state(ctx)->num_sources = 0;
}

unsigned sm_context_error_count(const SmContext *ctx) {
  /* The accessor takes a mutable context; reading the count changes nothing. */
  return sm_context_diag_state((SmContext *)ctx)->num_errors;
}

void sm_diag_state_free(SmDiagState *d) {
  free(d->sources);
  d->sources = NULL;
  d->num_sources = d->sources_cap = 0;
}

/* ---- Printing ------------------------------------------------------------ */

static const char *severity_word(SmSeverity sev) {
  switch (sev) {
  case SM_SEV_ERROR: return "error";
  case SM_SEV_WARNING: return "warning";
  case SM_SEV_NOTE: return "note";
  case SM_SEV_REMARK: return "remark";
  }
  return "error";
}

/* Finds line `line` (1-based, in the numbering of the original file) in a
 * registered buffer of that file. Later buffers win: a split input file
 * registers one buffer per chunk, each with its own line offset. */
static bool find_source_line(SmContext *ctx, const char *file, unsigned line, const char **start,
                             size_t *len) {
  SmDiagState *d = sm_context_diag_state(ctx);
  for (unsigned i = d->num_sources; i-- > 0;) {
    const SmSourceBuffer *b = &d->sources[i];
    if (b->name != file && strcmp(b->name, file) != 0)
      continue;
    if (line <= b->line_offset)
      continue;
    unsigned want = line - b->line_offset;
    const char *p = b->text, *end = b->text + b->len;
    for (unsigned l = 1; l < want && p; l++) {
      p = memchr(p, '\n', (size_t)(end - p));
      if (p)
        p++;
    }
    if (!p)
      continue; /* the buffer has fewer lines */
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    if (e > p && e[-1] == '\r')
      e--;
    *start = p;
    *len = (size_t)(e - p);
    return true;
  }
  return false;
}

/* The call-site location a diagnostic location stands for (looking through
 * names), as MLIR's handler does to print the call stack. */
static SmLoc *callsite_of(SmLoc *loc) {
  while (loc && loc->kind == SM_LOC_NAME)
    loc = loc->name.child;
  return loc && loc->kind == SM_LOC_CALLSITE ? loc : NULL;
}

static void print_one(SmContext *ctx, SmSeverity sev, SmLoc *loc, const char *msg, FILE *out) {
  SmLoc *f = loc ? sm_loc_find_file(loc) : NULL;
  if (!f) {
    fprintf(out, "<unknown>:0: %s: ", severity_word(sev));
    if (loc && loc->kind != SM_LOC_UNKNOWN) {
      SmStrBuf b = {0};
      sm_loc_print(loc, &b);
      if (b.data)
        fwrite(b.data, 1, b.len, out);
      fputs(": ", out);
      sm_strbuf_free(&b);
    }
    fprintf(out, "%s\n", msg);
    return;
  }
  fprintf(out, "%s:%u:%u: %s: %s\n", f->file.file, f->file.line, f->file.col,
          severity_word(sev), msg);
  const char *line;
  size_t len;
  if (!find_source_line(ctx, f->file.file, f->file.line, &line, &len))
    return;
  unsigned col = f->file.col ? f->file.col : 1;
  if (col > len + 1)
    return; /* the column is not on this line: MLIR shows no source then */
  fwrite(line, 1, len, out);
  fputc('\n', out);
  /* Copy tabs so the caret lines up however the terminal expands them. */
  for (unsigned i = 0; i + 1 < col; i++)
    fputc(line[i] == '\t' ? '\t' : ' ', out);
  fputs("^\n", out);
}

static void print_with_stack(SmContext *ctx, SmSeverity sev, SmLoc *loc, const char *msg,
                             FILE *out) {
  print_one(ctx, sev, loc, msg, out);
  SmLoc *cs = callsite_of(loc);
  for (unsigned depth = 0; cs && depth < SM_CALL_STACK_LIMIT; depth++) {
    SmLoc *caller = cs->callsite.caller;
    if (caller && sm_loc_find_file(caller))
      print_one(ctx, SM_SEV_NOTE, caller, "called from", out);
    cs = callsite_of(caller);
  }
}

void sm_diag_print(SmContext *ctx, const SmDiagnostic *diag, FILE *out) {
  print_with_stack(ctx, diag->severity, diag->loc, diag->message, out);
  for (unsigned i = 0; i < diag->num_notes; i++) {
    const SmDiagnostic *n = &diag->notes[i];
    print_with_stack(ctx, n->severity, n->loc ? n->loc : diag->loc, n->message, out);
  }
  fflush(out);
}

/* ---- Emitting ------------------------------------------------------------ */

static void dispatch(SmContext *ctx, const SmDiagnostic *diag) {
  SmDiagState *d = sm_context_diag_state(ctx);
  if (diag->severity == SM_SEV_ERROR)
    d->num_errors++;
  if (d->handler)
    d->handler(diag, d->user);
  else
    sm_diag_print(ctx, diag, stderr);
}

static SmDiagBuilder *diag_begin_v(SmContext *ctx, SmSeverity sev, SmLoc *loc, const char *prefix,
                                   const char *fmt, va_list ap) {
  SmDiagBuilder *d = calloc(1, sizeof *d);
  char *msg = format_message(fmt, ap);
  if (prefix && msg) {
    size_t pl = strlen(prefix), ml = strlen(msg);
    char *m = malloc(pl + ml + 1);
    if (m) {
      memcpy(m, prefix, pl);
      memcpy(m + pl, msg, ml + 1);
    }
    free_message(msg);
    msg = m ? m : sm_empty_message;
  }
  if (!d) {
    /* Out of memory: still deliver the diagnostic, without notes. */
    SmDiagnostic diag = {sev, loc ? loc : sm_loc_unknown(ctx), msg, 0, NULL};
    dispatch(ctx, &diag);
    free_message(msg);
    return NULL;
  }
  d->ctx = ctx;
  d->diag.severity = sev;
  d->diag.loc = loc ? loc : sm_loc_unknown(ctx);
  d->diag.message = msg;
  return d;
}

SmDiagBuilder *sm_diag_begin(SmContext *ctx, SmSeverity sev, SmLoc *loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  SmDiagBuilder *d = diag_begin_v(ctx, sev, loc, NULL, fmt, ap);
  va_end(ap);
  return d;
}

void sm_diag_note(SmDiagBuilder *d, SmLoc *loc, const char *fmt, ...) {
  if (!d)
    return;
  if (d->num_notes == d->notes_cap) {
    unsigned cap = d->notes_cap ? d->notes_cap * 2 : 2;
    SmDiagnostic *n = realloc(d->notes, cap * sizeof *n);
    if (!n)
      return;
    d->notes = n;
    d->notes_cap = cap;
  }
  va_list ap;
  va_start(ap, fmt);
  char *msg = format_message(fmt, ap);
  va_end(ap);
  SmDiagnostic *n = &d->notes[d->num_notes++];
  n->severity = SM_SEV_NOTE;
  n->loc = loc ? loc : d->diag.loc;
  n->message = msg;
  n->num_notes = 0;
  n->notes = NULL;
}

void sm_diag_emit(SmDiagBuilder *d) {
  if (!d)
    return;
  d->diag.num_notes = d->num_notes;
  d->diag.notes = d->notes;
  dispatch(d->ctx, &d->diag);
  for (unsigned i = 0; i < d->num_notes; i++)
    free_message(d->notes[i].message);
  free(d->notes);
  free_message(d->diag.message);
  free(d);
}

bool sm_emit_diag_v(SmContext *ctx, SmSeverity sev, SmLoc *loc, const char *fmt, va_list ap) {
  sm_diag_emit(diag_begin_v(ctx, sev, loc, NULL, fmt, ap));
  return false;
}

bool sm_emit_error(SmContext *ctx, SmLoc *loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sm_emit_diag_v(ctx, SM_SEV_ERROR, loc, fmt, ap);
  va_end(ap);
  return false;
}

void sm_emit_warning(SmContext *ctx, SmLoc *loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sm_emit_diag_v(ctx, SM_SEV_WARNING, loc, fmt, ap);
  va_end(ap);
}

void sm_emit_remark(SmContext *ctx, SmLoc *loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sm_emit_diag_v(ctx, SM_SEV_REMARK, loc, fmt, ap);
  va_end(ap);
}

bool sm_op_emit_error(SmOp *op, const char *fmt, ...) {
  SmContext *ctx = sm_op_context(op);
  /* "'name' op " like MLIR's emitOpError; names are short, so truncating
   * an absurdly long one in the prefix is harmless. */
  char prefix[256];
  snprintf(prefix, sizeof prefix, "'%s' op ", op->name);
  va_list ap;
  va_start(ap, fmt);
  sm_diag_emit(diag_begin_v(ctx, SM_SEV_ERROR, op->loc, prefix, fmt, ap));
  va_end(ap);
  return false;
}
