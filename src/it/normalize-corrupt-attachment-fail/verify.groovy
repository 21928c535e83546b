import java.security.MessageDigest

String log = new File(basedir, 'build.log').text
File bundle = new File(basedir, 'target/bundle.zip')
assert log =~ /\[ERROR\] Failed to execute goal dev\.hermetic:hermetic-maven-plugin:[^ ]+:normalize \(default\) on project corrupt: Cannot normalize .*bundle\.zip/
assert log.contains('leave this attachment alone with <excludeClassifiers>')
// Untouched: still the half zip setup.groovy wrote, and no temporary file left next to it.
assert java.util.HexFormat.of().formatHex(MessageDigest.getInstance('SHA-256').digest(bundle.bytes)) ==
        new File(basedir, 'bundle.sha256').text
assert new File(basedir, 'target').list().toList() == ['bundle.zip'] : new File(basedir, 'target').list()
return true
