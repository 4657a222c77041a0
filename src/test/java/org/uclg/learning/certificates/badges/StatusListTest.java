package org.uclg.learning.certificates.badges;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.BitSet;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusListTest {

    @Test
    void everySequenceNumberOfAListGetsItsOwnPlaceInThatList() {
        for (long list : new long[] {0, 1, 7}) {
            BitSet seen = new BitSet(StatusList.SIZE);
            for (long i = 0; i < StatusList.SIZE; i++) {
                long index = StatusList.scramble(list * StatusList.SIZE + i);
                assertEquals(list, index / StatusList.SIZE, "stays in its list");
                seen.set((int) (index % StatusList.SIZE));
            }
            assertEquals(StatusList.SIZE, seen.cardinality(), "a bijection");
        }
        assertNotEquals(StatusList.scramble(0) + 1, StatusList.scramble(1), "neighbours are not neighbours");
    }

    @Test
    void theEncodedListIsMultibaseBase64UrlOfTheGzippedBitsWithIndexZeroLeftMost() throws IOException {
        byte[] bits = new byte[StatusList.SIZE / 8];
        bits[0] = (byte) 0x80;          // index 0
        bits[5] = (byte) 0x01;          // index 47
        String encoded = StatusList.encode(bits);
        assertTrue(encoded.startsWith("u") && !encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"), encoded);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            assertArrayEquals(bits, in.readAllBytes());
        }
        assertTrue(encoded.length() < 400, "an almost empty list compresses to a few hundred characters: " + encoded.length());
    }
}
