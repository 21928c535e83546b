package dev.hermetic.sbom;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.util.LicenseResolver;

/**
 * The CycloneDX licenses of declared POM licenses, resolved as cyclonedx-maven-plugin resolves them, with the
 * library's own SPDX list: by name (an SPDX id, an SPDX name, or a common alias), else by URL; a license neither
 * resolves is written with its name and URL as declared. License texts are never embedded.
 */
final class SbomLicenses {

    /** Resolutions by declared name or URL: the library reads its mapping file on every fuzzy lookup. */
    private static final ConcurrentMap<String, Optional<LicenseChoice>> RESOLVED = new ConcurrentHashMap<>();

    private SbomLicenses() {}

    /** The licenses to write for {@code declared}; empty when nothing is declared. */
    static Optional<LicenseChoice> of(List<DeclaredLicense> declared) {
        LicenseChoice choice = new LicenseChoice();
        for (DeclaredLicense d : declared) {
            if (d.isBlank()) {
                continue;
            }
            Optional<LicenseChoice> resolved = resolve(d.name());
            if (resolved.isEmpty()) {
                resolved = resolve(d.url());
            }
            if (resolved.isPresent() && resolved.get().getLicenses() != null
                    && !resolved.get().getLicenses().isEmpty()) {
                choice.addLicense(copy(resolved.get().getLicenses().get(0)));
            } else if (resolved.isPresent() && resolved.get().getExpression() != null) {
                choice.setExpression(new Expression(resolved.get().getExpression().getValue()));
            } else if (d.name() != null && !d.name().isBlank()) {
                License license = new License();
                license.setName(d.name().trim());
                uri(d.url()).ifPresent(license::setUrl);
                choice.addLicense(license);
            }
        }
        boolean empty = (choice.getLicenses() == null || choice.getLicenses().isEmpty())
                && choice.getExpression() == null;
        return empty ? Optional.empty() : Optional.of(choice);
    }

    private static Optional<LicenseChoice> resolve(String nameOrUrl) {
        if (nameOrUrl == null || nameOrUrl.isBlank()) {
            return Optional.empty();
        }
        return RESOLVED.computeIfAbsent(nameOrUrl.trim(),
                key -> Optional.ofNullable(LicenseResolver.resolve(key, false)));
    }

    /** A fresh object per component: the cached one is shared between threads and BOMs. */
    private static License copy(License resolved) {
        License license = new License();
        license.setId(resolved.getId());
        license.setName(resolved.getName());
        license.setUrl(resolved.getUrl());
        return license;
    }

    /** The URL when it is one: an uninterpolated {@code ${...}} or a typo is left out, as cyclonedx-maven-plugin does. */
    private static Optional<String> uri(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(url.trim()).toString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
