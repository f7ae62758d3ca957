/* smartmem-fuse: element-wise (pointwise) generics merge into their
 * neighbours, legality decided from indexing maps and bodies only
 * (docs/smartmem.md has the rules and examples):
 *   epilogue: an element-wise generic e that reads the result of a generic p
 *     through the identity map (unpadded), where that result has no other
 *     reader than e and the element types agree, runs in p's epilogue; e's other
 *     operands are read through (their map ∘ p's result map). Chains repeat.
 *   prologue: a pointwise generic g left over (its input is read by several
 *     ops, or it reads only graph inputs/weights) is computed inside the reads
 *     of its consumers, and disappears, when every reader is a generic, no
 *     read is padded (the pad would go through g's body and change the
 *     result) and recomputation is cheap: the reader visits each element of
 *     g's result at most once (an element-wise reader), or g's body is at most
 *     SM_RECOMPUTE_OPS arith ops (no math.* calls). Otherwise g stays a kernel.
 *   math-epilogues=split (auto: on SIMD devices, as convert-layout-to-kernel's
 *     fastest-dim=auto decides): an element-wise e whose body calls math.*
 *     (erf, exp, tanh..) stays out of the epilogue of a generic with
 *     reduction dims. On a SIMD CPU the reduction kernel gives each
 *     work-item a register tile whose epilogue runs once per point in
 *     scalar code, while a separate element-wise kernel is vectorized across
 *     work-items: on PoCL a GELU fused into vit's MLP matmul made the kernel
 *     2-4x slower than the matmul plus a GELU kernel.
 * It subsumes convert-graph-to-layout{fuse}: the smartmem pipeline lowers
 * with fuse=false and fuses here. */
#include "passes/smartmem/smartmem.h"
#include "passes/smartmem/smartmem_internal.h"

#include <string.h>

/* Largest body (arith ops, no math.*) that is recomputed per read. */
#define SM_RECOMPUTE_OPS 2

typedef struct FuseOpts {
  bool split_math; /* math-epilogues=split */
} FuseOpts;

static bool calls_math(const SmOp *g) {
  for (SmOp *o = g->regions[0].first->first; o; o = o->next)
    if (strncmp(o->name, "math.", 5) == 0) return true;
  return false;
}

static bool has_reduction(SmOp *g) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom);
  for (unsigned d = 0; d < nd; d++)
    if (sm_layout_generic_is_reduction(g, d)) return true;
  return false;
}

/* Returns the op to resume the walk at (the fused op), or NULL. */
static SmOp *try_epilogue(SmOp *e, const FuseOpts *o) {
  if (!sm_generic_is_elementwise(e)) return NULL;
  bool math = o->split_math && calls_math(e);
  for (unsigned k = 0; k < e->num_operands; k++) {
    SmValue *v = e->operands[k].value;
    SmOp *p = sm_value_defining_op(v);
    if (!sm_is_layout_generic(p) || p->num_results != 1 || p->block != e->block) continue;
    if (math && has_reduction(p)) continue;
    /* Every reader of p's result is e, through the identity map, unpadded. */
    bool only_e = true;
    for (SmUse *u = v->uses; u && only_e; u = u->next)
      only_e = u->owner == e && sm_affine_map_is_identity(sm_layout_generic_map(e, u->index)) &&
               !sm_layout_generic_pad(e, u->index);
    if (!only_e) continue;
    SmType *pt = p->results[0].type, *et = e->results[0].type;
    /* The accumulator keeps p's element type; a fused cast would change it. */
    /* e iterates over p's result (identity read); it may write a re-indexing of it. */
    const int64_t *edom;
    unsigned end = sm_layout_generic_domain(e, &edom);
    if (pt->shaped.elem != et->shaped.elem || end != pt->shaped.rank ||
        memcmp(edom, pt->shaped.dims, end * sizeof(int64_t)) != 0 || pt->shaped.encoding != et->shaped.encoding)
      continue;
    if (p->num_operands + e->num_operands - 1 > SM_FUSE_MAX_INPUTS) continue;
    return sm_generic_fuse_epilogue(p, e, k);
  }
  return NULL;
}

