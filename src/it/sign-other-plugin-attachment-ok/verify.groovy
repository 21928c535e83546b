// The .sha512 build-helper-maven-plugin attached for the notes is installed as it was, not replaced by
// hermetic:sign's: no "already attached, replace previous instance", one line saying it was left in place, and the
// notes are still signed (their .asc verifies) and digested (.sha256).
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
List<String> problems = []
String log = new File(basedir, 'build.log').text
if (log.contains('replace previous instance')) problems << 'Maven replaced an attachment (already attached, replace previous instance)'
if (log.contains('does not hold the SHA-512')) problems << 'hermetic:sign warned that the other .sha512 is wrong'
File theirs = new File(basedir, 'src/release/notes.txt.sha512')
List<String> digests = it.attachedDigests(itMavenHome)
if ('sha512' in digests) {
    String leftInPlace = "[INFO] Left in place what another plugin already attached under the same coordinates," +
            " rather than replace it: other-attach-1.0-notes.txt.sha512 (from ${theirs})"
    int lines = log.readLines().count { it == leftInPlace }
    if (lines != 1) problems << "expected once, found ${lines} times: ${leftInPlace}".toString()
}
File installed = new File(itLocalRepo, 'it/hermetic/other-attach/1.0')
File installedSha512 = new File(installed, 'other-attach-1.0-notes.txt.sha512')
if (!installedSha512.isFile() || installedSha512.text != theirs.text) {
    problems << "the installed ${installedSha512.name} is not the one build-helper attached".toString()
}
File notes = new File(installed, 'other-attach-1.0-notes.txt')
Map gpg = it.gpgVerify(new File(installed, 'other-attach-1.0-notes.txt.asc'), notes, new File(basedir, 'keys/public.asc'))
if (!gpg.ok) problems << "gpg rejects the notes' signature: ${gpg.output}".toString()
if ('sha256' in digests && new File(installed, 'other-attach-1.0-notes.txt.sha256').text != it.hex(notes, 'SHA-256')) {
    problems << 'the notes .sha256 does not match'
}
it.assertNoProblems(problems)
return true
