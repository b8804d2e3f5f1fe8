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


class Topic(models.Model):
    """Something guests come to coordinate on, the words they use for it, and the Bidang it goes to."""

    name = models.CharField("nama topik", max_length=120, unique=True)
    description = models.TextField("uraian", blank=True)
    keywords = models.TextField(
        "kata kunci dan sinonim", blank=True,
        help_text="Pisahkan dengan koma atau baris baru, misalnya: SP2D, surat perintah pencairan dana",
    )
    bidang = models.ForeignKey(Bidang, verbose_name="Bidang tujuan", on_delete=models.PROTECT, related_name="topics")
    active = models.BooleanField("aktif", default=True)

    class Meta:
        ordering = ["bidang__order", "name"]
        verbose_name = "topik"
        verbose_name_plural = "topik"

    def __str__(self) -> str:
        return self.name

    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.replace("\n", ",").split(",") if word.strip()]
