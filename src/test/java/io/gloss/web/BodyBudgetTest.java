package io.gloss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budget of bodies being read ahead: a share per address, a total for all. */
class BodyBudgetTest {

    @Test
    void oneAddressCannotTakeMoreThanItsShare() {
        BodyBudget budget = new BodyBudget(100, 40);
        assertTrue(budget.reserve("a", 30));
        assertFalse(budget.reserve("a", 11), "over a's share");
        assertTrue(budget.reserve("a", 10));
        assertTrue(budget.reserve("b", 40), "b has a share of its own");
        assertEquals(80, budget.held());
        assertEquals(40, budget.heldBy("a"));
    }

    @Test
    void manyAddressesCannotTakeMoreThanTheTotal() {
        BodyBudget budget = new BodyBudget(100, 40);
        assertTrue(budget.reserve("a", 40));
        assertTrue(budget.reserve("b", 40));
        assertFalse(budget.reserve("c", 21), "over the total, though within c's share");
        assertEquals(0, budget.heldBy("c"), "a refusal takes nothing");
        assertTrue(budget.reserve("c", 20));
        budget.release("a", 40);
        assertTrue(budget.reserve("c", 20), "room given back is room again");
        assertEquals(80, budget.held());
    }

    @Test
    void releasingEverythingLeavesNothingBehind() {
        BodyBudget budget = new BodyBudget(100, 40);
        budget.reserve("a", 10);
        budget.reserve("a", 5);
        budget.release("a", 10);
        budget.release("a", 5);
        assertEquals(0, budget.held());
        assertEquals(0, budget.heldBy("a"));
    }
}
