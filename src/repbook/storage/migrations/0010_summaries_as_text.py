from django.db import migrations

import repbook.storage.models.json_text


class Migration(migrations.Migration):
    """The statistics summaries' JSON kept as text: they are only read and written whole, and
    PostgreSQL turned every jsonb value back into text on each read (most of reading a long
    history's summaries). The values stay the same JSON; SQLite drops its JSON_VALID check."""

    dependencies = [
        ("storage", "0009_open_workout_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name=model,
            name=name,
            field=repbook.storage.models.json_text.JsonText(default=dict),
        )
        for model, name in (
            ("exercisebest", "best"),
            ("exercisesession", "best"),
            ("exercisesession", "rep_loads"),
            ("exercisesession", "reps_at"),
        )
    ]
