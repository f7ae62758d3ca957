/* Parser driver: token helpers, temporary storage, locations (with
 * deferred #loc aliases), the resource section, the top level, and the
 * entry points sm_parse_source / sm_parse_type / sm_parse_attr. Ops,
 * regions and SSA names live in parse_ops.c; types and attributes in
 * parse_types.c and parse_attrs.c. */
#include "ir/parser_impl.h"
#include "ir/context_impl.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- Temporary storage -------------------------------------------------- */

void sm_bs_push(SmByteStack *s, const void *item, size_t size) {
  if (s->len + size > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 4096;
    while (cap < s->len + size)
      cap *= 2;
    s->data = realloc(s->data, cap);
    s->cap = cap;
  }
  memcpy(s->data + s->len, item, size);
  s->len += size;
}

void sm_bs_free(SmByteStack *s) {
  free(s->data);
  s->data = NULL;
  s->len = s->cap = 0;
}

SmScratchMark sm_scratch_mark(SmScratch *s) {
  SmScratchMark m = {s->head, s->head ? s->head->used : 0};
  return m;
}

void sm_scratch_release(SmScratch *s, SmScratchMark m) {
  while (s->head != m.chunk) {
    SmScratchChunk *c = s->head;
    s->head = c->next;
    c->used = 0;
    c->next = s->spare;
    s->spare = c;
  }
  if (s->head)
    s->head->used = m.used;
}

void *sm_scratch_alloc(SmScratch *s, size_t size) {
  size = (size + 15) & ~(size_t)15;
  if (!size)
    size = 16;
  SmScratchChunk *c = s->head;
  if (!c || c->used + size > c->size) {
    SmScratchChunk **sp = &s->spare;
    while (*sp && (*sp)->size < size)
      sp = &(*sp)->next;
    if (*sp) {
      c = *sp;
      *sp = c->next;
    } else {
      size_t cs = size > 65536 ? size : 65536;
      c = malloc(sizeof(SmScratchChunk) + 16 + cs);
      c->size = cs;
    }
    c->used = 0;
    c->next = s->head;
    s->head = c;
  }
  char *base = (char *)c + ((sizeof(SmScratchChunk) + 15) & ~(size_t)15);
  void *r = base + c->used;
  c->used += size;
  return r;
}

static void scratch_free(SmScratch *s) {
  for (int k = 0; k < 2; k++) {
    SmScratchChunk *c = k ? s->spare : s->head;
    while (c) {
      SmScratchChunk *n = c->next;
      free(c);
      c = n;
    }
  }
  s->head = s->spare = NULL;
}

/* ---- Token helpers ----------------------------------------------------- */

void sm_p_consume(SmParser *p) {
  if (p->tok.ptr) /* no token before the first one: NULL + 0 is UB */
    p->prev_end = p->tok.ptr + p->tok.len;
  sm_lexer_next(&p->lx, &p->tok);
}

void sm_p_resume_at(SmParser *p, const char *ptr) {
  sm_lexer_reset(&p->lx, ptr);
  sm_lexer_next(&p->lx, &p->tok);
  p->prev_end = ptr;
}

const char *sm_p_intern(SmParser *p, const char *s, size_t len) {
  /* Slot from the length and the first and last (up to) 8 bytes. */
  uint64_t a = 0, b = 0;
  memcpy(&a, s, len < 8 ? len : 8);
  if (len > 8)
    memcpy(&b, s + len - 8, 8);
  uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull) ^ len) * 0xff51afd7ed558ccdull;
  SmRecentName *e = &p->recent[(h >> 32) & (SM_RECENT_NAMES - 1)];
  if (e->str && e->len == len && memcmp(e->str, s, len) == 0)
    return e->str;
  e->str = sm_intern(p->ctx, s, len);
  e->len = len;
  return e->str;
}

