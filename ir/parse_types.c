/* Parsing of builtin types, function types, dialect types and type aliases. */
#include "ir/parser_impl.h"
#include "ir/float_formats.h"

#include <string.h>

static bool tok_eq(const SmToken *t, const char *s) {
  size_t n = strlen(s);
  return t->len == n && memcmp(t->ptr, s, n) == 0;
}

/* i32 / si8 / ui64: returns 1 and fills width/sign, 0 if not an integer
 * type keyword. */
static int int_type_keyword(const SmToken *t, uint64_t *width, SmSignedness *sign) {
  const char *s = t->ptr, *e = t->ptr + t->len;
  *sign = SM_SIGNLESS;
  if (s < e && *s == 's') {
    *sign = SM_SIGNED;
    s++;
  } else if (s < e && *s == 'u') {
    *sign = SM_UNSIGNED;
    s++;
  }
  if (s >= e || *s != 'i')
    return 0;
  s++;
  if (s >= e)
    return 0;
  uint64_t w = 0;
  for (; s < e; s++) {
    if (*s < '0' || *s > '9')
      return 0;
    if (w < (1ull << 40))
      w = w * 10 + (uint64_t)(*s - '0');
  }
  *width = w;
  return 1;
}

static const char *const type_keywords[] = {"index", "f16",   "bf16",  "f32", "f64",
                                            "none",  "tensor", "vector", "complex", "tuple",
                                            "memref", "f80",  "f128",  "tf32", NULL};

bool sm_p_at_type(SmParser *p) {
  const SmToken *t = &p->tok;
  if (t->kind == SM_TOK_BANG || t->kind == SM_TOK_LPAREN)
    return true;
  if (t->kind != SM_TOK_BARE)
    return false;
  uint64_t w;
  SmSignedness s;
  if (int_type_keyword(t, &w, &s))
    return true;
  for (const char *const *k = type_keywords; *k; k++)
    if (tok_eq(t, *k))
      return true;
  SmFloatFormat f;
  return sm_float_format_lookup(t->ptr, t->len, &f);
}

/* The rest of a dimension list after the dims ("x" consumed): the lexer is
 * repositioned one past an 'x' prefix. */
static void split_x(SmParser *p) {
  sm_lexer_reset(&p->lx, p->tok.ptr + 1);
  sm_p_consume(p);
}

/* Parses "4x?x8x" (dims pushed on p->stk as int64_t) and stops at the
 * element type. allow_dynamic: '?' allowed. scalable (vectors): "[4]x"
 * dims allowed, flags set in scalable[] (up to 64 dims). */
static bool parse_dims(SmParser *p, bool allow_dynamic, size_t *mark, unsigned *rank,
                       uint8_t *scalable) {
  *mark = p->stk.len;
  *rank = 0;
  for (;;) {
    int64_t d;
    if (scalable && p->tok.kind == SM_TOK_LSQUARE) {
      sm_p_consume(p);
      uint64_t v;
      if (p->tok.kind != SM_TOK_INT || !sm_p_parse_uint_token(p, &p->tok, &v))
        return sm_p_error(p, "expected integer size of a scalable dimension");
      if (v > (uint64_t)INT64_MAX)
        return sm_p_error(p, "dimension too large");
      sm_p_consume(p);
      if (!sm_p_expect(p, SM_TOK_RSQUARE, "']'"))
        return false;
      if (*rank >= 64)
        return sm_p_error(p, "too many dimensions in a scalable vector type");
      scalable[*rank] = 1;
      d = (int64_t)v;
    } else if (p->tok.kind == SM_TOK_QUESTION) {
      if (!allow_dynamic)
        return sm_p_error(p, "expected static shape");
      d = SM_DYNAMIC;
      sm_p_consume(p);
    } else if (p->tok.kind == SM_TOK_INT) {
      if (p->tok.len > 1 && p->tok.ptr[1] == 'x') {
        /* "0xf32" is the dim 0 followed by "xf32", not a hex literal. */
        d = 0;
        sm_lexer_reset(&p->lx, p->tok.ptr + 1);
        sm_p_consume(p);
      } else {
        uint64_t v;
        if (!sm_p_parse_uint_token(p, &p->tok, &v))
          return false;
        if (v > (uint64_t)INT64_MAX)
          return sm_p_error(p, "dimension too large");
        d = (int64_t)v;
        sm_p_consume(p);
      }
    } else {
      return true;
    }
    sm_bs_push(&p->stk, &d, sizeof d);
    (*rank)++;
    if (p->tok.kind != SM_TOK_BARE || p->tok.ptr[0] != 'x')
      return sm_p_error(p, "expected 'x' in dimension list");
    if (p->tok.len == 1)
      sm_p_consume(p);
    else
      split_x(p);
  }
}

