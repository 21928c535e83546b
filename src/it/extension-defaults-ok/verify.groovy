// One declaration (extensions true, no executions), no key: verified before any plugin ran, the jar normalized in
// package (and seen again, unchanged, in verify), nothing signed; one line says what was added and how to opt out.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()
fx.assertLog(basedir, ['hermetic:verify: 1 module against hermetic.lock', 'Verified before the first mojo ran (extension mode)',
        'BUILD SUCCESS'])
String notice = '[INFO] hermetic: no <executions> declared, so extension mode bound the recommended goals (' +
        'hermetic:verify in validate, hermetic:normalize in package, hermetic:normalize in verify, ' +
        'hermetic:sign in verify) in 1 module; to choose them yourself, declare <executions> for the plugin'
assert lines.count { it == notice } == 1: "expected the notice once:\n${lines.findAll { it.contains('<executions>') }.join('\n')}"
assert log =~ /NORMALIZED\s+extension-defaults-1\.0\.jar sha256:[0-9a-f]{64}/
assert log =~ /UNCHANGED\s+extension-defaults-1\.0\.jar sha256:[0-9a-f]{64}/
assert log.contains(':normalize (hermetic-default) @ extension-defaults')
assert log.contains(':normalize (hermetic-late-attachments) @ extension-defaults')
assert lines.count { it.startsWith('[INFO] Not signing it.hermetic:extension-defaults:jar:1.0: no key') } == 1
assert !new File(basedir, 'target').listFiles().any { it.name.endsWith('.asc') }
// The order the log shows: verify in validate, before compiling; normalize before sign.
int verified = lines.findIndexOf { it.contains(':verify (hermetic-verify)') }
int compiled = lines.findIndexOf { it.contains(':compile (default-compile)') }
int late = lines.findIndexOf { it.contains(':normalize (hermetic-late-attachments)') }
int signed = lines.findIndexOf { it.contains(':sign (hermetic-sign)') }
assert 0 <= verified && verified < compiled && compiled < late && late < signed: "order: ${[verified, compiled, late, signed]}"
true
