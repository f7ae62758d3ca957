/* The tuning cache (YAML, libyaml) and its application; see tuning.h.
 *
 *   # smartmem tuning cache (smrun --tune)
 *   version: 1
 *   entries:
 *     - device: "pthread-skylake-avx512-AMD EPYC / 3.1+debian"
 *       kernel: "9f3c0a1b2c3d4e5f"
 *       kind: "matmul_add"
 *       tile: [1, 4, 4, 1]
 *       unroll: 2
 *       ms: 0.1234
 */
#ifndef CL_TARGET_OPENCL_VERSION
#define CL_TARGET_OPENCL_VERSION 120
#endif
#include "backend/opencl/tuning.h"
#include "dialects/layout/layout.h"
#include "passes/smartmem/smartmem.h"

#include <CL/cl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static uint64_t fnv(uint64_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

uint64_t sm_tuning_signature(SmOp *g) {
  SmStrBuf b = {0};
  sm_strbuf_printf(&b, "%s ", g->name);
  if (g->props) sm_attr_print(g->props, &b);
  for (unsigned i = 0; i < g->num_operands; i++) {
    sm_strbuf_puts(&b, " ");
    sm_type_print(g->operands[i].value->type, &b);
  }
  for (unsigned i = 0; i < g->num_results; i++) {
    sm_strbuf_puts(&b, " -> ");
    sm_type_print(g->results[i].type, &b);
  }
  for (unsigned r = 0; r < g->num_regions; r++)
    for (SmBlock *blk = g->regions[r].first; blk; blk = blk->next) {
      sm_strbuf_printf(&b, " ^%u", blk->num_args);
      for (SmOp *o = blk->first; o; o = o->next) {
        sm_strbuf_printf(&b, " %s", o->name);
        if (o->props) sm_attr_print(o->props, &b);
        for (unsigned i = 0; i < o->num_operands; i++) {
          SmValue *v = o->operands[i].value;
          /* Operands by position: block argument number or defining op's distance. */
          if (v->kind == SM_VALUE_BLOCK_ARG) sm_strbuf_printf(&b, " a%u", v->index);
          else {
            unsigned d = 0;
            for (SmOp *p = o->prev; p && p != sm_value_defining_op(v); p = p->prev) d++;
            sm_strbuf_printf(&b, " r%u.%u", d, v->index);
          }
        }
      }
    }
  uint64_t h = fnv(14695981039346656037ull, b.data ? b.data : "", b.len);
  sm_strbuf_free(&b);
  return h;
}

