cmake_minimum_required(VERSION 3.25)
# Build step (cmake -P): writes one generated file from the real binary's option table.
#   MODE=man:  TEMPLATE (man/staffplan.1.in) with @COMMANDS@ replaced by
#              `staffplan --generate man` and @VERSION@ by VERSION
#   MODE=bash|zsh: the output of `staffplan --generate MODE`
# Inputs: STAFFPLAN (binary), MODE, OUTPUT, and for man TEMPLATE and VERSION.
execute_process(COMMAND ${STAFFPLAN} --generate ${MODE}
                OUTPUT_VARIABLE generated RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${STAFFPLAN} --generate ${MODE} failed (${status})")
endif()
if(MODE STREQUAL "man")
  file(READ ${TEMPLATE} text)
  string(REPLACE "@COMMANDS@\n" "${generated}" text "${text}")
  string(REPLACE "@VERSION@" "${VERSION}" text "${text}")
  string(REPLACE "@DATE@" "" text "${text}")
else()
  set(text "${generated}")
endif()
file(WRITE ${OUTPUT}.tmp "${text}")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
