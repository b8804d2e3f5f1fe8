import django.db.models.deletion
from django.db import migrations, models

from kabupaten import triggers


def make_triggers(apps, schema_editor):
    """The triggers that note every changed office day; every day that has visits now is noted too."""
    triggers.ensure(schema_editor.connection)


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor.connection)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('offices', '0002_permission_to_read_every_office'),
        ('visits', '0017_a_step_carries_its_visits_office'),
    ]

    operations = [
        migrations.CreateModel(
            name='Change',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(verbose_name='tanggal')),
                ('office', models.ForeignKey(db_constraint=False, editable=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='offices.office', verbose_name='kantor')),
            ],
            options={
                'verbose_name': 'perubahan hari',
                'verbose_name_plural': 'perubahan hari',
            },
        ),
        migrations.CreateModel(
            name='DayCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(verbose_name='tanggal')),
                ('visits', models.PositiveIntegerField(verbose_name='kunjungan')),
                ('finished', models.PositiveIntegerField(verbose_name='selesai')),
                ('remote', models.PositiveIntegerField(verbose_name='jarak jauh')),
                ('office', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='offices.office', verbose_name='kantor')),
            ],
            options={
                'verbose_name': 'hitungan hari',
                'verbose_name_plural': 'hitungan hari',
                'constraints': [models.UniqueConstraint(fields=('office', 'day'), name='daycount_one_per_office_day')],
            },
        ),
        migrations.CreateModel(
            name='StepCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(verbose_name='tanggal')),
                ('number', models.PositiveSmallIntegerField(verbose_name='langkah')),
                ('with_standard', models.PositiveIntegerField(verbose_name='dengan standar')),
                ('within', models.PositiveIntegerField(verbose_name='dalam standar')),
                ('office', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='offices.office', verbose_name='kantor')),
            ],
            options={
                'verbose_name': 'hitungan langkah',
                'verbose_name_plural': 'hitungan langkah',
                'constraints': [models.UniqueConstraint(fields=('office', 'day', 'number'), name='stepcount_one_per_office_day_step')],
            },
        ),
        migrations.RunPython(make_triggers, drop_triggers),
    ]
