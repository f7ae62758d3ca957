/* SPIR-V emission from the kernel dialect: one module, one OpEntryPoint
 * Kernel per kernel.func. Values map one-to-one onto SPIR-V ids (SSA in,
 * SSA out); kernel.for becomes a structured loop whose header phis carry
 * the iteration values; index arithmetic is 64-bit. Scalar and kernel ops
 * are lowered through one table (lowerings[] below): adding an op is adding
 * a row. The meaning of each op follows backend/opencl/emit_opencl.c, so
 * both backends compute the same numbers. */
#include "backend/spirv/spirv.h"
#include "backend/spirv/spirv_module.h"
#include "dialects/kernel/held_narrow.h"
#include "dialects/kernel/kernel.h"
#include "ir/fp16.h"

#include <math.h>
#include <spirv/unified1/OpenCL.std.h>
#include <stdlib.h>
#include <string.h>

typedef struct Em {
  SmContext *ctx;
  SpvModule *m;
  SmPtrMap ids;      /* value -> id */
  SmPtrMap nonneg;   /* value -> non-NULL when known >= 0 */
  SmPtrMap lowering; /* interned op name -> const Lowering * */
  SmPtrMap elems;    /* !kernel.buffer / !kernel.image type -> element type (parsing it is slow) */
  uint32_t gid_var;  /* the GlobalInvocationId input variable */
  uint32_t wg_var;   /* WorkgroupId, 0 until a work-group kernel needs it */
  uint32_t lid_var;  /* LocalInvocationId, likewise */
  int64_t group;     /* group_size of the kernel being written (0: none) */
  uint32_t lid;      /* its local id (i64), loaded at the entry */
  uint32_t red[2];   /* its __local f32 / f64 reduction arrays (0: none) */
  uint32_t block;    /* label of the block being written */
  bool ok;
} Em;

typedef struct Lowering Lowering;
typedef void (*EmitFn)(Em *e, SmOp *op, const Lowering *l);
struct Lowering {
  const char *name;
  EmitFn emit;
  uint32_t code;     /* SPIR-V opcode or OpenCL.std instruction */
  uint32_t alt_code; /* the same on i1 (logical ops), 0: none */
};

#define FN SPV_SEC_FUNCTION

/* ---- types and constants ------------------------------------------------ */

static uint32_t t_void(Em *e) { return spv_type(e->m, SpvOpTypeVoid, NULL, 0); }
static uint32_t t_bool(Em *e) { return spv_type(e->m, SpvOpTypeBool, NULL, 0); }

static uint32_t t_int(Em *e, unsigned width) {
  if (width == 8) spv_capability(e->m, SpvCapabilityInt8);
  if (width == 16) spv_capability(e->m, SpvCapabilityInt16);
  if (width == 64) spv_capability(e->m, SpvCapabilityInt64);
  return spv_type(e->m, SpvOpTypeInt, SPV_ARGS(width, 0)); /* OpenCL: signedness 0 */
}

static uint32_t t_float(Em *e, unsigned width) {
  if (width == 64) spv_capability(e->m, SpvCapabilityFloat64);
  return spv_type(e->m, SpvOpTypeFloat, SPV_ARGS(width));
}

static uint32_t t_i64(Em *e) { return t_int(e, 64); }
static uint32_t t_vec(Em *e, uint32_t elem, unsigned n) { return spv_type(e->m, SpvOpTypeVector, SPV_ARGS(elem, n)); }
static uint32_t t_ptr(Em *e, SpvStorageClass sc, uint32_t elem) { return spv_type(e->m, SpvOpTypePointer, SPV_ARGS(sc, elem)); }

/* SPIR-V type of an SSA value (i1: bool); 0 when unsupported. */
static uint32_t vtype(Em *e, const SmType *t) {
  switch (t->kind) {
  case SM_TYPE_INDEX: return t_i64(e);
  case SM_TYPE_F16: return 0; /* Float16 needs cl_khr_fp16: not valid OpenCL 1.2 SPIR-V (diagnosed by callers) */
  case SM_TYPE_F32: return t_float(e, 32);
  case SM_TYPE_F64: return t_float(e, 64);
  case SM_TYPE_INTEGER:
    switch (t->integer.width) {
    case 1: return t_bool(e);
    case 8: case 16: case 32: case 64: return t_int(e, t->integer.width);
    default: return 0;
    }
  default: return 0;
  }
}

static bool is_bool(const SmType *t) { return t->kind == SM_TYPE_INTEGER && t->integer.width == 1; }
static bool is_float(const SmType *t) { return t->kind == SM_TYPE_F16 || t->kind == SM_TYPE_F32 || t->kind == SM_TYPE_F64; }

/* Type of a buffer element in memory (i1 is stored as a byte). */
static uint32_t stype(Em *e, const SmType *t) { return is_bool(t) ? t_int(e, 8) : vtype(e, t); }

