#!/usr/bin/env bash
# ctest `install`: `cmake --install` into a DESTDIR puts the binary, both manual
# pages and both shell completions where Debian expects them (GNUInstallDirs with
# prefix /usr); the pages render with groff -ww and man -l without a warning; the
# bash completion completes commands, flags and choices from the option table.
# Usage: install_check.sh BUILD_DIR
set -euo pipefail
build=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
fail() { echo "install_check: $*" >&2; exit 1; }

DESTDIR=$dest cmake --install "$build" --prefix /usr >/dev/null
root=$dest/usr
for f in bin/staffplan share/man/man1/staffplan.1.gz share/man/man5/staffplan-plan.5.gz \
         share/bash-completion/completions/staffplan share/zsh/vendor-completions/_staffplan \
         share/doc/staffplan/README.md share/doc/staffplan/docs/plan-file.md \
         share/doc/staffplan/docs/commands.md share/doc/staffplan/examples/single-site.yaml; do
  [[ -f $root/$f ]] || fail "missing $f"
done
[[ -x $root/bin/staffplan ]] || fail "bin/staffplan is not executable"
"$root/bin/staffplan" --version | grep -q '^staffplan ' || fail "installed binary does not run"

for page in man1/staffplan.1.gz man5/staffplan-plan.5.gz; do
  file=$root/share/man/$page
  warnings=$(zcat "$file" | groff -ww -man -Tutf8 2>&1 >/dev/null)
  [[ -z $warnings ]] || fail "groff -ww warns on $page: $warnings"
  if command -v man >/dev/null; then
    text=$(MANWIDTH=80 man --warnings=w -l "$file" 2>"$dest/man.err")
    [[ ! -s $dest/man.err ]] || fail "man -l warns on $page: $(cat "$dest/man.err")"
    grep -q '^NAME' <<<"$text" || fail "man -l $page has no NAME section"
  fi
done
# The man page lists every flag the binary knows (same option table).
man_text=$(zcat "$root/share/man/man1/staffplan.1.gz")
while read -r command flag _; do
  grep -qF -- "${flag//-/\\-}" <<<"$man_text" || fail "staffplan.1 lacks $command $flag"
done < <("$root/bin/staffplan" --generate flags)

# bash completion: words so far -> expected candidates.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _staffplan; echo "${COMPREPLY[*]}"' \
    _ "$root/share/bash-completion/completions/staffplan" "$@"
}
[[ $(complete_words staffplan pl) == plan ]] || fail "bash: 'staffplan pl' does not complete to plan"
[[ $(complete_words staffplan plan --vi) == --view ]] || fail "bash: 'plan --vi' does not complete to --view"
[[ $(complete_words staffplan plan --view '') == "shifts intervals summary allocation periods roster outsourced work" ]] ||
  fail "bash: 'plan --view' does not offer the views"
[[ $(complete_words staffplan erlang -f c) == csv ]] || fail "bash: 'erlang -f c' does not complete to csv"
if command -v zsh >/dev/null; then
  zsh -n "$root/share/zsh/vendor-completions/_staffplan" || fail "zsh completion does not parse"
fi
echo "install_check: ok"
