// Exercises the printer against mlir-opt-22 (see oracle.mlir). Everything
// here must print byte-for-byte as mlir-opt prints it.
#m = affine_map<(d0, d1)[s0] -> (d0 floordiv 4, d1 mod 4 + s0, d0 - 1, d0 * -1, -d0 + d1, d0 * 3 + d1 * -2, (d0 + d1) * 4, (d0 + 1) floordiv 2, d0 - d1 * 2 + 5, -(d0 floordiv 2), d0 ceildiv 3, d0 * s0)>
module {
  "d.op"() {a = #m, b = affine_map<(d0) -> (d0)>, c = affine_map<(d0)[s0] -> (d0 + s0)>, d = affine_map<() -> (0)>, e = [affine_map<(d0) -> (d0 mod 2)>, affine_map<(d0) -> (d0)>]} : () -> ()
  %c = "d.c"() : () -> i32
  %0:2 = "d.two"() : () -> (i32, i32)
  "d.use"(%0#1, %0#0) ({
  ^bb0(%x: i32):
    %1 = "d.x"(%x) : (i32) -> i32
    "d.br"()[^bb1] : () -> ()
  ^bb1(%y: i32):
    "d.t"() : () -> ()
  }, {
  }, {
    "d.y"() : () -> ()
  }) : (i32, i32) -> ()
  "d.f"() ({
  ^bb0:
    "d.br"()[^bb2, ^bb3] : () -> ()
  ^bb2:
    "d.br"()[^bb3] : () -> ()
  ^bb3(%z: f32):
    "d.z"(%z) : (f32) -> ()
  ^bb4:
    "d.br"()[^bb4, ^bb4] : () -> ()
  }) : () -> ()
  "d.empty"() ({
  ^bb0:
  }) : () -> ()
  %f = "d.fn"() : () -> ((i32) -> i32)
  func.func private @decl(i32, f32) -> (i32, i32) attributes {x = 1 : i64}
  func.func @f(%a: i32, %b: f32) -> i32 {
    %2:2 = func.call @decl(%a, %b) : (i32, f32) -> (i32, i32)
    %3 = builtin.unrealized_conversion_cast %2#0 : i32 to i64
    "d.r"() ({
      %5 = "d.y"() : () -> i32
      builtin.module {}
    }) : () -> ()
    return %2#1 : i32
  }
  module @inner {
    "d.q"() <{p = 1 : i32, q = affine_map<(d0)->(d0+1)>}> {a = affine_map<(d0)->(d0+2)>} : () -> ()
    %4 = unrealized_conversion_cast to i64
  }
  "d.b"() {a = 42 : i32, b = 42, c = 42 : index, d = true, e = false, f = -1 : i1, g = 255 : ui8, h = -128 : si8, i = 255 : i8, j = unit, k = "a\"b\\c\nd\te\01\7f~", l = [1, "x", [i32]], m = array<i64: 1, 2>, n = array<i32>, o = array<f32: 1.0, 2.5>, p = array<i1: true, false>, q = {x = 1, y}, r = @f, s = @"a b", t = @a::@b::@"c d", u = i32, v = #foo.bar<1>, w = #foo<"x">, x = !foo.t, "9x" = 2, _y = 3, z$.y = 4, "a b" = 5} : () -> ()
  "d.t"() {a = tensor<4x?x8xf32>, b = tensor<*xf32>, c = vector<4x8xf32>, d = complex<f32>, e = tuple<i32, f32>, f = (i32) -> (i32, i32), g = () -> (), h = tensor<4xf32, #foo.enc>, i = none, j = tensor<f32>, k = si8, l = ui16, m = bf16, n = f16, o = index} : () -> ()
  "d.n"() {a = dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100]> : tensor<101xi32>, b = dense<[true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false, false, true, false]> : tensor<101xi1>, c = dense<[0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0, 12.5, 13.0, 13.5, 14.0, 14.5, 15.0, 15.5, 16.0, 16.5, 17.0, 17.5, 18.0, 18.5, 19.0, 19.5, 20.0, 20.5, 21.0, 21.5, 22.0, 22.5, 23.0, 23.5, 24.0, 24.5, 25.0, 25.5, 26.0, 26.5, 27.0, 27.5, 28.0, 28.5, 29.0, 29.5, 30.0, 30.5, 31.0, 31.5, 32.0, 32.5, 33.0, 33.5, 34.0, 34.5, 35.0, 35.5, 36.0, 36.5, 37.0, 37.5, 38.0, 38.5, 39.0, 39.5, 40.0, 40.5, 41.0, 41.5, 42.0, 42.5, 43.0, 43.5, 44.0, 44.5, 45.0, 45.5, 46.0, 46.5, 47.0, 47.5, 48.0, 48.5, 49.0, 49.5, 50.0]> : tensor<101xf16>} : () -> ()
  "d.f"() {a = dense<[1.0, 2.5]> : tensor<2xf32>, b = dense<1.0> : tensor<4xf32>, c = dense<[true, false]> : tensor<2xi1>, d = dense<> : tensor<0xf32>, e = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>, f = dense<true> : tensor<3xi1>, g = dense<[1.0, 2.0]> : vector<2xf16>, h = dense<[[1.0]]> : tensor<1x1xf64>, i = dense<> : tensor<0x4xi8>, j = dense<7> : tensor<i32>, k = dense<[0.1, 123456789.0]> : tensor<2xf64>, l = dense<255> : tensor<2xui8>, m = dense<[-1, 2]> : tensor<2xsi8>, n = dense<5> : tensor<2x0xi32>, o = dense<[3, 3, 3]> : tensor<3xi32>, p = dense<[1, 2, 3]> : tensor<3xindex>} : () -> ()
  "d.r"() {b = dense_resource<zb> : tensor<2xi32>, a = dense_resource<blob1> : tensor<2xi32>, c = dense_resource<__elided__> : tensor<3xf32>} : () -> ()
  "d.l"() ({
  ^bb0(%la: i32 loc("arg":1:1), %lb: i32):
    "d.t"() : () -> () loc("we\"ird\n":1:2)
  }) : () -> () loc(fused<#foo.x>["a", "b":1:2])
  "d.m"() : () -> () loc(callsite("a" at "b":1:2))
  "d.o"() : () -> () loc("name"("f":1:2))
  "d.p"() : () -> () loc(unknown)
}
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x040000000100000002000000",
      zb: "0x080000000100000002000000"
    }
  }
#-}
