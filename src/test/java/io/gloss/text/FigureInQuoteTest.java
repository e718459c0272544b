package io.gloss.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FigureInQuoteTest {

    static String figure(String quote) {
        return FigureInQuote.read(quote).map(BigDecimal::toPlainString).orElse("");
    }

    @Test
    void digits() {
        assertEquals("3000", figure("about 3,000"));
        assertEquals("3000", figure("nearly 3,000 North Korean soldiers have been killed or injured"));
        assertEquals("1500000", figure("1.5 million"));
        assertEquals("200", figure("at least 200 casualties"));
        assertEquals("2.5", figure("a 2.5 per cent rise"));
        assertEquals("4000000000", figure("$4bn in aid"));
        assertEquals("12000", figure("12\u00a0000 troops"));
        assertEquals("1000", figure("1,000 and then 2,000"), "the first figure");
    }

    @Test
    void words() {
        assertEquals("2", figure("two North Korean soldiers"));
        assertEquals("12", figure("a dozen"));
        assertEquals("24", figure("two dozen prisoners"));
        assertEquals("25", figure("Twenty-five dead"));
        assertEquals("200", figure("two hundred"));
        assertEquals("100", figure("a hundred people"));
        assertEquals("205", figure("two hundred and five"));
        assertEquals("1200000", figure("one million two hundred thousand"));
        assertEquals("1", figure("one soldier and two guards"), "the first figure");
        assertEquals("3", figure("three, not 4"), "words before digits");
        assertEquals("4", figure("not four"));
    }

    @Test
    void none() {
        assertEquals(Optional.empty(), FigureInQuote.read("the capture of a soldier"));
        assertEquals(Optional.empty(), FigureInQuote.read("someone said"), "inside a word is no number");
        assertEquals(Optional.empty(), FigureInQuote.read("the A7 road"));
        assertEquals(Optional.empty(), FigureInQuote.read(""));
        assertEquals(Optional.empty(), FigureInQuote.read(null));
    }
}
