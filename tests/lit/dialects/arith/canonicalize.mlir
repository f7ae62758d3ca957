// RUN: smopt --canonicalize %s | FileCheck %s
// RUN: smopt --pass-pipeline='builtin.module(func.func(canonicalize{top-down=false}))' %s | FileCheck %s
// mlir-opt-22 gives the same result: see canonicalize-interop.mlir.

// arith canonicalization: every pattern of dialects/arith/arith_canonicalize.c
// (what it changes and what it must leave alone), the look-through folds of
// arith_fold.c and the commutative-constant move of the canonicalize pass.
// Each expected result is what `mlir-opt-22 --canonicalize` prints.

// Commutative ops: constants move to the right (any commutative op, also
// floats and min/max); non-commutative ops keep their order.
// CHECK-LABEL: func.func @commutative(
// CHECK-NEXT: %c7_i32 = arith.constant 7 : i32
// CHECK-NEXT: %cst = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: %0 = arith.addi %arg0, %c7_i32 : i32
// CHECK-NEXT: %1 = arith.maxsi %arg0, %c7_i32 : i32
// CHECK-NEXT: %2 = arith.andi %arg0, %c7_i32 : i32
// CHECK-NEXT: %3 = arith.minui %arg0, %c7_i32 : i32
// CHECK-NEXT: %4 = arith.mulf %arg1, %cst : f32
// CHECK-NEXT: %5 = arith.maximumf %arg1, %cst : f32
// CHECK-NEXT: %6 = arith.subi %c7_i32, %arg0 : i32
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5, %6 : i32, i32, i32, i32, f32, f32, i32
// CHECK-NEXT: }
func.func @commutative(%x: i32, %f: f32) -> (i32, i32, i32, i32, f32, f32, i32) {
  %c = arith.constant 7 : i32
  %cf = arith.constant 2.0 : f32
  %0 = arith.addi %c, %x : i32
  %1 = arith.maxsi %c, %x : i32
  %2 = arith.andi %c, %x : i32
  %3 = arith.minui %c, %x : i32
  %4 = arith.mulf %cf, %f : f32
  %5 = arith.maximumf %cf, %f : f32
  %6 = arith.subi %c, %x : i32
  return %0, %1, %2, %3, %4, %5, %6 : i32, i32, i32, i32, f32, f32, i32
}

// addi(addi(x, c0), c1) -> addi(x, c0 + c1), keeping the flags both had;
// constants on the left are moved first.
// CHECK-LABEL: func.func @addi_addi(
// CHECK-NEXT: %c7 = arith.constant 7 : index
// CHECK-NEXT: %c7_i32 = arith.constant 7 : i32
// CHECK-NEXT: %0 = arith.addi %arg0, %c7_i32 overflow<nsw> : i32
// CHECK-NEXT: %1 = arith.addi %arg0, %c7_i32 : i32
// CHECK-NEXT: %2 = arith.addi %arg1, %c7 : index
// CHECK-NEXT: return %0, %1, %2 : i32, i32, index
// CHECK-NEXT: }
func.func @addi_addi(%x: i32, %i: index) -> (i32, i32, index) {
  %c3 = arith.constant 3 : i32
  %c4 = arith.constant 4 : i32
  %0 = arith.addi %x, %c3 overflow<nsw> : i32
  %1 = arith.addi %0, %c4 overflow<nsw, nuw> : i32
  %2 = arith.addi %c3, %x : i32
  %3 = arith.addi %c4, %2 : i32
  %i3 = arith.constant 3 : index
  %i4 = arith.constant 4 : index
  %4 = arith.addi %i, %i3 : index
  %5 = arith.addi %4, %i4 : index
  return %1, %3, %5 : i32, i32, index
}

