#!/usr/bin/env bash
# bench/audit: hermetic:audit on a real multi-module reactor, the source release of maven-resolver 1.9.22 (18 projects),
# against a bare `mvn -o validate` of the same project: without a lockfile (models and files only); after
# hermetic:verify in the same run (the audit takes verify's result: the case of a build that binds verify); and
# alone with its lockfile, which it then verifies itself (stored graphs reused, and collected again as on CI). The
# project is never edited: the goals are called by their full coordinates; a lockfile is made once, online and
# untimed. Writes bench/results/audit.md.
# Environment: BENCH_RUNS (default 5).
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

SUBJECT_GAV="$RESOLVER_RELEASE_GAV"
SUBJECT_DIR_NAME="$RESOLVER_RELEASE_DIR_NAME"
GROUP="$SUBJECT_DIR_NAME"
L_VALIDATE="mvn -o validate"
L_AUDIT="mvn -o validate hermetic:audit, lockfile verified, stored graphs reused"
L_AUDIT_CI="mvn -o validate hermetic:audit, lockfile verified, every graph collected (as on CI)"
L_AUDIT_NO_LOCK="mvn -o validate hermetic:audit, no lockfile (models and files only)"
L_VERIFY="mvn -o validate hermetic:verify (stored graphs)"
L_VERIFY_AUDIT="mvn -o validate hermetic:verify hermetic:audit (the audit takes verify's result)"

start_bench audit
AUDIT_WORK="$WORK_DIR/audit"
PROJECT="$AUDIT_WORK/$SUBJECT_DIR_NAME"
mkdir -p "$AUDIT_WORK"
[[ -f "$PROJECT/pom.xml" ]] || unpack_source_release "$SUBJECT_GAV" "$AUDIT_WORK"
cd "$PROJECT"
if [[ ! -f hermetic.lock ]]; then
    log "locking $SUBJECT_DIR_NAME once, online (untimed; minutes the first time)"
    "$MVN" -B validate >"$AUDIT_WORK/warm-validate.log" 2>&1 \
        || { tail -n 30 "$AUDIT_WORK/warm-validate.log" >&2; die "mvn validate failed (log: $AUDIT_WORK/warm-validate.log)"; }
    "$MVN" -B "$PLUGIN_GAV:lock" >"$AUDIT_WORK/warm-lock.log" 2>&1 \
        || { tail -n 30 "$AUDIT_WORK/warm-lock.log" >&2; die "hermetic:lock failed (log: $AUDIT_WORK/warm-lock.log)"; }
fi
plugin_has_goal audit || die "the installed plugin has no audit goal"

last_run() { awk '/^=== round/ { buffer = "" } { buffer = buffer $0 "\n" } END { printf "%s", buffer }' "$(row_log "$GROUP" "$1")"; }
# Each run must print the grade once, for the whole reactor, and (with the lockfile) pass the lockfile check.
audited() {
    local run
    run="$(last_run "$1")"
    [[ "$(grep -c 'hermetic:audit: [A-Z]* (' <<<"$run")" == 1 ]] || { echo "not one grade in the log"; return 1; }
    grep -q "BUILD SUCCESS" <<<"$run" || { echo "the build failed"; return 1; }
    if [[ "$2" == locked ]]; then
        grep -qE 'GOLD +lockfile +pass +hermetic:verify: [0-9]+ modules' <<<"$run" \
            || { echo "the lockfile check did not pass"; return 1; }
    fi
    record_audit_time "$1"
}
check_audit() { audited "$L_AUDIT" locked; }
check_audit_ci() { audited "$L_AUDIT_CI" locked; }
check_audit_no_lock() { audited "$L_AUDIT_NO_LOCK" none; }
check_verify_audit() { audited "$L_VERIFY_AUDIT" locked; }
# The reactor's size, as hermetic:verify counts it.
projects() { grep -o 'hermetic:verify: [0-9]* modules' "$(row_log "$GROUP" "$L_VERIFY")" | tail -n 1 | awk '{ print $2 }'; }
# The audit's own time in the last run of a row: from each "--- ...:audit" line (one per module; all but the last
# return at once) to the next mojo, project header or "BUILD SUCCESS", summed. It leaves out Maven's start-up and the
# other mojos, whose times swing by seconds on this loaded machine; it keeps Maven setting up the plugin's realm.
AUDIT_TIMES="$WORK_DIR/audit.goal-times.tsv"
: >"$AUDIT_TIMES"
audit_time() {
    awk "$LOG_TIME_AWK"'
        /^=== round / { sum = 0; start = "" }
        stamped($0) {
            if (start != "" && (index($0, "] --- ") > 0 || index($0, "BUILD SUCCESS") > 0 || $0 ~ /\] -+< /)) {
                sum += span(start, t($0)); start = ""
            }
            if (index($0, "] --- ") > 0 && $0 ~ /:audit \(/) start = t($0)
        }
        END { printf "%.3f\n", sum }' "$(row_log "$GROUP" "$1")"
}
record_audit_time() { ((ROUND <= 0)) || printf '%s\t%s\n' "$1" "$(audit_time "$1")" >>"$AUDIT_TIMES"; }
audit_median() { awk -F '\t' -v l="$1" '$1 == l { print $2 }' "$AUDIT_TIMES" | median | grep -v nan || true; }
audit_range() { awk -F '\t' -v l="$1" '$1 == l { print $2 }' "$AUDIT_TIMES" | sort -g | sed -n '1p;$p' | paste -sd '-' | sed 's/-/–/'; }
grade() { sed -n 's/.*\(hermetic:audit: [A-Z]* ([^)]*), [0-9]* of [0-9]* checks pass\).*/\1/p' "$(row_log "$GROUP" "$L_AUDIT")" | tail -n 1; }

