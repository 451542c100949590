#!/usr/bin/env bash
# Makes the browser editors' files that outreach carries, from their npm
# packages: `bash src/editor/vendor/update.sh decap-cms 3.16.3` or
# `... @sveltia/cms 0.221.1`. npm checks each package against the
# registry's integrity hash. Only the files a browser loads are kept,
# with the licence, in a zip (stored) compressed with brotli: the
# editor's archive is read by `src/editor/vendor.rs`, and `.ci/run`
# checks that its files are the package's, byte for byte.
# Then change the version in `src/editor/vendor.rs`.
set -euo pipefail
package=$1
version=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "$package@$version" >/dev/null
tar xzf ./*.tgz
cd package
case "$package" in
  decap-cms)
    name=decap-cms
    files=(dist/decap-cms.js dist/*.decap-cms.js dist/*.wasm dist/decap-cms.js.LICENSE.txt)
    ;;
  @sveltia/cms)
    name=sveltia-cms
    files=(dist/sveltia-cms.js dist/chunks/*.js LICENSE.txt)
    ;;
  *)
    echo "unknown editor package: $package" >&2
    exit 2
    ;;
esac
# Fixed times and order, so the same package makes the same archive.
touch -d 1980-01-01T00:00:00Z "${files[@]}"
printf '%s\n' "${files[@]}" | LC_ALL=C sort | zip -q -X -0 -@ "$work/$name.zip"
rm -f "$here/$name"-*.zip.br
brotli -q 11 -c "$work/$name.zip" > "$here/$name-$version.zip.br"
ls -l "$here/$name-$version.zip.br"
