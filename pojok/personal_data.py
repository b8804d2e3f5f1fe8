"""What a guest's personal data becomes once the retention period is over.

The privacy app writes these placeholders (privacy/holders.py); other apps may recognise them (the
desk's returning-guest look-up skips anonymized names) without depending on the privacy app.
"""

ANONYMIZED_NAME = "Tamu (dianonimkan)"  # a guest's name
ANONYMIZED_TEXT = "(dianonimkan)"  # free text that may name people: needs, notes, e-mail texts
