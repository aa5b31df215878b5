#!/usr/bin/env bash
# Installs what Folkemøte needs on a Debian/Ubuntu machine that has Node.js >= 20 and npm:
# system packages (ffmpeg, redis-server, chromium, a font) when missing, pnpm when missing,
# and the workspace's packages. Safe to run again: it only installs what is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m▸ %s\033[0m\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Folkemøte needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

missing=()
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# promtool, which checks infra/prometheus/'s alert rules in the tests (Debian ships it with the server).
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
# Draft captions from speech with no download: PocketSphinx, its US English model, and the
# reference recordings with transcripts that the word error rate test runs on.
command -v pocketsphinx_continuous >/dev/null 2>&1 || missing+=(pocketsphinx)
[ -f /usr/share/pocketsphinx/model/en-us/en-us.lm.bin ] || missing+=(pocketsphinx-en-us)
[ -f /usr/share/pocketsphinx/test/data/librivox/transcription ] || missing+=(pocketsphinx-testdata)
# nginx, the public site's cache (infra/nginx/public-cache.conf) that `pnpm bench:broadcast` and
# its test run; Debian's smallest build has every module the file uses.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing system packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "Missing ${missing[*]}, and this user cannot install them (not root, no sudo)." >&2
      echo "Install them with: apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

want_pnpm=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$want_pnpm" ]; then
  say "Installing pnpm $want_pnpm"
  if [ -w "$(npm prefix -g)" ]; then npm install -g --silent "pnpm@$want_pnpm"; else
    npm install -g --silent --prefix "$HOME/.local" "pnpm@$want_pnpm"
  fi
fi

say "Installing workspace packages"
if [ -n "${CI:-}" ]; then pnpm install --frozen-lockfile --reporter=append-only; else pnpm install --reporter=silent; fi

# LiveKit's server, for `dev` and the tests: built from source with Go, in the version
# infra/compose.yaml deploys (docs/livekit.md). Without Go the stand-in serves instead.
livekit_version=$(bash scripts/livekit-version.sh)
livekit_bin=.tools/bin/livekit-server
livekit_have=$("$livekit_bin" --version 2>/dev/null | sed -n 's/.*version v\{0,1\}\([0-9][0-9.]*\).*/\1/p' || true)
if [ "$livekit_have" != "$livekit_version" ]; then
  go_cmd=$(command -v go || true)
  [ -z "$go_cmd" ] && [ -x /usr/local/go/bin/go ] && go_cmd=/usr/local/go/bin/go
  if [ -n "$go_cmd" ]; then
    say "Building livekit-server v$livekit_version with Go (docs/livekit.md)"
    gobin=$(mktemp -d)
    if GOBIN="$gobin" GOFLAGS=-buildvcs=false "$go_cmd" install \
      "github.com/livekit/livekit-server/cmd/server@v$livekit_version"; then
      mkdir -p "$(dirname "$livekit_bin")"
      mv "$gobin/server" "$livekit_bin"
    elif [ -n "${CI:-}" ]; then
      echo "livekit-server v$livekit_version did not build; CI runs the LiveKit tests against it." >&2
      rm -rf "$gobin"
      exit 1
    else
      echo "livekit-server v$livekit_version did not build; the LiveKit stand-in (no audio or video) serves meanwhile." >&2
    fi
    rm -rf "$gobin"
  else
    echo "No Go, so no livekit-server v$livekit_version: install Go 1.26 or newer and run scripts/bootstrap.sh again (docs/livekit.md); meanwhile the LiveKit stand-in (no audio or video) serves."
  fi
fi
