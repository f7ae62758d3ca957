// RUN: smopt %s | FileCheck %s
// RUN: smopt %s | smopt | FileCheck %s
// RUN: smopt --print-op-generic %s | smopt | FileCheck %s
// The generic print of MLIR-style defaults normalises to the same custom form.
// RUN: smopt --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// GENERIC-NOT: overflow<none>
// GENERIC-NOT: fastmath<none>
// GENERIC: "arith.addi"(%arg0, %0) <{overflowFlags = #arith.overflow<nsw>}> : (i32, i32) -> i32
// GENERIC: "arith.subi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<nsw, nuw>}> : (i32, i32) -> i32
// GENERIC: "arith.subf"(%arg2, %arg3) <{fastmath = #arith.fastmath<nnan,ninf>}> : (f32, f32) -> f32
// GENERIC: "arith.cmpi"(%arg0, %arg1) <{predicate = 2 : i64}> : (i32, i32) -> i1
// GENERIC: "arith.truncf"(%arg5) <{roundingmode = 1 : i32}> : (f64) -> f16
// Every arith op of the subset in custom form (checked against mlir-opt-22 in interop.mlir).
func.func @arith(%a: i32, %b: i32, %f: f32, %g: f32, %i: index, %d: f64, %t: tensor<4xi32>, %ct: tensor<4xi1>, %v: vector<2xf32>) -> i32 {
  %c = arith.constant 42 : i32
  %true = arith.constant true
  %cf = arith.constant 1.0 : f32
  %dn = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %sp = arith.constant dense<1> : vector<4xi32>
  %ci = arith.constant {tt.k} 4 : index
  %0 = arith.addi %a, %c overflow<nsw> : i32
  %1 = arith.addi %a, %c : i32
  %2 = arith.subi %a, %b overflow<nuw, nsw> : i32
  %3 = arith.muli %a, %b overflow<none> : i32
  %4 = arith.divsi %a, %b : i32
  %5 = arith.divui %a, %b : i32
  %6 = arith.remsi %a, %b : i32
  %7 = arith.remui %a, %b : i32
  %8 = arith.andi %a, %b : i32
  %9 = arith.ori %a, %b : i32
  %10 = arith.xori %a, %b {tt.w} : i32
  %11 = arith.shli %a, %b overflow<nuw> : i32
  %12 = arith.shrsi %a, %b : i32
  %13 = arith.shrui %a, %b : i32
  %14 = arith.maxsi %a, %b : i32
  %15 = arith.minsi %a, %b : i32
  %16 = arith.maxui %a, %b : i32
  %17 = arith.minui %a, %b : i32
  %18 = arith.addf %f, %g fastmath<fast> : f32
  %19 = arith.subf %f, %g fastmath<ninf,nnan> : f32
  %20 = arith.mulf %f, %g fastmath<none> : f32
  %21 = arith.divf %f, %g : f32
  %22 = arith.remf %f, %g : f32
  %23 = arith.maximumf %f, %g : f32
  %24 = arith.minimumf %f, %g : f32
  %25 = arith.negf %f fastmath<nsz> : f32
  %26 = arith.cmpi slt, %a, %b : i32
  %27 = arith.cmpi uge, %t, %t : tensor<4xi32>
  %28 = arith.cmpf olt, %f, %g : f32
  %29 = arith.cmpf uno, %v, %v fastmath<nnan> : vector<2xf32>
  %30 = arith.select %26, %a, %b : i32
  %31 = arith.select %ct, %t, %t : tensor<4xi1>, tensor<4xi32>
  %32 = arith.extsi %a : i32 to i64
  %33 = arith.extui %a : i32 to i64
  %34 = arith.trunci %a : i32 to i8
  %35 = arith.trunci %a overflow<nsw> : i32 to i8
  %36 = arith.sitofp %a : i32 to f32
  %37 = arith.uitofp %a : i32 to f64
  %38 = arith.fptosi %f : f32 to i32
  %39 = arith.fptoui %f : f32 to i16
  %40 = arith.extf %f : f32 to f64
  %41 = arith.truncf %d : f64 to f32
  %42 = arith.truncf %d downward : f64 to f16
  %43 = arith.index_cast %i : index to i32
  %44 = arith.index_castui %a : i32 to index
  %45 = arith.bitcast %f : f32 to i32
  %46 = arith.addi %t, %t : tensor<4xi32>
  %47 = arith.addf %v, %v : vector<2xf32>
  %48 = arith.cmpf true, %f, %g : f32
  %49 = arith.cmpf false, %f, %g : f32
  return %0 : i32
}
// CHECK-LABEL: func.func @arith(%arg0: i32, %arg1: i32, %arg2: f32, %arg3: f32, %arg4: index, %arg5: f64, %arg6: tensor<4xi32>, %arg7: tensor<4xi1>, %arg8: vector<2xf32>) -> i32 {
// CHECK-NEXT:   %c42_i32 = arith.constant 42 : i32
// CHECK-NEXT:   %true = arith.constant true
// CHECK-NEXT:   %cst = arith.constant 1.000000e+00 : f32
// CHECK-NEXT:   %cst_0 = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32>
// CHECK-NEXT:   %cst_1 = arith.constant dense<1> : vector<4xi32>
// CHECK-NEXT:   %c4 = arith.constant {tt.k} 4 : index
// CHECK-NEXT:   %0 = arith.addi %arg0, %c42_i32 overflow<nsw> : i32
// CHECK-NEXT:   %1 = arith.addi %arg0, %c42_i32 : i32
// CHECK-NEXT:   %2 = arith.subi %arg0, %arg1 overflow<nsw, nuw> : i32
// CHECK-NEXT:   %3 = arith.muli %arg0, %arg1 : i32
// CHECK-NEXT:   %4 = arith.divsi %arg0, %arg1 : i32
// CHECK-NEXT:   %5 = arith.divui %arg0, %arg1 : i32
// CHECK-NEXT:   %6 = arith.remsi %arg0, %arg1 : i32
// CHECK-NEXT:   %7 = arith.remui %arg0, %arg1 : i32
// CHECK-NEXT:   %8 = arith.andi %arg0, %arg1 : i32
// CHECK-NEXT:   %9 = arith.ori %arg0, %arg1 : i32
// CHECK-NEXT:   %10 = arith.xori %arg0, %arg1 {tt.w} : i32
// CHECK-NEXT:   %11 = arith.shli %arg0, %arg1 overflow<nuw> : i32
// CHECK-NEXT:   %12 = arith.shrsi %arg0, %arg1 : i32
// CHECK-NEXT:   %13 = arith.shrui %arg0, %arg1 : i32
// CHECK-NEXT:   %14 = arith.maxsi %arg0, %arg1 : i32
// CHECK-NEXT:   %15 = arith.minsi %arg0, %arg1 : i32
// CHECK-NEXT:   %16 = arith.maxui %arg0, %arg1 : i32
// CHECK-NEXT:   %17 = arith.minui %arg0, %arg1 : i32
// CHECK-NEXT:   %18 = arith.addf %arg2, %arg3 fastmath<fast> : f32
// CHECK-NEXT:   %19 = arith.subf %arg2, %arg3 fastmath<nnan,ninf> : f32
// CHECK-NEXT:   %20 = arith.mulf %arg2, %arg3 : f32
// CHECK-NEXT:   %21 = arith.divf %arg2, %arg3 : f32
// CHECK-NEXT:   %22 = arith.remf %arg2, %arg3 : f32
// CHECK-NEXT:   %23 = arith.maximumf %arg2, %arg3 : f32
// CHECK-NEXT:   %24 = arith.minimumf %arg2, %arg3 : f32
// CHECK-NEXT:   %25 = arith.negf %arg2 fastmath<nsz> : f32
// CHECK-NEXT:   %26 = arith.cmpi slt, %arg0, %arg1 : i32
// CHECK-NEXT:   %27 = arith.cmpi uge, %arg6, %arg6 : tensor<4xi32>
// CHECK-NEXT:   %28 = arith.cmpf olt, %arg2, %arg3 : f32
// CHECK-NEXT:   %29 = arith.cmpf uno, %arg8, %arg8 fastmath<nnan> : vector<2xf32>
// CHECK-NEXT:   %30 = arith.select %26, %arg0, %arg1 : i32
// CHECK-NEXT:   %31 = arith.select %arg7, %arg6, %arg6 : tensor<4xi1>, tensor<4xi32>
// CHECK-NEXT:   %32 = arith.extsi %arg0 : i32 to i64
// CHECK-NEXT:   %33 = arith.extui %arg0 : i32 to i64
// CHECK-NEXT:   %34 = arith.trunci %arg0 : i32 to i8
// CHECK-NEXT:   %35 = arith.trunci %arg0 overflow<nsw> : i32 to i8
// CHECK-NEXT:   %36 = arith.sitofp %arg0 : i32 to f32
// CHECK-NEXT:   %37 = arith.uitofp %arg0 : i32 to f64
// CHECK-NEXT:   %38 = arith.fptosi %arg2 : f32 to i32
// CHECK-NEXT:   %39 = arith.fptoui %arg2 : f32 to i16
// CHECK-NEXT:   %40 = arith.extf %arg2 : f32 to f64
// CHECK-NEXT:   %41 = arith.truncf %arg5 : f64 to f32
// CHECK-NEXT:   %42 = arith.truncf %arg5 downward : f64 to f16
// CHECK-NEXT:   %43 = arith.index_cast %arg4 : index to i32
// CHECK-NEXT:   %44 = arith.index_castui %arg0 : i32 to index
// CHECK-NEXT:   %45 = arith.bitcast %arg2 : f32 to i32
// CHECK-NEXT:   %46 = arith.addi %arg6, %arg6 : tensor<4xi32>
// CHECK-NEXT:   %47 = arith.addf %arg8, %arg8 : vector<2xf32>
// CHECK-NEXT:   %48 = arith.cmpf true, %arg2, %arg3 : f32
// CHECK-NEXT:   %49 = arith.cmpf false, %arg2, %arg3 : f32
// CHECK-NEXT:   return %0 : i32
// CHECK-NEXT: }
// CHECK-NEXT: }
