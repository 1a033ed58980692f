# Compiler settings shared by every Backroom target: strict warnings and Qt's
# strict string handling, so an accidental char* -> QString conversion is an error.
function(backroom_target_defaults target)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    elseif(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive-)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_NO_FOREACH)
endfunction()

# One static library per top-level folder.
function(backroom_add_library target)
    add_library(${target} STATIC ${ARGN})
    backroom_target_defaults(${target})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
endfunction()

# The target name: after NAME, or the first word.
macro(backroom_target_name out)
    if(ARG_NAME)
        set(${out} ${ARG_NAME})
    else()
        list(GET ARG_UNPARSED_ARGUMENTS 0 ${out})
    endif()
endmacro()

# One Qt Test executable per test source; every test runs headless.
# backroom_add_test([NAME] tst_x SOURCES tst_x.cpp LIBRARIES backroom_models)
function(backroom_add_test)
    cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
    backroom_target_name(name)
    add_executable(${name} ${ARG_SOURCES})
    backroom_target_defaults(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBRARIES})
    target_compile_definitions(${name} PRIVATE
        BACKROOM_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8"
        TIMEOUT 300)
endfunction()

# Benchmarks are built with the project but never run by ctest: they print figures.
function(backroom_add_benchmark)
    cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBRARIES" ${ARGN})
    backroom_target_name(name)
    add_executable(${name} ${ARG_SOURCES})
    backroom_target_defaults(${name})
    target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES})
endfunction()
