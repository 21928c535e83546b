// Each module's SBOM, JSON and XML: valid CycloneDX 1.6 (by cyclonedx-core-java's own validator), the dependency
// graph, the module's own hashes equal to its jar's, licenses from the POMs, and the same bytes from a serial rebuild
// elsewhere.
import groovy.json.JsonSlurper

def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
String log = new File(basedir, 'build.log').text

// The tests' classpath (written by the plugin's own build): cyclonedx-core-java and its schema validator.
File classpath = new File(new File(itLocalRepo).parentFile, 'test-classpath.txt')
URL[] jars = classpath.text.trim().split(File.pathSeparator).collect { new File(it).toURI().toURL() } as URL[]
ClassLoader validatorLoader = new URLClassLoader(jars, ClassLoader.platformClassLoader)
def parser = validatorLoader.loadClass('org.cyclonedx.parsers.JsonParser').getDeclaredConstructor().newInstance()
def xmlParser = validatorLoader.loadClass('org.cyclonedx.parsers.XmlParser').getDeclaredConstructor().newInstance()
def version16 = validatorLoader.loadClass('org.cyclonedx.Version').getField('VERSION_16').get(null)
// The validator finds the schemas a BOM refers to (the SPDX list, for license ids) through the context class loader.
List<?> schemaProblems(parser, byte[] bom, ClassLoader loader, version) {
    Thread thread = Thread.currentThread()
    ClassLoader before = thread.contextClassLoader
    thread.contextClassLoader = loader
    try {
        return parser.validate(bom, version)
    } finally {
        thread.contextClassLoader = before
    }
}

Map<String, String> modules = ['.': 'sbom-parent', 'core': 'sbom-core', 'app': 'sbom-app']
Map<String, Map> boms = [:]
modules.each { dir, artifactId ->
    File sbom = new File(basedir, "${dir}/target/${artifactId}-1.0-cyclonedx.json")
    assert sbom.isFile(): "no SBOM for ${artifactId}"
    def problems = schemaProblems(parser, sbom.bytes, validatorLoader, version16)
    assert problems.isEmpty(): "${sbom} is not valid CycloneDX 1.6: ${problems}"
    Map bom = new JsonSlurper().parse(sbom)
    boms[artifactId] = bom
    File xml = new File(basedir, "${dir}/target/${artifactId}-1.0-cyclonedx.xml")
    def xmlProblems = schemaProblems(xmlParser, xml.bytes, validatorLoader, version16)
    assert xmlProblems.isEmpty(): "${xml} is not valid CycloneDX 1.6: ${xmlProblems}"
    def fromXml = xmlParser.parse(xml.bytes)
    assert fromXml.serialNumber == bom.serialNumber
    assert (fromXml.components ?: [])*.purl == (bom.components ?: [])*.purl
    // The module's licenses, inherited from the parent POM: the SPDX id of the name it declares.
    assert bom.metadata.component.licenses == [[license: [id: 'Apache-2.0']]]
    assert bom.specVersion == '1.6'
    assert bom.serialNumber ==~ /urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/
    assert !bom.metadata.containsKey('timestamp')
    assert bom.metadata.tools.components*.name == ['hermetic-maven-plugin']
    assert bom.metadata.properties == [[name: 'hermetic:dependencies',
            value: 'resolved and hashed by hermetic:sbom, not verified against a lockfile']]
    assert log.contains("Wrote ${artifactId}-1.0-cyclonedx.json and ${artifactId}-1.0-cyclonedx.xml: ")
    // Attached as cyclonedx-maven-plugin attaches its BOM: installed under the classifier cyclonedx, types json, xml.
    assert log =~ /Installing .*${artifactId}-1\.0-cyclonedx\.json to /
    assert log =~ /Installing .*${artifactId}-1\.0-cyclonedx\.xml to /
}

// The module's own hashes are those of its (normalized) jar; the parent's, of its POM.
['core': 'sbom-core', 'app': 'sbom-app'].each { dir, artifactId ->
    Map own = boms[artifactId].metadata.component
    assert own.purl == "pkg:maven/org.example.it/${artifactId}@1.0"
    assert own.'bom-ref' == own.purl
    assert own.hashes*.alg == ['SHA-256', 'SHA-512']
    assert own.hashes[0].content == repro.sha256(new File(basedir, "${dir}/target/${artifactId}-1.0.jar").toPath())
}
assert boms['sbom-parent'].metadata.component.purl == 'pkg:maven/org.example.it/sbom-parent@1.0?type=pom'
assert boms['sbom-parent'].metadata.component.hashes[0].content == repro.sha256(new File(basedir, 'pom.xml').toPath())
assert !boms['sbom-parent'].components // none: the library leaves the empty list out