SmParseResult sm_p_dialect_token(SmParser *p, const char **alias, const char **ns, const char **rest) {
  const char *id = p->tok.ptr + 1;
  size_t idlen = p->tok.len - 1;
  const char *dot = memchr(id, '.', idlen);
  const char *after = p->tok.ptr + p->tok.len;
  bool body = after < p->lx.end && *after == '<';
  if (!dot && !body) {
    *alias = sm_intern(p->ctx, id, idlen);
    return SM_PARSE_ABSENT;
  }
  size_t nslen = dot ? (size_t)(dot - id) : idlen;
  if (nslen == 0)
    return sm_p_error(p, "expected dialect namespace"), SM_PARSE_ERROR;
  const char *rest_end = after;
  /* On success the scan leaves the lexer just after the body. */
  if (body && !(rest_end = sm_lexer_scan_body(&p->lx, after))) {
    p->tok.kind = SM_TOK_ERROR;
    return SM_PARSE_ERROR;
  }
  *ns = sm_intern(p->ctx, id, nslen);
  *rest = sm_intern(p->ctx, id + nslen, (size_t)(rest_end - (id + nslen)));
  return SM_PARSE_OK;
}

/* ---- Memo of parsed spans ---------------------------------------------- */

/* End of the text the memo slot is hashed from. The span's own length is
 * not known before parsing it, so the window is a guess at where it ends:
 * the hash only picks the slot, a hit still needs the whole stored span to
 * match and end at a boundary, so a bad guess costs hits, never
 * correctness. An op's function type runs to the end of the line or its
 * " loc(", an op's attribute dictionary to "} :", a bracketed type or
 * attribute to its first '>' or ']'. A short fixed window would put every
 * function type that starts "(tensor<1x64x56x56xf32>, " in one slot. */
static const char *memo_window(const char *s, const char *end) {
  const char *lim = end - s > 96 ? s + 96 : end, *q;
  switch (*s) {
  case '(':
    if ((q = memchr(s, '\n', (size_t)(lim - s))))
      lim = q;
    for (q = s; (q = memchr(q + 1, 'l', (size_t)(lim - q - 1)));)
      if (q[-1] == ' ' && lim - q >= 4 && memcmp(q, "loc(", 4) == 0)
        return q - 1;
    return lim;
  case '{':
    for (q = s; (q = memchr(q + 1, '}', (size_t)(lim - q - 1)));)
      if (lim - q >= 3 && q[1] == ' ' && q[2] == ':')
        return q + 1;
    return lim;
  case '[':
    q = memchr(s, ']', (size_t)(lim - s));
    return q ? q + 1 : lim;
  default:
    q = memchr(s, '>', (size_t)(lim - s));
    return q ? q + 1 : lim;
  }
}

static size_t memo_slot(const char *s, const char *end, int kind) {
  uint64_t h = sm_hash_bytes((uint64_t)kind, s, (size_t)(memo_window(s, end) - s));
  return (size_t)sm_hash_fold(h) & (SM_MEMO_SIZE / 2 - 1);
}

/* A span may be reused only where the text after it cannot continue the
 * same type or attribute (e.g. "i3" inside "i32", "!d.t" before "<"). */
static bool memo_boundary(const char *c, const char *end) {
  if (c >= end)
    return true;
  char ch = *c;
  return !(((unsigned)((ch | 0x20) - 'a') < 26u) || (unsigned)(ch - '0') < 10u || ch == '_' || ch == '$' ||
           ch == '.' || ch == '-' || ch == '<' || ch == '"' || ch == '#' || ch == ':' || ch == '(' ||
           ch == '[' || ch == '{' || (unsigned char)ch >= 0x80);
}

void *sm_p_memo_lookup(SmParser *p, int kind) {
  if (!p->memo || p->lx.failed)
    return NULL;
  const char *s = p->tok.ptr, *end = p->lx.end;
  SmMemoEntry *e = &p->memo[(size_t)kind * (SM_MEMO_SIZE / 2) + memo_slot(s, end, kind)];
  if (!e->result || (size_t)(end - s) < e->len || memcmp(e->text, s, e->len) != 0 ||
      !memo_boundary(s + e->len, end))
    return NULL;
  sm_p_resume_at(p, s + e->len);
  return e->result;
}

