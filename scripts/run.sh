#!/usr/bin/env bash
# The two commands of the README's Quick start: `bash scripts/run.sh dev` and `bash scripts/run.sh test`.
# Each installs whatever is missing first, then runs the pnpm script of the same name.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  dev|test) ;;
  *) echo "usage: bash scripts/run.sh dev|test" >&2; exit 2 ;;
esac
export PATH="$HOME/.local/bin:$PATH"
bash scripts/bootstrap.sh
exec pnpm run "$1"
