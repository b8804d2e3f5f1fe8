"""The SOP compliance report of a scope, every figure computed by an aggregate query.

A report runs a fixed number of queries whatever the number of visits: one for the visit counts,
one per table (per step, Bidang, topic, officer, day, channel, office/remote per Bidang), one for the
worst cases and two for the SOP steps and the threshold.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, F, Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pojok.words import duration_text, whole_seconds
from routing.models import Bidang, Topic

from ..models import (
    DOOR_STEPS,
    HAS_STANDARD,
    HAS_WAIT_STANDARD,
    OVER_STANDARD,
    REMOTE,
    WAIT_WITHIN,
    WAITED,
    WITHIN_STANDARD,
    Channel,
    ReportSettings,
    SopStep,
    State,
)
from .scope import Scope
from .sql import Percentile, SecondsBetween

WORST_LIMIT = 20
GOOD, NOT_GOOD = gettext_lazy("Berjalan dengan baik"), gettext_lazy("Tidak berjalan dengan baik")

RECEIVED = Q(number=5, received_at__isnull=False)  # step 5 rows that tell waiting from consultation
WAIT_ROW = "5a"  # the wait for the Bidang: a row of its own after step 5 in the step table and the sheet
WAIT_NAME = gettext_lazy("Menunggu diterima Bidang")


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def clock(seconds: int | None) -> str:
    """A duration in the report's words ("4 mnt 2 dtk"), a dash without a figure."""
    return duration_text(seconds)


def _compliance() -> dict:
    return {"steps": Count("id"), "with_standard": Count("id", filter=HAS_STANDARD),
            "within": Count("id", filter=WITHIN_STANDARD)}


def _waiting_and_consultation() -> dict:
    return {
        "median_wait": Percentile(SecondsBetween("received_at", "started_at"), 0.5, filter=RECEIVED),
        "median_consult": Percentile(SecondsBetween("ended_at", "received_at"), 0.5, filter=RECEIVED),
    }


def _shaped(row: dict) -> dict:
    """A result row with its derived figures: steps over standard, share within, whole seconds."""
    row["over"] = row["with_standard"] - row["within"]
    row["share"] = percent(row["within"], row["with_standard"])
    for key in ("median", "p90", "longest", "median_wait", "median_consult"):
        if key in row:
            row[key] = whole_seconds(row[key])
    return row


@dataclass
class Report:
    scope: Scope
    threshold: int
    headline: dict
    steps: list[dict]
    by_bidang: list[dict]
    by_topic: list[dict]
    by_officer: list[dict]
    by_day: list[dict]
    by_channel: list[dict] = field(default_factory=list)
    by_bidang_place: list[dict] = field(default_factory=list)
    worst: list = field(default_factory=list)
    wait: dict = field(default_factory=dict)

    @property
    def step_rows(self) -> list[dict]:
        """The six SOP steps with the wait for the Bidang (row 5a) after step 5."""
        rows = []
        for step in self.steps:
            rows.append(step)
            if step["number"] == 5 and self.wait:
                rows.append(self.wait)
        return rows

    @property
    def monitoring(self) -> list[dict]:
        """The rows of the "Monitoring Pelaksanaan SOP AP" sheet (PermenPANRB 35/2012)."""
        completeness = kelengkapan(self.headline)
        return [{**monitoring_row(step, self.threshold, remote=self.headline.get("remote", 0)),
                 "kelengkapan": completeness if step["number"] == 1 else "—"} for step in self.step_rows]


def build_report(scope: Scope, *, worst_limit: int = WORST_LIMIT) -> Report:
    with transaction.atomic(), _without_parallel_workers():
        return _report(scope, worst_limit)


