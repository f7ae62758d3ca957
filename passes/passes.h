/* The builtin passes: their definitions (registered by
 * sm_register_builtin_passes) and direct entry points for C callers that
 * want one transformation without a pass manager. */
#ifndef SM_PASSES_PASSES_H
#define SM_PASSES_PASSES_H

#include "passes/pass.h"
#include "ir/rewrite.h"

#ifdef __cplusplus
extern "C" {
#endif

extern const SmPassDef sm_canonicalize_pass;
extern const SmPassDef sm_cse_pass;
extern const SmPassDef sm_symbol_dce_pass;
extern const SmPassDef sm_inline_pass;
extern const SmPassDef sm_print_op_stats_pass;
extern const SmPassDef sm_view_op_graph_pass;

/* Eliminates common pure subexpressions in op's regions (nested regions
 * reuse values of dominating enclosing scopes). Returns ops erased. */
size_t sm_cse(SmOp *op);
/* Erases private symbols of symbol-table op (and nested tables) that no
 * public symbol or non-symbol op references. Returns symbols erased. */
size_t sm_symbol_dce(SmOp *op);
/* Inlines func.call of single-block func.func bodies in op. Returns calls inlined. */
size_t sm_inline_calls(SmOp *op);
/* Op-name histogram in mlir's --print-op-stats format. */
void sm_print_op_stats(SmOp *op, FILE *out);
/* Graphviz DOT of op's data flow. */
void sm_write_op_graph(SmOp *op, FILE *out);
/* Same, truncating type labels to max_label characters (0: 64). */
void sm_write_op_graph_limited(SmOp *op, FILE *out, unsigned max_label);

#ifdef __cplusplus
}
#endif
#endif /* SM_PASSES_PASSES_H */
