/* ONNX ModelProto -> graph dialect, with constant propagation. */
#include "frontends/frontend_module.h"
#include "frontends/onnx/onnx_import.h"

#include "backend/interp/interp.h"
#include "dialects/graph/graph.h"
#include "frontends/onnx/onnx_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_IO 64
#define GRAPH_RANK 8 /* the graph dialect's largest rank */
/* Constants up to this many elements are written inline as dense<...>. */
#define INLINE_LIMIT 16

/* One ONNX value: an IR value, a known constant, or both. */
typedef struct Val {
  const char *name; /* interned */
  SmType *type;
  SmValue *v;   /* materialised IR value, or NULL */
  bool is_const;
  bool c_shared; /* c.data belongs to the context (a resource blob) */
  SmTensor c;   /* data when is_const */
} Val;

typedef struct Imp {
  SmContext *ctx;
  const char *path;
  char *base_dir;
  SmOnnxExtCache cache;
  SmOnnxArena arena; /* owns the unpacked ModelProto */
  SmLoc *file_loc;
  SmPtrMap vals; /* interned name -> Val* */
  Val **all;
  size_t nall, capall;
  SmBlock *body;
  SmBuilder b;
  int64_t opset;
  const Onnx__NodeProto *node; /* node being imported, for messages */
  SmPtrMap res_names;          /* interned resource names in use */
  SmPtrMap handler_of;         /* interned ONNX op type -> const Handler * */
  SmPtrMap kernel_of;          /* interned graph op name -> KERNEL_YES / KERNEL_NO */
  unsigned anon;
  int64_t const_bytes; /* constants defined so far, against SM_LIMIT_WEIGHT_BYTES */
} Imp;

static bool err(Imp *im, const char *fmt, ...) SM_PRINTF(2, 3);
static bool err(Imp *im, const char *fmt, ...) {
  char msg[768], full[1024], safe[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (im->node)
    snprintf(full, sizeof full, "node '%s' (%s): %s",
             im->node->name && *im->node->name ? im->node->name : "<unnamed>",
             im->node->op_type ? im->node->op_type : "?", msg);
  else
    snprintf(full, sizeof full, "%s", msg);
  /* Names come from the file: never echo terminal escape sequences. */
  sm_frontend_escape(full, safe, sizeof safe);
  return sm_emit_error(im->ctx, im->file_loc, "%s", safe);
}

/* ---- Values ------------------------------------------------------------- */

static Val *new_val(Imp *im, const char *name) {
  Val *v = calloc(1, sizeof *v);
  if (!v) return NULL;
  if (im->nall == im->capall) {
    size_t nc = im->capall ? im->capall * 2 : 256;
    Val **na = realloc(im->all, nc * sizeof *na);
    if (!na) {
      free(v);
      return NULL;
    }
    im->all = na;
    im->capall = nc;
  }
  im->all[im->nall++] = v;
  v->name = sm_intern_cstr(im->ctx, name);
  sm_ptrmap_put(&im->vals, v->name, v);
  return v;
}

static Val *lookup(Imp *im, const char *name) {
  return sm_ptrmap_get(&im->vals, sm_intern_cstr(im->ctx, name));
}

/* Takes ownership of t. */
static Val *def_const(Imp *im, const char *name, SmTensor *t) {
  Val *v = new_val(im, name);
  if (!v) {
    sm_tensor_free(t);
    err(im, "out of memory");
    return NULL;
  }
  v->is_const = true;
  v->c = *t;
  v->type = sm_tensor_type(im->ctx, t);
  int64_t limit = sm_limit_get(SM_LIMIT_WEIGHT_BYTES);
  if (!sm_checked_add(im->const_bytes, (int64_t)sm_tensor_nbytes(t), &im->const_bytes) ||
      im->const_bytes > limit) {
    err(im, "constants exceed the limit %s=%lld bytes", sm_limit_name(SM_LIMIT_WEIGHT_BYTES),
        (long long)limit);
    return NULL;
  }
  return v;
}

static Val *def_value(Imp *im, const char *name, SmValue *value) {
  Val *v = new_val(im, name);
  if (!v) {
    err(im, "out of memory");
    return NULL;
  }
  v->v = value;
  v->type = value->type;
  return v;
}

/* A resource key MLIR accepts as a bare identifier, unique in the module. */
static const char *resource_name(Imp *im, const char *base) {
  char buf[160];
  size_t n = 0;
  if (!base || !*base || !((base[0] >= 'a' && base[0] <= 'z') || (base[0] >= 'A' && base[0] <= 'Z') || base[0] == '_'))
    buf[n++] = 'w', buf[n++] = '_';
  for (const char *p = base ? base : ""; *p && n < 120; p++) {
    char ch = *p;
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.';
    buf[n++] = ok ? ch : '_';
  }
  buf[n] = 0;
  const char *name = sm_intern_cstr(im->ctx, buf);
  for (unsigned k = 1; sm_ptrmap_contains(&im->res_names, name); k++) {
    snprintf(buf + n, sizeof buf - n, "_%u", k);
    name = sm_intern_cstr(im->ctx, buf);
  }
  sm_ptrmap_put(&im->res_names, name, (void *)name);
  return name;
}

/* The IR value of v, creating its graph.constant on first use. */
static SmValue *materialize(Imp *im, Val *v) {
  if (v->v) return v->v;
  SmType *type = sm_tensor_type(im->ctx, &v->c);
  SmAttr *value;
  if (sm_tensor_numel(&v->c) <= INLINE_LIMIT) {
    value = sm_attr_dense(im->ctx, type, false, v->c.data, sm_tensor_nbytes(&v->c));
  } else {
    const char *key = resource_name(im, v->name);
    /* The blob is the constant's own buffer; later folds still read it. */
    sm_context_take_resource(im->ctx, key, v->c.data, sm_tensor_nbytes(&v->c),
                             (uint32_t)sm_dtype_size(v->c.dtype));
    v->c_shared = true;
    value = sm_attr_dense_resource(im->ctx, key, type);
  }
  SmOpState st;
  SmLoc *loc = sm_loc_name(im->ctx, v->name, im->file_loc);
  sm_op_state_init(&st, im->ctx, sm_intern_cstr(im->ctx, "graph.constant"), loc);
  sm_op_state_add_prop(&st, sm_intern_cstr(im->ctx, "value"), value);
  sm_op_state_add_result(&st, type);
  SmOp *op = sm_builder_create(&im->b, &st);
  sm_op_state_release(&st);
  v->v = sm_op_result(op, 0);
  return v->v;
}

/* ---- Node attributes and inputs ----------------------------------------- */

static const Onnx__AttributeProto *attr(const Onnx__NodeProto *n, const char *name) {
  for (size_t i = 0; i < n->n_attribute; i++)
    if (n->attribute[i]->name && strcmp(n->attribute[i]->name, name) == 0) return n->attribute[i];
  return NULL;
}

static int64_t attr_int(Imp *im, const char *name, int64_t dflt) {
  const Onnx__AttributeProto *a = attr(im->node, name);
  return a && a->has_i ? a->i : dflt;
}

static double attr_float(Imp *im, const char *name, double dflt) {
  const Onnx__AttributeProto *a = attr(im->node, name);
  return a && a->has_f ? a->f : dflt;
}

static const char *attr_str(Imp *im, const char *name, const char *dflt) {
  const Onnx__AttributeProto *a = attr(im->node, name);
  if (!a || !a->has_s) return dflt;
  return sm_intern(im->ctx, (const char *)a->s.data, a->s.len);
}

/* -1 when absent. */
static int attr_ints(Imp *im, const char *name, int64_t *out, unsigned max) {
  const Onnx__AttributeProto *a = attr(im->node, name);
  if (!a || (a->n_ints == 0 && a->type != ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS)) return -1;
  for (size_t i = 0; i < a->n_ints && i < max; i++) out[i] = a->ints[i];
  return (int)a->n_ints;
}

static unsigned num_inputs(Imp *im) {
  unsigned n = (unsigned)im->node->n_input;
  while (n > 0 && !*im->node->input[n - 1]) n--;
  return n;
}

/* Input i, NULL when absent (optional) or undefined (diagnosed). */
static Val *input(Imp *im, unsigned i, bool *ok) {
  if (i >= im->node->n_input || !*im->node->input[i]) return NULL;
  Val *v = lookup(im, im->node->input[i]);
  if (!v) {
    *ok = err(im, "input '%s' is not defined before use", im->node->input[i]);
    return NULL;
  }
  return v;
}

/* Integer contents of constant input i; -1 when absent, -2 on error. */
static int const_ints(Imp *im, unsigned i, int64_t *out, unsigned max, const char *what) {
  bool ok = true;
  Val *v = input(im, i, &ok);
  if (!ok) return -2;
  if (!v) return -1;
  if (!v->is_const) {
    err(im, "%s (input #%u) must be a constant: dynamic shapes are not supported", what, i);
    return -2;
  }
  int64_t n = sm_tensor_numel(&v->c);
  if (n > (int64_t)max) {
    err(im, "%s has too many entries (%lld)", what, (long long)n);
    return -2;
  }
  for (int64_t j = 0; j < n; j++) out[j] = sm_tensor_get_i64(&v->c, j);
  return (int)n;
}

static int const_floats(Imp *im, unsigned i, double *out, unsigned max, const char *what) {
  bool ok = true;
  Val *v = input(im, i, &ok);
  if (!ok) return -2;
  if (!v) return -1;
  if (!v->is_const) {
    err(im, "%s (input #%u) must be a constant", what, i);
    return -2;
  }
  int64_t n = sm_tensor_numel(&v->c);
  if (n > (int64_t)max) {
    err(im, "%s has too many entries", what);
    return -2;
  }
  for (int64_t j = 0; j < n; j++) out[j] = sm_tensor_get_f64(&v->c, j);
  return (int)n;
}

/* ---- Emitting ops -------------------------------------------------------- */

typedef struct Props {
  SmNamedAttr e[16];
  unsigned n;
} Props;

static void p_add(Imp *im, Props *p, const char *name, SmAttr *a) {
  if (p->n < 16 && a) p->e[p->n++] = (SmNamedAttr){sm_intern_cstr(im->ctx, name), a};
}
static void p_int(Imp *im, Props *p, const char *name, int64_t v) {
  p_add(im, p, name, sm_attr_integer(im->ctx, sm_type_integer(im->ctx, 64, SM_SIGNLESS), v));
}
static void p_float(Imp *im, Props *p, const char *name, double v) {
  p_add(im, p, name, sm_attr_float(im->ctx, sm_type_f32(im->ctx), v));
}
static void p_ints(Imp *im, Props *p, const char *name, const int64_t *v, unsigned n) {
  p_add(im, p, name, sm_attr_dense_array_i64(im->ctx, n, v));
}
static void p_str(Imp *im, Props *p, const char *name, const char *s) {
  p_add(im, p, name, sm_attr_string(im->ctx, s, strlen(s)));
}

/* sm_interp_has_kernel, remembered per op name (it scans the kernel tables). */
static char KERNEL_YES, KERNEL_NO;
static bool has_kernel(Imp *im, const char *name) {
  const char *key = sm_intern_cstr(im->ctx, name);
  void *known = sm_ptrmap_get(&im->kernel_of, key);
  if (!known) {
    known = sm_interp_has_kernel(name) ? &KERNEL_YES : &KERNEL_NO;
    sm_ptrmap_put(&im->kernel_of, key, known);
  }
  return known == &KERNEL_YES;
}

/* A node's location: its name (or, unnamed, its first output's, which the
 * node check requires) inside the model file, so that an error found later
 * (a pass, the plan check) names both: "model.onnx: error: loc("n"): ...". */
static SmLoc *node_loc(Imp *im) {
  const char *n = im->node->name;
  if ((!n || !*n) && im->node->n_output) n = im->node->output[0];
  return sm_loc_name(im->ctx, sm_intern_cstr(im->ctx, n ? n : ""), im->file_loc);
}

/* Creates graph op `name` on the given inputs, binding node outputs
 * [0, nout). Folds when every input is constant. */
static bool emit(Imp *im, const char *name, Props *p, Val **ins, unsigned nin, unsigned nout) {
  SmContext *ctx = im->ctx;
  SmAttr *props = p && p->n ? sm_attr_dict(ctx, p->n, p->e) : NULL;
  SmType *in_types[MAX_IO], *out_types[MAX_IO];
  unsigned nres = 0;
  if (nin > MAX_IO) return err(im, "too many inputs");
  for (unsigned i = 0; i < nin; i++) in_types[i] = ins[i]->type;
  SmLoc *loc = node_loc(im);
  unsigned errors = sm_context_error_count(ctx);
  if (!sm_graph_infer(ctx, im->file_loc, name, props, nin, in_types, MAX_IO, out_types, &nres)) {
    if (sm_context_error_count(ctx) == errors) err(im, "invalid operands");
    return err(im, "cannot infer the result types");
  }
  if (nout > nres) return err(im, "output #%u is not supported", nres);
  for (unsigned i = 0; i < nres; i++)
    if (!out_types[i]) return err(im, "result shape depends on runtime values: not supported");
  bool all_const = true;
  for (unsigned i = 0; i < nin; i++) all_const &= ins[i]->is_const;
  if (all_const && has_kernel(im, name)) {
    const SmTensor *tin[MAX_IO];
    SmTensor tout[MAX_IO];
    for (unsigned i = 0; i < nin; i++) tin[i] = &ins[i]->c;
    unsigned made = 0;
    for (; made < nres; made++)
      if (!sm_tensor_alloc_for_type(&tout[made], out_types[made])) break;
    /* The fast folds have no properties: a cast that rounds to f16/bf16 takes the kernel. */
    bool fast = !sm_graph_cast_rounds_to(props) && sm_onnx_fold_fast(name, nin, tin, nres, tout);
    bool ok = made == nres && (fast ||
                               sm_interp_eval(ctx, im->file_loc, name, props, nin, tin, nres, tout));
    if (!ok) {
      for (unsigned i = 0; i < made; i++) sm_tensor_free(&tout[i]);
      return err(im, "constant folding failed");
    }
    for (unsigned i = 0; i < nres; i++) {
      if (i < nout && i < im->node->n_output && *im->node->output[i]) {
        if (!def_const(im, im->node->output[i], &tout[i])) {
          for (unsigned j = i + 1; j < nres; j++) sm_tensor_free(&tout[j]);
          return false;
        }
      } else {
        sm_tensor_free(&tout[i]);
      }
    }
    return true;
  }
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, name), loc);
  for (unsigned i = 0; i < nin; i++) sm_op_state_add_operand(&st, materialize(im, ins[i]));
  sm_op_state_add_results(&st, out_types, nres);
  for (unsigned i = 0; p && i < p->n; i++) sm_op_state_add_prop(&st, p->e[i].name, p->e[i].value);
  SmOp *op = sm_builder_create(&im->b, &st);
  sm_op_state_release(&st);
  for (unsigned i = 0; i < nout && i < im->node->n_output; i++)
    if (*im->node->output[i] && !def_value(im, im->node->output[i], sm_op_result(op, i))) return false;
  return true;
}

