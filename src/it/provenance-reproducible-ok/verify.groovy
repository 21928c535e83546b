// The same .intoto.jsonl from a build at another path, under another TZ, locale, umask and clock.
def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
def prov = evaluate(new File(itLib, 'provenance-checks.groovy'))
String name = 'target/hermetic-provenance/repro-prov-1.0.intoto.jsonl'
File first = new File(basedir, name)
assert first.isFile(): "the first build wrote no ${name}"
File copy = repro.copySources(basedir)
new File(copy, '.mvn/maven.config').text = new File(basedir, '.mvn/maven.config').text
        .replace(new File(basedir, 'src/main/java').absolutePath, new File(copy, 'src/main/java').absolutePath)
File log = new File(basedir, 'rebuild.log')
int exit = repro.runMaven(copy, itMavenHome, repro.offlineSettings(copy), itLocalRepo, ['verify'],
        [SOURCE_DATE_EPOCH: '1767312000'], log)
assert exit == 0: "the rebuild failed, see ${log}"
File second = new File(copy, name)
Map statement = prov.statement(first)
Map external = statement.predicate.buildDefinition.externalParameters
assert external.userProperties['it.sources'] == '${session.rootDirectory}/src/main/java': "it.sources: ${external.userProperties}"
assert external.machinePathProperties == ['maven.repo.local']: "machinePathProperties: ${external.machinePathProperties}"
assert statement.subject*.name == ['repro-prov-1.0.jar', 'repro-prov-1.0.pom']
if (first.bytes != second.bytes) {
    throw new AssertionError("The provenance differs between the two builds:\n${first}\n${first.text}\n${second}\n" +
            "${second.text}\nStatements:\n${new String(Base64.decoder.decode(new groovy.json.JsonSlurper().parse(first).payload as String))}\n" +
            "${new String(Base64.decoder.decode(new groovy.json.JsonSlurper().parse(second).payload as String))}")
}
println "Identical provenance after a rebuild elsewhere: ${repro.sha256(first.toPath())}  ${name}"
return true
