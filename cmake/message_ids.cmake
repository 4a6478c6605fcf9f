# Run at build time when the catalogue changes: writes OUTPUT, the ids of the
# message catalogue (one ALLIANCE_MSG_ID(id) per ALLIANCE_MSG(id, "en", "fr")
# of CATALOGUE, in its order), for alliance/text/messages.hpp. The file is
# rewritten only when the ids change, so a changed text rebuilds only
# src/text/messages.cpp (which reads the texts), not the files that name a
# message. STAMP is touched every run.
#   cmake -DCATALOGUE=<catalogue.inc> -DOUTPUT=<message_ids.inc> -DSTAMP=<file> -P message_ids.cmake
file(STRINGS "${CATALOGUE}" lines REGEX "^ALLIANCE_MSG\\(")
set(ids "// Generated from alliance/text/catalogue.inc by cmake/message_ids.cmake. Do not edit.\n")
foreach(line IN LISTS lines)
  # A line holding ';' is split into list elements: only its first starts with the id.
  if(line MATCHES "^ALLIANCE_MSG\\(([A-Za-z_][A-Za-z0-9_]*),")
    string(APPEND ids "ALLIANCE_MSG_ID(${CMAKE_MATCH_1})\n")
  endif()
endforeach()
file(WRITE "${OUTPUT}.tmp" "${ids}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
file(TOUCH "${STAMP}")
