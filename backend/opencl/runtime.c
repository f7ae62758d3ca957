/* OpenCL host runtime: loads the plan text, builds the program, creates one
 * cl_mem per slot / input / weight, uploads weights once, then per run
 * writes inputs, enqueues the launches in order and reads outputs back.
 * Every OpenCL failure becomes a diagnostic naming the call, the kernel and
 * the error code (and the build log for build failures).
 *
 * Images: plan lines of image-layout tensors carry "image W H LOC MAP"
 * (slots: "image W H"). Before creating anything, every image is checked
 * against CL_DEVICE_IMAGE2D_MAX_WIDTH/HEIGHT (an error at LOC naming the
 * buffer and the limit); image slots and inputs are CL_RGBA/CL_FLOAT 2D
 * images (slots marked "half", half storage: CL_RGBA/CL_HALF_FLOAT, checked
 * against clGetSupportedImageFormats first); inputs and outputs are converted between the row-major tensor
 * and the pixels on the host through MAP (logical index -> (y, x, lane)). */
#ifndef CL_TARGET_OPENCL_VERSION
#define CL_TARGET_OPENCL_VERSION 120
#endif
#include "backend/opencl/opencl.h"
#include "backend/opencl/program_cache.h"
#include "passes/smartmem/device_profile.h"
#include "backend/opencl/program_spirv.h"

#include <CL/cl.h>
#include <CL/cl_ext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum { PB_INPUT, PB_WEIGHT, PB_ALLOC } PBKind;

typedef struct PBuf {
  PBKind kind;
  int64_t a, b, c; /* input: index; weight: offset, bytes; alloc: slot, bytes */
  SmType *type;    /* input / output tensor type */
  char dtype[8];
  unsigned rank;
  int64_t dims[SM_TENSOR_MAX_RANK];
  cl_mem mem;
  int64_t w, h;       /* image: pixel size (0: a buffer) */
  char loc[256];      /* image: source location "file:line:col" or "-" */
  SmAffineMap *map;   /* image: logical index -> (y, x, lane) */
  float *pixels;      /* image input/output: host staging, w * h * 4 */
} PBuf;

typedef struct PLaunch {
  char name[96];
  int64_t work_items;
  unsigned nargs;
  unsigned *args;
  cl_kernel kernel;
  cl_uint ndims;            /* NDRange dimensions (1..3) */
  size_t global[3], local[3]; /* local[0] == 0: the driver's choice */
} PLaunch;

typedef struct POut {
  unsigned buf;
  int64_t index;
  char dtype[8];
  unsigned rank;
  int64_t dims[SM_TENSOR_MAX_RANK];
} POut;

typedef struct Plan {
  int64_t *slots;
  int64_t (*slot_img)[3]; /* per slot: image width, height (0: a buffer), 1 for CL_HALF_FLOAT */
  unsigned nslots;
  PBuf *bufs;
  unsigned nbufs;
  PLaunch *launches;
  unsigned nlaunches;
  POut *outs;
  unsigned nouts;
} Plan;

static const char *cl_err(cl_int e) {
  switch (e) {
#define E(x) case x: return #x;
    E(CL_DEVICE_NOT_FOUND) E(CL_DEVICE_NOT_AVAILABLE) E(CL_COMPILER_NOT_AVAILABLE) E(CL_MEM_OBJECT_ALLOCATION_FAILURE)
    E(CL_OUT_OF_RESOURCES) E(CL_OUT_OF_HOST_MEMORY) E(CL_BUILD_PROGRAM_FAILURE) E(CL_INVALID_VALUE)
    E(CL_INVALID_PLATFORM) E(CL_INVALID_DEVICE) E(CL_INVALID_CONTEXT) E(CL_INVALID_COMMAND_QUEUE)
    E(CL_INVALID_MEM_OBJECT) E(CL_INVALID_BUFFER_SIZE) E(CL_INVALID_PROGRAM) E(CL_INVALID_PROGRAM_EXECUTABLE)
    E(CL_INVALID_KERNEL_NAME) E(CL_INVALID_KERNEL) E(CL_INVALID_ARG_INDEX) E(CL_INVALID_ARG_VALUE)
    E(CL_INVALID_ARG_SIZE) E(CL_INVALID_KERNEL_ARGS) E(CL_INVALID_WORK_DIMENSION) E(CL_INVALID_WORK_GROUP_SIZE)
    E(CL_INVALID_GLOBAL_WORK_SIZE) E(CL_INVALID_EVENT) E(CL_INVALID_OPERATION) E(CL_INVALID_BUILD_OPTIONS)
    E(CL_MISALIGNED_SUB_BUFFER_OFFSET) E(CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST)
    case -1001: return "CL_PLATFORM_NOT_FOUND_KHR";
#undef E
  default: return "unknown OpenCL error";
  }
}

static bool clfail(SmContext *ctx, const char *call, const char *what, cl_int e) {
  return sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: %s failed%s%s: %s (%d)", call, what ? " for " : "",
                       what ? what : "", cl_err(e), (int)e);
}

static void plan_free(Plan *p) {
  for (unsigned i = 0; i < p->nbufs; i++) {
    if (p->bufs[i].mem && p->bufs[i].kind != PB_ALLOC) clReleaseMemObject(p->bufs[i].mem);
    free(p->bufs[i].pixels);
  }
  free(p->slot_img);
  for (unsigned i = 0; i < p->nlaunches; i++) {
    free(p->launches[i].args);
    if (p->launches[i].kernel) clReleaseKernel(p->launches[i].kernel);
  }
  free(p->slots);
  free(p->bufs);
  free(p->launches);
  free(p->outs);
  memset(p, 0, sizeof *p);
}

static bool grow(void **arr, unsigned n, size_t elem) {
  if (n & (n - 1)) return true; /* capacity doubles at powers of two */
  void *na = realloc(*arr, (n ? 2 * n : 1) * elem);
  if (!na) return false;
  *arr = na;
  return true;
}