/* All present inputs in order (absent optional inputs must be trailing). */
static bool gather_inputs(Imp *im, unsigned max, Val **ins, unsigned *nin) {
  unsigned n = num_inputs(im);
  if (n > max) return err(im, "expects at most %u inputs, got %u", max, n);
  for (unsigned i = 0; i < n; i++) {
    bool ok = true;
    ins[i] = input(im, i, &ok);
    if (!ok) return false;
    if (!ins[i]) return err(im, "optional input #%u omitted before a present one: not supported", i);
  }
  *nin = n;
  return true;
}

static void snake_case(const char *onnx, char *out, size_t cap) {
  /* Names whose capitalisation does not follow the word rule. */
  static const char *const special[][2] = {
      {"MatMul", "graph.matmul"}, {"IsNaN", "graph.is_nan"}, {"IsInf", "graph.is_inf"}};
  for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
    if (strcmp(onnx, special[i][0]) == 0) {
      snprintf(out, cap, "%s", special[i][1]);
      return;
    }
  size_t n = 0;
  n += (size_t)snprintf(out, cap, "graph.");
  for (const char *p = onnx; *p && n + 2 < cap; p++) {
    bool upper = *p >= 'A' && *p <= 'Z';
    if (upper && p != onnx && !(p[-1] >= 'A' && p[-1] <= 'Z')) out[n++] = '_';
    else if (upper && p != onnx && p[1] && p[1] >= 'a' && p[1] <= 'z' && p[-1] >= 'A' && p[-1] <= 'Z')
      out[n++] = '_';
    out[n++] = upper ? (char)(*p - 'A' + 'a') : *p;
  }
  out[n] = 0;
}

/* Copies the node's attributes that the graph op lists as properties. */
static void copy_attrs(Imp *im, const char *gname, Props *p) {
  const SmOpDef *def = sm_context_lookup_op(im->ctx, gname, strlen(gname));
  for (size_t i = 0; i < im->node->n_attribute; i++) {
    const Onnx__AttributeProto *a = im->node->attribute[i];
    bool listed = false;
    for (const char *const *pn = def ? def->props : NULL; pn && *pn; pn++)
      if (a->name && strcmp(*pn, a->name) == 0) listed = true;
    if (!listed) continue;
    switch (a->type) {
    case ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT: p_int(im, p, a->name, a->i); break;
    case ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOAT: p_float(im, p, a->name, a->f); break;
    case ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__STRING:
      p_add(im, p, a->name, sm_attr_string(im->ctx, (const char *)a->s.data, a->s.len));
      break;
    case ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS:
      p_ints(im, p, a->name, a->ints, (unsigned)a->n_ints);
      break;
    default: break;
    }
  }
}

