#!/usr/bin/env bash
# Runs the feed benchmark on two commits in alternation (before, after, before, after, …) so that both see the same
# machine: a shared machine's speed drifts by more than most changes cost, and alternating spreads that drift evenly.
# Usage: tests/InternalSocial.Benchmarks/compare-feed.sh <before-commit> [pairs=5] [feed arguments="10000 100000 300 5"]
# "After" is the working tree. Each run's full output goes to stdout, headed "=== before|after run N".
set -euo pipefail
before_commit=${1:?usage: compare-feed.sh <before-commit> [pairs] [feed arguments]}
pairs=${2:-5}
feed_args=${3:-10000 100000 300 5}
after_tree=$(git rev-parse --show-toplevel)
before_tree=$(mktemp -d)/before
git -C "$after_tree" worktree add --detach "$before_tree" "$before_commit" >/dev/null
trap 'git -C "$after_tree" worktree remove --force "$before_tree"' EXIT
for tree in "$before_tree" "$after_tree"; do
  dotnet build -c Release -v q -nologo "$tree/tests/InternalSocial.Benchmarks" >/dev/null
done
for i in $(seq 1 "$pairs"); do
  for side in before after; do
    tree=$after_tree; [ "$side" = before ] && tree=$before_tree
    echo "=== $side run $i $(date -u +%T)"
    # shellcheck disable=SC2086 # the feed arguments are meant to split
    (cd "$tree" && dotnet run -c Release --no-build --project tests/InternalSocial.Benchmarks -- --feed $feed_args)
  done
done
