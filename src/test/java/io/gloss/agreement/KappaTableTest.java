package io.gloss.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.dkpro.statistics.agreement.InsufficientDataException;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.junit.jupiter.api.Test;

/** Cohen's kappa from a contingency table: textbook tables, and DKPro's value on random ones. */
class KappaTableTest {

    static KappaTable table(long[][] counts) {
        KappaTable table = new KappaTable(counts.length);
        for (int a = 0; a < counts.length; a++) {
            for (int b = 0; b < counts.length; b++) {
                table.add(a, b, counts[a][b]);
            }
        }
        return table;
    }

    static double dkpro(long[][] counts) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(2);
        for (int a = 0; a < counts.length; a++) {
            for (int b = 0; b < counts.length; b++) {
                study.addMultipleItems((int) counts[a][b], a, b);
            }
        }
        return new CohenKappaAgreement(study).calculateAgreement();
    }

    /** The classic 2×2: 50 cases, yes/yes 20, yes/no 5, no/yes 10, no/no 15: p_o 0.7, p_e 0.5, κ 0.4. */
    @Test
    void twoByTwo() {
        long[][] counts = {{20, 5}, {10, 15}};
        assertEquals(0.4, table(counts).kappa(), 1e-12);
        assertEquals(dkpro(counts), table(counts).kappa(), 1e-12);
    }

    /** Cohen (1960), p. 45: 200 cases in three categories, κ = 0.492. */
    @Test
    void cohen1960() {
        long[][] counts = {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}};
        assertEquals(0.492, table(counts).kappa(), 0.001);
        assertEquals(dkpro(counts), table(counts).kappa(), 1e-12);
    }

    @Test
    void equalsDkproOnRandomTables() {
        Random random = new Random(5);
        for (int run = 0; run < 200; run++) {
            int n = 2 + random.nextInt(4);
            long[][] counts = new long[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    counts[a][b] = random.nextInt(4) == 0 ? 0 : random.nextInt(a == b ? 200 : 50);
                }
            }
            counts[0][1]++;
            assertEquals(dkpro(counts), table(counts).kappa(), 1e-12);
        }
    }

    @Test
    void undefinedWhereDkproRefuses() {
        long[][] oneCategory = {{30, 0}, {0, 0}};
        assertNull(table(oneCategory).kappa());
        assertThrows(InsufficientDataException.class, () -> dkpro(oneCategory));
        assertNull(new KappaTable(3).kappa(), "no token");
    }

    @Test
    void noCommonCategoryIsTheObservedAgreementAsInDkpro() {
        long[][] never = {{0, 10}, {0, 0}};
        assertEquals(dkpro(never), table(never).kappa(), 1e-12);
        assertEquals(0.0, table(never).kappa(), 1e-12);
    }
}
