"""Crash safety: SIGKILL the real server (master and workers at once) in the middle of writing.

After a restart on the same database, a large import killed inside its write transaction has
left nothing behind and then imports completely; a burst of set logging killed mid-way has kept
every set the server acknowledged (201), whole, in order, and nothing half-written.
"""

from __future__ import annotations

import http.client
import io
import random
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from bench.server import RunningServer, create_user_with_token, serving, start_server
from bench.strong_csv import write_csv

from tests.reliability.support import ApiConnection, Backend, wait_for

pytestmark = pytest.mark.slow

#: Big enough that writing it takes a while (about 39,000 sets in 800 workouts), small enough for CI.
IMPORT_ROWS = 40_000
IMPORT_FIELDS = {"format": "strong", "create_missing": "true"}
#: A write transaction seen open this long is the import's, not a short write beside it.
LONG_WRITE_S = 0.3


@pytest.fixture(scope="module")
def strong_export() -> bytes:
    out = io.StringIO()
    write_csv(IMPORT_ROWS, seed=7, out=out)
    return out.getvalue().encode()


class Request(threading.Thread):
    """A request run on its own thread; `status` stays None when no response came back."""

    def __init__(self, send: Callable[[], None], connection: ApiConnection) -> None:
        super().__init__(daemon=True)
        self.send, self.connection = send, connection
        self.sent = threading.Event()
        self.status: int | None = None
        self.body: Any = None
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.send()
            self.sent.set()
            self.status, self.body = self.connection.answer()
        except (OSError, http.client.HTTPException) as exc:  # connection reset or refused by the kill
            self.error = exc
        finally:
            self.sent.set()
            self.connection.close()


def import_request(server: RunningServer, token: str, data: bytes, **fields: str) -> Request:
    api = ApiConnection(server.base_url, token, timeout=300)
    return Request(lambda: api.send_upload("/api/v1/imports", data, IMPORT_FIELDS | fields), api)


def wait_for_long_write(backend: Backend, request: Request) -> str:
    """Wait until one write transaction has stayed open for LONG_WRITE_S: the import is writing."""
    first_seen: dict[str, float] = {}

    def writing_long() -> bool:
        assert request.status is None, f"the import answered before it was seen writing: {request.body}"
        current = backend.open_write()
        if current not in first_seen:  # none, or another transaction than the one timed so far
            first_seen.clear()
            if current is None:
                return False
            first_seen[current] = time.monotonic()
        return time.monotonic() - first_seen[current] >= LONG_WRITE_S

    wait_for(writing_long, "the import's write transaction", timeout=120)
    return next(iter(first_seen))


def counts(backend: Backend, username: str) -> dict[str, int]:
    owner = backend.user_id(username)
    tables = ("storage_workout", "storage_workoutexercise", "storage_set", "storage_exercise")
    return {table: backend.count(table, owner) for table in (*tables, "storage_exercisemapping")}


def test_a_kill_inside_a_large_import_leaves_nothing_and_the_import_then_succeeds_whole(
    backend: Backend, strong_export: bytes
) -> None:
    token = create_user_with_token(backend.config, "lifter")
    nothing = counts(backend, "lifter")
    assert set(nothing.values()) == {0}
    delay = random.uniform(0, 0.5)
    with serving(backend.config) as server:
        request = import_request(server, token, strong_export)
        request.start()
        request.sent.wait(60)
        writer = wait_for_long_write(backend, request)
        time.sleep(delay)
        server.kill()
    request.join(30)
    assert request.status is None, f"the import finished before the kill ({delay:.2f} s after {writer})"
    assert request.error is not None

    with serving(backend.config) as server:
        assert backend.problems() == []
        assert counts(backend, "lifter") == nothing, "a killed import left rows behind"
        assert ApiConnection(server.base_url, token).call("GET", "/api/v1/workouts") == (200, [])
        dry_run = import_request(server, token, strong_export, dry_run="true")
        dry_run.run()  # here, not on a thread of its own
        assert dry_run.status == 200, dry_run.body
        real = import_request(server, token, strong_export)
        real.run()
        assert real.status == 201, real.body
    assert real.body["sets"] == dry_run.body["sets"] > IMPORT_ROWS * 0.9
    starts = {line.split(",")[0] for line in strong_export.decode().splitlines()[1:]}
    assert real.body["workouts"] == dry_run.body["workouts"] == len(starts)
    assert real.body["duplicates"] == 0
    after = counts(backend, "lifter")
    assert after["storage_workout"] == real.body["workouts"]
    assert after["storage_set"] == real.body["sets"]
    assert after["storage_exercise"] == len(real.body["created_exercises"])
    assert backend.problems() == []


# --- a burst of set logging --------------------------------------------------------------------

