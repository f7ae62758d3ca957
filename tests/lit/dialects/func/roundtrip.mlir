// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s | smopt --allow-unregistered-dialect | FileCheck %s
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | smopt --allow-unregistered-dialect | FileCheck %s
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// func.func / return / call / call_indirect / constant in custom form.

// CHECK-LABEL: func.func private @ext(i32, f32 {tt.a}) -> (i32 {tt.r})
// GENERIC: "func.func"() <{arg_attrs = [{}, {tt.a}], function_type = (i32, f32) -> i32, res_attrs = [{tt.r}], sym_name = "ext", sym_visibility = "private"}> ({
func.func private @ext(i32, f32 {tt.a}) -> (i32 {tt.r})

// CHECK-LABEL: func.func @caller(%arg0: i32 {tt.x = 1 : i64}, %arg1: f32) -> (i32, f32) attributes {tt.fn} {
// GENERIC: "func.func"() <{arg_attrs = [{tt.x = 1 : i64}, {}], function_type = (i32, f32) -> (i32, f32), sym_name = "caller"}> ({
// GENERIC-NEXT: ^bb0(%arg{{[0-9]+}}: i32, %arg{{[0-9]+}}: f32):
func.func @caller(%a: i32 {tt.x = 1}, %b: f32) -> (i32, f32) attributes {tt.fn} {
  // CHECK-NEXT: %0 = call @ext(%arg0, %arg1) : (i32, f32) -> i32
  // GENERIC: %{{[0-9]+}} = "func.call"(%arg{{[0-9]+}}, %arg{{[0-9]+}}) <{callee = @ext}> : (i32, f32) -> i32
  %0 = call @ext(%a, %b) : (i32, f32) -> i32
  // CHECK-NEXT: %1 = call @ext(%0, %arg1) {no_inline, tt.y} : (i32, f32) -> i32
  // GENERIC: "func.call"(%{{[0-9]+}}, %arg{{[0-9]+}}) <{callee = @ext, no_inline}> {tt.y} : (i32, f32) -> i32
  %1 = func.call @ext(%0, %b) {tt.y, no_inline} : (i32, f32) -> i32
  // CHECK-NEXT: %2 = constant @ext : (i32, f32) -> i32
  // GENERIC: "func.constant"() <{value = @ext}> : () -> ((i32, f32) -> i32)
  %f = constant @ext : (i32, f32) -> i32
  // CHECK-NEXT: %3 = call_indirect %2(%1, %arg1) : (i32, f32) -> i32
  // GENERIC: "func.call_indirect"(%{{[0-9]+}}, %{{[0-9]+}}, %arg{{[0-9]+}}) : ((i32, f32) -> i32, i32, f32) -> i32
  %3 = call_indirect %f(%1, %b) : (i32, f32) -> i32
  // CHECK-NEXT: return %3, %arg1 : i32, f32
  // GENERIC: "func.return"(%{{[0-9]+}}, %arg{{[0-9]+}}) : (i32, f32) -> ()
  return %3, %b : i32, f32
}

// CHECK-LABEL: func.func nested @vis() {
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func nested @vis() {
  func.return
}

// CHECK-LABEL: func.func public @fnres() -> ((i32) -> i32) {
func.func public @fnres() -> ((i32) -> i32) {
  %f = func.constant @id : (i32) -> i32
  // CHECK: return {tt.u} %0 : (i32) -> i32
  return {tt.u} %f : (i32) -> i32
}
func.func private @id(i32) -> i32

// CHECK-LABEL: func.func @multi_block(%arg0: i1) -> i32 {
func.func @multi_block(%c: i1) -> i32 {
  %0 = "tt.def"() : () -> i32
  "tt.br"()[^bb1] : () -> ()
// CHECK: ^bb1:
^bb1:
  return %0 : i32
}
