package org.credo.scheduling.timetabling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.credo.scheduling.timetabling.model.Assignment;
import org.credo.scheduling.timetabling.model.CttFormatException;
import org.credo.scheduling.timetabling.model.CttParser;
import org.credo.scheduling.timetabling.model.CttWriter;
import org.credo.scheduling.timetabling.model.InstanceGenerator;
import org.credo.scheduling.timetabling.model.SolutionFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and writing the ITC 2007 {@code .ctt} instance format and its solution format. */
class CttFormatTest {

    static String toy() throws IOException {
        try (var in = CttFormatTest.class.getResourceAsStream("/timetabling/toy.ctt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEverySectionOfAGoodFile() throws IOException {
        var instance = CttParser.parse(toy());

        assertThat(instance.name()).isEqualTo("Toy");
        assertThat(instance.days()).isEqualTo(5);
        assertThat(instance.periodsPerDay()).isEqualTo(4);
        assertThat(instance.courses()).hasSize(4);
        assertThat(instance.coursesById().get("TecCos").lectures()).isEqualTo(5);
        assertThat(instance.coursesById().get("TecCos").minWorkingDays()).isEqualTo(4);
        assertThat(instance.coursesById().get("ArcTec").students()).isEqualTo(42);
        assertThat(instance.roomsById().get("rB").capacity()).isEqualTo(50);
        assertThat(instance.curricula().get(1).courses()).containsExactly("TecCos", "Geotec");
        assertThat(instance.unavailability()).hasSize(8);
        assertThat(instance.lectureCount()).isEqualTo(16);
        assertThat(instance.conflicts().get("Geotec")).containsExactly("TecCos");
    }

    @Test
    void writerAndParserRoundTripAGeneratedInstance() {
        var instance = InstanceGenerator.generate(new InstanceGenerator.Settings(40, 8, 10, 12, 5, 6, 7));

        assertThat(CttParser.parse(CttWriter.write(instance))).isEqualTo(instance);
    }

    @Test
    void theGeneratorIsDeterministic() {
        var settings = new InstanceGenerator.Settings(60, 10, 12, 15, 5, 6, 42);

        assertThat(CttWriter.write(InstanceGenerator.generate(settings)))
                .isEqualTo(CttWriter.write(InstanceGenerator.generate(settings)));
        assertThat(CttWriter.write(InstanceGenerator.generate(settings)))
                .isNotEqualTo(CttWriter.write(
                        InstanceGenerator.generate(new InstanceGenerator.Settings(60, 10, 12, 15, 5, 6, 43))));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Name: Toy|Nom: Toy|1|expected 'Name: ...'
            Courses: 4|Courses: four|2|'Courses' must be a whole number, found 'four'
            Days: 5|Days: 0|4|'Days' must be between 1 and 14, found 0
            SceCosC Ocra 3 3 30|SceCosC Ocra 3 30|10|a course line is '<id> <teacher> <lectures> <min working days> <students>' (5 values), found 4
            ArcTec Indaco 3 2 42|SceCosC Indaco 3 2 42|11|course SceCosC is already listed on line 10
            TecCos Rosa 5 4 40|TecCos Rosa x 4 40|12|the number of lectures of TecCos must be a whole number, found 'x'
            Geotec Scarlatti 5 4 18|Geotec Scarlatti 5 4 -18|13|the number of students of Geotec must be between 0 and 1000000, found -18
            rB	50|rB	fifty|17|the capacity of room rB must be a whole number, found 'fifty'
            Cur1 3 SceCosC ArcTec TecCos|Cur1 3 SceCosC ArcTec|21|curriculum Cur1 says it has 3 courses but lists 2
            Cur2 2 TecCos Geotec|Cur2 2 TecCos Physics|22|curriculum Cur2 names course Physics, which COURSES does not list
            TecCos 2 0|TecCos 5 0|25|the day (from 0) must be between 0 and 4, found 5
            TecCos 2 1|Chemistry 2 1|26|unavailability of course Chemistry, which COURSES does not list
            TecCos 3 2|TecCos 3 4|27|the period of the day (from 0) must be between 0 and 3, found 4
            ROOMS:|RUMS:|15|expected 'ROOMS:' but found 'RUMS:'
            Curricula: 2|Curricula: 3|24|expected a curriculum line
            END.|FIN.|34|expected 'END.'
            """)
    void namesTheLineAndTheProblemOfAMalformedFile(String good, String bad, int line, String message)
            throws IOException {
        var text = toy().replace(good, bad);

        assertThatThrownBy(() -> CttParser.parse(text))
                .isInstanceOf(CttFormatException.class)
                .hasMessageStartingWith("Line " + line + ": ")
                .hasMessageContaining(message)
                .extracting(e -> ((CttFormatException) e).line())
                .isEqualTo(line);
    }

    @Test
    void refusesTextAfterTheEndAndAFileCutShort() throws IOException {
        assertThatThrownBy(() -> CttParser.parse(toy() + "more\n")).hasMessageContaining("nothing may follow 'END.'");
        var cut = toy().substring(0, toy().indexOf("CURRICULA:"));
        assertThatThrownBy(() -> CttParser.parse(cut))
                .isInstanceOf(CttFormatException.class)
                .hasMessageContaining("the file ends where CURRICULA: was expected");
    }

    @Test
    void solutionLinesRoundTripAndBadLinesAreNamed() throws IOException {
        var instance = CttParser.parse(toy());
        var assignments = List.of(new Assignment("TecCos", "rB", 0, 1), new Assignment("ArcTec", "rA", 3, 2));

        var text = SolutionFormat.write(assignments);

        assertThat(text).isEqualTo("ArcTec rA 3 2\nTecCos rB 0 1\n");
        assertThat(SolutionFormat.read(text, instance)).containsExactlyInAnyOrderElementsOf(assignments);
        assertThatThrownBy(() -> SolutionFormat.read("TecCos rB 0 1\nTecCos rZ 0 2\n", instance))
                .hasMessage("Line 2: room rZ is not in instance Toy");
        assertThatThrownBy(() -> SolutionFormat.read("TecCos rB 0 9\n", instance))
                .hasMessage("Line 1: the period must be between 0 and 3, found 9");
    }
}
