package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.RawHttp;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bodies arrive whole before a handler sees them, within their size limit and at a minimum rate. */
class RequestBodiesTest {

    private Server server;
    private RequestBodies bodies;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        // One second of grace and 100 bytes a second: slow enough for a test to fall behind on purpose.
        bodies = new RequestBodies(Map.of("/form", 1000), 10, 2, new RequestBodies.MinimumRate(100, Duration.ofSeconds(1)));
        bodies.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                // A blocking read, as Javalin's would be: the whole body is already there.
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                response.write(true, ByteBuffer.wrap(("got " + body.length() + " bytes").getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.setHandler(bodies);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Test
    void a_body_that_arrives_in_pieces_reaches_the_handler_whole() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 300\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 3; i++) {
                out.write("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(50);
            }
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("got 300 bytes");
        }
    }

    @Test
    void a_body_that_stalls_is_cut_off_with_408_and_the_connection_closed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nab".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("cut off at the deadline, not the idle timeout")
                    .isLessThan(Duration.ofSeconds(8));
        }
        assertThat(bodies.pending()).isZero();
    }

    @Test
    void each_address_takes_a_body_of_its_own_size() {
        assertThat(RawHttp.send(port(), "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n" + "f".repeat(1001), 5000).status())
                .isEqualTo(413);
        assertThat(RawHttp.send(port(), "POST /other HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n01234567890", 5000).status()).isEqualTo(413);
        assertThat(RawHttp.send(port(), "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: " + (RequestBodies.DRAIN_LIMIT + 1) + "\r\n\r\n", 5000)
                .status()).as("too large to be worth reading: refused at once").isEqualTo(413);
        assertThat(RawHttp.send(port(), "POST /other HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\n0123456789", 5000).body())
                .isEqualTo("got 10 bytes");
    }

    @Test
    void beyond_the_bodies_that_may_arrive_at_once_the_next_is_told_to_come_back() throws Exception {
        try (Socket first = new Socket("127.0.0.1", port()); Socket second = new Socket("127.0.0.1", port())) {
            for (Socket socket : new Socket[] {first, second}) {
                socket.getOutputStream().write("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\na".getBytes(StandardCharsets.US_ASCII));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (bodies.pending() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            RawHttp.Answer busy = RawHttp.send(port(), "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", 5000);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("5");
        }
    }

    @Test
    void refusals_never_lower_the_count_of_large_bodies_arriving_at_once() throws Exception {
        bodies.accept("/upload", 3 * RequestBodies.LARGE, null);
        java.util.List<Socket> held = new java.util.ArrayList<>();
        try {
            // Every place taken by small bodies: large ones are refused, each refusal must give back only what it took.
            for (int i = 0; i < 2; i++) {
                held.add(startBody("/form", 500));
            }
            awaitPending(2);
            for (int i = 0; i < 3; i++) {
                assertThat(RawHttp.send(port(), "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\nab", 5000).status()).isEqualTo(503);
            }
            for (Socket socket : held) {
                socket.close();
            }
            held.clear();
            awaitPending(0);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        assertThat(bodies.largePending()).isZero();
    }

    private Socket startBody(String path, int length) throws Exception {
        Socket socket = new Socket("127.0.0.1", port());
        socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\na").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private void awaitPending(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (bodies.pending() != count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(bodies.pending()).isEqualTo(count);
    }

    @Test
    void the_deadline_grows_with_the_size_and_never_falls_under_the_grace() {
        RequestBodies.MinimumRate rate = new RequestBodies.MinimumRate(1024, Duration.ofSeconds(10));
        assertThat(rate.deadline(100)).isEqualTo(Duration.ofSeconds(10));
        assertThat(rate.deadline(64 * 1024)).isEqualTo(Duration.ofSeconds(64));
    }
}