static bool read_dims(char **s, unsigned *rank, int64_t *dims) {
  char *end;
  long r = strtol(*s, &end, 10);
  if (end == *s || r < 0 || r > SM_TENSOR_MAX_RANK) return false;
  *s = end;
  *rank = (unsigned)r;
  for (long d = 0; d < r; d++) {
    dims[d] = strtoll(*s, &end, 10);
    if (end == *s) return false;
    *s = end;
  }
  return true;
}

/* Optional " image W H LOC MAP" after a buffer's plan line. */
static bool image_suffix(SmContext *ctx, char *s, PBuf *b) {
  char kw[8];
  int n = 0;
  if (sscanf(s, "%7s%n", kw, &n) != 1) return true;
  if (strcmp(kw, "image")) return false;
  s += n;
  long long w, h;
  if (sscanf(s, "%lld %lld %255s%n", &w, &h, b->loc, &n) != 3 || w <= 0 || h <= 0) return false;
  s += n;
  b->w = w, b->h = h;
  while (*s == ' ') s++;
  unsigned before = sm_context_error_count(ctx);
  SmAttr *m = sm_parse_attr(ctx, s);
  if (!m || sm_context_error_count(ctx) != before || m->kind != SM_ATTR_AFFINE_MAP || m->map->num_results != 3)
    return false;
  b->map = m->map;
  return true;
}

static bool plan_parse(SmContext *ctx, const char *text, size_t len, Plan *p) {
  memset(p, 0, sizeof *p);
  char *copy = malloc(len + 1);
  if (!copy) return sm_emit_error(ctx, sm_loc_unknown(ctx), "out of memory");
  memcpy(copy, text, len);
  copy[len] = 0;
  unsigned line = 0;
  bool ok = true, header = false;
  for (char *s = copy, *nl; ok && s && *s; s = nl ? nl + 1 : NULL) {
    nl = strchr(s, '\n');
    if (nl) *nl = 0;
    line++;
    while (*s == ' ') s++;
    if (!*s || *s == '#') continue;
    char kw[16];
    int used = 0;
    if (sscanf(s, "%15s%n", kw, &used) != 1) continue;
    s += used;
    char *end;
    if (!strcmp(kw, "smartmem-plan")) {
      header = strtol(s, &end, 10) == 1;
      if (!header) ok = false;
    } else if (!strcmp(kw, "slot")) {
      long id = strtol(s, &end, 10);
      long long bytes = strtoll(end, &end, 10);
      if (id != (long)p->nslots || bytes < 0 || !grow((void **)&p->slots, p->nslots, sizeof *p->slots) ||
          !grow((void **)&p->slot_img, p->nslots, sizeof *p->slot_img)) {
        ok = false;
      } else {
        long long w = 0, h = 0;
        int n = 0;
        char ikw[8] = "";
        bool half = false;
        if (sscanf(end, "%7s %lld %lld%n", ikw, &w, &h, &n) == 3 && !strcmp(ikw, "image")) {
          char hkw[8] = "";
          half = sscanf(end + n, "%7s", hkw) == 1 && !strcmp(hkw, "half");
          if (w <= 0 || h <= 0 || bytes < w * h * (half ? 8 : 16)) ok = false;
        } else {
          w = h = 0;
        }
        p->slot_img[p->nslots][0] = w, p->slot_img[p->nslots][1] = h, p->slot_img[p->nslots][2] = half;
        p->slots[p->nslots++] = bytes;
      }
    } else if (!strcmp(kw, "input") || !strcmp(kw, "weight") || !strcmp(kw, "alloc")) {
      long id = strtol(s, &end, 10);
      s = end;
      if (id != (long)p->nbufs || !grow((void **)&p->bufs, p->nbufs, sizeof *p->bufs)) {
        ok = false;
        break;
      }
      PBuf *b = &p->bufs[p->nbufs++];
      memset(b, 0, sizeof *b);
      b->kind = kw[0] == 'i' ? PB_INPUT : kw[0] == 'w' ? PB_WEIGHT : PB_ALLOC;
      b->a = strtoll(s, &end, 10);
      s = end;
      if (b->kind == PB_INPUT) {
        int n = 0;
        if (sscanf(s, "%7s%n", b->dtype, &n) != 1) ok = false;
        s += n;
        if (ok && !read_dims(&s, &b->rank, b->dims)) ok = false;
        if (ok && !image_suffix(ctx, s, b)) ok = false;
      } else {
        b->b = strtoll(s, &end, 10);
        if (end == s) ok = false;
        if (b->kind == PB_ALLOC && (b->a < 0 || b->a >= (int64_t)p->nslots || b->b > p->slots[b->a])) ok = false;
        if (ok && b->kind == PB_ALLOC && !image_suffix(ctx, end, b)) ok = false;
        if (ok && b->kind == PB_ALLOC && (b->w != p->slot_img[b->a][0] || b->h != p->slot_img[b->a][1])) ok = false;
      }
    } else if (!strcmp(kw, "launch")) {
      if (!grow((void **)&p->launches, p->nlaunches, sizeof *p->launches)) {
        ok = false;
        break;
      }
      PLaunch *l = &p->launches[p->nlaunches];
      memset(l, 0, sizeof *l);
      int n = 0;
      long long wi;
      unsigned na;
      if (sscanf(s, "%95s %lld %u%n", l->name, &wi, &na, &n) != 3 || wi <= 0 || na > 1024) {
        ok = false;
        break;
      }
      p->nlaunches++;
      s += n;
      l->work_items = wi;
      l->nargs = na;
      l->args = malloc((na ? na : 1) * sizeof *l->args);
      if (!l->args) ok = false;
      for (unsigned i = 0; ok && i < na; i++) {
        long a = strtol(s, &end, 10);
        if (end == s || a < 0 || a >= (long)p->nbufs) ok = false;
        else l->args[i] = (unsigned)a;
        s = end;
      }
      /* Optional "grid G0 [G1 [G2]] local L0 [L1 [L2]]"; without it a 1-D
       * range of work_items rounded up to 64, in groups of 64. */
      l->ndims = 1;
      l->global[0] = (size_t)((wi + 63) / 64 * 64), l->local[0] = 64;
      char gkw[8];
      if (ok && sscanf(s, "%7s%n", gkw, &n) == 1) {
        if (strcmp(gkw, "grid")) ok = false;
        s += n;
        long long v[6];
        int got = sscanf(s, "%lld %lld %lld %lld %lld %lld", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]);
        char *lk = strstr(s, "local");
        int g = got, lcount = 0;
        long long lv[3] = {0, 0, 0};
        if (lk) {
          g = 0;
          for (char *t = s; t < lk;) {
            long long x = strtoll(t, &end, 10);
            if (end == t) break;
            if (g < 3) v[g] = x;
            g++;
            t = end;
          }
          lcount = sscanf(lk + 5, "%lld %lld %lld", &lv[0], &lv[1], &lv[2]);
        }
        if (g < 1 || g > 3 || (lk && lcount != g)) ok = false;
        long long prod = 1;
        for (int d = 0; ok && d < g; d++) {
          if (v[d] <= 0 || (lk && (lv[d] <= 0 || v[d] % lv[d]))) ok = false;
          l->global[d] = (size_t)v[d];
          l->local[d] = lk ? (size_t)lv[d] : 0;
          prod *= v[d];
        }
        if (ok && prod < wi) ok = false;
        l->ndims = (cl_uint)g;
      }
    } else if (!strcmp(kw, "output")) {
      if (!grow((void **)&p->outs, p->nouts, sizeof *p->outs)) {
        ok = false;
        break;
      }
      POut *o = &p->outs[p->nouts];
      long b = strtol(s, &end, 10);
      s = end;
      o->index = strtoll(s, &end, 10);
      s = end;
      int n = 0;
      if (b < 0 || b >= (long)p->nbufs || sscanf(s, "%7s%n", o->dtype, &n) != 1) {
        ok = false;
        break;
      }
      s += n;
      o->buf = (unsigned)b;
      if (!read_dims(&s, &o->rank, o->dims)) ok = false;
      else p->nouts++;
    } else {
      ok = false;
    }
  }
  free(copy);
  if (!ok || !header) {
    plan_free(p);
    return sm_emit_error(ctx, sm_loc_unknown(ctx), "malformed OpenCL plan at line %u", line);
  }
  return true;
}

