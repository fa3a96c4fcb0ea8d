package edu.rush.gme.web;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * What the web server tells monitoring (the composition root's metrics, when they are on): each
 * request's route template (never its raw path, so the number of series stays bounded), method,
 * status and time, and the page cache whose hits and misses it counts.
 */
public interface ServerMetrics {

    /** Metrics off: the server adds no handler and counts nothing. */
    ServerMetrics OFF = new ServerMetrics() {
        @Override
        public void request(String route, String method, int status, long nanos) {
        }

        @Override
        public void watchPageCache(Cache<?, ?> pages) {
        }
    };

    void request(String route, String method, int status, long nanos);

    void watchPageCache(Cache<?, ?> pages);
}
