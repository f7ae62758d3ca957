/* The layout dialect: tensor memory layouts as affine maps, structured ops
 * whose operand accesses are affine indexing maps, and explicit data
 * movement. See docs/layout-dialect.md.
 *
 * Layout encodings (tensor type encoding attributes):
 *   #layout.buffer<affine_map<(d0, ..) -> (offset)>>      linear buffer
 *   #layout.image<affine_map<(d0, ..) -> (y, x, lane)>>   2.5D image, lane in [0, 4)
 * A tensor type without an encoding is a row-major buffer.
 *
 * Ops:
 *   layout.generic  iteration domain, iterator kinds, one indexing map per
 *                   input (domain -> tensor indices; `unit` for an input
 *                   only read through layout.extract) and per result, a
 *                   body region (per domain point: inputs..., accumulators
 *                   -> new accumulators) and an optional epilogue region
 *                   (per output element: accumulators..., inputs... ->
 *                   results).
 *   layout.yield    terminator of both regions.
 *   layout.index    the current value of one domain dimension.
 *   layout.extract  reads an input at computed tensor indices.
 *   layout.convert  copies a tensor into another layout (real data movement).
 */
#ifndef SM_DIALECTS_LAYOUT_H
#define SM_DIALECTS_LAYOUT_H

#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Registers the layout dialect (idempotent per context). */
void sm_register_layout_dialect(SmContext *ctx);

typedef enum SmLayoutKind { SM_LAYOUT_BUFFER, SM_LAYOUT_IMAGE } SmLayoutKind;

typedef struct SmLayout {
  SmLayoutKind kind;
  SmAffineMap *map; /* logical indices -> (offset) or (y, x, lane) */
} SmLayout;

/* Row-major map of a shape: (d0, .., dn) -> (sum di * stride_i). */
SmAffineMap *sm_layout_row_major_map(SmContext *ctx, unsigned rank, const int64_t *dims);
/* The encoding attribute of a layout. */
SmAttr *sm_layout_attr(SmContext *ctx, SmLayoutKind kind, SmAffineMap *map);
/* Decodes a #layout.buffer / #layout.image attribute; false if a is not one. */
bool sm_layout_from_attr(SmContext *ctx, const SmAttr *a, SmLayout *out);
/* Layout of a static ranked tensor type: its encoding, or the row-major
 * buffer when it has none. False when the encoding is not a layout. */
bool sm_layout_of_type(SmContext *ctx, const SmType *t, SmLayout *out);

/* Checks that the layout maps the shape one-to-one into its physical
 * extent: by enumeration for shapes up to 2^22 elements, by structure
 * (positive strides that do not overlap) for linear maps beyond that.
 * Buffers must also be onto [0, size). Writes the extent (buffer: {size};
 * image: {height, width, 4}) to extent (3 entries). Diagnoses at loc. */
bool sm_layout_verify(SmContext *ctx, SmLoc *loc, const SmLayout *l, unsigned rank,
                      const int64_t *dims, int64_t *extent);

/* Accessors for layout.generic. */
unsigned sm_layout_generic_num_inputs(const SmOp *op);
/* Domain extents; returns the rank. */
unsigned sm_layout_generic_domain(const SmOp *op, const int64_t **dims);
/* True if domain dimension d is a reduction. */
bool sm_layout_generic_is_reduction(const SmOp *op, unsigned d);
/* Indexing map of input i (i < inputs) or result i - inputs; NULL for an
 * input read only through layout.extract. */
SmAffineMap *sm_layout_generic_map(const SmOp *op, unsigned i);
/* Pad value attribute of input i, or NULL when its reads are not bounds-checked. */
SmAttr *sm_layout_generic_pad(const SmOp *op, unsigned i);
/* A vector tile along parallel dim `last` (its points consecutive) cannot
 * load the reads inside the reduction that use it as contiguous runs: one
 * has a pad value (each lane bounds-checked: a padded convolution) or
 * steps other than one element of its innermost tensor dim (a strided
 * convolution, over a reduction of at least 32 points, where the
 * reduction outweighs the strided stores of the alternative). SIMD
 * schedules then vectorize another parallel dim when one reads
 * contiguously (the output channels of a convolution); see
 * docs/opencl-backend.md, "SIMD default". Row-major maps: no layouts. */
bool sm_layout_generic_lanes_hindered(const SmOp *op, unsigned last);
/* The two findings behind it, over the reads inside the reduction that use
 * domain dim last: *padded (one has a pad value), *strided (one steps
 * other than one element of its innermost tensor dim along last). */
void sm_layout_generic_lane_reads(const SmOp *op, unsigned last, bool *padded, bool *strided);
/* Reduction identity of result r (NULL when absent). */
SmAttr *sm_layout_generic_init(const SmOp *op, unsigned r);

#ifdef __cplusplus
}
#endif
#endif
