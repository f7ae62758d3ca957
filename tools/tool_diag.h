/* Diagnostic handler shared by the tools: diagnostics located at a whole
 * file (line 0, as the ONNX importer and .pb reader emit them) print as
 * "file: error: message", or "file: error: loc("node"): message" for an op
 * imported from a node of that file, those with no location (output files, options)
 * as "error: message"; others as the default handler does. */
#ifndef SM_TOOLS_TOOL_DIAG_H
#define SM_TOOLS_TOOL_DIAG_H

#include "ir/ir.h"

/* The names a location carries, without the file locations inside them
 * (a node of a model file: loc("n"("model.onnx":0:0)) -> "n"); false when
 * it carries none. */
static bool sm_tool_loc_names(const SmLoc *l, SmStrBuf *b) {
  if (!l) return false;
  if (l->kind == SM_LOC_NAME && !l->name.name[0]) return sm_tool_loc_names(l->name.child, b); /* loc("") says nothing */
  if (l->kind == SM_LOC_NAME) {
    sm_strbuf_puts(b, "\"");
    sm_strbuf_puts(b, l->name.name);
    sm_strbuf_puts(b, "\"");
    size_t at = b->len;
    sm_strbuf_puts(b, "(");
    if (sm_tool_loc_names(l->name.child, b)) sm_strbuf_puts(b, ")");
    else b->len = at;
    return true;
  }
  if (l->kind == SM_LOC_FUSED) {
    size_t start = b->len;
    bool any = false;
    sm_strbuf_puts(b, "fused[");
    for (unsigned i = 0; i < l->fused.count; i++) {
      size_t at = b->len;
      if (any) sm_strbuf_puts(b, ", ");
      if (sm_tool_loc_names(l->fused.locs[i], b)) any = true;
      else b->len = at;
    }
    sm_strbuf_puts(b, "]");
    if (!any) b->len = start;
    return any;
  }
  if (l->kind == SM_LOC_CALLSITE) return sm_tool_loc_names(l->callsite.callee, b);
  return false;
}

static void sm_tool_diag_handler(const SmDiagnostic *d, void *user) {
  SmContext *ctx = user;
  SmLoc *f = d->loc ? sm_loc_find_file(d->loc) : NULL;
  const char *sev = d->severity == SM_SEV_ERROR ? "error" : d->severity == SM_SEV_WARNING ? "warning"
                  : d->severity == SM_SEV_NOTE ? "note" : "remark";
  if (f && f->file.line == 0) {
    /* A whole file (no line): the names inside it say where. */
    SmStrBuf names = {0};
    if (sm_tool_loc_names(d->loc, &names) && names.data)
      fprintf(stderr, "%s: %s: loc(%.*s): %s\n", f->file.file, sev, (int)names.len, names.data, d->message);
    else
      fprintf(stderr, "%s: %s: %s\n", f->file.file, sev, d->message);
    sm_strbuf_free(&names);
    return;
  }
  if (!d->loc || d->loc->kind == SM_LOC_UNKNOWN) {
    fprintf(stderr, "%s: %s\n", sev, d->message);
    return;
  }
  sm_diag_print(ctx, d, stderr);
}

#endif
