from django.db import migrations

from visits.sop import ensure_documents


def forwards(apps, schema_editor):
    ensure_documents(apps.get_model("visits", "DocumentType"))


class Migration(migrations.Migration):
    dependencies = [("visits", "0003_triage_and_consultation")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
