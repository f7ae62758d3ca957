/* ONNX importer: ModelProto -> builtin.module { func.func @main }.
 *
 * Graph inputs become function arguments, graph outputs the returned
 * values, nodes graph-dialect ops (locations: the node names). Initializers
 * become graph.constant ops whose values are dense_resource blobs (small
 * ones are inline dense). Every node whose inputs are all constants is
 * evaluated at import time with the reference interpreter, so the
 * shape-computing subgraphs that exporters emit fold away. */
#ifndef SM_FRONTENDS_ONNX_IMPORT_H
#define SM_FRONTENDS_ONNX_IMPORT_H

#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Imports the model at path (external data is read relative to its
 * directory). Registers the dialects it needs. Returns the module (caller
 * owns; sm_op_destroy) or NULL after diagnostics whose location is the file
 * and whose messages name the offending node. */
SmOp *sm_onnx_import_file(SmContext *ctx, const char *path);
/* Same from memory; path names the model in diagnostics and locates
 * external data (may be NULL: external data is then an error). */
SmOp *sm_onnx_import_buffer(SmContext *ctx, const void *data, size_t size, const char *path);

#ifdef __cplusplus
}
#endif
#endif
