"""A new office's SOP steps, units guests come from, documents and arrival checklist, from its template;
connected to the office's first save in VisitsConfig.ready()."""

from offices.current import acting_for

from .models import ArrivalRule, DocumentType, Instansi, SopStep
from .sop import ensure_arrival_rules, ensure_documents, ensure_instansi, ensure_sop_steps


def start_office(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    with acting_for(instance):
        ensure_sop_steps(SopStep, instance.template)
        ensure_instansi(Instansi)
        ensure_documents(DocumentType, instance.template)
        ensure_arrival_rules(ArrivalRule)
