"""Demo routing history: every routed demo visit gets a realistic keperluan, its topic, and a decision.

The needs are written the way guests word them, some in words the keyword catalog knows and some
not, so the suggestion (the keyword rules, as they stood when the guest came) is sometimes wrong
and the Kasubbag overrides it with a reason; a few guests are sent elsewhere for reasons of the
day. That gives "Mutu rute", `routing_eval` and the learned routing real figures to show. Every routed
visit gets a topic of its Bidang. Safe to repeat: a visit that already has a decision is left alone.
"""

import random

from django.db import connection, transaction

from offices.current import office_id
from offices.tenancy import MARK
from routing.models import Topic
from routing.suggest import suggest

from .demo import Writer, analyze
from .models import Consultation, RoutingDecision, Visit, VisitEvent, route_visit

# (what the guest says, the topic the Kasubbag picks), per Bidang
NEEDS = {
    "anggaran": [
        ("pergeseran anggaran sub kegiatan", "Pergeseran anggaran"), ("revisi DPA", "Pergeseran anggaran"),
        ("penyusunan RKA 2027", "Penyusunan RKA dan DPA"), ("input pagu di SIPD", "SIPD penganggaran"),
        ("anggaran kas triwulan", "Anggaran kas"), ("APBD perubahan", "KUA-PPAS dan APBD"),
        ("rincian belanja DPA tidak sesuai", "Penyusunan RKA dan DPA"),
        ("standar satuan harga barang baru", "Standar harga dan standar biaya"),
        ("usulan kegiatan baru untuk tahun depan", "Penyusunan RKA dan DPA"),
        ("penambahan volume kegiatan fisik", "Pergeseran anggaran"),
        ("kode rekening belanja salah", "SIPD penganggaran"),
        ("usulan tambahan kegiatan prioritas bupati", "KUA-PPAS dan APBD"),
    ],
    "perbendaharaan": [
        ("SP2D belum terbit", "SP2D"), ("pengajuan SPP-UP", "SPP (UP/GU/TU/LS)"), ("SPM gaji", "SPM"),
        ("LPJ GU bulan lalu", "SPJ"), ("TPP belum cair", "Gaji, TPP dan honorarium"),
        ("honor narasumber pelatihan", "Gaji, TPP dan honorarium"), ("uang lembur staf", "Gaji, TPP dan honorarium"),
        ("potongan PPh 21 honor", "Pajak"),
        ("pembayaran termin pekerjaan jalan", "Pembayaran kontrak dan pihak ketiga"),
        ("SPD triwulan II", "SPD"), ("transfer ke rekening penyedia gagal", "SP2D"),
        ("dana BOK puskesmas belum masuk", "Dana transfer, hibah dan bantuan"),
        ("insentif tenaga kesehatan belum dibayarkan", "Gaji, TPP dan honorarium"),
        ("rekening giro dinas diblokir bank", "Bendahara dan BKU"),
        ("belanja makan minum rapat, cara pembayarannya", "SPP (UP/GU/TU/LS)"),
        ("dana BOK dan kapitasi JKN", "Dana transfer, hibah dan bantuan"),
    ],
    "akuntansi": [
        ("laporan keuangan semester I", "Laporan keuangan"), ("LRA OPD", "Laporan keuangan"),
        ("jurnal koreksi belanja modal", "Jurnal dan kebijakan akuntansi"), ("rekonsiliasi belanja", "Rekonsiliasi"),
        ("tindak lanjut temuan BPK", "Temuan BPK"), ("saldo awal neraca", "Laporan keuangan"),
        ("penyusunan CaLK", "Laporan keuangan"), ("pendapatan diterima dimuka", "Jurnal dan kebijakan akuntansi"),
        ("kertas kerja konsolidasi", "Laporan keuangan"), ("pemeriksaan interim BPK", "Temuan BPK"),
        ("pendapatan diterima dimuka di akhir tahun", "Jurnal dan kebijakan akuntansi"),
        ("kertas kerja penyusunan LKPD", "Laporan keuangan"),
    ],
    "aset": [
        ("inventarisasi BMD", "KIB dan inventarisasi"), ("penghapusan kendaraan rusak berat", "Penghapusan BMD"),
        ("KIB B peralatan", "KIB dan inventarisasi"), ("sewa gedung pemda", "Pemanfaatan BMD"),
        ("pinjam pakai tanah", "Pemanfaatan BMD"), ("sertifikat tanah sekolah", "Tanah dan kendaraan dinas"),
        ("mutasi barang antar OPD", "KIB dan inventarisasi"), ("label barang inventaris", "KIB dan inventarisasi"),
        ("laptop kantor hilang, cara melaporkannya", "Penghapusan BMD"),
        ("genset rusak total", "Penghapusan BMD"), ("pengurus barang baru", "Barang milik daerah"),
        ("laptop dan printer rusak total", "Penghapusan BMD"),
    ],
    "sekretariat": [
        ("mengantar surat undangan", "Surat menyurat"), ("audiensi dengan kepala badan", "Umum dan rumah tangga"),
        ("magang mahasiswa", "Kepegawaian"), ("penelitian skripsi", "Kepegawaian"), ("cuti pegawai", "Kepegawaian"),
        ("kenaikan pangkat", "Kepegawaian"), ("rapat koordinasi", "Umum dan rumah tangga"),
        ("titip berkas untuk sekretaris", "Surat menyurat"), ("menyerahkan proposal kegiatan", "Umum dan rumah tangga"),
    ],
}
OPENINGS = ["Konsultasi", "Koordinasi", "Tanya", "Mau tanya", "Konfirmasi", "Minta arahan", "Mohon bantuan", ""]
ENDINGS = ["", "", " bulan ini", " tahun 2026", " dinas kami", " yang dikembalikan", ", mendesak"]
OVERRIDE_REASONS = [
    "Sudah dikonfirmasi dengan tamu: ini urusan {bidang}.",
    "Yang dibahas tamu ditangani {bidang}.",
    "Tamu membawa berkas untuk {bidang}.",
]
ELSEWHERE_REASONS = [
    "Pejabat yang biasa menangani sedang dinas luar; diterima {bidang}.",
    "Tamu sudah janji bertemu staf {bidang}.",
]
ELSEWHERE_SHARE = 0.03  # guests sent elsewhere for reasons of the day, not of the need


