from django.db import migrations

from routing.catalog import ensure_topics


def forwards(apps, schema_editor):
    ensure_topics(apps.get_model("routing", "Topic"), apps.get_model("routing", "Bidang"))


class Migration(migrations.Migration):
    dependencies = [("routing", "0003_topic")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
