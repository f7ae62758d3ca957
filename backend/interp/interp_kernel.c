/* The interpreter at the kernel level: runs a kernel.host plan on the CPU.
 * Buffers live where the plan puts them (kernel.alloc's slot, sized by the
 * host's slot_bytes), every kernel.func is compiled once to register-machine
 * code (vm.c) and run for each work-item id of each launch, with loads and
 * stores through their layout maps, bounds-checked against the buffer. */
#include "backend/interp/interp_levels.h"
#include "backend/interp/vm.h"
#include "dialects/kernel/kernel.h"

#include <stdlib.h>
#include <string.h>

typedef struct Buf {
  SmVmMem mem;
  const SmType *type; /* the tensor type it holds (layout included) */
  bool owned;
} Buf;

typedef struct Host {
  SmOp *host;
  SmContext *ctx;
  SmPtrMap bufs;  /* value -> Buf */
  SmPtrMap progs; /* kernel.func -> SmVmProg */
  Buf **all;
  size_t nall, capall;
  void **slots;
  unsigned nslots;
  const int64_t *slot_bytes;
  SmVmProg **allprogs;
  size_t nprogs, capprogs;
} Host;

static bool grow(void **arr, size_t *cap, size_t n, size_t elem) {
  if (n < *cap) return true;
  size_t nc = *cap ? *cap * 2 : 32;
  void *na = realloc(*arr, nc * elem);
  if (!na) return false;
  *arr = na;
  *cap = nc;
  return true;
}

static Buf *new_buf(Host *h, SmOp *op) {
  Buf *b = calloc(1, sizeof *b);
  if (!b || !grow((void **)&h->all, &h->capall, h->nall, sizeof *h->all)) {
    free(b);
    sm_op_emit_error(op, "interpreter: out of memory");
    return NULL;
  }
  h->all[h->nall++] = b;
  sm_ptrmap_put(&h->bufs, &op->results[0], b);
  return b;
}

/* Takes ownership of t's data as the buffer's memory. */
static bool buf_from_tensor(Buf *b, SmTensor *t, const SmType *type) {
  b->mem.data = t->data;
  b->mem.dtype = t->dtype;
  b->mem.numel = sm_tensor_numel(t);
  b->type = type;
  b->owned = true;
  t->data = NULL;
  return true;
}

static bool op_input(Host *h, SmOp *op, unsigned num_inputs, const SmTensor *inputs) {
  SmAttr *idx = sm_op_get_prop(op, "index"), *ty = sm_op_get_prop(op, "type");
  if (!idx || idx->kind != SM_ATTR_INTEGER || !ty || ty->kind != SM_ATTR_TYPE)
    return sm_op_emit_error(op, "interpreter: malformed kernel.input");
  if (idx->integer.value < 0 || idx->integer.value >= (int64_t)num_inputs)
    return sm_op_emit_error(op, "interpreter: input %lld not given (%u inputs)", (long long)idx->integer.value, num_inputs);
  const SmTensor *in = &inputs[idx->integer.value];
  SmTensor expect;
  if (!sm_tensor_alloc_for_type(&expect, ty->type))
    return sm_op_emit_error(op, "interpreter: unsupported input type");
  bool same = expect.dtype == in->dtype && expect.rank == in->rank &&
              memcmp(expect.dims, in->dims, expect.rank * sizeof(int64_t)) == 0;
  sm_tensor_free(&expect);
  if (!same) return sm_op_emit_error(op, "interpreter: input %lld does not match its type", (long long)idx->integer.value);
  SmTensor st;
  if (!sm_interp_to_storage(h->ctx, op->loc, ty->type, in, &st)) return false;
  Buf *b = new_buf(h, op);
  if (!b) {
    sm_tensor_free(&st);
    return false;
  }
  return buf_from_tensor(b, &st, ty->type);
}

static bool op_weight(Host *h, SmOp *op) {
  SmAttr *v = sm_op_get_prop(op, "value");
  SmTensor t;
  if (!sm_tensor_from_attr(h->ctx, op->loc, v, &t)) return false;
  const SmType *type = v->kind == SM_ATTR_DENSE_ELEMENTS ? v->dense.type : v->resource.type;
  SmTensor st;
  bool ok = sm_interp_to_storage(h->ctx, op->loc, type, &t, &st);
  sm_tensor_free(&t);
  if (!ok) return false;
  Buf *b = new_buf(h, op);
  if (!b) {
    sm_tensor_free(&st);
    return false;
  }
  return buf_from_tensor(b, &st, type);
}

