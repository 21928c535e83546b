// For each module, the components hermetic:sbom lists and those cyclonedx-maven-plugin 2.9.3 lists are the same set
// of (purl, SHA-256, licenses), in JSON and in XML. Theirs write the default qualifier type=jar, ours leave it out
// (docs/sbom.md): compared without.
import groovy.json.JsonSlurper

String purl(String p) { p.replace('?type=jar', '') }

/** A license as a comparable string: its SPDX id, or its name and URL as declared; an expression as such. */
String license(Map choice) {
    choice.expression ?: (choice.license.id ?: "${choice.license.name} <${choice.license.url ?: ''}>")
}

Set<List<String>> components(File json) {
    Map bom = new JsonSlurper().parse(json)
    return bom.components.collect { c ->
        [purl(c.purl), c.hashes.find { it.alg == 'SHA-256' }?.content,
         (c.licenses ?: []).collect { license(it) }.sort().join(' | ')]
    } as Set
}

Set<List<String>> xmlComponents(File xml) {
    def bom = new groovy.xml.XmlSlurper().parse(xml)
    return bom.components.component.collect { c ->
        [purl(c.purl.text()), c.hashes.hash.find { it.@alg == 'SHA-256' }?.text(),
         c.licenses.license.collect { l -> l.id.text() ?: "${l.name.text()} <${l.url.text()}>" }.sort().join(' | ')]
    } as Set
}

String ownLicenses(File json) {
    Map bom = new JsonSlurper().parse(json)
    return (bom.metadata.component.licenses ?: []).collect { license(it) }.sort().join(' | ')
}

['core': 'interop-core', 'app': 'interop-app'].each { dir, artifactId ->
    File ours = new File(basedir, "${dir}/target/${artifactId}-1.0-cyclonedx.json")
    File theirs = new File(basedir, "${dir}/target/bom.json")
    assert ours.isFile() && theirs.isFile(): "${dir}: ours ${ours.isFile()}, theirs ${theirs.isFile()}"
    Set<List<String>> a = components(ours)
    Set<List<String>> b = components(theirs)
    assert a == b: "${artifactId}: only in hermetic:sbom ${a - b}; only in makeBom ${b - a}"
    println "${artifactId}: the same ${a.size()} components (purl, SHA-256, licenses) in both BOMs: ${a}"
    Set<List<String>> ax = xmlComponents(new File(basedir, "${dir}/target/${artifactId}-1.0-cyclonedx.xml"))
    Set<List<String>> bx = xmlComponents(new File(basedir, "${dir}/target/bom.xml"))
    assert ax == a && bx == b: "${artifactId}, XML: ours ${ax}, theirs ${bx}"
    assert ownLicenses(ours) == ownLicenses(theirs)
    println "${artifactId}: the module's own licenses in both BOMs: ${ownLicenses(ours)}"
}
// Licenses: from the dependencies' POMs through their parents (commons-text declares none itself), the SPDX id.
Map oursApp = new JsonSlurper().parse(new File(basedir, 'app/target/interop-app-1.0-cyclonedx.json'))
assert oursApp.components.find { it.name == 'commons-text' }.licenses ==
        [[license: [id: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0']]]
assert components(new File(basedir, 'app/target/interop-app-1.0-cyclonedx.json'))
        .find { it[0] == 'pkg:maven/org.example.it/interop-core@1.0' }[2] == 'Example Corp. Terms <https://example.org/terms> | MIT'
assert ownLicenses(new File(basedir, 'app/target/interop-app-1.0-cyclonedx.json')) == 'Apache-2.0'
// The module's own hashes: cyclonedx-maven-plugin writes none (its issue #57); ours are the jar's.
Map theirsApp = new JsonSlurper().parse(new File(basedir, 'app/target/bom.json'))
assert !theirsApp.metadata.component.containsKey('hashes')
assert oursApp.metadata.component.hashes*.alg == ['SHA-256', 'SHA-512']
assert components(new File(basedir, 'app/target/interop-app-1.0-cyclonedx.json')).size() == 4
// A license URL written as ${project.url}/LICENSE.txt: interpolated, as in the effective model (theirs too, above).
assert oursApp.components.find { it.name == 'interpolated-license' }.licenses ==
        [[license: [name: 'Example Interpolated License', url: 'https://example.org/interpolated/LICENSE.txt']]]
return true