CLIENTS = 15
EXERCISES = ("bench-press", "back-squat", "deadlift", "overhead-press", "barbell-row")


class Lifter(threading.Thread):
    """One client app logging sets back to back on a keep-alive connection until the server dies."""

    def __init__(self, number: int, server: RunningServer, token: str, workout: int) -> None:
        super().__init__(daemon=True)
        self.number, self.workout = number, workout
        self.api = ApiConnection(server.base_url, token, timeout=60)
        self.sent: dict[str, dict[str, Any]] = {}  # note -> payload
        self.acknowledged: dict[int, dict[str, Any]] = {}  # set id -> payload
        self.refused: list[tuple[int, Any]] = []
        self.error: Exception | None = None

    def payloads(self) -> Iterator[dict[str, Any]]:
        for i in range(10_000):
            payload = {
                "exercise": EXERCISES[(self.number + i) % len(EXERCISES)],
                "weight": str(Decimal(20) + Decimal(i % 80) * Decimal("2.5")),
                "reps": i % 12 + 1,
                "notes": f"client {self.number} set {i}",
            }
            # Half the clients name the workout, half log into today's open one: the same workout.
            yield payload | {"workout": self.workout} if self.number % 2 else payload

    def run(self) -> None:
        try:
            for payload in self.payloads():
                self.sent[payload["notes"]] = payload
                status, body = self.api.call("POST", "/api/v1/sets", payload)
                if status != 201:
                    self.refused.append((status, body))
                    return
                self.acknowledged[body["id"]] = payload
        except (OSError, http.client.HTTPException) as exc:  # the kill: reset, refused or cut short
            self.error = exc
        finally:
            self.api.close()


def test_a_kill_during_a_burst_of_set_logging_keeps_every_acknowledged_set(backend: Backend) -> None:
    token = create_user_with_token(backend.config, "lifter")
    delay = random.uniform(0, 0.3)
    with serving(backend.config) as server:
        status, first = ApiConnection(server.base_url, token).call(
            "POST", "/api/v1/sets", {"exercise": "bench-press", "weight": 20, "reps": 10, "notes": "first"}
        )
        assert status == 201, first
        lifters = [Lifter(n, server, token, first["workout"]) for n in range(CLIENTS)]
        for lifter in lifters:
            lifter.start()
        wait_for(lambda: sum(len(x.acknowledged) for x in lifters) >= 200, "200 logged sets", timeout=60)
        time.sleep(delay)
        server.kill()
    for lifter in lifters:
        lifter.join(30)
    assert [x.refused for x in lifters if x.refused] == []
    assert all(x.error is not None for x in lifters), "a client stopped logging before the kill"
    acknowledged = {set_id: p for x in lifters for set_id, p in x.acknowledged.items()}
    sent = {note: p for x in lifters for note, p in x.sent.items()} | {"first": {}}

    with serving(backend.config) as server:
        api = ApiConnection(server.base_url, token)
        status, workouts = api.call("GET", "/api/v1/workouts")
        assert status == 200 and [w["id"] for w in workouts] == [first["workout"]], workouts
        status, workout = api.call("GET", f"/api/v1/workouts/{first['workout']}")
        assert status == 200
    assert backend.problems() == []
    stored = {s["id"]: s for entry in workout["exercises"] for s in entry["sets"]}
    missing = sorted(set(acknowledged) - set(stored))
    assert missing == [], f"{len(missing)} acknowledged sets are lost (killed {delay:.2f} s after 200)"
    for set_id, payload in acknowledged.items():
        row = stored[set_id]
        assert (row["exercise"], Decimal(row["weight"]), row["reps"], row["notes"]) == (
            payload["exercise"],
            Decimal(payload["weight"]),
            payload["reps"],
            payload["notes"],
        )
    # A set the server wrote but could not acknowledge before dying is allowed (one per client), a
    # set nobody sent is not.
    notes = [s["notes"] for s in stored.values()]
    assert len(notes) == len(set(notes)) and set(notes) <= set(sent)
    assert len(stored) - len(acknowledged) - 1 <= CLIENTS
    for entry in workout["exercises"]:
        orders = [s["order"] for s in entry["sets"]]
        assert sorted(orders) == list(range(1, len(orders) + 1)), (entry["exercise"], orders)
    assert sorted(e["exercise"] for e in workout["exercises"]) == sorted(EXERCISES)


def test_start_server_reports_a_server_that_cannot_start(backend: Backend) -> None:
    backend.config.data_dir.mkdir(parents=True)
    (backend.config.data_dir / "secret_key").write_text("changeme")
    with pytest.raises(RuntimeError, match="refusing to start"):
        start_server(backend.config, timeout=60)
