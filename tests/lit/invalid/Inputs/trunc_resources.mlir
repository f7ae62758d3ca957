"tt.op"() : () -> ()
{-#
  dialect_resources: {
    builtin: {
      blob: "0x01000000