def add_routing_history(*, kasubbag, seed: int = 2026) -> int:
    """A keperluan, topic and routing decision for every routed visit that has no decision yet."""
    routes = list(VisitEvent.objects.filter(action="route", visit__routings__isnull=True, visit__bidang__isnull=False)
                  .order_by("at", "id").values_list("visit_id", "at", "visit__bidang__code", "visit__bidang_id"))
    if not routes:
        return 0
    rng = random.Random(seed + len(routes))
    topics = list(Topic.objects.filter(active=True, bidang__active=True).select_related("bidang"))
    by_name = {topic.name: topic for topic in topics}
    suggested = {}  # a few hundred distinct keperluan: each suggested once, not once per visit

    def keyword_rules(keperluan):  # the suggestion as the keyword rules made it when the guest came
        if keperluan not in suggested:
            suggested[keperluan] = suggest(keperluan, topics, model=None)[0]
        return suggested[keperluan]

    planned = [_plan(rng, code, topics, by_name, keyword_rules) for _, _, code, _ in routes]
    with transaction.atomic():
        Writer().no_wait_for_disk()
        _write(routes, planned, kasubbag)
    analyze(Visit, Consultation, RoutingDecision)
    return len(routes)


def route_today(*, visit, by, bidang, rng: random.Random, at, need_code: str = "") -> RoutingDecision:
    """Route one of today's demo visits the way the Kasubbag does, through `route_visit`: a need in the
    guest's words, its topic, and a reason where the suggestion (as the app makes it now) was not taken.
    `need_code`: the BPKAD Bidang whose needs the guest brings, for another office's unit (seed_office_demo)."""
    topics = list(Topic.objects.filter(active=True, bidang__active=True).select_related("bidang"))
    plan = _plan(rng, need_code or bidang.code, topics, {topic.name: topic for topic in topics},
                 lambda k: suggest(k)[0])
    if plan["topic"] is not None and plan["topic"].bidang_id != bidang.pk:
        plan["topic"] = next((topic for topic in topics if topic.bidang_id == bidang.pk), None)
    return route_visit(visit=visit, by=by, bidang=bidang, keperluan=plan["keperluan"], topic=plan["topic"],
                       override_reason=plan["reason"], at=at)


