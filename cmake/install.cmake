# Install rules: headers, the library, a CMake package (smartmem::smartmem)
# and a pkg-config file, so out-of-tree pass plugins build against an
# installed prefix (see examples/plugin and docs/writing-a-pass.md).
include(CMakePackageConfigHelpers)

install(TARGETS smartmem EXPORT smartmemTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET smopt)
  install(TARGETS smopt RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# Public headers keep their layer folders: include/smartmem/{ir,passes,dialects}/...
foreach(layer ir passes dialects)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/${layer}/
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/smartmem/${layer}
          FILES_MATCHING PATTERN "*.h"
          PATTERN "*_impl.h" EXCLUDE
          PATTERN "*_internal.h" EXCLUDE)
endforeach()

install(EXPORT smartmemTargets NAMESPACE smartmem::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/smartmem)
file(WRITE ${CMAKE_BINARY_DIR}/smartmemConfig.cmake.in
     "@PACKAGE_INIT@\ninclude(\"\${CMAKE_CURRENT_LIST_DIR}/smartmemTargets.cmake\")\ncheck_required_components(smartmem)\n")
configure_package_config_file(${CMAKE_BINARY_DIR}/smartmemConfig.cmake.in
                              ${CMAKE_BINARY_DIR}/smartmemConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/smartmem)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/smartmemConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/smartmemConfig.cmake
              ${CMAKE_BINARY_DIR}/smartmemConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/smartmem)

# pkg-config: ${prefix} is substituted at install time so the file follows
# `cmake --install --prefix`.
file(WRITE ${CMAKE_BINARY_DIR}/smartmem.pc.in
"prefix=@SM_PC_PREFIX@
libdir=\${prefix}/${CMAKE_INSTALL_LIBDIR}
includedir=\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}/smartmem

Name: smartmem
Description: Multi-level IR toolkit in C (MLIR-style), with pass plugins
Version: ${PROJECT_VERSION}
Libs: -L\${libdir} -lsmartmem
Libs.private: -lm ${CMAKE_DL_LIBS}
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

# Out-of-tree build of the example against an installed prefix (ctest).
if(TARGET smopt)
  add_test(NAME plugin_out_of_tree
           COMMAND ${CMAKE_COMMAND} -DSM_BUILD_DIR=${CMAKE_BINARY_DIR}
                   -DSM_SOURCE_DIR=${CMAKE_SOURCE_DIR}
                   -P ${CMAKE_SOURCE_DIR}/tests/plugin_out_of_tree.cmake)
endif()
