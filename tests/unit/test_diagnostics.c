/* Diagnostics: routing to handlers, error counting, and the default
 * printer's layout (location, source line, caret, notes, call stacks). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"

typedef struct Collected {
  char text[4096];
  unsigned count;
} Collected;

/* Records "severity|message|#notes|note messages" per diagnostic. */
static void collect(const SmDiagnostic *d, void *user) {
  Collected *c = user;
  static const char *words[] = {"error", "warning", "note", "remark"};
  size_t n = strlen(c->text);
  n += (size_t)snprintf(c->text + n, sizeof c->text - n, "%s|%s|%u", words[d->severity],
                        d->message, d->num_notes);
  for (unsigned i = 0; i < d->num_notes; i++)
    n += (size_t)snprintf(c->text + n, sizeof c->text - n, "|%s", d->notes[i].message);
  snprintf(c->text + n, sizeof c->text - n, "\n");
  c->count++;
}

/* sm_diag_print into a string (caller frees). */
static char *print_to_string(SmContext *ctx, const SmDiagnostic *d) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  cr_assert_not_null(f);
  sm_diag_print(ctx, d, f);
  fclose(f);
  return buf;
}

static const char *src = "module {\n  %0 = \"foo.bar\"() : () -> i32\n\tx y\n}\n";

Test(diagnostics, handler_receives_formatted_message_and_counts_errors) {
  SmContext *ctx = sm_context_create();
  Collected c = {{0}, 0};
  sm_context_set_diag_handler(ctx, collect, &c);
  SmLoc *loc = sm_loc_file(ctx, "a.mlir", 1, 1);
  cr_assert_eq(sm_context_error_count(ctx), 0);
  cr_assert_not(sm_emit_error(ctx, loc, "bad %s #%d", "thing", 7));
  sm_emit_warning(ctx, loc, "careful");
  sm_emit_remark(ctx, loc, "fyi %u", 3u);
  cr_assert_eq(sm_context_error_count(ctx), 1, "only errors are counted");
  cr_assert_str_eq(c.text, "error|bad thing #7|0\nwarning|careful|0\nremark|fyi 3|0\n");
  sm_context_destroy(ctx);
}

Test(diagnostics, builder_attaches_notes_in_order) {
  SmContext *ctx = sm_context_create();
  Collected c = {{0}, 0};
  sm_context_set_diag_handler(ctx, collect, &c);
  SmDiagBuilder *d = sm_diag_begin(ctx, SM_SEV_ERROR, sm_loc_unknown(ctx), "main %d", 1);
  sm_diag_note(d, NULL, "first");
  sm_diag_note(d, sm_loc_file(ctx, "a.mlir", 2, 3), "second %s", "note");
  sm_diag_emit(d);
  cr_assert_str_eq(c.text, "error|main 1|2|first|second note\n");
  cr_assert_eq(sm_context_error_count(ctx), 1);
  sm_context_destroy(ctx);
}

Test(diagnostics, long_messages_are_not_truncated) {
  SmContext *ctx = sm_context_create();
  Collected c = {{0}, 0};
  sm_context_set_diag_handler(ctx, collect, &c);
  char big[3000];
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  sm_emit_error(ctx, NULL, "%s!", big);
  cr_assert_eq(strlen(c.text), strlen("error|") + strlen(big) + strlen("!|0\n"));
  sm_context_destroy(ctx);
}

Test(diagnostics, prints_source_line_and_caret) {
  SmContext *ctx = sm_context_create();
  sm_context_add_source(ctx, "t.mlir", src, strlen(src), 0);
  SmDiagnostic d = {SM_SEV_ERROR, sm_loc_file(ctx, "t.mlir", 2, 8), "boom", 0, NULL};
  char *out = print_to_string(ctx, &d);
  cr_assert_str_eq(out, "t.mlir:2:8: error: boom\n"
                        "  %0 = \"foo.bar\"() : () -> i32\n"
                        "       ^\n");
  free(out);
  sm_context_destroy(ctx);
}

Test(diagnostics, caret_keeps_tabs_aligned) {
  SmContext *ctx = sm_context_create();
  sm_context_add_source(ctx, "t.mlir", src, strlen(src), 0);
  SmDiagnostic d = {SM_SEV_WARNING, sm_loc_file(ctx, "t.mlir", 3, 4), "w", 0, NULL};
  char *out = print_to_string(ctx, &d);
  cr_assert_str_eq(out, "t.mlir:3:4: warning: w\n\tx y\n\t  ^\n");
  free(out);
  sm_context_destroy(ctx);
}

