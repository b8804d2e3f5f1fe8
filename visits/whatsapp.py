"""The office's WhatsApp messages about a visit, ready for a person to send (pojok.whatsapp makes the
click-to-chat link): polite Indonesian, the facts the other side needs, nothing more."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pojok.whatsapp import WaLink, wa_link


def _need(visit) -> str:
    keperluan = " ".join(visit.keperluan.split())
    return keperluan if len(keperluan) <= 160 else keperluan[:157] + "..."


def to_official(visit, official, bidang=None) -> WaLink:
    """Triage to the Bidang's official: a guest is on the way, or a remote request waits for them."""
    bidang = bidang or visit.bidang
    where = f" ({bidang})" if bidang else ""
    facts = {"official": official.display_name, "where": where, "number": visit.queue_number,
             "name": visit.guest_name, "origin": visit.origin, "need": _need(visit)}
    if visit.is_remote:
        contact = _(", kontak %(phone)s") % {"phone": visit.phone} if visit.phone else ""
        text = _("Yth. Bapak/Ibu %(official)s%(where)s, ada permintaan konsultasi melalui %(channel)s dari "
                 "%(name)s (%(origin)s)%(contact)s, nomor %(number)s, perihal: %(need)s. Mohon dapat ditanggapi. "
                 "Terima kasih.") % {**facts, "channel": visit.get_channel_display(), "contact": contact}
    else:
        text = _("Yth. Bapak/Ibu %(official)s%(where)s, tamu %(number)s %(name)s dari %(origin)s sedang menuju "
                 "Bapak/Ibu untuk berkonsultasi perihal: %(need)s. Terima kasih.") % facts
    return wa_link(official.whatsapp, text)


def queue_number(visit) -> WaLink:
    """To the guest at check-in: their number and where to wait."""
    return wa_link(visit.phone, _(
        "Yth. Bapak/Ibu %(name)s, terima kasih telah berkunjung ke %(office)s. Nomor antrean Anda %(number)s. "
        "Silakan menunggu di ruang tunggu Pojok Konsultasi; petugas akan memanggil Anda."
    ) % {"name": visit.guest_name, "office": f"Pojok Konsultasi {visit.office.short_name}",
         "number": visit.queue_number})


def called(visit) -> WaLink:
    """To the guest whose number is called."""
    bidang = visit.bidang.name if visit.bidang else "Pojok Konsultasi"
    return wa_link(visit.phone, _(
        "Yth. Bapak/Ibu %(name)s, nomor antrean %(number)s dipanggil. Silakan menuju %(bidang)s untuk "
        "berkonsultasi. Terima kasih."
    ) % {"name": visit.guest_name, "number": visit.queue_number, "bidang": bidang})


def answer_remote(visit) -> WaLink:
    """From the Bidang to the guest of a remote request (or any guest, to reach them again)."""
    bidang = f"{visit.bidang.name} " if visit.bidang else ""
    return wa_link(visit.phone, _(
        "Yth. Bapak/Ibu %(name)s (%(origin)s), kami dari %(bidang)s%(office)s menanggapi "
        "permintaan konsultasi Anda (nomor %(number)s) perihal: %(need)s. "
    ) % {"name": visit.guest_name, "origin": visit.origin, "bidang": bidang, "office": visit.office.name,
         "number": visit.queue_number,
         "need": _need(visit)})


def follow_up(consultation) -> WaLink:
    """From the Bidang: the follow-up of an earlier consultation."""
    visit = consultation.visit
    day = date_format(visit.day, "j F Y")
    due = ""
    if consultation.follow_up_due:
        due = _(" paling lambat %(date)s") % {"date": date_format(consultation.follow_up_due, "j F Y")}
    return wa_link(visit.phone, _(
        "Yth. Bapak/Ibu %(name)s, menindaklanjuti konsultasi Anda dengan %(bidang)s pada %(day)s "
        "(nomor %(number)s), kami sampaikan tindak lanjutnya%(due)s: "
    ) % {"name": visit.guest_name, "bidang": consultation.bidang, "day": day, "number": visit.queue_number,
         "due": due})
