/* Research hooks shared by smc and smrun: --load-pass-plugin=LIB and
 * --pass-pipeline-after=PASS=ELEMENTS, which inserts pipeline elements right
 * after the named pass of the model pipeline (e.g.
 * --pass-pipeline-after='convert-graph-to-layout=func.func(my-pass),cse'),
 * so a researcher's pass runs on real models. docs/tools.md. */
#ifndef SM_TOOLS_TOOL_PIPELINE_H
#define SM_TOOLS_TOOL_PIPELINE_H

#include "ir/ir.h"
#include "tools/tool_options.h"

/* Loads every plugin (diagnosed on failure). */
bool sm_tool_load_plugins(SmContext *ctx, const SmToolList *plugins);
/* When `after` is not empty: runs the named model pipeline with the
 * insertions on a graph-level module (one holding a func.func), leaving it
 * kernel-level, so that the backends only emit it. Does nothing otherwise.
 * False on a diagnosed error (unknown pipeline or insertion point, bad
 * text, a failing pass). */
bool sm_tool_run_model_pipeline(SmOp *module, const char *pipeline, const SmToolList *after);

/* --storage=f32|f16|auto: anything but f32 adds
 * smartmem-half-storage{storage=..} after convert-layout-to-kernel to
 * `after` (docs/smartmem-layouts.md, "Half storage"). False (printed as
 * TOOL: ...) for another value or a full list. */
bool sm_tool_add_storage(const char *tool, const char *storage, SmToolList *after);

#endif
