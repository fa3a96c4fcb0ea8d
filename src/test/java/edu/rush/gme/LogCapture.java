package edu.rush.gme;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * What the given classes log while it is open, as "LEVEL message" lines, for a test that provokes a
 * warning to assert that staff would read it in the log. Other test classes run at the same time
 * and may log through the same classes: look for this test's own lines, never count them all.
 */
public final class LogCapture implements AutoCloseable {

    private final List<Logger> loggers;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(List<Logger> loggers) {
        this.loggers = loggers;
        appender.start();
        loggers.forEach(logger -> logger.addAppender(appender));
    }

    public static LogCapture of(Class<?>... sources) {
        return new LogCapture(Stream.of(sources).map(source -> (Logger) LoggerFactory.getLogger(source)).toList());
    }

    public List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName() + ")")).toList();
        }
    }

    @Override
    public void close() {
        loggers.forEach(logger -> logger.detachAppender(appender));
        appender.stop();
    }
}
