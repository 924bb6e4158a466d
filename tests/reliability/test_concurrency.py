"""Many clients logging sets at once into a real server with 2 workers × 4 threads.

Every request is answered 201, and the log holds exactly the sets sent: none lost, none twice,
set orders 1..n in each exercise of a workout, one entry per exercise. Runs on SQLite and, with
DATABASE_URL set, on PostgreSQL (see conftest.py).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest
from bench.server import RunningServer, create_user_with_token, create_users_with_tokens, serving

from tests.reliability.support import ApiConnection, Backend

pytestmark = pytest.mark.slow

EXERCISES = ("bench-press", "back-squat", "deadlift", "barbell-row")
SETS_PER_CLIENT = 5


class Client(threading.Thread):
    """A client app that waits for the others, then logs its sets back to back."""

    def __init__(self, name: str, server: RunningServer, token: str, start: threading.Barrier) -> None:
        super().__init__(daemon=True)
        self.name, self.start_together = name, start
        self.api = ApiConnection(server.base_url, token, timeout=120)
        self.payloads: list[dict[str, Any]] = []
        self.answers: list[tuple[int, Any]] = []
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.start_together.wait(60)
            for payload in self.payloads:
                self.answers.append(self.api.call("POST", "/api/v1/sets", payload))
        except Exception as exc:  # reported by the test: a client must not fail at all
            self.error = exc
        finally:
            self.api.close()


def run_clients(clients: list[Client]) -> list[tuple[dict[str, Any], Any]]:
    """Run every client at once; (payload, created set) of every request, after checking all got 201."""
    for client in clients:
        client.start()
    for client in clients:
        client.join(120)
    assert [(c.name, c.error) for c in clients if c.error or c.is_alive()] == []
    failed = [(c.name, status, body) for c in clients for status, body in c.answers if status != 201]
    assert failed == [], f"{len(failed)} requests failed, e.g. {failed[:3]}"
    return [(p, body) for c in clients for p, (_, body) in zip(c.payloads, c.answers, strict=True)]


def payloads(client: int, workout: int | None) -> list[dict[str, Any]]:
    sets = [
        {
            "exercise": EXERCISES[(client + i) % len(EXERCISES)],
            "weight": 40 + client,
            "reps": i + 1,
            "notes": f"client {client} set {i}",
        }
        for i in range(SETS_PER_CLIENT)
    ]
    return [s | {"workout": workout} for s in sets] if workout is not None else sets


def check_workout(workout: dict[str, Any], sent: list[dict[str, Any]]) -> None:
    """The workout holds exactly the sets sent, each once, in orders 1..n per exercise."""
    stored = [(entry["exercise"], s) for entry in workout["exercises"] for s in entry["sets"]]
    assert sorted(s["notes"] for _, s in stored) == sorted(p["notes"] for p in sent)
    by_note = {p["notes"]: p for p in sent}
    for exercise, row in stored:
        payload = by_note[row["notes"]]
        assert (exercise, row["reps"]) == (payload["exercise"], payload["reps"])
    exercises = Counter(entry["exercise"] for entry in workout["exercises"])
    assert [name for name, n in exercises.items() if n > 1] == [], "an exercise has two entries"
    assert sorted(e["order"] for e in workout["exercises"]) == list(range(1, len(exercises) + 1))
    for entry in workout["exercises"]:
        orders = sorted(s["order"] for s in entry["sets"])
        assert orders == list(range(1, len(orders) + 1)), (entry["exercise"], orders)


def test_thirty_two_clients_logging_into_the_same_workout_lose_and_duplicate_nothing(
    backend: Backend,
) -> None:
    token = create_user_with_token(backend.config, "lifter")
    with serving(replace(backend.config, workers=2, threads=4)) as server:
        first = {"exercise": "bench-press", "weight": 20, "reps": 10, "notes": "empty bar"}
        status, created = ApiConnection(server.base_url, token).call("POST", "/api/v1/sets", first)
        assert status == 201, created
        workout = created["workout"]
        start = threading.Barrier(32)
        clients = [Client(f"client {n}", server, token, start) for n in range(32)]
        for n, client in enumerate(clients):
            client.payloads = payloads(n, workout)
        answered = run_clients(clients)
        status, stored = ApiConnection(server.base_url, token).call("GET", f"/api/v1/workouts/{workout}")
        assert status == 200
    assert {body["workout"] for _, body in answered} == {workout}
    assert len({body["id"] for _, body in answered}) == len(answered) == 32 * SETS_PER_CLIENT
    check_workout(stored, [first] + [p for p, _ in answered])
    owner = backend.user_id("lifter")
    assert backend.count("storage_set", owner) == 1 + 32 * SETS_PER_CLIENT
    assert backend.count("storage_workout", owner) == 1
    assert backend.problems() == []


USERS = 8
CLIENTS_PER_USER = 4


def test_users_starting_their_workouts_at_once_each_get_one_workout_with_every_set(backend: Backend) -> None:
    """No workout id: each user's first sets, sent at once from several clients, open one workout."""
    names = [f"lifter{n}" for n in range(USERS)]
    tokens = create_users_with_tokens(backend.config, names)
    with serving(replace(backend.config, workers=2, threads=4)) as server:
        start = threading.Barrier(USERS * CLIENTS_PER_USER)
        clients = []
        for n in range(USERS * CLIENTS_PER_USER):
            name = names[n % USERS]
            clients.append(Client(f"{name} client {n}", server, tokens[name], start))
            clients[-1].payloads = payloads(n, None)
        answered = run_clients(clients)
        workouts = {}
        for name in names:
            api = ApiConnection(server.base_url, tokens[name])
            status, listed = api.call("GET", "/api/v1/workouts")
            assert status == 200
            assert len(listed) == 1, f"{name}'s sets were split over {len(listed)} workouts"
            status, workouts[name] = api.call("GET", f"/api/v1/workouts/{listed[0]['id']}")
            assert status == 200
    assert (
        len({body["id"] for _, body in answered})
        == len(answered)
        == USERS * CLIENTS_PER_USER * SETS_PER_CLIENT
    )
    for n, name in enumerate(names):
        sent = [p for c, client in enumerate(clients) if c % USERS == n for p in client.payloads]
        check_workout(workouts[name], sent)
    assert backend.problems() == []
