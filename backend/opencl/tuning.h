/* Kernel schedules chosen by `smrun --tune`: the YAML tuning cache, keyed
 * by kernel signature and device, and its application to a layout-level
 * module (docs/opencl-backend.md, "Auto-tuning"). */
#ifndef SM_BACKEND_OPENCL_TUNING_H
#define SM_BACKEND_OPENCL_TUNING_H

#include "ir/ir.h"

#include <stdint.h>

typedef struct SmTuningEntry {
  char device[256];
  uint64_t kernel;      /* sm_tuning_signature */
  char kind[64];        /* what it was (for people reading the file) */
  unsigned ntile;
  int64_t tile[16];     /* per domain dim */
  int64_t unroll;
  double ms;            /* measured kernel time of the winner */
} SmTuningEntry;

typedef struct SmTuningCache {
  SmTuningEntry *entries;
  unsigned count, cap;
} SmTuningCache;

/* Signature of a layout.generic: its properties, operand and result types
 * and body ops (not its location or kernel.schedule), hashed. */
uint64_t sm_tuning_signature(SmOp *generic);
/* The cache file: $SMARTMEM_TUNING_CACHE, else $XDG_CACHE_HOME/smartmem/tuning.yaml,
 * else ~/.cache/smartmem/tuning.yaml. False when none can be named. */
bool sm_tuning_cache_path(char *buf, size_t n);
/* Reads path (a missing file is an empty cache). Diagnoses malformed files. */
bool sm_tuning_cache_load(SmContext *ctx, const char *path, SmTuningCache *c);
/* Writes the cache atomically (temporary file, rename). */
bool sm_tuning_cache_save(SmContext *ctx, const char *path, const SmTuningCache *c);
/* Adds or replaces the entry for (e->device, e->kernel). */
bool sm_tuning_cache_put(SmTuningCache *c, const SmTuningEntry *e);
const SmTuningEntry *sm_tuning_cache_find(const SmTuningCache *c, const char *device, uint64_t kernel);
void sm_tuning_cache_free(SmTuningCache *c);
/* Sets kernel.schedule on every layout.generic of module that has no
 * schedule and has a cache entry for device; returns how many. */
unsigned sm_tuning_apply(SmOp *module, const SmTuningCache *c, const char *device);
/* The key of an OpenCL device: "name / driver version"; false when absent. */
bool sm_tuning_device_key(int platform, int device, char *buf, size_t n);
/* Appends " (blocked)" to a device key when the module's kernels tile the
 * fastest dim blocked (sm_kernel_fastest_blocked): a tile means something
 * else there, so such entries never meet cyclic ones. */
bool sm_tuning_key_mode(SmOp *module, char *buf, size_t n);

#endif
