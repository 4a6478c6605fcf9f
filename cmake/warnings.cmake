# alliance_warnings: an interface target every project target links, so the
# warning set is defined once. ALLIANCE_WERROR turns them into errors (the
# test command, and so CI, always sets it).
add_library(alliance_warnings INTERFACE)
target_compile_options(alliance_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wdouble-promotion
  -Wformat=2 -Wimplicit-fallthrough)
if(ALLIANCE_WERROR)
  target_compile_options(alliance_warnings INTERFACE -Werror)
endif()
# -Wnull-dereference is left out: at -O2 GCC 12 reports it inside libstdc++'s
# std::string when inlined into CLI11's headers (a false positive that broke
# the CI build). GCC 12 also reports impossible std::string copies
# ("accessing 9223372036854775809 or more bytes") for plain string
# concatenation: a known false positive (GCC bug 105651), fixed in GCC 13.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(alliance_warnings INTERFACE -Wno-restrict)
endif()
