"""The SOP's steps and the queue counters become an office's: an id and the office instead of the step
number or the day as the key (offices/migrations_support.py). BPKAD's six steps keep ids 1 to 6."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

from offices.migrations_support import rekeyed

SOP_FIELDS = ["number", "name", "short_name", "performer", "standard_minutes", "wait_standard_minutes"]


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0001_initial"),
        ("visits", "0012_search_by_bidang"),
    ]

    operations = [
        migrations.RenameModel("SopStep", "SopStepBefore"),
        migrations.CreateModel(
            name="SopStep",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(6)], verbose_name="nomor")),
                ("name", models.CharField(max_length=250, verbose_name="kegiatan")),
                ("short_name", models.CharField(max_length=60, verbose_name="nama singkat")),
                ("performer", models.CharField(max_length=120, verbose_name="pelaksana")),
                ("standard_minutes", models.PositiveSmallIntegerField(blank=True, help_text="Kosongkan bila SOP tidak menetapkan standar. Perubahan hanya berlaku untuk langkah berikutnya.", null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name="standar waktu (menit)")),
                ("wait_standard_minutes", models.PositiveSmallIntegerField(blank=True, help_text="Hanya langkah 5: batas waktu tamu menunggu sejak diarahkan sampai diterima pejabat Bidang. Kosongkan bila tidak ada. Perubahan hanya berlaku untuk kunjungan yang diarahkan sesudahnya.", null=True, validators=[django.core.validators.MinValueValidator(1)], verbose_name="standar waktu tunggu Bidang (menit)")),
                ("office", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="offices.office", verbose_name="kantor")),
            ],
            options={"verbose_name": "langkah SOP", "verbose_name_plural": "langkah SOP", "ordering": ["number"],
                     "constraints": [models.UniqueConstraint(fields=("office", "number"), name="sopstep_number_per_office")]},
        ),
        *rekeyed("visits", "SopStepBefore", "SopStep", "number", SOP_FIELDS),
        migrations.DeleteModel("SopStepBefore"),
        migrations.RenameModel("QueueCounter", "QueueCounterBefore"),
        migrations.CreateModel(
            name="QueueCounter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField()),
                ("last", models.PositiveIntegerField(default=0)),
                ("office", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="offices.office", verbose_name="kantor")),
            ],
            options={"constraints": [models.UniqueConstraint(fields=("office", "day"), name="queuecounter_per_office_day")]},
        ),
        *rekeyed("visits", "QueueCounterBefore", "QueueCounter", None, ["day", "last"]),
        migrations.DeleteModel("QueueCounterBefore"),
    ]
