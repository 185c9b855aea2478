from datetime import date
from decimal import Decimal

import pytest

from partnerships.models import AgreementStatus, Partner, PartnershipAgreement


@pytest.fixture
def make_partner(db):
    counter = iter(range(1, 100_000))

    def make(**fields) -> Partner:
        n = next(counter)
        values = {"name": f"Partner {n}", "kind": "government", "membership_category": "none", **fields}
        return Partner.objects.create(**values)

    return make


@pytest.fixture
def make_agreement(db, make_partner):
    counter = iter(range(1, 100_000))

    def make(*, partner=None, priorities=(), **fields) -> PartnershipAgreement:
        n = next(counter)
        values = {"reference": f"T-{n:05d}", "title": f"Agreement {n}", "region": "africa",
                  "status": AgreementStatus.ACTIVE, "signed_on": date(2024, 5, 1),
                  "partner_contribution_usd": Decimal("0"), "itu_contribution_usd": Decimal("0"), **fields}
        agreement = PartnershipAgreement.objects.create(partner=partner or make_partner(), **values)
        if priorities:
            from alliance.models import Priority

            agreement.priorities.set(Priority.objects.filter(code__in=priorities))
        return agreement

    return make


@pytest.fixture
def demo(db):
    from partnerships import demo as demo_module

    demo_module.load(log=lambda message: None)
    return demo_module
