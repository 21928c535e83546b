def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
File jar = new File(basedir, 'repo/it/fake/lib-a/1.0/lib-a-1.0.jar')
fx.assertLog(basedir, ['Checksum mismatch for it.fake:lib-a:jar:1.0', jar.path, 'the lockfile expects', 'tampered with'])
// A mismatch must never be answered with "re-lock".
String failure = new File(basedir, 'build.log').readLines().find { it.contains('Checksum mismatch for it.fake:lib-a') }
assert !failure.contains('hermetic:lock'): "a checksum mismatch must never suggest re-locking: ${failure}"
// The invoker fails a hook script that returns anything but true or null.
true
