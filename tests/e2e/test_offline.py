"""Repbook at the gym without a network, on a phone: the installed app, the outbox, the retries.

Real Chromium with its real service worker and IndexedDB against a live server; the network is
cut with Playwright's offline switch, and an answer is lost with route interception."""

from __future__ import annotations

import struct
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)

#: The outbox as the page keeps it (offline.js's IndexedDB database "repbook", store "outbox").
READ_OUTBOX = """() => new Promise((resolve, reject) => {
  const opening = indexedDB.open("repbook", 1);
  opening.onsuccess = () => {
    const request = opening.result.transaction("outbox").objectStore("outbox").getAll();
    request.onsuccess = () => { opening.result.close(); resolve(request.result); };
    request.onerror = () => reject(request.error);
  };
  opening.onerror = () => reject(opening.error);
})"""
#: Puts records back into the outbox, as if they had never been sent.
REFILL_OUTBOX = """(records) => new Promise((resolve, reject) => {
  const opening = indexedDB.open("repbook", 1);
  opening.onsuccess = () => {
    const transaction = opening.result.transaction("outbox", "readwrite");
    for (const record of records) {
      const copy = { ...record };
      delete copy.seq;
      transaction.objectStore("outbox").add(copy);
    }
    transaction.oncomplete = () => { opening.result.close(); resolve(); };
    transaction.onerror = () => reject(transaction.error);
  };
  opening.onerror = () => reject(opening.error);
})"""


def _open_workout(slug: str = "back-extension") -> Any:
    from repbook.services.workout.workout_entries import add_to_open_workout
    from repbook.storage.models import User

    return add_to_open_workout(User.objects.get(username="alice"), slug).workout


def _sets(workout: Any) -> list[tuple[Decimal | None, int | None]]:
    from repbook.storage.models import Set

    return [(s.weight_kg, s.reps) for s in Set.objects.filter(owner__username="alice").order_by("order")]


