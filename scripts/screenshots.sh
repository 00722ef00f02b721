#!/usr/bin/env bash
# The README's and docs/demo.md's screenshots, from the demo a newcomer gets: bash scripts/screenshots.sh
#
#   1. builds the app and the tests;
#   2. seeds the default demo (`seed`: SQLite, 20,000 workers, the 2021 wave, demo day 25/05/2021) into a temporary
#      data directory — never the developer's data/;
#   3. starts the app on a free loopback port and waits (at most 5 minutes) until /health answers;
#   4. runs the Screenshots tests (tests/Lachan.Tests/Browser/ScreenshotsTests.cs: Playwright + Debian's Chromium)
#      against it, which write docs/screenshots/demo-<page>-<width>.png at 1366 and 390 px;
#   5. always stops the app it started and deletes the temporary directory; prints what the shots measured
#      (TestResults/screenshots-notes.txt) and the wall time.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
START=$SECONDS
WORK=$(mktemp -d /tmp/lachan-screenshots.XXXXXX)
APP_PID=""
NOTES="$ROOT/TestResults/screenshots-notes.txt"

say() { echo "[screenshots.sh] $*"; }

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null
        for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

[[ -x /usr/bin/chromium ]] || { say "/usr/bin/chromium is missing: run bash scripts/test.sh once (it installs it) or apt-get install chromium"; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say "building"
dotnet build tests/Lachan.Tests -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; say "build failed"; exit 1; }
APP_DLL="$ROOT/src/Lachan/bin/Debug/net10.0/Lachan.dll"

# The README's start command with its defaults, only the database elsewhere. Login throttling is raised for this
# throwaway app: the shots sign in ten accounts within a minute from one address.
export ConnectionStrings__Lachan="Data Source=$WORK/data/lachan.db"
export Login__RateLimit__PerClient=100 Login__RateLimit__PerAccount=100
export ASPNETCORE_ENVIRONMENT=Production
cd "$WORK"   # relative paths of the app (data/) land here, not in the repository

say "seeding the demo into $WORK/data"
seed_start=$SECONDS
timeout 600 dotnet "$APP_DLL" seed >"$WORK/seed.log" 2>&1 || { tail -n 30 "$WORK/seed.log"; say "seed failed"; exit 1; }
grep -E "^Seeded|F0 cases" "$WORK/seed.log" | sed 's/^/    /'
say "seeded in $(( SECONDS - seed_start )) s"

port=5090
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
URL="http://127.0.0.1:$port"
say "starting the app at $URL"
dotnet "$APP_DLL" --urls "$URL" --contentRoot "$ROOT/src/Lachan" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 300); do
    curl -fsS -o /dev/null "$URL/health" 2>/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app.log"; say "the app stopped"; exit 1; }
    (( i == 300 )) && { tail -n 30 "$WORK/app.log"; say "the app did not answer within 5 minutes"; exit 1; }
    sleep 1
done

cd "$ROOT"
rm -f "$NOTES"
say "taking the screenshots"
LACHAN_SCREENSHOTS_URL="$URL" timeout 1800 dotnet test tests/Lachan.Tests --no-build -nologo \
    --filter "Category=Screenshots" --logger "console;verbosity=normal" --results-directory "$ROOT/TestResults" \
    >"$WORK/test.log" 2>&1
code=$?
grep -E "^\s*(Passed|Failed|Total|Error Message|  )" "$WORK/test.log" | grep -vE "^\s*Passed " | head -n 80
grep -E "^(Passed!|Failed!)" "$WORK/test.log"
if [[ -s "$NOTES" ]]; then say "notes (also in $NOTES):"; sed 's/^/    /' "$NOTES"; fi
say "$(ls docs/screenshots/demo-*.png 2>/dev/null | wc -l) screenshots in docs/screenshots; finished in $(( SECONDS - START )) s (exit $code)"
exit "$code"
