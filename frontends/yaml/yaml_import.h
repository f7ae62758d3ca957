/* YAML frontend: a compact hand-written model description -> builtin.module
 * { func.func @main } of graph-dialect ops. The format is documented in
 * docs/yaml-frontend.md (examples in examples/yaml/).
 *
 * Every error is located at the YAML node it is about ("file:line:col:
 * error: ..."): unknown keys and ops, undefined inputs, bad weights, and the
 * graph dialect's shape-inference errors (at the layer). */
#ifndef SM_FRONTENDS_YAML_IMPORT_H
#define SM_FRONTENDS_YAML_IMPORT_H

#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Imports the description at path (weight files are read relative to its
 * directory). Registers the dialects it needs. Returns the module (caller
 * owns; sm_op_destroy) or NULL after diagnostics. */
SmOp *sm_yaml_import_file(SmContext *ctx, const char *path);
/* Same from memory; path names the source in locations and locates weight
 * files (NULL: "<yaml>", and weight files are refused, as no file anchors
 * their relative paths). */
SmOp *sm_yaml_import_buffer(SmContext *ctx, const char *data, size_t size, const char *path);

#ifdef __cplusplus
}
#endif
#endif
