"""Partners, partnership agreements, impact stories and Partner2Connect pledges.

Figures (counts, totals, shares) are never stored: ``selectors.py`` computes them from the
agreements for any year.

One module per aggregate; every model and every name other code imports from
``partnerships.models`` is re-exported here, so imports and migrations keep working.
"""

# ruff: noqa: I001 -- imported in the order the models were defined in models.py, which is the
# order Django registers them in (content types, apps.get_models()).
from .base import MONEY, ZERO
from .partners import PartnerKind, MembershipCategory, Partner
from .agreements import (
    AgreementStatus,
    SIGNED_STATUSES,
    AgreementRegion,
    AllianceVehicle,
    PartnershipAgreement,
    ImpactStory,
)
from .coalition import (
    PledgerKind,
    Pledger,
    ActionArea,
    MAX_LEADS_PER_AREA,
    ActionAreaRole,
    ActionAreaMembership,
    EventKind,
    Event,
    SessionKind,
    EventSession,
    InterestStatus,
    ExpressionOfInterest,
)
from .pledges import (
    PledgeKind,
    PledgeStatus,
    Pledge,
    DUE_DILIGENCE_FIELDS,
    BenefitGroup,
    PledgeBenefit,
    ProgressStatus,
    ProgressState,
    PledgeProgressReport,
    ImpactIndicator,
    CompilationStatus,
    PledgeCompilation,
)

__all__ = [
    "MONEY",
    "ZERO",
    "PartnerKind",
    "MembershipCategory",
    "Partner",
    "AgreementStatus",
    "SIGNED_STATUSES",
    "AgreementRegion",
    "AllianceVehicle",
    "PartnershipAgreement",
    "ImpactStory",
    "PledgerKind",
    "Pledger",
    "ActionArea",
    "MAX_LEADS_PER_AREA",
    "ActionAreaRole",
    "ActionAreaMembership",
    "EventKind",
    "Event",
    "SessionKind",
    "EventSession",
    "InterestStatus",
    "ExpressionOfInterest",
    "PledgeKind",
    "PledgeStatus",
    "Pledge",
    "DUE_DILIGENCE_FIELDS",
    "BenefitGroup",
    "PledgeBenefit",
    "ProgressStatus",
    "ProgressState",
    "PledgeProgressReport",
    "ImpactIndicator",
    "CompilationStatus",
    "PledgeCompilation",
]