round() {
    measure "$GROUP" "$L_VALIDATE" : : -- "$MVN" -B -o validate
    measure "$GROUP" "$L_AUDIT_NO_LOCK" : check_audit_no_lock -- "$MVN" -B -o "${MAVEN_LOG_TIMES[@]}" validate "$PLUGIN_GAV:audit" \
        -Dhermetic.verify.lockfile=no-such.lock
    measure "$GROUP" "$L_VERIFY" : : -- "$MVN" -B -o validate "$PLUGIN_GAV:verify" -Dhermetic.verify.reuseGraphs=true
    measure "$GROUP" "$L_VERIFY_AUDIT" : check_verify_audit -- "$MVN" -B -o "${MAVEN_LOG_TIMES[@]}" validate "$PLUGIN_GAV:verify" \
        "$PLUGIN_GAV:audit" -Dhermetic.verify.reuseGraphs=true
    measure "$GROUP" "$L_AUDIT" : check_audit -- "$MVN" -B -o "${MAVEN_LOG_TIMES[@]}" validate "$PLUGIN_GAV:audit" -Dhermetic.verify.reuseGraphs=true
    measure "$GROUP" "$L_AUDIT_CI" : check_audit_ci -- "$MVN" -B -o "${MAVEN_LOG_TIMES[@]}" validate "$PLUGIN_GAV:audit" -Dhermetic.verify.reuseGraphs=false
}
run_rounds round
summarize
cd "$BENCH_DIR"

section="$(
    echo "## $SUBJECT_DIR_NAME"
    echo
    echo "Source release of maven-resolver 1.9.22: $(projects) projects in the reactor, $(grep -cE '^[^#[:space:]][^ ]* [0-9a-f]{64,128} ' "$PROJECT/hermetic.lock" || true) artifacts in hermetic.lock. Reference: \`$L_VALIDATE\`. Grade: $(grade)."
    echo
    table "$GROUP" "$L_VALIDATE"
    echo
    echo "The audit's own time, read from Maven's log timestamps (each module's \`--- ...:audit\` line to the next mojo or"
    echo "the end, summed: Maven's start-up and the other mojos left out), median and range over the runs:"
    echo
    for l in "$L_AUDIT_NO_LOCK" "$L_VERIFY_AUDIT" "$L_AUDIT" "$L_AUDIT_CI"; do
        echo "- $l: $(audit_median "$l") s ($(audit_range "$l") s)"
    done
    echo
    echo "Targets. Whole runs swing by seconds on this machine (see min–max above), so the goal is judged on its own time:"
    echo
    target_check "hermetic:audit without a lockfile, its own time (s)" "$(audit_median "$L_AUDIT_NO_LOCK")" "<" 1
    target_check "hermetic:audit after hermetic:verify, its own time (s)" "$(audit_median "$L_VERIFY_AUDIT")" "<" 1
    target_check "hermetic:audit alone, verifying the lockfile itself (stored graphs), its own time (s)" "$(audit_median "$L_AUDIT")" "<" 1
    echo
    echo "The lockfile check is hermetic:verify's own verification (every locked file hashed): alone, the audit pays it"
    echo "once; after hermetic:verify (bound in validate, or extension mode) it takes verify's result."
    echo
    over_baseline "$GROUP" "$L_VALIDATE" "$L_AUDIT_NO_LOCK" "$L_VERIFY" "$L_VERIFY_AUDIT" "$L_AUDIT" "$L_AUDIT_CI"
    true
)"
printf '\n%s\n' "$section"

{
    results_header "Benchmark: hermetic:audit on a multi-module reactor" audit \
        "subject: $SUBJECT_GAV from Maven Central, unpacked, locked once online with \`hermetic:lock\` (untimed); never edited" \
        "every row is one \`mvn -o\` run from the project's root with the local repository ~/.m2/repository; the audit is called as \`$PLUGIN_GA:<version>:audit\` after \`validate\`, and runs once per reactor (its last module)" \
        "each audited run must print one grade and BUILD SUCCESS, and with the lockfile pass the lockfile check for every module" \
        "$INTERLEAVED_ROUNDS" "$NOISY_FIGURES"
    echo "$section"
} | write_results audit
