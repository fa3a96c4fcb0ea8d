package edu.rush.gme.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Request bodies are read whole, without a thread, before the request reaches Javalin, whose
 * handlers read them blocking: a client that sends its body one byte every few seconds then holds
 * a connection and a few bytes of memory, never one of the threads that pages need. Each address
 * takes a body of a size it can use ({@link #limitFor}); a body must keep up a minimum average
 * rate (with a few seconds' grace for small ones) or it is cut off with 408; and at most
 * {@code maxPending} bodies may be arriving at once (503 beyond).
 */
final class RequestBodies extends Handler.Wrapper {

    /** How fast a body must arrive on average, and how long any body may take at least. */
    record MinimumRate(int bytesPerSecond, Duration grace) {
        Duration deadline(long bytes) {
            long seconds = (bytes + bytesPerSecond - 1) / bytesPerSecond;
            return grace.compareTo(Duration.ofSeconds(seconds)) > 0 ? grace : Duration.ofSeconds(seconds);
        }
    }

    /**
     * A body over its limit is still read (and thrown away) up to this size before the 413 goes out:
     * a client still sending when the server closes would get a reset instead of the answer.
     */
    static final int DRAIN_LIMIT = 2 * 1024 * 1024;
    /** A limit above this is a large body (an image upload): only {@link #LARGE_AT_ONCE} of them may be arriving at once. */
    static final int LARGE = 1024 * 1024;
    /** Large bodies arriving at once (each is kept in memory until it has all come): a few staff uploads, not a flood. */
    static final int LARGE_AT_ONCE = 4;

    private final Map<String, Integer> limitsByPath;
    /** What a 413 says at an address that takes large bodies ("the image is larger than 5 MB"), instead of the general words. */
    private final Map<String, String> tooLargeTexts = new ConcurrentHashMap<>();
    private final AtomicInteger largePending = new AtomicInteger();
    private final int defaultLimit;
    private final int maxPending;
    private final MinimumRate minimumRate;
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param limitsByPath the largest body each address that takes one accepts, in bytes
     * @param defaultLimit the largest body anywhere else (where it is refused anyway, but read first)
     * @param maxPending   how many bodies may be arriving at once
     * @param minimumRate  how fast they must arrive
     */
    RequestBodies(Map<String, Integer> limitsByPath, int defaultLimit, int maxPending, MinimumRate minimumRate) {
        this.limitsByPath = new ConcurrentHashMap<>(limitsByPath);
        this.defaultLimit = defaultLimit;
        this.maxPending = maxPending;
        this.minimumRate = minimumRate;
    }

    int limitFor(String path) {
        return limitsByPath.getOrDefault(path, defaultLimit);
    }

    /**
     * One more address that takes a body (registered by the URL map, before the server starts).
     *
     * @param tooLarge what the 413 page says there, or null for the general words
     */
    void accept(String path, int bytes, String tooLarge) {
        limitsByPath.put(path, bytes);
        if (tooLarge != null) {
            tooLargeTexts.put(path, tooLarge);
        }
    }

    /** The address's own words for a body too large, or null. */
    String tooLargeText(String path) {
        return path == null ? null : tooLargeTexts.get(path);
    }

    /** Up to where a body over its limit is still read, so the client reads the 413 instead of a reset: twice a large limit. */
    private static long drainLimit(int limit) {
        return Math.max(DRAIN_LIMIT, 2L * limit);
    }

    /** Bodies being received right now (for tests and readiness). */
    int pending() {
        return pending.get();
    }

    /** Large bodies being received right now (for tests). */
    int largePending() {
        return largePending.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        int limit = limitFor(Request.getPathInContext(request));
        if (length > drainLimit(limit)) {
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
            return true;
        }
        // Large by what comes, not by what the address could take: a 20 KB save to the editor is not a large body.
        boolean large = limit > LARGE && (length > LARGE || length <= 0);
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            return busy(request, response, callback);
        }
        if (large && largePending.incrementAndGet() > LARGE_AT_ONCE) {
            // Each counter is given back only if it was taken (a refusal must never lower the large count).
            largePending.decrementAndGet();
            pending.decrementAndGet();
            return busy(request, response, callback);
        }
        // A body over its limit is drained as a courtesy, within the time a body of the limit's size may take.
        new Arrival(request, response, callback, limit, length > 0 ? Math.min(length, limit) : limit, large).start();
        return true;
    }


    private static boolean busy(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503);
        return true;
    }

    /** One body on its way: completes once, with the whole body, or with 408, 413 (once it has all come) or 400. */
    private final class Arrival {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final int limit;
        private final long expected;
        private final boolean large;
        private final ByteArrayOutputStream received;
        /** Bytes seen, kept or not: past the limit the rest is only counted, then refused. */
        private long total;
        private final AtomicBoolean settled = new AtomicBoolean();
        private Scheduler.Task timeout;

        Arrival(Request request, Response response, Callback callback, int limit, long expected, boolean large) {
            this.large = large;
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.limit = limit;
            this.expected = expected;
            this.received = new ByteArrayOutputStream((int) Math.min(expected, limit) + 1);
        }

        void start() {
            timeout = request.getComponents().getScheduler().schedule(this::tooSlow, minimumRate.deadline(expected).toMillis(), TimeUnit.MILLISECONDS);
            read();
        }

        /**
         * Takes what has arrived and asks to be called when more does: no thread waits in between.
         * Jetty runs the demand callback on a pool thread (a plain Runnable may block), so the
         * handlers after this one may read and write blocking.
         */
        private void read() {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    refuse(HttpStatus.BAD_REQUEST_400);
                    return;
                }
                int size = chunk.remaining();
                total += size;
                if (total <= limit) {
                    byte[] copy = new byte[size];
                    chunk.getByteBuffer().get(copy);
                    received.write(copy, 0, size);
                }
                chunk.release();
                if (total > drainLimit(limit)) {
                    refuse(HttpStatus.PAYLOAD_TOO_LARGE_413);
                    return;
                }
                if (chunk.isLast()) {
                    if (total > limit) {
                        refuse(HttpStatus.PAYLOAD_TOO_LARGE_413);
                    } else {
                        arrived();
                    }
                    return;
                }
            }
        }

        private void tooSlow() {
            if (settle()) {
                // Failing the source ends the pending read; the client is told, and the connection closed.
                request.fail(new TimeoutException("request body too slow"));
                writeError(HttpStatus.REQUEST_TIMEOUT_408);
            }
        }

        private void arrived() {
            if (!settle()) {
                return;
            }
            Request withBody = new LoadedBody(request, received.toByteArray());
            try {
                if (!RequestBodies.this.getHandler().handle(withBody, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                Response.writeError(request, response, callback, failure);
            }
        }

        private void refuse(int status) {
            if (settle()) {
                writeError(status);
            }
        }

        private void writeError(int status) {
            // What may be left of the body is not read: the connection cannot carry another request.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, status);
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            pending.decrementAndGet();
            if (large) {
                largePending.decrementAndGet();
            }
            if (timeout != null) {
                timeout.cancel();
            }
            return true;
        }
    }

    /** The request with its body already read: handlers read it as if it were arriving. */
    private static final class LoadedBody extends Request.Wrapper {
        private final long length;
        private Content.Chunk next;

        LoadedBody(Request request, byte[] body) {
            super(request);
            this.length = body.length;
            this.next = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public long getLength() {
            return length;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = next;
            next = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
