#!/usr/bin/env bash
# bench/vendor: hermetic:vendor on the source release of maven-resources-plugin 3.3.1 (the lock benchmark's subject,
# about 990 locked artifacts), copying every locked file from the local repository into a fresh directory and checking
# each one's SHA-256 against the lockfile, against a plain `cp -r` of the same files plus `sha256sum` of the copies.
# Writes bench/results/vendor.md. Environment: BENCH_RUNS (default 5).
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

GROUP="$RESOURCES_PLUGIN_DIR_NAME"
L_REF="cp -r + sha256sum of the same files"
L_VALIDATE="mvn -o validate"
L_VENDOR="hermetic:vendor into an empty directory (mvn -o)"
L_VENDOR_AGAIN="hermetic:vendor again, nothing changed (mvn -o)"
L_CLI="hermetic CLI vendor into an empty directory"
L_REF_SHA1="cp -r + sha256sum + a .sha1 file beside each (sha1sum), for reading"

resolve_maven
ensure_plugin
start_results vendor
VENDOR_WORK="$WORK_DIR/vendor"
# A project of its own (the lock benchmark deletes its hermetic.lock between runs), on the lock benchmark's repository.
resources_plugin_subject "$VENDOR_WORK"
cd "$PROJECT"
TARGET="$VENDOR_WORK/vendored"
CLI_TARGET="$VENDOR_WORK/cli/vendored"
# The reference's input: the locked files alone, in repository layout, laid once; and its output.
REF_SOURCE="$VENDOR_WORK/reference-source"
REF_TARGET="$VENDOR_WORK/reference-copy"
EXPECTED="$VENDOR_WORK/expected.sha256"

plugin_has_goal vendor || die "the plugin built from ${PLUGIN_COMMIT:-HEAD} has no goal vendor"
# Once online, untimed: the lockfile, and whatever the goals resolve beyond the lifecycle.
"$MVN" "${MVN_REPO[@]}" "$PLUGIN_GAV:lock" >"$VENDOR_WORK/warm-lock.log" 2>&1 \
    || { tail -n 30 "$VENDOR_WORK/warm-lock.log" >&2; die "hermetic:lock failed (log: $VENDOR_WORK/warm-lock.log)"; }
rm -rf "$TARGET"
"$MVN" "${MVN_REPO[@]}" "$PLUGIN_GAV:vendor" -Dhermetic.vendor.directory="$TARGET" >"$VENDOR_WORK/warm-vendor.log" 2>&1 \
    || { tail -n 30 "$VENDOR_WORK/warm-vendor.log" >&2; die "hermetic:vendor failed (log: $VENDOR_WORK/warm-vendor.log)"; }

# Every locked file, as "<sha-256>  <path in repository layout>": what the vendored directory must hold.
awk 'length($2) == 64 && $2 ~ /^[0-9a-f]+$/ {
        n = split($1, c, ":"); if (n != 4 && n != 5) next
        g = c[1]; gsub(/\./, "/", g); a = c[2]; e = c[3]; v = c[n]; cl = (n == 5) ? "-" c[4] : ""
        printf "%s  %s/%s/%s/%s-%s%s.%s\n", $2, g, a, v, a, v, cl, e }' hermetic.lock >"$EXPECTED"
LOCKED="$(wc -l <"$EXPECTED")"
(( LOCKED > 500 )) || die "only $LOCKED artifacts in $PROJECT/hermetic.lock"
rm -rf "$REF_SOURCE" && mkdir -p "$REF_SOURCE"
(cd "$REPO" && cut -c67- "$EXPECTED" | xargs -d '\n' cp --parents -t "$REF_SOURCE") || die "a locked file is missing from $REPO"
BYTES="$(cd "$REF_SOURCE" && cut -c67- "$EXPECTED" | tr '\n' '\0' | du -cb --files0-from=- | tail -n 1 | cut -f1)"

