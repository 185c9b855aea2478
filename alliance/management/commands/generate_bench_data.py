"""Fill the database with benchmark volumes: centres, partnership agreements, pledges, playbooks.

    DJANGO_DEBUG=1 uv run python manage.py generate_bench_data --centres 2000 --agreements 200000 \
        --pledges 50000 --reset
    DJANGO_DEBUG=1 uv run python manage.py generate_bench_data --centres 0 --agreements 0 --pledges 0 \
        --playbooks 40            # add only what is missing: each kind refuses only its own old rows

Rows are made with ``bulk_create`` in batches (M2M links by bulk inserts into the through
tables), so no signals run: no history rows, no mail, no cache invalidation. Every row is
marked as bench data (references ``BENCH-...``, slugs ``bench-...``, names ending
"(bench, illustrative)"), and ``--reset`` deletes exactly those rows first with plain SQL
``DELETE`` statements, leaving the demo and any real data alone. The values are
deterministic (``--seed``), so two runs of the same size give the same figures.
"""

from __future__ import annotations

import io
import random
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django_countries import countries

from alliance.core import freshness
from alliance.models import Priority, RegionalInitiative, StrategicObjective
from centres.models import Application, Call, Centre, CooperationAgreement, HostType
from dtlab.models import Playbook
from partnerships.models import (
    ActionArea,
    AgreementRegion,
    AgreementStatus,
    MembershipCategory,
    Partner,
    PartnerKind,
    PartnershipAgreement,
    Pledge,
    PledgeKind,
    Pledger,
    PledgerKind,
    PledgeStatus,
)

PREFIX = "BENCH-"
SLUG_PREFIX = "bench-"
CALL_CODE = "bench"
MARK = "(bench, illustrative)"
BATCH = 5000
FIRST_YEAR, LAST_YEAR = 2019, 2025

#: Centre lifecycle as it is spread in the bench data (status, weight).
CENTRE_STATUSES = [
    (Centre.Status.SELECTED, 2), (Centre.Status.AGREEMENT_SIGNED, 2), (Centre.Status.DESIGN, 2),
    (Centre.Status.CAPACITY_BUILDING, 2), (Centre.Status.OPERATING, 10), (Centre.Status.REMOVED, 1),
]
AGREEMENT_STATUSES = [
    (AgreementStatus.DRAFT, 1), (AgreementStatus.SIGNED, 3), (AgreementStatus.ACTIVE, 4),
    (AgreementStatus.CLOSED, 2),
]
PLEDGE_STATUSES = [(PledgeStatus.SUBMITTED, 1), (PledgeStatus.PUBLISHED, 8), (PledgeStatus.DECLINED, 1)]


def _pick(rng: random.Random, weighted: list[tuple[Any, int]]) -> Any:
    return rng.choices([value for value, _ in weighted], weights=[weight for _, weight in weighted])[0]


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=10))


