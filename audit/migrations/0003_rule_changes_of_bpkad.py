"""Every change recorded before offices was a change to BPKAD's rules (office 1): the record says so, so
that BPKAD's admin still reads it (audit/views.py keeps each office to its own changes)."""

from django.db import migrations


def of_bpkad(apps, schema_editor):
    LogEntry = apps.get_model("auditlog", "LogEntry")
    for entry in LogEntry.objects.all().iterator():
        data = entry.additional_data if isinstance(entry.additional_data, dict) else {}
        if "office" not in data:
            entry.additional_data = {**data, "office": 1}
            entry.save(update_fields=["additional_data"])


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_now_from_the_app_clock"),
        ("auditlog", "0017_add_actor_email"),
        ("offices", "0001_initial"),
    ]

    operations = [migrations.RunPython(of_bpkad, migrations.RunPython.noop)]
