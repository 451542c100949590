#!/usr/bin/env bash
# Times `outreach build` against the bare floor and Hugo on the same
# generated corpus, in the same run, and reports wall time (hyperfine) and
# peak memory (GNU time) for each.
#
# Usage: [BENCH_TMP=/dev/shm] [RUNS=10] [PRECOMPRESS=1] benches/compare.sh [PAGES]
#   PAGES per language, default 1000: 8 languages x 1001 pages, 55 MB of Markdown.
#   PRECOMPRESS=1 also times `outreach build --precompress`.
# Needs: python3, hyperfine, hugo and GNU time (Debian: apt-get install hyperfine hugo time).
# The corpus generator is ../shared/bench/gen_corpus.py (or $GEN_CORPUS); the
# floor, ../shared/bench/floor/ (or $FLOOR_DIR): read, pulldown-cmark, write,
# in parallel, which every generator must at least do.
set -euo pipefail
pages=${1:-1000}
repo=$(cd "$(dirname "$0")/.." && pwd)
gen=${GEN_CORPUS:-$repo/../shared/bench/gen_corpus.py}
floor_dir=${FLOOR_DIR:-$repo/../shared/bench/floor}
# BENCH_TMP=/dev/shm keeps corpus and output in memory, which takes the
# disk's state (ext4 slows down file creation after many deletions) out
# of the comparison.
work=$(mktemp -d -p "${BENCH_TMP:-/tmp}")
trap 'rm -rf "$work"' EXIT

python3 "$gen" "$work" --pages "$pages" --hugo
echo "corpus: $(find "$work/content" -name '*.md' | wc -l) pages, $(du -sh "$work/content" | cut -f1) of Markdown"
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin="$repo/target/release/outreach"
# The floor's folder may be read-only: its build goes under our target/.
CARGO_TARGET_DIR="$repo/target/floor" cargo build --release --quiet --manifest-path "$floor_dir/Cargo.toml"
floor="$repo/target/floor/release/floor"
"$bin" --version
hugo version

commands=(
  -n floor "'$floor' '$work/content' '$work/floor'"
  -n outreach "'$bin' build --root '$work' --out '$work/public'"
)
if [ -n "${PRECOMPRESS:-}" ]; then
  commands+=(-n "outreach --precompress" "'$bin' build --precompress --root '$work' --out '$work/public'")
fi
commands+=(-n hugo "hugo --quiet --minify --source '$work/hugo'")

# Each run starts from an empty output folder, for every tool.
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-json "$work/times.json" \
  --prepare "rm -rf '$work/public' '$work/hugo/public' '$work/floor'" \
  "${commands[@]}"
python3 - "$work/times.json" <<'PY'
import json, sys
runs = {r["command"]: r["mean"] for r in json.load(open(sys.argv[1]))["results"]}
floor = runs["floor"]
for name, mean in runs.items():
    print(f"{name}: {mean:.3f} s mean, {mean / floor:.2f}x the floor")
PY

peak() {
  rm -rf "$work/public" "$work/hugo/public" "$work/floor"
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f MB\n", $2/1024}'
}
echo "peak RSS, floor:    $(peak "$floor" "$work/content" "$work/floor")"
echo "peak RSS, outreach: $(peak "$bin" build --root "$work" --out "$work/public")"
echo "output, outreach: $(find "$work/public" -name '*.html' | wc -l) HTML files, $(du -sh "$work/public" | cut -f1)"
if [ -n "${PRECOMPRESS:-}" ]; then
  # hyperfine's runs reuse the cache of compressed copies; this one starts
  # without it, as a first build (or a build on a fresh CI machine) does.
  rm -f "$work/.outreach-cache/compressed.pack"
  rm -rf "$work/public"
  echo "first --precompress build, no cache: $( { /usr/bin/time -f '%e s, %M KB' "$bin" build --precompress --root "$work" --out "$work/public" >/dev/null; } 2>&1 | tail -1)"
  echo "peak RSS, outreach --precompress: $(peak "$bin" build --precompress --root "$work" --out "$work/public")"
  echo "output, .br files: $(find "$work/public" -name '*.br' -print0 | du -cb --files0-from=- | tail -1 | cut -f1) bytes"
fi
echo "peak RSS, hugo:     $(peak hugo --quiet --minify --source "$work/hugo")"
echo "output, hugo:     $(find "$work/hugo/public" -name '*.html' | wc -l) HTML files, $(du -sh "$work/hugo/public" | cut -f1)"
