/* kernel-split-padded-loops: removes bounds checks that a kernel does not
 * need. A padded read (kernel.load / kernel.image_read with `pad`) checks
 * every coordinate against its shape on every execution; the layout passes
 * produce them for convolution windows and for a Concat that SmartMem folds
 * into its consumers (each consumer reads the Concat's inputs through padded
 * maps, exactly one of them in bounds at each point). Inside a reduction
 * loop over the concatenated axis that is one check and one conditional load
 * per input per iteration, which keeps a CPU compiler from vectorizing.
 *
 * 1. Split: a constant kernel.for (step 1) whose body reads a coordinate
 *    `iv + c` (the induction variable or a kernel.apply `(d0) -> (d0 + c)` of
 *    it) through a padded read is cut at the points where that read enters
 *    or leaves its shape: one loop per piece, the iteration values chained
 *    (at most 8 pieces; otherwise the loop stays).
 * 2. Prove: interval arithmetic (sm_kernel_index_range) decides each padded read:
 *    always in bounds -> the check goes (`pad` removed); never in bounds ->
 *    the read becomes its pad constant; otherwise it stays.
 * 3. A read replaced by a zero pad that is an operand of arith.addf is
 *    dropped from the sum. This is what a zero-padded read means in the
 *    layout dialect (an absent input: the Concat encoding); for x = -0.0 it
 *    gives -0.0 where `x + 0.0` gave +0.0, as the Concat itself would.
 * The kernel lowering runs it on every kernel it builds (after kernel-unroll,
 * so unrolled windows have constant offsets); as a pass it serves
 * hand-written kernel IR. */
#include "dialects/arith/arith.h"
#include "dialects/kernel/kernel.h"
#include "passes/smartmem/smartmem.h"

#include <stdlib.h>
#include <string.h>

#define MAX_PIECES 8

typedef struct Range {
  int64_t lo, hi; /* inclusive */
} Range;

static bool value_range(SmValue *v, Range *r) { return sm_kernel_index_range(v, &r->lo, &r->hi); }

static bool is_padded_read(const SmOp *op) {
  return (sm_op_name_is(op, "kernel.load") || sm_op_name_is(op, "kernel.image_read")) && sm_op_get_prop(op, "pad") &&
         sm_op_get_prop(op, "shape");
}

static int64_t int_prop(const SmOp *op, const char *name, bool *ok) {
  SmAttr *a = sm_op_get_prop(op, name);
  if (!a || a->kind != SM_ATTR_INTEGER) {
    *ok = false;
    return 0;
  }
  return a->integer.value;
}

/* ---- 1. split loops at the edges of padded reads ---- */

/* v is iv + *c (iv itself, or kernel.apply(iv) {(d0) -> (d0 + c)}). */
static bool offset_of(SmValue *v, SmValue *iv, int64_t *c) {
  if (v == iv) {
    *c = 0;
    return true;
  }
  SmOp *d = sm_value_defining_op(v);
  if (!d || !sm_op_name_is(d, "kernel.apply") || d->num_operands != 1 || d->operands[0].value != iv) return false;
  SmAffineMap *m = sm_op_get_prop(d, "map")->map;
  if (m->num_dims != 1 || m->num_symbols || m->num_results != 1) return false;
  const SmAffineExpr *e = m->results[0];
  if (e->kind == SM_AFFINE_DIM) {
    *c = 0;
    return true;
  }
  if (e->kind == SM_AFFINE_ADD && e->bin.lhs->kind == SM_AFFINE_DIM && e->bin.rhs->kind == SM_AFFINE_CONST) {
    *c = e->bin.rhs->value;
    return true;
  }
  return false;
}

typedef struct Cuts {
  int64_t at[2 * MAX_PIECES];
  unsigned n;
  bool too_many;
  SmValue *iv;
  int64_t lo, hi;
} Cuts;

static void add_cut(Cuts *k, int64_t x) {
  if (x <= k->lo || x >= k->hi) return;
  for (unsigned i = 0; i < k->n; i++)
    if (k->at[i] == x) return;
  if (k->n == MAX_PIECES - 1) {
    k->too_many = true;
    return;
  }
  k->at[k->n++] = x;
}

static SmWalkResult find_cuts(SmOp *op, void *user) {
  Cuts *k = user;
  if (!is_padded_read(op)) return SM_WALK_ADVANCE;
  SmAttr *shape = sm_op_get_prop(op, "shape");
  for (unsigned i = 1; i < op->num_operands; i++) {
    int64_t c;
    if (!offset_of(op->operands[i].value, k->iv, &c)) continue;
    int64_t n = sm_attr_dense_array_get_i64(shape, i - 1);
    /* in bounds for -c <= iv < n - c */
    if (c > INT64_MIN / 2 && c < INT64_MAX / 2 && n < INT64_MAX / 2) {
      add_cut(k, -c);
      add_cut(k, n - c);
    }
  }
  return SM_WALK_ADVANCE;
}

static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

