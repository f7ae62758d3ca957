// Element types beyond f32: f64 (Float64), i16 (Int16) and i8 (Int8)
// buffers with their conversions; the capabilities appear only because they
// are used (load_map.mlir checks that none appear otherwise). f16 is
// refused (errors.mlir): half arithmetic needs Float16, which OpenCL 1.2
// SPIR-V does not allow.
// RUN: sm-translate --emit-spirv %s -o - > %t.spv
// RUN: spirv-val --target-env opencl1.2 %t.spv
// RUN: spirv-dis %t.spv | FileCheck %s

// CHECK: OpCapability Addresses
// CHECK-NEXT: OpCapability Kernel
// CHECK-NEXT: OpCapability Float64
// CHECK-NEXT: OpCapability Int64
// CHECK-NEXT: OpCapability Int16
// CHECK-NEXT: OpCapability Int8
// CHECK: OpFunctionParameter %_ptr_CrossWorkgroup_double
// CHECK-NEXT: OpFunctionParameter %_ptr_CrossWorkgroup_ushort
// CHECK-NEXT: OpFunctionParameter %_ptr_CrossWorkgroup_uchar
// CHECK: [[D:%[0-9]+]] = OpLoad %double {{%[0-9]+}} Aligned 8
// CHECK: [[S:%[0-9]+]] = OpLoad %ushort {{%[0-9]+}} Aligned 2
// CHECK: [[C:%[0-9]+]] = OpLoad %uchar {{%[0-9]+}} Aligned 1
// CHECK-NEXT: OpFConvert %float [[D]]
// CHECK-NEXT: OpConvertSToF %float [[S]]
// extui zero-extends, extsi sign-extends.
// CHECK-NEXT: [[CU:%[0-9]+]] = OpUConvert %uint [[C]]
// CHECK-NEXT: [[CS:%[0-9]+]] = OpSConvert %uint [[C]]
// CHECK-NEXT: OpConvertSToF %float [[CU]]
// CHECK-NEXT: OpConvertSToF %float [[CS]]

"kernel.func"() <{function_type = (!kernel.buffer<f64>, !kernel.buffer<i16>, !kernel.buffer<i8>, !kernel.buffer<f32>) -> (), sym_name = "types", work_items = 4 : i64}> ({
^bb0(%d: !kernel.buffer<f64>, %s: !kernel.buffer<i16>, %c: !kernel.buffer<i8>, %out: !kernel.buffer<f32>):
  %g = "kernel.global_id"() : () -> index
  %dv = "kernel.load"(%d, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f64>, index) -> f64
  %sv = "kernel.load"(%s, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i16>, index) -> i16
  %cv = "kernel.load"(%c, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i8>, index) -> i8
  %df = arith.truncf %dv : f64 to f32
  %sf = arith.sitofp %sv : i16 to f32
  %cu = arith.extui %cv : i8 to i32
  %cs = arith.extsi %cv : i8 to i32
  %cuf = arith.sitofp %cu : i32 to f32
  %csf = arith.sitofp %cs : i32 to f32
  %a = arith.addf %df, %sf : f32
  %b = arith.addf %a, %cuf : f32
  %r = arith.addf %b, %csf : f32
  "kernel.store"(%r, %out, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
}) : () -> ()
