# ALLIANCE_SANITIZE builds everything with ASan + UBSan; any report aborts the
# process, so a memory error or undefined behaviour fails the test that hit it.
# The flags are kept in variables so that a target that only drives the
# program (the end-to-end tests, tests/CMakeLists.txt) can leave them out.
set(ALLIANCE_SANITIZER_COMPILE_OPTIONS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
set(ALLIANCE_SANITIZER_LINK_OPTIONS -fsanitize=address,undefined)
if(ALLIANCE_SANITIZE)
  add_compile_options(${ALLIANCE_SANITIZER_COMPILE_OPTIONS})
  add_link_options(${ALLIANCE_SANITIZER_LINK_OPTIONS})
endif()
# Programs with the sanitizers are linked at a fixed address (-no-pie): UndefinedBehaviorSanitizer
# leaves hundreds of thousands of pointers to its checks' descriptions in the program (500 000 in
# alliance), which a position-independent program has the loader relocate, page by page, at every
# start. The tests start the program thousands of times: each start took 47 ms of CPU, 34 ms
# without (docs/performance.md, "Build time").
if(ALLIANCE_SANITIZE)
  add_link_options(-no-pie)
endif()
