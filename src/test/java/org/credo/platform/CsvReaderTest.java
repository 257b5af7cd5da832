package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV reader of every import: RFC 4180 through Commons CSV, UTF-8 only, line numbers kept. */
class CsvReaderTest {

    @Test
    void readsQuotedCommasQuotesAndLineBreaksWithCrLfAndABom() {
        var text = "\uFEFFname,note\r\n\"Doe, Jane\",\"said \"\"hi\"\"\nand left\"\r\nplain, spaced \r\n";
        assertThat(CsvReader.read(text.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(
                        List.of("name", "note"),
                        List.of("Doe, Jane", "said \"hi\"\nand left"),
                        List.of("plain", " spaced "));
    }

    @Test
    void anEmptyLineIsARecordSoRecordNumbersStayLineNumbers() {
        assertThat(CsvReader.parse("a,b\n\nc,d\n")).containsExactly(List.of("a", "b"), List.of(""), List.of("c", "d"));
        assertThat(CsvReader.parse("")).isEmpty();
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsKeptAsTyped() {
        assertThat(CsvReader.parse("5\" screen,x\n")).containsExactly(List.of("5\" screen", "x"));
    }

    @Test
    void anOpenQuoteNamesItsRow() {
        assertThatThrownBy(() -> CsvReader.parse("a,b\nc,d\n\"never closed,e\n"))
                .isInstanceOfSatisfying(CsvReader.Unreadable.class, e -> {
                    assertThat(e.reason()).isEqualTo(CsvReader.Unreadable.Reason.OPEN_QUOTE);
                    assertThat(e.record()).isEqualTo(3);
                });
    }

    @Test
    void aByteThatIsNotUtf8NamesItsOffsetAndLine() {
        var bytes = "a,b\nc,".getBytes(StandardCharsets.UTF_8);
        var latin1 = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, latin1, 0, bytes.length);
        latin1[bytes.length] = (byte) 0xE9;
        assertThatThrownBy(() -> CsvReader.read(latin1)).isInstanceOfSatisfying(CsvReader.Unreadable.class, e -> {
            assertThat(e.reason()).isEqualTo(CsvReader.Unreadable.Reason.NOT_UTF8);
            assertThat(e.byteOffset()).isEqualTo(6);
            assertThat(e.badByte()).isEqualTo(0xE9);
            assertThat(e.record()).isEqualTo(2);
        });
    }
}
