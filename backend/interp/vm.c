/* The interpreter's scalar register machine: compiles blocks of arith/math
 * and layout/kernel access ops into instructions, and runs them. */
#include "backend/interp/vm.h"

#include "dialects/arith/arith.h"
#include "ir/fp16.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- affine expressions ---------------------------------------------------- */

/* Flattens e into c0 + sum coef * var; false when it is not linear. */
static bool flatten(const SmAffineExpr *e, int64_t scale, int64_t *coefs, int64_t *c0) {
  switch (e->kind) {
  case SM_AFFINE_CONST: *c0 += scale * e->value; return true;
  case SM_AFFINE_DIM:
    if (e->position >= SM_VM_MAX_DIMS) return false;
    coefs[e->position] += scale;
    return true;
  case SM_AFFINE_ADD:
    return flatten(e->bin.lhs, scale, coefs, c0) && flatten(e->bin.rhs, scale, coefs, c0);
  case SM_AFFINE_MUL:
    if (e->bin.rhs->kind == SM_AFFINE_CONST) return flatten(e->bin.lhs, scale * e->bin.rhs->value, coefs, c0);
    if (e->bin.lhs->kind == SM_AFFINE_CONST) return flatten(e->bin.rhs, scale * e->bin.lhs->value, coefs, c0);
    return false;
  default: return false;
  }
}

static bool emit_postfix(const SmAffineExpr *e, struct SmVmAffStep *code, unsigned *n, unsigned cap) {
  if (*n >= cap) return false;
  switch (e->kind) {
  case SM_AFFINE_CONST: code[(*n)++] = (struct SmVmAffStep){SM_AFFINE_CONST, e->value}; return true;
  case SM_AFFINE_DIM:
    if (e->position >= SM_VM_MAX_DIMS) return false;
    code[(*n)++] = (struct SmVmAffStep){SM_AFFINE_DIM, e->position};
    return true;
  case SM_AFFINE_SYMBOL: return false;
  default:
    if (!emit_postfix(e->bin.lhs, code, n, cap) || !emit_postfix(e->bin.rhs, code, n, cap) || *n >= cap)
      return false;
    code[(*n)++] = (struct SmVmAffStep){(uint8_t)e->kind, 0};
    return true;
  }
}

static unsigned expr_size(const SmAffineExpr *e) {
  if (e->kind == SM_AFFINE_CONST || e->kind == SM_AFFINE_DIM || e->kind == SM_AFFINE_SYMBOL) return 1;
  return 1 + expr_size(e->bin.lhs) + expr_size(e->bin.rhs);
}

bool sm_vm_aff_compile(SmVmAff *a, const SmAffineExpr *e) {
  memset(a, 0, sizeof *a);
  int64_t coefs[SM_VM_MAX_DIMS] = {0}, c0 = 0;
  if (flatten(e, 1, coefs, &c0)) {
    a->linear = true;
    a->c0 = c0;
    for (unsigned d = 0; d < SM_VM_MAX_DIMS; d++)
      if (coefs[d]) a->var[a->nterms] = (uint8_t)d, a->coef[a->nterms++] = coefs[d];
    return true;
  }
  unsigned cap = expr_size(e);
  a->code = malloc(cap * sizeof *a->code);
  if (!a->code) return false;
  if (!emit_postfix(e, a->code, &a->ncode, cap)) {
    free(a->code);
    a->code = NULL;
    return false;
  }
  return true;
}

void sm_vm_aff_free(SmVmAff *a) {
  free(a->code);
  a->code = NULL;
}

static int64_t floordiv64(int64_t a, int64_t b) {
  if (b == 0) return 0; /* the IR never divides by zero; stay defined anyway */
  if (b == -1) return a == INT64_MIN ? a : -a;
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}

int64_t sm_vm_aff_eval_slow(const SmVmAff *a, const int64_t *vars) {
  int64_t st[64];
  unsigned sp = 0;
  for (unsigned k = 0; k < a->ncode; k++) {
    const struct SmVmAffStep *s = &a->code[k];
    switch (s->op) {
    case SM_AFFINE_CONST: if (sp < 64) st[sp++] = s->arg; break;
    case SM_AFFINE_DIM: if (sp < 64) st[sp++] = vars[s->arg]; break;
    default: {
      if (sp < 2) return 0;
      int64_t r = st[--sp], l = st[--sp], v = 0;
      switch (s->op) {
      case SM_AFFINE_ADD: v = (int64_t)((uint64_t)l + (uint64_t)r); break;
      case SM_AFFINE_MUL: v = (int64_t)((uint64_t)l * (uint64_t)r); break;
      case SM_AFFINE_FLOORDIV: v = floordiv64(l, r); break;
      case SM_AFFINE_CEILDIV: v = r ? -floordiv64(-l, r) : 0; break;
      case SM_AFFINE_MOD: v = r ? l - floordiv64(l, r) * r : 0; break;
      }
      st[sp++] = v;
    }
    }
  }
  return sp ? st[sp - 1] : 0;
}