# The vendored directory holds every locked file with the locked bytes (and what else vendor writes beside them).
check_vendored() { (cd "$TARGET" && sha256sum -c --quiet "$EXPECTED") || { echo "the vendored directory is wrong"; return 1; }; }
check_reference() { (cd "$REF_TARGET" && sha256sum -c --quiet "$EXPECTED") || { echo "the copy is wrong"; return 1; }; }
check_cli() { (cd "$CLI_TARGET" && sha256sum -c --quiet "$EXPECTED") || { echo "the CLI's directory is wrong"; return 1; }; }
remove_vendored() { rm -rf "$TARGET"; }
remove_reference() { rm -rf "$REF_TARGET"; }
remove_cli() { rm -rf "$CLI_TARGET"; }

# The goal's own time in the last run of a row: from its "--- ...:vendor" log line to "BUILD SUCCESS". It leaves out
# Maven's start-up (2-3 s here, varying by ±0.3 s: more than the whole reference), and keeps Maven setting up the
# plugin's realm and configuring the mojo.
goal_time() {
    awk "$LOG_TIME_AWK"'
        /^=== round / { start = ""; end = "" }
        stamped($0) {
            if (index($0, "] --- hermetic:") > 0 && index($0, ":vendor ") > 0) start = t($0)
            else if (start != "" && index($0, "BUILD SUCCESS") > 0) end = t($0)
        }
        END { if (start != "" && end != "") printf "%.3f\n", span(start, end) }' \
        "$WORK_DIR/logs/$(tr -c 'A-Za-z0-9._-' '_' <<<"$GROUP-$1").log"
}
GOAL_TIMES="$WORK_DIR/vendor.goal-times.tsv"
: >"$GOAL_TIMES"
record_goal_time() {
    local goal
    goal="$(goal_time "$1")"
    if [[ -n "$goal" ]] && ((ROUND > 0)); then printf '%s\t%s\n' "$1" "$goal" >>"$GOAL_TIMES"; fi
}
goal_median() { awk -F '\t' -v l="$1" '$1 == l { print $2 }' "$GOAL_TIMES" | median | grep -v nan || true; }
goal_range() { awk -F '\t' -v l="$1" '$1 == l { print $2 }' "$GOAL_TIMES" | sort -g | sed -n '1p;$p' | paste -sd '-' | sed 's/-/–/'; }

vendor_round() {
    measure "$GROUP" "$L_REF" remove_reference check_reference -- \
        bash -c 'cp -r "$0" "$1" && cd "$1" && find . -type f -print0 | xargs -0 sha256sum >/dev/null' "$REF_SOURCE" "$REF_TARGET"
    # What hermetic:vendor writes besides the copies: a .sha1 file beside each, which Maven checks when it reads a
    # file:// repository.
    measure "$GROUP" "$L_REF_SHA1" remove_reference check_reference -- \
        bash -c 'cp -r "$0" "$1" && cd "$1" && find . -type f -print0 | xargs -0 sha256sum >/dev/null &&
            find . -type f -print0 | xargs -0 sha1sum | while read -r h f; do echo "$h" >"$f.sha1"; done' "$REF_SOURCE" "$REF_TARGET"
    measure "$GROUP" "$L_VALIDATE" : : -- "$MVN" "${MVN_REPO[@]}" -o "${MAVEN_LOG_TIMES[@]}" validate
    measure "$GROUP" "$L_VENDOR" remove_vendored check_vendored -- \
        "$MVN" "${MVN_REPO[@]}" -o "${MAVEN_LOG_TIMES[@]}" "$PLUGIN_GAV:vendor" -Dhermetic.vendor.directory="$TARGET"
    record_goal_time "$L_VENDOR"
    measure "$GROUP" "$L_VENDOR_AGAIN" : check_vendored -- \
        "$MVN" "${MVN_REPO[@]}" -o "${MAVEN_LOG_TIMES[@]}" "$PLUGIN_GAV:vendor" -Dhermetic.vendor.directory="$TARGET"
    record_goal_time "$L_VENDOR_AGAIN"
    if $cli_ready; then
        measure "$GROUP" "$L_CLI" remove_cli check_cli -- \
            java -jar "$CLI_JAR" vendor --lockfile hermetic.lock --local-repo "$REPO" "$CLI_TARGET"
    else
        not_measured "$GROUP" "$L_CLI" "the plugin's command line has no vendor command"
    fi
}
cli_ready=false
cli_has vendor --help && cli_ready=true
run_rounds vendor_round
summarize
cd "$BENCH_DIR"

