/* Internal to the interpreter: the kernel signature and helpers shared by
 * the kernel families (kernels_elementwise.c, kernels_nn.c, kernels_shape.c). */
#ifndef SM_BACKEND_INTERP_KERNELS_H
#define SM_BACKEND_INTERP_KERNELS_H

#include "backend/interp/interp.h"
#include "dialects/graph/graph.h"

typedef struct SmKernelCtx {
  SmContext *ctx;
  SmLoc *loc;
  const char *name; /* op name, for messages */
} SmKernelCtx;

/* Inputs are checked for count by the dispatcher; outputs are allocated with
 * the inferred result types. */
typedef bool (*SmKernelFn)(const SmKernelCtx *k, const SmAttr *props, unsigned nin,
                           const SmTensor *const *in, unsigned nout, SmTensor *out);

typedef struct SmKernelEntry {
  const char *name; /* "graph.add" */
  SmKernelFn fn;
} SmKernelEntry;

extern const SmKernelEntry sm_kernels_elementwise[];
extern const SmKernelEntry sm_kernels_nn[];
extern const SmKernelEntry sm_kernels_shape[];

/* Row-major strides of a shape. */
void sm_kernel_strides(unsigned rank, const int64_t *dims, int64_t *strides);
/* Strides of `t` seen as broadcast to out_rank/out_dims (0 along broadcast dims). */
void sm_kernel_bcast_strides(const SmTensor *t, unsigned out_rank, const int64_t *out_dims,
                             int64_t *strides);
/* Advances a row-major coordinate; returns false after the last one. */
bool sm_kernel_next_coord(unsigned rank, const int64_t *dims, int64_t *coord);
bool sm_kernel_require_float(const SmKernelCtx *k, const SmTensor *t);

#endif
