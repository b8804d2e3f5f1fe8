"""The nine elements (unsur) of PermenPANRB No. 14 of 2017 as the starting questionnaire.

Each unsur has its question and the wordings of its four answers (1 = worst, 4 = best), taken from
the regulation's sample questionnaire. The administrator edits them afterwards; this is only the
data a new installation starts with.
"""

UNSUR = [
    # number, name, question, answers 1..4
    (1, "Persyaratan",
     "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
     ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    (2, "Sistem, Mekanisme, dan Prosedur",
     "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
     ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    (3, "Waktu Penyelesaian",
     "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
     ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    (4, "Biaya/Tarif",
     "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
     ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    (5, "Produk Spesifikasi Jenis Pelayanan",
     "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
     "standar pelayanan dengan hasil yang diberikan?",
     ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    (6, "Kompetensi Pelaksana",
     "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
     ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")),
    (7, "Perilaku Pelaksana",
     "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
     ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah")),
    (8, "Penanganan Pengaduan, Saran dan Masukan",
     "Bagaimana pendapat Saudara tentang penanganan pengaduan, saran dan masukan pengguna layanan?",
     ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik")),
    (9, "Sarana dan Prasarana",
     "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
     ("Buruk", "Cukup", "Baik", "Sangat baik")),
]


def ensure_unsur(Unsur) -> None:
    """Create any missing unsur; never touch one an administrator has edited."""
    for number, name, question, answers in UNSUR:
        wordings = {f"answer_{value}": text for value, text in enumerate(answers, start=1)}
        Unsur.objects.get_or_create(number=number, defaults={"name": name, "question": question, **wordings})
