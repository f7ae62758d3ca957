// Lexical errors, one per split; each must give a located error and exit 1.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

// expected-error@+1 {{unexpected character}}
"tt.op"() {a = `} : () -> ()

// -----

// expected-error@+1 {{expected '"' in string literal}}
"tt.op"() {a = "unterminated} : () -> ()

// -----

// expected-error@+1 {{unknown escape in string literal}}
"tt.op"() {a = "bad \q escape"} : () -> ()

// -----

// expected-error@+1 {{unknown escape in string literal}}
"tt.op"() {a = "bad \4 hex"} : () -> ()

// -----

// expected-error@+1 {{invalid SSA value name}}
"tt.use"(% ) : (i32) -> ()

// -----

// expected-error@+1 {{invalid block name}}
"tt.br"()[^ ] : () -> ()

// -----

// expected-error@+1 {{@ identifier expected to start with letter or '_'}}
"tt.op"() {a = @} : () -> ()

// -----

// expected-error@+1 {{invalid attribute alias name}}
"tt.op"() {a = #} : () -> ()

// -----

// expected-error@+1 {{invalid type alias name}}
"tt.op"() : () -> !

// -----

// expected-error@+1 {{unexpected character}}
"tt.op"() {a = 1} : () -> () $

// -----

// "0x" without digits lexes as 0 followed by the identifier x, as in MLIR.
// expected-error@+1 {{expected '}' in attribute dictionary}}
"tt.op"() {a = 0x : i32} : () -> ()

// -----

// expected-error@+1 {{expected '"' in string literal}}
"tt.op"() {a = "unterminated
"} : () -> ()

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: lexer.mlir:6:16: error: unexpected character
// LOC: lexer.mlir:11:41: error: expected '"' in string literal
// LOC: lexer.mlir:16:21: error: unknown escape in string literal
// LOC: lexer.mlir:21:21: error: unknown escape in string literal
// LOC: lexer.mlir:26:10: error: invalid SSA value name
// LOC: lexer.mlir:31:11: error: invalid block name
// LOC: lexer.mlir:36:16: error: @ identifier expected to start with letter or '_'
// LOC: lexer.mlir:41:16: error: invalid attribute alias name
// LOC: lexer.mlir:46:19: error: invalid type alias name
// LOC: lexer.mlir:51:30: error: unexpected character
// LOC: lexer.mlir:57:17: error: expected '}' in attribute dictionary
// LOC: lexer.mlir:62:29: error: expected '"' in string literal