// The sum wraps at the type's width.
// CHECK-LABEL: func.func @addi_addi_wrap(
// CHECK-NEXT: %c-56_i8 = arith.constant -56 : i8
// CHECK-NEXT: %0 = arith.addi %arg0, %c-56_i8 : i8
// CHECK-NEXT: return %0 : i8
// CHECK-NEXT: }
func.func @addi_addi_wrap(%x: i8) -> i8 {
  %c0 = arith.constant 100 : i8
  %c1 = arith.constant 100 : i8
  %0 = arith.addi %x, %c0 : i8
  %1 = arith.addi %0, %c1 : i8
  return %1 : i8
}

// Splat vector constants are not reassociated (MLIR's patterns take scalar
// integer attributes only).
// CHECK-LABEL: func.func @addi_addi_vector(
// CHECK-NEXT: %cst = arith.constant dense<3> : vector<4xi32>
// CHECK-NEXT: %cst_0 = arith.constant dense<4> : vector<4xi32>
// CHECK-NEXT: %0 = arith.addi %arg0, %cst : vector<4xi32>
// CHECK-NEXT: %1 = arith.addi %0, %cst_0 : vector<4xi32>
// CHECK-NEXT: return %1 : vector<4xi32>
// CHECK-NEXT: }
func.func @addi_addi_vector(%x: vector<4xi32>) -> vector<4xi32> {
  %c0 = arith.constant dense<3> : vector<4xi32>
  %c1 = arith.constant dense<4> : vector<4xi32>
  %0 = arith.addi %x, %c0 : vector<4xi32>
  %1 = arith.addi %0, %c1 : vector<4xi32>
  return %1 : vector<4xi32>
}

// addi(subi(x, c0), c1) -> addi(x, c1 - c0); addi(subi(c0, x), c1) -> subi(c0 + c1, x).
// CHECK-LABEL: func.func @addi_subi(
// CHECK-NEXT: %c13_i32 = arith.constant 13 : i32
// CHECK-NEXT: %c7_i32 = arith.constant 7 : i32
// CHECK-NEXT: %0 = arith.addi %arg0, %c7_i32 : i32
// CHECK-NEXT: %1 = arith.subi %c13_i32, %arg0 overflow<nsw> : i32
// CHECK-NEXT: return %0, %1 : i32, i32
// CHECK-NEXT: }
func.func @addi_subi(%x: i32) -> (i32, i32) {
  %c3 = arith.constant 3 : i32
  %c10 = arith.constant 10 : i32
  %0 = arith.subi %x, %c3 : i32
  %1 = arith.addi %0, %c10 : i32
  %2 = arith.subi %c3, %x overflow<nsw> : i32
  %3 = arith.addi %2, %c10 overflow<nsw> : i32
  return %1, %3 : i32, i32
}

// x + y * -1 -> x - y (either side, splats too); the flags are dropped.
// CHECK-LABEL: func.func @addi_muli_negative_one(
// CHECK-NEXT: %0 = arith.subi %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.subi %arg1, %arg0 : i32
// CHECK-NEXT: %2 = arith.subi %arg2, %arg3 : vector<2xi32>
// CHECK-NEXT: return %0, %1, %2 : i32, i32, vector<2xi32>
// CHECK-NEXT: }
func.func @addi_muli_negative_one(%x: i32, %y: i32, %v: vector<2xi32>, %w: vector<2xi32>) -> (i32, i32, vector<2xi32>) {
  %m = arith.constant -1 : i32
  %0 = arith.muli %y, %m overflow<nsw> : i32
  %1 = arith.addi %x, %0 overflow<nsw> : i32
  %2 = arith.muli %m, %x : i32
  %3 = arith.addi %2, %y : i32
  %mv = arith.constant dense<-1> : vector<2xi32>
  %4 = arith.muli %w, %mv : vector<2xi32>
  %5 = arith.addi %v, %4 : vector<2xi32>
  return %1, %3, %5 : i32, i32, vector<2xi32>
}

