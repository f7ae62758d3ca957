/* smartmem-half-storage: intermediate activations stored as IEEE half.
 *
 * Runs on kernel-level IR (after convert-layout-to-kernel, before
 * kernel-plan-memory, which then plans half the bytes). Every kernel.alloc
 * holding f32 that no kernel.output reads back becomes half storage
 * (!kernel.buffer<f32, f16>: a `half` buffer read with vload_half and
 * written with vstore_half; !kernel.image<f32, f16>: a CL_HALF_FLOAT image),
 * and the arguments of the kernels it is passed to follow. Function
 * arguments (kernel.input), results (buffers read by kernel.output) and
 * weights (kernel.weight) keep f32, as do non-f32 tensors (integer indices,
 * i1 masks). Only the memory changes: loads widen exactly and stores round
 * to nearest even, so every kernel computes and accumulates in f32 and one
 * rounding (relative error <= 2^-11) is added per stored activation.
 *
 * Which device allows it (docs/smartmem-layouts.md, "Half storage"): half
 * buffers through vload_half/vstore_half and CL_RGBA/CL_HALF_FLOAT images
 * through read_imagef/write_imagef are core OpenCL C 1.2, so storage=f16
 * applies on any device (the runtime checks the device lists the image
 * format); storage=auto applies when the device profile says `fp16: true`
 * (the device computes in half natively, i.e. half precision is what it is
 * built for), and storage=f32 does nothing. */
#include "dialects/kernel/kernel.h"
#include "passes/smartmem/device_profile.h"
#include "passes/smartmem/smartmem.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static bool read_back(SmValue *v) {
  for (SmUse *u = v->uses; u; u = u->next)
    if (sm_op_name_is(u->owner, "kernel.output")) return true;
  return false;
}

/* Gives argument i of kernel.func fn the type t (block argument and
 * function_type). */
static void retype_arg(SmContext *c, SmOp *fn, unsigned i, SmType *t) {
  SmBlock *b = fn->regions[0].first;
  b->args[i]->type = t;
  SmType *ft = sm_op_get_prop(fn, "function_type")->type;
  SmType *ins[64];
  for (unsigned k = 0; k < ft->func.num_inputs && k < 64; k++) ins[k] = k == i ? t : ft->func.inputs[k];
  sm_op_set_prop(fn, "function_type", sm_attr_type(c, sm_type_function(c, ft->func.num_inputs, ins, 0, NULL)));
}

static bool half_host(SmContext *c, SmOp *host, SmHalfStorageReport *r) {
  SmBlock *b = host->regions[0].first;
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) {
    if (!sm_op_name_is(op, "kernel.alloc")) continue;
    SmValue *v = &op->results[0];
    SmType *ht = sm_kernel_half_storage_type(c, v->type);
    if (!ht || ht == v->type) continue;
    SmType *t = sm_op_get_prop(op, "type")->type;
    int64_t bytes = sm_type_num_elements(t) * 4;
    if (read_back(v)) {
      r->f32_bytes += bytes;
      continue;
    }
    v->type = ht;
    r->buffers += sm_kernel_image_elem(c, ht) ? 0 : 1;
    r->images += sm_kernel_image_elem(c, ht) ? 1 : 0;
    r->half_bytes += bytes / 2;
  }
  /* The kernels take what the plan passes them. A kernel.func launched
   * twice with different storage would need a copy per storage: the kernel
   * lowering emits one launch per kernel, so this is refused. */
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) {
    if (!sm_op_name_is(op, "kernel.launch")) continue;
    SmAttr *callee = sm_op_get_prop(op, "callee");
    SmOp *fn = callee && callee->kind == SM_ATTR_SYMBOL_REF ? sm_symbol_lookup_from(op, callee) : NULL;
    if (!fn || !sm_op_name_is(fn, "kernel.func")) return sm_op_emit_error(op, "callee is not a kernel.func");
    SmBlock *kb = fn->regions[0].first;
    if (!kb || kb->num_args != op->num_operands || op->num_operands > 64)
      return sm_op_emit_error(op, "passes %u buffers, the kernel takes %u", op->num_operands, kb ? kb->num_args : 0);
    for (unsigned i = 0; i < op->num_operands; i++) {
      SmType *want = op->operands[i].value->type;
      if (kb->args[i]->type == want) continue;
      if (fn->scratch == 1 || sm_kernel_half_storage_type(c, kb->args[i]->type) != want)
        return sm_op_emit_error(op, "buffer #%u of @%s has storage different from another launch of it", i,
                                sm_op_symbol_name(fn));
      retype_arg(c, fn, i, want);
    }
    fn->scratch = 1;
  }
  return true;
}

bool sm_smartmem_half_storage(SmOp *module, const char *storage, const char *profile, SmHalfStorageReport *report) {
  SmContext *c = sm_op_context(module);
  SmHalfStorageReport r = {0};
  bool on;
  if (!strcmp(storage, "f16")) on = true;
  else if (!strcmp(storage, "f32")) on = false;
  else if (!strcmp(storage, "auto")) {
    SmDeviceProfile dp;
    if (!sm_device_profile_for(module, profile, &dp)) return false;
    on = dp.fp16;
  } else {
    return sm_op_emit_error(module, "smartmem-half-storage: storage must be f32, f16 or auto, not '%s'", storage);
  }
  r.applied = on;
  SmBlock *mb = module->regions[0].first;
  for (SmOp *op = mb ? mb->first : NULL; op; op = op->next)
    if (sm_op_name_is(op, "kernel.func")) op->scratch = 0;
  for (SmOp *op = mb ? mb->first : NULL; on && op; op = op->next)
    if (sm_op_name_is(op, "kernel.host") && !half_host(c, op, &r)) return false;
  if (report) *report = r;
  return true;
}

static const SmPassOption half_options[] = {
    {"storage", SM_PASS_OPT_STRING, "f16", "f16: store activations as half; auto: when the device profile has fp16; f32: no change"},
    {"device-profile", SM_PASS_OPT_STRING, "", "device profile NAME or FILE for storage=auto (default: the module's smartmem.device_profile)"},
    {"report", SM_PASS_OPT_BOOL, "false", "print how many buffers and images became half and their bytes"},
};

static bool run_half(SmOp *op, SmPassRun *run) {
  SmHalfStorageReport r;
  if (!sm_smartmem_half_storage(op, sm_pass_run_string(run, "storage"), sm_pass_run_string(run, "device-profile"), &r))
    return false;
  if (sm_pass_run_bool(run, "report"))
    fprintf(sm_pass_run_stream(run),
            "smartmem-half-storage: %s; %ld buffers and %ld images in half (%" PRId64 " bytes), %" PRId64
            " bytes of results stay f32\n",
            r.applied ? "f16" : "off", r.buffers, r.images, r.half_bytes, r.f32_bytes);
  return true;
}

const SmPassDef sm_smartmem_half_storage_pass = {
    .argument = "smartmem-half-storage",
    .summary = "Store intermediate f32 activations as half (half buffers, CL_HALF_FLOAT images); arithmetic stays f32",
    .anchor = "builtin.module",
    .options = half_options,
    .num_options = 3,
    .run = run_half,
};
