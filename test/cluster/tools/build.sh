#!/usr/bin/env bash
# Builds the binaries of the real-cluster test tier (test/cluster) from the tools module beside this file,
# into a cache directory OUTSIDE the repo, and skips every binary that is already there (idempotent).
#
#   ${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}/k8s-<k8s version>-etcd-<etcd version>/<binary>
#
# Versions are read from go.mod, so the directory name changes (and a rebuild happens) when go.mod is bumped.
# Binaries: kube-apiserver, kube-controller-manager, kube-scheduler and etcd. To add one: add a `tool`
# line to go.mod (`go get -tool k8s.io/kubernetes/cmd/kube-proxy`) and a line to TARGETS below; existing
# binaries are kept and only the new one is built. The harness (test/cluster/harness.ts) computes the same dir.
#
# kwok (the fake kubelet that makes scheduled pods Running and serves pods/log) is built in its OWN module graph
# (`go install sigs.k8s.io/kwok/cmd/kwok@<version>`, never added to this tools module, so MVS cannot move the
# Kubernetes dependencies), at the version in kwok/VERSION, into
#
#   ${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}/kwok-<kwok version>/kwok
#
# Go build cache and module cache stay at their defaults (outside the repo). A cold build of kube-apiserver
# takes many minutes on 2 cores; a warm run (binaries present) takes well under a second.
set -euo pipefail

# Everything runs inside main(), so bash has parsed the whole script before it starts a long build.
main() {
  export GOTOOLCHAIN=local GOFLAGS=-trimpath CGO_ENABLED=0

  here="$(cd "$(dirname "$0")" && pwd)"
  cd "$here"

  k8s_version="$(go list -m -f '{{.Version}}' k8s.io/kubernetes)"
  etcd_version="$(go list -m -f '{{.Version}}' go.etcd.io/etcd/server/v3)"
  [ -n "$k8s_version" ] && [ -n "$etcd_version" ] || { echo "build.sh: cannot read versions from go.mod" >&2; exit 1; }
  k8s_minor="${k8s_version#v1.}"; k8s_minor="${k8s_minor%%.*}"

  cache_root="${ZONECTL_TOOLS_CACHE:-$HOME/.cache/zonectl-tools}"
  out="$cache_root/k8s-${k8s_version}-etcd-${etcd_version}"
  mkdir -p "$out"

  # name|package|kind (k8s = stamped with the Kubernetes version)
  TARGETS=(
    "etcd|go.etcd.io/etcd/server/v3|plain"
    "kube-apiserver|k8s.io/kubernetes/cmd/kube-apiserver|k8s"
    "kube-controller-manager|k8s.io/kubernetes/cmd/kube-controller-manager|k8s"
    "kube-scheduler|k8s.io/kubernetes/cmd/kube-scheduler|k8s"
  )
  kwok_version="$(tr -d ' \n' < "$here/kwok/VERSION")"
  kwok_out="$cache_root/kwok-${kwok_version}"

  missing=()
  for t in "${TARGETS[@]}"; do
    name="${t%%|*}"
    [ -x "$out/$name" ] || missing+=("$t")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    echo "build.sh: binaries up to date in $out (0s)"
    build_kwok
    return 0
  fi

  # One build at a time per cache dir (several checkouts may share the cache).
  exec 9>"$out/.build.lock"
  flock 9

  start=$(date +%s)
  echo "build.sh: go $(go env GOVERSION), k8s ${k8s_version}, etcd ${etcd_version} -> $out"
  t0=$(date +%s)
  go mod download
  echo "build.sh: modules ready in $(( $(date +%s) - t0 ))s ($(go env GOMODCACHE))"
  k8s_ldflags="-s -w \
   -X k8s.io/component-base/version.gitVersion=${k8s_version} \
   -X k8s.io/component-base/version.gitMajor=1 \
   -X k8s.io/component-base/version.gitMinor=${k8s_minor} \
   -X k8s.io/component-base/version.gitTreeState=clean \
   -X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z"
  for t in "${missing[@]}"; do
    IFS='|' read -r name pkg kind <<<"$t"
    [ -x "$out/$name" ] && continue   # built by a concurrent run while we waited for the lock
    t0=$(date +%s)
    if [ "$kind" = k8s ]; then ldflags="$k8s_ldflags"; else ldflags="-s -w"; fi
    echo "build.sh: building $name ($pkg) ..."
    go build -ldflags "$ldflags" -o "$out/.$name.tmp" "$pkg"
    mv -f "$out/.$name.tmp" "$out/$name"
    echo "build.sh: built $name in $(( $(date +%s) - t0 ))s ($(du -h "$out/$name" | cut -f1))"
  done
  echo "build.sh: done in $(( $(date +%s) - start ))s"
  exec 9>&-
  build_kwok
}

# kwok in its own module graph (go install pkg@version ignores the tools module), cached by version.
build_kwok() {
  if [ -x "$kwok_out/kwok" ]; then
    echo "build.sh: kwok ${kwok_version} up to date in $kwok_out (0s)"
    return 0
  fi
  mkdir -p "$kwok_out"
  exec 8>"$kwok_out/.build.lock"
  flock 8
  if [ ! -x "$kwok_out/kwok" ]; then
    local t0; t0=$(date +%s)
    echo "build.sh: building kwok ${kwok_version} (own module graph) -> $kwok_out ..."
    rm -rf "$kwok_out/.gobin"
    # Outside the tools module directory, so nothing of go.mod here applies.
    (cd "$kwok_out" && GOBIN="$kwok_out/.gobin" GOFLAGS=-trimpath go install -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@${kwok_version}")
    mv -f "$kwok_out/.gobin/kwok" "$kwok_out/kwok"
    rm -rf "$kwok_out/.gobin"
    echo "build.sh: built kwok in $(( $(date +%s) - t0 ))s ($(du -h "$kwok_out/kwok" | cut -f1))"
  fi
  exec 8>&-
}

main "$@"
