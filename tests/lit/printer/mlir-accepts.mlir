// mlir-opt-22 parses our generic output (with debug info too) and prints it
// back identically.
// REQUIRES: mlir-opt
// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic %S/Inputs/oracle-input.mlir > %t.g
// RUN: %mlir_opt --allow-unregistered-dialect --mlir-print-op-generic %t.g | diff %t.g -
// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo --mlir-print-local-scope %S/Inputs/oracle-input.mlir > %t.d
// RUN: %mlir_opt --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo --mlir-print-local-scope %t.d | diff %t.d -
// RUN: smopt --allow-unregistered-dialect %S/Inputs/oracle-input.mlir > %t.c
// RUN: %mlir_opt --allow-unregistered-dialect %t.c | diff %t.c -
