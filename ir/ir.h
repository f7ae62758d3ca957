/* smartmem core IR: the public C API.
 *
 * The model is MLIR's: a context owns uniqued types, attributes, locations and
 * affine expressions (compare them by pointer); operations hold operands,
 * results, properties, attributes, regions and successors; regions hold blocks;
 * blocks hold operations and arguments; values keep use lists.
 *
 * Structs are visible so passes can read fields directly. Mutate the IR only
 * through the functions below (they keep use lists and parent links right).
 * Uniqued objects (SmType, SmAttr, SmLoc, SmAffineExpr, SmAffineMap) are
 * immutable and live as long as their context.
 *
 * Ownership words follow MLIR's C API: *_create returns an object the caller
 * owns (destroy it, or hand it to something that takes it); "takes" means the
 * callee becomes the owner.
 *
 * Library code never prints or exits: errors are diagnostics sent to the
 * context's handler (see diagnostics section).
 */
#ifndef SM_IR_H
#define SM_IR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct SmContext SmContext;
typedef struct SmType SmType;
typedef struct SmAttr SmAttr;
typedef struct SmLoc SmLoc;
typedef struct SmAffineExpr SmAffineExpr;
typedef struct SmAffineMap SmAffineMap;
typedef struct SmIntegerSet SmIntegerSet;
typedef struct SmOp SmOp;
typedef struct SmBlock SmBlock;
typedef struct SmRegion SmRegion;
typedef struct SmValue SmValue;
typedef struct SmUse SmUse;
typedef struct SmOpDef SmOpDef;
typedef struct SmDialect SmDialect;
typedef struct SmParser SmParser;   /* custom-form parsing, see ir/asm.h */
typedef struct SmPrinter SmPrinter; /* custom-form printing, see ir/asm.h */
typedef struct SmBuilder SmBuilder;
typedef struct SmStrBuf SmStrBuf;
typedef struct SmPatternSet SmPatternSet; /* defined by the pass layer */

#if defined(__GNUC__)
#define SM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SM_PRINTF(f, a)
#endif

/* ===================================================================== */
/* Context                                                                */
/* ===================================================================== */

SmContext *sm_context_create(void);
void sm_context_destroy(SmContext *ctx);

/* Unregistered ops ("foo.bar" with no definition) are rejected unless allowed. */
void sm_context_set_allow_unregistered(SmContext *ctx, bool allow);
bool sm_context_allows_unregistered(const SmContext *ctx);

/* Interned, NUL-terminated copy of s[0..len); equal strings give equal
 * pointers. Lives as long as the context. */
const char *sm_intern(SmContext *ctx, const char *s, size_t len);
const char *sm_intern_cstr(SmContext *ctx, const char *s);

/* Bump allocation from the context's arena (freed with the context). */
void *sm_context_alloc(SmContext *ctx, size_t size);

/* ===================================================================== */
/* Types                                                                  */
/* ===================================================================== */

typedef enum SmTypeKind {
  SM_TYPE_INTEGER,         /* iN for any N in 0..2^24-1, si/ui variants */
  SM_TYPE_INDEX,
  SM_TYPE_F16,
  SM_TYPE_BF16,
  SM_TYPE_F32,
  SM_TYPE_F64,
  SM_TYPE_NONE,
  SM_TYPE_TENSOR,          /* ranked: shaped.{rank,dims,elem,encoding} */
  SM_TYPE_UNRANKED_TENSOR, /* tensor<*xf32>: shaped.elem only */
  SM_TYPE_VECTOR,          /* shaped.{rank,dims,elem}, static dims */
  SM_TYPE_FUNCTION,        /* (inputs) -> results */
  SM_TYPE_TUPLE,
  SM_TYPE_COMPLEX,
  SM_TYPE_OPAQUE,          /* !dialect.rest: dialect types kept as text */
  SM_TYPE_FLOAT_EXT,       /* the other float formats of MLIR: fp.format */
  SM_TYPE_MEMREF,          /* shaped.{rank,dims,elem}, layout in shaped.encoding */
  SM_TYPE_UNRANKED_MEMREF, /* memref<*xf32, space>: shaped.{elem,memory_space} */
} SmTypeKind;

/* Float formats beyond f16/bf16/f32/f64 (SM_TYPE_FLOAT_EXT), named as MLIR
 * spells them. */
typedef enum SmFloatFormat {
  SM_FLOAT_F80,
  SM_FLOAT_F128,
  SM_FLOAT_TF32,
  SM_FLOAT_F8E5M2,
  SM_FLOAT_F8E4M3,
  SM_FLOAT_F8E4M3FN,
  SM_FLOAT_F8E5M2FNUZ,
  SM_FLOAT_F8E4M3FNUZ,
  SM_FLOAT_F8E4M3B11FNUZ,
  SM_FLOAT_F8E3M4,
  SM_FLOAT_F8E8M0FNU,
  SM_FLOAT_F6E2M3FN,
  SM_FLOAT_F6E3M2FN,
  SM_FLOAT_F4E2M1FN,
  SM_FLOAT_NUM_FORMATS
} SmFloatFormat;

typedef enum SmSignedness { SM_SIGNLESS, SM_SIGNED, SM_UNSIGNED } SmSignedness;

/* Widest integer type MLIR allows (IntegerType::kMaxWidth). */
#define SM_MAX_INT_WIDTH 16777215u

/* Dynamic dimension ("?") in a shape. */
#define SM_DYNAMIC INT64_MIN

struct SmType {
  SmTypeKind kind;
  uint32_t hash;
  union {
    struct {
      unsigned width;
      SmSignedness sign;
    } integer;
    struct {
      unsigned rank;
      const int64_t *dims;
      SmType *elem;
      SmAttr *encoding;       /* tensor encoding / memref layout attribute or NULL */
      SmAttr *memory_space;   /* memref memory space or NULL (the default) */
      const uint8_t *scalable; /* vector: rank flags (1: scalable dim), NULL if none */
    } shaped;
    struct {
      SmFloatFormat format;
    } fp;
    struct {
      unsigned num_inputs, num_results;
      SmType *const *inputs;
      SmType *const *results;
    } func;
    struct {
      unsigned count;
      SmType *const *types;
    } tuple;
    struct {
      SmType *elem;
    } complex;
    struct {
      const char *dialect; /* interned namespace, e.g. "foo" */
      const char *rest;    /* interned text after the namespace: ".bar<x>" or "<...>" */
    } opaque;
  };
};

