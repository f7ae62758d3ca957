/* smrun --tune: searches each tunable kernel's schedule space on the
 * device and stores the winners in the tuning cache (tuning.h).
 *
 * Tunable kernels are the layout.generic ops with a reduction whose
 * schedule space has more than one point: register tiles (1, 2, 4, 8
 * dividing the extent) along the two parallel dims that the most body loads
 * do not use (the dims the heuristic would tile), times unroll factors (1,
 * 2, 4 dividing the innermost reduction extent). Where the module's device
 * profile makes the fastest dim blocked (SIMD CPUs), that dim also takes
 * 16, and 4..16 need not divide it (a ragged last tile is shifted back);
 * such winners are stored under the device key with " (blocked)". Identical kernels (same
 * signature) are tuned once. Each point is compiled as a one-kernel module
 * and timed on the device (device forward median, random inputs); its
 * outputs must match the heuristic default's within 1e-4 relative (else it
 * is rejected). The search is random without replacement, heuristic
 * default first, within an equal share of the time budget per kernel. */
#include "backend/opencl/opencl.h"
#include "backend/opencl/tuning.h"
#include "dialects/builtin/builtin.h"
#include "dialects/func/func.h"
#include "dialects/layout/layout.h"
#include "passes/smartmem/smartmem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAXD 16
#define MAXPTS 128

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t rng(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 2685821657736338717ull;
}

typedef struct Point {
  int64_t tile[MAXD];
  int64_t unroll;
} Point;

static void used_dims(const SmAffineExpr *e, bool *used) {
  if (e->kind == SM_AFFINE_DIM) used[e->position] = true;
  else if (e->kind != SM_AFFINE_CONST && e->kind != SM_AFFINE_SYMBOL) used_dims(e->bin.lhs, used), used_dims(e->bin.rhs, used);
}

/* The schedule space of g (points[0] is all ones: the caller adds the
 * default separately); returns the number of points. */
static unsigned space_of(SmOp *g, bool blocked, Point *pts) {
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(g, &dom), nin = g->num_operands;
  if (nd > MAXD || g->num_results != 1) return 0;
  int inner = -1, fast = -1;
  int score[MAXD] = {0};
  SmBlock *body = g->regions[0].first;
  for (unsigned d = 0; d < nd; d++) {
    if (sm_layout_generic_is_reduction(g, d)) {
      inner = (int)d;
      continue;
    }
    fast = (int)d;
    for (unsigned i = 0; i < nin && dom[d] > 1; i++) {
      SmAffineMap *m = sm_layout_generic_map(g, i);
      if (!m || sm_value_use_empty(body->args[i])) continue;
      bool used[MAXD] = {0};
      for (unsigned r = 0; r < m->num_results; r++) used_dims(m->results[r], used);
      score[d] += !used[d];
    }
  }
  if (inner < 0) return 0;
  unsigned pick[2], np = 0;
  (void)np;
  for (unsigned r = 0; r < 2; r++) {
    int best = 0;
    unsigned bd = 0;
    for (unsigned d = 0; d < nd; d++)
      if (score[d] >= best && score[d] > 0 && (r == 0 || d != pick[0])) best = score[d], bd = d;
    if (!best) break;
    pick[np++] = bd;
  }
  /* Without a dim to tile (row reductions, which normalisation chains
   * absorb anyway) there is nothing worth a compile per point. */
  if (np == 0) return 0;
  /* Blocked (SIMD devices): the fastest dim also takes 16, ragged when
   * it does not divide (its last tile is shifted back). */
  static const int64_t tiles[] = {1, 2, 4, 8, 16}, unrolls[] = {1, 2, 4};
  unsigned nt = blocked ? 5 : 4, n = 0;
  int64_t maxp = blocked ? 64 : 32;
  for (unsigned a = 0; a < nt; a++)
    for (unsigned b = 0; b < (np > 1 ? nt : 1u); b++)
      for (unsigned u = 0; u < 3; u++) {
        int64_t ta = np > 0 ? tiles[a] : 1, tb = np > 1 ? tiles[b] : 1;
        if (np == 0 && a > 0) continue;
        bool ra = blocked && (int)pick[0] == fast && ta <= dom[pick[0]] && ta >= 4;
        bool rb = np > 1 && blocked && (int)pick[1] == fast && tb <= dom[pick[1]] && tb >= 4;
        if ((ta == 16 && (int)pick[0] != fast) || (tb == 16 && (np < 2 || (int)pick[1] != fast))) continue;
        if ((np > 0 && dom[pick[0]] % ta && !ra) || (np > 1 && dom[pick[1]] % tb && !rb) || dom[inner] % unrolls[u] ||
            ta * tb > maxp)
          continue;
        if (n == MAXPTS) return n;
        Point *p = &pts[n++];
        for (unsigned d = 0; d < MAXD; d++) p->tile[d] = 1;
        if (np > 0) p->tile[pick[0]] = ta;
        if (np > 1) p->tile[pick[1]] = tb;
        p->unroll = unrolls[u];
      }
  return n;
}