/* ---- memory ---------------------------------------------------------------- */

SmVmReg sm_vm_mem_get_slow(const SmVmMem *m, int64_t off) {
  SmVmReg r;
  if (m->half) return (SmVmReg){.f = sm_f16_bits_to_f32(((const uint16_t *)m->data)[off])};
  switch (m->dtype) {
  case SM_DT_F32: r.f = ((const float *)m->data)[off]; break;
  case SM_DT_F64: r.f = ((const double *)m->data)[off]; break;
  case SM_DT_I64: r.i = ((const int64_t *)m->data)[off]; break;
  case SM_DT_I32: r.i = ((const int32_t *)m->data)[off]; break;
  case SM_DT_I8: r.i = ((const int8_t *)m->data)[off]; break;
  case SM_DT_U8: r.i = ((const uint8_t *)m->data)[off]; break;
  case SM_DT_BOOL: r.i = ((const uint8_t *)m->data)[off] & 1; break;
  default: r.i = 0; break;
  }
  return r;
}

void sm_vm_mem_set(SmVmMem *m, int64_t off, SmVmReg v) {
  if (m->half) {
    ((uint16_t *)m->data)[off] = sm_f32_to_f16_bits((float)v.f);
    return;
  }
  switch (m->dtype) {
  case SM_DT_F32: ((float *)m->data)[off] = (float)v.f; break;
  case SM_DT_F64: ((double *)m->data)[off] = v.f; break;
  case SM_DT_I64: ((int64_t *)m->data)[off] = v.i; break;
  case SM_DT_I32: ((int32_t *)m->data)[off] = (int32_t)(uint32_t)(uint64_t)v.i; break;
  case SM_DT_I8: ((int8_t *)m->data)[off] = (int8_t)(uint8_t)(uint64_t)v.i; break;
  case SM_DT_U8: ((uint8_t *)m->data)[off] = (uint8_t)(uint64_t)v.i; break;
  case SM_DT_BOOL: ((uint8_t *)m->data)[off] = (uint8_t)(v.i & 1); break;
  }
}

/* ---- instructions ---------------------------------------------------------- */

typedef enum VmOp {
  /* float */
  V_ADDF, V_SUBF, V_MULF, V_DIVF, V_REMF, V_MAXIMUMF, V_MINIMUMF, V_MAXNUMF, V_MINNUMF, V_NEGF,
  V_ABSF, V_CEIL, V_COS, V_ERF, V_EXP, V_FLOOR, V_LOG, V_ROUND, V_RSQRT, V_SIN, V_SQRT, V_TANH, V_POWF,
  /* integer */
  V_ADDI, V_SUBI, V_MULI, V_DIVSI, V_DIVUI, V_REMSI, V_REMUI, V_ANDI, V_ORI, V_XORI, V_SHLI, V_SHRSI,
  V_SHRUI, V_MAXSI, V_MINSI, V_MAXUI, V_MINUI,
  V_CMPI, V_CMPF, V_SELECT,
  /* casts */
  V_EXTSI, V_EXTUI, V_TRUNCI, V_SITOFP, V_UITOFP, V_FPTOSI, V_FPTOUI, V_EXTF, V_TRUNCF, V_TRUNCF_F16,
  V_TRUNCF_BF16, V_INDEX_CAST,
  V_INDEX_CASTUI,
  /* access and control */
  V_L_INDEX, V_L_EXTRACT, V_K_GID, V_K_APPLY, V_K_LOAD, V_K_STORE, V_K_FOR,
} VmOp;

typedef struct VmIns {
  uint8_t op;
  uint8_t width;   /* integer result width (1..64); src width for ext/uitofp/.. */
  uint8_t srcw;    /* source width for extsi/extui/uitofp/index_castui */
  bool f32;        /* round a float result to f32 */
  uint32_t dst, a, b, c;
  int64_t imm;     /* predicate, dim, operand/buffer index, for: lower */
  int64_t imm2, imm3; /* for: upper, step */
  uint32_t *args;  /* coordinates / for: init regs */
  unsigned nargs;
  SmVmAff *aff;    /* apply/load/store map */
  const int64_t *shape; /* padded load */
  SmVmReg pad;
  bool has_pad;
  SmOp *op_ir;     /* for diagnostics */
  /* kernel.for: body is instructions [a, b); iv register c; carried
   * registers args2[0..nargs) (block args), yields args3, results args4. */
  uint32_t *args2, *args3, *args4;
} VmIns;

struct SmVmProg {
  VmIns *ins;
  unsigned nins, cap;
  unsigned nregs;
  SmVmReg *init; /* nregs: constants preset */
  uint32_t *results;
  unsigned nresults;
  SmPtrMap regs; /* value -> reg + 1 (compile time) */
};

