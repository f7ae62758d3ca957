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
 *   kernel.image_read %img[%c..] {map, shape?, pad?}  (map: coords -> (y, x, lane)
 *                                   of a !kernel.image<f32>: one lane of a pixel)
 *   kernel.image_write %v0, %v1, %v2, %v3, %img[%y, %x]  (one whole pixel)
 *   plus arith.* and math.* scalar ops.
 * Work-group kernels (kernel.func {group_size = G}: work_items groups of G
 * work-items; one group per row of a normalisation):
 *   kernel.group_id                  -> index   (the group)
 *   kernel.group_reduce {kind, lower, upper, step} (%init) ({^bb0(%iv, %acc): ..
 *       kernel.yield (kind %acc, %v)})  a reduction: the group's work-items
 *       share the iterations, partials combine with kind (arith.addf, ...)
 *       through local memory and barriers; the result reaches every work-item
 *   kernel.group_for {lower, upper, step} ({^bb0(%iv): .. kernel.yield})
 *       a loop whose iterations the group's work-items share
 * Both sit at the top level of the kernel (every work-item reaches them);
 * sequentially (the interpreter) they are plain loops.
 * A kernel argument that is an image is either read or written, never both
 * (OpenCL C 1.2 images are __read_only or __write_only).
 * Host side (inside kernel.host @main, in launch order):
 *   kernel.input {index, type}  kernel.weight {value}  kernel.alloc {type, slot?}
 *   kernel.launch {callee, work_items} (%buffers..)  kernel.output {index} (%buffer)
 * Buffers hold tensors row-major (or in their #layout.buffer encoding); i1
 * elements are stored as bytes. Tensors with a #layout.image encoding live in
 * !kernel.image<f32> values: 2D images of RGBA float pixels, width = the
 * layout's x extent, height = its y extent.
 * Half storage (smartmem-half-storage): !kernel.buffer<f32, f16> and
 * !kernel.image<f32, f16> hold f32 values as IEEE half in memory (half
 * buffers, CL_HALF_FLOAT images). Their element type is still f32: loads and
 * image reads widen (exact), stores and image writes round to nearest even,
 * as OpenCL C's vload_half / vstore_half and read_imagef / write_imagef on
 * half images do; all arithmetic stays f32. Only kernel.alloc may have them.
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
/* !kernel.image<elem> (elem: f32). */
SmType *sm_kernel_image_type(SmContext *ctx, SmType *elem);
/* Element type of a !kernel.image<..> type, NULL for other types. */
SmType *sm_kernel_image_elem(SmContext *ctx, const SmType *t);
/* Element type of a buffer or an image type, NULL for other types. */
SmType *sm_kernel_storage_elem(SmContext *ctx, const SmType *t);
/* Image size of a tensor type: *width and *height of its #layout.image
 * encoding, both 0 when the tensor is not image-encoded. False (diagnosed
 * at loc) when the encoding is not a valid layout. */
bool sm_kernel_image_size(SmContext *ctx, SmLoc *loc, const SmType *tensor, int64_t *width, int64_t *height);
/* A combiner kernel.group_reduce accepts ("arith.addf", ...). */
bool sm_kernel_group_kind_ok(const char *kind);
/* A buffer or image type with half storage (!kernel.buffer<f32, f16>). */
bool sm_kernel_is_half_storage(SmContext *ctx, const SmType *t);
/* The half-storage form of an f32 buffer or image type; NULL for others. */
SmType *sm_kernel_half_storage_type(SmContext *ctx, const SmType *t);
/* Bytes one element of a buffer type occupies in memory (half storage: 2). */
size_t sm_kernel_stored_elem_bytes(SmContext *ctx, const SmType *t);
/* Bytes of one stored element (i1: 1). 0 for unsupported types. */
size_t sm_kernel_elem_bytes(const SmType *elem);
/* The values an index value inside a kernel.func can take, [*lo, *hi]
 * inclusive, by interval arithmetic over kernel.apply chains from the
 * work-item index ([0, work_items)), a work-group kernel's group index
 * ([0, work_items)), loop variables ([lower, upper)) and constants; false
 * when the IR does not bound it (kernel_ranges.c). */
bool sm_kernel_index_range(SmValue *v, int64_t *lo, int64_t *hi);
/* The same for an affine expression whose dim i is the index value dims[i]
 * (nd at most 16); false when a dim it uses is unbounded. */
bool sm_kernel_expr_range(const SmAffineExpr *e, SmValue *const *dims, unsigned nd, int64_t *lo, int64_t *hi);

/* The ops under root (root included) for which keep(op) holds, in walk
 * order, as a malloc'd array (free it) of *n entries. On running out of
 * memory the list ends where it got to: the kernel passes that use it are
 * optimisations, for which leaving some ops alone is still correct. */
SmOp **sm_kernel_collect_ops(SmOp *root, SmWalkOrder order, bool (*keep)(const SmOp *), unsigned *n);
/* op is a kernel.for (a sm_kernel_collect_ops predicate). */
bool sm_kernel_is_for(const SmOp *op);

#ifdef __cplusplus
}
#endif
#endif