SmType *sm_type_integer(SmContext *ctx, unsigned width, SmSignedness sign);
SmType *sm_type_index(SmContext *ctx);
SmType *sm_type_f16(SmContext *ctx);
SmType *sm_type_bf16(SmContext *ctx);
SmType *sm_type_f32(SmContext *ctx);
SmType *sm_type_f64(SmContext *ctx);
SmType *sm_type_none(SmContext *ctx);
SmType *sm_type_tensor(SmContext *ctx, unsigned rank, const int64_t *dims, SmType *elem,
                       SmAttr *encoding);
SmType *sm_type_unranked_tensor(SmContext *ctx, SmType *elem);
SmType *sm_type_vector(SmContext *ctx, unsigned rank, const int64_t *dims, SmType *elem);
SmType *sm_type_function(SmContext *ctx, unsigned num_inputs, SmType *const *inputs,
                         unsigned num_results, SmType *const *results);
SmType *sm_type_tuple(SmContext *ctx, unsigned count, SmType *const *types);
SmType *sm_type_complex(SmContext *ctx, SmType *elem);
SmType *sm_type_opaque(SmContext *ctx, const char *dialect, const char *rest);
SmType *sm_type_float_ext(SmContext *ctx, SmFloatFormat format);
/* A vector with scalable dims (scalable[i] != 0: written [N]); NULL: none. */
SmType *sm_type_vector_scalable(SmContext *ctx, unsigned rank, const int64_t *dims,
                                const uint8_t *scalable, SmType *elem);
/* layout: affine map (rank dims) or strided attribute, NULL for the identity
 * layout (an identity map is dropped, as MLIR does); memory_space: NULL or
 * any attribute (integer 0 is the default space and dropped). */
SmType *sm_type_memref(SmContext *ctx, unsigned rank, const int64_t *dims, SmType *elem,
                       SmAttr *layout, SmAttr *memory_space);
SmType *sm_type_unranked_memref(SmContext *ctx, SmType *elem, SmAttr *memory_space);

bool sm_type_is_integer(const SmType *t); /* SM_TYPE_INTEGER */
bool sm_type_is_signless_int(const SmType *t, unsigned width); /* width 0: any */
bool sm_type_is_int_or_index(const SmType *t);
bool sm_type_is_float(const SmType *t); /* every float type, SM_TYPE_FLOAT_EXT included */
bool sm_type_is_shaped(const SmType *t); /* tensor, unranked tensor, vector */
bool sm_type_is_memref(const SmType *t); /* ranked or unranked memref */
/* An integer of at most 64 bits, index, or f16/bf16/f32/f64: the types whose
 * values an SmAttr integer/float holds exactly, so folders may compute on them. */
bool sm_type_is_native_scalar(const SmType *t);
/* MLIR's spelling of a float type ("f8E4M3FN"), NULL for other types. */
const char *sm_float_type_name(const SmType *t);
/* Bits of a scalar type (index counts as 64); 0 for non-scalars. */
unsigned sm_type_bitwidth(const SmType *t);
/* Element type of a shaped type, the type itself otherwise. */
SmType *sm_type_element(SmType *t);
/* Product of static dims of a ranked shaped type; -1 if dynamic/unranked. */
int64_t sm_type_num_elements(const SmType *t);

/* ===================================================================== */
/* Affine expressions and maps                                            */
/* ===================================================================== */

typedef enum SmAffineKind {
  SM_AFFINE_DIM,
  SM_AFFINE_SYMBOL,
  SM_AFFINE_CONST,
  SM_AFFINE_ADD,
  SM_AFFINE_MUL,
  SM_AFFINE_MOD,
  SM_AFFINE_FLOORDIV,
  SM_AFFINE_CEILDIV,
} SmAffineKind;

struct SmAffineExpr {
  SmAffineKind kind;
  uint32_t hash;
  union {
    unsigned position; /* dim / symbol */
    int64_t value;     /* const */
    struct {
      SmAffineExpr *lhs, *rhs;
    } bin;
  };
};

struct SmAffineMap {
  unsigned num_dims, num_symbols, num_results;
  SmAffineExpr *const *results;
  uint32_t hash;
};

/* Constructors simplify as they build (constant folding, x+0, x*1,
 * (x*c) floordiv c, (x mod a) mod b when b | a, (x floordiv a) floordiv b,
 * constants moved to the right of commutative ops), so equal math built the
 * same way gives the same pointer. Division by a non-positive constant is
 * not simplified (it stays as written). */
SmAffineExpr *sm_affine_dim(SmContext *ctx, unsigned position);
SmAffineExpr *sm_affine_symbol(SmContext *ctx, unsigned position);
SmAffineExpr *sm_affine_const(SmContext *ctx, int64_t value);
SmAffineExpr *sm_affine_add(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b);
SmAffineExpr *sm_affine_sub(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b); /* a + b*-1 */
SmAffineExpr *sm_affine_mul(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b);
SmAffineExpr *sm_affine_mod(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b);
SmAffineExpr *sm_affine_floordiv(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b);
SmAffineExpr *sm_affine_ceildiv(SmContext *ctx, SmAffineExpr *a, SmAffineExpr *b);

SmAffineMap *sm_affine_map(SmContext *ctx, unsigned num_dims, unsigned num_symbols,
                           unsigned num_results, SmAffineExpr *const *results);
SmAffineMap *sm_affine_map_identity(SmContext *ctx, unsigned rank);
/* Replace dims/symbols of e by the given expressions (NULL array: keep). */
SmAffineExpr *sm_affine_expr_replace(SmContext *ctx, SmAffineExpr *e, SmAffineExpr *const *dims,
                                     SmAffineExpr *const *syms);
/* outer ∘ inner: (inner's dims) -> outer(inner(dims)). outer->num_dims must
 * equal inner->num_results; symbols are concatenated (inner's, then outer's). */
SmAffineMap *sm_affine_map_compose(SmContext *ctx, SmAffineMap *outer, SmAffineMap *inner);
/* e depends on dim d. */
bool sm_affine_expr_uses_dim(const SmAffineExpr *e, unsigned d);
/* e is d + (terms without d): consecutive values of d give consecutive
 * values of e. */
bool sm_affine_expr_unit_in_dim(const SmAffineExpr *e, unsigned d);
/* e is d plus dims of extent 1 (extents[i] is dim i's): over a domain with
 * those extents e takes exactly d's values, so it stays inside a tensor
 * dim that d spans (a depthwise convolution's `c + ci`, ci of extent 1). */
