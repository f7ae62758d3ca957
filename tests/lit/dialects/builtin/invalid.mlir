// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

// expected-error@+1 {{'builtin.module' op can only contain attributes with dialect-prefixed names, found: 'foo'}}
module attributes {foo = 1 : i32} {
}

// -----

// expected-error@+1 {{'builtin.module' op region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks}}
"builtin.module"() ({
}) : () -> ()

// -----

func.func @f(%a: i32) {
  // expected-error@+1 {{'builtin.unrealized_conversion_cast' op expected at least one result}}
  "builtin.unrealized_conversion_cast"(%a) : (i32) -> ()
  return
}
