/* kernel dialect: op definitions and verifiers, the buffer type. */
#include "dialects/kernel/kernel.h"
#include "dialects/layout/layout.h"

#include <stdio.h>
#include <string.h>

static SmType *storage_type(SmContext *ctx, const char *kind, SmType *elem) {
  SmStrBuf b = {0};
  sm_strbuf_printf(&b, ".%s<", kind);
  sm_type_print(elem, &b);
  sm_strbuf_puts(&b, ">");
  SmType *t = sm_type_opaque(ctx, sm_intern_cstr(ctx, "kernel"), sm_intern_cstr(ctx, b.data));
  sm_strbuf_free(&b);
  return t;
}

/* Element type of !kernel.<kind><elem>; prefix is ".<kind><". */
static SmType *storage_elem(SmContext *ctx, const SmType *t, const char *prefix) {
  if (!t || t->kind != SM_TYPE_OPAQUE || strcmp(t->opaque.dialect, "kernel") != 0) return NULL;
  const char *r = t->opaque.rest;
  size_t n = strlen(r), p = strlen(prefix);
  if (strncmp(r, prefix, p) != 0 || n < p + 2 || r[n - 1] != '>') return NULL;
  char buf[64];
  if (n - p - 1 >= sizeof buf) return NULL;
  memcpy(buf, r + p, n - p - 1);
  buf[n - p - 1] = 0;
  /* Half storage: f32 values held as f16 (kernel.h). */
  if (!strcmp(buf, "f32, f16")) return sm_type_f32(ctx);
  /* The verifier asks for every load and store: skip the parser for the
   * element types kernels use (parser set-up dominated compile time). */
  if (!strcmp(buf, "f32")) return sm_type_f32(ctx);
  if (!strcmp(buf, "f16")) return sm_type_f16(ctx);
  if (!strcmp(buf, "i64")) return sm_type_integer(ctx, 64, SM_SIGNLESS);
  if (!strcmp(buf, "i32")) return sm_type_integer(ctx, 32, SM_SIGNLESS);
  if (!strcmp(buf, "i1")) return sm_type_integer(ctx, 1, SM_SIGNLESS);
  unsigned before = sm_context_error_count(ctx);
  SmType *e = sm_parse_type(ctx, buf);
  return sm_context_error_count(ctx) == before ? e : NULL;
}

SmType *sm_kernel_buffer_type(SmContext *ctx, SmType *elem) { return storage_type(ctx, "buffer", elem); }
SmType *sm_kernel_buffer_elem(SmContext *ctx, const SmType *t) { return storage_elem(ctx, t, ".buffer<"); }
SmType *sm_kernel_image_type(SmContext *ctx, SmType *elem) { return storage_type(ctx, "image", elem); }
SmType *sm_kernel_image_elem(SmContext *ctx, const SmType *t) { return storage_elem(ctx, t, ".image<"); }

static const char *const half_suffix = ", f16>";

bool sm_kernel_is_half_storage(SmContext *ctx, const SmType *t) {
  if (!sm_kernel_storage_elem(ctx, t)) return false;
  size_t n = strlen(t->opaque.rest), k = strlen(half_suffix);
  return n > k && !strcmp(t->opaque.rest + n - k, half_suffix);
}

SmType *sm_kernel_half_storage_type(SmContext *ctx, const SmType *t) {
  bool image = sm_kernel_image_elem(ctx, t) != NULL;
  SmType *e = sm_kernel_storage_elem(ctx, t);
  if (!e || e->kind != SM_TYPE_F32) return NULL;
  return sm_type_opaque(ctx, sm_intern_cstr(ctx, "kernel"), sm_intern_cstr(ctx, image ? ".image<f32, f16>" : ".buffer<f32, f16>"));
}

size_t sm_kernel_stored_elem_bytes(SmContext *ctx, const SmType *t) {
  if (sm_kernel_is_half_storage(ctx, t)) return 2;
  return sm_kernel_elem_bytes(sm_kernel_storage_elem(ctx, t));
}

SmType *sm_kernel_storage_elem(SmContext *ctx, const SmType *t) {
  SmType *e = sm_kernel_buffer_elem(ctx, t);
  return e ? e : sm_kernel_image_elem(ctx, t);
}

