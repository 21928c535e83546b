#!/usr/bin/env bash
# bench/lock: locking and verifying a real project, the source release of maven-resources-plugin 3.3.1
# (416 artifacts), with this plugin (hermetic:lock, hermetic:verify, the CLI's lock-verify) and with
# maven-lockfile 5.18.3 (generate, validate), against a bare `mvn validate`, all in one run.
# The project is never edited: our goals are called by their full coordinates on the command line.
# Writes bench/results/lock.md. Environment: BENCH_RUNS (default 5), BENCH_MLF_RUNS (default 3: each
# maven-lockfile run takes from 10 s to minutes on a loaded machine).
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

MLF_GAV="io.github.chains-project:maven-lockfile:5.18.3"
# Local mode hashes the files of the local repository, as hermetic:lock does. The default, remote, asks every
# repository the project declares for each checksum over HTTP; here only Maven Central is reachable, the
# request to the project's other repository (apache.snapshots) fails, and every checksum comes out empty.
MLF_OPTS=(-DchecksumMode=local)
MLF_RUNS="${BENCH_MLF_RUNS:-3}"

L_VALIDATE="mvn -o validate"
L_VALIDATE_ONLINE="mvn validate (online)"
L_LOCK="hermetic:lock (mvn -o)"
L_VERIFY="hermetic:verify + validate, stored graphs reused (mvn -o, -Dhermetic.verify.reuseGraphs=true)"
L_VERIFY_COLD="hermetic:verify + validate, every graph collected, as on CI (mvn -o, -Dhermetic.verify.reuseGraphs=false)"
L_CLI_VERIFY="hermetic CLI lock-verify"
L_MLF_GENERATE="maven-lockfile 5.18.3 generate (online, checksumMode=local)"
L_MLF_VALIDATE="maven-lockfile 5.18.3 validate (online)"
GROUP="$RESOURCES_PLUGIN_DIR_NAME"

resolve_maven
ensure_plugin
start_results lock
LOCK_WORK="$WORK_DIR/lock"
warm_mlf() {
    rm -f lockfile.json
    "$MVN" "${MVN_REPO[@]}" "$MLF_GAV:generate" "${MLF_OPTS[@]}" >"$LOCK_WORK/warm-mlf.log" 2>&1 \
        || log "maven-lockfile generate failed once online (log: $LOCK_WORK/warm-mlf.log)"
}
resources_plugin_subject "$LOCK_WORK" warm_mlf
cd "$PROJECT"
# hermetic:lock once online, untimed, so that whatever it resolves beyond the lifecycle is local.
"$MVN" "${MVN_REPO[@]}" "$PLUGIN_GAV:lock" >"$LOCK_WORK/warm-lock.log" 2>&1 || true

# --- per-run checks ---------------------------------------------------------------------------
artifact_lines() {
    [[ -f "$1" ]] || { echo 0; return 0; }
    grep -cE '^[^#[:space:]][^ ]* [0-9a-f]{64,128} ' "$1" || true
}

remove_hermetic_lock() { rm -f hermetic.lock; }
check_hermetic_lock() {
    local n
    n="$(artifact_lines hermetic.lock)"
    (( n > 100 )) || { echo "hermetic.lock has $n artifact lines"; return 1; }
}
hermetic_lock_note() { echo "$(artifact_lines hermetic.lock) artifacts locked, hermetic.lock $(stat -c %s hermetic.lock) bytes"; }

