# Manual pages, shell completions, install rules and the Debian package (CPack).
# staffplan(1) and the completions are generated from the binary's own CLI11 option
# table (cmd/generate.cpp), staffplan-plan(5) from docs/plan-file.md (scripts/md2man.py),
# so --help, the docs and the installed pages are one source each.
include(GNUInstallDirs)
find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_program(GZIP gzip REQUIRED)

set(doc_out ${PROJECT_BINARY_DIR}/man)
file(MAKE_DIRECTORY ${doc_out})
set(render ${PROJECT_SOURCE_DIR}/cmake/render_man.cmake)

add_custom_command(
  OUTPUT ${doc_out}/staffplan.1
  COMMAND ${CMAKE_COMMAND} -DSTAFFPLAN=$<TARGET_FILE:staffplan> -DMODE=man
          -DTEMPLATE=${PROJECT_SOURCE_DIR}/man/staffplan.1.in -DVERSION=${PROJECT_VERSION}
          -DOUTPUT=${doc_out}/staffplan.1 -P ${render}
  DEPENDS staffplan ${PROJECT_SOURCE_DIR}/man/staffplan.1.in ${render}
  COMMENT "Generating staffplan.1 from the option table" VERBATIM)
add_custom_command(
  OUTPUT ${doc_out}/staffplan-plan.5
  COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/scripts/md2man.py ${PROJECT_SOURCE_DIR}/docs/plan-file.md
          ${doc_out}/staffplan-plan.5 staffplan-plan 5 ${PROJECT_VERSION} "the staffplan plan file (YAML)"
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/plan-file.md ${PROJECT_SOURCE_DIR}/scripts/md2man.py
  COMMENT "Generating staffplan-plan.5 from docs/plan-file.md" VERBATIM)
foreach(shell bash zsh)
  add_custom_command(
    OUTPUT ${doc_out}/staffplan.${shell}
    COMMAND ${CMAKE_COMMAND} -DSTAFFPLAN=$<TARGET_FILE:staffplan> -DMODE=${shell}
            -DOUTPUT=${doc_out}/staffplan.${shell} -P ${render}
    DEPENDS staffplan ${render}
    COMMENT "Generating the ${shell} completion from the option table" VERBATIM)
endforeach()
# Debian installs manual pages compressed (gzip -n: no name or time stamp, so the
# package is reproducible).
foreach(page staffplan.1 staffplan-plan.5)
  add_custom_command(
    OUTPUT ${doc_out}/${page}.gz
    COMMAND ${GZIP} -9nkf ${doc_out}/${page}
    DEPENDS ${doc_out}/${page} VERBATIM)
endforeach()
# Debian's changelog of the package (lintian wants one, compressed).
add_custom_command(
  OUTPUT ${doc_out}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/packaging/changelog ${doc_out}/changelog
  COMMAND ${GZIP} -9nf ${doc_out}/changelog
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog VERBATIM)
add_custom_target(staffplan_docs ALL DEPENDS
  ${doc_out}/staffplan.1.gz ${doc_out}/staffplan-plan.5.gz ${doc_out}/staffplan.bash ${doc_out}/staffplan.zsh
  ${doc_out}/changelog.gz)

install(TARGETS staffplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${doc_out}/staffplan.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${doc_out}/staffplan-plan.5.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
install(FILES ${doc_out}/staffplan.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME staffplan)
install(FILES ${doc_out}/staffplan.zsh DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions
        RENAME _staffplan)
install(FILES ${doc_out}/changelog.gz ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/configs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# `cpack -G DEB` in the build folder: staffplan_VERSION_ARCH.deb. Library
# dependencies come from dpkg-shlibdeps; tzdata is read at run time (time zones).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME staffplan)
set(CPACK_PACKAGE_VENDOR "staffplan")
set(STAFFPLAN_MAINTAINER "staffplan maintainers <staffplan@example.org>" CACHE STRING
    "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${STAFFPLAN_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "staffing planner for call and contact centres")
set(CPACK_PACKAGE_DESCRIPTION
    "staffplan turns forecast call volumes into required agents per interval\n(Erlang C and Erlang A), chooses the cheapest shifts per site with a MILP\nsolver (COIN-OR CBC, linked in), and simulates the service a plan gives.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)

if(STAFFPLAN_BUILD_TESTS)
  add_test(NAME install COMMAND ${PROJECT_SOURCE_DIR}/tests/install/install_check.sh ${PROJECT_BINARY_DIR})
  # The package test expects the release linkage (CBC inside the binary); sanitizer
  # builds link it dynamically and are not packaged.
  if(STAFFPLAN_STATIC_CBC)
    add_test(NAME package_deb COMMAND ${PROJECT_SOURCE_DIR}/tests/install/package_check.sh ${PROJECT_BINARY_DIR})
    set_tests_properties(package_deb PROPERTIES TIMEOUT 300)
  endif()
  add_test(NAME docs_cover_flags_and_keys
           COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/tests/install/docs_check.py
                   $<TARGET_FILE:staffplan> ${PROJECT_SOURCE_DIR})
  set_tests_properties(install PROPERTIES TIMEOUT 300)
endif()
