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
# Maven starting, resolving this plugin, a realm over its jar, and a goal that only prints: the baseline of the
# vendor rows (validate would run the project's own plugins too).
L_HELP="mvn -o hermetic:help"
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
# Every run writes into a new directory under OUT, deleted only after the rounds: never into one just emptied. On a
# journal-less ext4 (this machine's), each file created within a minute or so of deleting others first skips past
# every recently deleted inode of its group, so deleting a row's output before its run made the rows that create
# more files (vendor writes a .sha1 beside each) pay several times the kernel time for the bench's own deletions.
OUT="$VENDOR_WORK/out"
# The reference's input: the locked files alone, in repository layout, laid once.
REF_SOURCE="$VENDOR_WORK/reference-source"
EXPECTED="$VENDOR_WORK/expected.sha256"
# Outputs of a run that was stopped, and of this script's earlier versions.
rm -rf "$OUT" "$VENDOR_WORK/vendored" "$VENDOR_WORK/cli" "$VENDOR_WORK/reference-copy"

plugin_has_goal vendor || die "the plugin built from ${PLUGIN_COMMIT:-HEAD} has no goal vendor"
# Once online, untimed: the lockfile, and whatever the goals resolve beyond the lifecycle.
"$MVN" "${MVN_REPO[@]}" "$PLUGIN_GAV:lock" >"$VENDOR_WORK/warm-lock.log" 2>&1 \
    || { tail -n 30 "$VENDOR_WORK/warm-lock.log" >&2; die "hermetic:lock failed (log: $VENDOR_WORK/warm-lock.log)"; }
"$MVN" "${MVN_REPO[@]}" "$PLUGIN_GAV:vendor" -Dhermetic.vendor.directory="$OUT/warm/repository" >"$VENDOR_WORK/warm-vendor.log" 2>&1 \
    || { tail -n 30 "$VENDOR_WORK/warm-vendor.log" >&2; die "hermetic:vendor failed (log: $VENDOR_WORK/warm-vendor.log)"; }

# Every locked file, as "<sha-256>  <path in repository layout>": what the vendored directory must hold.
awk 'length($2) == 64 && $2 ~ /^[0-9a-f]+$/ {
        n = split($1, c, ":"); if (n != 4 && n != 5) next
        g = c[1]; gsub(/\./, "/", g); a = c[2]; e = c[3]; v = c[n]; cl = (n == 5) ? "-" c[4] : ""
        printf "%s  %s/%s/%s/%s-%s%s.%s\n", $2, g, a, v, a, v, cl, e }' hermetic.lock >"$EXPECTED"
LOCKED="$(wc -l <"$EXPECTED")"
(( LOCKED > 500 )) || die "only $LOCKED artifacts in $PROJECT/hermetic.lock"
if ! (cd "$REF_SOURCE" 2>/dev/null && sha256sum -c --quiet "$EXPECTED" >/dev/null 2>&1) \
        || [[ "$(find "$REF_SOURCE" -type f | wc -l)" != "$LOCKED" ]]; then
    rm -rf "$REF_SOURCE" && mkdir -p "$REF_SOURCE"
    (cd "$REPO" && cut -c67- "$EXPECTED" | xargs -d '\n' cp --parents -t "$REF_SOURCE") || die "a locked file is missing from $REPO"
fi
BYTES="$(cd "$REF_SOURCE" && cut -c67- "$EXPECTED" | tr '\n' '\0' | du -cb --files0-from=- | tail -n 1 | cut -f1)"

# The vendored directory holds every locked file with the locked bytes (and what else vendor writes beside them).
check_vendored() { (cd "$TARGET" && sha256sum -c --quiet "$EXPECTED") || { echo "the vendored directory is wrong"; return 1; }; }
check_reference() { (cd "$REF_TARGET" && sha256sum -c --quiet "$EXPECTED") || { echo "the copy is wrong"; return 1; }; }
check_cli() { (cd "$CLI_TARGET" && sha256sum -c --quiet "$EXPECTED") || { echo "the CLI's directory is wrong"; return 1; }; }