void sm_p_memo_insert(SmParser *p, int kind, const char *start, void *result) {
  if (!p->memo || !result || p->prev_end <= start)
    return;
  size_t len = (size_t)(p->prev_end - start);
  if (len > SM_MEMO_TEXT || memchr(start, '\n', len) || !memo_boundary(p->prev_end, p->lx.end))
    return;
  SmMemoEntry *e = &p->memo[(size_t)kind * (SM_MEMO_SIZE / 2) + memo_slot(start, p->lx.end, kind)];
  memcpy(e->text, start, len);
  e->len = (uint32_t)len;
  e->result = result;
}

bool sm_p_error_tok(SmParser *p, const SmToken *t, const char *fmt, ...) {
  if (p->lx.failed)
    return false;
  p->lx.failed = true;
  va_list ap;
  va_start(ap, fmt);
  sm_emit_diag_v(p->ctx, SM_SEV_ERROR, sm_lexer_loc(&p->lx, t), fmt, ap);
  va_end(ap);
  return false;
}

bool sm_p_error(SmParser *p, const char *fmt, ...) {
  if (p->lx.failed)
    return false;
  p->lx.failed = true;
  va_list ap;
  va_start(ap, fmt);
  sm_emit_diag_v(p->ctx, SM_SEV_ERROR, sm_lexer_loc(&p->lx, &p->tok), fmt, ap);
  va_end(ap);
  return false;
}

bool sm_p_expect(SmParser *p, SmTokKind k, const char *what) {
  if (p->tok.kind == k) {
    sm_p_consume(p);
    return true;
  }
  return sm_p_error(p, "expected %s", what);
}

bool sm_p_is_keyword(SmParser *p, const char *kw) {
  size_t n = strlen(kw);
  return p->tok.kind == SM_TOK_BARE && p->tok.len == n && memcmp(p->tok.ptr, kw, n) == 0;
}

bool sm_p_enter(SmParser *p) {
  if (++p->depth > SM_PARSE_MAX_DEPTH) {
    p->depth--;
    return sm_p_error(p, "nesting too deep");
  }
  return true;
}

const char *sm_p_string_value(SmParser *p, const SmToken *t, size_t *len) {
  const char *s = t->ptr + (t->ptr[0] == '@' ? 2 : 1);
  size_t raw = t->len - (size_t)(s - t->ptr) - 1;
  if (!memchr(s, '\\', raw)) {
    *len = raw;
    return s;
  }
  if (p->strbuf_cap < t->len + 1) {
    free(p->strbuf);
    p->strbuf_cap = t->len + 1;
    p->strbuf = malloc(p->strbuf_cap);
  }
  *len = sm_token_string_decode(t, p->strbuf);
  p->strbuf[*len] = 0;
  return p->strbuf;
}

/* ---- Locations ---------------------------------------------------------- */

static SmLoc *parse_loc_inst(SmParser *p);

static SmLoc *deferred_marker(SmParser *p, const char *alias, SmLoc *ref_loc) {
  size_t n = strlen(alias);
  char *buf = malloc(n + 16);
  memcpy(buf, "\x01" "deferred-loc#", 14);
  memcpy(buf + 14, alias, n + 1);
  SmLoc *m = sm_loc_name(p->ctx, sm_intern_cstr(p->ctx, buf), NULL);
  free(buf);
  if (!sm_ptrmap_contains(&p->deferred_locs, m)) {
    sm_ptrmap_put(&p->deferred_locs, m, (void *)alias);
    SmDeferredRef r = {alias, ref_loc};
    sm_bs_push(&p->deferred_refs, &r, sizeof r);
  }
  return m;
}

