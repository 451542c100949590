#!/usr/bin/env bash
# outreach built for Windows (x86_64-pc-windows-gnu, with Debian's
# mingw-w64) and run under Wine: `outreach new` and `outreach build` of
# the examples must work, and the built site must be the Linux build's,
# byte for byte. The release builds for Windows with Microsoft's linker
# (x86_64-pc-windows-msvc), which this machine cannot run; this compiles
# and runs every `cfg(windows)` line of outreach all the same.
#
#   bash tests/release/windows-wine.sh
#
# Needs: rustup target add x86_64-pc-windows-gnu; Debian's
# gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 wine64. A cold build takes
# about 20 minutes of two cores (not in .ci/run, for that reason).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
target_dir=${CARGO_TARGET_DIR:-$repo/target}
CARGO_TARGET_DIR="$target_dir" cargo build --quiet --target x86_64-pc-windows-gnu
cargo build --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$target_dir/x86_64-pc-windows-gnu/debug/outreach.exe" "$work/"
# Rust's standard library asks Windows' bcryptprimitives.dll for random
# numbers (ProcessPrng); Wine 8, in Debian 12, lacks it. This stand-in
# asks the older RtlGenRandom, which Wine has.
cat > "$work/prng.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}
C
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" "$work/prng.c" -ladvapi32
export WINEPREFIX="$work/wine" WINEDEBUG=-all
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
windows() { "$wine" "$work/outreach.exe" "$@"; }

windows --version
(cd "$work" && windows new starter >/dev/null && cd starter && windows build >/dev/null)
test -f "$work/starter/public/my-campaign/ar/index.html"
test -f "$work/starter/admin/config.yml"

mkdir "$work/examples"
cp -r campaigns content "$work/examples/"
(cd "$work/examples" && windows build 2>/dev/null && windows build 2>/dev/null) | tail -1
"$repo/target/debug/outreach" build --out "$work/linux/public" >/dev/null 2>&1
(cd "$work/linux/public" && find . -type f -exec sha256sum {} + | sort -k2) > "$work/linux.sum"
(cd "$work/examples/public" && find . -type f -exec sha256sum {} + | sort -k2) > "$work/windows.sum"
if ! diff "$work/linux.sum" "$work/windows.sum"; then
  echo "the site built on Windows differs from the one built on Linux" >&2
  exit 1
fi
echo "Windows build under Wine: the starter and the examples build; $(wc -l < "$work/windows.sum") files, identical to Linux's"
