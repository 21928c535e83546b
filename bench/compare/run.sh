#!/usr/bin/env bash
# bench/compare: two copies of kotlin-compiler-embeddable 2.1.0 that differ in every entry's timestamp and in one
# class, compared by this plugin's command line, against the floor the issue sets (`unzip -l` on both plus one
# `sha256sum` of each) and against diffoscope, which users would otherwise run. Then a 300 MB pair (the same
# entries five times over) compared with -Xmx256m, to show that memory stays bounded.
# Writes bench/results/compare.md. Environment: BENCH_RUNS (default 5), BENCH_DIFFOSCOPE_RUNS (default 1:
# diffoscope takes tens of minutes on kotlin), BENCH_DIFFOSCOPE_TIMEOUT (seconds, default 1800;
# a diffoscope stopped there is reported as a lower bound), BENCH_BIG_RUNS (default 3).
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

KOTLIN="org.jetbrains.kotlin:kotlin-compiler-embeddable:2.1.0"
DIFFOSCOPE_RUNS="${BENCH_DIFFOSCOPE_RUNS:-1}"
DIFFOSCOPE_TIMEOUT="${BENCH_DIFFOSCOPE_TIMEOUT:-1800}"
BIG_RUNS="${BENCH_BIG_RUNS:-3}"

L_FLOOR="unzip -l both + sha256sum of each"
L_CLI="hermetic CLI compare"
L_DIFFOSCOPE="diffoscope $(dpkg-query -W -f '${Version}' diffoscope-minimal 2>/dev/null || echo '?') --text"
L_BIG_FLOOR="unzip -l both + sha256sum of each (300 MB pair)"
L_BIG_CLI="hermetic CLI compare -Xmx256m (300 MB pair)"

start_bench compare
COMPARE_WORK="$WORK_DIR/compare"
INPUTS="$COMPARE_WORK/inputs"
mkdir -p "$COMPARE_WORK"

# --- inputs: the pair, written once and cached ------------------------------------------------
[[ -f "$INPUTS/kotlin-compiler-embeddable-2.1.0.jar" ]] || fetch_jars "$INPUTS" "$KOTLIN"
SOURCE_JAR="$INPUTS/kotlin-compiler-embeddable-2.1.0.jar"
make_pair() { # DIR COPIES
    if [[ ! -f "$1/actual/kotlin.jar" ]]; then
        log "writing the pair in $1 (every entry $2 time(s), recompressed by Python's zlib)"
        mkdir -p "$1/reference" "$1/actual"
        python3 "$BENCH_DIR/compare/make-pair.py" "$SOURCE_JAR" "$1/reference/kotlin.jar.tmp" "$1/actual/kotlin.jar.tmp" "$2" \
            >"$1/changed-class.txt"
        mv "$1/reference/kotlin.jar.tmp" "$1/reference/kotlin.jar"
        mv "$1/actual/kotlin.jar.tmp" "$1/actual/kotlin.jar"
    fi
}
PAIR="$COMPARE_WORK/pair"
BIG="$COMPARE_WORK/pair-300mb"
make_pair "$PAIR" 1
make_pair "$BIG" 5
CHANGED_CLASS="$(sed -n 's/^changed class: //p' "$PAIR/changed-class.txt")"
[[ -n "$CHANGED_CLASS" ]] || die "make-pair.py named no changed class ($PAIR/changed-class.txt)"
ENTRIES="$(unzip -Z1 "$PAIR/reference/kotlin.jar" | wc -l)"

# --- what each row runs, and how its output is checked ----------------------------------------
OUT="$COMPARE_WORK/out.txt"
floor() { unzip -l "$1/reference/kotlin.jar" >/dev/null && unzip -l "$1/actual/kotlin.jar" >/dev/null \
    && sha256sum "$1/reference/kotlin.jar" "$1/actual/kotlin.jar" >"$OUT"; }
# compare exits 1 when the files differ: that is the expected outcome, anything else fails the row.
hermetic_compare() { # DIR JAVA-OPTIONS...
    local dir="$1" status=0
    shift
    java "$@" -jar "$CLI_JAR" compare "$dir/reference/kotlin.jar" "$dir/actual/kotlin.jar" >"$OUT" 2>&1 || status=$?
    [[ "$status" == 1 ]] || { echo "compare exited with $status, expected 1"; cat "$OUT"; return 1; }
}
run_diffoscope() {
    local status=0
    timeout -k 60 "$DIFFOSCOPE_TIMEOUT" diffoscope --text "$OUT" --no-progress "$PAIR/reference/kotlin.jar" \
        "$PAIR/actual/kotlin.jar" >/dev/null 2>&1 || status=$?
    # Stopped at the timeout: the row is kept, as a lower bound, and says so.
    if [[ "$status" == 124 || "$status" == 137 ]]; then touch "$OUT.timeout"; return 0; fi
    [[ "$status" == 1 ]] || { echo "diffoscope exited with $status, expected 1"; return 1; }
}
# /usr/bin/time runs programs, not shell functions: each row runs its function in a child bash.
export OUT CLI_JAR PAIR DIFFOSCOPE_TIMEOUT
export -f floor hermetic_compare run_diffoscope
clear_out() { rm -f "$OUT" "$OUT.timeout"; }
check_floor() { [[ "$(wc -l <"$OUT")" == 2 ]]; }
# The one class that differs is named, and every entry's time is counted.
check_hermetic() {
    grep -q "^different  *kotlin.jar: $((ENTRIES * COPIES + 1)) differences (1 class-file, " "$OUT" \
        && grep -q "^  $PREFIX$CHANGED_CLASS  " "$OUT"
}
check_diffoscope() { [[ -f "$OUT.timeout" ]] || grep -qF "$CHANGED_CLASS" "$OUT"; }
diffoscope_note() { [[ ! -f "$OUT.timeout" ]] || echo "stopped after $DIFFOSCOPE_TIMEOUT s, unfinished: a lower bound"; }

