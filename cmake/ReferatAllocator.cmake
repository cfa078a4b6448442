# The programs (CLI, benchmarks) link mimalloc when it is installed: Xapian's
# indexer allocates and frees millions of small map nodes, and glibc's malloc
# made indexing 15-25% slower (bench/RESULTS.md). The library itself never
# picks an allocator for the application that embeds it.
option(REFERAT_MIMALLOC "Link the referat programs with mimalloc (libmimalloc-dev)" ON)

if(REFERAT_MIMALLOC AND NOT REFERAT_SANITIZE)  # sanitizers bring their own malloc
  find_package(mimalloc 2.0 QUIET CONFIG)
  if(mimalloc_FOUND)
    message(STATUS "referat: programs link mimalloc ${mimalloc_VERSION}")
  else()
    message(STATUS "referat: mimalloc not found; programs use the C library's malloc")
  endif()
endif()

function(referat_link_allocator target)
  if(REFERAT_MIMALLOC AND NOT REFERAT_SANITIZE AND mimalloc_FOUND)
    # As a shared library it replaces malloc for the whole process.
    target_link_libraries(${target} PRIVATE mimalloc)
  endif()
endfunction()
