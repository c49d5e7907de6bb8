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
known() { dpkg-query -W -f '${Status}' "${1:-branchday}" 2>/dev/null | grep -Eq ' (installed|config-files)$'; }
for p in branchday branchday-server; do
  if known "$p"; then
    die "a $p package is installed already; remove it first (dpkg -r $p), this test installs its own"
  fi
done
if getent passwd branchday-server >/dev/null; then
  die "a branchday-server user exists already; this test makes its own (userdel branchday-server)"
fi
if [ -e /var/lib/branchday-server ]; then
  die "/var/lib/branchday-server exists already; this test makes its own"
fi

work=$(mktemp -d /tmp/branchday-deb-test.XXXXXX)
installed=false
server_installed=false
server_pid=
cleanup() {
  if $installed; then dpkg -P branchday >/dev/null 2>&1 || true; fi
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  if $server_installed; then dpkg -P branchday-server >/dev/null 2>&1 || true; fi
  # What the package leaves on purpose (the store and its user) is this test's to clear.
  rm -rf /var/lib/branchday-server
  if getent passwd branchday-server >/dev/null; then userdel branchday-server 2>/dev/null || true; fi
  if getent group branchday-server >/dev/null; then groupdel branchday-server 2>/dev/null || true; fi
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

step "building the packages"
built=$("$root/packaging/build-deb.sh" --out "$work/out")
deb=$(grep '/branchday_[^/]*\.deb$' <<<"$built" || true)
server_deb=$(grep '/branchday-server_[^/]*\.deb$' <<<"$built" || true)
[ -f "$deb" ] || die "build-deb.sh printed no branchday package path"
[ -f "$server_deb" ] || die "build-deb.sh printed no branchday-server package path"
step "built $(basename "$deb") and $(basename "$server_deb")"

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
step "ok: branchday built, installed, used, removed and purged; nothing left but the user's data"

# The collector's package: its files, its user, its service as systemd would run it.
sdepends=$(dpkg-deb -f "$server_deb" Depends)
step "branchday-server Depends: $sdepends"
echo "$sdepends" | grep -Eq '^libc6 \(>= [0-9.]+\)' || die "branchday-server Depends does not start with libc6: $sdepends"
echo "$sdepends" | grep -q 'adduser' || die "branchday-server does not depend on adduser"
scontents=$(dpkg-deb -c "$server_deb")
for path in \
  ./usr/bin/branchday-server \
  ./usr/lib/systemd/system/branchday-server.service \
  ./usr/lib/sysusers.d/branchday-server.conf \
  ./etc/default/branchday-server \
  ./usr/share/doc/branchday-server/README.md.gz \
  ./usr/share/doc/branchday-server/copyright; do
  echo "$scontents" | grep -q " root/root .* $path\$" || die "$path is not in the server package (owned by root/root)"
done
[ "$(dpkg-deb -I "$server_deb" conffiles)" = /etc/default/branchday-server ] ||
  die "/etc/default/branchday-server is not the package's conffile"
if command -v systemd-analyze >/dev/null 2>&1; then
  unit="$work/unit/branchday-server.service"
  mkdir -p "$work/unit"
  dpkg-deb --fsys-tarfile "$server_deb" | tar -xO ./usr/lib/systemd/system/branchday-server.service >"$unit"
  # Only what is wrong with the unit itself counts; a container without systemd running has no
  # network-online.target to find.
  systemd-analyze verify --man=no "$unit" 2>"$work/verify.log" || true
  if grep -v 'network-online.target\|postgresql.service\|Failed to prepare filename\|is not executable\|Command .* is not executable' "$work/verify.log" | grep -q .; then
    cat "$work/verify.log" >&2
    die "systemd-analyze verify found problems in branchday-server.service"
  fi
fi

step "installing branchday-server with dpkg -i"
server_installed=true
dpkg -i "$server_deb" >/dev/null || die "dpkg -i $server_deb failed"
getent passwd branchday-server >/dev/null || die "installing made no branchday-server user"
server_files=$(dpkg -L branchday-server)
/usr/bin/branchday-server --help >/dev/null || die "the installed branchday-server does not run"

step "running the service's command as its user"
# As systemd does for StateDirectory=: the folder, owned by the user, mode 0700.
install -d -o branchday-server -g branchday-server -m 0700 /var/lib/branchday-server
port=18787
(
  set -a
  BRANCHDAY_SERVER_DATA_DIR=/var/lib/branchday-server
  BRANCHDAY_SERVER_LISTEN=127.0.0.1:$port
  BRANCHDAY_SERVER_ARGS=
  # shellcheck disable=SC1091
  . /etc/default/branchday-server
  set +a
  exec runuser -u branchday-server -- /usr/bin/branchday-server serve --listen "$BRANCHDAY_SERVER_LISTEN"
) >"$work/server.log" 2>&1 &
server_pid=$!
answer=
for _ in $(seq 1 100); do
  if answer=$( (exec 3<>"/dev/tcp/127.0.0.1/$port" &&
    printf 'HEAD /minutes/0190e1b2-0000-7000-8000-000000000000 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3 &&
    head -n 1 <&3) 2>/dev/null); then
    break
  fi
  sleep 0.1
done
case "$answer" in
  "HTTP/1.1 401"*) step "the service answers: $answer" ;;
  *) cat "$work/server.log" >&2; die "the installed service did not answer 401 to a request without a token (got: $answer)" ;;
esac
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=
[ -f /var/lib/branchday-server/server.db ] || die "the service kept no store in /var/lib/branchday-server"
[ "$(stat -c %U /var/lib/branchday-server/server.db)" = branchday-server ] ||
  die "the store is not owned by the service's user"
store_before=$(sha256sum /var/lib/branchday-server/server.db)

step "removing and purging branchday-server"
dpkg -r branchday-server >/dev/null || die "dpkg -r branchday-server failed"
[ -f /etc/default/branchday-server ] || die "dpkg -r removed the configuration file (only a purge may)"
dpkg -P branchday-server >/dev/null 2>"$work/purge-server.log" ||
  { cat "$work/purge-server.log" >&2; die "dpkg -P branchday-server failed"; }
server_installed=false
known branchday-server && die "dpkg still knows branchday-server after removal and purge"
[ -e /etc/default/branchday-server ] && die "dpkg -P left /etc/default/branchday-server"
left=()
while IFS= read -r path; do
  [ -n "$path" ] || continue
  if [ -f "$path" ] || [ -L "$path" ]; then left+=("$path"); fi
done <<<"$server_files"
[ ${#left[@]} -eq 0 ] || die "left behind after removing branchday-server: ${left[*]}"
[ "$(sha256sum /var/lib/branchday-server/server.db)" = "$store_before" ] ||
  die "removing the package changed the organisation's store"
step "ok: branchday-server built, installed, run as its user, removed and purged; the store is kept"
