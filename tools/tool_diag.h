/* Diagnostic handler shared by the tools: diagnostics located at a whole
 * file (line 0, as the ONNX importer and .pb reader emit them) print as
 * "file: error: message", those with no location (output files, options)
 * as "error: message"; others as the default handler does. */
#ifndef SM_TOOLS_TOOL_DIAG_H
#define SM_TOOLS_TOOL_DIAG_H

#include "ir/ir.h"

static void sm_tool_diag_handler(const SmDiagnostic *d, void *user) {
  SmContext *ctx = user;
  SmLoc *f = d->loc ? sm_loc_find_file(d->loc) : NULL;
  const char *sev = d->severity == SM_SEV_ERROR ? "error" : d->severity == SM_SEV_WARNING ? "warning"
                  : d->severity == SM_SEV_NOTE ? "note" : "remark";
  if (f && f->file.line == 0) {
    fprintf(stderr, "%s: %s: %s\n", f->file.file, sev, d->message);
    return;
  }
  if (!d->loc || d->loc->kind == SM_LOC_UNKNOWN) {
    fprintf(stderr, "%s: %s\n", sev, d->message);
    return;
  }
  sm_diag_print(ctx, d, stderr);
}

#endif