static bool dtype_parse(const char *s, SmDType *dt) {
  static const struct {
    const char *n;
    SmDType d;
  } t[] = {{"f32", SM_DT_F32}, {"f64", SM_DT_F64}, {"i64", SM_DT_I64}, {"i32", SM_DT_I32},
           {"i8", SM_DT_I8},   {"u8", SM_DT_U8},   {"bool", SM_DT_BOOL}};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
    if (!strcmp(s, t[i].n)) {
      *dt = t[i].d;
      return true;
    }
  return false;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static bool pick_device(SmContext *ctx, const SmOpenCLOptions *opt, cl_platform_id *pf, cl_device_id *dev) {
  cl_uint np = 0;
  cl_int e = clGetPlatformIDs(0, NULL, &np);
  if (e != CL_SUCCESS || np == 0)
    return sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: no platform found (clGetPlatformIDs: %s)", cl_err(e));
  if (opt->platform < 0 || (cl_uint)opt->platform >= np)
    return sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: platform %d does not exist (%u available)", opt->platform, np);
  cl_platform_id pfs[64];
  clGetPlatformIDs(np > 64 ? 64 : np, pfs, NULL);
  *pf = pfs[opt->platform];
  cl_uint nd = 0;
  e = clGetDeviceIDs(*pf, CL_DEVICE_TYPE_ALL, 0, NULL, &nd);
  if (e != CL_SUCCESS || nd == 0) return clfail(ctx, "clGetDeviceIDs", NULL, e);
  if (opt->device < 0 || (cl_uint)opt->device >= nd)
    return sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: device %d does not exist on platform %d (%u available)",
                         opt->device, opt->platform, nd);
  cl_device_id devs[64];
  clGetDeviceIDs(*pf, CL_DEVICE_TYPE_ALL, nd > 64 ? 64 : nd, devs, NULL);
  *dev = devs[opt->device];
  return true;
}

bool sm_opencl_list_devices(SmContext *ctx, FILE *out) {
  cl_uint np = 0;
  if (clGetPlatformIDs(0, NULL, &np) != CL_SUCCESS || !np) return sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: no platform found");
  cl_platform_id pfs[64];
  clGetPlatformIDs(np > 64 ? 64 : np, pfs, NULL);
  for (cl_uint p = 0; p < np && p < 64; p++) {
    char name[256] = "";
    clGetPlatformInfo(pfs[p], CL_PLATFORM_NAME, sizeof name, name, NULL);
    fprintf(out, "platform %u: %s\n", p, name);
    cl_uint nd = 0;
    cl_device_id devs[64];
    if (clGetDeviceIDs(pfs[p], CL_DEVICE_TYPE_ALL, 64, devs, &nd) != CL_SUCCESS) continue;
    for (cl_uint d = 0; d < nd && d < 64; d++) {
      clGetDeviceInfo(devs[d], CL_DEVICE_NAME, sizeof name, name, NULL);
      fprintf(out, "  device %u: %s\n", d, name);
    }
  }
  return true;
}

