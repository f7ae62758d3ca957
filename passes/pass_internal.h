/* Pass-layer internals shared by the manager, the pipeline parser and the
 * CLI (not installed). */
#ifndef SM_PASSES_PASS_INTERNAL_H
#define SM_PASSES_PASS_INTERNAL_H

#include "passes/pass.h"

/* Always a new nested manager at the end of pm (explicit pipelines keep
 * `func.func(a),func.func(b)` as two managers, as MLIR does). */
SmPassManager *sm_pass_manager_nest_new(SmPassManager *pm, const char *anchor, size_t len);
/* Re-anchors an empty-anchored ("any") manager. */
void sm_pass_manager_set_anchor(SmPassManager *pm, const char *anchor, size_t len);
SmContext *sm_pass_manager_context(const SmPassManager *pm);
/* Anchor of the last added pass element (NULL: any); false if pm has no pass at the end. */
const SmPassDef *sm_pass_manager_last_pass(const SmPassManager *pm);

#endif
