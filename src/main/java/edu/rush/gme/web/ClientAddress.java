package edu.rush.gme.web;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.QuotedCSV;

/** Who is asking, as far as the rate limits are concerned. */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d+");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.]+)?");

    private ClientAddress() {
    }

    /** The client of a request, as Javalin's {@code ctx.ip()} reports it. */
    static String of(Context ctx, TrustedProxies proxies) {
        if (!proxies.any()) {
            return ctx.req().getRemoteAddr();
        }
        List<String> lines = Collections.list(ctx.req().getHeaders(proxies.header().fieldName()));
        return of(ctx.req().getRemoteAddr(), lines, proxies);
    }

    /**
     * The address the outermost trusted proxy saw. Proxies append to the forwarding header (to its
     * last line, or as a line of their own), so what a client writes there comes first and anything
     * can stand in it. Reading from the right: the connection's peer is the nearest proxy, and each
     * trusted proxy vouches for one more entry to its left. Every line of the header counts, in
     * order, with comma lists merged.
     */
    static String of(String peer, List<String> headerLines, TrustedProxies proxies) {
        List<String> chain = new ArrayList<>(entries(headerLines, proxies.header()));
        chain.add(peer);
        int client = Math.max(0, chain.size() - 1 - proxies.count());
        return normalize(chain.get(client));
    }

    private static List<String> entries(List<String> headerLines, TrustedProxies.Header header) {
        QuotedCSV elements = new QuotedCSV(false);
        headerLines.forEach(elements::addValue);
        List<String> entries = new ArrayList<>();
        for (String element : elements.getValues()) {
            entries.add(header == TrustedProxies.Header.FORWARDED ? forNode(element) : element.trim());
        }
        return entries;
    }

    /** The {@code for=} node of one RFC 7239 element ({@code for=192.0.2.60;proto=http;by=203.0.113.43}). */
    private static String forNode(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("for")) {
                return pair.substring(equals + 1).trim();
            }
        }
        return "unknown";
    }

    /** An address without quotes, brackets or port: {@code "[2001:db8::17]:4711"} becomes {@code 2001:db8::17}. */
    static String normalize(String node) {
        String value = node.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close > 0 ? value.substring(1, close) : value;
        }
        var withPort = IPV4_WITH_PORT.matcher(value);
        return withPort.matches() ? withPort.group(1) : value;
    }

    /**
     * The key a limit counts under: an IPv4 address, or the /64 network of an IPv6 address (one
     * household or phone gets a whole /64 and could otherwise change address at every request).
     */
    static String limitKey(String address) {
        if (address == null) {
            return null;
        }
        String literal = normalize(address);
        // Only literals are parsed: InetAddress would look a host name up in the DNS.
        if (IPV4.matcher(literal).matches() || (literal.indexOf(':') >= 0 && IPV6_LITERAL.matcher(literal).matches())) {
            try {
                InetAddress parsed = InetAddress.getByName(literal);
                if (parsed instanceof Inet6Address) {
                    byte[] bytes = parsed.getAddress();
                    StringBuilder key = new StringBuilder();
                    for (int i = 0; i < 8; i += 2) {
                        key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                    }
                    return key.append(":/64").toString();
                }
                return parsed.getHostAddress();
            } catch (UnknownHostException e) {
                return literal.toLowerCase(Locale.ROOT);
            }
        }
        return literal.toLowerCase(Locale.ROOT);
    }
}
