"""The client's address behind trusted proxies (X-Forwarded-For), and the proxy list's grammar."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repbook.core.client_address import client_address, parse_networks

PROXY = parse_networks("127.0.0.1, 10.0.0.0/8, ::1")


def test_without_trusted_proxies_the_header_is_ignored() -> None:
    assert client_address("198.51.100.4", "203.0.113.9", ()) == "198.51.100.4"


def test_a_request_not_from_a_proxy_keeps_its_own_address() -> None:
    assert client_address("198.51.100.4", "203.0.113.9", PROXY) == "198.51.100.4"


def test_behind_proxies_the_right_most_untrusted_hop_is_the_client() -> None:
    assert client_address("127.0.0.1", "203.0.113.9", PROXY) == "203.0.113.9"
    # A client may send any header; only what the trusted proxies appended counts.
    assert client_address("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.5", PROXY) == "203.0.113.9"
    assert client_address("::1", "2001:db8::7", PROXY) == "2001:db8::7"
    assert client_address("127.0.0.1", "[2001:db8::7]:443, 10.1.1.1", PROXY) == "2001:db8::7"
    assert client_address("127.0.0.1", "203.0.113.9:51234", PROXY) == "203.0.113.9"


def test_a_broken_chain_stops_at_the_last_trusted_proxy() -> None:
    assert client_address("127.0.0.1", "not-an-address, 10.0.0.5", PROXY) == "10.0.0.5"
    assert client_address("127.0.0.1", "", PROXY) == "127.0.0.1"
    assert client_address("127.0.0.1", None, PROXY) == "127.0.0.1"


def test_the_proxy_list_names_a_bad_entry() -> None:
    assert parse_networks("") == ()
    assert parse_networks(" 192.168.1.0/24 ,") == (ipaddress.ip_network("192.168.1.0/24"),)
    with pytest.raises(ValueError, match=r"'proxy\.example\.org' is not an IP address"):
        parse_networks("127.0.0.1, proxy.example.org")


@given(
    st.lists(st.one_of(st.ip_addresses().map(str), st.text(max_size=12)), max_size=6),
    st.sampled_from(["127.0.0.1", "10.1.2.3", "::1", "198.51.100.4"]),
)
def test_the_answer_is_the_remote_address_or_a_hop_of_the_header(hops: list[str], remote: str) -> None:
    found = client_address(remote, ",".join(hops), PROXY)
    if remote == "198.51.100.4":  # not a proxy: the header is never read
        assert found == remote
        return
    readable = {str(ipaddress.ip_address(h.strip())) for h in hops if _is_address(h.strip())}
    assert found == remote or found in readable


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
