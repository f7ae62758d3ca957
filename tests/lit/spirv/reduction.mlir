// A reduction loop: kernel.for becomes a structured loop (OpLoopMerge),
// the induction variable and every iteration value a header OpPhi fed by
// the initial value from the block before and by kernel.yield's value from
// the continue block; the loop's results are the header phis. Nested loops
// nest their constructs. run_small.test runs this module.
// RUN: sm-translate --emit-spirv %s -o - > %t.spv
// RUN: spirv-val --target-env opencl1.2 %t.spv
// RUN: spirv-dis %t.spv | FileCheck %s

// CHECK: OpEntryPoint Kernel %rowstats "rowstats"
// CHECK: %rowstats = OpFunction
// CHECK: OpBranchConditional {{%[0-9]+}} [[BODY:%[0-9]+]] [[END:%[0-9]+]]
// CHECK-NEXT: [[BODY]] = OpLabel
// Outer loop: the sum and the maximum of a 4 x 5 block per work-item.
// CHECK: OpBranch [[H1:%[0-9]+]]
// CHECK-NEXT: [[H1]] = OpLabel
// CHECK-NEXT: [[I:%[0-9]+]] = OpPhi %ulong %ulong_0 [[BODY]] [[INEXT:%[0-9]+]] [[C1:%[0-9]+]]
// CHECK-NEXT: [[SUM:%[0-9]+]] = OpPhi %float %float_0 [[BODY]] [[SUMY:%[0-9]+]] [[C1]]
// CHECK-NEXT: [[MAX:%[0-9]+]] = OpPhi %float %float_n1000 [[BODY]] [[MAXY:%[0-9]+]] [[C1]]
// CHECK-NEXT: [[T1:%[0-9]+]] = OpSLessThan %bool [[I]] %ulong_4
// CHECK-NEXT: OpLoopMerge [[M1:%[0-9]+]] [[C1]] None
// CHECK-NEXT: OpBranchConditional [[T1]] [[B1:%[0-9]+]] [[M1]]
// CHECK-NEXT: [[B1]] = OpLabel
// Inner loop, step 2: its results are its header phis, which the outer
// loop's phis take from its continue block.
// CHECK-NEXT: OpBranch [[H2:%[0-9]+]]
// CHECK-NEXT: [[H2]] = OpLabel
// CHECK-NEXT: [[J:%[0-9]+]] = OpPhi %ulong %ulong_0 [[B1]] [[JNEXT:%[0-9]+]] [[C2:%[0-9]+]]
// CHECK-NEXT: [[SUMY]] = OpPhi %float [[SUM]] [[B1]] [[S2Y:%[0-9]+]] [[C2]]
// CHECK-NEXT: [[MAXY]] = OpPhi %float [[MAX]] [[B1]] [[M2Y:%[0-9]+]] [[C2]]
// CHECK-NEXT: OpSLessThan %bool [[J]] %ulong_5
// CHECK-NEXT: OpLoopMerge [[MG2:%[0-9]+]] [[C2]] None
// CHECK: OpLoad %float
// CHECK-NEXT: [[S2Y]] = OpFAdd %float [[SUMY]]
// arith.maximumf: fmax, and NaN when either operand is NaN.
// CHECK-NEXT: [[FM:%[0-9]+]] = OpExtInst %float {{%[0-9]+}} fmax [[MAXY]]
// CHECK-NEXT: OpIsNan %bool [[MAXY]]
// CHECK-NEXT: OpIsNan
// CHECK-NEXT: [[NAN:%[0-9]+]] = OpLogicalOr
// CHECK-NEXT: [[NS:%[0-9]+]] = OpFAdd %float [[MAXY]]
// CHECK-NEXT: [[M2Y]] = OpSelect %float [[NAN]] [[NS]] [[FM]]
// CHECK-NEXT: OpBranch [[C2]]
// CHECK-NEXT: [[C2]] = OpLabel
// CHECK-NEXT: [[JNEXT]] = OpIAdd %ulong [[J]] %ulong_2
// CHECK-NEXT: OpBranch [[H2]]
// CHECK-NEXT: [[MG2]] = OpLabel
// The outer yield passes the inner loop's results on.
// CHECK-NEXT: OpBranch [[C1]]
// CHECK-NEXT: [[C1]] = OpLabel
// CHECK-NEXT: [[INEXT]] = OpIAdd %ulong [[I]] %ulong_1
// CHECK-NEXT: OpBranch [[H1]]
// CHECK-NEXT: [[M1]] = OpLabel
// CHECK-NEXT: OpFSub %float [[MAX]] [[SUM]]
// CHECK: OpStore
// CHECK: OpBranch [[END]]

"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "rowstats", work_items = 3 : i64}> ({
^bb0(%in: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %g = "kernel.global_id"() : () -> index
  %zero = arith.constant 0.0 : f32
  %low = arith.constant -1000.0 : f32
  %r:2 = "kernel.for"(%zero, %low) <{lower = 0 : i64, upper = 4 : i64, step = 1 : i64}> ({
  ^bb0(%i: index, %s: f32, %m: f32):
    %q:2 = "kernel.for"(%s, %m) <{lower = 0 : i64, upper = 5 : i64, step = 2 : i64}> ({
    ^bb0(%j: index, %s2: f32, %m2: f32):
      %x = "kernel.load"(%in, %g, %i, %j) <{map = affine_map<(d0, d1, d2) -> (d0 * 20 + d1 * 5 + d2)>}> : (!kernel.buffer<f32>, index, index, index) -> f32
      %ns = arith.addf %s2, %x : f32
      %nm = arith.maximumf %m2, %x : f32
      "kernel.yield"(%ns, %nm) : (f32, f32) -> ()
    }) : (f32, f32) -> (f32, f32)
    "kernel.yield"(%q#0, %q#1) : (f32, f32) -> ()
  }) : (f32, f32) -> (f32, f32)
  %d = arith.subf %r#1, %r#0 : f32
  "kernel.store"(%d, %out, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %x = "kernel.input"() <{index = 0 : i64, type = tensor<3x4x5xf32>}> : () -> !kernel.buffer<f32>
  %y = "kernel.alloc"() <{slot = 0 : i64, type = tensor<3xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%x, %y) <{callee = @rowstats, work_items = 3 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) {peak_bytes = 12 : i64, slot_bytes = array<i64: 12>} : () -> ()
