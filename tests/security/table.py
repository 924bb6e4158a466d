"""The declared authorization matrix: one rule per route, saying how the tests check who may use it.

Kinds:
- `public`: anyone may use it; the comment says why. Its pages must still show nothing of a user's.
- `admin`: the Django admin; only staff get past its login page.
- `owned`: the URL names one of the user's objects (id, slug or day). Another user gets 404 for every
  method, an anonymous visitor the login page (web) or 401 (API), and the object stays as it was.
- `own-data`: no object in the URL: the route reads or writes the caller's own data. Another user's
  responses never show the first user's data, their writes change only their own account.

`routes.discovered_routes()` must list exactly the routes declared here: a new route fails the test
until it has a rule, and a rule for a route that is gone fails too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from repbook.core.muscles import MUSCLES
from repbook.core.stats.volume import DEFAULT_TARGETS
from tests.conftest import PASSWORD, STATS_DEFAULTS
from tests.security.objects import BY_HAND, PROGRAM_TEXT

Kind = Literal["public", "admin", "owned", "own-data"]
#: What an anonymous visitor gets: the login page (401 in the API), a 404 (a public route asked for
#: someone's private object), or the public page itself.
Anonymous = Literal["login", "404", "public"]

#: A request body that is the import upload (a real export file), not a dict of fields.
UPLOAD: dict[str, Any] = {"__upload__": True}


@dataclass(frozen=True)
class Rule:
    kind: Kind
    #: Web routes: the methods the view serves (the others answer 405). API rules: their key's method.
    methods: tuple[str, ...] = ("GET",)
    #: public: why anyone may use the route.
    why: str = ""
    #: owned: which of the first user's objects (tests/security/objects.py) the URL names.
    obj: str | None = None
    #: own-data (and public): the first user's objects the route's page would show; their marker is
    #: looked for in the owner's response and must be absent from everyone else's.
    shows: tuple[str, ...] = ()
    #: Setup both users need before the route can act (e.g. following a program).
    both_have: tuple[str, ...] = ()
    #: Fixed URL parameters (a catalog slug for a public page, the exercise of a by-hand load).
    params: dict[str, Any] = field(default_factory=dict)
    #: Query string of the GET requests; values are formatted with the first user's object parameters.
    query: dict[str, str] = field(default_factory=dict)
    #: What an unsafe request sends: fields that change something when the owner sends them. None for
    #: pages and reads. String values are formatted with the acting user's parameters ({username}).
    data: dict[str, Any] | None = None
    anonymous: Anonymous = "login"
    #: public: the status an anonymous GET gets.
    status: int = 200
    #: own-data reads whose body has no name to look for (only numbers): the second user's response
    #: must be the same before and after the first user's data exists.
    compare_bodies: bool = False
    #: API routes a Bearer token may not use (creating tokens): reached with a logged-in session.
    session: bool = False

    @property
    def writes(self) -> bool:
        """An owner's unsafe request with `data` changes her account (the control of the tests)."""
        return self.data is not None


def public(why: str, methods: tuple[str, ...] = ("GET",), **kw: Any) -> Rule:
    return Rule("public", methods, why=why, anonymous="public", **kw)


def owned(obj: str, methods: tuple[str, ...] = ("GET",), **kw: Any) -> Rule:
    return Rule("owned", methods, obj=obj, **kw)


def own_data(methods: tuple[str, ...] = ("GET",), **kw: Any) -> Rule:
    return Rule("own-data", methods, **kw)


GET, POST, FORM = ("GET",), ("POST",), ("GET", "POST")
#: Pages without a method check: a POST renders them as a GET would (CSRF still applies).
PAGE = FORM

NEW_PASSWORD = "another-horse-battery-staple"
SETTINGS_FORM = {"unit": "lb", "default_rest_s": "120", "sex": "", **STATS_DEFAULTS}
CUSTOM_EXERCISE_FORM = {
    "name": "Changed Curl",
    "primary_muscles": ["biceps"],
    "equipment": ["dumbbell"],
    "pattern": "full_body",
    "level": "beginner",
    "mechanics": "isolation",
    "measure": "reps",
    "bodyweight_fraction": "0",
}
TARGETS_FORM = {
    f"{m}_{end}": str(v) for m in MUSCLES for end, v in zip(("low", "high"), DEFAULT_TARGETS[m], strict=True)
}
TARGETS_FORM["chest_high"] = "25"
SET_FORM = {"unit": "kg", "weight": "65", "reps": "6", "set_type": "working", "side": "both"}