remove_mlf_lockfile() { rm -f lockfile.json; }
check_mlf_lockfile() {
    [[ -s lockfile.json ]] || { echo "no lockfile.json"; return 1; }
    local empty
    empty="$(grep -c '"checksum": ""' lockfile.json || true)"
    (( empty == 0 )) || { echo "lockfile.json has $empty empty checksums"; return 1; }
}
mlf_note() { echo "lockfile.json $(stat -c %s lockfile.json) bytes, $(grep -c '"checksum": "[0-9a-f]' lockfile.json) checksums"; }

# --- measurements -----------------------------------------------------------------------------
lock_ready=false
plugin_has_goal lock && grep -q 'BUILD SUCCESS' "$LOCK_WORK/warm-lock.log" && lock_ready=true
verify_ready=false
$lock_ready && plugin_has_goal verify && verify_ready=true
cli_verify_ready=false
$lock_ready && cli_has lock-verify --help && cli_verify_ready=true

# One round: every row once. hermetic:lock runs before hermetic:verify and lock-verify, which read its
# lockfile; maven-lockfile's generate before its validate.
lock_round() {
    measure "$GROUP" "$L_VALIDATE" : : -- "$MVN" "${MVN_REPO[@]}" -o validate
    measure "$GROUP" "$L_VALIDATE_ONLINE" : : -- "$MVN" "${MVN_REPO[@]}" validate
    if $lock_ready; then
        MEASURE_NOTE_FN=hermetic_lock_note measure "$GROUP" "$L_LOCK" remove_hermetic_lock check_hermetic_lock -- \
            "$MVN" "${MVN_REPO[@]}" -o "$PLUGIN_GAV:lock"
    else
        not_measured "$GROUP" "$L_LOCK" "hermetic:lock not working in this build (see $LOCK_WORK/warm-lock.log)"
    fi
    if $verify_ready && [[ -f hermetic.lock ]]; then
        # Every file is hashed on every run; what differs is whether the stored graphs stand in for collecting.
        # Explicit in both rows: unset, the default depends on the environment variable CI.
        measure "$GROUP" "$L_VERIFY" : : -- "$MVN" "${MVN_REPO[@]}" -o "$PLUGIN_GAV:verify" validate -Dhermetic.verify.reuseGraphs=true
        measure "$GROUP" "$L_VERIFY_COLD" : : -- "$MVN" "${MVN_REPO[@]}" -o "$PLUGIN_GAV:verify" validate -Dhermetic.verify.reuseGraphs=false
    else
        not_measured "$GROUP" "$L_VERIFY" "needs a working hermetic:lock and hermetic:verify"
        not_measured "$GROUP" "$L_VERIFY_COLD" "needs a working hermetic:lock and hermetic:verify"
    fi
    if $cli_verify_ready && [[ -f hermetic.lock ]]; then
        measure "$GROUP" "$L_CLI_VERIFY" : : -- java -jar "$CLI_JAR" lock-verify --lockfile hermetic.lock --local-repo "$REPO"
    else
        not_measured "$GROUP" "$L_CLI_VERIFY" "needs hermetic.lock and the CLI's lock-verify"
    fi
    MEASURE_WARMUP=0 MEASURE_MAX_RUNS="$MLF_RUNS" MEASURE_NOTE_FN=mlf_note measure "$GROUP" "$L_MLF_GENERATE" \
        remove_mlf_lockfile check_mlf_lockfile -- "$MVN" "${MVN_REPO[@]}" "$MLF_GAV:generate" "${MLF_OPTS[@]}"
    if [[ -s lockfile.json ]]; then
        MEASURE_WARMUP=0 MEASURE_MAX_RUNS="$MLF_RUNS" measure "$GROUP" "$L_MLF_VALIDATE" : : -- \
            "$MVN" "${MVN_REPO[@]}" "$MLF_GAV:validate"
    else
        not_measured "$GROUP" "$L_MLF_VALIDATE" "maven-lockfile generate left no lockfile.json"
    fi
}
run_rounds lock_round
summarize
cd "$BENCH_DIR"

# --- report -----------------------------------------------------------------------------------
validate="$(median_of "$GROUP" "$L_VALIDATE")"
verify="$(median_of "$GROUP" "$L_VERIFY")"
mlf_generate="$(median_of "$GROUP" "$L_MLF_GENERATE")"
verify_overhead=""
[[ -n "$validate" && -n "$verify" ]] && verify_overhead="$(awk -v a="$verify" -v b="$validate" 'BEGIN { printf "%.2f", a - b }')"
artifacts="$(artifact_lines "$PROJECT/hermetic.lock")"
section="$(
    echo "## $RESOURCES_PLUGIN_DIR_NAME"
    echo
    echo "Source release of maven-resources-plugin 3.3.1 ($artifacts artifacts in hermetic.lock). Reference: $L_MLF_GENERATE."
    echo
    table "$GROUP" "$L_MLF_GENERATE"
    echo
    lock_added="$(added_of "$GROUP" "$L_VALIDATE" "$L_LOCK")"
    mlf_added="$(added_of "$GROUP" "$L_VALIDATE_ONLINE" "$L_MLF_GENERATE")"
    echo "Targets (ratios from this run). Times are what each goal adds to a plain Maven run of the same project"
    echo "(median minus median): \`$L_VALIDATE\` for our goals, \`$L_VALIDATE_ONLINE\` for maven-lockfile, whose goals"
    echo "refuse -o. Every whole run carries Maven's start-up and project reading ($validate s here), which no plugin can"
    echo "shorten. Whole-run ratios follow, for reading."
    echo
    target_check "hermetic:verify: seconds added to \`mvn -o validate\`" "$verify_overhead" "<=" 0.5
    target_check "hermetic:lock: maven-lockfile generate's added time ÷ hermetic:lock's (× faster)" "$(ratio "$mlf_added" "$lock_added")" ">=" 5
    target_check "hermetic:lock: peak RSS MB (whole Maven process)" "$(rss_of "$GROUP" "$L_LOCK")" "<" 300
    echo
    echo "For reading (not targets): whole runs, maven-lockfile generate ÷ hermetic:lock $(ratio "$mlf_generate" "$(median_of "$GROUP" "$L_LOCK")")×;"
    echo "CPU seconds hermetic:verify adds to \`mvn -o validate\`: $(added_cpu_of "$GROUP" "$L_VALIDATE" "$L_VERIFY");"
    echo "seconds it adds when it collects every graph again (\`-Dhermetic.verify.reuseGraphs=false\`, the default on CI): $(added_of "$GROUP" "$L_VALIDATE" "$L_VERIFY_COLD");"
    echo "maven-lockfile generate's added CPU ÷ hermetic:lock's: $(ratio "$(added_cpu_of "$GROUP" "$L_VALIDATE_ONLINE" "$L_MLF_GENERATE")" "$(added_cpu_of "$GROUP" "$L_VALIDATE" "$L_LOCK")")×."
    echo
    over_baseline "$GROUP" "$L_VALIDATE" "$L_LOCK" "$L_VERIFY" "$L_VERIFY_COLD"
    echo
    over_baseline "$GROUP" "$L_VALIDATE_ONLINE" "$L_MLF_GENERATE" "$L_MLF_VALIDATE"
    true
)"
printf '\n%s\n' "$section"

