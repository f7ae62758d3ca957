// parse -> print -> parse -> print is a fixed point in every form, and
// mlir-opt-22 accepts our generic output and prints it back unchanged.
// RUN: smopt --allow-unregistered-dialect %S/Inputs/oracle-input.mlir > %t.c1
// RUN: smopt --allow-unregistered-dialect %t.c1 | diff %t.c1 -
// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic %S/Inputs/oracle-input.mlir > %t.g1
// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic %t.g1 | diff %t.g1 -
// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic %t.c1 | diff %t.g1 -
// RUN: smopt --allow-unregistered-dialect %t.g1 | diff %t.c1 -
// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo %S/Inputs/oracle-input.mlir > %t.d1
// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo %t.d1 | diff %t.d1 -
// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-local-scope %S/Inputs/oracle-input.mlir > %t.l1
// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-local-scope %t.l1 | diff %t.l1 -
