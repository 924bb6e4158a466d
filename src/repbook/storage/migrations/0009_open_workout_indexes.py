import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

#: The single-column indexes Django made for two keys of the set table (the same names on SQLite and
#: PostgreSQL), now covered by indexes that start with the same column.
KEY_INDEXES = (
    ("storage_set_owner_id_7be10cdd", "owner_id"),
    ("storage_set_workout_id_6f63b16d", "workout_id"),
)


class Migration(migrations.Migration):
    """The open workout among the unfinished ones only, and a workout's sets by time: both were
    found by reading a long history (every finished workout; every set of the workout). Two
    single-column indexes the new one and the owner's make redundant are dropped, so logging a set
    writes no more indexes than before (dropped directly: on SQLite, altering the key fields would
    copy the whole table)."""

    dependencies = [
        ("storage", "0008_stat_summaries"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="set",
            index=models.Index(fields=["workout", "performed_at"], name="set_workout_time"),
        ),
        migrations.AddIndex(
            model_name="workout",
            index=models.Index(
                condition=models.Q(("finished_at__isnull", True)),
                fields=["owner", "-started_at"],
                name="workout_owner_open",
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="set",
                    name="owner",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                migrations.AlterField(
                    model_name="set",
                    name="workout",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sets",
                        to="storage.workout",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{name}"',
                    reverse_sql=f'CREATE INDEX "{name}" ON "storage_set" ("{column}")',
                )
                for name, column in KEY_INDEXES
            ],
        ),
    ]
