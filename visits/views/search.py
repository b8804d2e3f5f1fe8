"""The Bidang's history: search past consultations (paginated) and export the same results as CSV."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from pojok import clock, exports

from .. import policy
from ..forms.search import SearchForm
from ..search import CappedPaginator, consultations_for, search_consultations

PAGE_SIZE = 20


def csv_header() -> list[str]:
    return [_("Tanggal"), _("Antrean"), _("Bidang"), _("Tamu"), _("Asal instansi"), _("Topik"), _("Mode"),
            _("Permasalahan"),
            _("Jawaban/hasil"), _("Dokumen"), _("Tindak lanjut"), _("Batas tindak lanjut"),
            _("Tindak lanjut selesai"), _("Kanal")]


def _searched(request: HttpRequest, *, every_match: bool = False):
    """The search form and its results, or None for the results when the form has errors. A page ranks
    the newest matches of its words; the export takes every match (`every_match`).

    Staff may only name their own Bidang: naming another one is a 404, as for its visits.
    """
    user = request.user
    policy.require(policy.can_read_consultations, user)
    show_bidang = policy.can_read_all_consultations(user)
    asked = request.GET.get("bidang", "")
    if asked and not show_bidang and asked != user.bidang.code:
        raise Http404
    form = SearchForm(request.GET or None, show_bidang=show_bidang)
    if request.GET and not form.is_valid():
        return form, None
    criteria = form.cleaned_data if form.is_bound else {}
    scope = consultations_for(user, bidang=criteria.get("bidang"))
    return form, search_consultations(scope, every_match=every_match, **criteria)


@login_required
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form, results = _searched(request)
    page = CappedPaginator(results, PAGE_SIZE).get_page(request.GET.get("halaman")) if results is not None else None
    query = request.GET.copy()
    query.pop("halaman", None)
    return render(
        request,
        "visits/search/search.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "show_bidang": policy.can_read_all_consultations(request.user),
        },
    )


def _csv_row(consultation) -> list[str]:
    visit = consultation.visit
    documents = [doc.code for doc in consultation.documents.all()]
    if consultation.other_documents:
        documents.append(consultation.other_documents)
    done = consultation.follow_up_done_at
    return [
        visit.day,
        visit.queue_number,
        consultation.bidang.name,
        visit.guest_name,
        visit.origin,
        visit.topic.name if visit.topic else "",
        consultation.get_mode_display(),
        consultation.problem,
        consultation.outcome,
        ", ".join(documents),
        "ya" if consultation.follow_up_needed else "tidak",
        consultation.follow_up_due or "",
        timezone.localtime(done) if done else "",
        visit.get_channel_display(),
    ]


@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """The search's results as CSV, streamed in chunks so a large history never fills memory."""
    form, results = _searched(request, every_match=True)
    if results is None:
        return render(request, "visits/search/search.html", {"form": form, "page": None}, status=400)
    rows = (_csv_row(c) for c in results.iterator(chunk_size=500))
    return exports.csv_response(_with_header(rows), f"konsultasi-{clock.today():%Y%m%d}.csv",
                                exports.dialect_of(request))


def _with_header(rows):
    yield csv_header()
    yield from rows
