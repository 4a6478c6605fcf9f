#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build alliance: CLI11 and
# nlohmann/json (header-only, from Debian's packages), utf8proc, ReadStat (SPSS, Stata and SAS
# files), plus cmake, g++, ninja,
# GoogleTest, jq, python3, python3-jsonschema, R (r-base-core), python3-pandas,
# clang with libFuzzer's runtime (the fuzz targets), groff, dpkg-dev and file (the man page
# and package tests), and, optionally, zsh, fish, lintian, chromium (the report's browser
# test) and r-cran-haven (the .sav/.dta round trip through R), if they are missing. Does nothing when everything is present.
set -euo pipefail

need=()
[ -f /usr/share/cmake/CLI11/CLI11Config.cmake ] || need+=(libcli11-dev)  # find_package(CLI11)
[ -f /usr/include/nlohmann/json.hpp ] || need+=(nlohmann-json3-dev)
[ -f /usr/include/gtest/gtest.h ] || need+=(libgtest-dev)
# Unicode normalisation (NFC) of respondent ids, for their file names.
[ -f /usr/include/utf8proc.h ] || need+=(libutf8proc-dev)
# SPSS, Stata and SAS files (read), .sav and .dta (written): ReadStat.
[ -f /usr/include/readstat.h ] || need+=(libreadstat-dev)
command -v cmake >/dev/null || need+=(cmake)
command -v g++ >/dev/null || need+=(g++)
# Ninja schedules the build's files better than Make on 2 cores (scripts/build-options.sh).
command -v ninja >/dev/null || need+=(ninja-build)
# The README's examples, run by the tests, pipe into jq and read CSV with Python.
command -v jq >/dev/null || need+=(jq)
command -v python3 >/dev/null || need+=(python3)
# The JSON Schema tests (tests/schema) validate with Python's jsonschema: Debian's package, so no
# network is needed at test time.
python3 -c 'import jsonschema' 2>/dev/null || /usr/bin/python3 -c 'import jsonschema' 2>/dev/null ||
  need+=(python3-jsonschema)
# tests/e2e/readers_test.cpp reads the CSV output with R's read.csv and pandas, as users do
# (without them it prints SKIPPED): r-base-core and python3-pandas, 9 packages without recommends.
command -v Rscript >/dev/null || need+=(r-base-core)
python3 -c 'import pandas' 2>/dev/null || /usr/bin/python3 -c 'import pandas' 2>/dev/null ||
  need+=(python3-pandas)


# The fuzz run of scripts/test.sh (scripts/fuzz.sh): clang, and libFuzzer's runtime, which Debian
# ships in libclang-rt-14-dev (the compiler-rt of clang 14, bookworm's clang).
command -v clang++ >/dev/null || need+=(clang)
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || need+=(libclang-rt-14-dev)

# The installation tests (tests/install/install_test.sh) and scripts/package.sh: groff renders the
# man pages, dpkg-dev's dpkg-shlibdeps finds the package's dependencies, file tells a stripped binary.
command -v groff >/dev/null || need+=(groff-base)
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
command -v file >/dev/null || need+=(file)
# Optional: each completion script is tested in its shell, and the package checked by lintian,
# when installed; without them those tests say SKIPPED and why. A failure to install them is not
# fatal.
optional=()
command -v zsh >/dev/null || optional+=(zsh)
command -v fish >/dev/null || optional+=(fish)
command -v lintian >/dev/null || optional+=(lintian)
# tests/report/chromium_test.py opens `alliance report`'s HTML in headless Chromium (console
# errors, network requests, screenshots, a PDF print); without it that test prints SKIPPED.
command -v chromium >/dev/null || optional+=(chromium)
# tests/e2e/haven_roundtrip.R reads alliance's .sav and .dta with R's haven (the reader SPSS and
# Stata users of R rely on); without it that test prints SKIPPED.
Rscript -e 'library(haven)' >/dev/null 2>&1 || optional+=(r-cran-haven)

if [ ${#need[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${need[*]} ${optional[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install ${need[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
if [ ${#need[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ${#optional[@]} -gt 0 ]; then
  $sudo apt-get install -y -qq --no-install-recommends "${optional[@]}" >/dev/null ||
    echo "setup: could not install ${optional[*]} (optional: their tests will say SKIPPED)" >&2
fi
