/* The op printer: generic and custom forms, SSA and block naming, regions,
 * aliases and the resource section, following MLIR 22's AsmPrinter (the
 * output is checked against mlir-opt-22). Types, attributes and locations
 * are in ir/print_attrs.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir/asm.h"
#include "ir/printer_impl.h"

/* Per block: its number in its region and where its arguments' numbers
 * start; entry blocks name arguments %argN, others %N. */
typedef struct BlockInfo {
  uint32_t id;
  uint32_t arg_base;
  uint32_t pred_start, num_preds; /* into SmPrinter.pred_ids */
  bool entry;
} BlockInfo;

typedef struct Edge {
  SmBlock *succ, *pred;
} Edge;

struct SmPrinter {
  SmContext *ctx;
  SmAsmState as;
  SmPrintFlags flags;
  unsigned indent;
  const char *default_dialect; /* of the innermost region being printed */
  bool dry;                    /* alias collection pass: nothing is written */
  bool skip_regions;           /* brief form: regions print as {...} */
  /* Naming: block -> BlockInfo index + 1; op -> number of its first result
   * + 1, kept in op->scratch (ops_in_scratch) or in ids (brief form, which
   * diagnostics may call while an analysis owns the scratch fields). */
  SmPtrTab ids;
  bool ops_in_scratch;
  /* The block of the last op op_id found in the tree (operands mostly come
   * from the same block: saves a table lookup per operand). */
  const SmBlock *known_block;
  SmOp *top;
  BlockInfo *blocks;
  size_t num_blocks, blocks_cap;
  uint32_t *pred_ids;
  Edge *edges;
  size_t num_edges, edges_cap;
  SmPtrTab alias_tab;
  /* Result names from SmOpDef.result_name (custom form only): the text of
   * each name (NUL-terminated, in names), name_offs[i] its offset; a
   * named op's id is SM_NAMED_ID | i. Names are unique along the chain of
   * region scopes (MLIR's scoped usedNames): scope_parent[s] is the scope
   * enclosing s (UINT32_MAX at the top); used is a hash set of
   * (scope, name index). */
  SmStrBuf names;
  uint32_t *name_offs;
  size_t num_names, names_cap;
  uint32_t *scope_parent;
  size_t num_scopes, scopes_cap;
  struct UsedName {
    uint32_t scope, name; /* name: index + 1, 0 empty */
    uint32_t hash;
  } *used;
  size_t used_cap, used_count;
  uint32_t cur_scope, next_conflict;
  /* sm_op_print_file: the output goes to sink in chunks of about
   * SM_PRINT_CHUNK bytes (flushed between ops) instead of growing one
   * string as large as the whole module. */
  FILE *sink;
};

#define SM_PRINT_CHUNK ((size_t)1 << 16)

static void flush_sink(SmPrinter *p) {
  SmStrBuf *out = p->as.out;
  if (out->len) fwrite(out->data, 1, out->len, p->sink);
  out->len = 0;
  out->data[0] = '\0';
}

static void *grow(void *p, size_t *cap, size_t elem) {
  *cap = *cap ? *cap * 2 : 16;
  p = realloc(p, *cap * elem);
  if (!p) abort(); /* out of memory */
  return p;
}

/* ===================================================================== */
/* Naming (MLIR's SSANameState)                                           */
/* ===================================================================== */

typedef struct Frame {
  SmRegion *region;
  uint32_t next_value, next_arg, next_conflict;
  uint32_t scope; /* of the region holding the op that owns this region */
} Frame;

#define SM_NAMED_ID 0x80000000u

static uint32_t name_hash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static bool used_in_scope(SmPrinter *p, uint32_t scope, const char *s, size_t n, uint32_t h) {
  if (!p->used_cap) return false;
  uint32_t key = h ^ (scope * 0x9E3779B1u);
  for (size_t i = key & (p->used_cap - 1);; i = (i + 1) & (p->used_cap - 1)) {
    struct UsedName *u = &p->used[i];
    if (!u->name) return false;
    if (u->scope == scope && u->hash == h) {
      const char *t = p->names.data + p->name_offs[u->name - 1];
      if (strlen(t) == n && memcmp(t, s, n) == 0) return true;
    }
  }
}

static bool name_used(SmPrinter *p, const char *s, size_t n) {
  uint32_t h = name_hash(s, n);
  for (uint32_t sc = p->cur_scope; sc != UINT32_MAX; sc = p->scope_parent[sc])
    if (used_in_scope(p, sc, s, n, h)) return true;
  return false;
}

