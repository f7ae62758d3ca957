/* Lexer for MLIR's textual syntax: one pass over the buffer, tokens point
 * into it, no allocation. */
#include "ir/lexer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sm_lexer_init(SmLexer *lx, SmContext *ctx, const char *file, const char *buf, size_t len,
                   unsigned line_offset) {
  lx->ctx = ctx;
  lx->file = file;
  lx->buf = buf;
  lx->cur = buf;
  lx->end = buf + len;
  lx->line_start = buf;
  lx->line = 1;
  lx->line_offset = line_offset;
  lx->failed = false;
}

SmLoc *sm_lexer_loc_at(SmLexer *lx, unsigned line, unsigned col) {
  return sm_loc_file(lx->ctx, lx->file, line + lx->line_offset, col);
}

SmLoc *sm_lexer_loc(SmLexer *lx, const SmToken *tok) {
  return sm_lexer_loc_at(lx, tok->line, tok->col);
}

bool sm_lexer_error_at(SmLexer *lx, unsigned line, unsigned col, const char *fmt, ...) {
  if (lx->failed)
    return false;
  lx->failed = true;
  va_list ap;
  va_start(ap, fmt);
  sm_emit_diag_v(lx->ctx, SM_SEV_ERROR, sm_lexer_loc_at(lx, line, col), fmt, ap);
  va_end(ap);
  return false;
}

static unsigned col_of(const SmLexer *lx, const char *p) {
  return (unsigned)(p - lx->line_start) + 1;
}

static bool err_here(SmLexer *lx, const char *p, const char *msg) {
  return sm_lexer_error_at(lx, lx->line, col_of(lx, p), "%s", msg);
}

