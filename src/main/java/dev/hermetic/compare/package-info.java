/**
 * Explains why two builds' outputs differ: which entries, which fields, what in the content, the likely cause
 * and one fix. Knows nothing of Maven.
 *
 * <p>Entry point: {@link dev.hermetic.compare.BuildComparator} (two files or two directories). Archives:
 * {@code ArchiveComparator}; content: {@code ContentExplainer} with {@code ClassFileSummary} and
 * {@code TextDiff}; causes: {@link dev.hermetic.compare.CauseTable} (data in {@code causes.txt}); reports:
 * {@link dev.hermetic.compare.ConsoleReport}, {@link dev.hermetic.compare.JsonReport}, {@link dev.hermetic.compare.BuildcompareWriter} (maven-artifact-plugin's
 * {@code .buildcompare}) and {@link dev.hermetic.compare.HtmlReport}.
 */
package dev.hermetic.compare;
