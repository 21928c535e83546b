// Shared by the *-bad-*-fail ITs: a setting extension mode refuses as the build starts.
//
// Usage from a verify.groovy:
//   evaluate(new File(itLib, 'early-failure.groovy')).assertFailedAsTheBuildStarts(basedir, expectedMessage, badValue)

class EarlyFailure {

    /**
     * The build failed saying {@code expected} once among its [ERROR] lines (the stack trace of -e aside), said the
     * bad value no other way, and failed before anything ran: no lockfile read, nothing compiled.
     */
    static void assertFailedAsTheBuildStarts(File basedir, String expected, String badValue) {
        String log = new File(basedir, 'build.log').getText('UTF-8')
        List<String> errors = log.readLines().findAll { it.startsWith('[ERROR]') }
        assert errors.count { it.contains(expected) } == 1: "not said once in the [ERROR] lines:\n${errors.join('\n')}"
        assert log.count(badValue) == log.count(expected): "the bad value is reported another way too:\n${errors.join('\n')}"
        assert !log.contains('No lockfile'): 'the lockfile was looked for before the settings were checked'
        assert !log.contains('maven-compiler-plugin'): 'the build compiled before failing'
        assert !new File(basedir, 'target/classes').exists(): 'the build compiled before failing'
    }
}

return EarlyFailure
