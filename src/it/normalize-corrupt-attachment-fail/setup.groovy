import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// A real zip, then cut in half: the local headers are there, the central directory is not.
File target = new File(basedir, 'target')
target.mkdirs()
def bytes = new ByteArrayOutputStream()
new ZipOutputStream(bytes).withCloseable { zip ->
    zip.putNextEntry(new ZipEntry('data/values.txt'))
    zip.write(('value\n' * 2000).bytes)
    zip.closeEntry()
    zip.putNextEntry(new ZipEntry('data/more.txt'))
    zip.write(('more\n' * 2000).bytes)
    zip.closeEntry()
}
byte[] whole = bytes.toByteArray()
byte[] half = Arrays.copyOf(whole, whole.length.intdiv(2))
new File(target, 'bundle.zip').bytes = half
// verify.groovy checks the failed build left these exact bytes.
new File(basedir, 'bundle.sha256').text = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance('SHA-256').digest(half))
return true