/* A module holding only g (a clone, with schedule p unless NULL) as @main. */
static SmOp *single_module(SmContext *ctx, SmOp *g, const Point *p) {
  SmType *ins[64];
  unsigned n = g->num_operands;
  if (n > 64) return NULL;
  for (unsigned i = 0; i < n; i++) ins[i] = g->operands[i].value->type;
  SmType *rt = g->results[0].type;
  SmOp *mod = sm_builtin_module_create(ctx, NULL, sm_loc_unknown(ctx));
  /* The device profile decides the schedule's meaning (blocked or cyclic). */
  SmOp *top = g;
  while (sm_op_parent_op(top)) top = sm_op_parent_op(top);
  SmAttr *prof = sm_op_get_attr(top, "smartmem.device_profile");
  if (prof) sm_op_set_attr(mod, "smartmem.device_profile", prof);
  SmOp *fn = sm_func_create(ctx, "main", sm_type_function(ctx, n, ins, 1, &rt), true, sm_loc_unknown(ctx));
  sm_block_insert_op(sm_builtin_module_body(mod), NULL, fn);
  SmBlock *eb = sm_func_entry_block(fn);
  SmPtrMap map;
  sm_ptrmap_init(&map);
  for (unsigned i = 0; i < n; i++) sm_ptrmap_put(&map, g->operands[i].value, eb->args[i]);
  SmOp *cl = sm_op_clone(g, &map);
  sm_ptrmap_free(&map);
  sm_block_insert_op(eb, NULL, cl);
  if (p) {
    const int64_t *dom;
    unsigned nd = sm_layout_generic_domain(g, &dom);
    SmNamedAttr kv[2] = {{sm_intern_cstr(ctx, "tile"), sm_attr_dense_array_i64(ctx, nd, p->tile)},
                         {sm_intern_cstr(ctx, "unroll"), sm_attr_integer(ctx, sm_type_integer(ctx, 64, SM_SIGNLESS), p->unroll)}};
    sm_op_set_attr(cl, "kernel.schedule", sm_attr_dict(ctx, 2, kv));
  } else {
    sm_op_set_attr(cl, "kernel.schedule", NULL);
  }
  SmBuilder b;
  sm_builder_init(&b, ctx);
  sm_builder_set_block_end(&b, eb);
  SmValue *r = &cl->results[0];
  sm_func_build_return(&b, &r, 1, sm_loc_unknown(ctx));
  return mod;
}

/* Compiles and times one module; out receives its output (caller frees). */
static bool time_module(SmContext *ctx, SmOp *mod, const SmOpenCLOptions *base, unsigned nin, const SmTensor *ins,
                        SmTensor *out, double *ms) {
  SmOpenCLProgram prog;
  SmOpenCLCompileOptions co = {base->platform, base->device, true};
  if (!sm_opencl_compile_for(mod, "baseline", &co, &prog, NULL)) return false;
  SmOpenCLOptions o = *base;
  o.repeat = 5;
  o.profile = false;
  SmOpenCLStats st;
  unsigned nout = 0;
  bool ok = sm_opencl_run_program(ctx, &prog, &o, nin, ins, 1, out, &nout, &st);
  if (ok) *ms = st.forward_median_ms, sm_opencl_stats_free(&st);
  sm_opencl_program_free(&prog);
  return ok && nout == 1;
}

