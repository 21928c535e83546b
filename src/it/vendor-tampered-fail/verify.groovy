def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
File vendored = new File(basedir, '.hermetic/repository')
File local = new File(basedir, 'repo/it/fake/lib-a/1.0/lib-a-1.0.jar')
fx.assertLog(basedir, ['hermetic:vendor wrote nothing: 1 locked file cannot be vendored',
        "it.fake:lib-a:jar:1.0: the local repository's file ${local.canonicalPath} has SHA-256 ",
        'the lockfile says', 'The vendored copy', 'is wrong too',
        'Vendored files with another checksum than the lockfile\'s were deleted, so that no build uses them: it.fake:lib-a:jar:1.0',
        'BUILD FAILURE'])
String failure = new File(basedir, 'build.log').readLines().find { it.contains('wrote nothing') }
assert !failure.contains('hermetic:lock'): "a checksum mismatch must never suggest re-locking: ${failure}"
// Never used: the edited jar is gone. Nothing written: the deleted lib-b jar was not copied back.
assert !new File(vendored, 'it/fake/lib-a/1.0/lib-a-1.0.jar').exists()
assert !new File(vendored, 'it/fake/lib-b/1.0/lib-b-1.0.jar').exists()
assert new File(vendored, 'it/fake/lib-b/1.0/lib-b-1.0.pom').isFile()
assert new File(basedir, '.hermetic').list().sort() == ['repository', 'settings.xml']: 'no staging directory left'
// The invoker fails a hook script that returns anything but true or null.
true
