/* smopt's pass options (see pass_cli.h). */
#include "passes/pass_cli.h"
#include "passes/pass.h"

#include <stdlib.h>
#include <string.h>

typedef struct FlagPass {
  const SmPassDef *def;
  char *options; /* text inside {...} or after '=', or NULL */
} FlagPass;

struct SmPassCli {
  SmContext *ctx;
  char *pipeline;      /* --pass-pipeline text (kept alive for diagnostics) */
  char *flag_text;     /* the pipeline the pass flags stand for (same) */
  FlagPass *flags;     /* --<pass> flags in order */
  unsigned num_flags, flags_cap;
  char **plugins;      /* --load-pass-plugin paths, loaded when met */
  unsigned num_plugins, plugins_cap;
  bool list_passes;
  bool dump_pipeline;
  char suggestion[96]; /* "did you mean" text for a pass flag */
  SmPassInstrumentation inst;
  char *print_before, *print_after;
  SmPassManager *pm;
};

SmPassCli *sm_pass_cli_create(SmContext *ctx) {
  SmPassCli *cli = calloc(1, sizeof *cli);
  if (!cli)
    return NULL;
  cli->ctx = ctx;
  sm_register_builtin_passes();
  sm_pass_instrumentation_default(&cli->inst);
  return cli;
}

void sm_pass_cli_destroy(SmPassCli *cli) {
  if (!cli)
    return;
  for (unsigned i = 0; i < cli->num_flags; i++)
    free(cli->flags[i].options);
  free(cli->flags);
  for (unsigned i = 0; i < cli->num_plugins; i++)
    free(cli->plugins[i]);
  free(cli->plugins);
  free(cli->pipeline);
  free(cli->flag_text);
  free(cli->print_before);
  free(cli->print_after);
  sm_pass_manager_destroy(cli->pm);
  free(cli);
}

static char *dup_str(const char *s) {
  size_t n = strlen(s);
  char *c = malloc(n + 1);
  if (c)
    memcpy(c, s, n + 1);
  return c;
}

/* "--name=value" or "--name value": returns the value, advancing *used. */
static const char *option_value(const char *arg, const char *name, int argc, char **argv, int i,
                                int *used) {
  size_t n = strlen(name);
  if (strncmp(arg, name, n) != 0)
    return NULL;
  if (arg[n] == '=') {
    *used = 1;
    return arg + n + 1;
  }
  if (arg[n] == 0 && i + 1 < argc) {
    *used = 2;
    return argv[i + 1];
  }
  return NULL;
}

static bool plugin_loaded(const SmPassCli *cli, const char *path) {
  for (unsigned i = 0; i < cli->num_plugins; i++)
    if (strcmp(cli->plugins[i], path) == 0)
      return true;
  return false;
}

static bool load_plugin(SmPassCli *cli, const char *path) {
  if (plugin_loaded(cli, path))
    return true;
  if (cli->num_plugins == cli->plugins_cap) {
    unsigned cap = cli->plugins_cap ? cli->plugins_cap * 2 : 4;
    char **n = realloc(cli->plugins, cap * sizeof *n);
    if (!n)
      return false;
    cli->plugins = n;
    cli->plugins_cap = cap;
  }
  char *c = dup_str(path);
  if (!c)
    return false;
  cli->plugins[cli->num_plugins++] = c;
  return sm_pass_plugin_load(cli->ctx, path);
}

/* A pass flag may name a plugin's pass that comes later on the command
 * line: load every plugin named anywhere first (as mlir-opt does). */
static void load_all_plugins(SmPassCli *cli, int argc, char **argv) {
  for (int j = 1; j < argc; j++) {
    int used = 0;
    const char *v = option_value(argv[j], "--load-pass-plugin", argc, argv, j, &used);
    if (v && !plugin_loaded(cli, v))
      load_plugin(cli, v);
  }
}

