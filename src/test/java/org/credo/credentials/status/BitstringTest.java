package org.credo.credentials.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BitstringTest {

    @Test
    void readsEntriesOfSeveralBitsMostSignificantFirst() {
        var bits = new byte[4];
        // Entry 1 of 4 bits is bits 4..7 of byte 0; entry 2 of 3 bits is bits 6..8, across two bytes.
        Bitstring.set(bits, 4, true);
        Bitstring.set(bits, 7, true);
        Bitstring.set(bits, 8, true);

        assertThat(Bitstring.value(bits, 1, 4)).isEqualTo(0b1001);
        assertThat(Bitstring.value(bits, 2, 3)).isEqualTo(0b011);
        assertThat(Bitstring.value(bits, 0, 4)).isZero();
        assertThat(Bitstring.value(bits, 8, 1)).isEqualTo(1);
        assertThat(Bitstring.value(bits, 7, 4)).isZero();
        assertThatThrownBy(() -> Bitstring.value(bits, 8, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Bitstring.value(bits, Long.MAX_VALUE, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesAListThatInflatesPastTheLimit() {
        var encoded = Bitstring.encode(new byte[1024 * 1024]);

        assertThat(Bitstring.decode(encoded, 1024 * 1024)).hasSize(1024 * 1024);
        assertThatThrownBy(() -> Bitstring.decode(encoded, 64 * 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inflates to more than");
        assertThat(Bitstring.decode(encoded)).hasSize(1024 * 1024);
    }
}
