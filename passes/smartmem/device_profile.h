/* Device profiles: what SmartMem's layout passes need to know about a GPU
 * (DESIGN §6, 2.5D mapping), read from YAML (libyaml). See
 * docs/smartmem-layouts.md for the format and the shipped profiles
 * (backend/profiles/NAME.yaml, installed under share/smartmem/profiles). */
#ifndef SM_PASSES_SMARTMEM_DEVICE_PROFILE_H
#define SM_PASSES_SMARTMEM_DEVICE_PROFILE_H

#include "ir/ir.h"
#include "passes/smartmem/layout_search.h"

#include <stdio.h>

typedef struct SmDeviceProfile {
  char name[256];
  bool image_support;
  int64_t max_image_width, max_image_height; /* pixels (4 lanes each) */
  bool fp16;                                 /* cl_khr_fp16 (half arithmetic); gates smartmem-half-storage{storage=auto} */
  int64_t preferred_vector_width;            /* floats (CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT) */
  int64_t local_mem_bytes;
  /* Cost of reading one element from an image relative to a buffer (< 1:
   * images are faster, e.g. a texture cache; > 1: emulated images). */
  double image_read_cost;
  /* Work-items the kernel lowering's default schedule keeps at least when
   * it gives each work-item a register tile: enough to fill the device
   * (a GPU: compute units x 256; a CPU: a few per core). */
  int64_t min_work_items;
  /* Chain kernels (LayerNorm, Softmax) recompute a producer read only by
   * them when its reduction length times its reads is at most this
   * (0: never). Pays on GPUs, where a kernel and a round trip through
   * memory cost more than the recomputation; on PoCL the recomputed
   * attention scores were slower than the register-tiled matmul. */
  int64_t chain_inline_macs;
  /* Whether smartmem-select-layout re-lays out tensors on this device. Off
   * on SIMD CPUs (PoCL): their kernels vectorize along the row-major
   * fastest dim, and re-laid-out tensors measured 1.2-3.6x slower there
   * (docs/smartmem-layouts.md). */
  bool select_layouts;
  SmLsCosts costs; /* layout selection's cost model on this device */
} SmDeviceProfile;

/* The built-in defaults (a generic OpenCL GPU with images, fp32 only). */
void sm_device_profile_default(SmDeviceProfile *p);
/* Loads NAME (a shipped profile) or FILE (a path containing '/' or ending
 * in .yaml). Unknown keys and bad values are located errors. */
bool sm_device_profile_load(SmContext *ctx, const char *name_or_file, SmDeviceProfile *p);
/* Writes p as a profile YAML document. */
void sm_device_profile_write(const SmDeviceProfile *p, FILE *out);
/* The profile selected for a module: the pass option when not empty, else
 * the module's `smartmem.device_profile` string attribute (smc/smrun
 * --device-profile set it), else the defaults. */
bool sm_device_profile_for(SmOp *module, const char *option, SmDeviceProfile *p);

/* Loads (checks) the profile and records it on the module as
 * `smartmem.device_profile` (what --device-profile does in smc and smrun). */
bool sm_device_profile_attach(SmOp *module, const char *name_or_file);

/* Records profile p itself on the module (as YAML text in
 * `smartmem.device_profile`): what smrun --backend=opencl does with the
 * profile it reads off the device when no --device-profile is given. */
bool sm_device_profile_attach_inline(SmOp *module, const SmDeviceProfile *p);

#endif
