String log = new File(basedir, 'build.log').text
// The mojo's own failure (not "Execution ... failed", which is what an uncaught exception gives).
assert log =~ /\[ERROR\] Failed to execute goal dev\.hermetic:hermetic-maven-plugin:[^ ]+:normalize \(default\) on project bad-timestamp: Invalid build timestamp/
assert log.contains('last tuesday')
assert log.contains('Set <project.build.outputTimestamp> to an ISO-8601 instant')
return true
