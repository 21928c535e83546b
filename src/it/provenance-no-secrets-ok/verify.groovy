// Every file under the project's target/ and the installed version directory, the provenance's decoded payload
// and build.log: the secret values are nowhere; their names are in withheldProperties.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
def prov = evaluate(new File(itLib, 'provenance-checks.groovy'))
List<String> secrets = ['hunter2-NOT-FOR-OUTPUT', 'tok-NOT-FOR-OUTPUT']
List<String> problems = []
List<File> outputs = [new File(basedir, 'build.log')]
[new File(basedir, 'target'), new File(itLocalRepo, 'it/hermetic/nosecret/1.0')].each { dir ->
    dir.eachFileRecurse { if (it.isFile()) outputs << it }
}
File envelope = new File(basedir, 'target/hermetic-provenance/nosecret-1.0.intoto.jsonl')
if (!envelope.isFile()) it.assertNoProblems(["no provenance at ${envelope}".toString()])
File decoded = new File(basedir, 'target/provenance-statement.json')
decoded.bytes = Base64.decoder.decode(new groovy.json.JsonSlurper().parse(envelope).payload as String)
outputs << decoded
outputs.each { File f ->
    String text = new String(f.bytes, 'ISO-8859-1')
    secrets.each { s -> if (text.contains(s)) problems << "${f} contains the value ${s}".toString() }
}
if (outputs.size() < 10) problems << "only ${outputs.size()} outputs searched: did the build run?".toString()
Map external = prov.statement(envelope).predicate.buildDefinition.externalParameters
if (!external.withheldProperties.containsAll(['api.token', 'my.password'])) problems << "withheldProperties: ${external.withheldProperties}".toString()
if (external.userProperties['plain.value'] != 'shown-in-provenance') problems << "userProperties: ${external.userProperties}".toString()
it.assertNoProblems(problems)
println "Searched ${outputs.size()} files for the secret values"
return true