static int64_t sext(int64_t v, unsigned w) {
  if (w >= 64) return v;
  if (w == 1) return v & 1;
  uint64_t m = (uint64_t)1 << (w - 1);
  uint64_t x = (uint64_t)v & (((uint64_t)1 << w) - 1);
  return (int64_t)((x ^ m) - m);
}

static uint64_t zext(int64_t v, unsigned w) {
  if (w >= 64) return (uint64_t)v;
  return (uint64_t)v & (((uint64_t)1 << w) - 1);
}

static unsigned int_width(const SmType *t) {
  if (t->kind == SM_TYPE_INTEGER) return t->integer.width ? t->integer.width : 64;
  return 64; /* index */
}

SmVmReg sm_vm_reg_from_attr(const SmAttr *a) {
  SmVmReg r = {.i = 0};
  if (!a) return r;
  if (a->kind == SM_ATTR_FLOAT) r.f = a->fp.value;
  else if (a->kind == SM_ATTR_INTEGER) r.i = sext(a->integer.value, int_width(a->integer.type));
  else if (a->kind == SM_ATTR_BOOL) r.i = a->boolean;
  return r;
}

static uint32_t new_reg(SmVmProg *p) { return p->nregs++; }

static bool reg_of(SmVmProg *p, SmOp *user, SmValue *v, uint32_t *out) {
  void *r = sm_ptrmap_get(&p->regs, v);
  if (!r) return sm_op_emit_error(user, "interpreter: operand defined outside the region it is run in");
  *out = (uint32_t)((uintptr_t)r - 1);
  return true;
}

static void bind(SmVmProg *p, SmValue *v, uint32_t r) { sm_ptrmap_put(&p->regs, v, (void *)(uintptr_t)(r + 1)); }

static VmIns *push(SmVmProg *p) {
  if (p->nins == p->cap) {
    unsigned nc = p->cap ? p->cap * 2 : 32;
    VmIns *ni = realloc(p->ins, nc * sizeof *ni);
    if (!ni) return NULL;
    p->ins = ni;
    p->cap = nc;
  }
  VmIns *i = &p->ins[p->nins++];
  memset(i, 0, sizeof *i);
  return i;
}

/* Constants to preset: (reg, value) pairs collected while compiling. */
typedef struct ConstList {
  uint32_t *reg;
  SmVmReg *val;
  unsigned n, cap;
} ConstList;

static bool add_const(ConstList *c, uint32_t reg, SmVmReg v) {
  if (c->n == c->cap) {
    unsigned nc = c->cap ? c->cap * 2 : 16;
    uint32_t *nr = realloc(c->reg, nc * sizeof *nr);
    if (!nr) return false;
    c->reg = nr;
    SmVmReg *nv = realloc(c->val, nc * sizeof *nv);
    if (!nv) return false;
    c->val = nv;
    c->cap = nc;
  }
  c->reg[c->n] = reg;
  c->val[c->n++] = v;
  return true;
}

typedef struct NameOp {
  const char *name;
  VmOp op;
} NameOp;

static const NameOp simple_ops[] = {
    {"arith.addf", V_ADDF},         {"arith.subf", V_SUBF},         {"arith.mulf", V_MULF},
    {"arith.divf", V_DIVF},         {"arith.remf", V_REMF},         {"arith.maximumf", V_MAXIMUMF},
    {"arith.minimumf", V_MINIMUMF}, {"arith.maxnumf", V_MAXNUMF},   {"arith.minnumf", V_MINNUMF},
    {"arith.negf", V_NEGF},         {"math.absf", V_ABSF},          {"math.ceil", V_CEIL},
    {"math.cos", V_COS},            {"math.erf", V_ERF},            {"math.exp", V_EXP},
    {"math.floor", V_FLOOR},        {"math.log", V_LOG},            {"math.round", V_ROUND},
    {"math.rsqrt", V_RSQRT},        {"math.sin", V_SIN},            {"math.sqrt", V_SQRT},
    {"math.tanh", V_TANH},          {"math.powf", V_POWF},          {"arith.addi", V_ADDI},
    {"arith.subi", V_SUBI},         {"arith.muli", V_MULI},         {"arith.divsi", V_DIVSI},
    {"arith.divui", V_DIVUI},       {"arith.remsi", V_REMSI},       {"arith.remui", V_REMUI},
    {"arith.andi", V_ANDI},         {"arith.ori", V_ORI},           {"arith.xori", V_XORI},
    {"arith.shli", V_SHLI},         {"arith.shrsi", V_SHRSI},       {"arith.shrui", V_SHRUI},
    {"arith.maxsi", V_MAXSI},       {"arith.minsi", V_MINSI},       {"arith.maxui", V_MAXUI},
    {"arith.minui", V_MINUI},       {"arith.cmpi", V_CMPI},         {"arith.cmpf", V_CMPF},
    {"arith.select", V_SELECT},     {"arith.extsi", V_EXTSI},       {"arith.extui", V_EXTUI},
    {"arith.trunci", V_TRUNCI},     {"arith.sitofp", V_SITOFP},     {"arith.uitofp", V_UITOFP},
    {"arith.fptosi", V_FPTOSI},     {"arith.fptoui", V_FPTOUI},     {"arith.extf", V_EXTF},
    {"arith.truncf", V_TRUNCF},     {"arith.index_cast", V_INDEX_CAST},
    {"arith.index_castui", V_INDEX_CASTUI},
};

