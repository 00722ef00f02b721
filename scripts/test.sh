#!/usr/bin/env bash
# The one test command (README "Run every test"): bash scripts/test.sh [extra `dotnet test` arguments, e.g. --filter Unit]
#
# On a fresh Debian 12 with the .NET 10 SDK, as root or as a sudo-capable user, it:
#   1. installs with apt-get what is missing: chromium (Debian's /usr/bin/chromium, for the browser tests),
#      postgresql, fonts-dejavu-core;
#   2. starts a throwaway PostgreSQL cluster (initdb into a temporary folder, its own port, 127.0.0.1 only,
#      trust auth) unless LACHAN_TEST_PG already names a server, and exports LACHAN_TEST_PG for the tests;
#   3. runs `dotnet test` on the solution (unit, integration on SQLite and PostgreSQL, browser tests);
#   4. always stops the cluster and removes its folder;
#   5. prints as its last line `tests: N passed, M failed` (`, K skipped` when some were skipped) and exits
#      non-zero if any test failed or the run broke.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
START=$SECONDS
RESULTS="$ROOT/TestResults"
TRX_NAME="lachan-tests.trx"
PG_DIR=""
PG_CTL=""
RUN_AS=()

say() { echo "[test.sh] $*"; }

finish() {
    # $1 = exit code; prints the summary line last
    local code=$1 passed=0 failed=0 skipped=0 trx
    trx="$RESULTS/$TRX_NAME"
    if [[ -f "$trx" ]]; then
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
        num() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
        passed=$(num passed); passed=${passed:-0}
        failed=$(( $(num failed || echo 0) + $(num error || echo 0) + $(num timeout || echo 0) + $(num aborted || echo 0) ))
        skipped=$(num notExecuted); skipped=${skipped:-0}
    fi
    if (( failed > 0 )) && (( code == 0 )); then code=1; fi
    if (( passed == 0 )) && (( code == 0 )); then say "no test ran"; code=1; fi
    say "finished in $(( SECONDS - START )) s (exit $code)"
    if (( skipped > 0 )); then
        echo "tests: $passed passed, $failed failed, $skipped skipped"
    else
        echo "tests: $passed passed, $failed failed"
    fi
    exit "$code"
}

stop_postgres() {
    if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
        if [[ -n "$PG_CTL" && -f "$PG_DIR/data/postmaster.pid" ]]; then
            "${RUN_AS[@]}" "$PG_CTL" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DIR"
    fi
}
trap stop_postgres EXIT
trap 'say "interrupted"; stop_postgres; exit 130' INT TERM

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else say "need root (or sudo) to install: $*"; return 1
    fi
}

# --- 1. system packages -------------------------------------------------------------------------------------
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing+=(fonts-dejavu-core)
if (( ${#missing[@]} > 0 )); then
    say "installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    if ! { as_root apt-get update -qq && as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$ROOT/.apt.log" 2>&1; then
        cat "$ROOT/.apt.log"; rm -f "$ROOT/.apt.log"
        say "apt-get install failed"; finish 1
    fi
    rm -f "$ROOT/.apt.log"
fi

# --- 2. a throwaway PostgreSQL --------------------------------------------------------------------------------
if [[ -z "${LACHAN_TEST_PG:-}" ]]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
    PG_CTL="$PG_BIN/pg_ctl"
    PG_DIR=$(mktemp -d /tmp/lachan-pg.XXXXXX)
    if [[ $(id -u) -eq 0 ]]; then
        # the server refuses to run as root: the cluster belongs to the postgres OS user
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
        chown postgres: "$PG_DIR"
        RUN_AS=(runuser -u postgres --)
    fi
    port=${LACHAN_TEST_PG_PORT:-55432}
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    say "starting PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port in $PG_DIR"
    if ! "${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
        cat "$PG_DIR/initdb.log"; say "initdb failed"; finish 1
    fi
    if ! "${RUN_AS[@]}" "$PG_CTL" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
        cat "$PG_DIR/server.log"; say "PostgreSQL did not start"; finish 1
    fi
    export LACHAN_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
else
    say "using the PostgreSQL server in LACHAN_TEST_PG"
fi

# --- 3. the tests ---------------------------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$RESULTS"
rm -f "$RESULTS/$TRX_NAME"
target=Lachan.slnx
for project in $(grep -o 'Path="[^"]*"' Lachan.slnx | cut -d'"' -f2); do
    if [[ ! -f "$project" ]]; then
        say "warning: $project is listed in Lachan.slnx but does not exist; testing tests/Lachan.Tests only"
        target=tests/Lachan.Tests/Lachan.Tests.csproj
    fi
done
# NuGet advisories do not break the build (Directory.Build.props); they are listed here, in every CI run.
say "packages with known vulnerabilities (dotnet list package --vulnerable):"
dotnet list "$target" package --vulnerable --include-transitive 2>&1 | grep -vE '^\s*$' | sed 's/^/    /' || say "could not check for vulnerable packages"
say "dotnet test $target"
dotnet test "$target" \
    --logger "trx;LogFileName=$TRX_NAME" \
    --results-directory "$RESULTS" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    "$@"
code=$?
finish "$code"
