// One declaration (extensions true, no executions), no key: verified before any plugin ran, the jar normalized in
// package (and seen again, unchanged, in verify), its SBOM written, no provenance written and nothing signed, which one line says;
// one line says what was added and how to opt out.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()
fx.assertLog(basedir, ['hermetic:verify: 1 module against hermetic.lock', 'Verified before the first mojo ran (extension mode)',
        'BUILD SUCCESS'])
String notice = '[INFO] hermetic: no <executions> declared, so extension mode bound the recommended goals (' +
        'hermetic:verify in validate, hermetic:normalize in package, hermetic:normalize in verify, ' +
        'hermetic:sbom in verify, hermetic:provenance in verify, hermetic:sign in verify) in 1 module; to choose them yourself, declare <executions> for the plugin'
assert lines.count { it == notice } == 1: "expected the notice once:\n${lines.findAll { it.contains('<executions>') }.join('\n')}"
assert log =~ /NORMALIZED\s+extension-defaults-1\.0\.jar sha256:[0-9a-f]{64}/
assert log =~ /UNCHANGED\s+extension-defaults-1\.0\.jar sha256:[0-9a-f]{64}/
assert log.contains(':normalize (hermetic-default) @ extension-defaults')
assert log.contains(':normalize (hermetic-late-attachments) @ extension-defaults')
// hermetic:provenance speaks for hermetic:sign, right after it: one line for the module, not one per goal.
List<String> noKey = lines.findAll { it.contains('it.hermetic:extension-defaults:jar:1.0') && it.contains(': no ') }
assert noKey == ['[INFO] Not signing it.hermetic:extension-defaults:jar:1.0 nor writing its provenance: no key in the ' +
        'environment variable MAVEN_GPG_KEY, so no signature, digest or provenance was written or attached. To sign, set ' +
        'MAVEN_GPG_KEY="$(gpg --armor --export-secret-keys <fingerprint>)" or hermetic.sign.keyFile; ' +
        '-Dhermetic.sign.required=true (for releases) makes a missing key fail the build.']: noKey.join('\n')
assert !log.contains('Not writing provenance')
// Without a key the SBOM is still written and attached, by hermetic:sbom's own way, when sign finds no key.
assert log.contains('The SBOM of it.hermetic:extension-defaults:jar:1.0 is made by hermetic:sign, which runs next')
assert log =~ /Wrote extension-defaults-1\.0-cyclonedx\.json: \d+ components/
assert new File(basedir, 'target/extension-defaults-1.0-cyclonedx.json').isFile()
assert !new File(basedir, 'target').listFiles().any { it.name.endsWith('.asc') }
assert !new File(basedir, 'target/hermetic-provenance').exists()
// The order the log shows: verify in validate, before compiling; normalize, sbom, provenance, then sign.
int verified = lines.findIndexOf { it.contains(':verify (hermetic-verify)') }
int compiled = lines.findIndexOf { it.contains(':compile (default-compile)') }
int late = lines.findIndexOf { it.contains(':normalize (hermetic-late-attachments)') }
int sbom = lines.findIndexOf { it.contains(':sbom (hermetic-sbom)') }
int provenance = lines.findIndexOf { it.contains(':provenance (hermetic-provenance)') }
int signed = lines.findIndexOf { it.contains(':sign (hermetic-sign)') }
assert 0 <= verified && verified < compiled && compiled < late && late < sbom && sbom < provenance &&
        provenance < signed: "order: ${[verified, compiled, late, sbom, provenance, signed]}"
true
