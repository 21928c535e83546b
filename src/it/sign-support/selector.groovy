// This directory is not a test: it holds SignItSupport.groovy for the sign-* ITs. A run selected by pattern
// (-Dinvoker.test=sign-*) lists it as skipped instead of failing on a directory without pom.xml.
return false
