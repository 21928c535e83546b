// One line per module and run without a key (for sign too when sign runs after it); no provenance written or
// attached; required=true fails, naming the key sources it tried.
String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()
List<String> problems = []
List<String> noKey = lines.findAll { it.contains('it.hermetic:nokey:jar:1.0') && it.contains(': no ') }
if (noKey.size() != 2
        || !noKey[0].startsWith('[INFO] Not signing it.hermetic:nokey:jar:1.0 nor writing its provenance: no key in the')
        || !noKey[1].startsWith('[INFO] Not writing provenance for it.hermetic:nokey:jar:1.0: no signing key in the')) {
    problems << "expected the line for both goals (first run), then provenance's own (second), found:\n${noKey.join('\n')}".toString()
}
if (new File(basedir, 'target/hermetic-provenance').exists()) problems << 'target/hermetic-provenance was written without a key'
if (!log.contains('Cannot sign') || !log.contains('BUILD FAILURE')) problems << 'the required run did not fail on the missing key'
if (log.contains('Wrote nokey-1.0.intoto.jsonl')) problems << 'a provenance was written without a key'
assert problems.isEmpty(): problems.join('\n')
return true
