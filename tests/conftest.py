import pytest
from django.contrib.auth.models import Group

from alliance.roles import BDT_STAFF_GROUP


@pytest.fixture
def staff_user(django_user_model):
    user = django_user_model.objects.create_user(
        username="bdt", password="correct horse battery", email="bdt@itu.example", is_staff=True
    )
    user.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    return user


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def member_user(django_user_model):
    return django_user_model.objects.create_user(
        username="member", password="correct horse battery", email="member@example.org"
    )
