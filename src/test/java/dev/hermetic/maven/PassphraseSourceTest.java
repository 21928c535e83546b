package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermetic.sign.SigningEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipherException;
import org.sonatype.plexus.components.sec.dispatcher.SecDispatcher;
import org.sonatype.plexus.components.sec.dispatcher.SecDispatcherException;

/** Real decryption: Maven's own SettingsDecrypter and plexus-cipher, as `mvn --encrypt-password` encrypts. */
class PassphraseSourceTest {

    private static final String MASTER = "test master password";

    @Test
    void theOriginNamesTheVariableOrTheServerThatWasRead() {
        assertThat(PassphraseSource.origin(null, "RELEASE_PASSPHRASE"))
                .isEqualTo("the environment variable RELEASE_PASSPHRASE");
        assertThat(PassphraseSource.origin(" release-key ", "MAVEN_GPG_PASSPHRASE")).isEqualTo("the <passphrase> of "
                + "settings.xml server 'release-key' (hermetic.sign.passphraseServerId, which takes precedence over "
                + "the environment)");
    }

    @Test
    void passphrasePropertyIsRefusedWithoutRepeatingItsValue() {
        Properties user = new Properties();
        user.setProperty("hermetic.sign.passphrase", "s3cret-value");

        assertThatThrownBy(() -> PassphraseSource.refusePassphraseProperty(List.of(new Properties(), user)))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("hermetic.sign.passphrase is set")
                .hasMessageContaining("MAVEN_GPG_PASSPHRASE")
                .hasMessageContaining("hermetic.sign.passphraseServerId")
                .hasMessageNotContaining("s3cret-value");
    }

    @Test
    void otherPropertiesPass() {
        Properties properties = new Properties();
        properties.setProperty("hermetic.sign.passphraseEnvName", "RELEASE_PASSPHRASE");
        assertThatCode(() -> PassphraseSource.refusePassphraseProperty(List.of(properties))).doesNotThrowAnyException();
    }

    @Test
    void withoutServerIdTheNamedEnvironmentVariableIsRead() throws Exception {
        SigningEnvironment env = SigningEnvironment.of(Map.of("RELEASE_PASSPHRASE", "from env"));
        assertThat(PassphraseSource.resolve(null, "RELEASE_PASSPHRASE", new Settings(), decrypter(), env))
                .isEqualTo("from env".toCharArray());
        assertThat(PassphraseSource.resolve(" ", "UNSET_VARIABLE", new Settings(), decrypter(), env)).isEmpty();
    }

    @Test
    void encryptedServerPassphraseIsDecryptedAndWinsOverTheEnvironment() throws Exception {
        String encrypted = new DefaultPlexusCipher().encryptAndDecorate("the key's passphrase", MASTER);
        Settings settings = settingsWith("release-key", encrypted);
        SigningEnvironment env = SigningEnvironment.of(Map.of("MAVEN_GPG_PASSPHRASE", "not this"));

        char[] passphrase = PassphraseSource.resolve("release-key", "MAVEN_GPG_PASSPHRASE", settings, decrypter(), env);

        assertThat(new String(passphrase)).isEqualTo("the key's passphrase");
    }

    @Test
    void plainServerPassphraseIsUsedAsIs() throws Exception {
        Settings settings = settingsWith("release-key", "plain passphrase");
        assertThat(PassphraseSource.resolve("release-key", "X", settings, decrypter(), SigningEnvironment.of(Map.of())))
                .isEqualTo("plain passphrase".toCharArray());
    }

    @Test
    void unknownServerIdSaysWhatToAdd() {
        assertThatThrownBy(() -> PassphraseSource.resolve(
                        "release-key", "MAVEN_GPG_PASSPHRASE", new Settings(), decrypter(), SigningEnvironment.of(Map.of())))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No <server> with id 'release-key'")
                .hasMessageContaining("mvn --encrypt-password");
    }

    @Test
    void serverWithoutPassphraseIsAnError() {
        Settings settings = settingsWith("release-key", null);
        assertThatThrownBy(() -> PassphraseSource.resolve(
                        "release-key", "X", settings, decrypter(), SigningEnvironment.of(Map.of())))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("server 'release-key' has no <passphrase>");
    }

    @Test
    void passphraseEncryptedUnderAnotherMasterPasswordCannotBeDecrypted() throws Exception {
        // "the key's passphrase" encrypted under "another master". Fixed, not encrypted here: the salt is random, and
        // about one salt in fifty decrypts under MASTER to garbage with valid padding instead of failing (measured).
        String encrypted = "{PUwl7aLXmRoHDkW6erifF2SD9W/ATx3oTZiNxYPY42hJjB6X5wppJhkvV/pgDqqB}";
        Settings settings = settingsWith("release-key", encrypted);

        assertThatThrownBy(() -> PassphraseSource.resolve(
                        "release-key", "X", settings, decrypter(), SigningEnvironment.of(Map.of())))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Cannot decrypt the <passphrase> of settings.xml server 'release-key'")
                .hasMessageContaining("settings-security.xml")
                .hasMessageNotContaining("the key's passphrase");
    }

    /**
     * Maven's own decrypter and cipher; the master password is given directly rather than read from
     * settings-security.xml, whose reader needs plexus-utils 3 (this project's test classpath has 4). The file
     * route is covered end to end by the sign-deploy-http-ok IT.
     */
    private static SettingsDecrypter decrypter() {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        SecDispatcher dispatcher = value -> {
            try {
                return cipher.isEncryptedString(value) ? cipher.decryptDecorated(value, MASTER) : value;
            } catch (PlexusCipherException e) {
                throw new SecDispatcherException(e.getMessage(), e);
            }
        };
        return new DefaultSettingsDecrypter(dispatcher);
    }

    private static Settings settingsWith(String id, String passphrase) {
        Server server = new Server();
        server.setId(id);
        server.setPassphrase(passphrase);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }
}
