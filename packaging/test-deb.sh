#!/usr/bin/env bash
# Build the .deb, install it on this machine with dpkg -i, use the installed program as a user
# would, then remove (dpkg -r) and purge (dpkg -P) it, and check that no file of the package is left
# while a user's data directory made before the install is untouched. Needs root; .ci/run calls it.
# Any failed check ends the script with a non-zero status and says what failed.
set -euo pipefail
umask 022

root=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "test-deb.sh: FAILED: $*" >&2; exit 1; }
step() { echo "test-deb.sh: $*"; }

[ "$(id -u)" = 0 ] || die "needs root, to install the package with dpkg -i"
for tool in dpkg dpkg-deb man desktop-file-validate bash; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "$tool is missing; install it (man-db brings man, desktop-file-utils brings desktop-file-validate)"
done
known() { dpkg-query -W -f '${Status}' branchday 2>/dev/null | grep -Eq ' (installed|config-files)$'; }
if known; then
  die "a branchday package is installed already; remove it first (dpkg -r branchday), this test installs its own"
fi

work=$(mktemp -d /tmp/branchday-deb-test.XXXXXX)
installed=false
cleanup() {
  if $installed; then dpkg -P branchday >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A user's data directory, made before the package arrives.
data="$work/home/data"
mkdir -p "$data/minutes"
printf '{"keep": "me"}\n' >"$data/roster.json"
cp "$root/fixtures/valid-v2/themed_day.json" "$data/minutes/"
data_state() { (cd "$data" && find . -printf '%p %m %s %T@\n' | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }
data_before=$(data_state)

step "building the package"
deb=$("$root/packaging/build-deb.sh" --out "$work/out" | tail -n 1)
[ -f "$deb" ] || die "build-deb.sh printed no package path"
step "built $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
step "Depends: $depends"
echo "$depends" | grep -Eq '^libc6 \(>= [0-9.]+\)' || die "Depends does not start with libc6 (>= VERSION): $depends"
[ "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)" ] || die "wrong Architecture"

contents=$(dpkg-deb -c "$deb")
for path in \
  ./usr/bin/branchday \
  ./usr/share/man/man1/branchday.1.gz \
  ./usr/share/man/man1/branchday-validate.1.gz \
  ./usr/share/bash-completion/completions/branchday \
  ./usr/share/zsh/vendor-completions/_branchday \
  ./usr/share/fish/vendor_completions.d/branchday.fish \
  ./usr/share/applications/branchday.desktop \
  ./usr/share/icons/hicolor/scalable/apps/branchday.svg \
  ./usr/share/doc/branchday/README.md.gz \
  ./usr/share/doc/branchday/changelog.gz \
  ./usr/share/doc/branchday/changelog.Debian.gz \
  ./usr/share/doc/branchday/copyright; do
  echo "$contents" | grep -q " root/root .* $path\$" || die "$path is not in the package (owned by root/root)"
done

step "installing with dpkg -i"
installed=true
dpkg -i "$deb" >/dev/null || die "dpkg -i $deb failed"
files_before_removal=$(dpkg -L branchday)

export BRANCHDAY_DATA_DIR="$data"
step "running the installed program"
version=$(/usr/bin/branchday --lang en --version) || die "branchday --version failed"
echo "$version"
echo "$version" | grep -q "^branchday [0-9]" || die "--version does not name the program"
echo "$version" | grep -q "writes version 2; reads versions 1, 2" || die "--version does not name the format versions"
/usr/bin/branchday --lang zh --version | grep -q "会议记录格式" || die "--version --lang zh is not in Chinese"

page=$(man -w branchday) || die "man -w branchday found no page"
[ "$page" = /usr/share/man/man1/branchday.1.gz ] || die "man -w branchday gave $page"
man -w branchday-validate >/dev/null || die "man -w branchday-validate found no page"
MANWIDTH=80 man -P cat branchday 2>/dev/null | grep -q "branchday-validate(1)" || die "man branchday does not render its commands"

/usr/bin/branchday --lang en validate --trust "$root/fixtures/valid-v2/allowed_signers" \
  "$root/fixtures/valid-v2/themed_day.json" || die "the installed branchday validate refused a valid fixture"
set +e
/usr/bin/branchday --lang en validate "$root/fixtures/invalid" >/dev/null 2>&1
code=$?
set -e
[ "$code" = 1 ] || die "the installed branchday validate gave $code on the invalid fixtures (expected 1)"

desktop-file-validate /usr/share/applications/branchday.desktop || die "desktop-file-validate refused the installed entry"
bash -c 'source /usr/share/bash-completion/completions/branchday && complete -p branchday' >/dev/null ||
  die "the installed bash completion does not load"

step "removing with dpkg -r, then purging with dpkg -P"
dpkg -r branchday >/dev/null || die "dpkg -r branchday failed"
# The package has no configuration files, so dpkg -r already forgets it and dpkg -P only warns.
dpkg -P branchday >/dev/null 2>"$work/purge.log" || { cat "$work/purge.log" >&2; die "dpkg -P branchday failed"; }
installed=false
known && die "dpkg still knows branchday after removal and purge"

left=()
while IFS= read -r path; do
  [ -n "$path" ] || continue
  if [ -f "$path" ] || [ -L "$path" ]; then left+=("$path"); fi
  # Folders of the package alone go too; shared ones (/usr/share/man/man1, …) stay.
  case "$path" in /usr/share/doc/branchday) [ -e "$path" ] && left+=("$path") ;; esac
done <<<"$files_before_removal"
[ ${#left[@]} -eq 0 ] || die "left behind after removal: ${left[*]}"
ls /var/lib/dpkg/info/branchday.* >/dev/null 2>&1 && die "dpkg still holds branchday's files list"

[ "$(data_state)" = "$data_before" ] || die "the user's data directory changed during install or removal"
step "ok: built, installed, used, removed and purged; nothing left but the user's data"