/* tensor<...> / vector<...> after the keyword. */
static SmType *parse_shaped(SmParser *p, bool is_tensor) {
  if (!sm_p_expect(p, SM_TOK_LESS, "'<'"))
    return NULL;
  SmType *elem, *res;
  if (is_tensor && p->tok.kind == SM_TOK_STAR) {
    sm_p_consume(p);
    if (p->tok.kind != SM_TOK_BARE || p->tok.ptr[0] != 'x')
      return sm_p_error(p, "expected 'x' in unranked tensor type"), NULL;
    if (p->tok.len == 1)
      sm_p_consume(p);
    else
      split_x(p);
    elem = sm_p_parse_type(p);
    if (!elem)
      return NULL;
    if (!sm_p_expect(p, SM_TOK_GREATER, "'>'"))
      return NULL;
    return sm_type_unranked_tensor(p->ctx, elem);
  }
  size_t mark;
  unsigned rank;
  uint8_t scalable[64] = {0};
  if (!parse_dims(p, is_tensor, &mark, &rank, is_tensor ? NULL : scalable))
    return NULL;
  SmToken elem_tok = p->tok;
  elem = sm_p_parse_type(p);
  if (!elem)
    return NULL;
  if (elem->kind == SM_TYPE_FUNCTION || elem->kind == SM_TYPE_NONE ||
      elem->kind == SM_TYPE_UNRANKED_TENSOR || (!is_tensor && elem->kind != SM_TYPE_INTEGER &&
                                                 elem->kind != SM_TYPE_INDEX && !sm_type_is_float(elem))) {
    sm_p_error_tok(p, &elem_tok, is_tensor ? "invalid tensor element type" : "vector elements must be int/index/float type");
    return NULL;
  }
  SmAttr *enc = NULL;
  if (is_tensor && p->tok.kind == SM_TOK_COMMA) {
    sm_p_consume(p);
    enc = sm_p_parse_attr(p, NULL);
    if (!enc)
      return NULL;
  }
  if (!sm_p_expect(p, SM_TOK_GREATER, "'>'"))
    return NULL;
  const int64_t *dims = (const int64_t *)sm_bs_at(&p->stk, mark);
  if (is_tensor)
    res = sm_type_tensor(p->ctx, rank, dims, elem, enc);
  else
    res = sm_type_vector_scalable(p->ctx, rank, dims, rank <= 64 ? scalable : NULL, elem);
  p->stk.len = mark;
  return res;
}

static bool is_memref_layout(const SmAttr *a) {
  return a->kind == SM_ATTR_AFFINE_MAP || a->kind == SM_ATTR_STRIDED;
}

/* memref<4x?xf32[, layout][, memory space]> / memref<*xf32[, space]> after
 * the keyword. */
static SmType *parse_memref(SmParser *p) {
  if (!sm_p_expect(p, SM_TOK_LESS, "'<'"))
    return NULL;
  bool unranked = false;
  size_t mark = p->stk.len;
  unsigned rank = 0;
  if (p->tok.kind == SM_TOK_STAR) {
    sm_p_consume(p);
    if (p->tok.kind != SM_TOK_BARE || p->tok.ptr[0] != 'x')
      return sm_p_error(p, "expected 'x' in unranked memref type"), NULL;
    if (p->tok.len == 1)
      sm_p_consume(p);
    else
      split_x(p);
    unranked = true;
  } else if (!parse_dims(p, true, &mark, &rank, NULL)) {
    return NULL;
  }
  SmToken elem_tok = p->tok;
  SmType *elem = sm_p_parse_type(p);
  if (!elem)
    return NULL;
  bool ok_elem = elem->kind == SM_TYPE_INTEGER || elem->kind == SM_TYPE_INDEX ||
                 sm_type_is_float(elem) || elem->kind == SM_TYPE_COMPLEX ||
                 elem->kind == SM_TYPE_VECTOR || sm_type_is_memref(elem) ||
                 elem->kind == SM_TYPE_OPAQUE; /* dialect types: as mlir-opt-22 accepts them */
  if (!ok_elem) {
    sm_p_error_tok(p, &elem_tok, "invalid memref element type");
    return NULL;
  }
  SmAttr *layout = NULL, *space = NULL;
  while (p->tok.kind == SM_TOK_COMMA) {
    sm_p_consume(p);
    SmToken at = p->tok;
    SmAttr *a = sm_p_parse_attr(p, NULL);
    if (!a)
      return NULL;
    if (!unranked && !layout && !space && is_memref_layout(a)) {
      if (a->kind == SM_ATTR_AFFINE_MAP && a->map->num_dims != rank)
        return sm_p_error_tok(p, &at, "memref layout mismatch between rank and affine map: %u != %u",
                              rank, a->map->num_dims),
               NULL;
      if (a->kind == SM_ATTR_STRIDED && a->strided.rank != rank)
        return sm_p_error_tok(p, &at, "expected the number of strides to match the rank"), NULL;
      layout = a;
    } else if (!space) {
      space = a;
    } else {
      return sm_p_error_tok(p, &at, "multiple memory spaces specified in memref type"), NULL;
    }
  }
  if (!sm_p_expect(p, SM_TOK_GREATER, "'>'"))
    return NULL;
  SmType *res;
  if (unranked)
    res = sm_type_unranked_memref(p->ctx, elem, space);
  else
    res = sm_type_memref(p->ctx, rank, (const int64_t *)sm_bs_at(&p->stk, mark), elem, layout, space);
  p->stk.len = mark;
  return res;
}

