#!/usr/bin/env bash
# Build the Debian package of branchday from this source tree:
#   packaging/build-deb.sh [--out DIR] [--package branchday|branchday-server]
# prints the path of each .deb it wrote, one a line (default folder: $CARGO_TARGET_DIR/debian, or
# target/debian); both packages unless --package names one.
#
# A small script around `dpkg-deb --root-owner-group --build` rather than cargo-deb: it needs
# nothing beyond what builds the program and what every Debian-based system has (dpkg-deb, and
# dpkg-shlibdeps from dpkg-dev for the dependencies), it lays out the man pages and completions the
# release binary generates from its own command-line definitions, and every line of the package is
# here to read.
#
# One function per package: `package_branchday` lays out the files of the laptop program, and
# `finish_package` (shared) adds the documentation, the control file and the checksums and builds
# the .deb. Another binary of the workspace gets its own `package_<name>` function calling the same
# helpers, and its name in PACKAGES below.
set -euo pipefail
umask 022

root=$(cd "$(dirname "$0")/.." && pwd)
packaging="$root/packaging"
target="${CARGO_TARGET_DIR:-$root/target}"
out="$target/debian"
PACKAGES=(branchday branchday-server)

while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    --package)
      case "${2:-}" in
        branchday | branchday-server) PACKAGES=("$2") ;;
        *) echo "build-deb.sh: --package takes branchday or branchday-server" >&2; exit 2 ;;
      esac
      shift 2 ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-deb.sh: unknown argument $1 (usage: build-deb.sh [--out DIR] [--package NAME])" >&2; exit 2 ;;
  esac
done

die() { echo "build-deb.sh: $*" >&2; exit 1; }
for tool in cargo dpkg dpkg-deb dpkg-shlibdeps dpkg-parsechangelog gzip strip md5sum; do
  command -v "$tool" >/dev/null 2>&1 ||
    die "$tool is missing; install it (dpkg-dev brings dpkg-shlibdeps and dpkg-parsechangelog, binutils brings strip)"
done

arch=$(dpkg --print-architecture)
# Reproducible: the same tree gives the same package (gzip -n, and dpkg-deb reads this for mtimes).
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)
fi
export SOURCE_DATE_EPOCH

# The version: the crate's version, then the Debian revision of packaging/changelog.Debian, whose
# newest entry must be for this crate version.
crate_version() {
  local id
  id=$(cd "$root" && cargo pkgid -p "$1") || die "cargo pkgid -p $1 failed"
  echo "${id##*[@#]}"
}
debian_version() {
  local upstream="$1" version
  version=$(dpkg-parsechangelog -l "$packaging/changelog.Debian" -S Version)
  [ "${version%-*}" = "$upstream" ] ||
    die "packaging/changelog.Debian starts with $version but the crate is $upstream; add an entry for $upstream-1 at its top"
  echo "$version"
}

# Files of the package tree: directories 0755, files 0644 (or the mode given).
put() { # put MODE SOURCE DEST
  install -D -m "$1" "$2" "$3"
}
put_gz() { # put_gz SOURCE DEST.gz  (gzip -9n: no name, no time stamp)
  mkdir -p "$(dirname "$2")"
  gzip -9nc "$1" >"$2"
  chmod 0644 "$2"
}

# The Depends line the binaries need, from dpkg-shlibdeps (which wants a debian/control: a
# throw-away one). The laptop package may need only the C library and the compiler's runtime
# (libgcc_s, for unwinding), both in every Debian-based base system.
shlib_depends() { # shlib_depends PACKAGE BINARY...
  local pkg="$1" tmp line deps dep
  shift
  tmp=$(mktemp -d)
  mkdir "$tmp/debian"
  printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$pkg" "$pkg" >"$tmp/debian/control"
  line=$(cd "$tmp" && dpkg-shlibdeps -O "$@" 2>"$tmp/err") ||
    { cat "$tmp/err" >&2; rm -rf "$tmp"; die "dpkg-shlibdeps failed for $*"; }
  rm -rf "$tmp"
  deps="${line#shlibs:Depends=}"
  [ -n "$deps" ] || die "dpkg-shlibdeps found no libraries for $*"
  IFS=',' read -ra list <<<"$deps"
  for dep in "${list[@]}"; do
    dep="${dep# }"
    case "${dep%% *}" in
      libc6 | libgcc-s1) ;;
      *) die "$pkg would depend on ${dep}; the package may need only libc6 and libgcc-s1" ;;
    esac
  done
  echo "$deps"
}

# /usr/share/doc/PACKAGE: the README, the changelogs, the licence (Debian policy 12.5, 12.7).
put_docs() { # put_docs PACKAGE ROOT
  local doc="$2/usr/share/doc/$1"
  put_gz "$root/README.md" "$doc/README.md.gz"
  put_gz "$packaging/changelog" "$doc/changelog.gz"
  put_gz "$packaging/changelog.Debian" "$doc/changelog.Debian.gz"
  put 0644 "$packaging/copyright" "$doc/copyright"
}