Test(diagnostics, line_offset_maps_to_buffer_lines) {
  SmContext *ctx = sm_context_create();
  /* The same file name registered twice, as --split-input-file does. */
  const char *chunk1 = "first chunk\n";
  const char *chunk2 = "alpha\nbeta gamma\n";
  sm_context_add_source(ctx, "s.mlir", chunk1, strlen(chunk1), 0);
  sm_context_add_source(ctx, "s.mlir", chunk2, strlen(chunk2), 10);
  SmDiagnostic d = {SM_SEV_ERROR, sm_loc_file(ctx, "s.mlir", 12, 6), "here", 0, NULL};
  char *out = print_to_string(ctx, &d);
  cr_assert_str_eq(out, "s.mlir:12:6: error: here\nbeta gamma\n     ^\n");
  free(out);
  SmDiagnostic d1 = {SM_SEV_NOTE, sm_loc_file(ctx, "s.mlir", 1, 1), "one", 0, NULL};
  out = print_to_string(ctx, &d1);
  cr_assert_str_eq(out, "s.mlir:1:1: note: one\nfirst chunk\n^\n");
  free(out);
  sm_context_destroy(ctx);
}

Test(diagnostics, no_source_line_for_unknown_file_or_bad_column) {
  SmContext *ctx = sm_context_create();
  sm_context_add_source(ctx, "t.mlir", src, strlen(src), 0);
  SmDiagnostic d = {SM_SEV_ERROR, sm_loc_file(ctx, "other.mlir", 2, 3), "x", 0, NULL};
  char *out = print_to_string(ctx, &d);
  cr_assert_str_eq(out, "other.mlir:2:3: error: x\n");
  free(out);
  SmDiagnostic d2 = {SM_SEV_ERROR, sm_loc_file(ctx, "t.mlir", 1, 300), "y", 0, NULL};
  out = print_to_string(ctx, &d2);
  cr_assert_str_eq(out, "t.mlir:1:300: error: y\n");
  free(out);
  SmDiagnostic d3 = {SM_SEV_ERROR, sm_loc_file(ctx, "t.mlir", 99, 1), "z", 0, NULL};
  out = print_to_string(ctx, &d3);
  cr_assert_str_eq(out, "t.mlir:99:1: error: z\n");
  free(out);
  sm_context_destroy(ctx);
}

Test(diagnostics, unknown_and_name_locations_like_mlir) {
  SmContext *ctx = sm_context_create();
  SmDiagnostic d = {SM_SEV_ERROR, sm_loc_unknown(ctx), "msg", 0, NULL};
  char *out = print_to_string(ctx, &d);
  cr_assert_str_eq(out, "<unknown>:0: error: msg\n");
  free(out);
  SmDiagnostic d2 = {SM_SEV_REMARK, sm_loc_name(ctx, "foo", NULL), "msg", 0, NULL};
  out = print_to_string(ctx, &d2);
  cr_assert_str_eq(out, "<unknown>:0: remark: loc(\"foo\"): msg\n");
  free(out);
  /* A name wrapping a file location reports at the file location. */
  SmDiagnostic d3 = {SM_SEV_ERROR, sm_loc_name(ctx, "foo", sm_loc_file(ctx, "x.mlir", 3, 4)),
                     "msg", 0, NULL};
  out = print_to_string(ctx, &d3);
  cr_assert_str_eq(out, "x.mlir:3:4: error: msg\n");
  free(out);
  sm_context_destroy(ctx);
}

Test(diagnostics, callsite_prints_call_stack_then_notes) {
  SmContext *ctx = sm_context_create();
  SmLoc *inner = sm_loc_callsite(ctx, sm_loc_file(ctx, "b.mlir", 5, 6),
                                 sm_loc_file(ctx, "c.mlir", 7, 8));
  SmLoc *cs = sm_loc_callsite(ctx, sm_loc_file(ctx, "a.mlir", 1, 2), inner);
  SmDiagnostic note = {SM_SEV_NOTE, sm_loc_file(ctx, "n.mlir", 9, 9), "a note", 0, NULL};
  SmDiagnostic d = {SM_SEV_ERROR, cs, "deep", 1, &note};
  char *out = print_to_string(ctx, &d);
  cr_assert_str_eq(out, "a.mlir:1:2: error: deep\n"
                        "b.mlir:5:6: note: called from\n"
                        "c.mlir:7:8: note: called from\n"
                        "n.mlir:9:9: note: a note\n");
  free(out);
  sm_context_destroy(ctx);
}

Test(diagnostics, op_emit_error_prefixes_op_name) {
  SmContext *ctx = sm_context_create();
  sm_context_set_allow_unregistered(ctx, true);
  Collected c = {{0}, 0};
  sm_context_set_diag_handler(ctx, collect, &c);
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "foo.bar"), sm_loc_file(ctx, "f", 1, 1));
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  cr_assert_not(sm_op_emit_error(op, "requires %d things", 2));
  cr_assert_str_eq(c.text, "error|'foo.bar' op requires 2 things|0\n");
  cr_assert_eq(sm_context_error_count(ctx), 1);
  sm_op_destroy(op);
  sm_context_destroy(ctx);
}

Test(diagnostics, null_handler_restores_default) {
  SmContext *ctx = sm_context_create();
  Collected c = {{0}, 0};
  sm_context_set_diag_handler(ctx, collect, &c);
  sm_context_set_diag_handler(ctx, NULL, NULL);
  /* Goes to stderr now (not captured); the handler must not see it. */
  sm_emit_warning(ctx, NULL, "to stderr");
  cr_assert_eq(c.count, 0);
  sm_context_destroy(ctx);
}