static void mark_used(SmPrinter *p, uint32_t name_index, size_t n) {
  if (2 * (p->used_count + 1) > p->used_cap) {
    size_t old_cap = p->used_cap;
    struct UsedName *old = p->used;
    p->used_cap = old_cap ? old_cap * 2 : 64;
    p->used = calloc(p->used_cap, sizeof *p->used);
    if (!p->used) abort();
    p->used_count = 0;
    for (size_t i = 0; i < old_cap; i++)
      if (old[i].name) {
        uint32_t key = old[i].hash ^ (old[i].scope * 0x9E3779B1u);
        size_t j = key & (p->used_cap - 1);
        while (p->used[j].name) j = (j + 1) & (p->used_cap - 1);
        p->used[j] = old[i];
        p->used_count++;
      }
    free(old);
  }
  const char *s = p->names.data + p->name_offs[name_index];
  uint32_t h = name_hash(s, n), key = h ^ (p->cur_scope * 0x9E3779B1u);
  size_t j = key & (p->used_cap - 1);
  while (p->used[j].name) j = (j + 1) & (p->used_cap - 1);
  p->used[j] = (struct UsedName){p->cur_scope, name_index + 1, h};
  p->used_count++;
}

/* The op's custom result name made unique (MLIR's uniqueValueName: on a
 * clash, name_N with one conflict counter per naming context), as an id. */
static bool assign_result_name(SmPrinter *p, SmOp *op, uint64_t *id) {
  size_t start = p->names.len;
  if (!op->def->result_name(op, &p->names) || p->names.len == start) {
    p->names.len = start;
    return false;
  }
  size_t base = p->names.len - start;
  if (name_used(p, p->names.data + start, base)) {
    char num[24];
    for (;;) {
      p->names.len = start + base;
      int k = snprintf(num, sizeof num, "_%u", p->next_conflict++);
      sm_strbuf_append(&p->names, num, (size_t)k);
      if (!name_used(p, p->names.data + start, p->names.len - start)) break;
    }
  }
  size_t n = p->names.len - start;
  sm_strbuf_append(&p->names, "", 1); /* the NUL */
  if (p->num_names == p->names_cap)
    p->name_offs = grow(p->name_offs, &p->names_cap, sizeof *p->name_offs);
  p->name_offs[p->num_names] = (uint32_t)start;
  mark_used(p, (uint32_t)p->num_names, n);
  *id = SM_NAMED_ID | (uint32_t)p->num_names++;
  return true;
}

static uint32_t new_scope(SmPrinter *p, uint32_t parent) {
  if (p->num_scopes == p->scopes_cap)
    p->scope_parent = grow(p->scope_parent, &p->scopes_cap, sizeof *p->scope_parent);
  p->scope_parent[p->num_scopes] = parent;
  return (uint32_t)p->num_scopes++;
}

static void name_block(SmPrinter *p, SmBlock *b, uint32_t id, uint32_t *next_value,
                       uint32_t *next_arg) {
  if (p->num_blocks == p->blocks_cap)
    p->blocks = grow(p->blocks, &p->blocks_cap, sizeof *p->blocks);
  BlockInfo *bi = &p->blocks[p->num_blocks++];
  bool ins;
  *sm_ptrtab_slot(&p->ids, b, &ins) = p->num_blocks;
  bi->id = id;
  bi->entry = b->region && b->region->first == b;
  bi->pred_start = bi->num_preds = 0;
  if (bi->entry) {
    bi->arg_base = *next_arg;
    *next_arg += b->num_args;
  } else {
    bi->arg_base = *next_value;
    *next_value += b->num_args;
  }
}

static void name_op_results(SmPrinter *p, SmOp *op, uint32_t *next_value, bool unique) {
  if (!op->num_results) return;
  uint64_t named;
  if (!unique && op->def && op->def->result_name && assign_result_name(p, op, &named)) {
    if (p->ops_in_scratch) {
      op->scratch = (uint32_t)named;
    } else {
      bool ins;
      *sm_ptrtab_slot(&p->ids, op, &ins) = named;
    }
    return;
  }
  if (p->ops_in_scratch) {
    op->scratch = *next_value + 1;
  } else {
    bool ins;
    *sm_ptrtab_slot(&p->ids, op, &ins) = (uint64_t)*next_value + 1;
  }
  (*next_value)++;
}

