// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s
// One function per graph op (those the other graph_to_layout*.mlir files do
// not show, and the common element-wise ones): each op becomes exactly the
// layout.generic form below (domain, indexing maps, iterators, kind, body,
// epilogue) and nothing else; numbers: the differential suite (tests/ops).
// graph_to_layout_each_op.test checks that every op of the graph dialect's
// table has such a test in this directory.


// CHECK-LABEL: func.func @abs(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "abs"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.absf"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @abs(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.abs"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @ceil(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "ceil"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.ceil"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @ceil(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.ceil"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @cos(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "cos"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.cos"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @cos(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.cos"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @floor(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "floor"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.floor"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @floor(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.floor"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @is_nan(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "is_nan"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpf uno, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @is_nan(%x: tensor<2x3xf32>) -> tensor<2x3xi1> {
  %0 = "graph.is_nan"(%x) : (tensor<2x3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @log(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "log"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.log"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @log(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.log"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @neg(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "neg"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.negf %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @neg(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.neg"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @reciprocal(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "reciprocal"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.divf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @reciprocal(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.reciprocal"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @sigmoid(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "sigmoid"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.negf %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.exp"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.divf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @sigmoid(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.sigmoid"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @sin(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "sin"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.sin"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @sin(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.sin"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @sqrt(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "sqrt"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.sqrt"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @sqrt(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.sqrt"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @identity(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "identity"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.identity"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @hard_swish(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "hard_swish"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 0.166666672 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.maximumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.minimumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @hard_swish(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.hard_swish"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @gelu(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "gelu"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 4.471500e-02 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 0.797884583 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.tanh"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @gelu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.gelu"(%x) <{approximate = "tanh"}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @hard_sigmoid(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "hard_sigmoid"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 2.500000e-01 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.maximumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.minimumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @hard_sigmoid(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.hard_sigmoid"(%x) <{alpha = 0.25 : f32, beta = 0.5 : f32}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @leaky_relu(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "leaky_relu"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 1.000000e-01 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpf olt, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.select %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @leaky_relu(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.leaky_relu"(%x) <{alpha = 0.1 : f32}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @clip(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "clip"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.maximumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 6.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.minimumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @clip(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.clip"(%x) <{max = 6.0 : f32, min = 0.0 : f32}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @not(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "not"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: i1, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant true
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.xori %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : i1
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @not(%x: tensor<2x3xi1>) -> tensor<2x3xi1> {
  %0 = "graph.not"(%x) : (tensor<2x3xi1>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @and(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "and"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: i1, %{{[a-z_0-9]+}}: i1, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.andi %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : i1
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @and(%x: tensor<2x3xi1>, %y: tensor<2x3xi1>) -> tensor<2x3xi1> {
  %0 = "graph.and"(%x, %y) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @or(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "or"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: i1, %{{[a-z_0-9]+}}: i1, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.ori %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : i1
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @or(%x: tensor<2x3xi1>, %y: tensor<2x3xi1>) -> tensor<2x3xi1> {
  %0 = "graph.or"(%x, %y) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @xor(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "xor"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: i1, %{{[a-z_0-9]+}}: i1, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.xori %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : i1
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @xor(%x: tensor<2x3xi1>, %y: tensor<2x3xi1>) -> tensor<2x3xi1> {
  %0 = "graph.xor"(%x, %y) : (tensor<2x3xi1>, tensor<2x3xi1>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @div(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "div"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.divf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @div(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.div"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @sub(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "sub"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.subf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @sub(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.sub"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @max(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "max"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.maximumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @max(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.max"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @min(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "min"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.minimumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @min(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.min"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @pow(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "pow"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.powf"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) : (f32, f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @pow(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.pow"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @equal(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "equal"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpf oeq, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @equal(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xi1> {
  %0 = "graph.equal"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @greater(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "greater"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpf ogt, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @greater(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xi1> {
  %0 = "graph.greater"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @greater_or_equal(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "greater_or_equal"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpf oge, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @greater_or_equal(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xi1> {
  %0 = "graph.greater_or_equal"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @less(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "less"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpf olt, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @less(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xi1> {
  %0 = "graph.less"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @less_or_equal(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "less_or_equal"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: i1):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpf ole, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i1) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xi1>
func.func @less_or_equal(%x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xi1> {
  %0 = "graph.less_or_equal"(%x, %y) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @where(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "where"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: i1, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.select %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @where(%c: tensor<2x1xi1>, %x: tensor<2x3xf32>, %y: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.where"(%c, %x, %y) : (tensor<2x1xi1>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @arg_min(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 5>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], init = [0x7F800000 : f32], iterator_types = ["parallel", "reduction"], kind = "reduce_min"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpf olt, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.select %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK: %{{[a-z_0-9]+}} = "graph.constant"() <{value = dense<[0, 1, 2, 3, 4]> : tensor<5xi64>}> : () -> tensor<5xi64>
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 5>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>], init = [5], iterator_types = ["parallel", "reduction"], kind = "arg_min"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: i64, %{{[a-z_0-9]+}}: i64):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpf oeq, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 5 : i64
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.select %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : i64
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.minsi %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : i64
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i64) -> ()
// CHECK: ^bb0(%{{[a-z_0-9]+}}: i64, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: i64):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 0 : i64
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 5 : i64
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.cmpi eq, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : i64
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.select %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : i64
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (i64) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2xi64>
func.func @arg_min(%x: tensor<2x5xf32>) -> tensor<2xi64> {
  %0 = "graph.arg_min"(%x) <{axis = 1 : i64, keepdims = 0 : i64}> : (tensor<2x5xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// CHECK-LABEL: func.func @expand(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d1, 0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "expand"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3x4xf32>
func.func @expand(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = "graph.expand"(%x) <{shape = array<i64: 2, 3, 4>}> : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @flatten(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 12>, indexing_maps = [affine_map<(d0, d1) -> (d0 + d1 floordiv 12, (d1 floordiv 4) mod 3, d1 mod 4)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "flatten"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x12xf32>
func.func @flatten(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  %0 = "graph.flatten"(%x) <{axis = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// CHECK-LABEL: func.func @squeeze(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0 + d1 floordiv 3, 0, d1 mod 3)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "squeeze"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @squeeze(%x: tensor<2x1x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.squeeze"(%x) <{axes = array<i64: 1>}> : (tensor<2x1x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @unsqueeze(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 1, 2, 3>, indexing_maps = [affine_map<(d0, d1, d2) -> (d1 + d2 floordiv 3, d2 mod 3)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "unsqueeze"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<1x2x3xf32>
func.func @unsqueeze(%x: tensor<2x3xf32>) -> tensor<1x2x3xf32> {
  %0 = "graph.unsqueeze"(%x) <{axes = array<i64: 0>}> : (tensor<2x3xf32>) -> tensor<1x2x3xf32>
  return %0 : tensor<1x2x3xf32>
}

// CHECK-LABEL: func.func @gemm(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 3, 5, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d0)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction"], kind = "gemm"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<3x5xf32>
func.func @gemm(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<5xf32>) -> tensor<3x5xf32> {
  %0 = "graph.gemm"(%a, %b, %c) <{alpha = 2.0 : f32, beta = 0.5 : f32, transA = 1 : i64, transB = 1 : i64}> : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// CHECK-LABEL: func.func @global_average_pool(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 1, 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, 0, 0)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction", "reduction"], kind = "global_average_pool"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 1.200000e+01 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.divf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<1x2x1x1xf32>
func.func @global_average_pool(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x1x1xf32> {
  %0 = "graph.global_average_pool"(%x) : (tensor<1x2x3x4xf32>) -> tensor<1x2x1x1xf32>
  return %0 : tensor<1x2x1x1xf32>
}

// CHECK-LABEL: func.func @reduce_l1(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, 0, d2)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "reduction", "parallel"], kind = "reduce_l1"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.absf"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x1x4xf32>
func.func @reduce_l1(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  %0 = "graph.reduce_l1"(%x) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// CHECK-LABEL: func.func @reduce_max(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, 0, d2)>], init = [0xFF800000 : f32], iterator_types = ["parallel", "reduction", "parallel"], kind = "reduce_max"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.maximumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x1x4xf32>
func.func @reduce_max(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  %0 = "graph.reduce_max"(%x) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// CHECK-LABEL: func.func @reduce_mean(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, 0, d2)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "reduction", "parallel"], kind = "reduce_mean"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 3.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.divf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x1x4xf32>
func.func @reduce_mean(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  %0 = "graph.reduce_mean"(%x) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// CHECK-LABEL: func.func @reduce_prod(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, 0, d2)>], init = [1.000000e+00 : f32], iterator_types = ["parallel", "reduction", "parallel"], kind = "reduce_prod"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x1x4xf32>
func.func @reduce_prod(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  %0 = "graph.reduce_prod"(%x) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// CHECK-LABEL: func.func @reduce_sum_square(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, 0, d2)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "reduction", "parallel"], kind = "reduce_sum_square"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x1x4xf32>
func.func @reduce_sum_square(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  %0 = "graph.reduce_sum_square"(%x) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// CHECK-LABEL: func.func @split(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 2>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "split"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1 + 2)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "split"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : tensor<2x2xf32>, tensor<2x3xf32>
func.func @split(%x: tensor<2x5xf32>) -> (tensor<2x2xf32>, tensor<2x3xf32>) {
  %0:2 = "graph.split"(%x) <{axis = 1 : i64, split = array<i64: 2, 3>}> : (tensor<2x5xf32>) -> (tensor<2x2xf32>, tensor<2x3xf32>)
  return %0#0, %0#1 : tensor<2x2xf32>, tensor<2x3xf32>
}

// CHECK-LABEL: func.func @erf(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "erf"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.erf"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @erf(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.erf"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @exp(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "exp"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.exp"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @exp(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.exp"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @tanh(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "tanh"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.tanh"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @tanh(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.tanh"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @add(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "add"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3xf32>
func.func @add(%x: tensor<2x3xf32>, %y: tensor<2x1xf32>) -> tensor<2x3xf32> {
  %0 = "graph.add"(%x, %y) : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @reduce_sum(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d1)>], init = [0.000000e+00 : f32], iterator_types = ["reduction", "parallel", "reduction"], kind = "reduce_sum"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<3xf32>
func.func @reduce_sum(%x: tensor<2x3x4xf32>) -> tensor<3xf32> {
  %0 = "graph.reduce_sum"(%x) <{axes = array<i64: 0, 2>, keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @max_pool(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 1, 2, 3, 3, 3, 3>, indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4 - 1, d3 * 2 + d5 - 1)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>], init = [0xFF800000 : f32], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"], kind = "max_pool", pad = [0xFF800000 : f32]}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.maximumf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<1x2x3x3xf32>
func.func @max_pool(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {
  %0 = "graph.max_pool"(%x) <{kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// CHECK-LABEL: func.func @layer_normalization(
// CHECK-NEXT: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, 0)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction"], kind = "layer_norm_mean"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 4.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.divf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, 0)>, affine_map<(d0, d1, d2) -> (d0, d1, 0)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction"], kind = "layer_norm_var"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.subf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 4.000000e+00 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.divf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK: %{{[a-z_0-9]+}} = "layout.generic"(%{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}}) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, 0)>, affine_map<(d0, d1, d2) -> (d0, d1, 0)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "layer_norm"}> ({
// CHECK-NEXT: ^bb0(%{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32, %{{[a-z_0-9]+}}: f32):
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.constant 9.99999974E-6 : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = "math.sqrt"(%{{[a-z_0-9]+}}) : (f32) -> f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.subf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.divf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.mulf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: %{{[a-z_0-9]+}} = arith.addf %{{[a-z_0-9]+}}, %{{[a-z_0-9]+}} : f32
// CHECK-NEXT: "layout.yield"(%{{[a-z_0-9]+}}) : (f32) -> ()
// CHECK-NOT: layout.generic
// CHECK: return %{{[a-z_0-9]+}} : tensor<2x3x4xf32>
func.func @layer_normalization(%x: tensor<2x3x4xf32>, %s: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = "graph.layer_normalization"(%x, %s, %b) <{axis = -1 : i64, epsilon = 1.0e-5 : f32}> : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}
