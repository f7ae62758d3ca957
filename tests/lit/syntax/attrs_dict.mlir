// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Dictionary attributes: empty, nested, quoted keys, unit entries, sorted output.
"tt.d"() {d = {}} : () -> ()
"tt.d"() {d = {b = 2, a = 1, c = {z = "z", y = {}}}} : () -> ()
"tt.d"() {d = {"quoted key" = 1, unitentry, "a.b" = [1]}} : () -> ()
"tt.d"() {list = [{x = 1}, {y = {w = true}}]} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.d"() {d = {}} : () -> ()
// CHECK-NEXT:   "tt.d"() {d = {a = 1 : i64, b = 2 : i64, c = {y = {}, z = "z"}}} : () -> ()
// CHECK-NEXT:   "tt.d"() {d = {a.b = [1], "quoted key" = 1 : i64, unitentry}} : () -> ()
// CHECK-NEXT:   "tt.d"() {list = [{x = 1 : i64}, {y = {w = true}}]} : () -> ()
// CHECK-NEXT: }
