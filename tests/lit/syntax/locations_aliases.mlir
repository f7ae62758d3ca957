// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s | FileCheck %s --check-prefix=DEBUG
// Location aliases (#loc...), defined after use, referring to each other.
"tt.op"() : () -> () loc(#loc0)
%0 = "tt.op"() : () -> i32 loc(#fused)
"tt.region"() ({
^bb0(%a: i32 loc(#arg_loc)):
  "tt.inner"(%a) : (i32) -> () loc(#call)
}) : () -> () loc(#loc0)
#loc0 = loc("aliased.mlir":7:8)
#named = loc("name"(#loc0))
#fused = loc(fused[#loc0, #named])
#arg_loc = loc("arg.mlir":1:1)
#call = loc(callsite(#named at #loc0))

// CHECK: module {
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   %0 = "tt.op"() : () -> i32
// CHECK-NEXT:   "tt.region"() ({
// CHECK-NEXT:   ^bb0(%arg0: i32):
// CHECK-NEXT:     "tt.inner"(%arg0) : (i32) -> ()
// CHECK-NEXT:   }) : () -> ()
// CHECK-NEXT: }

// DEBUG: module {
// DEBUG-NEXT:   "tt.op"() : () -> () loc("aliased.mlir":7:8)
// DEBUG-NEXT:   %0 = "tt.op"() : () -> i32 loc(fused["aliased.mlir":7:8, "name"("aliased.mlir":7:8)])
// DEBUG-NEXT:   "tt.region"() ({
// DEBUG-NEXT:   ^bb0(%arg0: i32 loc("arg.mlir":1:1)):
// DEBUG-NEXT:     "tt.inner"(%arg0) : (i32) -> () loc(callsite("name"("aliased.mlir":7:8) at "aliased.mlir":7:8))
// DEBUG-NEXT:   }) : () -> () loc("aliased.mlir":7:8)
// DEBUG-NEXT: } loc("{{.*}}locations_aliases.mlir":0:0)
