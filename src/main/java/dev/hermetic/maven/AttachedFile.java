package dev.hermetic.maven;

import java.nio.file.Path;

/**
 * A file {@code hermetic:sign} attaches to the project once everything is written: collected first and attached
 * together at the end, so that a failure part way leaves nothing attached.
 *
 * @param type Maven type, which is also the repository extension: {@code jar.asc}, {@code pom.sha256},
 *     {@code sha256sum}
 * @param classifier classifier, empty for none
 * @param file the file
 */
record AttachedFile(String type, String classifier, Path file) {}