bool sm_kernel_image_size(SmContext *ctx, SmLoc *loc, const SmType *tensor, int64_t *width, int64_t *height) {
  *width = *height = 0;
  SmLayout l;
  if (tensor->kind != SM_TYPE_TENSOR || !tensor->shaped.encoding) return true;
  if (!sm_layout_from_attr(ctx, tensor->shaped.encoding, &l) || l.kind != SM_LAYOUT_IMAGE) return true;
  int64_t ext[3];
  if (!sm_layout_verify(ctx, loc, &l, tensor->shaped.rank, tensor->shaped.dims, ext)) return false;
  *height = ext[0];
  *width = ext[1];
  return true;
}

size_t sm_kernel_elem_bytes(const SmType *elem) {
  if (!elem) return 0;
  if (elem->kind == SM_TYPE_INTEGER) return elem->integer.width <= 8 ? 1 : (elem->integer.width + 7) / 8;
  switch (elem->kind) {
  case SM_TYPE_F16: case SM_TYPE_BF16: return 2;
  case SM_TYPE_F32: return 4;
  case SM_TYPE_F64: case SM_TYPE_INDEX: return 8;
  default: return 0;
  }
}

static int64_t int_prop(const SmOp *op, const char *name, bool *ok) {
  SmAttr *a = sm_op_get_prop(op, name);
  if (!a || a->kind != SM_ATTR_INTEGER) {
    *ok = false;
    return 0;
  }
  return a->integer.value;
}

static bool is_buffer(SmOp *op, SmValue *v) {
  return sm_kernel_buffer_elem(sm_op_context(op), v->type) != NULL;
}

static bool is_image(SmOp *op, SmValue *v) {
  return sm_kernel_image_elem(sm_op_context(op), v->type) != NULL;
}

static bool apply_verify(SmOp *op) {
  SmAttr *m = sm_op_get_prop(op, "map");
  if (!m || m->kind != SM_ATTR_AFFINE_MAP || m->map->num_results != 1 || m->map->num_symbols ||
      m->map->num_dims != op->num_operands)
    return sm_op_emit_error(op, "requires a 'map' with one result and one dim per operand");
  for (unsigned i = 0; i < op->num_operands; i++)
    if (op->operands[i].value->type->kind != SM_TYPE_INDEX) return sm_op_emit_error(op, "operands must be index");
  return true;
}

static bool access_verify(SmOp *op, unsigned first_coord, SmValue *buf) {
  if (!is_buffer(op, buf)) return sm_op_emit_error(op, "requires a !kernel.buffer operand");
  SmAttr *m = sm_op_get_prop(op, "map");
  unsigned nc = op->num_operands - first_coord;
  if (!m || m->kind != SM_ATTR_AFFINE_MAP || m->map->num_results != 1 || m->map->num_dims != nc)
    return sm_op_emit_error(op, "requires a 'map' from the %u coordinates to one offset", nc);
  for (unsigned i = first_coord; i < op->num_operands; i++)
    if (op->operands[i].value->type->kind != SM_TYPE_INDEX) return sm_op_emit_error(op, "coordinates must be index");
  SmAttr *shape = sm_op_get_prop(op, "shape");
  if (shape && (shape->kind != SM_ATTR_DENSE_ARRAY || shape->dense_array.count != nc))
    return sm_op_emit_error(op, "'shape' must have one extent per coordinate");
  return true;
}

static bool load_verify(SmOp *op) {
  if (op->num_operands < 1) return sm_op_emit_error(op, "requires a buffer operand");
  SmValue *buf = op->operands[0].value;
  if (!access_verify(op, 1, buf)) return false;
  if (sm_kernel_buffer_elem(sm_op_context(op), buf->type) != op->results[0].type)
    return sm_op_emit_error(op, "result type must be the buffer's element type");
  if (sm_op_get_prop(op, "pad") && !sm_op_get_prop(op, "shape"))
    return sm_op_emit_error(op, "a padded load needs a 'shape'");
  return true;
}

static bool store_verify(SmOp *op) {
  if (op->num_operands < 2) return sm_op_emit_error(op, "requires a value and a buffer");
  SmValue *buf = op->operands[1].value;
  if (!access_verify(op, 2, buf)) return false;
  if (sm_kernel_buffer_elem(sm_op_context(op), buf->type) != op->operands[0].value->type)
    return sm_op_emit_error(op, "stored value must have the buffer's element type");
  return true;
}

