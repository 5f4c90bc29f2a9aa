#!/usr/bin/env bash
# Installs what the tests need, builds, runs every test tier, and ends with the line
# "N passed, N failed, N skipped". Exit code 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! scripts/install-test-deps.sh; then
  echo "test.sh: installing the test dependencies failed" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

if ! dotnet build Posta.slnx -c Release -nologo -v quiet; then
  echo "test.sh: the build failed" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

results=.test-results
rm -rf "$results"
dotnet test Posta.slnx -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 10m "$@"
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

# A test host that crashed leaves no result for its remaining tests: count the run as a failure.
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then
  echo "test.sh: dotnet test exited with $status without a failed test: a test host crashed or a project did not run" >&2
  failed=$((failed + 1))
fi
if [ ${#trx_files[@]} -eq 0 ]; then
  failed=$((failed + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
