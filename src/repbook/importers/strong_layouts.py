"""What Strong's columns are called in each language it writes, and its layouts by position.

The app names its CSV columns and its rest rows in the phone's language. Known translations are
listed here (compared folded); a file in a language not listed, or with no header at all, is still
read when its rows have Strong's shape: the right number of columns, a date where the date goes
and a set order where the set order goes.
"""

from __future__ import annotations

import re
from typing import Final

from repbook.core.search import fold

#: Our key -> the names Strong gives the column, English first, then every language seen.
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "number": ("Workout #", "Workout Number", "Entrenamiento #", "Séance #", "Training #", "训练 #"),
    "date": ("Date", "Fecha", "Datum", "Data", "日期", "日付", "날짜", "Дата", "Tarih"),
    "workout": (
        "Workout Name", "Nombre de entrenamiento", "Nombre del entrenamiento", "Nom de l'entraînement",
        "Nom de la séance", "Trainingsname", "Workout-Name", "Nome allenamento", "Nome dell'allenamento",
        "Nome do treino", "Naam training", "Trainingnaam", "训练名称", "訓練名稱", "ワークアウト名",
        "운동 이름", "Название тренировки", "Nazwa treningu", "Antrenman Adı",
    ),
    "duration": (
        "Duration", "Duration (sec)", "Workout Duration", "Duración", "Durée", "Dauer", "Durata",
        "Duração", "Duur", "时长", "持续时间", "時間", "시간", "Длительность", "Czas trwania", "Süre",
    ),
    "exercise": (
        "Exercise Name", "Nombre del ejercicio", "Nom de l'exercice", "Übungsname", "Name der Übung",
        "Nome esercizio", "Nome dell'esercizio", "Nome do exercício", "Naam oefening", "Oefeningnaam",
        "动作名称", "运动名称", "動作名稱", "種目名", "エクササイズ名", "운동 종목", "Название упражнения",
        "Nazwa ćwiczenia", "Egzersiz Adı",
    ),
    "order": (
        "Set Order", "Orden de la serie", "Orden de serie", "Orden de series", "Ordre des séries",
        "Ordre de la série", "Satzreihenfolge", "Satz", "Ordine serie", "Ordine delle serie",
        "Ordem da série", "Ordem das séries", "Setvolgorde", "组序", "组顺序", "セット順", "세트 순서",
        "Порядок подходов", "Kolejność serii", "Set Sırası",
    ),
    "weight": ("Weight", "Peso", "Poids", "Gewicht", "重量", "무게", "Вес", "Ciężar", "Waga", "Ağırlık"),
    "weight_kg": ("Weight (kg)", "Peso (kg)", "Poids (kg)", "Gewicht (kg)", "kg"),
    "weight_lb": ("Weight (lbs)", "Weight (lb)", "lbs", "lb"),
    "weight_unit": ("Weight Unit", "Unidad de peso", "Unité de poids", "Gewichtseinheit"),
    "reps": (
        "Reps", "Repeticiones", "Répétitions", "Repetitions", "Wiederholungen", "Wdh.", "Ripetizioni",
        "Repetições", "Herhalingen", "次数", "回数", "레프", "횟수", "Повторения", "Powtórzenia", "Tekrar",
    ),
    "rpe": ("RPE",),
    "distance": (
        "Distance", "Distancia", "Distanz", "Entfernung", "Distanza", "Distância", "Afstand", "距离",
        "距離", "거리", "Дистанция", "Dystans", "Mesafe", "km",
    ),
    "distance_mi": ("mi", "miles"),
    "distance_m": ("Distance (meters)", "Distance (m)", "Distancia (metros)", "Distance (mètres)"),
    "distance_unit": ("Distance Unit", "Unidad de distancia", "Unité de distance", "Distanzeinheit"),
    "seconds": (
        "Seconds", "Segundos", "Secondes", "Sekunden", "Secondi", "Seconden", "秒", "초", "Секунды",
        "Sekundy", "Saniye",
    ),
    "notes": (
        "Notes", "Notas", "Notizen", "Note", "Notities", "备注", "メモ", "메모", "Заметки", "Notatki",
        "Notlar",
    ),
    "workout_notes": (
        "Workout Notes", "Notas del entrenamiento", "Notes d'entraînement", "Notes de séance",
        "Trainingsnotizen", "Workout-Notizen", "Note allenamento", "Notas do treino", "Trainingsnotities",
        "训练备注", "ワークアウトメモ", "운동 메모", "Заметки к тренировке", "Notatki treningu",
        "Antrenman Notları",
    ),
}  # fmt: skip