static bool add_flag(SmPassCli *cli, const SmPassDef *def, const char *options) {
  if (cli->num_flags == cli->flags_cap) {
    unsigned cap = cli->flags_cap ? cli->flags_cap * 2 : 8;
    FlagPass *n = realloc(cli->flags, cap * sizeof *n);
    if (!n)
      return false;
    cli->flags = n;
    cli->flags_cap = cap;
  }
  cli->flags[cli->num_flags].def = def;
  cli->flags[cli->num_flags].options = options ? dup_str(options) : NULL;
  cli->num_flags++;
  return true;
}

static bool parse_bool_arg(const char *v, bool *out) {
  if (!strcmp(v, "1") || !strcmp(v, "true"))
    return *out = true, true;
  if (!strcmp(v, "0") || !strcmp(v, "false"))
    return *out = false, true;
  return false;
}

/* The pass layer's options: parsing, --help and misspelling hints all read
 * this table. `value`: 0 a flag, 1 "=VALUE" or " VALUE", 2 optional "=VALUE". */
typedef enum CliKind {
  CLI_PIPELINE, CLI_PLUGIN, CLI_PRINT_BEFORE, CLI_PRINT_AFTER, CLI_PRINT_BEFORE_ALL,
  CLI_PRINT_AFTER_ALL, CLI_PRINT_AFTER_CHANGE, CLI_TIMING, CLI_STATISTICS, CLI_LIST,
  CLI_VERIFY_EACH, CLI_DUMP_PIPELINE, CLI_NO_THREADING,
} CliKind;

typedef struct CliOption {
  const char *name;  /* primary spelling (mlir-opt's) */
  const char *alias; /* older smopt spelling, or NULL */
  CliKind kind;
  int value;
  const char *help;
} CliOption;

static const CliOption cli_options[] = {
    {"--pass-pipeline", "-p", CLI_PIPELINE, 1,
     "run a textual pipeline, e.g. 'builtin.module(func.func(canonicalize,cse),symbol-dce)'"},
    {"--load-pass-plugin", NULL, CLI_PLUGIN, 1, "load a pass plugin (exports " SM_PASS_PLUGIN_ENTRY ")"},
    {"--list-passes", NULL, CLI_LIST, 0, "list the registered passes and exit"},
    {"--dump-pass-pipeline", NULL, CLI_DUMP_PIPELINE, 0, "print the pipeline that will run (stderr)"},
    {"--verify-each", NULL, CLI_VERIFY_EACH, 2, "verify the IR after each pass (=0|1, default: on)"},
    {"--mlir-print-ir-before", "--print-ir-before", CLI_PRINT_BEFORE, 1,
     "print the IR before the named passes (comma-separated arguments)"},
    {"--mlir-print-ir-after", "--print-ir-after", CLI_PRINT_AFTER, 1,
     "print the IR after the named passes (comma-separated arguments)"},
    {"--mlir-print-ir-before-all", "--print-ir-before-all", CLI_PRINT_BEFORE_ALL, 0,
     "print the IR before every pass"},
    {"--mlir-print-ir-after-all", "--print-ir-after-all", CLI_PRINT_AFTER_ALL, 0,
     "print the IR after every pass"},
    {"--mlir-print-ir-after-change", "--print-ir-after-change", CLI_PRINT_AFTER_CHANGE, 0,
     "print the IR after passes that changed it"},
    {"--mlir-timing", "--timing", CLI_TIMING, 0,
     "report wall time: parsing, each pass (nested like the pipeline), output"},
    {"--mlir-pass-statistics", NULL, CLI_STATISTICS, 0,
     "report the passes' statistics after the run, in pipeline order"},
    {"--mlir-disable-threading", NULL, CLI_NO_THREADING, 0,
     "accepted for mlir-opt compatibility: passes always run on one thread"},
};
#define NUM_CLI_OPTIONS (sizeof cli_options / sizeof cli_options[0])

/* arg against one spelling: 1 flag match, 2 value in arg ("=v"), 3 value in
 * the next argv entry, 0 no match. */
