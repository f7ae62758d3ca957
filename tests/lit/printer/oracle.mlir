// The printer's output is byte-for-byte what mlir-opt-22 prints for the same
// input (naming, block labels and predecessor comments, aliases, attribute
// and type syntax, dense hex form above 100 elements, elision, locations,
// the resource section), in every printing mode.
// REQUIRES: mlir-opt
// RUN: cd %S/Inputs && smopt --allow-unregistered-dialect oracle-input.mlir > %t.0.sm
// RUN: cd %S/Inputs && %mlir_opt --allow-unregistered-dialect oracle-input.mlir > %t.0.ref
// RUN: diff %t.0.ref %t.0.sm
// RUN: cd %S/Inputs && smopt --allow-unregistered-dialect --mlir-print-op-generic oracle-input.mlir > %t.1.sm
// RUN: cd %S/Inputs && %mlir_opt --allow-unregistered-dialect --mlir-print-op-generic oracle-input.mlir > %t.1.ref
// RUN: diff %t.1.ref %t.1.sm
// RUN: cd %S/Inputs && smopt --allow-unregistered-dialect --mlir-print-local-scope oracle-input.mlir > %t.2.sm
// RUN: cd %S/Inputs && %mlir_opt --allow-unregistered-dialect --mlir-print-local-scope oracle-input.mlir > %t.2.ref
// RUN: diff %t.2.ref %t.2.sm
// RUN: cd %S/Inputs && smopt --allow-unregistered-dialect --mlir-elide-elementsattrs-if-larger=3 oracle-input.mlir > %t.3.sm
// RUN: cd %S/Inputs && %mlir_opt --allow-unregistered-dialect --mlir-elide-elementsattrs-if-larger=3 oracle-input.mlir > %t.3.ref
// RUN: diff %t.3.ref %t.3.sm
// Locations print inline (MLIR's local-scope form; we do not alias them).
// RUN: cd %S/Inputs && smopt --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo --mlir-print-local-scope oracle-input.mlir > %t.4.sm
// RUN: cd %S/Inputs && %mlir_opt --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo --mlir-print-local-scope oracle-input.mlir > %t.4.ref
// RUN: diff %t.4.ref %t.4.sm
// RUN: cd %S/Inputs && smopt --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope oracle-input.mlir > %t.5.sm
// RUN: cd %S/Inputs && %mlir_opt --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope oracle-input.mlir > %t.5.ref
// RUN: diff %t.5.ref %t.5.sm
