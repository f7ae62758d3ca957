// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Nested modules, symbol tables and nested symbol references across them.
module @a {
  module @b {
    module @c {
      func.func private @deep(i32) -> i32
    }
    func.func @mid(%x: i32) -> i32 {
      %0 = "tt.call"(%x) {callee = @a::@b::@c::@deep} : (i32) -> i32
      return %0 : i32
    }
  }
  func.func @top(%x: i32) -> i32 {
    %0 = "tt.call"(%x) {callee = @b::@mid} : (i32) -> i32
    return %0 : i32
  }
}

// CHECK: module @a {
// CHECK-NEXT:   module @b {
// CHECK-NEXT:     module @c {
// CHECK-NEXT:       func.func private @deep(i32) -> i32
// CHECK-NEXT:     }
// CHECK-NEXT:     func.func @mid(%arg0: i32) -> i32 {
// CHECK-NEXT:       %0 = "tt.call"(%arg0) {callee = @a::@b::@c::@deep} : (i32) -> i32
// CHECK-NEXT:       return %0 : i32
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @top(%arg0: i32) -> i32 {
// CHECK-NEXT:     %0 = "tt.call"(%arg0) {callee = @b::@mid} : (i32) -> i32
// CHECK-NEXT:     return %0 : i32
// CHECK-NEXT:   }
// CHECK-NEXT: }
