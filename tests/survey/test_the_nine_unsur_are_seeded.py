"""A new installation has the nine unsur of PermenPANRB 14/2017, in order, each with four wordings."""

import importlib

from django.apps import apps

from survey.models import Unsur

NAMES = ["Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif",
         "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana", "Perilaku Pelaksana",
         "Penanganan Pengaduan, Saran dan Masukan", "Sarana dan Prasarana"]

seed_migration = importlib.import_module("survey.migrations.0002_seed_unsur")


def test_the_data_migration_seeds_nine_unsur_in_the_regulations_order(db):
    Unsur.objects.all().delete()
    seed_migration.seed(apps, None)
    unsur = list(Unsur.objects.all())
    assert [u.number for u in unsur] == list(range(1, 10))
    assert [u.name for u in unsur] == NAMES
    assert unsur[0].answers == [
        (1, "Tidak sesuai"), (2, "Kurang sesuai"), (3, "Sesuai"), (4, "Sangat sesuai")]
    assert unsur[3].answers[3] == (4, "Gratis")
    assert all(u.question.endswith("?") and all(text for _, text in u.answers) for u in unsur)


def test_seeding_again_keeps_the_admins_wording(db):
    Unsur.objects.filter(number=1).update(question="Apakah persyaratan konsultasi jelas?")
    seed_migration.seed(apps, None)
    assert Unsur.objects.get(number=1).question == "Apakah persyaratan konsultasi jelas?"
    assert Unsur.objects.count() == 9