// The graph: app -> core, commons-text -> commons-lang3; every component with scope and SHA-256.
Map app = boms['sbom-app']
Map<String, List<String>> dependsOn = app.dependencies.collectEntries { [(it.ref): it.dependsOn] }
String lang3 = app.components*.purl.find { it.startsWith('pkg:maven/org.apache.commons/commons-lang3@') }
assert lang3 != null: app.components*.purl
assert dependsOn['pkg:maven/org.example.it/sbom-app@1.0'] == ['pkg:maven/org.apache.commons/commons-text@1.12.0',
        'pkg:maven/org.example.it/sbom-core@1.0']
assert dependsOn['pkg:maven/org.apache.commons/commons-text@1.12.0'] == [lang3]
assert app.components*.purl == [lang3, 'pkg:maven/org.apache.commons/commons-text@1.12.0',
        'pkg:maven/org.example.it/sbom-core@1.0']
app.components.each {
    assert it.'bom-ref' == it.purl
    assert it.scope == 'required'
    assert it.hashes*.alg == ['SHA-256']
    // From each POM, through its parents where it declares none, offline: the SPDX id of what Apache's parent POM
    // and this project's declare.
    assert it.licenses*.license*.id == ['Apache-2.0']
}
// The sibling, hashed from the reactor: the bytes core's own SBOM describes.
assert app.components.find { it.name == 'sbom-core' }.hashes[0].content ==
        boms['sbom-core'].metadata.component.hashes[0].content
String text = new File(new File(itLocalRepo), 'org/apache/commons/commons-text/1.12.0/commons-text-1.12.0.jar').with {
    repro.sha256(it.toPath())
}
assert app.components.find { it.name == 'commons-text' }.hashes[0].content == text

// Build 1, without a lockfile: each resolved file hashed once, here.
assert log.contains('Wrote sbom-app-1.0-cyclonedx.json and sbom-app-1.0-cyclonedx.xml: 3 components, dependency graph;'
        + ' dependencies resolved, not verified against a lockfile: 3 hashed here; licenses declared by 3 of their POMs')

// Rebuilt serially from a copy at another path, under another TZ, locale, umask and clock: the same bytes. The copy
// has build 2's lockfile, but verify is skipped: the SBOMs hash the resolved files, as build 1's did.
File copy = repro.copySources(basedir)
assert new File(copy, 'hermetic.lock').isFile()
File rebuildLog = new File(basedir, 'rebuild.log')
int exit = repro.runMaven(copy, itMavenHome, repro.offlineSettings(copy), itLocalRepo,
        ['-Dhermetic.verify.skip', '-Dhermetic.sbom.format=all', 'hermetic:verify', 'verify'], [:], rebuildLog)
assert exit == 0: "the rebuild failed, see ${rebuildLog}"
assert rebuildLog.text.contains('Skipping hermetic:verify (hermetic.verify.skip is true)')
assert rebuildLog.text.contains('Wrote sbom-app-1.0-cyclonedx.json and sbom-app-1.0-cyclonedx.xml: 3 components,'
        + ' dependency graph; dependencies resolved, not verified against a lockfile: 3 hashed here')
modules.each { dir, artifactId ->
    ['json', 'xml'].each { type ->
        String name = "${dir}/target/${artifactId}-1.0-cyclonedx.${type}"
        assert new File(copy, name).bytes == new File(basedir, name).bytes: "${name} differs after a rebuild"
        println "Identical after a serial rebuild elsewhere: ${repro.sha256(new File(basedir, name).toPath())}  ${name}"
    }
}

// Build 2 skipped the goal, as asked.
assert log.contains('Skipping hermetic:sbom (hermetic.sbom.skip is true)')

// Build 3, verified against the lockfile of build 2: the digests are the lockfile's; only the reactor's own jar, never
// locked, is hashed here.
assert log.contains('Wrote sbom-app-1.0-cyclonedx.json: 3 components, dependency graph; digests from hermetic.lock'
        + ' (verified), reactor modules (never locked) hashed here: 1')
File verifiedApp = new File(basedir, 'app/target/verified/sbom-app-1.0-cyclonedx.json')
assert schemaProblems(parser, verifiedApp.bytes, validatorLoader, version16).isEmpty()
Map verified = new JsonSlurper().parse(verifiedApp)
assert verified.metadata.properties == [[name: 'hermetic:dependencies', value: 'verified against the lockfile']]
// -Dhermetic.sbom.timestamp: the build's fixed time (outputTimestamp, unless SOURCE_DATE_EPOCH is set), not the clock.
String epoch = System.getenv('SOURCE_DATE_EPOCH')
assert verified.metadata.timestamp == (epoch ? java.time.Instant.ofEpochSecond(epoch as long).toString()
        : '2025-06-01T12:00:00Z')
String lockLine = new File(basedir, 'hermetic.lock').readLines()
        .find { it.startsWith('org.apache.commons:commons-text:jar:1.12.0 ') }
assert lockLine != null
assert verified.components.find { it.name == 'commons-text' }.hashes ==
        [[alg: 'SHA-256', content: lockLine.split(' ')[1]]]
assert verified.components*.purl == app.components*.purl
assert verified.dependencies == app.dependencies
return true
