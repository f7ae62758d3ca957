/* The SPIR-V module writer (backend/spirv/spirv_module.c) and the binary
 * layout of sm_spirv_emit's output. Built when the SPIR-V backend is
 * (SM_HAVE_SPIRV, tests/spirv/CMakeLists.txt). */
#ifdef SM_HAVE_SPIRV
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "backend/spirv/spirv.h"
#include "backend/spirv/spirv_module.h"
#include "passes/smartmem/smartmem.h"

static uint32_t *finish(SpvModule *m, size_t *n) {
  uint32_t *w = NULL;
  cr_assert(spv_module_finish(m, &w, n));
  return w;
}

/* The instruction starting at w[i]: its opcode, and i of the next one. */
static unsigned op_at(const uint32_t *w, size_t *i) {
  unsigned op = w[*i] & 0xffff, len = w[*i] >> 16;
  cr_assert(len > 0);
  *i += len;
  return op;
}

Test(spirv_module, types_and_constants_are_deduplicated) {
  SpvModule m;
  spv_module_init(&m);
  uint32_t i32 = spv_type(&m, SpvOpTypeInt, SPV_ARGS(32, 0)), i64 = spv_type(&m, SpvOpTypeInt, SPV_ARGS(64, 0));
  cr_expect_neq(i32, i64);
  cr_expect_eq(spv_type(&m, SpvOpTypeInt, SPV_ARGS(32, 0)), i32);
  uint32_t one = 1, big[2] = {0, 1};
  uint32_t c1 = spv_const(&m, i32, &one, 1), c2 = spv_const(&m, i64, &one, 1), c3 = spv_const(&m, i64, big, 2);
  cr_expect_neq(c1, c2); /* same literal, other type */
  cr_expect_neq(c2, c3); /* 64-bit constants compare both words */
  cr_expect_eq(spv_const(&m, i64, big, 2), c3);
  cr_expect_eq(spv_undef(&m, i32), spv_undef(&m, i32));
  /* Two types, three constants, one undef: six instructions. */
  size_t n, i = 5, count = 0;
  uint32_t *w = finish(&m, &n);
  while (i < n) op_at(w, &i), count++;
  cr_expect_eq(count, 6);
  cr_expect_eq(w[3], m.bound);
  free(w);
  spv_module_free(&m);
}

Test(spirv_module, long_function_types_are_deduplicated) {
  SpvModule m;
  spv_module_init(&m);
  uint32_t ft[81];
  ft[0] = spv_type(&m, SpvOpTypeVoid, NULL, 0);
  for (unsigned i = 1; i < 81; i++) ft[i] = spv_type(&m, SpvOpTypeInt, SPV_ARGS(32, 0));
  uint32_t a = spv_type(&m, SpvOpTypeFunction, ft, 81);
  cr_expect_eq(spv_type(&m, SpvOpTypeFunction, ft, 81), a);
  ft[80] = spv_type(&m, SpvOpTypeInt, SPV_ARGS(64, 0));
  cr_expect_neq(spv_type(&m, SpvOpTypeFunction, ft, 81), a);
  cr_expect_not(m.oom);
  spv_module_free(&m);
}

Test(spirv_module, strings_are_nul_terminated_and_padded) {
  SpvModule m;
  spv_module_init(&m);
  uint32_t id = spv_id(&m);
  spv_inst_str(&m, SPV_SEC_DEBUG, SpvOpName, &id, 1, "abcd", NULL, 0);  /* 4 bytes + NUL: 2 words */
  spv_inst_str(&m, SPV_SEC_DEBUG, SpvOpName, &id, 1, "abc", NULL, 0);   /* 3 bytes + NUL: 1 word */
  SpvWords *d = &m.sec[SPV_SEC_DEBUG];
  cr_assert_eq(d->n, 4 + 3);
  cr_expect_eq(d->w[0] >> 16, 4);
  cr_expect_eq(memcmp(&d->w[2], "abcd", 4), 0);
  cr_expect_eq(d->w[3], 0);
  cr_expect_eq(d->w[4] >> 16, 3);
  cr_expect_eq(memcmp(&d->w[6], "abc", 4), 0);
  spv_module_free(&m);
}

