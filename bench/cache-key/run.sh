#!/usr/bin/env bash
# bench/cache-key: the CLI's `cache-key` on the source release of maven-resolver 1.9.22 (19 modules), made a git
# checkout (git init, add, commit), against `git ls-files -z | xargs -0 sha256sum` of the same tree. Also: the CLI
# with C1 only (docs/cache-key.md's CI recipe) and with an AppCDS archive besides, and for reading a JVM that only
# hashes the same files (Sha256Files.java: the floor of any Java key) and one that only starts (`java -version`).
# Writes bench/results/cache-key.md.
# Environment: BENCH_RUNS (default 5).
set -euo pipefail
# shellcheck source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

SUBJECT_GAV="$RESOLVER_RELEASE_GAV"
SUBJECT_DIR_NAME="$RESOLVER_RELEASE_DIR_NAME"
GROUP="$SUBJECT_DIR_NAME"
L_REF="sha256sum of git ls-files -z (xargs -0)"
L_CLI="hermetic CLI cache-key"
L_C1="hermetic CLI cache-key, java -XX:TieredStopAtLevel=1 (the CI recipe)"
L_CDS_C1="hermetic CLI cache-key, the same with an AppCDS archive (-XX:SharedArchiveFile)"
L_FLOOR="java Sha256Files over git ls-files -z (a JVM that only hashes the files; for reading)"
L_JVM="java -version (a JVM's start, for reading)"

start_bench cache-key
CK_WORK="$WORK_DIR/cache-key"
PROJECT="$CK_WORK/$SUBJECT_DIR_NAME"
mkdir -p "$CK_WORK"
if [[ ! -f "$PROJECT/.git/index" ]]; then
    rm -rf "$PROJECT"
    unpack_source_release "$SUBJECT_GAV" "$CK_WORK"
    git -C "$PROJECT" init -q
    git -C "$PROJECT" add -A
    git -C "$PROJECT" -c user.name=bench -c user.email=bench@example.org commit -q -m "$SUBJECT_DIR_NAME source release"
fi
cd "$PROJECT"
FILES="$(git ls-files | wc -l)"
BYTES="$(git ls-files -z | xargs -0 cat | wc -c)"
KEY="$(java -jar "$CLI_JAR" cache-key . --maven-version "$MAVEN_VERSION")"
[[ "$KEY" =~ ^sha256:[0-9a-f]{64}$ ]] || die "the CLI printed '$KEY', not a key"
# The archive belongs to this copy of the jar (the JVM checks its size and time) and to this JDK.
CDS_ARCHIVE="$CK_WORK/hermetic-cli.jsa"
rm -f "$CDS_ARCHIVE"
java -XX:ArchiveClassesAtExit="$CDS_ARCHIVE" -jar "$CLI_JAR" cache-key . --maven-version "$MAVEN_VERSION" \
    >"$WORK_DIR/logs/cache-key-cds-dump.log" 2>&1 || die "could not write $CDS_ARCHIVE (see $WORK_DIR/logs/cache-key-cds-dump.log)"
CDS_CLASSES="$(java -Xshare:on -XX:SharedArchiveFile="$CDS_ARCHIVE" -Xlog:class+load -jar "$CLI_JAR" cache-key . \
    --maven-version "$MAVEN_VERSION" | grep -c 'source: shared objects file (top)' || true)"
((CDS_CLASSES > 0)) || die "the JVM loaded no class from $CDS_ARCHIVE"
ALL_CLASSES="$(java -Xlog:class+load -jar "$CLI_JAR" cache-key . --maven-version "$MAVEN_VERSION" | grep -c 'source:')"
FLOOR_DIR="$CK_WORK/floor"
mkdir -p "$FLOOR_DIR"
javac -d "$FLOOR_DIR" "$BENCH_DIR/cache-key/Sha256Files.java"

same_key() {
    local printed
    printed="$(grep -E '^sha256:' "$(row_log "$GROUP" "$1")" | tail -n 1)"
    [[ "$printed" == "$KEY" ]] || { echo "key $printed, first run $KEY"; return 1; }
}
check_cli() { same_key "$L_CLI"; }
check_c1() { same_key "$L_C1"; }
check_cds_c1() { same_key "$L_CDS_C1"; }

