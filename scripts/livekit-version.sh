#!/usr/bin/env bash
# Prints the livekit-server version that infra/compose.yaml deploys (e.g. 1.13.5). The image tag
# there is the one place it is pinned: scripts/bootstrap.sh builds the same version for `dev` and
# the tests, and packages/config's infra test checks that this reads compose.yaml as meant.
set -euo pipefail
compose=${1:-"$(dirname "$0")/../infra/compose.yaml"}
versions=$(sed -n 's#^ *image: *livekit/livekit-server:v\([0-9][0-9.]*\) *$#\1#p' "$compose")
if [ -z "$versions" ] || [ "$(printf '%s\n' "$versions" | wc -l)" -ne 1 ]; then
  echo "$compose has no single 'image: livekit/livekit-server:vX.Y.Z' line" >&2
  exit 1
fi
echo "$versions"