bool sm_opencl_device_profile(SmContext *ctx, const SmOpenCLOptions *opt, SmDeviceProfile *p) {
  cl_platform_id pf;
  cl_device_id dev;
  if (!pick_device(ctx, opt, &pf, &dev)) return false;
  sm_device_profile_default(p);
  char name[256] = "", ext[8192] = "";
  clGetDeviceInfo(dev, CL_DEVICE_NAME, sizeof name, name, NULL);
  snprintf(p->name, sizeof p->name, "%s", name);
  cl_bool images = CL_FALSE;
  size_t w = 0, h = 0;
  cl_uint vec = 0;
  cl_ulong local = 0;
  clGetDeviceInfo(dev, CL_DEVICE_IMAGE_SUPPORT, sizeof images, &images, NULL);
  clGetDeviceInfo(dev, CL_DEVICE_IMAGE2D_MAX_WIDTH, sizeof w, &w, NULL);
  clGetDeviceInfo(dev, CL_DEVICE_IMAGE2D_MAX_HEIGHT, sizeof h, &h, NULL);
  clGetDeviceInfo(dev, CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT, sizeof vec, &vec, NULL);
  clGetDeviceInfo(dev, CL_DEVICE_LOCAL_MEM_SIZE, sizeof local, &local, NULL);
  /* A too-long extension list is truncated: cl_khr_fp16 is then looked for
   * in what fits (the call fails and leaves ext empty on some drivers). */
  if (clGetDeviceInfo(dev, CL_DEVICE_EXTENSIONS, sizeof ext - 1, ext, NULL) != CL_SUCCESS) ext[0] = 0;
  p->image_support = images == CL_TRUE;
  p->max_image_width = images ? (int64_t)w : 0;
  p->max_image_height = images ? (int64_t)h : 0;
  p->preferred_vector_width = vec;
  p->local_mem_bytes = (int64_t)local;
  p->fp16 = strstr(ext, "cl_khr_fp16") != NULL;
  /* Stated, not measured: a GPU runs work-items in lockstep groups, so its
   * layouts are chosen for coalescing (neighbouring work-items reading
   * neighbouring addresses; docs/smartmem-layouts.md). A CPU device (PoCL)
   * runs each work-item's loops in order and emulates images in software
   * (read at twice a buffer's cost, as the pocl-cpu profile states). */
  cl_device_type type = 0;
  clGetDeviceInfo(dev, CL_DEVICE_TYPE, sizeof type, &type, NULL);
  cl_uint units = 0;
  clGetDeviceInfo(dev, CL_DEVICE_MAX_COMPUTE_UNITS, sizeof units, &units, NULL);
  if (type & CL_DEVICE_TYPE_GPU) {
    p->costs.simt = true;
    /* 256 work-items per compute unit (8 warps of 32 on an SM) before a
     * register tile may take parallelism away: latency hiding needs many. */
    if (units) p->min_work_items = (int64_t)units * 256;
    p->chain_inline_macs = 256;
    /* A launch (~1.5 us with its ramp) costs as much as ~1M element
     * accesses on a discrete GPU: a redundant copy rarely pays. */
    p->costs.copy_launch = 1048576;
  } else if (type & CL_DEVICE_TYPE_CPU) {
    p->image_read_cost = 2.0;
    /* Measured on PoCL: the SIMD schedule vectorizes row-major tensors;
     * re-laid-out ones were slower (docs/smartmem-layouts.md). */
    if (vec > 4) p->select_layouts = false;
  }
  return true;
}

void sm_opencl_stats_free(SmOpenCLStats *s) {
  free(s->launch_times);
  if (s->launch_names)
    for (unsigned i = 0; i < s->num_launches; i++) free(s->launch_names[i]);
  free(s->launch_names);
  s->launch_times = NULL;
  s->launch_names = NULL;
}

static SmLoc *plan_loc(SmContext *ctx, const char *text) {
  const char *c2 = strrchr(text, ':');
  if (!c2 || c2 == text) return sm_loc_unknown(ctx);
  const char *c1 = c2 - 1;
  while (c1 > text && *c1 != ':') c1--;
  if (*c1 != ':' || c1 == text) return sm_loc_unknown(ctx);
  char file[256];
  size_t n = (size_t)(c1 - text);
  memcpy(file, text, n);
  file[n] = 0;
  return sm_loc_file(ctx, file, (unsigned)strtoul(c1 + 1, NULL, 10), (unsigned)strtoul(c2 + 1, NULL, 10));
}

/* The device lists CL_RGBA/CL_HALF_FLOAT 2D images when the plan has half
 * image slots (an error at the first alloc that uses such a slot). */
static bool check_half_images(SmContext *ctx, const Plan *p, cl_context clc) {
  const PBuf *first = NULL;
  for (unsigned i = 0; i < p->nbufs && !first; i++)
    if (p->bufs[i].kind == PB_ALLOC && p->bufs[i].w && p->slot_img[p->bufs[i].a][2]) first = &p->bufs[i];
  if (!first) return true;
  cl_uint n = 0;
  cl_image_format fmts[256];
  cl_int e = clGetSupportedImageFormats(clc, CL_MEM_READ_WRITE, CL_MEM_OBJECT_IMAGE2D, 256, fmts, &n);
  for (cl_uint i = 0; e == CL_SUCCESS && i < n && i < 256; i++)
    if (fmts[i].image_channel_order == CL_RGBA && fmts[i].image_channel_data_type == CL_HALF_FLOAT) return true;
  return sm_emit_error(ctx, plan_loc(ctx, first->loc),
                       "OpenCL: the device does not support CL_RGBA/CL_HALF_FLOAT images, needed by half storage "
                       "(use buffers for this tensor, or no half storage)");
}

/* Every image of the plan fits the device (checked before anything is created). */
static bool check_images(SmContext *ctx, const Plan *p, cl_device_id dev) {
  bool any = false;
  for (unsigned i = 0; i < p->nbufs; i++) any |= p->bufs[i].w > 0;
  if (!any) return true;
  cl_bool support = CL_FALSE;
  size_t maxw = 0, maxh = 0;
  clGetDeviceInfo(dev, CL_DEVICE_IMAGE_SUPPORT, sizeof support, &support, NULL);
  clGetDeviceInfo(dev, CL_DEVICE_IMAGE2D_MAX_WIDTH, sizeof maxw, &maxw, NULL);
  clGetDeviceInfo(dev, CL_DEVICE_IMAGE2D_MAX_HEIGHT, sizeof maxh, &maxh, NULL);
  bool ok = true;
  for (unsigned i = 0; i < p->nbufs; i++) {
    const PBuf *b = &p->bufs[i];
    if (!b->w) continue;
    const char *what = b->kind == PB_INPUT ? "input" : "intermediate";
    if (!support)
      ok = sm_emit_error(ctx, plan_loc(ctx, b->loc), "OpenCL: the device has no image support, but %s buffer %u is an image", what, i);
    else if ((size_t)b->w > maxw || (size_t)b->h > maxh)
      ok = sm_emit_error(ctx, plan_loc(ctx, b->loc),
                         "OpenCL: %s buffer %u needs a %lld x %lld image (width x height), larger than the device "
                         "allows (CL_DEVICE_IMAGE2D_MAX_WIDTH %zu, CL_DEVICE_IMAGE2D_MAX_HEIGHT %zu)",
                         what, i, (long long)b->w, (long long)b->h, maxw, maxh);
  }
  return ok;
}