# The goal's own time in the last run of a row: from its "--- hermetic:...:GOAL" log line to "BUILD SUCCESS". It leaves
# out Maven's start-up (2-3 s here, varying by ±0.3 s: more than the whole reference), and keeps Maven resolving the
# plugin, setting up its realm and configuring the mojo: with hermetic's goal alone on the command line, the first
# plugin of the run, so that code of Maven's runs cold inside the window (the help row measures that share).
goal_time() {
    awk -v goal=":$2 " "$LOG_TIME_AWK"'
        /^=== round / { start = ""; end = "" }
        stamped($0) {
            if (index($0, "] --- hermetic:") > 0 && index($0, goal) > 0) start = t($0)
            else if (start != "" && index($0, "BUILD SUCCESS") > 0) end = t($0)
        }
        END { if (start != "" && end != "") printf "%.3f\n", span(start, end) }' "$(row_log "$GROUP" "$1")"
}
# The mojo's own time in the last run of a row, as its summary line prints it ("..., 1.23 s"): reading the lockfile,
# copying and checking, settings.xml; not Maven's share of the window.
mojo_time() {
    awk '/^=== round / { own = "" }
        /hermetic:vendor: .* for build .*, [0-9.]+ s$/ { own = $NF; if (own == "s") own = $(NF - 1) }
        END { if (own != "") print own }' "$(row_log "$GROUP" "$1")"
}
GOAL_TIMES="$WORK_DIR/vendor.goal-times.tsv"
: >"$GOAL_TIMES"
# Usage: record_goal_time LABEL GOAL: the goal's window, and for vendor the mojo's own time (as "LABEL (mojo)").
record_goal_time() {
    local goal own
    ((ROUND > 0)) || return 0
    goal="$(goal_time "$1" "$2")"
    [[ -z "$goal" ]] || printf '%s\t%s\n' "$1" "$goal" >>"$GOAL_TIMES"
    [[ "$2" == vendor ]] || return 0
    own="$(mojo_time "$1")"
    [[ -z "$own" ]] || printf '%s\t%s\n' "$1 (mojo)" "$own" >>"$GOAL_TIMES"
}
goal_median() { awk -F '\t' -v l="$1" '$1 == l { print $2 }' "$GOAL_TIMES" | median | grep -v nan || true; }
goal_range() { awk -F '\t' -v l="$1" '$1 == l { print $2 }' "$GOAL_TIMES" | sort -g | sed -n '1p;$p' | paste -sd '-' | sed 's/-/–/'; }

