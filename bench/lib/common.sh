# Shared by bench/*/run.sh: where things are, how the plugin is built, how one command is timed,
# and how a table is printed and written. Source it; it defines functions and variables only.
# shellcheck shell=bash

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
WORK_DIR="$BENCH_DIR/work"
RESULTS_DIR="$BENCH_DIR/results"

PLUGIN_VERSION="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$PROJECT_DIR/pom.xml" | head -n 1)"
PLUGIN_GA="dev.hermetic:hermetic-maven-plugin"
PLUGIN_GAV="$PLUGIN_GA:$PLUGIN_VERSION"
# Our own build directory: other engineers build in the same tree at the same time.
BENCH_BUILD_DIR="${BENCH_BUILD_DIR:-/tmp/build-bench}"
LOCAL_REPO="${BENCH_LOCAL_REPO:-$HOME/.m2/repository}"
INSTALLED_PLUGIN_JAR="$LOCAL_REPO/dev/hermetic/hermetic-maven-plugin/$PLUGIN_VERSION/hermetic-maven-plugin-$PLUGIN_VERSION.jar"
# The CLI runs from a private copy, so that another engineer's `install` cannot swap it mid-run.
CLI_JAR="$WORK_DIR/hermetic-cli.jar"

# Runs per measurement; the median is reported. BENCH_RUNS=1 gives a quick smoke run.
RUNS="${BENCH_RUNS:-5}"

# Pinned versions of everything the benchmarks fetch (Maven Central only).
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

# The Maven the project pins (.mvn/wrapper), called directly: the wrapper script's own start-up
# would otherwise be counted in every Maven figure.
resolve_maven() {
    local home
    home="$(cd "$PROJECT_DIR" && ./mvnw -v 2>/dev/null | sed -n 's/^Maven home: //p' | sed 's/\x1b\[[0-9;]*m//g')"
    [[ -x "$home/bin/mvn" ]] || die "could not find the Maven pinned by $PROJECT_DIR/.mvn/wrapper (./mvnw -v printed no 'Maven home'); run ./mvnw -v once online"
    MVN="$home/bin/mvn"
    MAVEN_VERSION="$("$MVN" -v 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | sed -n 's/^Apache Maven \([^ ]*\).*/\1/p')"
    export MAVEN_OPTS="${MAVEN_OPTS:-}"
}

# Builds the plugin from the last commit (not from the work tree, where other engineers' changes may be
# half-done) and installs it into the local repository, unless the installed jar was already built from
# that commit (BENCH_SKIP_BUILD=1: use whatever is installed). Then takes a private copy of the jar.
ensure_plugin() {
    local head stamp="$WORK_DIR/plugin-built-from" src="$BENCH_BUILD_DIR-src"
    head="$(git -C "$PROJECT_DIR" rev-parse HEAD)"
    mkdir -p "$WORK_DIR"
    if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]] && { [[ ! -f "$INSTALLED_PLUGIN_JAR" ]] || [[ "$(cat "$stamp" 2>/dev/null)" != "$head" ]]; }; then
        log "building and installing $PLUGIN_GAV from commit ${head:0:10} (sources in $src, build directory $BENCH_BUILD_DIR)"
        rm -rf "$src" && mkdir -p "$src"
        git -C "$PROJECT_DIR" archive HEAD | tar -x -C "$src"
        (cd "$src" && ./mvnw -B -q install -DskipTests -Dinvoker.skip=true -DbuildDirectory="$BENCH_BUILD_DIR") \
            || die "the plugin did not build from commit ${head:0:10}; see the output above"
        echo "$head" >"$stamp"
    fi
    [[ -f "$INSTALLED_PLUGIN_JAR" ]] || die "$INSTALLED_PLUGIN_JAR is missing; build it with: cd $PROJECT_DIR && ./mvnw -B install -DskipTests -Dinvoker.skip=true -DbuildDirectory=$BENCH_BUILD_DIR"
    cp "$INSTALLED_PLUGIN_JAR" "$CLI_JAR.tmp" && mv "$CLI_JAR.tmp" "$CLI_JAR"
    PLUGIN_JAR_SHA256="$(sha256sum "$CLI_JAR" | cut -c1-16)"
    PLUGIN_COMMIT="$(cut -c1-10 "$stamp" 2>/dev/null || true)"
}

