/* Device profiles in YAML: loading (libyaml, located errors), writing, and
 * which profile applies to a module. */
#include "passes/smartmem/device_profile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#ifndef SM_PROFILE_SOURCE_DIR
#define SM_PROFILE_SOURCE_DIR ""
#endif
#ifndef SM_PROFILE_INSTALL_DIR
#define SM_PROFILE_INSTALL_DIR ""
#endif

void sm_device_profile_default(SmDeviceProfile *p) {
  memset(p, 0, sizeof *p);
  strcpy(p->name, "default");
  p->image_support = true;
  p->max_image_width = p->max_image_height = 16384;
  p->preferred_vector_width = 4;
  p->local_mem_bytes = 32768;
  p->image_read_cost = 1.0;
  p->min_work_items = 256;
  p->chain_inline_macs = 0;
  p->select_layouts = true;
  p->costs = sm_ls_default_costs();
}

typedef enum Kind { K_STRING, K_BOOL, K_INT, K_REAL } Kind;
typedef struct Field {
  const char *key;
  Kind kind;
  size_t offset;
} Field;

#define F(k, kind, member) {k, kind, offsetof(SmDeviceProfile, member)}
static const Field fields[] = {
    F("name", K_STRING, name),
    F("image_support", K_BOOL, image_support),
    F("max_image_width", K_INT, max_image_width),
    F("max_image_height", K_INT, max_image_height),
    F("fp16", K_BOOL, fp16),
    F("preferred_vector_width", K_INT, preferred_vector_width),
    F("local_mem_bytes", K_INT, local_mem_bytes),
    F("image_read_cost", K_REAL, image_read_cost),
    F("reduction_read_penalty", K_REAL, costs.reduction_penalty),
    F("parallel_read_penalty", K_REAL, costs.parallel_penalty),
    F("write_penalty", K_REAL, costs.write_penalty),
    F("copy_cost_per_element", K_REAL, costs.copy_per_element),
    F("kernel_launch_cost", K_REAL, costs.copy_launch),
    F("simt", K_BOOL, costs.simt),
    F("min_work_items", K_INT, min_work_items),
    F("chain_inline_macs", K_INT, chain_inline_macs),
    F("select_layouts", K_BOOL, select_layouts),
    F("coalescing_penalty", K_REAL, costs.coalesce_penalty),
};
#undef F
#define NFIELDS (sizeof fields / sizeof fields[0])

static SmLoc *mark_loc(SmContext *c, const char *path, const yaml_node_t *n) {
  return sm_loc_file(c, path, (unsigned)n->start_mark.line + 1, (unsigned)n->start_mark.column + 1);
}

static bool set_field(SmContext *c, const char *path, const Field *f, const yaml_node_t *v, SmDeviceProfile *p) {
  if (v->type != YAML_SCALAR_NODE)
    return sm_emit_error(c, mark_loc(c, path, v), "device profile: '%s' must be a scalar", f->key);
  const char *s = (const char *)v->data.scalar.value;
  char *end = NULL;
  void *dst = (char *)p + f->offset;
  errno = 0;
  switch (f->kind) {
  case K_STRING:
    if (strlen(s) >= sizeof p->name)
      return sm_emit_error(c, mark_loc(c, path, v), "device profile: '%s' is too long", f->key);
    strcpy(dst, s);
    return true;
  case K_BOOL:
    if (!strcmp(s, "true")) *(bool *)dst = true;
    else if (!strcmp(s, "false")) *(bool *)dst = false;
    else return sm_emit_error(c, mark_loc(c, path, v), "device profile: '%s' must be true or false, not '%s'", f->key, s);
    return true;
  case K_INT: {
    long long x = strtoll(s, &end, 10);
    if (!*s || *end || errno || x < 0)
      return sm_emit_error(c, mark_loc(c, path, v), "device profile: '%s' must be a non-negative integer, not '%s'",
                           f->key, s);
    *(int64_t *)dst = x;
    return true;
  }
  case K_REAL: {
    double x = strtod(s, &end);
    if (!*s || *end || errno || !(x >= 0))
      return sm_emit_error(c, mark_loc(c, path, v), "device profile: '%s' must be a non-negative number, not '%s'",
                           f->key, s);
    *(double *)dst = x;
    return true;
  }
  }
  return false;
}

