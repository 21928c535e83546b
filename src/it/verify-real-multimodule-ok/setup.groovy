// Unpacks the source release of a real multi-module project from Maven Central and declares this plugin in the
// unpacked root POM in its short form (README "Using it"): <extensions>true</extensions> and no <executions>, so the
// recommended goals are bound. Nothing else is added: no exclusion for Apache RAT, which the parent binds.
// The release's own files are not edited in the repository: a pinned version is unpacked fresh on every run.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))

String release = 'org.apache.maven.enforcer:enforcer:3.5.0:zip:source-release'
File project = new File(basedir, 'enforcer-3.5.0')
// A re-run starts from the pristine release, not from the previous run's lockfile and patched POM.
project.deleteDir()
new File(basedir, 'keys').deleteDir()
new File(basedir, 'setup.log').delete()

// Through the invoker's settings and local repository: Central once, then the outer build's repository as a cache.
fx.maven(basedir, itMavenHome, itSettingsFile, ["-Dmaven.repo.local=${itLocalRepo}".toString(),
        'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack', "-Dartifact=${release}".toString(),
        "-DoutputDirectory=${basedir}".toString()])

File rootPom = new File(project, 'pom.xml')
assert rootPom.isFile(): "${release} did not unpack to ${project}"
String pom = rootPom.getText('UTF-8')
String anchor = '    </pluginManagement>\n  </build>'
// The release's root POM has <pluginManagement> only; if a new version changes that, fail here rather than run unpatched.
assert pom.count(anchor) == 1: "the root POM of ${release} changed shape: no single '</pluginManagement></build>'"
rootPom.setText(pom.replace(anchor, """    </pluginManagement>
    <plugins>
      <plugin>
        <groupId>dev.hermetic</groupId>
        <artifactId>hermetic-maven-plugin</artifactId>
        <version>${itPluginVersion}</version>
        <extensions>true</extensions>
      </plugin>
    </plugins>
  </build>"""), 'UTF-8')
// The release build's signing key (build 4), fresh for this test, without a passphrase.
new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, '../sign-support/SignItSupport.groovy'))
        .getDeclaredConstructor().newInstance().generateKey(new File(basedir, 'keys'), '')
// The invoker fails a hook script that returns anything but true or null.
true
