import java.security.MessageDigest
import java.util.zip.ZipFile

String log = new File(basedir, 'build.log').text
File jar = new File(basedir, 'target/vendor.jar')
new ZipFile(jar).withCloseable { zip ->
    assert zip.getEntry('META-INF/VENDOR.SF') != null : 'setup.groovy should have produced a signed jar'
}
assert log =~ /\[WARNING\] SKIPPED_SIGNED\s+vendor\.jar sha256:[0-9a-f]{64} \(signed jar/
// Byte for byte what jarsigner wrote.
assert java.util.HexFormat.of().formatHex(MessageDigest.getInstance('SHA-256').digest(jar.bytes)) ==
        new File(basedir, 'vendor.sha256').text
return true
