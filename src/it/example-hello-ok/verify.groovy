// The committed lockfile still describes the example's build: verified, with no problem and no drift warning.
String log = new File(basedir, 'build.log').getText('UTF-8')
def summary = log.readLines().find { it.contains('hermetic:verify: 1 module against hermetic.lock') }
assert summary: "no verify summary in build.log"
assert summary.contains(': 0 errors, 0 warnings'): "the example's lockfile no longer fits its build: ${summary}"
assert !log.contains('is not in the lockfile'): 'the example build reads an artifact its lockfile does not have'