/* Length of the valid UTF-8 sequence at p (non-ASCII lead byte), 0 if invalid. */
static unsigned utf8_len(const char *pc, const char *end) {
  const unsigned char *p = (const unsigned char *)pc;
  size_t avail = (size_t)(end - pc);
  unsigned char c = p[0];
  unsigned n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (avail < n)
    return 0;
  for (unsigned i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return n;
}

/* Character classes, one table lookup per byte in the hot loops. */
enum {
  CC_ALPHA = 1,  /* a-z A-Z */
  CC_DIGIT = 2,  /* 0-9 */
  CC_BARE = 4,   /* identifier continuation: alnum _ $ . */
  CC_SUFFIX = 8, /* SSA/alias name continuation: bare and - */
  CC_XDIGIT = 16,
  CC_SPACE = 32, /* ' ' \t \r (not \n: it moves the line) */
  CC_STR = 64,   /* ends or interrupts a plain run in a string literal */
};
static const unsigned char cclass[256] = {
    [' '] = CC_SPACE, ['\t'] = CC_SPACE, ['\r'] = CC_SPACE | CC_STR,
    ['"'] = CC_STR, ['\\'] = CC_STR, ['\n'] = CC_STR, [0] = CC_STR,
    ['_'] = CC_BARE | CC_SUFFIX, ['$'] = CC_BARE | CC_SUFFIX, ['.'] = CC_BARE | CC_SUFFIX,
    ['-'] = CC_SUFFIX,
#define D(c) [c] = CC_DIGIT | CC_BARE | CC_SUFFIX | CC_XDIGIT
    D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'), D('9'),
#undef D
#define X(c) [c] = CC_ALPHA | CC_BARE | CC_SUFFIX | CC_XDIGIT
    X('a'), X('b'), X('c'), X('d'), X('e'), X('f'), X('A'), X('B'), X('C'), X('D'), X('E'), X('F'),
#undef X
#define A(c) [c] = CC_ALPHA | CC_BARE | CC_SUFFIX
    A('g'), A('h'), A('i'), A('j'), A('k'), A('l'), A('m'), A('n'), A('o'), A('p'), A('q'),
    A('r'), A('s'), A('t'), A('u'), A('v'), A('w'), A('x'), A('y'), A('z'),
    A('G'), A('H'), A('I'), A('J'), A('K'), A('L'), A('M'), A('N'), A('O'), A('P'), A('Q'),
    A('R'), A('S'), A('T'), A('U'), A('V'), A('W'), A('X'), A('Y'), A('Z'),
#undef A
};

static inline bool cc_is(char c, unsigned cls) { return cclass[(unsigned char)c] & cls; }
static inline bool is_alpha(char c) { return cc_is(c, CC_ALPHA); }
static inline bool is_digit(char c) { return cc_is(c, CC_DIGIT); }
static inline bool is_xdigit(char c) { return cc_is(c, CC_XDIGIT); }
static inline bool is_bare_char(char c) { return cc_is(c, CC_BARE); }
static inline bool is_suffix_char(char c) { return cc_is(c, CC_SUFFIX); }

/* Skips a "// ..." comment starting at p; validates UTF-8. Returns the end
 * (the newline or buffer end) or NULL on error. */
static const char *skip_comment(SmLexer *lx, const char *p) {
  const char *end = lx->end;
  p += 2;
  while (p < end) {
    unsigned char c = (unsigned char)*p;
    if (c == '\n')
      return p;
    if (c == 0) {
      err_here(lx, p, "unexpected NUL character");
      return NULL;
    }
    if (c >= 0x80) {
      unsigned n = utf8_len(p, end);
      if (!n) {
        err_here(lx, p, "invalid UTF-8 sequence");
        return NULL;
      }
      p += n;
      continue;
    }
    p++;
  }
  return p;
}

/* Lexes the rest of a string starting at p (pointing at the opening quote).
 * Returns the pointer after the closing quote or NULL on error. */
static const char *lex_string(SmLexer *lx, const char *p) {
  const char *end = lx->end;
  p++;
  for (;;) {
    /* Plain characters in one tight loop; the checks below see the rest. */
    while (p < end && (unsigned char)*p < 0x80 && !cc_is(*p, CC_STR))
      p++;
    if (p >= end || *p == '\n' || *p == '\r') {
      err_here(lx, p, "expected '\"' in string literal");
      return NULL;
    }
    unsigned char c = (unsigned char)*p;
    if (c == '"')
      return p + 1;
    if (c == '\\') {
      if (p + 1 < end && (p[1] == '"' || p[1] == '\\' || p[1] == 'n' || p[1] == 't')) {
        p += 2;
        continue;
      }
      if (p + 2 < end && is_xdigit(p[1]) && is_xdigit(p[2])) {
        p += 3;
        continue;
      }
      err_here(lx, p, "unknown escape in string literal");
      return NULL;
    }
    if (c == 0) {
      err_here(lx, p, "unexpected NUL character");
      return NULL;
    }
    if (c >= 0x80) {
      unsigned n = utf8_len(p, end);
      if (!n) {
        err_here(lx, p, "invalid UTF-8 sequence");
        return NULL;
      }
      p += n;
      continue;
    }
    p++;
  }
}

void sm_lexer_reset(SmLexer *lx, const char *ptr) {
  lx->cur = ptr;
}

static void form(SmLexer *lx, SmToken *tok, SmTokKind kind, const char *start, const char *p) {
  tok->kind = kind;
  tok->ptr = start;
  tok->len = (uint32_t)(p - start);
  tok->line = lx->line;
  tok->col = col_of(lx, start);
  lx->cur = p;
}

static void form_error(SmLexer *lx, SmToken *tok, const char *start) {
  tok->kind = SM_TOK_ERROR;
  tok->ptr = start;
  tok->len = 0;
  tok->line = lx->line;
  tok->col = col_of(lx, start);
  /* Park the cursor at the end so nothing further lexes. */
  lx->cur = lx->end;
}

void sm_lexer_next(SmLexer *lx, SmToken *tok) {
  const char *p = lx->cur, *end = lx->end;
  if (lx->failed) {
    form_error(lx, tok, p);
    return;
  }
  /* Whitespace and comments. */
  for (;;) {
    if (p >= end) {
      form(lx, tok, SM_TOK_EOF, p, p);
      return;
    }
    char c = *p;
    if (cc_is(c, CC_SPACE)) {
      p++;
    } else if (c == '\n') {
      p++;
      lx->line++;
      lx->line_start = p;
    } else if (c == '/' && p + 1 < end && p[1] == '/') {
      p = skip_comment(lx, p);
      if (!p) {
        form_error(lx, tok, lx->cur);
        return;
      }
    } else {
      break;
    }
  }
  const char *start = p;
  char c = *p++;
  switch (c) {
  case '(': form(lx, tok, SM_TOK_LPAREN, start, p); return;
  case ')': form(lx, tok, SM_TOK_RPAREN, start, p); return;
  case '[': form(lx, tok, SM_TOK_LSQUARE, start, p); return;
  case ']': form(lx, tok, SM_TOK_RSQUARE, start, p); return;
  case '}': form(lx, tok, SM_TOK_RBRACE, start, p); return;
  case '<': form(lx, tok, SM_TOK_LESS, start, p); return;
  case '>': form(lx, tok, SM_TOK_GREATER, start, p); return;
  case ',': form(lx, tok, SM_TOK_COMMA, start, p); return;
  case ':': form(lx, tok, SM_TOK_COLON, start, p); return;
  case '=': form(lx, tok, SM_TOK_EQUAL, start, p); return;
  case '+': form(lx, tok, SM_TOK_PLUS, start, p); return;
  case '*': form(lx, tok, SM_TOK_STAR, start, p); return;
  case '?': form(lx, tok, SM_TOK_QUESTION, start, p); return;
  case '|': form(lx, tok, SM_TOK_PIPE, start, p); return;
  case '{':
    if (p + 1 < end && p[0] == '-' && p[1] == '#') {
      form(lx, tok, SM_TOK_META_BEGIN, start, p + 2);
      return;
    }
    form(lx, tok, SM_TOK_LBRACE, start, p);
    return;
  case '-':
    if (p < end && *p == '>') {
      form(lx, tok, SM_TOK_ARROW, start, p + 1);
      return;
    }
    form(lx, tok, SM_TOK_MINUS, start, p);
    return;
  case '.':
    if (p + 1 < end && p[0] == '.' && p[1] == '.') {
      form(lx, tok, SM_TOK_ELLIPSIS, start, p + 2);
      return;
    }
    err_here(lx, start, "unexpected character");
    form_error(lx, tok, start);
    return;
  case '"': {
    const char *q = lex_string(lx, start);
    if (!q) {
      form_error(lx, tok, start);
      return;
    }
    form(lx, tok, SM_TOK_STRING, start, q);
    return;
  }
  case '@':
    if (p < end && *p == '"') {
      const char *q = lex_string(lx, p);
      if (!q) {
        form_error(lx, tok, start);
        return;
      }
      form(lx, tok, SM_TOK_AT, start, q);
      return;
    }
    if (p >= end || !(is_alpha(*p) || *p == '_')) {
      err_here(lx, start, "@ identifier expected to start with letter or '_'");
      form_error(lx, tok, start);
      return;
    }
    while (p < end && is_bare_char(*p))
      p++;
    form(lx, tok, SM_TOK_AT, start, p);
    return;
  case '#':
    if (p + 1 < end && p[0] == '-' && p[1] == '}') {
      form(lx, tok, SM_TOK_META_END, start, p + 2);
      return;
    }
    /* fallthrough */
  case '!':
  case '%':
  case '^': {
    SmTokKind k = c == '#' ? SM_TOK_HASH : c == '!' ? SM_TOK_BANG : c == '%' ? SM_TOK_PERCENT : SM_TOK_CARET;
    if (p < end && is_digit(*p)) {
      while (p < end && is_digit(*p))
        p++;
    } else if (p < end && (is_alpha(*p) || *p == '_' || *p == '$' || *p == '.' || *p == '-')) {
      while (p < end && is_suffix_char(*p))
        p++;
    } else {
      sm_lexer_error_at(lx, lx->line, col_of(lx, start), "invalid %s name",
                        c == '#' ? "attribute alias" : c == '!' ? "type alias" : c == '%' ? "SSA value" : "block");
      form_error(lx, tok, start);
      return;
    }
    form(lx, tok, k, start, p);
    return;
  }
  default:
    break;
  }
  if (is_alpha(c) || c == '_') {
    while (p < end && is_bare_char(*p))
      p++;
    form(lx, tok, SM_TOK_BARE, start, p);
    return;
  }
  if (is_digit(c)) {
    if (c == '0' && p + 1 < end && *p == 'x' && is_xdigit(p[1])) {
      p++;
      while (p < end && is_xdigit(*p))
        p++;
      form(lx, tok, SM_TOK_INT, start, p);
      return;
    }
    while (p < end && is_digit(*p))
      p++;
    if (p >= end || *p != '.') {
      form(lx, tok, SM_TOK_INT, start, p);
      return;
    }
    p++;
    while (p < end && is_digit(*p))
      p++;
    if (p < end && (*p == 'e' || *p == 'E')) {
      if (p + 1 < end && is_digit(p[1])) {
        p += 2;
      } else if (p + 2 < end && (p[1] == '+' || p[1] == '-') && is_digit(p[2])) {
        p += 3;
      }
      while (p < end && is_digit(*p))
        p++;
    }
    form(lx, tok, SM_TOK_FLOAT, start, p);
    return;
  }
  if ((unsigned char)c >= 0x80 && !utf8_len(start, end))
    err_here(lx, start, "invalid UTF-8 sequence");
  else if (c == 0)
    err_here(lx, start, "unexpected NUL character");
  else
    err_here(lx, start, "unexpected character");
  form_error(lx, tok, start);
}

const char *sm_lexer_scan_body(SmLexer *lx, const char *p) {
  char stack[512];
  unsigned depth = 0;
  const char *end = lx->end;
  for (;;) {
    if (p >= end) {
      err_here(lx, p, "unexpected end of file in dialect symbol body");
      return NULL;
    }
    char c = *p;
    switch (c) {
    case '<':
    case '(':
    case '[':
    case '{':
      if (depth == sizeof stack) {
        err_here(lx, p, "nesting too deep");
        return NULL;
      }
      stack[depth++] = c;
      p++;
      break;
    case '>':
    case ')':
    case ']':
    case '}': {
      char open = c == '>' ? '<' : c == ')' ? '(' : c == ']' ? '[' : '{';
      if (depth == 0 || stack[depth - 1] != open) {
        sm_lexer_error_at(lx, lx->line, col_of(lx, p), "unbalanced '%c' character in pretty dialect name", c);
        return NULL;
      }
      depth--;
      p++;
      if (depth == 0) {
        lx->cur = p;
        return p;
      }
      break;
    }
    case '-':
      p += (p + 1 < end && p[1] == '>') ? 2 : 1;
      break;
    case '"': {
      const char *q = lex_string(lx, p);
      if (!q)
        return NULL;
      p = q;
      break;
    }
    case '\n':
      p++;
      lx->line++;
      lx->line_start = p;
      break;
    case '\0':
      err_here(lx, p, "unexpected NUL character");
      return NULL;
    default:
      if ((unsigned char)c >= 0x80) {
        unsigned n = utf8_len(p, end);
        if (!n) {
          err_here(lx, p, "invalid UTF-8 sequence");
          return NULL;
        }
        p += n;
      } else {
        p++;
      }
      break;
    }
  }
}

static int hexval(char c) {
  if (is_digit(c))
    return c - '0';
  return (c | 0x20) - 'a' + 10;
}

bool sm_token_string_has_escape(const SmToken *tok) {
  return memchr(tok->ptr, '\\', tok->len) != NULL;
}

size_t sm_token_string_decode(const SmToken *tok, char *out) {
  /* The lexer validated the escapes. For '@"..."' skip the '@'. */
  const char *p = tok->ptr, *end = tok->ptr + tok->len - 1;
  if (*p == '@')
    p++;
  p++;
  size_t n = 0;
  while (p < end) {
    if (*p != '\\') {
      out[n++] = *p++;
      continue;
    }
    char e = p[1];
    if (e == 'n') {
      out[n++] = '\n';
      p += 2;
    } else if (e == 't') {
      out[n++] = '\t';
      p += 2;
    } else if (e == '"' || e == '\\') {
      out[n++] = e;
      p += 2;
    } else {
      out[n++] = (char)(hexval(p[1]) * 16 + hexval(p[2]));
      p += 3;
    }
  }
  return n;
}
