// THROWAWAY KEY FOR THE DEMO ONLY. Never sign anything real with it.
//
// Run with BouncyCastle on the class path (the plugin jar carries it):
//   java -cp hermetic-maven-plugin.jar examples/ThrowawayKey.java generate SECRET.asc PUBLIC.asc PASSPHRASE
//   java -cp hermetic-maven-plugin.jar examples/ThrowawayKey.java verify FILE FILE.asc PUBLIC.asc
// `generate` makes a v4 Ed25519 (EdDSA legacy) signing key that gpg 2.2 and sqv understand; `verify` checks a
// detached signature where neither gpg nor sqv is installed.
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

public class ThrowawayKey {

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Path.of(args[2]), args[3].toCharArray());
        } else if (args.length == 4 && args[0].equals("verify")) {
            if (!verify(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]))) {
                System.err.println("BAD signature: " + args[2] + " does not match " + args[1]);
                System.exit(1);
            }
            System.out.println("Good signature: " + args[2] + " matches " + args[1]);
        } else {
            System.err.println("usage: ThrowawayKey generate SECRET.asc PUBLIC.asc PASSPHRASE"
                    + " | verify FILE FILE.asc PUBLIC.asc");
            System.exit(2);
        }
    }

    static void generate(Path secret, Path certificate, char[] passphrase) throws Exception {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, generator.generateKeyPair(), new Date());
        PGPSignatureSubpacketGenerator flags = new PGPSignatureSubpacketGenerator();
        flags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
                "Throwaway demo key, never trust it <demo@example.invalid>", sha1, flags.generate(), null,
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA256),
                new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1).build(passphrase));
        Files.write(secret, armor(rings.generateSecretKeyRing().getEncoded()));
        Files.write(certificate, armor(rings.generatePublicKeyRing().getEncoded()));
    }

    static boolean verify(Path file, Path signatureFile, Path certificate) throws Exception {
        PGPPublicKeyRing ring;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(certificate))) {
            ring = new PGPPublicKeyRing(in, new org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator());
        }
        PGPSignature signature;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(signatureFile))) {
            signature = ((PGPSignatureList) new BcPGPObjectFactory(in).nextObject()).get(0);
        }
        signature.init(new BcPGPContentVerifierBuilderProvider(), ring.getPublicKey(signature.getKeyID()));
        signature.update(Files.readAllBytes(file));
        return signature.verify();
    }

    static byte[] armor(byte[] data) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(out)) {
            armored.write(data);
        }
        return out.toByteArray();
    }
}
