// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// File locations are uniqued: a fused location drops members equal to an
// earlier one (MLIR's FusedLoc::get), which shows which ones are the same
// object. Lines far beyond the others (kept apart from the per-line index),
// lines the index covers, several columns of one line, and the same line and
// column in another file.
"tt.a"() : () -> () loc(fused["big.mlir":4000000000:2, "big.mlir":4000000000:2])
"tt.b"() : () -> () loc(fused["big.mlir":4000000000:2, "big.mlir":4000000000:3, "big.mlir":4000000000:2])
"tt.c"() : () -> () loc(fused["f.mlir":70000:1, "f.mlir":3:1, "f.mlir":70000:1, "f.mlir":3:1])
"tt.d"() : () -> () loc(fused["f.mlir":9:1, "f.mlir":9:2, "f.mlir":9:3, "f.mlir":9:2, "g.mlir":9:2])
"tt.e"() : () -> () loc(fused["f.mlir":0:0, "f.mlir":4294967295:4294967295, "f.mlir":0:0, "f.mlir":4294967295:4294967295])

// CHECK: "tt.a"() : () -> () loc("big.mlir":4000000000:2)
// CHECK: "tt.b"() : () -> () loc(fused["big.mlir":4000000000:2, "big.mlir":4000000000:3])
// CHECK: "tt.c"() : () -> () loc(fused["f.mlir":70000:1, "f.mlir":3:1])
// CHECK: "tt.d"() : () -> () loc(fused["f.mlir":9:1, "f.mlir":9:2, "f.mlir":9:3, "g.mlir":9:2])
// CHECK: "tt.e"() : () -> () loc(fused["f.mlir":0:0, "f.mlir":4294967295:4294967295])