def _copy_text(value: Any) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (list, tuple)):
        value = ",".join(value)
    elif isinstance(value, (date, datetime)):
        value = value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _insert(model: type[Model], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows given as ``{attname: value}`` and return their primary keys, in order.

    On PostgreSQL the ids are drawn from the table's sequence and the rows sent with one
    ``COPY``: building 200,000 model instances for ``bulk_create`` costs most of a minute on two
    busy cores (model ``__init__``, modeltranslation, per-value preparation), COPY a few seconds.
    Elsewhere (SQLite) ``bulk_create`` in batches.
    """
    if not rows:
        return []
    if connection.vendor != "postgresql":
        made = model.objects.bulk_create([model(**row) for row in rows], batch_size=BATCH)
        return [instance.pk for instance in made]
    now = timezone.now()
    pk = model._meta.pk
    columns, defaults = [], {}
    for field in model._meta.concrete_fields:
        if field is pk:
            continue
        columns.append(field)
        if field.attname not in rows[0]:
            auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            defaults[field.attname] = now if auto else field.get_default()
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                       [table, pk.column, len(rows)])
        ids = [row[0] for row in cursor.fetchall()]
        buffer = io.StringIO()
        for key, row in zip(ids, rows, strict=True):
            values = [str(key)] + [_copy_text(row[f.attname] if f.attname in row else defaults[f.attname])
                                   for f in columns]
            buffer.write("\t".join(values) + "\n")
        buffer.seek(0)
        names = ", ".join(connection.ops.quote_name(c) for c in [pk.column] + [f.column for f in columns])
        cursor.cursor.copy_expert(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN", buffer)
    return ids


def _delete(sql: str, params: list[Any]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def bench_rows_exist(kinds: tuple[str, ...] = ("centres", "agreements", "pledges", "playbooks")) -> bool:
    """Whether bench rows of any of these kinds are in the database already."""
    present = {
        "centres": lambda: Call.objects.filter(code=CALL_CODE).exists(),
        "agreements": lambda: (Partner.objects.filter(name__endswith=MARK).exists()
                               or PartnershipAgreement.objects.filter(reference__startswith=PREFIX).exists()),
        "pledges": lambda: Pledger.objects.filter(organisation__endswith=MARK).exists(),
        "playbooks": lambda: Playbook.objects.filter(slug__startswith=SLUG_PREFIX).exists(),
    }
    return any(present[kind]() for kind in kinds)


def bench_reset() -> dict[str, int]:
    """Delete the bench rows with set-based SQL: the ORM would load and log each of them."""
    table = {model: model._meta.db_table for model in (
        PartnershipAgreement, Partner, Pledge, Pledger, Centre, Application, Call, CooperationAgreement)}
    agreement_links = PartnershipAgreement.priorities.through._meta.db_table
    pledge_links = Pledge.action_areas.through._meta.db_table
    centre_links = Centre.objectives.through._meta.db_table
    application_links = Application.objectives.through._meta.db_table
    like, mark = PREFIX + "%", "%" + MARK
    agreements = f"SELECT id FROM {table[PartnershipAgreement]} WHERE reference LIKE %s"
    pledgers = f"SELECT id FROM {table[Pledger]} WHERE organisation LIKE %s"
    pledges = f"SELECT id FROM {table[Pledge]} WHERE pledger_id IN ({pledgers})"
    applications = (f"SELECT a.id FROM {table[Application]} a JOIN {table[Call]} c ON a.call_id = c.id "
                    f"WHERE c.code = %s")
    centres = f"SELECT id FROM {table[Centre]} WHERE application_id IN ({applications})"
    deleted: dict[str, int] = {}
    with transaction.atomic():
        _delete(f"DELETE FROM {agreement_links} WHERE partnershipagreement_id IN ({agreements})", [like])
        deleted["agreements"] = _delete(
            f"DELETE FROM {table[PartnershipAgreement]} WHERE reference LIKE %s", [like]
        )
        deleted["partners"] = _delete(f"DELETE FROM {table[Partner]} WHERE name LIKE %s", [mark])
        _delete(f"DELETE FROM {pledge_links} WHERE pledge_id IN ({pledges})", [mark])
        deleted["pledges"] = _delete(f"DELETE FROM {table[Pledge]} WHERE pledger_id IN ({pledgers})", [mark])
        deleted["pledgers"] = _delete(f"DELETE FROM {table[Pledger]} WHERE organisation LIKE %s", [mark])
        _delete(f"DELETE FROM {table[CooperationAgreement]} WHERE centre_id IN ({centres})", [CALL_CODE])
        _delete(f"DELETE FROM {centre_links} WHERE centre_id IN ({centres})", [CALL_CODE])
        deleted["centres"] = _delete(f"DELETE FROM {table[Centre]} WHERE application_id IN ({applications})",
                                     [CALL_CODE])
        _delete(f"DELETE FROM {application_links} WHERE application_id IN ({applications})", [CALL_CODE])
        _delete(f"DELETE FROM {table[Application]} WHERE call_id IN "
                f"(SELECT id FROM {table[Call]} WHERE code = %s)", [CALL_CODE])
        _delete(f"DELETE FROM {table[Call]} WHERE code = %s", [CALL_CODE])
        deleted["playbooks"] = _delete(f"DELETE FROM {Playbook._meta.db_table} WHERE slug LIKE %s",
                                       [SLUG_PREFIX + "%"])
    return deleted


def generate_centres(*, count: int, rng: random.Random) -> list[int]:
    initiatives = list(RegionalInitiative.objects.order_by("code").values_list("pk", flat=True))
    objectives = list(StrategicObjective.objects.order_by("number").values_list("pk", flat=True))
    codes = [code for code, _ in countries]
    call = Call.objects.create(code=CALL_CODE, name=f"Bench call for hosts {MARK}",
                               name_en=f"Bench call for hosts {MARK}",
                               opened_on=date(2023, 1, 15))
    host_types = HostType.values
    applications, centres, chosen = [], [], []
    for n in range(count):
        submitted = _day(rng, date(2023, 2, 1), date(2025, 6, 30))
        selected = submitted + timedelta(days=60)
        status = _pick(rng, CENTRE_STATUSES)
        deploying = status in (Centre.Status.CAPACITY_BUILDING, Centre.Status.OPERATING)
        removed = status == Centre.Status.REMOVED
        common = {"host_type": host_types[n % len(host_types)], "country": codes[n % len(codes)],
                  "city": f"City {n % 400}", "regional_initiative_id": initiatives[n % len(initiatives)]}
        organisation = f"Host organisation {n:05d} {MARK}"
        applications.append({
            **common, "reference": f"{PREFIX}{n:06d}", "call_id": call.pk, "organisation": organisation,
            "contact_name": f"Contact {n:05d}", "contact_email": f"host{n:05d}@bench.example.org",
            "support_plan": "Financial support from the host ministry; political support letter attached.",
            "submitted_at": _moment(submitted), "status": Application.Status.SELECTED,
            "decided_at": _moment(selected),
        })
        centres.append({
            **common, "name": f"Acceleration Centre {n:05d} {MARK}", "slug": f"{SLUG_PREFIX}centre-{n:05d}",
            "host_organisation": organisation, "status": status, "selected_on": selected,
            "design_finished_on": selected + timedelta(days=240) if deploying else None,
            "operating_since": selected + timedelta(days=400) if status == Centre.Status.OPERATING else None,
            "removed_on": selected + timedelta(days=200) if removed else None,
            "removal_reason": Centre.RemovalReason.NO_AGREEMENT if removed else "",
            "description": f"Supports start-ups and SMEs in digital innovation. {MARK}",
            "description_en": f"Supports start-ups and SMEs in digital innovation. {MARK}",
            "contact_email": f"centre{n:05d}@bench.example.org",
        })
        chosen.append(rng.sample(objectives, rng.randint(1, 3)))
    application_ids = _insert(Application, applications)
    for centre, application_id in zip(centres, application_ids, strict=True):
        centre["application_id"] = application_id
    centre_ids = _insert(Centre, centres)
    _insert(Centre.objectives.through, [
        {"centre_id": centre_id, "strategicobjective_id": objective}
        for centre_id, picked in zip(centre_ids, chosen, strict=True) for objective in picked])
    _insert(Application.objectives.through, [
        {"application_id": application_id, "strategicobjective_id": objective}
        for application_id, picked in zip(application_ids, chosen, strict=True) for objective in picked])
    signed = []
    for centre_id, centre in zip(centre_ids, centres, strict=True):
        if centre["status"] in (Centre.Status.SELECTED, Centre.Status.REMOVED):
            continue
        start = centre["selected_on"] + timedelta(days=90)
        signed.append({"centre_id": centre_id, "signed_on": start, "starts_on": start,
                       "ends_on": start + timedelta(days=3 * 365), "document": ""})
    _insert(CooperationAgreement, signed)
    return centre_ids


def generate_agreements(*, count: int, rng: random.Random) -> list[int]:
    priorities = list(Priority.objects.order_by("pk").values_list("pk", flat=True))
    kinds, categories = PartnerKind.values, MembershipCategory.values
    codes = [code for code, _ in countries]
    partners = _insert(Partner, [
        {"name": f"Partner {n:06d} {MARK}", "name_en": f"Partner {n:06d} {MARK}",
         "acronym": f"P{n:06d}", "kind": kinds[n % len(kinds)],
         "membership_category": categories[(n // 3) % len(categories)],
         "country": "" if n % 9 == 0 else codes[n % len(codes)]}
        for n in range(max(10, count // 20))
    ]) if count else []
    regions, vehicles = AgreementRegion.values, ["", "", "board", "centres", "dtlab"]
    rows, chosen = [], []
    for n in range(count):
        status = _pick(rng, AGREEMENT_STATUSES)
        signed = _day(rng, date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 6, 30))
        financial = rng.random() < 0.6
        partner_usd = Decimal(rng.randrange(5_000, 2_000_000)) if financial else Decimal(0)
        rows.append({
            "reference": f"{PREFIX}{n:07d}", "title": f"Partnership agreement {n} {MARK}",
            "title_en": f"Partnership agreement {n} {MARK}",
            "partner_id": partners[rng.randrange(len(partners))], "status": status,
            "signed_on": None if status == AgreementStatus.DRAFT else signed,
            "partner_contribution_usd": partner_usd,
            "itu_contribution_usd": (partner_usd / 10).quantize(Decimal("1")) if financial else Decimal(0),
            "region": regions[n % len(regions)], "vehicle": vehicles[n % len(vehicles)],
        })
        chosen.append(rng.sample(priorities, rng.randint(1, 2)))
    agreements = _insert(PartnershipAgreement, rows)
    _insert(PartnershipAgreement.priorities.through, [
        {"partnershipagreement_id": agreement_id, "priority_id": priority}
        for agreement_id, picked in zip(agreements, chosen, strict=True) for priority in picked])
    return agreements


def generate_pledges(*, count: int, rng: random.Random) -> list[int]:
    areas = list(ActionArea.objects.order_by("order").values_list("pk", flat=True))
    codes = [code for code, _ in countries]
    kinds = PledgerKind.values
    pledgers = _insert(Pledger, [
        {"organisation": f"Pledger {n:05d} {MARK}", "kind": kinds[n % len(kinds)],
         "country": codes[(n * 7) % len(codes)], "contact_name": f"Contact {n:05d}",
         "contact_email": f"pledger{n:05d}@bench.example.org"}
        for n in range(max(5, count // 5))
    ]) if count else []
    rows, chosen = [], []
    for n in range(count):
        kind = PledgeKind.values[n % len(PledgeKind.values)]
        status = _pick(rng, PLEDGE_STATUSES)
        published = status == PledgeStatus.PUBLISHED
        submitted = _moment(_day(rng, date(2022, 1, 1), date(2025, 6, 30)))
        ldc = n % 3 == 0
        rows.append({
            "pledger_id": pledgers[rng.randrange(len(pledgers))], "title": f"Pledge {n} {MARK}",
            "description": "Connect schools and health centres in rural areas. " + MARK, "kind": kind,
            "target_countries": sorted(rng.sample(codes, rng.randint(1, 4))), "benefits_ldc": ldc,
            "benefit_description": "Half of the beneficiaries live in LDCs." if ldc else "",
            "value_usd": Decimal(rng.randrange(10_000, 50_000_000)) if kind == PledgeKind.FINANCIAL else None,
            "target_year": rng.randint(2025, 2030), "status": status, "submitted_at": submitted,
            "decided_at": None if status == PledgeStatus.SUBMITTED else submitted + timedelta(days=20),
            "decline_reason": "Not measurable." if status == PledgeStatus.DECLINED else "",
            "dd_identity_verified": status != PledgeStatus.SUBMITTED,
            "dd_supports_action_area": published, "dd_realistic_measurable": published,
            "dd_no_reputational_risk": published,
            "next_report_due": (submitted + timedelta(days=180)).date() if published else None,
        })
        chosen.append(rng.sample(areas, rng.randint(1, 2)))
    pledges = _insert(Pledge, rows)
    _insert(Pledge.action_areas.through, [
        {"pledge_id": pledge_id, "actionarea_id": area}
        for pledge_id, picked in zip(pledges, chosen, strict=True) for area in picked])
    return pledges


def generate_playbooks(*, count: int, rng: random.Random) -> list[int]:
    """Published playbooks, so that the benchmark has a playbook page to ask for; each under a
    strategic objective or a cross-cutting topic, as the model requires."""
    objectives = list(StrategicObjective.objects.order_by("number").values_list("pk", flat=True))
    topics = Playbook.Topic.values
    rows = []
    for n in range(count):
        title = f"Playbook {n} {MARK}"
        by_objective = bool(objectives) and n % 3 != 0
        rows.append({
            "slug": f"{SLUG_PREFIX}playbook-{n:04d}", "title": title, "title_en": title,
            "summary": "How a country builds a digital transformation programme (illustrative).",
            "strategic_objective_id": objectives[n % len(objectives)] if by_objective else None,
            "topic": "" if by_objective else topics[n % len(topics)],
            "status": Playbook.Status.PUBLISHED, "order": n,
            "published_on": _day(rng, date(2023, 1, 1), date(2025, 6, 30)),
        })
    return _insert(Playbook, rows)


class Command(BaseCommand):
    help = "Create benchmark volumes of centres, partnership agreements and pledges (bulk inserts)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--centres", type=int, default=2000)
        parser.add_argument("--agreements", type=int, default=200_000)
        parser.add_argument("--pledges", type=int, default=50_000)
        parser.add_argument("--playbooks", type=int, default=40)
        parser.add_argument("--reset", action="store_true", help="delete the previous bench rows first")
        parser.add_argument("--seed", type=int, default=9, help="random seed (same seed, same data)")

    def handle(self, *args: Any, centres: int, agreements: int, pledges: int, playbooks: int, reset: bool,
               seed: int, **options: Any) -> None:
        sizes = {"centres": centres, "agreements": agreements, "pledges": pledges, "playbooks": playbooks}
        if min(sizes.values()) < 0:
            raise CommandError("Sizes cannot be negative.")
        started = time.perf_counter()
        if reset:
            deleted = bench_reset()
            self.stdout.write("Deleted previous bench rows: " + ", ".join(
                f"{count} {name}" for name, count in deleted.items()))
        elif bench_rows_exist(tuple(kind for kind, count in sizes.items() if count)):
            raise CommandError("Bench rows are already present; run again with --reset to replace them.")
        rng = random.Random(seed)
        generators = {"centres": generate_centres, "agreements": generate_agreements,
                      "pledges": generate_pledges, "playbooks": generate_playbooks}
        for label, count in sizes.items():
            generate = generators[label]
            step = time.perf_counter()
            with transaction.atomic():
                made = generate(count=count, rng=rng) if count else []
            self.stdout.write(f"{len(made):>9,} {label} in {time.perf_counter() - step:.1f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        # The rows went in without signals: what the cache holds of the old data is stale.
        freshness.bump(*freshness.TOPICS)
        self.stdout.write(self.style.SUCCESS(f"Bench data ready in {time.perf_counter() - started:.1f} s."))