static bool image_read_verify(SmOp *op) {
  if (op->num_operands < 1 || !is_image(op, op->operands[0].value))
    return sm_op_emit_error(op, "requires a !kernel.image operand");
  SmAttr *m = sm_op_get_prop(op, "map");
  unsigned nc = op->num_operands - 1;
  if (!m || m->kind != SM_ATTR_AFFINE_MAP || m->map->num_results != 3 || m->map->num_dims != nc || m->map->num_symbols)
    return sm_op_emit_error(op, "requires a 'map' from the %u coordinates to (y, x, lane)", nc);
  for (unsigned i = 1; i < op->num_operands; i++)
    if (op->operands[i].value->type->kind != SM_TYPE_INDEX) return sm_op_emit_error(op, "coordinates must be index");
  if (sm_kernel_image_elem(sm_op_context(op), op->operands[0].value->type) != op->results[0].type)
    return sm_op_emit_error(op, "result type must be the image's element type");
  SmAttr *shape = sm_op_get_prop(op, "shape");
  if (shape && (shape->kind != SM_ATTR_DENSE_ARRAY || shape->dense_array.count != nc))
    return sm_op_emit_error(op, "'shape' must have one extent per coordinate");
  if (sm_op_get_prop(op, "pad") && !shape) return sm_op_emit_error(op, "a padded read needs a 'shape'");
  return true;
}

static bool image_write_verify(SmOp *op) {
  if (op->num_operands != 7 || !is_image(op, op->operands[4].value))
    return sm_op_emit_error(op, "requires 4 lane values, a !kernel.image and (y, x)");
  SmType *et = sm_kernel_image_elem(sm_op_context(op), op->operands[4].value->type);
  for (unsigned i = 0; i < 4; i++)
    if (op->operands[i].value->type != et) return sm_op_emit_error(op, "lane value #%u must have the image's element type", i);
  for (unsigned i = 5; i < 7; i++)
    if (op->operands[i].value->type->kind != SM_TYPE_INDEX) return sm_op_emit_error(op, "pixel coordinates must be index");
  return true;
}

static bool for_verify(SmOp *op) {
  bool ok = true;
  int64_t lo = int_prop(op, "lower", &ok), hi = int_prop(op, "upper", &ok), st = int_prop(op, "step", &ok);
  if (!ok || st <= 0 || hi < lo) return sm_op_emit_error(op, "requires integer lower <= upper and step > 0");
  SmBlock *b = op->regions[0].first;
  if (!b || b->next || b->num_args != op->num_operands + 1 || b->args[0]->type->kind != SM_TYPE_INDEX)
    return sm_op_emit_error(op, "body must be one block taking the induction variable and the iteration values");
  for (unsigned i = 0; i < op->num_operands; i++)
    if (b->args[i + 1]->type != op->operands[i].value->type || op->results[i].type != op->operands[i].value->type)
      return sm_op_emit_error(op, "iteration value #%u types must agree", i);
  SmOp *y = b->last;
  if (!y || !sm_op_name_is(y, "kernel.yield") || y->num_operands != op->num_results)
    return sm_op_emit_error(op, "body must end with kernel.yield of %u values", op->num_results);
  for (unsigned i = 0; i < y->num_operands; i++)
    if (y->operands[i].value->type != op->results[i].type) return sm_op_emit_error(op, "yield #%u has the wrong type", i);
  return true;
}

static bool global_id_verify(SmOp *op);

/* Combiners a kernel.group_reduce may name (associative and commutative). */
static const char *const group_kinds[] = {"arith.addf", "arith.mulf", "arith.maximumf", "arith.minimumf",
                                          "arith.maxnumf", "arith.minnumf", NULL};

bool sm_kernel_group_kind_ok(const char *kind) {
  for (unsigned i = 0; group_kinds[i]; i++)
    if (!strcmp(kind, group_kinds[i])) return true;
  return false;
}

static SmOp *enclosing_func(SmOp *op) {
  for (SmOp *p = sm_op_parent_op(op); p; p = sm_op_parent_op(p))
    if (sm_op_name_is(p, "kernel.func")) return p;
  return NULL;
}

