// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s | smopt --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s
// Decimal SSA names (%0, %17) with result number 0 live in the parser's
// dense table, every other name (%x, %arg0, %007, %12#1, numbers from 2^22
// up) in its hash table. Both must give the same scoping, forward
// references and result groups, and a name must never be found in the
// other table.

// %7 and %007 (or %0 and %00) are different names; numbers around the
// dense table's limit (2^22 = 4194304) and past 9 digits work either way.
// CHECK-LABEL: "t.names"() ({
// CHECK-NEXT: %[[SEVEN:[0-9]+]] = "t.seven"() : () -> i32
// CHECK-NEXT: %[[Z7:[0-9]+]] = "t.zero_seven"() : () -> f32
// CHECK-NEXT: %[[ZERO:[0-9]+]] = "t.zero"() : () -> i1
// CHECK-NEXT: %[[ZZ:[0-9]+]] = "t.zero_zero"() : () -> i2
// CHECK-NEXT: "t.use"(%[[SEVEN]], %[[Z7]], %[[ZERO]], %[[ZZ]]) : (i32, f32, i1, i2) -> ()
// CHECK-NEXT: "t.use"(%[[BIG:[0-9]+]], %[[LIM:[0-9]+]], %[[BELOW:[0-9]+]], %[[TEN:[0-9]+]]) : (i64, i16, i8, i4) -> ()
// CHECK-NEXT: %[[BIG]] = "t.big"() : () -> i64
// CHECK-NEXT: %[[LIM]] = "t.limit"() : () -> i16
// CHECK-NEXT: %[[BELOW]] = "t.below"() : () -> i8
// CHECK-NEXT: %[[TEN]] = "t.ten_digits"() : () -> i4
// CHECK-NEXT: "t.use"(%[[BIG]], %[[LIM]], %[[BELOW]], %[[TEN]]) : (i64, i16, i8, i4) -> ()
"t.names"() ({
  %7 = "t.seven"() : () -> i32
  %007 = "t.zero_seven"() : () -> f32
  %0 = "t.zero"() : () -> i1
  %00 = "t.zero_zero"() : () -> i2
  "t.use"(%7, %007, %0, %00) : (i32, f32, i1, i2) -> ()
  "t.use"(%999999999, %4194304, %4194303, %1234567890) : (i64, i16, i8, i4) -> ()
  %999999999 = "t.big"() : () -> i64
  %4194304 = "t.limit"() : () -> i16
  %4194303 = "t.below"() : () -> i8
  %1234567890 = "t.ten_digits"() : () -> i4
  "t.use"(%999999999, %4194304, %4194303, %1234567890) : (i64, i16, i8, i4) -> ()
}) : () -> ()

