package edu.rush.gme.web;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who is asking, as far as the rate limits are concerned. */
final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * Behind one proxy (nginx, a load balancer): the address that proxy saw, which is the last entry of
     * X-Forwarded-For. The entries before it come from the client and could be anything.
     */
    static String forwarded(Context ctx) {
        String header = ctx.header("X-Forwarded-For");
        if (header != null) {
            String last = header.substring(header.lastIndexOf(',') + 1).trim();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return ctx.req().getRemoteAddr();
    }

    /**
     * The key a limit counts under: an IPv4 address, or the /64 network of an IPv6 address (one
     * household or phone gets a whole /64 and could otherwise change address at every request).
     */
    static String limitKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address.replaceAll("^\\[|\\]$", ""));
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
            return address;
        }
    }
}
