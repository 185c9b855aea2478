"""The centre hosts' self-service portal (/portal/): a host sees only their own centre."""

app_name = "portal"

urlpatterns: list = []
