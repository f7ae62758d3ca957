/* Passes: definitions, the registry, pass managers and MLIR's textual
 * pipeline grammar.
 *
 *   pipeline ::= anchor '(' element (',' element)* ')'
 *   element  ::= pipeline | pass-argument options?
 *   options  ::= '{' (key ('=' value)?)* '}'     (space-separated)
 *
 * e.g. builtin.module(func.func(canonicalize{max-iterations=5},cse),symbol-dce).
 * A pass manager is anchored on an op name (or "any"); its nested managers
 * run on the ops directly inside the regions of the op it runs on whose name
 * matches their anchor, as in MLIR.
 */
#ifndef SM_PASSES_PASS_H
#define SM_PASSES_PASS_H

#include "ir/ir.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Pass definitions --------------------------------------------------- */

typedef enum SmPassOptionKind {
  SM_PASS_OPT_BOOL,   /* true/false/1/0; "{flag}" alone means true */
  SM_PASS_OPT_INT,    /* int64 */
  SM_PASS_OPT_STRING, /* any text; may be quoted "..." or '...' */
} SmPassOptionKind;

typedef struct SmPassOption {
  const char *name;          /* "max-iterations" */
  SmPassOptionKind kind;
  const char *default_value; /* text, parsed like a written value ("10", "true", "") */
  const char *help;
} SmPassOption;

typedef struct SmPassRun SmPassRun; /* one invocation: options, context */

/* A named counter a pass declares (MLIR's Pass::Statistic): the pass adds to
 * it with sm_pass_run_add_statistic; --mlir-pass-statistics reports the
 * totals per pass instance as "(S) <value> <name> - <description>". */
typedef struct SmPassStatistic {
  const char *name;        /* "num-erased" */
  const char *description; /* "Number of ops erased" */
} SmPassStatistic;

typedef struct SmPassDef {
  const char *argument; /* pipeline name, "cse" */
  const char *summary;
  const char *anchor;   /* op name the pass runs on, NULL: any op */
  const SmPassOption *options; /* num_options entries */
  unsigned num_options;
  /* Runs on op (whose name matches anchor). Returns false on failure (after
   * emitting a diagnostic). */
  bool (*run)(SmOp *op, SmPassRun *run);
  void *user; /* handed back by sm_pass_run_user */
  /* MLIR's pass name for IR dump headers and reports ("Canonicalizer");
   * NULL: derived from the argument (convert-graph-to-layout ->
   * ConvertGraphToLayout). */
  const char *name;
  const SmPassStatistic *statistics; /* num_statistics counters */
  unsigned num_statistics;
} SmPassDef;

/* The display name: def->name, or the argument in CamelCase (written into
 * buf of size n, which is returned). */
const char *sm_pass_display_name(const SmPassDef *def, char *buf, size_t n);

/* Option values of the running pass, by name (the name must be declared;
 * asking for an undeclared or differently typed option aborts in debug
 * builds and returns 0/false/"" otherwise). */
bool sm_pass_run_bool(const SmPassRun *run, const char *name);
int64_t sm_pass_run_int(const SmPassRun *run, const char *name);
const char *sm_pass_run_string(const SmPassRun *run, const char *name);
void *sm_pass_run_user(const SmPassRun *run);
/* Adds n to the running pass's statistic `name` (which must be declared in
 * its SmPassDef; an undeclared name aborts in debug builds, else is ignored). */
void sm_pass_run_add_statistic(SmPassRun *run, const char *name, uint64_t n);
SmContext *sm_pass_run_context(const SmPassRun *run);
/* Where report-style passes (print-op-stats, view-op-graph) write when they
 * have no file option: the pass manager's output stream (stderr by default). */
FILE *sm_pass_run_stream(const SmPassRun *run);

/* ---- Registry ------------------------------------------------------------ */

/* Process-wide (as MLIR's): plugins register into it. def must stay alive
 * (static storage). Returns false (and does nothing) if the argument is taken. */
bool sm_pass_register(const SmPassDef *def);
const SmPassDef *sm_pass_lookup(const char *argument, size_t len);
/* i from 0 until NULL, sorted by argument. */
const SmPassDef *sm_pass_at(size_t i);
/* Registers canonicalize, cse, symbol-dce, inline, print-op-stats,
 * view-op-graph (idempotent). */
void sm_register_builtin_passes(void);
/* Writes the "--list-passes" text: every pass with anchor, summary, options. */
void sm_pass_print_list(FILE *out);

/* ---- Pass managers ------------------------------------------------------- */

typedef struct SmPassManager SmPassManager;

/* anchor: op name, or NULL / "any" for any op. */
SmPassManager *sm_pass_manager_create(SmContext *ctx, const char *anchor);
void sm_pass_manager_destroy(SmPassManager *pm);
/* Appends a pass with default options; returns its index. */
void sm_pass_manager_add(SmPassManager *pm, const SmPassDef *def);
/* Sets an option of the last added pass from text; false (diagnosed at loc
 * when loc is not NULL) on an unknown option or bad value. */
bool sm_pass_manager_set_option(SmPassManager *pm, const char *name, size_t name_len,
                                const char *value, size_t value_len, SmLoc *loc);
