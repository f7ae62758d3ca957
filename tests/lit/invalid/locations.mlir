// Invalid location syntax.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

// expected-error@+1 {{expected location instance}}
"tt.op"() : () -> () loc(nothing)

// -----

// expected-error@+1 {{expected integer line number in FileLineColLoc}}
"tt.op"() : () -> () loc("f.mlir":x:1)

// -----

// expected-error@+1 {{expected integer column number in FileLineColLoc}}
"tt.op"() : () -> () loc("f.mlir":3:)

// -----

// expected-error@+1 {{location alias '#loc99' was never defined}}
"tt.op"() : () -> () loc(#loc99)

// -----

// expected-error@+1 {{expected 'at' in callsite}}
"tt.op"() : () -> () loc(callsite("a" "b"))

// -----

// expected-error@+1 {{expected '['}}
"tt.op"() : () -> () loc(fused("a"))

// -----

// expected-error@+1 {{expected ')' in inline location}}
"tt.op"() : () -> () loc("name"("child") "tt.next"() : () -> ()

// -----

#notloc = "a string"
// expected-error@+1 {{expected location}}
"tt.op"() : () -> () loc(#notloc)

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: locations.mlir:6:26: error: expected location instance
// LOC: locations.mlir:11:35: error: expected integer line number in FileLineColLoc
// LOC: locations.mlir:16:37: error: expected integer column number in FileLineColLoc
// LOC: locations.mlir:21:26: error: location alias '#loc99' was never defined
// LOC: locations.mlir:26:39: error: expected 'at' in callsite location
// LOC: locations.mlir:31:31: error: expected '[' in fused location
// LOC: locations.mlir:36:42: error: expected ')' in inline location
// LOC: locations.mlir:42:26: error: expected location, but found an attribute alias
