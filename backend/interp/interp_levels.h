/* Internal to the interpreter: execution of the layout and kernel levels
 * (interp_layout.c, interp_kernel.c) and the physical storage of tensors
 * whose type carries a layout encoding.
 *
 * A value of a tensor type with a #layout.buffer / #layout.image encoding is
 * held in its physical form: an SmTensor of rank 1 whose single dimension is
 * the layout's extent (image: height * width * 4, lane fastest), with each
 * element at layout(indices). Unencoded tensors are row-major as usual. */
#ifndef SM_BACKEND_INTERP_LEVELS_H
#define SM_BACKEND_INTERP_LEVELS_H

#include "backend/interp/interp.h"

/* Physical address of element `indices` of type t as one affine expression
 * over the rank dims (row-major when unencoded), and the physical element
 * count. False with a diagnostic at loc when the encoding is not a layout. */
bool sm_interp_phys_addr(SmContext *ctx, SmLoc *loc, const SmType *t, SmAffineExpr **addr, int64_t *numel);
/* Allocates storage for a value of type t (physical when encoded). */
bool sm_interp_value_alloc(SmContext *ctx, SmLoc *loc, const SmType *t, SmTensor *out);
/* Converts between the logical row-major form and the storage of type t
 * (a plain copy when t is unencoded). `out` is allocated here. */
bool sm_interp_to_storage(SmContext *ctx, SmLoc *loc, const SmType *t, const SmTensor *logical, SmTensor *out);
bool sm_interp_from_storage(SmContext *ctx, SmLoc *loc, const SmType *t, const SmTensor *stored, SmTensor *out);
/* True if t is a tensor type with an encoding. */
bool sm_interp_type_encoded(const SmType *t);

/* Evaluates layout.generic / layout.convert / arith.constant (tensor) with
 * stored operands; outs are allocated with sm_interp_value_alloc. */
bool sm_interp_layout_eval(SmOp *op, const SmTensor *const *ins, SmTensor *outs);
/* True for the ops sm_interp_layout_eval runs. */
bool sm_interp_layout_has_op(const SmOp *op);

#endif
