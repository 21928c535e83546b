/**
 * Deterministic rewriting of zip and tar archives. Knows nothing of Maven.
 *
 * <p>Entry point: {@link dev.hermetic.archive.ArchiveNormalizer}. Zip: {@code ZipNormalizer} (entry order,
 * permissions) with {@code ZipEntryChecks}, {@code ZipEntryPipeline}, {@code SmallEntryEncoder},
 * {@code LargeEntryStreamer}, {@code NestedArchives} and {@code ZipWriter}. Tar: {@code TarNormalizer}. PORTABLE
 * deflate: {@code DeflateEncoder} ({@code Lz77Matcher}, {@code DeflateBlockWriter}, {@code HuffmanCodeBuilder}).
 * Reading only, for the compare engine: {@link dev.hermetic.archive.ZipReader} and
 * {@link dev.hermetic.archive.ArchiveFormat}.
 */
package dev.hermetic.archive;
