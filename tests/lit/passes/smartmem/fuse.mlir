// smartmem-fuse merges element-wise generics into their producer's epilogue
// or into their consumers' reads, decided on indexing maps; it refuses what
// would change results or cost more than a round trip through memory.
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse)' | FileCheck %s
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse)' -o %t.mlir
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %s --output-dir %t.ref --seed 3 > /dev/null
// RUN: smrun %t.mlir --test-data %t.ref | FileCheck %s --check-prefix=EXEC
// EXEC-COUNT-6: : ok

// CHECK-LABEL: func.func @main
// Epilogue: bias add and relu run after the matmul's reduction, in one op;
// the bias is read through the add's broadcast map.
// CHECK: "layout.generic"(%arg0, %arg1, %arg2)
// CHECK-SAME: affine_map<(d0, d1, d2) -> (d1)>
// CHECK-SAME: kind = "matmul+add+relu"
// An element-wise chain becomes one op (erf's only reader is the mul); a
// cheap scale (one mulf) is recomputed inside the matmul's loop (prologue).
// CHECK: kind = "erf+mul"
// CHECK: "math.erf"
// CHECK: kind = "matmul"
// CHECK: arith.mulf
// CHECK: arith.mulf
// Refused: exp is too costly to recompute at every matmul read (it stays a
// kernel); the add read by a padded convolution window stays too (fusing
// would compute the add on the padding: 0 + 1 instead of 0); the cast
// changes the element type, so it is not an epilogue of the matmul.
// CHECK: kind = "exp"
// CHECK: kind = "matmul"
// CHECK: kind = "add"
// CHECK: kind = "conv"
// CHECK: kind = "matmul"
// CHECK: kind = "cast"
func.func @main(%x: tensor<4x8xf32>, %w: tensor<8x16xf32>, %b: tensor<16xf32>, %y: tensor<4x8xf32>,
                %c: tensor<1x1x4x4xf32>, %k: tensor<1x1x3x3xf32>)
    -> (tensor<4x16xf32>, tensor<4x8xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<1x1x4x4xf32>, tensor<4x16xi32>) {
  %m = "graph.matmul"(%x, %w) : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %a = "graph.add"(%m, %b) : (tensor<4x16xf32>, tensor<16xf32>) -> tensor<4x16xf32>
  %r = "graph.relu"(%a) : (tensor<4x16xf32>) -> tensor<4x16xf32>
  %e = "graph.erf"(%y) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %g = "graph.mul"(%y, %e) : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %two = "graph.constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %s = "graph.mul"(%y, %two) : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %ms = "graph.matmul"(%s, %w) : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %ex = "graph.exp"(%y) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %me = "graph.matmul"(%ex, %w) : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %one = "graph.constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  %ca = "graph.add"(%c, %one) : (tensor<1x1x4x4xf32>, tensor<f32>) -> tensor<1x1x4x4xf32>
  %cv = "graph.conv"(%ca, %k) <{pads = array<i64: 1, 1, 1, 1>}> : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  %mc = "graph.matmul"(%x, %w) : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %h = "graph.cast"(%mc) <{to = i32}> : (tensor<4x16xf32>) -> tensor<4x16xi32>
  return %r, %g, %ms, %me, %cv, %h : tensor<4x16xf32>, tensor<4x8xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<1x1x4x4xf32>, tensor<4x16xi32>
}
