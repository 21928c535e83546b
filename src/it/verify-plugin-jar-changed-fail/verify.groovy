def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['hermetic: verification failed before any plugin ran: ',
        'Checksum mismatch for org.apache.maven.plugins:maven-resources-plugin:jar:3.3.1',
        'JVM defaults pinned for this build: Locale.ROOT, time zone UTC'])
// The tampered plugin never ran: nothing was copied to target/classes.
assert !new File(basedir, 'target/classes/marker.txt').exists(): 'the tampered resources plugin ran'
// The invoker fails a hook script that returns anything but true or null.
true