{
    machine_header "Benchmark: locking and verifying a build's inputs"
    echo "- subject: $RESOURCES_PLUGIN_GAV from Maven Central, unpacked, never edited; our goals are called as \`$PLUGIN_GAV:<goal>\`"
    echo "- local repository: a private one (bench/work/lock/repository) filled once from Maven Central by \`mvn verify -DskipTests\`, \`dependency:go-offline\` and one online run of each goal; every timed Maven run uses it"
    echo "- hermetic:lock and hermetic:verify read and hash every file on every run; the verify rows differ only in whether the stored dependency graphs are reused (the default on a developer's machine) or every graph is collected (the default on CI; docs/lock-verify.md)"
    echo "- $MLF_GAV: run online (its goals declare requiresOnline and refuse -o), with \`${MLF_OPTS[*]}\`: it hashes the local repository's files, like hermetic:lock. Its default, \`remote\`, fetches each checksum over HTTP from every repository the project declares; on this machine only Maven Central is reachable, the project's apache.snapshots repository fails first, and every checksum comes out empty, so that mode is not measured. lockfile.json is deleted before each generate (otherwise generate reads its settings from the old file). $MLF_RUNS runs (in the first rounds), no warm-up run"
    echo "- the rows run in interleaved rounds (each round runs every row once), after one untimed warm-up round; hermetic.lock is deleted before each hermetic:lock run"
    echo "- peak RSS is /usr/bin/time's %M: the largest process (the JVM)"
    echo "- figures are noisy: 2 shared cores; compare ratios within this run, not with other runs"
    echo
    echo "How to run: \`bench/run.sh lock\` (see docs/benchmarks.md)."
    echo
    echo "$section"
} | write_results lock
