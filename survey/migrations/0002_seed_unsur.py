"""The nine unsur of PermenPANRB 14/2017 with their questions and answer wordings."""

from django.db import migrations


def seed(apps, schema_editor):
    from survey.catalog import ensure_unsur

    ensure_unsur(apps.get_model("survey", "Unsur"))


class Migration(migrations.Migration):
    dependencies = [("survey", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