static bool load_file(SmContext *c, const char *path, FILE *in, SmDeviceProfile *p) {
  yaml_parser_t parser;
  yaml_document_t doc;
  if (!yaml_parser_initialize(&parser)) return sm_emit_error(c, sm_loc_file(c, path, 1, 1), "out of memory");
  yaml_parser_set_input_file(&parser, in);
  if (!yaml_parser_load(&parser, &doc)) {
    bool r = sm_emit_error(c, sm_loc_file(c, path, (unsigned)parser.problem_mark.line + 1, (unsigned)parser.problem_mark.column + 1),
                           "device profile: %s", parser.problem ? parser.problem : "malformed YAML");
    yaml_parser_delete(&parser);
    return r;
  }
  yaml_parser_delete(&parser);
  bool ok = true;
  yaml_node_t *root = yaml_document_get_root_node(&doc);
  if (!root || root->type != YAML_MAPPING_NODE) {
    ok = sm_emit_error(c, root ? mark_loc(c, path, root) : sm_loc_file(c, path, 1, 1),
                       "device profile: expected a mapping of keys to values");
  } else {
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; ok && pr < root->data.mapping.pairs.top; pr++) {
      yaml_node_t *k = yaml_document_get_node(&doc, pr->key), *v = yaml_document_get_node(&doc, pr->value);
      const char *key = k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : "";
      size_t i = 0;
      while (i < NFIELDS && strcmp(fields[i].key, key)) i++;
      if (i == NFIELDS) ok = sm_emit_error(c, mark_loc(c, path, k), "device profile: unknown key '%s'", key);
      else ok = set_field(c, path, &fields[i], v, p);
    }
  }
  yaml_document_delete(&doc);
  return ok;
}

bool sm_device_profile_load(SmContext *c, const char *what, SmDeviceProfile *p) {
  sm_device_profile_default(p);
  size_t n = strlen(what);
  bool is_file = strchr(what, '/') || (n > 5 && !strcmp(what + n - 5, ".yaml"));
  char path[4096];
  FILE *in = NULL;
  if (is_file) {
    snprintf(path, sizeof path, "%s", what);
    in = fopen(path, "rb");
  } else {
    /* Shipped profiles: next to the sources (build tree), then installed. */
    for (int i = 0; i < 2 && !in; i++) {
      const char *dir = i ? SM_PROFILE_INSTALL_DIR : SM_PROFILE_SOURCE_DIR;
      if (!*dir) continue;
      snprintf(path, sizeof path, "%s/%s.yaml", dir, what);
      in = fopen(path, "rb");
    }
  }
  if (!in)
    return sm_emit_error(c, sm_loc_unknown(c),
                         "device profile '%s' not found (a shipped name such as pocl-cpu, nvidia-h100, adreno-740, "
                         "mali-g57, or a .yaml file)",
                         what);
  const char *interned = sm_intern_cstr(c, path);
  bool ok = load_file(c, interned, in, p);
  fclose(in);
  return ok;
}

void sm_device_profile_write(const SmDeviceProfile *p, FILE *out) {
  for (size_t i = 0; i < NFIELDS; i++) {
    const void *src = (const char *)p + fields[i].offset;
    fprintf(out, "%s: ", fields[i].key);
    switch (fields[i].kind) {
    case K_STRING:
      fputc('"', out);
      for (const char *q = src; *q; q++) {
        if (*q == '"' || *q == '\\') fputc('\\', out);
        fputc((unsigned char)*q >= 0x20 ? *q : ' ', out);
      }
      fputs("\"\n", out);
      break;
    case K_BOOL: fprintf(out, "%s\n", *(const bool *)src ? "true" : "false"); break;
    case K_INT: fprintf(out, "%lld\n", (long long)*(const int64_t *)src); break;
    case K_REAL: fprintf(out, "%g\n", *(const double *)src); break;
    }
  }
}

/* A profile written out in full (it holds newlines, which no name or path
 * does): what smrun records for the device it runs on. */
static bool load_inline(SmContext *c, const char *text, size_t len, SmDeviceProfile *p) {
  sm_device_profile_default(p);
  FILE *in = fmemopen((void *)text, len, "rb");
  if (!in) return sm_emit_error(c, sm_loc_unknown(c), "out of memory reading a device profile");
  bool ok = load_file(c, "<smartmem.device_profile>", in, p);
  fclose(in);
  return ok;
}

bool sm_device_profile_for(SmOp *module, const char *option, SmDeviceProfile *p) {
  SmContext *c = sm_op_context(module);
  if (option && *option) return sm_device_profile_load(c, option, p);
  SmAttr *a = sm_op_get_attr(module, "smartmem.device_profile");
  if (a && a->kind == SM_ATTR_STRING && memchr(a->string.data, '\n', a->string.len))
    return load_inline(c, a->string.data, a->string.len, p);
  if (a && a->kind == SM_ATTR_STRING) return sm_device_profile_load(c, a->string.data, p);
  sm_device_profile_default(p);
  return true;
}

bool sm_device_profile_attach(SmOp *module, const char *what) {
  SmContext *c = sm_op_context(module);
  SmDeviceProfile p;
  if (!sm_device_profile_load(c, what, &p)) return false;
  sm_op_set_attr(module, "smartmem.device_profile", sm_attr_string(c, what, strlen(what)));
  return true;
}

bool sm_device_profile_attach_inline(SmOp *module, const SmDeviceProfile *p) {
  SmContext *c = sm_op_context(module);
  char *text = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&text, &len);
  if (!out) return sm_emit_error(c, sm_loc_unknown(c), "out of memory writing a device profile");
  sm_device_profile_write(p, out);
  fclose(out);
  if (!text) return sm_emit_error(c, sm_loc_unknown(c), "out of memory writing a device profile");
  sm_op_set_attr(module, "smartmem.device_profile", sm_attr_string(c, text, len));
  free(text);
  return true;
}
