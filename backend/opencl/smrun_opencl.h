/* smrun's opencl backend branch: option parsing, compile + run, timing
 * report. Kept here so that tools/smrun.c only gains a few hooks. */
#ifndef SM_BACKEND_SMRUN_OPENCL_H
#define SM_BACKEND_SMRUN_OPENCL_H

#include "backend/opencl/opencl.h"

typedef struct SmSmrunOpenCL {
  bool enabled;         /* --backend=opencl */
  const char *pipeline; /* --pipeline=NAME (default smartmem) */
  const char *json;     /* --json FILE */
  const char *format;   /* --kernel-format=opencl-c|spirv (default opencl-c) */
  const char *model;    /* for the JSON report */
  SmOpenCLOptions opt;  /* --platform, --device, --repeat */
  bool print_profile;   /* --print-device-profile */
  bool tune;            /* --tune: search schedules first, store them in the tuning cache */
  int tune_budget;      /* --tune-budget SECONDS (default 60) */
  bool no_tuning_cache; /* --no-tuning-cache */
} SmSmrunOpenCL;

/* Consumes the option at argv[i] if it is one of ours: returns the number of
 * argv entries used (0: not ours, -1: malformed). --list-devices prints and
 * exits. */
int sm_smrun_opencl_option(SmSmrunOpenCL *o, int argc, char **argv, int i);
/* --print-device-profile: writes the chosen device's profile (YAML) to
 * stdout; returns the exit status. */
int sm_smrun_opencl_print_profile(SmSmrunOpenCL *o);
/* Registers the dialects a lowered module may contain. */
void sm_smrun_opencl_register(SmContext *ctx);
/* Compiles module with the pipeline, runs it, prints timings (stderr) and
 * writes the JSON report. */
bool sm_smrun_opencl_run(SmSmrunOpenCL *o, SmOp *module, unsigned nin, const SmTensor *ins, unsigned max_out,
                         SmTensor *outs, unsigned *nout);

/* Without --device-profile: records the profile read off the chosen device
 * on the module, so that SmartMem's layout passes choose for it (a GPU gets
 * layouts for coalescing, a CPU SmartMem's contiguous reductions). */
bool sm_smrun_opencl_attach_device_profile(SmSmrunOpenCL *o, SmOp *module);

#endif