static SmLoc *parse_loc_inst_inner(SmParser *p) {
  SmToken t = p->tok;
  SmContext *ctx = p->ctx;
  if (t.kind == SM_TOK_HASH) {
    const char *name = sm_intern(ctx, t.ptr + 1, t.len - 1);
    SmLoc *l = sm_ptrmap_get(&p->loc_aliases, name);
    if (!l) {
      if (sm_ptrmap_get(&p->attr_aliases, name))
        return sm_p_error(p, "expected location, but found an attribute alias"), NULL;
      l = deferred_marker(p, name, sm_lexer_loc(&p->lx, &t));
    }
    sm_p_consume(p);
    return l;
  }
  if (t.kind == SM_TOK_STRING) {
    size_t len;
    const char *s = sm_p_string_value(p, &t, &len);
    const char *str = sm_p_intern(p, s, len);
    /* Fast path for the common `"file":line:col` written without spaces:
     * read the numbers from the text and resume lexing at what follows.
     * Anything else (spaces, comments, huge numbers) takes the token path
     * below, which also reports the errors. */
    {
      const char *q = t.ptr + t.len, *end = p->lx.end;
      uint64_t nums[2] = {0, 0};
      int k = 0;
      while (k < 2 && q < end && *q == ':') {
        const char *d = ++q;
        while (q < end && (unsigned)(*q - '0') < 10u && q - d < 10)
          nums[k] = nums[k] * 10 + (uint64_t)(*q++ - '0');
        if (q == d || (q < end && (unsigned)(*q - '0') < 10u))
          break;
        k++;
      }
      if (k == 2 && q < end && *q == ')' && nums[0] <= UINT32_MAX && nums[1] <= UINT32_MAX) {
        sm_p_resume_at(p, q);
        return sm_loc_file(ctx, str, (unsigned)nums[0], (unsigned)nums[1]);
      }
    }
    sm_p_consume(p);
    if (p->tok.kind == SM_TOK_COLON) {
      sm_p_consume(p);
      uint64_t line = 0, col = 0;
      if (p->tok.kind != SM_TOK_INT)
        return sm_p_error(p, "expected integer line number in FileLineColLoc"), NULL;
      if (!sm_p_parse_uint_token(p, &p->tok, &line))
        return NULL;
      sm_p_consume(p);
      if (p->tok.kind == SM_TOK_COLON) {
        sm_p_consume(p);
        if (p->tok.kind != SM_TOK_INT)
          return sm_p_error(p, "expected integer column number in FileLineColLoc"), NULL;
        if (!sm_p_parse_uint_token(p, &p->tok, &col))
          return NULL;
        sm_p_consume(p);
      }
      if (line > UINT32_MAX || col > UINT32_MAX)
        return sm_p_error(p, "line or column number out of range"), NULL;
      return sm_loc_file(ctx, str, (unsigned)line, (unsigned)col);
    }
    SmLoc *child = NULL;
    if (p->tok.kind == SM_TOK_LPAREN) {
      sm_p_consume(p);
      child = parse_loc_inst(p);
      if (!child || !sm_p_expect(p, SM_TOK_RPAREN, "')' after child location of NameLoc"))
        return NULL;
    }
    return sm_loc_name(ctx, str, child);
  }
  if (t.kind == SM_TOK_BARE) {
    if (sm_p_is_keyword(p, "unknown")) {
      sm_p_consume(p);
      return sm_loc_unknown(ctx);
    }
    if (sm_p_is_keyword(p, "callsite")) {
      sm_p_consume(p);
      if (!sm_p_expect(p, SM_TOK_LPAREN, "'(' in callsite location"))
        return NULL;
      SmLoc *callee = parse_loc_inst(p);
      if (!callee)
        return NULL;
      if (!sm_p_is_keyword(p, "at"))
        return sm_p_error(p, "expected 'at' in callsite location"), NULL;
      sm_p_consume(p);
      SmLoc *caller = parse_loc_inst(p);
      if (!caller || !sm_p_expect(p, SM_TOK_RPAREN, "')' in callsite location"))
        return NULL;
      return sm_loc_callsite(ctx, callee, caller);
    }
    if (sm_p_is_keyword(p, "fused")) {
      sm_p_consume(p);
      SmAttr *meta = NULL;
      if (sm_p_accept(p, SM_TOK_LESS)) {
        meta = sm_p_parse_attr(p, NULL);
        if (!meta || !sm_p_expect(p, SM_TOK_GREATER, "'>' after fused location metadata"))
          return NULL;
      }
      if (!sm_p_expect(p, SM_TOK_LSQUARE, "'[' in fused location"))
        return NULL;
      size_t mark = p->stk.len;
      unsigned n = 0;
      if (p->tok.kind != SM_TOK_RSQUARE) {
        for (;;) {
          SmLoc *l = parse_loc_inst(p);
          if (!l)
            return NULL;
          sm_bs_push(&p->stk, &l, sizeof l);
          n++;
          if (!sm_p_accept(p, SM_TOK_COMMA))
            break;
        }
      }
      if (!sm_p_expect(p, SM_TOK_RSQUARE, "']' in fused location"))
        return NULL;
      SmLoc *l = sm_loc_fused(ctx, n, (SmLoc **)sm_bs_at(&p->stk, mark), meta);
      p->stk.len = mark;
      return l;
    }
  }
  return sm_p_error(p, "expected location instance"), NULL;
}

