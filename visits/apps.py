from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = "Kunjungan dan SOP"

    def ready(self) -> None:
        from pojok import navigation

        from .areas import AREAS

        navigation.register(*AREAS)
