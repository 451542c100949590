#!/usr/bin/env bash
# Times leaflet printing: the example campaigns built with their 22
# leaflets, and the same campaigns with no leaflets declared; the
# difference is the time spent typesetting. Also times one leaflet alone
# (one campaign, one language, one tri-fold) against the same project
# without it. Peak memory with GNU time.
#
# Usage: [BENCH_TMP=/dev/shm] [RUNS=10] benches/leaflets.sh
# Needs: hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# BENCH_TMP=/dev/shm keeps the files in memory: on disk, creating them
# swings the times more than the leaflets cost.
work=$(mktemp -d -p "${BENCH_TMP:-/tmp}")
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin="$repo/target/release/outreach"

# The examples, with and without leaflets.
mkdir -p "$work/with" "$work/without"
cp -r "$repo/campaigns" "$repo/content" "$work/with/"
cp -r "$repo/campaigns" "$repo/content" "$work/without/"
for f in "$work"/without/campaigns/*.yaml; do
  sed -i '/^leaflets:/,$d' "$f"
done
# One leaflet: the English tri-fold of one campaign.
mkdir -p "$work/one" "$work/none"
for p in one none; do
  cp -r "$repo/campaigns" "$repo/content" "$work/$p/"
  rm "$work/$p/campaigns/safe-work.yaml"
  rm -r "$work/$p/content/safe-work"
  sed -i '/^leaflets:/,$d' "$work/$p/campaigns/on-the-move.yaml"
done
printf 'leaflets:\n  - id: trifold\n    format: a4-trifold\n' >> "$work/one/campaigns/on-the-move.yaml"
for lang in ar ps fa; do rm "$work/one/content/on-the-move/$lang/leaflets/trifold.md"; done

echo "leaflets in the examples: $("$bin" build --root "$work/with" --out "$work/out" 2>/dev/null | grep -o '[0-9]* leaflets')"
hyperfine --warmup 2 --runs "${RUNS:-10}" -N \
  -n "examples, 22 leaflets" "$bin build --root $work/with --out $work/out-with" \
  -n "examples, no leaflets" "$bin build --root $work/without --out $work/out-without" \
  -n "one campaign, 1 tri-fold" "$bin build --root $work/one --out $work/out-one" \
  -n "one campaign, no leaflet" "$bin build --root $work/none --out $work/out-none"

peak() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f MB\n", $2/1024}'
}
echo "peak RSS, examples with leaflets:    $(peak "$bin" build --root "$work/with" --out "$work/out-with")"
echo "peak RSS, examples without leaflets: $(peak "$bin" build --root "$work/without" --out "$work/out-without")"
du -ch "$work"/out-with/*/*/leaflets/*.pdf | tail -1 | sed 's/^/PDF size, all leaflets: /'