vendor_round() {
    local out="$OUT/round-$ROUND"
    mkdir -p "$out"
    REF_TARGET="$out/reference"
    measure "$GROUP" "$L_REF" : check_reference -- \
        bash -c 'cp -r "$0" "$1" && cd "$1" && find . -type f -print0 | xargs -0 sha256sum >/dev/null' "$REF_SOURCE" "$REF_TARGET"
    # What hermetic:vendor writes besides the copies: a .sha1 file beside each, which Maven checks when it reads a
    # file:// repository.
    REF_TARGET="$out/reference-sha1"
    measure "$GROUP" "$L_REF_SHA1" : check_reference -- \
        bash -c 'cp -r "$0" "$1" && cd "$1" && find . -type f -print0 | xargs -0 sha256sum >/dev/null &&
            find . -type f -print0 | xargs -0 sha1sum | while read -r h f; do echo "$h" >"$f.sha1"; done' "$REF_SOURCE" "$REF_TARGET"
    measure "$GROUP" "$L_HELP" : : -- "$MVN" "${MVN_REPO[@]}" -o "${MAVEN_LOG_TIMES[@]}" "$PLUGIN_GAV:help"
    record_goal_time "$L_HELP" help
    TARGET="$out/vendor/repository"
    measure "$GROUP" "$L_VENDOR" : check_vendored -- \
        "$MVN" "${MVN_REPO[@]}" -o "${MAVEN_LOG_TIMES[@]}" "$PLUGIN_GAV:vendor" -Dhermetic.vendor.directory="$TARGET"
    record_goal_time "$L_VENDOR" vendor
    measure "$GROUP" "$L_VENDOR_AGAIN" : check_vendored -- \
        "$MVN" "${MVN_REPO[@]}" -o "${MAVEN_LOG_TIMES[@]}" "$PLUGIN_GAV:vendor" -Dhermetic.vendor.directory="$TARGET"
    record_goal_time "$L_VENDOR_AGAIN" vendor
    if $cli_ready; then
        CLI_TARGET="$out/cli/repository"
        measure "$GROUP" "$L_CLI" : check_cli -- \
            java -jar "$CLI_JAR" vendor --lockfile hermetic.lock --local-repo "$REPO" "$CLI_TARGET"
    else
        not_measured "$GROUP" "$L_CLI" "the plugin's command line has no vendor command"
    fi
}
cli_ready=false
cli_has vendor --help && cli_ready=true
run_rounds vendor_round
rm -rf "$OUT"
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
    echo "The goal's own time, read from Maven's log timestamps (from its \`--- hermetic:…:<goal>\` line to \`BUILD SUCCESS\`;"
    echo "Maven resolving the plugin, setting up its realm and configuring the mojo included), and the mojo's own time"
    echo "(its summary line: the lockfile read, every file copied and checked, settings.xml), medians and min–max:"
    echo
    for l in "$L_VENDOR" "$L_VENDOR (mojo)" "$L_VENDOR_AGAIN" "$L_VENDOR_AGAIN (mojo)" "$L_HELP"; do
        [[ -z "$(goal_median "$l")" ]] || echo "- $l: $(goal_median "$l") s ($(goal_range "$l"))"
    done
    echo
    echo "hermetic:help's window is Maven's share of any first goal of this plugin in a run: resolving the plugin, a realm"
    echo "over its jar, configuring the mojo, with Maven's code for that still cold (here the plugin is the run's first)."
    echo
    echo "Target (ratio from this run), judged on the goal's own time: every whole Maven run carries Maven's start-up"
    echo "($(median_of "$GROUP" "$L_HELP") s for \`$L_HELP\` here), several times the whole reference."
    echo
    target_check "hermetic:vendor's own time ÷ \`$L_REF\`" "$(ratio "$goal" "$ref")" "<=" 1.5
    echo
    target_check "the CLI's whole run ÷ \`$L_REF\`" "$(ratio "$(median_of "$GROUP" "$L_CLI")" "$ref")" "<=" 1.5
    echo
    echo "For reading: the mojo's own time ÷ \`$L_REF\` $(ratio "$(goal_median "$L_VENDOR (mojo)")" "$ref")×;"
    echo "hermetic:vendor's own time ÷ \`$L_REF_SHA1\` (the files vendor writes) $(ratio "$goal" "$(median_of "$GROUP" "$L_REF_SHA1")")×."
    echo "CPU, which load disturbs least: hermetic:vendor's run adds $(added_cpu_of "$GROUP" "$L_HELP" "$L_VENDOR") s to \`$L_HELP\`'s (the same"
    echo "start-up, plugin and realm), $(added_cpu_of "$GROUP" "$L_HELP" "$L_VENDOR_AGAIN") s with nothing to copy; the reference takes $(cpu_of "$GROUP" "$L_REF") s, the CLI's whole run"
    echo "$(cpu_of "$GROUP" "$L_CLI") s. Whole runs ÷ reference $(ratio "$(median_of "$GROUP" "$L_VENDOR")" "$ref")×."
    true
)"
printf '\n%s\n' "$section"

{
    machine_header "Benchmark: vendoring the locked artifacts"
    echo "- subject: $RESOURCES_PLUGIN_GAV from Maven Central, unpacked, never edited; our goals are called as \`$PLUGIN_GAV:<goal>\`, locked once online before the runs"
    echo "- local repository: the lock benchmark's private one (bench/work/lock/repository), warmed once from Maven Central; every timed Maven run uses it offline"
    echo "- hermetic:vendor writes into \`-Dhermetic.vendor.directory\` outside the project: a new directory for each run of the first vendor row (every file copied and checked), the same one again for the second (nothing to copy)"
    echo "- the CLI is \`java -jar hermetic-maven-plugin.jar vendor --lockfile hermetic.lock --local-repo <repository> <directory>\` (JVM defaults), into a new directory each run"
    echo "- the reference copies a tree that holds exactly the locked files (laid once from the local repository, in repository layout) with \`cp -r\`, then runs \`find -print0 | xargs -0 sha256sum\` over the copies; into a new directory each run"
    echo "- no output is deleted until every round has run: on this machine's journal-less ext4, creating files soon after deleting as many costs a scan past each recently deleted inode (the kernel's \`recently_deleted\`), which, when each row deleted its last output before running, cost the reference 0.8 s of CPU a run and the vendor rows (3,100 new inodes against 2,100) 1.3–1.6 s"
    echo "- every run's output is checked, untimed, with \`sha256sum -c\` against the lockfile's checksums"
    echo "- the rows run in interleaved rounds (each round runs every row once), after one untimed warm-up round; the files are in the page cache for every row; a \`sync\` before each run"
    echo "- peak RSS is /usr/bin/time's %M: the largest process (the JVM; for the reference, cp or sha256sum)"
    echo "- figures are noisy: 2 shared cores; compare ratios within this run, not with other runs"
    echo
    echo "How to run: \`bench/run.sh vendor\` (see docs/benchmarks.md)."
    echo
    echo "$section"
} | write_results vendor
