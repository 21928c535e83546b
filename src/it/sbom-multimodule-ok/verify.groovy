// Each module's SBOM: valid CycloneDX 1.6 (by cyclonedx-core-java's own validator), the dependency graph, the
// module's own hashes equal to its jar's, and the same bytes from a serial rebuild elsewhere.
import groovy.json.JsonSlurper

def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
String log = new File(basedir, 'build.log').text

// The tests' classpath (written by the plugin's own build): cyclonedx-core-java and its schema validator.
File classpath = new File(new File(itLocalRepo).parentFile, 'test-classpath.txt')
URL[] jars = classpath.text.trim().split(File.pathSeparator).collect { new File(it).toURI().toURL() } as URL[]
ClassLoader validatorLoader = new URLClassLoader(jars, ClassLoader.platformClassLoader)
def parser = validatorLoader.loadClass('org.cyclonedx.parsers.JsonParser').getDeclaredConstructor().newInstance()
def version16 = validatorLoader.loadClass('org.cyclonedx.Version').getField('VERSION_16').get(null)

Map<String, String> modules = ['.': 'sbom-parent', 'core': 'sbom-core', 'app': 'sbom-app']
Map<String, Map> boms = [:]
modules.each { dir, artifactId ->
    File sbom = new File(basedir, "${dir}/target/${artifactId}-1.0-cyclonedx.json")
    assert sbom.isFile(): "no SBOM for ${artifactId}"
    def problems = parser.validate(sbom.bytes, version16)
    assert problems.isEmpty(): "${sbom} is not valid CycloneDX 1.6: ${problems}"
    Map bom = new JsonSlurper().parse(sbom)
    boms[artifactId] = bom
    assert bom.specVersion == '1.6'
    assert bom.serialNumber ==~ /urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/
    assert !bom.metadata.containsKey('timestamp')
    assert bom.metadata.tools.components*.name == ['hermetic-maven-plugin']
    assert bom.metadata.properties == [[name: 'hermetic:dependencies',
            value: 'resolved and hashed by hermetic:sbom, not verified against a lockfile']]
    assert log.contains("Wrote ${artifactId}-1.0-cyclonedx.json: ")
    // Attached as cyclonedx-maven-plugin attaches its BOM: installed under the classifier cyclonedx, type json.
    assert log =~ /Installing .*${artifactId}-1\.0-cyclonedx\.json to /
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
}
// The sibling, hashed from the reactor: the bytes core's own SBOM describes.
assert app.components.find { it.name == 'sbom-core' }.hashes[0].content ==
        boms['sbom-core'].metadata.component.hashes[0].content
String text = new File(new File(itLocalRepo), 'org/apache/commons/commons-text/1.12.0/commons-text-1.12.0.jar').with {
    repro.sha256(it.toPath())
}
assert app.components.find { it.name == 'commons-text' }.hashes[0].content == text

// Rebuilt serially from a copy at another path, under another TZ, locale, umask and clock: the same bytes.
File copy = repro.copySources(basedir)
File rebuildLog = new File(basedir, 'rebuild.log')
int exit = repro.runMaven(copy, itMavenHome, repro.offlineSettings(copy), itLocalRepo, ['verify'], [:], rebuildLog)
assert exit == 0: "the rebuild failed, see ${rebuildLog}"
modules.each { dir, artifactId ->
    String name = "${dir}/target/${artifactId}-1.0-cyclonedx.json"
    assert new File(copy, name).bytes == new File(basedir, name).bytes: "${name} differs after a rebuild"
    println "Identical after a serial rebuild elsewhere: ${repro.sha256(new File(basedir, name).toPath())}  ${name}"
}

// Build 2 skipped the goal, as asked.
assert log.contains('Skipping hermetic:sbom (hermetic.sbom.skip is true)')

// Build 3, verified against the lockfile of build 2: the digests are the lockfile's; only the reactor's own jar, never
// locked, is hashed here.
assert log.contains('Wrote sbom-app-1.0-cyclonedx.json: 3 components, dependency graph; digests from hermetic.lock'
        + ' (verified), reactor modules (never locked) hashed here: 1')
File verifiedApp = new File(basedir, 'app/target/verified/sbom-app-1.0-cyclonedx.json')
assert parser.validate(verifiedApp.bytes, version16).isEmpty()
Map verified = new JsonSlurper().parse(verifiedApp)
assert verified.metadata.properties == [[name: 'hermetic:dependencies', value: 'verified against the lockfile']]
String lockLine = new File(basedir, 'hermetic.lock').readLines()
        .find { it.startsWith('org.apache.commons:commons-text:jar:1.12.0 ') }
assert lockLine != null
assert verified.components.find { it.name == 'commons-text' }.hashes ==
        [[alg: 'SHA-256', content: lockLine.split(' ')[1]]]
assert verified.components*.purl == app.components*.purl
assert verified.dependencies == app.dependencies
return true
