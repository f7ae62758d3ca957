/* Table-driven option parsing for the model tools (see tool_options.h). */
#include "tools/tool_options.h"
#include "passes/pass_cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The closest spelling in the table (the pass layer's typo rule). */
static const char *suggest(const SmToolSpec *spec, const char *arg) {
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  for (size_t k = 0; k < spec->num_options; k++) {
    const char *before = best;
    sm_option_suggest(arg, spec->options[k].name, &best, &best_d);
    sm_option_suggest(arg, spec->options[k].alias, &best, &best_d);
    if (best != before)
      best = spec->options[k].name; /* suggest the primary spelling */
  }
  return best;
}

bool sm_tool_has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n > m && strcmp(s + n - m, suffix) == 0;
}

static int usage_error(const SmToolSpec *spec, const char *fmt, const char *a, const char *b) {
  fprintf(stderr, "%s: ", spec->name);
  fprintf(stderr, fmt, a, b);
  fprintf(stderr, "\nTry '%s --help'.\n", spec->name);
  return 2;
}

static bool parse_value(const SmToolOption *o, const char *v) {
  char *end = NULL;
  errno = 0;
  switch (o->kind) {
  case SM_TOOL_STRING:
    *(const char **)o->dest = v;
    return true;
  case SM_TOOL_LIST: {
    SmToolList *l = o->dest;
    if (l->count == sizeof l->items / sizeof l->items[0])
      return false;
    l->items[l->count++] = v;
    return true;
  }
  case SM_TOOL_DOUBLE: {
    double d = strtod(v, &end);
    if (!*v || *end || errno || !isfinite(d) || d < 0)
      return false;
    *(double *)o->dest = d;
    return true;
  }
  case SM_TOOL_INT: {
    long l = strtol(v, &end, 10);
    if (!*v || *end || errno || l < 0 || l > 1000000)
      return false;
    *(int *)o->dest = (int)l;
    return true;
  }
  case SM_TOOL_U64: {
    if (!*v || strspn(v, "0123456789") != strlen(v))
      return false;
    unsigned long long u = strtoull(v, &end, 10);
    if (errno)
      return false;
    *(uint64_t *)o->dest = (uint64_t)u;
    return true;
  }
  case SM_TOOL_FLAG:
    break;
  }
  return false;
}

static const char *kind_words(SmToolOptKind k) {
  switch (k) {
  case SM_TOOL_DOUBLE:
    return "a non-negative number";
  case SM_TOOL_INT:
    return "an integer from 0 to 1000000";
  case SM_TOOL_U64:
    return "a non-negative integer";
  case SM_TOOL_LIST:
    return "a value (at most 32 of them)";
  default:
    return "a value";
  }
}

/* arg against a spelling: 1 exact, 2 "spelling=value", 0 no. */
static int matches(const char *arg, const char *spelling) {
  if (!spelling)
    return 0;
  size_t n = strlen(spelling);
  if (strncmp(arg, spelling, n) != 0)
    return 0;
  return arg[n] == 0 ? 1 : arg[n] == '=' ? 2 : 0;
}

int sm_tool_parse(const SmToolSpec *spec, int argc, char **argv) {
  bool positional_only = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (positional_only || a[0] != '-' || a[1] == 0) {
      if (*spec->positional)
        return usage_error(spec, "more than one input: '%s' after '%s'", a, *spec->positional);
      *spec->positional = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      positional_only = true;
      continue;
    }
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      sm_tool_print_help(spec, stdout);
      return 0;
    }
    if (strcmp(a, "--version") == 0) {
      printf("%s (smartmem) version %s\n", spec->name, SM_TOOL_VERSION);
      return 0;
    }
    const SmToolOption *o = NULL;
    int m = 0;
    for (size_t k = 0; k < spec->num_options && !m; k++) {
      m = matches(a, spec->options[k].name);
      if (!m)
        m = matches(a, spec->options[k].alias);
      if (m)
        o = &spec->options[k];
    }
    if (!o && spec->fallback) {
      int used = spec->fallback(spec->fallback_user, argc, argv, i);
      if (used < 0)
        return usage_error(spec, "bad value for option '%s'%s", a, "");
      if (used > 0) {
        i += used - 1;
        continue;
      }
    }
    if (!o) {
      const char *hint = suggest(spec, a);
      fprintf(stderr, "%s: unknown option '%s'", spec->name, a);
      if (hint)
        fprintf(stderr, "; did you mean '%s'?", hint);
      fprintf(stderr, "\nTry '%s --help'.\n", spec->name);
      return 2;
    }
    if (o->kind == SM_TOOL_FLAG) {
      if (m == 2)
        return usage_error(spec, "option '%s' takes no value (got '%s')", o->name, a);
      *(bool *)o->dest = true;
      continue;
    }
    const char *v;
    if (m == 2) {
      v = strchr(a, '=') + 1;
    } else if (i + 1 < argc) {
      v = argv[++i];
    } else {
      return usage_error(spec, "option '%s' needs %s", o->name, kind_words(o->kind));
    }
    if (!parse_value(o, v)) {
      fprintf(stderr, "%s: invalid value '%s' for option '%s': expected %s\nTry '%s --help'.\n",
              spec->name, v, o->name, kind_words(o->kind), spec->name);
      return 2;
    }
  }
  return 1;
}

void sm_tool_print_help(const SmToolSpec *spec, FILE *out) {
  fprintf(out, "OVERVIEW: %s\n\nUSAGE: %s\n\nOPTIONS:\n", spec->overview, spec->usage);
  for (size_t k = 0; k < spec->num_options; k++) {
    const SmToolOption *o = &spec->options[k];
    char spell[96];
    if (o->kind == SM_TOOL_FLAG)
      snprintf(spell, sizeof spell, "%s", o->name);
    else
      snprintf(spell, sizeof spell, "%s%s%s", o->name, o->name[1] == '-' ? "=" : " ",
               o->meta ? o->meta : "VALUE");
    fprintf(out, "  %-34s %s", spell, o->help);
    if (o->alias)
      fprintf(out, " (alias: %s)", o->alias);
    fputc('\n', out);
  }
  fprintf(out, "  %-34s %s\n  %-34s %s\n", "-h, --help", "Show this help and exit",
          "--version", "Show the version and exit");
}