# Control file, checksums, and the .deb; prints its path.
finish_package() { # finish_package PACKAGE VERSION ROOT DEPENDS SECTION DESCRIPTION-FILE
  local pkg="$1" version="$2" tree="$3" depends="$4" section="$5" description="$6" size deb
  put_docs "$pkg" "$tree"
  mkdir -p "$tree/DEBIAN"
  (cd "$tree" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) >"$tree/DEBIAN/md5sums"
  size=$(du -sk --exclude=DEBIAN "$tree" | cut -f1)
  {
    echo "Package: $pkg"
    echo "Version: $version"
    echo "Architecture: $arch"
    echo "Maintainer: ${DEB_MAINTAINER:-branchday maintainers <maintainers@branchday.invalid>}"
    echo "Installed-Size: $size"
    echo "Depends: $depends"
    echo "Section: $section"
    echo "Priority: optional"
    cat "$description"
  } >"$tree/DEBIAN/control"
  chmod 0644 "$tree/DEBIAN/control" "$tree/DEBIAN/md5sums"
  # Maintainer scripts (packaging/PACKAGE.postinst, …) and the configuration files under /etc.
  local script
  for script in preinst postinst prerm postrm; do
    if [ -f "$packaging/$pkg.$script" ]; then
      put 0755 "$packaging/$pkg.$script" "$tree/DEBIAN/$script"
    fi
  done
  if [ -d "$tree/etc" ]; then
    (cd "$tree" && find etc -type f | LC_ALL=C sort | sed 's|^|/|') >"$tree/DEBIAN/conffiles"
    chmod 0644 "$tree/DEBIAN/conffiles"
  fi
  mkdir -p "$out"
  deb="$out/${pkg}_${version}_${arch}.deb"
  dpkg-deb --root-owner-group -Zxz --build "$tree" "$deb" >/dev/null
  echo "$deb"
}

# The laptop program: the binary, its man pages and completions (generated by the binary itself),
# the launcher and its icon.
package_branchday() {
  local upstream version tree bin gen man
  upstream=$(crate_version branchday)
  version=$(debian_version "$upstream")
  (cd "$root" && cargo build --release --locked -p branchday --bin branchday) >&2
  bin="$target/release/branchday"
  tree="$target/debian/tree/branchday"
  rm -rf "$tree"
  mkdir -p "$tree"

  put 0755 "$bin" "$tree/usr/bin/branchday"
  strip --strip-unneeded --remove-section=.comment --remove-section=.note "$tree/usr/bin/branchday"

  gen=$(mktemp -d)
  "$bin" --lang en manpage --dir "$gen"
  for man in "$gen"/*.1; do
    put_gz "$man" "$tree/usr/share/man/man1/$(basename "$man").gz"
  done
  "$bin" completions bash >"$gen/bash"
  "$bin" completions zsh >"$gen/zsh"
  "$bin" completions fish >"$gen/fish"
  put 0644 "$gen/bash" "$tree/usr/share/bash-completion/completions/branchday"
  put 0644 "$gen/zsh" "$tree/usr/share/zsh/vendor-completions/_branchday"
  put 0644 "$gen/fish" "$tree/usr/share/fish/vendor_completions.d/branchday.fish"
  rm -rf "$gen"

  put 0644 "$packaging/branchday.desktop" "$tree/usr/share/applications/branchday.desktop"
  put 0644 "$packaging/branchday.svg" "$tree/usr/share/icons/hicolor/scalable/apps/branchday.svg"

  finish_package branchday "$version" "$tree" \
    "$(shlib_depends branchday "$tree/usr/bin/branchday")" utils "$packaging/branchday.description"
}

# The collector of the superior organisation: the binary, and a systemd service that runs it as
# its own system user on SQLite in /var/lib/branchday-server, with the switch to PostgreSQL (and
# the address to listen on) in /etc/default/branchday-server. adduser makes the user where
# systemd-sysusers is missing.
package_branchday_server() {
  local upstream version tree bin
  upstream=$(crate_version branchday-server)
  version=$(debian_version "$upstream")
  (cd "$root" && cargo build --release --locked -p branchday-server --bin branchday-server) >&2
  bin="$target/release/branchday-server"
  tree="$target/debian/tree/branchday-server"
  rm -rf "$tree"
  mkdir -p "$tree"

  put 0755 "$bin" "$tree/usr/bin/branchday-server"
  strip --strip-unneeded --remove-section=.comment --remove-section=.note "$tree/usr/bin/branchday-server"
  put 0644 "$packaging/branchday-server.service" "$tree/usr/lib/systemd/system/branchday-server.service"
  put 0644 "$packaging/branchday-server.sysusers" "$tree/usr/lib/sysusers.d/branchday-server.conf"
  put 0644 "$packaging/branchday-server.default" "$tree/etc/default/branchday-server"

  finish_package branchday-server "$version" "$tree" \
    "$(shlib_depends branchday-server "$tree/usr/bin/branchday-server"), adduser" net \
    "$packaging/branchday-server.description"
}

for pkg in "${PACKAGES[@]}"; do
  "package_${pkg//-/_}"
done
