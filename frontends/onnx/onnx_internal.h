/* Internal to the ONNX frontend: TensorProto decoding shared by the importer
 * and the .pb reader. */
#ifndef SM_FRONTENDS_ONNX_INTERNAL_H
#define SM_FRONTENDS_ONNX_INTERNAL_H

#include "backend/interp/interp.h"
#include "onnx.pb-c.h"

/* Files holding external tensor data, each read once. */
typedef struct SmOnnxExtFile {
  char *path;
  unsigned char *data;
  size_t size;
} SmOnnxExtFile;

typedef struct SmOnnxExtCache {
  SmOnnxExtFile *files;
  size_t count, cap;
} SmOnnxExtCache;

void sm_onnx_ext_cache_free(SmOnnxExtCache *c);

/* ONNX TensorProto.DataType -> dtype; false when unsupported. */
bool sm_onnx_dtype(int32_t onnx_type, SmDType *out);
int32_t sm_onnx_dtype_to_onnx(SmDType dt);

/* Decodes a tensor (raw_data, typed fields or external data relative to
 * base_dir; cache may be NULL when base_dir is NULL). On failure writes a
 * message to err and returns false. */
bool sm_onnx_tensor_decode(const Onnx__TensorProto *tp, const char *base_dir,
                           SmOnnxExtCache *cache, SmTensor *out, char *err, size_t errlen);

#endif
