# Run at build time, after the program is linked: the man pages and the
# completion scripts, made by the program itself from the option definitions
# --help shows (alliance __generate), so they cannot drift from it.
#   cmake -DALLIANCE=<binary> -DSOURCE_DIR=<dir> -DOUTPUT=<dir> -P generate_docs.cmake
# writes OUTPUT/man/man1/alliance*.1.gz, the French pages in OUTPUT/man/fr/man1 (man(1) finds
# them under a French locale), OUTPUT/man/man5/alliance-definition.5.gz
# (gzip -9n, as Debian's policy asks: no time stamp, so the same bytes every
# build) and OUTPUT/completions/{alliance,_alliance,alliance.fish}.
file(REMOVE_RECURSE "${OUTPUT}/man" "${OUTPUT}/completions")
file(MAKE_DIRECTORY "${OUTPUT}/man/man1" "${OUTPUT}/man/fr/man1" "${OUTPUT}/man/man5" "${OUTPUT}/completions")
foreach(what IN ITEMS man bash zsh fish)
  set(dir "${OUTPUT}/completions")
  if(what STREQUAL "man")
    set(dir "${OUTPUT}/man/man1")
  endif()
  # Sanitizer builds: a leak report must not fail the build (the tests check leaks).
  set(ENV{ASAN_OPTIONS} "detect_leaks=0")
  execute_process(COMMAND "${ALLIANCE}" __generate ${what} "${dir}" RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "alliance __generate ${what} failed: ${failed}")
  endif()
endforeach()
execute_process(COMMAND "${ALLIANCE}" __generate man "${OUTPUT}/man/fr/man1" --lang fr RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "alliance __generate man --lang fr failed: ${failed}")
endif()
file(COPY "${SOURCE_DIR}/docs/man/alliance-definition.5" DESTINATION "${OUTPUT}/man/man5")
find_program(GZIP gzip)
if(GZIP)
  file(GLOB pages "${OUTPUT}/man/man1/*.1" "${OUTPUT}/man/fr/man1/*.1" "${OUTPUT}/man/man5/*.5")
  foreach(page IN LISTS pages)
    execute_process(COMMAND "${GZIP}" -9nf "${page}" RESULT_VARIABLE failed)
    if(failed)
      message(FATAL_ERROR "gzip ${page} failed")
    endif()
  endforeach()
endif()
file(TOUCH "${OUTPUT}/stamp")