static bool in_group_kernel(SmOp *op) {
  SmOp *f = enclosing_func(op);
  if (!f || !sm_op_get_prop(f, "group_size"))
    return sm_op_emit_error(op, "is only valid in a kernel.func with a 'group_size'");
  for (SmOp *p = sm_op_parent_op(op); p && p != f; p = sm_op_parent_op(p))
    if (sm_op_name_is(p, "kernel.group_reduce") || sm_op_name_is(p, "kernel.group_for") || sm_op_name_is(p, "kernel.for"))
      return sm_op_emit_error(op, "must be at the top level of its kernel.func (every work-item of the group reaches it)");
  return true;
}

/* kernel.group_reduce: a kernel.for with one carried value whose body ends
 * in `kernel.yield (kind %acc, %v)`, %acc used only there, so that the
 * iterations can be split over the work-group and the partial results
 * combined with `kind`. */
static bool group_reduce_verify(SmOp *op) {
  if (!for_verify(op) || !in_group_kernel(op)) return false;
  SmAttr *k = sm_op_get_prop(op, "kind");
  if (!k || k->kind != SM_ATTR_STRING || !sm_kernel_group_kind_ok(k->string.data))
    return sm_op_emit_error(op, "requires a 'kind': arith.addf, arith.mulf, arith.maximumf, arith.minimumf, arith.maxnumf or arith.minnumf");
  if (op->num_operands != 1 || !sm_type_is_float(op->results[0].type))
    return sm_op_emit_error(op, "carries exactly one float value");
  SmBlock *b = op->regions[0].first;
  SmOp *y = b->last;
  SmOp *c = sm_value_defining_op(y->operands[0].value);
  SmValue *acc = b->args[1];
  if (!c || !sm_op_name_is(c, k->string.data) || c->block != b || c->num_operands != 2 ||
      (c->operands[0].value != acc && c->operands[1].value != acc) || !acc->uses || acc->uses->next)
    return sm_op_emit_error(op, "body must yield '%s' of the carried value (used nowhere else) and the iteration's value", k->string.data);
  return true;
}

static bool group_for_verify(SmOp *op) {
  if (op->num_operands || op->num_results) return sm_op_emit_error(op, "carries no values");
  return for_verify(op) && in_group_kernel(op);
}

static bool group_id_verify(SmOp *op) {
  return global_id_verify(op) && in_group_kernel(op);
}

static bool func_verify(SmOp *op) {
  SmAttr *ft = sm_op_get_prop(op, "function_type");
  if (!ft || ft->kind != SM_ATTR_TYPE || ft->type->kind != SM_TYPE_FUNCTION || ft->type->func.num_results)
    return sm_op_emit_error(op, "requires a 'function_type' with no results");
  SmBlock *b = op->regions[0].first;
  if (!b || b->num_args != ft->type->func.num_inputs) return sm_op_emit_error(op, "body arguments must match the function type");
  for (unsigned i = 0; i < b->num_args; i++) {
    if ((!is_buffer(op, b->args[i]) && !is_image(op, b->args[i])) || b->args[i]->type != ft->type->func.inputs[i])
      return sm_op_emit_error(op, "argument #%u must be the declared !kernel.buffer or !kernel.image", i);
    bool read = false, written = false;
    for (SmUse *u = b->args[i]->uses; u; u = u->next) {
      if (sm_op_name_is(u->owner, "kernel.image_read")) read = true;
      if (sm_op_name_is(u->owner, "kernel.image_write")) written = true;
    }
    if (read && written)
      return sm_op_emit_error(op, "image argument #%u is both read and written (OpenCL C 1.2 images are read-only or write-only in a kernel)", i);
  }
  bool ok = true;
  if (int_prop(op, "work_items", &ok) <= 0 || !ok) return sm_op_emit_error(op, "requires a positive 'work_items'");
  if (sm_op_get_prop(op, "group_size")) {
    int64_t g = int_prop(op, "group_size", &ok);
    if (!ok || g < 1 || g > 1024 || (g & (g - 1)))
      return sm_op_emit_error(op, "'group_size' must be a power of two in [1, 1024]");
  }
  return true;
}

