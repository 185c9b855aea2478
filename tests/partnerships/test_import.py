import tablib

from partnerships.admin import AgreementResource, PartnerResource
from partnerships.models import Partner, PartnershipAgreement

AGREEMENT_HEADERS = ["reference", "title_en", "partner", "signed_on", "status", "partner_contribution_usd",
                     "itu_contribution_usd", "region", "priorities"]


def agreements_dataset(rows) -> tablib.Dataset:
    return tablib.Dataset(*rows, headers=AGREEMENT_HEADERS)


def test_an_agreement_import_with_bad_rows_reports_each_and_imports_nothing(make_partner):
    partner = make_partner()
    dataset = agreements_dataset([
        ["I-1", "Good", partner.pk, "2024-02-01", "signed", "100", "0", "africa", "digital_transformation"],
        ["I-2", "Negative", partner.pk, "2024-02-01", "signed", "-5.00", "0", "africa", ""],
        ["I-3", "Future", partner.pk, "2999-01-01", "signed", "0", "0", "europe", ""],
        ["I-4", "Unknown region", partner.pk, "2024-02-01", "signed", "0", "0", "atlantis", ""],
        ["I-5", "Unknown priority", partner.pk, "2024-02-01", "signed", "0", "0", "cis", "world_peace"],
    ])
    result = AgreementResource().import_data(dataset, dry_run=False)
    assert result.has_validation_errors() or result.has_errors()
    bad_rows = {row.number for row in result.invalid_rows} | {n for n, _errors in result.row_errors()}
    assert bad_rows == {2, 3, 4, 5}
    assert not PartnershipAgreement.objects.exists()


def test_a_clean_agreement_import_stores_every_row(make_partner):
    partner = make_partner()
    dataset = agreements_dataset([
        ["I-1", "One", partner.pk, "2024-02-01", "signed", "100.00", "0", "africa", "digital_transformation"],
        ["I-2", "Two", partner.pk, "2024-03-01", "active", "0", "50.00", "global",
         "enabling_environment,inclusive_secure_ict"],
    ])
    result = AgreementResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert PartnershipAgreement.objects.count() == 2
    assert PartnershipAgreement.objects.get(reference="I-2").priorities.count() == 2


def test_a_partner_import_with_a_bad_row_imports_nothing(db):
    dataset = tablib.Dataset(
        ["", "Good partner", "", "government", "member_state", "KE"],
        ["", "Bad kind", "", "alien", "none", ""],
        headers=["id", "name_en", "acronym", "kind", "membership_category", "country"],
    )
    result = PartnerResource().import_data(dataset, dry_run=False)
    assert [row.number for row in result.invalid_rows] == [2]
    assert not Partner.objects.exists()


def test_partners_export_with_their_names_in_six_languages(make_partner):
    make_partner(name="World Meteorological Organization", name_fr="Organisation météorologique mondiale")
    exported = PartnerResource().export()
    assert "name_fr" in exported.headers
    assert exported.dict[0]["name_fr"] == "Organisation météorologique mondiale"


def test_staff_import_through_the_admin_shows_errors_and_stores_nothing(staff_client, make_partner):
    partner = make_partner()
    csv = ("reference,title_en,partner,signed_on,status,partner_contribution_usd,itu_contribution_usd,region,"
           f"priorities\nA-1,Fine,{partner.pk},2024-01-01,signed,1,0,africa,\n"
           f"A-2,Bad,{partner.pk},2024-01-01,signed,-1,0,africa,\n")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("agreements.csv", csv.encode(), content_type="text/csv")
    response = staff_client.post("/en/admin/partnerships/partnershipagreement/import/",
                                 {"import_file": upload, "format": "0", "resource": "0"})
    assert response.status_code == 200
    assert "An amount cannot be negative." in response.content.decode()
    assert not PartnershipAgreement.objects.exists()
