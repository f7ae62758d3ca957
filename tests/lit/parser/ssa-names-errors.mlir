// SSA name errors with decimal names (the parser's dense table) mixed with
// other names (its hash table): redefinitions, types, result numbers, and
// the first unresolved forward reference in source order.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

// expected-note@+1 {{previously defined here}}
%5 = "t.def"() : () -> i32
// expected-error@+1 {{redefinition of SSA value '%5'}}
%5 = "t.def"() : () -> i32

// -----

// A forward reference resolved by the first definition; the second is
// a redefinition.
"t.use"(%5) : (i32) -> ()
// expected-note@+1 {{previously defined here}}
%5 = "t.def"() : () -> i32
// expected-error@+1 {{redefinition of SSA value '%5'}}
%5 = "t.def"() : () -> i32

// -----

// Outer names are visible in nested regions: no shadowing.
// expected-note@+1 {{previously defined here}}
%3 = "t.def"() : () -> i32
"t.r"() ({
  // expected-error@+1 {{redefinition of SSA value '%3'}}
  %3 = "t.def"() : () -> i32
}) : () -> ()

// -----

// expected-note@+1 {{previously defined here}}
%8 = "t.def"() : () -> i32
// expected-error@+1 {{redefinition of SSA value '%8#0'}}
%8:2 = "t.def"() : () -> (i32, i32)

// -----

// A name whose page is far from any other, and one past the dense limit.
%4194303 = "t.def"() : () -> i32
// expected-note@+1 {{previously defined here}}
%999999999 = "t.def"() : () -> i32
// expected-error@+1 {{redefinition of SSA value '%999999999'}}
%999999999 = "t.def"() : () -> i32

// -----

// The first unresolved use in source order is reported, wherever its name
// is kept.
// expected-error@+1 {{use of undeclared SSA value name}}
"t.use"(%50) : (i32) -> ()
"t.use"(%a) : (i32) -> ()
"t.use"(%2) : (i32) -> ()

// -----

// expected-error@+1 {{use of undeclared SSA value name}}
"t.use"(%b, %1) : (i32, i32) -> ()

// -----

// expected-error@+1 {{use of undeclared SSA value name}}
"t.use"(%900, %b, %1) : (i32, i32, i32) -> ()

// -----

"t.r"() ({
  // expected-error@+1 {{use of undeclared SSA value name}}
  "t.use"(%300) : (i32) -> ()
  %1 = "t.def"() : () -> i32
}) : () -> ()
"t.use"(%1, %7) : (i32, i32) -> ()

// -----

// expected-error@+1 {{use of undeclared SSA value name}}
"t.use"(%999999999) : (i32) -> ()
%1 = "t.def"() : () -> i32
"t.use"(%4194303) : (i32) -> ()

// -----

// A nested region's names are gone when it ends.
"t.r"() ({
  %7 = "t.def"() : () -> i32
}) : () -> ()
// expected-error@+1 {{use of undeclared SSA value name}}
"t.use"(%7) : (i32) -> ()

// -----

// Result 1 of a single-result definition is never defined.
// expected-error@+1 {{use of undeclared SSA value name}}
"t.use"(%3#1) : (i32) -> ()
%3 = "t.def"() : () -> i32

// -----

// expected-note@+1 {{previously used here with type 'i32'}}
"t.use"(%4) : (i32) -> ()
// expected-error@+1 {{definition of SSA value '%4#0' has type 'f32'}}
%4 = "t.def"() : () -> f32

// -----

// expected-note@+1 {{prior use here}}
%4 = "t.def"() : () -> i32
// expected-error@+1 {{use of value '%4' expects different type than prior uses: 'i64' vs 'i32'}}
"t.use"(%4) : (i64) -> ()

// -----

// expected-note@+1 {{prior use here}}
"t.use"(%6) : (i32) -> ()
// expected-error@+1 {{use of value '%6' expects different type than prior uses: 'f32' vs 'i32'}}
"t.use"(%6) : (f32) -> ()

// -----

%3 = "t.def"() : () -> i32
// expected-error@+1 {{reference to invalid result number}}
"t.use"(%3#1) : (i32) -> ()

// -----

%999999999:2 = "t.def"() : () -> (i32, i32)
"t.use"(%999999999#1) : (i32) -> ()
// expected-error@+1 {{reference to invalid result number}}
"t.use"(%999999999#2) : (i32) -> ()

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: ssa-names-errors.mlir:10:1: error: redefinition of SSA value '%5'
// LOC: ssa-names-errors.mlir:20:1: error: redefinition of SSA value '%5'
// LOC: ssa-names-errors.mlir:29:3: error: redefinition of SSA value '%3'
// LOC: ssa-names-errors.mlir:37:1: error: redefinition of SSA value '%8#0'
// LOC: ssa-names-errors.mlir:46:1: error: redefinition of SSA value '%999999999'
// LOC: ssa-names-errors.mlir:53:9: error: use of undeclared SSA value name
// LOC: ssa-names-errors.mlir:60:9: error: use of undeclared SSA value name
// LOC: ssa-names-errors.mlir:65:9: error: use of undeclared SSA value name
// LOC: ssa-names-errors.mlir:71:11: error: use of undeclared SSA value name
// LOC: ssa-names-errors.mlir:79:9: error: use of undeclared SSA value name
// LOC: ssa-names-errors.mlir:90:9: error: use of undeclared SSA value name
// LOC: ssa-names-errors.mlir:96:9: error: use of undeclared SSA value name
// LOC: ssa-names-errors.mlir:104:1: error: definition of SSA value '%4#0' has type 'f32'
// LOC: ssa-names-errors.mlir:111:9: error: use of value '%4' expects different type than prior uses: 'i64' vs 'i32'
// LOC: ssa-names-errors.mlir:118:9: error: use of value '%6' expects different type than prior uses: 'f32' vs 'i32'
// LOC: ssa-names-errors.mlir:124:9: error: reference to invalid result number
// LOC: ssa-names-errors.mlir:131:9: error: reference to invalid result number