/* Ops whose attributes map directly onto properties and whose inputs are
 * all data. */
static bool h_generic(Imp *im) {
  char gname[64];
  snake_case(im->node->op_type, gname, sizeof gname);
  Props p = {0};
  copy_attrs(im, gname, &p);
  Val *ins[MAX_IO];
  unsigned nin;
  if (!gather_inputs(im, MAX_IO, ins, &nin)) return false;
  return emit(im, gname, &p, ins, nin, (unsigned)im->node->n_output);
}

static bool h_alias(Imp *im) {
  bool ok = true;
  Val *v = input(im, 0, &ok);
  if (!v) return ok ? err(im, "missing input") : false;
  if (im->node->n_output < 1 || !*im->node->output[0]) return true;
  Val *o = new_val(im, im->node->output[0]);
  if (!o) return err(im, "out of memory");
  o->type = v->type;
  o->v = v->v;
  if (v->is_const && !sm_tensor_copy(&o->c, &v->c)) return err(im, "out of memory");
  o->is_const = v->is_const;
  if (o->is_const && !o->v) {
    /* Share the materialised constant lazily: materialise through the source. */
    o->v = NULL;
  }
  return true;
}

static bool h_constant(Imp *im) {
  SmTensor t;
  const Onnx__AttributeProto *a;
  char e[256];
  if ((a = attr(im->node, "value")) && a->t) {
    if (!sm_onnx_tensor_take(a->t, &im->arena, im->base_dir, &im->cache, &t, e, sizeof e)) return err(im, "%s", e);
  } else if ((a = attr(im->node, "value_float")) && a->has_f) {
    if (!sm_tensor_alloc(&t, SM_DT_F32, 0, NULL)) return err(im, "out of memory");
    ((float *)t.data)[0] = a->f;
  } else if ((a = attr(im->node, "value_int")) && a->has_i) {
    if (!sm_tensor_alloc(&t, SM_DT_I64, 0, NULL)) return err(im, "out of memory");
    ((int64_t *)t.data)[0] = a->i;
  } else if ((a = attr(im->node, "value_ints"))) {
    int64_t d = (int64_t)a->n_ints;
    if (!sm_tensor_alloc(&t, SM_DT_I64, 1, &d)) return err(im, "out of memory");
    for (size_t i = 0; i < a->n_ints; i++) ((int64_t *)t.data)[i] = a->ints[i];
  } else if ((a = attr(im->node, "value_floats"))) {
    int64_t d = (int64_t)a->n_floats;
    if (!sm_tensor_alloc(&t, SM_DT_F32, 1, &d)) return err(im, "out of memory");
    for (size_t i = 0; i < a->n_floats; i++) ((float *)t.data)[i] = a->floats[i];
  } else {
    return err(im, "unsupported constant value kind");
  }
  return im->node->n_output < 1 || def_const(im, im->node->output[0], &t) != NULL;
}

static bool h_shape(Imp *im) {
  bool ok = true;
  Val *v = input(im, 0, &ok);
  if (!v) return ok ? err(im, "missing input") : false;
  Props p = {0};
  if (attr(im->node, "start")) p_int(im, &p, "start", attr_int(im, "start", 0));
  if (attr(im->node, "end")) p_int(im, &p, "end", attr_int(im, "end", 0));
  /* Static shapes: Shape is always a constant, whatever its input. */
  SmAttr *props = p.n ? sm_attr_dict(im->ctx, p.n, p.e) : NULL;
  SmType *out;
  unsigned nres;
  if (!sm_graph_infer(im->ctx, im->file_loc, "graph.shape", props, 1, &v->type, 1, &out, &nres))
    return err(im, "cannot infer the result type");
  SmTensor t, dummy;
  if (!sm_tensor_alloc_for_type(&t, out)) return err(im, "out of memory");
  /* The kernel reads only the input's shape. */
  memset(&dummy, 0, sizeof dummy);
  dummy.rank = v->type->shaped.rank;
  for (unsigned d = 0; d < dummy.rank; d++) dummy.dims[d] = v->type->shaped.dims[d];
  const SmTensor *tin[1] = {&dummy};
  if (!sm_interp_eval(im->ctx, im->file_loc, "graph.shape", props, 1, tin, 1, &t)) {
    sm_tensor_free(&t);
    return err(im, "evaluation failed");
  }
  return def_const(im, im->node->output[0], &t) != NULL;
}

static bool h_constant_of_shape(Imp *im) {
  int64_t dims[SM_TENSOR_MAX_RANK];
  int n = const_ints(im, 0, dims, SM_TENSOR_MAX_RANK, "shape");
  if (n < 0) return n == -1 ? err(im, "missing shape") : false;
  SmTensor t, val;
  const Onnx__AttributeProto *a = attr(im->node, "value");
  char e[256];
  if (a && a->t) {
    if (!sm_onnx_tensor_decode(a->t, im->base_dir, &im->cache, &val, e, sizeof e)) return err(im, "%s", e);
    if (sm_tensor_numel(&val) != 1) {
      sm_tensor_free(&val);
      return err(im, "value must have one element");
    }
  } else if (!sm_tensor_alloc(&val, SM_DT_F32, 0, NULL)) {
    return err(im, "out of memory");
  }
  if (!sm_tensor_numel_ok((unsigned)n, dims, NULL)) {
    sm_tensor_free(&val);
    return err(im, "shape has a negative dimension or more elements than the limit %s=%lld",
               sm_limit_name(SM_LIMIT_TENSOR_ELEMENTS), (long long)sm_limit_get(SM_LIMIT_TENSOR_ELEMENTS));
  }
  bool ok = sm_tensor_alloc(&t, val.dtype, (unsigned)n, dims);
  if (ok) {
    size_t esz = sm_dtype_size(val.dtype);
    for (int64_t i = 0; i < sm_tensor_numel(&t); i++) memcpy((char *)t.data + i * esz, val.data, esz);
  }
  sm_tensor_free(&val);
  if (!ok) return err(im, "out of memory");
  return def_const(im, im->node->output[0], &t) != NULL;
}

static bool h_range(Imp *im) {
  bool ok = true;
  Val *s = input(im, 0, &ok), *l = input(im, 1, &ok), *d = input(im, 2, &ok);
  if (!ok) return false;
  if (!s || !l || !d || !s->is_const || !l->is_const || !d->is_const)
    return err(im, "start, limit and delta must be constants: dynamic shapes are not supported");
  if (sm_tensor_numel(&s->c) != 1 || sm_tensor_numel(&l->c) != 1 || sm_tensor_numel(&d->c) != 1)
    return err(im, "start, limit and delta must each have exactly one element");
  if (s->c.dtype != l->c.dtype || s->c.dtype != d->c.dtype)
    return err(im, "start, limit and delta must have the same data type");
  double fs = sm_tensor_get_f64(&s->c, 0), fl = sm_tensor_get_f64(&l->c, 0), fd = sm_tensor_get_f64(&d->c, 0);
  if (!isfinite(fs) || !isfinite(fl) || !isfinite(fd)) return err(im, "start, limit and delta must be finite");
  if (fd == 0) return err(im, "delta is zero");
  double cnt = ceil((fl - fs) / fd);
  int64_t n = 0, limit = sm_limit_get(SM_LIMIT_TENSOR_ELEMENTS);
  if (cnt > (double)limit || !sm_checked_f64_to_i64(cnt > 0 ? cnt : 0, &n))
    return err(im, "range has more elements than the limit %s=%lld", sm_limit_name(SM_LIMIT_TENSOR_ELEMENTS),
               (long long)limit);
  SmTensor t;
  if (!sm_tensor_alloc(&t, s->c.dtype, 1, &n)) return err(im, "out of memory");
  const SmTensor *tin[3] = {&s->c, &l->c, &d->c};
  if (!sm_interp_eval(im->ctx, im->file_loc, "graph.range", NULL, 3, tin, 1, &t)) {
    sm_tensor_free(&t);
    return false;
  }
  return def_const(im, im->node->output[0], &t) != NULL;
}

