/* Command-line options of sm-translate, smc and smrun: one table per tool
 * drives parsing, --help (stdout, exit 0) and misspelling hints, so adding
 * an option is adding one row. Numbers are parsed strictly (the whole text,
 * in range, finite); a bad value, an unknown option or a missing value is a
 * usage error (exit 2) with a message naming the option. */
#ifndef SM_TOOLS_TOOL_OPTIONS_H
#define SM_TOOLS_TOOL_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum SmToolOptKind {
  SM_TOOL_FLAG,   /* bool *: set true */
  SM_TOOL_STRING, /* const char **: last one wins */
  SM_TOOL_LIST,   /* SmToolList *: every occurrence, in order */
  SM_TOOL_DOUBLE, /* double *: finite, >= 0 */
  SM_TOOL_INT,    /* int *: 0 .. 1000000 */
  SM_TOOL_U64,    /* uint64_t *: decimal digits only */
} SmToolOptKind;

typedef struct SmToolList {
  const char *items[32];
  unsigned count;
} SmToolList;

typedef struct SmToolOption {
  const char *name;  /* primary spelling, "--rtol" or "-o" */
  const char *alias; /* another accepted spelling, or NULL */
  SmToolOptKind kind;
  void *dest;
  const char *meta;  /* value placeholder in --help ("R"), NULL for flags */
  const char *help;
} SmToolOption;

typedef struct SmToolSpec {
  const char *name;     /* "smrun" */
  const char *usage;    /* "smrun [options] MODEL.(mlir|onnx|yaml)" */
  const char *overview; /* one paragraph */
  const SmToolOption *options;
  size_t num_options;
  const char **positional; /* where the one positional argument goes */
  /* Options the table does not know are offered here first (e.g. a backend's
   * own options): returns argv entries used, 0 not its, -1 malformed. */
  int (*fallback)(void *user, int argc, char **argv, int i);
  void *fallback_user;
} SmToolSpec;

#define SM_TOOL_VERSION "0.1.0"

/* 1: go on; 0: --help/--version printed, exit 0; 2: usage error (printed). */
int sm_tool_parse(const SmToolSpec *spec, int argc, char **argv);
void sm_tool_print_help(const SmToolSpec *spec, FILE *out);
/* Whether s ends in suffix (and is longer): input kinds by file name. */
bool sm_tool_has_suffix(const char *s, const char *suffix);

#endif
