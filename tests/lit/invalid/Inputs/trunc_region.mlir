"tt.op"() ({
  "tt.inner"() : () -> ()
