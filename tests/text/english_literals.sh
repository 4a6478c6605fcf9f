#!/bin/sh
# Words a user reads go through the one message catalogue (include/alliance/text/catalogue.inc;
# docs/architecture.md, "Messages and language"), so that they are in the user's language. This
# finds, in src/, the usual ways an English sentence is written into the code instead:
#   - an Error made from a string literal or from English glued to a value
#     (Error(ExitCode::io, name + ": cannot read")),
#   - a reader's problem or a definition's error given as a literal
#     (add_problem(record, "…"), f_.error(where, "…"), error(where, "…")),
#   - a warning or a problem pushed as English text (warnings.push_back(where + ": …")).
#   - the system's reason as strerror() words it, in English whatever the language
#     (text::system_reason(errno) is worded from the catalogue).
# Each line found fails the test unless it is listed in ALLOWED below, with why it stays English.
#   english_literals.sh SOURCE_DIR
set -eu
src=${1:?usage: english_literals.sh SOURCE_DIR}

pattern='Error\(ExitCode::[a-z_]+,[[:space:]]*("|std::string\(|[A-Za-z_.]+(\(\))?[[:space:]]*\+[[:space:]]*")'
pattern="$pattern"'|add_problem\(record,[[:space:]]*"'
pattern="$pattern"'|\.error\([^;]*,[[:space:]]*"[a-z]'
pattern="$pattern"'|[^_a-z]error\((where|here|"/)[^;]*,[[:space:]]*"'
pattern="$pattern"'|warnings\.push_back\([[:space:]]*[a-z_.]+[[:space:]]*\+[[:space:]]*"'
pattern="$pattern"'|problems\.push_back\([^;]*"[a-z]+ '
pattern="$pattern"'|strerror\('

# file|text on the line|why it stays (none now; a line per exception)
ALLOWED=''

# The pattern must find what it is meant to find (else this test could never fail).
for bad in 'throw Error(ExitCode::io, name_ + ": cannot read: " + why);' \
           'add_problem(record, "item 3 is odd");' 'f_.error(w, "expected min, max or both");' \
           'out.warnings.push_back(where + ": columns");' \
           'throw Error(ExitCode::io, text::Message{Msg::read_failed, {name_, std::strerror(errno)}});'; do
  if ! printf '%s\n' "$bad" | grep -Eq "$pattern"; then
    echo "english_literals.sh: the pattern misses: $bad" >&2
    exit 1
  fi
done

found=$(cd "$src" && grep -rnE "$pattern" src --include='*.cpp' | grep -v '^src/text/' || true)
failed=0
if [ -n "$found" ]; then
  printf '%s\n' "$found" | {
    bad=0
    while IFS= read -r line; do
      file=${line%%:*}
      allowed=0
      while IFS='|' read -r afile atext _why; do
        case "$line" in
          "$afile":*"$atext"*) [ "$file" = "$afile" ] && allowed=1 ;;
        esac
      done <<ALLOW
$ALLOWED
ALLOW
      if [ "$allowed" = 0 ]; then
        echo "English words outside the catalogue: $line" >&2
        bad=1
      fi
    done
    exit "$bad"
  } || failed=1
fi
if [ "$failed" = 1 ]; then
  echo "Word them in include/alliance/text/catalogue.inc (ALLIANCE_MSG(id, \"English\", \"French\")) and" >&2
  echo "use text::Message / add_problem(record, Msg, args) / error(where, Msg, args); or, if a line must" >&2
  echo "stay English, list it in ALLOWED in tests/text/english_literals.sh with the reason." >&2
  exit 1
fi
echo "no English sentence outside the catalogue in src/ (patterns of tests/text/english_literals.sh)"
