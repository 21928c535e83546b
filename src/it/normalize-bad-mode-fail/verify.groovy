String log = new File(basedir, 'build.log').getText('UTF-8')
List<String> errors = log.readLines().findAll { it.startsWith('[ERROR]') }
String expected = "Invalid compression mode 'bogus' (hermetic.normalize.mode / <mode>): use portable (the default) or fast."
assert errors.count { it.contains(expected) } == 1: "not said once in the [ERROR] lines:\n${errors.join('\n')}"
assert log.count('bogus') == log.count(expected): "the bad value is reported another way too:\n${errors.join('\n')}"
assert !log.contains('is not a compression mode'): 'said twice'
// Before anything ran: nothing compiled, no test, no package.
assert !log.contains('maven-compiler-plugin'): 'the build compiled before failing'
assert !new File(basedir, 'target/classes').exists(): 'the build compiled before failing'
return true
