#!/usr/bin/env bash
# The hermetic-maven-plugin demo, the whole flow on examples/hello:
#   lock check (hermetic:verify, validate) -> build -> normalize (package, verify) -> SBOM, provenance, sign
#   (verify) -> deploy into a local repository under examples/hello/target/demo-repo
# then prints what was deployed (digests, the signed manifest, the SBOM, the provenance), verifies one signature,
# and verifies the provenance with the plugin's CLI and with gpg through the recipe of docs/provenance.md; then
# rebuilds from clean, compares every file with what was deployed (hermetic:compare) and grades the project
# (hermetic:audit).
# Usage: examples/run.sh   (from any directory; needs JDK 17+ and access to Maven Central once)
#
# Signing uses a THROWAWAY key that this script generates for itself on every run and deletes at exit. It only
# shows the mechanics: never trust it, never sign anything real with it.
#
# Each step is one function; main() at the bottom lists them in order.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXAMPLE="$REPO_ROOT/examples/hello"
MVNW="$REPO_ROOT/mvnw"
DEMO_REPO="$EXAMPLE/target/demo-repo"
KEY_DIR="$(mktemp -d)"
trap 'rm -rf "$KEY_DIR"' EXIT

step() {
  printf '\n==> %s\n' "$*"
}

plugin_jar() {
  local version
  version="$(sed -n 's|.*<hermetic.version>\(.*\)</hermetic.version>.*|\1|p' "$EXAMPLE/pom.xml")"
  echo "$HOME/.m2/repository/dev/hermetic/hermetic-maven-plugin/$version/hermetic-maven-plugin-$version.jar"
}

# Step 1: install the plugin (0.1.0-SNAPSHOT) into the local repository. Tests and ITs are skipped here:
# this is the demo, not the test command (that is `./mvnw -B verify`).
install_plugin() {
  step "Building and installing hermetic-maven-plugin"
  (cd "$REPO_ROOT" && "$MVNW" -B -q install -DskipTests -Dinvoker.skip)
}

# Step 2: a throwaway Ed25519 signing key, made with BouncyCastle (which the plugin jar carries).
make_throwaway_key() {
  step "Generating a THROWAWAY signing key (demo only, deleted at exit)"
  java -cp "$(plugin_jar)" "$REPO_ROOT/examples/ThrowawayKey.java" \
    generate "$KEY_DIR/secret.asc" "$KEY_DIR/public.asc" throwaway-passphrase
  export MAVEN_GPG_KEY MAVEN_GPG_PASSPHRASE
  MAVEN_GPG_KEY="$(cat "$KEY_DIR/secret.asc")"
  MAVEN_GPG_PASSPHRASE=throwaway-passphrase
}

# Step 3: one Maven run. In order: the extension verifies every plugin and dependency against the committed
# examples/hello/hermetic.lock before any plugin runs (hermetic:verify in validate reports it); compile, test,
# jar; hermetic:normalize (package: the jar; the sources jar right after maven-source-plugin attaches it, which
# extension mode does); hermetic:sbom (verify: the CycloneDX SBOM); hermetic:provenance and hermetic:sign (verify:
# each file read once for its .asc, .sha256, .sha512 and its provenance subject; the signed provenance; the signed
# digest manifest of them all); install; deploy.
build_and_deploy() {
  step "Building examples/hello: mvn clean deploy (lock check, build, normalize, SBOM, provenance, sign, deploy)"
  "$MVNW" -B -f "$EXAMPLE/pom.xml" clean deploy \
    -DaltDeploymentRepository="demo::file://$DEMO_REPO"
}

# Step 4: what was deployed, by digest. Rebuild anywhere, in any time zone, on any clock: same digests.
print_digests() {
  step "Deployed to $DEMO_REPO"
  local dir="$DEMO_REPO/org/example/hello/1.0.0"
  if ! compgen -G "$dir/*.jar" >/dev/null; then
    echo "Nothing deployed in $dir: the build did not deploy" >&2
    exit 1
  fi
  (cd "$dir" && ls -1)
  step "SHA-256 of the deployed artifacts (the signed manifest lists the same)"
  (cd "$dir" && sha256sum -- *.jar *.pom *-cyclonedx.json *.intoto.jsonl)
  step "The signed digest manifest (every file, the SBOM and the provenance included)"
  cat "$dir"/*-digests.sha256sum
  step "The SBOM (CycloneDX 1.6): the module and its components"
  if command -v jq >/dev/null; then
    jq -r '"module: " + .metadata.component.purl + "  sha256:" + (.metadata.component.hashes[0].content),
      (.components[] | "  " + ([.properties[]? | select(.name == "hermetic:maven:scope") | .value] | join(","))
        + "  " + .purl)' \
      "$dir"/hello-1.0.0-cyclonedx.json
  else
    head -c 1500 "$dir"/hello-1.0.0-cyclonedx.json; echo
  fi
  step "The provenance (an in-toto Statement in a signed DSSE envelope): its subjects"
  if command -v jq >/dev/null; then
    jq -r .payload "$dir"/hello-1.0.0.intoto.jsonl | base64 -d | jq -r '.subject[] | .digest.sha256 + "  " + .name'
  else
    sed 's/.*"payload":"\([^"]*\)".*/\1/' "$dir"/hello-1.0.0.intoto.jsonl | base64 -d; echo
  fi
}

