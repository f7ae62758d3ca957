func.func @f() {
  "tt.br"()[^bb1] : () -> ()
^bb1(