#: Set Order values that are rest rows, in every language seen (folded).
REST_WORDS: Final = frozenset(
    fold(word)
    for word in (
        "Rest Timer", "Temporizador de descanso", "Minuteur de repos", "Temps de repos", "Ruhezeit",
        "Pausentimer", "Timer di recupero", "Timer de descanso", "Rusttimer", "休息计时器", "休息計時器",
        "休憩タイマー", "휴식 타이머", "Таймер отдыха", "Minutnik odpoczynku", "Dinlenme Zamanlayıcısı",
    )
)  # fmt: skip

#: Strong's layouts read by position: (name, delimiter, keys in column order). Tried in this order.
LAYOUTS: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    ("iOS", ",", ("date", "workout", "duration", "exercise", "order", "weight", "reps", "distance",
                  "seconds", "notes", "workout_notes", "rpe")),
    ("iOS without notes", ",", ("date", "workout", "duration", "exercise", "order", "weight", "reps",
                                "distance", "seconds", "rpe")),
    ("2017-19", ",", ("date", "workout", "exercise", "order", "weight", "reps", "distance", "seconds",
                      "notes", "workout_notes")),
    ("2017-19 with RPE", ",", ("date", "workout", "exercise", "order", "weight", "reps", "distance",
                               "seconds", "notes", "workout_notes", "rpe")),
    ("2016-17", ",", ("date", "workout", "exercise", "order", "weight_kg", "reps", "distance",
                      "seconds", "notes")),
    ("Android", ";", ("date", "workout", "exercise", "order", "weight", "weight_unit", "reps", "rpe",
                      "distance", "distance_unit", "seconds", "notes", "workout_notes", "duration")),
    ("older Android", ";", ("date", "workout", "exercise", "order", "weight", "weight_unit", "reps",
                            "rpe", "distance", "distance_unit", "seconds", "notes", "workout_notes")),
    ("Strong 6", ";", ("number", "date", "workout", "duration", "exercise", "order", "weight_kg",
                       "reps", "rpe", "distance_m", "seconds", "notes", "workout_notes")),
)  # fmt: skip

#: The English header of each layout, to tell a user what to add when the header is missing.
ENGLISH: Final = {
    "number": "Workout #", "date": "Date", "workout": "Workout Name", "duration": "Duration",
    "exercise": "Exercise Name", "order": "Set Order", "weight": "Weight", "weight_kg": "Weight (kg)",
    "weight_unit": "Weight Unit", "reps": "Reps", "rpe": "RPE", "distance": "Distance",
    "distance_m": "Distance (meters)", "distance_unit": "Distance Unit", "seconds": "Seconds",
    "notes": "Notes", "workout_notes": "Workout Notes",
}  # fmt: skip

_DATE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}(?: \d{1,2}:\d{2})?"
)
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
#: Enough rows to tell a layout from another; a file is never read twice in full to find it.
SAMPLE_ROWS: Final = 20


def header_text(keys: tuple[str, ...], delimiter: str) -> str:
    """The English header line of a layout, as the user should add it."""
    return delimiter.join(ENGLISH[key] for key in keys)


def _fits(keys: tuple[str, ...], row: list[str]) -> bool:
    """True when a data row has a date, a set order and numbers where this layout has them."""
    if len(row) != len(keys):
        return False
    at = dict(zip(keys, (value.strip() for value in row), strict=True))
    if not _DATE.fullmatch(at["date"]) or not at["exercise"] or _NUMBER.fullmatch(at["exercise"]):
        return False
    if at.get("duration") and not any(char.isdigit() for char in at["duration"]):
        return False
    order = at["order"]
    if not (order.isdigit() or (order and not _NUMBER.fullmatch(order) and len(order) <= 40)):
        return False
    if at.get("number") and not at["number"].isdigit():
        return False
    numbers = ("weight", "weight_kg", "reps", "seconds", "rpe")
    return all(not at[key] or _NUMBER.fullmatch(at[key]) for key in numbers if key in at)


def layout_of(rows: list[list[str]], delimiter: str) -> tuple[str, tuple[str, ...]] | None:
    """The layout every sampled data row fits, by position; None when none does."""
    sample = [row for row in rows if any(value.strip() for value in row)][:SAMPLE_ROWS]
    if not sample:
        return None
    for name, sep, keys in LAYOUTS:
        if sep == delimiter and all(_fits(keys, row) for row in sample):
            return name, keys
    return None


def expected_header(width: int, delimiter: str) -> str | None:
    """The English header of the layout with `width` columns and this delimiter, if one has it."""
    for _name, sep, keys in LAYOUTS:
        if sep == delimiter and len(keys) == width:
            return header_text(keys, delimiter)
    return None
