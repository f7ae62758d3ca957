/* The kernel dialect: what one GPU kernel does, and the host plan that runs
 * the kernels. See docs/layout-dialect.md ("kernel dialect").
 *
 * Device side (inside kernel.func, whose arguments are !kernel.buffer<T>):
 *   kernel.global_id                 -> index   (one-dimensional NDRange)
 *   kernel.apply(%i..) {map}         -> index   (affine map with one result)
 *   kernel.for {lower, upper, step} (%init..) ({^bb0(%iv, %acc..): .. kernel.yield %new..})
 *   kernel.load %buf[%c..] {map, shape?, pad?}   (map: coords -> element offset;
 *                                   with pad: out-of-shape coords read pad)
 *   kernel.store %v, %buf[%c..] {map}
 *   plus arith.* and math.* scalar ops.
 * Host side (inside kernel.host @main, in launch order):
 *   kernel.input {index, type}  kernel.weight {value}  kernel.alloc {type, slot?}
 *   kernel.launch {callee, work_items} (%buffers..)  kernel.output {index} (%buffer)
 * Buffers hold tensors row-major (or in their #layout.buffer encoding); i1
 * elements are stored as bytes.
 */
#ifndef SM_DIALECTS_KERNEL_H
#define SM_DIALECTS_KERNEL_H

#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

void sm_register_kernel_dialect(SmContext *ctx);

/* !kernel.buffer<elem>. */
SmType *sm_kernel_buffer_type(SmContext *ctx, SmType *elem);
/* Element type of a !kernel.buffer<..> type, NULL for other types. */
SmType *sm_kernel_buffer_elem(SmContext *ctx, const SmType *t);
/* Bytes of one stored element (i1: 1). 0 for unsupported types. */
size_t sm_kernel_elem_bytes(const SmType *elem);

#ifdef __cplusplus
}
#endif
#endif
