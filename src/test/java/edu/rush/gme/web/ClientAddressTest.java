package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final TrustedProxies NGINX = TrustedProxies.one();
    private static final String PROXY = "10.0.0.2";

    @Test
    void counts_an_ipv6_client_by_its_64_network() {
        assertThat(ClientAddress.limitKey("2001:db8:85a3:1:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:85a3:1::/64");
        assertThat(ClientAddress.limitKey("[2001:db8:85a3:1::7]")).isEqualTo("2001:db8:85a3:1::/64");
    }

    @Test
    void counts_an_ipv4_client_by_its_address() {
        assertThat(ClientAddress.limitKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.limitKey("::ffff:203.0.113.7")).as("IPv4 written as IPv6").isEqualTo("203.0.113.7");
    }

    @Test
    void a_name_instead_of_an_address_is_a_key_of_its_own_and_never_looked_up() {
        assertThat(ClientAddress.limitKey("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.limitKey("Evil.Example")).isEqualTo("evil.example");
    }

    @Test
    void behind_nginx_the_client_is_the_last_forwarded_entry_whatever_the_client_wrote_before_it() {
        assertThat(ClientAddress.of(PROXY, List.of("198.51.100.7"), NGINX)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of(PROXY, List.of("1.1.1.1, 2.2.2.2, 198.51.100.7"), NGINX)).isEqualTo("198.51.100.7");
    }

    @Test
    void every_header_line_counts_so_a_proxy_that_adds_its_own_line_is_read_right() {
        // HAProxy's "option forwardfor" adds a line of its own after the client's forged one.
        assertThat(ClientAddress.of(PROXY, List.of("6.6.6.6", "198.51.100.7"), NGINX)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of(PROXY, List.of("6.6.6.6, 7.7.7.7", "198.51.100.7"), NGINX)).isEqualTo("198.51.100.7");
    }

    @Test
    void each_trusted_proxy_vouches_for_one_more_entry_from_the_right() {
        TrustedProxies two = new TrustedProxies(2, TrustedProxies.Header.X_FORWARDED_FOR);
        // load balancer appended the client, nginx appended the load balancer
        assertThat(ClientAddress.of(PROXY, List.of("6.6.6.6, 198.51.100.7, 10.0.0.1"), two)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of(PROXY, List.of("10.0.0.1"), two)).as("fewer entries than proxies: the farthest known").isEqualTo("10.0.0.1");
    }

    @Test
    void without_a_forwarding_header_the_client_is_the_peer() {
        assertThat(ClientAddress.of(PROXY, List.of(), NGINX)).isEqualTo(PROXY);
    }

    @Test
    void reads_the_for_node_of_rfc_7239_forwarded_elements() {
        TrustedProxies forwarded = new TrustedProxies(1, TrustedProxies.Header.FORWARDED);
        assertThat(ClientAddress.of(PROXY, List.of("for=6.6.6.6", "for=198.51.100.7;proto=https;by=10.0.0.2"), forwarded))
                .isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of(PROXY, List.of("for=6.6.6.6, For=\"[2001:db8:cafe::17]:4711\";proto=http"), forwarded))
                .isEqualTo("2001:db8:cafe::17");
        assertThat(ClientAddress.of(PROXY, List.of("for=6.6.6.6", "for=\"198.51.100.9:5000\""), forwarded)).isEqualTo("198.51.100.9");
        assertThat(ClientAddress.of(PROXY, List.of("for=6.6.6.6, proto=https"), forwarded)).as("an element without for=").isEqualTo("unknown");
    }
}
