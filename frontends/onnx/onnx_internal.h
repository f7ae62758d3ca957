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
/* Reads a whole file into a malloc'ed buffer (never NULL on success, even
 * when empty); false when it cannot be opened or read, with errno EFBIG when
 * it holds more than SM_LIMIT_MODULE_BYTES. */
bool sm_onnx_read_file(const char *path, unsigned char **data, size_t *size);

/* ONNX TensorProto.DataType -> dtype; false when unsupported. */
bool sm_onnx_dtype(int32_t onnx_type, SmDType *out);
int32_t sm_onnx_dtype_to_onnx(SmDType dt);

/* Decodes a tensor (raw_data, typed fields or external data relative to
 * base_dir; cache may be NULL when base_dir is NULL). On failure writes a
 * message to err and returns false. */
bool sm_onnx_tensor_decode(const Onnx__TensorProto *tp, const char *base_dir,
                           SmOnnxExtCache *cache, SmTensor *out, char *err, size_t errlen);
/* Arena allocator for unpacking (pb_arena.c): small blocks are bump
 * allocated and released together, large ones (tensor data) malloc'ed one
 * by one so they can be adopted. */
typedef struct SmOnnxArena {
  ProtobufCAllocator allocator; /* pass &arena.allocator to *__unpack */
  struct SmOnnxArenaChunk *chunks;
  SmPtrMap large; /* separately malloc'ed blocks still owned by the arena */
} SmOnnxArena;

void sm_onnx_arena_init(SmOnnxArena *a);
/* Frees everything not adopted; the unpacked message is then gone. */
void sm_onnx_arena_free(SmOnnxArena *a);
/* Transfers ownership of p (a malloc'ed block) to the caller; false when p
 * lives inside the arena. A NULL arena stands for the default allocator. */
bool sm_onnx_arena_adopt(SmOnnxArena *a, void *p);

/* Same as sm_onnx_tensor_decode, but adopts tp's raw_data buffer instead of
 * copying it when it can (tp's raw_data is then empty). tp was unpacked
 * with arena's allocator, or with the default one when arena is NULL. */
bool sm_onnx_tensor_take(Onnx__TensorProto *tp, SmOnnxArena *arena, const char *base_dir,
                         SmOnnxExtCache *cache, SmTensor *out, char *err, size_t errlen);

/* Constant folding of graph op `name` for the common element-wise and
 * reshape-like cases, bit-identical to sm_interp_eval; outputs allocated as
 * for sm_interp_eval. false (nothing written) when the case is not covered. */
bool sm_onnx_fold_fast(const char *name, unsigned nin, const SmTensor *const *in, unsigned nout,
                       SmTensor *out);

#endif
