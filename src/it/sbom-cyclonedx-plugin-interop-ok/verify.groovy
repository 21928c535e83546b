// For each module, the components hermetic:sbom lists and those cyclonedx-maven-plugin 2.9.3 lists are the same set
// of (purl, SHA-256). Theirs write the default qualifier type=jar, ours leave it out (docs/sbom.md): compared without.
import groovy.json.JsonSlurper

Set<List<String>> components(File file) {
    Map bom = new JsonSlurper().parse(file)
    return bom.components.collect { c ->
        [c.purl.replace('?type=jar', ''), c.hashes.find { it.alg == 'SHA-256' }?.content]
    } as Set
}

['core': 'interop-core', 'app': 'interop-app'].each { dir, artifactId ->
    File ours = new File(basedir, "${dir}/target/${artifactId}-1.0-cyclonedx.json")
    File theirs = new File(basedir, "${dir}/target/bom.json")
    assert ours.isFile() && theirs.isFile(): "${dir}: ours ${ours.isFile()}, theirs ${theirs.isFile()}"
    Set<List<String>> a = components(ours)
    Set<List<String>> b = components(theirs)
    assert a == b: "${artifactId}: only in hermetic:sbom ${a - b}; only in makeBom ${b - a}"
    println "${artifactId}: the same ${a.size()} components (purl, SHA-256) in both BOMs"
}
// The module's own hashes: cyclonedx-maven-plugin writes none (its issue #57); ours are the jar's.
Map theirsApp = new JsonSlurper().parse(new File(basedir, 'app/target/bom.json'))
assert !theirsApp.metadata.component.containsKey('hashes')
Map oursApp = new JsonSlurper().parse(new File(basedir, 'app/target/interop-app-1.0-cyclonedx.json'))
assert oursApp.metadata.component.hashes*.alg == ['SHA-256', 'SHA-512']
assert components(new File(basedir, 'app/target/interop-app-1.0-cyclonedx.json')).size() == 3
return true