static bool op_alloc(Host *h, SmOp *op) {
  SmAttr *ty = sm_op_get_prop(op, "type"), *slot = sm_op_get_prop(op, "slot");
  if (!ty || ty->kind != SM_ATTR_TYPE) return sm_op_emit_error(op, "interpreter: malformed kernel.alloc");
  SmAffineExpr *addr;
  int64_t n;
  SmDType dt;
  if (!sm_interp_phys_addr(h->ctx, op->loc, ty->type, &addr, &n)) return false;
  if (!sm_dtype_from_type(ty->type->shaped.elem, &dt)) return sm_op_emit_error(op, "interpreter: unsupported element type");
  bool half = sm_kernel_is_half_storage(h->ctx, op->results[0].type);
  int64_t bytes = n * (int64_t)(half ? 2 : sm_dtype_size(dt));
  Buf *b = new_buf(h, op);
  if (!b) return false;
  b->mem.dtype = dt;
  b->mem.half = half;
  b->mem.numel = n;
  b->type = ty->type;
  if (slot) {
    if (slot->kind != SM_ATTR_INTEGER || slot->integer.value < 0 || slot->integer.value >= (int64_t)h->nslots)
      return sm_op_emit_error(op, "interpreter: slot is not one of the host's %u slot_bytes", h->nslots);
    if (h->slot_bytes[slot->integer.value] < bytes)
      return sm_op_emit_error(op, "interpreter: slot %lld has %lld bytes, the buffer needs %lld",
                              (long long)slot->integer.value, (long long)h->slot_bytes[slot->integer.value],
                              (long long)bytes);
    b->mem.data = h->slots[slot->integer.value];
    return true;
  }
  b->mem.data = calloc(bytes ? (size_t)bytes : 1, 1);
  b->owned = true;
  if (!b->mem.data) return sm_op_emit_error(op, "interpreter: out of memory");
  return true;
}

static SmVmProg *kernel_prog(Host *h, SmOp *fn) {
  SmVmProg *p = sm_ptrmap_get(&h->progs, fn);
  if (p) return p;
  SmBlock *body = fn->regions[0].first;
  if (!body) {
    sm_op_emit_error(fn, "interpreter: kernel.func has no body");
    return NULL;
  }
  if (!grow((void **)&h->allprogs, &h->capprogs, h->nprogs, sizeof *h->allprogs)) {
    sm_op_emit_error(fn, "interpreter: out of memory");
    return NULL;
  }
  p = sm_vm_compile(body);
  if (!p) return NULL;
  h->allprogs[h->nprogs++] = p;
  sm_ptrmap_put(&h->progs, fn, p);
  return p;
}

static bool op_launch(Host *h, SmOp *op) {
  SmAttr *callee = sm_op_get_prop(op, "callee"), *wi = sm_op_get_prop(op, "work_items");
  SmOp *fn = callee && callee->kind == SM_ATTR_SYMBOL_REF ? sm_symbol_lookup_from(op, callee) : NULL;
  if (!fn || !sm_op_name_is(fn, "kernel.func")) return sm_op_emit_error(op, "interpreter: callee is not a kernel.func");
  if (!wi || wi->kind != SM_ATTR_INTEGER || wi->integer.value < 0)
    return sm_op_emit_error(op, "interpreter: launch needs 'work_items'");
  SmBlock *body = fn->regions[0].first;
  if (!body || body->num_args != op->num_operands)
    return sm_op_emit_error(op, "interpreter: launch passes %u buffers, the kernel takes %u", op->num_operands,
                            body ? body->num_args : 0);
  SmVmMem mems[64];
  if (op->num_operands > 64) return sm_op_emit_error(op, "interpreter: too many buffers");
  for (unsigned i = 0; i < op->num_operands; i++) {
    Buf *b = sm_ptrmap_get(&h->bufs, op->operands[i].value);
    if (!b) return sm_op_emit_error(op, "interpreter: buffer #%u is not defined by the host plan", i);
    SmDType want;
    SmType *et = sm_kernel_buffer_elem(h->ctx, body->args[i]->type);
    if (!et || !sm_dtype_from_type(et, &want) || want != b->mem.dtype ||
        sm_kernel_is_half_storage(h->ctx, body->args[i]->type) != b->mem.half)
      return sm_op_emit_error(op, "interpreter: buffer #%u has the wrong element type", i);
    mems[i] = b->mem;
  }
  SmVmProg *p = kernel_prog(h, fn);
  if (!p) return false;
  SmVmReg *R = sm_vm_prog_regs(p);
  SmVmEnv env = {.bufs = mems, .num_bufs = op->num_operands};
  for (int64_t g = 0; g < wi->integer.value; g++) {
    env.gid = g;
    if (!sm_vm_run(p, R, &env)) {
      SmOp *at = env.fail_op ? env.fail_op : fn;
      sm_op_emit_error(at, "interpreter: work-item %lld of @%s %s", (long long)g, sm_op_symbol_name(fn),
                       env.fail_what ? env.fail_what : "failed");
      return sm_op_emit_error(op, "interpreter: launch failed");
    }
  }
  return true;
}

