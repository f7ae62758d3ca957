/* The OpenCL program-binary cache (backend/opencl/program_cache.c): what it
 * stores it gives back, and anything else in an entry's place (garbage, a
 * truncated file, another key's entry, a flipped payload byte) reads as
 * absent, so that it never reaches the driver. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend/opencl/program_cache.h"

static char dir[256];

static void make_dir(void) {
  snprintf(dir, sizeof dir, "/tmp/sm_program_cache_test.%ld", (long)getpid());
  char buf[300];
  cr_assert(sm_program_cache_dir(dir, buf, sizeof buf));
  cr_assert_str_eq(buf, dir);
}

static void remove_dir(void) {
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  cr_assert_eq(system(cmd), 0);
}

TestSuite(program_cache, .init = make_dir, .fini = remove_dir);

static const unsigned char payload[] = "\x7f" "ELF binary for the device \x00\x01\x02";

static void entry_file(uint64_t key, char *path, size_t n) {
  snprintf(path, n, "%s/%016llx.bin", dir, (unsigned long long)key);
}

Test(program_cache, round_trip) {
  cr_assert(sm_program_cache_store(dir, 42, payload, sizeof payload));
  unsigned char *got = NULL;
  size_t len = 0;
  cr_assert(sm_program_cache_load(dir, 42, &got, &len));
  cr_assert_eq(len, sizeof payload);
  cr_assert_arr_eq(got, payload, sizeof payload);
  free(got);
  cr_assert_not(sm_program_cache_load(dir, 43, &got, &len), "no entry for another key");
  cr_assert_null(got);
}

Test(program_cache, key_depends_on_every_part) {
  const char *ids[2] = {"platform", "device"}, *ids2[2] = {"platform", "device2"};
  uint64_t k = sm_program_cache_key("src", 3, "-O", ids, 2);
  cr_assert_eq(k, sm_program_cache_key("src", 3, "-O", ids, 2));
  cr_assert_neq(k, sm_program_cache_key("srd", 3, "-O", ids, 2));
  cr_assert_neq(k, sm_program_cache_key("src", 3, "-O2", ids, 2));
  cr_assert_neq(k, sm_program_cache_key("src", 3, "-O", ids2, 2));
}

/* Overwrites the entry for key with bytes, then expects a miss. */
static void expect_rejected(uint64_t key, const void *bytes, size_t n, const char *what) {
  char path[400];
  entry_file(key, path, sizeof path);
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f);
  cr_assert_eq(fwrite(bytes, 1, n, f), n);
  fclose(f);
  unsigned char *got = NULL;
  size_t len = 0;
  cr_assert_not(sm_program_cache_load(dir, key, &got, &len), "%s read as a hit", what);
  cr_assert_null(got);
}

static size_t read_entry(uint64_t key, unsigned char *buf, size_t cap) {
  char path[400];
  entry_file(key, path, sizeof path);
  FILE *f = fopen(path, "rb");
  cr_assert_not_null(f);
  size_t n = fread(buf, 1, cap, f);
  fclose(f);
  return n;
}

Test(program_cache, damaged_entries_are_misses) {
  cr_assert(sm_program_cache_store(dir, 7, payload, sizeof payload));
  unsigned char good[256];
  size_t n = read_entry(7, good, sizeof good);
  cr_assert_gt(n, sizeof payload);

  expect_rejected(7, "garbage\n", 8, "text garbage");
  expect_rejected(7, good, n - 1, "a truncated entry");
  expect_rejected(7, good, 20, "a header alone");
  unsigned char bad[256];
  memcpy(bad, good, n);
  bad[n - 3] ^= 0x10;
  expect_rejected(7, bad, n, "a flipped payload byte");
  memcpy(bad, good, n);
  bad[0] = 'X';
  expect_rejected(7, bad, n, "a wrong magic");
  /* Key 7's well-formed entry copied under key 8's name. */
  expect_rejected(8, good, n, "another key's entry");
}
