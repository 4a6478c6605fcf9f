#!/usr/bin/env bash
# What `cmake --install` and the Debian package deliver, checked as a user meets it
# (issue 18). One part per run, each a test of its own in ctest:
#   install_test.sh man|bash|zsh|fish|deb BUILD_DIR ALLIANCE_BINARY SOURCE_DIR
# man   every man page renders with groff without a warning, and names every option
#       the command's --help names
# bash, zsh, fish
#       the completion script, loaded by its shell, completes a command, an option, an
#       option's value and a questionnaire id (one found through --path too)
# deb   cpack builds the .deb; its contents and control fields are checked, and lintian finds
#       neither error nor warning (when installed); it is extracted (dpkg-deb -x, not installed: /usr/share/alliance would change the other
#       tests) and the extracted alliance finds the questionnaires installed beside it
# Run it after the build, as ctest is (scripts/test.sh): cpack's first step, the `preinstall` target,
# then finds everything up to date and builds nothing.
# A missing tool prints SKIPPED with the reason and exits 77 (ctest: skipped);
# scripts/setup.sh installs them.
set -euo pipefail
part=$1 build=$2 alliance=$3 source=$4
share=$build/generated/share
tmp=$(mktemp -d "${TMPDIR:-/tmp}/alliance-install-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAILED: $*" >&2
  failures=$((failures + 1))
}
skip() {
  echo "SKIPPED: $*"
  exit 77
}
need() {
  command -v "$1" >/dev/null || skip "$part: $1 is not installed (scripts/setup.sh installs it)"
}
# expect_in LIST WORD...: each WORD is a line of LIST.
expect_in() {
  local list=$1 what=$2 word
  shift 2
  for word in "$@"; do
    grep -qxF -- "$word" <<<"$list" || fail "$what: '$word' not offered; got: $(tr '\n' ' ' <<<"$list")"
  done
}
# Hermetic: only the questionnaires this test puts somewhere, and the bundled ones.
export XDG_DATA_HOME=$tmp/no-data-home XDG_DATA_DIRS=$tmp/no-data-dirs HOME=$tmp
# The program is called alliance on PATH, as installed; a definition of our own in a --path directory.
mkdir -p "$tmp/bin" "$tmp/mine"
ln -s "$(readlink -f "$alliance")" "$tmp/bin/alliance"
export PATH=$tmp/bin:$PATH
sed 's/"id": "gtb-12"/"id": "my-own-12"/' "$source/questionnaires/gtb-12.json" >"$tmp/mine/my-own.json"
export ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0

commands=$(alliance __generate bash "$tmp" && sed -n "s/^_alliance_commands='\(.*\)'$/\1/p" "$tmp/alliance")
[ -n "$commands" ] || fail "no commands in the bash script"

# The options a --help names: "-f,--format", "--long", ... at the start of its lines.
help_options() {
  alliance "$@" --help | grep -oE '^  (-[A-Za-z0-9],)?--[a-z][a-z0-9-]*' | tr ',' '\n' | sed 's/^ *//'
}

