from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Kunjungan dan SOP")

    def ready(self) -> None:
        from pojok import navigation

        from .areas import AREAS

        navigation.register(*AREAS)
