package edu.rush.gme;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Starts the longest test classes first (the accessibility sweeps, then the other browser tests),
 * so that the short ones fill in around them instead of one long class running alone at the end.
 */
public final class SlowClassesFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(SlowClassesFirst::weight).reversed());
    }

    private static int weight(ClassDescriptor descriptor) {
        String name = descriptor.getTestClass().getSimpleName();
        return name.endsWith("AccessibilityBrowserTest") ? 2 : name.endsWith("BrowserTest") ? 1 : 0;
    }
}
