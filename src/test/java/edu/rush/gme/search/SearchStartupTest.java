package edu.rush.gme.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When the start-up index build begins: it leaves the first moments to the first pages, once. */
class SearchStartupTest {

    private static final long MS = 1_000_000;

    @Test
    void aCatalogLoadedQuicklyWaitsOutTheRestOfTheStartUpDelay() {
        assertEquals(SearchService.STARTUP_DELAY_MILLIS - 400, SearchService.startupPause(0, 400 * MS));
        assertEquals(SearchService.STARTUP_DELAY_MILLIS, SearchService.startupPause(5 * MS, 5 * MS));
    }

    @Test
    void aCatalogThatTookLongerToLoadThanTheDelayIsIndexedAtOnce() {
        assertEquals(0, SearchService.startupPause(0, SearchService.STARTUP_DELAY_MILLIS * MS));
        assertEquals(0, SearchService.startupPause(0, 4_000 * MS));
    }
}
