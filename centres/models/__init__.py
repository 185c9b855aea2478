"""The Network of ITU Acceleration Centres: from the application to host a centre to an operating centre.

One module per aggregate; every model and every name other code imports from
``centres.models`` is re-exported here, so imports and migrations keep working.
"""

# ruff: noqa: I001 -- imported in the order the models were defined in models.py, which is the
# order Django registers them in (content types, apps.get_models()).
from .base import TEXT, LANGUAGE_SUFFIXES, translated
from .applications import (
    Call,
    HostType,
    Application,
    ApplicationDocument,
    DueDiligenceCheck,
    Criterion,
    Score,
    EvaluatorAssignment,
)
from .centres import Centre, CentreHost, CentreChangeProposal
from .agreements import CooperationAgreement
from .action_plans import ActionPlan, ActionPlanActivity, CentreProgressReport, ActivityProgress
from .documents import CentreDocument, CentreDocumentVersion, CentreMessage
from .network import Training, TrainingAttendance, NetworkEvent

__all__ = [
    "TEXT",
    "LANGUAGE_SUFFIXES",
    "translated",
    "Call",
    "HostType",
    "Application",
    "ApplicationDocument",
    "DueDiligenceCheck",
    "Criterion",
    "Score",
    "EvaluatorAssignment",
    "Centre",
    "CentreHost",
    "CentreChangeProposal",
    "CooperationAgreement",
    "ActionPlan",
    "ActionPlanActivity",
    "CentreProgressReport",
    "ActivityProgress",
    "CentreDocument",
    "CentreDocumentVersion",
    "CentreMessage",
    "Training",
    "TrainingAttendance",
    "NetworkEvent",
]
