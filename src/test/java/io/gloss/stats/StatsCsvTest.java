package io.gloss.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV's rows, RFC 4180 quoting, and usernames a spreadsheet would run as formulas. */
class StatsCsvTest {

    @Test
    void rowsInOrderWithFormulasEscapedAndCellsQuoted() {
        ProjectStats stats = new ProjectStats(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"), "day",
                new ProjectStats.Articles(0, 0, 0), new ProjectStats.Annotations(Map.of(), Map.of()),
                List.of(new ProjectStats.SeriesRow(LocalDate.parse("2026-03-01"), 2, 1, 0)),
                List.of(StatsTally.editor("-cmd", 2, 1, 0), StatsTally.editor("a,b", 0, 0, 0)),
                List.of(new ProjectStats.ReviewerRow("@sum", 1, 42L)),
                new ProjectStats.Backlog(0, null),
                List.of(new ProjectStats.AgreementRow(LocalDate.parse("2026-03-01"), 0.75, 3),
                        new ProjectStats.AgreementRow(LocalDate.parse("2026-03-02"), null, 1)));
        assertEquals("""
                table,bucket,username,created,approved,rejected,rejectionRate,decided,medianDecisionSeconds,alphaU,articles
                series,2026-03-01,,2,1,0,,,,,
                editor,,'-cmd,2,1,0,0.0,,,,
                editor,,"a,b",0,0,0,,,,,
                reviewer,,'@sum,,,,,1,42,,
                agreement,2026-03-01,,,,,,,,0.75,3
                agreement,2026-03-02,,,,,,,,,1
                """, StatsCsv.write(stats));
    }
}
