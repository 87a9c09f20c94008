#!/usr/bin/env bash
# Compares the harness (src/main/java, org.knime.*) member by member with the real KNIME sources of one release.
#
#   knime-harness/verify-against-knime.sh [--tag analytics-platform/5.5.0] <source>...
#
# Each <source> is a git repository (bare or not; the tag is extracted with `git archive`) or a plain source
# checkout; e.g. knime-core (org.knime.core) and knime-shared (org.knime.core.util: ConfigBase,
# InvalidSettingsException). Every folder holding an org/knime tree is a source root. Prints one DIFF line per
# difference and one NO-KNIME-SOURCE line per harness file no root holds; exits 1 on any difference.
# Not part of the build: it needs the KNIME sources, which the build does not.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tag="analytics-platform/5.5.0"
if [ "${1:-}" = "--tag" ]; then tag="$2"; shift 2; fi
[ $# -ge 1 ] || { sed -n '2,10p' "$0"; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
roots=()
i=0
for src in "$@"; do
  i=$((i + 1))
  if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
    mkdir -p "$work/$i"
    git -C "$src" archive "$tag" -- ':(glob)**/org/knime/**/*.java' | tar -x -C "$work/$i"
    dir="$work/$i"
  else
    dir="$src"
  fi
  # source roots: parents of org/knime, test and example trees left out
  while IFS= read -r r; do roots+=("$r"); done < <(find "$dir" -type d -path '*/org/knime' \
      -not -path '*/test*' -not -path '*tests/*' -not -path '*/org/knime/*/org/knime' | sed 's#/org/knime$##' | sort -u)
done
echo "KNIME $tag: ${#roots[@]} source roots" >&2
java "$here/tools/KnimeApiDiff.java" "$here/src/main/java" "${roots[@]}"
