"""The log on the web: pages, forms, owner checks on every route."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client

from repbook.services.workout.workouts import SetInput, log_set
from repbook.storage.models import Set, Workout, WorkoutExercise

pytestmark = pytest.mark.django_db


@pytest.fixture
def workout(alice) -> Workout:
    row = log_set(alice, SetInput("back-extension", reps=12))
    log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(100)))
    return row.workout


def test_start_add_log_finish(alice_client: Client) -> None:
    response = alice_client.post("/workouts/start/")
    workout = Workout.objects.get()
    assert response["Location"] == f"/workouts/{workout.pk}/"
    alice_client.post(f"/workouts/{workout.pk}/add/", {"exercise": "back-extension"})
    entry = WorkoutExercise.objects.get()
    url = f"/workouts/{workout.pk}/entries/{entry.pk}/sets/"
    alice_client.post(url, {"unit": "kg", "reps": "12", "set_type": "working"})
    alice_client.post(url, {"unit": "kg", "reps": "12", "weight": "10"})
    page = alice_client.get(f"/workouts/{workout.pk}/")
    assert [s.weight_kg for s in page.context["page"].entries[0].sets] == [None, Decimal(10)]
    assert page.context["page"].entries[0].next_set.weight == Decimal(10)
    assert page.context["rest_until_ms"] is not None
    summary = alice_client.post(f"/workouts/{workout.pk}/finish/", follow=True)
    assert summary.context["summary"].set_count == 2
    assert Workout.objects.get().finished_at is not None


def test_bad_set_values_are_reported_and_nothing_saved(alice_client: Client, workout: Workout) -> None:
    entry = workout.entries.get(exercise__slug="deadlift")
    response = alice_client.post(
        f"/workouts/{workout.pk}/entries/{entry.pk}/sets/",
        {"unit": "kg", "reps": "5", "weight": "-40"},
        follow=True,
    )
    assert "weight: cannot be negative" in response.content.decode()
    assert Set.objects.filter(workout_exercise=entry).count() == 1


def test_prefill_shows_last_time(alice, alice_client: Client, workout: Workout) -> None:
    Workout.objects.filter(pk=workout.pk).update(started_at=workout.started_at.replace(year=2025))
    Set.objects.filter(workout=workout).update(performed_at=workout.started_at.replace(year=2025))
    today = log_set(alice, SetInput("back-extension", reps=10)).workout
    page = alice_client.get(f"/workouts/{today.pk}/").context["page"]
    view = page.entries[0]
    assert [s.reps for s in view.last_sets] == [12]
    assert view.next_set.number == 2


def test_quick_log_on_the_page(alice_client: Client, workout: Workout) -> None:
    alice_client.post(f"/workouts/{workout.pk}/quick/", {"text": "Pull-up 3x8 +5kg"})
    assert Set.objects.filter(workout=workout, exercise__slug="pull-up").count() == 3
    bad = alice_client.post(f"/workouts/{workout.pk}/quick/", {"text": "Pull-up 3x8 +5kgg"}, follow=True)
    assert "could not read" in bad.content.decode()
    assert Set.objects.filter(workout=workout, exercise__slug="pull-up").count() == 3


def test_reorder_superset_repeat(alice_client: Client, workout: Workout) -> None:
    first, second = workout.entries.order_by("order")
    alice_client.post(f"/entries/{second.pk}/move/up/")
    assert list(workout.entries.order_by("order").values_list("pk", flat=True)) == [second.pk, first.pk]
    alice_client.post(f"/entries/{second.pk}/superset/")
    assert set(workout.entries.values_list("superset_group", flat=True)) == {"A"}
    resumed = alice_client.post(f"/workouts/{workout.pk}/repeat/")
    assert resumed["Location"] == f"/workouts/{workout.pk}/", "one open workout: repeating resumes it"
    alice_client.post(f"/workouts/{workout.pk}/finish/")
    copy = alice_client.post(f"/workouts/{workout.pk}/repeat/")
    new = Workout.objects.exclude(pk=workout.pk).get()
    assert copy["Location"] == f"/workouts/{new.pk}/"
    assert list(new.entries.order_by("order").values_list("exercise__slug", "superset_group")) == [
        ("deadlift", "A"),
        ("back-extension", "A"),
    ]


def test_history_lists_workouts_with_volume(alice_client: Client, workout: Workout) -> None:
    response = alice_client.get("/workouts/")
    assert response.status_code == 200
    assert "volume 500 kg" in response.content.decode()
    assert alice_client.get("/workouts/", {"month": "2026-13"}).status_code == 200


def test_edit_and_delete_a_set(alice_client: Client, workout: Workout) -> None:
    row = Set.objects.get(exercise__slug="deadlift")
    alice_client.post(
        f"/sets/{row.pk}/edit/", {"weight": "105", "reps": "5", "set_type": "working", "side": "both"}
    )
    row.refresh_from_db()
    assert row.weight_kg == Decimal(105)
    bad = alice_client.post(f"/sets/{row.pk}/edit/", {"weight": "105", "reps": "5", "rpe": "14"})
    assert bad.status_code == 200 and "rpe" in bad.context["form"].errors
    alice_client.post(f"/sets/{row.pk}/delete/")
    assert not Set.objects.filter(pk=row.pk).exists()


def test_another_user_gets_404_on_every_log_route(bob_client: Client, workout: Workout) -> None:
    entry = workout.entries.first()
    row = Set.objects.filter(workout=workout).first()
    assert entry is not None and row is not None
    gets = [f"/workouts/{workout.pk}/", f"/workouts/{workout.pk}/summary/", f"/sets/{row.pk}/edit/"]
    posts = [
        f"/workouts/{workout.pk}/add/",
        f"/workouts/{workout.pk}/entries/{entry.pk}/sets/",
        f"/workouts/{workout.pk}/quick/",
        f"/workouts/{workout.pk}/edit/",
        f"/workouts/{workout.pk}/finish/",
        f"/workouts/{workout.pk}/repeat/",
        f"/workouts/{workout.pk}/delete/",
        f"/entries/{entry.pk}/move/up/",
        f"/entries/{entry.pk}/superset/",
        f"/sets/{row.pk}/edit/",
        f"/sets/{row.pk}/delete/",
    ]
    for url in gets:
        assert bob_client.get(url).status_code == 404, url
    for url in posts:
        assert (
            bob_client.post(
                url, {"exercise": "deadlift", "text": "Deadlift 3x5 @ 100", "reps": "1"}
            ).status_code
            == 404
        ), url
    assert Set.objects.filter(workout=workout).count() == 2
    assert Workout.objects.get(pk=workout.pk).finished_at is None
    assert "Workout" not in bob_client.get("/workouts/").content.decode().split("Recent workouts")[1]


def test_anonymous_is_sent_to_log_in(client: Client, workout: Workout) -> None:
    for url in ("/workouts/", f"/workouts/{workout.pk}/"):
        assert client.get(url)["Location"].startswith("/login/")


def test_logging_page_queries_do_not_grow_with_sets(alice, alice_client: Client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(workout_id: int) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert alice_client.get(f"/workouts/{workout_id}/").status_code == 200
        return len(queries)

    first = log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(100))).workout_id
    log_set(alice, SetInput("back-extension", reps=12))
    small = count(first)
    for _ in range(6):
        log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(100)))
        log_set(alice, SetInput("back-extension", reps=12))
    assert count(first) == small <= 12


def test_pound_users_get_pound_plates(alice, alice_client: Client) -> None:
    alice.repbook_settings.unit = "lb"
    alice.repbook_settings.save()
    workout = log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(225), unit="lb")).workout
    view = alice_client.get(f"/workouts/{workout.pk}/").context["page"].entries[0]
    assert view.next_set.weight == Decimal(225)
    assert view.plates.plates == "45 + 45"
    assert view.plates.warmup.startswith("45 × 10, ")
    assert view.plates.plate_list == "45 35 25 10 5 2.5"


def test_felt_pain_is_saved_with_the_set(alice_client: Client, workout: Workout) -> None:
    entry = workout.entries.get(exercise__slug="back-extension")
    alice_client.post(
        f"/workouts/{workout.pk}/entries/{entry.pk}/sets/", {"unit": "kg", "reps": "10", "felt_pain": "on"}
    )
    assert Set.objects.filter(workout_exercise=entry).order_by("order").last().felt_pain


def test_starting_three_times_opens_one_workout_and_today_offers_resume(alice_client: Client) -> None:
    locations = {alice_client.post("/workouts/start/")["Location"] for _ in range(3)}
    workout = Workout.objects.get()
    assert locations == {f"/workouts/{workout.pk}/"}
    alice_client.post(f"/workouts/{workout.pk}/quick/", {"text": "Deadlift 2x5 @ 100kg"})
    for page in ("/", "/workouts/"):
        html = alice_client.get(page).content.decode()
        assert "Resume workout" in html and "2 sets so far" in html and "Deadlift: 2 sets" in html
    log_page = alice_client.get("/workouts/").content.decode()
    assert "Start a workout" not in log_page and ">Repeat<" not in log_page


def test_an_unusual_set_is_asked_about_first_and_an_absurd_one_refused(
    alice_client: Client, workout: Workout
) -> None:
    entry = workout.entries.get(exercise__slug="deadlift")
    url = f"/workouts/{workout.pk}/entries/{entry.pk}/sets/"
    asked = alice_client.post(url, {"unit": "kg", "reps": "45", "weight": "100", "notes": "grip"})
    assert asked.status_code == 200
    html = asked.content.decode()
    assert "45 reps with a load is unusual (more than 30)" in html and "Yes, log it" in html
    assert Set.objects.filter(workout_exercise=entry).count() == 1, "nothing saved before the answer"
    confirmed = [(u.field, u.message) for u in asked.context["unusual"]]
    assert confirmed == [("reps", "45 reps with a load is unusual (more than 30)")]
    alice_client.post(url, {**dict(asked.context["posted"]), "confirmed": "1"})
    row = Set.objects.filter(workout_exercise=entry).latest("order")
    assert (row.reps, row.weight_kg, row.notes) == (45, Decimal(100), "grip")

    refused = alice_client.post(
        url, {"unit": "kg", "reps": "500", "weight": "100", "confirmed": "1"}, follow=True
    )
    assert "reps: must be from 0 to 100 in a set with a load. Nothing was saved." in refused.content.decode()
    assert Set.objects.filter(workout_exercise=entry).count() == 2


def test_a_start_while_a_workout_is_open_says_it_resumed(alice, alice_client: Client) -> None:
    from repbook.services.program.programs import start_program

    start_program(alice, "back-workout")
    first = alice_client.post("/programs/next/start/")
    workout = Workout.objects.get()
    assert "You have a workout open" not in alice_client.get(first["Location"]).content.decode()
    for start in ("/workouts/start/", "/programs/next/start/"):
        again = alice_client.post(start, follow=True)
        assert again.redirect_chain[-1][0] == f"/workouts/{workout.pk}/"
        assert "You have a workout open: here it is. Finish it to start another." in again.content.decode()
    next_page = alice_client.get("/programs/next/").content.decode()
    assert "Resume workout" in next_page and 'data-testid="start-workout"' not in next_page
    assert Workout.objects.count() == 1


def test_finishing_asks_first_and_works_without_javascript(alice_client: Client, workout: Workout) -> None:
    asked = alice_client.get(f"/workouts/{workout.pk}/finish/")
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Finish this workout?" in page
    assert f'action="/workouts/{workout.pk}/finish/"' in page and 'method="post"' in page
    assert Workout.objects.get(pk=workout.pk).is_open, "asking changes nothing"
    detail = alice_client.get(f"/workouts/{workout.pk}/").content.decode()
    assert f'href="/workouts/{workout.pk}/finish/"' in detail, "the page's Finish leads to the question"


def test_a_finished_workout_shows_its_sets_edit_and_reopen_but_no_log_form(
    alice_client: Client, workout: Workout
) -> None:
    alice_client.post(f"/workouts/{workout.pk}/finish/")
    page = alice_client.get(f"/workouts/{workout.pk}/").content.decode()
    assert "Log set" not in page and "data-log-set" not in page
    assert "Quick log" not in page and "Add an exercise" not in page
    assert page.count('data-testid="set-row"') == 2
    assert "Edit set" in page
    assert f'action="/workouts/{workout.pk}/reopen/"' in page


def test_reopen_on_the_web(alice_client: Client, workout: Workout) -> None:
    alice_client.post(f"/workouts/{workout.pk}/finish/")
    response = alice_client.post(f"/workouts/{workout.pk}/reopen/", follow=True)
    assert response.redirect_chain[-1][0] == f"/workouts/{workout.pk}/"
    assert Workout.objects.get(pk=workout.pk).is_open
    assert "Log set" in response.content.decode()


def test_reopen_while_another_is_open_says_which(alice_client: Client, workout: Workout) -> None:
    alice_client.post(f"/workouts/{workout.pk}/finish/")
    alice_client.post("/workouts/start/", {"name": "Evening"})
    other = Workout.objects.get(name="Evening")
    response = alice_client.post(f"/workouts/{workout.pk}/reopen/", follow=True)
    page = response.content.decode()
    assert "another workout is open" in page
    assert f'href="/workouts/{other.pk}/"' in page
    assert not Workout.objects.get(pk=workout.pk).is_open


def test_the_summary_page_shows_the_numbers_records_next_workout_and_reopen(
    alice, alice_client: Client
) -> None:
    from repbook.services.program.programs import start_next_workout, start_program

    start_program(alice, "back-workout")
    first = start_next_workout(alice)
    log_set(alice, SetInput("deadlift", Decimal(20), reps=5, workout=first.pk))
    alice_client.post(f"/workouts/{first.pk}/finish/")
    Workout.objects.filter(pk=first.pk).update(
        started_at=first.started_at - timedelta(days=3), finished_at=first.started_at - timedelta(days=3)
    )
    second = start_next_workout(alice)
    log_set(alice, SetInput("deadlift", Decimal(25), reps=5, workout=second.pk))
    response = alice_client.post(f"/workouts/{second.pk}/finish/", follow=True)
    page = response.content.decode()
    assert "Workout finished" in page and " done</h1>" not in page
    assert 'data-testid="summary-volume">125 kg<' in page
    assert "heaviest weight 25 kg (was 20 kg)" in page
    assert 'data-testid="next-workout"' in page and "Why:" in page
    assert 'href="/programs/next/"' in page
    assert f'action="/workouts/{second.pk}/reopen/"' in page


def test_a_superset_goes_to_the_next_exercise_without_rest_and_rests_after_the_round(
    alice_client: Client, workout: Workout
) -> None:
    first, second = workout.entries.order_by("order")
    alice_client.post(f"/entries/{first.pk}/superset/")
    sets = "/workouts/{}/entries/{}/sets/"
    form = {"unit": "kg", "reps": "5", "weight": "100", "set_type": "working"}

    after_a1 = alice_client.post(sets.format(workout.pk, first.pk), form)
    assert after_a1["Location"] == f"/workouts/{workout.pk}/#entry-{second.pk}"
    assert alice_client.get(f"/workouts/{workout.pk}/").context["rest_until_ms"] is None
    after_a2 = alice_client.post(sets.format(workout.pk, second.pk), form)
    assert after_a2["Location"] == f"/workouts/{workout.pk}/#entry-{first.pk}"
    assert alice_client.get(f"/workouts/{workout.pk}/").context["rest_until_ms"] is not None


def test_pairing_a_27th_superset_works(alice, alice_client: Client) -> None:
    workout = alice_client.post("/workouts/start/")
    created = Workout.objects.get()
    for _ in range(54):
        alice_client.post(f"/workouts/{created.pk}/add/", {"exercise": "deadlift"})
    entries = list(created.entries.order_by("order"))
    for first in entries[::2]:
        response = alice_client.post(f"/entries/{first.pk}/superset/")
        assert response.status_code == 302
    page = alice_client.get(f"/workouts/{created.pk}/").content.decode()
    assert "Superset AA" in page
    assert workout.status_code == 302


def test_the_edit_set_page_shows_the_weight_as_typed_and_only_the_fields_the_exercise_uses(
    alice, alice_client
) -> None:
    from repbook.services.workout.workouts import SetInput, log_set

    row = log_set(alice, SetInput("dumbbell-row", Decimal("30"), reps=10))
    page = alice_client.get(f"/sets/{row.pk}/edit/").content.decode()
    assert 'name="weight" value="30"' in page and "30.000" not in page
    assert 'name="reps"' in page
    assert 'name="duration_s"' not in page and 'name="distance_m"' not in page
    plank = log_set(alice, SetInput("plank", None, duration_s=60))
    page = alice_client.get(f"/sets/{plank.pk}/edit/").content.decode()
    assert 'name="duration_s"' in page and 'name="reps"' not in page
    saved = alice_client.post(f"/sets/{plank.pk}/edit/", {"duration_s": "75", "set_type": "working"})
    assert saved.status_code == 302
    plank.refresh_from_db()
    assert plank.duration_s == 75 and plank.reps is None


def test_set_rows_show_each_sets_number_side_type_effort_and_pain(alice_client: Client, alice) -> None:
    """The rows are written in Python (repbook.set_rows): each cell as the lifter reads it."""
    first = log_set(alice, SetInput("bulgarian-split-squat", weight=Decimal(20), reps=8, set_type="warmup"))
    opened = first.workout_id
    for data in (
        SetInput("bulgarian-split-squat", weight=Decimal(40), reps=10, side="left", rpe=Decimal("8.5")),
        SetInput("bulgarian-split-squat", weight=Decimal(40), reps=9, side="right", rir=1, felt_pain=True),
        SetInput("bulgarian-split-squat", weight=Decimal(88), unit="lb", reps=6, set_type="failure"),
    ):
        log_set(alice, SetInput(**{**data.__dict__, "workout": opened}))
    page = re.sub(r">\s+<", "><", alice_client.get(f"/workouts/{opened}/").content.decode())
    rows = [row.split("</tr>")[0] for row in page.split('<tr class="set-row')[1:]]
    ids = list(Set.objects.filter(workout_id=opened).order_by("order").values_list("pk", flat=True))
    edit = '<td><a class="edit-link" href="/sets/{}/edit/" aria-label="Edit set {}">Edit</a></td>'
    assert rows == [
        ' warmup" data-testid="set-row"><td><abbr class="set-type set-type-warmup" title="Warm-up" '
        'data-testid="set-type">W</abbr></td><td>+20 kg</td><td>8</td><td></td>'
        '<td class="wide-only">Warm-up</td>' + edit.format(ids[0], 1),
        '" data-testid="set-row"><td>1 L</td><td>+40 kg</td><td>10</td><td>8.5</td>'
        '<td class="wide-only">Working</td>' + edit.format(ids[1], 2),
        '" data-testid="set-row"><td>2 R</td><td>+40 kg</td><td>9</td><td>RIR 1</td>'
        '<td class="wide-only">Working ⚠ pain</td>' + edit.format(ids[2], 3),
        '" data-testid="set-row"><td>3 <abbr class="set-type set-type-failure" title="Failure" '
        'data-testid="set-type">F</abbr></td><td>+39.92 kg</td><td>6</td><td></td>'
        '<td class="wide-only">Failure</td>' + edit.format(ids[3], 4),
    ]
