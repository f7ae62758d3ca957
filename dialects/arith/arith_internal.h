/* arith dialect internals shared by arith_ops.c (table, verify, assembly)
 * and arith_fold.c (folders). */
#ifndef SM_DIALECTS_ARITH_INTERNAL_H
#define SM_DIALECTS_ARITH_INTERNAL_H

#include "ir/ir.h"

/* Op shapes: each selects a verifier, an assembly form and a folder family. */
typedef enum ArithKind {
  AK_CONSTANT,
  AK_INT_BIN,   /* signless-integer-like binary, same types */
  AK_FLOAT_BIN, /* floating-point-like binary, same types */
  AK_FLOAT_UN,  /* negf */
  AK_CMPI,
  AK_CMPF,
  AK_SELECT,
  AK_CAST,
} ArithKind;

/* Flags of an op's table row. */
enum {
  AF_OVERFLOW = 1u << 0,  /* has overflowFlags (default #arith.overflow<none>) */
  AF_FASTMATH = 1u << 1,  /* has fastmath (default #arith.fastmath<none>) */
  AF_ROUNDING = 1u << 2,  /* has optional roundingmode (truncf) */
};

/* Cast families: which element classes go in and out, and how widths relate. */
typedef enum ArithCast {
  AC_NONE,
  AC_EXT_INT,   /* int -> wider int */
  AC_TRUNC_INT, /* int -> narrower int */
  AC_INT_TO_FP,
  AC_FP_TO_INT,
  AC_EXT_FP,    /* float -> wider float */
  AC_TRUNC_FP,  /* float -> narrower float */
  AC_INDEX,     /* index <-> int */
  AC_BITCAST,   /* same bit width, int or float */
} ArithCast;

/* X(suffix, kind, opcode, flags, cast, traits) */
#define SM_ARITH_OPS(X)                                                                  \
  X(constant, AK_CONSTANT, OPC_NONE, 0, AC_NONE, SM_TRAIT_PURE | SM_TRAIT_CONSTANT_LIKE) \
  X(addi, AK_INT_BIN, OPC_ADD, AF_OVERFLOW, AC_NONE, SM_TRAIT_COMMUTATIVE)               \
  X(subi, AK_INT_BIN, OPC_SUB, AF_OVERFLOW, AC_NONE, 0)                                  \
  X(muli, AK_INT_BIN, OPC_MUL, AF_OVERFLOW, AC_NONE, SM_TRAIT_COMMUTATIVE)               \
  X(divsi, AK_INT_BIN, OPC_DIVS, 0, AC_NONE, 0)                                          \
  X(divui, AK_INT_BIN, OPC_DIVU, 0, AC_NONE, 0)                                          \
  X(remsi, AK_INT_BIN, OPC_REMS, 0, AC_NONE, 0)                                          \
  X(remui, AK_INT_BIN, OPC_REMU, 0, AC_NONE, 0)                                          \
  X(andi, AK_INT_BIN, OPC_AND, 0, AC_NONE, SM_TRAIT_COMMUTATIVE | SM_TRAIT_IDEMPOTENT)   \
  X(ori, AK_INT_BIN, OPC_OR, 0, AC_NONE, SM_TRAIT_COMMUTATIVE | SM_TRAIT_IDEMPOTENT)     \
  X(xori, AK_INT_BIN, OPC_XOR, 0, AC_NONE, SM_TRAIT_COMMUTATIVE)                         \
  X(shli, AK_INT_BIN, OPC_SHL, AF_OVERFLOW, AC_NONE, 0)                                  \
  X(shrsi, AK_INT_BIN, OPC_SHRS, 0, AC_NONE, 0)                                          \
  X(shrui, AK_INT_BIN, OPC_SHRU, 0, AC_NONE, 0)                                          \
  X(maxsi, AK_INT_BIN, OPC_MAXS, 0, AC_NONE, SM_TRAIT_COMMUTATIVE)                       \
  X(minsi, AK_INT_BIN, OPC_MINS, 0, AC_NONE, SM_TRAIT_COMMUTATIVE)                       \
  X(maxui, AK_INT_BIN, OPC_MAXU, 0, AC_NONE, SM_TRAIT_COMMUTATIVE)                       \
  X(minui, AK_INT_BIN, OPC_MINU, 0, AC_NONE, SM_TRAIT_COMMUTATIVE)                       \
  X(addf, AK_FLOAT_BIN, OPC_ADDF, AF_FASTMATH, AC_NONE, SM_TRAIT_COMMUTATIVE)            \
  X(subf, AK_FLOAT_BIN, OPC_SUBF, AF_FASTMATH, AC_NONE, 0)                               \
  X(mulf, AK_FLOAT_BIN, OPC_MULF, AF_FASTMATH, AC_NONE, SM_TRAIT_COMMUTATIVE)            \
  X(divf, AK_FLOAT_BIN, OPC_DIVF, AF_FASTMATH, AC_NONE, 0)                               \
  X(remf, AK_FLOAT_BIN, OPC_REMF, AF_FASTMATH, AC_NONE, 0)                               \
  X(maximumf, AK_FLOAT_BIN, OPC_MAXIMUMF, AF_FASTMATH, AC_NONE, SM_TRAIT_COMMUTATIVE)    \
  X(minimumf, AK_FLOAT_BIN, OPC_MINIMUMF, AF_FASTMATH, AC_NONE, SM_TRAIT_COMMUTATIVE)    \
  X(maxnumf, AK_FLOAT_BIN, OPC_MAXNUMF, AF_FASTMATH, AC_NONE, SM_TRAIT_COMMUTATIVE)      \
  X(minnumf, AK_FLOAT_BIN, OPC_MINNUMF, AF_FASTMATH, AC_NONE, SM_TRAIT_COMMUTATIVE)      \
  X(negf, AK_FLOAT_UN, OPC_NEGF, AF_FASTMATH, AC_NONE, SM_TRAIT_INVOLUTION)              \
  X(cmpi, AK_CMPI, OPC_NONE, 0, AC_NONE, 0)                                              \
  X(cmpf, AK_CMPF, OPC_NONE, AF_FASTMATH, AC_NONE, 0)                                    \
  X(select, AK_SELECT, OPC_NONE, 0, AC_NONE, 0)                                          \
  X(extsi, AK_CAST, OPC_EXTS, 0, AC_EXT_INT, 0)                                          \
  X(extui, AK_CAST, OPC_EXTU, 0, AC_EXT_INT, 0)                                          \
  X(trunci, AK_CAST, OPC_TRUNCI, AF_OVERFLOW, AC_TRUNC_INT, 0)                           \
  X(sitofp, AK_CAST, OPC_SITOFP, 0, AC_INT_TO_FP, 0)                                     \
  X(uitofp, AK_CAST, OPC_UITOFP, 0, AC_INT_TO_FP, 0)                                     \
  X(fptosi, AK_CAST, OPC_FPTOSI, 0, AC_FP_TO_INT, 0)                                     \
  X(fptoui, AK_CAST, OPC_FPTOUI, 0, AC_FP_TO_INT, 0)                                     \
  X(extf, AK_CAST, OPC_EXTF, 0, AC_EXT_FP, 0)                                            \
  X(truncf, AK_CAST, OPC_TRUNCF, AF_ROUNDING, AC_TRUNC_FP, 0)                            \
  X(index_cast, AK_CAST, OPC_INDEX_CAST, 0, AC_INDEX, 0)                                 \
  X(index_castui, AK_CAST, OPC_INDEX_CASTUI, 0, AC_INDEX, 0)                             \
  X(bitcast, AK_CAST, OPC_BITCAST, 0, AC_BITCAST, 0)