// The six subi-of-add/sub-with-constant rewrites. subi(addi(x, c0), c1)
// drops the flags; the others keep the flags both ops had.
// CHECK-LABEL: func.func @subi_reassociate(
// CHECK-NEXT: %c13_i32 = arith.constant 13 : i32
// CHECK-NEXT: %c7_i32 = arith.constant 7 : i32
// CHECK-NEXT: %c-7_i32 = arith.constant -7 : i32
// CHECK-NEXT: %0 = arith.addi %arg0, %c-7_i32 : i32
// CHECK-NEXT: %1 = arith.subi %c7_i32, %arg0 overflow<nsw> : i32
// CHECK-NEXT: %2 = arith.subi %arg0, %c13_i32 : i32
// CHECK-NEXT: %3 = arith.subi %c13_i32, %arg0 : i32
// CHECK-NEXT: %4 = arith.subi %c-7_i32, %arg0 overflow<nuw> : i32
// CHECK-NEXT: %5 = arith.addi %arg0, %c7_i32 : i32
// CHECK-NEXT: return %0, %1, %2, %3, %4, %5 : i32, i32, i32, i32, i32, i32
// CHECK-NEXT: }
func.func @subi_reassociate(%x: i32) -> (i32, i32, i32, i32, i32, i32) {
  %c3 = arith.constant 3 : i32
  %c10 = arith.constant 10 : i32
  %a = arith.addi %x, %c3 overflow<nsw> : i32
  %0 = arith.subi %a, %c10 overflow<nsw> : i32
  %1 = arith.subi %c10, %a overflow<nsw> : i32
  %s = arith.subi %x, %c3 : i32
  %2 = arith.subi %s, %c10 : i32
  %3 = arith.subi %c10, %s : i32
  %t = arith.subi %c3, %x overflow<nuw> : i32
  %4 = arith.subi %t, %c10 overflow<nuw> : i32
  %5 = arith.subi %c10, %t : i32
  return %0, %1, %2, %3, %4, %5 : i32, i32, i32, i32, i32, i32
}

// subi(subi(a, b), a) -> subi(0, b); a - (a - b) is not rewritten.
// CHECK-LABEL: func.func @subi_subi(
// CHECK-NEXT: %cst = arith.constant dense<0> : vector<2xi8>
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %0 = arith.subi %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.subi %c0_i32, %arg1 : i32
// CHECK-NEXT: %2 = arith.subi %cst, %arg3 : vector<2xi8>
// CHECK-NEXT: %3 = arith.subi %arg0, %0 : i32
// CHECK-NEXT: return %1, %2, %3 : i32, vector<2xi8>, i32
// CHECK-NEXT: }
func.func @subi_subi(%a: i32, %b: i32, %v: vector<2xi8>, %w: vector<2xi8>) -> (i32, vector<2xi8>, i32) {
  %0 = arith.subi %a, %b : i32
  %1 = arith.subi %0, %a : i32
  %2 = arith.subi %v, %w : vector<2xi8>
  %3 = arith.subi %2, %v : vector<2xi8>
  %4 = arith.subi %a, %0 : i32
  return %1, %3, %4 : i32, vector<2xi8>, i32
}

// muli(muli(x, c0), c1) -> muli(x, c0 * c1).
// CHECK-LABEL: func.func @muli_muli(
// CHECK-NEXT: %c15_i32 = arith.constant 15 : i32
// CHECK-NEXT: %0 = arith.muli %arg0, %c15_i32 overflow<nsw> : i32
// CHECK-NEXT: return %0 : i32
// CHECK-NEXT: }
func.func @muli_muli(%x: i32) -> i32 {
  %c3 = arith.constant 3 : i32
  %c5 = arith.constant 5 : i32
  %0 = arith.muli %x, %c3 overflow<nsw> : i32
  %1 = arith.muli %0, %c5 overflow<nsw> : i32
  return %1 : i32
}

