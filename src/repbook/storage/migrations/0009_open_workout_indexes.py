from django.db import migrations, models


class Migration(migrations.Migration):
    """The open workout among the unfinished ones only, and a workout's sets by time: both were
    found by reading a long history (every finished workout; every set of the workout)."""

    dependencies = [
        ('storage', '0008_stat_summaries'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='set',
            index=models.Index(fields=['workout', 'performed_at'], name='set_workout_time'),
        ),
        migrations.AddIndex(
            model_name='workout',
            index=models.Index(condition=models.Q(('finished_at__isnull', True)), fields=['owner', '-started_at'], name='workout_owner_open'),
        ),
    ]
