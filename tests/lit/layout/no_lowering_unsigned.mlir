// Ops that compute on unsigned integers (ONNX uint8 data) have no lowering
// (arith takes signless integers only): a located error naming the op, not a
// body that fails to verify after the pass. Ops that only move elements
// (where, transpose, reshape, ...) lower as copies.
// RUN: rm -rf %t && split-file %s %t
// RUN: not smc %t/add.mlir -o %t/add 2>&1 | FileCheck %s --check-prefix=ADD
// RUN: not smc %t/reduce.mlir -o %t/reduce 2>&1 | FileCheck %s --check-prefix=REDUCE
// RUN: test ! -e %t/add && test ! -e %t/reduce
// RUN: smc %t/moves.mlir --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s --check-prefix=MOVES

// ADD: add.mlir:2:8: error: 'graph.add' op has no lowering to the layout dialect for these operand types
// ADD-NOT: failed to verify
// REDUCE: reduce.mlir:2:8: error: 'graph.reduce_max' op has no lowering to the layout dialect for these operand types
// REDUCE-NOT: failed to verify
// MOVES: kind = "where"
// MOVES: arith.select %{{.*}}, %{{.*}}, %{{.*}} : ui8
// MOVES: kind = "transpose"
// MOVES: "layout.yield"(%{{.*}}) : (ui8) -> ()

//--- add.mlir
func.func @main(%x: tensor<2x3xui8>, %y: tensor<2x3xui8>) -> tensor<2x3xui8> {
  %0 = "graph.add"(%x, %y) : (tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}
//--- reduce.mlir
func.func @main(%x: tensor<2x3xui8>) -> tensor<2x1xui8> {
  %0 = "graph.reduce_max"(%x) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x3xui8>) -> tensor<2x1xui8>
  return %0 : tensor<2x1xui8>
}
//--- moves.mlir
func.func @main(%c: tensor<2x3xi1>, %x: tensor<2x3xui8>, %y: tensor<2x3xui8>) -> tensor<3x2xui8> {
  %0 = "graph.where"(%c, %x, %y) : (tensor<2x3xi1>, tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
  %1 = "graph.transpose"(%0) <{perm = array<i64: 1, 0>}> : (tensor<2x3xui8>) -> tensor<3x2xui8>
  return %1 : tensor<3x2xui8>
}
