def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
int line = new File(basedir, 'hermetic.lock').readLines().findIndexOf { it == 'it.fake:lib-a:jar:1.0' } + 1
assert line > 0
fx.assertLog(basedir, ["hermetic.lock is malformed at line ${line}:".toString()])
// The invoker fails a hook script that returns anything but true or null.
true
