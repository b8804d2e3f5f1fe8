"""The visits app's data: master data, the visit lifecycle (its table, method and verbs), the steps
it leaves, triage records and consultations."""

from .consultation import Consultation, Mode
from .letterhead import Letterhead, Signer, signature_block, signature_lines
from .lifecycle import (
    DOOR_STEPS,
    MOVES,
    OPEN_STATES,
    QUEUE_PREFIX,
    REMOTE,
    STEP_OF_STATE,
    Channel,
    Closed,
    Move,
    MoveRefused,
    RoutingRefused,
    State,
    Visit,
    VisitEvent,
    close_stale_visits,
    finish_consultation,
    local_time,
    missing_steps_note,
    office_close,
    receive_guest,
    record_consultation,
    route_visit,
    stale_visits,
    transfer_visit,
)
from .master import ArrivalRule, DocumentType, Instansi, SopStep
from .report_settings import ReportSettings
from .steps import (
    HAS_STANDARD,
    HAS_WAIT_STANDARD,
    OVER_STANDARD,
    WAIT_OVER,
    WAIT_WITHIN,
    WAITED,
    WITHIN_STANDARD,
    QueueCounter,
    StepResult,
    VisitStep,
    timer_level,
)
from .triage import Piket, RoutingDecision

__all__ = [
    "ArrivalRule", "DOOR_STEPS", "REMOTE", "Channel", "HAS_STANDARD", "HAS_WAIT_STANDARD", "MOVES", "WAITED",
    "WAIT_OVER", "WAIT_WITHIN", "OPEN_STATES", "OVER_STANDARD", "QUEUE_PREFIX", "STEP_OF_STATE", "WITHIN_STANDARD",
    "Closed", "Consultation", "DocumentType", "Instansi", "Mode", "Move", "MoveRefused", "Piket", "QueueCounter",
    "Letterhead", "ReportSettings", "RoutingDecision", "Signer", "signature_block", "signature_lines",
    "RoutingRefused", "SopStep", "State", "StepResult", "Visit",
    "VisitEvent", "VisitStep", "close_stale_visits", "finish_consultation", "local_time",
    "missing_steps_note", "office_close", "receive_guest", "record_consultation", "route_visit",
    "stale_visits", "timer_level", "transfer_visit",
]
