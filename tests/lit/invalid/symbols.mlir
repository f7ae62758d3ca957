// Symbol tables reject duplicate symbol names, as MLIR's verifier does.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

// expected-note@+1 {{see existing symbol definition here}}
func.func private @dup()
// expected-error@+1 {{redefinition of symbol named 'dup'}}
func.func private @dup()

// -----

module @m {
  // expected-note@+1 {{see existing symbol definition here}}
  "tt.sym"() {sym_name = "x"} : () -> ()
  // expected-error@+1 {{redefinition of symbol named 'x'}}
  "tt.sym"() {sym_name = "x"} : () -> ()
}
