#!/usr/bin/env bash
# The one test command: restores, builds and runs every test in Wearable.sln (unit, property,
# golden-vector, fuzz, portability gate, pseudo-terminal integration). Extra arguments go to
# `dotnet test` (e.g. --filter "FullyQualifiedName~Lif").
set -uo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Quiet build, but the test logger at minimal: a failing test prints its message and stack, which
# is what a red CI log must show.
dotnet test Wearable.sln --nologo -v quiet --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One closing line for people and CI: the per-project "Passed!/Failed!" lines added up.
awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  failed  += $(i+1);
      if ($i == "Passed:")  passed  += $(i+1);
      if ($i == "Skipped:") skipped += $(i+1);
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
