#!/usr/bin/env bash
# The hermetic-maven-plugin demo: build the plugin, build examples/hello with it, show what came out.
# Usage: examples/run.sh   (from any directory; needs JDK 17+ and network access to Maven Central once)
#
# Each step is one function; main() at the bottom lists them in order. To add a step (lock, sign, deploy),
# write a function and call it from main().
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXAMPLE="$REPO_ROOT/examples/hello"
MVNW="$REPO_ROOT/mvnw"

step() {
  printf '\n==> %s\n' "$*"
}

# Step 1: install the plugin (0.1.0-SNAPSHOT) into the local repository. Tests and ITs are skipped here:
# this is the demo, not the test command (that is `./mvnw -B verify`).
install_plugin() {
  step "Building and installing hermetic-maven-plugin"
  (cd "$REPO_ROOT" && "$MVNW" -B -q install -DskipTests -Dinvoker.skip)
}

# Step 2: build the example. hermetic:normalize runs in package (the jar) and in verify (the sources jar).
build_example() {
  step "Building examples/hello (mvn verify)"
  "$MVNW" -B -f "$EXAMPLE/pom.xml" clean verify
}

# Step 3: the artifacts and their SHA-256. Rebuild anywhere, any time zone, any clock: same digests.
print_digests() {
  step "Artifacts of examples/hello"
  local found=0
  for artifact in "$EXAMPLE"/target/*.jar; do
    [[ -e "$artifact" ]] || continue
    found=1
    sha256sum "$artifact" | sed "s|$REPO_ROOT/||"
  done
  if [[ "$found" -eq 0 ]]; then
    echo "No jar in $EXAMPLE/target: the build did not produce any" >&2
    exit 1
  fi
}

main() {
  install_plugin
  build_example
  print_digests
}

main "$@"
