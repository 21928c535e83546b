package dev.hermetic.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.junit.jupiter.api.Test;

class JdkDigestCalculatorProviderTest {

    /** What an iterated S2K writes: salt and passphrase, alternately, many times; then one large write. */
    private static void feed(OutputStream out) throws Exception {
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] passphrase = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 50_000; i++) {
            out.write(salt);
            out.write(passphrase, 0, i % passphrase.length);
            out.write(i);
        }
        byte[] large = new byte[200_001];
        Arrays.fill(large, (byte) 0x5a);
        out.write(large);
        out.write(salt, 3, 2);
    }

    @Test
    void givesBouncyCastlesDigestsForManySmallAndSomeLargeWrites() throws Exception {
        int[] algorithms = {HashAlgorithmTags.SHA1, HashAlgorithmTags.SHA224, HashAlgorithmTags.SHA256,
                HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA512, HashAlgorithmTags.RIPEMD160};
        for (int algorithm : algorithms) {
            PGPDigestCalculator jdk = new JdkDigestCalculatorProvider().get(algorithm);
            PGPDigestCalculator bc = new BcPGPDigestCalculatorProvider().get(algorithm);
            feed(jdk.getOutputStream());
            feed(bc.getOutputStream());

            assertThat(jdk.getAlgorithm()).isEqualTo(algorithm);
            assertThat(jdk.getDigest()).as("algorithm " + algorithm).isEqualTo(bc.getDigest());
        }
    }

    @Test
    void resetForgetsWhatWasWrittenEvenIfNotYetDigested() throws Exception {
        PGPDigestCalculator calculator = new JdkDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
        calculator.getOutputStream().write("forget me".getBytes(StandardCharsets.UTF_8));
        calculator.reset();
        calculator.getOutputStream().write("abc".getBytes(StandardCharsets.UTF_8));

        assertThat(calculator.getDigest()).isEqualTo(java.util.HexFormat.of()
                .parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
