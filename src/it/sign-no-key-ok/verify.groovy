// No key and signing not required: the build succeeds, one line says nothing was signed and how to sign, and
// nothing is signed, written or installed besides the unsigned artifacts.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
List<String> problems = it.checkInstalledUnsigned(basedir, new File(itLocalRepo), 'no-key-ok')
String log = new File(basedir, 'build.log').text
if (!log.contains('BUILD SUCCESS')) problems << 'the build did not succeed'
String notice = '[INFO] Not signing it.hermetic:no-key-ok:jar:1.0: no key in the environment variable MAVEN_GPG_KEY,' +
        ' so no signature or digest was written or attached. To sign, set MAVEN_GPG_KEY="$(gpg --armor --export-secret-keys' +
        ' <fingerprint>)" or hermetic.sign.keyFile; -Dhermetic.sign.required=true (for releases) makes a missing key' +
        ' fail the build.'
int notices = log.readLines().count { it == notice }
if (notices != 1) problems << "expected the notice line once, found it ${notices} times: ${notice}".toString()
it.assertNoProblems(problems)
return true
