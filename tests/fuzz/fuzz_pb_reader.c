/* libFuzzer target for the .pb test-data reader (one ONNX TensorProto):
 * decode arbitrary bytes as smrun's --test-data files are decoded.
 * Diagnostics are swallowed; a crash, sanitizer report, leak or
 * out-of-memory is a bug. A decoded tensor must hold the bytes its shape
 * says (read back in full, so ASan sees a short buffer).
 *
 * Built with -DSM_FUZZ=ON (clang); see tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "frontends/onnx/tensor_pb.h"
#include "ir/ir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void swallow_diag(const SmDiagnostic *diag, void *user) {
  (void)diag;
  ++*(unsigned *)user;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  unsigned ndiag = 0;
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, swallow_diag, &ndiag);
  SmTensor t;
  if (sm_tensor_pb_read_buffer(ctx, data, size, "fuzz.pb", &t)) {
    size_t n = sm_tensor_nbytes(&t);
    volatile unsigned char sum = 0;
    for (size_t i = 0; i < n; i++) sum ^= ((const unsigned char *)t.data)[i];
    (void)sum;
    sm_tensor_free(&t);
  }
  sm_context_destroy(ctx);
  return 0;
}
