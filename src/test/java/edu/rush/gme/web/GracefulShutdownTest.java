package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import edu.rush.gme.ContentFixture;
import edu.rush.gme.Settings;
import edu.rush.gme.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server lets a response that is already being sent finish. */
class GracefulShutdownTest {

    private static final int SIZE = 32 << 20;

    @TempDir
    Path temp;

    @Test
    void shutdown_finishes_a_download_in_flight() throws Exception {
        Path staticDir = Files.createDirectories(temp.resolve("static"));
        byte[] big = new byte[SIZE];
        new Random(1).nextBytes(big);
        Files.write(staticDir.resolve("big.bin"), big);
        TestSite site = TestSite.start(Settings.forFolders(ContentFixture.minimal(temp).dir(), staticDir));

        try (Socket socket = new Socket("127.0.0.1", site.app().port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /big.bin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long received = in.read(buffer);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(site::close);
            Thread.sleep(300);
            assertThat(stopping).as("stop waits for the response in flight").isNotDone();

            int n;
            while ((n = in.read(buffer)) > 0) {
                received += n;
            }
            stopping.get();
            assertThat(received).isGreaterThan(SIZE);
        } catch (IOException e) {
            site.close();
            throw e;
        }
    }
}
