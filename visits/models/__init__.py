"""The visits app's data: master data, the visit lifecycle, triage records and consultations."""

from .consultation import Consultation, Mode, record_consultation
from .lifecycle import (
    MOVES,
    OPEN_STATES,
    STEP_OF_STATE,
    Move,
    MoveRefused,
    QueueCounter,
    State,
    StepResult,
    Visit,
    VisitEvent,
    VisitStep,
    clock_text,
    local_time,
)
from .master import DocumentType, Instansi, SopStep
from .report_settings import ReportSettings
from .triage import Piket, RoutingDecision

__all__ = [
    "MOVES", "OPEN_STATES", "STEP_OF_STATE", "Consultation", "DocumentType", "Instansi", "Mode", "Move",
    "MoveRefused", "Piket", "QueueCounter", "ReportSettings", "RoutingDecision", "SopStep", "State", "StepResult", "Visit",
    "VisitEvent", "VisitStep", "clock_text", "local_time", "record_consultation",
]
