package dev.hermetic.sbom;

/**
 * A license as a POM declares it ({@code <licenses><license>}), inherited from its parents as Maven does.
 *
 * @param name the declared name, or null
 * @param url the declared URL, or null
 */
public record DeclaredLicense(String name, String url) {

    /** Whether it says nothing: no name and no URL (or only blanks). */
    public boolean isBlank() {
        return (name == null || name.isBlank()) && (url == null || url.isBlank());
    }
}
