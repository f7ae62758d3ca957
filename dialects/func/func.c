/* func dialect: functions, returns and calls with MLIR's custom forms and
 * verifier messages. */
#include "dialects/func/func.h"

#include <stdlib.h>
#include <string.h>

#include "dialects/dialect_util.h"
#include "ir/asm.h"

#define TY(op, t) sm_dialect_type_str(sm_op_context(op), (t))

/* ---- accessors ---------------------------------------------------------- */

SmType *sm_func_get_type(const SmOp *func) {
  SmAttr *a = sm_op_get_prop(func, "function_type");
  if (!a || a->kind != SM_ATTR_TYPE || a->type->kind != SM_TYPE_FUNCTION) return NULL;
  return a->type;
}

const char *sm_func_get_name(const SmOp *func) { return sm_op_symbol_name(func); }

bool sm_func_is_external(SmOp *func) {
  return func->num_regions == 0 || sm_region_empty(sm_op_region(func, 0));
}

SmBlock *sm_func_entry_block(SmOp *func) {
  return func->num_regions ? sm_op_region(func, 0)->first : NULL;
}

const char *sm_func_get_visibility(const SmOp *func) {
  SmAttr *a = sm_op_get_prop(func, "sym_visibility");
  return a && a->kind == SM_ATTR_STRING ? a->string.data : "public";
}

/* ---- func.func ---------------------------------------------------------- */

static const char *const func_props[] = {"arg_attrs", "function_type", "res_attrs",
                                         "sym_name", "sym_visibility", NULL};

static bool check_attr_array(SmOp *op, const char *name, unsigned expected, const char *what) {
  SmAttr *a = sm_op_get_prop(op, name);
  if (!a) return true;
  if (a->kind != SM_ATTR_ARRAY)
    return sm_op_emit_error(op, "attribute '%s' failed to satisfy constraint: Array of "
                                "dictionary attributes", name);
  for (unsigned i = 0; i < a->array.count; i++)
    if (a->array.elems[i]->kind != SM_ATTR_DICTIONARY)
      return sm_op_emit_error(op, "attribute '%s' failed to satisfy constraint: Array of "
                                  "dictionary attributes", name);
  if (a->array.count != expected)
    return sm_op_emit_error(op, "expects %s attribute array to have the same number of elements "
                                "as the number of function %ss, got %u, but expected %u",
                            what, what, a->array.count, expected);
  return true;
}

static bool func_verify(SmOp *op) {
  SmAttr *ft = sm_op_get_prop(op, "function_type");
  if (!ft) return sm_op_emit_error(op, "requires attribute 'function_type'");
  SmType *fty = sm_func_get_type(op);
  if (!fty)
    return sm_op_emit_error(op, "attribute 'function_type' failed to satisfy constraint: type "
                                "attribute of function type");
  SmAttr *name = sm_op_get_prop(op, "sym_name");
  if (!name) return sm_op_emit_error(op, "requires attribute 'sym_name'");
  if (name->kind != SM_ATTR_STRING)
    return sm_op_emit_error(op, "attribute 'sym_name' failed to satisfy constraint: string "
                                "attribute");
  SmAttr *vis = sm_op_get_prop(op, "sym_visibility");
  if (vis) {
    if (vis->kind != SM_ATTR_STRING ||
        (strcmp(vis->string.data, "public") && strcmp(vis->string.data, "private") &&
         strcmp(vis->string.data, "nested")))
      return sm_op_emit_error(op, "visibility expected to be one of [\"public\", \"private\", "
                                  "\"nested\"]");
  }
  /* MLIR's SymbolOpInterface spells "argument"/"result" in the messages. */
  if (!check_attr_array(op, "arg_attrs", fty->func.num_inputs, "argument")) return false;
  if (!check_attr_array(op, "res_attrs", fty->func.num_results, "result")) return false;
  if (sm_func_is_external(op)) {
    if (!vis || strcmp(vis->string.data, "public") == 0)
      return sm_op_emit_error(op, "symbol declaration cannot have public visibility");
    return true;
  }
  SmBlock *entry = sm_op_region(op, 0)->first;
  if (entry->num_args != fty->func.num_inputs)
    return sm_op_emit_error(op, "entry block must have %u arguments to match function signature",
                            fty->func.num_inputs);
  for (unsigned i = 0; i < entry->num_args; i++)
    if (entry->args[i]->type != fty->func.inputs[i])
      return sm_op_emit_error(op, "type of entry block argument #%u('%s') must match the type of "
                                  "the corresponding argument in function signature('%s')",
                              i, TY(op, entry->args[i]->type), TY(op, fty->func.inputs[i]));
  return true;
}

