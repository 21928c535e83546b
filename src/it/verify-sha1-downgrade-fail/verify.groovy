def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
int line = new File(basedir, 'hermetic.lock').readLines().findIndexOf { it.startsWith('algorithm ') } + 1
fx.assertLog(basedir, ["is malformed at line ${line}".toString(), 'SHA-1'])
// The invoker fails a hook script that returns anything but true or null.
true
