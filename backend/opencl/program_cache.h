/* On-disk cache of OpenCL program binaries (program_cache.c). */
#ifndef SM_BACKEND_OPENCL_PROGRAM_CACHE_H
#define SM_BACKEND_OPENCL_PROGRAM_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Key of a program: its source, build options and device identity strings. */
uint64_t sm_program_cache_key(const char *source, size_t len, const char *options, const char *const *device_ids,
                              unsigned nids);
/* The cache directory, created if needed: override, else $SMARTMEM_CACHE_DIR,
 * else $XDG_CACHE_HOME/smartmem/opencl, else ~/.cache/smartmem/opencl.
 * False when none is usable. */
bool sm_program_cache_dir(const char *override, char *buf, size_t n);
/* Reads the binary stored for key (malloc'd into *data); false when the
 * entry is absent, truncated, for another key or its payload hash differs. */
bool sm_program_cache_load(const char *dir, uint64_t key, unsigned char **data, size_t *len);
/* Writes the entry for key atomically (temporary file, then rename). */
bool sm_program_cache_store(const char *dir, uint64_t key, const unsigned char *data, size_t len);

#endif