// Result groups: %12 is result 0 (dense), %12#1 result 1 (hash); both
// used before and after the definition.
// CHECK-LABEL: "t.groups"() ({
// CHECK-NEXT: "t.use"(%[[G:[0-9]+]]#0, %[[G]]#0, %[[G]]#1) : (i32, i32, f32) -> ()
// CHECK-NEXT: %[[G]]:2 = "t.pair"() : () -> (i32, f32)
// CHECK-NEXT: "t.use"(%[[G]]#0, %[[G]]#0, %[[G]]#1) : (i32, i32, f32) -> ()
"t.groups"() ({
  "t.use"(%12, %12#0, %12#1) : (i32, i32, f32) -> ()
  %12:2 = "t.pair"() : () -> (i32, f32)
  "t.use"(%12#0, %12, %12#1) : (i32, i32, f32) -> ()
}) : () -> ()

// Forward references across nested regions: a nested region uses outer
// names defined later (%3) and its own later names (%2); names of a
// nested region are gone when it ends, so a sibling region and the outer
// region may define them again (with other types).
// CHECK-LABEL: "t.nest"() ({
// CHECK-NEXT: %[[O0:[0-9]+]] = "t.a"(%[[O3:[0-9]+]]) : (i32) -> i32
// CHECK-NEXT: "t.r"() ({
// CHECK-NEXT: %[[I1:[0-9]+]] = "t.b"(%[[O0]], %[[O3]], %[[I2:[0-9]+]]) : (i32, i32, f32) -> i32
// CHECK-NEXT: "t.r"() ({
// CHECK-NEXT: "t.use"(%[[O3]], %[[I1]], %[[I2]], %[[O5:[0-9]+]]) : (i32, i32, f32, i8) -> ()
// CHECK-NEXT: }) : () -> ()
// CHECK-NEXT: %[[I2]] = "t.c"(%[[I1]]) : (i32) -> f32
// CHECK-NEXT: }) : () -> ()
// CHECK-NEXT: "t.r"() ({
// CHECK-NEXT: %[[J1:[0-9]+]] = "t.d"() : () -> i64
// CHECK-NEXT: %[[J2:[0-9]+]] = "t.e"(%[[J1]]) : (i64) -> i16
// CHECK-NEXT: }) : () -> ()
// CHECK-NEXT: %[[O3]] = "t.f"() : () -> i32
// CHECK-NEXT: %[[O1:[0-9]+]] = "t.g"(%[[O3]]) : (i32) -> f64
// CHECK-NEXT: %[[O5]] = "t.h"() : () -> i8
"t.nest"() ({
  %0 = "t.a"(%3) : (i32) -> i32
  "t.r"() ({
    %1 = "t.b"(%0, %3, %2) : (i32, i32, f32) -> i32
    "t.r"() ({
      "t.use"(%3, %1, %2, %5) : (i32, i32, f32, i8) -> ()
    }) : () -> ()
    %2 = "t.c"(%1) : (i32) -> f32
  }) : () -> ()
  "t.r"() ({
    %1 = "t.d"() : () -> i64
    %2 = "t.e"(%1) : (i64) -> i16
  }) : () -> ()
  %3 = "t.f"() : () -> i32
  %1 = "t.g"(%3) : (i32) -> f64
  %5 = "t.h"() : () -> i8
}) : () -> ()

// Custom forms (names reach the parser interned, through ir/asm.h):
// decimal block arguments and results, restarting in each function
// (their names are gone after each function: the top level defines %1
// below).
// CHECK-LABEL: "func.func"() <{function_type = (i32, i32) -> i32, sym_name = "f"}> ({
// CHECK-NEXT: ^bb0(%[[A0:arg[0-9]+]]: i32, %[[A1:arg[0-9]+]]: i32):
// CHECK-NEXT: %[[S:[0-9]+]] = "arith.addi"(%[[A0]], %[[A1]]){{.*}} : (i32, i32) -> i32
// CHECK-NEXT: %[[M:[0-9]+]] = "arith.muli"(%[[S]], %[[A0]]){{.*}} : (i32, i32) -> i32
// CHECK-NEXT: "func.return"(%[[M]]) : (i32) -> ()
// CHECK-LABEL: "func.func"() <{function_type = (i64) -> i64, sym_name = "g"}> ({
// CHECK-NEXT: ^bb0(%[[B0:arg[0-9]+]]: i64):
// CHECK-NEXT: %[[T:[0-9]+]] = "arith.addi"(%[[B0]], %[[B0]]){{.*}} : (i64, i64) -> i64
// CHECK-NEXT: "func.return"(%[[T]]) : (i64) -> ()
func.func @f(%0: i32, %1: i32) -> i32 {
  %2 = arith.addi %0, %1 : i32
  %3 = arith.muli %2, %0 : i32
  return %3 : i32
}
func.func @g(%0: i64) -> i64 {
  %1 = arith.addi %0, %0 : i64
  return %1 : i64
}

// A region opened when no name is defined (here, at the top level) drops
// its definitions in one pass at its end, keeping forward references to
// names the enclosing region defines later (%40, %x).
// CHECK-LABEL: "t.top"() ({
// CHECK-NEXT: %[[T1:[0-9]+]] = "t.a"() : () -> i32
// CHECK-NEXT: "t.use"(%[[T1]], %[[T40:[0-9]+]], %[[TX:[0-9]+]]) : (i32, i32, i32) -> ()
// CHECK-NEXT: }) : () -> ()
// CHECK-NEXT: %[[T40]] = "t.forty"() : () -> i32
// CHECK-NEXT: %[[TX]] = "t.x"() : () -> i32
// CHECK-NEXT: %{{[0-9]+}} = "t.one_again"() : () -> f32
"t.top"() ({
  %1 = "t.a"() : () -> i32
  "t.use"(%1, %40, %x) : (i32, i32, i32) -> ()
}) : () -> ()
%40 = "t.forty"() : () -> i32
%x = "t.x"() : () -> i32
%1 = "t.one_again"() : () -> f32