static bool h_cast(Imp *im) {
  SmDType dt;
  int64_t to = attr_int(im, "to", 0);
  if (!sm_onnx_dtype((int32_t)to, &dt)) return err(im, "unsupported target data type %lld", (long long)to);
  Props p = {0};
  /* f16/bf16 tensors are held in f32, but a cast to either still rounds to it
   * (graph.cast's to = f16/bf16 gives an f32 result holding rounded values). */
  SmType *tt = to == ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT16    ? sm_type_f16(im->ctx)
               : to == ONNX__TENSOR_PROTO__DATA_TYPE__BFLOAT16 ? sm_type_bf16(im->ctx)
                                                               : sm_dtype_to_type(im->ctx, dt);
  p_add(im, &p, "to", sm_attr_type(im->ctx, tt));
  bool ok = true;
  Val *v = input(im, 0, &ok);
  if (!v) return ok ? err(im, "missing input") : false;
  return emit(im, "graph.cast", &p, &v, 1, 1);
}

static bool h_clip(Imp *im) {
  Props p = {0};
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (!x) return ok ? err(im, "missing input") : false;
  if (im->opset < 11) {
    if (attr(im->node, "min")) p_float(im, &p, "min", attr_float(im, "min", 0));
    if (attr(im->node, "max")) p_float(im, &p, "max", attr_float(im, "max", 0));
  } else {
    double v;
    int n = const_floats(im, 1, &v, 1, "min");
    if (n == -2) return false;
    if (n == 1) p_float(im, &p, "min", v);
    n = const_floats(im, 2, &v, 1, "max");
    if (n == -2) return false;
    if (n == 1) p_float(im, &p, "max", v);
  }
  return emit(im, "graph.clip", &p, &x, 1, 1);
}

/* Op with one data input and an i64 list that moved from an attribute to
 * input #1 at opset `since`. */
static bool list_op(Imp *im, const char *gname, const char *aname, int since, bool required) {
  int64_t v[64];
  int n = im->opset >= since ? const_ints(im, 1, v, 64, aname) : attr_ints(im, aname, v, 64);
  if (n == -2) return false;
  if (n < 0 && required) return err(im, "missing '%s'", aname);
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (!x) return ok ? err(im, "missing input") : false;
  Props p = {0};
  copy_attrs(im, gname, &p);
  if (n >= 0) p_ints(im, &p, aname, v, (unsigned)n);
  return emit(im, gname, &p, &x, 1, 1);
}

static bool h_reshape(Imp *im) {
  int64_t v[SM_TENSOR_MAX_RANK];
  int n = const_ints(im, 1, v, SM_TENSOR_MAX_RANK, "shape");
  if (n < 0) return n == -1 ? err(im, "missing shape") : false;
  if (attr_int(im, "allowzero", 0))
    for (int i = 0; i < n; i++)
      if (v[i] == 0) return err(im, "allowzero with a zero dimension is not supported");
  bool ok = true;
  Val *x = input(im, 0, &ok);
  Props p = {0};
  p_ints(im, &p, "shape", v, (unsigned)n);
  return emit(im, "graph.reshape", &p, &x, 1, 1);
}

static bool h_squeeze(Imp *im) { return list_op(im, "graph.squeeze", "axes", 13, false); }
static bool h_unsqueeze(Imp *im) { return list_op(im, "graph.unsqueeze", "axes", 13, true); }
static bool h_expand(Imp *im) { return list_op(im, "graph.expand", "shape", 0, true); }
static bool h_tile(Imp *im) { return list_op(im, "graph.tile", "repeats", 0, true); }

static bool h_reduce(Imp *im) {
  char gname[64];
  snake_case(im->node->op_type, gname, sizeof gname);
  /* ReduceSum took axes as an input from opset 13, the others from 18. */
  int since = strcmp(im->node->op_type, "ReduceSum") == 0 ? 13 : 18;
  int64_t v[SM_TENSOR_MAX_RANK];
  int n = im->opset >= since ? const_ints(im, 1, v, SM_TENSOR_MAX_RANK, "axes")
                             : attr_ints(im, "axes", v, SM_TENSOR_MAX_RANK);
  if (n == -2) return false;
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (n <= 0 && attr_int(im, "noop_with_empty_axes", 0)) {
    /* No reduction, but the element-wise part stays (as in ONNX's reference). */
    const char *t = im->node->op_type;
    if (!strcmp(t, "ReduceLogSum") && x) return emit(im, "graph.log", NULL, &x, 1, 1);
    if (!strcmp(t, "ReduceL1") || !strcmp(t, "ReduceL2")) return x ? emit(im, "graph.abs", NULL, &x, 1, 1) : h_alias(im);
    if (!strcmp(t, "ReduceSumSquare") && x) {
      Val *xx[2] = {x, x};
      return emit(im, "graph.mul", NULL, xx, 2, 1);
    }
    return h_alias(im);
  }
  if (!x) return ok ? err(im, "missing input") : false;
  Props p = {0};
  p_int(im, &p, "keepdims", attr_int(im, "keepdims", 1));
  if (n > 0) p_ints(im, &p, "axes", v, (unsigned)n);
  return emit(im, gname, &p, &x, 1, 1);
}

static bool h_split(Imp *im) {
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (!x) return ok ? err(im, "missing input") : false;
  unsigned r = x->type->shaped.rank;
  int64_t axis = attr_int(im, "axis", 0), sizes[64];
  if (axis < 0) axis += r;
  if (axis < 0 || axis >= (int64_t)r) return err(im, "axis out of range");
  int n = im->opset >= 13 ? const_ints(im, 1, sizes, 64, "split") : attr_ints(im, "split", sizes, 64);
  if (n == -2) return false;
  unsigned nout = (unsigned)im->node->n_output;
  if (nout < 1 || nout > 64) return err(im, "unsupported number of outputs");
  if (n >= 0 && n != (int)nout) return err(im, "'split' has %d entries for %u outputs", n, nout);
  if (n < 0) {
    int64_t len = x->type->shaped.dims[axis], k = attr_int(im, "num_outputs", nout);
    if (k != (int64_t)nout) return err(im, "num_outputs is %lld but the node has %u outputs", (long long)k, nout);
    int64_t chunk = (len + k - 1) / k;
    for (unsigned i = 0; i < nout; i++) {
      int64_t left = len - chunk * (int64_t)i;
      sizes[i] = left < chunk ? (left > 0 ? left : 0) : chunk;
    }
    n = (int)nout;
  }
  Props p = {0};
  p_int(im, &p, "axis", axis);
  p_ints(im, &p, "split", sizes, (unsigned)n);
  return emit(im, "graph.split", &p, &x, 1, nout);
}

static bool h_slice(Imp *im) {
  int64_t st[SM_TENSOR_MAX_RANK], en[SM_TENSOR_MAX_RANK], ax[SM_TENSOR_MAX_RANK], sp[SM_TENSOR_MAX_RANK];
  int ns, ne, na, np;
  if (im->opset < 10) {
    ns = attr_ints(im, "starts", st, SM_TENSOR_MAX_RANK);
    ne = attr_ints(im, "ends", en, SM_TENSOR_MAX_RANK);
    na = attr_ints(im, "axes", ax, SM_TENSOR_MAX_RANK);
    np = -1;
  } else {
    ns = const_ints(im, 1, st, SM_TENSOR_MAX_RANK, "starts");
    ne = const_ints(im, 2, en, SM_TENSOR_MAX_RANK, "ends");
    na = const_ints(im, 3, ax, SM_TENSOR_MAX_RANK, "axes");
    np = const_ints(im, 4, sp, SM_TENSOR_MAX_RANK, "steps");
  }
  if (ns == -2 || ne == -2 || na == -2 || np == -2) return false;
  if (ns < 0 || ne < 0) return err(im, "missing starts or ends");
  bool ok = true;
  Val *x = input(im, 0, &ok);
  Props p = {0};
  p_ints(im, &p, "starts", st, (unsigned)ns);
  p_ints(im, &p, "ends", en, (unsigned)ne);
  if (na >= 0) p_ints(im, &p, "axes", ax, (unsigned)na);
  if (np >= 0) p_ints(im, &p, "steps", sp, (unsigned)np);
  return emit(im, "graph.slice", &p, &x, 1, 1);
}

