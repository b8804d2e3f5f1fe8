"""The catalog rebuilt from the regulations' vocabulary (issue 18) reaches existing databases.

New topics are created; a topic still exactly as migration 0004 seeded it gets the new keywords;
a topic the administrator edited is left as it is (routing.catalog.ensure_topics).
"""

from django.db import migrations

from routing.catalog import ensure_topics


def forwards(apps, schema_editor):
    ensure_topics(apps.get_model("routing", "Topic"), apps.get_model("routing", "Bidang"))


class Migration(migrations.Migration):
    dependencies = [("routing", "0004_seed_topics")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
