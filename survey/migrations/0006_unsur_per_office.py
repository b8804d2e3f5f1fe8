"""The survey's unsur become an office's: an id and the office instead of the number as the key
(offices/migrations_support.py). BPKAD's nine keep ids 1 to 9, so every answer and plan still points at
its unsur."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

from offices.migrations_support import rekeyed

FIELDS = ["number", "name", "question", "answer_1", "answer_2", "answer_3", "answer_4"]


def unsur_of(to):
    return models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=to,
                             verbose_name="unsur")


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0001_initial"),
        ("survey", "0005_response_channel"),
    ]

    operations = [
        migrations.RenameModel("Unsur", "UnsurBefore"),
        migrations.CreateModel(
            name="Unsur",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(9)], verbose_name="nomor")),
                ("name", models.CharField(max_length=120, verbose_name="unsur")),
                ("question", models.TextField(max_length=500, verbose_name="pertanyaan")),
                ("answer_1", models.CharField(max_length=60, verbose_name="jawaban nilai 1")),
                ("answer_2", models.CharField(max_length=60, verbose_name="jawaban nilai 2")),
                ("answer_3", models.CharField(max_length=60, verbose_name="jawaban nilai 3")),
                ("answer_4", models.CharField(max_length=60, verbose_name="jawaban nilai 4")),
                ("office", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="offices.office", verbose_name="kantor")),
            ],
            options={"verbose_name": "unsur survei", "verbose_name_plural": "unsur survei", "ordering": ["number"],
                     "constraints": [models.UniqueConstraint(fields=("office", "number"), name="unsur_number_per_office")]},
        ),
        *rekeyed("survey", "UnsurBefore", "Unsur", "number", FIELDS)[:1],
        migrations.AlterField("answer", "unsur", unsur_of("survey.unsur")),
        migrations.AlterField("followupplan", "unsur", unsur_of("survey.unsur")),
        *rekeyed("survey", "UnsurBefore", "Unsur", "number", FIELDS)[1:],
        migrations.DeleteModel("UnsurBefore"),
    ]
