package io.gloss.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.web.GlossException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** brat's T lines read back as BratWriter writes them: code points, fragments cut at line breaks joined again. */
class BratReaderTest {

    private static final String TEXT = "🇺🇦 Zelenšky\nin Kyiv — “held”.";

    @Test
    void readsCodePointsAndJoinsFragmentsCutAtLineBreaks() {
        String ann = "T1\tLOCATION 0 2\t🇺🇦\n#1\tAnnotatorNotes T1\tflag\nT2\tCLAIM 3 11;12 19\tZelenšky in Kyiv\n"
                + "R1\tATTRIBUTED_TO Arg1:T2 Arg2:T1\nT3\tCLAIM 22 28\t“held”\n";
        assertEquals(List.of(new BratReader.Span("LOCATION", 0, 2, "🇺🇦"),
                new BratReader.Span("CLAIM", 3, 19, "Zelenšky\nin Kyiv"),
                new BratReader.Span("CLAIM", 22, 28, "“held”")), BratReader.spans(ann, TEXT));
    }

    @Test
    void refusesWhatGlossCannotHoldNamingTheLine() {
        assertRefused("T1\tACTOR 3 6;9 11\tZel ky\n", "line 1: a discontinuous span");
        assertRefused("T1\tACTOR 0 2\t🇺🇦\nT2\tACTOR 3 11\tZelensky\n", "line 2: its text \"Zelensky\" is not the .txt's");
        assertRefused("T1\tACTOR 3 99\tx\n", "is not a span of the .txt (29 code points)");
        assertRefused("T1\tACTOR three 11\tx\n", "is not a pair of offsets");
        assertRefused("T1\tACTOR\n", "a T line is");
    }

    private static void assertRefused(String ann, String reason) {
        GlossException e = assertThrows(GlossException.class, () -> BratReader.spans(ann, TEXT));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
