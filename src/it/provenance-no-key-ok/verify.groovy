// One line per module and run without a key; no provenance written or attached; required=true fails, naming the
// key sources it tried.
String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()
List<String> problems = []
int notWriting = lines.count { it.startsWith('[INFO] Not writing provenance for it.hermetic:nokey:jar:1.0: no signing key in the') }
if (notWriting != 1) problems << "expected one 'Not writing provenance' line (first run), found ${notWriting}".toString()
if (new File(basedir, 'target/hermetic-provenance').exists()) problems << 'target/hermetic-provenance was written without a key'
if (!log.contains('Cannot sign') || !log.contains('BUILD FAILURE')) problems << 'the required run did not fail on the missing key'
if (log.contains('Wrote nokey-1.0.intoto.jsonl')) problems << 'a provenance was written without a key'
assert problems.isEmpty(): problems.join('\n')
return true
