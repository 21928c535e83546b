#!/usr/bin/env bash
# Fuzzes the project's fuzz tests with Jazzer, one target at a time (docs/fuzzing.md).
#   src/test/fuzz/run.sh [duration] [target ...]
# duration: Jazzer's syntax, e.g. 30s, 10m, 1h (default 10m). Targets: Class#method, default all of them.
# Findings are written as crash-* files into the target's inputs directory under src/test/resources, where
# the normal test run replays them; the growing corpus stays in .cifuzz-corpus/ (not committed).
# Each target's output goes to <build directory>/<target>.log; the script prints the run counts and findings.
set -euo pipefail
cd "$(dirname "$0")/../../.."

duration=${1:-10m}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(
    dev.hermetic.archive.ArchiveNormalizerFuzzTest#zipPortable
    dev.hermetic.archive.ArchiveNormalizerFuzzTest#zipFast
    dev.hermetic.archive.ArchiveNormalizerFuzzTest#tar
    dev.hermetic.lock.LockfileReaderFuzzTest#read
    dev.hermetic.digest.DigestManifestFuzzTest#read
    dev.hermetic.digest.DigestManifestFuzzTest#readSideFile
    dev.hermetic.sign.SigningKeyFuzzTest#prepare
  )
fi

# Heap: the normalizer streams in bounded memory (docs/normalize-format.md), so an input that needs more than
# this is a finding (OutOfMemoryError). Per input: 20 s, else libFuzzer reports a timeout (a hang).
# Instrumented beyond our classes: the libraries that parse for us (commons-compress's tar, BouncyCastle's
# OpenPGP), so that coverage guides the fuzzer into them too.
build=${FUZZ_BUILD_DIRECTORY:-target/fuzz}
mkdir -p "$build"
findings=0
for target in "${targets[@]}"; do
  echo "== fuzzing $target for $duration"
  log="$build/${target//[#.]/-}.log"
  # With keep_going the test passes even after findings: they are counted from the log below.
  JAZZER_FUZZ=1 ./mvnw -o -B test \
    -DbuildDirectory="$build" \
    -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xmx${FUZZ_HEAP:-128m}" \
    -Djazzer.max_duration="$duration" -Djazzer.hooks=true \
    -Djazzer.instrument='dev.hermetic.**,org.apache.commons.compress.**,org.bouncycastle.**' \
    -Djazzer.keep_going="${FUZZ_KEEP_GOING:-20}" \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-timeout=20 >"$log" 2>&1 || true
  grep -E '^Done [0-9]+ runs|^#[0-9]+[[:space:]]+DONE' "$log" || echo "no fuzzing summary: see $log"
  if grep -E 'Test unit written to|BUILD FAILURE' "$log"; then
    findings=$((findings + 1))
  fi
done
if [ "$findings" -gt 0 ]; then
  echo "$findings target(s) with findings: each crash-* file above fails the normal test run until fixed"
  exit 1
fi
