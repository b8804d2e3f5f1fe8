"""The office's WhatsApp messages about a visit, ready for a person to send (pojok.whatsapp makes the
click-to-chat link): polite Indonesian, the facts the other side needs, nothing more."""

from django.utils.formats import date_format

from pojok.whatsapp import WaLink, wa_link

OFFICE = "Pojok Konsultasi BPKAD Kabupaten Lampung Selatan"


def _need(visit) -> str:
    keperluan = " ".join(visit.keperluan.split())
    return keperluan if len(keperluan) <= 160 else keperluan[:157] + "..."


def to_official(visit, official, bidang=None) -> WaLink:
    """Triage to the Bidang's official: a guest is on the way, or a remote request waits for them."""
    bidang = bidang or visit.bidang
    where = f" ({bidang})" if bidang else ""
    if visit.is_remote:
        contact = f", kontak {visit.phone}" if visit.phone else ""
        text = (f"Yth. Bapak/Ibu {official.display_name}{where}, ada permintaan konsultasi melalui "
                f"{visit.get_channel_display()} dari {visit.guest_name} ({visit.origin}){contact}, nomor "
                f"{visit.queue_number}, perihal: {_need(visit)}. Mohon dapat ditanggapi. Terima kasih.")
    else:
        text = (f"Yth. Bapak/Ibu {official.display_name}{where}, tamu {visit.queue_number} {visit.guest_name} "
                f"dari {visit.origin} sedang menuju Bapak/Ibu untuk berkonsultasi perihal: {_need(visit)}. "
                "Terima kasih.")
    return wa_link(official.whatsapp, text)


def queue_number(visit) -> WaLink:
    """To the guest at check-in: their number and where to wait."""
    return wa_link(visit.phone, (
        f"Yth. Bapak/Ibu {visit.guest_name}, terima kasih telah berkunjung ke {OFFICE}. Nomor antrean Anda "
        f"{visit.queue_number}. Silakan menunggu di ruang tunggu Pojok Konsultasi; petugas akan memanggil Anda."))


def called(visit) -> WaLink:
    """To the guest whose number is called."""
    bidang = visit.bidang.name if visit.bidang else "Pojok Konsultasi"
    return wa_link(visit.phone, (
        f"Yth. Bapak/Ibu {visit.guest_name}, nomor antrean {visit.queue_number} dipanggil. Silakan menuju "
        f"{bidang} untuk berkonsultasi. Terima kasih."))


def answer_remote(visit) -> WaLink:
    """From the Bidang to the guest of a remote request (or any guest, to reach them again)."""
    bidang = visit.bidang.name if visit.bidang else "BPKAD"
    return wa_link(visit.phone, (
        f"Yth. Bapak/Ibu {visit.guest_name} ({visit.origin}), kami dari {bidang} BPKAD Kabupaten Lampung "
        f"Selatan menanggapi permintaan konsultasi Anda (nomor {visit.queue_number}) perihal: {_need(visit)}. "))


def follow_up(consultation) -> WaLink:
    """From the Bidang: the follow-up of an earlier consultation."""
    visit = consultation.visit
    day = date_format(visit.day, "j F Y")
    due = f" paling lambat {date_format(consultation.follow_up_due, 'j F Y')}" if consultation.follow_up_due else ""
    return wa_link(visit.phone, (
        f"Yth. Bapak/Ibu {visit.guest_name}, menindaklanjuti konsultasi Anda dengan {consultation.bidang} pada "
        f"{day} (nomor {visit.queue_number}), kami sampaikan tindak lanjutnya{due}: "))
