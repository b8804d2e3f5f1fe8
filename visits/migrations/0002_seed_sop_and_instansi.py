from django.db import migrations

from visits.sop import ensure_instansi, ensure_sop_steps


def forwards(apps, schema_editor):
    ensure_sop_steps(apps.get_model("visits", "SopStep"))
    ensure_instansi(apps.get_model("visits", "Instansi"))


class Migration(migrations.Migration):
    dependencies = [("visits", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
