/* User-raisable limits on what input may ask for (ir/checked.h). */
#include "ir/checked.h"

#include <errno.h>
#include <stdlib.h>

static const struct {
  const char *env;
  int64_t dflt;
} defs[SM_LIMIT_COUNT_] = {
    [SM_LIMIT_TENSOR_ELEMENTS] = {"SM_LIMIT_TENSOR_ELEMENTS", INT64_C(1) << 26},
    [SM_LIMIT_WEIGHT_BYTES] = {"SM_LIMIT_WEIGHT_BYTES", INT64_C(2) << 30},
    [SM_LIMIT_YAML_EXPANSION] = {"SM_LIMIT_YAML_EXPANSION", 1000000},
    [SM_LIMIT_MODULE_BYTES] = {"SM_LIMIT_MODULE_BYTES", INT64_C(4) << 30},
};

/* 0: not read yet. Set once per process; tools are single-threaded when
 * they read it, and a race would store the same value twice. */
static int64_t current[SM_LIMIT_COUNT_];

int64_t sm_limit_get(SmLimit which) {
  if ((unsigned)which >= SM_LIMIT_COUNT_) return 0;
  if (current[which] > 0) return current[which];
  int64_t v = defs[which].dflt;
  const char *s = getenv(defs[which].env);
  if (s && *s) {
    char *end;
    errno = 0;
    long long n = strtoll(s, &end, 10);
    if (errno == 0 && *end == 0 && n > 0) v = n;
  }
  current[which] = v;
  return v;
}

const char *sm_limit_name(SmLimit which) {
  return (unsigned)which < SM_LIMIT_COUNT_ ? defs[which].env : "?";
}

void sm_limit_set(SmLimit which, int64_t v) {
  if ((unsigned)which >= SM_LIMIT_COUNT_) return;
  current[which] = v > 0 ? v : 0;
}
