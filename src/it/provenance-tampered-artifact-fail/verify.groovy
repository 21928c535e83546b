// The tampered jar is named with both digests, and the goal fails the build.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
String log = new File(basedir, 'build.log').text
File tampered = new File(basedir, 'tampered/tamp-1.0.jar')
File built = new File(basedir, 'target/tamp-1.0.jar')
List<String> problems = []
[
    "tampered/tamp-1.0.jar: its sha256 is ${it.hex(tampered, 'SHA-256')}, but subject 'tamp-1.0.jar' says ${it.hex(built, 'SHA-256')}".toString(),
    "tampered/tamp-1.0.jar: its sha512 is ${it.hex(tampered, 'SHA-512')}".toString(),
    'do not use these artifacts',
    'BUILD FAILURE',
].each { if (!log.contains(it)) problems << "build.log lacks: ${it}".toString() }
if (!(log =~ /\[ERROR\] FAILED: artifact \S*tampered\/tamp-1\.0\.jar: its sha256/)) problems << 'no FAILED line for the tampered jar'
it.assertNoProblems(problems)
return true