bool sm_affine_expr_is_plain_dim(const SmAffineExpr *e, unsigned d, const int64_t *extents);
/* Evaluate with concrete dims/symbols (floor semantics for floordiv/mod). */
int64_t sm_affine_expr_eval(const SmAffineExpr *e, const int64_t *dims, const int64_t *syms);
bool sm_affine_map_is_identity(const SmAffineMap *m);

/* Range-aware simplification: dim i takes values in [0, extents[i]) when
 * extents[i] > 0 (unknown otherwise; dims past num_extents and symbols are
 * unknown). On top of the constructors' rules it uses the ranges for
 * floordiv/mod strength reduction: x floordiv c = 0 and x mod c = x when
 * 0 <= x < c, (g*s + r) floordiv c = s floordiv (c/g) and
 * (g*s + r) mod c = g*(s mod (c/g)) + r when g | c and 0 <= r < g, terms
 * that are multiples of c dropped under mod c, constant results when a
 * floordiv/mod is constant over the range, and
 * (x floordiv a) mod b = (x mod (a*b)) floordiv a as the canonical form. */
SmAffineExpr *sm_affine_expr_simplify_ranges(SmContext *ctx, SmAffineExpr *e, unsigned num_extents,
                                             const int64_t *extents);
/* The same for every result of m (num_extents = m->num_dims). */
SmAffineMap *sm_affine_map_simplify_ranges(SmContext *ctx, SmAffineMap *m, const int64_t *extents);
/* Bounds [*lo, *hi] of e over the ranges above; false when unbounded. */
bool sm_affine_expr_bounds(const SmAffineExpr *e, unsigned num_extents, const int64_t *extents,
                           int64_t *lo, int64_t *hi);
/* Row-major reshape re-indexing: (out indices) -> (in indices) through the
 * linear index, for shapes with equal element counts (unit dims read 0). */
SmAffineMap *sm_affine_map_reshape(SmContext *ctx, unsigned out_rank, const int64_t *out_dims,
                                   unsigned in_rank, const int64_t *in_dims);
/* The inverse of m on the box `extents` (m->num_dims entries) when m is a
 * permutation of dims or a row-major reshape between two shapes of equal size
 * (in_dims: the extents of m's results); NULL otherwise. */
SmAffineMap *sm_affine_map_invert_reindex(SmContext *ctx, SmAffineMap *m, const int64_t *extents,
                                          const int64_t *in_dims);

/* Integer sets (MLIR's IntegerSet, `affine_set<(d0)[s0] : (d0 >= 0, d0 - s0 == 0)>`):
 * constraints[i] >= 0, or == 0 when eq[i]. Uniqued like maps (ir/integer_set.c). */
struct SmIntegerSet {
  unsigned num_dims, num_symbols, num_constraints;
  SmAffineExpr *const *constraints;
  const uint8_t *eq; /* per constraint: 1 for == 0, 0 for >= 0 */
  uint32_t hash;
};
/* With no constraints this is MLIR's empty-constraint set, 0 == 0. */
SmIntegerSet *sm_integer_set(SmContext *ctx, unsigned num_dims, unsigned num_symbols,
                             unsigned num_constraints, SmAffineExpr *const *constraints,
                             const uint8_t *eq);
/* Evaluate with concrete dims/symbols: every constraint holds. */
bool sm_integer_set_contains(const SmIntegerSet *set, const int64_t *dims, const int64_t *syms);

/* ===================================================================== */
/* Attributes                                                             */
/* ===================================================================== */

typedef enum SmAttrKind {
  SM_ATTR_UNIT,
  SM_ATTR_BOOL,
  SM_ATTR_INTEGER,        /* 42 : i32, also index */
  SM_ATTR_FLOAT,          /* 1.0 : f32 */
  SM_ATTR_STRING,         /* "bytes" (may hold NULs and escapes) */
  SM_ATTR_TYPE,           /* a type used as an attribute */
  SM_ATTR_ARRAY,          /* [a, b] */
  SM_ATTR_DENSE_ARRAY,    /* array<i64: 1, 2> */
  SM_ATTR_DICTIONARY,     /* {a = 1, b} (entries sorted by name) */
  SM_ATTR_SYMBOL_REF,     /* @root::@nested */
  SM_ATTR_DENSE_ELEMENTS, /* dense<...> : tensor<...> */
  SM_ATTR_DENSE_RESOURCE, /* dense_resource<name> : tensor<...> */
  SM_ATTR_AFFINE_MAP,     /* affine_map<...> */
  SM_ATTR_OPAQUE,         /* #dialect.rest, kept as text */
  SM_ATTR_STRIDED,        /* strided<[4, 1], offset: ?> (memref layout) */
  SM_ATTR_INTEGER_SET,    /* affine_set<...> */
  SM_ATTR_DISTINCT,       /* distinct[N]<attr>: never uniqued with another */
  SM_ATTR_DENSE_STRING,   /* dense<["a", "b"]> : tensor<2x!foo.str> */
  SM_ATTR_SPARSE,         /* sparse<[[0, 1]], [5]> : tensor<2x2xi32> */
} SmAttrKind;

typedef struct SmNamedAttr {
  const char *name; /* interned */
  SmAttr *value;
} SmNamedAttr;