@contextmanager
def _without_parallel_workers():
    """A period's report reads a few thousand rows per query through indexes. Starting PostgreSQL's
    parallel workers for each of those queries cost more than it saved (3x slower on a busy 2-core
    server, docs/reports.md), so the report's own transaction does without them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
    yield


def _report(scope: Scope, worst_limit: int) -> Report:
    steps = scope.done_steps()
    sop_steps = per_step(steps)
    wait = wait_row(steps)
    return Report(
        scope=scope,
        threshold=ReportSettings.current().compliance_threshold,
        headline=with_wait(headline(scope, sop_steps), wait),
        steps=sop_steps,
        by_bidang=grouped(steps, "visit__bidang_id", _bidang_names, empty=_("Belum diarahkan ke Bidang")),
        by_topic=grouped(steps, "visit__topic_id", _topic_names, empty=_("Tanpa topik")),
        by_officer=by_officer(steps),
        by_day=by_day(steps, scope),
        by_channel=by_channel(steps),
        by_bidang_place=by_bidang_place(scope),
        worst=worst_cases(steps, worst_limit),
        wait=wait,
    )


def headline(scope: Scope, sop_steps: list[dict]) -> dict:
    """The visit counts, and the step figures summed from the per-step rows (no second pass over
    the steps: waiting and consultation are step 5's figures)."""
    visits = scope.visits().aggregate(
        visits=Count("id"),
        finished=Count("id", filter=Q(state=State.DONE)),
        cancelled=Count("id", filter=Q(state=State.CANCELLED)),
        remote=Count("id", filter=Q(channel__in=REMOTE)),
        arrivals=Count("id", filter=Q(arrival_complete__isnull=False)),
        arrivals_complete=Count("id", filter=Q(arrival_complete=True)),
    )
    totals = {key: sum(step[key] for step in sop_steps) for key in ("steps", "with_standard", "within")}
    consultation = next((step for step in sop_steps if step["number"] == 5), {})
    return {**visits, **_shaped(totals), "median_wait": consultation.get("median_wait"),
            "median_consult": consultation.get("median_consult")}


def with_wait(headline: dict, wait: dict) -> dict:
    """The headline with the wait for the Bidang judged against its standard."""
    return {**headline, "wait_within": wait["within"], "wait_with_standard": wait["with_standard"],
            "wait_share": wait["share"], "wait_standard": wait["standard_minutes"]}


def per_step(steps) -> list[dict]:
    """One row for each of the six SOP steps, recorded or not."""
    rows = {
        row["number"]: _shaped(row)
        for row in steps.values("number").order_by("number").annotate(
            **_compliance(),
            median=Percentile("duration_seconds", 0.5),
            p90=Percentile("duration_seconds", 0.9),
            longest=Max("duration_seconds"),
            **_waiting_and_consultation(),
        )
    }
    empty = {"steps": 0, "with_standard": 0, "within": 0, "over": 0, "share": None,
             "median": None, "p90": None, "longest": None, "median_wait": None, "median_consult": None}
    return [
        {**empty, **rows.get(sop.number, {}), "number": sop.number, "name": sop.short_name,
         "performer": sop.performer, "standard_minutes": sop.standard_minutes}
        for sop in SopStep.objects.order_by("number")
    ]


def wait_row(steps) -> dict:
    """The guests' wait for the Bidang (step 5, routed -> received) as one more row of the step table:
    judged against the wait standard each routing snapshotted (VisitStep.wait_standard_minutes)."""
    row = _shaped(steps.filter(WAITED).aggregate(
        steps=Count("id"), with_standard=Count("id", filter=HAS_WAIT_STANDARD), within=Count("id", filter=WAIT_WITHIN),
        median=Percentile("wait_seconds", 0.5), p90=Percentile("wait_seconds", 0.9), longest=Max("wait_seconds")))
    standard = SopStep.objects.filter(number=5).values_list("wait_standard_minutes", flat=True).first()
    return {**row, "number": WAIT_ROW, "name": str(WAIT_NAME), "performer": _("pejabat Bidang tujuan"),
            "standard_minutes": standard, "median_wait": None, "median_consult": None,
            "judged": standard is not None or bool(row["with_standard"])}


def grouped(steps, key: str, names, *, empty: str) -> list[dict]:
    """Compliance, visits and the waiting and consultation medians per group (Bidang, topic, officer).

    The steps are grouped by the key alone; `names(keys)` then gives each group's fields, in the table's
    order, from its own small query, and the group without a key (no Bidang, no topic) comes last. Among
    many offices the database underestimates how many steps of an office's visits there are, and joined
    the names to every step row by row (docs/performance.md, "Forty offices").
    """
    rows = {row.pop("key"): row for row in steps.values(key=F(key)).order_by().annotate(
        visits=Count("visit", distinct=True), **_compliance(), **_waiting_and_consultation())}
    named = names([key for key in rows if key is not None]) if len(rows) > (None in rows) else {}
    blank = {**dict.fromkeys(next(iter(named.values()), ())), "label": empty}  # the group without a name
    ordered = [({**fields, "label": fields["label"] or empty}, rows[key]) for key, fields in named.items()]
    ordered += [(blank, row) for key, row in rows.items() if key not in named]
    return [_shaped({**row, **fields}) for fields, row in ordered]


def _bidang_names(keys: list) -> dict:
    return {pk: {"code": code, "label": name} for pk, code, name in
            Bidang.objects.filter(pk__in=keys).order_by("order", "name").values_list("pk", "code", "name")}


def _topic_names(keys: list) -> dict:
    return {pk: {"label": name} for pk, name in
            Topic.objects.filter(pk__in=keys).order_by("name").values_list("pk", "name")}


def _officer_names(keys: list) -> dict:
    """Who recorded the steps: the account is the key (an officer of another office stays named)."""
    people = get_user_model()._base_manager.filter(pk__in=keys).order_by("first_name", "username")
    return {pk: {"username": username, "first": first, "last": last,
                 "label": f"{first} {last}".strip() or username}
            for pk, username, first, last in people.values_list("pk", "username", "first_name", "last_name")}


def by_officer(steps) -> list[dict]:
    return grouped(steps, "ended_by_id", _officer_names, empty=_("(sistem)"))


def by_channel(steps) -> list[dict]:
    """Compliance per channel. A remote request has no rows for the door's steps (they do not apply),
    so its figures are those of steps 4 and 5 only."""
    labels = dict(Channel.choices)
    order = {value: rank for rank, value in enumerate(Channel.values)}
    rows = (steps.values(code=F("visit__channel"))
            .annotate(visits=Count("visit", distinct=True), **_compliance(), **_waiting_and_consultation())
            .order_by("code"))
    shaped = [_shaped({**row, "label": labels.get(row["code"], row["code"])}) for row in rows]
    return sorted(shaped, key=lambda row: order.get(row["code"], len(order)))


def by_bidang_place(scope: Scope) -> list[dict]:
    """Consultations served in the office (tatap muka) and remotely, per Bidang: one aggregate query."""
    rows = (scope.visits().filter(bidang__isnull=False).values("bidang__code", "bidang__name")
            .annotate(in_office=Count("id", filter=~Q(channel__in=REMOTE)),
                      remote=Count("id", filter=Q(channel__in=REMOTE)), sort=Max("bidang__order"))
            .order_by("sort", "bidang__name"))
    return [{"label": row["bidang__name"], "code": row["bidang__code"], "in_office": row["in_office"],
             "remote": row["remote"], "total": row["in_office"] + row["remote"]} for row in rows]


def by_day(steps, scope: Scope) -> list[dict]:
    """Every day of the period, those without steps too, so the trend has no silent gaps."""
    rows = {row["day"]: _shaped(row) for row in steps.values(day=F("visit__day")).order_by("day").annotate(
        visits=Count("visit", distinct=True), **_compliance())}
    empty = {"visits": 0, "steps": 0, "with_standard": 0, "within": 0, "over": 0, "share": None}
    return [{**empty, **rows.get(day, {}), "day": day} for day in scope.period.days()]


def worst_cases(steps, limit: int) -> list:
    """The steps over their standard, longest first, with what the table shows of their visit."""
    return list(
        steps.filter(OVER_STANDARD).select_related("visit", "visit__bidang", "ended_by")
        .annotate(over_seconds=F("duration_seconds") - F("standard_minutes") * 60)
        .order_by("-duration_seconds", "id")[:limit]
    )


def kelengkapan(headline: dict) -> str:
    """The sheet's Mutu Baku "Kelengkapan" of step 1: how many arrivals ticked the whole checklist."""
    arrivals, complete = headline.get("arrivals", 0), headline.get("arrivals_complete", 0)
    if not arrivals:
        return _("Tanpa daftar periksa")
    return _("%(complete)s dari %(arrivals)s kedatangan lengkap (%(share)s)") % {
        "complete": complete, "arrivals": arrivals, "share": percent_text(percent(complete, arrivals))}


def monitoring_row(step: dict, threshold: int, *, remote: int = 0) -> dict:
    """Assessment, note and action for one SOP step, from its share within standard. A door step
    says how many remote requests it did not apply to (they are in none of its figures)."""
    figures = _("median %(median)s, persentil 90 %(p90)s, terlama %(longest)s") % {
        "median": clock(step["median"]), "p90": clock(step["p90"]), "longest": clock(step["longest"])}
    if step["standard_minutes"] is None:
        assessment = _("Tanpa standar waktu")
        note = _("SOP tidak menetapkan standar waktu; %(steps)s tercatat, %(figures)s.") % {
            "steps": step["steps"], "figures": figures}
        action = _("Pertimbangkan penetapan standar waktu berdasarkan durasi yang tercatat.")
    elif not step["with_standard"]:
        assessment, note, action = _("Belum ada data"), _("Tidak ada langkah tercatat pada periode ini."), "—"
    elif step["share"] >= threshold:
        assessment = str(GOOD)
        note = _note(step, figures)
        action = _("Pertahankan pelaksanaan sesuai SOP.")
    else:
        assessment = str(NOT_GOOD)
        note = _note(step, figures)
        action = _("Evaluasi penyebab keterlambatan bersama %(performer)s; pastikan petugas pengganti "
                   "tersedia dan tindak lanjuti kasus terlama.") % {"performer": step["performer"]}
    if remote and step["number"] in DOOR_STEPS:
        note = _("%(note)s Tidak berlaku untuk %(remote)s permintaan jarak jauh (tidak dihitung).") % {
            "note": note, "remote": remote}
    return {"number": step["number"], "name": step["name"], "assessment": assessment, "note": note,
            "action": action, "good": assessment == GOOD}


def _note(step: dict, figures: str) -> str:
    return _("%(within)s dari %(with_standard)s (%(share)s) sesuai standar %(minutes)s menit; %(figures)s.") % {
        "within": step["within"], "with_standard": step["with_standard"], "share": percent_text(step["share"]),
        "minutes": step["standard_minutes"], "figures": figures}


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",") + "%"
