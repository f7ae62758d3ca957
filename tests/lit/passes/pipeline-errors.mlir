// Every pipeline-syntax error points at the offending character.
// RUN: not smopt --pass-pipeline='builtin.module(func.func(canonicalize{max-iteratins=5},cse),symbol-dce)' %s 2>&1 | FileCheck %s --check-prefix=OPT --strict-whitespace
// OPT: <pass-pipeline>:1:39: error: no such option 'max-iteratins' for pass 'canonicalize'
// OPT-NEXT: builtin.module(func.func(canonicalize{max-iteratins=5},cse),symbol-dce)
// OPT-NEXT: {{^}}                                      ^

// RUN: not smopt --pass-pipeline='builtin.module(canonicalize{max-iterations=abc})' %s 2>&1 | FileCheck %s --check-prefix=VAL
// VAL: <pass-pipeline>:1:44: error: invalid value 'abc' for integer option 'max-iterations' of pass 'canonicalize'
// RUN: not smopt --pass-pipeline='builtin.module(canonicalize{top-down=maybe})' %s 2>&1 | FileCheck %s --check-prefix=BOOL
// BOOL: <pass-pipeline>:1:38: error: invalid value 'maybe' for boolean option 'top-down'

// RUN: not smopt --pass-pipeline='builtin.module(foo-bar)' %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: <pass-pipeline>:1:16: error: 'foo-bar' does not refer to a registered pass

// RUN: not smopt --pass-pipeline='builtin.module(func.func(canonicalize,cse)' %s 2>&1 | FileCheck %s --check-prefix=OPEN
// OPEN: <pass-pipeline>:1:15: error: unbalanced parentheses: this '(' is never closed

// RUN: not smopt --pass-pipeline='builtin.module(cse))' %s 2>&1 | FileCheck %s --check-prefix=CLOSE
// CLOSE: <pass-pipeline>:1:20: error: encountered extra closing ')' creating unbalanced parentheses

// RUN: not smopt --pass-pipeline='builtin.module(cse) garbage' %s 2>&1 | FileCheck %s --check-prefix=TRAIL
// TRAIL: <pass-pipeline>:1:21: error: unexpected 'g' after the end of the pipeline

// RUN: not smopt --pass-pipeline='builtin.module(cse{)' %s 2>&1 | FileCheck %s --check-prefix=BRACE
// BRACE: <pass-pipeline>:1:19: error: missing closing '}' while parsing pass options

// RUN: not smopt --pass-pipeline='builtin.module(cse,)' %s 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: <pass-pipeline>:1:20: error: expected a pass name or a nested pipeline before ')'

// RUN: not smopt --pass-pipeline='builtin.module(cse canonicalize)' %s 2>&1 | FileCheck %s --check-prefix=COMMA
// COMMA: <pass-pipeline>:1:20: error: expected ',' or ')' in the pipeline, got 'c'

// RUN: not smopt --pass-pipeline='cse' %s 2>&1 | FileCheck %s --check-prefix=NOANCHOR
// NOANCHOR: <pass-pipeline>:1:1: error: expected the pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'

// RUN: not smopt --pass-pipeline='builtin.module(cse{x="unterminated})' %s 2>&1 | FileCheck %s --check-prefix=QUOTE
// QUOTE: error: missing closing '}' while parsing pass options

// Anchor mismatch: the top-level anchor must be the op the pipeline runs on.
// RUN: not smopt --pass-pipeline='func.func(cse)' %s 2>&1 | FileCheck %s --check-prefix=ANCHOR
// ANCHOR: error: can't run 'func.func' pass manager on 'builtin.module' op

// Mixing --pass-pipeline with pass flags is refused.
// RUN: not smopt --cse --pass-pipeline='builtin.module(cse)' %s 2>&1 | FileCheck %s --check-prefix=MIX
// MIX: error: --pass-pipeline cannot be combined with individual pass flags (--cse)

// Flag options use the same parser.
// RUN: not smopt '--canonicalize{bogus=1}' %s 2>&1 | FileCheck %s --check-prefix=FLAG
// FLAG: error: no such option 'bogus' for pass 'canonicalize'

func.func @f() {
  return
}