bool sm_tuning_cache_path(char *buf, size_t n) {
  const char *env = getenv("SMARTMEM_TUNING_CACHE"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  int w;
  if (env && *env) w = snprintf(buf, n, "%s", env);
  else if (xdg && *xdg) w = snprintf(buf, n, "%s/smartmem/tuning.yaml", xdg);
  else if (home && *home) w = snprintf(buf, n, "%s/.cache/smartmem/tuning.yaml", home);
  else return false;
  return w > 0 && (size_t)w < n;
}

bool sm_tuning_cache_put(SmTuningCache *c, const SmTuningEntry *e) {
  for (unsigned i = 0; i < c->count; i++)
    if (c->entries[i].kernel == e->kernel && !strcmp(c->entries[i].device, e->device)) {
      c->entries[i] = *e;
      return true;
    }
  if (c->count == c->cap) {
    unsigned nc = c->cap ? 2 * c->cap : 16;
    SmTuningEntry *ne = realloc(c->entries, nc * sizeof *ne);
    if (!ne) return false;
    c->entries = ne;
    c->cap = nc;
  }
  c->entries[c->count++] = *e;
  return true;
}

const SmTuningEntry *sm_tuning_cache_find(const SmTuningCache *c, const char *device, uint64_t kernel) {
  for (unsigned i = 0; i < c->count; i++)
    if (c->entries[i].kernel == kernel && !strcmp(c->entries[i].device, device)) return &c->entries[i];
  return NULL;
}

void sm_tuning_cache_free(SmTuningCache *c) {
  free(c->entries);
  memset(c, 0, sizeof *c);
}

/* ---- reading: a small state machine over libyaml events ---------------------- */

static bool bad(SmContext *ctx, const char *path, const yaml_event_t *ev, const char *what) {
  return sm_emit_error(ctx, sm_loc_file(ctx, path, (unsigned)ev->start_mark.line + 1, (unsigned)ev->start_mark.column + 1),
                       "tuning cache: %s", what);
}

bool sm_tuning_cache_load(SmContext *ctx, const char *path, SmTuningCache *c) {
  memset(c, 0, sizeof *c);
  FILE *f = fopen(path, "rb");
  if (!f) return true;
  yaml_parser_t p;
  yaml_parser_initialize(&p);
  yaml_parser_set_input_file(&p, f);
  /* depth: 1 top mapping, 2 entries sequence, 3 entry mapping, 4 tile sequence */
  int depth = 0;
  bool ok = true, done = false, in_entries = false;
  char key[32] = "";
  SmTuningEntry e;
  memset(&e, 0, sizeof e);
  bool have_kernel = false;
  while (ok && !done) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&p, &ev)) {
      ok = sm_emit_error(ctx, sm_loc_file(ctx, path, (unsigned)p.problem_mark.line + 1, (unsigned)p.problem_mark.column + 1),
                         "tuning cache: %s", p.problem ? p.problem : "malformed YAML");
      break;
    }
    switch (ev.type) {
    case YAML_STREAM_END_EVENT: done = true; break;
    case YAML_MAPPING_START_EVENT:
      depth++;
      if (depth == 3) {
        memset(&e, 0, sizeof e);
        e.unroll = 1;
        have_kernel = false;
      }
      if (depth != 1 && depth != 3) ok = bad(ctx, path, &ev, "unexpected mapping");
      key[0] = 0;
      break;
    case YAML_MAPPING_END_EVENT:
      if (depth == 3) {
        if (!have_kernel || !e.device[0]) ok = bad(ctx, path, &ev, "an entry needs 'device' and 'kernel'");
        else if (!sm_tuning_cache_put(c, &e)) ok = sm_emit_error(ctx, sm_loc_unknown(ctx), "out of memory");
      }
      depth--;
      key[0] = 0;
      break;
    case YAML_SEQUENCE_START_EVENT:
      depth++;
      if (!((depth == 2 && in_entries) || (depth == 4 && !strcmp(key, "tile")))) ok = bad(ctx, path, &ev, "unexpected sequence");
      break;
    case YAML_SEQUENCE_END_EVENT:
      depth--;
      if (depth == 1) in_entries = false;
      key[0] = 0;
      break;
    case YAML_SCALAR_EVENT: {
      const char *v = (const char *)ev.data.scalar.value;
      if (depth == 4) {
        char *end;
        long long t = strtoll(v, &end, 10);
        if (*end || t < 1 || e.ntile >= 16) ok = bad(ctx, path, &ev, "'tile' holds positive integers (at most 16)");
        else e.tile[e.ntile++] = t;
      } else if (!key[0]) {
        snprintf(key, sizeof key, "%s", v);
        if (depth == 1 && !strcmp(key, "entries")) in_entries = true;
      } else {
        char *end = NULL;
        if (depth == 1) {
          if (!strcmp(key, "version") && strcmp(v, "1")) ok = bad(ctx, path, &ev, "unsupported version (expected 1)");
        } else if (!strcmp(key, "device")) snprintf(e.device, sizeof e.device, "%s", v);
        else if (!strcmp(key, "kind")) snprintf(e.kind, sizeof e.kind, "%s", v);
        else if (!strcmp(key, "kernel")) {
          e.kernel = strtoull(v, &end, 16);
          have_kernel = *v && !*end;
          if (!have_kernel) ok = bad(ctx, path, &ev, "'kernel' must be a hexadecimal signature");
        } else if (!strcmp(key, "unroll")) {
          e.unroll = strtoll(v, &end, 10);
          if (*end || e.unroll < 1) ok = bad(ctx, path, &ev, "'unroll' must be a positive integer");
        } else if (!strcmp(key, "ms")) {
          e.ms = strtod(v, &end);
          if (*end) ok = bad(ctx, path, &ev, "'ms' must be a number");
        } else ok = bad(ctx, path, &ev, "unknown key");
        key[0] = 0;
      }
      break;
    }
    default: break;
    }
    yaml_event_delete(&ev);
  }
  yaml_parser_delete(&p);
  fclose(f);
  if (!ok) sm_tuning_cache_free(c);
  return ok;
}

