"""Which address a request comes from, when reverse proxies stand in between.

A proxy appends the address it received a request from to `X-Forwarded-For`. Only the entries
added by proxies the operator trusts can be believed: anyone can send the header with made-up
addresses in front. So the client is the right-most address that is not a trusted proxy.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(text: str) -> tuple[Network, ...]:
    """Comma-separated addresses or CIDR blocks ("127.0.0.1, 10.0.0.0/8"); ValueError names a bad one."""
    networks = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError as exc:
            raise ValueError(f"{part!r} is not an IP address or a network like 10.0.0.0/8") from exc
    return tuple(networks)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [::1]:443
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # 203.0.113.7:51234
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def client_address(remote: str | None, forwarded_for: str | None, trusted: Sequence[Network]) -> str | None:
    """The client's address: `remote` (REMOTE_ADDR), or behind trusted proxies the nearest untrusted hop.

    A hop that is no address ends the walk at the last trusted proxy, which then stands for the client.
    """
    if remote is None or not trusted:
        return remote
    current = _address(remote)
    if current is None or not any(current in net for net in trusted):
        return remote
    for hop in reversed((forwarded_for or "").split(",")):
        address = _address(hop)
        if address is None:
            break
        current = address
        if not any(address in net for net in trusted):
            break
    return str(current)
