"""Earlier versions of the starting topic catalog, frozen as they were seeded.

`ensure_topics` brings a topic up to date only while it still equals what some earlier version
seeded: that is how it knows the administrator never edited it. Never change a version here;
when the catalog in routing/catalog.py changes again, add the version it replaces.
"""

# Seeded by migration 0004 (issue 7): written together with the phrases that tested it.
CATALOG_V1 = [
    ("anggaran", "Penyusunan RKA dan DPA", "Rencana kerja dan anggaran, dokumen pelaksanaan anggaran SKPD.",
     "RKA, RKA-SKPD, rencana kerja anggaran, rencana kerja dan anggaran, DPA, DPA-SKPD, DPPA, "
     "dokumen pelaksanaan anggaran, penyusunan anggaran, penganggaran, anggaran, pagu, pagu anggaran, "
     "pagu indikatif, budget, budgeting"),
    ("anggaran", "KUA-PPAS dan APBD", "Kebijakan umum anggaran, prioritas plafon, APBD murni dan perubahan.",
     "KUA, PPAS, KUA-PPAS, APBD, APBD perubahan, APBD-P, APBDP, RAPBD, perda APBD, penjabaran APBD, "
     "perkada penjabaran, plafon anggaran, belanja daerah"),
    ("anggaran", "Pergeseran anggaran", "Pergeseran dan revisi anggaran antar rincian, sub kegiatan.",
     "pergeseran anggaran, pergeseran, geser anggaran, revisi anggaran, revisi DPA, perubahan anggaran, "
     "realokasi, realokasi anggaran, budget revision"),
    ("anggaran", "Anggaran kas", "Anggaran kas dan rencana penarikan dana SKPD.",
     "anggaran kas, ankas, angkas, rencana penarikan dana, cash budget"),
    ("anggaran", "SIPD penganggaran", "Input dan akun SIPD modul penganggaran, kode rekening, sub kegiatan.",
     "SIPD, SIPD penganggaran, SIPD RI, input anggaran, kode rekening, sub kegiatan, nomenklatur, "
     "standar harga, SSH, HSPK, ASB"),
    ("perbendaharaan", "SPD", "Surat Penyediaan Dana.",
     "SPD, surat penyediaan dana, penyediaan dana"),
    ("perbendaharaan", "SPP (UP/GU/TU/LS)",
     "Surat Permintaan Pembayaran: uang persediaan, ganti uang, tambahan uang, langsung.",
     "SPP, SPP-UP, SPP-GU, SPP-TU, SPP-LS, surat permintaan pembayaran, uang persediaan, ganti uang, "
     "ganti uang persediaan, tambahan uang, LS gaji, SPP gaji, pembayaran langsung"),
    ("perbendaharaan", "SPM", "Surat Perintah Membayar.",
     "SPM, SPM-UP, SPM-GU, SPM-TU, SPM-LS, surat perintah membayar, penerbitan SPM"),
    ("perbendaharaan", "SP2D", "Surat Perintah Pencairan Dana dan pencairan ke rekening.",
     "SP2D, surat perintah pencairan dana, pencairan dana, pencairan, cair, dana belum cair, transfer dana, "
     "payment, pembayaran, disbursement"),
    ("perbendaharaan", "SPJ", "Surat Pertanggungjawaban bendahara, fungsional dan administratif.",
     "SPJ, surat pertanggungjawaban, pertanggungjawaban, SPJ fungsional, SPJ administratif, LPJ, "
     "laporan pertanggungjawaban, kwitansi, bukti belanja, nota pesanan, accountability report"),
    ("perbendaharaan", "Bendahara dan BKU", "Bendahara pengeluaran/penerimaan, buku kas umum, kas bendahara.",
     "bendahara, bendahara pengeluaran, bendahara penerimaan, bendahara pembantu, BKU, buku kas umum, "
     "buku pembantu, kas bendahara, saldo kas, SIPD penatausahaan, penatausahaan, treasurer"),
    ("perbendaharaan", "Pajak", "Potongan dan setoran pajak atas belanja daerah.",
     "pajak, PPN, PPh, PPh 21, PPh 22, PPh 23, PPh pasal 21, setoran pajak, potongan pajak, NTPN, "
     "e-billing, billing pajak, kode billing, faktur pajak, NPWP, tax"),
    ("akuntansi", "Laporan keuangan", "LKPD dan laporan keuangan SKPD: LRA, neraca, LO, LPE, LAK, CaLK.",
     "laporan keuangan, LK, lapkeu, LKPD, LK SKPD, LKPD unaudited, LRA, laporan realisasi anggaran, "
     "realisasi anggaran, neraca, neraca saldo, CaLK, catatan atas laporan keuangan, LO, "
     "laporan operasional, LPE, laporan perubahan ekuitas, LAK, laporan arus kas, LPSAL, "
     "financial report, financial statement, financial statements"),
    ("akuntansi", "Rekonsiliasi", "Rekonsiliasi belanja, pendapatan, kas dan aset dengan SKPD.",
     "rekonsiliasi, rekonsiliasi belanja, rekonsiliasi pendapatan, rekonsiliasi bank, reconciliation, "
     "selisih kas, cocokkan data keuangan"),
    ("akuntansi", "Jurnal dan kebijakan akuntansi", "Penjurnalan, koreksi, akrual, kebijakan akuntansi (SAP).",
     "jurnal, jurnal koreksi, jurnal penyesuaian, penjurnalan, akuntansi, buku besar, posting jurnal, "
     "SAP, standar akuntansi pemerintahan, kebijakan akuntansi, akrual, beban, piutang, utang belanja, "
     "accounting, journal"),
    ("akuntansi", "Temuan BPK", "Pemeriksaan BPK atas LKPD dan tindak lanjut temuan.",
     "temuan BPK, BPK, LHP, LHP BPK, pemeriksaan BPK, tindak lanjut temuan, TLHP, temuan, opini, WTP, "
     "audit, auditor, entry meeting, exit meeting"),
    ("aset", "Barang milik daerah", "Penatausahaan BMD secara umum, aplikasi aset.",
     "BMD, barang milik daerah, aset, aset daerah, aset tetap, asset, assets, barang daerah, SIMDA BMD, "
     "SIMBADA, pengurus barang, penyusutan, penyusutan aset, kapitalisasi, nilai aset"),
    ("aset", "KIB dan inventarisasi", "Kartu inventaris barang, inventarisasi dan sensus barang.",
     "KIB, KIB A, KIB B, KIB C, KIB D, KIB E, KIB F, kartu inventaris barang, KIR, kartu inventaris ruangan, "
     "inventarisasi, inventaris, sensus barang, stock opname, stok opname, inventory, pencatatan barang, "
     "label barang, kodefikasi barang"),
    ("aset", "Penghapusan BMD", "Penghapusan barang rusak atau hilang dari daftar BMD.",
     "penghapusan, penghapusan barang, penghapusan aset, penghapusan BMD, hapus aset, barang rusak, "
     "rusak berat, pemusnahan, barang hilang, write off"),
    ("aset", "Pemanfaatan BMD", "Sewa, pinjam pakai, kerja sama pemanfaatan BMD.",
     "pemanfaatan, pemanfaatan aset, pemanfaatan BMD, sewa aset, sewa gedung, sewa tanah, pinjam pakai, "
     "kerja sama pemanfaatan, KSP, bangun guna serah, BGS, BSG"),
    ("aset", "Pemindahtanganan BMD", "Penjualan, hibah, tukar menukar, penyertaan modal BMD.",
     "pemindahtanganan, hibah aset, hibah barang, penjualan aset, lelang, lelang kendaraan, tukar menukar, "
     "penyertaan modal, serah terima aset, BAST aset"),
    ("aset", "Tanah dan kendaraan dinas", "Sertifikat tanah pemda, kendaraan dinas dan BPKB.",
     "tanah, tanah pemda, sertifikat tanah, sertipikat, kendaraan dinas, mobil dinas, motor dinas, "
     "kendaraan, BPKB, STNK, plat merah, gedung kantor"),
    ("sekretariat", "Surat menyurat", "Surat masuk, undangan, disposisi, nota dinas.",
     "surat, surat masuk, surat keluar, undangan, surat undangan, disposisi, nota dinas, mengantar surat, "
     "antar surat, menyerahkan surat, letter, invitation"),
    ("sekretariat", "Kepegawaian", "Urusan pegawai BPKAD: cuti, mutasi, pangkat, magang dan penelitian.",
     "kepegawaian, pegawai, ASN, PNS, PPPK, honorer, cuti, mutasi, kenaikan pangkat, pangkat, SK, "
     "SK pegawai, absensi, kehadiran, kenaikan gaji berkala, KGB, pensiun, magang, PKL, "
     "praktik kerja lapangan, penelitian, riset, skripsi, lamaran kerja, staffing"),
    ("sekretariat", "Umum dan rumah tangga", "Rapat, audiensi, permohonan data dan informasi, keluhan.",
     "umum, rapat, audiensi, kunjungan kerja, studi banding, silaturahmi, permohonan data, data, informasi, "
     "PPID, keluhan, pengaduan, ATK, perlengkapan kantor, sosialisasi, bertemu kepala badan, kepala badan, "
     "general"),
]


EARLIER_CATALOGS = [CATALOG_V1]
