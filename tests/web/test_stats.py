"""The progress page, the body-weight log, muscle targets, and progress on the exercise page."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from repbook.services.account.accounts import settings_for
from repbook.services.workout import body_weight
from repbook.storage.models import BodyWeight
from tests.services.stats_helpers import days_ago, lift

pytestmark = pytest.mark.django_db


def page(client: Client, path: str = "/stats/", **params: Any) -> str:
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_progress_page_needs_a_login() -> None:
    response = Client().get("/stats/")
    assert response.status_code == 302 and response["Location"] == "/login/?next=/stats/"


def test_progress_page_with_muscles_heat_map_lifts_and_advice(alice: Any, alice_client: Client) -> None:
    lift(alice, "back-extension", days_ago(0), "10", 12, times=3, felt_pain=True)
    lift(alice, "deadlift", days_ago(0), "100", 5, times=3)
    html = page(alice_client)
    assert 'data-testid="muscle-table"' in html and "Lower back" in html
    assert 'class="m m-heat-2" data-muscle="lower_back"' in html  # 6 sets: under the 10–20 target
    assert "Hard sets per week" in html and "<svg" in html
    # The estimate (116.67 kg) is shown to the plate: the nearest 2.5 kg.
    assert 'data-testid="best-lifts"' in html and ">117.5 kg<" in html and "116.67" not in html
    assert "one to two weeks off the back extension" in html
    assert 'data-testid="scores"' not in html and "Scores need your sex" in html
    assert page(alice_client, weeks="many").count('<option value="8" selected>') == 1  # bad input: default


def test_progress_page_says_each_advice_once_and_counts_whole_days(alice: Any, alice_client: Client) -> None:
    for week in range(1, 5):  # deadlifts once a week: several muscles trained on one day a week
        lift(alice, "deadlift", days_ago(week * 7), "100", 5, times=5)
    lift(alice, "deadlift", days_ago(0), "100", 5, times=2)
    html = page(alice_client)
    assert html.count("Consider splitting those sets") == 1  # one advice for every muscle it is about
    start = html.index('data-testid="muscle-table"')
    table = html[start : html.index("</table>", start)]
    days = [cells[-1] for cells in (row.split("<td>") for row in table.split("<tr>")[2:])]
    assert days and all(d.split("<")[0].strip().isdigit() for d in days), days
    assert "aim for 2" not in table


def test_another_users_sets_never_show(alice: Any, bob_client: Client) -> None:
    lift(alice, "deadlift", days_ago(0), "100", 5, times=3)
    html = page(bob_client)
    assert ">117.5 kg<" not in html and 'data-testid="muscle-table"' not in html


def test_progress_page_costs_the_same_for_a_long_history(alice: Any, alice_client: Client) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            page(alice_client)
        return len(queries)

    lift(alice, "deadlift", days_ago(1), "100", 5)
    body_weight.log_body_weight(alice, Decimal(80), "kg", days_ago(1))
    few = count()
    assert few <= 14  # session, user, settings and body weight once each (13 with no new exercise)
    for n in range(2, 40):
        lift(alice, "deadlift", days_ago(n * 5), "100", 5, times=2)
        lift(alice, "bench-press", days_ago(n * 5), "80", 8)
    # Only the count of new exercises' sessions drops out once no exercise is new.
    assert count() <= few


def test_body_weight_log_on_the_web(alice: Any, alice_client: Client, bob_client: Client) -> None:
    response = alice_client.post(
        "/stats/body-weight/", {"weight": "80.5", "unit": "kg", "date": days_ago(1).isoformat()}
    )
    assert response.status_code == 302
    assert BodyWeight.objects.get(owner=alice).weight_kg == Decimal("80.5")
    html = page(alice_client)
    assert "Latest 80.5 kg" in html and "Body weight" in html
    bad = alice_client.post("/stats/body-weight/", {"weight": "8", "unit": "kg"})
    assert bad.status_code == 422
    text = bad.content.decode()
    assert "must be between 20 and 400 kg" in text and 'value="8"' in text
    future = alice_client.post("/stats/body-weight/", {"weight": "80", "unit": "kg", "date": "2999-01-01"})
    assert future.status_code == 422 and "is in the future" in future.content.decode()
    assert alice_client.post("/stats/body-weight/", {"weight": "abc", "unit": "kg"}).status_code == 422
    day = days_ago(1).isoformat()
    assert bob_client.post(f"/stats/body-weight/{day}/delete/").status_code == 404
    assert alice_client.post("/stats/body-weight/not-a-date/delete/").status_code == 404
    assert alice_client.post(f"/stats/body-weight/{day}/delete/").status_code == 302
    assert not BodyWeight.objects.exists()


def test_strength_scores_appear_with_sex_body_weight_and_the_three_lifts(
    alice: Any, alice_client: Client
) -> None:
    for slug, weight in (("back-squat", "140"), ("bench-press", "100"), ("deadlift", "180")):
        lift(alice, slug, days_ago(2), weight, 1)
    body_weight.log_body_weight(alice, Decimal(80), "kg", days_ago(2))
    prefs = settings_for(alice)
    prefs.sex = "m"
    prefs.save()
    html = page(alice_client)
    assert 'data-testid="scores"' in html and "420 kg" in html


def test_muscle_targets(alice: Any, alice_client: Client) -> None:
    html = page(alice_client, "/stats/targets/")
    assert 'name="lats_low"' in html and 'value="10"' in html
    form = {f"{m}_{end}": v for m, end, v in [("lats", "low", 8), ("lats", "high", 16)]}
    from repbook.core.muscles import MUSCLES
    from repbook.core.stats.volume import DEFAULT_TARGETS

    data = {
        f"{m}_{end}": DEFAULT_TARGETS[m][i] for m in MUSCLES for i, end in enumerate(("low", "high"))
    } | form
    assert alice_client.post("/stats/targets/", data).status_code == 302
    assert settings_for(alice).muscle_targets == {"lats": [8, 16]}
    bad = alice_client.post("/stats/targets/", data | {"chest_low": 20, "chest_high": 10, "abs_high": 99})
    assert bad.status_code == 200
    text = bad.content.decode()
    assert "The high end must be at least the low end." in text and "less than or equal to 60" in text
    assert settings_for(alice).muscle_targets == {"lats": [8, 16]}
    assert alice_client.post("/stats/targets/", {"reset": "1"}).status_code == 302
    assert settings_for(alice).muscle_targets == {}


def test_exercise_page_shows_progress_to_its_owner_only(
    alice: Any, alice_client: Client, bob_client: Client
) -> None:
    lift(alice, "deadlift", days_ago(9), "100", 5, times=2)
    lift(alice, "deadlift", days_ago(2), "110", 5)
    lift(alice, "deadlift", days_ago(1), "60", 25)
    html = page(alice_client, "/exercises/deadlift/")
    assert 'data-testid="e1rm-chart"' in html and "Estimated 1RM of the deadlift" in html
    assert 'data-testid="best-e1rm">127.5 kg' in html  # 128.33 kg to the plate
    assert "more than 12 reps: a rough estimate" in html  # the 25-rep estimate is marked
    assert 'data-testid="rep-maxes"' in html and "heaviest weight 110 kg" in html
    theirs = page(bob_client, "/exercises/deadlift/")
    assert "127.5 kg" not in theirs and 'data-testid="e1rm-chart"' not in theirs
    assert "e1rm-chart" not in page(Client(), "/exercises/deadlift/")


def test_settings_choose_the_formula_and_secondary_count(alice: Any, alice_client: Client) -> None:
    html = page(alice_client, "/settings/")
    assert 'name="e1rm_formula"' in html and 'name="secondary_muscle_weight"' in html
    base = {
        "unit": "kg",
        "default_rest_s": 90,
        "sex": "",
        "e1rm_formula": "brzycki",
        "secondary_muscle_weight": "0.25",
    }
    assert alice_client.post("/settings/", base).status_code == 302
    prefs = settings_for(alice)
    assert (prefs.e1rm_formula, prefs.secondary_muscle_weight) == ("brzycki", Decimal("0.25"))
    bad = alice_client.post("/settings/", base | {"e1rm_formula": "guess", "secondary_muscle_weight": "2"})
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()
    assert settings_for(alice).e1rm_formula == "brzycki"


def test_home_page_reminds_of_pain(alice: Any, alice_client: Client) -> None:
    assert 'data-testid="caution"' not in page(alice_client, "/")
    lift(alice, "back-extension", days_ago(1), "10", 12, felt_pain=True)
    html = page(alice_client, "/")
    assert 'data-testid="caution"' in html and "one to two weeks off the back extension" in html


def _e1rm_points(html: str) -> int:
    chart = html[html.index('data-testid="e1rm-chart"') :]
    return int(re.search(r"(\d+) points?, ", chart).group(1))  # type: ignore[union-attr]


def test_exercise_charts_show_the_last_year_or_each_months_best_session(
    alice: Any, alice_client: Client
) -> None:
    """A long history's charts stay about a hundred points: the last year by default, all time as
    each month's best session."""
    old = days_ago(700).replace(day=3)  # two sessions in one month, two years ago
    days = [old, old.replace(day=8), days_ago(400), days_ago(30), days_ago(10)]
    for day, weight, times in zip(days, ("80", "90", "95", "100", "110"), (3, 1, 1, 1, 1), strict=True):
        lift(alice, "deadlift", day, weight, 5, times=times)
    recent = page(alice_client, "/exercises/deadlift/")
    assert _e1rm_points(recent) == 2 and 'data-testid="chart-span"' in recent
    assert "Estimated 1RM of the deadlift, per session" in recent
    everything = page(alice_client, "/exercises/deadlift/", range="all")
    assert "best session of each month" in everything
    assert _e1rm_points(everything) == len({(d.year, d.month) for d in days}) < len(days)
    # Each chart keeps the month's best by its own measure: the heaviest estimate, the most volume.
    charts = everything[everything.index('data-testid="e1rm-chart"') :]
    e1rm_part, volume_part = charts.split("Volume, best session of each month", 1)
    assert f"{old.day} {old:%b %Y}: " not in e1rm_part and "from 90 kg × 5" in e1rm_part
    assert f"{old.day} {old:%b %Y}: 1200 kg in 3 sets" in volume_part


def test_exercise_charts_fall_back_to_all_time_when_the_last_year_is_empty(
    alice: Any, alice_client: Client
) -> None:
    lift(alice, "deadlift", days_ago(500), "100", 5)
    lift(alice, "deadlift", days_ago(450), "105", 5)
    html = page(alice_client, "/exercises/deadlift/")
    assert _e1rm_points(html) == 2 and "best session of each month" in html


def test_last_workouts_list_the_newest_even_after_a_workout_of_many_sets(
    alice: Any, alice_client: Client
) -> None:
    oldest = lift(alice, "deadlift", days_ago(20), "100", 5)[0].workout_id
    for n in (15, 10, 5, 3, 2):
        lift(alice, "deadlift", days_ago(n), "100", 5)
    long = lift(alice, "deadlift", days_ago(1), "60", 3, times=40)[0].workout_id
    html = page(alice_client, "/exercises/deadlift/")
    last = html[html.index("Last workouts") :]
    last = last[: last.index("</ul>")]
    assert last.count("<li>") == 5  # the five newest workouts, not only the long one
    assert last.index(f"/workouts/{long}/") < last.index("and 28 more sets") < last.index("</li>")
    assert f"/workouts/{oldest}/" not in last
