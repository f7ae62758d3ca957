/* smopt's pass-related command-line options, kept in the pass layer so that
 * smopt.c stays a thin driver: --pass-pipeline=..., one flag per registered
 * pass (--cse, --canonicalize{...}), --load-pass-plugin=, --list-passes,
 * --verify-each, --print-ir-*, --timing. */
#ifndef SM_PASSES_PASS_CLI_H
#define SM_PASSES_PASS_CLI_H

#include "ir/ir.h"

typedef struct SmPassCli SmPassCli;

SmPassCli *sm_pass_cli_create(SmContext *ctx);
void sm_pass_cli_destroy(SmPassCli *cli);
/* Offers argv[i] (and argv[i+1] for "--flag value" forms). Returns how many
 * entries it consumed (0: not a pass option) or -1 for a malformed pass
 * option (already reported on stderr). */
int sm_pass_cli_parse_arg(SmPassCli *cli, int argc, char **argv, int i);
/* After all options: loads plugins, builds the pipeline. Returns 1 to go on,
 * 0 when the tool should exit successfully now (e.g. --list-passes printed
 * its list), -1 on error (reported, pointing into the pipeline text). */
int sm_pass_cli_finalize(SmPassCli *cli, FILE *out);
/* Print flags for --print-ir-* dumps (smopt passes its own). */
void sm_pass_cli_set_print_flags(SmPassCli *cli, const SmPrintFlags *flags);
/* Help text for the pass options and the registered passes. */
void sm_pass_cli_print_help(SmPassCli *cli, FILE *out);
/* Runs the pipeline on a top-level op (nothing to do when no pass was
 * asked for). Diagnostics go through the context; false on failure. */
bool sm_pass_cli_run(SmPassCli *cli, SmOp *module);

/* --mlir-timing was given. */
bool sm_pass_cli_timing(const SmPassCli *cli);
/* Prints the reports asked for (--mlir-timing with Parser, the passes,
 * Output and Rest rows; --mlir-pass-statistics), accumulated over every run
 * of the pipeline (all chunks of a split input). */
void sm_pass_cli_print_reports(SmPassCli *cli, FILE *out, double parse_s, double output_s,
                               double total_s);
/* The known spelling closest to arg (a pass-layer option or --<pass>), or
 * NULL when none is close enough to be a typo; *distance gets its edit
 * distance. */
const char *sm_pass_cli_suggest(SmPassCli *cli, const char *arg, size_t *distance);
/* One candidate for a "did you mean" hint: keeps the closest (arg's part
 * before '=' or '{' against candidate) in *best / *best_d. */
void sm_option_suggest(const char *arg, const char *candidate, const char **best, size_t *best_d);

#endif
