#!/usr/bin/env bash
# WasteIoT developer entry point.
#   ./dev.sh run    the main job on embedded defaults: cloud, gateway and a simulated fleet replaying yesterday
#   ./dev.sh cloud  the cloud service alone
#   ./dev.sh test   installs what the tests need when missing, then runs every test
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages, as "command-or-absolute-path-glob:package". The build needs npm (the dashboard's Leaflet).
BUILD_PACKAGES=("npm:npm")
# Debian packages the tests use.
# Chromium drives the dashboard tests; a CJK font makes their screenshots of the Chinese pages readable.
TEST_PACKAGES=("mosquitto:mosquitto" "/usr/lib/postgresql/*/bin/initdb:postgresql" "/usr/bin/chromium:chromium" "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc:fonts-wqy-microhei")

install_missing() {
  local missing=()
  for entry in "$@"; do
    local probe="${entry%%:*}"
    if [[ $probe == /* ]]; then
      compgen -G "$probe" >/dev/null || missing+=("${entry##*:}")
    else
      command -v "$probe" >/dev/null 2>&1 || missing+=("${entry##*:}")
    fi
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
  install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
  local results
  results=$(mktemp -d)
  local status=0
  # Style: the .editorconfig rules run in every build (EnforceCodeStyleInBuild); formatting (whitespace, using order)
  # is checked here, and `dotnet format WasteIoT.sln` fixes it.
  dotnet restore WasteIoT.sln -v q
  if ! dotnet format WasteIoT.sln --verify-no-changes --no-restore -v q; then
    echo "format: files above need 'dotnet format WasteIoT.sln'"
    status=1
  fi
  dotnet test WasteIoT.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?
  # One closing line for CI, summed from every assembly's TRX (console lines of parallel runs interleave).
  python3 - "$results" <<'PY' || true
import glob, re, sys
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(path, encoding="utf-8-sig").read()
    m = re.search(r"<Counters [^>]*>", text)
    if not m:
        continue
    attrs = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    failures = int(attrs.get("failed", 0)) + int(attrs.get("error", 0)) + int(attrs.get("timeout", 0)) + int(attrs.get("aborted", 0))
    outcome = re.search(r'<ResultSummary outcome="(\w+)"', text)
    if outcome and outcome.group(1) not in ("Completed", "Passed", "Warning") and failures == 0:
        failures = 1  # a crashed or aborted test host counts as a failure
    passed += int(attrs.get("passed", 0))
    failed += failures
    skipped += int(attrs.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
  rm -rf "$results"
  return "$status"
}

case "${1:-}" in
  run)
    shift
    install_missing "${BUILD_PACKAGES[@]}"
    exec dotnet run --project demo/WasteIoT.Demo -c Release -- run --data "$PWD/.data/demo" "$@"
    ;;
  cloud)
    shift
    install_missing "${BUILD_PACKAGES[@]}"
    exec dotnet run --project cloud/WasteIoT.Cloud -c Release -- "$@"
    ;;
  test)
    shift
    run_tests "$@"
    ;;
  *)
    echo "usage: ./dev.sh run | ./dev.sh test | ./dev.sh cloud" >&2
    exit 2
    ;;
esac