WEB: dict[str, Rule] = {
    "home": own_data(PAGE, shows=("active_program",)),
    "healthz": public("monitors probe it without an account; it says only whether the database answers"),
    "manifest": public("browsers read it to install the app, before anyone logs in; the same for all"),
    "service-worker": public("browsers fetch it to install the app; the same script for all"),
    "offline": public("the page shown for a page not kept on the phone; the same words for all"),
    "offline-pages": own_data(GET, compare_bodies=True),
    "login": public("the way in", FORM, data={"username": "nobody", "password": "wrong password"}),
    # POST only: a GET answers 405.
    "logout": public("ends only the caller's own session", POST, data={}, status=405),
    "register": public(
        "sign-up, open while the administrator allows it",
        FORM,
        data={"username": "carol", "password": PASSWORD, "password_again": PASSWORD},
    ),
    "settings": own_data(FORM, shows=("token",), data=SETTINGS_FORM),
    "account-delete": own_data(FORM, data={"username": "{username}", "password": PASSWORD}),
    "password-change": own_data(
        FORM,
        data={"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    ),
    "email-change": own_data(FORM, data={"email": "{username}@example.org"}),
    "password-reset": public(
        "asks for a reset link by e-mail (or says whom to ask); the same answer whether an account has "
        "the address or not",
        FORM,
        data={"email": "nobody@example.org"},
    ),
    "password-reset-done": public("a fixed page: check your e-mail"),
    "password-reset-confirm": public(
        "the link in the mail; without a valid token it only says the link is invalid",
        FORM,
        params={"uidb64": "MQ", "token": "not-a-token"},
        data={"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    ),
    "password-reset-complete": public("a fixed page: log in with the new password"),
    "token-create": own_data(POST, data={"name": "script"}),
    "token-revoke": owned("token", POST, data={}),
    "exercises": own_data(PAGE, shows=("custom_exercise",), anonymous="public"),
    "exercise-new": own_data(FORM, data={**CUSTOM_EXERCISE_FORM, "name": "Own Curl"}),
    # Catalog exercise pages are public (params: one for the anonymous check); custom ones are private.
    "exercise": owned("custom_exercise", PAGE, anonymous="404", params={"slug": "deadlift"}),
    "exercise-edit": owned("custom_exercise", FORM, data=CUSTOM_EXERCISE_FORM),
    # Adds the exercise to the caller's own open workout; another user's custom exercise is a 404.
    "exercise-add-to-workout": owned("custom_exercise", POST, data={}),
    "exercise-delete": owned("custom_exercise", POST, data={}),
    "programs": own_data(PAGE, shows=("program",)),
    # ?from= copies a program into the editor: another user's program must not be copied.
    "program-new": own_data(FORM, shows=("program",), query={"from": "{slug}"}, data={"text": PROGRAM_TEXT}),
    "program-next": own_data(PAGE, shows=("active_program",)),
    "program-start-workout": own_data(POST, both_have=("follows",), data={}),
    # The slug names an exercise of the caller's own next workout, not an object of anyone's.
    "program-by-hand": own_data(POST, both_have=("follows",), params={"slug": BY_HAND}, data={"value": "70"}),
    "program-stop": own_data(POST, both_have=("follows",), data={}),
    "program": owned("program", PAGE),
    "program-follow": owned("program", POST, data={}),
    "program-edit": owned("program", FORM, data={"text": PROGRAM_TEXT}),
    "program-delete": owned("program", POST, data={}),
    "program-export": owned("program", PAGE),
    "stats": own_data(PAGE, shows=("workout",)),
    "stats-targets": own_data(FORM, data=TARGETS_FORM),
    "body-weight-add": own_data(POST, data={"weight": "80", "unit": "kg"}),
    "body-weight-delete": owned("body_weight", POST, data={}),
    "workouts": own_data(PAGE, shows=("workout",)),
    "workout-start": own_data(POST, data={"name": "Evening"}),
    "workout": owned("workout", PAGE),
    "workout-add": owned("workout", POST, data={"exercise": "bench-press"}),
    "workout-log-set": owned("entry", POST, data=SET_FORM),
    "workout-quick": owned("workout", POST, data={"text": "Deadlift 100kg x 5"}),
    "workout-edit": owned("workout", POST, data={"name": "Renamed", "notes": ""}),
    "workout-finish": owned("workout", FORM, data={}),
    "workout-reopen": owned("finished_workout", POST, data={}),
    "workout-summary": owned("workout", PAGE),
    "workout-repeat": owned("finished_workout", POST, data={}),
    "workout-delete": owned("workout", POST, data={}),
    "entry-move": owned("entry", POST, data={}),
    "entry-superset": owned("entry", POST, data={}),
    "set-edit": owned("set", FORM, data=SET_FORM),
    "set-delete": owned("set", POST, data={}),
    "tools": public("calculators need no account; signed in they use only the caller's unit and bar"),
    "import": own_data(FORM, data=UPLOAD),
    "import-review": owned("pending_import", FORM, data={"action": "import"}),
    "export-csv": own_data(GET, shows=("workout",)),
    "export-json": own_data(GET, shows=("workout",)),
}

API: dict[str, Rule] = {
    "GET /api/v1/openapi.json": public("the API's description, for clients and the docs page; no data"),
    "GET /api/v1/docs": public("the interactive API documentation; no data"),
    "GET /api/v1/": public("ninja's root, kept to build the other paths: 404 for everyone", status=404),
    "GET /api/v1/me": own_data(shows=("account",)),
    "DELETE /api/v1/me": own_data(data={"password": PASSWORD}),
    "GET /api/v1/tokens": own_data(shows=("token",)),
    "POST /api/v1/tokens": own_data(data={"name": "script"}, session=True),
    "DELETE /api/v1/tokens/{token_id}": owned("token", data={}),
    "GET /api/v1/exercises": own_data(shows=("custom_exercise",), anonymous="public"),
    "GET /api/v1/exercises/{slug}": owned("custom_exercise", anonymous="404", params={"slug": "deadlift"}),
    # Alice has today's open workout: a set Bob logs must start his own, not land in hers.
    "POST /api/v1/sets": own_data(shows=("workout",), data={"exercise": "back-extension", "reps": 10}),
    "PATCH /api/v1/sets/{set_id}": owned("set", data={"reps": 7}),
    "DELETE /api/v1/sets/{set_id}": owned("set", data={}),
    "GET /api/v1/workouts": own_data(shows=("workout",)),
    "GET /api/v1/sets": own_data(shows=("set",)),
    "GET /api/v1/workouts/{workout_id}": owned("workout"),
    "PATCH /api/v1/workouts/{workout_id}": owned("workout", data={"name": "Renamed"}),
    "DELETE /api/v1/workouts/{workout_id}": owned("workout", data={}),
    "GET /api/v1/programs": own_data(shows=("program",)),
    "POST /api/v1/programs": own_data(data={"text": PROGRAM_TEXT}),
    "GET /api/v1/programs/{slug}": owned("program"),
    "DELETE /api/v1/programs/{slug}": owned("program", data={}),
    "GET /api/v1/programs/{slug}/text": owned("program"),
    "POST /api/v1/programs/{slug}/start": owned("program", data={}),
    "DELETE /api/v1/active-program": own_data(both_have=("follows",), data={}),
    "GET /api/v1/next-workout": own_data(shows=("active_program",)),
    "POST /api/v1/next-workout/start": own_data(both_have=("follows",), data={}),
    "PUT /api/v1/next-workout/exercises/{slug}": own_data(
        both_have=("follows",), params={"slug": BY_HAND}, data={"load": 70}
    ),
    "DELETE /api/v1/next-workout/exercises/{slug}": own_data(
        both_have=("by_hand",), params={"slug": BY_HAND}, data={}
    ),
    "GET /api/v1/stats/exercises/{slug}": owned("logged_exercise"),
    "GET /api/v1/stats/muscles": own_data(shows=("workout",), compare_bodies=True),
    "GET /api/v1/stats/lifts": own_data(shows=("workout",)),
    "GET /api/v1/guidance": own_data(shows=("workout",), compare_bodies=True),
    "GET /api/v1/body-weight": own_data(shows=("body_weight",)),
    "POST /api/v1/body-weight": own_data(data={"weight": 80}),
    "DELETE /api/v1/body-weight/{day}": owned("body_weight", data={}),
    "POST /api/v1/imports": own_data(data=UPLOAD),
    "GET /api/v1/export.csv": own_data(shows=("workout",)),
    "GET /api/v1/export.json": own_data(shows=("workout",)),
}

#: The admin's own pages. Login and logout are public; every other page sends non-staff to the login.
ADMIN_PAGES = (
    "index",
    "password_change",
    "password_change_done",
    "autocomplete",
    "jsi18n",
    "view_on_site",
    "app_list",
    "auth_user_password_change",
    "/admin/(?P<url>.*)$",  # the catch-all: unknown admin URLs also need staff first
)
#: Every model registered in the admin, as app_model; each has five named pages and a redirect.
ADMIN_MODELS = (
    "auth_group",
    "axes_accessattempt",
    "axes_accesslog",
    "axes_accessfailurelog",
    "storage_user",
    "storage_sitesettings",
    "storage_apitoken",
    "storage_exercise",
    "storage_workout",
    "storage_usersettings",
    "storage_bodyweight",
    "storage_set",
    "storage_program",
)
ADMIN_VIEWS = ("changelist", "add", "history", "delete", "change")
#: Values for the admin's URL parameters: any will do, the staff check comes first.
ADMIN_PARAMS = {
    "object_id": "1",
    "content_type_id": "1",
    "id": "1",
    "app_label": "storage",
    "url": "nothing/",
}


def _admin_rules() -> dict[str, Rule]:
    rules = {
        "admin:login": public("the admin's login form", FORM),
        # Visitors and non-staff are sent to the admin's index (and on to its login page).
        "admin:logout": public("ends only the caller's own session", FORM, status=302),
    }
    for page in ADMIN_PAGES:
        rules[f"admin:{page}"] = Rule("admin", FORM)
    for model in ADMIN_MODELS:
        app, name = model.split("_", 1)
        for view in ADMIN_VIEWS:
            rules[f"admin:{model}_{view}"] = Rule("admin", FORM)
        rules[f"admin:/admin/{app}/{name}/<path:object_id>/"] = Rule("admin", FORM)
    return rules


ADMIN = _admin_rules()


def declared() -> dict[str, Rule]:
    """Every rule by route key: "web:<name>", "admin:<name or pattern>", "METHOD /api/v1/…"."""
    return {**{f"web:{name}": rule for name, rule in WEB.items()}, **ADMIN, **API}
