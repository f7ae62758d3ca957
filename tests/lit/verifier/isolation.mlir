// RUN: smopt --split-input-file --verify-diagnostics --allow-unregistered-dialect %s
// RUN: %if mlir-opt %{ %mlir_opt --split-input-file --verify-diagnostics --allow-unregistered-dialect %s %}

func.func @outer(%a: i32) {
  // expected-note@+1 {{required by region isolation constraints}}
  builtin.module {
    // expected-error@+1 {{'foo.use' op using value defined outside the region}}
    "foo.use"(%a) : (i32) -> ()
  }
  return
}

// -----

// Through non-isolated regions inside the isolated op: still a violation.
func.func @deep(%a: i32) {
  // expected-note@+1 {{required by region isolation constraints}}
  builtin.module {
    "foo.region"() ({
      // expected-error@+1 {{'arith.addi' op using value defined outside the region}}
      %0 = "arith.addi"(%a, %a) : (i32, i32) -> i32
    }) : () -> ()
  }
  return
}

// -----

// Values defined inside the isolated op are fine at any depth.
func.func @inside(%a: i32) {
  "builtin.module"() ({
    %c = "foo.def"() : () -> i32
    "foo.region"() ({
      "foo.use"(%c) : (i32) -> ()
    }) : () -> ()
  }) : () -> ()
  return
}

// -----

// Non-isolated regions see the enclosing function's values.
func.func @not_isolated(%a: i32) {
  "foo.region"() ({
    "foo.region"() ({
      "foo.use"(%a) : (i32) -> ()
    }) : () -> ()
  }) : () -> ()
  return
}