/* Comma-separated types up to the closing token (not consumed), pushed on
 * p->stk. allow_empty: the list may be empty. */
static bool parse_type_items(SmParser *p, SmTokKind close, size_t *mark, unsigned *n) {
  *mark = p->stk.len;
  *n = 0;
  if (p->tok.kind == close)
    return true;
  for (;;) {
    SmType *t = sm_p_parse_type(p);
    if (!t)
      return false;
    sm_bs_push(&p->stk, &t, sizeof t);
    (*n)++;
    if (!sm_p_accept(p, SM_TOK_COMMA))
      return true;
  }
}

bool sm_p_parse_result_types(SmParser *p, size_t *mark, unsigned *n) {
  if (p->tok.kind == SM_TOK_LPAREN) {
    /* "(t, u)" is a result list; "(t) -> u" would be a function type
     * result, which MLIR also reads as a parenthesised list first. */
    sm_p_consume(p);
    if (!parse_type_items(p, SM_TOK_RPAREN, mark, n))
      return false;
    return sm_p_expect(p, SM_TOK_RPAREN, "')'");
  }
  *mark = p->stk.len;
  SmType *t = sm_p_parse_type(p);
  if (!t)
    return false;
  sm_bs_push(&p->stk, &t, sizeof t);
  *n = 1;
  return true;
}

SmType *sm_p_parse_function_type(SmParser *p) {
  if (!sm_p_expect(p, SM_TOK_LPAREN, "'('"))
    return NULL;
  size_t in_mark, out_mark;
  unsigned nin, nout;
  if (!parse_type_items(p, SM_TOK_RPAREN, &in_mark, &nin))
    return NULL;
  if (!sm_p_expect(p, SM_TOK_RPAREN, "')'"))
    return NULL;
  if (!sm_p_expect(p, SM_TOK_ARROW, "'->' in function type"))
    return NULL;
  if (!sm_p_parse_result_types(p, &out_mark, &nout))
    return NULL;
  SmType **ins = (SmType **)sm_bs_at(&p->stk, in_mark);
  SmType **outs = (SmType **)sm_bs_at(&p->stk, out_mark);
  SmType *t = sm_type_function(p->ctx, nin, ins, nout, outs);
  p->stk.len = in_mark;
  return t;
}

/* !dialect.name<...>, !dialect<...>, !dialect.name, !alias */
static SmType *parse_bang_type(SmParser *p) {
  const char *name = NULL, *ns = NULL, *rest = NULL;
  SmParseResult r = sm_p_dialect_token(p, &name, &ns, &rest);
  if (r == SM_PARSE_ERROR)
    return NULL;
  if (r == SM_PARSE_ABSENT) {
    SmType *ty = (SmType *)sm_ptrmap_get(&p->type_aliases, name);
    if (!ty)
      return sm_p_error(p, "undefined symbol alias id '%s'", name), NULL;
    sm_p_consume(p);
    return ty;
  }
  sm_p_consume(p);
  return sm_type_opaque(p->ctx, ns, rest);
}

static SmType *parse_type_inner(SmParser *p);

