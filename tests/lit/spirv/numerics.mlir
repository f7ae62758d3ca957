// Numerics the OpenCL.std functions alone get wrong, lowered as the OpenCL C
// emitter writes them: arith.maximumf/minimumf return NaN when either operand
// is NaN (fmax/fmin return the other one), math.tanh is exactly +-1 at +-inf
// (copysign; PoCL's tanh is not), and i1 arithmetic is modulo 2 (addi/subi
// are xor, muli is and).
// RUN: sm-translate --emit-spirv %s -o - > %t.spv
// RUN: spirv-val --target-env opencl1.2 %t.spv
// RUN: spirv-dis %t.spv | FileCheck %s

// CHECK: %numerics = OpFunction
// CHECK: [[A:%[0-9]+]] = OpLoad %float {{%[0-9]+}} Aligned 4
// CHECK: [[B:%[0-9]+]] = OpLoad %float {{%[0-9]+}} Aligned 4
// CHECK: [[P:%[0-9]+]] = OpLoad %uchar
// CHECK-NEXT: [[PB:%[0-9]+]] = OpINotEqual %bool [[P]] %uchar_0
// CHECK: [[Q:%[0-9]+]] = OpLoad %uchar
// CHECK-NEXT: [[QB:%[0-9]+]] = OpINotEqual %bool [[Q]] %uchar_0
// CHECK-NEXT: [[MAX:%[0-9]+]] = OpExtInst %float {{%[0-9]+}} fmax [[A]] [[B]]
// CHECK-NEXT: [[NA:%[0-9]+]] = OpIsNan %bool [[A]]
// CHECK-NEXT: [[NB:%[0-9]+]] = OpIsNan %bool [[B]]
// CHECK-NEXT: [[N:%[0-9]+]] = OpLogicalOr %bool [[NA]] [[NB]]
// CHECK-NEXT: [[S:%[0-9]+]] = OpFAdd %float [[A]] [[B]]
// CHECK-NEXT: [[MX:%[0-9]+]] = OpSelect %float [[N]] [[S]] [[MAX]]
// CHECK-NEXT: [[MIN:%[0-9]+]] = OpExtInst %float {{%[0-9]+}} fmin [[MX]] [[B]]
// CHECK-NEXT: [[NA2:%[0-9]+]] = OpIsNan %bool [[MX]]
// CHECK-NEXT: [[NB2:%[0-9]+]] = OpIsNan %bool [[B]]
// CHECK-NEXT: [[N2:%[0-9]+]] = OpLogicalOr %bool [[NA2]] [[NB2]]
// CHECK-NEXT: [[S2:%[0-9]+]] = OpFAdd %float [[MX]] [[B]]
// CHECK-NEXT: [[MN:%[0-9]+]] = OpSelect %float [[N2]] [[S2]] [[MIN]]
// CHECK-NEXT: [[INF:%[0-9]+]] = OpIsInf %bool [[MN]]
// CHECK-NEXT: [[SIGN:%[0-9]+]] = OpExtInst %float {{%[0-9]+}} copysign %float_1 [[MN]]
// CHECK-NEXT: [[TH:%[0-9]+]] = OpExtInst %float {{%[0-9]+}} tanh [[MN]]
// CHECK-NEXT: [[T:%[0-9]+]] = OpSelect %float [[INF]] [[SIGN]] [[TH]]
// CHECK-NEXT: [[ADD:%[0-9]+]] = OpLogicalNotEqual %bool [[PB]] [[QB]]
// CHECK-NEXT: [[SUB:%[0-9]+]] = OpLogicalNotEqual %bool [[ADD]] [[QB]]
// CHECK-NEXT: [[MUL:%[0-9]+]] = OpLogicalAnd %bool [[SUB]] [[PB]]
// CHECK-NOT: OpIAdd %bool
// CHECK: OpStore {{%[0-9]+}} [[T]] Aligned 4
// CHECK: [[MB:%[0-9]+]] = OpSelect %uchar [[MUL]] %uchar_1 %uchar_0
// CHECK-NEXT: OpStore {{%[0-9]+}} [[MB]] Aligned 1

"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<i1>, !kernel.buffer<i1>, !kernel.buffer<f32>, !kernel.buffer<i1>) -> (), sym_name = "numerics", work_items = 8 : i64}> ({
^bb0(%x: !kernel.buffer<f32>, %y: !kernel.buffer<f32>, %p: !kernel.buffer<i1>, %q: !kernel.buffer<i1>, %out: !kernel.buffer<f32>, %bout: !kernel.buffer<i1>):
  %g = "kernel.global_id"() : () -> index
  %a = "kernel.load"(%x, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %b = "kernel.load"(%y, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %pb = "kernel.load"(%p, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i1>, index) -> i1
  %qb = "kernel.load"(%q, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i1>, index) -> i1
  %mx = arith.maximumf %a, %b : f32
  %mn = arith.minimumf %mx, %b : f32
  %t = "math.tanh"(%mn) : (f32) -> f32
  %add = arith.addi %pb, %qb : i1
  %sub = arith.subi %add, %qb : i1
  %mul = arith.muli %sub, %pb : i1
  "kernel.store"(%t, %out, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
  "kernel.store"(%mul, %bout, %g) <{map = affine_map<(d0) -> (d0)>}> : (i1, !kernel.buffer<i1>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %x = "kernel.input"() <{index = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %y = "kernel.input"() <{index = 1 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %p = "kernel.input"() <{index = 2 : i64, type = tensor<8xi1>}> : () -> !kernel.buffer<i1>
  %q = "kernel.input"() <{index = 3 : i64, type = tensor<8xi1>}> : () -> !kernel.buffer<i1>
  %o = "kernel.alloc"() <{slot = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %ob = "kernel.alloc"() <{slot = 1 : i64, type = tensor<8xi1>}> : () -> !kernel.buffer<i1>
  "kernel.launch"(%x, %y, %p, %q, %o, %ob) <{callee = @numerics, work_items = 8 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<i1>, !kernel.buffer<i1>, !kernel.buffer<f32>, !kernel.buffer<i1>) -> ()
  "kernel.output"(%o) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
  "kernel.output"(%ob) <{index = 1 : i64}> : (!kernel.buffer<i1>) -> ()
}) {peak_bytes = 40 : i64, slot_bytes = array<i64: 32, 8>} : () -> ()
