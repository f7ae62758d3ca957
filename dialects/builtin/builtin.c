/* builtin dialect: the module container and the conversion-cast glue op,
 * with MLIR's custom forms and verifier rules. */
#include "dialects/builtin/builtin.h"

#include <string.h>

#include "dialects/dialect_util.h"
#include "ir/asm.h"

/* ---- builtin.module ----------------------------------------------------- */

static const char *const module_props[] = {"sym_name", "sym_visibility", NULL};

static bool module_verify(SmOp *op) {
  SmRegion *r = sm_op_region(op, 0);
  if (!r->first || r->first != r->last)
    return sm_op_emit_error(op, "region #0 ('bodyRegion') failed to verify constraint: "
                                "region with 1 blocks");
  /* Discardable attributes on a module must belong to some dialect. */
  if (op->attrs)
    for (unsigned i = 0; i < op->attrs->dict.count; i++) {
      const char *n = op->attrs->dict.entries[i].name;
      if (!strchr(n, '.'))
        return sm_op_emit_error(op, "can only contain attributes with dialect-prefixed names, "
                                    "found: '%s'", n);
    }
  SmAttr *name = sm_op_get_prop(op, "sym_name");
  if (name && name->kind != SM_ATTR_STRING)
    return sm_op_emit_error(op, "attribute 'sym_name' failed to satisfy constraint: "
                                "string attribute");
  SmAttr *vis = sm_op_get_prop(op, "sym_visibility");
  if (vis && vis->kind != SM_ATTR_STRING)
    return sm_op_emit_error(op, "attribute 'sym_visibility' failed to satisfy constraint: "
                                "string attribute");
  return true;
}

static bool module_parse(SmParser *p, SmOpState *st) {
  SmContext *ctx = sm_parser_context(p);
  const char *name;
  SmParseResult r = sm_parser_try_symbol_name(p, &name);
  if (r == SM_PARSE_ERROR) return false;
  if (r == SM_PARSE_OK) sm_op_state_add_prop(st, "sym_name", sm_attr_string(ctx, name, strlen(name)));
  if (!sm_parser_parse_optional_attr_dict_with_keyword(p, st)) return false;
  SmRegion *body = sm_op_state_add_region(st);
  if (!sm_parser_parse_region(p, body, NULL, 0)) return false;
  /* `module {}` still has its (empty) block, as in MLIR. */
  if (sm_region_empty(body)) sm_region_append_block(body, sm_block_create());
  return true;
}

static void module_print(SmPrinter *p, SmOp *op) {
  SmAttr *name = sm_op_get_prop(op, "sym_name");
  if (name && name->kind == SM_ATTR_STRING) {
    sm_printer_puts(p, " ");
    sm_printer_print_symbol_name(p, name->string.data);
  }
  static const char *const elided[] = {"sym_name", NULL};
  sm_dialect_print_attr_dict(p, op, elided, true);
  sm_printer_puts(p, " ");
  sm_printer_print_region(p, sm_op_region(op, 0), false, false);
}

/* ---- builtin.unrealized_conversion_cast --------------------------------- */

/* ($inputs^ `:` type($inputs))? `to` type($outputs) attr-dict */
static bool ucc_parse(SmParser *p, SmOpState *st) {
  SmUnresolvedOperand *ops;
  unsigned n;
  SmLoc *loc = sm_parser_loc(p);
  if (!sm_parser_parse_operand_list(p, &ops, &n)) return false;
  if (n) {
    /* The operand list lives in parser scratch that the type list reuses:
     * resolve against a private copy. */
    SmUnresolvedOperand buf[8];
    SmUnresolvedOperand *copy = n <= 8 ? buf : sm_context_alloc(sm_parser_context(p), n * sizeof *copy);
    memcpy(copy, ops, n * sizeof *copy);
    SmType **tys;
    unsigned nt;
    if (!sm_parser_parse_punct(p, ":") || !sm_parser_parse_type_list(p, &tys, &nt)) return false;
    if (!sm_parser_resolve_operands(p, copy, n, tys, nt, loc, st)) return false;
  }
  if (!sm_parser_parse_keyword(p, "to")) return false;
  SmType **outs;
  unsigned no;
  if (!sm_parser_parse_type_list(p, &outs, &no)) return false;
  sm_op_state_add_results(st, outs, no);
  return sm_parser_parse_optional_attr_dict(p, st);
}

