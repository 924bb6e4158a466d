"""The calculators page /tools/: public, one GET form per calculator, the user's unit and barbell."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.http import HttpResponse
from django.test import Client

from repbook.services.account.accounts import settings_for
from repbook.storage.models import User

pytestmark = pytest.mark.django_db


def visible(html: str) -> str:
    """Text as a reader sees it: tags dropped, white space folded, so phrases can be matched exactly."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


def text(response: HttpResponse) -> str:
    return visible(response.content.decode())


def section(response: HttpResponse, anchor: str) -> str:
    """The visible text of one calculator's section."""
    html = response.content.decode()
    start = html.index(f'<section class="panel" id="{anchor}">')
    return visible(html[start : html.index("</section>", start)])


def test_the_page_is_public_and_in_the_navigation(client: Client) -> None:
    response = client.get("/tools/")
    assert response.status_code == 200
    assert b'<a href="/tools/" class="topnav-link" aria-current="page">Tools</a>' in response.content
    assert "Calculators for the gym, in kg. Log in to use your own unit and barbell." in text(response)
    for anchor in ("e1rm", "rpe", "plates", "warmup", "convert", "score"):
        assert f'action="/tools/#{anchor}"'.encode() in response.content
    # Nothing was asked, so nothing is answered and no form complains.
    assert b"tool-result" not in response.content
    assert b"errorlist" not in response.content


def test_the_page_has_no_inline_script_or_style(client: Client) -> None:
    html = client.get("/tools/").content.decode()
    body = html[html.index("<main") :]
    assert "<script" not in body
    assert "style=" not in body


def test_one_rep_max_table_with_the_rpe_chart_estimate(client: Client) -> None:
    response = client.get("/tools/", {"e1rm-weight": "100", "e1rm-reps": "5", "e1rm-rpe": "8"})
    assert response.status_code == 200
    assert response.context["e1rm_result"]["rows"] == [
        ("epley", "Epley", "116.67"),
        ("brzycki", "Brzycki", "112.5"),
        ("lander", "Lander", "113.71"),
        ("lombardi", "Lombardi", "117.46"),
        ("mayhew", "Mayhew et al.", "119.01"),
        ("oconner", "O'Conner et al.", "112.5"),
        ("wathan", "Wathan", "116.58"),
    ]
    shown = section(response, "e1rm")
    assert "Estimated 1RM from 100 kg × 5:" in shown
    assert " Epley 116.67 kg " in shown
    assert " RPE chart, RPE 8 123.3 kg " in shown  # 100 / 0.811
    assert "Unreliable" not in shown


def test_one_rep_max_above_12_reps_is_marked_unreliable(client: Client) -> None:
    response = client.get("/tools/", {"e1rm-weight": "60", "e1rm-reps": "15", "e1rm-rpe": "7"})
    shown = section(response, "e1rm")
    assert " Epley 90 kg " in shown
    assert " RPE chart, RPE 7 off the chart " in shown
    assert "Unreliable: above 12 reps every estimate is a rough guess." in shown


def test_one_submission_leaves_the_other_calculators_alone(client: Client) -> None:
    response = client.get("/tools/", {"e1rm-weight": "100", "e1rm-reps": "5"})
    assert response.context["e1rm_result"] is not None
    for prefix in ("load", "plates", "warmup", "convert", "score"):
        assert not response.context[f"{prefix}_form"].is_bound
        assert response.context[f"{prefix}_result"] is None
    assert b"errorlist" not in response.content


def test_rpe_chart_and_load_for_an_rpe(client: Client) -> None:
    response = client.get("/tools/", {"load-e1rm": "150", "load-reps": "5", "load-rpe": "8"})
    chart = response.context["chart"]
    assert chart[0] == (1, ["100", "97.8", "95.5", "93.9", "92.2", "90.7", "89.2", "87.8", "86.3"])
    assert chart[4][1][4] == "81.1"  # 5 reps at RPE 8
    assert chart[11] == (12, ["68", "66.7", "65.3", "64", "62.6", "61.3", "59.9", "58.6", "–"])
    assert response.context["rpe_columns"] == ["10", "9.5", "9", "8.5", "8", "7.5", "7", "6.5", "6"]
    assert "5 reps at RPE 8: 121.65 kg (81.1 % of 1RM)" in section(response, "rpe")  # 150 × 0.811


