# What `cmake --install` puts where, beyond the program (src/CMakeLists.txt),
# and the Debian package CPack makes of it (`cpack -G DEB` in a build
# directory; scripts/package.sh makes the release one and runs lintian).
#
#   bin/alliance                                        stripped by CPack
#   share/alliance/questionnaires/*.json                found by the program (catalog.hpp)
#   share/alliance/docs/*.schema.json                   the JSON Schemas, for editors
#   share/man/man1/alliance*.1.gz, man5/alliance-definition.5.gz
#   share/man/fr/man1/alliance*.1.gz                    the same pages in French (--lang fr)
#   share/bash-completion/completions/alliance
#   share/zsh/vendor-completions/_alliance
#   share/fish/vendor_completions.d/alliance.fish
#   share/doc/alliance/                                 README.md, docs/*.md, copyright (the licences),
#                                                       changelog.gz (CHANGELOG.md), changelog.Debian.gz
#   share/lintian/overrides/alliance                    the one lintian tag that does not apply, and why

# The man pages and completion scripts, made by the built program (cmake/generate_docs.cmake).
set(generated_share ${PROJECT_BINARY_DIR}/generated/share)
add_custom_command(
  OUTPUT ${generated_share}/stamp
  COMMAND ${CMAKE_COMMAND} -DALLIANCE=$<TARGET_FILE:alliance> -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DOUTPUT=${generated_share} -P ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake
  DEPENDS alliance ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake ${PROJECT_SOURCE_DIR}/docs/man/alliance-definition.5
  COMMENT "Writing the man pages and completion scripts"
  VERBATIM)
add_custom_target(alliance_docs ALL DEPENDS ${generated_share}/stamp)

install(DIRECTORY questionnaires/ DESTINATION ${CMAKE_INSTALL_DATADIR}/alliance/questionnaires
        FILES_MATCHING PATTERN "*.json")
install(FILES docs/definition.schema.json docs/response.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/alliance/docs)
install(DIRECTORY ${generated_share}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR})
install(FILES ${generated_share}/completions/alliance
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${generated_share}/completions/_alliance DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${generated_share}/completions/alliance.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
file(GLOB doc_pages CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES README.md ${doc_pages} packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Debian keeps change logs compressed: the program's (CHANGELOG.md) as changelog.gz, the
# package's, in Debian's format, as changelog.Debian.gz (packaging/changelog.Debian: a new
# entry, with its version, for each release).
set(changelogs ${PROJECT_BINARY_DIR}/generated/changelog.gz ${PROJECT_BINARY_DIR}/generated/changelog.Debian.gz)
add_custom_command(
  OUTPUT ${changelogs}
  COMMAND sh -c "gzip -9nc < \"$0\" > \"$1\" && gzip -9nc < \"$2\" > \"$3\"" ${PROJECT_SOURCE_DIR}/CHANGELOG.md
          ${PROJECT_BINARY_DIR}/generated/changelog.gz ${PROJECT_SOURCE_DIR}/packaging/changelog.Debian
          ${PROJECT_BINARY_DIR}/generated/changelog.Debian.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/CHANGELOG.md ${PROJECT_SOURCE_DIR}/packaging/changelog.Debian
  VERBATIM)
add_custom_target(alliance_changelog ALL DEPENDS ${changelogs})
install(FILES ${changelogs} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME alliance)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME alliance)
set(CPACK_PACKAGE_VENDOR "alliance project")
set(CPACK_PACKAGE_CONTACT "alliance maintainers <maintainers@users.noreply.r-seed-17ecad36.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "administer and score therapeutic alliance questionnaires")
# The extended description: CPack puts the summary above it and a space before each line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "alliance gives therapeutic alliance questionnaires (goals, tasks and bond,
after Bordin) to a respondent in a terminal, in French or English, and scores
them: one response or millions, from CSV, TSV, JSON or NDJSON, exactly, with
reliability statistics, the alliance over sessions and client-therapist
agreement, for R, pandas, jq and spreadsheets.
.
Bundled: GTB-12 (client and therapist forms) and the scoring keys of the WAI,
WAI-SR, WAI-S and SRS (keys only, never the copyrighted wording).")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
# The dependencies are the shared libraries the binary really links, found by dpkg-shlibdeps:
# with ALLIANCE_STATIC_RUNTIME (the default), libc6 and libreadstat1 (ReadStat: SPSS, Stata and SAS files).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_FILE_NAME_LOWERCASE ON)
include(CPack)
