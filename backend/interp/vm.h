/* Internal to the interpreter: a small register machine for the scalar code
 * inside layout.generic regions and kernel.func bodies.
 *
 * A block of scalar ops (arith, math, layout.index/extract, kernel.apply/
 * load/store/for/global_id) is compiled once into an instruction array over
 * a register file (one register per SSA value), so that running it at every
 * domain point or work-item does not re-walk the IR. Affine expressions are
 * compiled too: linear ones (the common case: strides and offsets) to a dot
 * product, the rest (floordiv, mod) to a small postfix program. */
#ifndef SM_BACKEND_INTERP_VM_H
#define SM_BACKEND_INTERP_VM_H

#include "backend/interp/interp.h"

#define SM_VM_MAX_DIMS 16

/* A scalar: floats as double (f32 results are rounded to float precision),
 * integers and index as int64 (sign-extended to the type's width; i1 is 0/1). */
typedef union SmVmReg {
  double f;
  int64_t i;
} SmVmReg;

/* A compiled affine expression over an array of int64 variables. */
typedef struct SmVmAff {
  bool linear;
  int64_t c0;
  unsigned nterms;
  uint8_t var[SM_VM_MAX_DIMS];
  int64_t coef[SM_VM_MAX_DIMS];
  /* Non-linear: postfix code. */
  unsigned ncode;
  struct SmVmAffStep {
    uint8_t op; /* SmAffineKind; DIM: push var[arg]; CONST: push arg */
    int64_t arg;
  } *code;
} SmVmAff;

bool sm_vm_aff_compile(SmVmAff *a, const SmAffineExpr *e);
void sm_vm_aff_free(SmVmAff *a);
int64_t sm_vm_aff_eval_slow(const SmVmAff *a, const int64_t *vars);
static inline int64_t sm_vm_aff_eval(const SmVmAff *a, const int64_t *vars) {
  if (!a->linear) return sm_vm_aff_eval_slow(a, vars);
  int64_t v = a->c0;
  for (unsigned k = 0; k < a->nterms; k++) v += a->coef[k] * vars[a->var[k]];
  return v;
}

/* A memory an instruction reads or writes: element type and extent. */
typedef struct SmVmMem {
  void *data;
  SmDType dtype;
  int64_t numel;
  /* Half storage of f32 values (!kernel.buffer<f32, f16>): 2-byte IEEE
   * halves, widened on load, rounded to nearest even on store (vload_half /
   * vstore_half). */
  bool half;
} SmVmMem;

/* Reads element off of m as a register (no bounds check). */
SmVmReg sm_vm_mem_get_slow(const SmVmMem *m, int64_t off);
static inline SmVmReg sm_vm_mem_get(const SmVmMem *m, int64_t off) {
  if (m->dtype == SM_DT_F32 && !m->half) return (SmVmReg){.f = ((const float *)m->data)[off]};
  return sm_vm_mem_get_slow(m, off);
}
void sm_vm_mem_set(SmVmMem *m, int64_t off, SmVmReg v);

/* How an input of a layout.generic is read through layout.extract: the
 * address is layout(indices); indices are bounds-checked against shape. */
typedef struct SmVmExtract {
  SmVmMem mem;
  unsigned rank;
  const int64_t *shape;
  SmVmAff addr; /* over the rank indices */
} SmVmExtract;

typedef struct SmVmProg SmVmProg;

/* What instructions see while running. */
typedef struct SmVmEnv {
  const int64_t *point;      /* layout.index: current domain point */
  SmVmExtract *extracts;     /* layout.extract: per generic input */
  unsigned num_extracts;
  SmVmMem *bufs;             /* kernel.load/store: kernel arguments */
  unsigned num_bufs;
  int64_t gid;               /* kernel.global_id */
  SmOp *fail_op;             /* first op whose access failed (out of bounds) */
  const char *fail_what;
} SmVmEnv;

/* Compiles the ops of block (not its arguments): the block arguments get
 * registers 0..num_args-1. The terminator (layout.yield / kernel.yield) is
 * not executed: its operands' registers are listed as the results. Returns
 * NULL with a diagnostic on an op it cannot run. */
SmVmProg *sm_vm_compile(SmBlock *block);
void sm_vm_prog_free(SmVmProg *p);
unsigned sm_vm_prog_num_regs(const SmVmProg *p);
/* Registers holding the yielded values (valid after run). */
unsigned sm_vm_prog_num_results(const SmVmProg *p);
const uint32_t *sm_vm_prog_results(const SmVmProg *p);
/* Initial register file (constants filled in); run with a copy or reuse it:
 * constants are never overwritten. */
SmVmReg *sm_vm_prog_regs(SmVmProg *p);
/* Runs the program on regs (args preset). False when an access failed
 * (env->fail_op set). */
bool sm_vm_run(const SmVmProg *p, SmVmReg *regs, SmVmEnv *env);

/* Scalar conversions between a register and an IR scalar type. */
SmVmReg sm_vm_reg_from_attr(const SmAttr *a);

#endif
