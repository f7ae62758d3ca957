// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Comments and unusual whitespace are ignored by the parser.
// A comment line.
"tt.op"(   ) // trailing comment
  {a =
     1,     b=2}
  :   (  )   ->   (  )
	%0	=	"tt.tab"()	:	()	->	i32	// tabs
%1 = "tt.op"(%0)
  : (i32)
  -> (i32)
// The end.

// CHECK: module {
// CHECK-NEXT:   "tt.op"() {a = 1 : i64, b = 2 : i64} : () -> ()
// CHECK-NEXT:   %0 = "tt.tab"() : () -> i32
// CHECK-NEXT:   %1 = "tt.op"(%0) : (i32) -> i32
// CHECK-NEXT: }
