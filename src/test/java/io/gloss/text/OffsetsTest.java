package io.gloss.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gloss.web.GlossException;
import org.junit.jupiter.api.Test;

class OffsetsTest {

    // "🇺🇦" is two code points (regional indicators), four UTF-16 units.
    private static final String TEXT = "Flag 🇺🇦 then Zelensky — “quoted” café 𝔘 end";

    @Test
    void lengthCountsCodePoints() {
        assertEquals(TEXT.codePoints().count(), Offsets.length(TEXT));
        assertEquals(TEXT.length() - 3, Offsets.length(TEXT)); // two regional indicators and 𝔘 are astral
    }

    @Test
    void sliceUsesCodePointsLikePython() {
        int start = TEXT.codePointCount(0, TEXT.indexOf("Zelensky"));
        assertEquals(13, start); // the flag counts as 2, not 4
        assertEquals("Zelensky", Offsets.slice(TEXT, start, start + 8));
        int fraktur = TEXT.codePointCount(0, TEXT.indexOf("𝔘"));
        assertEquals("𝔘", Offsets.slice(TEXT, fraktur, fraktur + 1));
        assertEquals("🇺🇦", Offsets.slice(TEXT, 5, 7));
    }

    @Test
    void checkAcceptsTheExactQuote() {
        int start = TEXT.codePointCount(0, TEXT.indexOf("“quoted”"));
        assertEquals("“quoted”", Offsets.check(TEXT, Offsets.length(TEXT), start, start + 8, "“quoted”"));
    }

    @Test
    void utf16PositionsSentByMistakeFailTheQuoteCheck() {
        int utf16 = TEXT.indexOf("Zelensky");
        GlossException e = assertThrows(GlossException.class,
                () -> Offsets.check(TEXT, Offsets.length(TEXT), utf16, utf16 + 8, "Zelensky"));
        assertEquals("quote", e.details().get("field"));
        assertEquals(400, e.status());
    }

    @Test
    void rangeRules() {
        int n = Offsets.length(TEXT);
        assertEquals("start", assertThrows(GlossException.class, () -> Offsets.check(TEXT, n, -1, 2, "x")).details().get("field"));
        assertEquals("end", assertThrows(GlossException.class, () -> Offsets.check(TEXT, n, 0, n + 1, "x")).details().get("field"));
        assertEquals("end", assertThrows(GlossException.class, () -> Offsets.check(TEXT, n, 3, 3, "")).details().get("field"));
        assertEquals("end", assertThrows(GlossException.class, () -> Offsets.check(TEXT, n, 4, 3, "")).details().get("field"));
        assertEquals("start", assertThrows(GlossException.class, () -> Offsets.check(TEXT, n, null, 3, "")).details().get("field"));
        assertEquals("quote", assertThrows(GlossException.class, () -> Offsets.check(TEXT, n, 0, 4, null)).details().get("field"));
        assertEquals(TEXT, Offsets.check(TEXT, n, 0, n, TEXT));
    }

    @Test
    void aTextWithoutSurrogatePairsIsCheckedLikeAnyOther() {
        String plain = "Kyiv — “Zelensky” said café";
        int n = Offsets.length(plain);
        assertEquals(plain.length(), n, "no astral character: as many code points as UTF-16 units");
        for (int start = 0; start < n; start++) {
            for (int end = start + 1; end <= n; end++) {
                assertEquals(Offsets.slice(plain, start, end), Offsets.check(plain, n, start, end, Offsets.slice(plain, start, end)));
            }
        }
        assertEquals("quote", assertThrows(GlossException.class, () -> Offsets.check(plain, n, 0, 4, "Kyi")).details().get("field"));
    }
}
