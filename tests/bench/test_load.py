"""The load runner's arithmetic and bookkeeping, against a small local HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bench.load import Client, Percentiles, Request, nearest_rank, run_load, token_headers


def test_nearest_rank_percentiles() -> None:
    values = [float(v) for v in range(1, 101)]
    assert nearest_rank(values, 50) == 50
    assert nearest_rank(values, 95) == 95
    assert nearest_rank(values, 99) == 99
    assert nearest_rank([7.0], 99) == 7
    assert nearest_rank([1.0, 2.0, 3.0], 95) == 3
    assert Percentiles.of([3.0, 1.0, 2.0]) == Percentiles(2.0, 3.0, 3.0)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as gunicorn answers

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        body = self.rfile.read(length)
        status = 201 if self.headers["Authorization"] == "Bearer good" else 401
        self.send_response(status)
        self.send_header("Server-Timing", "app;dur=1.50")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_requests_are_shared_out_counted_and_timed(base_url: str) -> None:
    seen: list[tuple[int, bytes]] = []
    clients = [Client(base_url, token_headers("good")) for _ in range(3)]
    result = run_load(
        "echo",
        clients,
        lambda i, n: Request.json("POST", "/echo", {"client": i, "n": n}),
        requests=10,
        on_sample=lambda i, request, sample: seen.append((sample.status, sample.body)),
    )
    assert result.requests == 10 and result.concurrency == 3
    assert result.statuses == {201: 10} and result.errors == 0
    assert result.server_ms == Percentiles(1.5, 1.5, 1.5)
    assert sorted(body for _, body in seen).count(b'{"client": 0, "n": 3}') == 1  # 4 + 3 + 3 requests
    assert result.as_json()["throughput_rps"] > 0


def test_refused_and_unauthorised_requests_are_errors(base_url: str) -> None:
    result = run_load(
        "bad token",
        [Client(base_url, token_headers("bad"))],
        lambda i, n: Request("POST", "/", b""),
        requests=2,
    )
    assert result.statuses == {401: 2} and result.errors == 2
    nobody = Client("http://127.0.0.1:9")  # the discard port: nothing listens there
    assert nobody.send(Request("GET", "/")).status == 0
