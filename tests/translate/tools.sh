#!/usr/bin/env bash
# The translation exchange files, read by the translators' own tools:
# gettext (msgfmt, msgmerge), translate-toolkit (pofilter, po2xliff,
# xliff2po, po2tmx), xmllint against the OASIS XLIFF 1.2 schema, and
# OmegaT translating an example campaign from a translation memory.
# `.ci/run` installs the tools and runs this with the outreach binary:
#
#   bash tests/translate/tools.sh target/debug/outreach
#
# Needs: gettext, libxml2-utils, omegat (Debian); translate-toolkit (PyPI,
# its commands on PATH); the schema folder in $XLIFF_SCHEMA_DIR holding
# xliff-core-1.2-strict.xsd and xml.xsd.
set -euo pipefail

bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1"; failed=$((failed + 1)); }

project="$work/project"
mkdir -p "$project"
cp -r "$repo/campaigns" "$repo/content" "$project/"
cd "$project"
"$bin" translate export >/dev/null
"$bin" translate export --format xliff >/dev/null

# 1. gettext reads every file without a warning (a template's header is
#    meant to be filled in, so it is checked without the header).
for f in translations/*/*.pot; do
  if msgfmt --check-format --check-domain -o /dev/null "$f"; then
    ok "msgfmt reads $f"
  else
    fail "msgfmt $f"
  fi
done
for f in translations/*/*.po; do
  if out=$(msgfmt --check -o /dev/null "$f" 2>&1) && [ -z "$out" ]; then
    ok "msgfmt --check $f"
  else
    fail "msgfmt --check $f: $out"
  fi
done

# 2. msgmerge of the old file with the new template marks the same texts
#    fuzzy, with the same suggestions, as outreach's own export.
cp translations/safe-work/sq.po "$work/old-sq.po"
page=content/safe-work/en/get-help.md
sed -i 's/should listen to you calmly/should listen to you patiently and calmly/' "$page"
sed -i 's/^## :info: What happens when you call$/## :info: What happens when you call us/' "$page"
"$bin" translate export --campaign safe-work --lang sq >/dev/null
msgmerge --quiet --no-wrap --previous "$work/old-sq.po" translations/safe-work/safe-work.pot -o "$work/msgmerge-sq.po"
fuzzy() { msgattrib --only-fuzzy --no-obsolete --no-wrap --sort-output "$1" | grep -E '^(msgctxt|msgid|msgstr|")' ; }
fuzzy "$work/msgmerge-sq.po" >"$work/fuzzy-msgmerge.txt"
fuzzy translations/safe-work/sq.po >"$work/fuzzy-outreach.txt"
count=$(grep -c '^msgid' "$work/fuzzy-outreach.txt" || true)
if [ "$count" -ge 3 ] && diff -u "$work/fuzzy-msgmerge.txt" "$work/fuzzy-outreach.txt"; then
  ok "msgmerge and outreach mark the same $((count - 1)) texts fuzzy"
else
  fail "msgmerge and outreach differ on fuzzy entries ($count)"
fi
git_restore() { cp "$repo/$page" "$page"; "$bin" translate export --campaign safe-work --lang sq >/dev/null; }
git_restore

# 3. translate-toolkit: pofilter finds nothing in the example translations
#    (with the tests that only make noise on Markdown left out), and the
#    converters read the files.
venv_ok=1
command -v pofilter >/dev/null || venv_ok=0
if [ "$venv_ok" = 1 ]; then
  excludes=()
  for t in untranslated isfuzzy isreview hassuggestion spellcheck unchanged startpunc endpunc \
    startcaps simplecaps acronyms doublequoting singlequoting puncspacing sentencecount \
    long short doublewords brackets validchars escapes newlines variables accelerators \
    compendiumconflicts filepaths options; do
    excludes+=("--excludefilter=$t")
  done
  for f in translations/*/*.po; do
    extra=()
    # Arabic, Persian and Pashto texts may write numbers in their own digits.
    case "$f" in */ar.po | */fa.po | */ps.po) extra=(--excludefilter=numbers) ;; esac
    out=$(pofilter --progress=none "${excludes[@]}" "${extra[@]}" "$f" "$work/pofilter.po" 2>&1 || true)
    if [ -z "$out" ] && [ ! -s "$work/pofilter.po" ]; then
      ok "pofilter $f"
    else
      fail "pofilter $f: $out $(cat "$work/pofilter.po" 2>/dev/null | head -40)"
    fi
    rm -f "$work/pofilter.po"
  done
  if po2xliff translations/safe-work/sq.po "$work/sq-tt.xlf" >/dev/null 2>&1 && [ -s "$work/sq-tt.xlf" ]; then
    ok "po2xliff reads the PO file"
  else
    fail "po2xliff"
  fi
  if xliff2po translations/safe-work/sq.xlf "$work/sq-tt.po" >/dev/null 2>&1 &&
    msgfmt --check -o /dev/null "$work/sq-tt.po" &&
    [ "$(grep -c '^msgid' "$work/sq-tt.po")" -gt 50 ]; then
    ok "xliff2po reads the XLIFF file"
  else
    fail "xliff2po"
  fi
