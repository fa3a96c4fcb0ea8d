package edu.rush.gme.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

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
}
