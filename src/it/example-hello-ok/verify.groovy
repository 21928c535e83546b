// The committed lockfile still describes the example's build: verified, with no problem and no drift warning.
String log = new File(basedir, 'build.log').getText('UTF-8')
def summary = log.readLines().find { it.contains('hermetic:verify: 1 module against hermetic.lock') }
assert summary: "no verify summary in build.log"
assert summary.contains(': 0 errors, 0 warnings'): "the example's lockfile no longer fits its build: ${summary}"
assert !log.contains('is not in the lockfile'): 'the example build reads an artifact its lockfile does not have'

// The plugin jar offers no StAX implementation: an extension realm that sees it must not swap the JVM's XML parser
// for the Woodstox that cyclonedx-core-java brings.
File pluginJar = new File(itLocalRepo, "dev/hermetic/hermetic-maven-plugin/${itPluginVersion}/" +
        "hermetic-maven-plugin-${itPluginVersion}.jar")
assert pluginJar.isFile(): "no installed plugin jar at ${pluginJar}"
new java.util.zip.ZipFile(pluginJar).withCloseable { zip ->
    List<String> stax = zip.entries().toList()*.name.findAll { it.startsWith('META-INF/services/javax.xml.stream.') }
    assert stax.isEmpty(): "the plugin jar registers StAX services: ${stax}"
}
true