struct SmAttr {
  SmAttrKind kind;
  uint32_t hash;
  union {
    bool boolean;
    struct {
      int64_t value; /* sign-extended for signless/signed, zero-extended for unsigned */
      SmType *type;  /* integer or index type */
    } integer;
    struct {
      double value;  /* for computing; NaN payloads live in bits only */
      SmType *type;  /* float type */
      uint64_t bits; /* exact bits in the type's format (f80/f128: the double's) */
    } fp;
    struct {
      const char *data; /* NUL-terminated copy; len may include embedded NULs */
      size_t len;
      SmType *type;     /* `"s" : !foo.t` (typed string), NULL when untyped */
    } string;
    SmType *type;
    struct {
      unsigned count;
      SmAttr *const *elems;
    } array;
    struct {
      SmType *elem;     /* i1, i8, i16, i32, i64, f32 or f64 */
      unsigned count;
      const void *data; /* count elements in native width (i1 as 1 byte) */
    } dense_array;
    struct {
      unsigned count;
      const SmNamedAttr *entries; /* sorted by strcmp on name, unique names */
    } dict;
    struct {
      const char *root; /* interned, without '@' */
      unsigned num_nested;
      const char *const *nested;
    } symref;
    struct {
      SmType *type;     /* ranked tensor or vector with static shape */
      bool splat;       /* data holds one element */
      size_t size;      /* bytes in data */
      const void *data; /* little-endian elements, packed: f16/bf16 2 bytes, i1 1 byte */
    } dense;
    struct {
      const char *name; /* interned resource key */
      SmType *type;
    } resource;
    SmAffineMap *map;
    SmIntegerSet *set;
    struct {
      SmType *type;    /* static ranked tensor or vector */
      SmAttr *indices; /* dense i64 elements, [N, rank] (or as written) */
      SmAttr *values;  /* dense elements of the element type, [N] */
    } sparse;
    struct {
      SmType *type;               /* static ranked tensor or vector */
      bool splat;                 /* one element stands for all */
      unsigned count;             /* elements in strings (1 when splat) */
      SmAttr *const *strings;     /* string attributes (untyped) */
    } dense_string;
    struct {
      SmAttr *referenced; /* unit for `distinct[N]<>` */
      uint64_t id;        /* creation number in the context (printing renumbers) */
    } distinct;
    struct {
      const char *dialect; /* interned namespace */
      const char *rest;    /* interned text after the namespace */
      SmType *type;        /* trailing ": type" as written, or NULL */
    } opaque;
    struct {
      unsigned rank;
      const int64_t *strides; /* SM_DYNAMIC for '?' */
      int64_t offset;         /* SM_DYNAMIC for '?' */
    } strided;
  };
};

SmAttr *sm_attr_unit(SmContext *ctx);
SmAttr *sm_attr_bool(SmContext *ctx, bool value);
/* Truncates/extends value to the type's width first (so equal values of a
 * type unique together). */
SmAttr *sm_attr_integer(SmContext *ctx, SmType *type, int64_t value);
/* Rounds value to the type's precision first (f32, f16, bf16, f8...). */
SmAttr *sm_attr_float(SmContext *ctx, SmType *type, double value);
/* Exactly these bits of the float type (signalling NaNs kept). */
SmAttr *sm_attr_float_bits(SmContext *ctx, SmType *type, uint64_t bits);
SmAttr *sm_attr_string(SmContext *ctx, const char *data, size_t len);
/* A typed string, `"s" : !foo.t` (type NULL or none: untyped). */
SmAttr *sm_attr_string_typed(SmContext *ctx, const char *data, size_t len, SmType *type);
SmAttr *sm_attr_type(SmContext *ctx, SmType *type);
SmAttr *sm_attr_array(SmContext *ctx, unsigned count, SmAttr *const *elems);
SmAttr *sm_attr_dense_array(SmContext *ctx, SmType *elem, unsigned count, const void *data);
SmAttr *sm_attr_dense_array_i64(SmContext *ctx, unsigned count, const int64_t *values);
/* Sorts a copy of entries by name. Duplicate names: the last one wins
 * (callers that must reject duplicates check first). */
SmAttr *sm_attr_dict(SmContext *ctx, unsigned count, const SmNamedAttr *entries);
SmAttr *sm_attr_symbol_ref(SmContext *ctx, const char *root, unsigned num_nested,
                           const char *const *nested);
/* data: size bytes in the packed element format above; splat: one element. */
SmAttr *sm_attr_dense(SmContext *ctx, SmType *type, bool splat, const void *data, size_t size);
SmAttr *sm_attr_dense_resource(SmContext *ctx, const char *name, SmType *type);
/* Dense string elements (element type other than integer, index, float or
 * complex): count string attributes, or one when splat. */
SmAttr *sm_attr_dense_string(SmContext *ctx, SmType *type, bool splat, unsigned count,
                             SmAttr *const *strings);
/* Sparse elements: the values at the given indices, zero elsewhere. */
SmAttr *sm_attr_sparse(SmContext *ctx, SmType *type, SmAttr *indices, SmAttr *values);
SmAttr *sm_attr_affine_map(SmContext *ctx, SmAffineMap *map);
SmAttr *sm_attr_integer_set(SmContext *ctx, SmIntegerSet *set);
/* A new distinct attribute (MLIR's DistinctAttr): different from every
 * other one, whatever it references (NULL: unit). */
SmAttr *sm_attr_distinct(SmContext *ctx, SmAttr *referenced);
SmAttr *sm_attr_strided(SmContext *ctx, unsigned rank, const int64_t *strides, int64_t offset);
SmAttr *sm_attr_opaque(SmContext *ctx, const char *dialect, const char *rest);
/* With a trailing type, as in `#d.a<...> : i64` (type may be NULL). */
SmAttr *sm_attr_opaque_typed(SmContext *ctx, const char *dialect, const char *rest, SmType *type);

/* Dictionary lookup by name (binary search); NULL when absent or dict NULL. */
SmAttr *sm_dict_get(const SmAttr *dict, const char *name);
/* New dictionary with name set to value (value NULL removes it). dict may be NULL. */
SmAttr *sm_dict_set(SmContext *ctx, const SmAttr *dict, const char *name, SmAttr *value);

/* Element access for dense/splat elements and dense arrays. */
int64_t sm_attr_dense_num_elements(const SmAttr *a);
double sm_attr_dense_get_f64(const SmAttr *a, int64_t index);
int64_t sm_attr_dense_get_i64(const SmAttr *a, int64_t index);
double sm_attr_dense_array_get_f64(const SmAttr *a, unsigned index);
int64_t sm_attr_dense_array_get_i64(const SmAttr *a, unsigned index);
/* Bytes of one element of a dense elements attribute of this element type. */
size_t sm_dense_elem_size(const SmType *elem);

/* Resource blobs ({-# dialect_resources: { builtin: { name: "0x..." } } #-}).
 * The context copies the data. Setting an existing key replaces it. */
void sm_context_set_resource(SmContext *ctx, const char *name, const void *data, size_t size,
                             uint32_t alignment);
/* As sm_context_set_resource, but takes ownership of data (malloc'ed; the
 * context frees it) instead of copying it. */
void sm_context_take_resource(SmContext *ctx, const char *name, void *data, size_t size,
                              uint32_t alignment);
/* NULL when unknown. */
const void *sm_context_get_resource(SmContext *ctx, const char *name, size_t *size,
                                    uint32_t *alignment);

/* ===================================================================== */
/* Locations                                                              */
/* ===================================================================== */

