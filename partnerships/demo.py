"""Demo data: agreements whose computed 2024 figures are those of seed 002, plus P2C pledges.

From seed 002 (TDAG report "Partnerships and resource mobilization in ITU-D", 2024):
89 agreements, 53 with financial contributions of about USD 33.8 million (92 % partners, 8 % ITU),
73 partners (19 Member States, 7 ITU-D Sector Members, 3 Academia, 2 regional and other
international organisations by membership category), 33 financial partners who signed about
USD 31.1 million, and the top 10 table (names and amounts exactly as in the seed).

Everything else is illustrative and marked so: the seed's pie of partner types, its tables by
region and by priority and its 2020-2024 table are images that the text does not carry, so the
types, regions, priorities and the years 2020-2023 below are invented but plausible. The seed
(Russian) spells the ninth partner "EYGS LPP": the Russian name keeps the seed's spelling, the
other languages use EYGS LLP as DOMAIN.md and the firm itself write it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from importlib import import_module
from itertools import cycle

from django.apps import apps as django_apps
from django.db import transaction
from django.utils import timezone, translation
from django_countries import Countries, countries

from alliance.models import Priority

from .models import (
    ActionArea,
    ActionAreaMembership,
    ActionAreaRole,
    AgreementRegion,
    AgreementStatus,
    Event,
    EventKind,
    EventSession,
    ExpressionOfInterest,
    ImpactIndicator,
    ImpactStory,
    InterestStatus,
    MembershipCategory,
    Partner,
    PartnerKind,
    PartnershipAgreement,
    Pledge,
    PledgeBenefit,
    PledgeProgressReport,
    Pledger,
    PledgerKind,
    PledgeStatus,
    ProgressStatus,
    SessionKind,
)

YEAR = 2024
ILLUSTRATIVE = "(illustrative)"
LANGS = ("en", "ar", "zh_hans", "fr", "ru", "es")
K = PartnerKind
M = MembershipCategory

# name in (en, ar, zh_hans, fr, ru, es), acronym, kind, membership, country, amounts of its agreements.
TOP_10 = [
    (("European Union, represented by the European Commission", "الاتحاد الأوروبي ممثلاً بالمفوضية الأوروبية",
      "欧洲联盟（由欧洲委员会代表）", "Union européenne, représentée par la Commission européenne",
      "Европейский союз в лице Европейской комиссии", "Unión Europea, representada por la Comisión Europea"),
     "EC", K.INTERNATIONAL_ORG, M.NONE, "", ["12400000", "5200000", "2220000"]),
    (("United Nations Children's Fund", "منظمة الأمم المتحدة للطفولة", "联合国儿童基金会",
      "Fonds des Nations Unies pour l'enfance", "Детский фонд Организации Объединенных Наций",
      "Fondo de las Naciones Unidas para la Infancia"),
     "UNICEF", K.UN_ENTITY, M.NONE, "", ["1200000", "620000"]),
    (("United Nations Office for Disaster Risk Reduction", "مكتب الأمم المتحدة للحد من مخاطر الكوارث",
      "联合国减少灾害风险办公室", "Bureau des Nations Unies pour la réduction des risques de catastrophe",
      "Управление Организации Объединенных Наций по снижению риска бедствий",
      "Oficina de las Naciones Unidas para la Reducción del Riesgo de Desastres"),
     "UNDRR", K.UN_ENTITY, M.NONE, "", ["1750000"]),
    (("Deutsche Gesellschaft für Internationale Zusammenarbeit GmbH",) * 6,
     "GIZ", K.GOVERNMENT, M.NONE, "DE", ["700000", "390000"]),
    (("World Meteorological Organization", "المنظمة العالمية للأرصاد الجوية", "世界气象组织",
      "Organisation météorologique mondiale", "Всемирная метеорологическая организация",
      "Organización Meteorológica Mundial"),
     "WMO", K.UN_ENTITY, M.NONE, "", ["960000"]),
    (("Department of Infrastructure, Transport, Regional Development, Communications and the Arts, "
      "Australia", "", "", "", "Министерство инфраструктуры, транспорта, регионального развития, связи и "
      "искусств, Австралия", ""),
     "DITRDCA", K.GOVERNMENT, M.MEMBER_STATE, "AU", ["650000"]),
    (("Foreign, Commonwealth & Development Office, United Kingdom", "", "", "",
      "Министерство иностранных дел, по делам Содружества и развития, Соединенное Королевство", ""),
     "FCDO", K.GOVERNMENT, M.MEMBER_STATE, "GB", ["560000"]),
    (("Ministry of Information and Communications Technologies, Colombia", "", "", "",
      "Министерство информационно-коммуникационных технологий, Колумбия",
      "Ministerio de Tecnologías de la Información y las Comunicaciones, Colombia"),
     "MinTIC", K.GOVERNMENT, M.MEMBER_STATE, "CO", ["430000"]),
    (("EYGS LLP", "EYGS LLP", "EYGS LLP", "EYGS LLP", "EYGS LPP", "EYGS LLP"),
     "EY", K.PRIVATE_SECTOR, M.SECTOR_MEMBER, "GB", ["410000"]),
    (("Ministry of Science and ICT, Republic of Korea", "", "", "",
      "Министерство науки и ИКТ, Республика Корея", ""),
     "MSIT", K.GOVERNMENT, M.MEMBER_STATE, "KR", ["370000"]),
]

# The other 23 financial partners (illustrative): kind, membership category, country.
OTHER_FINANCIAL = [
    *[(K.GOVERNMENT, M.MEMBER_STATE, c) for c in ("JP", "CN", "SA", "AE", "ES", "CH", "RW", "KE")],
    *[(K.PRIVATE_SECTOR, M.SECTOR_MEMBER, c) for c in ("US", "FR", "IN")],
    (K.ACADEMIA, M.ACADEMIA, "IT"),
    (K.INTERNATIONAL_ORG, M.INTERNATIONAL_ORG, ""),
    *[(K.UN_ENTITY, M.NONE, "") for _i in range(4)],
    *[(K.FOUNDATION_NGO, M.NONE, c) for c in ("US", "CH", "GB")],
    *[(K.FINANCIAL_INSTITUTION, M.NONE, c) for c in ("CI", "PH")],
    (K.OTHER, M.NONE, "BE"),
]
# Their contributions: 307,350 then 11,000 less each time, all below the tenth (USD 370,000), so that
# the 33 financial partners sign USD 31,104,350 in all (seed: "about USD 31.1 million").
OTHER_AMOUNTS = [Decimal(260000 - 11000 * i) for i in range(23)]
OTHER_AMOUNTS[0] += Decimal(47350)
TWO_AGREEMENTS = 8  # the first eight of them signed two agreements (60 % and 40 %)
ITU_COFUNDING = Decimal(150000)  # ITU's share in ten partner-funded agreements
ITU_ONLY = Decimal(151560)  # eight agreements funded by ITU alone, with otherwise non-financial partners

# Partners that signed no financial contribution (illustrative): 40 of them.
NON_FINANCIAL = [
    *[(K.GOVERNMENT, M.MEMBER_STATE, c) for c in ("BR", "EG", "ID", "MA", "MN", "MT", "ME")],
    *[(K.PRIVATE_SECTOR, M.SECTOR_MEMBER, c) for c in ("FI", "SE", "ZA")],
    *[(K.ACADEMIA, M.ACADEMIA, c) for c in ("GH", "PE")],
    (K.INTERNATIONAL_ORG, M.INTERNATIONAL_ORG, ""),
    *[(K.UN_ENTITY, M.NONE, "") for _i in range(8)],
    *[(K.GOVERNMENT, M.NONE, c) for c in ("NG", "BD", "UZ", "PY")],
    *[(K.FOUNDATION_NGO, M.NONE, c) for c in ("KE", "IN", "DE", "NL", "SN")],
    *[(K.ACADEMIA, M.NONE, c) for c in ("TZ", "MY", "AR")],
    *[(K.PRIVATE_SECTOR, M.NONE, c) for c in ("NG", "VN", "MX", "EE")],
    (K.FINANCIAL_INSTITUTION, M.NONE, ""),
    *[(K.OTHER, M.NONE, c) for c in ("FJ", "JM")],
]

# Illustrative spread of the 89 agreements of 2024 over the regions served.
REGIONS_2024 = ([AgreementRegion.AFRICA] * 24 + [AgreementRegion.AMERICAS] * 11
                + [AgreementRegion.ARAB_STATES] * 8 + [AgreementRegion.ASIA_PACIFIC] * 16
                + [AgreementRegion.CIS] * 5 + [AgreementRegion.EUROPE] * 9 + [AgreementRegion.GLOBAL] * 16)
PRIORITY_SETS = [
    ["affordable_connectivity"], ["digital_transformation"], ["enabling_environment"],
    ["inclusive_secure_ict"], ["affordable_connectivity", "digital_transformation"],
    ["digital_transformation", "resource_mobilization"], ["inclusive_secure_ict", "enabling_environment"],
]

# Earlier years (illustrative): agreements, financial agreements, partner and ITU contributions.
EARLIER_YEARS = {
    2020: (52, 30, Decimal("15650000"), Decimal("1750000")),
    2021: (61, 35, Decimal("20800000"), Decimal("2100000")),
    2022: (70, 41, Decimal("23900000"), Decimal("2400000")),
    2023: (78, 47, Decimal("27100000"), Decimal("2450000")),
}

KIND_NAMES = {
    K.GOVERNMENT: "Ministry responsible for digital development",
    K.UN_ENTITY: "UN entity",
    K.INTERNATIONAL_ORG: "Regional telecommunication organization",
    K.FINANCIAL_INSTITUTION: "Development bank",
    K.PRIVATE_SECTOR: "Telecommunication operator",
    K.ACADEMIA: "University",
    K.FOUNDATION_NGO: "Foundation",
    K.OTHER: "Association",
}


class _IsoNames(Countries):
    """The names django-countries gave before the UN names (alliance/countries.py)."""

    override: dict = {}  # noqa: RUF012 (a django-countries option, read as is)
    common_names = True


def _illustrative_name(kind: str, country: str, number: int) -> str:
    place = countries.name(country) if country else f"no. {number}"
    name = f"{KIND_NAMES[kind]}, {place} {ILLUSTRATIVE}"
    # A demo loaded before the UN names keyed this partner by the ISO name ("…, Viet Nam" was
    # "…, Vietnam"): rename it rather than add a second partner.
    former = f"{KIND_NAMES[kind]}, {_IsoNames().name(country)} {ILLUSTRATIVE}" if country else name
    if former != name and not Partner.objects.filter(name_en=name).exists():
        for partner in Partner.objects.filter(name_en=former):
            partner.name_en = partner.name = name
            partner.save(update_fields=["name_en", "name"])
    return name


def _partner(names: tuple[str, ...], acronym: str, kind: str, membership: str, country: str,
             notes: str) -> Partner:
    translated = {f"name_{lang}": name for lang, name in zip(LANGS, names, strict=True) if name}
    partner, _created = Partner.objects.update_or_create(
        name_en=names[0],
        defaults={**translated, "acronym": acronym, "kind": kind,
                  "membership_category": membership, "country": country, "relationship_notes": notes},
    )
    return partner


def _signed_on(year: int, index: int) -> date:
    return date(year, index % 12 + 1, (index * 7) % 27 + 1)


class _Agreements:
    """Creates the agreements of one year with consecutive references."""

    def __init__(self, year: int, priorities: dict[str, Priority], regions: list[str] | None = None) -> None:
        self.year, self.priorities, self.count = year, priorities, 0
        # A stride coprime with 89 mixes the regions over funded and unfunded agreements.
        self.regions = regions or [REGIONS_2024[(n * 37) % len(REGIONS_2024)] for n in range(1, 90)]
        self.priority_sets = cycle(PRIORITY_SETS)

    def add(self, partner: Partner, *, partner_usd: Decimal = Decimal(0), itu_usd: Decimal = Decimal(0),
            title: str = "") -> PartnershipAgreement:
        self.count += 1
        reference = f"BDT-{self.year}-{self.count:03d}"
        status = (AgreementStatus.CLOSED if self.year < 2022 else
                  AgreementStatus.SIGNED if self.count % 9 == 0 else AgreementStatus.ACTIVE)
        kind = "Contribution agreement" if partner_usd or itu_usd else "Memorandum of understanding"
        agreement, _created = PartnershipAgreement.objects.update_or_create(
            reference=reference,
            defaults={
                "title_en": title or f"{kind} with {partner.acronym or partner.name} {ILLUSTRATIVE}",
                "partner": partner, "signed_on": _signed_on(self.year, self.count), "status": status,
                "partner_contribution_usd": partner_usd, "itu_contribution_usd": itu_usd,
                "region": self.regions[self.count - 1],
                "notes": "Region, priorities and title illustrative; amounts and counts from seed 002."
                if self.year == YEAR else f"All figures of {self.year} illustrative.",
            },
        )
        agreement.priorities.set([self.priorities[code] for code in next(self.priority_sets)])
        return agreement


# Regions of the top 10's fourteen agreements (illustrative), in the order of TOP_10's amounts.
TOP_10_REGIONS = ["africa", "global", "americas", "global", "africa", "global", "africa", "africa", "global",
                  "asia_pacific", "global", "americas", "global", "asia_pacific"]


def _regions_2024() -> list[str]:
    """The regions of the 89 agreements: the top 10's first, then the rest of REGIONS_2024 spread
    evenly (each region's agreements at equal intervals), so funded and unfunded ones mix."""
    rest = Counter(REGIONS_2024) - Counter(TOP_10_REGIONS)
    spread = sorted(((k + 0.5) / n, region) for region, n in rest.items() for k in range(n))
    return [*TOP_10_REGIONS, *(region for _position, region in spread)]


def _load_2024(priorities: dict[str, Priority]) -> list[Partner]:
    seed_note = "Named in seed 002 (top 10 financial partners 2024); type and membership illustrative."
    top = [_partner(names, acronym, kind, membership, country, seed_note)
           for names, acronym, kind, membership, country, _amounts in TOP_10]
    others = [
        _partner((_illustrative_name(kind, country, n),) + ("",) * 5, "", kind, membership, country,
                 f"Illustrative financial partner {ILLUSTRATIVE}.")
        for n, (kind, membership, country) in enumerate(OTHER_FINANCIAL, start=1)
    ]
    non_financial = [
        _partner((_illustrative_name(kind, country, 100 + n),) + ("",) * 5, "", kind, membership, country,
                 f"Illustrative partner {ILLUSTRATIVE}.")
        for n, (kind, membership, country) in enumerate(NON_FINANCIAL, start=1)
    ]
    agreements = _Agreements(YEAR, priorities, regions=_regions_2024())
    cofunded = 0

    def cofund() -> Decimal:
        nonlocal cofunded
        cofunded += 1
        return ITU_COFUNDING if cofunded <= 10 else Decimal(0)

    for partner, (*_rest, amounts) in zip(top, TOP_10, strict=True):
        for amount in amounts:
            agreements.add(partner, partner_usd=Decimal(amount), itu_usd=cofund())
    for index, (partner, amount) in enumerate(zip(others, OTHER_AMOUNTS, strict=True)):
        if index < TWO_AGREEMENTS:
            first = (amount * Decimal("0.6")).quantize(Decimal(1))
            agreements.add(partner, partner_usd=first)
            agreements.add(partner, partner_usd=amount - first)
        else:
            agreements.add(partner, partner_usd=amount)
    for partner in non_financial[:8]:
        agreements.add(partner, itu_usd=ITU_ONLY)
    for partner in non_financial[8:]:
        agreements.add(partner)
    for partner in (top[1], top[7], top[9], others[0]):  # memoranda with partners that also fund
        agreements.add(partner)
    return [*top, *others, *non_financial]


def _load_earlier_years(partners: list[Partner], priorities: dict[str, Priority]) -> None:
    for year, (count, financial, partner_total, itu_total) in EARLIER_YEARS.items():
        agreements = _Agreements(year, priorities)
        share = (partner_total / financial).quantize(Decimal(1))
        itu_share = (itu_total / financial).quantize(Decimal(1))
        for index in range(count):
            partner = partners[index % len(partners)]
            if index < financial:
                last = index == financial - 1
                agreements.add(
                    partner,
                    partner_usd=partner_total - share * (financial - 1) if last else share,
                    itu_usd=itu_total - itu_share * (financial - 1) if last else itu_share,
                )
            else:
                agreements.add(partner)


IMPACT_STORIES = [
    ("Early warnings for all: connecting national meteorological services", 4,
     "With WMO and UNDRR, BDT supports countries in delivering early warnings of disasters to everyone "
     "over mobile networks."),
    ("Connecting schools to the Internet", 1,
     "With UNICEF, BDT maps schools and their connectivity so that governments and partners can plan "
     "and finance their connection."),
    ("Digital transformation of public services", 0,
     "A programme funded by the European Union helps partner countries build digital public "
     "infrastructure and the skills to use it."),
]


def _load_impact_stories(top: list[Partner]) -> None:
    for number, (title, partner_index, summary) in enumerate(IMPACT_STORIES, start=1):
        ImpactStory.objects.update_or_create(
            title_en=f"{title} {ILLUSTRATIVE}",
            defaults={"summary_en": summary,
                      "partner": top[partner_index], "is_published": True,
                      "published_on": date(YEAR, 3 * number, 15),
                      "link": "https://www.itu.int/itu-d/sites/digital-impact-unlocked/all-stories/list/"},
        )


PLEDGERS = [
    ("Ministry of ICT, Rwanda", PledgerKind.GOVERNMENT, "RW"),
    ("Connectivity operator", PledgerKind.PRIVATE_SECTOR, "ZA"),
    ("Digital inclusion foundation", PledgerKind.PHILANTHROPY, "US"),
    ("Youth for digital skills network", PledgerKind.YOUTH, "KE"),
    ("University of the Pacific islands", PledgerKind.ACADEMIA, "FJ"),
    ("Regional development bank", PledgerKind.FINANCIAL_INSTITUTION, "CI"),
]

# pledger index, title, kind, action areas, value, LDC/LLDC/SIDS, status, countries
PLEDGES = [
    (0, "Connect every secondary school to broadband", "programmatic", ["connecting_people"], None,
     (True, True, False), PledgeStatus.PUBLISHED, ["RW"]),
    (1, "Rural 4G coverage for 2 million people", "financial",
     ["connecting_people", "stimulating_investment"], Decimal("45000000"), (True, False, False),
     PledgeStatus.PUBLISHED, ["ZA", "MZ", "MW"]),
    (2, "Digital skills for one million women", "financial", ["empowering_communities"],
     Decimal("12500000"), (True, True, True), PledgeStatus.PUBLISHED, ["KE", "UG", "FJ"]),
    (3, "Youth ambassadors for meaningful connectivity", "advocacy", ["empowering_communities"], None,
     (False, False, False), PledgeStatus.PUBLISHED, []),
    (4, "Open regulatory sandbox for small island states", "policy", ["building_ecosystems"], None,
     (False, False, True), PledgeStatus.SUBMITTED, ["FJ", "WS", "TO"]),
    (5, "Blended finance facility for last-mile networks", "financial", ["stimulating_investment"],
     Decimal("80000000"), (True, True, False), PledgeStatus.DECLINED, ["CI", "BF", "ML"]),
]


# pledge index -> the status of its progress report and an impact indicator it carries; the
# fourth published pledge has not reported yet.
PROGRESS = {
    0: (ProgressStatus.ON_TRACK, ("Secondary schools connected", Decimal("320"), "schools")),
    1: (ProgressStatus.DELAYED, ("People newly covered by 4G", Decimal("450000"), "people")),
    2: (ProgressStatus.COMPLETED, ("Women trained in digital skills", Decimal("1000000"), "people")),
}

# pledge index -> {group: figures}: how much each pledge benefits LDCs, LLDCs and SIDS.
BENEFITS = {
    0: {"ldc": {"people_reached": 250000}, "lldc": {"people_reached": 250000}},
    1: {"ldc": {"amount_usd": Decimal("30000000"), "people_reached": 1200000}},
    2: {"ldc": {"share_percent": Decimal("40")}, "lldc": {"share_percent": Decimal("20")},
        "sids": {"share_percent": Decimal("10"), "people_reached": 50000}},
    4: {"sids": {"share_percent": Decimal("100")}},
    5: {"ldc": {"amount_usd": Decimal("50000000")}, "lldc": {"amount_usd": Decimal("30000000")}},
}


def _load_benefits(pledge: Pledge, index: int) -> None:
    for group, figures in BENEFITS.get(index, {}).items():
        PledgeBenefit.objects.update_or_create(
            pledge=pledge, group=group,
            defaults={"share_percent": None, "amount_usd": None, "people_reached": None, **figures})


# Seed 003: the P2C Roundtable at WTDC-22 and what its programme may include.
ROUNDTABLE_SESSIONS = [
    (date(2022, 6, 7), SessionKind.HIGH_LEVEL_SEGMENT, "Opening high-level segment"),
    (date(2022, 6, 7), SessionKind.POLICY_STATEMENTS, "High-level policy statements"),
    (date(2022, 6, 8), SessionKind.PANEL, "Thematic panel: connecting the hardest to connect in LDCs, "
                                          "LLDCs and SIDS"),
    (date(2022, 6, 8), SessionKind.BREAKOUT, "Breakout discussions by action area"),
    (date(2022, 6, 8), SessionKind.VIDEO_MESSAGES, "Video messages of high-level participants"),
    (date(2022, 6, 9), SessionKind.PLENARY_PLEDGES, "Pledges announced in plenary"),
    (date(2022, 6, 9), SessionKind.SIGNING_CEREMONY, "Signing ceremony of the coalition's founding document"),
]


def _load_events() -> Event:
    roundtable, _created = Event.objects.update_or_create(
        slug="p2c-roundtable-wtdc-22",
        defaults={"name": "Partner2Connect Digital Development Roundtable", "kind": EventKind.ROUNDTABLE,
                  "starts_on": date(2022, 6, 7), "ends_on": date(2022, 6, 9),
                  "venue": "WTDC-22, Kigali, Rwanda", "is_published": True,
                  "description": "High-level discussions on the challenges and opportunities of digital "
                                 "development, concrete pledges and new partnerships, for meaningful "
                                 "connectivity and digital transformation in the hardest-to-connect "
                                 "communities, in particular in LDCs, LLDCs and SIDS."},
    )
    for order, (day, kind, title) in enumerate(ROUNDTABLE_SESSIONS, start=1):
        EventSession.objects.update_or_create(event=roundtable, order=order,
                                              defaults={"day": day, "kind": kind, "title": title})
    Event.objects.update_or_create(
        slug="leads-and-members-meeting-2025",
        defaults={"name": f"Meeting of action-area leads and members {ILLUSTRATIVE}",
                  "kind": EventKind.COALITION_MEETING, "starts_on": date(2025, 3, 12),
                  "ends_on": date(2025, 3, 12), "venue": "Online", "is_published": True,
                  "description": "Leads and members review the pledges' progress and agree joint "
                                 "commitments."},
    )
    return roundtable


# organisation, stakeholder group, action area, country, status
INTERESTS = [
    ("Generation Connect youth envoys network", PledgerKind.YOUTH, "empowering_communities", "GH",
     InterestStatus.SUBMITTED),
    ("Indigenous communities connectivity alliance", PledgerKind.MARGINALISED_COMMUNITIES,
     "connecting_people", "BO", InterestStatus.ACCEPTED),
]


def _load_interests(areas: dict[str, ActionArea]) -> None:
    from . import services

    for organisation, group, area, country, status in INTERESTS:
        name = f"{organisation} {ILLUSTRATIVE}"
        interest = ExpressionOfInterest.objects.filter(organisation=name).first()
        if interest is None:
            interest = services.interest_submit(
                action_area=areas[area], organisation=name, stakeholder_group=group, country=country,
                contact_name="Demo contact", contact_email=f"{group}@example.org",
                contribution="Our networks and volunteers, and a voice for the people we represent.")
        if status == InterestStatus.ACCEPTED and interest.status == InterestStatus.SUBMITTED:
            services.interest_accept(interest=interest, by=None)


def _report_due(index: int) -> date:
    """One pledge overdue since 2025 (red), one due within a month (amber), the others later (green)."""
    today = timezone.localdate()
    return [date(2025, 6, 30), today + timedelta(days=15), today + timedelta(days=90),
            today + timedelta(days=150)][index % 4]


def _load_p2c() -> None:
    # The action areas come from a data migration; a flushed database (transactional tests) has
    # lost them, so put them back the same way before using them.
    import_module("partnerships.migrations.0002_action_areas").load(django_apps, None)
    import_module("partnerships.migrations.0007_action_areas_serve_priorities").load(django_apps, None)
    areas = {area.code: area for area in ActionArea.objects.all()}
    roundtable = _load_events()
    pledgers = []
    for organisation, kind, country in PLEDGERS:
        pledger, _created = Pledger.objects.update_or_create(
            organisation=f"{organisation} {ILLUSTRATIVE}",
            defaults={"kind": kind, "country": country, "contact_name": "Demo contact",
                      "contact_email": f"pledger{len(pledgers) + 1}@example.org"},
        )
        pledgers.append(pledger)
    for index, title, kind, codes, value, (ldc, lldc, sids), status, target in PLEDGES:
        declined = status == PledgeStatus.DECLINED
        pledge, _created = Pledge.objects.update_or_create(
            pledger=pledgers[index], title=f"{title} {ILLUSTRATIVE}",
            defaults={
                "description": f"{title}. Illustrative pledge of the demo data.", "kind": kind,
                "value_usd": value, "benefits_ldc": ldc, "benefits_lldc": lldc, "benefits_sids": sids,
                "benefit_description": "Most of the people reached live in these countries."
                if (ldc or lldc or sids) else "",
                "target_year": 2026, "target_countries": target, "status": status,
                "decline_reason": "The pledge could not be measured as submitted." if declined else "",
                **({"dd_identity_verified": True, "dd_supports_action_area": True,
                    "dd_realistic_measurable": True, "dd_no_reputational_risk": True,
                    "next_report_due": _report_due(index)}
                   if status == PledgeStatus.PUBLISHED else {}),
            },
        )
        pledge.action_areas.set([areas[code] for code in codes])
        _load_benefits(pledge, index)
        if status == PledgeStatus.PUBLISHED and index in PROGRESS:
            progress, indicator = PROGRESS[index]
            report, _created = PledgeProgressReport.objects.update_or_create(
                pledge=pledge, reported_on=date(2024, 12, 31),
                defaults={"status": progress,
                          "narrative": ("The pledge is fulfilled (illustrative)."
                                        if progress == ProgressStatus.COMPLETED
                                        else "Work is under way (illustrative)."),
                          "amount_delivered_usd": (value or Decimal(0)) / 4},
            )
            if indicator:
                name, amount, unit = indicator
                ImpactIndicator.objects.update_or_create(
                    progress_report=report, name=name,
                    defaults={"value": amount, "unit": unit, "measured_on": date(2024, 12, 31)})
        pledge.announced_at = roundtable if index < 3 else None
        pledge.save(update_fields=["announced_at"])
    for area_code, pledger_index, role, seat in [
        ("connecting_people", 0, ActionAreaRole.LEAD, 1), ("connecting_people", 1, ActionAreaRole.LEAD, 2),
        ("empowering_communities", 2, ActionAreaRole.LEAD, 1),
        ("empowering_communities", 3, ActionAreaRole.MEMBER, None),
        ("building_ecosystems", 4, ActionAreaRole.MEMBER, None),
        ("stimulating_investment", 5, ActionAreaRole.LEAD, 1),
    ]:
        ActionAreaMembership.objects.update_or_create(
            action_area=areas[area_code], pledger=pledgers[pledger_index],
            defaults={"role": role, "lead_seat": seat},
        )
    _load_interests(areas)


def load(*, log: Callable[[str], object]) -> None:
    priorities = {p.code: p for p in Priority.objects.all()}
    # Natural keys are English names (country names included): load in English whatever is active.
    with transaction.atomic(), translation.override("en"):
        partners = _load_2024(priorities)
        _load_earlier_years(partners, priorities)
        PartnershipAgreement.objects.update_or_create(
            reference="BDT-DRAFT-001",
            defaults={"title_en": f"Draft agreement under negotiation {ILLUSTRATIVE}",
                      "partner": partners[0], "status": AgreementStatus.DRAFT, "signed_on": None,
                      "partner_contribution_usd": Decimal("1000000"), "region": AgreementRegion.GLOBAL},
        )
        _load_impact_stories(partners[:10])
        _load_p2c()
    log(f"partnerships: {Partner.objects.count()} partners, "
        f"{PartnershipAgreement.objects.count()} agreements, {Pledge.objects.count()} pledges.")
