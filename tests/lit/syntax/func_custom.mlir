// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// func.func custom forms: declarations, visibility, argument and result attributes.
module {
  func.func private @decl(i32, f32) -> i64
  func.func private @decl_multi(index) -> (i1, i8)
  func.func nested @nested_vis() attributes {nested_attr}
  func.func @noargs() {
    return
  }
  func.func @with_attrs(%arg0: i32 {tt.arg = 1 : i32}, %arg1: f32) -> (i32 {tt.res = "r"}, f32) attributes {tt.fn = "yes"} {
    return %arg0, %arg1 : i32, f32
  }
  func.func public @public_fn(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
  func.func private @fn_type_result() -> ((i32) -> i32)
  func.func private @arg_dict_only(i32 {tt.only}, f32)
}

// CHECK: module {
// CHECK-NEXT:   func.func private @decl(i32, f32) -> i64
// CHECK-NEXT:   func.func private @decl_multi(index) -> (i1, i8)
// CHECK-NEXT:   func.func nested @nested_vis() attributes {nested_attr}
// CHECK-NEXT:   func.func @noargs() {
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @with_attrs(%arg0: i32 {tt.arg = 1 : i32}, %arg1: f32) -> (i32 {tt.res = "r"}, f32) attributes {tt.fn = "yes"} {
// CHECK-NEXT:     return %arg0, %arg1 : i32, f32
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func public @public_fn(%arg0: tensor<4xf32>) -> tensor<4xf32> {
// CHECK-NEXT:     return %arg0 : tensor<4xf32>
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func private @fn_type_result() -> ((i32) -> i32)
// CHECK-NEXT:   func.func private @arg_dict_only(i32 {tt.only}, f32)
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   "func.func"() <{function_type = (i32, f32) -> i64, sym_name = "decl", sym_visibility = "private"}> ({
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "func.func"() <{function_type = (index) -> (i1, i8), sym_name = "decl_multi", sym_visibility = "private"}> ({
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "func.func"() <{function_type = () -> (), sym_name = "nested_vis", sym_visibility = "nested"}> ({
// GENERIC-NEXT:   }) {nested_attr} : () -> ()
// GENERIC-NEXT:   "func.func"() <{function_type = () -> (), sym_name = "noargs"}> ({
// GENERIC-NEXT:     "func.return"() : () -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "func.func"() <{arg_attrs = [{tt.arg = 1 : i32}, {}], function_type = (i32, f32) -> (i32, f32), res_attrs = [{tt.res = "r"}, {}], sym_name = "with_attrs"}> ({
// GENERIC-NEXT:   ^bb0(%arg1: i32, %arg2: f32):
// GENERIC-NEXT:     "func.return"(%arg1, %arg2) : (i32, f32) -> ()
// GENERIC-NEXT:   }) {tt.fn = "yes"} : () -> ()
// GENERIC-NEXT:   "func.func"() <{function_type = (tensor<4xf32>) -> tensor<4xf32>, sym_name = "public_fn", sym_visibility = "public"}> ({
// GENERIC-NEXT:   ^bb0(%arg0: tensor<4xf32>):
// GENERIC-NEXT:     "func.return"(%arg0) : (tensor<4xf32>) -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "func.func"() <{function_type = () -> ((i32) -> i32), sym_name = "fn_type_result", sym_visibility = "private"}> ({
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "func.func"() <{arg_attrs = [{tt.only}, {}], function_type = (i32, f32) -> (), sym_name = "arg_dict_only", sym_visibility = "private"}> ({
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT: }) : () -> ()
