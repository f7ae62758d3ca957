/* Helpers shared by the core dialects' hooks. */
#include "dialects/dialect_util.h"

#include <stdlib.h>
#include <string.h>

SmType *sm_dialect_attr_value_type(SmContext *ctx, const SmAttr *a) {
  if (!a) return NULL;
  switch (a->kind) {
  case SM_ATTR_BOOL: return sm_type_integer(ctx, 1, SM_SIGNLESS);
  case SM_ATTR_INTEGER: return a->integer.type;
  case SM_ATTR_FLOAT: return a->fp.type;
  case SM_ATTR_DENSE_ELEMENTS: return a->dense.type;
  case SM_ATTR_DENSE_RESOURCE: return a->resource.type;
  default: return NULL;
  }
}

bool sm_dialect_name_in(const char *name, const char *const *list) {
  if (!list) return false;
  for (; *list; list++)
    if (strcmp(*list, name) == 0) return true;
  return false;
}

void sm_dialect_print_attr_dict(SmPrinter *p, SmOp *op, const char *const *elided,
                                bool with_keyword) {
  unsigned extra = 0;
  if (op->props)
    for (unsigned i = 0; i < op->props->dict.count; i++)
      if (!sm_dialect_name_in(op->props->dict.entries[i].name, elided)) extra++;
  const SmAttr *dict = op->attrs;
  if (extra) {
    /* Rare path (e.g. func.call's no_inline): merge into one sorted dict. */
    unsigned n = extra + (op->attrs ? op->attrs->dict.count : 0), k = 0;
    SmNamedAttr *es = malloc(n * sizeof *es);
    if (!es) return;
    for (unsigned i = 0; i < op->props->dict.count; i++)
      if (!sm_dialect_name_in(op->props->dict.entries[i].name, elided))
        es[k++] = op->props->dict.entries[i];
    for (unsigned i = 0; op->attrs && i < op->attrs->dict.count; i++) es[k++] = op->attrs->dict.entries[i];
    dict = sm_attr_dict(sm_printer_context(p), k, es);
    free(es);
  }
  if (with_keyword)
    sm_printer_print_optional_attr_dict_with_keyword(p, dict, elided);
  else
    sm_printer_print_optional_attr_dict(p, dict, elided);
}

const char *sm_dialect_type_str(SmContext *ctx, const SmType *t) {
  SmStrBuf b = {0};
  if (t)
    sm_type_print(t, &b);
  else
    sm_strbuf_puts(&b, "<<null type>>");
  const char *s = sm_intern(ctx, b.data ? b.data : "", b.len);
  sm_strbuf_free(&b);
  return s;
}
