/* The interpreter: kernel dispatch by op name, and execution of a func.func
 * of graph ops on host tensors. */
#include "backend/interp/interp_levels.h"
#include "backend/interp/kernels.h"

#include <stdlib.h>
#include <string.h>

void sm_kernel_strides(unsigned rank, const int64_t *dims, int64_t *strides) {
  int64_t acc = 1;
  for (int d = (int)rank - 1; d >= 0; d--) {
    strides[d] = acc;
    acc *= dims[d];
  }
}

void sm_kernel_bcast_strides(const SmTensor *t, unsigned out_rank, const int64_t *out_dims,
                             int64_t *strides) {
  int64_t own[SM_TENSOR_MAX_RANK];
  sm_kernel_strides(t->rank, t->dims, own);
  for (unsigned d = 0; d < out_rank; d++) {
    int64_t td = (int64_t)d - (int64_t)(out_rank - t->rank);
    strides[d] = (td < 0 || t->dims[td] == 1) ? 0 : own[td];
  }
  (void)out_dims;
}

bool sm_kernel_next_coord(unsigned rank, const int64_t *dims, int64_t *coord) {
  for (int d = (int)rank - 1; d >= 0; d--) {
    if (++coord[d] < dims[d]) return true;
    coord[d] = 0;
  }
  return false;
}

static SmKernelFn find_kernel(const char *name) {
  const SmKernelEntry *tables[] = {sm_kernels_elementwise, sm_kernels_nn, sm_kernels_shape};
  for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
    for (const SmKernelEntry *e = tables[t]; e->name; e++)
      if (strcmp(e->name, name) == 0) return e->fn;
  return NULL;
}

bool sm_interp_has_kernel(const char *name) { return name && find_kernel(name) != NULL; }

bool sm_interp_eval(SmContext *ctx, SmLoc *loc, const char *name, const SmAttr *props,
                    unsigned num_inputs, const SmTensor *const *inputs, unsigned num_outputs,
                    SmTensor *outputs) {
  SmKernelFn fn = find_kernel(name);
  if (!fn) return sm_emit_error(ctx, loc, "interpreter: no kernel for '%s'", name);
  SmKernelCtx k = {ctx, loc, name};
  return fn(&k, props, num_inputs, inputs, num_outputs, outputs);
}

/* Per-value state while running a function. */
typedef struct Slot {
  SmTensor t;
  unsigned uses_left;
  bool live;
} Slot;

static bool remember(Slot ***all, size_t *n, size_t *cap, Slot *s) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 64;
    Slot **na = realloc(*all, nc * sizeof *na);
    if (!na) return false;
    *all = na;
    *cap = nc;
  }
  (*all)[(*n)++] = s;
  return true;
}

