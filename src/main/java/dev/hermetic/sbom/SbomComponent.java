package dev.hermetic.sbom;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.lock.ArtifactCoordinates;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One artifact of the SBOM: a dependency of the module, or the module itself.
 *
 * @param coordinates the artifact
 * @param scopes the Maven scopes it is used in by the module (empty for the module itself)
 * @param digests lowercase hex digests of its file; empty when no file was available (a reactor sibling not
 *     packaged in this build)
 * @param licenses the licenses its POM declares (or inherits), in the POM's order; empty when none
 */
public record SbomComponent(ArtifactCoordinates coordinates, SortedSet<String> scopes,
        Map<DigestAlgorithm, String> digests, List<DeclaredLicense> licenses) implements Comparable<SbomComponent> {

    public SbomComponent {
        scopes = Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
        digests = digests.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(digests));
        licenses = List.copyOf(licenses);
    }

    @Override
    public int compareTo(SbomComponent o) {
        return coordinates.compareTo(o.coordinates);
    }
}
