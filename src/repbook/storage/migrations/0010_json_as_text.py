from django.db import migrations

import repbook.storage.models.json_text


class Migration(migrations.Migration):
    """JSON that is only read and written whole kept as text: the statistics summaries and an
    exercise's page. PostgreSQL turned every jsonb value back into text on each read (most of
    reading a long history's summaries; a program's next workout read its exercises' pages). The
    values stay the same JSON; SQLite drops its JSON_VALID checks."""

    dependencies = [
        ("storage", "0009_open_workout_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name=model,
            name=name,
            field=repbook.storage.models.json_text.JsonText(default=dict, blank=blank),
        )
        for model, name, blank in (
            ("exercise", "content", True),
            ("exercisebest", "best", False),
            ("exercisesession", "best", False),
            ("exercisesession", "rep_loads", False),
            ("exercisesession", "reps_at", False),
        )
    ]
