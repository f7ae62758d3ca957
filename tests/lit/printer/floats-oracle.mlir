// Float attributes print exactly as mlir-opt-22 prints them: 6-digit
// scientific when that reads back to the same value, else APFloat's default
// form when it has a '.', else the hex bit pattern.
// REQUIRES: mlir-opt
// RUN: smopt --allow-unregistered-dialect %S/Inputs/floats.mlir > %t.sm
// RUN: %mlir_opt --allow-unregistered-dialect %S/Inputs/floats.mlir > %t.ref
// RUN: diff %t.ref %t.sm
// RUN: smopt --allow-unregistered-dialect %t.sm | diff %t.sm -