static int match_spelling(const char *arg, const char *spelling, int value) {
  if (!spelling)
    return 0;
  size_t n = strlen(spelling);
  if (strncmp(arg, spelling, n) != 0)
    return 0;
  if (arg[n] == 0)
    return value == 1 ? 3 : 1;
  if (arg[n] == '=' && value)
    return 2;
  return 0;
}

int sm_pass_cli_parse_arg(SmPassCli *cli, int argc, char **argv, int i) {
  const char *arg = argv[i];
  if (arg[0] != '-')
    return 0;
  for (size_t k = 0; k < NUM_CLI_OPTIONS; k++) {
    const CliOption *o = &cli_options[k];
    int m = match_spelling(arg, o->name, o->value);
    if (!m)
      m = match_spelling(arg, o->alias, o->value);
    if (!m)
      continue;
    const char *v = NULL;
    int used = 1;
    if (m == 2)
      v = strchr(arg, '=') + 1;
    if (m == 3) {
      if (i + 1 >= argc) {
        fprintf(stderr, "error: option '%s' requires a value\n", arg);
        return -1;
      }
      v = argv[i + 1];
      used = 2;
    }
    switch (o->kind) {
    case CLI_PIPELINE:
      if (cli->pipeline) {
        fprintf(stderr, "error: --pass-pipeline given twice\n");
        return -1;
      }
      cli->pipeline = dup_str(v);
      return used;
    case CLI_PLUGIN:
      if (plugin_loaded(cli, v))
        return used;
      return load_plugin(cli, v) ? used : -1;
    case CLI_PRINT_BEFORE:
      free(cli->print_before);
      cli->print_before = dup_str(v);
      return used;
    case CLI_PRINT_AFTER:
      free(cli->print_after);
      cli->print_after = dup_str(v);
      return used;
    case CLI_PRINT_BEFORE_ALL:
      return cli->inst.print_before_all = true, used;
    case CLI_PRINT_AFTER_ALL:
      return cli->inst.print_after_all = true, used;
    case CLI_PRINT_AFTER_CHANGE:
      return cli->inst.print_after_change = true, used;
    case CLI_TIMING:
      return cli->inst.timing = true, used;
    case CLI_STATISTICS:
      return cli->inst.statistics = true, used;
    case CLI_LIST:
      return cli->list_passes = true, used;
    case CLI_DUMP_PIPELINE:
      return cli->dump_pipeline = true, used;
    case CLI_NO_THREADING:
      return used;
    case CLI_VERIFY_EACH:
      if (!v)
        return cli->inst.verify_each = true, used;
      if (!parse_bool_arg(v, &cli->inst.verify_each)) {
        fprintf(stderr, "error: --verify-each expects 0, 1, true or false, got '%s'\n", v);
        return -1;
      }
      return used;
    }
  }
  if (strncmp(arg, "--", 2) != 0)
    return 0;
  /* --<pass>, --<pass>{opts}, --<pass>=opts */
  const char *name = arg + 2;
  size_t n = strcspn(name, "{=");
  const SmPassDef *def = sm_pass_lookup(name, n);
  if (!def) {
    load_all_plugins(cli, argc, argv);
    def = sm_pass_lookup(name, n);
  }
  if (!def)
    return 0;
  const char *opts = NULL;
  char *tmp = NULL;
  if (name[n] == '=') {
    opts = name + n + 1;
  } else if (name[n] == '{') {
    size_t l = strlen(name + n);
    if (name[n + l - 1] != '}') {
      fprintf(stderr, "error: missing closing '}' in '%s'\n", arg);
      return -1;
    }
    tmp = malloc(l);
    if (!tmp)
      return -1;
    memcpy(tmp, name + n + 1, l - 2);
    tmp[l - 2] = 0;
    opts = tmp;
  }
  bool ok = add_flag(cli, def, opts);
  free(tmp);
  return ok ? 1 : -1;
}

/* Levenshtein distance, capped (enough for "did you mean"). */
static size_t edit_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 64 || lb > 64)
    return (size_t)-1;
  size_t row[65];
  for (size_t j = 0; j <= lb; j++)
    row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[lb];
}

