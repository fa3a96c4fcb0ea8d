package edu.rush.gme.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer at a time in a content folder: across threads, and across processes sharing the folder. */
class ContentWritesTest {

    @TempDir
    Path folder;

    /** Another process (a second instance on a shared volume) holding the folder's lock: in the test, a child JVM. */
    public static void main(String[] args) throws Exception {
        ContentWrites.of(Path.of(args[0])).locked(() -> {
            System.out.println("holding");
            System.out.flush();
            // Until the parent says so (or it goes away): the lock is the operating system's, released when this process ends.
            return System.in.read();
        });
    }

    @Test
    void aWriteWaitsWhileAnotherProcessWritesInTheSameFolder() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ContentWritesTest.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("holding");

            CompletableFuture<String> mine = CompletableFuture.supplyAsync(
                    () -> ContentWrites.of(folder).lockedUnchecked(() -> "written"));
            Thread.sleep(300);
            assertThat(mine).as("waits for the other process").isNotDone();

            other.getOutputStream().write('\n');
            other.getOutputStream().flush();
            assertThat(mine.get(10, TimeUnit.SECONDS)).isEqualTo("written");
        } finally {
            other.destroyForcibly();
            other.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Files.exists(folder.resolve(ContentWrites.LOCK_FILE))).as("the lock file stays, hidden").isTrue();
    }

    @Test
    void aProcessKilledWhileWritingLeavesTheFolderWritable() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ContentWritesTest.class.getName(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertThat(said.readLine()).isEqualTo("holding");
        other.destroyForcibly(); // kill -9
        other.waitFor(10, TimeUnit.SECONDS);

        assertThat(CompletableFuture.supplyAsync(() -> ContentWrites.of(folder).lockedUnchecked(() -> "written")).get(10, TimeUnit.SECONDS))
                .isEqualTo("written");
    }

    @Test
    void inAGitWorkTreeTheLockLivesInTheGitDirectorySoGitStatusStaysClean() throws Exception {
        Path content = Files.createDirectories(folder.resolve("site/content"));
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(folder.resolve("site").toFile()).call()) {
            ContentWrites.of(content).lockedUnchecked(() -> Files.writeString(content.resolve("a.md"), "text"));
            git.add().addFilepattern(".").call();
            git.commit().setAuthor("A", "a@example.org").setCommitter("A", "a@example.org").setMessage("a").call();
            ContentWrites.of(content).lockedUnchecked(() -> null);

            assertThat(git.status().call().isClean()).isTrue();
            assertThat(content.resolve(ContentWrites.LOCK_FILE)).doesNotExist();
            assertThat(folder.resolve("site/.git/gme-writing-content.lock")).exists();
        }
    }

    @Test
    void threadsTakeTurnsAndTheLockIsReentrant() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Void>> writers = java.util.stream.IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() ->
                ContentWrites.of(folder).lockedUnchecked(() -> ContentWrites.of(folder.resolve(".").normalize()).lockedUnchecked(() -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
                    inside.decrementAndGet();
                    return null;
                })))).toList();
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(most.get()).isEqualTo(1);
    }
}
