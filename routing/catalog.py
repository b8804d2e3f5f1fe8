"""The office's five units as the manual names them, and the starting topic catalog of a new installation."""

from .catalog_history import EARLIER_CATALOGS

BIDANG = [
    # code, name, room
    ("anggaran", "Bidang Anggaran", "Ruang Bidang Anggaran"),
    ("perbendaharaan", "Bidang Perbendaharaan", "Ruang Bidang Perbendaharaan"),
    ("akuntansi", "Bidang Akuntansi", "Ruang Bidang Akuntansi"),
    ("aset", "Bidang Aset", "Ruang Bidang Aset"),
    ("sekretariat", "Sekretariat", "Ruang Sekretariat"),
]


# A new office's units (offices.models.Template.GENERIC): the Sekretariat and its subbagian that every
# OPD has; its administrator renames them and adds the office's own Bidang.
GENERIC_BIDANG = [
    ("sekretariat", "Sekretariat", "Ruang Sekretariat"),
    ("umum", "Subbagian Umum dan Kepegawaian", "Ruang Subbagian Umum"),
    ("keuangan", "Subbagian Keuangan", "Ruang Subbagian Keuangan"),
    ("perencanaan", "Subbagian Perencanaan dan Pelaporan", "Ruang Subbagian Perencanaan"),
]
GENERIC_TOPICS = [
    ("umum", "Surat-menyurat dan undangan", "Surat masuk, disposisi, undangan rapat dan audiensi.",
     "surat, surat masuk, disposisi, undangan, rapat, audiensi, agenda"),
    ("umum", "Kepegawaian", "Cuti, mutasi, kenaikan pangkat, SKP, magang dan penelitian.",
     "cuti, mutasi, pangkat, kenaikan pangkat, SKP, magang, PKL, penelitian, riset, pegawai"),
    ("keuangan", "Keuangan kantor", "Pembayaran, SPJ dan administrasi keuangan kantor ini.",
     "pembayaran, tagihan, SPJ, SPP, SPM, kuitansi, bendahara, honor"),
    ("perencanaan", "Perencanaan dan laporan kinerja", "Renstra, renja, laporan kinerja dan data.",
     "renstra, renja, rencana kerja, LKjIP, SAKIP, laporan kinerja, IKU, data, statistik"),
    ("sekretariat", "Bertemu pimpinan", "Audiensi dan koordinasi dengan kepala kantor atau sekretaris.",
     "kepala, kepala dinas, kepala badan, sekretaris, pimpinan, audiensi, koordinasi"),
]


def units_of(template: str) -> list[tuple[str, str, str]]:
    return BIDANG if template == "bpkad" else GENERIC_BIDANG


def ensure_bidang(Bidang, template: str = "bpkad") -> None:
    """Create any missing unit; never touch one an administrator has edited."""
    for order, (code, name, room) in enumerate(units_of(template), start=1):
        Bidang.objects.get_or_create(code=code, defaults={"name": name, "room": room, "order": order})

