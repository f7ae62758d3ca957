/* Output files written by temporary file + rename (see pass_output_file.h). */
#include "passes/pass_output_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool fail(SmContext *ctx, const char *what, const char *path, int err) {
  if (ctx)
    sm_emit_error(ctx, sm_loc_unknown(ctx), "%s '%s': %s", what, path, strerror(err));
  return false;
}

char *sm_path_join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  char *p = malloc(a + b + 2);
  if (!p)
    return NULL;
  memcpy(p, dir, a);
  p[a] = '/';
  memcpy(p + a + 1, name, b + 1);
  return p;
}

bool sm_path_is_regular_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The temporary file: a short name in the target's directory (a long target
 * name plus a suffix could pass NAME_MAX where the target does not). */
static char *temp_template(const char *path) {
  const char *slash = strrchr(path, '/');
  size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
  static const char suffix[] = ".sm-out.XXXXXX";
  char *t = malloc(dir + sizeof suffix);
  if (!t)
    return NULL;
  memcpy(t, path, dir);
  memcpy(t + dir, suffix, sizeof suffix);
  return t;
}

bool sm_output_file_open(SmOutputFile *o, SmContext *ctx, const char *path) {
  memset(o, 0, sizeof *o);
  if (!path || strcmp(path, "-") == 0) {
    o->f = stdout;
    return true;
  }
  o->path = path;
  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode))
      return fail(ctx, "cannot write output file", path, EISDIR);
    /* A device or FIFO: written in place, never replaced or removed. */
    o->in_place = true;
    o->write_path = malloc(strlen(path) + 1);
    if (!o->write_path)
      return fail(ctx, "cannot write output file", path, ENOMEM);
    strcpy(o->write_path, path);
    o->f = fopen(path, "wb");
    return o->f ? true : fail(ctx, "cannot open output file", path, errno);
  }
  o->write_path = temp_template(path);
  if (!o->write_path)
    return fail(ctx, "cannot write output file", path, ENOMEM);
  int fd = mkstemp(o->write_path);
  if (fd < 0) {
    int err = errno;
    free(o->write_path);
    o->write_path = NULL;
    return fail(ctx, "cannot open output file", path, err);
  }
  /* The permissions a new file from fopen would have had. */
  mode_t mask = umask(0);
  umask(mask);
  (void)fchmod(fd, 0666 & ~mask);
  o->f = fdopen(fd, "wb");
  if (!o->f) {
    int err = errno;
    close(fd);
    unlink(o->write_path);
    free(o->write_path);
    o->write_path = NULL;
    return fail(ctx, "cannot open output file", path, err);
  }
  return true;
}

bool sm_output_file_release_stream(SmOutputFile *o, SmContext *ctx) {
  if (!o->f || o->f == stdout)
    return false;
  bool ok = fclose(o->f) == 0;
  o->f = NULL;
  return ok || fail(ctx, "cannot write output file", o->path, errno);
}

bool sm_output_file_close(SmOutputFile *o, SmContext *ctx, bool ok) {
  if (o->f == stdout) {
    o->f = NULL;
    if (fflush(stdout) != 0 || ferror(stdout))
      return ok && fail(ctx, "error writing", "<stdout>", errno ? errno : EIO);
    return ok;
  }
  if (!o->path)
    return ok;
  if (o->f) {
    bool wrote = !ferror(o->f);
    int err = wrote ? 0 : EIO;
    if (fclose(o->f) != 0) {
      wrote = false;
      err = errno;
    }
    o->f = NULL;
    if (ok && !wrote)
      ok = fail(ctx, "error writing output file", o->path, err);
  }
  if (!o->write_path) /* the open failed: nothing of this run exists */
    ok = false;
  if (!o->in_place) {
    if (ok && rename(o->write_path, o->path) != 0)
      ok = fail(ctx, "cannot write output file", o->path, errno);
    if (!ok) {
      if (o->write_path)
        unlink(o->write_path);
      /* No stale result from an earlier run (regular files only). */
      struct stat st;
      if (lstat(o->path, &st) == 0 && S_ISREG(st.st_mode))
        unlink(o->path);
    }
  }
  free(o->write_path);
  o->write_path = NULL;
  return ok;
}