/* The nested manager for anchor at the end of pm (a new one unless the last
 * element already is a manager with that anchor). Owned by pm. */
SmPassManager *sm_pass_manager_nest(SmPassManager *pm, const char *anchor);
/* Adds a pass, nesting it under a manager for its anchor when that differs
 * from pm's (mlir-opt's implicit nesting for --cse style flags). */
void sm_pass_manager_add_nested_implicitly(SmPassManager *pm, const SmPassDef *def);
const char *sm_pass_manager_anchor(const SmPassManager *pm); /* "any" for any */
bool sm_pass_manager_empty(const SmPassManager *pm);
/* MLIR's textual form of the pipeline. */
void sm_pass_manager_print(const SmPassManager *pm, SmStrBuf *out);
/* --dump-pass-pipeline's form: "Pass Manager with N passes:" and the
 * pipeline one element per line, indented by nesting, as mlir-opt prints. */
void sm_pass_manager_dump(const SmPassManager *pm, FILE *out);
/* Finds the first pass `argument` (depth first) and inserts the elements of
 * `text` (an element list without anchor, "my-pass,cse", parsed as in a
 * pipeline of that pass's manager) right after it. False when the pass is not
 * in the pipeline (diagnosed at unknown location) or text is malformed. */
bool sm_pass_manager_insert_after(SmPassManager *pm, const char *argument, const char *text);

typedef struct SmPassInstrumentation {
  bool verify_each;        /* verify after each pass (default true) */
  const char *print_before; /* comma-separated pass arguments, or NULL */
  const char *print_after;
  bool print_after_all;
  bool print_after_change;
  bool print_before_all;
  bool timing;
  /* Timing report printed by the caller (sm_pass_manager_print_timing) so
   * that it can add its own phases (Parser, Output) around the passes. */
  bool timing_by_caller;
  bool statistics;         /* report pass statistics after the run */
  /* A nested pipeline that matched no op: an error (the run fails) instead
   * of a warning. Tools set it for pipelines a user asked for. */
  bool unmatched_is_error;
  SmPrintFlags print_flags;
  FILE *ir_out;            /* where --print-ir-* dumps go (default stderr) */
  FILE *report_out;        /* timing report and report passes (default stderr) */
} SmPassInstrumentation;

void sm_pass_instrumentation_default(SmPassInstrumentation *in);
/* The manager keeps a copy. */
void sm_pass_manager_set_instrumentation(SmPassManager *pm, const SmPassInstrumentation *in);

/* A phase timed outside the pass manager, for the timing report. */
typedef struct SmTimingPhase {
  const char *name; /* "Parser", "Output" */
  double seconds;
} SmTimingPhase;
/* mlir-opt's execution time report: `before` phases, the passes of the last
 * run, `after` phases, then "Rest" (total minus everything listed) and
 * "Total". */
void sm_pass_manager_print_timing(const SmPassManager *pm, FILE *out, const SmTimingPhase *before,
                                  unsigned num_before, const SmTimingPhase *after,
                                  unsigned num_after, double total_seconds);

/* The pass statistics report (MLIR's pipeline display). */
void sm_pass_manager_print_statistics(const SmPassManager *pm, FILE *out);

/* Runs the pipeline on op. The top manager's anchor must match op's name
 * (or be "any"). Returns false if a pass failed or the IR did not verify. */
bool sm_pass_manager_run(SmPassManager *pm, SmOp *op);

/* ---- Textual pipelines --------------------------------------------------- */

/* Parses `text` (len bytes) into pm. The text must be wrapped in its anchor
 * op ("builtin.module(...)", or "any(...)"): that anchor must equal pm's,
 * or pm is "any" and takes the text's anchor. A bare element list
 * ("cse,canonicalize") is rejected, as in MLIR. Errors are diagnosed at the
 * offending character; the text is registered with the context as source
 * "<pass-pipeline>" (the caller keeps it alive while diagnostics may print). */
bool sm_pass_pipeline_parse(SmPassManager *pm, const char *text, size_t len);

/* ---- Plugins -------------------------------------------------------------- */

/* A pass plugin is a shared library exporting ONE function:
 *
 *   SmPassPluginInfo sm_get_pass_plugin_info(void);
 *
 * returning its name, version, SM_PASS_PLUGIN_API_VERSION (the one it was
 * built against) and a register callback that calls sm_pass_register (and
 * may register dialects through the context). */
#define SM_PASS_PLUGIN_API_VERSION 1
#define SM_PASS_PLUGIN_ENTRY "sm_get_pass_plugin_info"

typedef struct SmPassPluginInfo {
  uint32_t api_version; /* SM_PASS_PLUGIN_API_VERSION */
  const char *name;
  const char *version;
  void (*register_passes)(SmContext *ctx);
} SmPassPluginInfo;

typedef SmPassPluginInfo (*SmPassPluginInfoFn)(void);

/* dlopen()s path, checks the entry point and the API version, calls
 * register_passes. Errors are diagnosed through ctx (unknown location). The
 * library stays loaded for the life of the process. */
bool sm_pass_plugin_load(SmContext *ctx, const char *path);

#ifdef __cplusplus
}
#endif
#endif /* SM_PASSES_PASS_H */