static SmLoc *parse_loc_inst(SmParser *p) {
  if (!sm_p_enter(p))
    return NULL;
  SmLoc *l = parse_loc_inst_inner(p);
  sm_p_leave(p);
  return l;
}

SmLoc *sm_p_parse_loc_paren(SmParser *p) {
  if (!sm_p_expect(p, SM_TOK_LPAREN, "'(' in inline location"))
    return NULL;
  SmLoc *l = parse_loc_inst(p);
  if (!l || !sm_p_expect(p, SM_TOK_RPAREN, "')' in inline location"))
    return NULL;
  return l;
}

/* Replaces deferred markers inside l (recursively). NULL on a cycle. */
static SmLoc *resolve_loc(SmParser *p, SmLoc *l, int depth) {
  if (!l || depth > SM_PARSE_MAX_DEPTH)
    return NULL;
  const char *alias = sm_ptrmap_get(&p->deferred_locs, l);
  if (alias)
    return resolve_loc(p, sm_ptrmap_get(&p->loc_aliases, alias), depth + 1);
  switch (l->kind) {
  case SM_LOC_NAME: {
    if (!l->name.child)
      return l;
    SmLoc *c = resolve_loc(p, l->name.child, depth + 1);
    if (!c)
      return NULL;
    return c == l->name.child ? l : sm_loc_name(p->ctx, l->name.name, c);
  }
  case SM_LOC_CALLSITE: {
    SmLoc *a = resolve_loc(p, l->callsite.callee, depth + 1);
    SmLoc *b = resolve_loc(p, l->callsite.caller, depth + 1);
    if (!a || !b)
      return NULL;
    return a == l->callsite.callee && b == l->callsite.caller ? l : sm_loc_callsite(p->ctx, a, b);
  }
  case SM_LOC_FUSED: {
    bool changed = false;
    SmLoc **ls = malloc((l->fused.count ? l->fused.count : 1) * sizeof *ls);
    for (unsigned i = 0; i < l->fused.count; i++) {
      ls[i] = resolve_loc(p, l->fused.locs[i], depth + 1);
      if (!ls[i]) {
        free(ls);
        return NULL;
      }
      changed |= ls[i] != l->fused.locs[i];
    }
    SmLoc *r = changed ? sm_loc_fused(p->ctx, l->fused.count, ls, l->fused.metadata) : l;
    free(ls);
    return r;
  }
  default:
    return l;
  }
}

static SmWalkResult resolve_op_locs(SmOp *op, void *user) {
  SmParser *p = user;
  SmLoc *l = resolve_loc(p, op->loc, 0);
  if (!l)
    return SM_WALK_INTERRUPT;
  op->loc = l;
  for (unsigned r = 0; r < op->num_regions; r++)
    for (SmBlock *b = op->regions[r].first; b; b = b->next)
      for (unsigned i = 0; i < b->num_args; i++) {
        SmValue *a = b->args[i];
        if (a->loc) {
          SmLoc *al = resolve_loc(p, a->loc, 0);
          if (!al)
            return SM_WALK_INTERRUPT;
          a->loc = al;
        }
      }
  return SM_WALK_ADVANCE;
}

