#!/usr/bin/env bash
# The example leaflets read by poppler (pdfinfo, pdffonts, pdftotext,
# pdftoppm) and zbar (zbarimg): a second opinion, from the readers most
# phones, print shops and Linux desktops use, beside the Rust reader that
# `cargo test` uses (tests/leaflets/pdf.rs). `.ci/run` installs the tools
# and runs this on the example site it built:
#
#   bash tests/leaflets/poppler.sh path/to/public
#
# Needs: poppler-utils, zbar-tools (Debian).
set -euo pipefail

public=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1"; failed=$((failed + 1)); }

# Text without direction marks and joiners, on one line. (perl, not sed:
# sed's byte ranges do not match these characters in a UTF-8 locale.)
plain_text() {
  pdftotext -q "$1" - | perl -CSD -pe 's/[\x{200C}\x{200E}\x{200F}\x{202A}-\x{202E}]//g' | tr -s '[:space:]' ' '
}

# Whether the words of $2 appear in $1 in their order: a title set on
# several lines is read interleaved with the card beside it on a sheet.
in_order() {
  perl -CSDA -e 'my ($t, $p) = ($ARGV[0], 0);
    for my $w (split " ", $ARGV[1]) { my $i = index($t, $w, $p); exit 1 if $i < 0; $p = $i + length $w }' "$1" "$2"
}

count=0
for pdf in "$public"/*/*/leaflets/*.pdf; do
  count=$((count + 1))
  rel=${pdf#"$public"/}
  campaign=${rel%%/*}
  rest=${rel#*/}
  lang=${rest%%/*}
  id=$(basename "$pdf" .pdf)

  pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  if [ "$pages" = 2 ]; then ok "$rel has 2 pages"; else fail "$rel has $pages pages"; fi

  # Columns from the right: ... emb sub uni object ID.
  bad_fonts=$(pdffonts "$pdf" 2>/dev/null | tail -n +3 | awk '$(NF-4) != "yes" || $(NF-3) != "yes"')
  if [ -z "$bad_fonts" ] && [ "$(pdffonts "$pdf" 2>/dev/null | tail -n +3 | wc -l)" -gt 0 ]; then
    ok "$rel embeds a subset of every font"
  else
    fail "$rel fonts not embedded or not subset: $bad_fonts"
  fi

  text=$(plain_text "$pdf")
  case "$text" in
    *"+000 00 000 000"*) ok "$rel prints the helpline" ;;
    *) fail "$rel: no helpline in: $text" ;;
  esac
  source="$repo/content/$campaign/$lang/leaflets/$id.md"
  if [ -f "$source" ]; then
    title=$(sed -n 's/^title: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$source" | head -1 | perl -CSD -pe 's/\x{200C}//g')
    if in_order "$text" "$title"; then
      ok "$rel prints its title"
    else
      fail "$rel: no title '$title' in: $text"
    fi
  fi

  # Tagged for screen readers, the cover first and the back (with the
  # web address) last, as the folded leaflet is read. (pdfinfo writes
  # Arabic-script text of the tags letter by letter backwards, so their
  # order is checked by `cargo test` alone.)
  if pdfinfo "$pdf" 2>/dev/null | grep -q '^Tagged: *yes'; then ok "$rel is tagged"; else fail "$rel is not tagged"; fi
  if [ -f "$source" ] && [ "$lang" != ar ] && [ "$lang" != fa ] && [ "$lang" != ps ]; then
    tagged=$(pdfinfo -struct-text "$pdf" 2>/dev/null | grep -o '"[^"]*"' | tr -d '"' | perl -CSD -pe 's/[\x{200C}\x{200E}\x{200F}]//g' | tr -s '[:space:]' ' ')
    first_word=${title%% *}
    if in_order "$tagged" "$first_word example.org/$campaign/$lang"; then
      ok "$rel: tags read from the title to the web address"
    else
      fail "$rel: tags out of reading order: $tagged"
    fi
  fi

  # Every QR code, on either page, opens the page in the same language.
  pdftoppm -q -r 200 -png "$pdf" "$work/page"
  codes=$(zbarimg --raw -q "$work"/page-*.png 2>/dev/null || true)
  rm -f "$work"/page-*.png
  url="https://example.org/$campaign/$lang/"
  if [ -n "$codes" ] && [ -z "$(grep -vxF "$url" <<<"$codes")" ]; then
    ok "$rel: $(wc -l <<<"$codes") QR code(s), all $url"
  else
    fail "$rel: QR codes '$codes', expected $url"
  fi
done
if [ "$count" -ge 22 ]; then ok "$count leaflets read"; else fail "only $count leaflets in $public"; fi

# The cover is the right-hand panel in left-to-right languages, the
# left-hand one in right-to-left languages (pdftotext -bbox writes
# Arabic-script words in visual order).
for check in "safe-work en Safe right" "on-the-move fa ریسم left" "on-the-move ar نامأب left"; do
  read -r campaign lang word side <<<"$check"
  pdf="$public/$campaign/$lang/leaflets/trifold.pdf"
  x=$(pdftotext -q -f 1 -l 1 -bbox "$pdf" - | grep -F ">$word<" | head -1 | sed 's/.*xMin="\([0-9.]*\)".*/\1/')
  if [ -z "$x" ]; then
    fail "$lang trifold: '$word' not on page 1"
  elif [ "$side" = right ] && awk "BEGIN { exit !($x > 561) }"; then
    ok "$lang trifold: cover on the right (title at x = $x)"
  elif [ "$side" = left ] && awk "BEGIN { exit !($x < 281) }"; then
    ok "$lang trifold: cover on the left (title at x = $x)"
  else
    fail "$lang trifold: title at x = $x, expected the $side panel"
  fi
done

# Pictures (issue 15): the on-the-move tri-folds print the road drawing on
# the flap, at least 300 dpi, as one JPEG; the cards have none.
for lang in en ar fa ps; do
  pdf="$public/on-the-move/$lang/leaflets/trifold.pdf"
  images=$(pdfimages -list "$pdf" 2>/dev/null | tail -n +3)
  # Columns: page num type width height color comp bpc enc interp object ID x-ppi y-ppi ...
  if [ "$(wc -l <<<"$images")" = 1 ] && awk '{ exit !($3 == "image" && $9 == "jpeg" && $13 >= 295 && $1 == 1) }' <<<"$images"; then
    ok "$lang trifold: the picture is on page 1 at $(awk '{print $13}' <<<"$images") dpi"
  else
    fail "$lang trifold: pictures: $images"
  fi
  if [ -z "$(pdfimages -list "$public/on-the-move/$lang/leaflets/card.pdf" 2>/dev/null | tail -n +3)" ]; then
    ok "$lang card: no picture"
  else
    fail "$lang card has a picture"
  fi
done

echo "leaflets read by poppler and zbar: $passed passed, $failed failed"
[ "$failed" = 0 ]
