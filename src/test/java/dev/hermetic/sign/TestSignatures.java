package dev.hermetic.sign;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.MultiDigest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/** What the key and signer tests share: data to sign, signing a file as a run does, reading a signature back. */
final class TestSignatures {

    private TestSignatures() {}

    /** A loader of the key in {@code keyFile}, as the options set it. */
    static SigningKeyLoader loader(Path keyFile) {
        return new SigningKeyLoader().keySource(SigningKeySource.file(keyFile));
    }

    /** 300 kB of varied bytes, larger than one read. */
    static Path artifact(Path dir) throws Exception {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + (i >>> 9));
        }
        return Files.write(dir.resolve("artifact-1.0.jar"), data);
    }

    /** Signs {@code file} as a signing run does, from its digests, and writes the signature. */
    static void sign(OpenPgpSigner signer, Path file, Path signature) throws Exception {
        Files.write(signature, signer.armoredSignature(file, MultiDigest.read(file, EnumSet.allOf(DigestAlgorithm.class))));
    }

    static PGPSignature parse(Path signature) throws Exception {
        return parseArmored(Files.readAllBytes(signature));
    }

    static PGPSignature parseArmored(byte[] armored) throws Exception {
        var factory = new BcPGPObjectFactory(new ArmoredInputStream(new ByteArrayInputStream(armored)));
        return ((PGPSignatureList) factory.nextObject()).get(0);
    }

    /** A fingerprint as gpg prints it: groups of four. */
    static String spaced(String hex) {
        return String.join(" ", hex.split("(?<=\\G.{4})"));
    }
}