static unsigned body_cost(const SmOp *g) {
  unsigned n = 0;
  for (SmOp *o = g->regions[0].first->first; o; o = o->next) {
    if (sm_op_name_is(o, "layout.yield") || sm_op_name_is(o, "arith.constant")) continue;
    n += strncmp(o->name, "math.", 5) == 0 ? 100 : 1;
  }
  return n;
}

/* c reads each element of g's result at most once: c's domain is no larger
 * than that result and c reads it through an injective map (identity). */
static bool reads_once(const SmOp *c, unsigned k, const SmOp *g) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(c, &dom);
  int64_t pts = 1;
  for (unsigned d = 0; d < nd; d++) pts *= dom[d];
  return sm_affine_map_is_identity(sm_layout_generic_map(c, k)) && pts <= sm_type_num_elements(g->results[0].type);
}

/* Returns the op to resume the walk at, or NULL when nothing changed. */
static SmOp *try_prologue(SmOp *g, const FuseOpts *o) {
  (void)o;
  if (!sm_generic_is_pointwise(g) || sm_value_use_empty(&g->results[0])) return NULL;
  bool cheap = body_cost(g) <= SM_RECOMPUTE_OPS;
  SmAttr *pads[SM_FUSE_MAX_INPUTS];
  for (SmUse *u = g->results[0].uses; u; u = u->next) {
    if (u->owner->block != g->block || !sm_generic_can_inline(u->owner, u->index, g, pads)) return NULL;
    if (sm_layout_generic_pad(u->owner, u->index)) return NULL;
    if (!cheap && !reads_once(u->owner, u->index, g)) return NULL;
  }
  /* Only g and its readers (all after g) go: g's predecessor stays. */
  SmOp *prev = g->prev;
  SmBlock *b = g->block;
  while (g->results[0].uses) {
    SmUse *u = g->results[0].uses;
    /* A rebuilt reader reads g through the same maps; re-checked all the same. */
    if (!sm_generic_can_inline(u->owner, u->index, g, pads)) return prev ? prev->next : b->first;
    sm_generic_inline_producer(u->owner, u->index, g, pads);
  }
  sm_op_erase(g);
  return prev ? prev->next : b->first;
}

static void fuse_block(SmBlock *b, SmOp *(*rule)(SmOp *, const FuseOpts *), const FuseOpts *o) {
  for (SmOp *op = b->first, *next; op; op = next) {
    SmOp *resume = rule(op, o);
    next = resume ? resume : op->next;
  }
}

bool sm_smartmem_fuse(SmOp *module, const char *math_epilogues) {
  FuseOpts o = {.split_math = false};
  if (!strcmp(math_epilogues, "split")) o.split_math = true;
  else if (!strcmp(math_epilogues, "auto")) {
    if (!sm_kernel_fastest_blocked(module, &o.split_math)) return false;
  } else if (strcmp(math_epilogues, "fuse") != 0) {
    return sm_op_emit_error(module, "smartmem-fuse: math-epilogues must be auto, fuse or split, not '%s'", math_epilogues);
  }
  SmBlock *mb = module->regions[0].first;
  for (SmOp *fn = mb ? mb->first : NULL; fn; fn = fn->next) {
    if (!sm_op_name_is(fn, "func.func") || !fn->regions[0].first) continue;
    fuse_block(fn->regions[0].first, try_epilogue, &o);
    fuse_block(fn->regions[0].first, try_prologue, &o);
    fuse_block(fn->regions[0].first, try_epilogue, &o);
  }
  return true;
}

static const SmPassOption fuse_options[] = {
    {"math-epilogues", SM_PASS_OPT_STRING, "auto",
     "element-wise ops calling math.* in a reduction's epilogue: fuse, split (separate kernels), or auto (split on SIMD "
     "devices per the module's device profile)"},
};

static bool run_fuse(SmOp *op, SmPassRun *run) {
  return sm_smartmem_fuse(op, sm_pass_run_string(run, "math-epilogues"));
}

const SmPassDef sm_smartmem_fuse_pass = {
    .argument = "smartmem-fuse",
    .summary = "Fuse element-wise generics into their producer's epilogue or their consumers' reads",
    .anchor = "builtin.module",
    .options = fuse_options,
    .num_options = 1,
    .run = run_fuse,
};
