"""Search across the public site, in the six languages (reads only: a selectors module).

Each kind of object names the queryset the public sees (no unpublished pledge, no draft news,
no removed centre), its text fields and how a result is shown. A query finds an object when:

- on PostgreSQL, full-text search matches one language's columns under that language's
  configuration (english, french, russian, spanish; ``simple`` for Arabic and Chinese, which
  PostgreSQL does not stem), or the Arabic or Chinese columns contain the text (Chinese is
  written without spaces, so words are not tokens), or the name is similar by trigram (pg_trgm,
  a typo still finds "Nairobi"), or the text is in the name or another untranslated field;
- on SQLite (the embedded default), any of those columns contains the text (``icontains``);
- everywhere, the text is in a country's name in any of the six languages
  (``alliance.countries.codes_named``) and the object is in that country.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from alliance.countries import codes_named

LANGUAGES = [code for code, _name in settings.LANGUAGES]
#: PostgreSQL's text-search configuration for each language; Arabic and Chinese have none.
SEARCH_CONFIGS = {"en": "english", "fr": "french", "ru": "russian", "es": "spanish",
                  "ar": "simple", "zh-hans": "simple"}
#: Languages whose columns are also searched by substring on PostgreSQL (no stemming, no spaces).
SUBSTRING_LANGUAGES = ("ar", "zh-hans")
TRIGRAM_THRESHOLD = 0.3
GROUP_SIZE = 5
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    summary: str = ""


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: Promise
    queryset: Callable[[], QuerySet]
    translated: tuple[str, ...] = ()   # modeltranslation fields: searched in every language
    plain: tuple[str, ...] = ()        # untranslated text
    name: str | None = None            # matched by trigram similarity on PostgreSQL
    country: str | None = None
    to_result: Callable[[object], Result] = lambda obj: Result(str(obj), "")

    def columns(self, language: str) -> list[str]:
        return [build_localized_fieldname(field, language) for field in self.translated]


def _short(text: str) -> str:
    return Truncator(text or "").chars(200)


def _centres() -> QuerySet:
    from centres.models import Centre

    return Centre.objects.exclude(status=Centre.Status.REMOVED).order_by("name", "pk")


def _members() -> QuerySet:
    from board.selectors import members_list

    return members_list()


def _meetings() -> QuerySet:
    from board.models import Meeting

    return Meeting.objects.order_by("-number")


def _playbooks() -> QuerySet:
    from dtlab.models import Playbook

    return Playbook.objects.order_by("order", "slug")


def _news() -> QuerySet:
    from alliance.news.selectors import news_public

    return news_public()


def _pledges() -> QuerySet:
    from partnerships.models import Pledge, PledgeStatus

    return Pledge.objects.filter(status=PledgeStatus.PUBLISHED).select_related("pledger") \
        .order_by("-submitted_at", "-pk")


def _partners() -> QuerySet:
    """Partners the public sees: those with a signed agreement (in the figures) or a published story."""
    from partnerships.models import SIGNED_STATUSES, ImpactStory, Partner, PartnershipAgreement

    signed = PartnershipAgreement.objects.filter(status__in=SIGNED_STATUSES).values("partner_id")
    told = ImpactStory.objects.filter(is_published=True, partner__isnull=False).values("partner_id")
    return Partner.objects.filter(Q(pk__in=signed) | Q(pk__in=told)).order_by("name", "pk")


def _documents() -> QuerySet:
    from alliance.reports.selectors import published_reports

    return published_reports().order_by("-period_end", "kind", "language")


def _document_result(report) -> Result:
    language = translation.get_language_info(report.language)["name_local"]
    title = f"{report.get_kind_display()} {report.period_label}"
    return Result(title=title, url=reverse("documents:pdf", args=[report.pk]),
                  summary=" · ".join(part for part in (report.symbol, language) if part))


KINDS: tuple[SearchKind, ...] = (
    SearchKind("centres", _("Acceleration Centres"), _centres, translated=("description",),
               plain=("name", "host_organisation", "city"), name="name", country="country",
               to_result=lambda c: Result(c.name, c.get_absolute_url(),
                                          f"{c.host_organisation} · {c.city}, {c.country.name}")),
    SearchKind("members", _("Board members"), _members, translated=("title", "biography"),
               plain=("full_name", "organisation"), name="full_name", country="country",
               to_result=lambda m: Result(m.full_name, reverse("board:member-detail", args=[m.slug]),
                                          ", ".join(p for p in (m.title, m.organisation) if p))),
    SearchKind("meetings", _("Board meetings"), _meetings,
               translated=("city", "held_with", "agenda", "report_summary"), country="country",
               to_result=lambda m: Result(str(m), reverse("board:meeting-detail", args=[m.number]),
                                          f"{m.city}, {m.country.name}")),
    SearchKind("playbooks", _("Playbooks"), _playbooks, translated=("title", "summary", "partners"),
               name="title_en",
               to_result=lambda p: Result(p.title, reverse("dtlab:playbook-detail", args=[p.slug]),
                                          _short(p.summary))),
    SearchKind("news", _("News and announcements"), _news, translated=("title", "body"), name="title_en",
               to_result=lambda n: Result(n.title, n.get_absolute_url(), _short(n.body))),
    SearchKind("pledges", _("Partner2Connect pledges"), _pledges,
               plain=("title", "description", "pledger__organisation"), name="title",
               to_result=lambda p: Result(p.title, reverse("partnerships:pledge", args=[p.pk]),
                                          p.pledger.organisation)),
    SearchKind("partners", _("Partners"), _partners, translated=("name",), plain=("acronym",),
               name="name_en", country="country",
               to_result=lambda p: Result(p.name, reverse("partnerships:index"), p.acronym)),
    SearchKind("documents", _("Published documents"), _documents, plain=("symbol",),
               to_result=_document_result),
)
KIND_KEYS = [kind.key for kind in KINDS]


def _document_kinds_named(text: str) -> list[str]:
    """The report kinds whose name in any of the six languages contains ``text``."""
    from alliance.reports.registry import ReportKind

    needle = text.casefold()
    found = []
    for value, label in ReportKind.choices:
        for language in LANGUAGES:
            with translation.override(language):
                if needle in str(label).casefold():
                    found.append(value)
                    break
    return found


def _contains(columns: list[str], text: str) -> Q:
    condition = Q()
    for column in columns:
        condition |= Q(**{f"{column}__icontains": text})
    return condition


def _common(kind: SearchKind, text: str) -> Q:
    """What finds an object on every database: its country's name, the documents' kinds and years."""
    condition = Q()
    if kind.country:
        codes = codes_named(text)
        if codes:
            condition |= Q(**{f"{kind.country}__in": codes})
    if kind.key == "documents":
        kinds = _document_kinds_named(text)
        if kinds:
            condition |= Q(kind__in=kinds)
        if text.isdigit() and len(text) == 4:
            condition |= Q(period_start__year__lte=int(text), period_end__year__gte=int(text))
    return condition


def _fallback(kind: SearchKind, text: str) -> QuerySet:
    columns = [*kind.plain, *(column for language in LANGUAGES for column in kind.columns(language))]
    return kind.queryset().filter(_contains(columns, text) | _common(kind, text))


def _postgresql(kind: SearchKind, text: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramSimilarity

    qs = kind.queryset()
    condition = _contains(list(kind.plain), text) | _common(kind, text)
    current = translation.get_language() or settings.LANGUAGE_CODE
    rank = None
    for language in LANGUAGES if kind.translated else ():
        config = SEARCH_CONFIGS[language]
        alias = f"search_{build_localized_fieldname('v', language)}"
        qs = qs.alias(**{alias: SearchVector(*kind.columns(language), config=config)})
        query = SearchQuery(text, config=config, search_type="websearch")
        condition |= Q(**{alias: query})
        if language in SUBSTRING_LANGUAGES:
            condition |= _contains(kind.columns(language), text)
        if language == current:
            rank = SearchRank(F(alias), query)
    if kind.name:
        qs = qs.alias(search_similarity=TrigramSimilarity(kind.name, text))
        condition |= Q(search_similarity__gt=TRIGRAM_THRESHOLD)
        similarity = F("search_similarity")
        rank = Greatest(rank, similarity) if rank is not None else similarity
    qs = qs.filter(condition)
    if rank is None:
        return qs
    return qs.alias(search_rank=rank).order_by(F("search_rank").desc(nulls_last=True),
                                                *qs.query.order_by)


def search_kind(kind: SearchKind, text: str) -> QuerySet:
    """The public objects of ``kind`` that ``text`` finds, best first on PostgreSQL."""
    if connection.vendor == "postgresql":
        return _postgresql(kind, text)
    return _fallback(kind, text)


def kind_named(key: str) -> SearchKind:
    return next(kind for kind in KINDS if kind.key == key)


@dataclass
class Group:
    kind: SearchKind
    results: list[Result]
    has_more: bool


def site_search(text: str, *, size: int = GROUP_SIZE) -> list[Group]:
    """The first ``size`` results of each kind that has any (one query per kind)."""
    groups = []
    for kind in KINDS:
        found = list(search_kind(kind, text)[:size + 1])
        if found:
            groups.append(Group(kind, [kind.to_result(obj) for obj in found[:size]], len(found) > size))
    return groups

