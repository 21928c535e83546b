#!/usr/bin/env bash
# bench/records/run.sh [BUILD_DIR]: what a record's generated equals/hashCode costs on its first call in a cold JVM,
# against the written-out ones of NormalizationLedger.Settings and ArtifactCoordinates (see README.md). Compiles ColdEquals.java against
# BUILD_DIR/classes (default target; build it first with ./mvnw -o -q compile) and Maven's API from ~/.m2, then
# runs ROUNDS (default 9) fresh JVMs per variant, interleaved, and prints each variant's median in microseconds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:-$here/../../target}"
rounds="${ROUNDS:-9}"
repo="${BENCH_LOCAL_REPO:-$HOME/.m2/repository}"
maven_version="$(sed -n 's:.*<maven.version>\(.*\)</maven.version>.*:\1:p' "$here/../../pom.xml")"
cp="$build/classes:$repo/org/apache/maven/maven-core/$maven_version/maven-core-$maven_version.jar"
cp="$cp:$repo/org/apache/maven/maven-plugin-api/$maven_version/maven-plugin-api-$maven_version.jar"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -cp "$cp" -d "$out" "$here/ColdEquals.java"

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
variants=("written" "generated" "written warm-records" "generated warm-records"
    "written coordinates" "generated coordinates" "written warm-records coordinates"
    "generated warm-records coordinates")
for round in $(seq "$rounds"); do
    for v in "${variants[@]}"; do
        # shellcheck disable=SC2086
        java -cp "$out:$cp" ColdEquals $v >>"$out/${v// /-}.txt"
    done
done
printf '%-36s %s\n' "variant" "first equals+hashCode, median of $rounds JVMs (us)"
for v in "${variants[@]}"; do
    printf '%-36s %s\n' "$v" "$(median <"$out/${v// /-}.txt")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