static bool h_pad(Imp *im) {
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (!x) return ok ? err(im, "missing input") : false;
  unsigned r = x->type->shaped.rank;
  int64_t pads[2 * SM_TENSOR_MAX_RANK], full[2 * SM_TENSOR_MAX_RANK] = {0}, axes[SM_TENSOR_MAX_RANK];
  double value = 0;
  int n, na = -1;
  if (im->opset < 11) {
    n = attr_ints(im, "pads", pads, 2 * SM_TENSOR_MAX_RANK);
    value = attr_float(im, "value", 0);
  } else {
    n = const_ints(im, 1, pads, 2 * SM_TENSOR_MAX_RANK, "pads");
    int nv = const_floats(im, 2, &value, 1, "constant_value");
    if (nv == -2) return false;
    na = const_ints(im, 3, axes, SM_TENSOR_MAX_RANK, "axes");
    if (na == -2) return false;
  }
  if (n < 0) return n == -1 ? err(im, "missing pads") : false;
  if (na < 0) {
    if (n != (int)(2 * r)) return err(im, "pads must have %u entries", 2 * r);
    memcpy(full, pads, sizeof(int64_t) * 2 * r);
  } else {
    if (n != 2 * na) return err(im, "pads must have %d entries", 2 * na);
    for (int i = 0; i < na; i++) {
      int64_t a = axes[i] < 0 ? axes[i] + r : axes[i];
      if (a < 0 || a >= (int64_t)r) return err(im, "axis out of range");
      full[a] = pads[i];
      full[a + r] = pads[i + na];
    }
  }
  Props p = {0};
  p_ints(im, &p, "pads", full, 2 * r);
  p_str(im, &p, "mode", attr_str(im, "mode", "constant"));
  p_float(im, &p, "value", value);
  return emit(im, "graph.pad", &p, &x, 1, 1);
}

static bool h_resize(Imp *im) {
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (!x) return ok ? err(im, "missing input") : false;
  unsigned r = x->type->shaped.rank;
  const int64_t *dims = x->type->shaped.dims;
  double scales[SM_TENSOR_MAX_RANK];
  int64_t sizes[SM_TENSOR_MAX_RANK];
  int ns, nz;
  if (im->opset < 11) {
    ns = const_floats(im, 1, scales, SM_TENSOR_MAX_RANK, "scales");
    nz = -1;
  } else {
    ns = const_floats(im, 2, scales, SM_TENSOR_MAX_RANK, "scales");
    nz = const_ints(im, 3, sizes, SM_TENSOR_MAX_RANK, "sizes");
  }
  if (ns == -2 || nz == -2) return false;
  if (attr(im->node, "axes")) return err(im, "the 'axes' attribute is not supported");
  const char *mode = attr_str(im, "mode", "nearest");
  if (strcmp(mode, "cubic") == 0) return err(im, "cubic mode is not supported");
  if (attr_int(im, "antialias", 0)) return err(im, "antialias is not supported");
  if (nz > 0) {
    if (nz != (int)r) return err(im, "sizes must have %u entries", r);
    for (unsigned d = 0; d < r; d++) {
      if (sizes[d] < 1 || dims[d] < 1) return err(im, "sizes and input dimensions must be positive");
      scales[d] = (double)sizes[d] / (double)dims[d];
    }
  } else if (ns > 0) {
    if (ns != (int)r) return err(im, "scales must have %u entries", r);
    for (unsigned d = 0; d < r; d++) {
      /* A float-to-int conversion of inf, NaN or a huge value is undefined. */
      if (!(isfinite(scales[d]) && scales[d] > 0) ||
          !sm_checked_f64_to_i64(floor((double)dims[d] * scales[d]), &sizes[d]))
        return err(im, "scales must be finite, positive and give representable sizes");
    }
  } else {
    return err(im, "needs scales or sizes");
  }
  Props p = {0};
  p_str(im, &p, "mode", mode);
  p_str(im, &p, "coordinate_transformation_mode",
        attr_str(im, "coordinate_transformation_mode", im->opset < 11 ? "asymmetric" : "half_pixel"));
  p_str(im, &p, "nearest_mode", attr_str(im, "nearest_mode", "round_prefer_floor"));
  float fs[SM_TENSOR_MAX_RANK];
  for (unsigned d = 0; d < r; d++) fs[d] = (float)scales[d];
  p_add(im, &p, "scales", sm_attr_dense_array(im->ctx, sm_type_f32(im->ctx), r, fs));
  p_ints(im, &p, "sizes", sizes, r);
  return emit(im, "graph.resize", &p, &x, 1, 1);
}

/* Conv and pooling: resolves auto_pad into explicit pads. */
static bool h_window(Imp *im) {
  char gname[64];
  snake_case(im->node->op_type, gname, sizeof gname);
  Val *ins[3];
  unsigned nin;
  if (!gather_inputs(im, 3, ins, &nin)) return false;
  if (nin < 1) return err(im, "missing input");
  Props p = {0};
  copy_attrs(im, gname, &p);
  const char *ap = attr_str(im, "auto_pad", "NOTSET");
  if (strcmp(ap, "NOTSET") != 0 && strcmp(ap, "VALID") != 0) {
    unsigned r = ins[0]->type->shaped.rank, ns = r >= 2 ? r - 2 : 0;
    int64_t k[SM_TENSOR_MAX_RANK], s[SM_TENSOR_MAX_RANK], d[SM_TENSOR_MAX_RANK], pads[2 * SM_TENSOR_MAX_RANK];
    for (unsigned i = 0; i < ns; i++) s[i] = d[i] = 1;
    if (attr_ints(im, "kernel_shape", k, SM_TENSOR_MAX_RANK) != (int)ns) {
      if (nin < 2) return err(im, "auto_pad needs kernel_shape");
      for (unsigned i = 0; i < ns; i++) k[i] = ins[1]->type->shaped.dims[i + 2];
    }
    attr_ints(im, "strides", s, SM_TENSOR_MAX_RANK);
    attr_ints(im, "dilations", d, SM_TENSOR_MAX_RANK);
    for (unsigned i = 0; i < ns; i++) {
      int64_t in = ins[0]->type->shaped.dims[i + 2], out = in / s[i] + (in % s[i] != 0), total, kd;
      if (out < 1 || !sm_checked_mul(out - 1, s[i], &total) || !sm_checked_muladd(k[i] - 1, d[i], 1, &kd) ||
          !sm_checked_add(total, kd, &total))
        return err(im, "auto_pad arithmetic overflows int64");
      total -= in;
      if (total < 0) total = 0;
      bool upper = strcmp(ap, "SAME_UPPER") == 0;
      pads[i] = upper ? total / 2 : total - total / 2;
      pads[i + ns] = total - pads[i];
    }
    /* Replace any pads copied above. */
    for (unsigned i = 0; i < p.n; i++)
      if (strcmp(p.e[i].name, "pads") == 0) p.e[i] = p.e[--p.n];
    p_ints(im, &p, "pads", pads, 2 * ns);
  } else if (strcmp(ap, "VALID") == 0) {
    for (unsigned i = 0; i < p.n; i++)
      if (strcmp(p.e[i].name, "pads") == 0) p.e[i] = p.e[--p.n];
  }
  if (strcmp(im->node->op_type, "MaxPool") == 0 && im->node->n_output > 1 && *im->node->output[1])
    return err(im, "the Indices output is not supported");
  if (strcmp(im->node->op_type, "AveragePool") == 0) { /* dilations: opset 19 */
    int64_t d[SM_TENSOR_MAX_RANK];
    int nd = attr_ints(im, "dilations", d, SM_TENSOR_MAX_RANK);
    for (int i = 0; i < nd; i++)
      if (d[i] != 1) return err(im, "dilations other than 1 are not supported");
  }
  return emit(im, gname, &p, ins, nin, 1);
}

static bool h_softmax(Imp *im) {
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (!x) return ok ? err(im, "missing input") : false;
  int64_t r = x->type->shaped.rank;
  int64_t axis = attr_int(im, "axis", im->opset < 13 ? 1 : -1);
  if (axis < 0) axis += r;
  if (im->opset < 13 && axis != r - 1)
    return err(im, "opset < 13 softmax over a non-final axis (2-D coercion) is not supported");
  Props p = {0};
  p_int(im, &p, "axis", axis);
  return emit(im, "graph.softmax", &p, &x, 1, 1);
}

static bool h_norm(Imp *im) {
  /* Only the normalised output; mean/inv-std-dev outputs are training-only. */
  for (size_t i = 1; i < im->node->n_output; i++)
    if (*im->node->output[i]) return err(im, "output #%zu is not supported", i);
  if (strcmp(im->node->op_type, "BatchNormalization") == 0 && attr_int(im, "training_mode", 0))
    return err(im, "training_mode is not supported");
  char gname[64];
  snake_case(im->node->op_type, gname, sizeof gname);
  Props p = {0};
  copy_attrs(im, gname, &p);
  Val *ins[5];
  unsigned nin;
  if (!gather_inputs(im, 5, ins, &nin)) return false;
  if (strcmp(im->node->op_type, "GroupNormalization") == 0 && nin == 3 && ins[0]->type->shaped.rank >= 2) {
    /* Opset 21 made scale and bias per channel ([C]); before, per group
     * ([num_groups]). The graph op takes either (the shapes tell them
     * apart); the model must use its own opset's form. stash_type (21) is
     * the precision of the statistics: every backend computes them in f32
     * at least. */
    int64_t c = ins[0]->type->shaped.dims[1], groups = attr_int(im, "num_groups", 0), want = im->opset >= 21 ? c : groups;
    for (unsigned i = 1; i < 3; i++)
      if (ins[i]->type->shaped.rank != 1 || ins[i]->type->shaped.dims[0] != want)
        return err(im, "%s must have shape [%lld] (%s at opset %lld)", i == 1 ? "scale" : "bias", (long long)want,
                   im->opset >= 21 ? "one per channel" : "one per group", (long long)im->opset);
  }
  return emit(im, gname, &p, ins, nin, 1);
}

