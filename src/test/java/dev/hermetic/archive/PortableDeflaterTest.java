package dev.hermetic.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class PortableDeflaterTest {

    static List<byte[]> inputs() {
        List<byte[]> inputs = new ArrayList<>();
        Random sizes = new Random(1);
        for (int i = 0; i < 200; i++) {
            int size = i % 7 == 0 ? sizes.nextInt(200_000) : sizes.nextInt(5000);
            inputs.add(i % 3 == 0 ? TestZips.randomBytes(i, size) : TestZips.text(i, size));
        }
        inputs.add(new byte[0]);
        return inputs;
    }

    /** Each input deflated by a freshly made encoder, in a run of its own. */
    static byte[] fresh(byte[] input) {
        return PortableDeflater.deflate(input, 0, input.length, new RunBuffers());
    }

    @Test
    void reusedEncodersGiveTheBytesOfFreshOnes() throws Exception {
        List<byte[]> inputs = inputs();
        RunBuffers run = new RunBuffers();
        for (byte[] input : inputs) {
            byte[] reused = PortableDeflater.deflate(input, 0, input.length, run); // the run's encoder is reused
            assertThat(reused).isEqualTo(fresh(input));
            Inflater inflater = new Inflater(true);
            inflater.setInput(reused);
            byte[] back = new byte[input.length];
            int n = 0;
            while (n < back.length && !inflater.finished()) {
                n += inflater.inflate(back, n, back.length - n);
            }
            inflater.end();
            assertThat(back).isEqualTo(input);
        }
    }
}
