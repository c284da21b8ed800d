#!/usr/bin/env bash
# Builds `helm` (used by zonectl's Helm renderer tests and the real-cluster diff tests) from its published Go
# module into the tools cache OUTSIDE the repo. Idempotent: a present binary is kept.
#
#   ${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}/helm-<version>/helm
#
# helm has its own module graph, so it is installed with `go install module@version` (not from the tools module).
# helm.sh/helm/v3 v3.22.0 declares `go 1.26.0` and builds with the local go 1.26 toolchain (GOTOOLCHAIN=local).
# Override the version with HELM_VERSION (v4 works too: HELM_MODULE=helm.sh/helm/v4 HELM_VERSION=v4.3.1).
set -euo pipefail
export GOTOOLCHAIN=local GOFLAGS=-trimpath CGO_ENABLED=0

module="${HELM_MODULE:-helm.sh/helm/v3}"
version="${HELM_VERSION:-v3.22.0}"
cache_root="${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}"
out="$cache_root/helm-${version}"
if [ -x "$out/helm" ]; then
  echo "build-helm.sh: helm ${version} up to date in $out"
  exit 0
fi
mkdir -p "$out"
exec 9>"$out/.build.lock"
flock 9
[ -x "$out/helm" ] && { echo "build-helm.sh: built by a concurrent run"; exit 0; }

start=$(date +%s)
echo "build-helm.sh: go $(go env GOVERSION), ${module}@${version} -> $out"
tmp="$(mktemp -d "$out/.gobin.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
# The version stamp makes `helm version` and .Capabilities.HelmVersion truthful.
GOBIN="$tmp" go install -ldflags "-s -w -X helm.sh/helm/${module##*/}/internal/version.version=${version}" "${module}/cmd/helm@${version}"
mv -f "$tmp/helm" "$out/helm"
echo "build-helm.sh: built helm in $(( $(date +%s) - start ))s ($(du -h "$out/helm" | cut -f1))"
