/* Diagnostic state a context carries: the handler, the error count and the
 * source buffers the default handler quotes. Shared between the context
 * (ir/context.c owns the storage) and ir/diagnostics.c (which uses it). */
#ifndef SM_IR_DIAG_STATE_H
#define SM_IR_DIAG_STATE_H

#include "ir/ir.h"

typedef struct SmSourceBuffer {
  const char *name; /* interned */
  const char *text; /* not owned: the caller keeps it alive */
  size_t len;
  unsigned line_offset;
} SmSourceBuffer;

typedef struct SmDiagState {
  SmDiagHandler handler; /* NULL: default printer to stderr */
  void *user;
  unsigned num_errors;
  SmSourceBuffer *sources; /* malloc'd array */
  unsigned num_sources, sources_cap;
} SmDiagState;

/* The context's diagnostic state (ir/context.c). */
SmDiagState *sm_context_diag_state(SmContext *ctx);
/* Frees what the state allocated (ir/diagnostics.c); called by sm_context_destroy. */
void sm_diag_state_free(SmDiagState *d);

#endif