static bool close_enough(const SmTensor *a, const SmTensor *b) {
  int64_t n = sm_tensor_numel(a);
  if (n != sm_tensor_numel(b)) return false;
  for (int64_t i = 0; i < n; i++) {
    double x = sm_tensor_get_f64(a, i), y = sm_tensor_get_f64(b, i);
    if (!(fabs(x - y) <= 1e-5 + 1e-4 * fabs(y))) return false;
  }
  return true;
}

static void progress_bar(FILE *f, bool tty, unsigned done, unsigned total, double left) {
  if (!f || !tty) return;
  int w = 30, fill = total ? (int)((double)done / total * w) : w;
  fprintf(f, "\rtuning [");
  for (int i = 0; i < w; i++) fputc(i < fill ? '#' : '.', f);
  fprintf(f, "] %u/%u kernels, %.0f s left  ", done, total, left > 0 ? left : 0);
  fflush(f);
}

typedef struct Work {
  SmOp **ops;
  uint64_t *sigs;
  unsigned n, cap;
  bool blocked; /* the module's kernels tile the fastest dim blocked */
} Work;

static SmWalkResult collect(SmOp *op, void *user) {
  Work *w = user;
  if (!sm_op_name_is(op, "layout.generic")) return SM_WALK_ADVANCE;
  Point pts[MAXPTS];
  if (space_of(op, w->blocked, pts) < 2) return SM_WALK_ADVANCE;
  uint64_t s = sm_tuning_signature(op);
  for (unsigned i = 0; i < w->n; i++)
    if (w->sigs[i] == s) return SM_WALK_ADVANCE;
  if (w->n == w->cap) {
    unsigned nc = w->cap ? 2 * w->cap : 32;
    SmOp **no = realloc(w->ops, nc * sizeof *no);
    if (!no) return SM_WALK_INTERRUPT;
    w->ops = no;
    uint64_t *ns = realloc(w->sigs, nc * sizeof *ns);
    if (!ns) return SM_WALK_INTERRUPT;
    w->sigs = ns;
    w->cap = nc;
  }
  w->ops[w->n] = op;
  w->sigs[w->n++] = s;
  return SM_WALK_ADVANCE;
}

