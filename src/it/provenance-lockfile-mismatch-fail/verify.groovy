// The provenance lists what the lockfile lists for this module, with the lockfile's checksums (nothing hashed
// again), and the lockfile's own digest; checked against the wrong lockfile, the goal names what differs.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
def prov = evaluate(new File(itLib, 'provenance-checks.groovy'))
List<String> problems = []
File lock = new File(basedir, 'hermetic.lock')
String langLine = lock.readLines().find { it.startsWith('org.apache.commons:commons-lang3:jar:3.18.0 ') }
if (langLine == null) it.assertNoProblems(['hermetic.lock does not lock commons-lang3 3.18.0'])
String lockedSha = langLine.split(' ')[1]
Map build = prov.statement(new File(basedir, 'target/hermetic-provenance/lockprov-1.0.intoto.jsonl'))
        .predicate.buildDefinition
if (build.internalParameters.dependencyVerification != 'lockfile') problems << "dependencyVerification: ${build.internalParameters.dependencyVerification}".toString()
Map lang = build.resolvedDependencies.find { it.uri == 'pkg:maven/org.apache.commons/commons-lang3@3.18.0' }
if (lang?.digest?.sha256 != lockedSha) problems << "commons-lang3 in the provenance: ${lang}, locked ${lockedSha}".toString()
Map lockDescriptor = build.resolvedDependencies.find { it.mediaType == 'text/vnd.dev.hermetic.lockfile' }
if (lockDescriptor?.name != 'hermetic.lock' || lockDescriptor?.digest?.sha256 != it.hex(lock, 'SHA-256')) problems << "lockfile descriptor: ${lockDescriptor}".toString()
int locked = lock.readLines().count { !it.startsWith('#') && it ==~ /^\S+:\S+ [0-9a-f]{64} .*/ }
int listed = build.resolvedDependencies.count { it.uri?.startsWith('pkg:maven/') }
if (listed == 0 || listed > locked) problems << "${listed} Maven dependencies listed, ${locked} locked".toString()

String log = new File(basedir, 'build.log').text
String otherSha = '1111111111111111111111111111111111111111111111111111111111111111'
[
    "Maven dependencies match ${lock.path}".toString(),
    "hermetic:verify-provenance: verified",
    "dependency pkg:maven/org.apache.commons/commons-lang3@3.18.0: the provenance says sha256 ${lockedSha}, ".toString(),
    "other.lock says ${otherSha}".toString(),
    "the build used lockfile 'hermetic.lock' with sha256 ${it.hex(lock, 'SHA-256')}".toString(),
    'do not use these artifacts',
    'BUILD FAILURE',
].each { if (!log.contains(it)) problems << "build.log lacks: ${it}".toString() }
it.assertNoProblems(problems)
return true