void sm_option_suggest(const char *arg, const char *candidate, const char **best, size_t *best_d) {
  if (!candidate)
    return;
  char key[80];
  size_t n = strcspn(arg, "={");
  if (n >= sizeof key)
    return;
  memcpy(key, arg, n);
  key[n] = 0;
  size_t d = edit_distance(key, candidate);
  /* Close enough to be a typo: a third of the name, at least 2 edits. */
  size_t limit = strlen(candidate) / 3 > 2 ? strlen(candidate) / 3 : 2;
  if (d <= limit && d < *best_d) {
    *best = candidate;
    *best_d = d;
  }
}

const char *sm_pass_cli_suggest(SmPassCli *cli, const char *arg, size_t *distance) {
  const char *best = NULL;
  size_t d = (size_t)-1;
  for (size_t k = 0; k < NUM_CLI_OPTIONS; k++)
    sm_option_suggest(arg, cli_options[k].name, &best, &d);
  /* Pass flags: "--<argument>", spelled into a scratch buffer; the best one
   * is kept in cli->suggestion. */
  for (size_t i = 0; sm_pass_at(i); i++) {
    char flag[sizeof cli->suggestion];
    snprintf(flag, sizeof flag, "--%s", sm_pass_at(i)->argument);
    const char *before = best;
    sm_option_suggest(arg, flag, &best, &d);
    if (best != before) {
      memcpy(cli->suggestion, flag, sizeof flag);
      best = cli->suggestion;
    }
  }
  if (distance)
    *distance = d;
  return best;
}

void sm_pass_cli_set_print_flags(SmPassCli *cli, const SmPrintFlags *flags) {
  cli->inst.print_flags = *flags;
  if (cli->pm)
    sm_pass_manager_set_instrumentation(cli->pm, &cli->inst);
}

/* Flags become the pipeline text they stand for, top(a, func.func(b, c)),
 * as mlir-opt's implicit nesting does: a pass whose anchor is the top-level
 * op (or that runs on any op) runs on the top-level op itself; any other
 * pass is nested under a manager for its anchor. Option errors then point
 * into that text like pipeline errors. */
static bool build_flag_pipeline(SmPassCli *cli, const char *top) {
  sm_pass_manager_destroy(cli->pm);
  cli->pm = sm_pass_manager_create(cli->ctx, top);
  if (!cli->pm)
    return false;
  sm_pass_manager_set_instrumentation(cli->pm, &cli->inst);
  if (!cli->num_flags)
    return true;
  SmStrBuf text = {0};
  sm_strbuf_printf(&text, "%s(", top);
  for (unsigned i = 0; i < cli->num_flags; i++) {
    const char *anchor = cli->flags[i].def->anchor;
    const char *prev = i ? cli->flags[i - 1].def->anchor : NULL;
    const char *next = i + 1 < cli->num_flags ? cli->flags[i + 1].def->anchor : NULL;
    bool nested = anchor && strcmp(anchor, top) != 0;
    bool open = nested && !(prev && !strcmp(prev, anchor));
    bool close = nested && !(next && !strcmp(next, anchor));
    if (i)
      sm_strbuf_puts(&text, ",");
    if (open)
      sm_strbuf_printf(&text, "%s(", anchor);
    sm_strbuf_puts(&text, cli->flags[i].def->argument);
    if (cli->flags[i].options)
      sm_strbuf_printf(&text, "{%s}", cli->flags[i].options);
    if (close)
      sm_strbuf_puts(&text, ")");
  }
  sm_strbuf_puts(&text, ")");
  free(cli->flag_text);
  cli->flag_text = text.data; /* diagnostics may quote it until exit */
  return sm_pass_pipeline_parse(cli->pm, text.data, text.len);
}

/* Every name in a --mlir-print-ir-* list must be a registered pass
 * (mlir-opt: "Cannot find option named 'x'!"). */