/* Number of op's first result + 1, or 0 when op is outside the printed tree.
 * With scratch numbering an op is in the tree iff it is the top op or its
 * block was numbered (every op of a numbered block is). */
static uint64_t op_id(SmPrinter *p, const SmOp *op) {
  if (p->ops_in_scratch) {
    if (op == p->top) return op->scratch;
    if (!op->block) return 0;
    if (op->block == p->known_block) return op->scratch;
    if (!sm_ptrtab_find(&p->ids, op->block)) return 0;
    p->known_block = op->block;
    return op->scratch;
  }
  uint64_t *id = sm_ptrtab_find(&p->ids, op);
  return id ? *id : 0;
}

static int edge_cmp(const void *a, const void *b) {
  const uint32_t *x = a, *y = b;
  return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : (x[1] < y[1] ? -1 : x[1] > y[1]);
}

/* Predecessor lists from the recorded branch edges, sorted by block number. */
static void collect_preds(SmPrinter *p) {
  if (!p->num_edges) return;
  uint32_t(*pairs)[2] = malloc(p->num_edges * sizeof *pairs);
  if (!pairs) abort();
  size_t n = 0;
  for (size_t i = 0; i < p->num_edges; i++) {
    uint64_t *s = sm_ptrtab_find(&p->ids, p->edges[i].succ);
    uint64_t *d = sm_ptrtab_find(&p->ids, p->edges[i].pred);
    if (!s || !d) continue;
    pairs[n][0] = (uint32_t)(*s - 1);
    pairs[n][1] = p->blocks[*d - 1].id;
    n++;
  }
  qsort(pairs, n, sizeof *pairs, edge_cmp);
  p->pred_ids = malloc((n ? n : 1) * sizeof *p->pred_ids);
  if (!p->pred_ids) abort();
  for (size_t i = 0; i < n; i++) {
    BlockInfo *bi = &p->blocks[pairs[i][0]];
    if (!bi->num_preds) bi->pred_start = (uint32_t)i;
    bi->num_preds++;
    p->pred_ids[i] = pairs[i][1];
  }
  free(pairs);
}

/* Numbers values and blocks under top the way MLIR does: a region's values
 * first, then its ops' regions, each starting from the counters the parent
 * region ended with (generic form: one running counter, "unique IDs"). */
static void number_values(SmPrinter *p, SmOp *top, bool unique) {
  uint32_t next_value = 0, next_arg = 0;
  p->top = top;
  p->cur_scope = new_scope(p, UINT32_MAX);
  p->next_conflict = 0;
  name_op_results(p, top, &next_value, unique);
  uint32_t top_scope = p->cur_scope;
  Frame *stack = NULL;
  size_t depth = 0, cap = 0;
  for (unsigned i = 0; i < top->num_regions; i++) {
    if (depth == cap) stack = grow(stack, &cap, sizeof *stack);
    stack[depth++] = (Frame){&top->regions[i], next_value, next_arg, 0, top_scope};
  }
  while (depth) {
    Frame f = stack[--depth];
    if (!unique) {
      next_value = f.next_value;
      next_arg = f.next_arg;
      p->next_conflict = f.next_conflict;
      p->cur_scope = new_scope(p, f.scope);
    }
    /* Nested regions are pushed in order (MLIR pops the last first) and
     * start from the counters this region ends with, filled in below. */
    size_t first_child = depth;
    uint32_t bid = 0;
    for (SmBlock *b = f.region->first; b; b = b->next) {
      name_block(p, b, bid++, &next_value, &next_arg);
      for (SmOp *op = b->first; op; op = op->next) {
        name_op_results(p, op, &next_value, unique);
        for (unsigned i = 0; i < op->num_successors; i++) {
          if (p->num_edges == p->edges_cap)
            p->edges = grow(p->edges, &p->edges_cap, sizeof *p->edges);
          p->edges[p->num_edges++] = (Edge){op->successors[i], b};
        }
        for (unsigned i = 0; i < op->num_regions; i++) {
          if (depth == cap) stack = grow(stack, &cap, sizeof *stack);
          stack[depth++] = (Frame){&op->regions[i], 0, 0, 0, p->cur_scope};
        }
      }
    }
    for (size_t i = first_child; i < depth; i++) {
      stack[i].next_value = next_value;
      stack[i].next_arg = next_arg;
      stack[i].next_conflict = p->next_conflict;
    }
  }
  free(stack);
  collect_preds(p);
}

/* ===================================================================== */
/* Output helpers                                                         */
/* ===================================================================== */

