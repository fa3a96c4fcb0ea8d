package edu.rush.gme.web;

import java.util.Locale;

/**
 * The proxies in front of the server (nginx, a load balancer) whose forwarding header may be
 * believed: how many of them stand between the client and the server, and which header they write.
 * With none, the client is whoever opened the connection.
 */
public record TrustedProxies(int count, Header header) {

    /** The header the proxies add the client's address to. */
    public enum Header {
        /** {@code X-Forwarded-For: client, proxy1} (nginx {@code $proxy_add_x_forwarded_for}, HAProxy {@code option forwardfor}). */
        X_FORWARDED_FOR("X-Forwarded-For"),
        /** RFC 7239 {@code Forwarded: for=client;proto=https, for=proxy1}. */
        FORWARDED("Forwarded");

        private final String fieldName;

        Header(String fieldName) {
            this.fieldName = fieldName;
        }

        public String fieldName() {
            return fieldName;
        }

        static Header parse(String value) {
            for (Header header : values()) {
                if (header.fieldName.equalsIgnoreCase(value.trim())) {
                    return header;
                }
            }
            throw new IllegalArgumentException("GME_FORWARDED_HEADER must be X-Forwarded-For or Forwarded, got '" + value + "'");
        }
    }

    public static final TrustedProxies NONE = new TrustedProxies(0, Header.X_FORWARDED_FOR);

    public TrustedProxies {
        if (count < 0) {
            throw new IllegalArgumentException("the number of trusted proxies cannot be negative");
        }
    }

    /** One proxy writing X-Forwarded-For: the usual nginx set-up. */
    public static TrustedProxies one() {
        return new TrustedProxies(1, Header.X_FORWARDED_FOR);
    }

    /**
     * From {@code GME_BEHIND_PROXY} (true/false), {@code GME_TRUSTED_PROXIES} (how many, default 1) and
     * {@code GME_FORWARDED_HEADER} (X-Forwarded-For, the default, or Forwarded).
     */
    public static TrustedProxies from(String behind, String count, String header) {
        if (!Boolean.parseBoolean(behind == null ? "false" : behind.trim().toLowerCase(Locale.ROOT))) {
            return NONE;
        }
        int hops;
        try {
            hops = Integer.parseInt(count == null ? "1" : count.trim());
        } catch (NumberFormatException e) {
            hops = 0;
        }
        if (hops < 1 || hops > 10) {
            throw new IllegalArgumentException("GME_TRUSTED_PROXIES must be the number of proxies in front of the server (1 to 10), got '" + count + "'");
        }
        return new TrustedProxies(hops, header == null ? Header.X_FORWARDED_FOR : Header.parse(header));
    }

    public boolean any() {
        return count > 0;
    }
}