static bool check_pass_list(const char *list, const char *option) {
  for (const char *p = list; p && *p;) {
    size_t n = strcspn(p, ",");
    if (!sm_pass_lookup(p, n)) {
      fprintf(stderr, "error: for the %s option: no registered pass named '%.*s' (see --list-passes)\n",
              option, (int)n, p);
      return false;
    }
    p += n + (p[n] == ',');
  }
  return true;
}

int sm_pass_cli_finalize(SmPassCli *cli, FILE *out) {
  if (cli->list_passes) {
    sm_pass_print_list(out);
    return 0;
  }
  if (cli->pipeline && cli->num_flags) {
    fprintf(stderr, "error: --pass-pipeline cannot be combined with individual pass flags "
                    "(--%s); put the pass in the pipeline\n",
            cli->flags[0].def->argument);
    return -1;
  }
  if (!check_pass_list(cli->print_before, "--mlir-print-ir-before") ||
      !check_pass_list(cli->print_after, "--mlir-print-ir-after"))
    return -1;
  cli->inst.print_before = cli->print_before;
  cli->inst.print_after = cli->print_after;
  /* The tool prints the reports once, with its own phases (parse, output). */
  cli->inst.timing_by_caller = true;
  /* A pass asked for on the command line that finds nothing to run on is
   * an error, never a silent success. */
  cli->inst.unmatched_is_error = true;
  if (cli->pipeline) {
    cli->pm = sm_pass_manager_create(cli->ctx, NULL);
    if (!cli->pm)
      return -1;
    sm_pass_manager_set_instrumentation(cli->pm, &cli->inst);
    if (!sm_pass_pipeline_parse(cli->pm, cli->pipeline, strlen(cli->pipeline)))
      return -1;
    if (cli->dump_pipeline)
      sm_pass_manager_dump(cli->pm, stderr);
    return 1;
  }
  /* mlir-opt's top-level op is builtin.module unless --no-implicit-module
   * says otherwise; the pipeline is rebuilt for another top-level op name
   * when the input has one (sm_pass_cli_run). */
  if (!build_flag_pipeline(cli, "builtin.module"))
    return -1;
  if (cli->dump_pipeline)
    sm_pass_manager_dump(cli->pm, stderr);
  return 1;
}

void sm_pass_cli_print_help(SmPassCli *cli, FILE *out) {
  (void)cli;
  fprintf(out, "Pass options:\n");
  for (size_t k = 0; k < NUM_CLI_OPTIONS; k++) {
    const CliOption *o = &cli_options[k];
    char spell[96];
    snprintf(spell, sizeof spell, "%s%s", o->name, o->value == 1 ? "=<value>" : o->value == 2 ? "[=<value>]" : "");
    fprintf(out, "  %-38s %s", spell, o->help);
    if (o->alias)
      fprintf(out, " (alias: %s)", o->alias);
    fputc('\n', out);
  }
  fprintf(out, "  %-38s %s\n\n", "--<pass>[{opts}]",
          "add one pass (list below); passes on other ops than the top-level one are nested "
          "under their anchor; opts: key=value, space-separated");
  sm_pass_print_list(out);
}

bool sm_pass_cli_run(SmPassCli *cli, SmOp *module) {
  if (!cli->pm || sm_pass_manager_empty(cli->pm))
    return true;
  /* Pass flags are relative to the top-level op, whatever its name. */
  if (!cli->pipeline && strcmp(sm_pass_manager_anchor(cli->pm), module->name) != 0 &&
      !build_flag_pipeline(cli, module->name))
    return false;
  return sm_pass_manager_run(cli->pm, module);
}

bool sm_pass_cli_timing(const SmPassCli *cli) { return cli->inst.timing; }

void sm_pass_cli_print_reports(SmPassCli *cli, FILE *out, double parse_s, double output_s,
                               double total_s) {
  if (cli->inst.timing) {
    SmTimingPhase before = {"Parser", parse_s}, after = {"Output", output_s};
    sm_pass_manager_print_timing(cli->pm, out, &before, 1, &after, 1, total_s);
  }
  if (cli->inst.statistics && cli->pm)
    sm_pass_manager_print_statistics(cli->pm, out);
}
