"""A new office's units and topics, from the template it was started from (BPKAD's catalog or the generic
Sekretariat); connected to the office's first save in RoutingConfig.ready()."""

from offices.current import acting_for

from .catalog import GENERIC_TOPICS, ensure_bidang, ensure_topics
from .models import Bidang, Topic


def start_office(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if not created or raw:
        return
    with acting_for(instance):
        ensure_bidang(Bidang, instance.template)
        if instance.template == "bpkad":
            ensure_topics(Topic, Bidang)
        else:
            _generic_topics()


def _generic_topics() -> None:
    units = {unit.code: unit for unit in Bidang.objects.all()}
    for code, name, description, keywords in GENERIC_TOPICS:
        Topic.objects.get_or_create(name=name, defaults={
            "bidang": units[code], "description": description, "keywords": keywords})