static void put_indent(SmPrinter *p) {
  static const char spaces[] = "                                                                ";
  unsigned n = p->indent;
  while (n) {
    unsigned k = n < sizeof spaces - 1 ? n : (unsigned)(sizeof spaces - 1);
    sm_out_write(p->as.out, spaces, k);
    n -= k;
  }
}

static void print_value(SmPrinter *p, SmValue *v, bool result_no) {
  SmStrBuf *out = p->as.out;
  if (!v) {
    SM_OUT_LIT(out, "<<NULL VALUE>>");
    return;
  }
  if (v->kind == SM_VALUE_RESULT) {
    SmOp *op = v->owner.op;
    uint64_t id = op_id(p, op);
    if (!id) {
      SM_OUT_LIT(out, "<<UNKNOWN SSA VALUE>>");
      return;
    }
    sm_out_char(out, '%');
    if (id & SM_NAMED_ID)
      sm_out_str(out, p->names.data + p->name_offs[id & ~(uint64_t)SM_NAMED_ID]);
    else
      sm_out_u64(out, id - 1);
    if (result_no && op->num_results > 1) {
      sm_out_char(out, '#');
      sm_out_u64(out, v->index);
    }
    return;
  }
  uint64_t *bid = sm_ptrtab_find(&p->ids, v->owner.block);
  if (!bid) {
    SM_OUT_LIT(out, "<<UNKNOWN SSA VALUE>>");
    return;
  }
  const BlockInfo *bi = &p->blocks[*bid - 1];
  if (bi->entry)
    SM_OUT_LIT(out, "%arg");
  else
    sm_out_char(out, '%');
  sm_out_u64(out, (uint64_t)bi->arg_base + v->index);
}

static void print_block_name(SmPrinter *p, SmBlock *b) {
  uint64_t *bid = b ? sm_ptrtab_find(&p->ids, b) : NULL;
  if (!bid) {
    SM_OUT_LIT(p->as.out, "INVALIDBLOCK");
    return;
  }
  SM_OUT_LIT(p->as.out, "^bb");
  sm_out_u64(p->as.out, p->blocks[*bid - 1].id);
}

static void print_trailing_loc(SmPrinter *p, SmLoc *loc) {
  if (!p->flags.debuginfo) return;
  sm_out_char(p->as.out, ' ');
  sm_asm_print_loc(&p->as, loc);
}

/* ===================================================================== */
/* Alias collection: a dry run in MLIR's visiting order                   */
/* ===================================================================== */

static void collect_op(SmPrinter *p, SmOp *op);

static void collect_region(SmPrinter *p, SmRegion *r, bool entry_args) {
  for (SmBlock *b = r->first; b; b = b->next) {
    if (b != r->first || entry_args) {
      for (unsigned i = 0; i < b->num_args; i++) {
        sm_asm_visit_type(&p->as, b->args[i]->type);
        if (p->flags.debuginfo) sm_asm_visit_loc(&p->as, b->args[i]->loc);
      }
    }
    for (SmOp *op = b->first; op; op = op->next) collect_op(p, op);
  }
}

static void collect_op(SmPrinter *p, SmOp *op) {
  if (p->flags.debuginfo) sm_asm_visit_loc(&p->as, op->loc);
  if (!p->flags.generic && op->def && op->def->print) {
    bool was = p->dry;
    p->dry = true;
    op->def->print(p, op);
    p->dry = was;
    return;
  }
  for (unsigned i = 0; i < op->num_regions; i++) collect_region(p, &op->regions[i], true);
  for (unsigned i = 0; i < op->num_operands; i++)
    if (op->operands[i].value) sm_asm_visit_type(&p->as, op->operands[i].value->type);
  for (unsigned i = 0; i < op->num_results; i++) sm_asm_visit_type(&p->as, op->results[i].type);
  if (op->attrs) sm_asm_visit_attr(&p->as, op->attrs);
}

/* ===================================================================== */
/* Ops, blocks, regions                                                   */
/* ===================================================================== */

static void print_op(SmPrinter *p, SmOp *op);

static const char *region_default_dialect(const SmOp *op) {
  if (!op) return "";
  if (op->def && op->def->default_dialect) return op->def->default_dialect;
  /* MLIR's ModuleOp names builtin as its default dialect. */
  if (strcmp(op->name, "builtin.module") == 0) return "builtin";
  return "";
}

