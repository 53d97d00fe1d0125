#!/usr/bin/env bash
# WasteIoT developer entry point.
#   ./dev.sh run    the main job on embedded defaults (until the demo lands: the cloud service)
#   ./dev.sh test   installs what the tests need when missing, then runs every test
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests use, as "command:package". Later features add mosquitto, postgresql, chromium.
TEST_PACKAGES=()

install_missing() {
  local missing=()
  for entry in "${TEST_PACKAGES[@]}"; do
    command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry##*:}")
  done
  if ((${#missing[@]})); then
    echo "installing test prerequisites: ${missing[*]}"
    local sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

run_tests() {
  install_missing
  local log
  log=$(mktemp)
  local status=0
  dotnet test WasteIoT.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
  # One closing line for CI: the sum over every test assembly.
  awk '/(Passed|Failed)! +- Failed:/ {
         for (i = 1; i <= NF; i++) {
           if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
         }
       }
       END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
  rm -f "$log"
  return "$status"
}

case "${1:-}" in
  run)
    shift
    exec dotnet run --project cloud/WasteIoT.Cloud -c Release -- "$@"
    ;;
  test)
    shift
    run_tests "$@"
    ;;
  *)
    echo "usage: ./dev.sh run | ./dev.sh test" >&2
    exit 2
    ;;
esac
