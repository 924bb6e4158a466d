"""Coaching rules that keep people healthy. Each returns an `Advice` with its reason and source."""

from repbook.core.guidance.advice import Advice, AdviceGroup, group_advice
from repbook.core.guidance.frequency import frequency_advice
from repbook.core.guidance.new_exercise import new_exercise_advice
from repbook.core.guidance.pain import PAIN_CAUTION, pain_advice
from repbook.core.guidance.volume_ramp import volume_ramp_advice

__all__ = [
    "PAIN_CAUTION",
    "Advice",
    "AdviceGroup",
    "frequency_advice",
    "group_advice",
    "new_exercise_advice",
    "pain_advice",
    "volume_ramp_advice",
]