/* Growable list of arguments while parsing a signature. */
typedef struct ArgList {
  SmArgument *v;
  unsigned n, cap;
} ArgList;

static bool arglist_push(ArgList *l, const SmArgument *a) {
  if (l->n == l->cap) {
    unsigned cap = l->cap ? l->cap * 2 : 8;
    SmArgument *v = realloc(l->v, cap * sizeof *v);
    if (!v) return false;
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = *a;
  return true;
}

static bool dict_nonempty(const SmAttr *d) { return d && d->kind == SM_ATTR_DICTIONARY && d->dict.count; }

/* An array of per-argument dictionaries, or NULL when all are empty (MLIR
 * then omits arg_attrs / res_attrs). */
static SmAttr *attr_array_or_null(SmContext *ctx, SmAttr **dicts, unsigned n) {
  bool any = false;
  for (unsigned i = 0; i < n; i++) any |= dict_nonempty(dicts[i]);
  if (!any) return NULL;
  SmAttr *empty = sm_attr_dict(ctx, 0, NULL);
  for (unsigned i = 0; i < n; i++)
    if (!dicts[i]) dicts[i] = empty;
  return sm_attr_array(ctx, n, dicts);
}

static bool func_parse(SmParser *p, SmOpState *st) {
  SmContext *ctx = sm_parser_context(p);
  static const char *const visibilities[] = {"private", "public", "nested"};
  for (unsigned i = 0; i < 3; i++)
    if (sm_parser_try_keyword(p, visibilities[i])) {
      sm_op_state_add_prop(st, "sym_visibility",
                           sm_attr_string(ctx, visibilities[i], strlen(visibilities[i])));
      break;
    }
  const char *name;
  SmParseResult r = sm_parser_try_symbol_name(p, &name);
  if (r == SM_PARSE_ERROR) return false;
  if (r == SM_PARSE_ABSENT) return sm_parser_error(p, "expected valid '@'-identifier for symbol name");
  sm_op_state_add_prop(st, "sym_name", sm_attr_string(ctx, name, strlen(name)));

  ArgList args = {0};
  SmType **restys = NULL;
  SmAttr **resattrs = NULL, **argattrs = NULL;
  unsigned nres = 0, rescap = 0;
  bool ok = false, named = false;
  if (!sm_parser_parse_punct(p, "(")) goto done;
  if (!sm_parser_try_punct(p, ")")) {
    do {
      SmArgument a;
      memset(&a, 0, sizeof a);
      SmParseResult ar = sm_parser_try_argument(p, &a, true);
      if (ar == SM_PARSE_ERROR) goto done;
      if (ar == SM_PARSE_ABSENT) {
        if (named) {
          sm_parser_error(p, "expected SSA identifier");
          goto done;
        }
        a.type = sm_parser_parse_type(p);
        if (!a.type) goto done;
        if (sm_parser_at_punct(p, "{") && !(a.attrs = sm_parser_parse_dict_attr(p))) goto done;
        if (sm_parser_try_loc(p, &a.loc) == SM_PARSE_ERROR) goto done;
      } else {
        if (args.n && !named) {
          sm_parser_error(p, "expected type instead of SSA identifier");
          goto done;
        }
        named = true;
      }
      if (!arglist_push(&args, &a)) goto done;
    } while (sm_parser_try_punct(p, ","));
    if (!sm_parser_parse_punct(p, ")")) goto done;
  }
  if (sm_parser_try_punct(p, "->")) {
    bool paren = sm_parser_try_punct(p, "(");
    if (!paren || !sm_parser_try_punct(p, ")")) {
      do {
        if (nres == rescap) {
          rescap = rescap ? rescap * 2 : 4;
          SmType **nt = realloc(restys, rescap * sizeof *nt);
          if (!nt) goto done;
          restys = nt;
          SmAttr **na = realloc(resattrs, rescap * sizeof *na);
          if (!na) goto done;
          resattrs = na;
        }
        SmType *t = sm_parser_parse_type(p);
        if (!t) goto done;
        SmAttr *d = NULL;
        if (paren && sm_parser_at_punct(p, "{") && !(d = sm_parser_parse_dict_attr(p))) goto done;
        restys[nres] = t;
        resattrs[nres++] = d;
      } while (paren && sm_parser_try_punct(p, ","));
      if (paren && !sm_parser_parse_punct(p, ")")) goto done;
    }
  }
  if (!sm_parser_parse_optional_attr_dict_with_keyword(p, st)) goto done;

  SmType **inputs = args.n ? malloc(args.n * sizeof *inputs) : NULL;
  argattrs = args.n ? malloc(args.n * sizeof *argattrs) : NULL;
  if (args.n && (!inputs || !argattrs)) {
    free(inputs);
    goto done;
  }
  for (unsigned i = 0; i < args.n; i++) {
    inputs[i] = args.v[i].type;
    argattrs[i] = args.v[i].attrs;
  }
  SmType *fty = sm_type_function(ctx, args.n, inputs, nres, restys);
  free(inputs);
  sm_op_state_add_prop(st, "function_type", sm_attr_type(ctx, fty));
  SmAttr *aa = attr_array_or_null(ctx, argattrs, args.n);
  if (aa) sm_op_state_add_prop(st, "arg_attrs", aa);
  SmAttr *ra = attr_array_or_null(ctx, resattrs, nres);
  if (ra) sm_op_state_add_prop(st, "res_attrs", ra);

  SmRegion *body = sm_op_state_add_region(st);
  if (sm_parser_at_punct(p, "{")) {
    /* A type-only signature with a body: the entry block names its
     * arguments itself (`^bb0(%a: f32):`), as MLIR accepts; the verifier
     * checks them against the signature. */
    if (!sm_parser_parse_region(p, body, named ? args.v : NULL, named ? args.n : 0)) goto done;
    if (sm_region_empty(body)) {
      sm_parser_error(p, "expected non-empty function body");
      goto done;
    }
  }
  ok = true;
done:
  free(args.v);
  free(restys);
  free(resattrs);
  free(argattrs);
  return ok;
}

static SmAttr *array_at(SmAttr *arr, unsigned i) {
  if (!arr || arr->kind != SM_ATTR_ARRAY || i >= arr->array.count) return NULL;
  return arr->array.elems[i];
}

static void print_arg_attrs(SmPrinter *p, SmAttr *d) {
  if (dict_nonempty(d)) {
    sm_printer_puts(p, " ");
    sm_printer_print_attr(p, d);
  }
}

static void func_print(SmPrinter *p, SmOp *op) {
  SmAttr *vis = sm_op_get_prop(op, "sym_visibility");
  sm_printer_puts(p, " ");
  if (vis && vis->kind == SM_ATTR_STRING) {
    sm_printer_puts(p, vis->string.data);
    sm_printer_puts(p, " ");
  }
  const char *name = sm_func_get_name(op);
  sm_printer_print_symbol_name(p, name ? name : "");
  SmType *fty = sm_func_get_type(op);
  SmAttr *argattrs = sm_op_get_prop(op, "arg_attrs");
  SmAttr *resattrs = sm_op_get_prop(op, "res_attrs");
  SmBlock *entry = sm_func_is_external(op) ? NULL : sm_op_region(op, 0)->first;
  sm_printer_puts(p, "(");
  unsigned nin = fty ? fty->func.num_inputs : 0;
  for (unsigned i = 0; i < nin; i++) {
    if (i) sm_printer_puts(p, ", ");
    if (entry && i < entry->num_args) {
      SmValue *a = entry->args[i];
      sm_printer_print_operand(p, a);
      sm_printer_puts(p, ": ");
      sm_printer_print_type(p, a->type);
      print_arg_attrs(p, array_at(argattrs, i));
      sm_printer_print_optional_loc(p, a->loc);
    } else {
      sm_printer_print_type(p, fty->func.inputs[i]);
      print_arg_attrs(p, array_at(argattrs, i));
    }
  }
  sm_printer_puts(p, ")");
  unsigned nres = fty ? fty->func.num_results : 0;
  if (nres) {
    sm_printer_puts(p, " -> ");
    bool any_attrs = false;
    for (unsigned i = 0; i < nres; i++) any_attrs |= dict_nonempty(array_at(resattrs, i));
    if (!any_attrs) {
      sm_printer_print_function_result_types(p, fty->func.results, nres);
    } else {
      sm_printer_puts(p, "(");
      for (unsigned i = 0; i < nres; i++) {
        if (i) sm_printer_puts(p, ", ");
        sm_printer_print_type(p, fty->func.results[i]);
        print_arg_attrs(p, array_at(resattrs, i));
      }
      sm_printer_puts(p, ")");
    }
  }
  sm_dialect_print_attr_dict(p, op, func_props, true);
  if (entry) {
    sm_printer_puts(p, " ");
    sm_printer_print_region(p, sm_op_region(op, 0), false, true);
  }
}

/* ---- func.return -------------------------------------------------------- */

static bool return_verify(SmOp *op) {
  SmOp *parent = sm_op_parent_op(op);
  if (!parent || !sm_op_name_is(parent, "func.func"))
    return sm_op_emit_error(op, "expects parent op 'func.func'");
  SmType *fty = sm_func_get_type(parent);
  if (!fty) return true; /* the function's own verifier reports it */
  const char *fname = sm_func_get_name(parent);
  if (op->num_operands != fty->func.num_results)
    return sm_op_emit_error(op, "has %u operands, but enclosing function (@%s) returns %u",
                            op->num_operands, fname ? fname : "", fty->func.num_results);
  for (unsigned i = 0; i < op->num_operands; i++)
    if (sm_op_operand(op, i)->type != fty->func.results[i])
      return sm_emit_error(sm_op_context(op), op->loc,
                           "type of return operand %u ('%s') doesn't match function result type "
                           "('%s') in function @%s",
                           i, TY(op, sm_op_operand(op, i)->type), TY(op, fty->func.results[i]),
                           fname ? fname : "");
  return true;
}

/* Shared by return: attr-dict ($operands^ `:` type($operands))? */
static bool parse_operands_colon_types(SmParser *p, SmOpState *st) {
  SmLoc *loc = sm_parser_loc(p);
  if (!sm_parser_at_operand(p)) return true;
  SmUnresolvedOperand *ops;
  unsigned n;
  if (!sm_parser_parse_operand_list(p, &ops, &n)) return false;
  SmUnresolvedOperand small[8];
  SmUnresolvedOperand *copy = n <= 8 ? small : malloc(n * sizeof *copy);
  if (!copy) return false;
  memcpy(copy, ops, n * sizeof *copy);
  SmType **tys;
  unsigned nt;
  bool ok = sm_parser_parse_punct(p, ":") && sm_parser_parse_type_list(p, &tys, &nt) &&
            sm_parser_resolve_operands(p, copy, n, tys, nt, loc, st);
  if (copy != small) free(copy);
  return ok;
}

static bool return_parse(SmParser *p, SmOpState *st) {
  return sm_parser_parse_optional_attr_dict(p, st) && parse_operands_colon_types(p, st);
}

static void return_print(SmPrinter *p, SmOp *op) {
  sm_dialect_print_attr_dict(p, op, NULL, false);
  if (op->num_operands) {
    sm_printer_puts(p, " ");
    sm_printer_print_operands(p, op, 0, op->num_operands);
    sm_printer_puts(p, " : ");
    for (unsigned i = 0; i < op->num_operands; i++) {
      if (i) sm_printer_puts(p, ", ");
      sm_printer_print_type(p, sm_op_operand(op, i)->type);
    }
  }
}

/* ---- func.call ---------------------------------------------------------- */

static const char *const call_props[] = {"arg_attrs", "callee", "no_inline", "res_attrs", NULL};
static const char *const call_elided[] = {"callee", NULL};

static const char *symref_text(SmOp *op, const SmAttr *ref) {
  SmStrBuf b = {0};
  sm_strbuf_puts(&b, ref->symref.root);
  for (unsigned i = 0; i < ref->symref.num_nested; i++) {
    sm_strbuf_puts(&b, "::@");
    sm_strbuf_puts(&b, ref->symref.nested[i]);
  }
  const char *s = sm_intern(sm_op_context(op), b.data ? b.data : "", b.len);
  sm_strbuf_free(&b);
  return s;
}

/* Checks call operands/results against a callee's function type. */
static bool check_call_types(SmOp *op, SmType *fty, unsigned first_arg) {
  unsigned nargs = op->num_operands - first_arg;
  if (nargs != fty->func.num_inputs)
    return sm_op_emit_error(op, "incorrect number of operands for callee");
  for (unsigned i = 0; i < nargs; i++)
    if (sm_op_operand(op, first_arg + i)->type != fty->func.inputs[i])
      return sm_op_emit_error(op, "operand type mismatch: expected operand type '%s', but "
                                  "provided '%s' for operand number %u",
                              TY(op, fty->func.inputs[i]),
                              TY(op, sm_op_operand(op, first_arg + i)->type), i);
  if (op->num_results != fty->func.num_results)
    return sm_op_emit_error(op, "incorrect number of results for callee");
  for (unsigned i = 0; i < op->num_results; i++)
    if (op->results[i].type != fty->func.results[i])
      return sm_op_emit_error(op, "result type mismatch at index %u", i);
  return true;
}

static bool call_verify(SmOp *op) {
  SmAttr *callee = sm_op_get_prop(op, "callee");
  if (!callee) return sm_op_emit_error(op, "requires attribute 'callee'");
  if (callee->kind != SM_ATTR_SYMBOL_REF)
    return sm_op_emit_error(op, "attribute 'callee' failed to satisfy constraint: symbol "
                                "reference attribute");
  SmOp *fn = sm_symbol_lookup_from(op, callee);
  if (!fn || !sm_op_name_is(fn, "func.func"))
    return sm_op_emit_error(op, "'%s' does not reference a valid function", symref_text(op, callee));
  SmType *fty = sm_func_get_type(fn);
  if (!fty) return true; /* reported by the callee's verifier */
  return check_call_types(op, fty, 0);
}

/* @callee `(` operands `)` attr-dict `:` functional-type */
static bool parse_call_tail(SmParser *p, SmOpState *st, SmUnresolvedOperand *callee_operand) {
  SmLoc *loc = sm_parser_loc(p);
  SmUnresolvedOperand *ops;
  unsigned n;
  if (!sm_parser_parse_punct(p, "(") || !sm_parser_parse_operand_list(p, &ops, &n)) return false;
  SmUnresolvedOperand small[8];
  SmUnresolvedOperand *copy = n <= 8 ? small : malloc(n * sizeof *copy);
  if (!copy) return false;
  memcpy(copy, ops, n * sizeof *copy);
  bool ok = false;
  SmType *fty;
  if (!sm_parser_parse_punct(p, ")") || !sm_parser_parse_optional_attr_dict(p, st) ||
      !sm_parser_parse_punct(p, ":"))
    goto out;
  loc = sm_parser_loc(p);
  if (!(fty = sm_parser_parse_type(p))) goto out;
  if (fty->kind != SM_TYPE_FUNCTION) {
    sm_emit_error(sm_parser_context(p), loc, "expected function type");
    goto out;
  }
  if (callee_operand && !sm_parser_resolve_operand(p, callee_operand, fty, st)) goto out;
  if (!sm_parser_resolve_operands(p, copy, n, fty->func.inputs, fty->func.num_inputs, loc, st))
    goto out;
  sm_op_state_add_results(st, fty->func.results, fty->func.num_results);
  ok = true;
out:
  if (copy != small) free(copy);
  return ok;
}

static bool call_parse(SmParser *p, SmOpState *st) {
  SmLoc *loc = sm_parser_loc(p);
  SmAttr *callee = sm_parser_parse_attr(p, NULL);
  if (!callee) return false;
  if (callee->kind != SM_ATTR_SYMBOL_REF)
    return sm_emit_error(sm_parser_context(p), loc, "expected symbol reference attribute");
  sm_op_state_add_prop(st, "callee", callee);
  return parse_call_tail(p, st, NULL);
}

static void print_functional_type(SmPrinter *p, SmOp *op, unsigned first) {
  sm_printer_puts(p, " : (");
  for (unsigned i = first; i < op->num_operands; i++) {
    if (i > first) sm_printer_puts(p, ", ");
    sm_printer_print_type(p, sm_op_operand(op, i)->type);
  }
  sm_printer_puts(p, ") -> ");
  SmType *small[8];
  SmType **ts = op->num_results <= 8 ? small : malloc(op->num_results * sizeof *ts);
  if (!ts) return;
  for (unsigned i = 0; i < op->num_results; i++) ts[i] = op->results[i].type;
  if (op->num_results == 1 && ts[0]->kind != SM_TYPE_FUNCTION) {
    sm_printer_print_type(p, ts[0]);
  } else {
    sm_printer_puts(p, "(");
    sm_printer_print_types(p, ts, op->num_results);
    sm_printer_puts(p, ")");
  }
  if (ts != small) free(ts);
}

static void call_print(SmPrinter *p, SmOp *op) {
  sm_printer_puts(p, " ");
  sm_printer_print_attr(p, sm_op_get_prop(op, "callee"));
  sm_printer_puts(p, "(");
  sm_printer_print_operands(p, op, 0, op->num_operands);
  sm_printer_puts(p, ")");
  sm_dialect_print_attr_dict(p, op, call_elided, false);
  print_functional_type(p, op, 0);
}

/* ---- func.call_indirect ------------------------------------------------- */

static const char *const call_indirect_props[] = {"arg_attrs", "res_attrs", NULL};

static bool call_indirect_verify(SmOp *op) {
  if (op->num_operands < 1) return sm_op_emit_error(op, "expected at least 1 operand");
  SmType *fty = sm_op_operand(op, 0)->type;
  if (fty->kind != SM_TYPE_FUNCTION)
    return sm_op_emit_error(op, "operand #0 must be function type, but got '%s'", TY(op, fty));
  unsigned nargs = op->num_operands - 1;
  bool ok = nargs == fty->func.num_inputs;
  for (unsigned i = 0; ok && i < nargs; i++) ok = sm_op_operand(op, 1 + i)->type == fty->func.inputs[i];
  if (!ok) return sm_op_emit_error(op, "failed to verify that callee input types match argument types");
  ok = op->num_results == fty->func.num_results;
  for (unsigned i = 0; ok && i < op->num_results; i++) ok = op->results[i].type == fty->func.results[i];
  if (!ok) return sm_op_emit_error(op, "failed to verify that callee result types match result types");
  return true;
}

static bool call_indirect_parse(SmParser *p, SmOpState *st) {
  SmUnresolvedOperand callee;
  if (!sm_parser_parse_operand(p, &callee)) return false;
  return parse_call_tail(p, st, &callee);
}

static void call_indirect_print(SmPrinter *p, SmOp *op) {
  sm_printer_puts(p, " ");
  sm_printer_print_operand(p, sm_op_operand(op, 0));
  sm_printer_puts(p, "(");
  sm_printer_print_operands(p, op, 1, op->num_operands - 1);
  sm_printer_puts(p, ")");
  sm_dialect_print_attr_dict(p, op, NULL, false);
  sm_printer_puts(p, " : ");
  sm_printer_print_type(p, sm_op_operand(op, 0)->type);
}

/* ---- func.constant ------------------------------------------------------ */

static const char *const constant_props[] = {"value", NULL};

static bool constant_verify(SmOp *op) {
  SmAttr *v = sm_op_get_prop(op, "value");
  if (!v) return sm_op_emit_error(op, "requires attribute 'value'");
  if (v->kind != SM_ATTR_SYMBOL_REF)
    return sm_op_emit_error(op, "attribute 'value' failed to satisfy constraint: flat symbol "
                                "reference attribute");
  SmOp *fn = sm_symbol_lookup_from(op, v);
  if (!fn || !sm_op_name_is(fn, "func.func"))
    return sm_op_emit_error(op, "reference to undefined function '%s'", symref_text(op, v));
  SmType *fty = sm_func_get_type(fn);
  if (fty && op->results[0].type != fty)
    return sm_op_emit_error(op, "reference to function with mismatched type");
  return true;
}

static bool constant_parse(SmParser *p, SmOpState *st) {
  if (!sm_parser_parse_optional_attr_dict(p, st)) return false;
  SmLoc *loc = sm_parser_loc(p);
  SmAttr *v = sm_parser_parse_attr(p, NULL);
  if (!v) return false;
  if (v->kind != SM_ATTR_SYMBOL_REF)
    return sm_emit_error(sm_parser_context(p), loc, "expected symbol reference attribute");
  sm_op_state_add_prop(st, "value", v);
  SmType *t;
  if (!sm_parser_parse_colon_type(p, &t)) return false;
  sm_op_state_add_result(st, t);
  return true;
}

static void constant_print(SmPrinter *p, SmOp *op) {
  sm_dialect_print_attr_dict(p, op, constant_props, false);
  sm_printer_puts(p, " ");
  sm_printer_print_attr(p, sm_op_get_prop(op, "value"));
  sm_printer_puts(p, " : ");
  sm_printer_print_type(p, op->results[0].type);
}

/* ---- the dialect -------------------------------------------------------- */

static SmOpDef func_ops[] = {
    {.name = "func.func", .summary = "An operation with a name containing a single `SSACFG` region",
     .num_operands = 0, .num_results = 0, .num_regions = 1, .num_successors = 0,
     .traits = SM_TRAIT_ISOLATED_FROM_ABOVE | SM_TRAIT_SYMBOL, .props = func_props,
     .default_dialect = "func",
     .verify = func_verify, .parse = func_parse, .print = func_print},
    {.name = "func.return", .summary = "Function return operation",
     .num_operands = SM_VARIADIC, .num_results = 0, .num_regions = 0, .num_successors = 0,
     .traits = SM_TRAIT_TERMINATOR | SM_TRAIT_RETURN_LIKE | SM_TRAIT_PURE,
     .verify = return_verify, .parse = return_parse, .print = return_print},
    {.name = "func.call", .summary = "call operation",
     .num_operands = SM_VARIADIC, .num_results = SM_VARIADIC, .num_regions = 0, .num_successors = 0,
     .props = call_props,
     .verify = call_verify, .parse = call_parse, .print = call_print},
    {.name = "func.call_indirect", .summary = "indirect call operation",
     .num_operands = SM_VARIADIC, .num_results = SM_VARIADIC, .num_regions = 0, .num_successors = 0,
     .props = call_indirect_props,
     .verify = call_indirect_verify, .parse = call_indirect_parse, .print = call_indirect_print},
    {.name = "func.constant", .summary = "constant", .num_operands = 0, .num_results = 1,
     .num_regions = 0, .num_successors = 0, .traits = SM_TRAIT_PURE | SM_TRAIT_CONSTANT_LIKE,
     .props = constant_props,
     .verify = constant_verify, .parse = constant_parse, .print = constant_print},
};

static SmDialect func_dialect = {
    .name = "func",
    .summary = "The func dialect: functions, calls and returns",
    .ops = func_ops,
    .num_ops = sizeof func_ops / sizeof func_ops[0],
};

SmDialect *sm_func_dialect(void) { return &func_dialect; }

/* ---- builders ----------------------------------------------------------- */

SmOp *sm_func_create(SmContext *ctx, const char *name, SmType *fn_type, bool with_body,
                     SmLoc *loc) {
  if (!loc) loc = sm_loc_unknown(ctx);
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "func.func"), loc);
  sm_op_state_add_prop(&st, "sym_name", sm_attr_string(ctx, name, strlen(name)));
  sm_op_state_add_prop(&st, "function_type", sm_attr_type(ctx, fn_type));
  if (!with_body) sm_op_state_add_prop(&st, "sym_visibility", sm_attr_string(ctx, "private", 7));
  SmRegion *r = sm_op_state_add_region(&st);
  if (with_body) {
    SmBlock *b = sm_block_create();
    for (unsigned i = 0; i < fn_type->func.num_inputs; i++) sm_block_add_arg(b, fn_type->func.inputs[i], loc);
    sm_region_append_block(r, b);
  }
  SmOp *op = sm_op_create(&st);
  sm_op_state_release(&st);
  return op;
}

SmOp *sm_func_build_return(SmBuilder *b, SmValue *const *values, unsigned n, SmLoc *loc) {
  SmOpState st;
  sm_op_state_init(&st, b->ctx, sm_intern_cstr(b->ctx, "func.return"), loc ? loc : sm_loc_unknown(b->ctx));
  sm_op_state_add_operands(&st, values, n);
  SmOp *op = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  return op;
}

SmOp *sm_func_build_call(SmBuilder *b, const char *callee, SmValue *const *args, unsigned nargs,
                         SmType *const *results, unsigned nresults, SmLoc *loc) {
  SmOpState st;
  sm_op_state_init(&st, b->ctx, sm_intern_cstr(b->ctx, "func.call"), loc ? loc : sm_loc_unknown(b->ctx));
  sm_op_state_add_prop(&st, "callee", sm_attr_symbol_ref(b->ctx, sm_intern_cstr(b->ctx, callee), 0, NULL));
  sm_op_state_add_operands(&st, args, nargs);
  sm_op_state_add_results(&st, results, nresults);
  SmOp *op = sm_builder_create(b, &st);
  sm_op_state_release(&st);
  return op;
}
