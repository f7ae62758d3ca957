// Scalar ops: arith.cmpf with MLIR's ordered/unordered predicates (one is
// OpFOrdNotEqual: false on NaN), i1 values as OpTypeBool with the logical
// ops, i1 buffers stored as bytes (Int8; load != 0, store select 1/0), casts
// from i1 as 0/1, trunci to i1 as the low bit, same-width index casts as
// no-ops. run_small.test runs this module.
// RUN: sm-translate --emit-spirv %s -o - > %t.spv
// RUN: spirv-val --target-env opencl1.2 %t.spv
// RUN: spirv-dis %t.spv | FileCheck %s

// CHECK: OpCapability Int64
// CHECK-NEXT: OpCapability Int8
// CHECK-DAG: %uchar = OpTypeInt 8 0
// CHECK-DAG: %_ptr_CrossWorkgroup_uchar = OpTypePointer CrossWorkgroup %uchar
// CHECK: %scalar = OpFunction
// CHECK: [[MP:%[0-9]+]] = OpInBoundsPtrAccessChain %_ptr_CrossWorkgroup_uchar
// CHECK-NEXT: [[MB:%[0-9]+]] = OpLoad %uchar [[MP]] Aligned 1
// CHECK-NEXT: [[M:%[0-9]+]] = OpINotEqual %bool [[MB]] %uchar_0
// CHECK: [[K:%[0-9]+]] = OpLoad %uint {{%[0-9]+}} Aligned 4
// CHECK-NEXT: [[C1:%[0-9]+]] = OpFOrdNotEqual %bool [[V:%[0-9]+]] %float_0
// CHECK-NEXT: [[C2:%[0-9]+]] = OpFUnordLessThan %bool [[V]] %float_0
// CHECK-NEXT: [[C3:%[0-9]+]] = OpUnordered %bool [[V]] [[V]]
// CHECK-NEXT: [[AND:%[0-9]+]] = OpLogicalAnd %bool [[C1]] [[M]]
// CHECK-NEXT: [[OR:%[0-9]+]] = OpLogicalOr %bool [[AND]] [[C3]]
// CHECK-NEXT: [[XOR:%[0-9]+]] = OpLogicalNotEqual %bool [[OR]] [[C2]]
// cmpi on i1 compares 0/1 integers.
// CHECK-NEXT: [[XI:%[0-9]+]] = OpSelect %uint [[XOR]] %uint_1 %uint_0
// CHECK-NEXT: [[MI:%[0-9]+]] = OpSelect %uint [[M]] %uint_1 %uint_0
// CHECK-NEXT: [[EQ:%[0-9]+]] = OpIEqual %bool [[XI]] [[MI]]
// CHECK-NEXT: [[KB:%[0-9]+]] = OpBitwiseAnd %uint [[K]] %uint_1
// CHECK-NEXT: [[KT:%[0-9]+]] = OpINotEqual %bool [[KB]] %uint_0
// CHECK-NEXT: [[SEL:%[0-9]+]] = OpSelect %float [[KT]] [[V]] %float_0
// CHECK-NEXT: [[EQI:%[0-9]+]] = OpSelect %uint [[EQ]] %uint_1 %uint_0
// CHECK-NEXT: [[BF:%[0-9]+]] = OpConvertUToF %float [[EQI]]
// CHECK-NEXT: [[KL:%[0-9]+]] = OpSConvert %ulong [[K]]
// The index_cast back to i64 is the same value: no instruction.
// CHECK-NEXT: [[KF:%[0-9]+]] = OpConvertSToF %float [[KL]]
// CHECK: OpExtInst %float {{%[0-9]+}} fmin
// CHECK: OpExtInst %uint {{%[0-9]+}} s_max [[K]]
// The i1 result is stored as a byte.
// CHECK: [[XB:%[0-9]+]] = OpSelect %uchar [[XOR]] %uchar_1 %uchar_0
// CHECK-NEXT: OpStore {{%[0-9]+}} [[XB]] Aligned 1

"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<i1>, !kernel.buffer<i32>, !kernel.buffer<f32>, !kernel.buffer<i1>, !kernel.buffer<i32>) -> (), sym_name = "scalar", work_items = 8 : i64}> ({
^bb0(%x: !kernel.buffer<f32>, %m: !kernel.buffer<i1>, %n: !kernel.buffer<i32>, %out: !kernel.buffer<f32>, %bout: !kernel.buffer<i1>, %iout: !kernel.buffer<i32>):
  %g = "kernel.global_id"() : () -> index
  %v = "kernel.load"(%x, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %b = "kernel.load"(%m, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i1>, index) -> i1
  %k = "kernel.load"(%n, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i32>, index) -> i32
  %zero = arith.constant 0.0 : f32
  %c1 = arith.cmpf one, %v, %zero : f32
  %c2 = arith.cmpf ult, %v, %zero : f32
  %c3 = arith.cmpf uno, %v, %v : f32
  %both = arith.andi %c1, %b : i1
  %either = arith.ori %both, %c3 : i1
  %x2 = arith.xori %either, %c2 : i1
  %eq = arith.cmpi eq, %x2, %b : i1
  %kt = arith.trunci %k : i32 to i1
  %sel = arith.select %kt, %v, %zero : f32
  %bf = arith.uitofp %eq : i1 to f32
  %kl = arith.extsi %k : i32 to i64
  %ki = arith.index_cast %kl : i64 to index
  %kj = arith.index_cast %ki : index to i64
  %kf = arith.sitofp %kj : i64 to f32
  %s1 = arith.addf %sel, %bf : f32
  %s2 = arith.addf %s1, %kf : f32
  %s3 = arith.minimumf %s2, %v : f32
  %three = arith.constant 3 : i32
  %km = arith.maxsi %k, %three : i32
  "kernel.store"(%s3, %out, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
  "kernel.store"(%x2, %bout, %g) <{map = affine_map<(d0) -> (d0)>}> : (i1, !kernel.buffer<i1>, index) -> ()
  "kernel.store"(%km, %iout, %g) <{map = affine_map<(d0) -> (d0)>}> : (i32, !kernel.buffer<i32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %x = "kernel.input"() <{index = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %m = "kernel.input"() <{index = 1 : i64, type = tensor<8xi1>}> : () -> !kernel.buffer<i1>
  %n = "kernel.input"() <{index = 2 : i64, type = tensor<8xi32>}> : () -> !kernel.buffer<i32>
  %y = "kernel.alloc"() <{slot = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %z = "kernel.alloc"() <{slot = 1 : i64, type = tensor<8xi1>}> : () -> !kernel.buffer<i1>
  %w = "kernel.alloc"() <{slot = 2 : i64, type = tensor<8xi32>}> : () -> !kernel.buffer<i32>
  "kernel.launch"(%x, %m, %n, %y, %z, %w) <{callee = @scalar, work_items = 8 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<i1>, !kernel.buffer<i32>, !kernel.buffer<f32>, !kernel.buffer<i1>, !kernel.buffer<i32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
  "kernel.output"(%z) <{index = 1 : i64}> : (!kernel.buffer<i1>) -> ()
  "kernel.output"(%w) <{index = 2 : i64}> : (!kernel.buffer<i32>) -> ()
}) {peak_bytes = 72 : i64, slot_bytes = array<i64: 32, 8, 32>} : () -> ()
