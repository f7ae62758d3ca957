/* Output files for every tool and report pass: written to a temporary file
 * in the same directory and renamed over the target only when complete, so
 * a target is never left partial. Kept in the pass layer because report
 * passes (print-op-stats, view-op-graph) use it as the tools do.
 *
 * Policy (docs/tools.md, "Output files"):
 * - "-" (or NULL) is stdout.
 * - An existing target that is not a regular file (a device such as
 *   /dev/null or /dev/full, a FIFO) is written in place and never removed,
 *   renamed over or truncated by a failed run.
 * - Otherwise the output goes to a temporary file beside the target and is
 *   renamed over it on success. On failure the temporary file is removed, and
 *   so is an older regular file at the target (as mlir-opt's output file
 *   does), so a failed run never leaves a stale output that looks like its
 *   result.
 * - Paths are never truncated: one that is too long is an error.
 * Errors are diagnosed through the context (unknown location). */
#ifndef SM_PASSES_PASS_OUTPUT_FILE_H
#define SM_PASSES_PASS_OUTPUT_FILE_H

#include "ir/ir.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct SmOutputFile {
  const char *path;       /* the target; NULL for stdout */
  char *write_path;       /* what is being written: the temporary file, or path itself */
  FILE *f;                /* open on write_path (NULL after sm_output_file_release_stream) */
  bool in_place;          /* a non-regular target written directly */
} SmOutputFile;

/* Opens path for writing ("-" or NULL: stdout). False (diagnosed) when it
 * cannot be created; *o is then safe to close. */
bool sm_output_file_open(SmOutputFile *o, SmContext *ctx, const char *path);
/* For writers that open a path themselves (e.g. sm_tensor_pb_write): closes
 * the stream so that o->write_path can be written by name. Not for stdout. */
bool sm_output_file_release_stream(SmOutputFile *o, SmContext *ctx);
/* Finishes: with ok, flushes and closes (write errors are diagnosed and make
 * it fail) and moves the temporary file over the target. Without ok, or on
 * any error, removes the temporary file and an older regular file at the
 * target. Returns whether the output is complete in place. */
bool sm_output_file_close(SmOutputFile *o, SmContext *ctx, bool ok);

/* dir + "/" + name in a new string (NULL when out of memory); never
 * truncated. The caller frees it. */
char *sm_path_join(const char *dir, const char *name);
/* Whether path names a regular file (false: missing, a directory, a FIFO,
 * a device...). Readers use it so that a FIFO cannot block them. */
bool sm_path_is_regular_file(const char *path);

#ifdef __cplusplus
}
#endif
#endif
