"""Every account there was works in the one office there was: BPKAD (office 1, offices/0001)."""

import django.db.models.deletion
from django.db import migrations, models


def into_bpkad(apps, schema_editor):
    apps.get_model("pojok", "User").objects.filter(office__isnull=True).update(office_id=1)


class Migration(migrations.Migration):

    dependencies = [
        ('offices', '0001_initial'),
        ('pojok', '0004_staff_whatsapp'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='office',
            field=models.ForeignKey(blank=True, help_text='Kantor tempat pegawai ini bekerja. Kosong hanya untuk peran kabupaten (Inspektorat, Setda).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='staff', to='offices.office', verbose_name='kantor (OPD)'),
        ),
        migrations.RunPython(into_bpkad, migrations.RunPython.noop),
    ]
