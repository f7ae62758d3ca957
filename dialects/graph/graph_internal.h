/* Internal to the graph dialect: op tables and the inference helpers that the
 * op families share. */
#ifndef SM_DIALECTS_GRAPH_INTERNAL_H
#define SM_DIALECTS_GRAPH_INTERNAL_H

#include "dialects/graph/graph.h"
#include "ir/checked.h"

#define GRAPH_MAX_RANK 8

typedef struct GInfer {
  SmContext *ctx;
  SmLoc *loc;
  const char *name;
  const SmAttr *props;
  unsigned nin;
  SmType *const *in;
  unsigned max_out;
  SmType **out; /* a NULL entry: the result type depends on operand values */
  unsigned nout;
} GInfer;

typedef bool (*GInferFn)(GInfer *g);

typedef struct SmGraphOpInfo {
  const char *name; /* "graph.add" */
  const char *summary;
  int min_operands, max_operands; /* max -1: unbounded */
  int num_results;                /* SM_VARIADIC: decided by the properties */
  unsigned traits;                /* besides SM_TRAIT_PURE */
  const char *const *props;
  GInferFn infer;
} SmGraphOpInfo;

extern const SmGraphOpInfo sm_graph_ops_elementwise[];
extern const SmGraphOpInfo sm_graph_ops_nn[];
extern const SmGraphOpInfo sm_graph_ops_shape[];

bool g_error(GInfer *g, const char *fmt, ...) SM_PRINTF(2, 3);
/* Appends a ranked tensor result. */
bool g_result(GInfer *g, unsigned rank, const int64_t *dims, SmType *elem);
static inline unsigned g_rank(const GInfer *g, unsigned i) { return g->in[i]->shaped.rank; }
static inline const int64_t *g_dims(const GInfer *g, unsigned i) { return g->in[i]->shaped.dims; }
static inline SmType *g_elem(const GInfer *g, unsigned i) { return g->in[i]->shaped.elem; }
/* Element count of `what` within SM_LIMIT_TENSOR_ELEMENTS (error otherwise). */
bool g_check_elements(GInfer *g, const char *what, unsigned rank, const int64_t *dims);
/* Located "size overflow" error for a shape computation. */
#define G_OVERFLOW(g) g_error((g), "shape computation overflows int64")
/* Normalises a possibly negative axis against rank; error when out of range. */
bool g_axis(GInfer *g, int64_t axis, unsigned rank, int64_t *out);
/* Element type checks. */
bool g_require_float(GInfer *g, unsigned i);
bool g_require_int(GInfer *g, unsigned i);
bool g_same_elem(GInfer *g, unsigned i, unsigned j);
SmType *g_i1(GInfer *g);
SmType *g_i64(GInfer *g);

/* Sets def's fold and canonicalization_patterns hooks (graph_fold.c). */
void g_install_folders(SmOpDef *def);

#endif
