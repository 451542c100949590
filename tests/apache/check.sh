#!/usr/bin/env bash
# The generated .htaccess on a real Apache (Debian's apache2, with the
# modules shared hosting has: mod_rewrite, mod_headers), the way an NGO
# uploads a campaign into a sub-folder by FTP. Checks language
# negotiation, safety headers, cache lifetimes, precompressed copies and
# the 404 page.
#
# Usage: tests/apache/check.sh <public dir built with --precompress>
# Needs: apache2, curl, brotli (Debian packages of the same names).
# The examples' base_url is https://example.org/<campaign>/, so each
# campaign is served at /<campaign>/ as it would be there.
set -euo pipefail
public=$(cd "$1" && pwd)
work=$(mktemp -d)
chmod 755 "$work"
mkdir -p "$work/www"
cp -r "$public"/on-the-move "$public"/safe-work "$work/www/"
chmod -R a+rX "$work/www"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
modules=/usr/lib/apache2/modules
cat > "$work/httpd.conf" <<CONF
ServerName localhost
Listen 127.0.0.1:$port
PidFile $work/httpd.pid
ErrorLog $work/error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_event_module $modules/mod_mpm_event.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule dir_module $modules/mod_dir.so
LoadModule mime_module $modules/mod_mime.so
LoadModule rewrite_module $modules/mod_rewrite.so
LoadModule headers_module $modules/mod_headers.so
TypesConfig /etc/mime.types
DocumentRoot $work/www
DirectoryIndex index.html
<Directory $work/www>
  AllowOverride All
  Require all granted
</Directory>
CONF
apache2 -f "$work/httpd.conf" -k start
trap 'apache2 -f "$work/httpd.conf" -k stop 2>/dev/null || true; sleep 0.5; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -fs "$base/safe-work/index.html" >/dev/null 2>&1 && break; sleep 0.1; done

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# header NAME: the value of a response header in $headers.
header() { printf '%s' "$headers" | tr -d '\r' | awk -v IGNORECASE=1 -v n="$1" -F': ' 'tolower($1) == tolower(n) { print $2 }'; }

# Language negotiation: the browser's first language decides.
headers=$(curl -s -o /dev/null -D - -H 'Accept-Language: sq,en;q=0.5' "$base/safe-work/")
[[ "$(header Location)" == */safe-work/sq/index.html ]] || fail "sq → $(header Location)"
headers=$(curl -s -o /dev/null -D - -H 'Accept-Language: sr-Latn-RS,sr;q=0.8' "$base/safe-work/")
[[ "$(header Location)" == */safe-work/sr-Latn/index.html ]] || fail "sr-Latn → $(header Location)"
headers=$(curl -s -o /dev/null -D - -H 'Accept-Language: fa-IR' "$base/on-the-move/")
[[ "$(header Location)" == */on-the-move/fa/index.html ]] || fail "fa → $(header Location)"

# Safety headers and a short cache lifetime on pages.
headers=$(curl -s -o /dev/null -D - "$base/safe-work/en/index.html")
[[ "$(header Content-Security-Policy)" == *"frame-ancestors 'none'"* ]] || fail "no CSP header"
[[ "$(header Referrer-Policy)" == "no-referrer" ]] || fail "no Referrer-Policy"
[[ "$(header Cache-Control)" == "no-cache" ]] || fail "page Cache-Control: $(header Cache-Control)"

# A year for content-hashed files.
css=$(cd "$work/www/safe-work/static" && ls style.*.css | grep -v '\.gz$\|\.br$')
headers=$(curl -s -o /dev/null -D - "$base/safe-work/static/$css")
[[ "$(header Cache-Control)" == *"max-age=31536000, immutable"* ]] || fail "css Cache-Control: $(header Cache-Control)"
# Every picture: sizes, share cards, drawings (logos).
for picture in $(cd "$work/www/safe-work/images" && ls | grep -v '\.gz$\|\.br$'); do
  headers=$(curl -s -o /dev/null -D - "$base/safe-work/images/$picture")
  [[ "$(header Cache-Control)" == *"immutable"* ]] || fail "picture $picture Cache-Control: $(header Cache-Control)"
done

# Precompressed copies, to browsers that take them, decompressing to the page.
for encoding in br gzip; do
  headers=$(curl -s -o "$work/body" -D - -H "Accept-Encoding: $encoding" "$base/safe-work/mk/index.html")
  [[ "$(header Content-Encoding)" == "$encoding" ]] || fail "$encoding: Content-Encoding $(header Content-Encoding)"
  [[ "$(header Content-Type)" == text/html* ]] || fail "$encoding: Content-Type $(header Content-Type)"
  if [ "$encoding" = gzip ]; then
    gunzip -c "$work/body" | cmp -s - "$work/www/safe-work/mk/index.html" || fail "gzip body differs"
  else
    brotli -d -c "$work/body" | cmp -s - "$work/www/safe-work/mk/index.html" || fail "br body differs"
  fi
done
headers=$(curl -s -o "$work/body" -D - -H "Accept-Encoding: br" "$base/safe-work/static/$css")
[[ "$(header Content-Type)" == text/css* ]] || fail "css.br Content-Type $(header Content-Type)"
headers=$(curl -s -o "$work/body" -D - "$base/safe-work/en/index.html")
[ -z "$(header Content-Encoding)" ] || fail "sent compressed to a browser that did not ask"
cmp -s "$work/body" "$work/www/safe-work/en/index.html" || fail "plain page differs"

# Recordings (pages' `audio:`): the examples have none, so made-up files
# under published names: their types, a year of caching, and parts of
# them (browsers ask for a part of a recording to seek in it).
mkdir -p "$work/www/safe-work/audio"
for ext in mp3 opus ogg m4a; do
  head -c 4096 /dev/zero > "$work/www/safe-work/audio/0123456789.$ext"
done
chmod -R a+rX "$work/www/safe-work/audio"
for pair in mp3:audio/mpeg opus:audio/ogg ogg:audio/ogg m4a:audio/mp4; do
  ext=${pair%%:*}
  headers=$(curl -s -o /dev/null -D - "$base/safe-work/audio/0123456789.$ext")
  [[ "$(header Content-Type)" == "${pair#*:}" ]] || fail "$ext Content-Type: $(header Content-Type)"
  [[ "$(header Cache-Control)" == *"max-age=31536000, immutable"* ]] || fail "$ext Cache-Control: $(header Cache-Control)"
done
status=$(curl -s -o "$work/body" -w '%{http_code}' -r 100-199 "$base/safe-work/audio/0123456789.opus")
[ "$status" = 206 ] && [ "$(stat -c %s "$work/body")" = 100 ] || fail "a part of a recording: $status"

# The campaign's own 404 page.
status=$(curl -s -o "$work/body" -w '%{http_code}' "$base/safe-work/no/such/page.html")
[ "$status" = 404 ] || fail "404 status $status"
grep -q 'noindex' "$work/body" || fail "404 body is not the campaign's page"

if [ "$failures" -gt 0 ]; then
  cat "$work/error.log"
  exit 1
fi
echo "Apache: language negotiation, headers, cache lifetimes, precompressed copies, recordings and 404 all work"
