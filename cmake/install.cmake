# Install rules: every tool and library, headers, a CMake package
# (smartmem::smartmem, the other libraries and the tools as imported
# executables) and a pkg-config file, so the installed tools run from their
# prefix (RPATH $ORIGIN/../lib, set in the top-level CMakeLists.txt before
# any target exists) and out-of-tree pass plugins build against it (see
# examples/plugin, examples/plugin-template and docs/writing-a-pass.md).
include(CMakePackageConfigHelpers)

set(SM_INSTALL_LIBS smartmem)
foreach(lib smartmem_interp smartmem_frontends smartmem_spirv smartmem_opencl)
  if(TARGET ${lib})
    list(APPEND SM_INSTALL_LIBS ${lib})
  endif()
endforeach()
set(SM_INSTALL_TOOLS)
foreach(tool smopt sm-translate smc smrun)
  if(TARGET ${tool})
    list(APPEND SM_INSTALL_TOOLS ${tool})
  endif()
endforeach()

# The frontends library publishes build-tree include folders (the generated
# onnx.pb-c.h, system protobuf-c/yaml folders) that its installed headers do
# not need; keep them for the build tree only so the target can be exported.
if(TARGET smartmem_frontends)
  get_target_property(sm_fe_inc smartmem_frontends INTERFACE_INCLUDE_DIRECTORIES)
  set(sm_fe_wrapped)
  foreach(d IN LISTS sm_fe_inc)
    if(d MATCHES "^\\$<")
      list(APPEND sm_fe_wrapped "${d}")
    else()
      list(APPEND sm_fe_wrapped "$<BUILD_INTERFACE:${d}>")
    endif()
  endforeach()
  set_target_properties(smartmem_frontends PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${sm_fe_wrapped}")
endif()

install(TARGETS ${SM_INSTALL_LIBS} ${SM_INSTALL_TOOLS} EXPORT smartmemTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Public headers keep their layer folders: include/smartmem/{ir,passes,...}/...
foreach(layer ir passes dialects backend frontends)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/${layer}/
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/smartmem/${layer}
          FILES_MATCHING PATTERN "*.h"
          PATTERN "*_impl.h" EXCLUDE
          PATTERN "*_internal.h" EXCLUDE)
endforeach()

install(EXPORT smartmemTargets NAMESPACE smartmem::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/smartmem)
# smartmem_opencl links OpenCL::OpenCL: the package finds it again.
if(TARGET smartmem_opencl)
  set(TARGET_OPENCL_EXPORTED TRUE)
else()
  set(TARGET_OPENCL_EXPORTED FALSE)
endif()
file(WRITE ${CMAKE_BINARY_DIR}/smartmemConfig.cmake.in
     "@PACKAGE_INIT@\ninclude(CMakeFindDependencyMacro)\nif(${TARGET_OPENCL_EXPORTED})\n  find_dependency(OpenCL)\nendif()\ninclude(\"\${CMAKE_CURRENT_LIST_DIR}/smartmemTargets.cmake\")\ncheck_required_components(smartmem)\n")
configure_package_config_file(${CMAKE_BINARY_DIR}/smartmemConfig.cmake.in
                              ${CMAKE_BINARY_DIR}/smartmemConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/smartmem)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/smartmemConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/smartmemConfig.cmake
              ${CMAKE_BINARY_DIR}/smartmemConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/smartmem)

# pkg-config: ${prefix} is substituted at install time so the file follows
# `cmake --install --prefix`. CMAKE_DL_LIBS is a library name ("dl"), not a
# flag.
set(SM_PC_DL "")
foreach(l IN LISTS CMAKE_DL_LIBS)
  string(APPEND SM_PC_DL " -l${l}")
endforeach()
file(WRITE ${CMAKE_BINARY_DIR}/smartmem.pc.in
"prefix=@SM_PC_PREFIX@
libdir=\${prefix}/${CMAKE_INSTALL_LIBDIR}
includedir=\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}/smartmem

Name: smartmem
Description: Multi-level IR toolkit in C (MLIR-style), with pass plugins
Version: ${PROJECT_VERSION}
Libs: -L\${libdir} -lsmartmem
Libs.private: -lm${SM_PC_DL}
Cflags: -I\${includedir}
")
install(CODE "
  set(SM_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${CMAKE_BINARY_DIR}/smartmem.pc.in\" \"${CMAKE_BINARY_DIR}/smartmem.pc.install\" @ONLY)
  file(INSTALL \"${CMAKE_BINARY_DIR}/smartmem.pc.install\"
       DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\"
       RENAME smartmem.pc)
")

# The example plugin, built in-tree for the lit suite (tests/lit/passes/plugin.mlir).
option(SM_BUILD_EXAMPLE_PLUGIN "Build examples/plugin in-tree" ON)
if(SM_BUILD_EXAMPLE_PLUGIN AND EXISTS ${CMAKE_SOURCE_DIR}/examples/plugin/CMakeLists.txt)
  add_subdirectory(${CMAKE_SOURCE_DIR}/examples/plugin ${CMAKE_BINARY_DIR}/examples/plugin)
  set_target_properties(sm_example_plugin PROPERTIES
                        LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)
endif()

# Install into a temporary prefix and use it as a researcher would (ctest).
if(TARGET smopt)
  add_test(NAME install_prefix
           COMMAND ${CMAKE_COMMAND} -DSM_BUILD_DIR=${CMAKE_BINARY_DIR}
                   -DSM_SOURCE_DIR=${CMAKE_SOURCE_DIR}
                   -DSM_LIT=${SM_LIT_PY} -DSM_FILECHECK=${SM_LLVM_TOOLS_DIR}/FileCheck
                   -DSM_PYTHON=${SM_PYTHON3}
                   -P ${CMAKE_SOURCE_DIR}/tests/install_prefix.cmake)
  set_tests_properties(install_prefix PROPERTIES LABELS slow)
endif()
