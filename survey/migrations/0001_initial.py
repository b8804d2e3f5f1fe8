import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('routing', '0003_topic'),
        ('visits', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Unsur',
            fields=[
                ('number', models.PositiveSmallIntegerField(primary_key=True, serialize=False, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(9)], verbose_name='nomor')),
                ('name', models.CharField(max_length=120, verbose_name='unsur')),
                ('question', models.TextField(max_length=500, verbose_name='pertanyaan')),
                ('answer_1', models.CharField(max_length=60, verbose_name='jawaban nilai 1')),
                ('answer_2', models.CharField(max_length=60, verbose_name='jawaban nilai 2')),
                ('answer_3', models.CharField(max_length=60, verbose_name='jawaban nilai 3')),
                ('answer_4', models.CharField(max_length=60, verbose_name='jawaban nilai 4')),
            ],
            options={
                'verbose_name': 'unsur survei',
                'verbose_name_plural': 'unsur survei',
                'ordering': ['number'],
            },
        ),
        migrations.CreateModel(
            name='Invitation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('token', models.CharField(max_length=16, unique=True, verbose_name='kode')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='dibuat')),
                ('expires_at', models.DateTimeField(verbose_name='berlaku sampai')),
                ('answered', models.BooleanField(default=False, verbose_name='sudah diisi')),
                ('visit', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='survey_invitation', to='visits.visit', verbose_name='kunjungan')),
            ],
            options={
                'verbose_name': 'undangan survei',
                'verbose_name_plural': 'undangan survei',
            },
        ),
        migrations.CreateModel(
            name='Response',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('day', models.DateField(verbose_name='tanggal kunjungan')),
                ('sex', models.CharField(blank=True, choices=[('L', 'Laki-laki'), ('P', 'Perempuan')], max_length=1, verbose_name='jenis kelamin')),
                ('age_group', models.CharField(blank=True, choices=[('<25', 'Di bawah 25 tahun'), ('25-34', '25–34 tahun'), ('35-44', '35–44 tahun'), ('45-54', '45–54 tahun'), ('55+', '55 tahun ke atas')], max_length=8, verbose_name='usia')),
                ('education', models.CharField(blank=True, choices=[('sd', 'SD ke bawah'), ('smp', 'SMP'), ('sma', 'SMA/SMK'), ('d3', 'D1–D3'), ('s1', 'D4/S1'), ('s2', 'S2/S3')], max_length=8, verbose_name='pendidikan')),
                ('occupation', models.CharField(blank=True, choices=[('asn', 'PNS/PPPK'), ('non_asn', 'Tenaga honorer/non-ASN'), ('desa', 'Perangkat desa'), ('tni_polri', 'TNI/Polri'), ('swasta', 'Pegawai swasta'), ('wiraswasta', 'Wiraswasta'), ('lainnya', 'Lainnya')], max_length=12, verbose_name='pekerjaan')),
                ('suggestion', models.TextField(blank=True, max_length=2000, verbose_name='saran atau pengaduan')),
                ('is_complaint', models.BooleanField(default=False, verbose_name='pengaduan')),
                ('handled', models.BooleanField(default=False, help_text='Centang bila pengaduan atau saran ini sudah ditangani.', verbose_name='sudah ditindaklanjuti')),
                ('bidang', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='survey_responses', to='routing.bidang', verbose_name='Bidang')),
                ('topic', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='survey_responses', to='routing.topic', verbose_name='topik')),
            ],
            options={
                'verbose_name': 'jawaban survei',
                'verbose_name_plural': 'jawaban survei',
                'ordering': ['-day', 'bidang__order'],
            },
        ),
        migrations.CreateModel(
            name='Answer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(4)], verbose_name='nilai')),
                ('response', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='survey.response')),
                ('unsur', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='survey.unsur', verbose_name='unsur')),
            ],
            options={
                'verbose_name': 'nilai unsur',
                'verbose_name_plural': 'nilai unsur',
                'ordering': ['unsur'],
            },
        ),
        migrations.AddIndex(
            model_name='response',
            index=models.Index(fields=['day', 'bidang'], name='survey_response_day_bidang'),
        ),
        migrations.AddConstraint(
            model_name='answer',
            constraint=models.UniqueConstraint(fields=('response', 'unsur'), name='survey_one_answer_per_unsur'),
        ),
        migrations.AddConstraint(
            model_name='answer',
            constraint=models.CheckConstraint(condition=models.Q(('value__gte', 1), ('value__lte', 4)), name='survey_answer_1_to_4'),
        ),
    ]