def test_load_off_the_rpe_chart_is_a_form_error(client: Client) -> None:
    response = client.get("/tools/", {"load-e1rm": "150", "load-reps": "20", "load-rpe": "6"})
    assert response.status_code == 200
    assert response.context["load_form"].errors == {
        "reps": ["Off the RPE chart: reps + (10 − RPE) goes up to 15.5."]
    }
    assert response.context["load_result"] is None


def test_plates_per_side_on_the_standard_bar(client: Client) -> None:
    response = client.get("/tools/", {"plates-weight": "100"})
    assert response.context["plates_result"]["per_side"] == ["25", "15"]
    shown = section(response, "plates")
    assert "100 kg on a 20 kg bar, each side: 25 kg 15 kg" in shown
    assert "can't be made exactly" not in shown


def test_plates_that_cannot_be_made_exactly_or_are_below_the_bar(client: Client) -> None:
    inexact = section(client.get("/tools/", {"plates-weight": "100.5"}), "plates")
    assert (
        "100.5 kg can't be made exactly with 25, 20, 15, 10, 5, 2.5, 1.25, 0.5 kg plates: this loads"
        " 100 kg (0.5 kg short)." in inexact
    )
    below = section(client.get("/tools/", {"plates-weight": "15"}), "plates")
    assert "15 kg is below the 20 kg bar: the empty bar is the least." in below
    empty = section(client.get("/tools/", {"plates-weight": "20"}), "plates")
    assert "20 kg on a 20 kg bar, each side: nothing: the empty bar" in empty


def test_plates_with_another_bar_typed_in(client: Client) -> None:
    response = client.get("/tools/", {"plates-weight": "100", "plates-bar": "15"})
    assert response.context["plates_result"]["per_side"] == ["25", "15", "2.5"]


def test_warmup_sets(client: Client) -> None:
    response = client.get("/tools/", {"warmup-weight": "100"})
    assert response.context["warmup_result"]["sets"] == [
        ("20", 10, 20),
        ("40", 5, 40),
        ("60", 3, 60),
        ("80", 1, 80),
    ]
    shown = section(response, "warmup")
    assert "20 kg 10 20 % 40 kg 5 40 % 60 kg 3 60 % 80 kg 1 80 %" in shown
    assert "Then 100 kg." in shown
    at_bar = section(client.get("/tools/", {"warmup-weight": "20"}), "warmup")
    assert "No warm-up sets: 20 kg is not above the 20 kg bar." in at_bar


def test_unit_converter_both_ways(client: Client) -> None:
    to_lb = client.get("/tools/", {"convert-value": "100", "convert-unit": "kg"})
    assert "100 kg = 220.46 lb" in section(to_lb, "convert")
    to_kg = client.get("/tools/", {"convert-value": "225", "convert-unit": "lb"})
    assert "225 lb = 102.06 kg" in section(to_kg, "convert")


def test_strength_scores_side_by_side(client: Client) -> None:
    query = {"score-total": "500", "score-bodyweight": "90", "score-sex": "m", "score-event": "sbd"}
    response = client.get("/tools/", query)
    assert response.context["score_result"]["rows"] == [
        ("Wilks", "319.2"),
        ("Wilks 2020", "383.5"),
        ("DOTS", "323.3"),
        ("IPF GL", "66.47"),
    ]
    assert "Wilks 319.2 Wilks 2020 383.5 DOTS 323.3 IPF GL 66.47" in section(response, "score")
    bench = client.get(
        "/tools/", {**query, "score-total": "150", "score-event": "bench", "score-equipped": "on"}
    )
    assert bench.context["score_result"]["rows"][3] == ("IPF GL", "50.6")


