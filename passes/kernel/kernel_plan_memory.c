/* kernel-plan-memory: gives every kernel.alloc a memory slot so that
 * buffers whose lifetimes do not overlap share memory. Lifetimes are
 * positions in the kernel.host block: from the alloc to its last use (a
 * buffer read back by kernel.output lives to the end). A buffer read by a
 * launch is still live while that launch writes its output, so a launch's
 * output never shares a slot with its inputs. Slots are chosen best-fit
 * (the smallest free slot that is large enough, else the largest free slot,
 * grown). Images (!kernel.image allocs) are not aliased with buffers: an
 * image only reuses a free image slot of exactly its width, height and
 * channel type (bytes: width * height * 16 for RGBA f32 pixels, * 8 for
 * half storage), else gets a new slot. Half-storage buffers
 * (smartmem-half-storage) need 2 bytes per element.
 * Results: `slot` on each alloc; `slot_bytes` (array) and `peak_bytes` on
 * the kernel.host. With option report, prints a summary. */
#include "dialects/kernel/kernel.h"
#include "passes/smartmem/smartmem.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

typedef struct Slot {
  int64_t bytes;
  int64_t w, h; /* image slots: pixel size; 0 for buffer slots */
  bool half;    /* image slots: CL_HALF_FLOAT pixels */
  long free_after; /* position of the last use of its current buffer */
} Slot;

static int64_t alloc_bytes(SmOp *a, int64_t w, int64_t h) {
  SmType *t = sm_op_get_prop(a, "type")->type;
  size_t eb = sm_kernel_stored_elem_bytes(sm_op_context(a), a->results[0].type);
  if (w) return w * h * 4 * (int64_t)eb;
  return sm_type_num_elements(t) * (int64_t)eb;
}

static bool plan_host(SmOp *host, int64_t *peak, int64_t *naive) {
  SmContext *c = sm_op_context(host);
  SmBlock *b = host->regions[0].first;
  long pos = 0;
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) op->scratch = (uint32_t)pos++;
  Slot *slots = NULL;
  size_t nslots = 0, cap = 0;
  *peak = *naive = 0;
  SmType *i64 = sm_type_integer(c, 64, SM_SIGNLESS);
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) {
    if (!sm_op_name_is(op, "kernel.alloc")) continue;
    int64_t w, h;
    if (!sm_kernel_image_size(c, op->loc, sm_op_get_prop(op, "type")->type, &w, &h)) {
      free(slots);
      return false;
    }
    int64_t need = alloc_bytes(op, w, h);
    bool half = w && sm_kernel_is_half_storage(c, op->results[0].type);
    long last = (long)op->scratch;
    for (SmUse *u = op->results[0].uses; u; u = u->next) {
      long p = sm_op_name_is(u->owner, "kernel.output") ? pos + 1 : (long)u->owner->scratch;
      if (p > last) last = p;
    }
    long here = (long)op->scratch;
    size_t best = nslots, big = nslots;
    for (size_t s = 0; s < nslots; s++) {
      if (slots[s].free_after >= here || slots[s].w != w || slots[s].h != h || slots[s].half != half) continue;
      if (slots[s].bytes >= need && (best == nslots || slots[s].bytes < slots[best].bytes)) best = s;
      if (big == nslots || slots[s].bytes > slots[big].bytes) big = s;
    }
    if (best == nslots) best = big;
    if (best == nslots) {
      if (nslots == cap) {
        cap = cap ? cap * 2 : 16;
        Slot *ns = realloc(slots, cap * sizeof *ns);
        if (!ns) {
          free(slots);
          return sm_op_emit_error(host, "out of memory planning buffers");
        }
        slots = ns;
      }
      slots[nslots].bytes = 0;
      slots[nslots].w = w;
      slots[nslots].h = h;
      slots[nslots].half = half;
      best = nslots++;
    }
    if (slots[best].bytes < need) slots[best].bytes = need;
    slots[best].free_after = last;
    *naive += need;
    sm_op_set_prop(op, "slot", sm_attr_integer(c, i64, (int64_t)best));
  }
  int64_t *sb = malloc((nslots ? nslots : 1) * sizeof(int64_t));
  if (!sb) {
    free(slots);
    return sm_op_emit_error(host, "out of memory planning buffers");
  }
  for (size_t s = 0; s < nslots; s++) sb[s] = slots[s].bytes, *peak += slots[s].bytes;
  sm_op_set_attr(host, "slot_bytes", sm_attr_dense_array_i64(c, (unsigned)nslots, sb));
  sm_op_set_attr(host, "peak_bytes", sm_attr_integer(c, i64, *peak));
  free(sb);
  free(slots);
  return true;
}

bool sm_kernel_plan_memory(SmOp *module, int64_t *peak_bytes, int64_t *naive_bytes) {
  SmBlock *b = module->regions[0].first;
  int64_t peak = 0, naive = 0;
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) {
    if (!sm_op_name_is(op, "kernel.host")) continue;
    int64_t p, n;
    if (!plan_host(op, &p, &n)) return false;
    peak += p, naive += n;
  }
  if (peak_bytes) *peak_bytes = peak;
  if (naive_bytes) *naive_bytes = naive;
  return true;
}

static const SmPassOption kpm_options[] = {
    {"report", SM_PASS_OPT_BOOL, "false", "print the planned peak and the unplanned total"},
};

static bool run_kpm(SmOp *op, SmPassRun *run) {
  int64_t peak, naive;
  if (!sm_kernel_plan_memory(op, &peak, &naive)) return false;
  if (sm_pass_run_bool(run, "report"))
    fprintf(sm_pass_run_stream(run), "kernel-plan-memory: peak %" PRId64 " bytes (without reuse: %" PRId64 " bytes)\n",
            peak, naive);
  return true;
}

const SmPassDef sm_kernel_plan_memory_pass = {
    .argument = "kernel-plan-memory",
    .summary = "Assign intermediate buffers to memory slots by liveness; record peak bytes",
    .anchor = "builtin.module",
    .options = kpm_options,
    .num_options = 1,
    .run = run_kpm,
};
