"""A host replaces a document of the centre and finds the earlier file in its history, then writes
to BDT; a BDT officer answers in the admin, and the host reads the answer in the portal."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from alliance.core.roles import BDT_STAFF_GROUP
from centres import services
from centres.models import Centre, CentreDocumentVersion, CentreMessage
from tests.centres.conftest import make_host
from tests.factories import PDF_BYTES, StagedCentreFactory, pdf_upload

from . import keyboard
from .conftest import give_authenticator, screenshot
from .test_journey_host_work import _patient_expectations, call, click_and_wait, host_page, log_in  # noqa: F401


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_host_replaces_a_document_then_bdt_answers_the_hosts_message(
        live_server, browser, host_page, call, django_user_model, tmp_path, mailoutbox):  # noqa: F811
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    host = make_host(django_user_model, centre, "lakeside-host")
    document = services.centre_document_upload(centre=centre, title="Statutes",
                                               file=pdf_upload("statutes.pdf"), by=host)
    staff = django_user_model.objects.create_user(username="bdt-officer", password="officer pass 2024",
                                                  email="officer@itu.example", is_staff=True)
    staff.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    give_authenticator(staff)
    new_file = tmp_path / "statutes-2025.pdf"
    new_file.write_bytes(PDF_BYTES.replace(b"1.4", b"1.7"))
    page, main, base = host_page, host_page.locator("main"), live_server.url

    log_in(page, base, "lakeside-host")
    nav = page.get_by_role("navigation", name="Centre portal")
    with page.expect_navigation():
        nav.get_by_role("link", name="Documents").click()
    with page.expect_navigation():
        main.get_by_role("link", name="Statutes", exact=True).click()
    expect(main).to_contain_text("This document has not been replaced yet.")
    main.get_by_label("New file (PDF)").set_input_files(str(new_file))
    click_and_wait(page, "Replace")
    expect(main).to_contain_text("The document was replaced")
    history = main.get_by_role("table", name="Files this document held before, newest first")
    expect(history.locator("tbody tr")).to_have_count(1)
    expect(history).to_contain_text("lakeside-host")
    screenshot(page, "host-document-history")
    assert CentreDocumentVersion.objects.get().document_id == document.pk

    with page.expect_navigation():
        nav.get_by_role("link", name="Messages with BDT").click()
    main.get_by_label("Message").fill("We replaced our statutes: could BDT check the new version?")
    click_and_wait(page, "Send")
    expect(main).to_contain_text("Your message was sent to BDT.")
    expect(main.locator("ol.thread li")).to_have_count(1)

    officer = browser.new_context().new_page()
    keyboard.log_in(officer, base, "bdt-officer", "officer pass 2024")
    officer.goto(f"{base}/en/admin/centres/centremessage/?centre__id__exact={centre.pk}")
    expect(officer.locator("#result_list")).to_contain_text("We replaced our statutes")
    officer.goto(f"{base}/en/admin/centres/centremessage/add/")
    officer.locator("#id_centre").fill(str(centre.pk))
    officer.locator("#id_body").fill("Thank you: the new statutes are in order.")
    with officer.expect_navigation():
        officer.locator("input[name=_save]").click()
    assert CentreMessage.objects.filter(centre=centre, from_bdt=True, author=staff).count() == 1
    officer.context.close()

    page.reload()
    thread = main.locator("ol.thread li")
    expect(thread).to_have_count(2)
    expect(thread.nth(1)).to_contain_text("BDT")
    expect(thread.nth(1)).to_contain_text("the new statutes are in order")
    screenshot(page, "host-messages")
