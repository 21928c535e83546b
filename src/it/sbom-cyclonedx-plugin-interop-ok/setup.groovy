// A dependency whose license URL is an expression, ${project.url}/LICENSE.txt: only its effective model has the URL,
// so hermetic:sbom builds that model (offline) for it, where it reads every other POM as written. Served from a file
// repository in the IT's directory, named literally in app/pom.xml.
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

void sha1(File f) {
    new File(f.path + '.sha1').text = java.security.MessageDigest.getInstance('SHA-1').digest(f.bytes).encodeHex().toString()
}

File repo = new File(basedir, 'fake-repo')
File dir = new File(repo, 'org/example/fake/interpolated-license/1.0')
dir.mkdirs()
File pom = new File(dir, 'interpolated-license-1.0.pom')
pom.text = '''<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example.fake</groupId>
  <artifactId>interpolated-license</artifactId>
  <version>1.0</version>
  <url>https://example.org/interpolated</url>
  <licenses>
    <license>
      <name>Example Interpolated License</name>
      <url>${project.url}/LICENSE.txt</url>
    </license>
  </licenses>
</project>
'''
sha1(pom)
File jar = new File(dir, 'interpolated-license-1.0.jar')
new ZipOutputStream(new FileOutputStream(jar)).withCloseable { zip ->
    ZipEntry e = new ZipEntry('org/example/fake/interpolated.txt')
    e.time = 315532800000L
    zip.putNextEntry(e)
    zip.write('interpolated\n'.getBytes('UTF-8'))
    zip.closeEntry()
}
sha1(jar)
File appPom = new File(basedir, 'app/pom.xml')
appPom.text = appPom.text.replace('FAKE_REPO_URL', repo.toURI().toString())
true
