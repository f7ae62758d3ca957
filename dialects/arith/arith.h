/* arith dialect (MLIR's integer/float arithmetic subset): table-driven
 * definitions, MLIR's custom forms and verifier messages, and folders. */
#ifndef SM_DIALECTS_ARITH_H
#define SM_DIALECTS_ARITH_H

#include "ir/ir.h"

SmDialect *sm_arith_dialect(void);

/* arith.constant of value (integer, float, bool, dense elements or dense
 * resource attribute) at the builder's insertion point; its result type is
 * the value's type. NULL when value is not such an attribute. */
SmOp *sm_arith_build_constant(SmBuilder *b, SmAttr *value, SmLoc *loc);
/* Shorthands for scalar constants. */
SmOp *sm_arith_build_constant_int(SmBuilder *b, SmType *type, int64_t value, SmLoc *loc);
SmOp *sm_arith_build_constant_float(SmBuilder *b, SmType *type, double value, SmLoc *loc);
/* The value attribute of an arith.constant, or NULL for other ops. */
SmAttr *sm_arith_constant_value(const SmOp *op);

/* Builds a two-operand arith op (e.g. "arith.addi") whose result type is
 * lhs's type. */
SmOp *sm_arith_build_binary(SmBuilder *b, const char *name, SmValue *lhs, SmValue *rhs, SmLoc *loc);

/* arith.cmpi / arith.cmpf predicate semantics (MLIR's predicate numbers), for
 * the folders and for anything else that evaluates them (the interpreter).
 * cmpi compares the low `width` bits of a and b (any extension of them). */
bool sm_arith_cmpi(int64_t pred, unsigned width, uint64_t a, uint64_t b);
bool sm_arith_cmpf(int64_t pred, double a, double b);

/* Overflow / fastmath flag masks (MLIR's bit order) and their attributes. */
enum {
  SM_ARITH_OVERFLOW_NSW = 1, SM_ARITH_OVERFLOW_NUW = 2,
  SM_ARITH_FASTMATH_REASSOC = 1, SM_ARITH_FASTMATH_NNAN = 2, SM_ARITH_FASTMATH_NINF = 4,
  SM_ARITH_FASTMATH_NSZ = 8, SM_ARITH_FASTMATH_ARCP = 16, SM_ARITH_FASTMATH_CONTRACT = 32,
  SM_ARITH_FASTMATH_AFN = 64, SM_ARITH_FASTMATH_FAST = 127,
};
/* #arith.overflow<...> / #arith.fastmath<...> in MLIR's canonical spelling. */
SmAttr *sm_arith_overflow_attr(SmContext *ctx, unsigned mask);
SmAttr *sm_arith_fastmath_attr(SmContext *ctx, unsigned mask);
/* Mask of such an attribute (absent: 0); -1 when a is not one. */
int sm_arith_overflow_mask(const SmAttr *a);
int sm_arith_fastmath_mask(const SmAttr *a);

#endif
