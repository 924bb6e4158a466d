"""Every model of Repbook; import them from here."""

from repbook.storage.models.accounts import (
    ApiToken,
    BodyWeight,
    SiteSettings,
    Unit,
    User,
    UserSettings,
)
from repbook.storage.models.catalog import Equipment, Exercise, ExerciseMuscle, Muscle
from repbook.storage.models.imports import PendingImport
from repbook.storage.models.owned import OwnedModel, OwnerMismatch, owned
from repbook.storage.models.programs import (
    ActiveProgram,
    ExerciseMapping,
    Prescription,
    Program,
    ProgramDay,
    ProgressionState,
)
from repbook.storage.models.summaries import ExerciseBest, ExerciseSession
from repbook.storage.models.training import SET_VALUE_FIELDS, Set, SetType, Side, Workout, WorkoutExercise

__all__ = [
    "SET_VALUE_FIELDS",
    "ActiveProgram",
    "ApiToken",
    "BodyWeight",
    "Equipment",
    "Exercise",
    "ExerciseBest",
    "ExerciseMapping",
    "ExerciseMuscle",
    "ExerciseSession",
    "Muscle",
    "OwnedModel",
    "OwnerMismatch",
    "PendingImport",
    "Prescription",
    "Program",
    "ProgramDay",
    "ProgressionState",
    "Set",
    "SetType",
    "Side",
    "SiteSettings",
    "Unit",
    "User",
    "UserSettings",
    "Workout",
    "WorkoutExercise",
    "owned",
]
