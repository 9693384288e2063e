# Webhook configuration API (reader dialect), filled in by the webhooks core.
urlpatterns: list = []
