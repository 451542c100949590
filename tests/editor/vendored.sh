#!/usr/bin/env bash
# The editors' files that outreach carries are their npm packages' files,
# byte for byte: `outreach new` writes each editor into a new project, and
# every file is compared with the package npm downloads (npm checks the
# package against the registry's integrity hash).
#   bash tests/editor/vendored.sh target/debug/outreach
set -euo pipefail
outreach=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
for cms in decap sveltia; do
  "$outreach" new "project-$cms" --cms "$cms" >/dev/null
  folder=$(ls -d "project-$cms"/admin/*-cms-*/)
  name=$(basename "$folder")
  version=${name##*-}
  case "$cms" in
    decap) package=decap-cms ;;
    sveltia) package=@sveltia/cms ;;
  esac
  mkdir -p "npm-$cms"
  (cd "npm-$cms" && npm pack --silent "$package@$version" >/dev/null && tar xzf ./*.tgz)
  count=0
  while IFS= read -r -d '' file; do
    relative=${file#"$folder"}
    from="npm-$cms/package/dist/$relative"
    [ -f "$from" ] || from="npm-$cms/package/$relative"
    if ! cmp -s "$file" "$from"; then
      echo "$name/$relative differs from npm's $package@$version" >&2
      exit 1
    fi
    count=$((count + 1))
  done < <(find "$folder" -type f -print0)
  grep -q "src=\"$name/" "project-$cms/admin/index.html"
  echo "$package@$version: $count files, identical to npm's package"
done
