// i1 values are ints in OpenCL C: addi/subi/muli on i1 must stay modulo 2
// (MLIR's 1 + 1 = 0), so they are emitted as xor / and.
// RUN: sm-translate --emit-opencl %s -o - | FileCheck %s
// CHECK: __kernel void k
// CHECK: = v{{[0-9]+}} ^ v{{[0-9]+}};
// CHECK: = v{{[0-9]+}} ^ v{{[0-9]+}};
// CHECK: = v{{[0-9]+}} & v{{[0-9]+}};
module {
  "kernel.func"() <{function_type = (!kernel.buffer<i1>, !kernel.buffer<i1>) -> (), sym_name = "k", work_items = 4 : i64}> ({
  ^bb0(%a: !kernel.buffer<i1>, %o: !kernel.buffer<i1>):
    %i = "kernel.global_id"() : () -> index
    %x = "kernel.load"(%a, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i1>, index) -> i1
    %s = arith.addi %x, %x : i1
    %d = arith.subi %s, %x : i1
    %m = arith.muli %d, %x : i1
    "kernel.store"(%m, %o, %i) <{map = affine_map<(d0) -> (d0)>}> : (i1, !kernel.buffer<i1>, index) -> ()
  }) : () -> ()
  "kernel.host"() <{sym_name = "main"}> ({
  }) : () -> ()
}