static void ucc_print(SmPrinter *p, SmOp *op) {
  if (op->num_operands) {
    sm_printer_puts(p, " ");
    sm_printer_print_operands(p, op, 0, op->num_operands);
    sm_printer_puts(p, " : ");
    for (unsigned i = 0; i < op->num_operands; i++) {
      if (i) sm_printer_puts(p, ", ");
      sm_printer_print_type(p, sm_op_operand(op, i)->type);
    }
  }
  sm_printer_puts(p, " to ");
  for (unsigned i = 0; i < op->num_results; i++) {
    if (i) sm_printer_puts(p, ", ");
    sm_printer_print_type(p, op->results[i].type);
  }
  sm_dialect_print_attr_dict(p, op, NULL, false);
}

static bool ucc_verify(SmOp *op) {
  if (op->num_results == 0)
    return sm_op_emit_error(op, "expected at least one result");
  return true;
}

/* Folds a cast whose input comes from the exact inverse cast chain
 * (A -> B -> A) to the original values, as MLIR's folder does. */
static bool ucc_fold(SmOp *op, SmAttr *const *operands, SmFoldResult *results) {
  (void)operands;
  if (op->num_operands == 0 || op->num_operands != op->num_results) return false;
  SmOp *src = sm_value_defining_op(sm_op_operand(op, 0));
  if (!src || src->def != op->def || src->num_results != op->num_operands ||
      src->num_operands != op->num_results)
    return false;
  for (unsigned i = 0; i < op->num_operands; i++) {
    if (sm_op_operand(op, i) != sm_op_result(src, i)) return false;
    if (sm_op_operand(src, i)->type != op->results[i].type) return false;
  }
  for (unsigned i = 0; i < op->num_results; i++) {
    results[i].attr = NULL;
    results[i].value = sm_op_operand(src, i);
  }
  return true;
}

static SmOpDef builtin_ops[] = {
    {.name = "builtin.module",
     .summary = "A top level container operation",
     .num_operands = 0, .num_results = 0, .num_regions = 1, .num_successors = 0,
     .traits = SM_TRAIT_ISOLATED_FROM_ABOVE | SM_TRAIT_SYMBOL_TABLE | SM_TRAIT_NO_TERMINATOR |
               SM_TRAIT_GRAPH_REGION | SM_TRAIT_SINGLE_BLOCK,
     .props = module_props,
     .verify = module_verify, .parse = module_parse, .print = module_print},
    {.name = "builtin.unrealized_conversion_cast",
     .summary = "An unrealized conversion from one set of types to another",
     .num_operands = SM_VARIADIC, .num_results = SM_VARIADIC, .num_regions = 0,
     .num_successors = 0, .traits = SM_TRAIT_PURE,
     .verify = ucc_verify, .parse = ucc_parse, .print = ucc_print, .fold = ucc_fold},
};

static SmDialect builtin_dialect = {
    .name = "builtin",
    .summary = "A dialect containing the builtin Attributes, Operations, and Types",
    .ops = builtin_ops,
    .num_ops = sizeof builtin_ops / sizeof builtin_ops[0],
};

SmDialect *sm_builtin_dialect(void) { return &builtin_dialect; }

SmOp *sm_builtin_module_create(SmContext *ctx, const char *name, SmLoc *loc) {
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "builtin.module"), loc ? loc : sm_loc_unknown(ctx));
  if (name) sm_op_state_add_prop(&st, "sym_name", sm_attr_string(ctx, name, strlen(name)));
  SmRegion *r = sm_op_state_add_region(&st);
  sm_region_append_block(r, sm_block_create());
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  return op;
}

SmBlock *sm_builtin_module_body(SmOp *module) { return sm_op_region(module, 0)->first; }
