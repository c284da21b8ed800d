#!/usr/bin/env bash
# Builds `kubectl` (its built-in kustomize renders kustomize apps in zonectl's renderer tests) from the tools
# module beside this file (same Kubernetes version as kube-apiserver), into the tools cache OUTSIDE the repo.
# Idempotent: a present binary is kept. Does not modify go.mod / go.sum here: kubectl needs a few modules the
# tools module does not list (cli-runtime, kustomize, ...), so the build runs in a scratch copy of go.mod/go.sum
# under the cache dir with -mod=mod (same Kubernetes version and replace block).
#
#   ${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}/kubectl-<k8s version>/kubectl
set -euo pipefail
export GOTOOLCHAIN=local GOFLAGS=-trimpath CGO_ENABLED=0

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
k8s_version="$(go list -m -f '{{.Version}}' k8s.io/kubernetes)"
[ -n "$k8s_version" ] || { echo "build-kubectl.sh: cannot read the Kubernetes version from go.mod" >&2; exit 1; }
k8s_minor="${k8s_version#v1.}"; k8s_minor="${k8s_minor%%.*}"

cache_root="${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}"
out="$cache_root/kubectl-${k8s_version}"
if [ -x "$out/kubectl" ]; then
  echo "build-kubectl.sh: kubectl ${k8s_version} up to date in $out"
  exit 0
fi
mkdir -p "$out"
exec 9>"$out/.build.lock"
flock 9
[ -x "$out/kubectl" ] && { echo "build-kubectl.sh: built by a concurrent run"; exit 0; }

start=$(date +%s)
echo "build-kubectl.sh: go $(go env GOVERSION), kubectl ${k8s_version} -> $out"
ldflags="-s -w \
 -X k8s.io/component-base/version.gitVersion=${k8s_version} \
 -X k8s.io/component-base/version.gitMajor=1 \
 -X k8s.io/component-base/version.gitMinor=${k8s_minor} \
 -X k8s.io/component-base/version.gitTreeState=clean \
 -X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z \
 -X k8s.io/client-go/pkg/version.gitVersion=${k8s_version} \
 -X k8s.io/client-go/pkg/version.gitMajor=1 \
 -X k8s.io/client-go/pkg/version.gitMinor=${k8s_minor}"
mod="$out/.module"
rm -rf "$mod"; mkdir -p "$mod"
cp "$here/go.mod" "$here/go.sum" "$mod/"

(cd "$mod" && go build -mod=mod -ldflags "$ldflags" -o "$out/.kubectl.tmp" k8s.io/kubernetes/cmd/kubectl)
rm -rf "$mod"
mv -f "$out/.kubectl.tmp" "$out/kubectl"
echo "build-kubectl.sh: built kubectl in $(( $(date +%s) - start ))s ($(du -h "$out/kubectl" | cut -f1))"
