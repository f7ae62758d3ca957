/* The fuzz targets that import models (fuzz_onnx_import, fuzz_yaml_import,
 * fuzz_smc) define libFuzzer's initialiser here, once: tensors up to 2^20
 * elements (the tools allow 2^26). Legal huge tensors (a 29M-element Resize,
 * a 2M-element integer Pad, a 40M-element zero weight printed as 321 MB)
 * take seconds under ASan and only made the long runs report timeouts and
 * slow units (the "-slow" inputs of tests/fuzz/regressions/). An
 * SM_LIMIT_TENSOR_ELEMENTS already set wins. Include in one file per target. */
#ifndef SM_TESTS_FUZZ_FUZZ_LIMITS_H
#define SM_TESTS_FUZZ_FUZZ_LIMITS_H

#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  setenv("SM_LIMIT_TENSOR_ELEMENTS", "1048576", 0);
  return 0;
}

#endif