bool sm_opencl_tune(SmOp *module, const char *pipeline, const SmOpenCLOptions *opt, double budget_s, FILE *progress,
                    unsigned *tuned) {
  SmContext *ctx = sm_op_context(module);
  *tuned = 0;
  char path[4096], dev[256];
  if (!sm_tuning_cache_path(path, sizeof path))
    return sm_emit_error(ctx, sm_loc_unknown(ctx), "tune: no tuning cache path (set SMARTMEM_TUNING_CACHE)");
  if (!sm_tuning_device_key(opt->platform, opt->device, dev, sizeof dev))
    return sm_emit_error(ctx, sm_loc_unknown(ctx), "tune: OpenCL device %d on platform %d not found", opt->device, opt->platform);
  bool blocked = false;
  if (!sm_kernel_fastest_blocked(module, &blocked) || !sm_tuning_key_mode(module, dev, sizeof dev)) return false;
  /* The layout-level module: the pipeline up to convert-layout-to-kernel, on a copy. */
  const char *text = sm_smartmem_pipeline(pipeline ? pipeline : SM_DEFAULT_PIPELINE);
  const char *at = text ? strstr(text, "convert-layout-to-kernel") : NULL;
  if (!at) return sm_emit_error(ctx, sm_loc_unknown(ctx), "tune: pipeline '%s' has no convert-layout-to-kernel", pipeline);
  SmOp *copy = sm_op_clone(module, NULL);
  size_t pre = (size_t)(at - text);
  char *before = malloc(pre + 2);
  bool ok = before != NULL;
  if (ok) {
    memcpy(before, text, pre);
    while (pre > 15 && before[pre - 1] == ',') pre--;
    before[pre] = ')';
    before[pre + 1] = 0;
    if (pre > 15) {
      SmPassManager *pm = sm_pass_manager_create(ctx, "builtin.module");
      ok = sm_pass_pipeline_parse(pm, before, strlen(before)) && sm_pass_manager_run(pm, copy);
      sm_pass_manager_destroy(pm);
    }
  }
  free(before);
  Work w = {.blocked = blocked};
  SmTuningCache cache = {0};
  if (ok) sm_op_walk(copy, SM_WALK_PRE, collect, &w);
  ok = ok && sm_tuning_cache_load(ctx, path, &cache);
  bool tty = progress && isatty(fileno(progress));
  double start = now_s(), end = start + budget_s;
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  for (unsigned k = 0; ok && k < w.n; k++) {
    SmOp *g = w.ops[k];
    double share_end = now_s() + (end - now_s()) / (w.n - k);
    progress_bar(progress, tty, k, w.n, end - now_s());
    /* Random inputs, shared by every point. */
    unsigned nin = g->num_operands;
    SmTensor *ins = calloc(nin ? nin : 1, sizeof *ins);
    for (unsigned i = 0; ok && ins && i < nin; i++) {
      if (!sm_tensor_alloc_for_type(&ins[i], g->operands[i].value->type)) {
        ok = false;
        break;
      }
      for (int64_t e = 0; e < sm_tensor_numel(&ins[i]); e++) {
        uint64_t r = rng(&seed);
        if (sm_dtype_is_float(ins[i].dtype)) sm_tensor_set_f64(&ins[i], e, (double)(r >> 11) / 9007199254740992.0 * 2.0 - 1.0);
        else sm_tensor_set_i64(&ins[i], e, (int64_t)(r % 4));
      }
    }
    if (!ins) ok = false;
    /* The heuristic default: the reference and the time to beat. */
    SmTensor ref = {0};
    double best_ms = 0;
    SmOp *mod = ok ? single_module(ctx, g, NULL) : NULL;
    if (!mod || !time_module(ctx, mod, opt, nin, ins, &ref, &best_ms)) ok = false;
    if (mod) sm_op_destroy(mod);
    Point pts[MAXPTS];
    unsigned np = ok ? space_of(g, blocked, pts) : 0;
    int best = -1;
    for (unsigned tried = 0; ok && tried < np && now_s() < share_end; tried++) {
      unsigned j = tried + (unsigned)(rng(&seed) % (np - tried));
      Point p = pts[j];
      pts[j] = pts[tried];
      pts[tried] = p;
      SmTensor out = {0};
      double ms;
      SmOp *m = single_module(ctx, g, &p);
      /* A point that fails to build or run (diagnosed) is skipped. */
      bool good = m && time_module(ctx, m, opt, nin, ins, &out, &ms);
      if (m) sm_op_destroy(m);
      if (good && close_enough(&out, &ref) && ms < best_ms * 0.97) {
        best_ms = ms;
        best = (int)tried;
      }
      sm_tensor_free(&out);
    }
    if (ok) {
      SmTuningEntry e;
      memset(&e, 0, sizeof e);
      snprintf(e.device, sizeof e.device, "%s", dev);
      e.kernel = w.sigs[k];
      SmAttr *kind = sm_op_get_prop(g, "kind");
      snprintf(e.kind, sizeof e.kind, "%s", kind && kind->kind == SM_ATTR_STRING ? kind->string.data : "generic");
      const int64_t *dom;
      e.ntile = sm_layout_generic_domain(g, &dom);
      e.ms = best_ms;
      if (best >= 0) {
        for (unsigned d = 0; d < e.ntile; d++) e.tile[d] = pts[best].tile[d];
        e.unroll = pts[best].unroll;
        ok = sm_tuning_cache_put(&cache, &e);
        (*tuned)++;
      }
      if (progress && !tty) {
        fprintf(progress, "tune: %u/%u %s %016llx: %s", k + 1, w.n, e.kind, (unsigned long long)e.kernel,
                best >= 0 ? "tile [" : "default kept");
        for (unsigned d = 0; best >= 0 && d < e.ntile; d++) fprintf(progress, "%s%lld", d ? ", " : "", (long long)e.tile[d]);
        if (best >= 0) fprintf(progress, "] unroll %lld, %.3f ms", (long long)e.unroll, e.ms);
        fputc('\n', progress);
      }
    }
    sm_tensor_free(&ref);
    for (unsigned i = 0; ins && i < nin; i++) sm_tensor_free(&ins[i]);
    free(ins);
  }
  progress_bar(progress, tty, w.n, w.n, 0);
  if (tty) fputc('\n', progress);
  if (ok) ok = sm_tuning_cache_save(ctx, path, &cache);
  sm_tuning_cache_free(&cache);
  free(w.ops);
  free(w.sigs);
  sm_op_destroy(copy);
  return ok;
}
