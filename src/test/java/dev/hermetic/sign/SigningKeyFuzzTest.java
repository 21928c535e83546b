package dev.hermetic.sign;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Hostile key text in {@code MAVEN_GPG_KEY} (docs/fuzzing.md): {@link SigningKeyLoader#load()} reads, selects,
 * checks and unlocks the key; it succeeds or refuses with {@link SigningException}. Anything else thrown is a finding.
 * The clock is fixed so that expiry decisions replay the same way. Without {@code JAZZER_FUZZ} this replays the
 * committed inputs under {@code src/test/resources/dev/hermetic/sign/SigningKeyFuzzTestInputs/prepare/}.
 */
class SigningKeyFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @FuzzTest
    void prepare(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SigningKeyLoader loader = new SigningKeyLoader()
                .keySource(SigningKeySource.environmentVariable(SigningEnvironment.KEY, Map.of(SigningEnvironment.KEY, text)))
                .passphrase("fuzz".toCharArray()) // the protected seed's; unprotected keys ignore it
                .clock(CLOCK);
        try {
            loader.load();
        } catch (SigningException refused) {
            // the documented refusal
        }
    }
}
