# ctest script: a researcher's view of the plugin workflow. Installs the
# build into a fresh prefix, builds examples/plugin out of tree against it
# with find_package(smartmem) and, separately, with pkg-config, then runs
# the installed smopt with each plugin.
#   cmake -DSM_BUILD_DIR=... -DSM_SOURCE_DIR=... -P tests/plugin_out_of_tree.cmake
set(work ${SM_BUILD_DIR}/plugin_out_of_tree)
file(REMOVE_RECURSE ${work})
set(prefix ${work}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_out "${out}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${SM_BUILD_DIR} --prefix ${prefix})
foreach(f include/smartmem/ir/ir.h include/smartmem/passes/pass.h
          include/smartmem/ir/rewrite.h lib/cmake/smartmem/smartmemConfig.cmake
          lib/pkgconfig/smartmem.pc bin/smopt)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

# 1. CMake package.
run(${CMAKE_COMMAND} -S ${SM_SOURCE_DIR}/examples/plugin -B ${work}/build
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${work}/build)

file(WRITE ${work}/in.mlir "func.func @f(%a: i32) -> i32 {\n  %c = arith.constant 7 : i32\n  %0 = arith.addi %c, %a : i32\n  return %0 : i32\n}\n")
set(env ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${prefix}/lib)
run(${env} ${prefix}/bin/smopt --load-pass-plugin=${work}/build/libsm_example_plugin.so
    "--pass-pipeline=builtin.module(annotate-op-depth{attr-name=d},func.func(swap-commutative-operands))"
    ${work}/in.mlir)
if(NOT last_out MATCHES "arith.addi %arg0, %c7_i32")
  message(FATAL_ERROR "swap-commutative-operands did not run:\n${last_out}")
endif()
if(NOT last_out MATCHES "d = 2 : i64")
  message(FATAL_ERROR "annotate-op-depth did not run:\n${last_out}")
endif()

# 2. pkg-config, plain compiler.
find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
  run(${PKG_CONFIG} --cflags --libs smartmem)
  string(STRIP "${last_out}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(cc -std=c11 -D_POSIX_C_SOURCE=200809L -shared -fPIC -o ${work}/libpc_plugin.so
      ${SM_SOURCE_DIR}/examples/plugin/example_plugin.c ${flags})
  run(${env} ${prefix}/bin/smopt --load-pass-plugin=${work}/libpc_plugin.so --annotate-op-depth
      ${work}/in.mlir)
  if(NOT last_out MATCHES "depth = 1 : i64")
    message(FATAL_ERROR "pkg-config-built plugin did not run:\n${last_out}")
  endif()
endif()
message(STATUS "plugin out-of-tree build: OK")