/* Patches deferred location aliases once the whole file has been read. */
static bool resolve_deferred_locs(SmParser *p, SmBlock *top) {
  if (p->deferred_locs.count == 0)
    return true;
  size_t n = p->deferred_refs.len / sizeof(SmDeferredRef);
  SmDeferredRef *refs = (SmDeferredRef *)p->deferred_refs.data;
  for (size_t i = 0; i < n; i++)
    if (!sm_ptrmap_get(&p->loc_aliases, refs[i].name)) {
      p->lx.failed = true;
      return sm_emit_error(p->ctx, refs[i].loc, "location alias '#%s' was never defined", refs[i].name);
    }
  for (SmOp *op = top->first; op; op = op->next)
    if (sm_op_walk(op, SM_WALK_PRE, resolve_op_locs, p) == SM_WALK_INTERRUPT) {
      p->lx.failed = true;
      return sm_emit_error(p->ctx, op->loc, "cyclic location alias definitions");
    }
  return true;
}

/* ---- Top level --------------------------------------------------------- */

/* #name = attr | #name = loc(...) | !name = type */
static bool parse_alias_def(SmParser *p) {
  SmToken t = p->tok;
  bool is_type = t.kind == SM_TOK_BANG;
  const char *name = sm_intern(p->ctx, t.ptr + 1, t.len - 1);
  if (memchr(name, '.', t.len - 1))
    return sm_p_error(p, "%s names with a '.' are reserved for dialect-defined names",
                      is_type ? "type" : "attribute");
  sm_p_consume(p);
  if (!sm_p_expect(p, SM_TOK_EQUAL, is_type ? "'=' in type alias definition" : "'=' in attribute alias definition"))
    return false;
  if (is_type) {
    if (sm_ptrmap_contains(&p->type_aliases, name))
      return sm_p_error_tok(p, &t, "redefinition of type alias id '%s'", name);
    SmType *ty = sm_p_parse_type(p);
    if (!ty)
      return false;
    sm_ptrmap_put(&p->type_aliases, name, ty);
    return true;
  }
  if (sm_ptrmap_contains(&p->attr_aliases, name) || sm_ptrmap_contains(&p->loc_aliases, name))
    return sm_p_error_tok(p, &t, "redefinition of attribute alias id '%s'", name);
  if (sm_p_is_keyword(p, "loc")) {
    sm_p_consume(p);
    SmLoc *l = sm_p_parse_loc_paren(p);
    if (!l)
      return false;
    sm_ptrmap_put(&p->loc_aliases, name, l);
    return true;
  }
  SmAttr *a = sm_p_parse_attr(p, NULL);
  if (!a)
    return false;
  sm_ptrmap_put(&p->attr_aliases, name, a);
  return true;
}

/* Decodes "0x<alignment LE 4 bytes><data>" and stores it. */
static bool parse_builtin_blob(SmParser *p, const char *key, SmToken *kt) {
  SmToken v = p->tok;
  if (v.kind != SM_TOK_STRING)
    return sm_p_error(p, "expected hex string blob for key '%s'", key);
  size_t len;
  const char *s = sm_p_string_value(p, &v, &len);
  if (len < 2 || s[0] != '0' || s[1] != 'x' || (len & 1))
    return sm_p_error(p, "expected hex string blob for key '%s'", key);
  size_t nbytes = (len - 2) / 2;
  if (nbytes < 4)
    return sm_p_error(p, "expected hex string blob for key '%s' to encode alignment in first 4 bytes", key);
  uint8_t *data = malloc(nbytes);
  for (size_t i = 0; i < nbytes; i++) {
    int b = 0;
    for (int k = 0; k < 2; k++) {
      char c = s[2 + 2 * i + (size_t)k];
      int d = c >= '0' && c <= '9' ? c - '0' : ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') ? (c | 0x20) - 'a' + 10 : -1;
      if (d < 0) {
        free(data);
        return sm_p_error(p, "expected hex string blob for key '%s'", key);
      }
      b = b * 16 + d;
    }
    data[i] = (uint8_t)b;
  }
  uint32_t align = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24;
  (void)kt;
  sm_context_set_resource(p->ctx, key, data + 4, nbytes - 4, align);
  free(data);
  sm_p_consume(p);
  return true;
}

