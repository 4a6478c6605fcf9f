# Sourced by the scripts that configure a build (run-example.sh, test.sh, fuzz.sh, package.sh):
#   configure_options DIR   sets the array `configure` to the options they all share:
#   - Ninja when installed (scripts/setup.sh installs ninja-build). With Make, each library
#     waits for the one it links to be finished before its first file is compiled, which left one
#     of two cores idle for about a fifth of the test build; Ninja compiles any file whose
#     generated headers exist (docs/performance.md, "Build time").
#   - ccache as the compiler launcher when installed.
#   A build directory made by the other generator is emptied first (CMake refuses to switch).
configure_options() {
  local dir=$1 generator="Unix Makefiles"
  command -v ninja >/dev/null && generator=Ninja
  if [[ -f $dir/CMakeCache.txt ]] && ! grep -qx "CMAKE_GENERATOR:INTERNAL=$generator" "$dir/CMakeCache.txt"; then
    rm -rf "$dir"
  fi
  configure=(-G "$generator")
  command -v ccache >/dev/null && configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  return 0
}
