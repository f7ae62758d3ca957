// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// String attributes with escapes: quote, backslash, newline, tab, hex bytes, UTF-8.
"tt.s"() {a = "plain", b = "", c = "with \"quotes\"", d = "back\\slash"} : () -> ()
"tt.s"() {a = "line\nbreak", b = "tab\there", c = "\00\01\7F\FF"} : () -> ()
"tt.s"() {a = "grüße ∀ 日本", b = "\E2\88\80"} : () -> ()
"tt.s"() {a = "#not-an-alias", b = "// not a comment", c = "{[<(\")>]}"} : () -> ()
"tt.s"() {"key with spaces" = "v"} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.s"() {a = "plain", b = "", c = "with \22quotes\22", d = "back\\slash"} : () -> ()
// CHECK-NEXT:   "tt.s"() {a = "line\0Abreak", b = "tab\09here", c = "\00\01\7F\FF"} : () -> ()
// CHECK-NEXT:   "tt.s"() {a = "gr\C3\BC\C3\9Fe \E2\88\80 \E6\97\A5\E6\9C\AC", b = "\E2\88\80"} : () -> ()
// CHECK-NEXT:   "tt.s"() {a = "#not-an-alias", b = "// not a comment", c = "{[<(\22)>]}"} : () -> ()
// CHECK-NEXT:   "tt.s"() {"key with spaces" = "v"} : () -> ()
// CHECK-NEXT: }
