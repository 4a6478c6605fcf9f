#!/usr/bin/env bash
# The release Debian package: set-up, a Release build of the program alone (the C++ runtime
# linked statically, Debian's hardening flags from dpkg-buildflags), `cpack -G DEB`, then
# lintian when it is installed (scripts/setup.sh installs it). Prints the package's path.
#   scripts/package.sh            -> build/package/alliance_<version>-1_<arch>.deb
# Install it with `sudo apt install ./build/package/alliance_*.deb` (or dpkg -i).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
build=build/package
source scripts/build-options.sh
configure_options "$build"
flags=() linker=()
if command -v dpkg-buildflags >/dev/null; then
  flags=("-DCMAKE_CXX_FLAGS=$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)")
  linker=("-DCMAKE_EXE_LINKER_FLAGS=$(dpkg-buildflags --get LDFLAGS)")
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DALLIANCE_BUILD_TESTS=OFF "${configure[@]}" "${flags[@]}" \
  "${linker[@]}" >/dev/null
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)"
rm -f "$build"/alliance_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/alliance_*.deb)
if command -v lintian >/dev/null; then
  # Errors and warnings fail; the informational tags left are explained in README.md#install.
  lintian --fail-on error,warning "$deb"
else
  echo "SKIPPED: lintian (not installed; scripts/setup.sh installs it)" >&2
fi
echo "$deb"
