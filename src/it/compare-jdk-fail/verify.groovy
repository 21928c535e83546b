String log = new File(basedir, 'build.log').text

assert log =~ /different +compare-lib-1\.0\.jar: \d+ differences/
assert log =~ /META-INF\/MANIFEST\.MF  attribute Build-Jdk-Spec: reference "25", here "17"  \[build-jdk\]/
assert log.contains('cause: the reference was built with JDK 25, this build with JDK 17')
assert log =~ /it\/hermetic\/compare\/Greeting\.class  class file version: reference "Java 21 \(65\.0\)", here "Java 17 \(61\.0\)"/
assert log.contains('rebuild comparison result: 1 files match, 1 differ')
assert log.contains('BUILD FAILURE')
String json = new File(basedir, 'target/hermetic-compare.json').text
assert json.contains('"build-jdk"') && json.contains('Java 21 (65.0)')
return true
