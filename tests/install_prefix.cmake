# ctest script (install_prefix): the package as a user and a researcher meet
# it. Installs the build into a fresh prefix, checks that every tool and
# library is there and runs from the prefix alone (RPATH, no
# LD_LIBRARY_PATH), runs every installed tool on a model and with a plugin,
# builds examples/plugin out of tree with find_package(smartmem) and with
# pkg-config, and builds examples/plugin-template and runs its lit suite.
#   cmake -DSM_BUILD_DIR=... -DSM_SOURCE_DIR=... [-DSM_LIT=lit.py -DSM_FILECHECK=FileCheck
#         -DSM_PYTHON=python3] -P tests/install_prefix.cmake
cmake_policy(VERSION 3.20)
set(work ${SM_BUILD_DIR}/install_prefix)
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

function(expect text regex what)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what}: expected /${regex}/ in:\n${text}")
  endif()
endfunction()

run(${CMAKE_COMMAND} --install ${SM_BUILD_DIR} --prefix ${prefix})

# 1. Everything is installed.
set(tools smopt sm-translate smrun)
set(libs smartmem smartmem_interp smartmem_frontends)
if(EXISTS ${SM_BUILD_DIR}/bin/smc)
  list(APPEND tools smc)
  list(APPEND libs smartmem_opencl)
endif()
foreach(t IN LISTS tools)
  if(NOT EXISTS ${prefix}/bin/${t})
    message(FATAL_ERROR "not installed: bin/${t}")
  endif()
endforeach()
foreach(l IN LISTS libs)
  if(NOT EXISTS ${prefix}/lib/lib${l}.so.0)
    message(FATAL_ERROR "not installed: lib/lib${l}.so.0")
  endif()
endforeach()
foreach(f include/smartmem/ir/ir.h include/smartmem/passes/pass.h include/smartmem/ir/rewrite.h
          include/smartmem/passes/pass_output_file.h include/smartmem/backend/interp/interp.h
          include/smartmem/frontends/onnx/onnx_import.h lib/cmake/smartmem/smartmemConfig.cmake
          lib/pkgconfig/smartmem.pc)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
if(EXISTS ${prefix}/include/smartmem/passes/pass_internal.h)
  message(FATAL_ERROR "an internal header was installed")
endif()

# 2. Every tool runs from the prefix alone (RPATH $ORIGIN/../lib): a clean
# environment, the build tree out of reach.
set(env ${CMAKE_COMMAND} -E env --unset=LD_LIBRARY_PATH)
foreach(t IN LISTS tools)
  run(${env} ${prefix}/bin/${t} --version)
  expect("${last_out}" "${t} \\(smartmem\\) version" "${t} --version")
  run(${env} ${prefix}/bin/${t} --help)
  expect("${last_out}" "USAGE: ${t}" "${t} --help")
endforeach()

# 3. Every tool on a model (the YAML example; an ONNX one when ../shared is there).
set(model ${SM_SOURCE_DIR}/examples/yaml/ln_reshape_matmul.yaml)
run(${env} ${prefix}/bin/sm-translate ${model} -o ${work}/model.mlir)
run(${env} ${prefix}/bin/smopt --canonicalize --convert-graph-to-layout ${work}/model.mlir -o ${work}/layout.mlir)
file(READ ${work}/layout.mlir layout)
expect("${layout}" "layout.generic" "smopt lowering")
run(${env} ${prefix}/bin/smrun ${model} --output-dir ${work})
expect("${last_out}" "output_0: wrote" "smrun on the interpreter")
run(${env} ${prefix}/bin/smrun ${work}/layout.mlir --test-data ${work})
expect("${last_out}" "output_0: .*: ok" "smrun of the lowered module")
if(smc IN_LIST tools)
  run(${env} ${prefix}/bin/smc ${model} -o ${work}/compiled --stats)
  expect("${last_out}" "\"kernels\": [1-9]" "smc")
endif()
set(onnx ${SM_SOURCE_DIR}/../shared/models/bert_tiny)
if(EXISTS ${onnx}/model.onnx)
  run(${env} ${prefix}/bin/smrun ${onnx}/model.onnx --test-data ${onnx}/test_data_set_0)
  expect("${last_out}" "output_0: .*: ok" "smrun on an ONNX model")
endif()

# 4. The example plugin, built out of tree with the CMake package...
run(${CMAKE_COMMAND} -S ${SM_SOURCE_DIR}/examples/plugin -B ${work}/build
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${work}/build)
set(plugin ${work}/build/libsm_example_plugin.so)
file(WRITE ${work}/in.mlir "func.func @f(%a: i32) -> i32 {\n  %c = arith.constant 7 : i32\n  %0 = arith.addi %c, %a : i32\n  return %0 : i32\n}\n")
run(${env} ${prefix}/bin/smopt --load-pass-plugin=${plugin}
    "--pass-pipeline=builtin.module(annotate-op-depth{attr-name=d},func.func(swap-commutative-operands))"
    ${work}/in.mlir)
expect("${last_out}" "arith.addi %arg0, %0" "swap-commutative-operands")
expect("${last_out}" "d = 2 : i64" "annotate-op-depth")
# ... and in the model tools' pipeline.
run(${env} ${prefix}/bin/smrun ${model} --load-pass-plugin=${plugin}
    "--pass-pipeline-after=convert-graph-to-layout=func.func(swap-commutative-operands),annotate-op-depth"
    --test-data ${work})
expect("${last_out}" "output_0: .*: ok" "smrun with a plugin pass in the pipeline")
if(smc IN_LIST tools)
  run(${env} ${prefix}/bin/smc ${model} --load-pass-plugin=${plugin}
      "--pass-pipeline-after=convert-layout-to-kernel=annotate-op-depth" -o ${work}/compiled2)
endif()

# 5. ... and with pkg-config and a plain compiler.
find_program(PKG_CONFIG pkg-config)
if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
  run(${PKG_CONFIG} --static --libs smartmem)
  string(STRIP "${last_out}" static_libs)
  if(NOT static_libs STREQUAL "-L${prefix}/lib -lsmartmem -lm -ldl")
    message(FATAL_ERROR "pkg-config --static --libs smartmem: '${static_libs}'")
  endif()
  run(${PKG_CONFIG} --cflags --libs smartmem)
  string(STRIP "${last_out}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(cc -std=c11 -D_POSIX_C_SOURCE=200809L -shared -fPIC -o ${work}/libpc_plugin.so
      ${SM_SOURCE_DIR}/examples/plugin/example_plugin.c ${flags})
  run(${env} ${prefix}/bin/smopt --load-pass-plugin=${work}/libpc_plugin.so --annotate-op-depth
      ${work}/in.mlir)
  expect("${last_out}" "depth = 1 : i64" "pkg-config-built plugin")
endif()

# 6. The plugin template: its CMake build and its own lit suite.
if(SM_LIT AND EXISTS ${SM_LIT} AND SM_FILECHECK AND EXISTS ${SM_FILECHECK})
  run(${CMAKE_COMMAND} -S ${SM_SOURCE_DIR}/examples/plugin-template -B ${work}/template
      -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release -DLIT=${SM_LIT}
      -DFILECHECK=${SM_FILECHECK} -DPython3_EXECUTABLE=${SM_PYTHON})
  run(${CMAKE_COMMAND} --build ${work}/template)
  run(${CMAKE_COMMAND} --build ${work}/template --target check)
  expect("${last_out}" "Passed: 1" "the template's lit suite")
else()
  message(STATUS "lit/FileCheck not given: the template's lit suite was not run")
endif()
message(STATUS "install prefix: OK")