# True when the installed plugin's CLI knows the command and does not answer "not implemented".
cli_has() {
    local out
    out="$(java -jar "$CLI_JAR" "$@" 2>&1 || true)"
    ! grep -qiE 'not implemented|unknown command' <<<"$out"
}

# True when the installed plugin has a goal of that name (its descriptor lists it).
plugin_has_goal() {
    # Not grep -q: it would stop reading early, and under pipefail unzip's SIGPIPE would fail the test.
    unzip -p "$CLI_JAR" META-INF/maven/plugin.xml 2>/dev/null | grep "<goal>$1</goal>" >/dev/null
}

# Fetches one artifact from Maven Central (through the local repository) into a directory.
# Usage: fetch_artifact GROUP:ARTIFACT:VERSION[:TYPE[:CLASSIFIER]] DIR
fetch_artifact() {
    local gav="$1" dir="$2"
    mkdir -p "$dir"
    "$MVN" -B -q "$DEPENDENCY_PLUGIN:copy" -Dartifact="$gav" -DoutputDirectory="$dir" \
        -Dmdep.overWriteReleases=false >"$WORK_DIR/fetch.log" 2>&1 \
        || { tail -n 30 "$WORK_DIR/fetch.log" >&2; die "could not fetch $gav from Maven Central (log: $WORK_DIR/fetch.log)"; }
}