static bool lookup_simple(const char *name, VmOp *out) {
  for (size_t i = 0; i < sizeof simple_ops / sizeof simple_ops[0]; i++)
    if (strcmp(simple_ops[i].name, name) == 0) {
      *out = simple_ops[i].op;
      return true;
    }
  return false;
}

static uint32_t *reg_list(SmVmProg *p, SmOp *op, unsigned first, unsigned n, bool *ok) {
  uint32_t *l = malloc((n ? n : 1) * sizeof *l);
  if (!l) {
    *ok = sm_op_emit_error(op, "interpreter: out of memory");
    return NULL;
  }
  for (unsigned i = 0; i < n && *ok; i++) *ok = reg_of(p, op, op->operands[first + i].value, &l[i]);
  return l;
}

static SmVmAff *compile_map_prop(SmOp *op, bool *ok) {
  SmAttr *m = sm_op_get_prop(op, "map");
  SmVmAff *a = calloc(1, sizeof *a);
  if (!a || !m || m->kind != SM_ATTR_AFFINE_MAP || m->map->num_results != 1 ||
      !sm_vm_aff_compile(a, m->map->results[0])) {
    free(a);
    *ok = sm_op_emit_error(op, "interpreter: cannot compile the 'map' of this op");
    return NULL;
  }
  return a;
}

static bool compile_block(SmVmProg *p, SmBlock *b, ConstList *consts, uint32_t **yields, unsigned *nyields);

