#!/usr/bin/env bash
# Builds the peer tools of test/peers (k9s, stern) from their published Go modules into the tools cache
# OUTSIDE the repo, one module graph each (`go install <pkg>@<version>`: the tool's own go.mod and go.sum
# pin its dependencies, nothing mixes with test/cluster/tools). Idempotent: a present binary is kept.
#
#   ${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}/<name>-<version>/<name>
#
# Versions are in VERSIONS beside this file. `build.sh k9s` builds one tool only.
set -euo pipefail
export GOTOOLCHAIN=local GOFLAGS=-trimpath CGO_ENABLED=0

main() {
  here="$(cd "$(dirname "$0")" && pwd)"
  cache_root="${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}"
  while read -r name module pkg version; do
    case "$name" in '' | '#'*) continue ;; esac
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* ]]; then continue; fi
    build_one "$name" "$module" "$pkg" "$version"
  done <"$here/VERSIONS"
}

build_one() {
  local name="$1" module="$2" pkg="$3" version="$4"
  local out="$cache_root/$name-$version"
  if [ -x "$out/$name" ]; then
    echo "peers/build.sh: $name $version up to date in $out (0s)"
    return 0
  fi
  mkdir -p "$out"
  exec 9>"$out/.build.lock"
  flock 9
  if [ ! -x "$out/$name" ]; then
    local t0 tmp ldflags
    t0=$(date +%s)
    echo "peers/build.sh: go $(go env GOVERSION), ${pkg}@${version} -> $out ..."
    tmp="$(mktemp -d "$out/.gobin.XXXXXX")"
    # Version stamps, so `k9s version` / `stern --version` tell the truth.
    case "$name" in
      k9s) ldflags="-s -w -X ${module}/cmd.version=${version#v} -X ${module}/cmd.commit=module-proxy" ;;
      stern) ldflags="-s -w -X ${module}/cmd.version=${version#v} -X ${module}/cmd.commit=module-proxy" ;;
      *) ldflags="-s -w" ;;
    esac
    # Outside any module directory, so no go.mod of this repository applies.
    (cd "$out" && GOBIN="$tmp" go install -ldflags "$ldflags" "${pkg}@${version}")
    mv -f "$tmp/$(basename "$pkg")" "$out/$name"
    rm -rf "$tmp"
    echo "peers/build.sh: built $name in $(( $(date +%s) - t0 ))s ($(du -h "$out/$name" | cut -f1))"
  fi
  exec 9>&-
}

main "$@"
