package edu.rush.gme;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.LoggerFactory;

/**
 * Sets up logging once, before any test runs. Test classes run side by side, and when several log
 * while logback is still reading its configuration, SLF4J queues their lines and warns about it in
 * the build output.
 */
public final class LoggingFirst implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        LoggerFactory.getILoggerFactory();
    }
}