static bool op_output(Host *h, SmOp *op, unsigned max_outputs, SmTensor *outputs, bool *have) {
  SmAttr *idx = sm_op_get_prop(op, "index");
  if (!idx || idx->kind != SM_ATTR_INTEGER || idx->integer.value < 0 || idx->integer.value >= (int64_t)max_outputs)
    return sm_op_emit_error(op, "interpreter: output index out of range");
  unsigned k = (unsigned)idx->integer.value;
  if (have[k]) return sm_op_emit_error(op, "interpreter: output %u written twice", k);
  Buf *b = op->num_operands == 1 ? sm_ptrmap_get(&h->bufs, op->operands[0].value) : NULL;
  if (!b) return sm_op_emit_error(op, "interpreter: output buffer is not defined by the host plan");
  if (b->mem.half) return sm_op_emit_error(op, "interpreter: an output buffer cannot have half storage");
  SmTensor st = {.dtype = b->mem.dtype, .rank = 1, .dims = {b->mem.numel}, .data = b->mem.data};
  if (!sm_interp_from_storage(h->ctx, op->loc, b->type, &st, &outputs[k])) return false;
  have[k] = true;
  return true;
}

bool sm_interp_run_host(SmOp *host, unsigned num_inputs, const SmTensor *inputs, unsigned max_outputs,
                        SmTensor *outputs, unsigned *num_outputs) {
  *num_outputs = 0;
  if (!sm_op_name_is(host, "kernel.host") || host->num_regions != 1)
    return sm_op_emit_error(host, "interpreter: expected a kernel.host");
  Host h = {.host = host, .ctx = sm_op_context(host)};
  sm_ptrmap_init(&h.bufs);
  sm_ptrmap_init(&h.progs);
  bool ok = true;
  bool *have = calloc(max_outputs ? max_outputs : 1, sizeof *have);
  if (!have) ok = sm_op_emit_error(host, "interpreter: out of memory");
  /* The planned memory: one allocation per slot. */
  SmAttr *sb = sm_op_get_attr(host, "slot_bytes");
  if (ok && sb) {
    if (sb->kind != SM_ATTR_DENSE_ARRAY || !sm_type_is_signless_int(sb->dense_array.elem, 64))
      ok = sm_op_emit_error(host, "interpreter: 'slot_bytes' must be an i64 array");
    else {
      h.nslots = sb->dense_array.count;
      h.slot_bytes = sb->dense_array.data;
      h.slots = calloc(h.nslots ? h.nslots : 1, sizeof *h.slots);
      if (!h.slots) ok = sm_op_emit_error(host, "interpreter: out of memory");
      for (unsigned s = 0; ok && s < h.nslots; s++)
        if (h.slot_bytes[s] < 0 || !(h.slots[s] = calloc(h.slot_bytes[s] ? (size_t)h.slot_bytes[s] : 1, 1)))
          ok = sm_op_emit_error(host, "interpreter: cannot allocate slot %u", s);
    }
  }
  SmBlock *b = host->regions[0].first;
  for (SmOp *op = b ? b->first : NULL; op && ok; op = op->next) {
    if (sm_op_name_is(op, "kernel.input")) ok = op_input(&h, op, num_inputs, inputs);
    else if (sm_op_name_is(op, "kernel.weight")) ok = op_weight(&h, op);
    else if (sm_op_name_is(op, "kernel.alloc")) ok = op_alloc(&h, op);
    else if (sm_op_name_is(op, "kernel.launch")) ok = op_launch(&h, op);
    else if (sm_op_name_is(op, "kernel.output")) ok = op_output(&h, op, max_outputs, outputs, have);
    else ok = sm_op_emit_error(op, "interpreter: unexpected op in a kernel.host plan");
  }
  unsigned n = 0;
  for (unsigned k = 0; k < max_outputs && have; k++)
    if (have[k]) n = k + 1;
  for (unsigned k = 0; ok && k < n; k++)
    if (!have[k]) ok = sm_op_emit_error(host, "interpreter: output %u is never written", k);
  if (ok) *num_outputs = n;
  else
    for (unsigned k = 0; k < max_outputs && have; k++)
      if (have[k]) sm_tensor_free(&outputs[k]);
  for (size_t i = 0; i < h.nall; i++) {
    if (h.all[i]->owned) free(h.all[i]->mem.data);
    free(h.all[i]);
  }
  free(h.all);
  for (size_t i = 0; i < h.nprogs; i++) sm_vm_prog_free(h.allprogs[i]);
  free(h.allprogs);
  for (unsigned s = 0; h.slots && s < h.nslots; s++) free(h.slots[s]);
  free(h.slots);
  free(have);
  sm_ptrmap_free(&h.bufs);
  sm_ptrmap_free(&h.progs);
  return ok;
}

