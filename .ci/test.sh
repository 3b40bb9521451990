#!/usr/bin/env bash
# The README's test command: installs what the tests need, restores, builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# Browser tests drive Debian's Chromium through Playwright; nothing downloads a browser.
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi

dotnet restore OsintResolver.sln
dotnet build OsintResolver.sln -c Release --no-restore -nologo
dotnet test OsintResolver.sln -c Release --no-build --nologo --logger "console;verbosity=minimal" "$@"