static void print_block(SmPrinter *p, SmBlock *b, bool header) {
  SmStrBuf *out = p->as.out;
  if (header) {
    put_indent(p);
    print_block_name(p, b);
    if (b->num_args) {
      sm_out_char(out, '(');
      for (unsigned i = 0; i < b->num_args; i++) {
        if (i) SM_OUT_LIT(out, ", ");
        sm_printer_print_block_arg(p, b->args[i]);
      }
      sm_out_char(out, ')');
    }
    sm_out_char(out, ':');
    uint64_t *bid = sm_ptrtab_find(&p->ids, b);
    if (!b->region) {
      SM_OUT_LIT(out, "  // block is not in a region!");
    } else if (bid) {
      const BlockInfo *bi = &p->blocks[*bid - 1];
      if (!bi->num_preds) {
        if (!bi->entry) SM_OUT_LIT(out, "  // no predecessors");
      } else if (bi->num_preds == 1) {
        SM_OUT_LIT(out, "  // pred: ^bb");
        sm_out_u64(out, p->pred_ids[bi->pred_start]);
      } else {
        SM_OUT_LIT(out, "  // ");
        sm_out_u64(out, bi->num_preds);
        SM_OUT_LIT(out, " preds: ");
        for (uint32_t i = 0; i < bi->num_preds; i++) {
          if (i) SM_OUT_LIT(out, ", ");
          SM_OUT_LIT(out, "^bb");
          sm_out_u64(out, p->pred_ids[bi->pred_start + i]);
        }
      }
    }
    sm_out_char(out, '\n');
  }
  p->indent += 2;
  for (SmOp *op = b->first; op; op = op->next) {
    print_op(p, op);
    sm_out_char(out, '\n');
    if (p->sink && out->len >= SM_PRINT_CHUNK) flush_sink(p);
  }
  p->indent -= 2;
}

static void print_region(SmPrinter *p, SmRegion *r, bool entry_args, bool empty_block) {
  SmStrBuf *out = p->as.out;
  if (p->skip_regions) {
    SM_OUT_LIT(out, "{...}");
    return;
  }
  SM_OUT_LIT(out, "{\n");
  if (r->first) {
    const char *saved = p->default_dialect;
    p->default_dialect = region_default_dialect(r->op);
    SmBlock *entry = r->first;
    bool header = (empty_block && !entry->first) || (entry_args && entry->num_args);
    print_block(p, entry, header);
    for (SmBlock *b = entry->next; b; b = b->next) print_block(p, b, true);
    p->default_dialect = saved;
  }
  put_indent(p);
  sm_out_char(out, '}');
}

static void print_attr_dict_entries_uncached(SmPrinter *p, const SmAttr *dict,
                                            const char *const *elided);

/* Generic-form files repeat attribute dictionaries: without elisions, a
 * whole dictionary goes through the text cache (keyed by the uniqued
 * dictionary, like types). */
static void print_attr_dict_entries(SmPrinter *p, const SmAttr *dict, const char *const *elided) {
  SmAsmCacheMark m;
  if (elided) {
    print_attr_dict_entries_uncached(p, dict, elided);
    return;
  }
  if (sm_asm_cache_begin(&p->as, dict, &m)) return;
  print_attr_dict_entries_uncached(p, dict, NULL);
  sm_asm_cache_end(&p->as, dict, &m);
}

static void print_attr_dict_entries_uncached(SmPrinter *p, const SmAttr *dict,
                                            const char *const *elided) {
  SmStrBuf *out = p->as.out;
  bool first = true;
  for (unsigned i = 0; i < dict->dict.count; i++) {
    const SmNamedAttr *na = &dict->dict.entries[i];
    bool skip = false;
    for (const char *const *e = elided; e && *e && !skip; e++) skip = strcmp(*e, na->name) == 0;
    if (skip) continue;
    sm_out_str(out, first ? " {" : ", ");
    first = false;
    sm_asm_print_named_attr(&p->as, na);
  }
  if (!first) sm_out_char(out, '}');
}

