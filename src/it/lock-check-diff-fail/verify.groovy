def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
File lockfile = new File(basedir, 'hermetic.lock')
File proposed = new File(basedir, 'target/hermetic.lock')
assert lockfile.bytes == new File(basedir, 'hermetic.lock.before').bytes: 'check mode wrote the lockfile'
assert proposed.isFile(): 'check mode did not write the lockfile it would write to target/'

// Every line counted: what the message says is what `diff` shows between the two files.
List<String> was = lockfile.readLines('UTF-8')
List<String> now = proposed.readLines('UTF-8')
int removed = was.findAll { !now.contains(it) }.size()
int added = now.findAll { !was.contains(it) }.size()
assert removed > 20: "the IT needs a large change, got ${removed} removed lines"
List<String> expected = ["${removed} lines would be removed:".toString(),
        "... and ${removed - 20} more removed".toString(),
        "The lockfile locking would write is ${proposed.canonicalPath}".toString(),
        "`diff -u ${lockfile.canonicalPath} ${proposed.canonicalPath}`".toString()]
if (added > 0) {
    expected << "${added} line${added == 1 ? '' : 's'} would be added:".toString()
}
fx.assertLog(basedir, expected)
String log = new File(basedir, 'build.log').getText('UTF-8')
// Maven prints the failure once with [ERROR] before each line (the user's view), again in the invoker's stack trace.
assert !log.readLines().any { it ==~ /(\[ERROR\])?\s*[+-]\s*/ }: 'an empty + or - line in the message'
assert log.readLines().count { it ==~ /\[ERROR\]   - .+/ } == 20: 'not exactly the first 20 removed lines'
// The invoker fails a hook script that returns anything but true or null.
true
