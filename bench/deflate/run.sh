#!/usr/bin/env bash
# bench/deflate: PortableDeflater's encoder against jzlib 1.1.3 level 3 on the uncompressed entries of real
# jars, each in fresh JVMs (pass 1 = cold, later passes warm), rounds interleaved. Not part of the test suite.
# Usage: bench/deflate/run.sh [BUILD_DIR] [JAR...]
#   BUILD_DIR: a build directory holding classes/ (default: target); JARs default to kotlin-compiler-embeddable
#   2.1.0 from bench/work/normalize/inputs. Environment: ROUNDS (default 3), PASSES (default 5).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/target}"
shift || true
jars=("$@")
[[ ${#jars[@]} -gt 0 ]] || jars=("$root/bench/work/normalize/inputs/kotlin-compiler-embeddable-2.1.0.jar")
jzlib="${JZLIB_JAR:-$HOME/.m2/repository/com/jcraft/jzlib/1.1.3/jzlib-1.1.3.jar}"
if [[ ! -f "$jzlib" ]]; then
    (cd "$root" && ./mvnw -B -q dependency:get -Dartifact=com.jcraft:jzlib:1.1.3)
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -q -d "$out" -cp "$build/classes:$jzlib" "$here/DeflateBench.java" 2>/dev/null \
    || javac -d "$out" -cp "$build/classes:$jzlib" "$here/DeflateBench.java"
cp="$out:$build/classes:$jzlib"
for round in $(seq "${ROUNDS:-3}"); do
    for which in encoder jzlib; do
        echo "# round $round"
        /usr/bin/time -f "$which process: %e s wall, %U s user, %S s sys, %M KB max RSS" \
            java -Xmx1g -cp "$cp" dev.hermetic.archive.DeflateBench "$which" "${PASSES:-5}" "${jars[@]}"
    done
done
