String whole = new File(basedir, 'build.log').text
int third = whole.lastIndexOf('Scanning for projects')
String log = whole.substring(0, third)
String otherKey = whole.substring(third)
File manifest = new File(basedir, 'reference/it/hermetic/compare-lib/1.0/compare-lib-1.0-digests.sha256sum')
String referenceSha = manifest.readLines().find { it.endsWith('  compare-lib-1.0.jar') }.split(' ')[0]

assert log.contains("Reference: the digest manifest ${manifest} (2 files): only checksums can be compared")
assert log =~ /identical +compare-lib-1\.0\.pom/
// The jar differs; all that is known is both checksums, and the report says why no more is shown.
assert log =~ /different +compare-lib-1\.0\.jar: 1 difference \(1 binary\)/
assert log =~ /SHA-256: reference "${referenceSha}", here "[0-9a-f]{64}"  \[checksum-only\]/
assert log.contains('cause: the reference is a digest manifest, which holds checksums only')
assert log.contains('fix:   compare against the reference\'s files themselves')
assert log.contains('rebuild comparison result: 1 files match, 1 differ')
assert log.contains('1 of 2 files are not identical to the reference')
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'target/compare-lib-1.0.buildcompare').text.contains('ok=1\nko=1\n')
// Without a public key the signature is not checked, and the log says so.
assert log.contains("The manifest's signature ${manifest}.asc was not checked: give the signer's public key with"
        + ' -Dhermetic.compare.publicKey=FILE')

// With another key: the signature does not verify, so nothing is compared.
String signer = new File(basedir, 'keys/fingerprint.txt').text.trim()
assert otherKey.contains("hermetic:compare: the signature ${manifest}.asc of the digest manifest does not verify:")
assert otherKey.contains("it was made by key ${signer}, which is not in the public key file"
        + " ${new File(basedir, 'other-keys/public.asc')}")
assert !otherKey.contains('rebuild comparison result')
assert otherKey.contains('BUILD FAILURE')
return true
