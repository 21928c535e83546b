def log = new File(basedir, 'build.log').text

['hermetic:normalize', 'hermetic:lock', 'hermetic:verify', 'hermetic:sign', 'hermetic:compare', 'hermetic:buildinfo',
 'hermetic:sbom', 'hermetic:vendor', 'hermetic:audit', 'hermetic:help'].each { goal ->
    assert log.contains(goal) : "hermetic:help does not list ${goal}"
}
// -Ddetail shows each goal's parameters with their user properties.
['hermetic.normalize.mode', 'hermetic.lock.check', 'hermetic.verify.excludes', 'hermetic.sign.keyFile',
 'hermetic.skip', 'hermetic.verify.runtimeResolutions', 'hermetic.verify.reuseGraphs',
 'hermetic.verify.usagePolicy', 'hermetic.compare.referenceRepository', 'hermetic.buildinfo.skip',
 'hermetic.sbom.skip', 'hermetic.vendor.directory', 'hermetic.vendor.archive', 'hermetic.audit.failBelow',
 'hermetic.audit.knownIssues'].each { property ->
    assert log.contains("User property: ${property}") : "hermetic:help -Ddetail does not show ${property}"
}
return true