static cl_mem create_image(cl_context clc, cl_mem_flags flags, int64_t w, int64_t h, bool half, cl_int *e) {
  cl_image_format fmt = {CL_RGBA, half ? CL_HALF_FLOAT : CL_FLOAT};
  cl_image_desc desc;
  memset(&desc, 0, sizeof desc);
  desc.image_type = CL_MEM_OBJECT_IMAGE2D;
  desc.image_width = (size_t)w;
  desc.image_height = (size_t)h;
  return clCreateImage(clc, flags, &fmt, &desc, NULL, e);
}

/* Host conversion between a row-major f32 tensor and an image's pixels. */
static void image_convert(const PBuf *b, unsigned rank, const int64_t *dims, float *tensor, bool to_pixels) {
  int64_t idx[SM_TENSOR_MAX_RANK] = {0}, n = 1;
  for (unsigned d = 0; d < rank; d++) n *= dims[d];
  if (to_pixels) memset(b->pixels, 0, (size_t)(b->w * b->h * 4) * sizeof(float));
  for (int64_t i = 0; i < n; i++) {
    int64_t y = sm_affine_expr_eval(b->map->results[0], idx, NULL), x = sm_affine_expr_eval(b->map->results[1], idx, NULL),
            lane = sm_affine_expr_eval(b->map->results[2], idx, NULL);
    if (y >= 0 && y < b->h && x >= 0 && x < b->w && lane >= 0 && lane < 4) {
      float *px = &b->pixels[(y * b->w + x) * 4 + lane];
      if (to_pixels) *px = tensor[i];
      else tensor[i] = *px;
    }
    for (unsigned d = rank; d-- > 0;) {
      if (++idx[d] < dims[d]) break;
      idx[d] = 0;
    }
  }
}

/* The program for the device: from the binary cache when an entry for
 * (source, options, device) exists, else built from source and stored. */
static const char build_options[] = "-cl-std=CL1.2 -cl-mad-enable";

static cl_program build_program(SmContext *ctx, cl_context clc, cl_platform_id pf, cl_device_id dev,
                                const SmOpenCLProgram *prog, const SmOpenCLOptions *opt, bool *hit) {
  cl_int e;
  const char *src = prog->source.data ? prog->source.data : "";
  size_t srclen = prog->source.len;
  char ids[4][256] = {"", "", "", ""}, dir[4096];
  clGetPlatformInfo(pf, CL_PLATFORM_NAME, sizeof ids[0], ids[0], NULL);
  clGetDeviceInfo(dev, CL_DEVICE_NAME, sizeof ids[1], ids[1], NULL);
  clGetDeviceInfo(dev, CL_DEVICE_VERSION, sizeof ids[2], ids[2], NULL);
  clGetDeviceInfo(dev, CL_DRIVER_VERSION, sizeof ids[3], ids[3], NULL);
  const char *idp[4] = {ids[0], ids[1], ids[2], ids[3]};
  uint64_t key = sm_program_cache_key(src, srclen, build_options, idp, 4);
  bool cache = !opt->no_binary_cache && sm_program_cache_dir(opt->cache_dir, dir, sizeof dir);
  *hit = false;
  if (cache) {
    unsigned char *bin = NULL;
    size_t len = 0;
    if (sm_program_cache_load(dir, key, &bin, &len)) {
      const unsigned char *bp = bin;
      cl_int st = CL_SUCCESS;
      cl_program pr = clCreateProgramWithBinary(clc, 1, &dev, &len, &bp, &st, &e);
      free(bin);
      if (pr && e == CL_SUCCESS && st == CL_SUCCESS && clBuildProgram(pr, 1, &dev, build_options, NULL, NULL) == CL_SUCCESS) {
        *hit = true;
        return pr;
      }
      if (pr) clReleaseProgram(pr); /* a stale or foreign entry: rebuild and overwrite it */
    }
  }
  cl_program pr = clCreateProgramWithSource(clc, 1, &src, &srclen, &e);
  if (!pr) {
    clfail(ctx, "clCreateProgramWithSource", NULL, e);
    return NULL;
  }
  e = clBuildProgram(pr, 1, &dev, build_options, NULL, NULL);
  if (e != CL_SUCCESS) {
    size_t n = 0;
    clGetProgramBuildInfo(pr, dev, CL_PROGRAM_BUILD_LOG, 0, NULL, &n);
    char *log = malloc(n + 1);
    if (log) {
      clGetProgramBuildInfo(pr, dev, CL_PROGRAM_BUILD_LOG, n, log, NULL);
      log[n] = 0;
    }
    sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: clBuildProgram failed: %s (%d); build log:\n%s", cl_err(e), (int)e,
                  log ? log : "(unavailable)");
    free(log);
    clReleaseProgram(pr);
    return NULL;
  }
  size_t len = 0;
  if (cache && clGetProgramInfo(pr, CL_PROGRAM_BINARY_SIZES, sizeof len, &len, NULL) == CL_SUCCESS && len) {
    unsigned char *bin = malloc(len);
    if (bin && clGetProgramInfo(pr, CL_PROGRAM_BINARIES, sizeof bin, &bin, NULL) == CL_SUCCESS)
      sm_program_cache_store(dir, key, bin, len);
    free(bin);
  }
  return pr;
}

/* A recorded cl_khr_command_buffer of all launches (the OpenCL counterpart
 * of a CUDA graph): one enqueue per forward instead of one per kernel. */
typedef struct CmdBuf {
  cl_command_buffer_khr cb;
  clEnqueueCommandBufferKHR_fn enqueue;
  clReleaseCommandBufferKHR_fn release;
} CmdBuf;

static cl_int enqueue_launch(cl_command_queue q, const PLaunch *l, cl_event *ev) {
  cl_int e = clEnqueueNDRangeKernel(q, l->kernel, l->ndims, NULL, l->global, l->local[0] ? l->local : NULL, 0, NULL, ev);
  if (e == CL_INVALID_WORK_GROUP_SIZE && l->local[0])
    e = clEnqueueNDRangeKernel(q, l->kernel, l->ndims, NULL, l->global, NULL, 0, NULL, ev);
  return e;
}

