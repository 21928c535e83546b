#!/usr/bin/env bash
# bench/normalize: the same real jars normalized by this plugin (CLI raw, and hermetic:normalize inside
# Maven, fast and portable modes), by reproducible-build-maven-plugin's strip-jar (inside Maven) and by
# Debian's strip-nondeterminism, each on a fresh copy of the input, all in one run.
# Writes bench/results/normalize.md. Environment: BENCH_RUNS (default 9 here), BENCH_SND_RUNS (default 1:
# strip-nondeterminism takes minutes on kotlin), BENCH_JARS (space-separated coordinates, to override).
set -euo pipefail
# Nine rounds, not five: fast mode adds 0.3-0.7 s to a Maven run whose own length varies by about 0.3 s on a
# shared machine, and with five rounds its ratio to strip-jar moved between 3.1x and 6.6x for the same code.
: "${BENCH_RUNS:=9}"
export BENCH_RUNS
# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

RBMP_GAV="io.github.zlika:reproducible-build-maven-plugin:0.17"
BUILD_HELPER_VERSION="3.6.0" # also pinned in project-pom.xml
read -r -a JARS <<<"${BENCH_JARS:-org.jetbrains.kotlin:kotlin-compiler-embeddable:2.1.0 com.google.guava:guava:33.4.0-jre com.fasterxml.jackson.core:jackson-databind:2.18.2}"
# 2026-01-01T00:00:00Z: the outputTimestamp of the throwaway project, given to every tool.
TIMESTAMP=1767225600
SND_RUNS="${BENCH_SND_RUNS:-1}"

L_VALIDATE="mvn validate (Maven start-up only)"
L_PACKAGE="mvn package (start-up + attach, no normalizer)"
L_RBMP="reproducible-build-maven-plugin 0.17 strip-jar (mvn package + goal)"
L_MVN_FAST="hermetic:normalize fast (mvn package + goal)"
L_MVN_PORTABLE="hermetic:normalize portable (mvn package + goal)"
L_CLI_FAST="hermetic CLI normalize --mode fast"
L_CLI_PORTABLE="hermetic CLI normalize --mode portable"
L_SND="strip-nondeterminism $(dpkg-query -W -f '${Version}' strip-nondeterminism 2>/dev/null || echo '?')"

resolve_maven
ensure_plugin
start_results normalize
NORMALIZE_WORK="$WORK_DIR/normalize"
INPUTS="$NORMALIZE_WORK/inputs"

# --- inputs -----------------------------------------------------------------------------------
missing=()
for gav in "${JARS[@]}"; do
    IFS=: read -r _ artifact version <<<"$gav"
    [[ -f "$INPUTS/$artifact-$version.jar" ]] || missing+=("$gav")
done
fetch_jars "$INPUTS" "${missing[@]}"

# --- per-run preparation and checks -----------------------------------------------------------
INPUT="" TARGET_FILE="" EXPECTED_FILES="" SHA_FILE=""

