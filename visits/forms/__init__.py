"""The visits app's forms, one module per screen like views/: desk, triage, consult (receiving,
the record, a transfer), search (the consultation history) and reports (the SOP report's filter).

The checks every form shares (required wording, plain text, phone numbers) are in pojok.validators.
"""
