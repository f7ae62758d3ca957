// Invalid {-# dialect_resources #-} sections.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

"tt.op"() {w = dense_resource<blob> : tensor<2xi8>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      // expected-error@+1 {{expected hex}}
      blob: "0xZZ"
    }
  }
#-}

// -----

"tt.op"() {w = dense_resource<blob> : tensor<2xi8>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      blob: "0x010000000102"
  }
// expected-error@+1 {{expected '}'}}
#-}

// -----

"tt.op"() : () -> ()
{-#
  // expected-error@+1 {{unknown key in file metadata dictionary}}
  unknown_section: {}
#-}

// -----

"tt.op"() {w = dense_resource<blob> : tensor<2xi8>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      // expected-error@+1 {{expected hex}}
      blob: "0x0100000001020"
    }
  }
#-}

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: resources.mlir:10:13: error: expected hex string blob for key 'blob' to encode alignment in first 4 bytes
// LOC: resources.mlir:24:1: error: expected '}'
// LOC: resources.mlir:31:3: error: unknown key in file metadata dictionary
// LOC: resources.mlir:41:13: error: expected hex string blob for key 'blob'