/* ---- writing ------------------------------------------------------------------ */

static int emit_scalar(yaml_emitter_t *em, const char *s, bool quoted) {
  yaml_event_t ev;
  yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), !quoted, quoted,
                               quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE);
  return yaml_emitter_emit(em, &ev);
}

static int emit_ev(yaml_emitter_t *em, yaml_event_t *ev) { return yaml_emitter_emit(em, ev); }

bool sm_tuning_cache_save(SmContext *ctx, const char *path, const SmTuningCache *c) {
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
  /* Create the directory of path (mkdir -p). */
  char dir[4096];
  snprintf(dir, sizeof dir, "%s", path);
  char *slash = strrchr(dir, '/');
  if (slash && slash != dir) {
    *slash = 0;
    char cmd[4200];
    for (char *s = dir + 1; *s; s++)
      if (*s == '/') {
        *s = 0;
        snprintf(cmd, sizeof cmd, "%s", dir);
        (void)!mkdir(cmd, 0755);
        *s = '/';
      }
    (void)!mkdir(dir, 0755);
  }
  FILE *f = fopen(tmp, "wb");
  if (!f) return sm_emit_error(ctx, sm_loc_unknown(ctx), "tuning cache: cannot write '%s'", tmp);
  fputs("# smartmem tuning cache, written by smrun --tune (docs/opencl-backend.md)\n", f);
  yaml_emitter_t em;
  yaml_emitter_initialize(&em);
  yaml_emitter_set_output_file(&em, f);
  yaml_event_t ev;
  bool ok = true;
  yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
  ok = ok && emit_ev(&em, &ev);
  yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
  ok = ok && emit_ev(&em, &ev);
  yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
  ok = ok && emit_ev(&em, &ev) && emit_scalar(&em, "version", false) && emit_scalar(&em, "1", false) &&
       emit_scalar(&em, "entries", false);
  yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
  ok = ok && emit_ev(&em, &ev);
  for (unsigned i = 0; ok && i < c->count; i++) {
    const SmTuningEntry *e = &c->entries[i];
    char buf[64];
    yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
    ok = ok && emit_ev(&em, &ev) && emit_scalar(&em, "device", false) && emit_scalar(&em, e->device, true);
    snprintf(buf, sizeof buf, "%016llx", (unsigned long long)e->kernel);
    ok = ok && emit_scalar(&em, "kernel", false) && emit_scalar(&em, buf, true);
    ok = ok && emit_scalar(&em, "kind", false) && emit_scalar(&em, e->kind, true);
    ok = ok && emit_scalar(&em, "tile", false);
    yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE);
    ok = ok && emit_ev(&em, &ev);
    for (unsigned t = 0; ok && t < e->ntile; t++) {
      snprintf(buf, sizeof buf, "%lld", (long long)e->tile[t]);
      ok = emit_scalar(&em, buf, false);
    }
    yaml_sequence_end_event_initialize(&ev);
    ok = ok && emit_ev(&em, &ev);
    snprintf(buf, sizeof buf, "%lld", (long long)e->unroll);
    ok = ok && emit_scalar(&em, "unroll", false) && emit_scalar(&em, buf, false);
    snprintf(buf, sizeof buf, "%.4f", e->ms);
    ok = ok && emit_scalar(&em, "ms", false) && emit_scalar(&em, buf, false);
    yaml_mapping_end_event_initialize(&ev);
    ok = ok && emit_ev(&em, &ev);
  }
  yaml_sequence_end_event_initialize(&ev);
  ok = ok && emit_ev(&em, &ev);
  yaml_mapping_end_event_initialize(&ev);
  ok = ok && emit_ev(&em, &ev);
  yaml_document_end_event_initialize(&ev, 1);
  ok = ok && emit_ev(&em, &ev);
  yaml_stream_end_event_initialize(&ev);
  ok = ok && emit_ev(&em, &ev);
  yaml_emitter_delete(&em);
  ok = fclose(f) == 0 && ok;
  if (ok) ok = rename(tmp, path) == 0;
  if (!ok) {
    remove(tmp);
    return sm_emit_error(ctx, sm_loc_unknown(ctx), "tuning cache: cannot write '%s'", path);
  }
  return true;
}