typedef enum SmLocKind {
  SM_LOC_UNKNOWN,
  SM_LOC_FILE,     /* "file":line:col */
  SM_LOC_NAME,     /* "name" or "name"(child) */
  SM_LOC_FUSED,    /* fused[...] or fused<#attr>[...] */
  SM_LOC_CALLSITE, /* callsite(callee at caller) */
} SmLocKind;

struct SmLoc {
  SmLocKind kind;
  uint32_t hash;
  union {
    struct {
      const char *file; /* interned */
      unsigned line, col;
      SmLoc *next; /* private: next location of the same file and line */
    } file;
    struct {
      const char *name; /* interned */
      SmLoc *child;     /* NULL when absent */
    } name;
    struct {
      unsigned count;
      SmLoc *const *locs;
      SmAttr *metadata; /* NULL when absent */
    } fused;
    struct {
      SmLoc *callee, *caller;
    } callsite;
  };
};

SmLoc *sm_loc_unknown(SmContext *ctx);
SmLoc *sm_loc_file(SmContext *ctx, const char *file, unsigned line, unsigned col);
SmLoc *sm_loc_name(SmContext *ctx, const char *name, SmLoc *child);
SmLoc *sm_loc_fused(SmContext *ctx, unsigned count, SmLoc *const *locs, SmAttr *metadata);
SmLoc *sm_loc_callsite(SmContext *ctx, SmLoc *callee, SmLoc *caller);
/* The first file:line:col location inside loc (through names, fused, callee), or NULL. */
SmLoc *sm_loc_find_file(SmLoc *loc);

/* ===================================================================== */
/* Diagnostics                                                            */
/* ===================================================================== */

typedef enum SmSeverity { SM_SEV_ERROR, SM_SEV_WARNING, SM_SEV_NOTE, SM_SEV_REMARK } SmSeverity;

typedef struct SmDiagnostic {
  SmSeverity severity;
  SmLoc *loc;
  const char *message;
  /* Notes attached to this diagnostic (printed after it). */
  unsigned num_notes;
  const struct SmDiagnostic *notes;
} SmDiagnostic;

typedef void (*SmDiagHandler)(const SmDiagnostic *diag, void *user);

/* Replace the handler (NULL restores the default printer to stderr). */
void sm_context_set_diag_handler(SmContext *ctx, SmDiagHandler handler, void *user);
/* Source buffers known to the context, so that the default handler can show
 * the line and a caret. The context keeps its own copy of the name and the
 * pointer to text (the caller keeps text alive while diagnostics may be
 * printed). line_offset: line number of the buffer's first line minus 1. */
void sm_context_add_source(SmContext *ctx, const char *name, const char *text, size_t len,
                           unsigned line_offset);
/* Forgets every source buffer added so far (later diagnostics then show no
 * source line): for a caller about to free its input while the context
 * lives on. */
void sm_context_forget_sources(SmContext *ctx);
/* Print a diagnostic the way the default handler does:
 * "file:line:col: error: message", the source line, a caret, then notes. */
void sm_diag_print(SmContext *ctx, const SmDiagnostic *diag, FILE *out);
/* Number of errors emitted through this context so far. */
unsigned sm_context_error_count(const SmContext *ctx);

/* Building a diagnostic with notes: begin, add notes, emit. */
typedef struct SmDiagBuilder SmDiagBuilder;
SmDiagBuilder *sm_diag_begin(SmContext *ctx, SmSeverity sev, SmLoc *loc, const char *fmt, ...)
    SM_PRINTF(4, 5);
void sm_diag_note(SmDiagBuilder *d, SmLoc *loc, const char *fmt, ...) SM_PRINTF(3, 4);
void sm_diag_emit(SmDiagBuilder *d);

/* One-shot helpers; sm_emit_error and sm_op_emit_error return false so they
 * can be returned from a failing function. */
bool sm_emit_error(SmContext *ctx, SmLoc *loc, const char *fmt, ...) SM_PRINTF(3, 4);
void sm_emit_warning(SmContext *ctx, SmLoc *loc, const char *fmt, ...) SM_PRINTF(3, 4);
void sm_emit_remark(SmContext *ctx, SmLoc *loc, const char *fmt, ...) SM_PRINTF(3, 4);
bool sm_emit_diag_v(SmContext *ctx, SmSeverity sev, SmLoc *loc, const char *fmt, va_list ap);
/* Error at op->loc, prefixed "'op.name' op " as MLIR's emitOpError does
 * (write the message without the op name: "requires 2 operands"). */
bool sm_op_emit_error(SmOp *op, const char *fmt, ...) SM_PRINTF(2, 3);

/* ===================================================================== */
/* Values, operations, blocks, regions                                    */
/* ===================================================================== */

typedef enum SmValueKind { SM_VALUE_RESULT, SM_VALUE_BLOCK_ARG } SmValueKind;

/* One operand slot of an op; linked into its value's use list. */
struct SmUse {
  SmValue *value;
  SmUse *next;
  SmUse **prev_next; /* address of the pointer that points at this use */
  SmOp *owner;
  unsigned index; /* operand number */
};

struct SmValue {
  SmType *type;
  SmUse *uses; /* first use, NULL when unused */
  SmValueKind kind;
  unsigned index; /* result number or argument number */
  union {
    SmOp *op;       /* SM_VALUE_RESULT */
    SmBlock *block; /* SM_VALUE_BLOCK_ARG */
  } owner;
  SmLoc *loc; /* block arguments only (NULL for results) */
};

struct SmRegion {
  SmOp *op; /* parent op (NULL while held by an SmOpState) */
  SmBlock *first, *last;
};

struct SmBlock {
  SmRegion *region; /* parent, NULL when detached */
  SmBlock *prev, *next;
  SmOp *first, *last;
  unsigned num_args, arg_cap;
  SmValue **args; /* each argument separately allocated: pointers stay valid */
  uint32_t scratch; /* free for analyses (e.g. numbering); not preserved */
};

struct SmOp {
  const SmOpDef *def; /* registered definition, NULL if unregistered */
  const char *name;   /* interned "dialect.op" */
  SmLoc *loc;
  SmBlock *block; /* parent block, NULL when detached */
  SmOp *prev, *next;
  unsigned num_operands, operand_cap;
  unsigned num_results, num_regions, num_successors;
  SmUse *operands;
  SmValue *results; /* num_results values, allocated with the op */
  SmRegion *regions; /* num_regions, allocated with the op */
  SmBlock **successors;
  SmAttr *props; /* dictionary of properties (inherent attrs), or NULL */
  SmAttr *attrs; /* dictionary of discardable attributes, or NULL */
  uint32_t scratch; /* free for analyses (e.g. order in block); not preserved */
  uint32_t alloc_class; /* private to the allocator (ir/memory.c) */
};

