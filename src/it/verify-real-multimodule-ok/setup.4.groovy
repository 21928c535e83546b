// Build 4 only (the release verified): the key setup.groovy made, as a release manager passes it. The key lies next to
// the project, not in it, so neither RAT nor the source-release zip sees it.
context.userProperties.setProperty('hermetic.sign.keyFile', new File(basedir, 'keys/secret.asc').path)
// The invoker fails a hook script that returns anything but true or null.
true
