// Following the command the plugin suggests must give a lockfile with which the next run of the same build passes.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
File lockfile = new File(basedir, 'hermetic.lock')
String provider = 'org.apache.maven.surefire:surefire-junit-platform:jar:3.5.4 '
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
assert lockfile.readLines().any { it.startsWith(provider) && it.contains(' runtime ') }: 'provider not captured'

// Locking alone runs no plugin, so it captures nothing at run time: it keeps what the first lock captured, and says so.
List<String> captured = lockfile.readLines().findAll { it.contains(' runtime ') }
String alone = fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'hermetic:lock'])
String kept = "hermetic:lock: kept ${captured.size()} artifact${captured.size() == 1 ? '' : 's'} that earlier locks " +
        'captured at run time'
assert alone.contains(kept) : alone
assert alone.contains('to refresh them, run `mvn verify hermetic:lock`') : alone
// The summary counts what the written lockfile holds, kept entries included.
assert alone.contains("artifacts (${captured.size()} captured at run time), 1 module, ") : alone
assert lockfile.readLines().findAll { it.contains(' runtime ') } == captured: 'hermetic:lock alone dropped run-time captures'

// A new dependency: the build fails and suggests a command (the same one, wherever it suggests one).
fx.addLibC(basedir)
String failed = fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify'], 1)
List<String> suggested = (failed =~ /run `(mvn [^`]+)`/).collect { it[1] }.unique()
assert suggested == ['mvn verify hermetic:lock']: "suggested ${suggested}:\n${failed}"

// Run exactly the suggested command.
List<String> args = suggested[0].split(' ').drop(1) as List
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo'] + args)
// The invoker fails a hook script that returns anything but true or null.
true
