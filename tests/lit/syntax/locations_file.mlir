// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s | FileCheck %s --check-prefix=DEBUG
// File locations on ops, block arguments and func arguments.
"tt.op"() : () -> () loc("model.onnx":12:3)
%0 = "tt.op"() : () -> i32 loc("dir/with space/f.mlir":1:1)
"tt.region"() ({
^bb0(%arg0: i32 loc("args.mlir":4:5), %arg1: f32 loc("args.mlir":4:20)):
  "tt.inner"(%arg0) : (i32) -> () loc("inner.mlir":100:7)
}) : () -> () loc("outer.mlir":99:1)
func.func @f(%x: i32 loc("sig.mlir":1:10)) -> i32 {
  return %x : i32 loc("body.mlir":2:3)
} loc("fn.mlir":1:1)

// CHECK: module {
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   %0 = "tt.op"() : () -> i32
// CHECK-NEXT:   "tt.region"() ({
// CHECK-NEXT:   ^bb0(%arg0: i32, %arg1: f32):
// CHECK-NEXT:     "tt.inner"(%arg0) : (i32) -> ()
// CHECK-NEXT:   }) : () -> ()
// CHECK-NEXT:   func.func @f(%arg0: i32) -> i32 {
// CHECK-NEXT:     return %arg0 : i32
// CHECK-NEXT:   }
// CHECK-NEXT: }

// DEBUG: module {
// DEBUG-NEXT:   "tt.op"() : () -> () loc("model.onnx":12:3)
// DEBUG-NEXT:   %0 = "tt.op"() : () -> i32 loc("dir/with space/f.mlir":1:1)
// DEBUG-NEXT:   "tt.region"() ({
// DEBUG-NEXT:   ^bb0(%arg0: i32 loc("args.mlir":4:5), %arg1: f32 loc("args.mlir":4:20)):
// DEBUG-NEXT:     "tt.inner"(%arg0) : (i32) -> () loc("inner.mlir":100:7)
// DEBUG-NEXT:   }) : () -> () loc("outer.mlir":99:1)
// DEBUG-NEXT:   func.func @f(%arg0: i32 loc("sig.mlir":1:10)) -> i32 {
// DEBUG-NEXT:     return %arg0 : i32 loc("body.mlir":2:3)
// DEBUG-NEXT:   } loc("fn.mlir":1:1)
// DEBUG-NEXT: } loc("{{.*}}locations_file.mlir":0:0)
