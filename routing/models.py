"""The office's units (Bidang). Routing rules that map a guest's need to a Bidang live here too."""

from django.db import models


class Bidang(models.Model):
    code = models.SlugField("kode", max_length=40, unique=True)
    name = models.CharField("nama", max_length=120, unique=True)
    room = models.CharField("ruang", max_length=120, blank=True)
    email = models.EmailField("email unit", blank=True)
    order = models.PositiveSmallIntegerField("urutan", default=0)
    active = models.BooleanField("aktif", default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "Bidang"
        verbose_name_plural = "Bidang"

    def __str__(self) -> str:
        return self.name
