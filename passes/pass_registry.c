/* The process-wide pass registry (builtin passes and plugins register here)
 * and the --list-passes text. */
#include "passes/pass.h"
#include "passes/passes.h"

#include <stdlib.h>
#include <string.h>

static const SmPassDef **registry;
static size_t registry_len, registry_cap;

static int cmp_arg(const void *a, const void *b) {
  return strcmp((*(const SmPassDef *const *)a)->argument, (*(const SmPassDef *const *)b)->argument);
}

bool sm_pass_register(const SmPassDef *def) {
  if (!def || !def->argument || !def->run)
    return false;
  if (sm_pass_lookup(def->argument, strlen(def->argument)))
    return false;
  if (registry_len == registry_cap) {
    size_t cap = registry_cap ? registry_cap * 2 : 32;
    const SmPassDef **n = realloc(registry, cap * sizeof *n);
    if (!n)
      return false;
    registry = n;
    registry_cap = cap;
  }
  registry[registry_len++] = def;
  qsort(registry, registry_len, sizeof *registry, cmp_arg);
  return true;
}

const SmPassDef *sm_pass_lookup(const char *argument, size_t len) {
  for (size_t i = 0; i < registry_len; i++)
    if (strlen(registry[i]->argument) == len && memcmp(registry[i]->argument, argument, len) == 0)
      return registry[i];
  return NULL;
}

const SmPassDef *sm_pass_at(size_t i) { return i < registry_len ? registry[i] : NULL; }

void sm_register_builtin_passes(void) {
  static bool done;
  if (done)
    return;
  done = true;
  sm_pass_register(&sm_canonicalize_pass);
  sm_pass_register(&sm_cse_pass);
  sm_pass_register(&sm_symbol_dce_pass);
  sm_pass_register(&sm_inline_pass);
  sm_pass_register(&sm_print_op_stats_pass);
  sm_pass_register(&sm_view_op_graph_pass);
}

static const char *kind_name(SmPassOptionKind k) {
  switch (k) {
  case SM_PASS_OPT_BOOL:
    return "bool";
  case SM_PASS_OPT_INT:
    return "int";
  case SM_PASS_OPT_STRING:
    return "string";
  }
  return "?";
}

void sm_pass_print_list(FILE *out) {
  fprintf(out, "Passes (argument, anchor: summary):\n");
  for (size_t i = 0; i < registry_len; i++) {
    const SmPassDef *p = registry[i];
    fprintf(out, "  --%s [%s]: %s\n", p->argument, p->anchor ? p->anchor : "any",
            p->summary ? p->summary : "");
    for (unsigned j = 0; j < p->num_options; j++) {
      const SmPassOption *o = &p->options[j];
      fprintf(out, "      %s=<%s> (default: %s): %s\n", o->name, kind_name(o->kind),
              o->default_value && *o->default_value ? o->default_value : "\"\"",
              o->help ? o->help : "");
    }
  }
}
