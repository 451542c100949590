#!/usr/bin/env bash
# Times `outreach build` against Hugo on the same generated corpus, in the
# same run, and reports wall time (hyperfine) and peak memory (GNU time).
#
# Usage: [BENCH_TMP=/dev/shm] [RUNS=10] benches/compare.sh [PAGES]
#   PAGES per language, default 1000: 8 languages x 1001 pages, 55 MB of Markdown.
# Needs: python3, hyperfine, hugo and GNU time (Debian: apt-get install hyperfine hugo time).
# The corpus generator is ../shared/bench/gen_corpus.py (or $GEN_CORPUS).
set -euo pipefail
pages=${1:-1000}
repo=$(cd "$(dirname "$0")/.." && pwd)
gen=${GEN_CORPUS:-$repo/../shared/bench/gen_corpus.py}
# BENCH_TMP=/dev/shm keeps corpus and output in memory, which takes the
# disk's state (ext4 slows down file creation after many deletions) out
# of the comparison.
work=$(mktemp -d -p "${BENCH_TMP:-/tmp}")
trap 'rm -rf "$work"' EXIT

python3 "$gen" "$work" --pages "$pages" --hugo
echo "corpus: $(find "$work/content" -name '*.md' | wc -l) pages, $(du -sh "$work/content" | cut -f1) of Markdown"
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin="$repo/target/release/outreach"
"$bin" --version
hugo version

# Each run starts from an empty output folder, for both tools.
hyperfine --warmup 1 --runs "${RUNS:-10}" \
  --prepare "rm -rf '$work/public' '$work/hugo/public'" \
  -n outreach "'$bin' build --root '$work' --out '$work/public'" \
  -n hugo "hugo --quiet --minify --source '$work/hugo'"

peak() {
  rm -rf "$work/public" "$work/hugo/public"
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f MB\n", $2/1024}'
}
echo "peak RSS, outreach: $(peak "$bin" build --root "$work" --out "$work/public")"
echo "output, outreach: $(find "$work/public" -name '*.html' | wc -l) HTML files, $(du -sh "$work/public" | cut -f1)"
echo "peak RSS, hugo:     $(peak hugo --quiet --minify --source "$work/hugo")"
echo "output, hugo:     $(find "$work/hugo/public" -name '*.html' | wc -l) HTML files, $(du -sh "$work/hugo/public" | cut -f1)"
