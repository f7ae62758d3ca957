/* A SPIR-V module under construction: one word buffer per logical-layout
 * section (SPIR-V spec 2.4, in the order the spec requires), id allocation,
 * deduplicated types and constants, capabilities collected as they are
 * needed. Knows nothing about the kernel dialect (emit_spirv.c does). */
#ifndef SM_BACKEND_SPIRV_MODULE_H
#define SM_BACKEND_SPIRV_MODULE_H

#include <spirv/unified1/spirv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum SpvSection {
  SPV_SEC_EXTENSION,
  SPV_SEC_MEMORY_MODEL,
  SPV_SEC_ENTRY_POINT,
  SPV_SEC_EXECUTION_MODE,
  SPV_SEC_DEBUG,
  SPV_SEC_ANNOTATION,
  SPV_SEC_GLOBAL, /* types, constants, global variables */
  SPV_SEC_FUNCTION,
  SPV_SEC_COUNT
} SpvSection;

typedef struct SpvWords {
  uint32_t *w;
  size_t n, cap;
} SpvWords;

typedef struct SpvKey SpvKey; /* dedup table entry (spirv_module.c) */

typedef struct SpvModule {
  SpvWords sec[SPV_SEC_COUNT];
  uint32_t bound;        /* next free id */
  uint8_t caps[128];     /* capabilities in use (SpvCapability < 128) */
  uint32_t opencl_std;   /* OpExtInstImport "OpenCL.std" id, 0 until used */
  SpvKey *keys;          /* types and constants: open addressing */
  size_t nkeys, capkeys;
  SpvWords keywords;     /* the keys' words: opcode, operands */
  bool oom;
} SpvModule;

void spv_module_init(SpvModule *m);
void spv_module_free(SpvModule *m);
uint32_t spv_id(SpvModule *m);
void spv_capability(SpvModule *m, SpvCapability c);
/* Appends one instruction; returns the word index of its first operand in
 * the section (for patching forward references such as OpPhi operands). */
size_t spv_inst(SpvModule *m, SpvSection s, SpvOp op, const uint32_t *operands, unsigned n);
/* An instruction whose operands are `pre`, a literal string, then `post`. */
void spv_inst_str(SpvModule *m, SpvSection s, SpvOp op, const uint32_t *pre, unsigned npre, const char *str,
                  const uint32_t *post, unsigned npost);
/* A type instruction (OpTypeXxx, result id first operand left out):
 * deduplicated on opcode and operands; returns its id. */
uint32_t spv_type(SpvModule *m, SpvOp op, const uint32_t *operands, unsigned n);
/* OpConstant of a scalar type: `words` literal words (1 or 2, low first);
 * deduplicated. Bool: spv_const_bool. */
uint32_t spv_const(SpvModule *m, uint32_t type, const uint32_t *words, unsigned n);
uint32_t spv_const_bool(SpvModule *m, uint32_t bool_type, bool value);
uint32_t spv_undef(SpvModule *m, uint32_t type);
/* The OpenCL.std import (imported on first use). */
uint32_t spv_opencl_std(SpvModule *m);
/* Header + capabilities + import + sections: the finished binary (host
 * byte order). False on out-of-memory. */
bool spv_module_finish(SpvModule *m, uint32_t **words, size_t *n);

#define SPV_ARGS(...) ((const uint32_t[]){__VA_ARGS__}), (unsigned)(sizeof((const uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t))
/* SPV(m, section, OpXxx, operand words...) */
#define SPV(m, s, op, ...) spv_inst((m), (s), (op), SPV_ARGS(__VA_ARGS__))

#endif