else
  fail "translate-toolkit is not installed"
fi

# 4. Every XLIFF file is valid XLIFF 1.2 (strict schema, offline).
schema="$work/schema"
mkdir -p "$schema"
cp "$XLIFF_SCHEMA_DIR/xliff-core-1.2-strict.xsd" "$XLIFF_SCHEMA_DIR/xml.xsd" "$here/xml-catalog.xml" "$schema/"
for f in translations/*/*.xlf; do
  if out=$(XML_CATALOG_FILES="$schema/xml-catalog.xml" xmllint --nonet --noout \
    --schema "$schema/xliff-core-1.2-strict.xsd" "$f" 2>&1); then
    ok "xmllint --schema $f"
  else
    fail "xmllint --schema $f: $out"
  fi
done
# The check can fail: a file with a made-up element is refused.
sed 's|<body>|<body><bogus/>|' translations/safe-work/sq.xlf >"$work/bad.xlf"
if XML_CATALOG_FILES="$schema/xml-catalog.xml" xmllint --nonet --noout \
  --schema "$schema/xliff-core-1.2-strict.xsd" "$work/bad.xlf" >/dev/null 2>&1; then
  fail "xmllint accepted an invalid file"
else
  ok "xmllint refuses an invalid XLIFF file"
fi

# 5. OmegaT translates a campaign's exported files from a translation
#    memory made from the example translations; outreach imports its
#    output and the campaign builds, with the same pages as before.
if command -v omegat >/dev/null || [ -f /usr/share/omegat/OmegaT.jar ]; then
  for lang in sq fa; do
    campaign=safe-work
    [ "$lang" = fa ] && campaign=on-the-move
    proj="$work/omegat-$lang"
    mkdir -p "$proj"/{source,target,tm/auto,glossary,dictionary,omegat}
    sed "s|<target_lang>sq</target_lang>|<target_lang>$lang</target_lang>|" "$here/omegat.project" >"$proj/omegat.project"
    # The memory: every translated text of the exported file.
    po2tmx -l "$lang" "translations/$campaign/$lang.po" "$proj/tm/auto/memory.tmx" >/dev/null 2>&1
    # The file to translate: the same texts with no translations.
    msgfilter --keep-header -i "translations/$campaign/$lang.po" -o "$proj/source/$lang.po" sed -e d 2>/dev/null
    before=$(find content -type f -path "content/$campaign/$lang/*" -exec sha256sum {} + | sort)
    java -jar /usr/share/omegat/OmegaT.jar "$proj" --mode=console-translate \
      --config-dir="$work/omegat-config" --quiet >"$work/omegat-$lang.log" 2>&1 || true
    if [ ! -s "$proj/target/$lang.po" ]; then
      fail "OmegaT wrote no $lang.po: $(tail -5 "$work/omegat-$lang.log")"
      continue
    fi
    filled=$(msgattrib --translated --no-obsolete "$proj/target/$lang.po" | grep -c '^msgid' || true)
    cp "$proj/target/$lang.po" "$work/omegat-out-$lang.po"
    mkdir -p "$work/returned/$campaign"
    cp "$proj/target/$lang.po" "$work/returned/$campaign/$lang.po"
    if "$bin" translate import "$work/returned/$campaign/$lang.po" >"$work/import-$lang.log" 2>&1; then
      after=$(find content -type f -path "content/$campaign/$lang/*" -exec sha256sum {} + | sort)
      if [ "$before" = "$after" ]; then
        ok "OmegaT filled $((filled - 1)) $lang texts from memory; the import left every $lang page as it was"
      else
        fail "after OmegaT, $lang pages changed: $(diff <(echo "$before") <(echo "$after") | head)"
      fi
    else
      fail "import of OmegaT's $lang.po: $(cat "$work/import-$lang.log" | head -40)"
    fi
  done
  if "$bin" build --out "$work/public" >"$work/build.log" 2>&1; then
    ok "the campaigns build after OmegaT's translations were imported"
  else
    fail "build after import: $(tail -20 "$work/build.log")"
  fi
else
  fail "OmegaT is not installed"
fi

echo "translation tools: $passed passed, $failed failed"
[ "$failed" = 0 ]