# Fetches several jars (without their dependencies) in one Maven run: much quicker than one run each.
# Usage: fetch_jars DIR GROUP:ARTIFACT:VERSION...
fetch_jars() {
    local dir="$1" fetch_project="$WORK_DIR/fetch-project" gav g a v deps=""
    shift
    (( $# > 0 )) || return 0
    mkdir -p "$dir" "$fetch_project"
    for gav in "$@"; do
        IFS=: read -r g a v <<<"$gav"
        deps+="<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version>"
        deps+="<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>"
    done
    printf '%s\n' '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>' \
        '<groupId>bench</groupId><artifactId>fetch</artifactId><version>1</version><packaging>pom</packaging>' \
        "<dependencies>$deps</dependencies></project>" >"$fetch_project/pom.xml"
    log "fetching $# jar(s) from Maven Central: $*"
    (cd "$fetch_project" && "$MVN" -B -q "$DEPENDENCY_PLUGIN:copy-dependencies" -DoutputDirectory="$dir" \
        -DexcludeTransitive=true) >"$WORK_DIR/fetch.log" 2>&1 \
        || { tail -n 30 "$WORK_DIR/fetch.log" >&2; die "could not fetch $* from Maven Central (log: $WORK_DIR/fetch.log)"; }
}

# Fetches a source release (GROUP:ARTIFACT:VERSION:zip:source-release) from Maven Central into DIR and unpacks it
# there, as ARTIFACT-VERSION/. Usage: unpack_source_release GAV DIR
unpack_source_release() {
    local gav="$1" dir="$2" artifact version
    IFS=: read -r _ artifact version _ <<<"$gav"
    log "fetching $gav"
    fetch_artifact "$gav" "$dir"
    (cd "$dir" && unzip -q -o "$artifact-$version-source-release.zip")
}

# The subject of the audit and cache-key benchmarks: maven-resolver 1.9.22's source release, a multi-module reactor.
RESOLVER_RELEASE_GAV="org.apache.maven.resolver:maven-resolver:1.9.22:zip:source-release"
RESOLVER_RELEASE_DIR_NAME="maven-resolver-1.9.22"

# The subject of the lock and vendor benchmarks: the source release of maven-resources-plugin 3.3.1, unpacked once
# into DIR, with one private local repository for both, $WORK_DIR/lock/repository: filled from Maven Central by this
# script, so that every tool sees the same state and nothing another engineer's build does to ~/.m2 changes it between
# runs. It holds this plugin as the jar the CLI runs, and is warmed once by `mvn verify -DskipTests`,
# `dependency:go-offline` and WARM_HOOK (a function run in the project, if given).
# Sets PROJECT, REPO and MVN_REPO. Usage: resources_plugin_subject DIR [WARM_HOOK]
RESOURCES_PLUGIN_GAV="org.apache.maven.plugins:maven-resources-plugin:3.3.1:zip:source-release"
RESOURCES_PLUGIN_DIR_NAME="maven-resources-plugin-3.3.1"
resources_plugin_subject() {
    local dir="$1" warm_hook="${2:-}" installed_pom="${INSTALLED_PLUGIN_JAR%.jar}.pom"
    REPO="$WORK_DIR/lock/repository"
    PROJECT="$dir/$RESOURCES_PLUGIN_DIR_NAME"
    MVN_REPO=(-B "-Dmaven.repo.local=$REPO")
    mkdir -p "$dir" "$REPO"
    [[ -f "$PROJECT/pom.xml" ]] || unpack_source_release "$RESOURCES_PLUGIN_GAV" "$dir"
    if ! cmp -s "$CLI_JAR" "$REPO/dev/hermetic/hermetic-maven-plugin/$PLUGIN_VERSION/hermetic-maven-plugin-$PLUGIN_VERSION.jar"; then
        log "installing $PLUGIN_GAV into $REPO"
        "$MVN" "${MVN_REPO[@]}" -q org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
            -Dfile="$CLI_JAR" -DpomFile="$installed_pom" >"$dir/install.log" 2>&1 \
            || { tail -n 30 "$dir/install.log" >&2; die "could not install the plugin into $REPO (log: $dir/install.log)"; }
    fi
    [[ ! -f "$REPO/.bench-warm" ]] || return 0
    log "warming $REPO from Maven Central (once; minutes): mvn verify -DskipTests, then each goal once online"
    (
        cd "$PROJECT"
        "$MVN" "${MVN_REPO[@]}" verify -DskipTests -Dinvoker.skip >"$dir/warm-verify.log" 2>&1 \
            || { tail -n 30 "$dir/warm-verify.log" >&2; die "the warm-up build failed (log: $dir/warm-verify.log)"; }
        "$MVN" "${MVN_REPO[@]}" "$DEPENDENCY_PLUGIN:go-offline" >"$dir/warm-go-offline.log" 2>&1 \
            || log "dependency:go-offline failed (log: $dir/warm-go-offline.log); going on"
        [[ -z "$warm_hook" ]] || "$warm_hook"
    )
    touch "$REPO/.bench-warm"
}

# ---------------------------------------------------------------------------------------------
# Measuring. The rows of a benchmark are measured in interleaved rounds (round 1 runs every row once,
# then round 2, ...), so that a burst of load from other work on the machine hits all rows alike
# instead of ruining one row. Each timed run appends one line to $RAW_TSV:
#   group  label  wall_s  rss_mb  cpu_s  note        (or: group  label  FAILED|WRONG-OUTPUT|NOT MEASURED  why)
# and summarize() turns them into $RESULTS_TSV, one line per row:
#   group  label  runs  median_wall_s  min_wall_s  max_wall_s  median_rss_mb  max_rss_mb  note  median_cpu_s
# A run's wall time, peak RSS and CPU time come from /usr/bin/time (%e, %M, %U + %S): %M is the
# largest process of the tree (for Maven: its JVM; for the CLI: the JVM). CPU time (user + system, all
# threads) suffers less than wall time when other work competes for the cores.

RESULTS_TSV=""
RAW_TSV=""
ROUND=1
declare -A ROW_BROKEN=()
# What every benchmark does first: the pinned Maven, the plugin built from the last commit, fresh results NAME.
# Usage: start_bench NAME
start_bench() {
    resolve_maven
    ensure_plugin
    start_results "$1"
}
start_results() {
    LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
    RESULTS_TSV="$WORK_DIR/$1.results.tsv"
    RAW_TSV="$WORK_DIR/$1.runs.tsv"
    mkdir -p "$WORK_DIR/logs"
    : >"$RESULTS_TSV"
    : >"$RAW_TSV"
    rm -f "$WORK_DIR/logs/$1"-*
}

# Maven options that stamp every log line with the time of day (HH:mm:ss.SSS), and an awk function that reads
# such a stamp as seconds (span() adds a day when a run crossed midnight): goals timed from their own log lines.
MAVEN_LOG_TIMES=(-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)
LOG_TIME_AWK='
    function t(line) { return substr(line, 1, 2) * 3600 + substr(line, 4, 2) * 60 + substr(line, 7, 6) }
    function span(from, to) { return to >= from ? to - from : to + 86400 - from }
    function stamped(line) { return line ~ /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+ / }'

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Calls ROUND_FUNCTION once per round: BENCH_WARMUP untimed rounds (default 1, numbered 0, -1, ...),
# then $RUNS timed ones (numbered from 1). Usage: run_rounds ROUND_FUNCTION
run_rounds() {
    local warmup="${BENCH_WARMUP:-1}"
    for ((ROUND = 1 - warmup; ROUND <= RUNS; ROUND++)); do
        if ((ROUND <= 0)); then log "warm-up round (untimed)"; else log "round $ROUND of $RUNS"; fi
        "$1"
    done
    ROUND=1
}

# The log of one row, every round's output in turn (each after a "=== round N" line). Usage: row_log GROUP LABEL
row_log() { echo "$WORK_DIR/logs/$(tr -c 'A-Za-z0-9._-' '_' <<<"$1-$2").log"; }

# One run of one row, in the current round. Usage: measure GROUP LABEL PREPARE CHECK -- COMMAND...
# PREPARE runs before, untimed (e.g. lay a fresh copy of the input); CHECK runs after, untimed, and marks
# the row WRONG-OUTPUT when it fails. Use ':' for none. Output goes to $WORK_DIR/logs/<group>-<label>.log.
# Optional globals: MEASURE_MAX_RUNS (this row only in rounds up to that number), MEASURE_WARMUP=0 (not
# in warm-up rounds), MEASURE_NOTE (note column) or MEASURE_NOTE_FN (a function printing it).
# A row that failed once is not run again.
measure() {
    local group="$1" label="$2" prepare="$3" check="$4"
    shift 5
    local key="$group|$label" log_file timing wall rss user sys cpu note
    [[ -z "${ROW_BROKEN[$key]:-}" ]] || return 0
    if ((ROUND <= 0)); then [[ "${MEASURE_WARMUP:-1}" != 0 ]] || return 0; fi
    ((ROUND <= ${MEASURE_MAX_RUNS:-999999})) || return 0
    log_file="$(row_log "$group" "$label")"
    timing="${log_file%.log}.time"
    "$prepare"
    # The previous run's output (tens of MB for a normalizer) is flushed now, untimed, so that no run pays for
    # another's write-back.
    sync
    if ((ROUND <= 0)); then
        echo "=== warm-up (untimed): $*" >>"$log_file"
        "$@" >>"$log_file" 2>&1 || true
        return 0
    fi
    echo "=== round $ROUND: $*" >>"$log_file"
    if ! /usr/bin/time -f '%e %M %U %S' -o "$timing" "$@" >>"$log_file" 2>&1; then
        log "FAILED: $group / $label (round $ROUND); last lines of $log_file:"
        tail -n 25 "$log_file" >&2
        ROW_BROKEN[$key]=1
        printf '%s\t%s\tFAILED\tsee %s\n' "$group" "$label" "$log_file" >>"$RAW_TSV"
        return 0
    fi
    if ! "$check" >>"$log_file" 2>&1; then
        log "WRONG OUTPUT: $group / $label (round $ROUND); last lines of $log_file:"
        tail -n 25 "$log_file" >&2
        ROW_BROKEN[$key]=1
        printf '%s\t%s\tWRONG-OUTPUT\tsee %s\n' "$group" "$label" "$log_file" >>"$RAW_TSV"
        return 0
    fi
    # On success the last line of the timing file is ours.
    read -r wall rss user sys < <(tail -n 1 "$timing")
    cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
    note="${MEASURE_NOTE:-}"
    [[ -z "${MEASURE_NOTE_FN:-}" ]] || note="$("$MEASURE_NOTE_FN")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$group" "$label" "$wall" "$((rss / 1024))" "$cpu" "$note" >>"$RAW_TSV"
    log "  $group / $label: ${wall} s, $((rss / 1024)) MB, CPU $cpu s"
}

# Records a row that could not be measured (feature not ready, tool refused...); once per row.
not_measured() {
    local key="$1|$2"
    [[ -z "${ROW_BROKEN[$key]:-}" ]] || return 0
    ROW_BROKEN[$key]=1
    printf '%s\t%s\tNOT MEASURED\t%s\n' "$1" "$2" "$3" >>"$RAW_TSV"
    log "not measured: $1 / $2: $3"
}

# Turns the runs of $RAW_TSV into one line per row in $RESULTS_TSV, rows in the order they first ran.
# A row that failed in any round is reported as failed, whatever its other rounds gave.
summarize() {
    : >"$RESULTS_TSV"
    local group label rows runs walls
    rows="$(awk -F '\t' '!seen[$1 FS $2]++ { print $1 "\t" $2 }' "$RAW_TSV")"
    while IFS=$'\t' read -r group label; do
        [[ -n "$group" ]] || continue
        local broken
        broken="$(awk -F '\t' -v g="$group" -v l="$label" '$1 == g && $2 == l && $3 !~ /^[0-9.]+$/ { print $3 "\t" $4; exit }' "$RAW_TSV")"
        if [[ -n "$broken" ]]; then
            printf '%s\t%s\t0\t%s\t\t\t\t\t%s\t\n' "$group" "$label" "${broken%%$'\t'*}" "${broken#*$'\t'}" >>"$RESULTS_TSV"
            continue
        fi
        col_of() { awk -F '\t' -v g="$group" -v l="$label" -v c="$1" '$1 == g && $2 == l { print $c }' "$RAW_TSV"; }
        walls="$(col_of 3)"
        runs="$(wc -l <<<"$walls")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$group" "$label" "$runs" \
            "$(median <<<"$walls")" "$(sort -g <<<"$walls" | head -n 1)" "$(sort -g <<<"$walls" | tail -n 1)" \
            "$(col_of 4 | median | cut -d. -f1)" "$(col_of 4 | sort -g | tail -n 1)" \
            "$(col_of 6 | tail -n 1)" "$(col_of 5 | median)" >>"$RESULTS_TSV"
    done <<<"$rows"
}

# Prints the markdown table of one group; ratios are against the row labelled REFERENCE in the
# same group, so they come from the same run.
# Usage: table GROUP REFERENCE_LABEL
table() {
    local group="$1" ref="$2"
    awk -F '\t' -v g="$group" -v ref="$ref" '
        $1 == g { n++; label[n] = $2; runs[n] = $3; med[n] = $4; min[n] = $5; max[n] = $6; rss[n] = $7; rmax[n] = $8; note[n] = $9; cpu[n] = $10
                  if ($2 == ref && $4 ~ /^[0-9.]+$/) { rmed = $4; rrss = $7; rcpu = $10 } }
        END {
            print "| tool | runs | median wall s | min–max s | wall ÷ ref | ref ÷ wall | peak RSS MB (median / max) | RSS ÷ ref | median CPU s | CPU ÷ ref | note |"
            print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
            for (i = 1; i <= n; i++) {
                if (med[i] !~ /^[0-9.]+$/) {
                    printf "| %s | %s | %s | | | | | | | | %s |\n", label[i], runs[i], med[i], note[i]; continue
                }
                r = (rmed > 0) ? sprintf("%.2f", med[i] / rmed) : "–"
                s = (rmed > 0 && med[i] > 0) ? sprintf("%.1f×", rmed / med[i]) : "–"
                m = (rrss > 0) ? sprintf("%.2f", rss[i] / rrss) : "–"
                c = (rcpu > 0) ? sprintf("%.2f", cpu[i] / rcpu) : "–"
                mark = (label[i] == ref) ? " **(reference)**" : ""
                printf "| %s%s | %s | %.2f | %.2f–%.2f | %s | %s | %d / %d | %s | %.2f | %s | %s |\n", label[i], mark, runs[i], med[i], min[i], max[i], r, s, rss[i], rmax[i], m, cpu[i], c, note[i]
            }
        }' "$RESULTS_TSV"
}

# The median wall time (s) of one measurement, or empty when it has none.
median_of() {
    awk -F '\t' -v g="$1" -v l="$2" '$1 == g && $2 == l && $4 ~ /^[0-9.]+$/ { print $4 }' "$RESULTS_TSV"
}
rss_of() {
    awk -F '\t' -v g="$1" -v l="$2" '$1 == g && $2 == l && $7 ~ /^[0-9.]+$/ { print $7 }' "$RESULTS_TSV"
}
cpu_of() {
    awk -F '\t' -v g="$1" -v l="$2" '$1 == g && $2 == l && $10 ~ /^[0-9.]+$/ { print $10 }' "$RESULTS_TSV"
}

# What a goal adds to a Maven run: the median of its row minus the median of the baseline row (the same
# Maven invocation without the goal), in seconds; empty when either is missing. CPU variant: added_cpu_of.
# Whole runs carry Maven's start-up (about 2-3 s here), which no plugin can shorten, so the issues' "N× faster
# than plugin X" targets are judged on these added times. Usage: added_of GROUP BASELINE_LABEL LABEL
added_of() { added_by median_of "$@"; }
added_cpu_of() { added_by cpu_of "$@"; }
added_by() {
    local base row
    base="$("$1" "$2" "$3")"
    row="$("$1" "$2" "$4")"
    [[ -n "$base" && -n "$row" ]] || return 0
    awk -v a="$row" -v b="$base" 'BEGIN { printf "%.2f\n", a - b }'
}

# Header of a results file: when, where, with what.
machine_header() {
    local title="$1"
    echo "# $title"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
    # Written once the rows have run: the load when they started, and now.
    echo "- load average at start: ${LOAD_AT_START:-?}, at the end: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: other engineers build and test on it at the same time)"
    echo "- java: $(java -version 2>&1 | head -n 2 | tr '\n' ' ' | sed 's/ *$//')"
    echo "- maven: $MAVEN_VERSION (the version pinned in .mvn/wrapper, called directly)"
    echo "- $PLUGIN_GAV: built from commit ${PLUGIN_COMMIT:-?} (jar sha256 ${PLUGIN_JAR_SHA256:-?}…)"
    echo "- runs per figure: $RUNS unless the table says otherwise; figures are medians"
}

# Bullet lines most results files give after their own (callers pass them to results_header).
INTERLEAVED_ROUNDS="the rows run in interleaved rounds (each round runs every row once), after one untimed warm-up round"
NOISY_FIGURES="figures are noisy: 2 shared cores; compare ratios within this run, not with other runs"

# The header of a results file: machine_header, then one bullet line per BULLET, then how to run the benchmark
# (bench/run.sh NAME). Usage: results_header TITLE NAME BULLET...
results_header() {
    local title="$1" name="$2"
    shift 2
    machine_header "$title"
    printf -- '- %s\n' "$@"
    echo
    echo "How to run: \`bench/run.sh $name\` (see docs/benchmarks.md)."
    echo
}

# Writes a results file atomically: content from stdin.
write_results() {
    local target="$RESULTS_DIR/$1.md"
    mkdir -p "$RESULTS_DIR"
    cat >"$target.tmp"
    mv "$target.tmp" "$target"
    log "wrote $target"
}

# A ÷ B with two decimals, or empty when either is missing.
ratio() {
    [[ -n "$1" && -n "$2" ]] || return 0
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f\n", a / b }'
}

# One line of a targets list. Usage: target_check DESCRIPTION VALUE OPERATOR LIMIT
# e.g. target_check "fast vs reference (× faster)" 6.1 ">=" 5 -> "- fast vs reference (× faster): 6.10 (target ≥ 5): met"
target_check() {
    local what="$1" value="$2" op="$3" limit="$4" verdict
    if [[ -z "$value" ]]; then
        echo "- $what: not measured (target $op $limit)"
        return 0
    fi
    verdict="$(awk -v v="$value" -v o="$op" -v l="$limit" 'BEGIN {
        ok = (o == ">=") ? v >= l : (o == "<=") ? v <= l : (o == "<") ? v < l : v > l
        print ok ? "met" : "NOT met" }')"
    echo "- $what: $value (target $op $limit): $verdict"
}

# Bullet lines: each row's median wall time and CPU time minus the baseline row's (e.g. a bare Maven
# run of the same project), for reading only. Usage: over_baseline GROUP BASELINE_LABEL LABEL...
over_baseline() {
    local group="$1" base="$2" base_wall base_cpu l wall cpu
    shift 2
    base_wall="$(median_of "$group" "$base")"
    base_cpu="$(cpu_of "$group" "$base")"
    [[ -n "$base_wall" ]] || return 0
    echo "Time over \`$base\` (median minus median):"
    echo
    for l in "$@"; do
        wall="$(median_of "$group" "$l")"
        cpu="$(cpu_of "$group" "$l")"
        [[ -n "$wall" ]] || continue
        echo "- $l: wall $(awk -v a="$wall" -v b="$base_wall" 'BEGIN { printf "%+.2f", a - b }') s, CPU $(awk -v a="$cpu" -v b="$base_cpu" 'BEGIN { printf "%+.2f", a - b }') s"
    done
}
