/* Parser state shared by the parser's files (private). */
#ifndef SM_IR_PARSER_IMPL_H
#define SM_IR_PARSER_IMPL_H

#include "ir/asm.h"
#include "ir/lexer.h"

/* Cap on nesting (regions, brackets, nested types/attrs): keeps recursion
 * far from the C stack's end on adversarial input. */
#define SM_PARSE_MAX_DEPTH 512

/* A growable byte stack for temporary lists: items are pushed at the top and
 * popped when the list is consumed, so nested lists share one buffer. Refer
 * to items by offset while pushing (the buffer may move). */
typedef struct SmByteStack {
  char *data;
  size_t len, cap;
} SmByteStack;

/* Chunked bump arena whose blocks never move: scratch arrays handed to
 * custom parse hooks live here until the hook returns. */
typedef struct SmScratchChunk {
  struct SmScratchChunk *next;
  size_t size, used;
  /* data follows */
} SmScratchChunk;
typedef struct SmScratch {
  SmScratchChunk *head; /* current chunk (most recent first) */
  SmScratchChunk *spare;
} SmScratch;
typedef struct SmScratchMark {
  SmScratchChunk *chunk;
  size_t used;
} SmScratchMark;

/* SSA name table entry. key: (name text, result number). Names are not
 * interned (a large module would fill the context's permanent string table
 * with them): a name of at most 8 bytes is kept inline, a longer one as a
 * pointer to its text (the source buffer, alive while parsing, or an
 * interned string from a custom-form hook). 24 bytes: the table is large
 * and probed on every use. */
typedef struct SmValueEntry {
  uint64_t key;   /* short: the bytes, zero-padded; long: address of an
                     SmLongName copy */
  uintptr_t val;  /* SmValue *, bit 0 set for a forward reference; 0: empty slot */
  uint32_t hash;  /* bit 31: long name */
  uint32_t number;
} SmValueEntry;

/* Copy of a name longer than 8 bytes (parser-owned, in name_chunks). */
typedef struct SmLongName {
  uint32_t len;
  char text[];
} SmLongName;

/* A definition made in the current region scope (to remove at its end):
 * the key of its hash entry, or for a name of the dense table (see
 * parse_ops.c) its index in key and number SM_DEF_DENSE (a defined result
 * number is below 65536). */
typedef struct SmDefKey {
  uint64_t key;
  uint32_t hash, number;
} SmDefKey;
#define SM_DEF_DENSE UINT32_MAX

/* Block label entry. key: (name, region scope id). */
typedef struct SmBlockEntry {
  const char *name;
  unsigned scope;
  SmBlock *block;
  bool defined;
  SmLoc *ref_loc; /* first reference before definition */
} SmBlockEntry;

typedef struct SmNameKey {
  const char *name;
  unsigned number;
  unsigned iso;
} SmNameKey;

/* Memo of recently parsed type / attribute texts: generic-form files repeat
 * the same function types and attribute dictionaries on every line, and
 * re-parsing identical text gives the same uniqued object. Each entry keeps
 * its own copy of the text (spans of at most SM_MEMO_TEXT bytes, never with
 * a newline), so a hit does not read back source pages the caller may have
 * dropped (smopt releases the input as parsing goes). */
#define SM_MEMO_SIZE 8192
#define SM_MEMO_TEXT 112
typedef struct SmMemoEntry {
  void *result; /* NULL: empty */
  uint32_t len;
  char text[SM_MEMO_TEXT];
} SmMemoEntry;

/* Recently interned names (op names, dictionary keys, location files):
 * these repeat on nearly every line of a large module. */
#define SM_RECENT_NAMES 256
typedef struct SmRecentName {
  const char *str; /* interned, NUL-terminated; NULL: empty */
  size_t len;
} SmRecentName;

struct SmParser {
  SmContext *ctx;
  SmRecentName recent[SM_RECENT_NAMES];
  SmLexer lx;
  SmToken tok;
  const char *prev_end; /* end of the last consumed token */
  SmMemoEntry *memo;    /* SM_MEMO_SIZE entries (types and attrs apart) */
  const char *file;
  int depth;

  /* SSA names: "%<decimal>" with result number 0 in the dense table,
   * every other name in the hash table vals. */
  SmValueEntry *vals;
  size_t vals_cap, vals_count;
  uintptr_t **dense;   /* directory of pages (NULL until touched) of slots
                          encoded as SmValueEntry.val */
  size_t dense_pages;  /* directory length */
  size_t dense_count;  /* non-empty dense slots (definitions + forward refs) */
  size_t dense_fwd;    /* forward references among them */
  unsigned iso;       /* current isolation level */
  SmByteStack defs;   /* SmDefKey of definitions, per region scope */
  SmByteStack def_marks; /* size_t: start of each region scope in defs */
  bool defs_untracked; /* the innermost scope's definitions are not in defs
                          (it clears the whole table when it ends) */
  unsigned fwd_count; /* unresolved forward references (both tables) */
  SmScratch name_chunks; /* SmLongName copies (never released early) */

  /* Block labels. */
  SmBlockEntry *blocks;
  size_t blocks_cap, blocks_count;
  unsigned block_scope; /* current region scope id */
  unsigned next_block_scope;
  SmByteStack block_names; /* SmNameKey (name, scope) per region scope */

  /* Aliases (interned name -> SmAttr / SmType / SmLoc). */
  SmPtrMap attr_aliases;
  SmPtrMap loc_aliases;
  SmPtrMap type_aliases;
  /* distinct[N]<...>: N + 1 (as a pointer key) -> the attribute. */
  SmPtrMap distinct_ids;
  /* Deferred location aliases: marker SmLoc -> interned alias name. */
  SmPtrMap deferred_locs;
  SmByteStack deferred_refs; /* SmDeferredRef */

