"""The directory and exercise pages on the web: public, fast, complete; custom exercises private."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from repbook.core.equipment import can_do
from repbook.core.muscles import MUSCLES
from repbook.storage.models import Exercise, UserSettings
from repbook.web.bodymap import muscles_drawn
from tests.conftest import STATS_DEFAULTS

pytestmark = pytest.mark.django_db


def test_directory_is_public_grouped_by_muscle_and_cheap(client: Client) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/exercises/")
    assert response.status_code == 200
    assert len(queries) <= 4, [q["sql"] for q in queries]
    html = response.content.decode()
    assert 'id="group-lower_back"' in html and 'id="group-chest"' in html
    assert response.context["directory"].total >= 150


def test_filter_by_lower_back_puts_back_extension_first_class(client: Client) -> None:
    response = client.get("/exercises/", {"muscle": "lower_back"})
    main, *rest = response.context["directory"].groups
    assert "back-extension" in {c.facts.slug for c in main.cards}
    assert all("lower_back" in c.facts.primary for c in main.cards)
    assert all("lower_back" in c.facts.secondary for g in rest for c in g.cards)


def test_typo_tolerant_search_by_alias(client: Client) -> None:
    response = client.get("/exercises/", {"q": "hyperextenson"})
    cards = response.context["directory"].groups[0].cards
    assert cards[0].facts.slug == "back-extension"


def test_filters_combine_and_bad_values_are_ignored(client: Client) -> None:
    response = client.get("/exercises/", {"equipment": "kettlebell", "pattern": "hinge", "level": "nonsense"})
    assert response.status_code == 200
    cards = [c for g in response.context["directory"].groups for c in g.cards]
    assert cards and all("kettlebell" in c.facts.equipment and c.facts.pattern == "hinge" for c in cards)


def test_htmx_requests_get_only_the_results(client: Client) -> None:
    response = client.get("/exercises/", {"q": "squat"}, headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b"Back Squat" in response.content


def test_back_extension_page_has_every_section(client: Client) -> None:
    response = client.get("/exercises/back-extension/")
    assert response.status_code == 200
    html = response.content.decode()
    for section in (
        "muscles",
        "introduction",
        "how-to",
        "benefits",
        "variations",
        "alternatives",
        "recommendations",
        "faq",
    ):
        assert f'id="{section}"' in html, section
    assert re.search(r'class="m m-primary" data-muscle="lower_back"', html)
    assert re.search(r'class="m m-secondary" data-muscle="glutes"', html)
    assert re.search(r'class="m m-secondary" data-muscle="hamstrings"', html)
    assert not re.search(r'class="m m-primary" data-muscle="(?!lower_back)', html)
    assert 'href="/exercises/floor-back-extension/"' in html
    assert "2–3" in html and "10–12" in html


def test_unknown_exercise_is_404(client: Client) -> None:
    assert client.get("/exercises/no-such-lift/").status_code == 404


def test_every_muscle_group_is_drawn_on_the_body_map() -> None:
    assert muscles_drawn() == set(MUSCLES)


def test_computed_alternatives_follow_the_users_equipment(alice_client: Client, alice) -> None:
    everything = alice_client.get("/exercises/back-extension/").context["page"].computed
    assert any("barbell" in c.equipment for c in everything)
    saved = alice_client.post(
        "/settings/",
        {"unit": "kg", "bar_kg": "20", "default_rest_s": "90", "equipment": ["bodyweight", "dumbbell"]}
        | STATS_DEFAULTS,
    )
    assert saved.status_code == 302
    assert UserSettings.objects.get(owner=alice).equipment == ["bodyweight", "dumbbell"]
    limited = alice_client.get("/exercises/back-extension/").context["page"].computed
    # Only what bodyweight and dumbbells can do (core.equipment's rule: a lunge listing dumbbells and
    # a barbell needs one of them); a barbell-only lift is gone.
    assert limited and all(can_do(c.equipment, {"bodyweight", "dumbbell"}) for c in limited)
    assert any(not can_do(c.equipment, {"bodyweight", "dumbbell"}) for c in everything)


CUSTOM = {
    "name": "Sandbag Shouldering",
    "primary_muscles": ["glutes", "lower_back"],
    "secondary_muscles": ["traps"],
    "equipment": ["bodyweight"],
    "pattern": "full_body",
    "level": "intermediate",
    "mechanics": "compound",
    "measure": "reps",
    "bodyweight_fraction": "0",
    "steps": "Squat to the bag.\nLap it.\nStand and shoulder it.",
}


def test_custom_exercise_is_private_to_its_owner(
    alice_client: Client, bob_client: Client, client: Client
) -> None:
    response = alice_client.post("/exercises/new/", CUSTOM)
    assert response.status_code == 302
    url = response["Location"]
    assert url == "/exercises/sandbag-shouldering/"
    page = alice_client.get(url)
    assert b"Sandbag Shouldering" in page.content and b"Lap it." in page.content
    assert bob_client.get(url).status_code == 404
    assert client.get(url).status_code == 404
    assert b"Sandbag" not in bob_client.get("/exercises/", {"q": "sandbag"}).content
    assert bob_client.get(url + "edit/").status_code == 404
    assert bob_client.post(url + "delete/").status_code == 404
    assert Exercise.objects.filter(slug="sandbag-shouldering").exists()


def test_directory_cards_escape_what_the_user_typed(alice_client: Client) -> None:
    """The cards are written in Python (repbook.exercise_cards), not by the template language:
    a custom exercise's name still comes out as text, with its "yours" tag and the page's link."""
    response = alice_client.post("/exercises/new/", CUSTOM | {"name": 'Bag <b onmouseover="x">& "carry"'})
    assert response.status_code == 302
    slug = response["Location"].split("/")[2]
    html = alice_client.get("/exercises/").content.decode()
    assert "<b onmouseover" not in html
    card = html[html.index(f'href="/exercises/{slug}/"') :].split("</li>", 1)[0]
    assert "<strong>Bag &lt;b onmouseover=&quot;x&quot;&gt;&amp; &quot;carry&quot;</strong>" in card
    assert '<span class="tag">yours</span>' in card
    assert '<span class="meta">Intermediate · Full body</span>' in card
    found = alice_client.get("/exercises/", {"q": "military press"}).content.decode()
    assert "also called" in found


def test_custom_exercise_errors_name_the_field(alice_client: Client) -> None:
    response = alice_client.post(
        "/exercises/new/", CUSTOM | {"primary_muscles": [], "bodyweight_fraction": "7"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"primary_muscles", "bodyweight_fraction"}
    duplicate = alice_client.post("/exercises/new/", CUSTOM | {"name": "Deadlift"})
    assert "already exists" in str(duplicate.context["form"].errors["name"])


def test_custom_exercise_edit_and_delete(alice_client: Client) -> None:
    alice_client.post("/exercises/new/", CUSTOM)
    edited = alice_client.post("/exercises/sandbag-shouldering/edit/", CUSTOM | {"level": "advanced"})
    assert edited.status_code == 302
    assert Exercise.objects.get(slug="sandbag-shouldering").level == "advanced"
    assert alice_client.post("/exercises/sandbag-shouldering/delete/").status_code == 302
    assert not Exercise.objects.filter(slug="sandbag-shouldering").exists()


def test_catalog_exercises_cannot_be_edited_or_deleted(alice_client: Client) -> None:
    assert alice_client.get("/exercises/deadlift/edit/").status_code == 404
    assert alice_client.post("/exercises/deadlift/delete/").status_code == 404


def test_logged_in_users_see_their_own_history(alice, alice_client: Client, bob_client: Client) -> None:
    from decimal import Decimal

    from repbook.services.workout.workouts import SetInput, log_set

    log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(140)))
    log_set(alice, SetInput("deadlift", reps=3, weight=Decimal(150)))
    mine = alice_client.get("/exercises/deadlift/").content.decode()
    assert 'id="your-history"' in mine and "150 kg × 3" in mine
    theirs = bob_client.get("/exercises/deadlift/").content.decode()
    assert "150 kg" not in theirs and "not logged this exercise yet" in theirs
    assert 'id="your-history"' not in Client().get("/exercises/deadlift/").content.decode()


def test_history_on_the_exercise_page_costs_the_same_for_long_histories(alice, alice_client: Client) -> None:
    from decimal import Decimal

    from repbook.services.workout.workouts import SetInput, log_set

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            alice_client.get("/exercises/deadlift/")
        return len(queries)

    log_set(alice, SetInput("deadlift", reps=5, weight=Decimal(100)))
    count()  # a process's first page also reads the catalog's list, which it keeps
    few = count()
    assert few <= 13  # the page, the user's settings once, progress, pain advice, last workouts
    for reps in range(1, 20):
        log_set(alice, SetInput("deadlift", reps=reps, weight=Decimal(100)))
    assert count() == few
    context = alice_client.get("/exercises/deadlift/").context
    assert context["stats"].logged == 20 and len(context["recent"]) == 1
    best = context["stats"].best.best
    assert (best.load_kg, best.reps) == (100, 12)  # the reliable estimate wins over 19 reps


def test_add_to_todays_workout_from_an_exercise_page(alice, alice_client) -> None:
    from repbook.storage.models import Workout

    page = alice_client.get("/exercises/back-extension/").content.decode()
    assert "Add to today&#x27;s workout" in page or "Add to today's workout" in page
    first = alice_client.post("/exercises/back-extension/add-to-workout/")
    workout = Workout.objects.get(owner=alice, finished_at__isnull=True)
    entry = workout.entries.get()
    assert first["Location"] == f"/workouts/{workout.pk}/#entry-{entry.pk}"
    again = alice_client.post("/exercises/back-extension/add-to-workout/")
    assert again["Location"] == first["Location"], "already there: no second entry"
    alice_client.post("/exercises/deadlift/add-to-workout/")
    assert [e.exercise.slug for e in workout.entries.order_by("order")] == ["back-extension", "deadlift"]
    assert Workout.objects.filter(owner=alice).count() == 1
    assert alice_client.post("/exercises/no-such-thing/add-to-workout/").status_code == 404


def test_exercise_page_shows_its_start_and_end_position(client: Client) -> None:
    html = client.get("/exercises/deadlift/").content.decode()
    section = html[html.index('id="positions"') : html.index('id="muscles"')]
    assert section.count("<svg") == 2
    assert (
        "<title" in section
        and "Deadlift: start position" in section
        and "Deadlift: lockout position" in section
    )
    assert 'id="pose-play"' in section  # the two positions differ, so the movement can be shown
    assert "<script" not in section and "http://" not in section.replace("http://www.w3.org/2000/svg", "")