static void print_generic(SmPrinter *p, SmOp *op) {
  SmStrBuf *out = p->as.out;
  sm_asm_print_escaped(out, op->name, strlen(op->name));
  sm_out_char(out, '(');
  for (unsigned i = 0; i < op->num_operands; i++) {
    if (i) SM_OUT_LIT(out, ", ");
    print_value(p, op->operands[i].value, true);
  }
  sm_out_char(out, ')');
  if (op->num_successors) {
    sm_out_char(out, '[');
    for (unsigned i = 0; i < op->num_successors; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      print_block_name(p, op->successors[i]);
    }
    sm_out_char(out, ']');
  }
  if (op->props && op->props->dict.count) {
    SM_OUT_LIT(out, " <");
    sm_asm_print_attr(&p->as, op->props, false);
    sm_out_char(out, '>');
  }
  if (op->num_regions) {
    SM_OUT_LIT(out, " (");
    for (unsigned i = 0; i < op->num_regions; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      print_region(p, &op->regions[i], true, true);
    }
    sm_out_char(out, ')');
  }
  if (op->attrs) print_attr_dict_entries(p, op->attrs, NULL);
  SM_OUT_LIT(out, " : (");
  for (unsigned i = 0; i < op->num_operands; i++) {
    if (i) SM_OUT_LIT(out, ", ");
    SmValue *v = op->operands[i].value;
    sm_asm_print_type(&p->as, v ? v->type : NULL);
  }
  SM_OUT_LIT(out, ") -> ");
  if (op->num_results == 1 && op->results[0].type &&
      op->results[0].type->kind != SM_TYPE_FUNCTION) {
    sm_asm_print_type(&p->as, op->results[0].type);
  } else {
    sm_out_char(out, '(');
    for (unsigned i = 0; i < op->num_results; i++) {
      if (i) SM_OUT_LIT(out, ", ");
      sm_asm_print_type(&p->as, op->results[i].type);
    }
    sm_out_char(out, ')');
  }
}

static void print_op(SmPrinter *p, SmOp *op) {
  SmStrBuf *out = p->as.out;
  put_indent(p);
  if (op->num_results) {
    print_value(p, &op->results[0], false);
    if (op->num_results > 1) {
      sm_out_char(out, ':');
      sm_out_u64(out, op->num_results);
    }
    SM_OUT_LIT(out, " = ");
  }
  if (!p->flags.generic && op->def && op->def->print) {
    /* Drop the default dialect's prefix ("func.return" -> "return"). */
    const char *name = op->name;
    size_t dl = strlen(p->default_dialect);
    if (dl && strncmp(name, p->default_dialect, dl) == 0 && name[dl] == '.' &&
        !strchr(name + dl + 1, '.'))
      name += dl + 1;
    sm_out_str(out, name);
    op->def->print(p, op);
  } else {
    print_generic(p, op);
  }
  print_trailing_loc(p, op->loc);
}

/* ===================================================================== */
/* Top level                                                              */
/* ===================================================================== */

static void printer_init(SmPrinter *p, SmOp *op, SmStrBuf *out, const SmPrintFlags *flags) {
  memset(p, 0, sizeof *p);
  p->ctx = sm_op_context(op);
  if (flags) p->flags = *flags;
  p->as.out = out;
  p->as.elide_elements = p->flags.elide_elements;
  p->default_dialect = "builtin";
}

static void printer_free(SmPrinter *p) {
  sm_asm_state_free(&p->as);
  sm_ptrtab_free(&p->ids);
  sm_ptrtab_free(&p->alias_tab);
  free(p->blocks);
  free(p->pred_ids);
  free(p->edges);
  sm_strbuf_free(&p->names);
  free(p->name_offs);
  free(p->scope_parent);
  free(p->used);
}

static void print_resources(SmPrinter *p) {
  SmStrBuf *out = p->as.out;
  bool any = false;
  for (size_t i = 0; i < p->as.num_res; i++) {
    const char *name = p->as.res_names[i];
    size_t size = 0;
    uint32_t align = 0;
    const void *data = sm_context_get_resource(p->ctx, name, &size, &align);
    if (!data) continue;
    sm_out_str(out, any ? ",\n" : "\n{-#\n  dialect_resources: {\n    builtin: {\n");
    any = true;
    SM_OUT_LIT(out, "      ");
    sm_asm_print_keyword_or_string(out, name, strlen(name));
    SM_OUT_LIT(out, ": \"0x");
    static const char hex[] = "0123456789ABCDEF";
    char buf[256];
    size_t k = 0;
    for (int j = 0; j < 4; j++) {
      unsigned byte = (align >> (8 * j)) & 0xff;
      buf[k++] = hex[byte >> 4];
      buf[k++] = hex[byte & 15];
    }
    const unsigned char *d = data;
    for (size_t j = 0; j < size; j++) {
      if (k + 2 > sizeof buf) {
        sm_out_write(out, buf, k);
        k = 0;
      }
      buf[k++] = hex[d[j] >> 4];
      buf[k++] = hex[d[j] & 15];
    }
    sm_out_write(out, buf, k);
    sm_out_char(out, '"');
  }
  if (any) SM_OUT_LIT(out, "\n    }\n  }\n#-}\n");
}

