/**
 * How hermetic a build is: {@link dev.hermetic.audit.Audit} runs every {@link dev.hermetic.audit.Check} on the
 * {@link dev.hermetic.audit.BuildFacts} a build-tool adapter read, each giving its evidence and one fix, and grades the
 * result on the {@link dev.hermetic.audit.Level} ladder; {@link dev.hermetic.audit.KnownIssues} holds the plugins with
 * known non-reproducible versions (data in {@code known-issues.txt});
 * {@link dev.hermetic.audit.ComparisonReportReader} checks an earlier comparison's report against the files as they
 * are now; the reports are {@link dev.hermetic.audit.ConsoleReport}, {@link dev.hermetic.audit.MarkdownReport} and
 * {@link dev.hermetic.audit.JsonReport}. Knows nothing of Maven.
 */
package dev.hermetic.audit;
