#!/usr/bin/env bash
# Builds the Linux download the way the release workflow does (`dist build`:
# the `dist` profile, static musl), unpacks it in an empty folder, and
# checks that an author with no Rust can start a project and build it:
# `outreach new` then `outreach build`, with PATH holding only the
# system's own folders. Prints the archive's and the program's sizes and
# how long each step took.
#
#   bash tests/release/archive.sh            # x86_64-unknown-linux-musl
#   DIST=/path/to/dist TARGET=... bash tests/release/archive.sh
#
# Needs `dist` (cargo install cargo-dist --locked), the target's Rust
# standard library (rustup target add x86_64-unknown-linux-musl) and a C
# compiler for it (Debian's musl-tools).
set -euo pipefail
cd "$(dirname "$0")/../.."
dist=${DIST:-dist}
target=${TARGET:-x86_64-unknown-linux-musl}
archive="target/distrib/outreach-$target.tar.xz"

started=$(date +%s)
"$dist" build --artifacts=local --target "$target" >/dev/null
built=$(date +%s)
test -f "$archive"
(cd target/distrib && sha256sum -c "outreach-$target.tar.xz.sha256" >/dev/null)

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# What an author does: download, unpack, run. No Rust, no cargo, no
# compiler on PATH, an empty home folder.
cp "$archive" "$home/"
cd "$home"
begin=$(date +%s%N)
tar xJf "outreach-$target.tar.xz"
program="$home/outreach-$target/outreach"
test -x "$program"
if file "$program" | grep -q "dynamically linked"; then
  echo "the program is not static: $(file "$program")" >&2
  exit 1
fi
run() { env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$program" "$@"; }
if env -i PATH=/usr/bin:/bin sh -c 'command -v cargo || command -v rustc' >/dev/null; then
  echo "note: this machine has Rust in /usr/bin; the program does not use it"
fi
run --version
run new campaigns >/dev/null
(cd campaigns && run build >/dev/null)
end=$(date +%s%N)
test -f campaigns/public/my-campaign/en/index.html
test -f campaigns/public/my-campaign/ar/index.html
test -f campaigns/admin/index.html
test -f campaigns/admin/config.yml

echo "archive: $(stat -c %s "outreach-$target.tar.xz") bytes ($archive)"
echo "program: $(stat -c %s "$program") bytes, $(file -b "$program" | cut -d, -f1-2)"
echo "dist build: $((built - started)) s"
echo "unpack + new + build, no Rust on PATH: $(( (end - begin) / 1000000 )) ms"
