/* Helpers shared by smartmem-eliminate and smartmem-fuse: structural tests
 * on layout.generic ops (decided from maps and bodies, never from `kind`)
 * and the one rewrite both passes are made of, inlining a producer generic
 * into the reads of a consumer. Not a public header. */
#ifndef SM_PASSES_SMARTMEM_INTERNAL_H
#define SM_PASSES_SMARTMEM_INTERNAL_H

#include "dialects/layout/layout.h"
#include "ir/ir.h"

/* Most inputs a rewritten generic may take (kernel argument lists stay short). */
#define SM_FUSE_MAX_INPUTS 24

bool sm_is_layout_generic(const SmOp *op);
/* One result, no reduction dims, no epilogue, identity result map, every
 * input read through an affine map, no layout.index/extract in the body. */
bool sm_generic_is_pointwise(const SmOp *g);
/* The same with any result map (an element-wise op writing a re-indexing). */
bool sm_generic_is_elementwise(const SmOp *g);
/* Pointwise with one input whose element it yields unchanged: a pure
 * re-indexing (reshape, transpose, slice, expand, constant gather, pad...). */
bool sm_generic_is_reindex(const SmOp *g);
/* Pointwise, every input padded with 0 and the body a tree of adds using each
 * input once: at each point the sum of bounds-checked reads (concat). */
bool sm_generic_is_padded_sum(const SmOp *g);
/* True when consumer c's read of operand k may go through producer g's reads
 * instead (the pad rules of docs/smartmem.md); *pads receives the pad of
 * each of g's inputs in the composed read (NULL: unpadded). */
bool sm_generic_can_inline(const SmOp *c, unsigned k, const SmOp *g, SmAttr **pads);
/* Replaces consumer c by a copy whose operand k is replaced by g's inputs
 * (maps composed and simplified with c's domain) and whose regions compute
 * g's body in place of that operand. Returns the new op (c is erased; g is
 * left alone). */
SmOp *sm_generic_inline_producer(SmOp *c, unsigned k, SmOp *g, SmAttr *const *pads);
/* Merges element-wise consumer e (reading p's result through operand k, and
 * any other operand reading it, with the identity map) into p's epilogue. Returns the new op (p, e erased). */
SmOp *sm_generic_fuse_epilogue(SmOp *p, SmOp *e, unsigned k);

/* Replaces pointwise g by a pure re-indexing of x through m (same result). */
SmOp *sm_generic_replace_with_reindex(SmOp *g, SmValue *x, SmAffineMap *m);

#endif