# Step 5: check one signature the way a consumer would: gpg, else sqv, else BouncyCastle.
verify_one_signature() {
  local jar="$DEMO_REPO/org/example/hello/1.0.0/hello-1.0.0.jar"
  step "Verifying $(basename "$jar").asc against the throwaway public key"
  if command -v gpg >/dev/null; then
    local home
    home="$(mktemp -d -p "$KEY_DIR")"
    gpg --homedir "$home" --batch --quiet --import "$KEY_DIR/public.asc"
    gpg --homedir "$home" --batch --verify "$jar.asc" "$jar"
  elif command -v sqv >/dev/null; then
    sqv --keyring "$KEY_DIR/public.asc" "$jar.asc" "$jar"
  else
    java -cp "$(plugin_jar)" "$REPO_ROOT/examples/ThrowawayKey.java" verify "$jar" "$jar.asc" "$KEY_DIR/public.asc"
  fi
}

# Step 6: check the provenance the way a consumer would: with the plugin's CLI (signature, then each downloaded
# file against its subject), then with stock tools only, running the recipe of docs/provenance.md as written.
verify_provenance() {
  local dir="$DEMO_REPO/org/example/hello/1.0.0" envelope=hello-1.0.0.intoto.jsonl
  step "Verifying $envelope with the plugin's CLI"
  (cd "$dir" && java -jar "$(plugin_jar)" verify-provenance --key "$KEY_DIR/public.asc" --provenance "$envelope" \
    --lockfile "$EXAMPLE/hermetic.lock" hello-1.0.0.jar hello-1.0.0-sources.jar hello-1.0.0.pom \
    hello-1.0.0-cyclonedx.json)
  step "Verifying $envelope with gpg, through the recipe of docs/provenance.md (Verifying with stock tools)"
  local missing=()
  for tool in jq gpg base64 sha256sum; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if ((${#missing[@]})); then
    echo "Skipped: the recipe needs ${missing[*]}, not installed here." >&2
    return 0
  fi
  local consumer
  consumer="$(mktemp -d -p "$KEY_DIR")"
  cp "$dir"/* "$consumer/"
  cp "$KEY_DIR/public.asc" "$consumer/release.asc"
  # The recipe's lines, as docs/provenance.md shows them, with this envelope's name (and without sqv if absent).
  sed -n '/<!-- stock-tools-recipe -->/,/^```$/p' "$REPO_ROOT/docs/provenance.md" | sed '1,2d;$d' \
    | sed "s|^f=.*|f=$envelope|" \
    | { if command -v sqv >/dev/null; then cat; else grep -v '^sqv '; fi; } >"$consumer/recipe.sh"
  (cd "$consumer" && bash -euo pipefail recipe.sh)
}

# Step 7: prove it. Rebuild from a clean tree and compare every file with what step 3 deployed (hermetic:compare:
# which bytes differ, why, and the fix; signatures are left out, a new signature is not a new build), then grade the
# project (hermetic:audit: Gold; what Platinum still needs is listed with its fix). The provenance records how the
# build was run (its goals and -D properties), so this run, with other goals, writes another one, and the signed
# manifest that lists it differs too: both are left out here; the jar, sources, POM and SBOM must be identical.
rebuild_compare_and_audit() {
  local reference="$KEY_DIR/deployed"
  cp -r "$DEMO_REPO" "$reference"
  step "Rebuilding examples/hello from clean and comparing it with what was deployed: mvn clean verify hermetic:compare"
  "$MVNW" -B -f "$EXAMPLE/pom.xml" clean verify hermetic:compare -Dhermetic.compare.reference="$reference" \
    -Dhermetic.compare.ignore='*.intoto.jsonl,*-digests.sha256sum' \
    | sed -n '/:compare (default-cli)/,/rebuild comparison result/p'
  step "Grading examples/hello: mvn hermetic:audit"
  "$MVNW" -B -o -f "$EXAMPLE/pom.xml" hermetic:audit | sed -n '/hermetic:audit: /,/^\[INFO\] -----/p'
}

main() {
  install_plugin
  make_throwaway_key
  build_and_deploy
  print_digests
  verify_one_signature
  verify_provenance
  rebuild_compare_and_audit
}

main "$@"
