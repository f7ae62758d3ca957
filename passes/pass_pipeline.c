/* The textual pipeline parser (MLIR's grammar, see pass.h). Every error
 * points at the offending character through a location in the source
 * "<pass-pipeline>", so the diagnostics printer shows the pipeline with a
 * caret. */
#include "passes/pass.h"
#include "passes/pass_internal.h"

#include <ctype.h>
#include <string.h>

typedef struct PP {
  SmContext *ctx;
  const char *text;
  size_t len, pos;
} PP;

#define PIPELINE_SOURCE "<pass-pipeline>"

static SmLoc *loc_at(PP *p, size_t pos) {
  unsigned line = 1, col = 1;
  for (size_t i = 0; i < pos && i < p->len; i++) {
    if (p->text[i] == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
  }
  return sm_loc_file(p->ctx, PIPELINE_SOURCE, line, col);
}

static bool err_at(PP *p, size_t pos, const char *msg, int n, const char *arg) {
  sm_emit_error(p->ctx, loc_at(p, pos), msg, n, arg);
  return false;
}

static void skip_ws(PP *p) {
  while (p->pos < p->len && isspace((unsigned char)p->text[p->pos]))
    p->pos++;
}

static bool is_name_char(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.' || c == '$';
}

static size_t scan_name(PP *p) {
  size_t start = p->pos;
  while (p->pos < p->len && is_name_char(p->text[p->pos]))
    p->pos++;
  return p->pos - start;
}

static char peek(PP *p) { return p->pos < p->len ? p->text[p->pos] : 0; }

/* Options: '{' (key ('=' value)?)* '}' ; value: quoted, {...}/[...] nested,
 * or a run of characters up to whitespace or the closing brace. */
static bool parse_options(PP *p, SmPassManager *pm, size_t open_pos) {
  /* Find the matching '}' first, so a missing one is reported at '{'. */
  int braces = 0;
  char quote = 0;
  size_t k = open_pos;
  for (; k < p->len; k++) {
    char ch = p->text[k];
    if (quote) {
      if (ch == quote)
        quote = 0;
    } else if (ch == '"' || ch == '\'') {
      quote = ch;
    } else if (ch == '{') {
      braces++;
    } else if (ch == '}' && --braces == 0) {
      break;
    }
  }
  if (k >= p->len)
    return err_at(p, open_pos, "missing closing '}' while parsing pass options%.*s", 0, "");
  p->pos++; /* '{' */
  for (;;) {
    skip_ws(p);
    if (p->pos >= p->len)
      return err_at(p, open_pos, "missing closing '}' while parsing pass options%.*s", 0, "");
    if (peek(p) == '}') {
      p->pos++;
      return true;
    }
    size_t key_pos = p->pos;
    while (p->pos < p->len && !isspace((unsigned char)p->text[p->pos]) &&
           p->text[p->pos] != '=' && p->text[p->pos] != '}' && p->text[p->pos] != '{')
      p->pos++;
    size_t key_len = p->pos - key_pos;
    if (key_len == 0)
      return err_at(p, p->pos, "expected an option name%.*s", 0, "");
    const char *value = NULL;
    size_t value_len = 0, value_pos = p->pos;
    if (peek(p) == '=') {
      p->pos++;
      value_pos = p->pos;
      char c = peek(p);
      if (c == '"' || c == '\'') {
        size_t q = p->pos++;
        while (p->pos < p->len && p->text[p->pos] != c)
          p->pos++;
        if (p->pos >= p->len)
          return err_at(p, q, "unterminated quoted option value%.*s", 0, "");
        value = p->text + q + 1;
        value_len = p->pos - q - 1;
        p->pos++;
      } else {
        int depth = 0;
        while (p->pos < p->len) {
          char d = p->text[p->pos];
          if (d == '{' || d == '[' || d == '(')
            depth++;
          else if (d == ']' || d == ')' || (d == '}' && depth > 0))
            depth--;
          else if (depth == 0 && (d == '}' || isspace((unsigned char)d)))
            break;
          p->pos++;
        }
        value = p->text + value_pos;
        value_len = p->pos - value_pos;
      }
    }
    unsigned errs = sm_context_error_count(p->ctx);
    const SmPassDef *def = sm_pass_manager_last_pass(pm);
    /* Point at the key for unknown options, at the value for bad values. */
    bool known = false;
    for (unsigned i = 0; def && i < def->num_options; i++)
      if (strlen(def->options[i].name) == key_len &&
          memcmp(def->options[i].name, p->text + key_pos, key_len) == 0)
        known = true;
    SmLoc *where = loc_at(p, known ? value_pos : key_pos);
    if (!sm_pass_manager_set_option(pm, p->text + key_pos, key_len, value, value_len, where)) {
      if (sm_context_error_count(p->ctx) == errs)
        sm_emit_error(p->ctx, where, "invalid pass option");
      return false;
    }
  }
}

static bool parse_list(PP *p, SmPassManager *pm, size_t open_pos);

/* element ::= name '(' list ')' | name options? */
static bool parse_element(PP *p, SmPassManager *pm) {
  skip_ws(p);
  size_t name_pos = p->pos;
  size_t n = scan_name(p);
  if (n == 0) {
    if (p->pos >= p->len)
      return err_at(p, p->pos, "expected a pass name or a nested pipeline, got end of input%.*s", 0, "");
    if (peek(p) == ')')
      return err_at(p, p->pos, "expected a pass name or a nested pipeline before ')'%.*s", 0, "");
    return err_at(p, p->pos, "expected a pass name or a nested pipeline, got '%.*s'", 1,
                  p->text + p->pos);
  }
  const char *name = p->text + name_pos;
  skip_ws(p);
  if (peek(p) == '(') {
    size_t open = p->pos++;
    SmPassManager *nested = sm_pass_manager_nest_new(pm, name, n);
    return nested && parse_list(p, nested, open);
  }
  const SmPassDef *def = sm_pass_lookup(name, n);
  if (!def)
    return err_at(p, name_pos, "'%.*s' does not refer to a registered pass", (int)n, name);
  const char *anchor = sm_pass_manager_anchor(pm);
  if (def->anchor && strcmp(def->anchor, anchor) != 0) {
    sm_emit_error(p->ctx, loc_at(p, name_pos),
                  "pass '%s' runs on '%s' ops and cannot be nested in a '%s' pipeline; write "
                  "%s(%s) inside it",
                  def->argument, def->anchor, anchor, def->anchor, def->argument);
    return false;
  }
  sm_pass_manager_add(pm, def);
  if (peek(p) == '{')
    return parse_options(p, pm, p->pos);
  return true;
}

/* list ::= element (',' element)* ')'   (the '(' is consumed) */
static bool parse_list(PP *p, SmPassManager *pm, size_t open_pos) {
  skip_ws(p);
  if (peek(p) == ')') { /* empty pipeline: allowed, as in MLIR */
    p->pos++;
    return true;
  }
  for (;;) {
    if (!parse_element(p, pm))
      return false;
    skip_ws(p);
    char c = peek(p);
    if (c == ',') {
      p->pos++;
      continue;
    }
    if (c == ')') {
      p->pos++;
      return true;
    }
    if (p->pos >= p->len)
      return err_at(p, open_pos, "unbalanced parentheses: this '(' is never closed%.*s", 0, "");
    return err_at(p, p->pos, "expected ',' or ')' in the pipeline, got '%.*s'", 1,
                  p->text + p->pos);
  }
}

bool sm_pass_pipeline_parse(SmPassManager *pm, const char *text, size_t len) {
  PP p = {sm_pass_manager_context(pm), text, len, 0};
  sm_context_add_source(p.ctx, PIPELINE_SOURCE, text, len, 0);
  skip_ws(&p);
  size_t name_pos = p.pos;
  size_t n = scan_name(&p);
  skip_ws(&p);
  if (n == 0 || peek(&p) != '(') {
    return err_at(&p, name_pos,
                  "expected the pass pipeline to be wrapped with the anchor operation type, "
                  "e.g. 'builtin.module(...)'%.*s",
                  0, "");
  }
  const char *anchor = text + name_pos;
  const char *pm_anchor = sm_pass_manager_anchor(pm);
  if (strcmp(pm_anchor, "any") == 0)
    sm_pass_manager_set_anchor(pm, anchor, n);
  else if (strlen(pm_anchor) != n || memcmp(pm_anchor, anchor, n) != 0)
    return err_at(&p, name_pos, "pipeline anchor '%.*s' does not match the pass manager's",
                  (int)n, anchor);
  size_t open = p.pos++;
  if (!parse_list(&p, pm, open))
    return false;
  skip_ws(&p);
  if (p.pos < p.len) {
    if (peek(&p) == ')')
      return err_at(&p, p.pos,
                    "encountered extra closing ')' creating unbalanced parentheses%.*s", 0, "");
    return err_at(&p, p.pos, "unexpected '%.*s' after the end of the pipeline", 1,
                  text + p.pos);
  }
  return true;
}