typedef enum ArithOpcode {
  OPC_NONE,
  OPC_ADD, OPC_SUB, OPC_MUL, OPC_DIVS, OPC_DIVU, OPC_REMS, OPC_REMU, OPC_AND, OPC_OR, OPC_XOR,
  OPC_SHL, OPC_SHRS, OPC_SHRU, OPC_MAXS, OPC_MINS, OPC_MAXU, OPC_MINU,
  OPC_ADDF, OPC_SUBF, OPC_MULF, OPC_DIVF, OPC_REMF, OPC_MAXIMUMF, OPC_MINIMUMF, OPC_MAXNUMF,
  OPC_MINNUMF, OPC_NEGF,
  OPC_EXTS, OPC_EXTU, OPC_TRUNCI, OPC_SITOFP, OPC_UITOFP, OPC_FPTOSI, OPC_FPTOUI, OPC_EXTF,
  OPC_TRUNCF, OPC_INDEX_CAST, OPC_INDEX_CASTUI, OPC_BITCAST,
} ArithOpcode;

typedef struct ArithInfo {
  ArithKind kind;
  ArithOpcode opcode;
  unsigned flags;
  ArithCast cast;
} ArithInfo;

/* Table row of an arith op (NULL for ops of other dialects). */
const ArithInfo *sm_arith_info(const SmOpDef *def);

/* cmpi predicates eq..uge are 0..9; cmpf predicates false..true are 0..15. */
extern const char *const sm_arith_cmpi_names[10];
extern const char *const sm_arith_cmpf_names[16];

/* The one folder behind every arith op. */
bool sm_arith_fold(SmOp *op, SmAttr *const *operands, SmFoldResult *results);

/* The canonicalization_patterns hook of the named op ("arith.addi"), or
 * NULL when it has no patterns (arith_canonicalize.c). */
void (*sm_arith_canonicalization_hook(const char *op_name))(SmPatternSet *, SmContext *);

/* An i1 scalar constant is always a bool attribute, so equal constants
 * unique to one pointer whichever way they were made. */
SmAttr *sm_arith_int_attr(SmContext *ctx, SmType *type, int64_t value);

#endif