@pytest.mark.parametrize(
    ("query", "field", "error"),
    [
        ({"e1rm-weight": "-100", "e1rm-reps": "5"}, "weight", "Enter a number above 0."),
        ({"e1rm-weight": "nan", "e1rm-reps": "5"}, "weight", "Enter a number."),
        ({"e1rm-weight": "inf", "e1rm-reps": "5"}, "weight", "Enter a number."),
        ({"e1rm-weight": "heavy", "e1rm-reps": "5"}, "weight", "Enter a number."),
        (
            {"e1rm-weight": "100", "e1rm-reps": "0"},
            "reps",
            "Ensure this value is greater than or equal to 1.",
        ),
        ({"e1rm-weight": "100", "e1rm-reps": "31"}, "reps", "Ensure this value is less than or equal to 30."),
        (
            {"e1rm-weight": "100", "e1rm-reps": "5", "e1rm-rpe": "8.3"},
            "rpe",
            "Enter an RPE in half steps, like 8 or 8.5.",
        ),
        (
            {"e1rm-weight": "100", "e1rm-reps": "5", "e1rm-rpe": "11"},
            "rpe",
            "Ensure this value is less than or equal to 10.",
        ),
        (
            {"e1rm-weight": "1e999", "e1rm-reps": "5"},
            "weight",
            "Ensure this value is less than or equal to 5000.",
        ),
        (
            {"e1rm-weight": "1.0001", "e1rm-reps": "5"},
            "weight",
            "Ensure that there are no more than 3 decimal places.",
        ),
    ],
)
def test_bad_input_is_shown_next_to_the_field(
    client: Client, query: dict[str, str], field: str, error: str
) -> None:
    response = client.get("/tools/", query)
    assert response.status_code == 200
    assert response.context["e1rm_form"].errors[field] == [error]
    assert response.context["e1rm_result"] is None
    assert (
        f'<ul class="errorlist" id="id_e1rm-{field}_error"><li>{error}</li></ul>' in response.content.decode()
    )


def test_other_calculators_refuse_bad_input_without_a_500(client: Client) -> None:
    cases = {
        "plates": {"plates-weight": "0"},
        "warmup": {"warmup-weight": "100", "warmup-bar": "-5"},
        "convert": {"convert-value": "10", "convert-unit": "stone"},
        "score": {"score-total": "500", "score-bodyweight": "0", "score-sex": "x", "score-event": "sbd"},
    }
    expected = {
        "plates": {"weight": ["Enter a number above 0."]},
        "warmup": {"bar": ["Ensure this value is greater than or equal to 0."]},
        "convert": {"unit": ["Select a valid choice. stone is not one of the available choices."]},
        "score": {
            "bodyweight": ["Enter a number above 0."],
            "sex": ["Select a valid choice. x is not one of the available choices."],
        },
    }
    for prefix, query in cases.items():
        response = client.get("/tools/", query)
        assert response.status_code == 200
        assert response.context[f"{prefix}_form"].errors == expected[prefix]
        assert response.context[f"{prefix}_result"] is None


def test_a_pound_user_sees_pounds_and_their_barbell(alice: User, alice_client: Client) -> None:
    prefs = settings_for(alice)
    prefs.unit = "lb"
    prefs.save()
    response = alice_client.get("/tools/", {"plates-weight": "225", "warmup-weight": "315"})
    page = text(response)
    assert "Calculators for the gym, in lb." in page
    assert "Log in" not in page
    assert "225 lb on a 45 lb bar, each side: 45 lb 45 lb" in section(response, "plates")
    assert "45 lb 10 14 % 125 lb 5 40 % 185 lb 3 60 % 250 lb 1 80 %" in section(response, "warmup")
    assert "Weight (lb)" in page


def test_the_plate_calculator_uses_the_users_own_bar(alice: User, alice_client: Client) -> None:
    prefs = settings_for(alice)
    prefs.bar_kg = Decimal(15)
    prefs.save()
    response = alice_client.get("/tools/", {"plates-weight": "100"})
    assert response.context["plates_result"]["per_side"] == ["25", "15", "2.5"]
    shown = section(response, "plates")
    assert "100 kg on a 15 kg bar, each side: 25 kg 15 kg 2.5 kg" in shown
    assert "Empty: 15 kg." in shown


def test_the_users_e1rm_formula_is_marked(alice: User, alice_client: Client) -> None:
    prefs = settings_for(alice)
    prefs.e1rm_formula = "brzycki"
    prefs.save()
    shown = section(alice_client.get("/tools/", {"e1rm-weight": "100", "e1rm-reps": "5"}), "e1rm")
    assert " Brzycki yours 112.5 kg " in shown
    assert shown.count("yours") == 1


def test_only_get_is_allowed(client: Client) -> None:
    assert client.post("/tools/", {"e1rm-weight": "100", "e1rm-reps": "5"}).status_code == 405