round() {
    measure "$GROUP" "$L_REF" : : -- bash -c 'git ls-files -z | xargs -0 sha256sum >/dev/null'
    measure "$GROUP" "$L_CLI" : check_cli -- java -jar "$CLI_JAR" cache-key . --maven-version "$MAVEN_VERSION"
    measure "$GROUP" "$L_C1" : check_c1 -- java -XX:TieredStopAtLevel=1 -jar "$CLI_JAR" cache-key . \
        --maven-version "$MAVEN_VERSION"
    measure "$GROUP" "$L_CDS_C1" : check_cds_c1 -- java -XX:SharedArchiveFile="$CDS_ARCHIVE" -XX:TieredStopAtLevel=1 \
        -jar "$CLI_JAR" cache-key . --maven-version "$MAVEN_VERSION"
    measure "$GROUP" "$L_FLOOR" : : -- bash -c "git ls-files -z | java -cp '$FLOOR_DIR' Sha256Files >/dev/null"
    measure "$GROUP" "$L_JVM" : : -- java -version
}
run_rounds round
summarize
cd "$BENCH_DIR"

section="$(
    echo "## $SUBJECT_DIR_NAME"
    echo
    echo "Source release of maven-resolver 1.9.22 as a git checkout: $FILES tracked files, $BYTES bytes. Reference: \`$L_REF\`."
    echo
    table "$GROUP" "$L_REF"
    echo
    echo "Targets (ratios from this run):"
    echo
    target_check "CLI cache-key ÷ \`$L_REF\` (wall)" "$(ratio "$(median_of "$GROUP" "$L_CLI")" "$(median_of "$GROUP" "$L_REF")")" "<=" 2
    echo
    echo "For reading: the CLI with the CI recipe (C1 only) ÷ reference (wall): $(ratio "$(median_of "$GROUP" "$L_C1")" "$(median_of "$GROUP" "$L_REF")"), CPU $(ratio "$(cpu_of "$GROUP" "$L_C1")" "$(cpu_of "$GROUP" "$L_REF")")×; with AppCDS besides: $(ratio "$(median_of "$GROUP" "$L_CDS_C1")" "$(median_of "$GROUP" "$L_REF")");"
    echo "CLI CPU ÷ reference CPU $(ratio "$(cpu_of "$GROUP" "$L_CLI")" "$(cpu_of "$GROUP" "$L_REF")")×;"
    echo "the CLI's wall time minus a bare JVM start: $(added_of "$GROUP" "$L_JVM" "$L_CLI") s; peak RSS of the CLI $(rss_of "$GROUP" "$L_CLI") MB;"
    echo "the floor of a Java key (a JVM that only hashes the files) ÷ reference: wall $(ratio "$(median_of "$GROUP" "$L_FLOOR")" "$(median_of "$GROUP" "$L_REF")"), CPU $(ratio "$(cpu_of "$GROUP" "$L_FLOOR")" "$(cpu_of "$GROUP" "$L_REF")");"
    echo "classes the CLI loads: $ALL_CLASSES, of which $CDS_CLASSES come from the AppCDS archive ($(( $(stat -c %s "$CDS_ARCHIVE") / 1024 / 1024 )) MB) with it."
    true
)"
printf '\n%s\n' "$section"

{
    results_header "Benchmark: the cache key of a source tree" cache-key \
        "subject: $SUBJECT_GAV from Maven Central, unpacked, then \`git init && git add -A && git commit\` (the key reads git's index); never edited" \
        "the CLI is \`java -jar hermetic-maven-plugin.jar cache-key . --maven-version $MAVEN_VERSION\` (JVM defaults); every run must print the same key" \
        "$INTERLEAVED_ROUNDS; the files are in the page cache for every row" \
        "the AppCDS row uses an archive written once per run by \`java -XX:ArchiveClassesAtExit=… -jar … cache-key .\` on the same tree and jar (docs/cache-key.md, \"Faster start\")" \
        "peak RSS is /usr/bin/time's %M: the largest process (the JVM; for the reference, one sha256sum)" \
        "$NOISY_FIGURES"
    echo "$section"
} | write_results cache-key
