/**
 * Deterministic rewriting of zip and tar archives. Knows nothing of Maven.
 *
 * <p>Entry point: {@link dev.hermetic.archive.ArchiveNormalizer}. Zip: {@code ZipNormalizer} (entry order,
 * permissions) with {@code ZipEntryChecks}, {@code ZipEntryPipeline}, {@code SmallEntryEncoder},
 * {@code LargeEntryStreamer}, {@code NestedArchives} and {@code ZipWriter}. Tar: {@code TarNormalizer}. PORTABLE
 * deflate: {@code DeflateEncoder} ({@code Lz77Matcher}, {@code DeflateBlockWriter}, {@code HuffmanCodeBuilder}).
 */
package dev.hermetic.archive;