static bool split_loop(SmOp *loop) {
  if (!sm_op_name_is(loop, "kernel.for")) return false;
  bool ok = true;
  int64_t lo = int_prop(loop, "lower", &ok), hi = int_prop(loop, "upper", &ok), st = int_prop(loop, "step", &ok);
  if (!ok || st != 1 || hi - lo < 2) return false;
  SmBlock *body = loop->regions[0].first;
  Cuts k = {.iv = body->args[0], .lo = lo, .hi = hi};
  for (SmOp *o = body->first; o; o = o->next) sm_op_walk(o, SM_WALK_PRE, find_cuts, &k);
  if (!k.n || k.too_many) return false;
  qsort(k.at, k.n, sizeof k.at[0], cmp_i64);
  SmContext *c = sm_op_context(loop);
  SmType *i64 = sm_type_integer(c, 64, SM_SIGNLESS);
  unsigned n = loop->num_operands;
  SmValue **cur = malloc((n ? n : 1) * sizeof *cur);
  if (!cur) return false;
  for (unsigned i = 0; i < n; i++) cur[i] = loop->operands[i].value;
  int64_t a = lo;
  for (unsigned p = 0; p <= k.n; p++) {
    int64_t b = p < k.n ? k.at[p] : hi;
    SmOp *cl = sm_op_clone(loop, NULL);
    sm_op_set_operands(cl, cur, n);
    sm_op_set_prop(cl, "lower", sm_attr_integer(c, i64, a));
    sm_op_set_prop(cl, "upper", sm_attr_integer(c, i64, b));
    sm_block_insert_op(loop->block, loop, cl);
    for (unsigned i = 0; i < n; i++) cur[i] = &cl->results[i];
    a = b;
  }
  for (unsigned i = 0; i < n; i++) sm_value_replace_all_uses(&loop->results[i], cur[i]);
  free(cur);
  sm_op_erase(loop);
  return true;
}

/* ---- 2./3. decide each padded read ---- */

/* 1: always in bounds, -1: never, 0: depends (or unknown). */
static int classify(SmOp *rd) {
  SmAttr *shape = sm_op_get_prop(rd, "shape");
  bool all_in = true;
  for (unsigned i = 1; i < rd->num_operands; i++) {
    int64_t n = sm_attr_dense_array_get_i64(shape, i - 1);
    Range r;
    if (!value_range(rd->operands[i].value, &r)) {
      all_in = false;
      continue;
    }
    if (r.hi < 0 || r.lo >= n) return -1;
    if (r.lo < 0 || r.hi >= n) all_in = false;
  }
  return all_in ? 1 : 0;
}

static bool is_zero(const SmAttr *a) { return a->kind == SM_ATTR_FLOAT && a->fp.value == 0.0; }

static void drop_from_sums(SmValue *zero) {
  bool again = true;
  while (again) {
    again = false;
    for (SmUse *u = zero->uses; u; u = u->next) {
      SmOp *add = u->owner;
      if (!sm_op_name_is(add, "arith.addf") || add->num_operands != 2) continue;
      SmValue *other = add->operands[1 - u->index].value;
      sm_value_replace_all_uses(&add->results[0], other);
      sm_op_erase(add);
      again = true;
      break;
    }
  }
}

static unsigned decide_reads(SmOp *root) {
  unsigned nr, changed = 0;
  SmOp **reads = sm_kernel_collect_ops(root, SM_WALK_PRE, is_padded_read, &nr);
  for (unsigned i = 0; i < nr; i++) {
    SmOp *rd = reads[i];
    int k = classify(rd);
    if (k == 1) {
      sm_op_set_prop(rd, "pad", NULL);
      changed++;
    } else if (k == -1) {
      SmAttr *pad = sm_op_get_prop(rd, "pad");
      SmBuilder b;
      sm_builder_init(&b, sm_op_context(rd));
      sm_builder_set_before(&b, rd);
      SmOp *cst = sm_arith_build_constant(&b, pad, rd->loc);
      sm_value_replace_all_uses(&rd->results[0], &cst->results[0]);
      sm_op_erase(rd);
      if (is_zero(pad)) drop_from_sums(&cst->results[0]);
      if (sm_value_use_empty(&cst->results[0])) sm_op_erase(cst);
      changed++;
    }
  }
  free(reads);
  return changed;
}

unsigned sm_kernel_split_padded_loops(SmOp *root) {
  /* Post-order: inner loops are split (and their clones made) before the
   * loops around them are cloned. */
  unsigned nl, n = 0;
  SmOp **loops = sm_kernel_collect_ops(root, SM_WALK_POST, sm_kernel_is_for, &nl);
  for (unsigned i = 0; i < nl; i++) n += split_loop(loops[i]);
  free(loops);
  return n + decide_reads(root);
}

static bool run_split(SmOp *op, SmPassRun *run) {
  (void)run;
  sm_kernel_split_padded_loops(op);
  return true;
}

const SmPassDef sm_kernel_split_padded_loops_pass = {
    .argument = "kernel-split-padded-loops",
    .summary = "Split kernel.for loops where padded reads enter or leave their bounds; drop bounds checks that ranges prove",
    .anchor = NULL,
    .run = run_split,
};
