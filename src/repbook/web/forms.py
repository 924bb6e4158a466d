"""Web forms: accounts, settings, custom exercises."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import password_validation

from repbook.core.custom_exercise import MAX_INTRODUCTION
from repbook.core.custom_exercise import MAX_NAME as MAX_EXERCISE_NAME
from repbook.core.e1rm import FORMULA_NAMES
from repbook.core.equipment import EQUIPMENT
from repbook.core.exercise import LEVELS, MECHANICS, PATTERNS
from repbook.core.muscles import MUSCLES
from repbook.core.stats.volume import MAX_TARGET
from repbook.core.text import MAX_SET_NOTES, MAX_WORKOUT_NAME, MAX_WORKOUT_NOTES
from repbook.services.exercise.custom_exercises import CustomExerciseInput
from repbook.storage.models import Exercise, User, UserSettings


class RegistrationForm(forms.Form):
    username = forms.CharField(max_length=150, label="User name")
    password = forms.CharField(widget=forms.PasswordInput, label="Password")
    password_again = forms.CharField(widget=forms.PasswordInput, label="Password again")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password and password != data.get("password_again"):
            self.add_error("password_again", "The two passwords differ.")
        elif password:
            try:
                password_validation.validate_password(password, User(username=data.get("username", "")))
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


class UserSettingsForm(forms.ModelForm[UserSettings]):
    equipment = forms.MultipleChoiceField(
        choices=list(EQUIPMENT.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Equipment you have",
        help_text="Alternatives on exercise pages use only this. Leave all empty to see everything.",
    )

    e1rm_formula = forms.ChoiceField(
        choices=list(FORMULA_NAMES.items()),
        label="Estimated 1RM formula",
        help_text="Used for e1RM charts and records. Sets logged with RPE or RIR use the RPE chart.",
    )
    secondary_muscle_weight = forms.DecimalField(
        min_value=Decimal(0),
        max_value=Decimal(1),
        decimal_places=2,
        label="A set counts this much for its secondary muscles",
        help_text="A primary muscle counts 1; the usual fractional count is 0.5; 0 leaves them out.",
    )

    class Meta:
        model = UserSettings
        fields = [
            "unit",
            "bar_kg",
            "default_rest_s",
            "sex",
            "e1rm_formula",
            "secondary_muscle_weight",
            "equipment",
        ]
        labels = {
            "unit": "Unit",
            "bar_kg": "Your barbell's weight in kg (empty: 20 kg, or 45 lb in pounds)",
            "default_rest_s": "Default rest (seconds)",
            "sex": "Sex (for strength scores)",
        }

    def clean_bar_kg(self) -> Any:
        value = self.cleaned_data["bar_kg"]
        if value is not None and not 0 <= value <= 50:
            raise forms.ValidationError("A bar weighs between 0 and 50 kg.")
        return value

    def clean_default_rest_s(self) -> Any:
        value = self.cleaned_data["default_rest_s"]
        if not 0 <= value <= 1800:
            raise forms.ValidationError("Rest is between 0 and 1800 seconds.")
        return value


class MuscleTargetsForm(forms.Form):
    """Weekly hard-set target ranges per muscle: a low and a high field for each."""

    def __init__(self, *args: Any, targets: dict[str, tuple[int, int]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for muscle, (low, high) in targets.items():
            for end, value in (("low", low), ("high", high)):
                self.fields[f"{muscle}_{end}"] = forms.IntegerField(
                    min_value=0, max_value=MAX_TARGET, initial=value, label=f"{MUSCLES[muscle]} {end}"
                )
        self.muscles = list(targets)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for muscle in self.muscles:
            low, high = data.get(f"{muscle}_low"), data.get(f"{muscle}_high")
            if low is not None and high is not None and low > high:
                self.add_error(f"{muscle}_high", "The high end must be at least the low end.")
        return data

    def rows(self) -> list[tuple[str, Any, Any]]:
        return [(MUSCLES[m], self[f"{m}_low"], self[f"{m}_high"]) for m in self.muscles]

    def targets(self) -> dict[str, list[int]]:
        return {m: [self.cleaned_data[f"{m}_low"], self.cleaned_data[f"{m}_high"]] for m in self.muscles}


class BodyWeightForm(forms.Form):
    weight = forms.DecimalField(max_digits=7, decimal_places=2, label="Body weight")
    unit = forms.ChoiceField(choices=[("kg", "kg"), ("lb", "lb")])
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="Day")


class TokenForm(forms.Form):
    """A new API token: its name, how long it lasts, and the password when not typed lately."""

    EXPIRY_CHOICES = [("", "Never (until revoked)"), ("30", "30 days"), ("90", "90 days"), ("365", "1 year")]

    name = forms.CharField(max_length=100, label="Token name")
    expires_in_days = forms.TypedChoiceField(
        choices=EXPIRY_CHOICES, coerce=int, empty_value=None, required=False, label="Expires"
    )
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        label="Your password",
        help_text="Creating a token needs your password when you have not typed it in the last 15 minutes.",
    )

    def __init__(self, *args: Any, needs_password: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not needs_password:
            del self.fields["password"]


def _choices(mapping: dict[str, str]) -> list[tuple[str, str]]:
    return list(mapping.items())


class CustomExerciseForm(forms.Form):
    name = forms.CharField(max_length=MAX_EXERCISE_NAME)
    primary_muscles = forms.MultipleChoiceField(
        choices=_choices(MUSCLES), widget=forms.CheckboxSelectMultiple, label="Primary muscles"
    )
    secondary_muscles = forms.MultipleChoiceField(
        choices=_choices(MUSCLES),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Secondary muscles",
    )
    equipment = forms.MultipleChoiceField(
        choices=_choices(EQUIPMENT), widget=forms.CheckboxSelectMultiple, initial=["bodyweight"]
    )
    pattern = forms.ChoiceField(choices=[(p, p.replace("_", " ")) for p in PATTERNS], initial="full_body")
    level = forms.ChoiceField(choices=[(v, v) for v in LEVELS])
    mechanics = forms.ChoiceField(choices=[(v, v) for v in MECHANICS])
    measure = forms.ChoiceField(
        choices=[("reps", "repetitions"), ("time", "time"), ("distance", "distance")],
        help_text="How a set is counted.",
    )
    bodyweight_fraction = forms.DecimalField(
        min_value=0,
        max_value=Decimal("1.2"),
        decimal_places=3,
        initial=0,
        label="Share of body weight moved",
        help_text="0 for a loaded exercise; e.g. 1 for a pull-up, 0.65 for a push-up.",
    )
    unilateral = forms.BooleanField(required=False, label="One side at a time")
    introduction = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=MAX_INTRODUCTION
    )
    steps = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=8000,
        help_text="One step per line.",
    )

    def to_input(self) -> CustomExerciseInput:
        data = self.cleaned_data
        return CustomExerciseInput(
            name=data["name"],
            primary_muscles=tuple(data["primary_muscles"]),
            secondary_muscles=tuple(data["secondary_muscles"]),
            equipment=tuple(data["equipment"]),
            pattern=data["pattern"],
            level=data["level"],
            mechanics=data["mechanics"],
            measure=data["measure"],
            bodyweight_fraction=data["bodyweight_fraction"],
            unilateral=data["unilateral"],
            introduction=data["introduction"],
            steps=tuple(data["steps"].splitlines()),
        )

    @staticmethod
    def initial_from(exercise: Exercise) -> dict[str, Any]:
        links = list(exercise.muscle_links.all())
        return {
            "name": exercise.name,
            "primary_muscles": [m.muscle_id for m in links if m.role == "primary"],
            "secondary_muscles": [m.muscle_id for m in links if m.role == "secondary"],
            "equipment": [e.slug for e in exercise.equipment.all()],
            "pattern": exercise.pattern,
            "level": exercise.level,
            "mechanics": exercise.mechanics,
            "measure": exercise.measure,
            "bodyweight_fraction": exercise.bodyweight_fraction,
            "unilateral": exercise.unilateral,
            "introduction": exercise.content.get("introduction", ""),
            "steps": "\n".join(exercise.content.get("steps", [])),
        }


class SetForm(forms.Form):
    """One set on the logging page; the exercise comes from the row it is typed in."""

    weight = forms.DecimalField(required=False, max_digits=8, decimal_places=3)
    reps = forms.IntegerField(required=False)
    rpe = forms.DecimalField(required=False, max_digits=3, decimal_places=1, label="RPE")
    rir = forms.IntegerField(required=False, label="RIR")
    set_type = forms.ChoiceField(
        choices=[
            ("working", "Working"),
            ("warmup", "Warm-up"),
            ("drop", "Drop"),
            ("failure", "Failure"),
            ("amrap", "AMRAP"),
        ],
        initial="working",
        required=False,
        label="Type",
    )
    duration_s = forms.IntegerField(required=False, label="Seconds")
    distance_m = forms.DecimalField(required=False, max_digits=9, decimal_places=2, label="Meters")
    side = forms.ChoiceField(
        choices=[("both", "Both"), ("left", "Left"), ("right", "Right")], initial="both", required=False
    )
    notes = forms.CharField(required=False, max_length=MAX_SET_NOTES)
    felt_pain = forms.BooleanField(required=False, label="Felt pain (not just effort)")
    #: The page's key for this set: the same form sent twice logs one set.
    client_id = forms.UUIDField(required=False)

    def only_for(self, exercise: Exercise) -> SetForm:
        """Leave out the fields `exercise` has no use for (the edit page): reps of a timed plank,
        seconds of a deadlift, the side of a two-sided lift."""
        unused = {
            "reps": exercise.measure != "reps",
            "duration_s": exercise.measure != "time",
            "distance_m": exercise.measure != "distance",
            "side": not exercise.unilateral,
        }
        for name in [name for name, drop in unused.items() if drop]:
            del self.fields[name]
        return self

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        # Only the fields the form has: a field left out keeps the set's value (see only_for).
        names = ("weight", "reps", "rpe", "rir", "duration_s", "distance_m", "notes")
        values = {k: data[k] for k in names if k in self.fields}
        # Fields a page leaves out (side for two-sided exercises) take their defaults.
        return values | {"set_type": data["set_type"] or "working", "side": data.get("side") or "both"}


class QuickLogForm(forms.Form):
    text = forms.CharField(max_length=300, label="Quick log")
    client_id = forms.UUIDField(required=False)


class WorkoutForm(forms.Form):
    name = forms.CharField(max_length=MAX_WORKOUT_NAME, required=False)
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=MAX_WORKOUT_NOTES
    )
