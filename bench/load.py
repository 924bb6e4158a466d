"""The load runner: many HTTP clients against a running Repbook, with latency percentiles.

Pure standard library (threads and `http.client`), so it measures Repbook and not a client library.
Each client keeps one keep-alive connection, as a phone in the gym does. Two clocks per request:
the client's (network and server) and the server's own, read from the `Server-Timing` header.
"""

from __future__ import annotations

import http.client
import json
import re
import statistics
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: gunicorn closes a keep-alive connection idle for 2 s; a client idle for longer opens a new one first.
IDLE_RECONNECT_S = 1.5
SERVER_TIMING = re.compile(r"app;dur=([0-9.]+)")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: bytes | None = None
    content_type: str | None = None

    @classmethod
    def json(cls, method: str, path: str, payload: dict[str, Any]) -> Request:
        return cls(method, path, json.dumps(payload).encode(), "application/json")


@dataclass
class Sample:
    client_ms: float
    server_ms: float | None
    status: int
    body: bytes = b""


@dataclass(frozen=True)
class Percentiles:
    median: float
    p95: float
    p99: float

    @classmethod
    def of(cls, values: list[float]) -> Percentiles:
        ordered = sorted(values)
        return cls(
            round(statistics.median(ordered), 2),
            round(nearest_rank(ordered, 95), 2),
            round(nearest_rank(ordered, 99), 2),
        )


def nearest_rank(ordered: list[float], percent: float) -> float:
    """The nearest-rank percentile of sorted values: the smallest value with `percent` % at or below it."""
    rank = max(1, -(-len(ordered) * percent // 100))
    return ordered[int(rank) - 1]


@dataclass
class LoadResult:
    name: str
    requests: int
    concurrency: int
    seconds: float
    client_ms: Percentiles
    server_ms: Percentiles | None
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 400 or status == 0)

    @property
    def throughput(self) -> float:
        """Requests answered per second, all clients together."""
        return round(self.requests / self.seconds, 1) if self.seconds else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "requests": self.requests,
            "concurrency": self.concurrency,
            "seconds": round(self.seconds, 3),
            "throughput_rps": self.throughput,
            "errors": self.errors,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "client_ms": vars(self.client_ms),
            "server_ms": vars(self.server_ms) if self.server_ms else None,
        }


class Client:
    """One user's keep-alive connection, authenticated by a token or by a logged-in session."""

    def __init__(self, base_url: str, headers: dict[str, str] | None = None) -> None:
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.headers = dict(headers or {})
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        self.last_used = time.monotonic()

    def send(self, request: Request, *, keep_body: bool = False) -> Sample:
        headers = dict(self.headers)
        if request.content_type:
            headers["Content-Type"] = request.content_type
        if time.monotonic() - self.last_used > IDLE_RECONNECT_S:
            self.connection.close()
        start = time.perf_counter()
        try:
            self.connection.request(request.method, request.path, body=request.body, headers=headers)
            response = self.connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            # A refused or dropped connection is an error (status 0); reconnect for the next request.
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
            return Sample((time.perf_counter() - start) * 1000, None, 0)
        client_ms = (time.perf_counter() - start) * 1000
        self.last_used = time.monotonic()
        timing = SERVER_TIMING.search(response.getheader("Server-Timing") or "")
        server_ms = float(timing.group(1)) if timing else None
        return Sample(client_ms, server_ms, response.status, body if keep_body else b"")

    def close(self) -> None:
        self.connection.close()


def token_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def session_headers(base_url: str, username: str, password: str) -> dict[str, str]:
    """Log in through the real form (CSRF token and all) and return the headers of that session."""
    client = Client(base_url)
    page = client.connection
    page.request("GET", "/login/")
    response = page.getresponse()
    form = response.read().decode()
    cookies = _cookies(response.getheaders())
    token = CSRF_INPUT.search(form)
    if token is None:
        raise RuntimeError("the log-in page has no CSRF token")
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}
    )
    page.request(
        "POST",
        "/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": _cookie_header(cookies),
            "Referer": f"{base_url}/login/",
        },
    )
    response = page.getresponse()
    response.read()
    cookies |= _cookies(response.getheaders())
    client.close()
    if response.status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"log-in as {username} failed ({response.status})")
    return {"Cookie": _cookie_header(cookies), "X-CSRFToken": cookies.get("csrftoken", "")}


def _cookies(headers: list[tuple[str, str]]) -> dict[str, str]:
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            found[key.strip()] = rest.split(";", 1)[0]
    return found


def _cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{key}={value}" for key, value in cookies.items())


def run_load(
    name: str,
    clients: list[Client],
    make_request: Callable[[int, int], Request],
    *,
    requests: int,
    on_sample: Callable[[int, Request, Sample], None] | None = None,
) -> LoadResult:
    """Send `requests` requests, shared out between the clients, all clients at once.

    `make_request(client_index, n)` builds the n-th request of a client; `on_sample` sees every
    answer (to record acknowledged writes, say)."""
    concurrency = len(clients)
    shares = [requests // concurrency + (1 if i < requests % concurrency else 0) for i in range(concurrency)]
    samples: list[list[Sample]] = [[] for _ in clients]
    start_line = threading.Barrier(concurrency + 1)

    def work(index: int) -> None:
        client = clients[index]
        start_line.wait()
        for n in range(shares[index]):
            request = make_request(index, n)
            sample = client.send(request, keep_body=on_sample is not None)
            samples[index].append(sample)
            if on_sample is not None:
                on_sample(index, request, sample)

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    start_line.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    flat = [sample for per_client in samples for sample in per_client]
    statuses: dict[int, int] = {}
    for sample in flat:
        statuses[sample.status] = statuses.get(sample.status, 0) + 1
    server = [s.server_ms for s in flat if s.server_ms is not None]
    return LoadResult(
        name,
        len(flat),
        concurrency,
        seconds,
        Percentiles.of([s.client_ms for s in flat]),
        Percentiles.of(server) if server else None,
        statuses,
    )