static void print_top(SmOp *op, SmStrBuf *out, const SmPrintFlags *flags, FILE *sink) {
  SmPrinter p;
  printer_init(&p, op, out, flags);
  p.sink = sink;
  p.ops_in_scratch = true;
  number_values(&p, op, p.flags.generic);
  if (!p.flags.local_scope) {
    collect_op(&p, op);
    /* MLIR orders aliases by name: #distinct..., #map..., #set..., each
     * kind in the order first seen. */
    static const struct {
      SmAttrKind kind;
      const char *name;
    } groups[] = {{SM_ATTR_DISTINCT, "#distinct"}, {SM_ATTR_AFFINE_MAP, "#map"}, {SM_ATTR_INTEGER_SET, "#set"}};
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
      size_t n = 0;
      for (size_t i = 0; i < p.as.num_aliases; i++) {
        SmAttr *a = p.as.alias_list[i];
        if (a->kind != groups[g].kind) continue;
        sm_out_str(out, groups[g].name);
        if (n) sm_out_u64(out, n);
        SM_OUT_LIT(out, " = ");
        sm_asm_print_attr(&p.as, a, false);
        sm_out_char(out, '\n');
        bool ins;
        *sm_ptrtab_slot(&p.alias_tab, a, &ins) = ++n;
      }
    }
    p.as.aliases = &p.alias_tab;
  }
  p.as.record_resources = !p.flags.local_scope;
  p.as.cache_types = true;
  print_op(&p, op);
  /* Like MLIR: only a top-level print (not local scope) ends with a newline
   * and the file metadata (the resource blobs). */
  if (!p.flags.local_scope) {
    sm_out_char(out, '\n');
    print_resources(&p);
  }
  if (sink) flush_sink(&p);
  printer_free(&p);
}

void sm_op_print(SmOp *op, SmStrBuf *out, const SmPrintFlags *flags) {
  if (!op) return;
  print_top(op, out, flags, NULL);
}

void sm_op_print_file(SmOp *op, FILE *out, const SmPrintFlags *flags) {
  if (!op) return;
  SmStrBuf buf = {0};
  sm_strbuf_append(&buf, "", 0); /* flush_sink needs a buffer */
  print_top(op, &buf, flags, out);
  sm_strbuf_free(&buf);
}

void sm_op_print_brief(SmOp *op, SmStrBuf *out) {
  if (!op) return;
  SmPrintFlags flags = {.generic = true, .local_scope = true};
  SmPrinter p;
  printer_init(&p, op, out, &flags);
  /* Name values as printing the enclosing isolated scope would. */
  SmOp *scope = sm_op_parent_op(op);
  while (scope && !sm_op_has_trait(scope, SM_TRAIT_ISOLATED_FROM_ABOVE)) {
    SmOp *up = sm_op_parent_op(scope);
    if (!up) break;
    scope = up;
  }
  number_values(&p, scope ? scope : op, true);
  p.skip_regions = true;
  print_op(&p, op);
  printer_free(&p);
}

/* ===================================================================== */
/* The hook API (ir/asm.h)                                                */
/* ===================================================================== */

SmContext *sm_printer_context(SmPrinter *p) { return p->ctx; }

const SmPrintFlags *sm_printer_flags(SmPrinter *p) { return &p->flags; }

void sm_printer_puts(SmPrinter *p, const char *s) {
  if (!p->dry) sm_out_str(p->as.out, s);
}

void sm_printer_printf(SmPrinter *p, const char *fmt, ...) {
  if (p->dry) return;
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof buf) {
    sm_out_write(p->as.out, buf, (size_t)n);
    return;
  }
  char *big = malloc((size_t)n + 1);
  if (!big) abort();
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  sm_out_write(p->as.out, big, (size_t)n);
  free(big);
}

void sm_printer_print_operand(SmPrinter *p, SmValue *v) {
  if (!p->dry) print_value(p, v, true);
}

void sm_printer_print_operands(SmPrinter *p, SmOp *op, unsigned from, unsigned n) {
  if (p->dry) return;
  for (unsigned i = 0; i < n && from + i < op->num_operands; i++) {
    if (i) SM_OUT_LIT(p->as.out, ", ");
    print_value(p, op->operands[from + i].value, true);
  }
}