/* Variadic Min/Max/Sum/Mean-free chain: pairwise application. */
static bool h_minmax(Imp *im) {
  char gname[64];
  snake_case(im->node->op_type, gname, sizeof gname);
  Val *ins[MAX_IO];
  unsigned nin;
  if (!gather_inputs(im, MAX_IO, ins, &nin)) return false;
  if (nin == 1) return h_alias(im);
  if (nin != 2) return err(im, "more than two inputs are not supported");
  return emit(im, gname, NULL, ins, 2, 1);
}

static bool h_dropout(Imp *im) {
  for (size_t i = 1; i < im->node->n_output; i++)
    if (*im->node->output[i]) return err(im, "the mask output is not supported");
  /* Inference only: an identity unless training_mode (input #2) is true. */
  if (im->node->n_input > 2 && *im->node->input[2]) {
    bool ok = true;
    Val *t = input(im, 2, &ok);
    if (!t) return ok ? err(im, "missing training_mode") : false;
    if (!t->is_const || sm_tensor_numel(&t->c) != 1 || sm_tensor_get_i64(&t->c, 0) != 0)
      return err(im, "training_mode must be a constant false (training dropout is not supported)");
  }
  return h_alias(im);
}

/* ConvTranspose: output_shape and auto_pad become explicit pads (the ONNX
 * total-padding formula); output_padding stays a property. */
static bool h_conv_transpose(Imp *im) {
  Val *ins[3];
  unsigned nin;
  if (!gather_inputs(im, 3, ins, &nin)) return false;
  if (nin < 2) return err(im, "missing input");
  Props p = {0};
  copy_attrs(im, "graph.conv_transpose", &p);
  unsigned r = ins[0]->type->shaped.rank, ns = r >= 2 ? r - 2 : 0;
  int64_t os[SM_TENSOR_MAX_RANK];
  int nos = attr_ints(im, "output_shape", os, SM_TENSOR_MAX_RANK);
  const char *ap = attr_str(im, "auto_pad", "NOTSET");
  bool same = strcmp(ap, "SAME_UPPER") == 0 || strcmp(ap, "SAME_LOWER") == 0;
  if (strcmp(ap, "NOTSET") != 0 && strcmp(ap, "VALID") != 0 && !same) return err(im, "unknown auto_pad '%s'", ap);
  if (nos >= 0 || same || strcmp(ap, "VALID") == 0) {
    if (r < 3 || ins[1]->type->shaped.rank != r) return err(im, "input and weight must have the same rank >= 3");
    if (nos >= 0 && nos != (int)ns && nos != (int)r) return err(im, "output_shape must have %u entries", ns);
    int64_t s[SM_TENSOR_MAX_RANK], d[SM_TENSOR_MAX_RANK], opad[SM_TENSOR_MAX_RANK], pads[2 * SM_TENSOR_MAX_RANK];
    for (unsigned i = 0; i < ns; i++) s[i] = d[i] = 1, opad[i] = 0;
    attr_ints(im, "strides", s, SM_TENSOR_MAX_RANK);
    attr_ints(im, "dilations", d, SM_TENSOR_MAX_RANK);
    attr_ints(im, "output_padding", opad, SM_TENSOR_MAX_RANK);
    bool upper = strcmp(ap, "SAME_UPPER") == 0;
    for (unsigned i = 0; i < ns; i++) {
      int64_t in = ins[0]->type->shaped.dims[i + 2], k = ins[1]->type->shaped.dims[i + 2];
      if (in > INT32_MAX || k > INT32_MAX || s[i] < 1 || s[i] > INT32_MAX || d[i] < 1 || d[i] > INT32_MAX ||
          opad[i] < 0 || opad[i] > INT32_MAX)
        return err(im, "strides, dilations, output_padding and sizes must be positive and below 2^31");
      int64_t full = s[i] * (in - 1) + opad[i] + (k - 1) * d[i] + 1, want = full;
      if (nos >= 0) want = os[nos == (int)r ? i + 2 : i];
      else if (same) want = in * s[i];
      int64_t total = full - want;
      if (total < 0 || want < 1) return err(im, "output_shape %lld does not fit (at most %lld)", (long long)want, (long long)full);
      if (nos < 0 && !same) total = 0;
      pads[i] = upper ? total / 2 : total - total / 2;
      pads[i + ns] = total - pads[i];
    }
    for (unsigned i = 0; i < p.n; i++)
      if (strcmp(p.e[i].name, "pads") == 0) p.e[i] = p.e[--p.n];
    p_ints(im, &p, "pads", pads, 2 * ns);
  }
  return emit(im, "graph.conv_transpose", &p, ins, nin, 1);
}

/* Trilu: k (input #1, a constant scalar, default 0) becomes a property. */
static bool h_trilu(Imp *im) {
  int64_t k = 0;
  int n = const_ints(im, 1, &k, 1, "k");
  if (n == -2) return false;
  if (n == 0) return err(im, "k must hold one value");
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (!x) return ok ? err(im, "missing input") : false;
  Props p = {0};
  p_int(im, &p, "k", n > 0 ? k : 0);
  p_int(im, &p, "upper", attr_int(im, "upper", 1));
  return emit(im, "graph.trilu", &p, &x, 1, 1);
}

/* CumSum: axis (input #1, a constant scalar) becomes a property. */
static bool h_cum_sum(Imp *im) {
  int64_t axis = 0;
  int n = const_ints(im, 1, &axis, 1, "axis");
  if (n == -2) return false;
  if (n != 1) return err(im, "axis must be a constant scalar");
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (!x) return ok ? err(im, "missing input") : false;
  Props p = {0};
  p_int(im, &p, "axis", axis);
  p_int(im, &p, "exclusive", attr_int(im, "exclusive", 0));
  p_int(im, &p, "reverse", attr_int(im, "reverse", 0));
  return emit(im, "graph.cum_sum", &p, &x, 1, 1);
}

/* TopK: K (input #1) must be a constant; sorted = 0 allows any order, the
 * sorted one is given. */
static bool h_top_k(Imp *im) {
  int64_t k = 0;
  int n = const_ints(im, 1, &k, 1, "K");
  if (n == -2) return false;
  if (n != 1) return err(im, "K must be a constant holding one value");
  bool ok = true;
  Val *x = input(im, 0, &ok);
  if (!x) return ok ? err(im, "missing input") : false;
  Props p = {0};
  p_int(im, &p, "k", k);
  p_int(im, &p, "axis", attr_int(im, "axis", -1));
  p_int(im, &p, "largest", attr_int(im, "largest", 1));
  p_int(im, &p, "sorted", 1);
  return emit(im, "graph.top_k", &p, &x, 1, (unsigned)im->node->n_output);
}

/* One ONNX operator: its handler and the node shapes it accepts. Checked for
 * every node before the handler runs (check_node), so no handler sees a
 * missing required input, an undefined name, a missing output or an
 * attribute outside its range. */
typedef struct Handler {
  const char *onnx;
  bool (*fn)(Imp *im);
  unsigned char min_in, max_in;   /* present inputs; the first min_in are required */
  unsigned char min_out, max_out; /* declared outputs; the first is required */
} Handler;