/* { group: { key: value, ... }, ... } ; builtin groups hold blobs. */
static bool parse_resource_groups(SmParser *p, bool dialect_section) {
  if (!sm_p_expect(p, SM_TOK_LBRACE, "'{'"))
    return false;
  if (p->tok.kind != SM_TOK_RBRACE) {
    for (;;) {
      SmToken g = p->tok;
      if (g.kind != SM_TOK_BARE)
        return sm_p_error(p, "expected identifier key for 'resource' entry");
      const char *group = sm_intern(p->ctx, g.ptr, g.len);
      bool builtin = dialect_section && strcmp(group, "builtin") == 0;
      if (dialect_section && !builtin && !sm_context_lookup_dialect(p->ctx, group))
        return sm_p_error(p, "dialect '%s' is unknown", group);
      sm_p_consume(p);
      if (!sm_p_expect(p, SM_TOK_COLON, "':'") || !sm_p_expect(p, SM_TOK_LBRACE, "'{'"))
        return false;
      if (p->tok.kind != SM_TOK_RBRACE) {
        for (;;) {
          SmToken k = p->tok;
          const char *key;
          if (k.kind == SM_TOK_BARE) {
            key = sm_intern(p->ctx, k.ptr, k.len);
          } else if (k.kind == SM_TOK_STRING) {
            size_t len;
            const char *s = sm_p_string_value(p, &k, &len);
            key = sm_intern(p->ctx, s, len);
          } else {
            return sm_p_error(p, "expected identifier key for 'resource' entry");
          }
          sm_p_consume(p);
          if (!sm_p_expect(p, SM_TOK_COLON, "':'"))
            return false;
          if (builtin) {
            if (!parse_builtin_blob(p, key, &k))
              return false;
          } else if (!sm_p_parse_attr(p, NULL)) {
            /* Resources of other groups are not kept; their values are
             * still checked to be well-formed. */
            return false;
          }
          if (!sm_p_accept(p, SM_TOK_COMMA))
            break;
        }
      }
      if (!sm_p_expect(p, SM_TOK_RBRACE, "'}'"))
        return false;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  return sm_p_expect(p, SM_TOK_RBRACE, "'}'");
}

static bool parse_file_metadata(SmParser *p) {
  sm_p_consume(p); /* {-# */
  if (p->tok.kind != SM_TOK_META_END) {
    for (;;) {
      bool dialect = sm_p_is_keyword(p, "dialect_resources");
      if (!dialect && !sm_p_is_keyword(p, "external_resources"))
        return sm_p_error(p, "unknown key in file metadata dictionary");
      sm_p_consume(p);
      if (!sm_p_expect(p, SM_TOK_COLON, "':'"))
        return false;
      if (!parse_resource_groups(p, dialect))
        return false;
      if (!sm_p_accept(p, SM_TOK_COMMA))
        break;
    }
  }
  return sm_p_expect(p, SM_TOK_META_END, "'#-}' to close file metadata dictionary");
}

/* parse_ops.c */
bool sm_p_parse_op(SmParser *p, SmBlock *block);
void sm_p_scope_push_top(SmParser *p);
bool sm_p_scope_pop_top(SmParser *p);
void sm_p_destroy_pending(SmParser *p);
void sm_p_drop_uses_in_block(SmBlock *b);

static void parser_init(SmParser *p, SmContext *ctx, const char *file, const char *buf, size_t len,
                        unsigned line_offset) {
  memset(p, 0, sizeof *p);
  p->ctx = ctx;
  p->file = sm_intern_cstr(ctx, file ? file : "<string>");
  sm_lexer_init(&p->lx, ctx, p->file, buf, len, line_offset);
  sm_ptrmap_init(&p->attr_aliases);
  sm_ptrmap_init(&p->loc_aliases);
  sm_ptrmap_init(&p->type_aliases);
  sm_ptrmap_init(&p->distinct_ids);
  sm_ptrmap_init(&p->deferred_locs);
  p->memo = calloc(SM_MEMO_SIZE, sizeof *p->memo);
  p->placeholder_name = sm_intern_cstr(ctx, "builtin.unresolved_forward_ref");
  sm_p_consume(p);
}

static void parser_free(SmParser *p) {
  free(p->vals);
  sm_p_dense_names_free(p);
  free(p->blocks);
  sm_bs_free(&p->defs);
  sm_bs_free(&p->def_marks);
  sm_bs_free(&p->block_names);
  sm_bs_free(&p->deferred_refs);
  sm_bs_free(&p->stk);
  sm_ptrmap_free(&p->attr_aliases);
  sm_ptrmap_free(&p->loc_aliases);
  sm_ptrmap_free(&p->type_aliases);
  sm_ptrmap_free(&p->distinct_ids);
  sm_ptrmap_free(&p->deferred_locs);
  scratch_free(&p->scratch);
  scratch_free(&p->name_chunks);
  free(p->strbuf);
  free(p->memo);
}

static SmOp *parse_top(SmParser *p) {
  SmBlock *top = sm_block_create();
  sm_p_scope_push_top(p);
  bool ok = true;
  while (ok && p->tok.kind != SM_TOK_EOF) {
    switch (p->tok.kind) {
    case SM_TOK_HASH:
    case SM_TOK_BANG:
      ok = parse_alias_def(p);
      break;
    case SM_TOK_META_BEGIN:
      ok = parse_file_metadata(p);
      break;
    case SM_TOK_ERROR:
      ok = false;
      break;
    default:
      ok = sm_p_parse_op(p, top);
      break;
    }
  }
  ok = ok && sm_p_scope_pop_top(p) && resolve_deferred_locs(p, top);
  if (!ok) {
    sm_p_drop_uses_in_block(top);
    sm_block_destroy(top);
    sm_p_destroy_pending(p);
    return NULL;
  }
  SmOp *first = top->first;
  if (first && first == top->last && strcmp(first->name, "builtin.module") == 0) {
    sm_op_detach(first);
    sm_block_destroy(top);
    return first;
  }
  SmOpState st;
  sm_op_state_init(&st, p->ctx, sm_intern_cstr(p->ctx, "builtin.module"),
                   sm_loc_file(p->ctx, p->file, p->lx.line_offset, 0));
  SmRegion *r = sm_op_state_add_region(&st);
  sm_region_append_block(r, top);
  SmOp *mod = sm_op_create(&st);
  sm_op_state_release(&st);
  return mod;
}

void sm_p_report_progress(SmParser *p) {
  const char *buf = p->lx.buf;
  size_t done = (size_t)(p->prev_end - buf);
  p->progress_next = p->prev_end + SM_PARSE_PROGRESS_STEP;
  p->progress(buf, done, p->progress_user);
}

SmOp *sm_parse_source(SmContext *ctx, const char *buf, size_t len, const char *filename,
                      unsigned line_offset) {
  if (!filename)
    filename = "<source>";
  sm_context_add_source(ctx, filename, buf, len, line_offset);
  SmParser p;
  parser_init(&p, ctx, filename, buf, len, line_offset);
  if (ctx->parse_progress) {
    p.progress = ctx->parse_progress;
    p.progress_user = ctx->parse_progress_user;
    p.progress_next = buf + SM_PARSE_PROGRESS_STEP;
  }
  SmOp *res = parse_top(&p);
  parser_free(&p);
  /* The parse is over: all of the input is behind it. */
  if (ctx->parse_progress)
    ctx->parse_progress(buf, len, ctx->parse_progress_user);
  return res;
}

SmType *sm_parse_type(SmContext *ctx, const char *text) {
  SmParser p;
  parser_init(&p, ctx, "<string>", text, strlen(text), 0);
  SmType *t = sm_p_parse_type(&p);
  if (t && p.tok.kind != SM_TOK_EOF) {
    sm_p_error(&p, "unexpected trailing characters after type");
    t = NULL;
  }
  parser_free(&p);
  return t;
}

SmAttr *sm_parse_attr(SmContext *ctx, const char *text) {
  SmParser p;
  parser_init(&p, ctx, "<string>", text, strlen(text), 0);
  SmAttr *a = sm_p_parse_attr(&p, NULL);
  if (a && p.tok.kind != SM_TOK_EOF) {
    sm_p_error(&p, "unexpected trailing characters after attribute");
    a = NULL;
  }
  parser_free(&p);
  return a;
}
