"""The kiosk's retry keys move to the one kind of key every form uses (pojok.IdempotencyKey)."""

from django.db import migrations


def copy_keys(apps, schema_editor):
    KioskCheckIn = apps.get_model("lobby", "KioskCheckIn")
    IdempotencyKey = apps.get_model("pojok", "IdempotencyKey")
    IdempotencyKey.objects.bulk_create(
        IdempotencyKey(scope=f"kiosk:{row.device_id}", key=row.key, result=str(row.visit_id), created_at=row.at)
        for row in KioskCheckIn.objects.all()
    )


class Migration(migrations.Migration):

    dependencies = [
        ("lobby", "0002_now_from_the_app_clock"),
        ("pojok", "0002_idempotency_key"),
    ]

    operations = [
        migrations.RunPython(copy_keys, migrations.RunPython.noop),
        migrations.DeleteModel(name="KioskCheckIn"),
    ]
