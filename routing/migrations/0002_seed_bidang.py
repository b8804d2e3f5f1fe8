from django.db import migrations

from routing.catalog import ensure_bidang


def forwards(apps, schema_editor):
    ensure_bidang(apps.get_model("routing", "Bidang"))


class Migration(migrations.Migration):
    dependencies = [("routing", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
