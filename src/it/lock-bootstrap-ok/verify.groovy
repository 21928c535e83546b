// Before the first lock, in extension mode: help works, verify says how to bootstrap, and doing exactly what it says
// gives a lockfile with which the next `mvn verify` passes.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
File lockfile = new File(basedir, 'hermetic.lock')
List<String> repo = ['-Dmaven.repo.local=repo']

// 1. The invoker's `mvn hermetic:help`.
fx.assertLog(basedir, ['hermetic:lock', 'hermetic:verify', 'BUILD SUCCESS'])
assert !new File(basedir, 'build.log').text.contains('No lockfile'): 'hermetic:help was blocked by the missing lockfile'

// 2. `mvn verify` fails, reads as a failure, names the path and gives the bootstrap command and the one-off skip.
String failed = fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['verify'], 1)
String advice = failed.readLines().find { it.contains('No lockfile at ') }
assert advice: "mvn verify without a lockfile does not say so:\n${failed.readLines().takeRight(40).join('\n')}"
assert advice.contains('hermetic: verification failed before any plugin ran: No lockfile at ' + lockfile.path): advice
assert !failed.contains('hermetic: verified before any plugin ran'): 'a failure reads like a success'
def command = advice =~ /`mvn ([^`]+)`/
assert command.find(): "no command to run in: ${advice}"
List<String> bootstrap = command.group(1).split(' ') as List
assert bootstrap == ['verify', 'hermetic:lock']: advice
def skip = advice =~ /(-Dhermetic\.[A-Za-z.]*skip)\b/
assert skip.find(): "no way to skip verification for one command in: ${advice}"

// 3. The one-off skip runs another plugin's goal before the first lock, and writes no lockfile.
String oneOff = fx.maven(basedir, itMavenHome, itSettingsFile, repo + [skip.group(1), 'clean'])
assert oneOff.contains('maven-clean-plugin') && !lockfile.exists()

// 4. Following the advice exactly writes the lockfile...
fx.maven(basedir, itMavenHome, itSettingsFile, repo + bootstrap)
assert lockfile.isFile(): "`mvn ${bootstrap.join(' ')}` wrote no lockfile"

// 5. ...with which the next build passes, verified before any plugin ran.
String next = fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['clean', 'verify'])
assert next.contains('hermetic:verify: 1 module against hermetic.lock') && next.contains(': 0 errors'): next
assert next.contains('Verified before the first mojo ran (extension mode)'): next
// The invoker fails a hook script that returns anything but true or null.
true
