"""The offices, and the one every existing row belongs to: BPKAD, id 1 (the other apps' migrations give
their existing rows office 1)."""

import django.core.validators
from django.db import migrations, models

import pojok.whatsapp

BPKAD = {
    "id": 1, "code": "bpkad", "short_name": "BPKAD", "template": "bpkad", "time_zone": "Asia/Jakarta",
    "name": "Badan Pengelola Keuangan dan Aset Daerah Kabupaten Lampung Selatan",
    "address": "Jl. Mustafa Kemal No. 1, Kalianda, Lampung Selatan",
}


def add_bpkad(apps, schema_editor):
    Office = apps.get_model("offices", "Office")
    Office.objects.update_or_create(id=BPKAD["id"], defaults=BPKAD)
    if schema_editor.connection.vendor == "postgresql":  # the next office is 2, not a clash with 1
        schema_editor.execute("SELECT setval(pg_get_serial_sequence('offices_office', 'id'), "
                              "(SELECT MAX(id) FROM offices_office))")


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Office",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(help_text="Dipakai di alamat halaman tamu (/o/kode/) dan nama berkas ekspor, misalnya bpkad.", max_length=30, unique=True, validators=[django.core.validators.RegexValidator("^[a-z0-9-]+$", "Huruf kecil, angka dan tanda hubung saja.")], verbose_name="kode")),
                ("name", models.CharField(max_length=150, unique=True, verbose_name="nama")),
                ("short_name", models.CharField(max_length=40, verbose_name="nama singkat")),
                ("time_zone", models.CharField(choices=[("Asia/Jakarta", "WIB (Asia/Jakarta)"), ("Asia/Makassar", "WITA (Asia/Makassar)"), ("Asia/Jayapura", "WIT (Asia/Jayapura)")], default="Asia/Jakarta", max_length=40, verbose_name="zona waktu")),
                ("address", models.CharField(blank=True, max_length=250, verbose_name="alamat")),
                ("telephone", models.CharField(blank=True, max_length=30, verbose_name="telepon")),
                ("whatsapp", models.CharField(blank=True, max_length=20, validators=[pojok.whatsapp.validate_mobile], verbose_name="nomor WhatsApp")),
                ("template", models.CharField(choices=[("bpkad", "BPKAD: katalog Bidang keuangan dan aset"), ("umum", "Umum: Sekretariat dan subbagiannya")], default="umum", editable=False, max_length=10, verbose_name="dimulai dari templat")),
            ],
            options={"verbose_name": "kantor (OPD)", "verbose_name_plural": "kantor (OPD)", "ordering": ["name"]},
        ),
        migrations.RunPython(add_bpkad, migrations.RunPython.noop),
    ]
