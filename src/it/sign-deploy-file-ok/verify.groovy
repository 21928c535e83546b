// Checks from the repository's side what `mvn deploy` left in the file:// repository, then that a tampered
// artifact is rejected (the sign-tampered story: gpg, sqv and the digests all notice one changed byte).
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
File publicKey = new File(basedir, 'keys/public.asc')
String fingerprint = new File(basedir, 'keys/fingerprint.txt').text.trim()
File versionDir = new File(basedir, 'remote-repo/it/hermetic/signed-lib/1.0')
List<String> artifacts = ['signed-lib-1.0.pom', 'signed-lib-1.0.jar', 'signed-lib-1.0-sources.jar',
                          'signed-lib-1.0-javadoc.jar', 'signed-lib-1.0-digests.sha256sum']
List<String> digests = it.attachedDigests(itMavenHome)
List<String> problems = it.checkRepository(versionDir, artifacts, 'signed-lib-1.0-digests.sha256sum', publicKey, digests)
// Exactly these files: Resolver's .md5/.sha1 next to each artifact, none next to a signature or a checksum
// (Maven 3.8 would write .sha256.md5 and the like for an attached .sha256, so none is attached there).
problems.addAll(it.checkFileList(versionDir, artifacts.collectMany { name ->
    [name, name + '.asc', name + '.md5', name + '.sha1'] + digests.collect { name + '.' + it }
}))
if (digests.isEmpty() && !new File(basedir, 'build.log').text.contains(
        "deploy writes .md5 and .sha1 files next to every attached file, a .sha256 or .sha512 included, so the .sha256")) {
    problems << 'build.log does not say why no .sha256/.sha512 was attached'
}

// The log names the key and prints each artifact's SHA-256, as deployed.
String log = new File(basedir, 'build.log').text
if (!log.contains("Signing with key ${fingerprint} from the key file")) {
    problems << "build.log does not name the signing key ${fingerprint}".toString()
}
artifacts.each { name ->
    String sha256 = it.hex(new File(versionDir, name), 'SHA-256')
    if (!log.contains("sha256:${sha256}  ${name}")) problems << "build.log lacks sha256:${sha256}  ${name}".toString()
}
// The passphrase is never printed.
if (log.contains('file-ok test passphrase')) problems << 'build.log contains the passphrase'

// Tampered: one byte of the jar changed after signing.
File jar = new File(versionDir, 'signed-lib-1.0.jar')
File tampered = new File(basedir, 'target/tampered/signed-lib-1.0.jar')
tampered.parentFile.mkdirs()
byte[] bytes = jar.bytes
bytes[bytes.length.intdiv(2)] ^= 0x01
tampered.bytes = bytes
File asc = new File(versionDir, 'signed-lib-1.0.jar.asc')
if (it.gpgVerify(asc, tampered, publicKey).ok) problems << 'gpg --verify accepts a tampered jar'
if (it.sqvVerify(asc, tampered, publicKey).ok) problems << 'sqv accepts a tampered jar'
String listed = new File(versionDir, 'signed-lib-1.0-digests.sha256sum').readLines()
        .find { it.endsWith('  signed-lib-1.0.jar') }?.split('  ')?.getAt(0)
if (it.hex(tampered, 'SHA-256') == listed) problems << "the manifest's SHA-256 matches a tampered jar"
File sha256 = new File(versionDir, 'signed-lib-1.0.jar.sha256')
if ('sha256' in digests && it.hex(tampered, 'SHA-256') == sha256.text.trim()) {
    problems << 'the .sha256 matches a tampered jar'
}
// ... while the untouched copy still verifies, so the rejections above are about the changed byte.
if (!it.gpgVerify(asc, jar, publicKey).ok) problems << 'gpg --verify rejects the untouched jar'

it.assertNoProblems(problems)
return true