/* Types that end with a closing bracket can be memoized by their text. */
static bool self_delimited(const SmParser *p, const SmToken *t) {
  if (t->kind == SM_TOK_LPAREN)
    return true;
  if (t->kind == SM_TOK_BANG)
    return t->ptr + t->len < p->lx.end && t->ptr[t->len] == '<';
  return t->kind == SM_TOK_BARE && t->len >= 5 &&
         (tok_eq(t, "tensor") || tok_eq(t, "vector") || tok_eq(t, "tuple") || tok_eq(t, "complex") ||
          tok_eq(t, "memref"));
}

SmType *sm_p_parse_type(SmParser *p) {
  if (!self_delimited(p, &p->tok))
    return parse_type_inner(p);
  SmType *t = sm_p_memo_lookup(p, 0);
  if (t)
    return t;
  const char *start = p->tok.ptr;
  t = parse_type_inner(p);
  sm_p_memo_insert(p, 0, start, t);
  return t;
}

static SmType *parse_type_inner(SmParser *p) {
  SmToken *t = &p->tok;
  if (t->kind == SM_TOK_LPAREN) {
    if (!sm_p_enter(p))
      return NULL;
    SmType *ft = sm_p_parse_function_type(p);
    sm_p_leave(p);
    return ft;
  }
  if (t->kind == SM_TOK_BANG)
    return parse_bang_type(p);
  if (t->kind != SM_TOK_BARE)
    return sm_p_error(p, "expected type"), NULL;
  SmContext *ctx = p->ctx;
  uint64_t width;
  SmSignedness sign;
  if (int_type_keyword(t, &width, &sign)) {
    if (width > SM_MAX_INT_WIDTH)
      return sm_p_error(p, "integer bitwidth is limited to %u bits", SM_MAX_INT_WIDTH), NULL;
    sm_p_consume(p);
    return sm_type_integer(ctx, (unsigned)width, sign);
  }
  SmType *res = NULL;
  if (tok_eq(t, "index"))
    res = sm_type_index(ctx);
  else if (tok_eq(t, "f32"))
    res = sm_type_f32(ctx);
  else if (tok_eq(t, "f64"))
    res = sm_type_f64(ctx);
  else if (tok_eq(t, "f16"))
    res = sm_type_f16(ctx);
  else if (tok_eq(t, "bf16"))
    res = sm_type_bf16(ctx);
  else if (tok_eq(t, "none"))
    res = sm_type_none(ctx);
  else {
    SmFloatFormat f;
    if (sm_float_format_lookup(t->ptr, t->len, &f))
      res = sm_type_float_ext(ctx, f);
  }
  if (res) {
    sm_p_consume(p);
    return res;
  }
  bool is_tensor = tok_eq(t, "tensor");
  if (is_tensor || tok_eq(t, "vector")) {
    if (!sm_p_enter(p))
      return NULL;
    sm_p_consume(p);
    res = parse_shaped(p, is_tensor);
    sm_p_leave(p);
    return res;
  }
  if (tok_eq(t, "memref")) {
    if (!sm_p_enter(p))
      return NULL;
    sm_p_consume(p);
    res = parse_memref(p);
    sm_p_leave(p);
    return res;
  }
  if (tok_eq(t, "complex")) {
    if (!sm_p_enter(p))
      return NULL;
    sm_p_consume(p);
    if (!sm_p_expect(p, SM_TOK_LESS, "'<'"))
      return NULL;
    SmToken et = p->tok;
    SmType *elem = sm_p_parse_type(p);
    sm_p_leave(p);
    if (!elem)
      return NULL;
    if (elem->kind != SM_TYPE_INTEGER && !sm_type_is_float(elem))
      return sm_p_error_tok(p, &et, "invalid element type for complex"), NULL;
    if (!sm_p_expect(p, SM_TOK_GREATER, "'>'"))
      return NULL;
    return sm_type_complex(ctx, elem);
  }
  if (tok_eq(t, "tuple")) {
    if (!sm_p_enter(p))
      return NULL;
    sm_p_consume(p);
    if (!sm_p_expect(p, SM_TOK_LESS, "'<'"))
      return NULL;
    size_t mark;
    unsigned n;
    bool ok = parse_type_items(p, SM_TOK_GREATER, &mark, &n) && sm_p_expect(p, SM_TOK_GREATER, "'>'");
    sm_p_leave(p);
    if (!ok)
      return NULL;
    res = sm_type_tuple(ctx, n, (SmType **)sm_bs_at(&p->stk, mark));
    p->stk.len = mark;
    return res;
  }
  if (sm_p_at_type(p))
    return sm_p_error(p, "type '%.*s' is not supported", (int)t->len, t->ptr), NULL;
  return sm_p_error(p, "expected type"), NULL;
}
