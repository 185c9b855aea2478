"""The thread between a centre's hosts and BDT: each message tells the other side by e-mail once it
is saved, with a link and without the text; a host reads and writes only their own centre's thread."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centres import services
from centres.models import CentreMessage
from tests.factories import UserFactory, pdf_upload

from .conftest import make_host


def test_a_hosts_message_is_kept_and_bdt_is_told_after_the_commit(
        host_client, host_user, centre, settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.ALLIANCE_CONTACT_EMAIL = "bdt-inbox@itu.example"
    settings.PORTAL_BASE_URL = "https://alliance.itu.example"
    settings.ALLOWED_HOSTS = ["*"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        # The link is the portal's address, whatever Host the request named.
        response = host_client.post(reverse("portal:messages"), HTTP_HOST="forged.example", data={
            "body": "Our report was returned: which figures are missing?",
            "attachment": pdf_upload("figures.pdf")})
    assert not mailoutbox  # nothing leaves before the message is committed
    for callback in callbacks:
        callback()
    message = CentreMessage.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#message-{message.pk}")
    assert (message.centre, message.author, message.from_bdt) == (centre, host_user, False)
    assert [mail.to for mail in mailoutbox] == [["bdt-inbox@itu.example"]]
    body = mailoutbox[0].body
    assert centre.name in mailoutbox[0].subject
    assert "which figures are missing" not in body  # the text stays in the portal
    assert f"/admin/centres/centremessage/?centre__id__exact={centre.pk}" in body
    assert body.count("https://alliance.itu.example/") == 1 and "forged.example" not in body


def test_bdts_answer_tells_each_host_of_the_centre_and_no_one_else(
        centre, other_centre, staff_client, django_user_model, mailoutbox,
        django_capture_on_commit_callbacks):
    first = make_host(django_user_model, centre)
    first.email = "first@host.example"
    first.save()
    second = UserFactory(email="second@host.example")
    centre.hosts.create(user=second)
    other_host = make_host(django_user_model, other_centre)
    other_host.email = "other@host.example"
    other_host.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("admin:centres_centremessage_add"), {
            "centre": centre.pk, "body": "Add the number of start-ups supported."})
    assert response.status_code == 302
    message = CentreMessage.objects.get()
    assert message.from_bdt and message.author.username == "bdt"
    assert sorted(mail.to[0] for mail in mailoutbox) == ["first@host.example", "second@host.example"]
    assert all("start-ups" not in mail.body for mail in mailoutbox)
    assert all(reverse("portal:messages") in mail.body for mail in mailoutbox)


def test_a_message_needs_text_and_a_pdf_attachment(host_client, centre, mailoutbox):
    response = host_client.post(reverse("portal:messages"), {"body": "  "})
    assert response.status_code == 200
    fake = SimpleUploadedFile("notes.pdf", b"<script>alert(1)</script>", content_type="application/pdf")
    response = host_client.post(reverse("portal:messages"), {"body": "See attached.", "attachment": fake})
    assert "this file is not a PDF" in response.content.decode()
    assert not CentreMessage.objects.exists() and not mailoutbox


def test_the_host_reads_only_their_own_centres_thread(host_client, centre, other_centre, staff_user):
    services.centre_message_send(centre=centre, body="Welcome to the network.", by=staff_user, from_bdt=True)
    other = services.centre_message_send(centre=other_centre, body="Secret to the other centre.",
                                         by=staff_user, from_bdt=True, attachment=pdf_upload())
    page = host_client.get(reverse("portal:messages")).content.decode()
    assert "Welcome to the network." in page
    assert "Secret to the other centre." not in page
    assert host_client.get(reverse("portal:message-attachment", args=[other.pk])).status_code == 404


def test_the_host_downloads_an_attachment_of_their_thread(host_client, centre, staff_user):
    message = services.centre_message_send(centre=centre, body="The template.", by=staff_user, from_bdt=True,
                                           attachment=pdf_upload("template.pdf"))
    response = host_client.get(reverse("portal:message-attachment", args=[message.pk]))
    assert response["Content-Disposition"].startswith("attachment")


def test_sent_messages_cannot_be_changed_in_the_admin(centre, staff_client, staff_user):
    message = services.centre_message_send(centre=centre, body="As sent.", by=staff_user, from_bdt=True)
    staff_client.post(reverse("admin:centres_centremessage_change", args=[message.pk]),
                      {"centre": centre.pk, "body": "Rewritten."})
    message.refresh_from_db()
    assert message.body == "As sent."


def test_staff_download_a_hosts_attachment_in_the_admin_and_hosts_cannot(
        centre, host_user, host_client, staff_client):
    message = services.centre_message_send(centre=centre, body="Our budget.", by=host_user, from_bdt=False,
                                           attachment=pdf_upload("budget.pdf"))
    url = reverse("admin:centres_centremessage_attachment", args=[message.pk])
    page = staff_client.get(reverse("admin:centres_centremessage_change", args=[message.pk])).content.decode()
    assert f'href="{url}"' in page
    response = staff_client.get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert host_client.get(url).status_code == 302  # the admin's gate: to its login page
