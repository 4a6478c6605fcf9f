# alliance_warnings: an interface target every project target links, so the
# warning set is defined once. ALLIANCE_WERROR turns them into errors (the
# test command, and so CI, always sets it).
add_library(alliance_warnings INTERFACE)
target_compile_options(alliance_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion
  -Wformat=2 -Wimplicit-fallthrough)
if(ALLIANCE_WERROR)
  target_compile_options(alliance_warnings INTERFACE -Werror)
endif()