static inline SmValue *sm_op_result(SmOp *op, unsigned i) { return &op->results[i]; }
static inline SmValue *sm_op_operand(SmOp *op, unsigned i) { return op->operands[i].value; }
static inline SmRegion *sm_op_region(SmOp *op, unsigned i) { return &op->regions[i]; }
SmContext *sm_op_context(const SmOp *op);

/* --- Creating ops ------------------------------------------------------ */

/* Everything needed to create an op; the parser and builders fill one.
 * Arrays grow as items are added; sm_op_state_release frees them. */
typedef struct SmOpState {
  SmContext *ctx;
  const char *name; /* interned */
  SmLoc *loc;
  SmValue **operands;
  unsigned num_operands, operands_cap;
  SmType **result_types;
  unsigned num_results, results_cap;
  SmNamedAttr *props;
  unsigned num_props, props_cap;
  SmNamedAttr *attrs;
  unsigned num_attrs, attrs_cap;
  SmRegion **regions; /* heap regions whose blocks move into the op */
  unsigned num_regions, regions_cap;
  SmBlock **successors;
  unsigned num_successors, successors_cap;
  /* Attributes given as a whole dictionary (sm_op_state_set_attr_dict),
   * kept as is instead of being rebuilt entry by entry; NULL otherwise. */
  SmAttr *attr_dict;
} SmOpState;

void sm_op_state_init(SmOpState *st, SmContext *ctx, const char *name, SmLoc *loc);
void sm_op_state_add_operand(SmOpState *st, SmValue *v);
void sm_op_state_add_operands(SmOpState *st, SmValue *const *vs, unsigned n);
void sm_op_state_add_result(SmOpState *st, SmType *t);
void sm_op_state_add_results(SmOpState *st, SmType *const *ts, unsigned n);
void sm_op_state_add_prop(SmOpState *st, const char *name, SmAttr *value);
void sm_op_state_add_attr(SmOpState *st, const char *name, SmAttr *value);
/* Adds every entry of a dictionary attribute; when the state has no
 * attributes yet the dictionary itself becomes the op's (no rebuilding). */
void sm_op_state_set_attr_dict(SmOpState *st, SmAttr *dict);
/* A new empty region, owned by the state until sm_op_create moves its blocks. */
SmRegion *sm_op_state_add_region(SmOpState *st);
void sm_op_state_add_successor(SmOpState *st, SmBlock *b);
/* Frees the arrays and any regions (with their blocks) not yet moved into an op. */
void sm_op_state_release(SmOpState *st);

/* Creates a detached op the caller owns. Looks the name up in the context's
 * registry; for a registered op, attributes whose names the definition lists
 * as properties move into props (as MLIR does for inherent attributes).
 * Region contents move out of the state. Does not verify. */
SmOp *sm_op_create(SmOpState *st);

/* Frees a detached op and everything inside it. Its results must be unused
 * (uses from inside its own regions are fine). */
void sm_op_destroy(SmOp *op);
/* Unlinks op from its block and destroys it. */
void sm_op_erase(SmOp *op);
/* Unlinks op from its block; the caller owns it afterwards. */
void sm_op_detach(SmOp *op);
/* Copies op and everything nested. map (may be NULL) maps old values to new
 * ones for operands defined outside; values defined inside are remapped
 * automatically. The clone is detached and owned by the caller. */
typedef struct SmPtrMap SmPtrMap;
SmOp *sm_op_clone(SmOp *op, SmPtrMap *map);

/* --- Operands, attributes ---------------------------------------------- */

void sm_op_set_operand(SmOp *op, unsigned i, SmValue *v);
/* Replaces the whole operand list (may change its length). */
void sm_op_set_operands(SmOp *op, SmValue *const *vs, unsigned n);
void sm_op_drop_all_uses_of_operands(SmOp *op); /* sets every operand to none (unlinks uses) */

/* Looks in props, then attrs. */
SmAttr *sm_op_get_attr(const SmOp *op, const char *name);
/* Sets in props if the op's definition lists name as a property (or it is
 * already in props), else in attrs. value NULL removes it. */
void sm_op_set_attr(SmOp *op, const char *name, SmAttr *value);
SmAttr *sm_op_get_prop(const SmOp *op, const char *name);
void sm_op_set_prop(SmOp *op, const char *name, SmAttr *value);
bool sm_op_name_is(const SmOp *op, const char *name); /* strcmp against op->name */
bool sm_op_has_trait(const SmOp *op, unsigned trait);  /* false for unregistered */
/* Dialect namespace of the op's name (text before the first '.'), interned. */
const char *sm_op_dialect_name(const SmOp *op);

/* --- Values ------------------------------------------------------------- */

void sm_value_replace_all_uses(SmValue *from, SmValue *to);
/* Replace uses except those owned by `except`. */
void sm_value_replace_all_uses_except(SmValue *from, SmValue *to, SmOp *except);
bool sm_value_use_empty(const SmValue *v);
bool sm_value_has_one_use(const SmValue *v);
unsigned sm_value_num_uses(const SmValue *v);
/* Op defining v, or NULL for block arguments. */
SmOp *sm_value_defining_op(const SmValue *v);
/* Block the value is defined in (argument's block or result's op block). */
SmBlock *sm_value_parent_block(const SmValue *v);
/* Replace each result of op with the matching value (all uses). */
void sm_op_replace_all_uses(SmOp *op, SmValue *const *values);
bool sm_op_results_unused(const SmOp *op);

/* --- Blocks and regions ------------------------------------------------- */

