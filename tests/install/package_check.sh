#!/usr/bin/env bash
# ctest `package_deb`: CPack builds staffplan_VERSION_ARCH.deb; dpkg-deb accepts it
# (rebuilt from its unpacked tree with dpkg-deb --build, which checks the control
# file and the tree); its dependencies are declared (shlibdeps found libc6 and
# libstdc++6; tzdata is explicit) and no COIN-OR library is needed at run time;
# apt accepts it (simulated install, nothing is changed).
# Usage: package_check.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package_check: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work" >/dev/null) || fail "cpack failed"
deb=$(ls "$work"/staffplan_*.deb) || fail "cpack wrote no staffplan_*.deb"
dpkg-deb -R "$deb" "$work/tree"
dpkg-deb --build --root-owner-group "$work/tree" "$work/rebuilt.deb" >/dev/null || fail "dpkg-deb rejects the package"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libc6 libstdc++6 tzdata; do
  grep -q "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
grep -qiE 'coinor|libcbc|lapack|gfortran' <<<"$depends" && fail "Depends still names a solver library: $depends"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/staffplan ./usr/share/man/man1/staffplan.1.gz ./usr/share/man/man5/staffplan-plan.5.gz \
         ./usr/share/bash-completion/completions/staffplan ./usr/share/zsh/vendor-completions/_staffplan; do
  grep -qF " $f" <<<"$contents" || fail "package lacks $f"
done
if command -v apt-get >/dev/null; then
  apt-get install -s "$deb" >"$work/apt.log" 2>&1 || fail "apt-get install -s rejects the package: $(tail -3 "$work/apt.log")"
fi
echo "package_check: ok ($(basename "$deb"), Depends: $depends)"