# The starting topic catalog: (Bidang code, topic, description, keywords and synonyms), built from
# the vocabulary of the rules the office works under (docs/routing.md says which rule each group
# comes from): the abbreviation, the spelled-out form and the everyday word side by side. The admin
# edits these afterwards; ensure_topics never overwrites an edited topic.
TOPICS = [
    # --- Bidang Anggaran: Permendagri 77/2020 bab penganggaran (RKA, DPA, APBD, pergeseran, anggaran kas),
    # Perpres 33/2020 standar harga satuan, SIPD modul penganggaran
    ("anggaran", "Penyusunan RKA dan DPA", "Rencana kerja dan anggaran, dokumen pelaksanaan anggaran SKPD.",
     "RKA, RKA-SKPD, RKA SKPD, rencana kerja anggaran, rencana kerja dan anggaran, DPA, DPA-SKPD, DPPA, "
     "DPPA-SKPD, dokumen pelaksanaan anggaran, dokumen pelaksanaan perubahan anggaran, penyusunan anggaran, "
     "penganggaran, anggaran, pagu, pagu anggaran, pagu indikatif, pagu definitif, rincian belanja, "
     "asistensi RKA, verifikasi RKA, TAPD, tim anggaran pemerintah daerah, budget, budgeting"),
    ("anggaran", "KUA-PPAS dan APBD", "Kebijakan umum anggaran, prioritas plafon, APBD murni dan perubahan.",
     "KUA, PPAS, KUA-PPAS, kebijakan umum anggaran, prioritas dan plafon anggaran sementara, plafon anggaran, "
     "APBD, APBD perubahan, perubahan APBD, APBD-P, APBDP, P-APBD, RAPBD, rancangan APBD, perda APBD, "
     "rancangan perda APBD, evaluasi APBD, evaluasi rancangan perda, penjabaran APBD, perkada penjabaran, "
     "belanja daerah, belanja pegawai, belanja modal, belanja tidak terduga, BTT, belanja hibah, "
     "belanja bantuan sosial, NPHD, naskah perjanjian hibah daerah"),
    ("anggaran", "Pergeseran anggaran", "Pergeseran dan revisi anggaran antar rincian, sub kegiatan.",
     "pergeseran anggaran, pergeseran, geser anggaran, revisi anggaran, revisi DPA, perubahan anggaran, "
     "realokasi, realokasi anggaran, refocusing, rasionalisasi anggaran, antar objek belanja, "
     "antar rincian objek, antar sub kegiatan, budget revision"),
    ("anggaran", "Anggaran kas", "Anggaran kas dan rencana penarikan dana SKPD.",
     "anggaran kas, ankas, angkas, rencana penarikan dana, penarikan dana, cash budget"),
    ("anggaran", "Standar harga dan standar biaya", "SSH, SBU, HSPK dan ASB yang dipakai menyusun RKA.",
     "standar satuan harga, SSH, standar harga, standar biaya, standar biaya umum, SBU, standar biaya khusus, "
     "HSPK, harga satuan pokok kegiatan, ASB, analisis standar belanja"),
    ("anggaran", "SIPD penganggaran", "Input dan akun SIPD modul penganggaran, kode rekening, sub kegiatan.",
     "SIPD, SIPD RI, SIPD penganggaran, sistem informasi pemerintahan daerah, akun SIPD, user SIPD, "
     "input anggaran, kode rekening, kodefikasi, nomenklatur, sub kegiatan, program dan kegiatan"),
    # --- Bidang Perbendaharaan: Permendagri 77/2020 bab penatausahaan (SPD, SPP/SPM/SP2D UP, GU, TU, LS
    # and nihil, LPJ, the bendahara's books), PMK on the bendahara's taxes, the payments of every day
    ("perbendaharaan", "SPD", "Surat Penyediaan Dana.",
     "SPD, surat penyediaan dana, penyediaan dana, penerbitan SPD"),
    ("perbendaharaan", "SPP (UP/GU/TU/LS)",
     "Surat Permintaan Pembayaran: uang persediaan, ganti uang, tambahan uang, langsung, dan nihilnya.",
     "SPP, SPP-UP, SPP-GU, SPP-TU, SPP-LS, surat permintaan pembayaran, UP, uang persediaan, GU, ganti uang, "
     "ganti uang persediaan, tambahan uang, tambahan uang persediaan, LS, pembayaran langsung, LS gaji, "
     "SPP gaji, LS barang dan jasa, GU nihil, TU nihil, SPP nihil, nihil, penihilan"),
    ("perbendaharaan", "SPM", "Surat Perintah Membayar.",
     "SPM, SPM-UP, SPM-GU, SPM-TU, SPM-LS, surat perintah membayar, penerbitan SPM, verifikasi SPM, SPTJM, "
     "surat pernyataan tanggung jawab mutlak"),
    ("perbendaharaan", "SP2D", "Surat Perintah Pencairan Dana, kas umum daerah dan pencairan ke rekening.",
     "SP2D, surat perintah pencairan dana, pencairan dana, pencairan, cair, dicairkan, dana belum cair, "
     "register SP2D, transfer dana, BUD, kuasa BUD, bendahara umum daerah, RKUD, rekening kas umum daerah, "
     "kas umum daerah, kas daerah, kasda, payment, pembayaran, disbursement"),
    ("perbendaharaan", "SPJ",
     "Surat dan laporan pertanggungjawaban bendahara (LPJ UP/GU/TU), fungsional dan administratif.",
     "SPJ, surat pertanggungjawaban, pertanggungjawaban, SPJ fungsional, SPJ administratif, LPJ, LPJ UP, "
     "LPJ GU, LPJ TU, laporan pertanggungjawaban, kwitansi, kuitansi, bukti belanja, nota pesanan, NPD, "
     "nota pencairan dana, accountability report"),
    ("perbendaharaan", "Bendahara dan BKU", "Bendahara pengeluaran/penerimaan, buku kas umum, setoran, kas bendahara.",
     "bendahara, bendahara pengeluaran, bendahara penerimaan, bendahara pembantu, BPP, PPK SKPD, PPTK, "
     "pejabat penatausahaan keuangan, SK bendahara, penggantian bendahara, BKU, buku kas umum, buku pembantu, "
     "kas bendahara, saldo kas, kas tunai, rekening bendahara, STS, surat tanda setoran, setoran, "
     "penyetoran, sisa UP, pengembalian belanja, contra pos, SIPD penatausahaan, penatausahaan, "
     "penatausahaan keuangan, treasurer"),
    ("perbendaharaan", "Pajak", "Potongan, pungutan dan setoran pajak atas belanja daerah.",
     "pajak, PPN, PPh, PPh 21, PPh 22, PPh 23, PPh pasal 21, PPh pasal 4 ayat 2, PPh final, setoran pajak, "
     "potongan pajak, pemungutan pajak, pungutan pajak, NTPN, e-billing, billing pajak, kode billing, "
     "faktur pajak, e-faktur, NPWP, SPT masa, bukti potong, tax"),
    ("perbendaharaan", "Gaji, TPP dan honorarium",
     "Pembayaran kepada pegawai: gaji, TPP, honor, lembur, perjalanan dinas, iuran.",
     "gaji, daftar gaji, gaji ke-13, gaji 13, THR, tunjangan hari raya, TPP, tambahan penghasilan pegawai, "
     "tunjangan, honor, honorarium, honor narasumber, uang lembur, lembur, uang makan, perjalanan dinas, "
     "SPPD, biaya perjalanan dinas, uang harian, iuran BPJS, BPJS, BPJS kesehatan, BPJS ketenagakerjaan, "
     "Taspen, potongan gaji, insentif, salary"),
    ("perbendaharaan", "Pembayaran kontrak dan pihak ketiga",
     "LS kepada penyedia: termin, uang muka, retensi, jaminan.",
     "pembayaran kontrak, kontrak, termin, pembayaran termin, uang muka, uang muka kontrak, retensi, "
     "jaminan pemeliharaan, masa pemeliharaan, jaminan uang muka, pihak ketiga, LS pihak ketiga, rekanan, "
     "penyedia, tagihan, berita acara pembayaran, denda keterlambatan, pembayaran pekerjaan"),
    ("perbendaharaan", "Dana transfer, hibah dan bantuan", "Penyaluran dana desa, bagi hasil, hibah, bansos, BOS.",
     "dana desa, DD, ADD, alokasi dana desa, bagi hasil pajak, bagi hasil retribusi, dana hibah, "
     "pencairan hibah, penyaluran hibah, bantuan sosial, bansos, bantuan keuangan, bankeu, penyaluran dana, "
     "dana BOS, BOS, SP2B, SP3B, pengesahan belanja"),
    # --- Bidang Akuntansi: PP 71/2010 (SAP berbasis akrual: LRA, LPSAL, neraca, LO, LAK, LPE, CaLK) and
    # Permendagri 77/2020 bab akuntansi dan pelaporan; UU 15/2004 on BPK's audit and its follow-up
    ("akuntansi", "Laporan keuangan", "LKPD dan laporan keuangan SKPD: LRA, neraca, LO, LPE, LAK, LPSAL, CaLK.",
     "laporan keuangan, LK, lapkeu, LKPD, LK SKPD, LK OPD, LKPD unaudited, LKPD audited, "
     "laporan keuangan semester, LRA, laporan realisasi anggaran, realisasi anggaran, prognosis, neraca, "
     "CaLK, catatan atas laporan keuangan, pengungkapan, LO, laporan operasional, LPE, "
     "laporan perubahan ekuitas, ekuitas, LAK, laporan arus kas, arus kas, LPSAL, LP-SAL, "
     "laporan perubahan saldo anggaran lebih, SAL, SiLPA, konsolidasi, laporan keuangan BLUD, "
     "financial report, financial statement, financial statements"),
    ("akuntansi", "Rekonsiliasi", "Rekonsiliasi belanja, pendapatan, kas dan bank dengan SKPD.",
     "rekonsiliasi, rekonsiliasi belanja, rekonsiliasi pendapatan, rekonsiliasi kas, rekonsiliasi bank, "
     "rekonsiliasi SP2D, berita acara rekonsiliasi, reconciliation, selisih kas, cocokkan data keuangan, "
     "pencocokan data"),
    ("akuntansi", "Jurnal dan kebijakan akuntansi",
     "Penjurnalan, koreksi, akrual, kebijakan akuntansi (SAP), bagan akun.",
     "jurnal, jurnal umum, jurnal koreksi, jurnal penyesuaian, jurnal penutup, penjurnalan, posting, "
     "posting jurnal, buku besar, buku besar pembantu, neraca saldo, akuntansi, akuntansi akrual, "
     "basis akrual, akrual, SAP, standar akuntansi pemerintahan, PSAP, kebijakan akuntansi, sistem akuntansi, "
     "bagan akun standar, BAS, kode akun, saldo awal, beban, beban penyusutan, piutang, penyisihan piutang, "
     "utang, utang belanja, kewajiban, pendapatan LO, reklasifikasi, SIPD akuntansi, modul akuntansi, "
     "accounting, journal"),
    ("akuntansi", "Temuan BPK", "Pemeriksaan BPK atas LKPD, reviu APIP, dan tindak lanjut temuan.",
     "temuan BPK, BPK, BPK RI, LHP, LHP BPK, laporan hasil pemeriksaan, pemeriksaan BPK, pemeriksaan interim, "
     "tindak lanjut temuan, tindak lanjut rekomendasi, TLHP, rekomendasi BPK, temuan, opini, WTP, WDP, "
     "audit, auditor, reviu laporan keuangan, APIP, entry meeting, exit meeting, kelebihan bayar, "
     "kelebihan pembayaran"),
    # --- Bidang Aset: Permendagri 19/2016 (amended by 7/2024) on BMD, stage by stage: perencanaan,
    # pengadaan, penggunaan, pemanfaatan, pengamanan dan pemeliharaan, penilaian, pemindahtanganan,
    # pemusnahan, penghapusan, penatausahaan (pembukuan, inventarisasi, KIB A-F, pelaporan), ganti rugi
    ("aset", "Barang milik daerah", "Penatausahaan BMD secara umum, pengurus barang, aplikasi aset, penyusutan.",
     "BMD, barang milik daerah, aset, aset daerah, aset tetap, aset lainnya, asset, assets, barang daerah, "
     "SIMDA BMD, SIMBADA, pengurus barang, pengurus barang pengguna, penyimpan barang, pengelola barang, "
     "pengguna barang, kuasa pengguna barang, penyusutan, penyusutan aset, kapitalisasi, nilai aset, "
     "aset tak berwujud, ATB, ekstrakomptabel, intrakomptabel"),
    ("aset", "Perencanaan dan penerimaan BMD", "RKBMD, standar kebutuhan, dan pencatatan barang hasil pengadaan.",
     "RKBMD, rencana kebutuhan barang milik daerah, rencana kebutuhan barang, perencanaan kebutuhan, "
     "standar kebutuhan barang, rencana kebutuhan pemeliharaan, hasil pengadaan, penerimaan barang, "
     "BAST, berita acara serah terima, serah terima barang"),
    ("aset", "Penggunaan BMD", "Penetapan dan pengalihan status penggunaan, barang yang tidak dipakai.",
     "penetapan status penggunaan, status penggunaan, penggunaan BMD, pengalihan status penggunaan, "
     "alih status, penggunaan sementara, barang idle, BMD idle, aset idle, penyerahan BMD"),
    ("aset", "KIB dan inventarisasi", "Kartu inventaris barang A-F, inventarisasi, sensus, mutasi dan laporan barang.",
     "KIB, KIB A, KIB B, KIB C, KIB D, KIB E, KIB F, kartu inventaris barang, KIR, kartu inventaris ruangan, "
     "peralatan dan mesin, gedung dan bangunan, jalan irigasi dan jaringan, aset tetap lainnya, "
     "konstruksi dalam pengerjaan, KDP, inventarisasi, inventaris, sensus barang, stock opname, stok opname, "
     "inventory, pencatatan barang, pembukuan BMD, daftar barang, daftar barang pengguna, label barang, "
     "kodefikasi barang, kode barang, laporan barang, laporan BMD, mutasi barang, mutasi aset, mutasi BMD, "
     "rekonsiliasi aset, rekonsiliasi BMD, rekonsiliasi barang, persediaan, barang persediaan, "
     "laporan persediaan"),
    ("aset", "Penghapusan BMD", "Penghapusan dan pemusnahan barang rusak atau hilang; tuntutan ganti rugi.",
     "penghapusan, penghapusan barang, penghapusan aset, penghapusan BMD, hapus aset, barang rusak, "
     "rusak berat, rusak ringan, pemusnahan, barang hilang, kehilangan barang, tuntutan ganti rugi, TGR, "
     "write off"),
    ("aset", "Pemanfaatan BMD", "Sewa, pinjam pakai, kerja sama pemanfaatan, BGS/BSG, KSPI.",
     "pemanfaatan, pemanfaatan aset, pemanfaatan BMD, sewa, sewa aset, sewa gedung, sewa tanah, sewa ruko, "
     "sewa kios, pinjam pakai, kerja sama pemanfaatan, KSP, KSPI, kerja sama penyediaan infrastruktur, "
     "bangun guna serah, BGS, bangun serah guna, BSG"),
    ("aset", "Pemindahtanganan BMD", "Penjualan, lelang, hibah, tukar menukar, penyertaan modal BMD.",
     "pemindahtanganan, penjualan aset, penjualan kendaraan, lelang, lelang kendaraan, lelang barang, KPKNL, "
     "tukar menukar, tukar guling, hibah aset, hibah barang, hibah BMD, penyertaan modal, "
     "penyertaan modal pemerintah daerah, serah terima aset, BAST aset"),
    ("aset", "Pengamanan, pemeliharaan dan penilaian BMD", "Pengamanan fisik dan hukum, pemeliharaan, penilaian aset.",
     "pengamanan, pengamanan aset, pengamanan BMD, pengamanan tanah, pemeliharaan barang, pemeliharaan aset, "
     "penilaian, penilaian aset, penilaian BMD, penilai, appraisal, revaluasi, asuransi barang, "
     "sengketa tanah, diserobot"),
    ("aset", "Tanah dan kendaraan dinas", "Sertifikat tanah pemda, gedung, kendaraan dinas dan BPKB.",
     "tanah, tanah pemda, sertifikat tanah, sertipikat, sertifikasi tanah, kendaraan dinas, mobil dinas, "
     "motor dinas, kendaraan, BPKB, STNK, plat merah, gedung kantor, rumah dinas"),
    # --- Sekretariat: everything else (the manual's catch-all): letters, the badan's own staff and
    # planning, meetings and general matters
    ("sekretariat", "Surat menyurat", "Surat masuk, undangan, disposisi, nota dinas, arsip.",
     "surat, surat masuk, surat keluar, undangan, surat undangan, disposisi, nota dinas, mengantar surat, "
     "antar surat, menyerahkan surat, titip surat, titip dokumen, arsip, kearsipan, letter, invitation"),
    ("sekretariat", "Kepegawaian", "Urusan pegawai BPKAD: cuti, mutasi, pangkat, SKP, magang dan penelitian.",
     "kepegawaian, pegawai, ASN, PNS, PPPK, CPNS, honorer, cuti, mutasi, mutasi pegawai, SK mutasi, "
     "kenaikan pangkat, pangkat, SK, SK pegawai, absensi, daftar hadir, apel, kehadiran, "
     "kenaikan gaji berkala, KGB, pensiun, SKP, sasaran kinerja pegawai, penilaian SKP, penilaian kinerja, "
     "diklat, magang, PKL, praktik kerja lapangan, penelitian, riset, skripsi, tesis, lamaran kerja, staffing"),
    ("sekretariat", "Perencanaan dan kinerja BPKAD", "Renstra, renja, laporan kinerja dan indikator badan sendiri.",
     "renstra, rencana strategis, renja, rencana kerja BPKAD, LKjIP, LAKIP, SAKIP, laporan kinerja, IKU, "
     "indikator kinerja, perjanjian kinerja, program kerja"),
    ("sekretariat", "Umum dan rumah tangga", "Rapat, audiensi, permohonan data dan informasi, keluhan.",
     "umum, rapat, rapat koordinasi, audiensi, kunjungan kerja, kunker, studi banding, silaturahmi, "
     "permohonan data, data, informasi, permohonan informasi, PPID, keluhan, pengaduan, ATK, "
     "perlengkapan kantor, sosialisasi, bertemu kepala badan, kepala badan, sekretaris, DPRD, general"),
]


def ensure_topics(Topic, Bidang) -> None:
    """Create any missing topic of the starting catalog and bring an untouched one up to date.

    A topic is untouched while it equals what an earlier version of the catalog seeded (Bidang,
    description, keywords, active): anything an administrator changed, even one keyword added
    from a proposal, keeps the topic as the administrator left it.
    """
    units = {b.code: b for b in Bidang.objects.all()}
    existing = {t.name: t for t in Topic.objects.filter(name__in=[row[1] for row in TOPICS]).select_related("bidang")}
    for code, name, description, keywords in TOPICS:
        topic = existing.get(name)
        if code not in units:
            continue
        if topic is None:
            Topic.objects.create(name=name, bidang=units[code], description=description, keywords=keywords)
        elif _untouched(topic) and (topic.description, topic.keywords) != (description, keywords):
            topic.description, topic.keywords = description, keywords
            topic.save(update_fields=["description", "keywords"])


_SEEDED = frozenset(row for catalog in EARLIER_CATALOGS for row in catalog)


def _untouched(topic) -> bool:
    return topic.active and (topic.bidang.code, topic.name, topic.description, topic.keywords) in _SEEDED