SmBlock *sm_block_create(void);
/* Destroys a detached block (and its ops). */
void sm_block_destroy(SmBlock *b);
SmValue *sm_block_add_arg(SmBlock *b, SmType *type, SmLoc *loc);
SmValue *sm_block_insert_arg(SmBlock *b, unsigned index, SmType *type, SmLoc *loc);
/* The argument must be unused. */
void sm_block_erase_arg(SmBlock *b, unsigned index);
/* Takes op (which must be detached). before NULL: append. */
void sm_block_insert_op(SmBlock *b, SmOp *before, SmOp *op);
void sm_block_append_op(SmBlock *b, SmOp *op);
/* Moves an op (attached or not) before/after another op. */
void sm_op_move_before(SmOp *op, SmOp *before);
void sm_op_move_after(SmOp *op, SmOp *after);
SmOp *sm_block_terminator(SmBlock *b); /* last op if it is a (possible) terminator, else NULL */
SmOp *sm_block_parent_op(const SmBlock *b);
bool sm_block_is_entry(const SmBlock *b);
/* Splits b before op: op and everything after it move to a new block that
 * is inserted after b and returned. */
SmBlock *sm_block_split(SmBlock *b, SmOp *op);

/* Takes b. before NULL: append. */
void sm_region_insert_block(SmRegion *r, SmBlock *before, SmBlock *b);
void sm_region_append_block(SmRegion *r, SmBlock *b);
void sm_block_detach(SmBlock *b);
bool sm_region_empty(const SmRegion *r);
/* Moves all blocks of src to the end of dst. */
void sm_region_take_body(SmRegion *dst, SmRegion *src);
/* Destroys every block in r (their ops must have no uses from outside). */
void sm_region_clear(SmRegion *r);
SmOp *sm_region_parent_op(const SmRegion *r);
/* The op that contains op (through block -> region -> op), or NULL. */
SmOp *sm_op_parent_op(const SmOp *op);
/* True if op is anc or nested (at any depth) inside anc. */
bool sm_op_is_ancestor(const SmOp *anc, const SmOp *op);

/* --- Walking ------------------------------------------------------------ */

typedef enum SmWalkOrder { SM_WALK_PRE, SM_WALK_POST } SmWalkOrder;
typedef enum SmWalkResult { SM_WALK_ADVANCE, SM_WALK_SKIP, SM_WALK_INTERRUPT } SmWalkResult;
typedef SmWalkResult (*SmWalkFn)(SmOp *op, void *user);

/* Visits op and everything nested. SKIP (pre-order only) skips the op's
 * regions. In post-order the callback may erase the op it is given.
 * Returns SM_WALK_INTERRUPT if interrupted, else SM_WALK_ADVANCE. */
SmWalkResult sm_op_walk(SmOp *op, SmWalkOrder order, SmWalkFn fn, void *user);

/* --- Builder ------------------------------------------------------------ */

/* Insertion point: before `before` in `block`, or at the end when before is NULL. */
struct SmBuilder {
  SmContext *ctx;
  SmBlock *block;
  SmOp *before;
};
void sm_builder_init(SmBuilder *b, SmContext *ctx);
void sm_builder_set_before(SmBuilder *b, SmOp *op);
void sm_builder_set_after(SmBuilder *b, SmOp *op);
void sm_builder_set_block_end(SmBuilder *b, SmBlock *block);
void sm_builder_set_block_start(SmBuilder *b, SmBlock *block);
/* Creates the op from st, inserts it at the insertion point (if set) and
 * returns it. Releases nothing: the caller releases st. */
SmOp *sm_builder_create(SmBuilder *b, SmOpState *st);
/* Inserts a detached op at the insertion point; returns it. */
SmOp *sm_builder_insert(SmBuilder *b, SmOp *op);

/* --- Symbols ------------------------------------------------------------ */

/* The sym_name of an op (property or attribute), or NULL. */
const char *sm_op_symbol_name(const SmOp *op);
/* Looks name up among the ops directly inside the first block of the
 * symbol-table op's first region. Linear; build an SmSymbolTable to repeat. */
SmOp *sm_symbol_lookup_in(SmOp *table_op, const char *name);
/* Resolves a symbol reference attribute (nested refs too) from the nearest
 * enclosing op with the SymbolTable trait (or the top-level op). */
SmOp *sm_symbol_lookup_from(SmOp *from, const SmAttr *symref);
SmOp *sm_symbol_table_op_of(SmOp *op); /* nearest enclosing symbol table (or root) */

typedef struct SmSymbolTable SmSymbolTable;
SmSymbolTable *sm_symbol_table_create(SmOp *table_op);
SmOp *sm_symbol_table_lookup(SmSymbolTable *t, const char *name);
void sm_symbol_table_destroy(SmSymbolTable *t);

/* ===================================================================== */
/* Op definitions and dialects                                            */
/* ===================================================================== */

enum {
  SM_TRAIT_TERMINATOR = 1u << 0,
  SM_TRAIT_ISOLATED_FROM_ABOVE = 1u << 1,
  SM_TRAIT_PURE = 1u << 2,            /* no side effects: may be CSE'd / removed if unused */
  SM_TRAIT_COMMUTATIVE = 1u << 3,
  SM_TRAIT_SYMBOL = 1u << 4,          /* has sym_name */
  SM_TRAIT_SYMBOL_TABLE = 1u << 5,
  SM_TRAIT_NO_TERMINATOR = 1u << 6,   /* its blocks need no terminator */
  SM_TRAIT_GRAPH_REGION = 1u << 7,    /* regions are graph regions: no dominance order */
  SM_TRAIT_SINGLE_BLOCK = 1u << 8,
  SM_TRAIT_CONSTANT_LIKE = 1u << 9,   /* no operands, result is its "value" attribute */
  SM_TRAIT_RETURN_LIKE = 1u << 10,
  SM_TRAIT_SAME_OPERANDS_AND_RESULT_TYPE = 1u << 11,
  SM_TRAIT_IDEMPOTENT = 1u << 12,     /* f(f(x)) = f(x) */
  SM_TRAIT_INVOLUTION = 1u << 13,     /* f(f(x)) = x */
  SM_TRAIT_RECURSIVE_EFFECTS = 1u << 14, /* effects are those of the ops in its regions */
};

#define SM_VARIADIC (-1)

/* A fold result: either a constant attribute or an existing value. */
typedef struct SmFoldResult {
  SmAttr *attr;
  SmValue *value;
} SmFoldResult;

