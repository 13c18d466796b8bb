#!/usr/bin/env bash
# Second step of the GitHub Action (action.yml): runs `isms check` on INPUT_PATH, writes SARIF to
# INPUT_SARIF (paths relative to the repository root), prints the findings as workflow annotations,
# and sets the step outputs `sarif` and `exit-code`. Exit: 2 on bad input (no ISMS, unreadable
# files; with an ::error annotation saying why), else isms check's code (0 or 1), or 0 when
# INPUT_FAIL_ON_FINDINGS is "false".
set -uo pipefail
cli="${ISMS_CLI:-$GITHUB_ACTION_PATH/dist/cli.js}"
args=(check "${INPUT_PATH:-.}")
[ -n "${INPUT_TODAY:-}" ] && args+=(--today "$INPUT_TODAY")
[ -n "${INPUT_MAX_WARNINGS:-}" ] && args+=(--max-warnings "$INPUT_MAX_WARNINGS")
sarif="${INPUT_SARIF:-isms.sarif}"
errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT

node "$cli" "${args[@]}" --format sarif --output "$sarif" 2>"$errors"
status=$?
cat "$errors" >&2
if [ "$status" -ge 2 ]; then
  # Bad input: say why on the run's summary, leave no report that could pass for a clean one.
  reason="$(grep -m1 '^isms: ' "$errors" | sed 's/^isms: //; s/%/%25/g')"
  echo "::error title=isms check::${reason:-isms check failed with exit code $status}"
  [ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=$status" >>"$GITHUB_OUTPUT"
  exit "$status"
fi
node "$cli" "${args[@]}" --format github 2>/dev/null
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "sarif=$sarif" >>"$GITHUB_OUTPUT"
  echo "exit-code=$status" >>"$GITHUB_OUTPUT"
fi
if [ "${INPUT_FAIL_ON_FINDINGS:-true}" = "false" ]; then exit 0; fi
exit "$status"
