"""The SOP "Koordinasi dan Konsultasi Tamu Dinas" as the manual states it, and the units guests come from."""

SOP_STEPS = [
    # number, short name, activity, performer, standard (minutes; None: not set in the SOP)
    (1, "Tamu datang",
     "Tamu dari OPD atau instansi lain datang berkunjung ke BPKAD untuk melakukan koordinasi dan konsultasi",
     "Tamu (dicatat Petugas)", 5),
    (2, "Petugas menyambut tamu",
     "Petugas menyambut tamu dari OPD atau instansi lain di teras/pintu luar", "Petugas", 2),
    (3, "Petugas melapor ke Kasubbag Umum",
     "Petugas melaporkan kepada Kasubbag Umum dan Kepegawaian", "Petugas", 2),
    (4, "Kasubbag Umum mengarahkan ke Bidang",
     "Kasubbag Umum dan Kepegawaian atau petugas piket menanyakan keperluan tamu dan memberitahukan "
     "Bidang atau Bagian yang akan ditemui", "Kasubbag Umum / petugas piket", 5),
    (5, "Tamu menghadap pejabat (konsultasi)",
     "Tamu menghadap Sekretaris/Kabid/Kasubbid/Kasubbag/Pelaksana yang akan ditemui untuk melakukan "
     "koordinasi dan konsultasi", "Sekretaris/Kabid/Kasubbid/Kasubbag/Pelaksana", None),
    (6, "Tamu selesai",
     "Tamu telah selesai melakukan koordinasi dan konsultasi", "Tamu / Petugas", 2),
]

INSTANSI = [
    "Sekretariat Daerah Kabupaten Lampung Selatan",
    "Sekretariat DPRD Kabupaten Lampung Selatan",
    "Inspektorat Kabupaten Lampung Selatan",
    "Badan Perencanaan Pembangunan Daerah (Bappeda)",
    "Badan Pendapatan Daerah (Bapenda)",
    "Badan Kepegawaian dan Pengembangan SDM (BKPSDM)",
    "Badan Kesatuan Bangsa dan Politik",
    "Badan Penanggulangan Bencana Daerah (BPBD)",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "RSUD dr. H. Bob Bazar, SKM",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan, Kawasan Permukiman dan Pertanahan",
    "Dinas Sosial",
    "Dinas Tenaga Kerja",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Perhubungan",
    "Dinas Komunikasi dan Informatika",
    "Dinas Koperasi dan UKM",
    "Dinas Penanaman Modal dan PTSP",
    "Dinas Lingkungan Hidup",
    "Dinas Pertanian",
    "Dinas Ketahanan Pangan, Tanaman Pangan dan Hortikultura",
    "Dinas Perikanan",
    "Dinas Perdagangan dan Perindustrian",
    "Dinas Pariwisata",
    "Dinas Kepemudaan dan Olahraga",
    "Dinas Perpustakaan dan Kearsipan",
    "Satuan Polisi Pamong Praja",
    "Kecamatan Bakauheni", "Kecamatan Candipuro", "Kecamatan Jati Agung", "Kecamatan Kalianda",
    "Kecamatan Katibung", "Kecamatan Ketapang", "Kecamatan Merbau Mataram", "Kecamatan Natar",
    "Kecamatan Palas", "Kecamatan Penengahan", "Kecamatan Rajabasa", "Kecamatan Sidomulyo",
    "Kecamatan Sragi", "Kecamatan Tanjung Bintang", "Kecamatan Tanjung Sari", "Kecamatan Way Panji",
    "Kecamatan Way Sulan",
]


DOCUMENTS = [
    ("SPD", "Surat Penyediaan Dana"), ("SPP", "Surat Permintaan Pembayaran"),
    ("SPM", "Surat Perintah Membayar"), ("SP2D", "Surat Perintah Pencairan Dana"),
    ("SPJ", "Surat Pertanggungjawaban"), ("RKA", "Rencana Kerja dan Anggaran"),
    ("DPA", "Dokumen Pelaksanaan Anggaran"), ("KUA-PPAS", "Kebijakan Umum Anggaran - PPAS"),
    ("APBD", "Anggaran Pendapatan dan Belanja Daerah"), ("BKU", "Buku Kas Umum"),
    ("LRA", "Laporan Realisasi Anggaran"), ("LKPD", "Laporan Keuangan Pemerintah Daerah"),
    ("CaLK", "Catatan atas Laporan Keuangan"), ("Neraca", "Neraca"),
    ("KIB", "Kartu Inventaris Barang"), ("BAST", "Berita Acara Serah Terima"),
]


# A new office's documents (offices.models.Template.GENERIC); its administrator adds its own.
GENERIC_DOCUMENTS = [
    ("Surat", "Surat dinas"), ("Undangan", "Undangan rapat"), ("Proposal", "Proposal kegiatan"),
    ("Laporan", "Laporan kegiatan"), ("SPJ", "Surat Pertanggungjawaban"),
]


def ensure_documents(DocumentType, template: str = "bpkad") -> None:
    for order, (code, name) in enumerate(DOCUMENTS if template == "bpkad" else GENERIC_DOCUMENTS, start=1):
        DocumentType.objects.get_or_create(code=code, defaults={"name": name, "order": order})


def ensure_sop_steps(SopStep, template: str = "bpkad") -> None:
    """Create any missing step; an administrator's edited standards are kept. Every office starts from
    the manual's six steps and standards; only BPKAD's own name is left out of another office's."""
    for number, short_name, name, performer, minutes in SOP_STEPS:
        if template != "bpkad":
            name = name.replace("ke BPKAD", "ke kantor ini")
        SopStep.objects.get_or_create(
            number=number,
            defaults={"short_name": short_name, "name": name, "performer": performer, "standard_minutes": minutes},
        )


def ensure_instansi(Instansi) -> None:
    for name in INSTANSI:
        Instansi.objects.get_or_create(name=name)


# The manual's arrival rules, seeded by the migration; the admin edits them (or switches them all off).
ARRIVAL_RULES = [
    "Melapor terlebih dahulu kepada petugas di pintu luar",
    "Memakai masker",
    "Menjaga jarak",
    "Mencuci tangan memakai sabun di tempat yang disediakan",
]


def ensure_arrival_rules(ArrivalRule) -> None:
    for order, text in enumerate(ARRIVAL_RULES, start=1):
        ArrivalRule.objects.get_or_create(text=text, defaults={"order": order})
