def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
// The path it looked for, the one command that creates the lockfile, and how to run a command before then.
fx.assertLog(basedir, ['No lockfile at ' + new File(basedir, 'hermetic.lock').path, 'Create it with `mvn verify hermetic:lock`',
        'the next build verifies against it', 'add -Dhermetic.verify.skip to run a command without verification'])
// The invoker fails a hook script that returns anything but true or null.
true