/* ---- entry points -------------------------------------------------------- */

SmOp *sm_interp_find_entry(SmOp *module) {
  if (!module || module->num_regions < 1 || !module->regions[0].first) return NULL;
  SmOp *first_func = NULL, *first_host = NULL;
  for (SmOp *op = module->regions[0].first->first; op; op = op->next) {
    bool fn = sm_op_name_is(op, "func.func"), host = sm_op_name_is(op, "kernel.host");
    if (!fn && !host) continue;
    const char *n = sm_op_symbol_name(op);
    if (fn && n && strcmp(n, "main") == 0) return op;
    if (fn && !first_func) first_func = op;
    if (host && n && strcmp(n, "main") == 0 && (!first_host || strcmp(sm_op_symbol_name(first_host), "main") != 0))
      first_host = op;
    if (host && !first_host) first_host = op;
  }
  return first_func ? first_func : first_host;
}

int sm_interp_entry_inputs(SmOp *entry, unsigned max, SmType **types) {
  if (sm_op_name_is(entry, "func.func")) {
    SmBlock *b = entry->regions[0].first;
    if (!b || b->num_args > max) return -1;
    for (unsigned i = 0; i < b->num_args; i++) types[i] = b->args[i]->type;
    return (int)b->num_args;
  }
  if (!sm_op_name_is(entry, "kernel.host")) return -1;
  for (unsigned i = 0; i < max; i++) types[i] = NULL;
  unsigned n = 0;
  SmBlock *b = entry->regions[0].first;
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) {
    if (!sm_op_name_is(op, "kernel.input")) continue;
    SmAttr *idx = sm_op_get_prop(op, "index"), *ty = sm_op_get_prop(op, "type");
    if (!idx || idx->kind != SM_ATTR_INTEGER || idx->integer.value < 0 || idx->integer.value >= (int64_t)max ||
        !ty || ty->kind != SM_ATTR_TYPE || types[idx->integer.value])
      return -1;
    types[idx->integer.value] = ty->type;
    if ((unsigned)idx->integer.value + 1 > n) n = (unsigned)idx->integer.value + 1;
  }
  for (unsigned i = 0; i < n; i++)
    if (!types[i]) return -1;
  return (int)n;
}

bool sm_interp_run(SmOp *entry, unsigned num_inputs, const SmTensor *inputs, unsigned max_outputs,
                   SmTensor *outputs, unsigned *num_outputs) {
  if (sm_op_name_is(entry, "kernel.host"))
    return sm_interp_run_host(entry, num_inputs, inputs, max_outputs, outputs, num_outputs);
  return sm_interp_run_func(entry, num_inputs, inputs, max_outputs, outputs, num_outputs);
}
