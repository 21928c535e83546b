import java.security.MessageDigest
import java.util.jar.Attributes
import java.util.jar.JarOutputStream
import java.util.jar.Manifest
import java.util.zip.ZipEntry

// A real signed jar: jarsigner with a throw-away key, as a vendor would ship it.
File target = new File(basedir, 'target')
target.mkdirs()
File jar = new File(target, 'vendor.jar')
Manifest manifest = new Manifest()
manifest.mainAttributes.put(Attributes.Name.MANIFEST_VERSION, '1.0')
new JarOutputStream(new FileOutputStream(jar), manifest).withCloseable { out ->
    out.putNextEntry(new ZipEntry('vendor/data.txt'))
    out.write('vendor data\n'.bytes)
    out.closeEntry()
}
String bin = new File(System.getProperty('java.home'), 'bin').absolutePath
File keystore = new File(basedir, 'vendor.p12')
def run = { List command ->
    Process p = new ProcessBuilder(command*.toString()).redirectErrorStream(true).start()
    String output = p.inputStream.text
    assert p.waitFor() == 0 : "${command[0]} failed:\n${output}"
}
run(["${bin}/keytool", '-genkeypair', '-keystore', keystore.path, '-storetype', 'PKCS12', '-storepass',
     'changeit', '-alias', 'vendor', '-keyalg', 'EC', '-groupname', 'secp256r1', '-dname', 'CN=Vendor',
     '-validity', '3650'])
run(["${bin}/jarsigner", '-keystore', keystore.path, '-storepass', 'changeit', jar.path, 'vendor'])
new File(basedir, 'vendor.sha256').text = java.util.HexFormat.of().formatHex(
        MessageDigest.getInstance('SHA-256').digest(jar.bytes))
return true