static bool compile_op(SmVmProg *p, SmOp *op, ConstList *consts) {
  bool ok = true;
  if (sm_op_name_is(op, "arith.constant")) {
    uint32_t r = new_reg(p);
    bind(p, &op->results[0], r);
    SmAttr *v = sm_op_get_prop(op, "value");
    if (!v || (v->kind != SM_ATTR_FLOAT && v->kind != SM_ATTR_INTEGER && v->kind != SM_ATTR_BOOL))
      return sm_op_emit_error(op, "interpreter: only scalar constants can appear in scalar code");
    return add_const(consts, r, sm_vm_reg_from_attr(v)) || sm_op_emit_error(op, "interpreter: out of memory");
  }
  VmIns tmp;
  memset(&tmp, 0, sizeof tmp);
  tmp.op_ir = op;
  VmOp vop;
  SmType *rt = op->num_results ? op->results[0].type : NULL;
  if (lookup_simple(op->name, &vop)) {
    tmp.op = (uint8_t)vop;
    if (op->num_operands < 1 || op->num_operands > 3 || op->num_results != 1)
      return sm_op_emit_error(op, "interpreter: unexpected operand or result count");
    if (!reg_of(p, op, op->operands[0].value, &tmp.a)) return false;
    if (op->num_operands > 1 && !reg_of(p, op, op->operands[1].value, &tmp.b)) return false;
    if (op->num_operands > 2 && !reg_of(p, op, op->operands[2].value, &tmp.c)) return false;
    tmp.f32 = rt->kind == SM_TYPE_F32;
    if (!sm_type_is_float(rt)) tmp.width = (uint8_t)int_width(rt);
    SmType *st = op->operands[0].value->type;
    if (!sm_type_is_float(st)) tmp.srcw = (uint8_t)int_width(st);
    if (vop == V_CMPI || vop == V_CMPF) {
      SmAttr *pr = sm_op_get_prop(op, "predicate");
      if (!pr || pr->kind != SM_ATTR_INTEGER) return sm_op_emit_error(op, "interpreter: missing predicate");
      tmp.imm = pr->integer.value;
      tmp.width = 1;
    }
    /* f16/bf16 values live in the double registers, rounded (nearest even, overflow to inf). */
    if (vop == V_TRUNCF && rt->kind == SM_TYPE_F16) tmp.op = V_TRUNCF_F16;
    if (vop == V_TRUNCF && rt->kind == SM_TYPE_BF16) tmp.op = V_TRUNCF_BF16;
    if (vop == V_SELECT) {
      tmp.f32 = false; /* a copy of either operand */
      tmp.width = sm_type_is_float(rt) ? 0 : (uint8_t)int_width(rt);
    }
  } else if (sm_op_name_is(op, "layout.index")) {
    tmp.op = V_L_INDEX;
    SmAttr *d = sm_op_get_prop(op, "dim");
    if (!d || d->kind != SM_ATTR_INTEGER || d->integer.value < 0 || d->integer.value >= SM_VM_MAX_DIMS)
      return sm_op_emit_error(op, "interpreter: bad 'dim'");
    tmp.imm = d->integer.value;
  } else if (sm_op_name_is(op, "layout.extract")) {
    tmp.op = V_L_EXTRACT;
    SmAttr *k = sm_op_get_prop(op, "operand");
    if (!k || k->kind != SM_ATTR_INTEGER || k->integer.value < 0) return sm_op_emit_error(op, "interpreter: bad 'operand'");
    tmp.imm = k->integer.value;
    tmp.nargs = op->num_operands;
    tmp.args = reg_list(p, op, 0, op->num_operands, &ok);
  } else if (sm_op_name_is(op, "kernel.global_id") || sm_op_name_is(op, "kernel.group_id")) {
    /* A work-group kernel runs one work-item per group here: its group_reduce
     * and group_for are plain loops, so the group id is the work-item id. */
    tmp.op = V_K_GID;
  } else if (sm_op_name_is(op, "kernel.apply")) {
    tmp.op = V_K_APPLY;
    tmp.nargs = op->num_operands;
    tmp.args = reg_list(p, op, 0, op->num_operands, &ok);
    if (ok) tmp.aff = compile_map_prop(op, &ok);
  } else if (sm_op_name_is(op, "kernel.load") || sm_op_name_is(op, "kernel.store")) {
    bool st = sm_op_name_is(op, "kernel.store");
    unsigned first = st ? 2 : 1;
    if (op->num_operands < first) return sm_op_emit_error(op, "interpreter: missing operands");
    tmp.op = st ? V_K_STORE : V_K_LOAD;
    SmValue *buf = op->operands[first - 1].value;
    SmBlock *owner = buf->kind == SM_VALUE_BLOCK_ARG ? buf->owner.block : NULL;
    SmOp *fn = owner && owner->region ? owner->region->op : NULL;
    if (!fn || !sm_op_name_is(fn, "kernel.func"))
      return sm_op_emit_error(op, "interpreter: the buffer must be an argument of the kernel.func");
    tmp.imm = buf->index;
    if (st && !reg_of(p, op, op->operands[0].value, &tmp.a)) return false;
    tmp.nargs = op->num_operands - first;
    if (tmp.nargs > SM_VM_MAX_DIMS) return sm_op_emit_error(op, "interpreter: too many coordinates");
    tmp.args = reg_list(p, op, first, tmp.nargs, &ok);
    if (ok) tmp.aff = compile_map_prop(op, &ok);
    SmAttr *shape = sm_op_get_prop(op, "shape"), *pad = sm_op_get_prop(op, "pad");
    if (ok && !st && pad && shape && shape->kind == SM_ATTR_DENSE_ARRAY && shape->dense_array.count == tmp.nargs) {
      tmp.has_pad = true;
      tmp.shape = shape->dense_array.data;
      tmp.pad = sm_vm_reg_from_attr(pad);
    }
  } else if (sm_op_name_is(op, "kernel.for") || sm_op_name_is(op, "kernel.group_reduce") ||
             sm_op_name_is(op, "kernel.group_for")) {
    SmBlock *body = op->regions[0].first;
    bool okp = true;
    int64_t lo = 0, hi = 0, step = 1;
    SmAttr *a;
    if ((a = sm_op_get_prop(op, "lower")) && a->kind == SM_ATTR_INTEGER) lo = a->integer.value; else okp = false;
    if ((a = sm_op_get_prop(op, "upper")) && a->kind == SM_ATTR_INTEGER) hi = a->integer.value; else okp = false;
    if ((a = sm_op_get_prop(op, "step")) && a->kind == SM_ATTR_INTEGER) step = a->integer.value; else okp = false;
    if (!okp || step <= 0 || !body || body->num_args != op->num_operands + 1)
      return sm_op_emit_error(op, "interpreter: malformed kernel.for");
    unsigned n = op->num_operands;
    uint32_t *inits = reg_list(p, op, 0, n, &ok);
    if (!ok) {
      free(inits);
      return false;
    }
    if (hi - lo <= step) {
      /* At most one iteration (1x1 convolution windows): run the body inline
       * with the iteration values aliased to their initial registers. */
      if (hi > lo) {
        uint32_t iv = new_reg(p);
        bind(p, body->args[0], iv);
        if (!add_const(consts, iv, (SmVmReg){.i = lo})) ok = sm_op_emit_error(op, "interpreter: out of memory");
        for (unsigned i = 0; i < n; i++) bind(p, body->args[i + 1], inits[i]);
        uint32_t *yields = NULL;
        unsigned ny = 0;
        if (ok) ok = compile_block(p, body, consts, &yields, &ny);
        if (ok && ny != n) ok = sm_op_emit_error(op, "interpreter: kernel.for yields %u values, carries %u", ny, n);
        for (unsigned i = 0; ok && i < n; i++) bind(p, &op->results[i], yields[i]);
        free(yields);
      } else {
        for (unsigned i = 0; i < n; i++) bind(p, &op->results[i], inits[i]);
      }
      free(inits);
      return ok;
    }
    uint32_t *carried = malloc((n ? n : 1) * sizeof *carried), *results = malloc((n ? n : 1) * sizeof *results);
    if (!carried || !results) {
      free(inits), free(carried), free(results);
      return sm_op_emit_error(op, "interpreter: out of memory");
    }
    uint32_t iv = new_reg(p);
    bind(p, body->args[0], iv);
    for (unsigned i = 0; i < n; i++) {
      carried[i] = new_reg(p);
      bind(p, body->args[i + 1], carried[i]);
    }
    unsigned at = p->nins;
    VmIns *fi = push(p);
    if (!fi) {
      free(inits), free(carried), free(results);
      return sm_op_emit_error(op, "interpreter: out of memory");
    }
    fi->op = V_K_FOR;
    fi->op_ir = op;
    fi->args = inits;
    fi->args2 = carried;
    fi->args4 = results;
    fi->nargs = n;
    fi->c = iv;
    fi->imm = lo, fi->imm2 = hi, fi->imm3 = step;
    uint32_t *yields = NULL;
    unsigned ny = 0;
    bool bok = compile_block(p, body, consts, &yields, &ny);
    fi = &p->ins[at]; /* push may have moved the array */
    fi->args3 = yields;
    fi->a = at + 1;
    fi->b = p->nins;
    if (!bok) return false;
    if (ny != n) return sm_op_emit_error(op, "interpreter: kernel.for yields %u values, carries %u", ny, n);
    for (unsigned i = 0; i < n; i++) {
      results[i] = new_reg(p);
      bind(p, &op->results[i], results[i]);
    }
    return true;
  } else {
    return sm_op_emit_error(op, "interpreter: cannot execute '%s' in scalar code", op->name);
  }
  if (!ok) {
    free(tmp.args);
    if (tmp.aff) sm_vm_aff_free(tmp.aff), free(tmp.aff);
    return false;
  }
  if (op->num_results) {
    tmp.dst = new_reg(p);
    bind(p, &op->results[0], tmp.dst);
  }
  VmIns *ins = push(p);
  if (!ins) {
    free(tmp.args);
    if (tmp.aff) sm_vm_aff_free(tmp.aff), free(tmp.aff);
    return sm_op_emit_error(op, "interpreter: out of memory");
  }
  *ins = tmp;
  return true;
}

