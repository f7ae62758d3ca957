// REQUIRES: mlir-opt
// Our custom and generic prints are accepted by mlir-opt-22 and mean the same
// module; we read mlir-opt-22's generic print (with the default
// #arith.overflow<none> / #arith.fastmath<none> properties) back to our own
// custom form.
// RUN: %mlir_opt %s > %t.ref
// RUN: smopt %s | %mlir_opt > %t.custom && diff %t.ref %t.custom
// RUN: smopt --print-op-generic --mlir-print-debuginfo %s | %mlir_opt > %t.generic && diff %t.ref %t.generic
// RUN: smopt %s > %t.ours
// RUN: %mlir_opt --mlir-print-op-generic --mlir-print-debuginfo %s | smopt > %t.back && diff %t.ours %t.back
// RUN: %mlir_opt --mlir-print-op-generic %s | smopt --print-op-generic | FileCheck %s
// CHECK-NOT: overflow<none>
// CHECK-NOT: fastmath<none>
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