/* Records the launches when the device offers the extension; leaves cb
 * empty (the plain path) when it does not or anything fails. */
static void record_command_buffer(const Plan *p, cl_platform_id pf, cl_device_id dev, cl_command_queue q, CmdBuf *cb) {
  memset(cb, 0, sizeof *cb);
  size_t n = 0;
  if (clGetDeviceInfo(dev, CL_DEVICE_EXTENSIONS, 0, NULL, &n) != CL_SUCCESS || !n) return;
  char *ext = malloc(n + 1);
  if (!ext) return;
  bool has = clGetDeviceInfo(dev, CL_DEVICE_EXTENSIONS, n, ext, NULL) == CL_SUCCESS && strstr(ext, "cl_khr_command_buffer");
  free(ext);
  if (!has || !p->nlaunches) return;
  clCreateCommandBufferKHR_fn create = (clCreateCommandBufferKHR_fn)clGetExtensionFunctionAddressForPlatform(pf, "clCreateCommandBufferKHR");
  clCommandNDRangeKernelKHR_fn nd = (clCommandNDRangeKernelKHR_fn)clGetExtensionFunctionAddressForPlatform(pf, "clCommandNDRangeKernelKHR");
  clFinalizeCommandBufferKHR_fn fin = (clFinalizeCommandBufferKHR_fn)clGetExtensionFunctionAddressForPlatform(pf, "clFinalizeCommandBufferKHR");
  cb->enqueue = (clEnqueueCommandBufferKHR_fn)clGetExtensionFunctionAddressForPlatform(pf, "clEnqueueCommandBufferKHR");
  cb->release = (clReleaseCommandBufferKHR_fn)clGetExtensionFunctionAddressForPlatform(pf, "clReleaseCommandBufferKHR");
  if (!create || !nd || !fin || !cb->enqueue || !cb->release) return;
  cl_int e;
  cl_command_buffer_khr b = create(1, &q, NULL, &e);
  if (!b || e != CL_SUCCESS) return;
  bool ok = true;
  for (unsigned i = 0; ok && i < p->nlaunches; i++) {
    const PLaunch *l = &p->launches[i];
    e = nd(b, NULL, NULL, l->kernel, l->ndims, NULL, l->global, l->local[0] ? l->local : NULL, 0, NULL, NULL, NULL);
    if (e == CL_INVALID_WORK_GROUP_SIZE && l->local[0])
      e = nd(b, NULL, NULL, l->kernel, l->ndims, NULL, l->global, NULL, 0, NULL, NULL, NULL);
    ok = e == CL_SUCCESS;
  }
  if (ok) ok = fin(b) == CL_SUCCESS;
  if (!ok) {
    cb->release(b);
    return;
  }
  cb->cb = b;
}

/* Enqueues one forward (no finish): the command buffer when recorded,
 * else the launches in order (with events when profiling). */
static bool forward(SmContext *ctx, Plan *p, cl_command_queue q, const CmdBuf *cb, cl_event *events) {
  if (cb && cb->cb) {
    cl_int e = cb->enqueue(0, NULL, cb->cb, 0, NULL, NULL);
    return e == CL_SUCCESS || clfail(ctx, "clEnqueueCommandBufferKHR", "the forward", e);
  }
  for (unsigned i = 0; i < p->nlaunches; i++) {
    cl_int e = enqueue_launch(q, &p->launches[i], events ? &events[i] : NULL);
    if (e != CL_SUCCESS) return clfail(ctx, "clEnqueueNDRangeKernel", p->launches[i].name, e);
  }
  return true;
}

static bool write_inputs(SmContext *ctx, Plan *p, cl_command_queue q, const SmTensor *inputs) {
  for (unsigned i = 0; i < p->nbufs; i++) {
    PBuf *b = &p->bufs[i];
    if (b->kind != PB_INPUT) continue;
    cl_int e;
    if (b->w) {
      size_t origin[3] = {0, 0, 0}, region[3] = {(size_t)b->w, (size_t)b->h, 1};
      image_convert(b, b->rank, b->dims, inputs[b->a].data, true);
      e = clEnqueueWriteImage(q, b->mem, CL_TRUE, origin, region, 0, 0, b->pixels, 0, NULL, NULL);
    } else {
      e = clEnqueueWriteBuffer(q, b->mem, CL_FALSE, 0, (size_t)b->c, inputs[b->a].data, 0, NULL, NULL);
    }
    if (e != CL_SUCCESS) return clfail(ctx, "clEnqueueWriteBuffer", "an input", e);
  }
  return true;
}

/* Reads the outputs back (blocking: the queue is in order, so this is the
 * forward's one wait); allocates them on the first call. */
static bool read_outputs(SmContext *ctx, Plan *p, cl_command_queue q, unsigned max_outputs, SmTensor *outputs,
                         unsigned *num_outputs) {
  if (*num_outputs == 0) {
    for (unsigned o = 0; o < p->nouts; o++) {
      POut *po = &p->outs[o];
      SmDType dt;
      if (po->index < 0 || (unsigned)po->index >= max_outputs || !dtype_parse(po->dtype, &dt))
        return sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL plan: bad output %u", o);
      if (!sm_tensor_alloc(&outputs[po->index], dt, po->rank, po->dims)) return false;
      if (po->index + 1 > (int64_t)*num_outputs) *num_outputs = (unsigned)po->index + 1;
    }
  }
  for (unsigned o = 0; o < p->nouts; o++) {
    SmTensor *t = &outputs[p->outs[o].index];
    PBuf *ob = &p->bufs[p->outs[o].buf];
    cl_int e;
    if (ob->w) {
      if (t->dtype != SM_DT_F32) return sm_emit_error(ctx, plan_loc(ctx, ob->loc), "OpenCL plan: image output %u must be f32", o);
      if (!ob->pixels && !(ob->pixels = malloc((size_t)(ob->w * ob->h * 4) * sizeof(float)))) return false;
      size_t origin[3] = {0, 0, 0}, region[3] = {(size_t)ob->w, (size_t)ob->h, 1};
      e = clEnqueueReadImage(q, ob->mem, CL_TRUE, origin, region, 0, 0, ob->pixels, 0, NULL, NULL);
      if (e == CL_SUCCESS) image_convert(ob, p->outs[o].rank, p->outs[o].dims, t->data, false);
    } else {
      e = clEnqueueReadBuffer(q, ob->mem, CL_TRUE, 0, sm_tensor_nbytes(t), t->data, 0, NULL, NULL);
    }
    if (e != CL_SUCCESS) return clfail(ctx, "clEnqueueReadBuffer", "an output", e);
  }
  return true;
}