static bool typed_buffer_verify(SmOp *op) {
  SmAttr *t = sm_op_get_prop(op, "type");
  if (!t || t->kind != SM_ATTR_TYPE || t->type->kind != SM_TYPE_TENSOR)
    return sm_op_emit_error(op, "requires a 'type' tensor type");
  SmContext *ctx = sm_op_context(op);
  int64_t w, h;
  if (!sm_kernel_image_size(ctx, op->loc, t->type, &w, &h)) return false;
  if (sm_kernel_is_half_storage(ctx, op->results[0].type) && !sm_op_name_is(op, "kernel.alloc"))
    return sm_op_emit_error(op, "half storage is for intermediate buffers (kernel.alloc) only");
  if (w) {
    if (sm_kernel_image_elem(ctx, op->results[0].type) != t->type->shaped.elem)
      return sm_op_emit_error(op, "result must be a !kernel.image of the tensor's element type (its layout is an image)");
    return true;
  }
  if (sm_kernel_buffer_elem(ctx, op->results[0].type) != t->type->shaped.elem)
    return sm_op_emit_error(op, "result must be a !kernel.buffer of the tensor's element type");
  return true;
}

static bool input_verify(SmOp *op) {
  bool ok = true;
  if (int_prop(op, "index", &ok) < 0 || !ok) return sm_op_emit_error(op, "requires an 'index'");
  return typed_buffer_verify(op);
}

static bool weight_verify(SmOp *op) {
  SmAttr *v = sm_op_get_prop(op, "value");
  if (!v || (v->kind != SM_ATTR_DENSE_ELEMENTS && v->kind != SM_ATTR_DENSE_RESOURCE))
    return sm_op_emit_error(op, "requires a dense or dense_resource 'value'");
  return true;
}

static bool launch_verify(SmOp *op) {
  SmAttr *c = sm_op_get_prop(op, "callee");
  if (!c || c->kind != SM_ATTR_SYMBOL_REF) return sm_op_emit_error(op, "requires a 'callee' symbol");
  SmOp *f = sm_symbol_lookup_from(op, c);
  if (!f || !sm_op_name_is(f, "kernel.func")) return sm_op_emit_error(op, "callee @%s is not a kernel.func", c->symref.root);
  SmType *ft = sm_op_get_prop(f, "function_type")->type;
  if (ft->func.num_inputs != op->num_operands) return sm_op_emit_error(op, "passes %u buffers, @%s takes %u", op->num_operands, c->symref.root, ft->func.num_inputs);
  for (unsigned i = 0; i < op->num_operands; i++)
    if (op->operands[i].value->type != ft->func.inputs[i]) return sm_op_emit_error(op, "buffer #%u has the wrong type", i);
  return true;
}

static bool output_verify(SmOp *op) {
  bool ok = true;
  if (int_prop(op, "index", &ok) < 0 || !ok) return sm_op_emit_error(op, "requires an 'index'");
  if (!is_buffer(op, op->operands[0].value) && !is_image(op, op->operands[0].value))
    return sm_op_emit_error(op, "requires a !kernel.buffer or !kernel.image operand");
  if (sm_kernel_is_half_storage(sm_op_context(op), op->operands[0].value->type))
    return sm_op_emit_error(op, "an output is read back as f32: its buffer cannot have half storage");
  return true;
}

static bool global_id_verify(SmOp *op) {
  if (op->results[0].type->kind != SM_TYPE_INDEX) return sm_op_emit_error(op, "result must be index");
  return true;
}

static const char *const func_props[] = {"function_type", "group_size", "sym_name", "work_items", NULL};
static const char *const group_reduce_props[] = {"kind", "lower", "step", "upper", NULL};
static const char *const map_props[] = {"map", NULL};
static const char *const load_props[] = {"map", "pad", "shape", NULL};
static const char *const for_props[] = {"lower", "step", "upper", NULL};
static const char *const host_props[] = {"sym_name", NULL};
static const char *const input_props[] = {"index", "type", NULL};
static const char *const weight_props[] = {"type", "value", NULL};
static const char *const alloc_props[] = {"slot", "type", NULL};
static const char *const launch_props[] = {"callee", "work_items", NULL};
static const char *const output_props[] = {"index", NULL};

