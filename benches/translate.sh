#!/usr/bin/env bash
# Times `outreach translate export` and `import` on the generated corpus,
# beside a full `outreach build` of the same corpus in the same run, and
# reports wall time (hyperfine) and peak memory (GNU time).
#
# Usage: [BENCH_TMP=/dev/shm] [RUNS=5] benches/translate.sh [PAGES]
#   PAGES per language, default 1000: 8 languages x 1001 pages.
# Needs: python3, hyperfine and GNU time (Debian: apt-get install hyperfine time).
# The corpus generator is ../shared/bench/gen_corpus.py (or $GEN_CORPUS).
set -euo pipefail
pages=${1:-1000}
repo=$(cd "$(dirname "$0")/.." && pwd)
gen=${GEN_CORPUS:-$repo/../shared/bench/gen_corpus.py}
work=$(mktemp -d -p "${BENCH_TMP:-/tmp}")
trap 'rm -rf "$work"' EXIT

python3 "$gen" "$work" --pages "$pages"
echo "corpus: $(find "$work/content" -name '*.md' | wc -l) pages, $(du -sh "$work/content" | cut -f1) of Markdown"
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin="$repo/target/release/outreach"

# The corpus's translations are stamped, as a project's are after
# translating: their texts are then "translated", not "to check", and an
# import checks every one. The default language is the corpus's first.
default=$(sed -n 's/^default_language: *//p' "$work/campaigns/bench.yaml")
find "$work/content" -name '*.md' ! -path "*/$default/*" -print0 |
  xargs -0 "$bin" stamp --root "$work" >/dev/null
# One export first, so that the import has files to read and the exports
# timed below merge with a previous file, as they do after the first.
"$bin" translate export --root "$work"
files=$(find "$work/translations" -name '*.po' | sort)
echo "exchange files: $(echo "$files" | wc -l), $(du -ch $files | tail -1 | cut -f1), $(grep -h -c '^msgid' $files | paste -sd+ | bc) entries"

# The import reads, checks and rebuilds every translated page; with no
# change in the files it writes none, so each run does the same work.
hyperfine --warmup 1 --runs "${RUNS:-5}" \
  --prepare "rm -rf '$work/public'" \
  -n build "'$bin' build --root '$work' --out '$work/public'" \
  -n export "'$bin' translate export --root '$work'" \
  -n import "'$bin' translate import --root '$work' $(echo $files | tr '\n' ' ')"

peak() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.0f MB\n", $2/1024}'
}
rm -rf "$work/public"
echo "peak RSS, build:  $(peak "$bin" build --root "$work" --out "$work/public")"
echo "peak RSS, export: $(peak "$bin" translate export --root "$work")"
# shellcheck disable=SC2086
echo "peak RSS, import: $(peak "$bin" translate import --root "$work" $files)"
