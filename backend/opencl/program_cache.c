/* On-disk cache of OpenCL program binaries, so that a second smrun skips
 * the driver's compile. An entry is keyed by a 64-bit FNV-1a hash of the
 * OpenCL C source, the build options and the device identity (platform,
 * device name, device and driver versions): a new driver or a different
 * device never sees another's binary. Entries are written to a temporary
 * name and renamed, so a reader never sees half a file. Each entry carries
 * a header (magic, format version, key, payload length, payload hash) that
 * is checked before the payload goes anywhere near the driver: a truncated,
 * overwritten or foreign file is treated as absent, because some drivers
 * misbehave when handed a garbage binary. Every failure here only means
 * "no cache": the caller builds from source and overwrites the entry. */
#include "backend/opencl/program_cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t fnv(uint64_t h, const void *data, size_t n) {
  const unsigned char *p = data;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

uint64_t sm_program_cache_key(const char *source, size_t len, const char *options, const char *const *device_ids,
                              unsigned nids) {
  uint64_t h = fnv(14695981039346656037ull, source, len);
  h = fnv(h, "\0", 1);
  h = fnv(h, options, strlen(options));
  for (unsigned i = 0; i < nids; i++) {
    h = fnv(h, "\0", 1);
    h = fnv(h, device_ids[i], strlen(device_ids[i]));
  }
  return h;
}

/* mkdir -p; true when dir exists afterwards. */
static bool make_dirs(char *dir) {
  for (char *s = dir + 1; *s; s++) {
    if (*s != '/') continue;
    *s = 0;
    bool ok = mkdir(dir, 0755) == 0 || errno == EEXIST;
    *s = '/';
    if (!ok) return false;
  }
  return mkdir(dir, 0755) == 0 || errno == EEXIST;
}

bool sm_program_cache_dir(const char *override, char *buf, size_t n) {
  const char *env = getenv("SMARTMEM_CACHE_DIR");
  const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  int w;
  if (override && *override) w = snprintf(buf, n, "%s", override);
  else if (env && *env) w = snprintf(buf, n, "%s", env);
  else if (xdg && *xdg) w = snprintf(buf, n, "%s/smartmem/opencl", xdg);
  else if (home && *home) w = snprintf(buf, n, "%s/.cache/smartmem/opencl", home);
  else return false;
  if (w <= 0 || (size_t)w >= n) return false;
  return make_dirs(buf);
}

/* The entry header, little-endian on disk whatever the host. */
static const char entry_magic[8] = {'S', 'M', 'P', 'R', 'O', 'G', 'C', '1'};
enum { ENTRY_HEADER = 8 + 8 + 8 + 8 };

static void put_u64(unsigned char *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) v |= (uint64_t)p[i] << (8 * i);
  return v;
}

static uint64_t payload_hash(const unsigned char *data, size_t len) {
  return fnv(14695981039346656037ull, data, len);
}

static bool entry_path(const char *dir, uint64_t key, char *buf, size_t n) {
  int w = snprintf(buf, n, "%s/%016llx.bin", dir, (unsigned long long)key);
  return w > 0 && (size_t)w < n;
}

bool sm_program_cache_load(const char *dir, uint64_t key, unsigned char **data, size_t *len) {
  char path[4096];
  *data = NULL;
  *len = 0;
  if (!entry_path(dir, key, path, sizeof path)) return false;
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  bool ok = fseek(f, 0, SEEK_END) == 0;
  long size = ok ? ftell(f) : -1;
  ok = ok && size > ENTRY_HEADER && fseek(f, 0, SEEK_SET) == 0;
  unsigned char *p = ok ? malloc((size_t)size) : NULL;
  ok = p && fread(p, 1, (size_t)size, f) == (size_t)size;
  fclose(f);
  size_t n = ok ? (size_t)size - ENTRY_HEADER : 0;
  ok = ok && memcmp(p, entry_magic, sizeof entry_magic) == 0 && get_u64(p + 8) == key && get_u64(p + 16) == n &&
       get_u64(p + 24) == payload_hash(p + ENTRY_HEADER, n);
  if (!ok) {
    free(p);
    return false;
  }
  memmove(p, p + ENTRY_HEADER, n);
  *data = p;
  *len = n;
  return true;
}

bool sm_program_cache_store(const char *dir, uint64_t key, const unsigned char *data, size_t len) {
  char path[4096], tmp[4200];
  if (!entry_path(dir, key, path, sizeof path)) return false;
  snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
  FILE *f = fopen(tmp, "wb");
  if (!f) return false;
  unsigned char head[ENTRY_HEADER];
  memcpy(head, entry_magic, sizeof entry_magic);
  put_u64(head + 8, key);
  put_u64(head + 16, (uint64_t)len);
  put_u64(head + 24, payload_hash(data, len));
  bool ok = fwrite(head, 1, sizeof head, f) == sizeof head && fwrite(data, 1, len, f) == len;
  ok = fclose(f) == 0 && ok;
  if (ok) ok = rename(tmp, path) == 0;
  if (!ok) remove(tmp);
  return ok;
}