Test(spirv_module, sections_follow_the_spec_order) {
  SpvModule m;
  spv_module_init(&m);
  /* Written out of order: functions, then the memory model, then a
   * capability and the import (which finish places first). */
  spv_inst(&m, SPV_SEC_FUNCTION, SpvOpFunctionEnd, NULL, 0);
  SPV(&m, SPV_SEC_MEMORY_MODEL, SpvOpMemoryModel, SpvAddressingModelPhysical64, SpvMemoryModelOpenCL);
  spv_capability(&m, SpvCapabilityKernel);
  spv_capability(&m, SpvCapabilityAddresses);
  spv_opencl_std(&m);
  size_t n, i = 5;
  uint32_t *w = finish(&m, &n);
  cr_expect_eq(w[0], SpvMagicNumber);
  cr_expect_eq(w[1], 0x00010000);
  cr_expect_eq(op_at(w, &i), SpvOpCapability);
  cr_expect_eq(w[i - 1], SpvCapabilityAddresses); /* numeric order */
  cr_expect_eq(op_at(w, &i), SpvOpCapability);
  cr_expect_eq(op_at(w, &i), SpvOpExtInstImport);
  cr_expect_eq(op_at(w, &i), SpvOpMemoryModel);
  cr_expect_eq(op_at(w, &i), SpvOpFunctionEnd);
  cr_expect_eq(i, n);
  free(w);
  spv_module_free(&m);
}

static const char kernels[] =
    "\"kernel.func\"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = \"a\", work_items = 4 : i64}> ({\n"
    "^bb0(%b: !kernel.buffer<f32>):\n"
    "  %g = \"kernel.global_id\"() : () -> index\n"
    "  %v = \"kernel.load\"(%b, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32\n"
    "  %e = \"math.exp\"(%v) : (f32) -> f32\n"
    "  \"kernel.store\"(%e, %b, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()\n"
    "}) : () -> ()\n"
    "\"kernel.func\"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = \"b\", work_items = 4 : i64}> ({\n"
    "^bb0(%b: !kernel.buffer<f32>):\n"
    "}) : () -> ()\n";

Test(spirv_module, one_entry_point_per_kernel_func) {
  SmContext *ctx = sm_context_create();
  sm_register_core_dialects(ctx);
  sm_register_smartmem_dialects(ctx); /* kernel, math, ... */
  SmOp *mod = sm_parse_source(ctx, kernels, sizeof kernels - 1, "k.mlir", 0);
  cr_assert(mod && sm_op_verify(mod));
  SmStrBuf out = {0};
  unsigned nk = 0;
  cr_assert(sm_spirv_emit(mod, &out, &nk));
  cr_expect_eq(nk, 2);
  cr_assert_eq(out.len % 4, 0);
  const uint32_t *w = (const uint32_t *)out.data;
  size_t n = out.len / 4, i = 5, entries = 0, imports = 0;
  cr_expect_eq(w[0], SpvMagicNumber);
  while (i < n) {
    unsigned op = op_at(w, &i);
    entries += op == SpvOpEntryPoint;
    imports += op == SpvOpExtInstImport;
  }
  cr_expect_eq(i, n);
  cr_expect_eq(entries, 2);
  cr_expect_eq(imports, 1); /* OpenCL.std, for exp */
  cr_expect(sm_spirv_validate(ctx, sm_loc_unknown(ctx), out.data, out.len));
  sm_strbuf_free(&out);
  sm_op_destroy(mod);
  sm_context_destroy(ctx);
}

static unsigned diags;
static void count_diag(const SmDiagnostic *d, void *user) { diags++; }

Test(spirv_module, validation_rejects_an_invalid_module) {
  if (!sm_spirv_can_validate()) cr_skip_test("built without SPIRV-Tools");
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, count_diag, NULL);
  SpvModule m;
  spv_module_init(&m);
  spv_capability(&m, SpvCapabilityKernel); /* no OpMemoryModel: invalid */
  size_t n;
  uint32_t *w = finish(&m, &n);
  diags = 0;
  cr_expect_not(sm_spirv_validate(ctx, sm_loc_unknown(ctx), w, n * sizeof *w));
  cr_expect_eq(diags, 1);
  free(w);
  spv_module_free(&m);
  sm_context_destroy(ctx);
}
#endif