struct SmOpDef {
  const char *name; /* full name, "arith.addi" */
  const char *summary;
  int num_operands, num_results, num_regions, num_successors; /* SM_VARIADIC for any */
  unsigned traits;
  /* NULL-terminated names of the op's properties (printed as <{...}>). */
  const char *const *props;
  /* Dialect whose ops may be written without prefix inside this op's regions. */
  const char *default_dialect;
  /* Op-specific checks after the structural ones; emit a diagnostic and return false on error. */
  bool (*verify)(SmOp *op);
  /* Custom assembly form (both or neither). The parse hook is called after
   * the op name; it fills st. */
  bool (*parse)(SmParser *p, SmOpState *st);
  void (*print)(SmPrinter *p, SmOp *op);
  /* Folding: operands[i] is the constant attribute of operand i or NULL.
   * Fill results[0..num_results) and return true if folded. Folding in
   * place (changing op and returning its own result) is allowed. */
  bool (*fold)(SmOp *op, SmAttr *const *operands, SmFoldResult *results);
  /* Adds this op's canonicalization patterns. */
  void (*canonicalization_patterns)(SmPatternSet *set, SmContext *ctx);
  /* Filled at registration: the dialect it belongs to. */
  const SmDialect *dialect;
  /* Optional; sm_op_create calls it on a new registered op. It rewrites
   * props into their canonical form, e.g. drops a property equal to its
   * default (arith's #arith.overflow<none>) so that the generic and custom
   * forms give the same IR. Must not fail or emit diagnostics. */
  void (*normalize_props)(SmOp *op);
  /* Optional, MLIR's OpAsmOpInterface::getAsmResultNames: writes the name
   * the custom-form printer gives the op's results (one group, `%name:N`)
   * and returns true; false keeps numbers. The printer makes names unique
   * as MLIR does (`%c0`, `%c0_1`, ...). Not used in the generic form. */
  bool (*result_name)(SmOp *op, SmStrBuf *name);
};

struct SmDialect {
  const char *name; /* namespace, "arith" */
  const char *summary;
  SmOpDef *ops;     /* array of num_ops definitions (registration fills ops[i].dialect) */
  size_t num_ops;
  /* Builds a constant op producing `value` of `type` at the builder's insertion point. */
  SmOp *(*materialize_constant)(SmBuilder *b, SmAttr *value, SmType *type, SmLoc *loc);
};

void sm_context_register_dialect(SmContext *ctx, SmDialect *dialect);
const SmDialect *sm_context_lookup_dialect(SmContext *ctx, const char *name);
/* NULL when unregistered. name need not be NUL-terminated. */
const SmOpDef *sm_context_lookup_op(SmContext *ctx, const char *name, size_t len);
/* Iterate the registered dialects (i from 0 until NULL). */
const SmDialect *sm_context_dialect_at(SmContext *ctx, size_t i);

/* Registers builtin, func and arith (dialects/register.c). */
void sm_register_core_dialects(SmContext *ctx);

/* ===================================================================== */
/* Text: parsing, printing, verifying                                     */
/* ===================================================================== */

/* Parses a whole source buffer (len bytes; need not be NUL-terminated).
 * Returns the top-level op: the module written in the source, or an implicit
 * builtin.module wrapping the top-level ops. NULL on error (diagnosed).
 * line_offset: added to line numbers in locations (for split input files).
 * The buffer is registered with sm_context_add_source for diagnostics. */
SmOp *sm_parse_source(SmContext *ctx, const char *buf, size_t len, const char *filename,
                      unsigned line_offset);
/* Progress of sm_parse_source: called every few MB of input (and once at
 * the end, before the parse returns) with the buffer and how many bytes at
 * its start the parser has gone past. The parser may still read that text
 * again (memoised spans, SSA names, diagnostics), so the callback may only
 * do what keeps the bytes readable and unchanged: e.g. madvise(MADV_DONTNEED)
 * on a read-only private file mapping, whose pages fault back in from the
 * file. fn NULL: no calls (the default). */
typedef void (*SmParseProgressFn)(const char *buf, size_t consumed, void *user);
void sm_context_set_parse_progress(SmContext *ctx, SmParseProgressFn fn, void *user);
/* Parses one type / attribute from a string (for tests and tools). */
SmType *sm_parse_type(SmContext *ctx, const char *text);
SmAttr *sm_parse_attr(SmContext *ctx, const char *text);

typedef struct SmPrintFlags {
  bool generic;           /* generic op form everywhere */
  bool debuginfo;         /* print locations */
  int64_t elide_elements; /* > 0: elide dense elements with more elements than this */
  bool local_scope;       /* no aliases */
} SmPrintFlags;

/* Growable output buffer used by the printer. */
struct SmStrBuf {
  char *data;
  size_t len, cap;
};
void sm_strbuf_append(SmStrBuf *b, const char *s, size_t n);
void sm_strbuf_puts(SmStrBuf *b, const char *s);
void sm_strbuf_printf(SmStrBuf *b, const char *fmt, ...) SM_PRINTF(2, 3);
void sm_strbuf_free(SmStrBuf *b);

/* Prints op (normally a module) with aliases and the resource section. */
void sm_op_print(SmOp *op, SmStrBuf *out, const SmPrintFlags *flags);
void sm_op_print_file(SmOp *op, FILE *out, const SmPrintFlags *flags);
/* Single-line generic form of one op (for diagnostics), no regions' bodies: "..." */
void sm_op_print_brief(SmOp *op, SmStrBuf *out);
void sm_type_print(const SmType *t, SmStrBuf *out);
void sm_attr_print(const SmAttr *a, SmStrBuf *out);
void sm_loc_print(const SmLoc *l, SmStrBuf *out);
void sm_affine_expr_print(const SmAffineExpr *e, SmStrBuf *out);
void sm_affine_map_print(const SmAffineMap *m, SmStrBuf *out);
void sm_integer_set_print(const SmIntegerSet *s, SmStrBuf *out);

/* Structural and per-op verification of op and everything nested. Emits
 * diagnostics; returns false if any error. */
bool sm_op_verify(SmOp *op);

/* ===================================================================== */
/* Pointer map (open addressing), used by clone, printers and passes      */
/* ===================================================================== */

struct SmPtrMap {
  const void **keys;
  void **vals;
  size_t cap, count; /* cap is a power of two or 0 */
};
void sm_ptrmap_init(SmPtrMap *m);
void sm_ptrmap_free(SmPtrMap *m);
void sm_ptrmap_put(SmPtrMap *m, const void *key, void *val);
void *sm_ptrmap_get(const SmPtrMap *m, const void *key); /* NULL when absent */
bool sm_ptrmap_contains(const SmPtrMap *m, const void *key);
void sm_ptrmap_remove(SmPtrMap *m, const void *key);
void sm_ptrmap_clear(SmPtrMap *m);

#ifdef __cplusplus
}
#endif
#endif /* SM_IR_H */