#define U1 1, 1, 1, 1 /* unary */
#define B2 2, 2, 1, 1 /* binary */
#define VAR 1, MAX_IO, 1, 1
static const Handler handlers[] = {
    {"Abs", h_generic, U1}, {"Add", h_generic, B2}, {"And", h_generic, B2},
    {"ArgMax", h_generic, U1}, {"ArgMin", h_generic, U1},
    {"AveragePool", h_window, 1, 1, 1, 1}, {"BatchNormalization", h_norm, 5, 5, 1, 5},
    {"Cast", h_cast, U1}, {"Ceil", h_generic, U1}, {"Clip", h_clip, 1, 3, 1, 1},
    {"Concat", h_generic, VAR}, {"Constant", h_constant, 0, 0, 1, 1},
    {"ConstantOfShape", h_constant_of_shape, 1, 1, 1, 1}, {"Conv", h_window, 2, 3, 1, 1},
    {"ConvTranspose", h_conv_transpose, 2, 3, 1, 1}, {"CumSum", h_cum_sum, 2, 2, 1, 1},
    {"Cos", h_generic, U1}, {"DepthToSpace", h_generic, U1}, {"Div", h_generic, B2},
    {"Dropout", h_dropout, 1, 3, 1, 2}, {"Einsum", h_generic, VAR}, {"Equal", h_generic, B2}, {"Erf", h_generic, U1},
    {"Exp", h_generic, U1}, {"Expand", h_expand, 2, 2, 1, 1}, {"Flatten", h_generic, U1},
    {"Floor", h_generic, U1}, {"Gather", h_generic, B2}, {"GatherElements", h_generic, B2},
    {"Gelu", h_generic, U1}, {"Gemm", h_generic, 2, 3, 1, 1},
    {"GlobalAveragePool", h_generic, U1}, {"Greater", h_generic, B2},
    {"GreaterOrEqual", h_generic, B2}, {"GroupNormalization", h_norm, 3, 3, 1, 1}, {"HardSigmoid", h_generic, U1},
    {"HardSwish", h_generic, U1}, {"Identity", h_alias, U1},
    {"InstanceNormalization", h_norm, 3, 3, 1, 1}, {"IsNaN", h_generic, U1},
    {"LayerNormalization", h_norm, 2, 3, 1, 3}, {"LeakyRelu", h_generic, U1},
    {"Less", h_generic, B2}, {"LessOrEqual", h_generic, B2}, {"Log", h_generic, U1},
    {"MatMul", h_generic, B2}, {"Max", h_minmax, VAR}, {"MaxPool", h_window, 1, 1, 1, 2},
    {"Min", h_minmax, VAR}, {"Mod", h_generic, B2}, {"Mul", h_generic, B2},
    {"Neg", h_generic, U1}, {"Not", h_generic, U1}, {"Or", h_generic, B2},
    {"Pad", h_pad, 1, 4, 1, 1}, {"Pow", h_generic, B2}, {"Range", h_range, 3, 3, 1, 1},
    {"Reciprocal", h_generic, U1}, {"Round", h_generic, U1}, {"ReduceL1", h_reduce, 1, 2, 1, 1},
    {"ReduceL2", h_reduce, 1, 2, 1, 1}, {"ReduceLogSum", h_reduce, 1, 2, 1, 1},
    {"ReduceLogSumExp", h_reduce, 1, 2, 1, 1}, {"ReduceMax", h_reduce, 1, 2, 1, 1},
    {"ReduceMean", h_reduce, 1, 2, 1, 1}, {"ReduceMin", h_reduce, 1, 2, 1, 1},
    {"ReduceProd", h_reduce, 1, 2, 1, 1}, {"ReduceSum", h_reduce, 1, 2, 1, 1},
    {"ReduceSumSquare", h_reduce, 1, 2, 1, 1}, {"Relu", h_generic, U1},
    {"Reshape", h_reshape, 2, 2, 1, 1}, {"Resize", h_resize, 1, 4, 1, 1},
    {"ScatterND", h_generic, 3, 3, 1, 1}, {"Shape", h_shape, U1}, {"Sigmoid", h_generic, U1},
    {"Sin", h_generic, U1}, {"Slice", h_slice, 1, 5, 1, 1}, {"Softmax", h_softmax, U1},
    {"SpaceToDepth", h_generic, U1}, {"Split", h_split, 1, 2, 1, 64}, {"Sqrt", h_generic, U1},
    {"Squeeze", h_squeeze, 1, 2, 1, 1}, {"Sub", h_generic, B2}, {"Tanh", h_generic, U1},
    {"Tile", h_tile, 2, 2, 1, 1}, {"TopK", h_top_k, 2, 2, 1, 2},
    {"Transpose", h_generic, U1}, {"Trilu", h_trilu, 1, 2, 1, 1},
    {"Unsqueeze", h_unsqueeze, 1, 2, 1, 1}, {"Where", h_generic, 3, 3, 1, 1},
    {"Xor", h_generic, B2},
};
#undef U1
#undef B2
#undef VAR

/* Ranges of integer attributes (each entry of an INTS attribute too); op NULL:
 * every op with that attribute. Bounds keep later arithmetic in range (a
 * blocksize squared, a kernel extent times a dilation) and say what the
 * graph dialect supports. */
typedef struct AttrRange {
  const char *op, *name;
  int64_t lo, hi;
} AttrRange;

#define DIM_MAX (INT64_C(1) << 31)
static const AttrRange attr_ranges[] = {
    {NULL, "strides", 1, DIM_MAX},          {NULL, "dilations", 1, DIM_MAX},
    {NULL, "kernel_shape", 1, DIM_MAX},     {NULL, "group", 1, DIM_MAX},
    {NULL, "axis", -GRAPH_RANK, GRAPH_RANK}, {NULL, "keepdims", 0, 1},
    {NULL, "ceil_mode", 0, 1},              {NULL, "count_include_pad", 0, 1},
    {NULL, "transA", 0, 1},                 {NULL, "transB", 0, 1},
    {NULL, "noop_with_empty_axes", 0, 1},   {"Conv", "pads", 0, DIM_MAX},
    {"MaxPool", "pads", 0, DIM_MAX},        {"AveragePool", "pads", 0, DIM_MAX},
    {"ConvTranspose", "pads", 0, DIM_MAX},  {"ConvTranspose", "output_padding", 0, DIM_MAX},
    {"DepthToSpace", "blocksize", 1, 1 << 16}, {"SpaceToDepth", "blocksize", 1, 1 << 16},
    {"Split", "num_outputs", 1, 64},
};
#undef DIM_MAX

/* The shared node check: counts, names and attribute ranges. */
static bool check_node(Imp *im, const Handler *h) {
  const Onnx__NodeProto *n = im->node;
  unsigned nin = num_inputs(im);
  if (nin < h->min_in || nin > h->max_in) {
    if (h->min_in == h->max_in) return err(im, "expects %u inputs, got %u", h->min_in, nin);
    return err(im, "expects %u to %u inputs, got %u", h->min_in, h->max_in, nin);
  }
  for (unsigned i = 0; i < nin; i++) {
    if (!*n->input[i]) {
      if (i < h->min_in) return err(im, "required input #%u is empty", i);
      continue;
    }
    if (!lookup(im, n->input[i])) return err(im, "input '%s' is not defined before use", n->input[i]);
  }
  if (n->n_output < h->min_out || n->n_output > h->max_out) {
    if (h->min_out == h->max_out) return err(im, "expects %u outputs, got %zu", h->min_out, n->n_output);
    return err(im, "expects %u to %u outputs, got %zu", h->min_out, h->max_out, n->n_output);
  }
  if (!*n->output[0]) return err(im, "output #0 has no name");
  for (size_t i = 0; i < n->n_attribute; i++) {
    const Onnx__AttributeProto *a = n->attribute[i];
    if (!a->name) continue;
    for (size_t r = 0; r < sizeof attr_ranges / sizeof attr_ranges[0]; r++) {
      const AttrRange *ar = &attr_ranges[r];
      if (strcmp(ar->name, a->name) != 0 || (ar->op && strcmp(ar->op, n->op_type) != 0)) continue;
      bool ok = !a->has_i || (a->i >= ar->lo && a->i <= ar->hi);
      for (size_t j = 0; ok && j < a->n_ints; j++) ok = a->ints[j] >= ar->lo && a->ints[j] <= ar->hi;
      if (!ok)
        return err(im, "attribute '%s' must be in [%lld, %lld]", a->name, (long long)ar->lo,
                   (long long)ar->hi);
    }
  }
  return true;
}

static const Handler *find_handler(Imp *im, const char *op) {
  const char *key = sm_intern_cstr(im->ctx, op);
  const Handler *h = sm_ptrmap_get(&im->handler_of, key);
  if (h) return h;
  for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
    if (strcmp(handlers[i].onnx, op) == 0) {
      sm_ptrmap_put(&im->handler_of, key, (void *)&handlers[i]);
      return &handlers[i];
    }
  return NULL;
}

/* ---- Graph ---------------------------------------------------------------- */

static SmType *value_info_type(Imp *im, const Onnx__ValueInfoProto *vi) {
  const Onnx__TypeProto *tp = vi->type;
  if (!tp || tp->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE || !tp->tensor_type) {
    err(im, "input '%s' is not a tensor", vi->name);
    return NULL;
  }
  const Onnx__TypeProto__Tensor *tt = tp->tensor_type;
  SmDType dt;
  if (!sm_onnx_dtype(tt->elem_type, &dt)) {
    err(im, "input '%s' has unsupported data type %d", vi->name, (int)tt->elem_type);
    return NULL;
  }
  if (!tt->shape) {
    err(im, "input '%s' has no shape: dynamic shapes are not supported", vi->name);
    return NULL;
  }
  int64_t dims[SM_TENSOR_MAX_RANK];
  if (tt->shape->n_dim > SM_TENSOR_MAX_RANK) {
    err(im, "input '%s' has too large a rank", vi->name);
    return NULL;
  }
  for (size_t i = 0; i < tt->shape->n_dim; i++) {
    const Onnx__TensorShapeProto__Dimension *d = tt->shape->dim[i];
    if (d->value_case != ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE || d->dim_value < 0) {
      err(im, "input '%s' has a dynamic dimension %zu%s%s%s: not supported", vi->name, i,
          d->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM ? " ('" : "",
          d->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM ? d->dim_param : "",
          d->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM ? "')" : "");
      return NULL;
    }
    dims[i] = d->dim_value;
  }
  return sm_type_tensor(im->ctx, (unsigned)tt->shape->n_dim, dims, sm_dtype_to_type(im->ctx, dt), NULL);
}