static bool compile_block(SmVmProg *p, SmBlock *b, ConstList *consts, uint32_t **yields, unsigned *nyields) {
  *yields = NULL;
  *nyields = 0;
  for (SmOp *op = b->first; op; op = op->next) {
    if (sm_op_name_is(op, "layout.yield") || sm_op_name_is(op, "kernel.yield")) {
      bool ok = true;
      *yields = reg_list(p, op, 0, op->num_operands, &ok);
      *nyields = op->num_operands;
      return ok;
    }
    if (!compile_op(p, op, consts)) return false;
  }
  return true;
}

SmVmProg *sm_vm_compile(SmBlock *block) {
  SmVmProg *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  sm_ptrmap_init(&p->regs);
  for (unsigned i = 0; i < block->num_args; i++) bind(p, block->args[i], new_reg(p));
  ConstList consts = {0};
  bool ok = compile_block(p, block, &consts, &p->results, &p->nresults);
  if (ok) {
    p->init = calloc(p->nregs ? p->nregs : 1, sizeof *p->init);
    if (!p->init) ok = false;
    else
      for (unsigned i = 0; i < consts.n; i++) p->init[consts.reg[i]] = consts.val[i];
  }
  free(consts.reg);
  free(consts.val);
  sm_ptrmap_free(&p->regs);
  sm_ptrmap_init(&p->regs);
  if (!ok) {
    sm_vm_prog_free(p);
    return NULL;
  }
  return p;
}

void sm_vm_prog_free(SmVmProg *p) {
  if (!p) return;
  for (unsigned i = 0; i < p->nins; i++) {
    VmIns *in = &p->ins[i];
    free(in->args);
    free(in->args2);
    free(in->args3);
    free(in->args4);
    if (in->aff) sm_vm_aff_free(in->aff), free(in->aff);
  }
  free(p->ins);
  free(p->init);
  free(p->results);
  sm_ptrmap_free(&p->regs);
  free(p);
}

unsigned sm_vm_prog_num_regs(const SmVmProg *p) { return p->nregs; }
unsigned sm_vm_prog_num_results(const SmVmProg *p) { return p->nresults; }
const uint32_t *sm_vm_prog_results(const SmVmProg *p) { return p->results; }
SmVmReg *sm_vm_prog_regs(SmVmProg *p) { return p->init; }

/* ---- execution ------------------------------------------------------------- */

static double rf(const VmIns *in, double v) { return in->f32 ? (double)(float)v : v; }