/* ---- application ---------------------------------------------------------- */

typedef struct Apply {
  const SmTuningCache *c;
  const char *device;
  unsigned n;
} Apply;

static SmWalkResult apply_one(SmOp *op, void *user) {
  Apply *a = user;
  if (!sm_op_name_is(op, "layout.generic") || sm_op_get_attr(op, "kernel.schedule")) return SM_WALK_ADVANCE;
  const SmTuningEntry *e = sm_tuning_cache_find(a->c, a->device, sm_tuning_signature(op));
  const int64_t *dom;
  unsigned nd = sm_layout_generic_domain(op, &dom);
  if (!e || e->ntile != nd) return SM_WALK_ADVANCE;
  SmContext *ctx = sm_op_context(op);
  SmNamedAttr kv[2] = {{sm_intern_cstr(ctx, "tile"), sm_attr_dense_array_i64(ctx, nd, e->tile)},
                       {sm_intern_cstr(ctx, "unroll"), sm_attr_integer(ctx, sm_type_integer(ctx, 64, SM_SIGNLESS), e->unroll)}};
  sm_op_set_attr(op, "kernel.schedule", sm_attr_dict(ctx, 2, kv));
  a->n++;
  return SM_WALK_ADVANCE;
}

unsigned sm_tuning_apply(SmOp *module, const SmTuningCache *c, const char *device) {
  Apply a = {c, device, 0};
  if (c->count) sm_op_walk(module, SM_WALK_PRE, apply_one, &a);
  return a.n;
}

bool sm_tuning_device_key(int platform, int device, char *buf, size_t n) {
  cl_uint np = 0;
  if (clGetPlatformIDs(0, NULL, &np) != CL_SUCCESS || platform < 0 || (cl_uint)platform >= np || np > 64) return false;
  cl_platform_id pfs[64];
  clGetPlatformIDs(np, pfs, NULL);
  cl_uint nd = 0;
  cl_device_id devs[64];
  if (clGetDeviceIDs(pfs[platform], CL_DEVICE_TYPE_ALL, 64, devs, &nd) != CL_SUCCESS || device < 0 || (cl_uint)device >= nd)
    return false;
  char name[200] = "", drv[50] = "";
  clGetDeviceInfo(devs[device], CL_DEVICE_NAME, sizeof name, name, NULL);
  clGetDeviceInfo(devs[device], CL_DRIVER_VERSION, sizeof drv, drv, NULL);
  snprintf(buf, n, "%s / %s", name, drv);
  return true;
}

bool sm_tuning_key_mode(SmOp *module, char *buf, size_t n) {
  bool blocked = false;
  if (!sm_kernel_fastest_blocked(module, &blocked)) return false;
  size_t l = strlen(buf);
  if (blocked && l + 10 < n) memcpy(buf + l, " (blocked)", 11);
  return true;
}