// Folds that look through the operands' definitions.
// CHECK-LABEL: func.func @folds(
// CHECK-NEXT: return %arg0, %arg0, %arg0, %arg1, %arg0, %arg0, %arg2 : i32, i32, i32, i32, i32, i32, i1
// CHECK-NEXT: }
func.func @folds(%a: i32, %b: i32, %c: i1) -> (i32, i32, i32, i32, i32, i32, i1) {
  %s = arith.subi %a, %b : i32
  %0 = arith.addi %s, %b : i32
  %1 = arith.addi %b, %s : i32
  %p = arith.addi %a, %b : i32
  %2 = arith.subi %p, %b : i32
  %3 = arith.subi %p, %a : i32
  %x = arith.xori %a, %b : i32
  %4 = arith.xori %x, %b : i32
  %5 = arith.xori %b, %x : i32
  %t = arith.constant true
  %n = arith.xori %c, %t : i1
  %6 = arith.xori %n, %t : i1
  return %0, %1, %2, %3, %4, %5, %6 : i32, i32, i32, i32, i32, i32, i1
}

// x & ~x is 0, x | ~x is -1 (either order).
// CHECK-LABEL: func.func @and_not(
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: return %c0_i32, %c0_i32 : i32, i32
// CHECK-NEXT: }
func.func @and_not(%a: i32) -> (i32, i32) {
  %m = arith.constant -1 : i32
  %na = arith.xori %a, %m : i32
  %0 = arith.andi %a, %na : i32
  %1 = arith.andi %na, %a : i32
  return %0, %1 : i32, i32
}
// CHECK-LABEL: func.func @or_not(
// CHECK-NEXT: %c-1_i32 = arith.constant -1 : i32
// CHECK-NEXT: return %c-1_i32, %c-1_i32 : i32, i32
// CHECK-NEXT: }
func.func @or_not(%a: i32) -> (i32, i32) {
  %m = arith.constant -1 : i32
  %na = arith.xori %a, %m : i32
  %0 = arith.ori %na, %a : i32
  %1 = arith.ori %a, %na : i32
  return %0, %1 : i32, i32
}

// xori(cmpi(pred, a, b), true) -> cmpi(!pred, a, b), true on either side;
// not for vectors, nor for cmpf.
// CHECK-LABEL: func.func @xori_cmpi(
// CHECK-NEXT: %cst = arith.constant dense<true> : vector<4xi1>
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %0 = arith.cmpi sge, %arg0, %arg1 : i32
// CHECK-NEXT: %1 = arith.cmpi ult, %arg0, %arg1 : i32
// CHECK-NEXT: %2 = arith.cmpi ne, %arg0, %arg1 : i32
// CHECK-NEXT: %3 = arith.cmpi sgt, %arg0, %arg1 : i32
// CHECK-NEXT: %4 = arith.cmpi slt, %arg2, %arg3 : vector<4xi8>
// CHECK-NEXT: %5 = arith.xori %4, %cst : vector<4xi1>
// CHECK-NEXT: %6 = arith.cmpf olt, %arg4, %arg5 : f32
// CHECK-NEXT: %7 = arith.xori %6, %true : i1
// CHECK-NEXT: return %0, %1, %2, %3, %5, %7 : i1, i1, i1, i1, vector<4xi1>, i1
// CHECK-NEXT: }
func.func @xori_cmpi(%a: i32, %b: i32, %v: vector<4xi8>, %w: vector<4xi8>, %f: f32, %g: f32) -> (i1, i1, i1, i1, vector<4xi1>, i1) {
  %t = arith.constant true
  %0 = arith.cmpi slt, %a, %b : i32
  %1 = arith.xori %0, %t : i1
  %2 = arith.cmpi uge, %a, %b : i32
  %3 = arith.xori %t, %2 : i1
  %4 = arith.cmpi eq, %a, %b : i32
  %5 = arith.xori %4, %t : i1
  %6 = arith.cmpi sle, %a, %b : i32
  %7 = arith.xori %6, %t : i1
  %tv = arith.constant dense<true> : vector<4xi1>
  %8 = arith.cmpi slt, %v, %w : vector<4xi8>
  %9 = arith.xori %8, %tv : vector<4xi1>
  %10 = arith.cmpf olt, %f, %g : f32
  %11 = arith.xori %10, %t : i1
  return %1, %3, %5, %7, %9, %11 : i1, i1, i1, i1, vector<4xi1>, i1
}

