#!/usr/bin/env bash
# bench/normalize/cold-warm.sh: how much of a normalizer's time in Maven is the cold JVM. One Maven run attaches
# two copies of the same jar; the goal handles the first in a fresh JVM (its code not yet compiled by the JIT)
# and the second right after, warm. Per-file times come from Maven's log timestamps. Run for this plugin
# (portable and fast) and for reproducible-build-maven-plugin's strip-jar, interleaved.
# Writes bench/results/normalize-cold-warm.md. Environment: BENCH_RUNS (default 5), BENCH_JAR (coordinates,
# default kotlin-compiler-embeddable 2.1.0), BENCH_SKIP_BUILD as for run.sh.
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

RBMP_GAV="io.github.zlika:reproducible-build-maven-plugin:0.17"
GAV="${BENCH_JAR:-org.jetbrains.kotlin:kotlin-compiler-embeddable:2.1.0}"
IFS=: read -r _ artifact version <<<"$GAV"
jar="$artifact-$version.jar"

resolve_maven
ensure_plugin
INPUTS="$WORK_DIR/normalize/inputs"
[[ -f "$INPUTS/$jar" ]] || fetch_jars "$INPUTS" "$GAV"
INPUT="$INPUTS/$jar"

# The throwaway project of run.sh, with a second artifact (classifier bench2) attached from second.jar.
project="$WORK_DIR/normalize/cold-warm-$artifact"
mkdir -p "$project/target"
sed "s/@JAR@/$jar/" "$BENCH_DIR/normalize/project-pom.xml" | awk '
    /<\/artifacts>/ {
        print "                <artifact>"
        print "                  <file>${project.build.directory}/second.jar</file>"
        print "                  <type>jar</type>"
        print "                  <classifier>bench2</classifier>"
        print "                </artifact>"
    }
    { print }' >"$project/pom.xml"
grep -q bench2 "$project/pom.xml" || die "could not add the second artifact to $project/pom.xml"

# Prints "FIRST SECOND" (seconds) for one run, from the log's HH:mm:ss.SSS timestamps. The first file counts
# from the goal's own log line (so Maven setting up the mojo is in it, for both tools), the second from the end
# of the first. strip-jar logs "Stripping FILE" when it starts a file, this plugin one line per file when done.
file_times() {
    local tool="$1" log="$2"
    awk -v tool="$tool" "$LOG_TIME_AWK"'
        stamped($0) {
            if (start == "" && index($0, "] --- ") > 0 && index($0, tool == "rbmp" ? "reproducible-build" : "hermetic") > 0) { start = t($0); next }
            if (start == "") next
            if (tool == "rbmp") {
                if (index($0, "Stripping ") > 0) { n++; if (n == 2) mid = t($0); next }
                if (n == 2 && end == "") end = t($0)
            } else if (index($0, "NORMALIZED ") > 0) {
                n++; if (n == 1) mid = t($0); else if (n == 2) end = t($0)
            }
        }
        END { if (mid == "" || end == "") exit 1; printf "%.3f %.3f\n", span(start, mid), span(mid, end) }' "$log"
}

rm -f "$WORK_DIR/normalize/cold-warm.tsv"
run_one() {
    local label="$1" tool="$2"
    shift 2
    local log_file="$WORK_DIR/normalize/cold-warm-$(tr -c 'A-Za-z0-9' '_' <<<"$label").log"
    cp "$INPUT" "$project/target/$jar"
    cp "$INPUT" "$project/target/second.jar"
    sync
    (cd "$project" && "$MVN" -B -o package "$@" "${MAVEN_LOG_TIMES[@]}" >"$log_file" 2>&1) \
        || { tail -n 30 "$log_file" >&2; die "$label failed (log: $log_file)"; }
    local times
    times="$(file_times "$tool" "$log_file")" || die "$label: no per-file log lines found (log: $log_file)"
    if cmp -s "$INPUT" "$project/target/second.jar"; then die "$label did not rewrite the second copy"; fi
    printf "%s\t%s\n" "$label" "${times/ /$'\t'}" >>"$WORK_DIR/normalize/cold-warm.tsv"
    log "$label: first (cold) / second (warm) $times s"
}

L_RBMP="reproducible-build-maven-plugin 0.17 strip-jar"
L_PORTABLE="hermetic:normalize portable"
L_FAST="hermetic:normalize fast"
log "== $jar twice in one Maven run, $RUNS rounds (plus one untimed)"
for round in $(seq 0 "$RUNS"); do
    run_one "$L_RBMP" rbmp "$RBMP_GAV:strip-jar"
    run_one "$L_PORTABLE" hermetic "$PLUGIN_GAV:normalize" -Dhermetic.normalize.mode=portable
    run_one "$L_FAST" hermetic "$PLUGIN_GAV:normalize" -Dhermetic.normalize.mode=fast
    # The first round warms the file cache and the local repository: dropped.
    if [[ "$round" == 0 ]]; then rm -f "$WORK_DIR/normalize/cold-warm.tsv"; fi
done

med() { awk -F'\t' -v l="$1" -v c="$2" '$1 == l { print $c }' "$WORK_DIR/normalize/cold-warm.tsv" | median; }
{
    machine_header "Benchmark: cold and warm, one jar twice in one Maven run"
    echo "- input: $jar ($(stat -c %s "$INPUT") bytes), two copies attached to one throwaway project; medians of $RUNS runs"
    echo "- first file: from the goal's log line (Maven setting up the mojo included) to the end of the first file;"
    echo "  second file: from there to the end of the second. Both from Maven's log timestamps."
    echo
    echo "How to run: \`bench/normalize/cold-warm.sh\` (see docs/benchmarks.md)."
    echo
    echo "| tool | first file, cold JVM (s) | second file, warm (s) | cold ÷ warm |"
    echo "|---|---:|---:|---:|"
    for l in "$L_RBMP" "$L_PORTABLE" "$L_FAST"; do
        first="$(med "$l" 2)"
        second="$(med "$l" 3)"
        echo "| $l | $first | $second | $(ratio "$first" "$second") |"
    done
    echo
    echo "Against the reference, warm: portable $(ratio "$(med "$L_PORTABLE" 3)" "$(med "$L_RBMP" 3)") of strip-jar's time, fast $(ratio "$(med "$L_FAST" 3)" "$(med "$L_RBMP" 3)");"
    echo "cold: portable $(ratio "$(med "$L_PORTABLE" 2)" "$(med "$L_RBMP" 2)"), fast $(ratio "$(med "$L_FAST" 2)" "$(med "$L_RBMP" 2)")."
} | write_results normalize-cold-warm
cat "$RESULTS_DIR/normalize-cold-warm.md"
