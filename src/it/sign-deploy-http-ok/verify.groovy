// Checks from the repository's side what `mvn deploy` stored in nginx, and that every file was uploaded once.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
File nginxDir = new File(basedir, 'target/nginx')
it.stopNginx(nginxDir)

File publicKey = new File(basedir, 'keys/public.asc')
String fingerprint = new File(basedir, 'keys/fingerprint.txt').text.trim()
File versionDir = new File(nginxDir, 'www/repo/it/hermetic/http-lib/1.0')
List<String> artifacts = ['http-lib-1.0.pom', 'http-lib-1.0.jar', 'http-lib-1.0-sources.jar',
                          'http-lib-1.0-javadoc.jar', 'http-lib-1.0-digests.sha256sum']
List<String> problems = it.checkRepository(versionDir, artifacts, 'http-lib-1.0-digests.sha256sum', publicKey,
        ['sha256', 'sha512'])
// Exactly these files: Resolver's four checksums next to each artifact, none next to a signature.
problems.addAll(it.checkFileList(versionDir, artifacts.collectMany { name ->
    [name, name + '.asc', name + '.md5', name + '.sha1', name + '.sha256', name + '.sha512']
}))

// Nothing uploaded twice: one PUT per stored file (the resolver made the .sha256/.sha512, we did not attach them).
Map<String, Integer> puts = [:]
new File(nginxDir, 'access.log').eachLine { line ->
    def m = line =~ /"PUT (\S+) HTTP/
    if (m.find()) {
        puts.merge(m.group(1), 1, Integer::sum)
    }
}
puts.findAll { path, count -> count > 1 }.each { path, count -> problems << "${path} was uploaded ${count} times".toString() }
it.repositoryFiles(versionDir).keySet().each { name ->
    if (!puts.containsKey('/repo/it/hermetic/http-lib/1.0/' + name)) problems << "no PUT recorded for ${name}".toString()
}

String log = new File(basedir, 'build.log').text
if (!log.contains("Signing with key ${fingerprint}")) problems << "build.log does not name the key ${fingerprint}".toString()
if (!log.contains('Maven Resolver writes the .sha256 and .sha512 files on deploy')) {
    problems << 'build.log does not say the resolver makes the .sha256/.sha512 files'
}
if (log.contains('.jar.sha256 to ') || log.contains('hermetic-sign/http-lib-1.0.jar.sha256')) {
    problems << 'a .sha256 side file was attached although the resolver makes it'
}
// Secrets never in the log, even with -X: not the passphrase, not a line of the armored secret key.
if (!log.contains('[DEBUG]')) problems << 'the build did not run with -X, so the secret check proves nothing'
if (log.contains('http-ok settings passphrase')) problems << 'build.log (-X) contains the passphrase'
String keyLine = new File(basedir, 'keys/secret.asc').readLines().find { it.length() > 60 }
if (log.contains(keyLine)) problems << 'build.log (-X) contains secret key material'

it.assertNoProblems(problems)
return true
