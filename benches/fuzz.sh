#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ (issue 13) one after the other, each
# for a fixed time, and sums up per target: executions, executions per
# second, time run and crashes found (files in fuzz/artifacts/<target>/).
# Empty corpora are first seeded from the example campaigns (campaigns/,
# content/). libFuzzer stops at the first crash: the target is then run
# again for the time left, up to MAX_CRASHES times.
#
# Kept out of .ci/run: it needs nightly Rust, cargo-fuzz and its own
# sanitizer build of every dependency, and it takes as long as it is given.
#
# Usage: bash benches/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET defaults to 1200; TARGETs default to all of them.
#   NICE=19 (the default) keeps the machine usable; MAX_CRASHES=5.
# Needs: rustup toolchain install nightly; cargo install cargo-fuzz
# A crash is replayed with `cargo +nightly fuzz run <target> <file>` and
# minimised with `cargo +nightly fuzz tmin <target> <file>`.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-1200}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(page_html leaflet_markup campaign_yaml links serve_paths)
fi
nice=${NICE:-19}
max_crashes=${MAX_CRASHES:-5}
logs=fuzz/artifacts/logs
mkdir -p "$logs"

# One seed file per example (and per option byte worth trying: see each
# target's header). Names are the paths, flattened.
seed() {
  local target=$1 dir=fuzz/corpus/$1 f name lang
  mkdir -p "$dir"
  case $target in
    page_html | leaflet_markup)
      for f in content/*/*/*.md content/*/*/leaflets/*.md; do
        name=$(echo "${f#content/}" | tr / _)
        cp "$f" "$dir/$name"
        lang=$(echo "${f#content/}" | cut -d/ -f2)
        case $lang in
          sr)
            { printf '\002'; cat "$f"; } >"$dir/$name.cyrillic"
            { printf '\004'; cat "$f"; } >"$dir/$name.latin"
            ;;
          ar | fa | ps)
            { printf '\006'; cat "$f"; } >"$dir/$name.rtl"
            { printf '\007'; cat "$f"; } >"$dir/$name.rtl-options"
            ;;
          *) { printf '\001'; cat "$f"; } >"$dir/$name.options" ;;
        esac
      done
      ;;
    campaign_yaml)
      for f in campaigns/*.yaml src/starter/campaigns/*.yaml; do
        [ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr / _)"
      done
      ;;
    links)
      # Per campaign and language: the English pages and that language's,
      # as `en`, or as `sr` (Serbian) or `ar` (any other).
      local campaign pages other options
      for campaign in content/*/; do
        campaign=$(basename "$campaign")
        for lang in content/"$campaign"/*/; do
          lang=$(basename "$lang")
          [ "$lang" = images ] || [ "$lang" = en ] && continue
          other=ar
          [ "$lang" = sr ] && other=sr
          for options in 0 1 2; do
            {
              [ "$options" = 0 ] || printf "\\00$options"
              for f in content/"$campaign"/en/*.md; do
                printf 'en/%s\n' "$(basename "$f" .md)"
                cat "$f"
                printf '\0'
              done
              for f in content/"$campaign/$lang"/*.md; do
                printf '%s/%s\n' "$other" "$(basename "$f" .md)"
                cat "$f"
                printf '\0'
              done
            } >"$dir/$campaign-$lang-$options"
          done
        done
      done
      ;;
    serve_paths)
      local i=0 url
      for f in content/*/*/*.md; do
        f=${f#content/}
        f=${f%.md}
        for url in "/$f.html" "/$f.html?v=1#top" "/${f%/*}/" "/${f%/*}"; do
          i=$((i + 1))
          printf '\001%s' "$url" >"$dir/url-$i"
        done
      done
      for url in / /index.html /safe-work/sq/leaflets/card%2Epdf /safe-work/static/style.css \
        /safe-work/../index.html /%2e%2e/etc/passwd //example.org/ '/a\b'; do
        i=$((i + 1))
        printf '\001%s' "$url" >"$dir/url-$i"
        i=$((i + 1))
        printf '\002%s' "$url" >"$dir/url-$i"
      done
      ;;
  esac
}

# The number of runs libFuzzer reported in a log (0 when it never started).
executions() {
  local n
  n=$(grep -ao 'stat::number_of_executed_units: [0-9]*' "$1" | tail -1 | awk '{print $2}')
  [ -z "$n" ] && n=$(grep -ao '^#[0-9]*' "$1" | tail -1 | tr -d '#')
  echo "${n:-0}"
}

# Inputs libFuzzer kept for a target: crashes, hangs, memory blow-ups.
found() {
  find "fuzz/artifacts/$1" -maxdepth 1 -type f \
    \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l
}

nice -n "$nice" cargo +nightly fuzz build

summary=()
for t in "${targets[@]}"; do
  if [ -z "$(ls -A "fuzz/corpus/$t" 2>/dev/null)" ]; then
    seed "$t"
    echo "== $t: seeded $(ls "fuzz/corpus/$t" | wc -l) inputs"
  fi
  mkdir -p "fuzz/artifacts/$t"
  crashes_before=$(found "$t")
  total=0 spent=0 runs=0
  : >"$logs/$t.log"
  while [ "$spent" -lt "$seconds" ] && [ "$runs" -le "$max_crashes" ]; do
    runs=$((runs + 1))
    left=$((seconds - spent))
    echo "== $t: run $runs, ${left}s"
    start=$(date +%s)
    status=0
    nice -n "$nice" cargo +nightly fuzz run "$t" -- \
      -max_total_time="$left" -timeout=30 -print_final_stats=1 \
      >"$logs/$t.$runs.log" 2>&1 || status=$?
    spent=$((spent + $(date +%s) - start))
    total=$((total + $(executions "$logs/$t.$runs.log")))
    cat "$logs/$t.$runs.log" >>"$logs/$t.log"
    if [ "$status" -eq 0 ]; then
      break
    fi
    echo "== $t: stopped (exit $status); see $logs/$t.$runs.log"
    grep -a -m1 -A2 "panicked at" "$logs/$t.$runs.log" || tail -5 "$logs/$t.$runs.log"
    # A crash on start (or a broken build) would only repeat.
    grep -aq '^#[0-9]*.*INITED' "$logs/$t.$runs.log" || break
  done
  crashes=$(($(found "$t") - crashes_before))
  rate=$((spent > 0 ? total / spent : 0))
  summary+=("$(printf '%-16s %12s executions %8s/s %6ss  crashes: %s' \
    "$t" "$total" "$rate" "$spent" \
    "$([ "$crashes" -gt 0 ] && echo "$crashes new in fuzz/artifacts/$t/" || echo none)")")
done

echo
echo "== summary ($seconds s per target)"
printf '%s\n' "${summary[@]}"
