/* SPIR-V programs for the runtime: see program_spirv.h. Devices that take
 * IL get the module directly; Debian's PoCL (cl_khr_spir, no IL) gets SPIR
 * 1.2 bitcode from llvm-spirv-15 -r (DESIGN §7). The translator runs as a
 * child process on temporary files; its messages become the diagnostic. */
#undef CL_TARGET_OPENCL_VERSION
#define CL_TARGET_OPENCL_VERSION 210 /* clCreateProgramWithIL; only called when the device has it */
#include "backend/opencl/program_spirv.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static bool device_info_has(cl_device_id dev, cl_device_info what, const char *needle) {
  size_t n = 0;
  if (clGetDeviceInfo(dev, what, 0, NULL, &n) != CL_SUCCESS || !n) return false;
  char *s = malloc(n + 1);
  if (!s) return false;
  bool has = clGetDeviceInfo(dev, what, n, s, NULL) == CL_SUCCESS && (s[n] = 0, strstr(s, needle) != NULL);
  free(s);
  return has;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0, got;
  do {
    if (n + 65536 > cap) {
      char *nb = realloc(buf, cap = n + 65536 + cap);
      if (!nb) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = nb;
    }
    got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
  } while (got);
  fclose(f);
  buf[n] = 0;
  *len = n;
  return buf;
}

static bool write_all(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) return false;
  bool ok = fwrite(data, 1, len, f) == len;
  return (fclose(f) == 0) && ok;
}

/* llvm-spirv -r IN.spv -o OUT.bc; the bitcode, or NULL after a diagnostic. */
static char *translate_to_spir(SmContext *ctx, const SmOpenCLProgram *prog, size_t *len) {
  const char *tmp = getenv("TMPDIR");
  char dir[4096], spv[4200], bc[4200], log[4200];
  snprintf(dir, sizeof dir, "%s/smartmem-spirv-XXXXXX", tmp && *tmp && strlen(tmp) < 3000 ? tmp : "/tmp");
  if (!mkdtemp(dir)) {
    sm_emit_error(ctx, sm_loc_unknown(ctx), "SPIR-V: cannot create a temporary directory");
    return NULL;
  }
  snprintf(spv, sizeof spv, "%s/kernels.spv", dir);
  snprintf(bc, sizeof bc, "%s/kernels.bc", dir);
  snprintf(log, sizeof log, "%s/log.txt", dir);
  const char *tool = getenv("SM_LLVM_SPIRV");
  if (!tool || !*tool) tool = "llvm-spirv-15";
  char *out = NULL;
  if (!write_all(spv, prog->source.data, prog->source.len)) {
    sm_emit_error(ctx, sm_loc_unknown(ctx), "SPIR-V: cannot write '%s'", spv);
  } else {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, STDOUT_FILENO, STDERR_FILENO);
    char *argv[] = {(char *)tool, "-r", "--spirv-target-env=CL1.2", spv, "-o", bc, NULL};
    pid_t pid;
    int status = 0, err = posix_spawnp(&pid, tool, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err) {
      sm_emit_error(ctx, sm_loc_unknown(ctx),
                    "SPIR-V: cannot run '%s' (%s): install llvm-spirv-15 or set SM_LLVM_SPIRV; this OpenCL device "
                    "does not take SPIR-V directly", tool, strerror(err));
    } else if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      size_t n = 0;
      char *msg = slurp(log, &n);
      sm_emit_error(ctx, sm_loc_unknown(ctx), "SPIR-V: '%s -r' failed:\n%s", tool, msg ? msg : "(no message)");
      free(msg);
    } else if (!(out = slurp(bc, len))) {
      sm_emit_error(ctx, sm_loc_unknown(ctx), "SPIR-V: '%s -r' wrote no bitcode", tool);
    }
  }
  unlink(spv);
  unlink(bc);
  unlink(log);
  rmdir(dir);
  return out;
}

static bool build(SmContext *ctx, cl_program pr, cl_device_id dev, const char *options, const char *how) {
  cl_int e = clBuildProgram(pr, 1, &dev, options, NULL, NULL);
  if (e == CL_SUCCESS) return true;
  size_t n = 0;
  clGetProgramBuildInfo(pr, dev, CL_PROGRAM_BUILD_LOG, 0, NULL, &n);
  char *log = malloc(n + 1);
  if (log) {
    clGetProgramBuildInfo(pr, dev, CL_PROGRAM_BUILD_LOG, n, log, NULL);
    log[n] = 0;
  }
  sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: clBuildProgram of the SPIR-V module (%s) failed (%d); build log:\n%s",
                how, (int)e, log ? log : "(unavailable)");
  free(log);
  return false;
}

cl_program sm_opencl_build_spirv(SmContext *ctx, cl_context clc, cl_device_id dev, const SmOpenCLProgram *prog) {
  cl_int e = CL_SUCCESS;
  cl_program pr = NULL;
  if (device_info_has(dev, 0x105B /* CL_DEVICE_IL_VERSION */, "SPIR-V")) {
    pr = clCreateProgramWithIL(clc, prog->source.data, prog->source.len, &e);
    if (!pr) {
      sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: clCreateProgramWithIL failed (%d)", (int)e);
      return NULL;
    }
    if (build(ctx, pr, dev, "", "as IL")) return pr;
    clReleaseProgram(pr);
    return NULL;
  }
  if (!device_info_has(dev, CL_DEVICE_EXTENSIONS, "cl_khr_spir")) {
    sm_emit_error(ctx, sm_loc_unknown(ctx),
                  "OpenCL: the device takes neither SPIR-V (CL_DEVICE_IL_VERSION) nor SPIR (cl_khr_spir); use "
                  "--kernel-format=opencl-c");
    return NULL;
  }
  size_t len = 0;
  char *bc = translate_to_spir(ctx, prog, &len);
  if (!bc) return NULL;
  const unsigned char *bin = (const unsigned char *)bc;
  cl_int status = CL_SUCCESS;
  pr = clCreateProgramWithBinary(clc, 1, &dev, &len, &bin, &status, &e);
  free(bc);
  if (!pr) {
    sm_emit_error(ctx, sm_loc_unknown(ctx), "OpenCL: clCreateProgramWithBinary of SPIR bitcode failed (%d, status %d)",
                  (int)e, (int)status);
    return NULL;
  }
  if (build(ctx, pr, dev, "-x spir -spir-std=1.2", "SPIR 1.2 from llvm-spirv -r")) return pr;
  clReleaseProgram(pr);
  return NULL;
}
