// Invalid alias definitions and uses.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

!t = i32
// expected-error@+1 {{redefinition of type alias id 't'}}
!t = f32

// -----

#a = 1
// expected-error@+1 {{redefinition of attribute alias id 'a'}}
#a = 2

// -----

// expected-error@+1 {{undefined symbol alias id 'missing'}}
!t = !missing

// -----

// expected-error@+1 {{expected '=' in attribute alias definition}}
#a 1

// -----

// expected-error@+1 {{attribute names with a '.' are reserved for dialect-defined names}}
#a.b = 1

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: aliases.mlir:7:1: error: redefinition of type alias id 't'
// LOC: aliases.mlir:13:1: error: redefinition of attribute alias id 'a'
// LOC: aliases.mlir:18:6: error: undefined symbol alias id 'missing'
// LOC: aliases.mlir:23:4: error: expected '=' in attribute alias definition
// LOC: aliases.mlir:28:1: error: attribute names with a '.' are reserved for dialect-defined names