case $part in
man)
  need groff
  for page in "$share"/man/man1/*.1.gz "$share"/man/fr/man1/*.1.gz "$share"/man/man5/*.5.gz; do
    name=$(basename "$page" .gz)
    warnings=$(zcat "$page" | groff -man -Tutf8 -ww -z 2>&1) || fail "$name: groff failed"
    [ -z "$warnings" ] || fail "$name: groff warnings: $warnings"
  done
  for command in "" $commands; do
    for dir in man1 fr/man1; do
      page=$share/man/$dir/alliance${command:+-$command}.1.gz
      [ -f "$page" ] || { fail "no page $page"; continue; }
      text=$(zcat "$page" | groff -man -Tutf8 -ww 2>/dev/null | sed 's/.\x08//g')
      for option in $(help_options $command); do
        grep -qF -- "$option" <<<"$text" || fail "$dir/alliance${command:+-$command}(1) does not name $option"
      done
    done
  done
  if command -v man >/dev/null; then
    MANWIDTH=80 man -l "$share/man/man1/alliance-score.1.gz" 2>&1 | grep -q 'fail-below' ||
      fail "man -l alliance-score.1.gz does not show --fail-below"
    # The French page, in French: its section names and an option's help.
    french=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$share/man/fr/man1/alliance-score.1.gz" 2>&1)
    grep -q 'EXEMPLES' <<<"$french" && grep -q 'VOIR AUSSI' <<<"$french" && grep -q 'Entrée' <<<"$french" ||
      fail "man -l fr/man1/alliance-score.1.gz is not French: $french"
  fi
  ;;

bash)
  need bash
  # complete WORD...: what the script offers for the last word.
  complete_words() {
    bash --norc --noprofile -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _alliance
      printf "%s\n" "${COMPREPLY[@]}"' - "$share/completions/alliance" "$@"
  }
  expect_in "$(complete_words alliance sc)" "alliance sc" score
  expect_in "$(complete_words alliance "")" "alliance" $commands
  expect_in "$(complete_words alliance score --prec)" "alliance score --prec" --precision
  expect_in "$(complete_words alliance --ver)" "alliance --ver" --version
  expect_in "$(complete_words alliance score gtb-12 --format "")" "--format" table json ndjson csv tsv
  expect_in "$(complete_words alliance score gt)" "alliance score gt" gtb-12 gtb-12-t
  expect_in "$(complete_words alliance --path "$tmp/mine" score my)" "--path DIR score my" my-own-12
  expect_in "$(complete_words alliance help tr)" "alliance help tr" trend
  expect_in "$(complete_words alliance compare --client w)" "compare --client w" wai wai-s wai-sr wai-t
  ;;

zsh)
  need zsh
  # zsh completes only in an interactive shell: one runs on a pseudo-terminal (zsh/zpty),
  # with compadd wrapped to print each match offered, between markers.
  cat >"$tmp/complete.zsh" <<'ZSH'
zmodload zsh/zpty || exit 2
zpty -b z zsh -f -i
zpty -w z "PS1='' PROMPT='' RPROMPT=''; unsetopt zle_bracketed_paste 2>/dev/null; fpath=($1 \$fpath)"
zpty -w z 'autoload -Uz compinit && compinit -u -D'
zpty -w z "zstyle ':completion:*' menu no; zstyle ':completion:*' list-prompt ''"
zpty -w z 'compadd() { local -a m; local x; builtin compadd -O m "$@"; for x in $m; do print -r -- "<<$x>>" >> '"$2"'; done; builtin compadd "$@"; }'
zpty -w z 'print READY'
zpty -r z line '*READY*' || exit 3
zpty -n -w z "$3"$'\t'
# zle gives up a completion when more keys are waiting: nothing more is typed until the
# terminal has been quiet for 0.6 s (the ids are asked of alliance), 10 s at most.
quiet=0
for ((i = 0; i < 50 && quiet < 3; i++)); do
  sleep 0.2
  if zpty -r -t z chunk; then quiet=0; else ((quiet++)); fi
done
# Then the line is emptied (Ctrl-U) and a marker printed, so that every match is in before it ends.
zpty -n -w z $'\C-u'
zpty -w z 'print DO""NE'
zpty -r z line '*DONE*' || exit 4
zpty -d z
ZSH
  complete_words() {
    : >"$tmp/matches"
    timeout 20 zsh -f "$tmp/complete.zsh" "$share/completions" "$tmp/matches" "$*" >/dev/null 2>&1 || true
    sed -n 's/^<<\(.*\)>>$/\1/p' "$tmp/matches" | sort -u
  }
  expect_in "$(complete_words alliance sc)" "alliance sc" score
  expect_in "$(complete_words alliance score --prec)" "alliance score --prec" --precision
  expect_in "$(complete_words "alliance score gtb-12 --format ")" "--format" table json csv
  expect_in "$(complete_words alliance score gt)" "alliance score gt" gtb-12 gtb-12-t
  expect_in "$(complete_words alliance --path "$tmp/mine" score my)" "--path DIR score my" my-own-12
  ;;

fish)
  need fish
  complete_words() {
    fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$share/completions/alliance.fish" "$*" | cut -f1
  }
  expect_in "$(complete_words alliance sc)" "alliance sc" score
  expect_in "$(complete_words alliance score --prec)" "alliance score --prec" --precision
  expect_in "$(complete_words alliance score gtb-12 --format '')" "--format" table json csv
  expect_in "$(complete_words alliance score gt)" "alliance score gt" gtb-12 gtb-12-t
  expect_in "$(complete_words alliance --path "$tmp/mine" score my)" "--path DIR score my" my-own-12
  ;;

deb)
  need cpack
  need dpkg-deb
  cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/package" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log" >&2; fail "cpack failed"; exit 1; }
  deb=$(ls "$tmp"/package/*.deb)
  contents=$(dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|')
  expect_in "$contents" "the package's files" /usr/bin/alliance \
    /usr/share/alliance/questionnaires/gtb-12.json /usr/share/alliance/questionnaires/wai-sr.json \
    /usr/share/alliance/docs/definition.schema.json /usr/share/alliance/docs/response.schema.json \
    /usr/share/man/man1/alliance.1.gz /usr/share/man/man1/alliance-score.1.gz \
    /usr/share/man/man5/alliance-definition.5.gz /usr/share/man/fr/man1/alliance-score.1.gz \
    /usr/share/bash-completion/completions/alliance /usr/share/zsh/vendor-completions/_alliance \
    /usr/share/fish/vendor_completions.d/alliance.fish \
    /usr/share/doc/alliance/copyright /usr/share/doc/alliance/changelog.gz /usr/share/doc/alliance/README.md \
    /usr/share/doc/alliance/definition-format.md
  for command in $commands; do
    expect_in "$contents" "the man pages" "/usr/share/man/man1/alliance-$command.1.gz"
  done
  # Nothing outside /usr, nothing from the build or the tests.
  unexpected=$(grep -vE '^/(usr/?)?$|^/usr/(bin|share)(/|$)' <<<"$contents" || true)
  [ -z "$unexpected" ] || fail "files outside /usr/bin and /usr/share: $unexpected"
  [ "$(dpkg-deb -f "$deb" Package)" = alliance ] || fail "Package: $(dpkg-deb -f "$deb" Package)"
  # The dependencies are the libraries the binary links: libc6 and libreadstat1 (SPSS, Stata and
  # SAS files); and with the sanitizers or a shared C++ runtime, their libraries — never utf8proc or
  # anything else linked statically.
  depends=$(dpkg-deb -f "$deb" Depends)
  for dependency in $(tr ',' '\n' <<<"$depends" | sed 's/ *(.*//; s/^ *//'); do
    case $dependency in
    libc6 | libreadstat1) ;;
    libstdc++6 | libgcc-s1) [ "${ALLIANCE_SHARED_RUNTIME:-0}" = 1 ] || fail "Depends on $dependency: $depends" ;;
    libasan* | libubsan*) [ "${ALLIANCE_SANITIZED:-0}" = 1 ] || fail "Depends on $dependency: $depends" ;;
    *) fail "unexpected dependency $dependency: $depends" ;;
    esac
  done
  grep -q 'libc6' <<<"$depends" || fail "Depends without libc6: $depends"
  grep -q 'libreadstat1' <<<"$depends" || fail "Depends without libreadstat1 (ReadStat is linked as a shared library): $depends"
  dpkg-deb -x "$deb" "$tmp/root"
  file -L "$tmp/root/usr/bin/alliance" | grep -q ', stripped' || fail "the binary is not stripped: $(file -L "$tmp/root/usr/bin/alliance")"
  # The extracted program finds the questionnaires installed beside it, before its bundled copies.
  list=$("$tmp/root/usr/bin/alliance" list --format csv)
  grep -qxF "gtb-12,$tmp/root/usr/share/alliance/questionnaires/gtb-12.json,installed,FALSE,TRUE" \
    <<<"$(cut -d, -f1-5 <<<"$list")" || fail "alliance list from the package: $list"
  grep -q '^gtb-12,bundled:gtb-12.json,bundled,TRUE,' <<<"$list" || fail "the bundled gtb-12 is not shadowed: $list"
  "$tmp/root/usr/bin/alliance" score gtb-12 "$source/examples/gtb-12-response.json" --format csv \
    --output-columns respondent,total >"$tmp/score.csv" || fail "score with the installed gtb-12"
  [ "$(tail -n 1 "$tmp/score.csv")" = "P017,4.25" ] || fail "score: $(cat "$tmp/score.csv")"
  # lintian: no error and no warning (the informational tags left are explained in README.md#install).
  # The sanitizer build links its program at a fixed address (cmake/sanitizers.cmake), which lintian
  # rightly warns of (hardening-no-pie); the release package is position-independent.
  suppress=()
  [ "${ALLIANCE_SANITIZED:-0}" = 1 ] && suppress=(--suppress-tags hardening-no-pie)
  if command -v lintian >/dev/null; then
    lintian --fail-on error,warning "${suppress[@]}" "$deb" >"$tmp/lintian.log" 2>&1 ||
      fail "lintian: $(cat "$tmp/lintian.log")"
  else
    echo "SKIPPED: lintian on the package (not installed; scripts/setup.sh installs it)"
  fi
  echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB, Depends: $depends"
  ;;
*)
  echo "usage: $0 man|bash|zsh|fish|deb BUILD_DIR ALLIANCE SOURCE_DIR" >&2
  exit 2
  ;;
esac

if ((failures)); then
  echo "$part: $failures failure(s)" >&2
  exit 1
fi
echo "$part: ok"