bool sm_interp_run_func(SmOp *func, unsigned num_inputs, const SmTensor *inputs,
                        unsigned max_outputs, SmTensor *outputs, unsigned *num_outputs) {
  SmContext *ctx = sm_op_context(func);
  *num_outputs = 0;
  if (func->num_regions != 1 || !func->regions[0].first || func->regions[0].first != func->regions[0].last)
    return sm_op_emit_error(func, "interpreter: expected a function with a single block");
  SmBlock *body = func->regions[0].first;
  if (body->num_args != num_inputs)
    return sm_op_emit_error(func, "interpreter: function takes %u arguments, %u inputs given",
                            body->num_args, num_inputs);
  SmPtrMap slots;
  sm_ptrmap_init(&slots);
  /* Every slot is also kept in a list, so cleanup does not depend on the
   * map's internal layout. */
  Slot **all = NULL;
  size_t nall = 0, capall = 0;
  bool ok = true;
  /* Slots are allocated per value; the map owns nothing else. */
  for (unsigned i = 0; i < num_inputs && ok; i++) {
    SmValue *arg = body->args[i];
    SmTensor expect;
    if (!sm_tensor_alloc_for_type(&expect, arg->type)) {
      ok = sm_op_emit_error(func, "interpreter: argument %u has an unsupported type", i);
      break;
    }
    bool same = expect.dtype == inputs[i].dtype && expect.rank == inputs[i].rank &&
                memcmp(expect.dims, inputs[i].dims, expect.rank * sizeof(int64_t)) == 0;
    sm_tensor_free(&expect);
    if (!same) {
      ok = sm_op_emit_error(func, "interpreter: input %u does not match the argument type", i);
      break;
    }
    Slot *s = calloc(1, sizeof *s);
    /* A layout-encoded argument is held in its physical form. */
    if (!s || (sm_interp_type_encoded(arg->type) ? !sm_interp_to_storage(ctx, func->loc, arg->type, &inputs[i], &s->t)
                                                 : !sm_tensor_copy(&s->t, &inputs[i]))) {
      free(s);
      ok = sm_op_emit_error(func, "interpreter: out of memory");
      break;
    }
    s->uses_left = sm_value_num_uses(arg);
    s->live = true;
    if (!remember(&all, &nall, &capall, s)) {
      sm_tensor_free(&s->t);
      free(s);
      ok = sm_op_emit_error(func, "interpreter: out of memory");
      break;
    }
    sm_ptrmap_put(&slots, arg, s);
  }
  for (SmOp *op = body->first; op && ok; op = op->next) {
    if (sm_op_name_is(op, "func.return")) {
      if (op->num_operands > max_outputs) {
        ok = sm_op_emit_error(op, "interpreter: too many results (%u)", op->num_operands);
        break;
      }
      for (unsigned i = 0; i < op->num_operands; i++) {
        SmValue *rv = sm_op_operand(op, i);
        Slot *s = sm_ptrmap_get(&slots, rv);
        if (!s || (sm_interp_type_encoded(rv->type) ? !sm_interp_from_storage(ctx, op->loc, rv->type, &s->t, &outputs[i])
                                                    : !sm_tensor_copy(&outputs[i], &s->t))) {
          for (unsigned j = 0; j < i; j++) sm_tensor_free(&outputs[j]);
          ok = sm_op_emit_error(op, "interpreter: cannot produce result %u", i);
          break;
        }
      }
      if (ok) *num_outputs = op->num_operands;
      break;
    }
    const SmTensor *ins[64];
    SmTensor outs[64];
    if (op->num_operands > 64 || op->num_results > 64) {
      ok = sm_op_emit_error(op, "interpreter: too many operands or results");
      break;
    }
    for (unsigned i = 0; i < op->num_operands; i++) {
      Slot *s = sm_ptrmap_get(&slots, sm_op_operand(op, i));
      if (!s) {
        ok = sm_op_emit_error(op, "interpreter: operand %u has no value", i);
        break;
      }
      ins[i] = &s->t;
    }
    if (!ok) break;
    /* Layout-level ops (interp_layout.c) work on stored, possibly
     * layout-encoded tensors; graph kernels on row-major ones. */
    bool layout_op = sm_interp_layout_has_op(op);
    for (unsigned i = 0; i < op->num_operands && !layout_op && ok; i++)
      if (sm_interp_type_encoded(sm_op_operand(op, i)->type))
        ok = sm_op_emit_error(op, "interpreter: graph op on a tensor with a layout encoding");
    for (unsigned i = 0; i < op->num_results && !layout_op && ok; i++)
      if (sm_interp_type_encoded(op->results[i].type))
        ok = sm_op_emit_error(op, "interpreter: graph op with a layout-encoded result");
    if (!ok) break;
    unsigned made = 0;
    for (; made < op->num_results; made++)
      if (layout_op ? !sm_interp_value_alloc(ctx, op->loc, op->results[made].type, &outs[made])
                    : !sm_tensor_alloc_for_type(&outs[made], op->results[made].type)) {
        ok = sm_op_emit_error(op, "interpreter: result %u has an unsupported type", made);
        break;
      }
    if (ok && layout_op) ok = sm_interp_layout_eval(op, ins, outs);
    else if (ok)
      ok = sm_interp_eval(ctx, op->loc, op->name, op->props, op->num_operands, ins,
                          op->num_results, outs);
    if (!ok) {
      for (unsigned i = 0; i < made; i++) sm_tensor_free(&outs[i]);
      break;
    }
    for (unsigned i = 0; i < op->num_results; i++) {
      Slot *s = calloc(1, sizeof *s);
      if (!s) {
        for (unsigned j = i; j < op->num_results; j++) sm_tensor_free(&outs[j]);
        ok = sm_op_emit_error(op, "interpreter: out of memory");
        break;
      }
      s->t = outs[i];
      s->uses_left = sm_value_num_uses(&op->results[i]);
      s->live = true;
      if (!remember(&all, &nall, &capall, s)) {
        for (unsigned j = i; j < op->num_results; j++) sm_tensor_free(&outs[j]);
        free(s);
        ok = sm_op_emit_error(op, "interpreter: out of memory");
        break;
      }
      sm_ptrmap_put(&slots, &op->results[i], s);
    }
    /* Free operands after their last use to bound memory. */
    for (unsigned i = 0; i < op->num_operands && ok; i++) {
      Slot *s = sm_ptrmap_get(&slots, sm_op_operand(op, i));
      if (s && s->uses_left > 0 && --s->uses_left == 0) {
        sm_tensor_free(&s->t);
        s->live = false;
      }
    }
  }
  if (ok && *num_outputs == 0 && (!body->last || !sm_op_name_is(body->last, "func.return")))
    ok = sm_op_emit_error(func, "interpreter: function has no func.return");
  for (size_t i = 0; i < nall; i++) {
    if (all[i]->live) sm_tensor_free(&all[i]->t);
    free(all[i]);
  }
  free(all);
  sm_ptrmap_free(&slots);
  return ok;
}