void sm_printer_print_type(SmPrinter *p, SmType *t) {
  if (p->dry)
    sm_asm_visit_type(&p->as, t);
  else
    sm_asm_print_type(&p->as, t);
}

void sm_printer_print_types(SmPrinter *p, SmType *const *ts, unsigned n) {
  for (unsigned i = 0; i < n; i++) {
    if (i && !p->dry) SM_OUT_LIT(p->as.out, ", ");
    sm_printer_print_type(p, ts[i]);
  }
}

void sm_printer_print_value_types(SmPrinter *p, SmValue *const *vs, unsigned n) {
  for (unsigned i = 0; i < n; i++) {
    if (i && !p->dry) SM_OUT_LIT(p->as.out, ", ");
    sm_printer_print_type(p, vs[i] ? vs[i]->type : NULL);
  }
}

void sm_printer_print_function_result_types(SmPrinter *p, SmType *const *ts, unsigned n) {
  if (p->dry) {
    for (unsigned i = 0; i < n; i++) sm_asm_visit_type(&p->as, ts[i]);
    return;
  }
  sm_asm_print_result_types(&p->as, ts, n);
}

void sm_printer_print_attr(SmPrinter *p, SmAttr *a) {
  if (p->dry)
    sm_asm_visit_attr(&p->as, a);
  else
    sm_asm_print_attr(&p->as, a, false);
}

void sm_printer_print_attr_without_type(SmPrinter *p, SmAttr *a) {
  if (p->dry)
    sm_asm_visit_attr(&p->as, a);
  else
    sm_asm_print_attr(&p->as, a, true);
}

static bool is_elided(const char *name, const char *const *elided) {
  for (const char *const *e = elided; e && *e; e++)
    if (strcmp(*e, name) == 0) return true;
  return false;
}

void sm_printer_print_optional_attr_dict(SmPrinter *p, const SmAttr *dict,
                                         const char *const *elided) {
  if (!dict || dict->kind != SM_ATTR_DICTIONARY) return;
  if (p->dry) {
    for (unsigned i = 0; i < dict->dict.count; i++)
      if (!is_elided(dict->dict.entries[i].name, elided))
        sm_asm_visit_attr(&p->as, dict->dict.entries[i].value);
    return;
  }
  print_attr_dict_entries(p, dict, elided);
}

void sm_printer_print_optional_attr_dict_with_keyword(SmPrinter *p, const SmAttr *dict,
                                                      const char *const *elided) {
  if (!dict || dict->kind != SM_ATTR_DICTIONARY) return;
  bool any = false;
  for (unsigned i = 0; i < dict->dict.count && !any; i++)
    any = !is_elided(dict->dict.entries[i].name, elided);
  if (!any) return;
  if (!p->dry) SM_OUT_LIT(p->as.out, " attributes");
  sm_printer_print_optional_attr_dict(p, dict, elided);
}

void sm_printer_print_symbol_name(SmPrinter *p, const char *name) {
  if (p->dry) return;
  sm_out_char(p->as.out, '@');
  sm_asm_print_keyword_or_string(p->as.out, name, strlen(name));
}

void sm_printer_print_string(SmPrinter *p, const char *s, size_t len) {
  if (!p->dry) sm_asm_print_escaped(p->as.out, s, len);
}

void sm_printer_print_block_arg(SmPrinter *p, SmValue *arg) {
  if (p->dry) {
    sm_asm_visit_type(&p->as, arg->type);
    if (p->flags.debuginfo) sm_asm_visit_loc(&p->as, arg->loc);
    return;
  }
  print_value(p, arg, true);
  SM_OUT_LIT(p->as.out, ": ");
  sm_asm_print_type(&p->as, arg->type);
  print_trailing_loc(p, arg->loc);
}

void sm_printer_print_optional_loc(SmPrinter *p, SmLoc *loc) {
  if (p->dry) {
    if (p->flags.debuginfo) sm_asm_visit_loc(&p->as, loc);
    return;
  }
  print_trailing_loc(p, loc);
}

void sm_printer_print_region(SmPrinter *p, SmRegion *r, bool print_entry_args,
                             bool print_empty_block) {
  if (p->dry) {
    collect_region(p, r, print_entry_args);
    return;
  }
  print_region(p, r, print_entry_args, print_empty_block);
}

void sm_printer_print_successor(SmPrinter *p, SmBlock *b) {
  if (!p->dry) print_block_name(p, b);
}
