// The sources jar, attached after hermetic:normalize ran, is normalized by hermetic:sign before it is signed:
// within sign's execution the log shows it NORMALIZED with a SHA-256 that is the one sign prints and signs, and the
// one installed; the main jar, already normalized in package, comes out UNCHANGED.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
File installed = new File(itLocalRepo, 'it/hermetic/after-normalize/1.0')
List<String> problems = it.checkRepository(installed,
        ['after-normalize-1.0.pom', 'after-normalize-1.0.jar', 'after-normalize-1.0-sources.jar',
         'after-normalize-1.0-digests.sha256sum'],
        'after-normalize-1.0-digests.sha256sum', new File(basedir, 'keys/public.asc'), it.attachedDigests(itMavenHome))

String log = new File(basedir, 'build.log').text
int signStart = log.indexOf(':sign (sign) @ after-normalize')
if (signStart < 0) {
    problems << 'no hermetic:sign execution in build.log'
} else {
    String signSection = log.substring(signStart)
    String sources = 'after-normalize-1.0-sources.jar'
    def normalized = signSection =~ /NORMALIZED\s+${sources} sha256:([0-9a-f]{64})/
    def signed = signSection =~ /sha256:([0-9a-f]{64})  ${sources}/
    String installedSha = it.hex(new File(installed, sources), 'SHA-256')
    if (!normalized.find()) {
        problems << "hermetic:sign did not normalize ${sources} first".toString()
    } else if (!signed.find()) {
        problems << "hermetic:sign did not print the SHA-256 of ${sources}".toString()
    } else if (normalized.group(1) != signed.group(1) || signed.group(1) != installedSha) {
        problems << "normalized ${normalized.group(1)}, signed ${signed.group(1)}, installed ${installedSha}".toString()
    }
    if (!(signSection =~ /UNCHANGED\s+after-normalize-1.0.jar sha256:/)) {
        problems << 'the main jar was not already normalized when hermetic:sign ran'
    }
}
it.assertNoProblems(problems)
return true
