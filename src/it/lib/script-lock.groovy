// Waiting for a process (a Maven build, a rebuild) from a hook script without holding up the other ITs.
//
// Usage, from a hook script or a file it evaluates:
//   def scriptLock = evaluate(new File(itLib, 'script-lock.groovy'))
//   Map r = scriptLock.run(new ProcessBuilder(command).redirectErrorStream(true))   // [exit:, out:]
//   int exit = scriptLock.waitFor(processBuilder.redirectOutput(log).start())
//
// maven-script-interpreter (1.7, under maven-invoker-plugin 3.10.1) evaluates every hook script under one static lock,
// ScriptRunner.LOCK, because it redirects System.out and System.err to the IT's build.log while a script runs. With
// parallel ITs, a script that runs Maven for 30 s stops every other IT at its next hook script for those 30 s. waitFor
// waits with that lock released (Object.wait), so other ITs' scripts run meanwhile. While it is released, System.out
// and System.err are the JVM's own stdout and stderr, never this script's log: a script that starts meanwhile saves
// and restores those, and this one gets its log back once it holds the lock again.
class ScriptLock {

    /** ScriptRunner's lock, or null if this maven-script-interpreter has none (then waitFor simply waits). */
    static final Object LOCK = findLock()

    private static Object findLock() {
        try {
            Class<?> runner = Class.forName('org.apache.maven.shared.scriptinterpreter.ScriptRunner', false,
                    ScriptLock.classLoader)
            java.lang.reflect.Field lock = runner.getDeclaredField('LOCK')
            lock.accessible = true
            return lock.get(null)
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notThere) {
            return null
        }
    }

    /** Waits for {@code process} to end, with the invoker's script lock released meanwhile; returns its exit code. */
    static int waitFor(Process process) {
        if (LOCK == null || !Thread.holdsLock(LOCK)) {
            return process.waitFor()
        }
        PrintStream out = System.out
        PrintStream err = System.err
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true))
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true))
        try {
            process.onExit().thenRunAsync { synchronized (LOCK) { LOCK.notifyAll() } }
            while (process.alive) {
                LOCK.wait(1000)
            }
        } finally {
            System.setOut(out)
            System.setErr(err)
        }
        return process.exitValue()
    }

    /**
     * Starts {@code pb} with its output (and error stream, if redirected to it) going to a temporary file, waits for it
     * as {@link #waitFor} does, and returns {@code [exit: exit code, out: its output]}.
     */
    static Map run(ProcessBuilder pb) {
        File output = File.createTempFile('it-process', '.out')
        try {
            int exit = waitFor(pb.redirectOutput(output).start())
            return [exit: exit, out: output.getText('UTF-8')]
        } finally {
            output.delete()
        }
    }
}

return ScriptLock
