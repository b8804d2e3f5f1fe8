"""The suggestion against realistic keperluan as guests and petugas write them: the accuracy figure.

Each phrase has the Bidang a Kasubbag Umum would choose. The catalog is the one the migrations seed.
Run with -s to see the figure and the misses.
"""

import pytest

from routing.suggest import suggest

PHRASES = [
    # budgeting -> Anggaran
    ("Konsultasi pergeseran anggaran DPA", "anggaran"),
    ("revisi DPA dinas kesehatan", "anggaran"),
    ("Penyusunan RKA tahun 2027", "anggaran"),
    ("rka-skpd belum diinput", "anggaran"),
    ("KUA PPAS perubahan", "anggaran"),
    ("konsul apbd-p", "anggaran"),
    ("Input SIPD penganggaran", "anggaran"),
    ("anggaran kas triwulan III", "anggaran"),
    ("ankas belum disahkan", "anggaran"),
    ("pergesran anggran sub kegiatan", "anggaran"),  # two typos
    ("budget revision for the health office", "anggaran"),
    ("tanya pagu indikatif", "anggaran"),
    ("mau geser angg belanja modal", "anggaran"),
    ("kode rekening di sipd salah", "anggaran"),
    # payments -> Perbendaharaan
    ("Pengajuan SPP-UP dan SPM", "perbendaharaan"),
    ("sp2d belum terbit", "perbendaharaan"),
    ("SP2D blm cair", "perbendaharaan"),
    ("Konsultasi SPJ bendahara", "perbendaharaan"),
    ("Revisi SPD", "perbendaharaan"),
    ("spp gu bulan oktober", "perbendaharaan"),
    ("SPP/LS gaji", "perbendaharaan"),
    ("BKU bendahara pengeluaran tidak balance", "perbendaharaan"),
    ("setoran pajak PPh 21", "perbendaharaan"),
    ("pph21 dan ppn belanja", "perbendaharaan"),
    ("kode billing pajak error", "perbendaharaan"),
    ("surat perintah membayar ditolak", "perbendaharaan"),
    ("spj fungsional bln september", "perbendaharaan"),
    ("pertanggungjawban dana BOS", "perbendaharaan"),  # typo
    ("payment of contractor", "perbendaharaan"),
    ("SPM-LS", "perbendaharaan"),
    ("sp 2d", "perbendaharaan"),
    ("bendaharaa penerimaan", "perbendaharaan"),  # typo
    # reports -> Akuntansi
    ("Rekonsiliasi laporan keuangan", "akuntansi"),
    ("Penyusunan LKPD", "akuntansi"),
    ("Jurnal koreksi neraca", "akuntansi"),
    ("lap keu semester 1", "akuntansi"),
    ("LK SKPD unaudited", "akuntansi"),
    ("konsul LRA dan CaLK", "akuntansi"),
    ("tindak lanjut temuan BPK", "akuntansi"),
    ("laporan keuangn triwulan", "akuntansi"),  # typo
    ("financial statements for 2025", "akuntansi"),
    ("rekon belanja dengan SKPD", "akuntansi"),
    ("LHP BPK atas LKPD", "akuntansi"),
    ("neraca saldo akhir tahun", "akuntansi"),
    ("lapkeu dinas pendidikan", "akuntansi"),
    # property -> Aset
    ("Inventarisasi BMD", "aset"),
    ("Penghapusan barang milik daerah", "aset"),
    ("Pemutakhiran KIB", "aset"),
    ("KIB-B kendaraan", "aset"),
    ("pinjam pakai gedung", "aset"),
    ("hibah aset ke desa", "aset"),
    ("sertifikat tanah sekolah", "aset"),
    ("stock opname barang", "aset"),
    ("inventarsasi aset sekolah", "aset"),  # typo
    ("BPKB mobil dinas hilang", "aset"),
    ("pemindahtanganan kendaraan rusak berat", "aset"),
    ("asset write off", "aset"),
    ("sewa tanah pemda untuk kios", "aset"),
    # everything else -> Sekretariat
    ("Mengantar surat undangan", "sekretariat"),
    ("Koordinasi kepegawaian", "sekretariat"),
    ("Permohonan data umum", "sekretariat"),
    ("izin penelitian skripsi", "sekretariat"),
    ("mengurus cuti pegawai", "sekretariat"),
    ("audiensi dengan kepala badan", "sekretariat"),
    ("ketemu teman", "sekretariat"),  # nothing matches
    ("", "sekretariat"),  # empty
    ("!!!", "sekretariat"),
    ("invitation letter", "sekretariat"),
    ("magang mahasiswa", "sekretariat"),
    # several topics in one sentence: the main need ranks first
    ("revisi DPA sekaligus tanya SPM", "anggaran"),
    ("SP2D dan SPJ bulan lalu, juga rekonsiliasi", "perbendaharaan"),
    ("laporan keuangan dan neraca aset", "akuntansi"),
    ("antar surat pengajuan SPP", "perbendaharaan"),
]


@pytest.mark.django_db
def test_the_suggestion_finds_the_bidang_of_realistic_phrases():
    misses = []
    for phrase, expected in PHRASES:
        got = suggest(phrase)[0]
        if got.bidang_code != expected:
            misses.append(f"{phrase!r}: expected {expected}, got {got.bidang_code} ({got.topic_name}; {got.reason})")
    accuracy = (len(PHRASES) - len(misses)) / len(PHRASES)
    print(f"\nrouting suggestion accuracy: {len(PHRASES) - len(misses)}/{len(PHRASES)} = {accuracy:.1%}")
    print("\n".join(misses))
    assert len(PHRASES) >= 60
    assert accuracy >= 0.95, misses
