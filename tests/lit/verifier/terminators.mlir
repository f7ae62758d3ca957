// RUN: smopt --split-input-file --verify-diagnostics --allow-unregistered-dialect %s
// RUN: %if mlir-opt %{ %mlir_opt --split-input-file --verify-diagnostics --allow-unregistered-dialect %s %}

func.func @no_terminator(%a: i32) {
  // expected-error@+1 {{block with no terminator, has}}
  %0 = arith.addi %a, %a : i32
}

// -----

func.func @not_last(%a: i32) {
  // expected-error@+1 {{'func.return' op must be the last operation in the parent block}}
  "func.return"() : () -> ()
  %0 = arith.addi %a, %a : i32
}

// -----

func.func @successors_on_return() {
  // expected-error@+1 {{'func.return' op requires 0 successors but found 1}}
  "func.return"() [^bb1] : () -> ()
^bb1:
  func.return
}

// -----

func.func @branch_in_the_middle() {
  // expected-error@+1 {{operation with block successors must terminate its parent block}}
  "foo.br"() [^bb1] : () -> ()
  "foo.other"() : () -> ()
^bb1:
  func.return
}

// -----

// An unregistered op may end a block: it might be a terminator.
func.func @unregistered_terminator() {
  "foo.br"() [^bb1] : () -> ()
^bb1:
  "foo.end"() : () -> ()
}

// -----

// A multi-block region of an unregistered op needs terminators too (MLIR's
// mayBeValidWithoutTerminator); an unregistered last op counts as one.
"foo.op"() ({
  "foo.br"() [^bb1] : () -> ()
^bb1:
  // expected-error@+1 {{block with no terminator, has}}
  %0 = arith.constant 1 : i32
}) : () -> ()