  /* Op being parsed (its regions' isolation) and the op owning the region
   * being parsed (default dialect for custom op names). */
  const SmOpDef *cur_def;
  const char *cur_name;
  const SmOpDef *region_owner_def;

  SmByteStack stk;   /* temporary lists */
  SmScratch scratch; /* arrays handed to hooks */
  char *strbuf;      /* decoded string scratch */
  size_t strbuf_cap;

  /* Placeholder name for forward references. */
  const char *placeholder_name;

  /* sm_context_set_parse_progress: the next report is due once the parser
   * is past progress_next. */
  SmParseProgressFn progress;
  void *progress_user;
  const char *progress_next;
};

typedef struct SmDeferredRef {
  const char *name;
  SmLoc *loc;
} SmDeferredRef;

/* ---- parser.c: core helpers shared by the other parser files ---- */
/* Input between two progress reports. */
#define SM_PARSE_PROGRESS_STEP ((size_t)1 << 20)
void sm_p_report_progress(SmParser *p);
/* After each op: a progress report when one is due. */
static inline void sm_p_maybe_report_progress(SmParser *p) {
  if (p->progress && p->prev_end >= p->progress_next)
    sm_p_report_progress(p);
}
void sm_p_consume(SmParser *p);
/* Text up to ptr (on the current line, past the current token) counts as
 * consumed, the parser's own scan having read it (a memoised span, a
 * location's numbers): lexing resumes there. */
void sm_p_resume_at(SmParser *p, const char *ptr);
/* sm_intern through the parser's cache of recent names. */
const char *sm_p_intern(SmParser *p, const char *s, size_t len);
/* The current '!' or '#' token, after its sigil: an alias name (no dot and
 * no <...> body; *alias interned, returns ABSENT, nothing consumed) or a
 * dialect symbol (*ns interned namespace, *rest interned text after it with
 * the balanced <...> body scanned; returns OK, the caller consumes). */
SmParseResult sm_p_dialect_token(SmParser *p, const char **alias, const char **ns, const char **rest);
bool sm_p_error(SmParser *p, const char *fmt, ...) SM_PRINTF(2, 3);
bool sm_p_error_tok(SmParser *p, const SmToken *t, const char *fmt, ...) SM_PRINTF(3, 4);
bool sm_p_expect(SmParser *p, SmTokKind k, const char *what);
static inline bool sm_p_is(SmParser *p, SmTokKind k) { return p->tok.kind == k; }
static inline bool sm_p_accept(SmParser *p, SmTokKind k) {
  if (p->tok.kind != k)
    return false;
  sm_p_consume(p);
  return true;
}
bool sm_p_is_keyword(SmParser *p, const char *kw);
bool sm_p_enter(SmParser *p); /* depth check; false (diagnosed) when too deep */
static inline void sm_p_leave(SmParser *p) { p->depth--; }
/* Decoded contents of the current string token (valid until the next
 * decode). */
const char *sm_p_string_value(SmParser *p, const SmToken *t, size_t *len);

void sm_bs_push(SmByteStack *s, const void *item, size_t size);
/* NULL for an empty stack that never allocated (NULL + 0 is UB). */
static inline void *sm_bs_at(SmByteStack *s, size_t off) { return s->data ? s->data + off : NULL; }
void sm_bs_free(SmByteStack *s);

SmScratchMark sm_scratch_mark(SmScratch *s);
void sm_scratch_release(SmScratch *s, SmScratchMark m);
void *sm_scratch_alloc(SmScratch *s, size_t size);

/* Memo lookup at the current token (kind 0: types, 1: attributes);
 * on a hit the parser skips the span and returns the result. */
void *sm_p_memo_lookup(SmParser *p, int kind);
void sm_p_memo_insert(SmParser *p, int kind, const char *start, void *result);

/* ---- parse_ops.c ---- */
/* Frees the dense SSA-name table (the parse's exits do; parser teardown
 * calls it again as a backstop, which is harmless). */
void sm_p_dense_names_free(SmParser *p);

/* ---- parse_types.c ---- */
/* True when the current token can start a type. */
bool sm_p_at_type(SmParser *p);
SmType *sm_p_parse_type(SmParser *p);
/* Function type after the '(' has been seen (current token is '('). */
SmType *sm_p_parse_function_type(SmParser *p);
/* "(t, u)" or a single type. Items pushed on p->stk as SmType*. */
bool sm_p_parse_result_types(SmParser *p, size_t *mark, unsigned *n);

/* ---- parse_attrs.c ---- */
SmAttr *sm_p_parse_attr(SmParser *p, SmType *type);
bool sm_p_at_attr(SmParser *p);
SmAttr *sm_p_parse_dict(SmParser *p);
/* "{...}" pushing SmNamedAttr items on p->stk; duplicates diagnosed. */
bool sm_p_parse_dict_entries(SmParser *p, size_t *mark, unsigned *n);
/* "(dims)[syms] -> (results)" after "affine_map<". */
SmAffineMap *sm_p_parse_affine_map_body(SmParser *p);
/* Decoded integer literal magnitude; false (diagnosed) on overflow. */
bool sm_p_parse_uint_token(SmParser *p, const SmToken *t, uint64_t *out);
/* Range check of value (magnitude + sign) against an integer type. */
bool sm_p_int_fits(SmType *t, uint64_t mag, bool neg, int64_t *out);

/* ---- parser.c: locations ---- */
/* After "loc": "(" location ")". */
SmLoc *sm_p_parse_loc_paren(SmParser *p);

#endif /* SM_IR_PARSER_IMPL_H */