// andi/ori/xori of two extensions of the same kind from the same type
// happen in the narrow type; mixed kinds or source types stay.
// CHECK-LABEL: func.func @logic_of_ext(
// CHECK-NEXT: %0 = arith.extui %arg0 : i8 to i32
// CHECK-NEXT: %1 = arith.extsi %arg1 : i8 to i32
// CHECK-NEXT: %2 = arith.andi %arg0, %arg1 : i8
// CHECK-NEXT: %3 = arith.extui %2 : i8 to i32
// CHECK-NEXT: %4 = arith.ori %arg0, %arg1 : i8
// CHECK-NEXT: %5 = arith.extsi %4 : i8 to i32
// CHECK-NEXT: %6 = arith.xori %arg0, %arg1 : i8
// CHECK-NEXT: %7 = arith.extui %6 : i8 to i32
// CHECK-NEXT: %8 = arith.xori %arg0, %arg1 : i8
// CHECK-NEXT: %9 = arith.extsi %8 : i8 to i32
// CHECK-NEXT: %10 = arith.andi %arg3, %arg4 : vector<2xi8>
// CHECK-NEXT: %11 = arith.extui %10 : vector<2xi8> to vector<2xi32>
// CHECK-NEXT: %12 = arith.andi %0, %1 : i32
// CHECK-NEXT: %13 = arith.extui %arg2 : i16 to i32
// CHECK-NEXT: %14 = arith.ori %0, %13 : i32
// CHECK-NEXT: return %3, %5, %7, %9, %11, %12, %14 : i32, i32, i32, i32, vector<2xi32>, i32, i32
// CHECK-NEXT: }
func.func @logic_of_ext(%a: i8, %b: i8, %c: i16, %v: vector<2xi8>, %w: vector<2xi8>) -> (i32, i32, i32, i32, vector<2xi32>, i32, i32) {
  %ua = arith.extui %a : i8 to i32
  %ub = arith.extui %b : i8 to i32
  %sa = arith.extsi %a : i8 to i32
  %sb = arith.extsi %b : i8 to i32
  %0 = arith.andi %ua, %ub : i32
  %1 = arith.ori %sa, %sb : i32
  %2 = arith.xori %ua, %ub : i32
  %3 = arith.xori %sa, %sb : i32
  %uv = arith.extui %v : vector<2xi8> to vector<2xi32>
  %uw = arith.extui %w : vector<2xi8> to vector<2xi32>
  %4 = arith.andi %uv, %uw : vector<2xi32>
  %5 = arith.andi %ua, %sb : i32
  %uc = arith.extui %c : i16 to i32
  %6 = arith.ori %ua, %uc : i32
  return %0, %1, %2, %3, %4, %5, %6 : i32, i32, i32, i32, vector<2xi32>, i32, i32
}

