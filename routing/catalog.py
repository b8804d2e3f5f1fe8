"""The office's five units as the manual names them: the starting data of a new installation."""

BIDANG = [
    # code, name, room
    ("anggaran", "Bidang Anggaran", "Ruang Bidang Anggaran"),
    ("perbendaharaan", "Bidang Perbendaharaan", "Ruang Bidang Perbendaharaan"),
    ("akuntansi", "Bidang Akuntansi", "Ruang Bidang Akuntansi"),
    ("aset", "Bidang Aset", "Ruang Bidang Aset"),
    ("sekretariat", "Sekretariat", "Ruang Sekretariat"),
]


def ensure_bidang(Bidang) -> None:
    """Create any missing unit; never touch one an administrator has edited."""
    for order, (code, name, room) in enumerate(BIDANG, start=1):
        Bidang.objects.get_or_create(code=code, defaults={"name": name, "room": room, "order": order})
