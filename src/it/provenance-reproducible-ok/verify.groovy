// The same .intoto.jsonl for every module from a build at another path, under another TZ, locale, umask and clock.
def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
def prov = evaluate(new File(itLib, 'provenance-checks.groovy'))
Map<String, List<String>> modules = [
        '.': ['repro-prov-1.0.pom'],
        'a': ['repro-prov-a-1.0.jar', 'repro-prov-a-1.0.pom'],
        'b': ['repro-prov-b-1.0.jar', 'repro-prov-b-1.0.pom'],
]
File copy = repro.copySources(basedir)
new File(copy, '.mvn/maven.config').text = new File(basedir, '.mvn/maven.config').text
        .replace(new File(basedir, 'a/src/main/java').absolutePath, new File(copy, 'a/src/main/java').absolutePath)
File log = new File(basedir, 'rebuild.log')
int exit = repro.runMaven(copy, itMavenHome, repro.offlineSettings(copy), itLocalRepo, ['-T', '2', 'verify'],
        [SOURCE_DATE_EPOCH: '1767312000'], log)
assert exit == 0: "the rebuild failed, see ${log}"
List<String> problems = []
modules.each { dir, subjects ->
    String artifactId = subjects[0].replace('-1.0.jar', '').replace('-1.0.pom', '')
    String name = "${dir}/target/hermetic-provenance/${artifactId}-1.0.intoto.jsonl"
    File first = new File(basedir, name)
    File second = new File(copy, name)
    if (!first.isFile()) {
        problems << "the first build wrote no ${name}".toString()
        return
    }
    Map statement = prov.statement(first)
    Map external = statement.predicate.buildDefinition.externalParameters
    if (external.userProperties['it.sources'] != '${session.rootDirectory}/a/src/main/java') problems << "${name}: it.sources ${external.userProperties}".toString()
    if (external.machinePathProperties != ['maven.repo.local']) problems << "${name}: machinePathProperties ${external.machinePathProperties}".toString()
    if (statement.subject*.name != subjects) problems << "${name}: subjects ${statement.subject*.name}, expected ${subjects}".toString()
    if (!second.isFile() || first.bytes != second.bytes) {
        problems << "${name} differs between the two builds:\n${prov.statement(first)}\n${second.isFile() ? prov.statement(second) : 'missing'}".toString()
    } else {
        println "Identical after a rebuild elsewhere: ${repro.sha256(first.toPath())}  ${name}"
    }
}
assert problems.isEmpty(): problems.join('\n')
return true
