/* ONNX TensorProto files (.pb), as used by ONNX test data sets
 * (test_data_set_0/input_0.pb, output_0.pb). */
#ifndef SM_FRONTENDS_ONNX_TENSOR_PB_H
#define SM_FRONTENDS_ONNX_TENSOR_PB_H

#include "backend/interp/interp.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reads one serialized TensorProto. Diagnostics name the file. */
bool sm_tensor_pb_read(SmContext *ctx, const char *path, SmTensor *out);
/* The same from bytes in memory; name is used in messages and locations. */
bool sm_tensor_pb_read_buffer(SmContext *ctx, const void *data, size_t size, const char *name,
                              SmTensor *out);
/* Writes t as a TensorProto with raw_data (name may be NULL). */
bool sm_tensor_pb_write(SmContext *ctx, const char *path, const SmTensor *t, const char *name);

#ifdef __cplusplus
}
#endif
#endif
