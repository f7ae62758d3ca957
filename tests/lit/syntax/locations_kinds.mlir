// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s | FileCheck %s --check-prefix=DEBUG
// Every location form: unknown, name, name(child), fused, fused<metadata>, callsite.
"tt.op"() : () -> () loc(unknown)
"tt.op"() : () -> () loc("conv1")
"tt.op"() : () -> () loc("conv1/relu"("model.py":10:4))
"tt.op"() : () -> () loc("outer"("inner"(unknown)))
"tt.op"() : () -> () loc(fused["a.mlir":1:1, "b.mlir":2:2])
"tt.op"() : () -> () loc(fused<"fusion">["a.mlir":1:1, unknown, "n"])
"tt.op"() : () -> () loc(fused<#tt.meta<1>>["x":3:4])
"tt.op"() : () -> () loc(fused<{pass = "fuse"}>["x":3:4, "y":5:6])
"tt.op"() : () -> () loc(callsite("callee.mlir":1:2 at "caller.mlir":3:4))
"tt.op"() : () -> () loc(callsite("fn" at callsite("a":1:1 at "b":2:2)))
"tt.op"() : () -> () loc(callsite(fused["p":1:1, "q":2:2] at "r"("s":3:3)))
"tt.op"() : () -> () loc("quote \"in\" name")

// CHECK: module {
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT: }

// DEBUG: module {
// DEBUG-NEXT:   "tt.op"() : () -> () loc(unknown)
// DEBUG-NEXT:   "tt.op"() : () -> () loc("conv1")
// DEBUG-NEXT:   "tt.op"() : () -> () loc("conv1/relu"("model.py":10:4))
// DEBUG-NEXT:   "tt.op"() : () -> () loc("outer"("inner"))
// DEBUG-NEXT:   "tt.op"() : () -> () loc(fused["a.mlir":1:1, "b.mlir":2:2])
// DEBUG-NEXT:   "tt.op"() : () -> () loc(fused<"fusion">["a.mlir":1:1, "n"])
// DEBUG-NEXT:   "tt.op"() : () -> () loc(fused<#tt.meta<1>>["x":3:4])
// DEBUG-NEXT:   "tt.op"() : () -> () loc(fused<{pass = "fuse"}>["x":3:4, "y":5:6])
// DEBUG-NEXT:   "tt.op"() : () -> () loc(callsite("callee.mlir":1:2 at "caller.mlir":3:4))
// DEBUG-NEXT:   "tt.op"() : () -> () loc(callsite("fn" at callsite("a":1:1 at "b":2:2)))
// DEBUG-NEXT:   "tt.op"() : () -> () loc(callsite(fused["p":1:1, "q":2:2] at "r"("s":3:3)))
// DEBUG-NEXT:   "tt.op"() : () -> () loc("quote \22in\22 name")
// DEBUG-NEXT: } loc("{{.*}}locations_kinds.mlir":0:0)
