"""Small decision histories and in-memory topics for the routing tests (no database needed)."""

from dataclasses import dataclass
from datetime import timedelta

from routing.learn import Decision
from tests.factories import wib


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    order: int
    pk: int


@dataclass(frozen=True)
class T:
    pk: int
    name: str
    bidang: Unit
    keywords: str

    def keyword_list(self):
        return [k.strip() for k in self.keywords.split(",") if k.strip()]


ANGGARAN = Unit("anggaran", "Bidang Anggaran", 1, 1)
PERBEND = Unit("perbendaharaan", "Bidang Perbendaharaan", 2, 2)
ASET = Unit("aset", "Bidang Aset", 4, 4)
SEKRETARIAT = Unit("sekretariat", "Sekretariat", 5, 5)
DPA = T(1, "Penyusunan RKA dan DPA", ANGGARAN, "DPA, RKA")
SP2D = T(2, "SP2D", PERBEND, "SP2D, pencairan")
HONOR = T(3, "Gaji dan honor", PERBEND, "gaji")
KIB = T(4, "KIB", ASET, "KIB, inventarisasi")
PEGAWAI = T(5, "Kepegawaian", SEKRETARIAT, "pegawai, cuti")
TOPICS = [DPA, SP2D, HONOR, KIB, PEGAWAI]


def decisions(*rows, start=None) -> list[Decision]:
    """Decisions one minute apart: (text, bidang, topic or None, overridden)."""
    start = start or wib(2026, 10, 1, 9)
    return [Decision(text, code, topic.pk if topic else None, start + timedelta(minutes=i), overridden=overridden)
            for i, (text, code, topic, overridden) in enumerate(rows)]


def office_history(honor_needs: int = 6) -> list[Decision]:
    """An office whose honor payments the keywords do not know: the Kasubbag overrode them each time."""
    rows = [(f"bayar honor narasumber kegiatan {i}", "perbendaharaan", HONOR, True) for i in range(honor_needs)]
    rows += [("SP2D belum terbit", "perbendaharaan", SP2D, False)] * 3
    rows += [("revisi DPA dinas", "anggaran", DPA, False)] * 3
    rows += [("inventarisasi barang sekolah", "aset", KIB, False)] * 3
    rows += [("cuti pegawai", "sekretariat", PEGAWAI, False)] * 3
    return decisions(*rows)