bool sm_opencl_run_program(SmContext *ctx, const SmOpenCLProgram *prog, const SmOpenCLOptions *opt,
                           unsigned num_inputs, const SmTensor *inputs, unsigned max_outputs,
                           SmTensor *outputs, unsigned *num_outputs, SmOpenCLStats *stats) {
  Plan p;
  *num_outputs = 0;
  if (!plan_parse(ctx, prog->plan.data ? prog->plan.data : "", prog->plan.len, &p)) return false;
  unsigned nslots = p.nslots;
  cl_platform_id pf = NULL;
  cl_device_id dev;
  cl_context clc = NULL;
  cl_command_queue q = NULL;
  cl_program pr = NULL;
  cl_mem *slots = NULL;
  double *times = NULL, *ktimes = NULL;
  cl_event *events = NULL;
  cl_command_queue pq = NULL;
  CmdBuf cb = {0};
  bool ok = false;
  cl_int e;
  int runs = opt->repeat > 0 ? opt->repeat : 1;
  if (!pick_device(ctx, opt, &pf, &dev)) goto out;
  if (!check_images(ctx, &p, dev)) goto out;
  if (stats) {
    memset(stats, 0, sizeof *stats);
    clGetDeviceInfo(dev, CL_DEVICE_NAME, sizeof stats->device_name, stats->device_name, NULL);
    clGetPlatformInfo(pf, CL_PLATFORM_NAME, sizeof stats->platform_name, stats->platform_name, NULL);
  }
  clc = clCreateContext(NULL, 1, &dev, NULL, NULL, &e);
  if (!clc) {
    clfail(ctx, "clCreateContext", NULL, e);
    goto out;
  }
  if (!check_half_images(ctx, &p, clc)) goto out;
  q = clCreateCommandQueue(clc, dev, 0, &e);
  if (!q) {
    clfail(ctx, "clCreateCommandQueue", NULL, e);
    goto out;
  }
  double t0 = now_ms();
  bool hit = false;
  /* --kernel-format=spirv builds through program_spirv.c (no binary cache:
   * the SPIR 1.2 translation is its own step there). */
  pr = prog->spirv ? sm_opencl_build_spirv(ctx, clc, dev, prog) : build_program(ctx, clc, pf, dev, prog, opt, &hit);
  if (!pr) goto out;
  if (stats) stats->binary_cache_hit = hit;
  if (stats) stats->build_ms = now_ms() - t0;
  for (unsigned i = 0; i < p.nlaunches; i++) {
    p.launches[i].kernel = clCreateKernel(pr, p.launches[i].name, &e);
    if (!p.launches[i].kernel) {
      clfail(ctx, "clCreateKernel", p.launches[i].name, e);
      goto out;
    }
  }
  t0 = now_ms();
  slots = calloc(p.nslots ? p.nslots : 1, sizeof *slots);
  if (!slots) goto out;
  for (unsigned s = 0; s < p.nslots; s++) {
    bool img = p.slot_img[s][0] > 0;
    if (img) slots[s] = create_image(clc, CL_MEM_READ_WRITE, p.slot_img[s][0], p.slot_img[s][1], p.slot_img[s][2], &e);
    else slots[s] = clCreateBuffer(clc, CL_MEM_READ_WRITE, p.slots[s] ? (size_t)p.slots[s] : 1, NULL, &e);
    if (!slots[s]) {
      char what[32];
      snprintf(what, sizeof what, "slot %u", s);
      clfail(ctx, img ? "clCreateImage" : "clCreateBuffer", what, e);
      goto out;
    }
  }
  for (unsigned i = 0; i < p.nbufs; i++) {
    PBuf *b = &p.bufs[i];
    if (b->kind == PB_ALLOC) {
      b->mem = slots[b->a];
      continue;
    }
    size_t bytes;
    if (b->kind == PB_WEIGHT) {
      if (b->a < 0 || b->b < 0 || (size_t)(b->a + b->b) > prog->weights.len) {
        sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL plan: weight %u lies outside the weights blob", i);
        goto out;
      }
      bytes = (size_t)b->b;
      b->mem = clCreateBuffer(clc, CL_MEM_READ_ONLY | (bytes ? CL_MEM_COPY_HOST_PTR : 0), bytes ? bytes : 1,
                              bytes ? prog->weights.data + b->a : NULL, &e);
    } else {
      SmDType dt;
      if (!dtype_parse(b->dtype, &dt)) {
        sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL plan: unknown dtype '%s'", b->dtype);
        goto out;
      }
      int64_t n = 1;
      for (unsigned d = 0; d < b->rank; d++) n *= b->dims[d];
      bytes = (size_t)n * sm_dtype_size(dt);
      b->c = (int64_t)bytes;
      if (b->w && dt != SM_DT_F32) {
        sm_emit_error(ctx, plan_loc(ctx, b->loc), "OpenCL plan: image input %u must be f32", i);
        goto out;
      }
      if (b->w) {
        b->pixels = malloc((size_t)(b->w * b->h * 4) * sizeof(float));
        if (!b->pixels) goto out;
        b->mem = create_image(clc, CL_MEM_READ_ONLY, b->w, b->h, false, &e);
      } else {
        b->mem = clCreateBuffer(clc, CL_MEM_READ_ONLY, bytes ? bytes : 1, NULL, &e);
      }
    }
    if (!b->mem) {
      char what[32];
      snprintf(what, sizeof what, "buffer %u", i);
      clfail(ctx, b->w ? "clCreateImage" : "clCreateBuffer", what, e);
      goto out;
    }
  }
  if (stats) stats->upload_ms = now_ms() - t0;
  for (unsigned i = 0; i < p.nlaunches; i++) {
    PLaunch *l = &p.launches[i];
    for (unsigned a = 0; a < l->nargs; a++) {
      e = clSetKernelArg(l->kernel, a, sizeof(cl_mem), &p.bufs[l->args[a]].mem);
      if (e != CL_SUCCESS) {
        clfail(ctx, "clSetKernelArg", l->name, e);
        goto out;
      }
    }
  }
  /* Inputs: check them against the plan. */
  for (unsigned i = 0; i < p.nbufs; i++) {
    PBuf *b = &p.bufs[i];
    if (b->kind != PB_INPUT) continue;
    if (b->a < 0 || (unsigned)b->a >= num_inputs) {
      sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: the program needs input %lld, %u given", (long long)b->a, num_inputs);
      goto out;
    }
    const SmTensor *t = &inputs[b->a];
    SmDType dt;
    if (!dtype_parse(b->dtype, &dt) || t->dtype != dt || sm_tensor_nbytes(t) != (size_t)b->c) {
      sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: input %lld has the wrong type or shape (expected %s)", (long long)b->a, b->dtype);
      goto out;
    }
  }
  times = calloc((size_t)runs * 2 + 1, sizeof *times);
  events = calloc(p.nlaunches ? p.nlaunches : 1, sizeof *events);
  ktimes = calloc((size_t)(p.nlaunches ? p.nlaunches : 1) * (size_t)runs, sizeof *ktimes);
  if (!times || !events || !ktimes) goto out;
  if (!opt->no_command_buffer) record_command_buffer(&p, pf, dev, q, &cb);
  if (stats) stats->command_buffer = cb.cb != NULL;
  /* First run: produces the outputs (and warms up when timing). */
  if (!write_inputs(ctx, &p, q, inputs) || !forward(ctx, &p, q, &cb, NULL) ||
      !read_outputs(ctx, &p, q, max_outputs, outputs, num_outputs))
    goto out;
  if (opt->repeat > 0) {
    /* End to end: inputs up, the forward, outputs down. */
    for (int r = 0; r < runs; r++) {
      double s = now_ms();
      if (!write_inputs(ctx, &p, q, inputs) || !forward(ctx, &p, q, &cb, NULL) ||
          !read_outputs(ctx, &p, q, max_outputs, outputs, num_outputs))
        goto out;
      times[r] = now_ms() - s;
    }
    /* Device forward: inputs resident, first launch to finish. */
    for (int r = 0; r < runs; r++) {
      double s = now_ms();
      if (!forward(ctx, &p, q, &cb, NULL)) goto out;
      e = clFinish(q);
      if (e != CL_SUCCESS) {
        clfail(ctx, "clFinish", "the launches", e);
        goto out;
      }
      times[runs + r] = now_ms() - s;
    }
  }
  if (opt->profile) {
    /* A separate pass on a profiling queue: events never slow the timed runs. */
    pq = clCreateCommandQueue(clc, dev, CL_QUEUE_PROFILING_ENABLE, &e);
    if (!pq) {
      clfail(ctx, "clCreateCommandQueue", "the profiling queue", e);
      goto out;
    }
    for (int r = 0; r < runs; r++) {
      if (!forward(ctx, &p, pq, NULL, events)) goto out;
      e = clFinish(pq);
      if (e != CL_SUCCESS) {
        clfail(ctx, "clFinish", "the profiled launches", e);
        goto out;
      }
      for (unsigned i = 0; i < p.nlaunches; i++) {
        cl_ulong a = 0, b = 0;
        clGetEventProfilingInfo(events[i], CL_PROFILING_COMMAND_START, sizeof a, &a, NULL);
        clGetEventProfilingInfo(events[i], CL_PROFILING_COMMAND_END, sizeof b, &b, NULL);
        ktimes[(size_t)i * runs + r] = (double)(b - a) / 1e6;
        clReleaseEvent(events[i]);
        events[i] = NULL;
      }
    }
  }
  if (stats) {
    if (opt->repeat > 0) {
      qsort(times, (size_t)runs, sizeof *times, cmp_double);
      qsort(times + runs, (size_t)runs, sizeof *times, cmp_double);
      stats->median_ms = times[runs / 2];
      stats->min_ms = times[0];
      stats->forward_median_ms = times[runs + runs / 2];
      stats->forward_min_ms = times[runs];
    }
    stats->runs = opt->repeat > 0 ? runs : 0;
    stats->num_launches = p.nlaunches;
    if (opt->profile) {
      stats->launch_times = calloc(p.nlaunches ? p.nlaunches : 1, sizeof *stats->launch_times);
      stats->launch_names = calloc(p.nlaunches ? p.nlaunches : 1, sizeof *stats->launch_names);
      if (!stats->launch_times || !stats->launch_names) goto out;
      for (unsigned i = 0; i < p.nlaunches; i++) {
        qsort(ktimes + (size_t)i * runs, (size_t)runs, sizeof(double), cmp_double);
        stats->launch_names[i] = strdup(p.launches[i].name);
        stats->launch_times[i].name = stats->launch_names[i];
        stats->launch_times[i].median_ms = ktimes[(size_t)i * runs + runs / 2];
      }
    }
  }
  ok = true;
out:
  if (!ok) {
    for (unsigned o = 0; o < *num_outputs; o++) sm_tensor_free(&outputs[o]);
    *num_outputs = 0;
  }
  if (events)
    for (unsigned i = 0; i < p.nlaunches; i++)
      if (events[i]) clReleaseEvent(events[i]);
  free(events);
  free(times);
  free(ktimes);
  if (cb.cb) cb.release(cb.cb);
  if (pq) clReleaseCommandQueue(pq);
  /* Alloc buffers alias slots: plan_free leaves them to this loop. */
  for (unsigned s = 0; slots && s < nslots; s++)
    if (slots[s]) clReleaseMemObject(slots[s]);
  plan_free(&p);
  free(slots);
  if (pr) clReleaseProgram(pr);
  if (q) clReleaseCommandQueue(q);
  if (clc) clReleaseContext(clc);
  return ok;
}
