def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
File jar = new File(basedir, 'repo/org/apache/maven/plugins/maven-compiler-plugin/3.14.0/maven-compiler-plugin-3.14.0.jar')
def (String actual, String locked) = new File(basedir, 'tampered.sha256').text.trim().split(' ')
List<String> expected = ['Checksum mismatch for org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0', jar.path,
        "has SHA-256 ${actual}", "the lockfile expects ${locked}"]
// Extension mode (the invoker's build): caught before any plugin ran, naming the artifact and both checksums.
fx.assertLog(basedir, ['hermetic: verification failed before any plugin ran: '] + expected)
// The goal alone (setup's build with pom-goal.xml): the same.
String goal = new File(basedir, 'goal.log').getText('UTF-8')
expected.each { assert goal.contains(it): "goal-mode verify lacks '${it}':\n${goal.readLines().takeRight(40).join('\n')}" }
// The tampered compiler never ran.
assert !new File(basedir, 'target/classes/it/hermetic/Hello.class').exists(): 'the tampered compiler plugin ran'
true
