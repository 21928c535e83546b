#!/usr/bin/env bash
# bench/deflate/cli.sh: end to end, `java -jar <cli> normalize --mode portable` on a fresh copy of a jar,
# two CLI builds interleaved (e.g. before and after an encoder change). Not part of the test suite.
# Usage: bench/deflate/cli.sh OLD_CLI_JAR NEW_CLI_JAR [JAR]   Environment: ROUNDS (default 5).
# Prints one line per run: wall s, user s, sys s, max RSS KB; then the medians.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
old="$1"
new="$2"
input="${3:-$here/../work/normalize/inputs/kotlin-compiler-embeddable-2.1.0.jar}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for round in $(seq "${ROUNDS:-5}"); do
    for which in old new; do
        cli="$old"
        [[ "$which" == new ]] && cli="$new"
        cp "$input" "$work/copy.jar"
        /usr/bin/time -o "$work/time" -f '%e %U %S %M' java -jar "$cli" normalize --mode portable "$work/copy.jar" >/dev/null
        read -r wall user sys rss <"$work/time"
        echo "$which round $round: ${wall} s wall, ${user} s user, ${sys} s sys, ${rss} KB max RSS, $(stat -c %s "$work/copy.jar") bytes"
        echo "$wall $user $sys $rss" >>"$work/$which"
    done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for which in old new; do
    printf '%s median: %s s wall, %s s user, %s s sys, %s KB max RSS\n' "$which" \
        "$(cut -d' ' -f1 "$work/$which" | median)" "$(cut -d' ' -f2 "$work/$which" | median)" \
        "$(cut -d' ' -f3 "$work/$which" | median)" "$(cut -d' ' -f4 "$work/$which" | median)"
done
