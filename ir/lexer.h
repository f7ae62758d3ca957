/* Lexer for MLIR's textual syntax (private to the parser).
 *
 * Tokens point into the source buffer (no allocation per token). The lexer
 * keeps the current line so every token knows its line and column, which the
 * parser needs for the default file:line:col location of each op.
 */
#ifndef SM_IR_LEXER_H
#define SM_IR_LEXER_H

#include "ir/ir.h"

typedef enum SmTokKind {
  SM_TOK_EOF,
  SM_TOK_ERROR, /* diagnosed by the lexer */
  SM_TOK_BARE,  /* foo, i32, x4xf32, affine_map */
  SM_TOK_AT,    /* @foo or @"foo" */
  SM_TOK_HASH,  /* #foo */
  SM_TOK_BANG,  /* !foo */
  SM_TOK_PERCENT, /* %foo, %0 */
  SM_TOK_CARET, /* ^bb0 */
  SM_TOK_INT,   /* 42, 0x1F (no sign) */
  SM_TOK_FLOAT, /* 1.5, 1.0e-3 (no sign) */
  SM_TOK_STRING, /* "..." including the quotes */
  /* Punctuation. */
  SM_TOK_LPAREN,
  SM_TOK_RPAREN,
  SM_TOK_LSQUARE,
  SM_TOK_RSQUARE,
  SM_TOK_LBRACE,
  SM_TOK_RBRACE,
  SM_TOK_LESS,
  SM_TOK_GREATER,
  SM_TOK_COMMA,
  SM_TOK_COLON,
  SM_TOK_EQUAL,
  SM_TOK_ARROW,    /* -> */
  SM_TOK_MINUS,
  SM_TOK_PLUS,
  SM_TOK_STAR,
  SM_TOK_QUESTION,
  SM_TOK_PIPE,
  SM_TOK_ELLIPSIS, /* ... */
  SM_TOK_META_BEGIN, /* {-# */
  SM_TOK_META_END,   /* #-} */
} SmTokKind;

typedef struct SmToken {
  SmTokKind kind;
  uint32_t len;
  const char *ptr;
  unsigned line, col; /* 1-based, line without the buffer's line offset */
} SmToken;

typedef struct SmLexer {
  SmContext *ctx;
  const char *file; /* interned, for diagnostics */
  const char *buf, *cur, *end;
  const char *line_start;
  unsigned line;
  unsigned line_offset;
  bool failed; /* an error was diagnosed */
} SmLexer;

void sm_lexer_init(SmLexer *lx, SmContext *ctx, const char *file, const char *buf, size_t len,
                   unsigned line_offset);
/* Lexes the next token (errors: diagnosed, SM_TOK_ERROR returned). */
void sm_lexer_next(SmLexer *lx, SmToken *tok);
/* Moves the cursor to ptr, which must lie on the current line at or after
 * its start (used to split "x4xf32" and "::"). */
void sm_lexer_reset(SmLexer *lx, const char *ptr);
/* Scans a balanced pretty-dialect body starting at ptr (which points at
 * '<'), skipping nested <>, (), [], {} and strings; "->" is one token.
 * Returns the pointer just past the matching '>' and leaves the cursor there
 * (line tracking updated), or NULL after diagnosing an error. */
const char *sm_lexer_scan_body(SmLexer *lx, const char *ptr);
/* Location of a byte of the buffer on the current or an earlier line is
 * not needed; this makes the loc of a token. */
SmLoc *sm_lexer_loc(SmLexer *lx, const SmToken *tok);
SmLoc *sm_lexer_loc_at(SmLexer *lx, unsigned line, unsigned col);
/* Diagnoses at line/col (once: later errors are dropped). Returns false. */
bool sm_lexer_error_at(SmLexer *lx, unsigned line, unsigned col, const char *fmt, ...)
    SM_PRINTF(4, 5);

/* Decodes a string token's contents (escapes \n \t \" \\ \XX) into out
 * (at least tok->len bytes); returns the decoded length. */
size_t sm_token_string_decode(const SmToken *tok, char *out);
/* True if the string token contains an escape (needs decoding). */
bool sm_token_string_has_escape(const SmToken *tok);

#endif /* SM_IR_LEXER_H */
