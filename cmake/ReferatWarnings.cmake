# Per-target warnings and sanitizers (never global CMAKE_CXX_FLAGS).
include_guard(GLOBAL)

option(REFERAT_WERROR "Treat compiler warnings as errors" OFF)
option(REFERAT_SANITIZE "Build with AddressSanitizer + UndefinedBehaviorSanitizer" OFF)

function(referat_target_defaults target)
  target_compile_features(${target} PRIVATE cxx_std_17)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Wconversion-null)
    if(REFERAT_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(REFERAT_BUILD_FUZZERS)  # coverage for libFuzzer in every target, the library's too
      target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    endif()
    if(REFERAT_SANITIZE)
      target_compile_options(${target} PRIVATE -fsanitize=address,undefined
                                               -fno-sanitize-recover=undefined
                                               -fno-omit-frame-pointer)
      target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
  endif()
endfunction()
