package dev.hermetic.maven;

import dev.hermetic.sign.SigningEnvironment;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Where {@code hermetic:sign} takes the key's passphrase from: the {@code <passphrase>} of a settings.xml
 * {@code <server>} (decrypted as Maven decrypts passwords) when a server id is configured, else an environment
 * variable. Never from a property: properties end up in shell history, process lists, CI logs and the mojo
 * configuration that {@code mvn -X} prints, so the passphrase is never a mojo parameter either.
 */
final class PassphraseSource {

    /** The property people reach for by analogy with {@code gpg.passphrase}; refused, never read. */
    static final String REFUSED_PROPERTY = "hermetic.sign.passphrase";

    private PassphraseSource() {}

    /**
     * Fails when {@link #REFUSED_PROPERTY} is set in any of {@code propertySets} (user, system, project properties).
     * The value is not shown.
     */
    static void refusePassphraseProperty(List<Properties> propertySets) throws MojoFailureException {
        for (Properties properties : propertySets) {
            if (properties != null && properties.containsKey(REFUSED_PROPERTY)) {
                throw new MojoFailureException("The property " + REFUSED_PROPERTY + " is set (on the command line"
                        + " with -D, in MAVEN_OPTS, .mvn/maven.config or the POM), but hermetic:sign never takes a"
                        + " passphrase from a property: it would show in shell history, process lists and build logs."
                        + " Remove it, and put the passphrase in the environment variable "
                        + SigningEnvironment.PASSPHRASE + " (or the one named by hermetic.sign.passphraseEnvName),"
                        + " or in a settings.xml <server> as an encrypted <passphrase> selected with"
                        + " -Dhermetic.sign.passphraseServerId=<server id>.");
            }
        }
    }

    /** Where {@link #resolve} takes the passphrase from, for messages about it. */
    static String origin(String serverId, String envName) {
        return serverId == null || serverId.isBlank() ? "the environment variable " + envName
                : "the <passphrase> of settings.xml server '" + serverId.trim() + "' (hermetic.sign.passphraseServerId,"
                        + " which takes precedence over the environment)";
    }

    /**
     * @param serverId settings.xml server holding the passphrase; blank to use the environment
     * @param envName environment variable holding the passphrase when no server is configured
     * @return the passphrase; empty for a key without one (variable unset). The caller clears it after use.
     */
    static char[] resolve(String serverId, String envName, Settings settings, SettingsDecrypter decrypter,
            SigningEnvironment environment) throws MojoFailureException {
        if (serverId == null || serverId.isBlank()) {
            return environment.passphrase(envName);
        }
        Server server = settings == null ? null : settings.getServer(serverId.trim());
        if (server == null) {
            throw new MojoFailureException("No <server> with id '" + serverId.trim() + "' in settings.xml"
                    + " (hermetic.sign.passphraseServerId): add <server><id>" + serverId.trim()
                    + "</id><passphrase>{...}</passphrase></server> to ~/.m2/settings.xml, with the passphrase"
                    + " encrypted by `mvn --encrypt-password`, or unset hermetic.sign.passphraseServerId to read the"
                    + " environment variable " + envName + ".");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        List<SettingsProblem> errors = result.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING)
                .collect(Collectors.toList());
        if (!errors.isEmpty()) {
            throw new MojoFailureException("Cannot decrypt the <passphrase> of settings.xml server '" + serverId.trim()
                    + "': " + errors.stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; "))
                    + ". Check the master password in ~/.m2/settings-security.xml (`mvn --encrypt-master-password`)"
                    + " and re-encrypt the passphrase with `mvn --encrypt-password`.");
        }
        String passphrase = result.getServer().getPassphrase();
        if (passphrase == null || passphrase.isEmpty()) {
            throw new MojoFailureException("The settings.xml server '" + serverId.trim() + "' has no <passphrase>:"
                    + " add <passphrase>{...}</passphrase> (encrypted with `mvn --encrypt-password`) to it, or unset"
                    + " hermetic.sign.passphraseServerId if the key has no passphrase.");
        }
        return passphrase.toCharArray();
    }
}
