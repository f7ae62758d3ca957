/* view-op-graph: Graphviz DOT of the data flow. Ops are record nodes
 * (name, result types), block arguments are nodes, ops with regions become
 * clusters (labelled with the op name and symbol), and each SSA use is an
 * edge from the producer to the user. `dot -Tsvg` renders it. */
#include "passes/passes.h"
#include "passes/pass_output_file.h"

#include <stdlib.h>
#include <string.h>

typedef struct Graph {
  FILE *out;
  SmPtrMap ids; /* op or block-arg value -> node id */
  unsigned next_id;
  unsigned max_label;
} Graph;

static unsigned node_id(Graph *g, const void *key) {
  uintptr_t id = (uintptr_t)sm_ptrmap_get(&g->ids, key);
  if (!id) {
    id = ++g->next_id;
    sm_ptrmap_put(&g->ids, key, (void *)id);
  }
  return (unsigned)id;
}

/* DOT record labels treat {}|<> and quotes specially. */
static void put_escaped(FILE *out, const char *s, size_t n) {
  for (size_t i = 0; i < n && s[i]; i++) {
    char c = s[i];
    if (strchr("{}|<>\"\\", c))
      fputc('\\', out);
    if (c == '\n')
      fputs("\\n", out);
    else
      fputc(c, out);
  }
}

static void put_type(Graph *g, SmType *t) {
  SmStrBuf b = {0};
  sm_type_print(t, &b);
  size_t n = b.len > g->max_label ? g->max_label : b.len;
  put_escaped(g->out, b.data ? b.data : "", n);
  if (n < b.len)
    fputs("...", g->out);
  sm_strbuf_free(&b);
}

static void indent(Graph *g, int depth) { fprintf(g->out, "%*s", 2 * depth + 2, ""); }

static void emit_region_nodes(Graph *g, SmOp *op, int depth);

static void emit_op(Graph *g, SmOp *op, int depth) {
  unsigned id = node_id(g, op);
  if (op->num_regions) {
    indent(g, depth);
    fprintf(g->out, "subgraph cluster_%u {\n", id);
    indent(g, depth + 1);
    fputs("label = \"", g->out);
    put_escaped(g->out, op->name, strlen(op->name));
    const char *sym = sm_op_symbol_name(op);
    if (sym) {
      fputs(" @", g->out);
      put_escaped(g->out, sym, strlen(sym));
    }
    fputs("\";\n", g->out);
    /* An invisible anchor node so edges into the op have an end point. */
    indent(g, depth + 1);
    fprintf(g->out, "v%u [label = \" \", shape = plain];\n", id);
    emit_region_nodes(g, op, depth + 1);
    indent(g, depth);
    fputs("}\n", g->out);
    return;
  }
  indent(g, depth);
  fprintf(g->out, "v%u [label = \"{", id);
  put_escaped(g->out, op->name, strlen(op->name));
  if (op->num_results) {
    fputs("|{", g->out);
    for (unsigned i = 0; i < op->num_results; i++) {
      fprintf(g->out, "%s<r%u> ", i ? "|" : "", i);
      put_type(g, op->results[i].type);
    }
    fputs("}", g->out);
  }
  fputs("}\", shape = Mrecord];\n", g->out);
}

static void emit_region_nodes(Graph *g, SmOp *op, int depth) {
  for (unsigned r = 0; r < op->num_regions; r++)
    for (SmBlock *b = op->regions[r].first; b; b = b->next) {
      for (unsigned i = 0; i < b->num_args; i++) {
        indent(g, depth);
        fprintf(g->out, "v%u [label = \"arg%u: ", node_id(g, b->args[i]), i);
        put_type(g, b->args[i]->type);
        fputs("\", shape = ellipse];\n", g->out);
      }
      for (SmOp *o = b->first; o; o = o->next)
        emit_op(g, o, depth);
    }
}

static SmWalkResult emit_edges(SmOp *op, void *user) {
  Graph *g = user;
  unsigned to = node_id(g, op);
  for (unsigned i = 0; i < op->num_operands; i++) {
    SmValue *v = op->operands[i].value;
    if (!v)
      continue;
    if (v->kind == SM_VALUE_BLOCK_ARG) {
      fprintf(g->out, "  v%u -> v%u;\n", node_id(g, v), to);
      continue;
    }
    SmOp *def = v->owner.op;
    if (def->num_regions)
      fprintf(g->out, "  v%u -> v%u [ltail = cluster_%u];\n", node_id(g, def), to,
              node_id(g, def));
    else
      fprintf(g->out, "  v%u:r%u -> v%u;\n", node_id(g, def), v->index, to);
  }
  return SM_WALK_ADVANCE;
}

void sm_write_op_graph_limited(SmOp *op, FILE *out, unsigned max_label) {
  Graph g = {out, {0}, 0, max_label ? max_label : 64};
  sm_ptrmap_init(&g.ids);
  fputs("digraph G {\n  compound = true;\n", out);
  emit_op(&g, op, 0);
  sm_op_walk(op, SM_WALK_PRE, emit_edges, &g);
  fputs("}\n", out);
  fflush(out);
  sm_ptrmap_free(&g.ids);
}

void sm_write_op_graph(SmOp *op, FILE *out) { sm_write_op_graph_limited(op, out, 64); }

static const SmPassOption options[] = {
    {"output-file", SM_PASS_OPT_STRING, "", "Write the DOT text here instead of stderr"},
    {"max-label-len", SM_PASS_OPT_INT, "64", "Truncate type labels to this many characters"},
};

static bool run_graph(SmOp *op, SmPassRun *run) {
  const char *path = sm_pass_run_string(run, "output-file");
  int64_t maxlen = sm_pass_run_int(run, "max-label-len");
  if (maxlen < 1 || maxlen > 1 << 20)
    return sm_emit_error(sm_pass_run_context(run), op->loc,
                         "view-op-graph: max-label-len must be between 1 and 1048576");
  if (!*path) {
    sm_write_op_graph_limited(op, sm_pass_run_stream(run), (unsigned)maxlen);
    return true;
  }
  /* A report that cannot be written fails the pass (and the tool). */
  SmOutputFile o;
  if (!sm_output_file_open(&o, sm_pass_run_context(run), path))
    return sm_output_file_close(&o, sm_pass_run_context(run), false);
  FILE *out = o.f;
  sm_write_op_graph_limited(op, out, (unsigned)maxlen);
  return sm_output_file_close(&o, sm_pass_run_context(run), true);
}

const SmPassDef sm_view_op_graph_pass = {
    .argument = "view-op-graph",
    .summary = "Write a Graphviz DOT picture of the data flow (nodes: ops, edges: SSA uses)",
    .anchor = NULL,
    .options = options,
    .num_options = sizeof options / sizeof options[0],
    .run = run_graph,
};
