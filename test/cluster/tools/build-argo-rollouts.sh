#!/usr/bin/env bash
# Builds the Argo Rollouts controller (`rollouts-controller`) and its kubectl plugin (`kubectl-argo-rollouts`)
# from the published module github.com/argoproj/argo-rollouts, through the tools module in argo-rollouts/
# (which copies the module's replace directives: `go install ...@version` refuses a module with replaces),
# into the tools cache OUTSIDE the repo. Idempotent: present binaries are kept.
#
#   ${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}/argo-rollouts-<version>/{rollouts-controller,kubectl-argo-rollouts}
#
# v1.10.1 is the newest release whose go.mod (go 1.26.1) the local Go 1.26 toolchain accepts (GOTOOLCHAIN=local);
# v1.10.2 and v1.9.3 ask for go 1.26.10. The upstream CRDs come from the same module's manifests/crds.
set -euo pipefail

main() {
  export GOTOOLCHAIN=local GOFLAGS=-trimpath CGO_ENABLED=0
  here="$(cd "$(dirname "$0")/argo-rollouts" && pwd)"
  cd "$here"
  version="$(go list -m -f '{{.Version}}' github.com/argoproj/argo-rollouts)"
  [ -n "$version" ] || { echo "build-argo-rollouts.sh: cannot read the version from go.mod" >&2; exit 1; }
  out="${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}/argo-rollouts-${version}"
  mkdir -p "$out"
  exec 9>"$out/.build.lock"
  flock 9
  local t0 name
  for name in rollouts-controller kubectl-argo-rollouts; do
    if [ -x "$out/$name" ]; then
      echo "build-argo-rollouts.sh: $name ${version} up to date in $out (0s)"
      continue
    fi
    t0=$(date +%s)
    echo "build-argo-rollouts.sh: go $(go env GOVERSION), building $name ${version} -> $out ..."
    go build -ldflags "-s -w -X github.com/argoproj/argo-rollouts/utils/version.version=${version#v}" \
      -o "$out/.$name.tmp" "github.com/argoproj/argo-rollouts/cmd/$name"
    mv -f "$out/.$name.tmp" "$out/$name"
    echo "build-argo-rollouts.sh: built $name in $(( $(date +%s) - t0 ))s ($(du -h "$out/$name" | cut -f1))"
  done
  # The upstream CRDs of this version, for the tests to install.
  if [ ! -s "$out/crds.yaml" ]; then
    dir="$(go list -m -f '{{.Dir}}' github.com/argoproj/argo-rollouts)"
    : >"$out/.crds.tmp"
    for f in "$dir"/manifests/crds/*-crd.yaml; do printf -- '---\n' >>"$out/.crds.tmp"; cat "$f" >>"$out/.crds.tmp"; done
    mv -f "$out/.crds.tmp" "$out/crds.yaml"
  fi
  exec 9>&-
}

main "$@"