static SmOpDef kernel_ops[] = {
    {.name = "kernel.func", .summary = "a device kernel over !kernel.buffer arguments", .num_regions = 1,
     .traits = SM_TRAIT_SYMBOL | SM_TRAIT_ISOLATED_FROM_ABOVE | SM_TRAIT_NO_TERMINATOR | SM_TRAIT_SINGLE_BLOCK,
     .props = func_props, .verify = func_verify},
    {.name = "kernel.global_id", .summary = "work-item index", .num_results = 1, .traits = SM_TRAIT_PURE,
     .verify = global_id_verify},
    {.name = "kernel.apply", .summary = "affine map applied to index values", .num_operands = SM_VARIADIC,
     .num_results = 1, .traits = SM_TRAIT_PURE, .props = map_props, .verify = apply_verify},
    {.name = "kernel.for", .summary = "counted loop with iteration values", .num_operands = SM_VARIADIC,
     .num_results = SM_VARIADIC, .num_regions = 1, .traits = SM_TRAIT_RECURSIVE_EFFECTS | SM_TRAIT_SINGLE_BLOCK,
     .props = for_props, .verify = for_verify},
    {.name = "kernel.group_id", .summary = "work-group index (kernels with a group_size)", .num_results = 1,
     .traits = SM_TRAIT_PURE, .verify = group_id_verify},
    {.name = "kernel.group_reduce", .summary = "reduction whose iterations the work-group shares (partials combined by 'kind')",
     .num_operands = SM_VARIADIC, .num_results = SM_VARIADIC, .num_regions = 1,
     .traits = SM_TRAIT_RECURSIVE_EFFECTS | SM_TRAIT_SINGLE_BLOCK, .props = group_reduce_props, .verify = group_reduce_verify},
    {.name = "kernel.group_for", .summary = "loop whose iterations the work-group shares", .num_regions = 1,
     .traits = SM_TRAIT_RECURSIVE_EFFECTS | SM_TRAIT_SINGLE_BLOCK, .props = for_props, .verify = group_for_verify},
    {.name = "kernel.yield", .summary = "ends a kernel.for body", .num_operands = SM_VARIADIC,
     .traits = SM_TRAIT_PURE | SM_TRAIT_TERMINATOR | SM_TRAIT_RETURN_LIKE},
    {.name = "kernel.load", .summary = "read a buffer element", .num_operands = SM_VARIADIC, .num_results = 1,
     .props = load_props, .verify = load_verify},
    {.name = "kernel.store", .summary = "write a buffer element", .num_operands = SM_VARIADIC,
     .props = map_props, .verify = store_verify},
    {.name = "kernel.image_read", .summary = "read one lane of an image pixel", .num_operands = SM_VARIADIC,
     .num_results = 1, .props = load_props, .verify = image_read_verify},
    {.name = "kernel.image_write", .summary = "write a whole image pixel (4 lanes)", .num_operands = SM_VARIADIC,
     .verify = image_write_verify},
    {.name = "kernel.host", .summary = "host plan: buffers and launches in order", .num_regions = 1,
     .traits = SM_TRAIT_SYMBOL | SM_TRAIT_NO_TERMINATOR | SM_TRAIT_GRAPH_REGION | SM_TRAIT_SINGLE_BLOCK,
     .props = host_props},
    {.name = "kernel.input", .summary = "buffer holding a model input", .num_results = 1, .props = input_props,
     .verify = input_verify},
    {.name = "kernel.weight", .summary = "buffer holding a constant, uploaded once", .num_results = 1,
     .props = weight_props, .verify = weight_verify},
    {.name = "kernel.alloc", .summary = "intermediate buffer (slot: its memory after planning)",
     .num_results = 1, .props = alloc_props, .verify = typed_buffer_verify},
    {.name = "kernel.launch", .summary = "run a kernel", .num_operands = SM_VARIADIC, .props = launch_props,
     .verify = launch_verify},
    {.name = "kernel.output", .summary = "read a buffer back as a model output", .num_operands = 1,
     .props = output_props, .verify = output_verify},
};

static SmDialect kernel_dialect = {
    .name = "kernel",
    .summary = "GPU kernels (work-items, loops, loads, stores) and the host plan",
    .ops = kernel_ops,
    .num_ops = sizeof kernel_ops / sizeof kernel_ops[0],
};

void sm_register_kernel_dialect(SmContext *ctx) {
  if (!sm_context_lookup_dialect(ctx, "kernel")) sm_context_register_dialect(ctx, &kernel_dialect);
}
