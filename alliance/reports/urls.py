"""Staff pages of the TDAG progress reports (/staff/reports/)."""

app_name = "reports"

urlpatterns: list = []