// cmpi eq/ne of two like extensions compares the narrow values; other
// predicates and mixed source types stay.
// CHECK-LABEL: func.func @cmpi_of_ext(
// CHECK-NEXT: %0 = arith.extui %arg0 : i8 to i32
// CHECK-NEXT: %1 = arith.extui %arg1 : i8 to i32
// CHECK-NEXT: %2 = arith.extsi %arg0 : i8 to i32
// CHECK-NEXT: %3 = arith.extsi %arg1 : i8 to i32
// CHECK-NEXT: %4 = arith.cmpi eq, %arg0, %arg1 : i8
// CHECK-NEXT: %5 = arith.cmpi ne, %arg0, %arg1 : i8
// CHECK-NEXT: %6 = arith.cmpi slt, %2, %3 : i32
// CHECK-NEXT: %7 = arith.cmpi ult, %0, %1 : i32
// CHECK-NEXT: %8 = arith.extui %arg2 : i16 to i32
// CHECK-NEXT: %9 = arith.cmpi eq, %0, %8 : i32
// CHECK-NEXT: return %4, %5, %6, %7, %9 : i1, i1, i1, i1, i1
// CHECK-NEXT: }
func.func @cmpi_of_ext(%a: i8, %b: i8, %c: i16) -> (i1, i1, i1, i1, i1) {
  %ua = arith.extui %a : i8 to i32
  %ub = arith.extui %b : i8 to i32
  %sa = arith.extsi %a : i8 to i32
  %sb = arith.extsi %b : i8 to i32
  %0 = arith.cmpi eq, %ua, %ub : i32
  %1 = arith.cmpi ne, %sa, %sb : i32
  %2 = arith.cmpi slt, %sa, %sb : i32
  %3 = arith.cmpi ult, %ua, %ub : i32
  %uc = arith.extui %c : i16 to i32
  %4 = arith.cmpi eq, %ua, %uc : i32
  return %0, %1, %2, %3, %4 : i1, i1, i1, i1, i1
}

// select rewrites: negated condition, nested selects on the same
// condition, i1 and 0/1 selects.
// CHECK-LABEL: func.func @select(
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %0 = arith.select %arg0, %arg2, %arg1 : i32
// CHECK-NEXT: %1 = arith.select %arg0, %arg1, %arg3 : i32
// CHECK-NEXT: %2 = arith.select %arg0, %arg1, %arg3 : i32
// CHECK-NEXT: %3 = arith.xori %arg0, %true : i1
// CHECK-NEXT: %4 = arith.extui %arg0 : i1 to i32
// CHECK-NEXT: %5 = arith.xori %arg0, %true : i1
// CHECK-NEXT: %6 = arith.extui %5 : i1 to i32
// CHECK-NEXT: return %0, %1, %2, %3, %4, %6, %arg0 : i32, i32, i32, i1, i32, i32, i1
// CHECK-NEXT: }
func.func @select(%c: i1, %a: i32, %b: i32, %e: i32) -> (i32, i32, i32, i1, i32, i32, i1) {
  %t = arith.constant true
  %f = arith.constant false
  %n = arith.xori %c, %t : i1
  %0 = arith.select %n, %a, %b : i32
  %s1 = arith.select %c, %a, %b : i32
  %1 = arith.select %c, %s1, %e : i32
  %s2 = arith.select %c, %b, %e : i32
  %2 = arith.select %c, %a, %s2 : i32
  %3 = arith.select %c, %f, %t : i1
  %one = arith.constant 1 : i32
  %zero = arith.constant 0 : i32
  %4 = arith.select %c, %one, %zero : i32
  %5 = arith.select %c, %zero, %one : i32
  %6 = arith.select %c, %t, %f : i1
  return %0, %1, %2, %3, %4, %5, %6 : i32, i32, i32, i1, i32, i32, i1
}