def _ready_for_offline(page: Any) -> None:
    """Wait until the service worker controls the page and has kept the workout's pages."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function("() => document.documentElement.dataset.offlineReady === '1'")


def _log(page: Any, weight: str, reps: str, button: str) -> None:
    page.get_by_label("Added kg").fill(weight)
    page.get_by_label("Reps").fill(reps)
    page.get_by_role("button", name=button).click()


def _no_unsent_sets(page: Any) -> None:
    page.wait_for_function(
        """async () => {
          const records = await new Promise((resolve) => {
            const opening = indexedDB.open("repbook", 1);
            opening.onsuccess = () => {
              const request = opening.result.transaction("outbox").objectStore("outbox").count();
              request.onsuccess = () => { opening.result.close(); resolve(request.result); };
            };
          });
          return records === 0 && document.readyState === "complete";
        }"""
    )


def test_five_sets_logged_offline_reach_the_server_once_and_in_order(logged_in_page: Any) -> None:
    from repbook.storage.models import Set

    page = logged_in_page
    workout = _open_workout()
    page.goto(f"/workouts/{workout.pk}/")
    _ready_for_offline(page)

    page.context.set_offline(True)
    for number, reps in enumerate(("12", "11", "10", "9", "8"), start=1):
        _log(page, "10", reps, f"Log set {number}")
    pending = page.get_by_test_id("pending-set")
    expect(pending).to_have_count(5)
    expect(page.get_by_test_id("outbox-count")).to_have_text("Offline · 5 sets not yet sent")
    assert pending.nth(0).text_content().count("not yet sent") == 1

    pending.nth(1).get_by_role("button", name="Edit").click()
    page.get_by_label("Reps").fill("15")
    page.get_by_role("button", name="Save unsent set").click()
    pending.nth(3).get_by_role("button", name="Delete").click()
    expect(pending.locator(".pending-amount")).to_have_text(
        ["+10 kg × 12", "+10 kg × 15", "+10 kg × 10", "+10 kg × 8"]
    )
    expect(page.get_by_test_id("outbox-count")).to_have_text("Offline · 4 sets not yet sent")
    assert page.get_by_role("button", name="Log set 5").is_visible(), "the next set is the fifth"
    assert page.locator("#rest-timer").is_visible(), "the rest runs for a set logged offline"
    assert page.get_by_label("Reps").input_value() == "8", "after the edit, the form is back at the next set"
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path="/tmp/offline-pending.png")
    assert Set.objects.count() == 0, "nothing reached the server"

    from django.core.signals import request_started

    asked: list[str] = []
    track = lambda sender, environ, **kw: asked.append(environ["PATH_INFO"])  # noqa: E731
    request_started.connect(track)
    page.reload()  # with the network still gone: the kept page and the outbox
    request_started.disconnect(track)
    assert asked == [], "the page came from the phone, not the server"
    assert page.get_by_role("heading", name="Back Extension").is_visible()
    expect(page.get_by_test_id("pending-set")).to_have_count(4)
    expect(page.get_by_test_id("outbox-count")).to_have_text("Offline · 4 sets not yet sent")
    assert page.locator("#rest-timer").is_visible(), "the rest timer survives the reload"
    sent_outbox = page.evaluate(READ_OUTBOX)
    assert [r["fields"]["reps"] for r in sent_outbox] == ["12", "15", "10", "8"]

    page.context.set_offline(False)
    _no_unsent_sets(page)
    page.get_by_test_id("set-row").nth(3).wait_for()
    assert _sets(workout) == [(Decimal(10), 12), (Decimal(10), 15), (Decimal(10), 10), (Decimal(10), 8)]
    keys = [str(k) for k in Set.objects.order_by("order").values_list("client_id", flat=True)]
    assert keys == [r["client_id"] for r in sent_outbox]
    assert page.get_by_test_id("pending-set").count() == 0

    for _ in range(2):  # the same outbox sent again, as a retry after lost answers would
        page.evaluate(REFILL_OUTBOX, sent_outbox)
        page.reload()  # sent on app start
        _no_unsent_sets(page)
        assert Set.objects.count() == 4
    assert _sets(workout)[1] == (Decimal(10), 15)


def test_a_set_whose_answer_was_lost_is_not_logged_twice_when_sent_again(
    browser: Any, live_server: Any, make_user: Callable[..., Any]
) -> None:
    from repbook.storage.models import Set
    from tests.conftest import PASSWORD

    make_user("alice")
    # No service worker here: Playwright's routes see only the page's own requests.
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, service_workers="block")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")
    workout = _open_workout()
    page.goto(f"/workouts/{workout.pk}/")

    answers: list[int] = []

    def lose_the_first_answer(route: Any) -> None:
        answer = route.fetch()  # the server receives the set and answers...
        answers.append(answer.status)
        if len(answers) == 1:
            route.abort("connectionreset")  # ...and the answer never reaches the phone
        else:
            route.fulfill(response=answer)

    page.route("**/api/v1/sets", lose_the_first_answer)
    context.set_offline(True)
    _log(page, "10", "12", "Log set 1")
    context.set_offline(False)
    _no_unsent_sets(page)
    page.get_by_test_id("set-row").first.wait_for()
    assert answers == [201, 200], "sent twice: logged by the first, found by the second"
    assert Set.objects.count() == 1
    context.close()


def test_repbook_is_installable_and_its_worker_controls_the_page(logged_in_page: Any) -> None:
    page = logged_in_page
    page.goto("/")
    manifest_url = page.locator("link[rel=manifest]").get_attribute("href")
    manifest = page.request.get(manifest_url)
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    body = manifest.json()
    assert body["name"] == "Repbook" and body["short_name"] == "Repbook"
    assert body["display"] == "standalone" and body["start_url"].startswith("/")
    assert (
        body["scope"] == "/"
        and body["theme_color"].startswith("#")
        and body["background_color"].startswith("#")
    )
    assert page.locator("meta[name=theme-color]").get_attribute("content") == body["theme_color"]
    sizes = set()
    for icon in body["icons"]:
        answer = page.request.get(icon["src"])
        assert answer.ok, icon["src"]
        if icon["type"] == "image/png":
            png = answer.body()
            assert png[:8] == b"\x89PNG\r\n\x1a\n"
            width, height = struct.unpack(">II", png[16:24])
            assert f"{width}x{height}" == icon["sizes"], icon["src"]
            sizes.add((icon["sizes"], icon["purpose"]))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes

    worker = page.request.get("/sw.js")
    assert "javascript" in worker.headers["content-type"]
    assert worker.headers["service-worker-allowed"] == "/"
    assert worker.headers["cache-control"] == "no-cache"
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    controller = page.evaluate(
        "navigator.serviceWorker.ready.then(r => [r.scope, navigator.serviceWorker.controller.scriptURL])"
    )
    assert controller == [page.url.split("?")[0].rstrip("/") + "/", page.url.rstrip("/") + "/sw.js"]


def test_a_page_not_kept_says_you_are_offline(logged_in_page: Any) -> None:
    page = logged_in_page
    workout = _open_workout()
    page.goto(f"/workouts/{workout.pk}/")
    _ready_for_offline(page)
    page.context.set_offline(True)
    page.goto("/tools/")
    expect(page.get_by_role("heading", name="You are offline")).to_be_visible()
    page.get_by_role("link", name="Go to the Log").click()
    assert page.get_by_role("heading", name="History").is_visible(), "the Log was kept"
    page.goto(f"/exercises/{'back-extension'}/")
    assert page.get_by_role("heading", name="Back Extension").first.is_visible(), "its exercise page was kept"


def test_a_set_sent_after_its_workout_was_finished_reopens_it_and_says_so(logged_in_page: Any) -> None:
    from repbook.services.workout.workout_entries import finish_workout
    from repbook.storage.models import User, Workout

    page = logged_in_page
    workout = _open_workout()
    page.goto(f"/workouts/{workout.pk}/")
    _ready_for_offline(page)
    page.context.set_offline(True)
    _log(page, "10", "12", "Log set 1")
    finish_workout(User.objects.get(username="alice"), workout.pk)  # on another device, meanwhile
    page.context.set_offline(False)
    _no_unsent_sets(page)
    expect(page.get_by_test_id("sync-note")).to_contain_text("reopened to keep 1 set")
    assert Workout.objects.get(pk=workout.pk).finished_at is None
    assert _sets(workout) == [(Decimal(10), 12)]


def test_a_set_the_server_refuses_stays_on_the_phone_marked_until_fixed(logged_in_page: Any) -> None:
    page = logged_in_page
    workout = _open_workout()
    page.goto(f"/workouts/{workout.pk}/")
    _ready_for_offline(page)
    page.context.set_offline(True)
    _log(page, "10", "500", "Log set 1")  # past the limit of reps with a load
    page.context.set_offline(False)
    refused = page.get_by_test_id("pending-set")
    expect(refused).to_contain_text("not accepted: reps")
    expect(page.get_by_test_id("outbox-count")).to_have_text("1 set not yet sent")
    assert _sets(workout) == []
    page.screenshot(path="/tmp/offline-refused.png")

    refused.get_by_role("button", name="Edit").click()
    page.get_by_label("Reps").fill("12")
    page.get_by_role("button", name="Save unsent set").click()
    _no_unsent_sets(page)
    page.get_by_test_id("set-row").first.wait_for()
    assert _sets(workout) == [(Decimal(10), 12)]


def test_a_set_form_that_cannot_reach_the_server_is_kept_not_lost(logged_in_page: Any) -> None:
    page = logged_in_page
    workout = _open_workout()
    page.goto(f"/workouts/{workout.pk}/")
    _ready_for_offline(page)
    # The phone believes it is online (a gym's Wi-Fi without a way out), so the form is sent as
    # usual, and the service worker finds the server unreachable.
    page.evaluate("() => Object.defineProperty(navigator, 'onLine', { get: () => true })")
    page.context.set_offline(True)
    _log(page, "10", "12", "Log set 1")
    page.wait_for_url(f"**/workouts/{workout.pk}/#entry-*")
    expect(page.get_by_test_id("pending-set")).to_have_count(1)
    expect(page.get_by_test_id("pending-set")).to_contain_text("+10 kg × 12")
    assert _sets(workout) == []

    page.context.set_offline(False)
    _no_unsent_sets(page)
    page.get_by_test_id("set-row").first.wait_for()
    assert _sets(workout) == [(Decimal(10), 12)]
