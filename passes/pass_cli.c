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
  FlagPass *flags;     /* --<pass> flags in order */
  unsigned num_flags, flags_cap;
  char **plugins;      /* --load-pass-plugin paths, loaded when met */
  unsigned num_plugins, plugins_cap;
  bool list_passes;
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

int sm_pass_cli_parse_arg(SmPassCli *cli, int argc, char **argv, int i) {
  const char *arg = argv[i];
  int used = 0;
  const char *v;
  if (strncmp(arg, "--", 2) != 0)
    return 0;
  if ((v = option_value(arg, "--pass-pipeline", argc, argv, i, &used))) {
    if (cli->pipeline) {
      fprintf(stderr, "error: --pass-pipeline given twice\n");
      return -1;
    }
    cli->pipeline = dup_str(v);
    return used;
  }
  if ((v = option_value(arg, "--load-pass-plugin", argc, argv, i, &used))) {
    if (plugin_loaded(cli, v))
      return used;
    return load_plugin(cli, v) ? used : -1;
  }
  if ((v = option_value(arg, "--print-ir-before", argc, argv, i, &used)) && used == 1) {
    free(cli->print_before);
    cli->print_before = dup_str(v);
    return 1;
  }
  if ((v = option_value(arg, "--print-ir-after", argc, argv, i, &used)) && used == 1) {
    free(cli->print_after);
    cli->print_after = dup_str(v);
    return 1;
  }
  if (!strcmp(arg, "--print-ir-after-all"))
    return cli->inst.print_after_all = true, 1;
  if (!strcmp(arg, "--print-ir-before-all"))
    return cli->inst.print_before_all = true, 1;
  if (!strcmp(arg, "--print-ir-after-change"))
    return cli->inst.print_after_change = true, 1;
  if (!strcmp(arg, "--timing") || !strcmp(arg, "--mlir-timing"))
    return cli->inst.timing = true, 1;
  if (!strcmp(arg, "--list-passes"))
    return cli->list_passes = true, 1;
  if (!strcmp(arg, "--verify-each"))
    return cli->inst.verify_each = true, 1;
  if (!strncmp(arg, "--verify-each=", 14)) {
    if (!parse_bool_arg(arg + 14, &cli->inst.verify_each)) {
      fprintf(stderr, "error: --verify-each expects 0, 1, true or false, got '%s'\n", arg + 14);
      return -1;
    }
    return 1;
  }
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

void sm_pass_cli_set_print_flags(SmPassCli *cli, const SmPrintFlags *flags) {
  cli->inst.print_flags = *flags;
  if (cli->pm)
    sm_pass_manager_set_instrumentation(cli->pm, &cli->inst);
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
  cli->pm = sm_pass_manager_create(cli->ctx, NULL);
  if (!cli->pm)
    return -1;
  cli->inst.print_before = cli->print_before;
  cli->inst.print_after = cli->print_after;
  sm_pass_manager_set_instrumentation(cli->pm, &cli->inst);
  if (cli->pipeline)
    return sm_pass_pipeline_parse(cli->pm, cli->pipeline, strlen(cli->pipeline)) ? 1 : -1;
  /* Flags become the pipeline text they stand for, any(a, func.func(b, c)),
   * nesting op-specific passes implicitly as mlir-opt does; option errors
   * then point into that text like pipeline errors. */
  if (!cli->num_flags)
    return 1;
  SmStrBuf text = {0};
  sm_strbuf_puts(&text, "any(");
  for (unsigned i = 0; i < cli->num_flags; i++) {
    const SmPassDef *def = cli->flags[i].def;
    const SmPassDef *prev = i ? cli->flags[i - 1].def : NULL;
    const SmPassDef *next = i + 1 < cli->num_flags ? cli->flags[i + 1].def : NULL;
    bool open = def->anchor && !(prev && prev->anchor && !strcmp(prev->anchor, def->anchor));
    bool close = def->anchor && !(next && next->anchor && !strcmp(next->anchor, def->anchor));
    if (i)
      sm_strbuf_puts(&text, ",");
    if (open)
      sm_strbuf_printf(&text, "%s(", def->anchor);
    sm_strbuf_puts(&text, def->argument);
    if (cli->flags[i].options)
      sm_strbuf_printf(&text, "{%s}", cli->flags[i].options);
    if (close)
      sm_strbuf_puts(&text, ")");
  }
  sm_strbuf_puts(&text, ")");
  free(cli->pipeline);
  cli->pipeline = text.data; /* diagnostics may quote it until exit */
  return sm_pass_pipeline_parse(cli->pm, text.data, text.len) ? 1 : -1;
}

void sm_pass_cli_print_help(SmPassCli *cli, FILE *out) {
  (void)cli;
  fprintf(out,
          "Pass options:\n"
          "  --pass-pipeline=<text>     run a textual pipeline, e.g.\n"
          "                             'builtin.module(func.func(canonicalize{max-iterations=5},cse),symbol-dce)'\n"
          "  --<pass>[{opts}]           add one pass (see the list below); ops-specific passes\n"
          "                             are nested implicitly; opts: key=value, space-separated\n"
          "  --load-pass-plugin=<path>  load a pass plugin (exports " SM_PASS_PLUGIN_ENTRY ")\n"
          "  --list-passes              list the registered passes and exit\n"
          "  --verify-each[=0|1]        verify the IR after each pass (default: on)\n"
          "  --print-ir-before=<p,...>  print the IR before the named passes\n"
          "  --print-ir-after=<p,...>   print the IR after the named passes\n"
          "  --print-ir-before-all      print the IR before every pass\n"
          "  --print-ir-after-all       print the IR after every pass\n"
          "  --print-ir-after-change    print the IR after passes that changed it\n"
          "  --timing                   report per-pass wall time, nested like the pipeline\n\n");
  sm_pass_print_list(out);
}

bool sm_pass_cli_run(SmPassCli *cli, SmOp *module) {
  if (!cli->pm || sm_pass_manager_empty(cli->pm))
    return true;
  return sm_pass_manager_run(cli->pm, module);
}