def _plan(rng: random.Random, code: str, topics, by_name, top_of) -> dict:
    elsewhere = rng.random() < ELSEWHERE_SHARE
    need_code = rng.choice([c for c in NEEDS if c != code]) if elsewhere else code
    words, topic_name = rng.choice(NEEDS[need_code])
    keperluan = f"{rng.choice(OPENINGS)} {words}{rng.choice(ENDINGS)}".strip()
    keperluan = keperluan[0].upper() + keperluan[1:]
    top = top_of(keperluan)
    if elsewhere:  # sent to a Bidang for reasons of the day: the Kasubbag files it under one of its topics
        topic_name = rng.choice(NEEDS[code])[1]
    topic = by_name.get(topic_name)
    if topic is None or topic.bidang.code != code:  # a topic the administrator renamed or moved
        topic = next((t for t in topics if t.bidang.code == code), None)
    reason = ""
    if top.bidang_code != code:
        template = rng.choice(ELSEWHERE_REASONS if elsewhere else OVERRIDE_REASONS)
        reason = template.format(bidang=_bidang_name(topics, code))
    return {"keperluan": keperluan, "topic": topic, "top": top, "reason": reason}


def _bidang_name(topics, code: str) -> str:
    return next((t.bidang.name for t in topics if t.bidang.code == code), code)


def _write(routes: list, planned: list[dict], kasubbag) -> None:
    needs = [(visit_id, plan["keperluan"], getattr(plan["topic"], "pk", None))
             for (visit_id, *_), plan in zip(routes, planned, strict=True)]
    (_needs_by_copy if connection.vendor == "postgresql" else _needs_by_update)(needs)
    Writer().rows(RoutingDecision, [
        {"visit_id": visit_id, "at": at, "by_id": kasubbag.pk, "keperluan": plan["keperluan"],
         "suggested_bidang_id": plan["top"].bidang_id, "suggested_topic_id": plan["top"].topic_id,
         "bidang_id": bidang_id, "topic_id": getattr(plan["topic"], "pk", None), "override_reason": plan["reason"]}
        for (visit_id, at, _, bidang_id), plan in zip(routes, planned, strict=True)])


def _needs_by_update(needs: list[tuple]) -> None:
    """Each visit's keperluan and topic, and its consultation's problem (the same words)."""
    visits = Visit.objects.in_bulk([visit_id for visit_id, _, _ in needs])
    consultations = {c.visit_id: c for c in Consultation.objects.filter(visit_id__in=visits)}
    for visit_id, keperluan, topic_id in needs:
        visits[visit_id].keperluan, visits[visit_id].topic_id = keperluan, topic_id
        if visit_id in consultations:
            consultations[visit_id].problem = keperluan
    Visit.objects.bulk_update(visits.values(), ["keperluan", "topic"], batch_size=2000)
    Consultation.objects.bulk_update(consultations.values(), ["problem"], batch_size=2000)


def _needs_by_copy(needs: list[tuple]) -> None:
    """The same on PostgreSQL, for a million visits: COPY into a temporary table, two UPDATE ... FROM."""
    visit, consultation = Visit._meta.db_table, Consultation._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE demo_needs (visit_id bigint PRIMARY KEY, keperluan text, topic_id bigint)"
                       " ON COMMIT DROP")
        with connection.connection.cursor() as raw, raw.copy("COPY demo_needs FROM STDIN") as copy:
            for row in needs:
                copy.write_row(row)
        cursor.execute(f"UPDATE {visit} AS v SET keperluan = n.keperluan, topic_id = n.topic_id "
                       f"FROM demo_needs AS n WHERE v.id = n.visit_id AND v.office_id = %s {MARK}", [office_id()])
        cursor.execute(f"UPDATE {consultation} AS c SET problem = n.keperluan FROM demo_needs AS n, {visit} AS v "
                       f"WHERE c.visit_id = n.visit_id AND v.id = c.visit_id AND v.office_id = %s {MARK}",
                       [office_id()])
