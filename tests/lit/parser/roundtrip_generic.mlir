// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic %s | smopt --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s
// Forward references, result groups, block arguments and successors survive
// a round trip through the generic form.

// CHECK: "foo.g"() ({
// CHECK-NEXT: %[[A:.*]] = "foo.u"(%[[B:.*]], %[[C:.*]]#1) : (i32, f32) -> i32
// CHECK-NEXT: %[[B]] = "foo.d"(%[[A]]) : (i32) -> i32
// CHECK-NEXT: %[[C]]:2 = "foo.e"() : () -> (f32, f32)
"foo.g"() ({
  %a = "foo.u"(%b, %c#1) : (i32, f32) -> i32
  %b = "foo.d"(%a) : (i32) -> i32
  %c:2 = "foo.e"() : () -> (f32, f32)
}) : () -> ()

// CHECK: "foo.cfg"() ({
// CHECK-NEXT: ^bb0(%[[X:.*]]: i32):
// CHECK-NEXT: "foo.br"(%[[X]])[^bb1] : (i32) -> ()
// CHECK-NEXT: ^bb1:
"foo.cfg"() ({
^entry(%x: i32):
  "foo.br"(%x)[^next] : (i32) -> ()
^next:
  "foo.end"() : () -> ()
}) : () -> ()
