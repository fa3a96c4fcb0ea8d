import edu.rush.gme.App;
import edu.rush.gme.content.ContentLoader;
import edu.rush.gme.content.ContentSnapshot;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The peer of {@code validate} in bench/validate.sh: what the server does to a content folder when
 * it starts (the real ContentLoader over App.CONTENT_TYPES, nothing else), in a process of its own.
 *
 *   javac -cp target/gme-site.jar -d target/bench bench/ContentLoad.java
 *   java -cp target/gme-site.jar:target/bench ContentLoad DIR
 */
public class ContentLoad {
    public static void main(String[] args) {
        ContentSnapshot snapshot = new ContentLoader(Path.of(args[0]), Clock.systemUTC(), App.CONTENT_TYPES).load();
        System.out.println(snapshot.problems().size() + " problems");
    }
}