lay_fresh_copy() {
    rm -f "$(dirname "$TARGET_FILE")"/*.jar
    cp "$INPUT" "$TARGET_FILE"
}

# The file entries (directories aside: a normalizer may add or drop those) of a zip.
file_entries() { unzip -Z1 "$1" | grep -v '/$' | wc -l; }

# After each run: still a readable zip with the same file entries, rewritten; remember its digest.
check_normalized() {
    local count
    count="$(file_entries "$TARGET_FILE")" || { echo "not a readable zip: $TARGET_FILE"; return 1; }
    [[ "$count" == "$EXPECTED_FILES" ]] || { echo "$count file entries, expected $EXPECTED_FILES"; return 1; }
    if [[ ! -s "$SHA_FILE" ]]; then
        # Once per tool: every entry decompresses and matches its CRC.
        unzip -tqq "$TARGET_FILE" || { echo "unzip -t failed on $TARGET_FILE"; return 1; }
    fi
    sha256sum <"$TARGET_FILE" | cut -d' ' -f1 >>"$SHA_FILE"
    if cmp -s "$INPUT" "$TARGET_FILE"; then echo "output is byte-identical to the input: nothing was normalized"; return 1; fi
    local goal
    goal="$(goal_time "$CURRENT_LABEL")"
    if [[ -n "$goal" ]] && ((ROUND > 0)); then printf '%s\t%s\t%s\n' "$GROUP" "$CURRENT_LABEL" "$goal" >>"$GOAL_TIMES"; fi
    return 0
}
# The median of a row's goal times, or empty.
goal_median() { awk -F '\t' -v g="$GROUP" -v l="$1" '$1 == g && $2 == l { print $3 }' "$GOAL_TIMES" | median | grep -v nan || true; }
goal_range() { awk -F '\t' -v g="$GROUP" -v l="$1" '$1 == g && $2 == l { print $3 }' "$GOAL_TIMES" | sort -g | sed -n '1p;$p' | paste -sd '-' | sed 's/-/–/'; }

# Note column: output size and whether every run gave the same bytes.
output_note() {
    local size distinct
    size="$(awk -v b="$(stat -c %s "$TARGET_FILE")" 'BEGIN { printf "%.1f MB", b / 1e6 }')"
    distinct="$(sort -u "$SHA_FILE" | wc -l)"
    if [[ "$(wc -l <"$SHA_FILE")" == 1 ]]; then
        echo "output $size, sha256 $(head -c 12 "$SHA_FILE")…"
    elif [[ "$distinct" == 1 ]]; then
        echo "output $size, sha256 $(head -c 12 "$SHA_FILE")…, same bytes in every run"
    else
        echo "output $size, $distinct different outputs over $(wc -l <"$SHA_FILE") runs"
    fi
}

# The goal's own time in the run just checked: from the timestamp of the goal's "--- plugin:version:goal" line
# to that of "BUILD SUCCESS" (the goal is the build's last mojo), read from the last round of the row's log.
# It leaves out Maven's start-up, which varies by ±0.3 s from run to run on this machine and so swamps a goal
# of 0.3-0.5 s in the difference of two whole-run medians; it keeps Maven setting up the plugin's class realm
# and configuring the mojo (both come after that line). Prints nothing for a row that is not a Maven goal.
goal_time() {
    local log_file="$WORK_DIR/logs/$(tr -c 'A-Za-z0-9._-' '_' <<<"$GROUP-$1").log"
    [[ -f "$log_file" ]] || return 0
    awk "$LOG_TIME_AWK"'
        /^=== round / { start = ""; end = "" }
        stamped($0) {
            if (index($0, "] --- ") > 0 && (index($0, "hermetic") > 0 || index($0, "reproducible-build") > 0)) start = t($0)
            else if (start != "" && index($0, "BUILD SUCCESS") > 0) end = t($0)
        }
        END { if (start != "" && end != "") printf "%.3f\n", span(start, end) }' "$log_file"
}
GOAL_TIMES=""
CURRENT_LABEL=""

# Every Maven row logs with timestamps (MAVEN_LOG_TIMES), so that a goal's own time can be read from its log.
# Usage: measure_normalizer LABEL COMMAND...
measure_normalizer() {
    local label="$1"
    shift
    CURRENT_LABEL="$label"
    SHA_FILE="$NORMALIZE_WORK/sha/$(tr -c 'A-Za-z0-9' '_' <<<"$GROUP-$label")"
    mkdir -p "$(dirname "$SHA_FILE")"
    touch "$SHA_FILE"
    MEASURE_NOTE_FN=output_note measure "$GROUP" "$label" lay_fresh_copy check_normalized -- "$@"
}

# One round: every row once, on the current jar.
normalize_round() {
    measure "$GROUP" "$L_VALIDATE" lay_fresh_copy : -- "$MVN" -B -o "${MAVEN_LOG_TIMES[@]}" validate
    measure "$GROUP" "$L_PACKAGE" lay_fresh_copy : -- "$MVN" -B -o "${MAVEN_LOG_TIMES[@]}" package
    measure_normalizer "$L_RBMP" "$MVN" -B -o "${MAVEN_LOG_TIMES[@]}" package "$RBMP_GAV:strip-jar"
    if $hermetic_goal_ready; then
        measure_normalizer "$L_MVN_FAST" "$MVN" -B -o "${MAVEN_LOG_TIMES[@]}" package "$PLUGIN_GAV:normalize" -Dhermetic.normalize.mode=fast
        measure_normalizer "$L_MVN_PORTABLE" "$MVN" -B -o "${MAVEN_LOG_TIMES[@]}" package "$PLUGIN_GAV:normalize" -Dhermetic.normalize.mode=portable
    else
        not_measured "$GROUP" "$L_MVN_FAST" "hermetic:normalize not working in this build (see $NORMALIZE_WORK/smoke-goal.log)"
        not_measured "$GROUP" "$L_MVN_PORTABLE" "hermetic:normalize not working in this build"
    fi
    if $hermetic_cli_ready; then
        measure_normalizer "$L_CLI_FAST" java -jar "$CLI_JAR" normalize --mode fast --timestamp "$TIMESTAMP" "$TARGET_FILE"
        measure_normalizer "$L_CLI_PORTABLE" java -jar "$CLI_JAR" normalize --mode portable --timestamp "$TIMESTAMP" "$TARGET_FILE"
    else
        not_measured "$GROUP" "$L_CLI_FAST" "CLI normalize not working in this build (see $NORMALIZE_WORK/smoke-cli.log)"
        not_measured "$GROUP" "$L_CLI_PORTABLE" "CLI normalize not working in this build"
    fi
    MEASURE_WARMUP=0 MEASURE_MAX_RUNS="$SND_RUNS" measure_normalizer "$L_SND" strip-nondeterminism --timestamp "$TIMESTAMP" "$TARGET_FILE"
}

# Inside Maven, the goal only counts if the plugin has it and its core works (a smoke run decides).
hermetic_goal_ready=false
hermetic_cli_ready=false

# --- measurements -----------------------------------------------------------------------------
REPORT_SECTIONS=()
first=true
for gav in "${JARS[@]}"; do
    IFS=: read -r _ artifact version <<<"$gav"
    jar="$artifact-$version.jar"
    GROUP="$jar"
    INPUT="$INPUTS/$jar"
    project="$NORMALIZE_WORK/project-$artifact"
    mkdir -p "$project/target"
    sed "s/@JAR@/$jar/" "$BENCH_DIR/normalize/project-pom.xml" >"$project/pom.xml"
    TARGET_FILE="$project/target/$jar"
    EXPECTED_FILES="$(file_entries "$INPUT")"
    log "== $jar: $(stat -c %s "$INPUT") bytes, $(unzip -Z1 "$INPUT" | wc -l) entries ($EXPECTED_FILES files)"
    cd "$project"

    if $first; then
        # Online once, untimed: brings build-helper and reproducible-build-maven-plugin into the local repository.
        log "resolving the Maven plugins once (online)"
        lay_fresh_copy
        "$MVN" -B package "$RBMP_GAV:strip-jar" >"$NORMALIZE_WORK/warm.log" 2>&1 \
            || { tail -n 30 "$NORMALIZE_WORK/warm.log" >&2; die "could not run $RBMP_GAV once online (log: $NORMALIZE_WORK/warm.log)"; }
        if plugin_has_goal normalize; then
            lay_fresh_copy
            if "$MVN" -B -o package "$PLUGIN_GAV:normalize" >"$NORMALIZE_WORK/smoke-goal.log" 2>&1 && ! cmp -s "$INPUT" "$TARGET_FILE"; then
                hermetic_goal_ready=true
            else
                log "hermetic:normalize is not working yet (log: $NORMALIZE_WORK/smoke-goal.log); its rows are marked not measured"
            fi
        fi
        lay_fresh_copy
        if java -jar "$CLI_JAR" normalize --mode fast --timestamp "$TIMESTAMP" "$TARGET_FILE" >"$NORMALIZE_WORK/smoke-cli.log" 2>&1 && ! cmp -s "$INPUT" "$TARGET_FILE"; then
            hermetic_cli_ready=true
        else
            log "the CLI's normalize is not working yet (log: $NORMALIZE_WORK/smoke-cli.log); its rows are marked not measured"
        fi
        first=false
    fi

    rm -rf "$NORMALIZE_WORK/sha"
    GOAL_TIMES="$NORMALIZE_WORK/goal-times.tsv"
    : >"$GOAL_TIMES"
    run_rounds normalize_round
    cd "$BENCH_DIR"

    summarize
    # Targets: against the reference in the same run.
    rbmp="$(median_of "$GROUP" "$L_RBMP")"
    package="$(median_of "$GROUP" "$L_PACKAGE")"
    rbmp_rss="$(rss_of "$GROUP" "$L_RBMP")"
    section="$(
        echo "## $jar"
        echo
        echo "$(stat -c %s "$INPUT") bytes, $(unzip -Z1 "$INPUT" | wc -l) entries. Reference: $L_RBMP."
        echo
        table "$GROUP" "$L_RBMP"
        echo
        echo "The goal's own time, read from Maven's log timestamps (from the goal's \`--- plugin:version:goal\` line to"
        echo "\`BUILD SUCCESS\`; Maven setting up the plugin's realm and configuring the mojo included), medians and min–max:"
        echo
        for l in "$L_RBMP" "$L_MVN_FAST" "$L_MVN_PORTABLE"; do
            [[ -z "$(goal_median "$l")" ]] || echo "- $l: $(goal_median "$l") s ($(goal_range "$l"))"
        done
        echo
        echo "Targets (ratios from this run). Maven rows are judged on the goal's own time above, and on the time each goal"
        echo "adds to \`$L_PACKAGE\` (median minus median). Every whole run carries Maven's start-up ($package s here),"
        echo "which no plugin can shorten: a whole-run ratio of 5 would need a run shorter than Maven's own start-up. The"
        echo "added time is a difference of two medians of whole runs that each vary by ±0.3 s here, so for a goal of 0.3–0.5 s"
        echo "it swings from run to run; the goal's own time does not carry that start-up. Whole-run ratios follow, for reading."
        echo
        rbmp_added="$(added_of "$GROUP" "$L_PACKAGE" "$L_RBMP")"
        rbmp_added_cpu="$(added_cpu_of "$GROUP" "$L_PACKAGE" "$L_RBMP")"
        goal_rbmp="$(goal_median "$L_RBMP")"
        goal_fast="$(goal_median "$L_MVN_FAST")"
        goal_portable="$(goal_median "$L_MVN_PORTABLE")"
        target_check "hermetic:normalize fast in Maven, the goal's own time: reference's ÷ ours (× faster)" "$(ratio "$goal_rbmp" "$goal_fast")" ">=" 5
        target_check "hermetic:normalize portable in Maven, the goal's own time: ours ÷ reference's" "$(ratio "$goal_portable" "$goal_rbmp")" "<=" 1
        target_check "hermetic:normalize fast in Maven, added time: reference's ÷ ours (× faster)" "$(ratio "$rbmp_added" "$(added_of "$GROUP" "$L_PACKAGE" "$L_MVN_FAST")")" ">=" 5
        target_check "hermetic:normalize portable in Maven, added time: ours ÷ reference's" "$(ratio "$(added_of "$GROUP" "$L_PACKAGE" "$L_MVN_PORTABLE")" "$rbmp_added")" "<=" 1
        target_check "CLI fast: reference (whole Maven run) ÷ time (× faster)" "$(ratio "$rbmp" "$(median_of "$GROUP" "$L_CLI_FAST")")" ">=" 5
        target_check "CLI portable: time ÷ reference (whole Maven run)" "$(ratio "$(median_of "$GROUP" "$L_CLI_PORTABLE")" "$rbmp")" "<=" 1
        target_check "same with CPU time: hermetic:normalize fast in Maven, reference's added CPU ÷ ours" "$(ratio "$rbmp_added_cpu" "$(added_cpu_of "$GROUP" "$L_PACKAGE" "$L_MVN_FAST")")" ">=" 5
        target_check "same with CPU time: hermetic:normalize portable in Maven, our added CPU ÷ reference's" "$(ratio "$(added_cpu_of "$GROUP" "$L_PACKAGE" "$L_MVN_PORTABLE")" "$rbmp_added_cpu")" "<=" 1
        for l in "$L_CLI_FAST" "$L_CLI_PORTABLE" "$L_MVN_FAST" "$L_MVN_PORTABLE"; do
            target_check "$l: peak RSS ÷ reference's" "$(ratio "$(rss_of "$GROUP" "$l")" "$rbmp_rss")" "<" 0.5
        done
        echo
        echo "Whole runs, for reading (not targets): reference ÷ hermetic:normalize fast $(ratio "$rbmp" "$(median_of "$GROUP" "$L_MVN_FAST")")×;"
        echo "hermetic:normalize portable ÷ reference $(ratio "$(median_of "$GROUP" "$L_MVN_PORTABLE")" "$rbmp")."
        echo
        over_baseline "$GROUP" "$L_PACKAGE" "$L_RBMP" "$L_MVN_FAST" "$L_MVN_PORTABLE"
        true
    )"
    REPORT_SECTIONS+=("$section")
    printf '\n%s\n' "$section"
done

{
    machine_header "Benchmark: normalizing real jars"
    echo "- inputs (Maven Central): ${JARS[*]}"
    echo "- tools: $PLUGIN_GAV (CLI: \`java -jar\` the plugin jar; goal: \`mvn -o package $PLUGIN_GA:$PLUGIN_VERSION:normalize\`), $RBMP_GAV (\`mvn -o package $RBMP_GAV:strip-jar\`), $L_SND (\`strip-nondeterminism --timestamp $TIMESTAMP FILE\`, $SND_RUNS run(s), no warm-up)"
    echo "- Maven rows run in a throwaway project (bench/normalize/project-pom.xml, packaging pom) whose target/ holds a fresh copy of the jar, attached by build-helper-maven-plugin $BUILD_HELPER_VERSION at \`package\`; every run starts from a fresh copy of the input; the rows run in interleaved rounds (each round runs every row once), after one untimed warm-up round"
    echo "- peak RSS is /usr/bin/time's %M: the largest process of the tree (the JVM for Maven and the CLI, perl for strip-nondeterminism)"
    echo "- figures are noisy: 2 shared cores; compare ratios within this run, not with other runs"
    echo
    echo "How to run: \`bench/run.sh normalize\` (see docs/benchmarks.md)."
    for s in "${REPORT_SECTIONS[@]}"; do
        echo
        echo "$s"
    done
} | write_results normalize