// Left alone: vector conditions for the not/0-1 rewrites, selects on
// different conditions, other constants, index results.
// CHECK-LABEL: func.func @select_kept(
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c1 = arith.constant 1 : index
// CHECK-NEXT: %c0_i32 = arith.constant 0 : i32
// CHECK-NEXT: %c2_i32 = arith.constant 2 : i32
// CHECK-NEXT: %cst = arith.constant dense<0> : vector<4xi32>
// CHECK-NEXT: %cst_0 = arith.constant dense<1> : vector<4xi32>
// CHECK-NEXT: %cst_1 = arith.constant dense<true> : vector<4xi1>
// CHECK-NEXT: %cst_2 = arith.constant dense<false> : vector<4xi1>
// CHECK-NEXT: %0 = arith.xori %arg0, %cst_1 : vector<4xi1>
// CHECK-NEXT: %1 = arith.select %0, %arg3, %arg4 : vector<4xi1>, vector<4xi32>
// CHECK-NEXT: %2 = arith.select %arg0, %cst_0, %cst : vector<4xi1>, vector<4xi32>
// CHECK-NEXT: %3 = arith.select %arg0, %cst_2, %cst_1 : vector<4xi1>, vector<4xi1>
// CHECK-NEXT: %4 = arith.select %arg2, %arg5, %arg6 : i32
// CHECK-NEXT: %5 = arith.select %arg1, %4, %arg6 : i32
// CHECK-NEXT: %6 = arith.select %arg1, %c2_i32, %c0_i32 : i32
// CHECK-NEXT: %7 = arith.select %arg1, %c1, %c0 : index
// CHECK-NEXT: return %1, %2, %3, %5, %6, %7 : vector<4xi32>, vector<4xi32>, vector<4xi1>, i32, i32, index
// CHECK-NEXT: }
func.func @select_kept(%c: vector<4xi1>, %d: i1, %e: i1, %a: vector<4xi32>, %b: vector<4xi32>, %x: i32, %y: i32) -> (vector<4xi32>, vector<4xi32>, vector<4xi1>, i32, i32, index) {
  %tv = arith.constant dense<true> : vector<4xi1>
  %fv = arith.constant dense<false> : vector<4xi1>
  %n = arith.xori %c, %tv : vector<4xi1>
  %0 = arith.select %n, %a, %b : vector<4xi1>, vector<4xi32>
  %one = arith.constant dense<1> : vector<4xi32>
  %zero = arith.constant dense<0> : vector<4xi32>
  %1 = arith.select %c, %one, %zero : vector<4xi1>, vector<4xi32>
  %2 = arith.select %c, %fv, %tv : vector<4xi1>, vector<4xi1>
  %s = arith.select %e, %x, %y : i32
  %3 = arith.select %d, %s, %y : i32
  %two = arith.constant 2 : i32
  %z = arith.constant 0 : i32
  %4 = arith.select %d, %two, %z : i32
  %i1 = arith.constant 1 : index
  %i0 = arith.constant 0 : index
  %5 = arith.select %d, %i1, %i0 : index
  return %0, %1, %2, %3, %4, %5 : vector<4xi32>, vector<4xi32>, vector<4xi1>, i32, i32, index
}

// Extension chains collapse; extsi of extui is extui.
// CHECK-LABEL: func.func @ext_of_ext(
// CHECK-NEXT: %0 = arith.extsi %arg0 : i8 to i16
// CHECK-NEXT: %1 = arith.extsi %arg0 : i8 to i64
// CHECK-NEXT: %2 = arith.extui %arg0 : i8 to i64
// CHECK-NEXT: %3 = arith.extui %arg0 : i8 to i64
// CHECK-NEXT: %4 = arith.extsi %arg1 : vector<2xi8> to vector<2xi64>
// CHECK-NEXT: %5 = arith.extui %0 : i16 to i64
// CHECK-NEXT: return %1, %2, %3, %4, %5 : i64, i64, i64, vector<2xi64>, i64
// CHECK-NEXT: }
func.func @ext_of_ext(%a: i8, %v: vector<2xi8>) -> (i64, i64, i64, vector<2xi64>, i64) {
  %0 = arith.extsi %a : i8 to i16
  %1 = arith.extsi %0 : i16 to i64
  %2 = arith.extui %a : i8 to i16
  %3 = arith.extui %2 : i16 to i64
  %4 = arith.extsi %2 : i16 to i64
  %5 = arith.extsi %v : vector<2xi8> to vector<2xi16>
  %6 = arith.extsi %5 : vector<2xi16> to vector<2xi64>
  // extui of extsi cannot be simplified.
  %7 = arith.extui %0 : i16 to i64
  return %1, %3, %4, %6, %7 : i64, i64, i64, vector<2xi64>, i64
}

