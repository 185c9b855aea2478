"""The Digital Innovation Board: members, meetings and their recommendations, the workplan,
working groups, Board documents, the Expert Network and the foresight series.

One module per aggregate; every model and every name other code imports from
``board.models`` is re-exported here, so imports and migrations keep working.
"""

# ruff: noqa: I001 -- imported in the order the models were defined in models.py, which is the
# order Django registers them in (content types, apps.get_models()).
from .base import TEXT
from .members import BoardMember
from .meetings import Meeting, Attendance, MeetingDocument, Recommendation
from .workplan import Workplan, Workstream, WorkplanActivity, WorkingGroup, BoardDocument
from .experts import ExpertiseArea, Expert, ExpertRequest
from .foresight import ForesightReport, ForesightReportFile

__all__ = [
    "TEXT",
    "BoardMember",
    "Meeting",
    "Attendance",
    "MeetingDocument",
    "Recommendation",
    "Workplan",
    "Workstream",
    "WorkplanActivity",
    "WorkingGroup",
    "BoardDocument",
    "ExpertiseArea",
    "Expert",
    "ExpertRequest",
    "ForesightReport",
    "ForesightReportFile",
]
