/* The graph dialect: ONNX-level tensor ops with static shapes.
 *
 * Names are the snake_case of the ONNX operator (graph.conv, graph.matmul,
 * graph.layer_normalization, ...). Operands are only real data; everything
 * that determines a result shape (reshape's target shape, slice bounds, pad
 * amounts, reduction axes, resize sizes) is a property, so every op's result
 * type can be inferred from its operand types and properties alone. All ops
 * are pure. Ops are defined as data tables (graph_ops_*.c) sharing verify and
 * shape-inference helpers; the importer and the verifier use the same
 * inference.
 */
#ifndef SM_DIALECTS_GRAPH_H
#define SM_DIALECTS_GRAPH_H

#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Registers the graph dialect (idempotent per context). */
void sm_register_graph_dialect(SmContext *ctx);

/* Infers the result types of graph op `name` (full name, "graph.add") from
 * operand types and properties (dictionary or NULL). Writes at most
 * max_results types and sets *num_results. Emits a diagnostic at loc and
 * returns false when operands or properties are invalid. */
bool sm_graph_infer(SmContext *ctx, SmLoc *loc, const char *name, const SmAttr *props,
                    unsigned num_operands, SmType *const *operand_types, unsigned max_results,
                    SmType **result_types, unsigned *num_results);
/* True if name is a graph op. */
bool sm_graph_is_op(const char *name);

/* Property accessors shared by inference, kernels and the importer. */
int64_t sm_graph_prop_int(const SmAttr *props, const char *name, int64_t dflt);
double sm_graph_prop_float(const SmAttr *props, const char *name, double dflt);
/* Copies a dense i64 array property into out (at most max entries). Returns
 * the number of entries, or -1 when absent or not an integer array. */
int sm_graph_prop_ints(const SmAttr *props, const char *name, int64_t *out, unsigned max);
/* Same for float arrays (f32 or f64 dense arrays). */
int sm_graph_prop_floats(const SmAttr *props, const char *name, double *out, unsigned max);
/* NUL-terminated string property or dflt. */
const char *sm_graph_prop_str(const SmAttr *props, const char *name, const char *dflt);
/* Type property (graph.cast's "to") or NULL. */
SmType *sm_graph_prop_type(const SmAttr *props, const char *name);
/* graph.cast's f16 or bf16 "to" (the result holds f32 values rounded to it,
 * nearest even, overflow to inf); NULL for every other cast. */
SmType *sm_graph_cast_rounds_to(const SmAttr *props);
/* v rounded to the f16/bf16 type t through f32, as onnxruntime's Cast does. */
double sm_graph_round_to(const SmType *t, double v);

/* Numpy-style broadcast of two shapes; false when incompatible. */
bool sm_graph_broadcast_shapes(unsigned ra, const int64_t *a, unsigned rb, const int64_t *b,
                               unsigned *rout, int64_t *out);

/* graph.slice's ONNX-style starts/ends/axes/steps properties resolved
 * against an input shape: per dimension the first index, the step and the
 * number of elements taken. False on malformed properties. */
bool sm_graph_slice_bounds(const SmAttr *props, unsigned rank, const int64_t *dims,
                           int64_t *starts, int64_t *steps, int64_t *sizes);
/* Coordinate of output index `out` along a resized axis (resize's
 * coordinate_transformation_mode), as a real input coordinate. */
double sm_graph_resize_coord(const char *mode, int64_t out, double scale, int64_t in_len,
                             int64_t out_len);

/* graph.einsum's equation resolved against its operand shapes. Labels are
 * numbered output labels first (in output order), then the summed ones;
 * "..." stands for the same run of broadcast dims in every term (numpy
 * alignment from the right). A dim of size 1 under "..." broadcasts: its
 * entry in bcast is true. */
#define SM_EINSUM_MAX_LABELS 16
#define SM_EINSUM_MAX_INPUTS 8
typedef struct SmGraphEinsum {
  unsigned nlab, out_rank, nin;
  int64_t size[SM_EINSUM_MAX_LABELS];
  unsigned rank[SM_EINSUM_MAX_INPUTS];
  unsigned lab[SM_EINSUM_MAX_INPUTS][SM_EINSUM_MAX_LABELS];
  bool bcast[SM_EINSUM_MAX_INPUTS][SM_EINSUM_MAX_LABELS];
  unsigned out[SM_EINSUM_MAX_LABELS];
} SmGraphEinsum;
/* False with a message in err when the equation is malformed or does not
 * fit the shapes. */
bool sm_graph_einsum_parse(const char *equation, unsigned nin, const unsigned *ranks,
                           const int64_t *const *dims, SmGraphEinsum *out, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif /* SM_DIALECTS_GRAPH_H */