// trunci of trunci / of a wider extension truncates the source directly
// (keeping the outer flags); of a narrower extension it extends less; of
// an extension from its own type it is the source (a fold).
// CHECK-LABEL: func.func @trunci(
// CHECK-NEXT: %0 = arith.trunci %arg0 overflow<nuw> : i64 to i8
// CHECK-NEXT: %1 = arith.extsi %arg1 : i8 to i16
// CHECK-NEXT: %2 = arith.extui %arg1 : i8 to i16
// CHECK-NEXT: %3 = arith.trunci %arg0 : i64 to i16
// CHECK-NEXT: %4 = arith.trunci %arg0 : i64 to i32
// CHECK-NEXT: return %0, %1, %2, %3, %arg1, %4 : i8, i16, i16, i16, i8, i32
// CHECK-NEXT: }
func.func @trunci(%a: i64, %b: i8) -> (i8, i16, i16, i16, i8, i32) {
  %0 = arith.trunci %a overflow<nsw> : i64 to i32
  %1 = arith.trunci %0 overflow<nuw> : i32 to i8
  %2 = arith.extsi %b : i8 to i32
  %3 = arith.trunci %2 overflow<nsw> : i32 to i16
  %4 = arith.extui %b : i8 to i32
  %5 = arith.trunci %4 : i32 to i16
  %6 = arith.extsi %0 : i32 to i64
  %7 = arith.trunci %6 : i64 to i16
  %8 = arith.trunci %2 : i32 to i8
  %9 = arith.trunci %a : i64 to i32
  return %1, %3, %5, %7, %8, %9 : i8, i16, i16, i16, i8, i32
}

// index casts look through the matching extension; cast round trips fold;
// bitcast chains collapse. extf chains are left alone (as MLIR does).
// CHECK-LABEL: func.func @casts(
// CHECK-NEXT: %0 = arith.extsi %arg0 : i8 to i32
// CHECK-NEXT: %1 = arith.index_cast %arg0 : i8 to index
// CHECK-NEXT: %2 = arith.index_castui %arg0 : i8 to index
// CHECK-NEXT: %3 = arith.bitcast %arg3 : f16 to bf16
// CHECK-NEXT: %4 = arith.extf %arg3 : f16 to f32
// CHECK-NEXT: %5 = arith.extf %4 : f32 to f64
// CHECK-NEXT: %6 = arith.index_castui %0 : i32 to index
// CHECK-NEXT: return %1, %2, %arg1, %arg2, %3, %arg4, %5, %6 : index, index, index, i32, bf16, f32, f64, index
// CHECK-NEXT: }
func.func @casts(%a: i8, %i: index, %j: i32, %h: f16, %f: f32) -> (index, index, index, i32, bf16, f32, f64, index) {
  %0 = arith.extsi %a : i8 to i32
  %1 = arith.index_cast %0 : i32 to index
  %2 = arith.extui %a : i8 to i32
  %3 = arith.index_castui %2 : i32 to index
  %4 = arith.index_cast %j : i32 to index
  %5 = arith.index_cast %4 : index to i32
  %6 = arith.index_cast %i : index to i64
  %7 = arith.index_cast %6 : i64 to index
  %8 = arith.bitcast %h : f16 to i16
  %9 = arith.bitcast %8 : i16 to bf16
  %10 = arith.bitcast %f : f32 to i32
  %11 = arith.bitcast %10 : i32 to f32
  %12 = arith.extf %h : f16 to f32
  %13 = arith.extf %12 : f32 to f64
  // Mismatched extension kinds stay.
  %14 = arith.index_castui %0 : i32 to index
  return %1, %3, %7, %5, %9, %11, %13, %14 : index, index, index, i32, bf16, f32, f64, index
}
