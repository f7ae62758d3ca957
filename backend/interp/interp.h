/* Reference interpreter for the graph dialect.
 *
 * Host tensors (SmTensor) plus one kernel per graph op, written for clarity
 * rather than speed. The same kernels serve two clients: the interpreter,
 * which executes a func.func of graph ops, and the ONNX importer, which
 * evaluates nodes whose inputs are all constants (constant propagation).
 * Kernels are keyed by op name and a properties dictionary, so they can run
 * before an op exists.
 */
#ifndef SM_BACKEND_INTERP_H
#define SM_BACKEND_INTERP_H

#include "ir/checked.h"
#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SM_TENSOR_MAX_RANK 8

typedef enum SmDType {
  SM_DT_F32,
  SM_DT_F64,
  SM_DT_I64,
  SM_DT_I32,
  SM_DT_I8,
  SM_DT_U8,
  SM_DT_BOOL, /* one byte per element, 0 or 1 */
} SmDType;

typedef struct SmTensor {
  SmDType dtype;
  unsigned rank;
  int64_t dims[SM_TENSOR_MAX_RANK];
  void *data; /* row-major, owned by the tensor (malloc) */
} SmTensor;

size_t sm_dtype_size(SmDType dt);
bool sm_dtype_is_float(SmDType dt);
const char *sm_dtype_name(SmDType dt);
int64_t sm_tensor_numel(const SmTensor *t);
/* Whether a shape's element count is computable and within
 * SM_LIMIT_TENSOR_ELEMENTS (ir/checked.h); its count in *numel (may be NULL). */
bool sm_tensor_numel_ok(unsigned rank, const int64_t *dims, int64_t *numel);
size_t sm_tensor_nbytes(const SmTensor *t);
/* Sets shape and allocates zeroed data; false on overflow or out of memory. */
bool sm_tensor_alloc(SmTensor *t, SmDType dt, unsigned rank, const int64_t *dims);
void sm_tensor_free(SmTensor *t);
/* Deep copy. */
bool sm_tensor_copy(SmTensor *dst, const SmTensor *src);
/* Element i converted to double / int64 (any dtype). */
double sm_tensor_get_f64(const SmTensor *t, int64_t i);
int64_t sm_tensor_get_i64(const SmTensor *t, int64_t i);
/* Stores v converted to the tensor's dtype. */
void sm_tensor_set_f64(SmTensor *t, int64_t i, double v);
void sm_tensor_set_i64(SmTensor *t, int64_t i, int64_t v);

/* The reference comparison of smrun --test-data and the differential suite:
 * NaN matches only NaN, equal values (infinities of one sign, zeros of
 * either sign) match, an infinity matches nothing else, and otherwise
 * |got - want| <= atol + rtol * |want|. */
bool sm_tensor_value_close(double got, double want, double rtol, double atol);
/* |got - want| for reports: 0 where they match as above, inf where only one
 * is NaN or infinite. */
double sm_tensor_value_error(double got, double want);

/* Mapping between dtypes and IR types (f32, f64, i64, i32, i8, ui8, i1). */
bool sm_dtype_from_type(const SmType *elem, SmDType *out);
SmType *sm_dtype_to_type(SmContext *ctx, SmDType dt);
/* Tensor type of t (ranked, static). */
SmType *sm_tensor_type(SmContext *ctx, const SmTensor *t);
/* Allocates t with the shape and element type of a static ranked tensor type. */
bool sm_tensor_alloc_for_type(SmTensor *t, const SmType *type);

/* Evaluates graph op `name` with properties `props` (a dictionary or NULL)
 * on inputs. outputs[0..num_outputs) must already be allocated with the
 * result types (sm_tensor_alloc_for_type). Returns false with a diagnostic
 * at loc (unknown op, bad data such as an out-of-range gather index). */
bool sm_interp_eval(SmContext *ctx, SmLoc *loc, const char *name, const SmAttr *props,
                    unsigned num_inputs, const SmTensor *const *inputs, unsigned num_outputs,
                    SmTensor *outputs);
/* True if sm_interp_eval knows the op. */
bool sm_interp_has_kernel(const char *name);

/* Runs func.func `func` (its single block of graph ops ending in
 * func.return). inputs match the function arguments (checked against their
 * types); on success outputs[0..*num_outputs) receive the returned tensors
 * (the caller frees them), max_outputs bounds the array. */
bool sm_interp_run_func(SmOp *func, unsigned num_inputs, const SmTensor *inputs,
                        unsigned max_outputs, SmTensor *outputs, unsigned *num_outputs);

/* The lower levels (interp_layout.c, interp_kernel.c). sm_interp_run_func
 * also runs layout.generic / layout.convert ops, holding layout-encoded
 * tensors in their physical form (arguments and results are row-major). */

/* Runs a kernel.host plan: inputs by kernel.input index, weights, buffers
 * in their planned memory slots (allocs sharing a slot share memory, so a
 * wrong liveness plan gives wrong results), every launched kernel.func for
 * each work-item id, outputs by kernel.output index. */
bool sm_interp_run_host(SmOp *host, unsigned num_inputs, const SmTensor *inputs,
                        unsigned max_outputs, SmTensor *outputs, unsigned *num_outputs);
/* The entry of a module: func.func @main (else the first func.func), or for
 * kernel-level modules kernel.host @main (else the first). NULL if none. */
SmOp *sm_interp_find_entry(SmOp *module);
/* Input types of an entry (function arguments, or kernel.input types in
 * index order) into types[0..max); returns the count, or -1 when an index is
 * missing, repeated or beyond max. */
int sm_interp_entry_inputs(SmOp *entry, unsigned max, SmType **types);
/* Runs an entry found by sm_interp_find_entry. */
bool sm_interp_run(SmOp *entry, unsigned num_inputs, const SmTensor *inputs,
                   unsigned max_outputs, SmTensor *outputs, unsigned *num_outputs);

/* Tensor of a constant attribute: dense elements or dense_resource (blob from
 * the context). false with a diagnostic at loc when unsupported or missing. */
bool sm_tensor_from_attr(SmContext *ctx, SmLoc *loc, const SmAttr *a, SmTensor *out);

#ifdef __cplusplus
}
#endif
#endif /* SM_BACKEND_INTERP_H */
