#!/usr/bin/env bash
# Times pictures and the deployment options on the example campaigns:
# the examples as they are (5 pictures, 9 sizes) with an empty picture
# cache (every size resized and encoded) and with the cache of an earlier
# build, the same campaigns without any picture, and the warm build with
# --precompress and with --bundle. Peak memory with GNU time.
#
# Usage: [RUNS=10] benches/pictures.sh
# Needs: hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin="$repo/target/release/outreach"

mkdir -p "$work/with" "$work/without"
cp -r "$repo/campaigns" "$repo/content" "$work/with/"
cp -r "$repo/campaigns" "$repo/content" "$work/without/"
# Without pictures: no picture lines in pages, no share pictures.
sed -i '/](\.\.\/images\//d' "$work"/without/content/*/*/index.md
for f in "$work"/without/campaigns/*.yaml; do
  sed -i '/^share_image:/,/^[a-z]/{/^share_image:/d;/^  /d}' "$f"
done
rm -r "$work"/without/content/*/images

echo "with:    $("$bin" build --root "$work/with" --out "$work/out" 2>/dev/null | grep -o '[0-9]* pictures ([^)]*)')"
echo "without: $("$bin" build --root "$work/without" --out "$work/out-without" 2>/dev/null | grep -o 'pictures' || echo 'no pictures')"
# The first command starts from an empty picture cache; the others keep it.
hyperfine --warmup 2 --runs "${RUNS:-10}" -N \
  --prepare "rm -rf $work/with/.outreach-cache" --prepare true --prepare true \
  --prepare true --prepare true \
  -n "examples, pictures, empty cache" "$bin build --root $work/with --out $work/out-cold" \
  -n "examples, pictures, cached" "$bin build --root $work/with --out $work/out-warm" \
  -n "examples, no pictures" "$bin build --root $work/without --out $work/out-without" \
  -n "examples, pictures, cached, --precompress" "$bin build --root $work/with --out $work/out-gz --precompress" \
  -n "examples, pictures, cached, --bundle" "$bin build --root $work/with --out $work/out-zip --bundle"

peak() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f MB\n", $2/1024}'
}
rm -rf "$work/with/.outreach-cache"
echo "peak RSS, pictures, empty cache: $(peak "$bin" build --root "$work/with" --out "$work/out-cold")"
echo "peak RSS, pictures, cached:      $(peak "$bin" build --root "$work/with" --out "$work/out-warm")"
echo "peak RSS, no pictures:           $(peak "$bin" build --root "$work/without" --out "$work/out-without")"
du -ch "$work"/out-warm/*/images/* | tail -1 | sed 's/^/published picture files: /'
du -ch "$repo"/content/*/images/* | tail -1 | sed 's/^/original picture files:  /'
ls -l "$work"/out-zip/*.zip | awk '{printf "bundle %s: %d KB\n", $NF, $5/1024}'