static uint32_t c_int(Em *e, unsigned width, int64_t v) {
  uint64_t u = (uint64_t)v;
  if (width < 64) u &= (1ull << width) - 1;
  uint32_t w[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
  return spv_const(e->m, t_int(e, width), w, width == 64 ? 2 : 1);
}
static uint32_t c_i64(Em *e, int64_t v) { return c_int(e, 64, v); }

static uint32_t c_float(Em *e, const SmType *t, double v) {
  if (t->kind == SM_TYPE_F64) {
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    uint32_t w[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
    return spv_const(e->m, t_float(e, 64), w, 2);
  }
  uint32_t w = sm_f32_bits((float)v); /* f32 (f16 values are refused before) */
  return spv_const(e->m, t_float(e, 32), &w, 1);
}

/* A literal attribute (arith.constant's value, a padded read's pad) as a
 * constant of value type t; 0 (diagnosed at op) when it cannot be one. */
static uint32_t c_attr(Em *e, SmOp *op, SmAttr *a, const SmType *t) {
  double d = 0;
  int64_t i = 0;
  if (a->kind == SM_ATTR_FLOAT) /* (int64_t) of NaN, inf or out of range would be undefined */
    d = a->fp.value, i = isfinite(d) && fabs(d) < 9.2e18 ? (int64_t)d : 0;
  else if (a->kind == SM_ATTR_INTEGER) d = (double)a->integer.value, i = a->integer.value;
  else if (a->kind == SM_ATTR_BOOL) d = i = a->boolean;
  else return e->ok = sm_op_emit_error(op, "has a value the SPIR-V emitter cannot encode"), 0;
  if (is_bool(t)) return spv_const_bool(e->m, t_bool(e), i != 0);
  if (is_float(t)) return c_float(e, t, d);
  if (t->kind == SM_TYPE_INDEX) return c_i64(e, i);
  if (t->kind == SM_TYPE_INTEGER && vtype(e, t)) return c_int(e, t->integer.width, i);
  return e->ok = sm_op_emit_error(op, "has a value the SPIR-V emitter cannot encode"), 0;
}

/* Element type of a buffer or image type, NULL for others; cached. */
static SmType *storage_elem(Em *e, SmType *t) {
  SmType *el = sm_ptrmap_get(&e->elems, t);
  if (!el && (el = sm_kernel_storage_elem(e->ctx, t))) sm_ptrmap_put(&e->elems, t, el);
  return el;
}

/* !kernel.image<..> (checked on the type's text: no parse). */
static bool is_image(Em *e, SmType *t) {
  return storage_elem(e, t) && t->kind == SM_TYPE_OPAQUE && !strncmp(t->opaque.rest, ".image<", 7);
}

/* ---- values --------------------------------------------------------------- */

static void def(Em *e, SmValue *v, uint32_t id) { sm_ptrmap_put(&e->ids, v, (void *)(uintptr_t)id); }

static uint32_t val(Em *e, SmOp *user, SmValue *v) {
  uint32_t id = (uint32_t)(uintptr_t)sm_ptrmap_get(&e->ids, v);
  if (!id && e->ok) e->ok = sm_op_emit_error(user, "uses a value defined outside the kernel");
  return id;
}

static bool known_nonneg(Em *e, SmValue *v) { return sm_ptrmap_get(&e->nonneg, v) != NULL; }
static void set_nonneg(Em *e, SmValue *v) { sm_ptrmap_put(&e->nonneg, v, (void *)1); }

/* result = op(type, operands...) in the function section. */
static uint32_t inst(Em *e, SpvOp op, uint32_t type, const uint32_t *args, unsigned n) {
  uint32_t ops[16], id = spv_id(e->m);
  ops[0] = type;
  ops[1] = id;
  memcpy(ops + 2, args, n * sizeof *args);
  spv_inst(e->m, FN, op, ops, n + 2);
  return id;
}
#define INST(e, op, type, ...) inst((e), (op), (type), SPV_ARGS(__VA_ARGS__))

static uint32_t ext(Em *e, uint32_t type, uint32_t which, const uint32_t *args, unsigned n) {
  uint32_t ops[8] = {spv_opencl_std(e->m), which};
  memcpy(ops + 2, args, n * sizeof *args);
  return inst(e, SpvOpExtInst, type, ops, n + 2);
}

static void label(Em *e, uint32_t id) {
  SPV(e->m, FN, SpvOpLabel, id);
  e->block = id;
}

/* bool -> 0/1 of an integer type (what OpenCL C does with a comparison). */
static uint32_t bool_to_int(Em *e, uint32_t b, unsigned width) {
  return INST(e, SpvOpSelect, t_int(e, width), b, c_int(e, width, 1), c_int(e, width, 0));
}

/* ---- affine index arithmetic (64-bit, floor semantics) ------------------- */

static bool expr_nonneg(const SmAffineExpr *x, const bool *dnn) {
  switch (x->kind) {
  case SM_AFFINE_CONST: return x->value >= 0;
  case SM_AFFINE_DIM: return dnn[x->position];
  case SM_AFFINE_SYMBOL: return false;
  case SM_AFFINE_ADD: case SM_AFFINE_MUL: return expr_nonneg(x->bin.lhs, dnn) && expr_nonneg(x->bin.rhs, dnn);
  default: return expr_nonneg(x->bin.lhs, dnn) && x->bin.rhs->kind == SM_AFFINE_CONST && x->bin.rhs->value > 0;
  }
}

static uint32_t aexpr(Em *e, SmOp *op, const SmAffineExpr *x, SmValue *const *dims, const bool *dnn) {
  uint32_t i64 = t_i64(e);
  switch (x->kind) {
  case SM_AFFINE_CONST: return c_i64(e, x->value);
  case SM_AFFINE_DIM: return val(e, op, dims[x->position]);
  case SM_AFFINE_SYMBOL: e->ok = sm_op_emit_error(op, "has an affine map with symbols (not supported by the SPIR-V emitter)"); return 0;
  default: break;
  }
  uint32_t a = aexpr(e, op, x->bin.lhs, dims, dnn), b = aexpr(e, op, x->bin.rhs, dims, dnn);
  switch (x->kind) {
  case SM_AFFINE_ADD: return INST(e, SpvOpIAdd, i64, a, b);
  case SM_AFFINE_MUL: return INST(e, SpvOpIMul, i64, a, b);
  default: break;
  }
  /* Non-negative operands and a positive divisor: C's / and % are floor's. */
  if (x->kind != SM_AFFINE_CEILDIV && expr_nonneg(x, dnn))
    return INST(e, x->kind == SM_AFFINE_MOD ? SpvOpSRem : SpvOpSDiv, i64, a, b);
  if (x->kind == SM_AFFINE_MOD) return INST(e, SpvOpSMod, i64, a, b); /* sign of the divisor */
  if (x->kind == SM_AFFINE_CEILDIV) a = INST(e, SpvOpSNegate, i64, a);
  /* floor(a / b) = (a - a mod b) / b, exact */
  uint32_t q = INST(e, SpvOpSDiv, i64, INST(e, SpvOpISub, i64, a, INST(e, SpvOpSMod, i64, a, b)), b);
  return x->kind == SM_AFFINE_CEILDIV ? INST(e, SpvOpSNegate, i64, q) : q;
}

/* The coordinate operands op->operands[first..] and whether they are >= 0. */
static bool coords(Em *e, SmOp *op, unsigned first, SmValue **co, bool *dnn) {
  unsigned nc = op->num_operands - first;
  if (nc > 16) return e->ok = sm_op_emit_error(op, "has too many coordinates for the SPIR-V emitter");
  for (unsigned i = 0; i < nc; i++) co[i] = op->operands[first + i].value, dnn[i] = true;
  return true;
}

/* In-bounds test of a padded access: c0 < n0 && ... (and c >= 0 where not known). */
static uint32_t in_bounds(Em *e, SmOp *op, unsigned first) {
  SmAttr *shape = sm_op_get_prop(op, "shape");
  uint32_t tb = t_bool(e), all = 0;
  for (unsigned i = first; i < op->num_operands; i++) {
    SmValue *c = op->operands[i].value;
    uint32_t cid = val(e, op, c);
    uint32_t t = INST(e, SpvOpSLessThan, tb, cid, c_i64(e, sm_attr_dense_array_get_i64(shape, i - first)));
    if (!known_nonneg(e, c)) t = INST(e, SpvOpLogicalAnd, tb, t, INST(e, SpvOpSGreaterThanEqual, tb, cid, c_i64(e, 0)));
    all = all ? INST(e, SpvOpLogicalAnd, tb, all, t) : t;
  }
  return all;
}

/* ---- kernel ops ------------------------------------------------------------ */

/* Component 0 of a size_t[3] builtin input variable. */
static uint32_t builtin_x(Em *e, uint32_t var) {
  uint32_t v3 = INST(e, SpvOpLoad, t_vec(e, t_i64(e), 3), var, SpvMemoryAccessAlignedMask, 32);
  return INST(e, SpvOpCompositeExtract, t_i64(e), v3, 0);
}

static void emit_global_id(Em *e, SmOp *op, const Lowering *l) {
  def(e, &op->results[0], builtin_x(e, e->gid_var));
  set_nonneg(e, &op->results[0]);
}

static void emit_group_id(Em *e, SmOp *op, const Lowering *l) {
  if (!e->group) {
    e->ok = sm_op_emit_error(op, "needs a kernel.func with a group_size");
    return;
  }
  def(e, &op->results[0], builtin_x(e, e->wg_var));
  set_nonneg(e, &op->results[0]);
}

static void emit_apply(Em *e, SmOp *op, const Lowering *l) {
  SmAffineMap *m = sm_op_get_prop(op, "map")->map;
  SmValue *dims[16];
  bool dnn[16];
  if (!coords(e, op, 0, dims, dnn)) return;
  for (unsigned i = 0; i < op->num_operands; i++) dnn[i] = known_nonneg(e, dims[i]);
  def(e, &op->results[0], aexpr(e, op, m->results[0], dims, dnn));
  if (expr_nonneg(m->results[0], dnn)) set_nonneg(e, &op->results[0]);
}

/* Offset map(coords); a padded access (in_range != 0) reads element 0
 * instead when out of range, so no access leaves the buffer. */
static uint32_t element_off(Em *e, SmOp *op, unsigned first, uint32_t in_range) {
  SmValue *co[16];
  bool dnn[16];
  if (!coords(e, op, first, co, dnn)) return 0;
  uint32_t off = aexpr(e, op, sm_op_get_prop(op, "map")->map->results[0], co, dnn);
  if (in_range) off = INST(e, SpvOpSelect, t_i64(e), in_range, off, c_i64(e, 0));
  return off;
}

/* Half storage (!kernel.buffer<f32, f16>): a pointer to 16-bit floats
 * (Float16Buffer, which OpenCL 1.2 devices support without cl_khr_fp16),
 * read and written only by OpenCL.std vload_half / vstore_half. */
static bool half_buffer(Em *e, SmValue *buf) { return sm_kernel_is_half_storage(e->ctx, buf->type); }
static uint32_t t_half_storage(Em *e) {
  spv_capability(e->m, SpvCapabilityFloat16Buffer);
  return spv_type(e->m, SpvOpTypeFloat, SPV_ARGS(16));
}

/* Pointer to buffer[map(coords)] (see element_off). */
static uint32_t element_ptr(Em *e, SmOp *op, unsigned first, SmValue *buf, uint32_t in_range) {
  uint32_t off = element_off(e, op, first, in_range);
  if (!off) return 0;
  SmType *et = storage_elem(e, buf->type);
  return INST(e, SpvOpInBoundsPtrAccessChain, t_ptr(e, SpvStorageClassCrossWorkgroup, stype(e, et)), val(e, op, buf), off);
}

static void emit_load(Em *e, SmOp *op, const Lowering *l) {
  SmValue *r = &op->results[0];
  SmAttr *pad = sm_op_get_prop(op, "pad");
  uint32_t ok = pad ? in_bounds(e, op, 1) : 0;
  uint32_t x;
  if (half_buffer(e, op->operands[0].value)) {
    x = ext(e, t_float(e, 32), OpenCLstd_Vload_half, SPV_ARGS(element_off(e, op, 1, ok), val(e, op, op->operands[0].value)));
  } else {
    uint32_t p = element_ptr(e, op, 1, op->operands[0].value, ok);
    x = INST(e, SpvOpLoad, stype(e, r->type), p, SpvMemoryAccessAlignedMask, (uint32_t)sm_kernel_elem_bytes(r->type));
  }
  if (is_bool(r->type)) x = INST(e, SpvOpINotEqual, t_bool(e), x, c_int(e, 8, 0));
  if (pad) x = INST(e, SpvOpSelect, vtype(e, r->type), ok, x, c_attr(e, op, pad, r->type));
  def(e, r, x);
}

static void emit_store(Em *e, SmOp *op, const Lowering *l) {
  SmValue *v = op->operands[0].value;
  if (half_buffer(e, op->operands[1].value)) {
    /* Rounds to nearest even (vstore_half's default mode), as the interpreter. */
    ext(e, t_void(e), OpenCLstd_Vstore_half, SPV_ARGS(val(e, op, v), element_off(e, op, 2, 0), val(e, op, op->operands[1].value)));
    return;
  }
  uint32_t p = element_ptr(e, op, 2, op->operands[1].value, 0);
  uint32_t x = val(e, op, v);
  if (is_bool(v->type)) x = bool_to_int(e, x, 8);
  SPV(e->m, FN, SpvOpStore, p, x, SpvMemoryAccessAlignedMask, (uint32_t)sm_kernel_elem_bytes(v->type));
}

static uint32_t t_image(Em *e, bool written) {
  spv_capability(e->m, SpvCapabilityImageBasic);
  return spv_type(e->m, SpvOpTypeImage,
                  SPV_ARGS(t_void(e), SpvDim2D, 0, 0, 0, 0, SpvImageFormatUnknown,
                           written ? SpvAccessQualifierWriteOnly : SpvAccessQualifierReadOnly));
}

/* A vector from scalars: inserts into undef, not OpCompositeConstruct, which
 * llvm-spirv-15 -r crashes on when the vector is an image coordinate. */
static uint32_t vector(Em *e, uint32_t type, const uint32_t *elems, unsigned n) {
  uint32_t v = spv_undef(e->m, type);
  for (unsigned i = 0; i < n; i++) v = INST(e, SpvOpCompositeInsert, type, elems[i], v, i);
  return v;
}

static uint32_t int2(Em *e, uint32_t x, uint32_t y) {
  uint32_t i32 = t_int(e, 32), c[2] = {INST(e, SpvOpSConvert, i32, x), INST(e, SpvOpSConvert, i32, y)};
  return vector(e, t_vec(e, i32, 2), c, 2);
}

/* One lane of a pixel: OpImageRead (sampler-less read_imagef, integer
 * coordinates), then the lane. A padded read outside its shape reads pixel
 * (0, 0) lane 0 and selects the pad value. */
static void emit_image_read(Em *e, SmOp *op, const Lowering *l) {
  SmAffineMap *m = sm_op_get_prop(op, "map")->map;
  SmValue *co[16];
  bool dnn[16];
  if (!coords(e, op, 1, co, dnn)) return;
  SmAttr *pad = sm_op_get_prop(op, "pad");
  uint32_t ok = pad ? in_bounds(e, op, 1) : 0, i64 = t_i64(e), f32 = t_float(e, 32);
  uint32_t y = aexpr(e, op, m->results[0], co, dnn), x = aexpr(e, op, m->results[1], co, dnn),
           lane = aexpr(e, op, m->results[2], co, dnn);
  if (ok) {
    y = INST(e, SpvOpSelect, i64, ok, y, c_i64(e, 0));
    x = INST(e, SpvOpSelect, i64, ok, x, c_i64(e, 0));
    lane = INST(e, SpvOpSelect, i64, ok, lane, c_i64(e, 0));
  }
  uint32_t px = INST(e, SpvOpImageRead, t_vec(e, f32, 4), val(e, op, op->operands[0].value), int2(e, x, y));
  uint32_t r = INST(e, SpvOpVectorExtractDynamic, f32, px, lane);
  if (ok) r = INST(e, SpvOpSelect, f32, ok, r, c_attr(e, op, pad, op->results[0].type));
  def(e, &op->results[0], r);
}

static void emit_image_write(Em *e, SmOp *op, const Lowering *l) {
  uint32_t v[4];
  for (unsigned i = 0; i < 4; i++) v[i] = val(e, op, op->operands[i].value);
  uint32_t texel = vector(e, t_vec(e, t_float(e, 32), 4), v, 4);
  uint32_t at = int2(e, val(e, op, op->operands[6].value), val(e, op, op->operands[5].value));
  SPV(e->m, FN, SpvOpImageWrite, val(e, op, op->operands[4].value), at, texel);
}

static void emit_block(Em *e, SmBlock *b);

/* A counted loop: header: iv, iteration values = phis; iv < upper ? body :
 * merge. body ... -> continue: iv += step -> header. The iteration values
 * start from op's operands; the header phis are the values when the test
 * fails: op's results when `results`; returns the first (0: none). lo is
 * an id; lo_nonneg says whether it is >= 0. */
static uint32_t emit_loop(Em *e, SmOp *op, uint32_t lo, bool lo_nonneg, int64_t hi, int64_t st, bool results) {
  SmBlock *b = op->regions[0].first;
  uint32_t pre = e->block, header = spv_id(e->m), body = spv_id(e->m), cont = spv_id(e->m), merge = spv_id(e->m);
  uint32_t i64 = t_i64(e), next = spv_id(e->m);
  SPV(e->m, FN, SpvOpBranch, header);
  label(e, header);
  uint32_t iv = INST(e, SpvOpPhi, i64, lo, pre, next, cont);
  def(e, b->args[0], iv);
  if (lo_nonneg) set_nonneg(e, b->args[0]);
  size_t *patch = op->num_operands ? malloc(op->num_operands * sizeof *patch) : NULL;
  if (op->num_operands && !patch) {
    e->ok = sm_op_emit_error(op, "out of memory");
    return 0;
  }
  uint32_t first = 0;
  for (unsigned i = 0; i < op->num_operands; i++) {
    uint32_t t = vtype(e, op->operands[i].value->type), id = spv_id(e->m);
    /* The value from the continue block is the yield's, known after the body. */
    patch[i] = spv_inst(e->m, FN, SpvOpPhi, SPV_ARGS(t, id, val(e, op, op->operands[i].value), pre, 0, cont)) + 4;
    def(e, b->args[i + 1], id);
    if (results) def(e, &op->results[i], id);
    if (!i) first = id;
  }
  uint32_t more = INST(e, SpvOpSLessThan, t_bool(e), iv, c_i64(e, hi));
  SPV(e->m, FN, SpvOpLoopMerge, merge, cont, SpvLoopControlMaskNone);
  SPV(e->m, FN, SpvOpBranchConditional, more, body, merge);
  label(e, body);
  emit_block(e, b);
  if (e->ok) {
    SmOp *y = b->last;
    for (unsigned i = 0; i < op->num_operands; i++) e->m->sec[FN].w[patch[i]] = val(e, y, y->operands[i].value);
  }
  free(patch);
  SPV(e->m, FN, SpvOpBranch, cont);
  label(e, cont);
  spv_inst(e->m, FN, SpvOpIAdd, SPV_ARGS(i64, next, iv, c_i64(e, st)));
  SPV(e->m, FN, SpvOpBranch, header);
  label(e, merge);
  return first;
}

static int64_t int_prop(SmOp *op, const char *name) { return sm_op_get_prop(op, name)->integer.value; }

static void emit_for(Em *e, SmOp *op, const Lowering *l) {
  int64_t lo = int_prop(op, "lower");
  emit_loop(e, op, c_i64(e, lo), lo >= 0, int_prop(op, "upper"), int_prop(op, "step"), true);
}

/* barrier(CLK_LOCAL_MEM_FENCE): work-group execution and memory scope,
 * sequentially consistent on work-group memory. */
static void barrier(Em *e) {
  uint32_t wg = c_int(e, 32, SpvScopeWorkgroup);
  SPV(e->m, FN, SpvOpControlBarrier, wg, wg,
      c_int(e, 32, SpvMemorySemanticsSequentiallyConsistentMask | SpvMemorySemanticsWorkgroupMemoryMask));
}

/* `kind` of a kernel.group_reduce on two values of type t. */
static uint32_t combine(Em *e, SmOp *op, const char *kind, uint32_t t, uint32_t a, uint32_t b) {
  if (!strcmp(kind, "arith.addf")) return INST(e, SpvOpFAdd, t, a, b);
  if (!strcmp(kind, "arith.mulf")) return INST(e, SpvOpFMul, t, a, b);
  uint32_t args[2] = {a, b};
  if (!strcmp(kind, "arith.maximumf") || !strcmp(kind, "arith.maxnumf")) return ext(e, t, OpenCLstd_Fmax, args, 2);
  if (!strcmp(kind, "arith.minimumf") || !strcmp(kind, "arith.minnumf")) return ext(e, t, OpenCLstd_Fmin, args, 2);
  e->ok = sm_op_emit_error(op, "has a reduction kind '%s' the SPIR-V emitter does not know", kind);
  return 0;
}

/* kernel.group_for / group_reduce, as the OpenCL C emitter writes them: the
 * work-items of the group take the iterations lower + lid * step, stepping
 * by step * G; a reduction then combines the G partial results in local
 * memory (a tree of log2 G levels, unrolled, one barrier per level) and
 * every work-item reads the total; the barrier after the read lets the
 * next reduction reuse the array. */
static void emit_group_loop(Em *e, SmOp *op, const Lowering *l) {
  if (!e->group) {
    e->ok = sm_op_emit_error(op, "needs a kernel.func with a group_size");
    return;
  }
  int64_t lo = int_prop(op, "lower"), st = int_prop(op, "step");
  uint32_t i64 = t_i64(e);
  uint32_t start = st == 1 ? e->lid : INST(e, SpvOpIMul, i64, e->lid, c_i64(e, st));
  if (lo) start = INST(e, SpvOpIAdd, i64, c_i64(e, lo), start);
  uint32_t partial = emit_loop(e, op, start, lo >= 0 && st > 0, int_prop(op, "upper"), st * e->group, false);
  if (!op->num_results || !e->ok) return;
  SmType *rt = op->results[0].type;
  bool f64 = rt->kind == SM_TYPE_F64;
  uint32_t t = vtype(e, rt), arr = e->red[f64];
  if (!is_float(rt) || !arr) {
    e->ok = sm_op_emit_error(op, "reduces a type the SPIR-V emitter does not support (f32, f64)");
    return;
  }
  const char *kind = sm_op_get_prop(op, "kind")->string.data;
  uint32_t pt = t_ptr(e, SpvStorageClassWorkgroup, t), align = f64 ? 8 : 4;
  uint32_t mine = INST(e, SpvOpInBoundsAccessChain, pt, arr, e->lid);
  SPV(e->m, FN, SpvOpStore, mine, partial, SpvMemoryAccessAlignedMask, align);
  barrier(e);
  for (int64_t half = e->group / 2; half > 0; half /= 2) {
    uint32_t then = spv_id(e->m), skip = spv_id(e->m);
    uint32_t take = INST(e, SpvOpSLessThan, t_bool(e), e->lid, c_i64(e, half));
    SPV(e->m, FN, SpvOpSelectionMerge, skip, SpvSelectionControlMaskNone);
    SPV(e->m, FN, SpvOpBranchConditional, take, then, skip);
    label(e, then);
    uint32_t other = INST(e, SpvOpInBoundsAccessChain, pt, arr, INST(e, SpvOpIAdd, i64, e->lid, c_i64(e, half)));
    uint32_t a = INST(e, SpvOpLoad, t, mine, SpvMemoryAccessAlignedMask, align);
    uint32_t b = INST(e, SpvOpLoad, t, other, SpvMemoryAccessAlignedMask, align);
    SPV(e->m, FN, SpvOpStore, mine, combine(e, op, kind, t, a, b), SpvMemoryAccessAlignedMask, align);
    SPV(e->m, FN, SpvOpBranch, skip);
    label(e, skip);
    barrier(e);
  }
  uint32_t first = INST(e, SpvOpInBoundsAccessChain, pt, arr, c_i64(e, 0));
  def(e, &op->results[0], INST(e, SpvOpLoad, t, first, SpvMemoryAccessAlignedMask, align));
  barrier(e);
}

static void emit_yield(Em *e, SmOp *op, const Lowering *l) {} /* read by emit_loop */

/* ---- scalar ops ------------------------------------------------------------- */

static uint32_t rtype(Em *e, SmOp *op) { return vtype(e, op->results[0].type); }

static void emit_constant(Em *e, SmOp *op, const Lowering *l) {
  SmAttr *v = sm_op_get_prop(op, "value");
  def(e, &op->results[0], c_attr(e, op, v, op->results[0].type));
  if (v->kind == SM_ATTR_INTEGER && v->integer.value >= 0) set_nonneg(e, &op->results[0]);
}

/* Two operands, one opcode (alt_code on i1, where only the logical ops exist:
 * i1 arithmetic is modulo 2, so addi/subi are xor and muli is and). */
static void emit_binary(Em *e, SmOp *op, const Lowering *l) {
  uint32_t code = l->code;
  if (is_bool(op->results[0].type)) {
    if (!l->alt_code) {
      e->ok = sm_op_emit_error(op, "on i1 has no SPIR-V lowering");
      return;
    }
    code = l->alt_code;
  }
  def(e, &op->results[0], INST(e, code, rtype(e, op), val(e, op, op->operands[0].value), val(e, op, op->operands[1].value)));
}

/* arith.maximumf/minimumf propagate NaN (MLIR's definition; ONNX Max/Min/
 * Relu/Clip): OpenCL's fmax/fmin return the other operand, so an unordered
 * pair gives a + b (a NaN), as the OpenCL C emitter writes it. */
static void emit_minmax_f(Em *e, SmOp *op, const Lowering *l) {
  uint32_t t = rtype(e, op), a = val(e, op, op->operands[0].value), b = val(e, op, op->operands[1].value);
  uint32_t args[2] = {a, b};
  uint32_t m = ext(e, t, l->code, args, 2);
  uint32_t nan = INST(e, SpvOpLogicalOr, t_bool(e), INST(e, SpvOpIsNan, t_bool(e), a), INST(e, SpvOpIsNan, t_bool(e), b));
  def(e, &op->results[0], INST(e, SpvOpSelect, t, nan, INST(e, SpvOpFAdd, t, a, b), m));
}

/* tanh(+-inf) is +-1 exactly (PoCL's tanh is not at the infinities), as the
 * OpenCL C emitter writes it. */
static void emit_tanh(Em *e, SmOp *op, const Lowering *l) {
  uint32_t t = rtype(e, op), a = val(e, op, op->operands[0].value);
  uint32_t one[2] = {c_float(e, op->results[0].type, 1.0), a};
  uint32_t inf = INST(e, SpvOpIsInf, t_bool(e), a);
  uint32_t sign = ext(e, t, OpenCLstd_Copysign, one, 2), th = ext(e, t, OpenCLstd_Tanh, &a, 1);
  def(e, &op->results[0], INST(e, SpvOpSelect, t, inf, sign, th));
}

static void emit_unary(Em *e, SmOp *op, const Lowering *l) {
  def(e, &op->results[0], INST(e, l->code, rtype(e, op), val(e, op, op->operands[0].value)));
}

/* An OpenCL.std extended instruction over all operands. */
static void emit_ext(Em *e, SmOp *op, const Lowering *l) {
  uint32_t args[4];
  if (op->num_operands > 4) {
    e->ok = sm_op_emit_error(op, "has too many operands for the SPIR-V emitter");
    return;
  }
  for (unsigned i = 0; i < op->num_operands; i++) args[i] = val(e, op, op->operands[i].value);
  def(e, &op->results[0], ext(e, rtype(e, op), l->code, args, op->num_operands));
}

/* pow(x, c) with a constant c of 2, 3 or 4 is multiplied out, as the OpenCL
 * C emitter does (PoCL's pow costs about 50 multiplies); other exponents
 * stay OpenCL.std pow. */
static void emit_pow(Em *e, SmOp *op, const Lowering *l) {
  SmOp *d = sm_value_defining_op(op->operands[1].value);
  SmAttr *a = d && sm_op_name_is(d, "arith.constant") ? sm_op_get_attr(d, "value") : NULL;
  if (op->results[0].type->kind == SM_TYPE_F32 && a && a->kind == SM_ATTR_FLOAT &&
      (a->fp.value == 2.0 || a->fp.value == 3.0 || a->fp.value == 4.0)) {
    uint32_t t = rtype(e, op), x = val(e, op, op->operands[0].value), p = x;
    for (int i = 1; i < (int)a->fp.value; i++) p = INST(e, SpvOpFMul, t, p, x);
    def(e, &op->results[0], p);
    return;
  }
  emit_ext(e, op, l);
}

/* smin/smax, which keep index values known non-negative (clamped tile
 * indices: floor division stays a plain OpSDiv). */
static void emit_minmax_si(Em *e, SmOp *op, const Lowering *l) {
  emit_ext(e, op, l);
  bool a = known_nonneg(e, op->operands[0].value), b = known_nonneg(e, op->operands[1].value);
  if (l->code == OpenCLstd_SMin ? a && b : a || b) set_nonneg(e, &op->results[0]);
}

static void emit_select(Em *e, SmOp *op, const Lowering *l) {
  def(e, &op->results[0], INST(e, SpvOpSelect, rtype(e, op), val(e, op, op->operands[0].value),
                               val(e, op, op->operands[1].value), val(e, op, op->operands[2].value)));
}

/* arith.cmpf predicates (MLIR's numbering) -> SPIR-V; 0 and 15 are constants. */
static const uint32_t cmpf_ops[16] = {0, SpvOpFOrdEqual, SpvOpFOrdGreaterThan, SpvOpFOrdGreaterThanEqual,
                                      SpvOpFOrdLessThan, SpvOpFOrdLessThanEqual, SpvOpFOrdNotEqual, SpvOpOrdered,
                                      SpvOpFUnordEqual, SpvOpFUnordGreaterThan, SpvOpFUnordGreaterThanEqual,
                                      SpvOpFUnordLessThan, SpvOpFUnordLessThanEqual, SpvOpFUnordNotEqual,
                                      SpvOpUnordered, 0};
static const uint32_t cmpi_ops[10] = {SpvOpIEqual, SpvOpINotEqual, SpvOpSLessThan, SpvOpSLessThanEqual,
                                      SpvOpSGreaterThan, SpvOpSGreaterThanEqual, SpvOpULessThan,
                                      SpvOpULessThanEqual, SpvOpUGreaterThan, SpvOpUGreaterThanEqual};

static void emit_cmp(Em *e, SmOp *op, const Lowering *l) {
  int64_t p = sm_op_get_prop(op, "predicate")->integer.value;
  bool f = l->code == 1;
  if (p < 0 || p > (f ? 15 : 9)) {
    e->ok = sm_op_emit_error(op, "has an unknown predicate %lld", (long long)p);
    return;
  }
  if (f && (p == 0 || p == 15)) {
    def(e, &op->results[0], spv_const_bool(e->m, t_bool(e), p == 15));
    return;
  }
  uint32_t a = val(e, op, op->operands[0].value), b = val(e, op, op->operands[1].value);
  if (!f && is_bool(op->operands[0].value->type)) /* compared as 0/1, as OpenCL C does */
    a = bool_to_int(e, a, 32), b = bool_to_int(e, b, 32);
  def(e, &op->results[0], INST(e, f ? cmpf_ops[p] : cmpi_ops[p], t_bool(e), a, b));
}

/* Conversions. An i1 source is 0/1 first (as in OpenCL C); an i1 result of
 * an integer is its low bit; same-width conversions are the value itself. */
static void emit_cast(Em *e, SmOp *op, const Lowering *l) {
  SmValue *src = op->operands[0].value, *r = &op->results[0];
  uint32_t x = val(e, op, src);
  const SmType *st = src->type;
  if (sm_kernel_is_narrow_float(st)) { /* extf of a value held in f32 (sm_kernel_is_held_narrow) */
    def(e, r, x);
    return;
  }
  if (is_bool(st)) {
    x = bool_to_int(e, x, 32);
    st = NULL; /* now an i32 */
  }
  unsigned sw = st ? sm_type_bitwidth(st) : 32, rw = sm_type_bitwidth(r->type);
  if (st && st->kind == SM_TYPE_INDEX) sw = 64;
  if (r->type->kind == SM_TYPE_INDEX) rw = 64;
  if (is_bool(r->type)) {
    if (st && is_float(st)) {
      e->ok = sm_op_emit_error(op, "to i1 from a float has no SPIR-V lowering");
      return;
    }
    uint32_t it = st ? vtype(e, st) : t_int(e, 32);
    unsigned w = st ? sw : 32;
    x = INST(e, SpvOpBitwiseAnd, it, x, c_int(e, w, 1));
    def(e, r, INST(e, SpvOpINotEqual, t_bool(e), x, c_int(e, w, 0)));
    return;
  }
  bool same_class = (l->code == SpvOpSConvert || l->code == SpvOpUConvert || l->code == SpvOpFConvert);
  if (same_class && sw == rw) {
    def(e, r, x);
    return;
  }
  def(e, r, INST(e, l->code, vtype(e, r->type), x));
}

/* The rounding of the OpenCL C emitter's sm_round_f16 / sm_round_bf16 (see
 * there): nearest even, 65520 and above to inf (f16), NaN kept. */
static void emit_held_narrow(Em *e, SmOp *op) {
  const SmType *ft = op->operands[0].value->type;
  uint32_t f = t_float(e, 32), u = t_int(e, 32), x = val(e, op, op->operands[0].value), r;
  if (op->results[0].type->kind == SM_TYPE_F16) {
    uint32_t a = ext(e, f, OpenCLstd_Fabs, &x, 1);
    uint32_t mx[2] = {INST(e, SpvOpShiftRightLogical, u, INST(e, SpvOpBitcast, u, a), c_int(e, 32, 23)), c_int(e, 32, 113)};
    uint32_t ex = ext(e, u, OpenCLstd_UMax, mx, 2);
    uint32_t inv = INST(e, SpvOpShiftLeftLogical, u, INST(e, SpvOpISub, u, c_int(e, 32, 264), ex), c_int(e, 32, 23));
    uint32_t q = INST(e, SpvOpShiftLeftLogical, u, INST(e, SpvOpISub, u, ex, c_int(e, 32, 10)), c_int(e, 32, 23));
    uint32_t scaled = INST(e, SpvOpFMul, f, a, INST(e, SpvOpBitcast, f, inv));
    uint32_t rounded = INST(e, SpvOpFMul, f, ext(e, f, OpenCLstd_Rint, &scaled, 1), INST(e, SpvOpBitcast, f, q));
    uint32_t fin = INST(e, SpvOpFOrdLessThan, t_bool(e), a, c_float(e, ft, 65520.0));
    uint32_t cs[2] = {INST(e, SpvOpSelect, f, fin, rounded, c_float(e, ft, INFINITY)), x};
    r = ext(e, f, OpenCLstd_Copysign, cs, 2);
  } else {
    uint32_t xb = INST(e, SpvOpBitcast, u, x);
    uint32_t lsb = INST(e, SpvOpBitwiseAnd, u, INST(e, SpvOpShiftRightLogical, u, xb, c_int(e, 32, 16)), c_int(e, 32, 1));
    uint32_t sum = INST(e, SpvOpIAdd, u, INST(e, SpvOpIAdd, u, xb, c_int(e, 32, 0x7fff)), lsb);
    r = INST(e, SpvOpBitcast, f, INST(e, SpvOpBitwiseAnd, u, sum, c_int(e, 32, 0xffff0000)));
  }
  def(e, &op->results[0], INST(e, SpvOpSelect, f, INST(e, SpvOpIsNan, t_bool(e), x), x, r));
}

static const Lowering lowerings[] = {
    {"kernel.global_id", emit_global_id, 0, 0},
    {"kernel.apply", emit_apply, 0, 0},
    {"kernel.load", emit_load, 0, 0},
    {"kernel.store", emit_store, 0, 0},
    {"kernel.image_read", emit_image_read, 0, 0},
    {"kernel.image_write", emit_image_write, 0, 0},
    {"kernel.for", emit_for, 0, 0},
    {"kernel.group_id", emit_group_id, 0, 0},
    {"kernel.group_reduce", emit_group_loop, 0, 0},
    {"kernel.group_for", emit_group_loop, 0, 0},
    {"kernel.yield", emit_yield, 0, 0},
    {"arith.constant", emit_constant, 0, 0},
    {"arith.addf", emit_binary, SpvOpFAdd, 0},
    {"arith.subf", emit_binary, SpvOpFSub, 0},
    {"arith.mulf", emit_binary, SpvOpFMul, 0},
    {"arith.divf", emit_binary, SpvOpFDiv, 0},
    {"arith.addi", emit_binary, SpvOpIAdd, SpvOpLogicalNotEqual},
    {"arith.subi", emit_binary, SpvOpISub, SpvOpLogicalNotEqual},
    {"arith.muli", emit_binary, SpvOpIMul, SpvOpLogicalAnd},
    {"arith.divsi", emit_binary, SpvOpSDiv, 0},
    {"arith.remsi", emit_binary, SpvOpSRem, 0},
    {"arith.andi", emit_binary, SpvOpBitwiseAnd, SpvOpLogicalAnd},
    {"arith.ori", emit_binary, SpvOpBitwiseOr, SpvOpLogicalOr},
    {"arith.xori", emit_binary, SpvOpBitwiseXor, SpvOpLogicalNotEqual},
    {"arith.shli", emit_binary, SpvOpShiftLeftLogical, 0},
    {"arith.shrsi", emit_binary, SpvOpShiftRightArithmetic, 0},
    {"arith.divui", emit_binary, SpvOpUDiv, 0},
    {"arith.remui", emit_binary, SpvOpUMod, 0},
    {"arith.shrui", emit_binary, SpvOpShiftRightLogical, 0},
    {"arith.maxui", emit_ext, OpenCLstd_UMax, 0},
    {"arith.minui", emit_ext, OpenCLstd_UMin, 0},
    {"arith.negf", emit_unary, SpvOpFNegate, 0},
    {"arith.select", emit_select, 0, 0},
    {"arith.cmpf", emit_cmp, 1, 0},
    {"arith.cmpi", emit_cmp, 0, 0},
    {"arith.maximumf", emit_minmax_f, OpenCLstd_Fmax, 0},
    {"arith.minimumf", emit_minmax_f, OpenCLstd_Fmin, 0},
    {"arith.maxnumf", emit_ext, OpenCLstd_Fmax, 0},
    {"arith.minnumf", emit_ext, OpenCLstd_Fmin, 0},
    {"arith.maxsi", emit_minmax_si, OpenCLstd_SMax, 0},
    {"arith.minsi", emit_minmax_si, OpenCLstd_SMin, 0},
    {"arith.remf", emit_ext, OpenCLstd_Fmod, 0},
    {"math.absf", emit_ext, OpenCLstd_Fabs, 0},
    {"math.ceil", emit_ext, OpenCLstd_Ceil, 0},
    {"math.cos", emit_ext, OpenCLstd_Cos, 0},
    {"math.erf", emit_ext, OpenCLstd_Erf, 0},
    {"math.exp", emit_ext, OpenCLstd_Exp, 0},
    {"math.floor", emit_ext, OpenCLstd_Floor, 0},
    {"math.log", emit_ext, OpenCLstd_Log, 0},
    {"math.round", emit_ext, OpenCLstd_Round, 0},
    {"math.rsqrt", emit_ext, OpenCLstd_Rsqrt, 0},
    {"math.sin", emit_ext, OpenCLstd_Sin, 0},
    {"math.sqrt", emit_ext, OpenCLstd_Sqrt, 0},
    {"math.tanh", emit_tanh, 0, 0},
    {"math.powf", emit_pow, OpenCLstd_Pow, 0},
    {"arith.sitofp", emit_cast, SpvOpConvertSToF, 0},
    {"arith.uitofp", emit_cast, SpvOpConvertUToF, 0},
    {"arith.fptosi", emit_cast, SpvOpConvertFToS, 0},
    {"arith.fptoui", emit_cast, SpvOpConvertFToU, 0},
    {"arith.extf", emit_cast, SpvOpFConvert, 0},
    {"arith.truncf", emit_cast, SpvOpFConvert, 0},
    {"arith.extsi", emit_cast, SpvOpSConvert, 0},
    {"arith.extui", emit_cast, SpvOpUConvert, 0},
    {"arith.trunci", emit_cast, SpvOpUConvert, 0},
    {"arith.index_cast", emit_cast, SpvOpSConvert, 0},
    {"arith.index_castui", emit_cast, SpvOpUConvert, 0},
    {"arith.bitcast", emit_unary, SpvOpBitcast, 0},
};

static const Lowering *find_lowering(Em *e, SmOp *op) {
  const Lowering *l = sm_ptrmap_get(&e->lowering, op->name);
  if (l) return l;
  for (size_t i = 0; i < sizeof lowerings / sizeof lowerings[0]; i++)
    if (!strcmp(op->name, lowerings[i].name)) {
      sm_ptrmap_put(&e->lowering, op->name, (void *)&lowerings[i]);
      return &lowerings[i];
    }
  return NULL;
}

static void emit_block(Em *e, SmBlock *b) {
  for (SmOp *op = b->first; op && e->ok; op = op->next) {
    const Lowering *l = find_lowering(e, op);
    if (!l) {
      e->ok = sm_op_emit_error(op, "has no SPIR-V lowering");
      return;
    }
    if (sm_kernel_is_held_narrow(op)) {
      emit_held_narrow(e, op);
      continue;
    }
    for (unsigned i = 0; i < op->num_results; i++)
      if (!vtype(e, op->results[i].type)) {
        e->ok = op->results[i].type->kind == SM_TYPE_F16
                    ? sm_op_emit_error(op, "has an f16 result: half arithmetic needs the Float16 capability, which "
                                           "OpenCL 1.2 SPIR-V does not allow (cl_khr_fp16); not supported")
                    : sm_op_emit_error(op, "result type is not supported by the SPIR-V emitter");
        return;
      }
    l->emit(e, op, l);
  }
}

/* ---- kernels ------------------------------------------------------------------ */

static bool arg_written(SmValue *a, const char *writer) {
  for (SmUse *u = a->uses; u; u = u->next)
    if (sm_op_name_is(u->owner, writer)) return true;
  return false;
}

/* A size_t[3] builtin input variable (module scope, made on first use). */
static uint32_t builtin_var(Em *e, uint32_t *var, SpvBuiltIn which) {
  if (*var) return *var;
  *var = spv_id(e->m);
  uint32_t pt = t_ptr(e, SpvStorageClassInput, t_vec(e, t_i64(e), 3));
  SPV(e->m, SPV_SEC_GLOBAL, SpvOpVariable, pt, *var, SpvStorageClassInput);
  SPV(e->m, SPV_SEC_ANNOTATION, SpvOpDecorate, *var, SpvDecorationBuiltIn, which);
  SPV(e->m, SPV_SEC_ANNOTATION, SpvOpDecorate, *var, SpvDecorationConstant);
  return *var;
}

/* A __local array of G elements of type t for one kernel's reductions. */
static uint32_t local_array(Em *e, bool f64, int64_t g) {
  uint32_t t = t_float(e, f64 ? 64 : 32);
  uint32_t at = spv_type(e->m, SpvOpTypeArray, SPV_ARGS(t, c_int(e, 32, g))), id = spv_id(e->m);
  SPV(e->m, SPV_SEC_GLOBAL, SpvOpVariable, t_ptr(e, SpvStorageClassWorkgroup, at), id, SpvStorageClassWorkgroup);
  spv_inst_str(e->m, SPV_SEC_DEBUG, SpvOpName, &id, 1, f64 ? "sm_red_double" : "sm_red_float", NULL, 0);
  return id;
}

static bool emit_kernel(Em *e, SmOp *kf) {
  SpvModule *m = e->m;
  SmAttr *gs = sm_op_get_prop(kf, "group_size");
  e->group = gs ? gs->integer.value : 0;
  e->red[0] = e->red[1] = 0;
  if (e->group) {
    builtin_var(e, &e->wg_var, SpvBuiltInWorkgroupId);
    builtin_var(e, &e->lid_var, SpvBuiltInLocalInvocationId);
    for (SmOp *op = kf->regions[0].first->first; op; op = op->next)
      if (sm_op_name_is(op, "kernel.group_reduce") && is_float(op->results[0].type)) {
        bool f64 = op->results[0].type->kind == SM_TYPE_F64;
        if (!e->red[f64]) e->red[f64] = local_array(e, f64, e->group);
      }
  }
  const char *name = sm_op_symbol_name(kf);
  SmBlock *b = kf->regions[0].first;
  int64_t wi = sm_op_get_prop(kf, "work_items")->integer.value;
  uint32_t *ft = malloc((b->num_args + 1) * sizeof *ft);
  if (!ft) return sm_op_emit_error(kf, "out of memory");
  ft[0] = t_void(e);
  for (unsigned i = 0; i < b->num_args; i++) {
    SmValue *a = b->args[i];
    if (is_image(e, a->type)) {
      if (storage_elem(e, a->type)->kind != SM_TYPE_F32) {
        free(ft);
        return sm_op_emit_error(kf, "image argument #%u: only f32 images are supported by the SPIR-V emitter", i);
      }
      ft[i + 1] = t_image(e, arg_written(a, "kernel.image_write"));
      continue;
    }
    SmType *et = storage_elem(e, a->type);
    uint32_t st = half_buffer(e, a) ? t_half_storage(e) : et ? stype(e, et) : 0;
    if (!st) {
      free(ft);
      if (et && et->kind == SM_TYPE_F16)
        return sm_op_emit_error(kf, "argument #%u is an f16 buffer: half needs the Float16 capability, which OpenCL 1.2 "
                                    "SPIR-V does not allow (cl_khr_fp16); not supported", i);
      return sm_op_emit_error(kf, "buffer element type of argument #%u is not supported by the SPIR-V emitter", i);
    }
    ft[i + 1] = t_ptr(e, SpvStorageClassCrossWorkgroup, st);
  }
  uint32_t fnty = spv_type(m, SpvOpTypeFunction, ft, b->num_args + 1), fn = spv_id(m);
  const uint32_t ep[2] = {SpvExecutionModelKernel, fn};
  uint32_t iface[3] = {e->gid_var, e->wg_var, e->lid_var};
  spv_inst_str(m, SPV_SEC_ENTRY_POINT, SpvOpEntryPoint, ep, 2, name, iface, e->group ? 3 : 1);
  /* reqd_work_group_size(G, 1, 1) */
  if (e->group) SPV(m, SPV_SEC_EXECUTION_MODE, SpvOpExecutionMode, fn, SpvExecutionModeLocalSize, (uint32_t)e->group, 1, 1);
  spv_inst_str(m, SPV_SEC_DEBUG, SpvOpName, &fn, 1, name, NULL, 0);
  SPV(m, FN, SpvOpFunction, ft[0], fn, SpvFunctionControlMaskNone, fnty);
  for (unsigned i = 0; i < b->num_args; i++) {
    uint32_t param = spv_id(m);
    SPV(m, FN, SpvOpFunctionParameter, ft[i + 1], param);
    def(e, b->args[i], param);
    if (!is_image(e, b->args[i]->type)) {
      /* As the OpenCL C kernels: restrict, and const when never stored to. */
      SPV(m, SPV_SEC_ANNOTATION, SpvOpDecorate, param, SpvDecorationFuncParamAttr, SpvFunctionParameterAttributeNoAlias);
      if (!arg_written(b->args[i], "kernel.store"))
        SPV(m, SPV_SEC_ANNOTATION, SpvOpDecorate, param, SpvDecorationFuncParamAttr, SpvFunctionParameterAttributeNoWrite);
    }
  }
  free(ft);
  uint32_t entry = spv_id(m), body = spv_id(m), end = spv_id(m), i64 = t_i64(e);
  label(e, entry);
  if (e->group) {
    /* Launched as exactly work_items groups of G: no early return (barriers). */
    e->lid = builtin_x(e, e->lid_var);
    emit_block(e, b);
    spv_inst(m, FN, SpvOpReturn, NULL, 0);
    spv_inst(m, FN, SpvOpFunctionEnd, NULL, 0);
    return e->ok;
  }
  /* if (get_global_id(0) < work_items) { body } return; */
  uint32_t v3 = INST(e, SpvOpLoad, t_vec(e, i64, 3), e->gid_var, SpvMemoryAccessAlignedMask, 32);
  uint32_t gid = INST(e, SpvOpCompositeExtract, i64, v3, 0);
  uint32_t in = INST(e, SpvOpULessThan, t_bool(e), gid, c_i64(e, wi));
  SPV(m, FN, SpvOpSelectionMerge, end, SpvSelectionControlMaskNone);
  SPV(m, FN, SpvOpBranchConditional, in, body, end);
  label(e, body);
  emit_block(e, b);
  SPV(m, FN, SpvOpBranch, end);
  label(e, end);
  spv_inst(m, FN, SpvOpReturn, NULL, 0);
  spv_inst(m, FN, SpvOpFunctionEnd, NULL, 0);
  return e->ok;
}

bool sm_spirv_emit(SmOp *module, SmStrBuf *out, unsigned *num_kernels) {
  SmContext *ctx = sm_op_context(module);
  SpvModule m;
  spv_module_init(&m);
  Em e = {.ctx = ctx, .m = &m, .ok = true};
  sm_ptrmap_init(&e.ids);
  sm_ptrmap_init(&e.nonneg);
  sm_ptrmap_init(&e.lowering);
  sm_ptrmap_init(&e.elems);
  spv_capability(&m, SpvCapabilityAddresses);
  spv_capability(&m, SpvCapabilityKernel);
  spv_capability(&m, SpvCapabilityInt64);
  SPV(&m, SPV_SEC_MEMORY_MODEL, SpvOpMemoryModel, SpvAddressingModelPhysical64, SpvMemoryModelOpenCL);
  SPV(&m, SPV_SEC_DEBUG, SpvOpSource, SpvSourceLanguageOpenCL_C, 102000);
  e.gid_var = spv_id(&m);
  uint32_t gid_ptr = t_ptr(&e, SpvStorageClassInput, t_vec(&e, t_i64(&e), 3));
  SPV(&m, SPV_SEC_GLOBAL, SpvOpVariable, gid_ptr, e.gid_var, SpvStorageClassInput);
  SPV(&m, SPV_SEC_ANNOTATION, SpvOpDecorate, e.gid_var, SpvDecorationBuiltIn, SpvBuiltInGlobalInvocationId);
  SPV(&m, SPV_SEC_ANNOTATION, SpvOpDecorate, e.gid_var, SpvDecorationConstant);
  unsigned nk = 0;
  SmBlock *mb = module->num_regions ? module->regions[0].first : NULL;
  for (SmOp *op = mb ? mb->first : NULL; op && e.ok; op = op->next) {
    if (!sm_op_name_is(op, "kernel.func")) continue;
    sm_ptrmap_clear(&e.ids);
    sm_ptrmap_clear(&e.nonneg);
    if (!emit_kernel(&e, op)) e.ok = false;
    else nk++;
  }
  uint32_t *words = NULL;
  size_t n = 0;
  if (e.ok && !spv_module_finish(&m, &words, &n)) e.ok = sm_emit_error(ctx, module->loc, "out of memory writing SPIR-V");
  if (e.ok) sm_strbuf_append(out, (const char *)words, n * sizeof *words);
  if (e.ok && num_kernels) *num_kernels = nk;
  free(words);
  sm_ptrmap_free(&e.ids);
  sm_ptrmap_free(&e.nonneg);
  sm_ptrmap_free(&e.lowering);
  sm_ptrmap_free(&e.elems);
  spv_module_free(&m);
  return e.ok;
}
