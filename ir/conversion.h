/* Dialect conversion: rewrite every illegal op with conversion patterns,
 * converting types on the way.
 *
 * Design (rollback-free, documented choice): patterns are applied directly
 * through an SmRewriter, in pre-order, each op at most once (plus the ops
 * patterns create). When a pattern replaces an op by values of another type
 * (converted types), users that are not converted yet get a cast back to the
 * old type (the type converter's source materialization, by default an
 * unregistered-style "builtin.unrealized_conversion_cast" op); patterns see
 * through such casts in their `operands` (the adapted operands), and casts
 * left without users are erased at the end. Nothing is undone on failure:
 * when an op cannot be legalized the driver reports it and returns false,
 * leaving the IR partially converted (callers run conversions inside a pass,
 * whose failure stops the pipeline).
 *
 * Full conversion: every op must end up legal (ops with no legality entry
 * count as illegal). Partial conversion: only explicitly illegal ops must be
 * converted; unknown ops may stay.
 */
#ifndef SM_PASSES_CONVERSION_H
#define SM_PASSES_CONVERSION_H

#include "ir/rewrite.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Target ----------------------------------------------------------------- */

typedef enum SmLegality {
  SM_LEGALITY_UNKNOWN, /* no rule for this op */
  SM_LEGALITY_LEGAL,
  SM_LEGALITY_ILLEGAL,
} SmLegality;

typedef struct SmConversionTarget SmConversionTarget;
/* Decides legality of one op; user from the registration. */
typedef bool (*SmLegalityFn)(SmOp *op, void *user);

SmConversionTarget *sm_conversion_target_create(SmContext *ctx);
void sm_conversion_target_destroy(SmConversionTarget *t);
/* Op rules win over dialect rules. A later rule for the same name replaces
 * an earlier one. */
void sm_conversion_target_add_legal_op(SmConversionTarget *t, const char *op_name);
void sm_conversion_target_add_illegal_op(SmConversionTarget *t, const char *op_name);
void sm_conversion_target_add_legal_dialect(SmConversionTarget *t, const char *dialect);
void sm_conversion_target_add_illegal_dialect(SmConversionTarget *t, const char *dialect);
/* Legal iff fn(op, user) returns true. */
void sm_conversion_target_add_dynamically_legal_op(SmConversionTarget *t, const char *op_name,
                                                   SmLegalityFn fn, void *user);
void sm_conversion_target_add_dynamically_legal_dialect(SmConversionTarget *t,
                                                        const char *dialect, SmLegalityFn fn,
                                                        void *user);
SmLegality sm_conversion_target_legality(const SmConversionTarget *t, SmOp *op);

/* ---- Type converter ------------------------------------------------------------ */

/* Returns the converted type, or NULL when this rule does not apply. */
typedef SmType *(*SmTypeConversionFn)(SmType *type, void *user);
/* Builds a value of type `to` from `input` at the rewriter's insertion
 * point, or returns NULL. */
typedef SmValue *(*SmMaterializeFn)(SmRewriter *rw, SmType *to, SmValue *input, SmLoc *loc,
                                    void *user);

typedef struct SmTypeConverter SmTypeConverter;

SmTypeConverter *sm_type_converter_create(SmContext *ctx);
void sm_type_converter_destroy(SmTypeConverter *tc);
/* Rules are tried newest first; a type no rule handles is kept as is
 * (legal) unless sm_type_converter_set_strict was called. */
void sm_type_converter_add(SmTypeConverter *tc, SmTypeConversionFn fn, void *user);
void sm_type_converter_set_strict(SmTypeConverter *tc, bool strict);
void sm_type_converter_set_source_materialization(SmTypeConverter *tc, SmMaterializeFn fn,
                                                  void *user);
/* NULL if the type cannot be converted. */
SmType *sm_type_converter_convert(const SmTypeConverter *tc, SmType *type);
/* Type is its own conversion. */
bool sm_type_converter_is_legal(const SmTypeConverter *tc, SmType *type);
/* All operand and result types legal, and (with regions) all block argument types. */
bool sm_type_converter_is_legal_op(const SmTypeConverter *tc, SmOp *op);
/* Converts the argument types of every block of region in place (new
 * arguments, old ones replaced by source materializations). False if a type
 * cannot be converted. */
bool sm_convert_region_types(SmRewriter *rw, const SmTypeConverter *tc, SmRegion *region);

/* ---- Patterns -------------------------------------------------------------------- */

typedef struct SmConversionPattern SmConversionPattern;
/* operands: op's operands seen through pending casts (already converted
 * values). Returns true iff it rewrote op (replacing or erasing it, or
 * modifying it in place to become legal). */
typedef bool (*SmConversionFn)(const SmConversionPattern *pattern, SmOp *op,
                               SmValue *const *operands, SmRewriter *rw);

struct SmConversionPattern {
  const char *root; /* op name or NULL for any */
  unsigned benefit;
  SmConversionFn match_and_rewrite;
  const SmTypeConverter *type_converter; /* may be NULL */
  void *user;
};

typedef struct SmConversionPatternSet {
  SmContext *ctx;
  SmConversionPattern *patterns;
  unsigned count, cap;
} SmConversionPatternSet;

void sm_conversion_pattern_set_init(SmConversionPatternSet *set, SmContext *ctx);
void sm_conversion_pattern_set_free(SmConversionPatternSet *set);
void sm_conversion_pattern_set_add(SmConversionPatternSet *set, const SmConversionPattern *p);

/* ---- Drivers ------------------------------------------------------------------------ */

/* Converts everything nested in op (not op itself). tc may be NULL. Errors
 * ("failed to legalize operation 'x'") are emitted at the ops. */
bool sm_apply_partial_conversion(SmOp *op, const SmConversionTarget *target,
                                 const SmConversionPatternSet *patterns,
                                 const SmTypeConverter *tc);
bool sm_apply_full_conversion(SmOp *op, const SmConversionTarget *target,
                              const SmConversionPatternSet *patterns, const SmTypeConverter *tc);

/* Replaces op by values whose types may differ from op's result types;
 * uses that keep the old type get a source materialization. Conversion
 * patterns use this instead of sm_rewriter_replace_op. */
void sm_conversion_replace_op(SmRewriter *rw, SmOp *op, SmValue *const *values);

#ifdef __cplusplus
}
#endif
#endif /* SM_PASSES_CONVERSION_H */