static double maximumf(double a, double b) {
  if (a != a || b != b) return NAN;
  if (a == 0 && b == 0) return signbit(a) ? b : a;
  return a > b ? a : b;
}

static double minimumf(double a, double b) {
  if (a != a || b != b) return NAN;
  if (a == 0 && b == 0) return signbit(a) ? a : b;
  return a < b ? a : b;
}

/* Float to integer like C's cast but saturating, NaN -> 0 (no UB on garbage). */
static int64_t f2i(double v) {
  if (v != v) return 0;
  if (v >= 9.2233720368547758e18) return INT64_MAX;
  if (v <= -9.2233720368547758e18) return INT64_MIN;
  return (int64_t)v;
}

static bool fail(SmVmEnv *env, const VmIns *in, const char *what) {
  if (!env->fail_op) env->fail_op = in->op_ir, env->fail_what = what;
  return false;
}

static bool run_range(const SmVmProg *p, unsigned from, unsigned to, SmVmReg *R, SmVmEnv *env) {
  for (unsigned k = from; k < to; k++) {
    const VmIns *in = &p->ins[k];
    SmVmReg *d = &R[in->dst];
    const SmVmReg A = R[in->a], B = R[in->b];
    unsigned w = in->width;
    switch ((VmOp)in->op) {
    case V_ADDF: d->f = rf(in, A.f + B.f); break;
    case V_SUBF: d->f = rf(in, A.f - B.f); break;
    case V_MULF: d->f = rf(in, A.f * B.f); break;
    case V_DIVF: d->f = rf(in, A.f / B.f); break;
    case V_REMF: d->f = rf(in, fmod(A.f, B.f)); break;
    case V_MAXIMUMF: d->f = maximumf(A.f, B.f); break;
    case V_MINIMUMF: d->f = minimumf(A.f, B.f); break;
    case V_MAXNUMF: d->f = fmax(A.f, B.f); break;
    case V_MINNUMF: d->f = fmin(A.f, B.f); break;
    case V_NEGF: d->f = -A.f; break;
    case V_ABSF: d->f = fabs(A.f); break;
    case V_CEIL: d->f = ceil(A.f); break;
    case V_COS: d->f = rf(in, cos(A.f)); break;
    case V_ERF: d->f = rf(in, erf(A.f)); break;
    case V_EXP: d->f = rf(in, exp(A.f)); break;
    case V_FLOOR: d->f = floor(A.f); break;
    case V_LOG: d->f = rf(in, log(A.f)); break;
    case V_ROUND: d->f = round(A.f); break;
    case V_RSQRT: d->f = rf(in, 1.0 / sqrt(A.f)); break;
    case V_SIN: d->f = rf(in, sin(A.f)); break;
    case V_SQRT: d->f = rf(in, sqrt(A.f)); break;
    case V_TANH: d->f = rf(in, tanh(A.f)); break;
    case V_POWF: d->f = rf(in, pow(A.f, B.f)); break;
    case V_ADDI: d->i = sext((int64_t)((uint64_t)A.i + (uint64_t)B.i), w); break;
    case V_SUBI: d->i = sext((int64_t)((uint64_t)A.i - (uint64_t)B.i), w); break;
    case V_MULI: d->i = sext((int64_t)((uint64_t)A.i * (uint64_t)B.i), w); break;
    case V_DIVSI: d->i = (B.i == 0 || (B.i == -1 && A.i == INT64_MIN)) ? 0 : sext(A.i / B.i, w); break;
    case V_DIVUI: d->i = zext(B.i, w) ? sext((int64_t)(zext(A.i, w) / zext(B.i, w)), w) : 0; break;
    case V_REMSI: d->i = (B.i == 0 || B.i == -1) ? 0 : sext(A.i % B.i, w); break;
    case V_REMUI: d->i = zext(B.i, w) ? sext((int64_t)(zext(A.i, w) % zext(B.i, w)), w) : 0; break;
    case V_ANDI: d->i = A.i & B.i; break;
    case V_ORI: d->i = A.i | B.i; break;
    case V_XORI: d->i = sext(A.i ^ B.i, w); break;
    case V_SHLI: d->i = zext(B.i, w) >= w ? 0 : sext((int64_t)((uint64_t)A.i << zext(B.i, w)), w); break;
    case V_SHRSI: d->i = zext(B.i, w) >= w ? (A.i < 0 ? -1 : 0) : A.i >> zext(B.i, w); break;
    case V_SHRUI: d->i = zext(B.i, w) >= w ? 0 : sext((int64_t)(zext(A.i, w) >> zext(B.i, w)), w); break;
    case V_MAXSI: d->i = A.i > B.i ? A.i : B.i; break;
    case V_MINSI: d->i = A.i < B.i ? A.i : B.i; break;
    case V_MAXUI: d->i = zext(A.i, w) > zext(B.i, w) ? A.i : B.i; break;
    case V_MINUI: d->i = zext(A.i, w) < zext(B.i, w) ? A.i : B.i; break;
    case V_CMPI: d->i = sm_arith_cmpi(in->imm, in->srcw, (uint64_t)A.i, (uint64_t)B.i); break;
    case V_CMPF: d->i = sm_arith_cmpf(in->imm, A.f, B.f); break;
    case V_SELECT: *d = (A.i & 1) ? B : R[in->c]; break;
    case V_EXTSI: d->i = A.i; break; /* registers are already sign-extended */
    case V_EXTUI: d->i = (int64_t)zext(A.i, in->srcw); break;
    case V_TRUNCI: d->i = sext(A.i, w); break;
    case V_SITOFP: d->f = rf(in, (double)A.i); break;
    case V_UITOFP: d->f = rf(in, (double)zext(A.i, in->srcw)); break;
    case V_FPTOSI: d->i = sext(f2i(A.f), w); break;
    case V_FPTOUI: d->i = sext(f2i(A.f), w); break;
    case V_EXTF: d->f = A.f; break;
    case V_TRUNCF: d->f = rf(in, A.f); break;
    case V_TRUNCF_F16: d->f = sm_f16_bits_to_f32(sm_f32_to_f16_bits((float)A.f)); break;
    case V_TRUNCF_BF16: d->f = sm_bf16_bits_to_f32(sm_f32_to_bf16_bits((float)A.f)); break;
    case V_INDEX_CAST: d->i = sext(A.i, w); break;
    case V_INDEX_CASTUI: d->i = sext((int64_t)zext(A.i, in->srcw), w); break;
    case V_L_INDEX: d->i = env->point[in->imm]; break;
    case V_L_EXTRACT: {
      if ((uint64_t)in->imm >= env->num_extracts) return fail(env, in, "reads an input that is not available");
      const SmVmExtract *x = &env->extracts[in->imm];
      int64_t idx[SM_VM_MAX_DIMS];
      if (in->nargs != x->rank || in->nargs > SM_VM_MAX_DIMS) return fail(env, in, "has the wrong number of indices");
      for (unsigned j = 0; j < in->nargs; j++) {
        idx[j] = R[in->args[j]].i;
        if (idx[j] < 0 || idx[j] >= x->shape[j]) return fail(env, in, "reads outside its input (index out of range)");
      }
      int64_t off = sm_vm_aff_eval(&x->addr, idx);
      if (off < 0 || off >= x->mem.numel) return fail(env, in, "reads outside its input's memory");
      *d = sm_vm_mem_get(&x->mem, off);
      break;
    }
    case V_K_GID: d->i = env->gid; break;
    case V_K_APPLY: {
      int64_t v[SM_VM_MAX_DIMS];
      for (unsigned j = 0; j < in->nargs; j++) v[j] = R[in->args[j]].i;
      d->i = sm_vm_aff_eval(in->aff, v);
      break;
    }
    case V_K_LOAD:
    case V_K_STORE: {
      int64_t v[SM_VM_MAX_DIMS];
      for (unsigned j = 0; j < in->nargs; j++) v[j] = R[in->args[j]].i;
      if (in->has_pad) {
        bool inside = true;
        for (unsigned j = 0; j < in->nargs; j++) inside &= v[j] >= 0 && v[j] < in->shape[j];
        if (!inside) {
          *d = in->pad;
          break;
        }
      }
      if ((uint64_t)in->imm >= env->num_bufs) return fail(env, in, "uses a buffer that is not bound");
      SmVmMem *m = &env->bufs[in->imm];
      int64_t off = sm_vm_aff_eval(in->aff, v);
      if (off < 0 || off >= m->numel)
        return fail(env, in, in->op == V_K_LOAD ? "reads outside its buffer" : "writes outside its buffer");
      if (in->op == V_K_LOAD) *d = sm_vm_mem_get(m, off);
      else sm_vm_mem_set(m, off, R[in->a]);
      break;
    }
    case V_K_FOR: {
      unsigned n = in->nargs;
      for (unsigned j = 0; j < n; j++) R[in->args2[j]] = R[in->args[j]];
      SmVmReg tmp[16];
      for (int64_t iv = in->imm; iv < in->imm2; iv += in->imm3) {
        R[in->c].i = iv;
        if (!run_range(p, in->a, in->b, R, env)) return false;
        if (n <= 16) {
          for (unsigned j = 0; j < n; j++) tmp[j] = R[in->args3[j]];
          for (unsigned j = 0; j < n; j++) R[in->args2[j]] = tmp[j];
        } else {
          for (unsigned j = 0; j < n; j++) R[in->args2[j]] = R[in->args3[j]];
        }
      }
      for (unsigned j = 0; j < n; j++) R[in->args4[j]] = R[in->args2[j]];
      k = in->b - 1; /* skip the body */
      break;
    }
    }
  }
  return true;
}

bool sm_vm_run(const SmVmProg *p, SmVmReg *regs, SmVmEnv *env) { return run_range(p, 0, p->nins, regs, env); }