# --- report -----------------------------------------------------------------------------------
ref="$(median_of "$GROUP" "$L_REF")"
goal="$(goal_median "$L_VENDOR")"
section="$(
    echo "## $RESOURCES_PLUGIN_DIR_NAME"
    echo
    echo "Source release of maven-resources-plugin 3.3.1: $LOCKED locked files, $BYTES bytes. Reference: \`$L_REF\`."
    echo
    table "$GROUP" "$L_REF"
    echo
    echo "The goal's own time, read from Maven's log timestamps (from its \`--- hermetic:…:vendor\` line to \`BUILD SUCCESS\`;"
    echo "Maven setting up the plugin's realm and configuring the mojo included), medians and min–max:"
    echo
    for l in "$L_VENDOR" "$L_VENDOR_AGAIN"; do
        [[ -z "$(goal_median "$l")" ]] || echo "- $l: $(goal_median "$l") s ($(goal_range "$l"))"
    done
    echo
    echo "Target (ratio from this run), judged on the goal's own time: every whole Maven run carries Maven's start-up"
    echo "($(median_of "$GROUP" "$L_VALIDATE") s for \`$L_VALIDATE\` here), several times the whole reference."
    echo
    target_check "hermetic:vendor's own time ÷ \`$L_REF\`" "$(ratio "$goal" "$ref")" "<=" 1.5
    echo
    target_check "the CLI's whole run ÷ \`$L_REF\`" "$(ratio "$(median_of "$GROUP" "$L_CLI")" "$ref")" "<=" 1.5
    echo
    echo "For reading: hermetic:vendor's own time ÷ \`$L_REF_SHA1\` (the files vendor writes) $(ratio "$goal" "$(median_of "$GROUP" "$L_REF_SHA1")")×;"
    echo "time hermetic:vendor adds to \`$L_VALIDATE\` $(added_of "$GROUP" "$L_VALIDATE" "$L_VENDOR") s"
    echo "(CPU $(added_cpu_of "$GROUP" "$L_VALIDATE" "$L_VENDOR") s); whole runs ÷ reference $(ratio "$(median_of "$GROUP" "$L_VENDOR")" "$ref")×."
    true
)"
printf '\n%s\n' "$section"

{
    machine_header "Benchmark: vendoring the locked artifacts"
    echo "- subject: $RESOURCES_PLUGIN_GAV from Maven Central, unpacked, never edited; our goals are called as \`$PLUGIN_GAV:<goal>\`, locked once online before the runs"
    echo "- local repository: the lock benchmark's private one (bench/work/lock/repository), warmed once from Maven Central; every timed Maven run uses it offline"
    echo "- hermetic:vendor writes into \`-Dhermetic.vendor.directory\` outside the project; that directory is deleted before each run of the first vendor row (every file copied and checked) and kept for the second (nothing to copy)"
    echo "- the CLI is \`java -jar hermetic-maven-plugin.jar vendor --lockfile hermetic.lock --local-repo <repository> <directory>\` (JVM defaults), into a directory deleted before each run"
    echo "- the reference copies a tree that holds exactly the locked files (laid once from the local repository, in repository layout) with \`cp -r\`, then runs \`find -print0 | xargs -0 sha256sum\` over the copies; its target is deleted before each run"
    echo "- every run's output is checked, untimed, with \`sha256sum -c\` against the lockfile's checksums"
    echo "- the rows run in interleaved rounds (each round runs every row once), after one untimed warm-up round; the files are in the page cache for every row; a \`sync\` before each run"
    echo "- peak RSS is /usr/bin/time's %M: the largest process (the JVM; for the reference, cp or sha256sum)"
    echo "- figures are noisy: 2 shared cores; compare ratios within this run, not with other runs"
    echo
    echo "How to run: \`bench/run.sh vendor\` (see docs/benchmarks.md)."
    echo
    echo "$section"
} | write_results vendor
