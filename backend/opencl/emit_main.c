/* sm-translate --emit-opencl: see emit_main.h. */
#include "backend/opencl/emit_main.h"
#include "backend/opencl/opencl.h"
#include "passes/smartmem/smartmem.h"
#include "tools/tool_diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool write_file(const char *dir, const char *name, const SmStrBuf *b) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "sm-translate: cannot write '%s'\n", path);
    return false;
  }
  bool ok = b->len == 0 || fwrite(b->data, 1, b->len, f) == b->len;
  if (fclose(f) != 0 || !ok) {
    fprintf(stderr, "sm-translate: error writing '%s'\n", path);
    return false;
  }
  return true;
}

int sm_emit_opencl_main(int argc, char **argv) {
  const char *in = NULL, *out = "-", *pipeline = SM_DEFAULT_PIPELINE, *format = "opencl-c";
  bool timing = false;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--emit-opencl")) continue;
    if (!strcmp(argv[i], "--emit-spirv")) {
      format = "spirv";
      continue;
    }
    if (!strcmp(argv[i], "--timing")) timing = true;
    else if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strncmp(argv[i], "--pipeline=", 11)) pipeline = argv[i] + 11;
    else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "usage: sm-translate (--emit-opencl|--emit-spirv) IN.mlir [-o OUT_DIR|-] [--pipeline=baseline] [--timing]\n");
      return 2;
    } else in = argv[i];
  }
  if (!in) {
    fprintf(stderr, "usage: sm-translate (--emit-opencl|--emit-spirv) IN.mlir [-o OUT_DIR|-] [--pipeline=baseline] [--timing]\n");
    return 2;
  }
  FILE *f = strcmp(in, "-") ? fopen(in, "rb") : stdin;
  if (!f) {
    fprintf(stderr, "sm-translate: cannot read '%s'\n", in);
    return 1;
  }
  SmStrBuf text = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) sm_strbuf_append(&text, chunk, n);
  if (f != stdin) fclose(f);
  SmContext *ctx = sm_context_create();
  sm_context_set_diag_handler(ctx, sm_tool_diag_handler, ctx);
  sm_register_core_dialects(ctx);
  sm_register_smartmem_dialects(ctx);
  sm_register_builtin_passes();
  sm_register_smartmem_passes();
  int rc = 1;
  SmOp *module = sm_parse_source(ctx, text.data ? text.data : "", text.len, strcmp(in, "-") ? in : "<stdin>", 0);
  SmOpenCLProgram prog;
  double ms = 0;
  if (module && sm_op_verify(module) && sm_opencl_compile_format(module, pipeline, format, &prog, &ms)) {
    if (timing) fprintf(stderr, "compile (%s): %.3f ms\n", format, ms);
    if (prog.spirv && !strcmp(out, "-")) {
      rc = fwrite(prog.source.data, 1, prog.source.len, stdout) == prog.source.len && fflush(stdout) == 0 ? 0 : 1;
    } else if (!strcmp(out, "-")) {
      fwrite(prog.source.data, 1, prog.source.len, stdout);
      printf("\n/* plan:\n%s*/\n", prog.plan.data ? prog.plan.data : "");
      rc = 0;
    } else {
      mkdir(out, 0777);
      rc = write_file(out, prog.spirv ? "kernels.spv" : "kernels.cl", &prog.source) && write_file(out, "plan.txt", &prog.plan) &&
                   write_file(out, "weights.bin", &prog.weights)
               ? 0
               : 1;
    }
    sm_opencl_program_free(&prog);
  }
  if (module) sm_op_destroy(module);
  sm_context_destroy(ctx);
  sm_strbuf_free(&text);
  return rc;
}
