# Start-up time: a dynamically linked COIN-OR CBC pulls 13 shared libraries
# (Cbc, Cgl, Clp, Osi, CoinUtils, LAPACK, BLAS, gfortran, quadmath, ...) into every
# process, and the dynamic loader spends most of a 6 ms run mapping and relocating
# them, even for `erlang` and `validate`, which never solve anything. Debian ships
# static archives of all of them, so the release binary links them statically: the
# loader then maps only libstdc++, fmt, date-tz, zlib, bzip2 and libc.
#
# Defines two interface targets the libraries link against:
#   staffplan::cbc   CBC and its dependencies (static when possible, else pkg-config's shared libs)
#   staffplan::yaml  yaml-cpp (static archive when possible, else the shared library)
# Sanitizer and fuzz builds keep the shared libraries (start-up does not matter there).
option(STAFFPLAN_STATIC_DEPS "Link CBC (and its LAPACK/BLAS/gfortran) and yaml-cpp statically for a fast start-up" ON)

add_library(staffplan_cbc INTERFACE)
add_library(staffplan::cbc ALIAS staffplan_cbc)
add_library(staffplan_yaml INTERFACE)
add_library(staffplan::yaml ALIAS staffplan_yaml)

set(_staffplan_static OFF)
set(STAFFPLAN_STATIC_CBC OFF)   # ON below when the archives were found
if(STAFFPLAN_STATIC_DEPS AND NOT STAFFPLAN_SANITIZE AND NOT STAFFPLAN_FUZZ)
  set(_staffplan_static ON)
endif()

# Full path of a static archive, searched like the linker would, plus the
# compiler's own folder (libgfortran.a and libquadmath.a live there).
function(staffplan_find_archive out name)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=lib${name}.a
                  OUTPUT_VARIABLE compiler_path OUTPUT_STRIP_TRAILING_WHITESPACE)
  get_filename_component(compiler_dir "${compiler_path}" DIRECTORY)
  find_library(STAFFPLAN_ARCHIVE_${name} NAMES lib${name}.a HINTS ${compiler_dir})
  set(${out} ${STAFFPLAN_ARCHIVE_${name}} PARENT_SCOPE)
endfunction()

set(_cbc_archives)
if(_staffplan_static)
  # Link order: every archive before the ones it uses.
  foreach(name CbcSolver Cbc Cgl OsiClp ClpSolver Clp Osi CoinUtils lapack blas gfortran quadmath)
    staffplan_find_archive(path ${name})
    if(NOT path)
      message(STATUS "staffplan: lib${name}.a not found; linking CBC dynamically")
      set(_cbc_archives)
      break()
    endif()
    list(APPEND _cbc_archives ${path})
  endforeach()
endif()
if(_cbc_archives)
  target_include_directories(staffplan_cbc INTERFACE ${CBC_INCLUDE_DIRS})
  target_compile_options(staffplan_cbc INTERFACE ${CBC_CFLAGS_OTHER})
  # zlib and bzip2 stay shared: they are tiny, and Debian wants them shared (lintian:
  # embedded-library).
  target_link_libraries(staffplan_cbc INTERFACE ${_cbc_archives} bz2 z Threads::Threads m)
  message(STATUS "staffplan: CBC linked statically")
  set(STAFFPLAN_STATIC_CBC ON)
else()
  target_link_libraries(staffplan_cbc INTERFACE PkgConfig::CBC)
endif()

set(_yaml_archive)
if(_staffplan_static)
  staffplan_find_archive(_yaml_archive yaml-cpp)
endif()
if(_yaml_archive)
  get_target_property(_yaml_includes yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
  if(_yaml_includes)
    target_include_directories(staffplan_yaml INTERFACE ${_yaml_includes})
  endif()
  target_link_libraries(staffplan_yaml INTERFACE ${_yaml_archive})
else()
  target_link_libraries(staffplan_yaml INTERFACE yaml-cpp)
endif()
