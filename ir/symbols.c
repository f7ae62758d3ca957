/* Symbols: sym_name lookup, nested symbol references, and a hashed table. */
#include <stdlib.h>
#include <string.h>

#include "ir/context_impl.h"

const char *sm_op_symbol_name(const SmOp *op) {
  SmAttr *a = sm_op_get_attr(op, "sym_name");
  return a && a->kind == SM_ATTR_STRING ? a->string.data : NULL;
}

static SmBlock *table_body(SmOp *table_op) {
  return table_op && table_op->num_regions ? table_op->regions[0].first : NULL;
}

SmOp *sm_symbol_lookup_in(SmOp *table_op, const char *name) {
  SmBlock *b = table_body(table_op);
  if (!b || !name) return NULL;
  for (SmOp *op = b->first; op; op = op->next) {
    const char *n = sm_op_symbol_name(op);
    if (n && strcmp(n, name) == 0) return op;
  }
  return NULL;
}

SmOp *sm_symbol_table_op_of(SmOp *op) {
  SmOp *o = op;
  while (o) {
    if (sm_op_has_trait(o, SM_TRAIT_SYMBOL_TABLE)) return o;
    SmOp *p = sm_op_parent_op(o);
    if (!p) return o; /* the top-level op acts as the table */
    o = p;
  }
  return NULL;
}

SmOp *sm_symbol_lookup_from(SmOp *from, const SmAttr *symref) {
  if (!from || !symref) return NULL;
  SmOp *table = sm_symbol_table_op_of(from);
  if (symref->kind == SM_ATTR_STRING) return sm_symbol_lookup_in(table, symref->string.data);
  if (symref->kind != SM_ATTR_SYMBOL_REF) return NULL;
  SmOp *op = sm_symbol_lookup_in(table, symref->symref.root);
  /* @a::@b::@c: each step looks inside the previous symbol's own table. */
  for (unsigned i = 0; op && i < symref->symref.num_nested; i++)
    op = sm_symbol_lookup_in(op, symref->symref.nested[i]);
  return op;
}

/* ---- SmSymbolTable: open addressing over (hash, name, op) ------------------- */

typedef struct SymEntry {
  const char *name; /* NULL: empty */
  SmOp *op;
  uint32_t hash;
} SymEntry;

struct SmSymbolTable {
  SymEntry *slots;
  uint32_t cap, count;
};

static uint32_t str_hash(const char *s) { return sm_hash_fold(sm_hash_bytes(0x5f, s, strlen(s))); }

SmSymbolTable *sm_symbol_table_create(SmOp *table_op) {
  SmSymbolTable *t = calloc(1, sizeof *t);
  if (!t) abort();
  unsigned n = 0;
  SmBlock *b = table_body(table_op);
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) n++;
  t->cap = 16;
  while (t->cap < n * 2) t->cap *= 2;
  t->slots = calloc(t->cap, sizeof *t->slots);
  if (!t->slots) abort();
  for (SmOp *op = b ? b->first : NULL; op; op = op->next) {
    const char *name = sm_op_symbol_name(op);
    if (!name) continue;
    uint32_t h = str_hash(name), i = h & (t->cap - 1);
    bool dup = false;
    while (t->slots[i].name) {
      if (t->slots[i].hash == h && strcmp(t->slots[i].name, name) == 0) {
        dup = true; /* the first definition wins, as a linear lookup would find */
        break;
      }
      i = (i + 1) & (t->cap - 1);
    }
    if (dup) continue;
    t->slots[i] = (SymEntry){name, op, h};
    t->count++;
  }
  return t;
}

SmOp *sm_symbol_table_lookup(SmSymbolTable *t, const char *name) {
  if (!t || !name) return NULL;
  uint32_t h = str_hash(name), i = h & (t->cap - 1);
  while (t->slots[i].name) {
    if (t->slots[i].hash == h && strcmp(t->slots[i].name, name) == 0) return t->slots[i].op;
    i = (i + 1) & (t->cap - 1);
  }
  return NULL;
}

void sm_symbol_table_destroy(SmSymbolTable *t) {
  if (!t) return;
  free(t->slots);
  free(t);
}