static SmOp *import_model(Imp *im, Onnx__ModelProto *m) {
  SmContext *ctx = im->ctx;
  if (!m->graph && m->n_opset_import == 0) {
    err(im, "not an ONNX model (no graph and no opset: empty or not a ModelProto)");
    return NULL;
  }
  im->opset = -1;
  for (size_t i = 0; i < m->n_opset_import; i++) {
    const char *d = m->opset_import[i]->domain;
    if (!d || !*d || strcmp(d, "ai.onnx") == 0) im->opset = m->opset_import[i]->version;
  }
  if (im->opset < 0) {
    err(im, "model does not import the default ONNX opset");
    return NULL;
  }
  /* Opsets 19 to 21 changed, among the ops imported here, only types (float8,
   * int4, strings: refused as types), AveragePool (dilations: refused),
   * Resize (half_pixel_symmetric), Pad (wrap), Cast (saturate: float8 only),
   * ReduceMax/Min (bool) and GroupNormalization (per-channel scale and bias,
   * stash_type): docs/onnx-import.md. */
  if (im->opset < 11 || im->opset > 21) {
    err(im, "unsupported opset %lld (supported: 11 to 21)", (long long)im->opset);
    return NULL;
  }
  const Onnx__GraphProto *g = m->graph;
  if (!g) {
    err(im, "model has no graph");
    return NULL;
  }
  char e[256];
  for (size_t i = 0; i < g->n_initializer; i++) {
    Onnx__TensorProto *tp = g->initializer[i];
    SmTensor t;
    if (!tp->name || !*tp->name) {
      err(im, "initializer #%zu has no name", i);
      return NULL;
    }
    if (!sm_onnx_tensor_take(tp, &im->arena, im->base_dir, &im->cache, &t, e, sizeof e)) {
      err(im, "initializer '%s': %s", tp->name, e);
      return NULL;
    }
    if (!def_const(im, tp->name, &t)) return NULL;
  }
  im->body = sm_block_create();
  sm_builder_init(&im->b, ctx);
  sm_builder_set_block_end(&im->b, im->body);
  SmType *arg_types[MAX_IO], *res_types[MAX_IO];
  unsigned nargs = 0, nres = 0;
  for (size_t i = 0; i < g->n_input; i++) {
    const Onnx__ValueInfoProto *vi = g->input[i];
    if (!vi->name || lookup(im, vi->name)) continue; /* initializer listed as input */
    SmType *t = value_info_type(im, vi);
    if (!t) return NULL;
    if (nargs == MAX_IO) {
      err(im, "too many inputs");
      return NULL;
    }
    arg_types[nargs++] = t;
    SmValue *a = sm_block_add_arg(im->body, t, sm_loc_name(ctx, sm_intern_cstr(ctx, vi->name), im->file_loc));
    if (!def_value(im, vi->name, a)) return NULL;
  }
  for (size_t i = 0; i < g->n_node; i++) {
    im->node = g->node[i];
    const char *dom = im->node->domain;
    const Handler *h = im->node->op_type ? find_handler(im, im->node->op_type) : NULL;
    if ((dom && *dom && strcmp(dom, "ai.onnx") != 0) || !h) {
      if (dom && *dom && strcmp(dom, "ai.onnx") != 0)
        err(im, "unsupported operator (domain '%s')", dom);
      else
        err(im, "unsupported operator");
      return NULL;
    }
    for (size_t j = 0; j < im->node->n_output; j++)
      if (*im->node->output[j] && lookup(im, im->node->output[j])) {
        err(im, "output '%s' is defined twice", im->node->output[j]);
        return NULL;
      }
    if (!check_node(im, h) || !h->fn(im)) return NULL;
  }
  im->node = NULL;
  SmValue *rets[MAX_IO];
  for (size_t i = 0; i < g->n_output; i++) {
    Val *v = g->output[i]->name ? lookup(im, g->output[i]->name) : NULL;
    if (!v) {
      err(im, "graph output '%s' is never defined", g->output[i]->name ? g->output[i]->name : "");
      return NULL;
    }
    if (nres == MAX_IO) {
      err(im, "too many outputs");
      return NULL;
    }
    rets[nres] = materialize(im, v);
    res_types[nres] = rets[nres]->type;
    nres++;
  }
  SmOpState st;
  sm_op_state_init(&st, ctx, sm_intern_cstr(ctx, "func.return"), im->file_loc);
  sm_op_state_add_operands(&st, rets, nres);
  sm_builder_create(&im->b, &st);
  sm_op_state_release(&st);

  SmType *fty = sm_type_function(ctx, nargs, arg_types, nres, res_types);
  SmBlock *body = im->body;
  im->body = NULL;
  return sm_frontend_wrap_main(ctx, body, fty,
                               sm_loc_name(ctx, sm_intern_cstr(ctx, g->name ? g->name : "main"), im->file_loc));
}

SmOp *sm_onnx_import_buffer(SmContext *ctx, const void *data, size_t size, const char *path) {
  sm_register_core_dialects(ctx);
  sm_register_graph_dialect(ctx);
  Imp im;
  memset(&im, 0, sizeof im);
  im.ctx = ctx;
  im.path = path ? path : "<memory>";
  im.file_loc = sm_loc_file(ctx, im.path, 0, 0);
  if (path) {
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 1;
    im.base_dir = malloc(n + 1);
    if (!im.base_dir) {
      sm_emit_error(ctx, im.file_loc, "out of memory");
      return NULL;
    }
    memcpy(im.base_dir, slash ? path : ".", n);
    im.base_dir[n] = 0;
  }
  sm_ptrmap_init(&im.vals);
  sm_ptrmap_init(&im.res_names);
  sm_ptrmap_init(&im.handler_of);
  sm_ptrmap_init(&im.kernel_of);
  SmOp *module = NULL;
  sm_onnx_arena_init(&im.arena);
  Onnx__ModelProto *m = onnx__model_proto__unpack(&im.arena.allocator, size, data);
  if (!m)
    err(&im, "not a valid ONNX model (truncated or corrupt protobuf)");
  else
    module = import_model(&im, m);
  sm_onnx_arena_free(&im.arena); /* frees m */
  if (im.body) sm_block_destroy(im.body);
  for (size_t i = 0; i < im.nall; i++) {
    if (im.all[i]->is_const && !im.all[i]->c_shared) sm_tensor_free(&im.all[i]->c);
    free(im.all[i]);
  }
  free(im.all);
  sm_ptrmap_free(&im.vals);
  sm_ptrmap_free(&im.res_names);
  sm_ptrmap_free(&im.handler_of);
  sm_ptrmap_free(&im.kernel_of);
  sm_onnx_ext_cache_free(&im.cache);
  free(im.base_dir);
  return module;
}

SmOp *sm_onnx_import_file(SmContext *ctx, const char *path) {
  /* A regular file is mapped rather than read: protobuf-c copies what it
   * keeps, so the bytes are only scanned once. */
  int fd = open(path, O_RDONLY);
  struct stat st;
  if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      st.st_size <= sm_limit_get(SM_LIMIT_MODULE_BYTES) && (uintmax_t)st.st_size <= SIZE_MAX) {
    size_t len = (size_t)st.st_size;
    void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map != MAP_FAILED) {
      SmOp *m = sm_onnx_import_buffer(ctx, map, len, path);
      munmap(map, len);
      return m;
    }
  } else if (fd >= 0) {
    close(fd);
  }
  unsigned char *buf;
  size_t len;
  if (!sm_onnx_read_file(path, &buf, &len)) {
    if (errno == EFBIG)
      sm_emit_error(ctx, sm_loc_file(ctx, path, 0, 0), "'%s' is larger than the limit %s=%lld bytes", path,
                    sm_limit_name(SM_LIMIT_MODULE_BYTES), (long long)sm_limit_get(SM_LIMIT_MODULE_BYTES));
    else
      sm_emit_error(ctx, sm_loc_file(ctx, path, 0, 0), "cannot open '%s'", path);
    return NULL;
  }
  SmOp *m = sm_onnx_import_buffer(ctx, buf, len, path);
  free(buf);
  return m;
}
