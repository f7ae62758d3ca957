// --split-input-file: each chunk on its own, outputs joined by "// -----".
// RUN: smopt --split-input-file %s | FileCheck %s
// Without the flag the markers are comments: one module with both funcs.
// RUN: smopt %s | FileCheck %s --check-prefix=WHOLE
// A custom output marker.
// RUN: smopt --split-input-file --output-split-marker="// ====" %s | FileCheck %s --check-prefix=MARK

// CHECK:      module {
// CHECK-NEXT:   func.func @first() {
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT: }
// CHECK-EMPTY:
// CHECK-NEXT: // -----
// CHECK-NEXT: module {
// CHECK-NEXT:   func.func @second() {

// WHOLE: func.func @first()
// WHOLE-NOT: // -----
// WHOLE: func.func @second()

// MARK: // ====
// MARK-NOT: // -----

func.func @first() {
  return
}

// -----

func.func @second() {
  return
}
