package edu.rush.gme.staff;

import edu.rush.gme.content.ContentSnapshot;
import edu.rush.gme.content.Page;
import edu.rush.gme.web.RouteTable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The editor's last checked text per signed-in browser, kept so the live preview's frame shows the
 * page of that same check (one load of the content for both problems and preview). The last
 * {@link #PER_SESSION} of a session (the frame may still be loading one while the next check is
 * made), older ones forgotten; at most {@link #SESSIONS} sessions, the least recently used
 * forgotten first. A draft is found only with its session and its random token.
 */
final class LivePreviews {

    /** Each draft holds a snapshot (at 10,000 programs, maps over every page): few are kept. */
    static final int SESSIONS = 8;
    static final int PER_SESSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A checked text: its file, the snapshot with it, its page and the type's page renderer. */
    record Draft(String file, ContentSnapshot snapshot, Page<?> page, RouteTable.ItemPage renderer) {
    }

    private final Map<String, Map<String, Draft>> bySession = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Draft>> eldest) {
            return size() > SESSIONS;
        }
    };

    /** Keeps a session's latest draft; returns the token that finds it. */
    synchronized String keep(String session, Draft draft) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        bySession.computeIfAbsent(session, s -> new LinkedHashMap<>(4, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Draft> eldest) {
                return size() > PER_SESSION;
            }
        }).put(token, draft);
        return token;
    }

    /** The session's draft of this token; null when there is none (another session's, forgotten, made up). */
    synchronized Draft find(String session, String token) {
        Map<String, Draft> drafts = bySession.get(session);
        return drafts == null || token == null ? null : drafts.get(token);
    }
}