GROUP="kotlin"
BIG_GROUP="300mb"
diffoscope_ok=false
if command -v diffoscope >/dev/null; then diffoscope_ok=true; fi

compare_round() {
    COPIES=1 PREFIX=""
    measure "$GROUP" "$L_FLOOR" clear_out check_floor -- bash -c 'floor "$@"' _ "$PAIR"
    measure "$GROUP" "$L_CLI" clear_out check_hermetic -- bash -c 'hermetic_compare "$@"' _ "$PAIR"
    COPIES=5 PREFIX="copy1/"
    MEASURE_MAX_RUNS="$BIG_RUNS" measure "$BIG_GROUP" "$L_BIG_FLOOR" clear_out check_floor -- bash -c 'floor "$@"' _ "$BIG"
    MEASURE_MAX_RUNS="$BIG_RUNS" measure "$BIG_GROUP" "$L_BIG_CLI" clear_out check_hermetic -- bash -c 'hermetic_compare "$@"' _ "$BIG" -Xmx256m
}
run_rounds compare_round
# diffoscope after the timed rounds: it takes tens of minutes here, and the other rows' figures should not wait on it.
diffoscope_round() {
    if $diffoscope_ok; then
        MEASURE_WARMUP=0 MEASURE_NOTE_FN=diffoscope_note measure "$GROUP" "$L_DIFFOSCOPE" clear_out check_diffoscope -- bash -c run_diffoscope
    else
        not_measured "$GROUP" "diffoscope" "diffoscope is not installed (Debian: apt-get install --no-install-recommends diffoscope-minimal)"
    fi
}
RUNS="$DIFFOSCOPE_RUNS" BENCH_WARMUP=0 run_rounds diffoscope_round
summarize

floor_wall="$(median_of "$GROUP" "$L_FLOOR")"
cli_wall="$(median_of "$GROUP" "$L_CLI")"
floor_cpu="$(cpu_of "$GROUP" "$L_FLOOR")"
cli_cpu="$(cpu_of "$GROUP" "$L_CLI")"
diffoscope_wall="$(median_of "$GROUP" "$L_DIFFOSCOPE")"
{
    results_header "Benchmark: comparing two builds of a 59 MB jar" compare \
        "inputs: kotlin-compiler-embeddable 2.1.0 from Maven Central ($(stat -c %s "$SOURCE_JAR") bytes, $ENTRIES entries), rewritten twice by \`bench/compare/make-pair.py\` (Python's zlib, level 6): every entry's DOS time differs between the two copies (2024-01-01 00:00:00 and 2024-06-01 12:34:56), and one class, \`$CHANGED_CLASS\`, has one constant-pool string changed" \
        "the 300 MB pair: the same entries five times over (under copy1/ … copy5/), $(stat -c %s "$BIG/reference/kotlin.jar") bytes each, $BIG_RUNS runs" \
        "every row's output is checked: our report names the changed class and counts every entry's timestamp; diffoscope's text output names the class" \
        "peak RSS is /usr/bin/time's %M (the JVM for our rows); CPU is user + system of the whole process tree" \
        "diffoscope: $DIFFOSCOPE_RUNS run(s), after the other rows' rounds, stopped after $DIFFOSCOPE_TIMEOUT s"
    echo "## The 59 MB pair"
    echo
    echo "Reference: $L_FLOOR, the floor the issue sets for the comparison."
    echo
    table "$GROUP" "$L_FLOOR"
    echo
    echo "## The 300 MB pair, with a 256 MB heap"
    echo
    table "$BIG_GROUP" "$L_BIG_FLOOR"
    echo
    echo "## Targets"
    echo
    target_check "hermetic CLI compare ÷ ($L_FLOOR), wall time" "$(ratio "$cli_wall" "$floor_wall")" "<=" 2
    target_check "the same with CPU time" "$(ratio "$cli_cpu" "$floor_cpu")" "<=" 2
    if [[ -n "$(rss_of "$BIG_GROUP" "$L_BIG_CLI")" ]]; then
        echo "- the 300 MB pair compared with -Xmx256m: done, peak RSS $(rss_of "$BIG_GROUP" "$L_BIG_CLI") MB (median)"
    else
        echo "- the 300 MB pair compared with -Xmx256m: **failed** (see the table)"
    fi
    if [[ -n "$diffoscope_wall" ]]; then
        bound=""
        [[ ! -f "$OUT.timeout" ]] || bound="at least "
        echo "- diffoscope ÷ hermetic CLI compare: wall time ${bound}$(ratio "$diffoscope_wall" "$cli_wall")×, CPU time ${bound}$(ratio "$(cpu_of "$GROUP" "$L_DIFFOSCOPE")" "$cli_cpu")× (for reading; no target)"
    fi
} | write_results compare
table "$GROUP" "$L_FLOOR"
table "$BIG_GROUP" "$L_BIG_FLOOR"
